/**
 * Pure: briefings on the Party's resolutions (classes and meetings counted, the people they reached) and trips out to
 * the grassroots, in phrasings the unit rules of rules.ts leave without a key; rules.ts asks here before them.
 * Written from the genre (reports and news of Ban Dân vận / Ban Tuyên giáo và Dân vận), not from any one text.
 */
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";
import { ceremony } from "./rule-passages.ts";

/** The key these phrasings give a figure; undefined when none of them is the figure's (rules.ts reads it on). */
export function briefingFor(f: RuleInput): string | undefined {
  const { unit, right, seg, before, tail } = f;
  const sentence = before + " " + tail;
  if (unit === null || f.percent) return undefined;
  // "tổ chức 378 lớp, với …", "mở 24 lớp học tập nghị quyết": classes studying a resolution are briefings; not
  // classes of training ("lớp tập huấn kỹ thuật", "lớp bồi dưỡng nghiệp vụ").
  // Also classes named by who studied in them ("02 lớp cán bộ chủ chốt"), the briefing named in the passage before.
  if (unit === "lớp") {
    const bare = !CLASS_OTHER.test(right) && !BUILT.test(seg) && briefingPassage(f);
    return (bare || STUDY_CLASS.test(right)) && !R.technical.test(sentence) ? "dissemination.conferences" : undefined;
  }
  // "Tổ chức 28 cuộc đi cơ sở, nắm tình hình", "12 đợt thâm nhập cơ sở": trips out to the grassroots, as "lượt đi cơ sở".
  if ((unit === "cuộc" || unit === "đợt") && TRIP_NAMED.test(right)) return "outreach.sessions";
  // "14 cuộc quán triệt, 60 cuộc tuyên truyền nghị quyết đại hội": briefings counted in "cuộc", on a resolution
  // named in their noun list (not the law taught, nor a campaign).
  if (unit === "cuộc") {
    const nouns = tail.split(NOUNS_END)[0]!;
    return BRIEFING_EVENT.test(right) && RESOLUTION.test(nouns) && !LAW.test(nouns) ? "dissemination.conferences" : undefined;
  }
  // "45 buổi quán triệt nghị quyết", "12 buổi học tập chuyên đề": briefing sessions, not mobilising ones.
  if (unit === "buổi" && BRIEFING_SESSION.test(right)) return "dissemination.conferences";
  // "Cán bộ của Ban thâm nhập cơ sở 48 lượt", "đi cơ sở nắm tình hình 70 lượt": trips out to the grassroots.
  if (unit === "lượt" && rx("^lượt( cán bộ)?\\s*$").test(right) && TRIP_BEFORE.test(seg) && !rx("\\b(cho|đến|tới)\\s*$").test(seg) && !R.reception.test(seg) && !R.campaign.test(seg)) return "outreach.sessions";
  if (!people(f)) return undefined;
  if (R.dialogue.test(sentence) || R.campaign.test(sentence) || R.voters.test(sentence) || R.technical.test(sentence) || R.reception.test(before)) return undefined;
  // "Hội nghị quán triệt … đến 32 điểm cầu với 1.850 đại biểu", "… 14 cuộc quán triệt … cho 5.200 hội viên", "… 56 lớp,
  // với 4.210/4.300 đảng viên": the people a briefing reached, counted after "với" or "cho".
  // The meeting is named before them: a review or a congress there ("Hội nghị tổng kết … với 200 đại biểu") is no
  // briefing, but a congress's resolution briefed is ("tuyên truyền nghị quyết đại hội … cho").
  const statement = f.statement ?? before;
  // The briefing is the clause's own ("…; trao quà cho 50 người" after one is not), nothing else counted after it.
  const own = R.briefed.test(before) || (CLASSES_COUNTED.test(before) && briefingPassage(f)) || countedLast(before);
  if (REACHED.test(before) && own && !ceremony(before.replace(CONGRESS_RESOLUTION, ""))) return "dissemination.attendees";
  // "Kết quả học tập nghị quyết: …; Nghị quyết Trung ương 9 có 3.900 lượt quần chúng tham gia": a later clause of a
  // statement on studying resolutions, the people who joined in it.
  // "Tổ chức 3 hội nghị tuyên truyền; 250 lượt người tham gia": the same after a count of propaganda meetings.
  if ((R.briefed.test(statement) || PROPAGANDA_MEETINGS.test(statement)) && !ceremony(statement) && JOINED_AFTER.test(tail)) return "dissemination.attendees";
  // "Số hội nghị quán triệt: 8; số người dự: 1.200": those who attended, counted under a label of their own in a later
  // clause of the statement on the briefing.
  if (R.briefed.test(statement) && !ceremony(statement) && ATTENDED_LABEL.test(seg)) return "dissemination.attendees";
  // "…: có 98% đảng viên và 4.300 lượt quần chúng tham gia; Nghị quyết Trung ương 9: có 97% đảng viên và 3.900 quần
  // chúng": an item of the same list, its verb said once in an earlier item of the statement.
  if (R.briefed.test(statement) && !ceremony(statement) && JOINED_EARLIER.test(statement.slice(0, -before.length || undefined)) && ITEM_END.test(tail)) return "dissemination.attendees";
  return undefined;
}

/** A label counting those who attended, right before their number: "số người dự: ", "số lượt người tham dự: ", "số đại biểu dự ". */
const ATTENDED_LABEL = rx("(^\\s*|[;,]\\s*)số (lượt )?(người|đại biểu|đảng viên|cán bộ|hội viên)( tham)? dự\\s*:?\\s*$");
/** Propaganda meetings counted, a kind of dissemination meeting: "3 hội nghị tuyên truyền", "05 hội nghị phổ biến". */
const PROPAGANDA_MEETINGS = rx("\\d\\s*hội nghị (tuyên truyền|phổ biến)\\b");
/** Those who joined or attended, said in the clause right after the people: "… quần chúng ở cơ sở tham gia học tập". */
const JOINED_AFTER = rx("^[^;.\\d]{0,60}\\b(tham gia|tham dự|dự)\\b");
/** Briefings counted in the clause, the last count before the people: "… 7 hội nghị triển khai Luật … cho ". */
function countedLast(before: string): boolean {
  let last = -1;
  COUNTED_G.lastIndex = 0;
  for (let m = COUNTED_G.exec(before); m !== null; m = COUNTED_G.exec(before)) last = m.index + m[0].length;
  // Years of a term between are no count: "… nghị quyết đại hội nhiệm kỳ 2020 - 2025, cho ".
  return last >= 0 && !/\d/.test(before.slice(last).replace(/(?<!\d)(19|20)\d\d(?!\d)/gu, ""));
}
/** People counted and joining in an earlier item of the statement: "4.300 lượt quần chúng tham gia;". */
const JOINED_EARLIER = rx("\\d\\s*(lượt\\s+)?(quần chúng|người|đảng viên|cán bộ|hội viên|đoàn viên)[^;.\\d]{0,20}\\b(tham gia|tham dự|dự)\\b[^;.\\d]{0,30};");
/** The item ends right after its people: "… 3.900 quần chúng;", "… quần chúng)." */
const ITEM_END = rx("^\\s*[\\p{L}\\p{M} ]{0,20}\\s*([;.)]|$)");
/** A congress's resolution or documents: "nghị quyết đại hội", "văn kiện đại hội". */
const CONGRESS_RESOLUTION = new RegExp(rx("(nghị quyết|văn kiện) đại hội").source, "gu");

/**
 * A briefing named in the figure's statement ("Toàn huyện quán triệt nghị quyết được 56 lớp"), or in the passage before
 * a statement that counts classes ("Học tập, quán triệt Nghị quyết … Toàn huyện đã tổ chức 23 lớp").
 */
function briefingPassage(f: RuleInput): boolean {
  const statement = f.statement ?? f.before;
  return R.briefed.test(statement) || ((f.unit === "lớp" || CLASSES_COUNTED.test(statement)) && R.briefed.test(f.wide.slice(-400)) && !R.technical.test(f.wide.slice(-400)));
}
/** Classes of another kind: training, teaching, a trade, a school's classes. */
const OTHER_KINDS = "(học\\s+)?(tập huấn|bồi dưỡng|đào tạo|dạy|nghề|kỹ năng|xoá mù|tiếng|kỹ thuật|năng khiếu|mẫu giáo|mầm non|tình thương)";
const CLASS_OTHER = rx("^lớp\\s+" + OTHER_KINDS);
/** Classes counted, not of another kind: "23 lớp (", "56 lớp, với" (not "3 lớp bồi dưỡng lý luận chính trị cho"). */
const CLASSES_COUNTED = rx("\\d\\s*lớp\\b(?!\\s+" + OTHER_KINDS + ")");
/** Classrooms built: "xây mới 6 lớp học". */
const BUILT = rx("\\b(xây|xây mới|xây dựng|sửa chữa|nâng cấp)\\s*$");

/** People counted: "người", turns of people, or people named by who they are ("đại biểu", "đảng viên", "quần chúng"). */
function people(f: RuleInput): boolean {
  const { unit, right } = f;
  // "mở 15 lớp quán triệt với 1.800 học viên": those who studied in a briefing's classes are its people too.
  if (unit === "người" || unit === "quần chúng" || unit === "học viên") return true;
  if (unit === "lượt") return R.briefedRight.test(right) || rx("^lượt (quần chúng|đại biểu|học viên)").test(right);
  return unit !== null && R.attendees.has(unit);
}

/** A class named by its study: "lớp học tập nghị quyết", "lớp quán triệt", "lớp nghiên cứu, học tập chuyên đề". */
const STUDY_CLASS = rx("^lớp( học)?\\s+(quán triệt|(nghiên cứu,?\\s+)?học tập\\s+(nghị quyết|chỉ thị|kết luận|chuyên đề))");
/** A briefing counted in "cuộc": "cuộc quán triệt", "cuộc triển khai", "cuộc tuyên truyền". */
const BRIEFING_EVENT = rx("^cuộc\\s+(quán triệt|triển khai|học tập|tuyên truyền|phổ biến)\\b");
const RESOLUTION = rx("\\b(nghị quyết|chỉ thị|kết luận)\\b");
const LAW = rx("\\bpháp luật\\b");
/** Where a noun list after a count ends: a clause mark, or the audience or the place it went to. */
const NOUNS_END = rx("[;.:]|\\s(cho|với|tại|đến)\\s");
/** A trip out to the grassroots right before the count, nothing counted between: "thâm nhập cơ sở ", "đi cơ sở nắm tình hình ".
 * Also the cadres who went, after "với": "đi cơ sở, bám địa bàn với 150 lượt cán bộ"; not an audience ("… cho 500 lượt"). */
const TRIP_BEFORE = rx("(thâm nhập|bám nắm|bám (sát )?(cơ sở|địa bàn|thôn|buôn|bản|làng)|(đi|xuống|về) cơ sở)[^\\d,;:]{0,40}$");
/** A trip named right after its count: "cuộc đi cơ sở", "đợt xuống cơ sở", "đợt thâm nhập". */
const TRIP_NAMED = rx("^(cuộc|đợt)\\s+((đi|xuống|về)\\s+(cơ sở|thôn|buôn|bản|địa bàn)|thâm nhập|bám nắm)\\b");
/** The people a briefing reached, counted after "với" or "cho": "… với ", "… cho ". */
const REACHED = rx("\\b(với|cho|đến|tới)\\s*$");
/**
 * Briefings counted before in the clause: "14 cuộc quán triệt", "45 hội nghị tuyên truyền nghị quyết"; meetings named by
 * any dissemination: "8 hội nghị triển khai Luật … cho", "12 hội nghị báo cáo viên với".
 */
const BRIEFINGS_COUNTED = rx("\\d\\s*((hội nghị|lớp|cuộc)\\s+(quán triệt|học tập|(tuyên truyền|triển khai|phổ biến)[^,;.\\d]{0,20}\\b(nghị quyết|chỉ thị|kết luận))|hội nghị\\s+(tuyên truyền|triển khai|phổ biến|giới thiệu|báo cáo viên))");
const COUNTED_G = new RegExp(BRIEFINGS_COUNTED.source, "gu");
/** A briefing session: "buổi quán triệt", "buổi học tập nghị quyết", "buổi triển khai chỉ thị". */
const BRIEFING_SESSION = rx("^buổi\\s+(quán triệt|học tập\\s+(nghị quyết|chỉ thị|kết luận|chuyên đề)|triển khai\\s+(nghị quyết|chỉ thị|kết luận))");
