/**
 * Pure: propaganda and mobilisation sessions counted in "cuộc" after the verb and the audience it was for
 * ("tuyên truyền cho cán bộ, hội viên … được 356 cuộc"), and models or exemplars that were only surveyed or inspected
 * ("khảo sát 12 mô hình"), and the delegates a dissemination meeting was held for ("… cho 320 đại biểu"); rules.ts and
 * rules-dvk.ts ask these. Written from the genre (reports on mobilisation work
 * and grassroots democracy), not from any one text.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";

/**
 * "Các xã tuyên truyền cho cán bộ, hội viên, đoàn viên và quần chúng nhân dân được 356 cuộc", "tuyên truyền, vận động
 * được 428 cuộc", "Tuyên truyền 120 cuộc về phòng chống ma túy": sessions the verb of propaganda counts in its own
 * clause, nothing counted between; not the law disseminated, not a campaign itself ("3 cuộc vận động").
 */
export function propagandaCounted(f: RuleInput): boolean {
  if (!BARE_SESSION.test(f.right)) return false;
  const clause = f.before.slice(-240).split(/[;:]|\.(?!\d)/u).pop()!;
  let verb: RegExpExecArray | null = null;
  for (const m of clause.matchAll(PROPAGANDA)) verb = m;
  // "Tổ chức hội nghị tuyên truyền, vận động tín đồ được 28 cuộc": meetings counted in "cuộc", not sessions of a campaign.
  if (verb === null || MEETING.test(clause.slice(0, verb.index))) return false;
  // A term's years in the topic are no count: "tuyên truyền về bầu cử đại biểu HĐND nhiệm kỳ 2021 – 2026 cho cử tri được 85 cuộc".
  const between = clause.slice(verb.index + verb[0].length).replace(YEAR, " ");
  if (/\d/.test(between) || !(COUNTED_BY.test(between) || /^\s*$/u.test(between))) return false;
  return !LAW_TAUGHT.test(between + " " + f.tail.split(/[;.]/)[0]!);
}

/** "Ban Dân vận Tỉnh ủy khảo sát 12 mô hình", "kiểm tra thực tế 8 điển hình": models visited to be checked, not built. */
export function surveyedModels(f: RuleInput): boolean {
  return SURVEYED.test(f.seg);
}

/**
 * "tổ chức 02 hội nghị tập huấn công tác dân vận, dân chủ ở cơ sở cho 320 đại biểu", "28 hội nghị triển khai Luật … đến
 * 3.200 cán bộ", "16 hội nghị quán triệt với trên 2.000 đại biểu": delegates, cadres or members a
 * dissemination meeting counted just before was held for, as "… cho 3.500 lượt người" (not a training in techniques).
 */
export function delegatesBriefed(f: RuleInput): boolean {
  return MEETINGS_JUST_BEFORE.test(f.before) && R.dissemination.test(f.before) && FOR.test(f.seg)
    && !R.technical.test(f.before + " " + f.tail) && !R.dialogue.test(f.before) && !R.voters.test(f.before)
    && !R.ceremony.test(f.before.slice(-120));
}

/** "Có 12 đồng chí được tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”": comrades commended, said right after them; not proposed. */
export function comradesAwarded(f: RuleInput): boolean {
  return AWARDED_RIGHT.test(f.right) && !R.proposal.test(f.before.slice(-60));
}

/** "cuộc" bare, or its topic, place or audience after it; not "cuộc vận động", "cuộc thi", "cuộc họp". */
const BARE_SESSION = rx("^cuộc(\\s*$|\\s+(về|tại|ở|cho|với|có|trong|trên|bằng|lồng ghép)\\b)");
const PROPAGANDA = new RegExp(rx("\\btuyên truyền\\b").source, "gu");
/** The verb's object counted after "được", its audience or its means before: "… cho quần chúng nhân dân được ". */
const COUNTED_BY = rx("\\bđược\\s*$");
const YEAR = /(?<![\d.,])(19|20)\d\d(?![\d.,]\d)/gu;
const MEETING = rx("\\bhội nghị\\b");
/** The law disseminated, not people mobilised: "tuyên truyền, phổ biến, giáo dục pháp luật" (rules.ts too). */
export const LAW_TAUGHT = rx("\\bphổ biến\\b|\\bpháp luật\\b");
/** A meeting of the residents: "cuộc họp dân", "cuộc họp thôn", "cuộc họp với Nhân dân" (rules.ts reads its sessions). */
export const RESIDENTS_MEETING = rx("^cuộc họp (dân|thôn|tổ dân phố|khu dân cư|nhân dân|với (nhân dân|người dân|dân))\\b");
const SURVEYED = rx("\\b(khảo sát|kiểm tra|giám sát|tham quan|thẩm định)(\\s+(thực tế|tại chỗ|trực tiếp))?(\\s+(các|đối với))?\\s*(được\\s*)?(hơn|trên|gần|khoảng)?\\s*$");
/** A count of meetings right before, nothing counted between: "02 hội nghị tập huấn công tác dân vận cho ". */
const MEETINGS_JUST_BEFORE = rx("\\d\\s*hội nghị\\b[^\\d;.]{0,100}$");
/** What joins the meeting to those it reached: "… cho ", "… đến ", "… với trên ". */
const FOR = rx("\\b(cho|đến|tới|với)\\s*(hơn|trên|gần|khoảng)?\\s*$");
/** The commendation said right after the comrades counted: "đồng chí được tặng Kỷ niệm chương", "đồng chí vinh dự được trao Bằng khen". */
const AWARDED_RIGHT = rx("^đồng chí\\s+(đã\\s+)?(vinh dự\\s+)?được\\s+(trao tặng|tặng|trao|nhận)\\s+(kỷ niệm chương|bằng khen|giấy khen|huân chương)");
