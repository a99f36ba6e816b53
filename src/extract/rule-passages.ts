/**
 * Pure: the passage-level tests the indicator rules share, on a figure's context (RuleInput): Dân vận khéo
 * named before, proposals, soldiers back home, meetings with the people, petition subsets, receptions
 * handled, people at a briefing.
 */
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { R, type RuleInput } from "./rule-words.ts";
import { listHeading, SECTION_HEADING } from "./items.ts";

/**
 * "Dân vận khéo" named in the sentence (anywhere in it), or in the passage before a sentence that
 * breaks its figure down ("…274 mô hình, điển hình Dân vận khéo. Trong đó, 194 mô hình tập thể…").
 */
export function dvkContext(f: RuleInput): boolean {
  return R.dvk.test(f.before) || R.dvk.test(f.tail) || R.dvk.test(f.rest) || (R.breakdown.test(f.before) && R.dvk.test(f.wide));
}

/**
 * A proposal opens the sentence, or the sentence before it when this one only names the award and goes on
 * with its list ("Đề nghị tặng … cho 89 cá nhân, 7 tập thể. Bằng khen của Thủ tướng Chính phủ cho 7 cá nhân.").
 */
export function proposedList(f: RuleInput): boolean {
  const statement = f.statement ?? f.before;
  if (R.proposalOpens.test(statement)) return true;
  if (!R.awardNounOpens.test(statement)) return false;
  const earlier = f.wide.slice(0, Math.max(0, f.wide.length - statement.length)).replace(/[.\s]+$/u, "");
  const prev = earlier.slice(Math.max(earlier.lastIndexOf("."), earlier.lastIndexOf("\n")) + 1);
  return R.proposalOpens.test(prev);
}

/** "Dân vận khéo" named in the sentence right before this one (about 200 chars before its start). */
export function dvkBefore(f: RuleInput): boolean {
  const cut = f.wide.length - f.before.length;
  return cut > 0 && R.dvk.test(f.wide.slice(Math.max(0, cut - 200), cut));
}

/**
 * The numbered section heading the passage before the figure falls under ("4. Phong trào thi đua “Dân vận khéo”" over
 * its paragraphs), when no other numbered heading comes between; null when the passage holds none.
 */
export function sectionHeading(f: RuleInput): string | null {
  const lines = f.wide.slice(0, Math.max(0, f.wide.length - f.before.length)).split("\n");
  lines.pop();
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k]!.trim();
    if (SECTION_HEADING.test(line) && line.length <= 120 && !/[.;:]$/.test(line)) return line;
  }
  return null;
}

/**
 * Collectives and individuals said to be recognised ("được công nhận", "tiêu biểu") right after a passage that
 * names Dân vận khéo models or exemplars: "Về điển hình Dân vận khéo\nCó 12 tập thể và 9 cá nhân được công nhận".
 */
export function dvkRecognisedUnder(f: RuleInput): boolean {
  const cut = f.wide.length - f.before.length;
  const passage = f.wide.slice(Math.max(0, cut - 200), cut);
  return R.dvk.test(passage) && rx("mô hình|điển hình").test(passage)
    // "… có 12 tập thể và 9 cá nhân điển hình": the exemplars named right after them (not "điển hình tiên tiến").
    && rx("^[^;.]{0,40}\\b((được|đã được)\\s+(công nhận|bình chọn|lựa chọn)|tiêu biểu|điển hình(?! tiên tiến))").test(f.tail);
}

/** Collectives and individuals counted bare, the sentence ending after them: "Có 15 tập thể và 7 cá nhân." */
const BARE_COUNT = rx("^\\s*(tập thể|cá nhân)(\\s*(và|,)\\s*\\d[\\d.]*\\s*(tập thể|cá nhân))?\\s*([.;]|$)");

/**
 * The heading line right before a sentence that only counts collectives and individuals ("Về mô hình Dân vận khéo\nCó
 * 15 tập thể và 7 cá nhân."): a short line without numbers naming Dân vận khéo models or exemplars; null otherwise.
 */
export function bareUnderDvkHeading(f: RuleInput): string | null {
  if (!BARE_COUNT.test(f.tail)) return null;
  const cut = f.wide.length - f.before.length;
  const passage = f.wide.slice(Math.max(0, cut - 200), cut);
  const line = passage.replace(/\s+$/u, "").split("\n").pop() ?? "";
  return /\n\s*$/u.test(passage) && line.length <= 100 && !/\d/.test(line) && R.dvk.test(line) && rx("mô hình|điển hình").test(line) ? line : null;
}

/**
 * Soldiers back home: said in the sentence, or in the passage before when the sentence only counts them
 * ("Lễ đón quân nhân hoàn thành nghĩa vụ quân sự … 22 đồng chí quân nhân tại buổi lễ"); not recruits.
 */
export function returning(f: RuleInput, sentence: string): boolean {
  if (R.recruits.test(sentence)) return false;
  if (R.returnees.test(sentence) && R.served.test(sentence)) return true;
  const passage = f.wide.slice(-300);
  return R.returnees.test(passage) && R.served.test(passage) && !R.recruits.test(passage);
}

/**
 * Sessions or meetings that are dialogues: named by a noun list holding one ("4 hội nghị tiếp xúc, đối thoại với
 * 320 đại biểu", "36 buổi tiếp xúc, đối thoại định kỳ"), meetings with the people, or the ad-hoc (periodic) ones
 * counted right after a count of dialogues ("28 hội nghị đối thoại định kỳ và 5 hội nghị đột xuất"), or under a
 * label naming such meetings.
 */
export function dialogueMeeting(f: RuleInput): boolean {
  const nouns = f.tail.slice(0, 50).split(/\d| với /)[0]!;
  if (R.dialogue.test(f.right) || (R.dialogue.test(nouns) && !R.voters.test(nouns)) || meetsPeople(f)) return true;
  // "Hội nghị định kỳ giữa cấp ủy, chính quyền với Nhân dân: tổ chức 12 hội nghị": the meeting named by the label.
  const statement = f.statement ?? "";
  // Under a heading line the sentence is read with the heading before it ("4. Hội nghị đối thoại" over "- Định kỳ: 12
  // hội nghị"): the label is then the heading's and the item's, up to the item's colon.
  const label = statement.slice(0, Math.max(0, statement.lastIndexOf(":"))) + " " + f.before.slice(0, Math.max(0, f.before.lastIndexOf(":")));
  // "Kết quả đối thoại: tổ chức 8 hội nghị": or a label naming the dialogue itself.
  if ((R.dialogue.test(label) || (R.periodic.test(label) && R.withPeople.test(label))) && !R.voters.test(label) && rx("^(hội nghị|buổi|cuộc)\\s*($|với\\b)").test(f.right)) return true;
  // "Tổ chức tiếp xúc, đối thoại định kỳ 12 hội nghị, đột xuất 3 hội nghị": meetings counted after the dialogue
  // that names them (and how it was held), the items of its list after it.
  if (rx("^(hội nghị|buổi|cuộc)\\b").test(f.right) && DIALOGUE_COUNTED.test(f.before) && !R.voters.test(f.before)) return true;
  // "100% xã tổ chức hội nghị đối thoại định kỳ; tổng số 48 hội nghị, …": the total in the clause after the one naming them.
  const earlier = statement.slice(0, Math.max(0, statement.length - f.before.length));
  if (TOTAL_LABEL.test(f.before) && rx("^(hội nghị|buổi|cuộc)\\s*($|,|với\\b)").test(f.right) && /;\s*$/u.test(earlier)
    && (R.dialogue.test(earlier) || (R.periodic.test(earlier) && R.withPeople.test(earlier))) && !R.voters.test(earlier)) return true;
  return rx("^(hội nghị|buổi)\\s+(định kỳ|đột xuất)\\b").test(f.right) && rx("đối thoại[^.;:]{0,30}(định kỳ|đột xuất)[^.;:]{0,30}$").test(f.before) && !R.voters.test(f.before);
}

/** A clause that opens with the total, nothing else: "tổng số ", "tổng cộng: ", "tổng số hội nghị là ". */
const TOTAL_LABEL = rx("^\\s*(tổng số|tổng cộng)( (hội nghị|cuộc|buổi))?\\s*(:|là)?\\s*(được\\s*)?$");
/** A dialogue right before its count ("đối thoại định kỳ 12"), or an item of how it was held after it (", đột xuất 3"). */
// Also with the people it was held with between: "đối thoại với Nhân dân được 28", "đối thoại trực tiếp giữa người đứng
// đầu cấp ủy, chính quyền với Nhân dân được 56"; and a periodic meeting named earlier in the sentence: "hội nghị định kỳ
// giữa Thường trực cấp ủy với Nhân dân …, cả năm tổ chức 4"; and the first item of how they were held after the
// dialogues counted: "26 cuộc đối thoại, trong đó định kỳ 20 cuộc", "… (định kỳ 20 cuộc, …)".
const DIALOGUE_COUNTED = rx("đối thoại(\\s+(trực tiếp|định kỳ|đột xuất|thường xuyên|được))*\\s*$|đối thoại[^.;:\\d]{0,100}\\bvới (nhân dân|người dân|dân|công dân)\\s*(được\\s*)?$|hội nghị (định kỳ|đột xuất)[^.;:\\d]{0,60}\\bvới (nhân dân|người dân|dân)\\b([^.;:\\d]|(quy định|chỉ thị|kết luận|quyết định)( số)? \\d+){0,60}\\b(tổ chức|được)\\s*(được\\s*)?$|hội nghị (định kỳ|đột xuất)[^.;:\\d]{0,60}\\bvới (nhân dân|người dân|dân)\\b[^.;:]{0,60},\\s*với\\s*$|đối thoại[^.;:\\d]{0,30}\\d[\\d.]*\\s*(hội nghị|buổi|cuộc)\\s*(,|và)\\s*(định kỳ|đột xuất|thường xuyên)\\s*$|\\d[\\d.]*\\s*(hội nghị|buổi|cuộc)\\s+(tiếp xúc,?\\s+)?đối thoại\\b[^.;:\\d]{0,60}(\\(|\\btrong đó:?|\\bgồm:?)\\s*(định kỳ|đột xuất|thường xuyên)\\s*$");

// Also with a rule's number between: "tiếp dân định kỳ theo Quy định 11 được 36 buổi".
const RECEPTION_SESSIONS = rx("\\btiếp (công )?dân\\b[^,;.\\d]{0,25}$|\\btiếp (công )?dân\\b[^,;.]{0,30}\\b(quy định|chỉ thị|kết luận|quyết định) \\d+[^,;.\\d]{0,15}$");

/** "12 hội nghị định kỳ, đột xuất giữa cấp ủy, chính quyền với Nhân dân": meetings with the people (not voters). */
export function meetsPeople(f: RuleInput): boolean {
  const s = f.seg + " " + f.right + " " + f.tail.slice(0, 120);
  // "tiếp dân định kỳ 24 buổi với 48 lượt công dân": sessions at the reception desk, not meetings with the people.
  if (RECEPTION_SESSIONS.test(f.seg)) return false;
  // "Thường trực Đảng ủy các xã tổ chức 36 hội nghị với Nhân dân": the standing committee's meetings with the people.
  if (rx("^hội nghị\\s+với\\b").test(f.right) && COMMITTEE_WITH_PEOPLE.test(f.before + " " + f.right) && !R.voters.test(s)) return true;
  return R.periodic.test(s) && R.withPeople.test(s) && !R.voters.test(s) && !R.conference.test(f.right.replace(keyOf("hội nghị"), ""));
}

/**
 * The standing committee of a party committee (its Thường trực or its Ban Thường vụ) and the people it meets: "Thường
 * trực Đảng ủy … với Nhân dân", "Ban Thường vụ Huyện ủy tổ chức 4 hội nghị với Nhân dân".
 */
export const COMMITTEE_WITH_PEOPLE = rx("(thường trực|ban thường vụ|btv) (đảng uỷ|cấp uỷ|huyện uỷ|thành uỷ|thị uỷ|tỉnh uỷ)[^.;]{0,80}\\bvới (nhân dân|đại biểu nhân dân|người dân)");

/**
 * A petition count that breaks down a subset named before it (eligible, within the body's competence,
 * carried over…): "5.591 đơn đủ điều kiện xử lý với 651 đơn khiếu nại, 281 đơn tố cáo", "869 đơn thuộc
 * thẩm quyền (khiếu nại, tố cáo 147 đơn; kiến nghị, phản ánh 722 đơn)". Its parts are not received.
 */
export function subsetBreakdown(f: RuleInput): boolean {
  const subset = (s: string) => R.petitionSubset.test(s) || R.competent.test(s);
  // In the sentence: a subset word, then what opens its breakdown, before the number.
  const m = lastMatch(rx("đủ điều kiện|thẩm quyền|tồn đọng|kỳ trước|chuyển sang"), f.before);
  if (m >= 0 && R.breakdownOpen.test(f.before.slice(m))) return true;
  // Inside parentheses opened right after a subset ("… thẩm quyền (khiếu nại 147 đơn; kiến nghị 722 đơn)").
  const open = f.wide.lastIndexOf("(");
  return open >= 0 && !f.wide.slice(open).includes(")") && subset(f.wide.slice(Math.max(0, open - 60), open));
}

/** Start of the last match of `re` in `s`, or -1 (bounded: `s` is a sentence). */
function lastMatch(re: RegExp, s: string): number {
  const g = new RegExp(re.source, "gu");
  let at = -1;
  for (let m = g.exec(s), n = 0; m && n < 50; m = g.exec(s), n++) at = m.index;
  return at;
}

/** How citizens received were dealt with: guided elsewhere, petitions taken for handling. */
const HANDLED = rx("hướng dẫn|giải thích|tiếp nhận đơn|nhận đơn|chuyển đơn|xử lý|trả lời");
/** A count of citizens received said before, in the passage: "Tiếp 45 lượt công dân." */
const RECEIVED_BEFORE = rx("tiếp[^.;\\n]{0,40}?\\d[\\d.]*\\s*(lượt|trường hợp)");

/**
 * "Tiếp 45 lượt công dân. … tiếp nhận đơn để xử lý với 4 trường hợp; hướng dẫn 3 lượt công dân đến cơ
 * quan có thẩm quyền": after a count of citizens received, those dealt with in some way are part of it,
 * not a second count of receptions (the handling is said after the last word of receiving in the clause).
 */
export function handledAfterReception(f: RuleInput): boolean {
  const handled = lastMatch(HANDLED, f.seg);
  return handled >= 0 && handled > lastMatch(R.reception, f.seg) && RECEIVED_BEFORE.test(f.wide.slice(0, Math.max(0, f.wide.length - f.seg.length)));
}

/** A petition's kind, said of the citizens counted: "12 lượt khiếu nại", "03 lượt công dân đến tố cáo". */
const KIND_AFTER = rx("^[^\\d,;]{0,25}\\b(khiếu nại|tố cáo|kiến nghị|phản ánh)");
const HELD = rx("định kỳ|đột xuất|thường xuyên");
const DELEGATION_OF = rx("\\d\\s*(lượt )?đoàn\\b[^,;.\\d]{0,15}\\b(gồm|với|có)\\s*$");

/**
 * "Tiếp 45 lượt công dân. Trong đó, 03 lượt công dân đến khiếu nại": after "trong đó", the citizens who came
 * for one kind of petition are a part of the count of citizens received, not another count of it (a
 * breakdown by how the reception was held, "trong đó tiếp định kỳ 30 lượt", keeps the key).
 */
export function kindSubsetOfReception(f: RuleInput): boolean {
  const open = lastMatch(rx("\\btrong đó\\b"), f.statement ?? f.before);
  if (open < 0) return false;
  // "trong đó có 8 đoàn gồm 178 người đến khiếu nại": the people of the delegations received, as "05 lượt đoàn/75 lượt người".
  if (DELEGATION_OF.test(f.seg)) return false;
  const part = (f.statement ?? f.before).slice(open);
  return !HELD.test(part) && !HELD.test(f.right) && KIND_AFTER.test(f.tail) && /\d/.test(f.wide.slice(0, Math.max(0, f.wide.length - part.length)));
}

/**
 * People at a briefing, named by who they are: they attended ("161 đại biểu tham dự"), took part ("Tham gia hội
 * nghị quán triệt có gần 500 cán bộ"; not in a meeting that launched a campaign), or were briefed right after
 * their count ("Tại hội nghị, 300 đại biểu đã được quán triệt Nghị quyết"), or were briefed ("quán triệt … cho 2.345 cán bộ").
 */
export function attended(f: RuleInput): boolean {
  const around = f.seg + " " + f.tail;
  // "quán triệt Nghị quyết cho 2.345 cán bộ, đảng viên": the people a briefing reached; also with the briefing
  // said before a comma, no other count between: "quán triệt, triển khai các văn bản cho 1.250 cán bộ".
  const briefedAt = lastMatch(R.briefed, f.before);
  if ((R.briefed.test(f.seg) || (briefedAt >= 0 && !/\d/.test(f.before.slice(briefedAt)))) && rx("\\b(cho|đến|tới)\\s*$").test(f.seg)) return true;
  return R.attend.test(around) || (R.join.test(around) && !R.campaign.test(f.before + " " + f.tail))
    || rx("^[^,;\\d]{0,30}\\b(được|đã được)\\s+(quán triệt|học tập|phổ biến|triển khai)").test(f.tail);
}

/**
 * A meeting that briefs or disseminates: named so in the sentence ("hội nghị quán triệt", "triển khai"), or, when the
 * sentence only says "Hội nghị có 150 đại biểu tham dự", in the passage before it, no review or congress named there.
 */
export function briefing(f: RuleInput, sentence: string): boolean {
  if (!MEETING_OPENS.test(sentence) || R.dissemination.test(sentence) || R.briefed.test(sentence)) return true;
  const passage = f.wide.slice(-400);
  return R.dissemination.test(passage) && !R.ceremony.test(passage);
}

const MEETING_OPENS = rx("^[\\s\\-+•*]*(tại |dự )?hội nghị\\b");

/** A review, a congress or a celebration, not a briefing on a resolution: "Hội nghị tổng kết có 150 đại biểu tham dự". */
export function ceremony(sentence: string): boolean {
  return R.ceremony.test(sentence) && !R.briefed.test(sentence);
}

/**
 * Documents the unit issued or drafted ("ban hành 12 văn bản", "tham mưu 13 thông báo kết luận"), not those of a higher
 * level it carried out ("thực hiện 5 kế hoạch của tỉnh"). The verb is the figure's own clause's; for the kinds after
 * "trong đó" or in parentheses ("ban hành trên 30 văn bản lãnh đạo, chỉ đạo, trong đó có 5 văn bản chuyên đề"), the
 * verb of the count they break down; for the last of a list after "và" ("12 nghị quyết, 18 kế hoạch và 6 quyết định"),
 * the verb before the list. Issued and then carried out ("ban hành và triển khai 18 văn bản") is issued.
 */
export function docsIssued(f: RuleInput): boolean {
  const { before, seg, right } = f;
  const statement = f.statement ?? before;
  // The parts of a count of documents after "trong đó", or after "gồm": "ban hành 32 văn bản, gồm: 04 nghị quyết, 12 kế hoạch".
  const partsOf = f.breakdown ? statement.lastIndexOf("(") : Math.max(statement.lastIndexOf(keyOf("trong đó")), statement.lastIndexOf(keyOf("gồm")));
  const listed = before.replace(R.docItemsTail, "");
  let verb = R.issue.test(seg) || listed === before ? seg : listed.slice(listed.lastIndexOf(",") + 1);
  if (partsOf > 0 && statement.length - partsOf < 100) {
    const head = statement.slice(0, partsOf);
    const at = lastMatch(R.issue, head);
    verb = at >= 0 && partsOf - at < 120 ? head.slice(at) : head.split(/[,;]/).slice(-2).join(",");
  }
  // The verb nearest the count governs it: "thực hiện 04 Đề án của Huyện ủy đã cụ thể hóa thành 04 Đề án" issues the second.
  // So does the verb of issuing after a body named by what it carries out: "Ban Chỉ đạo thực hiện dân chủ ở cơ sở huyện ban hành 06 văn bản".
  const issuedLast = Math.max(lastMatch(CONCRETE, verb), lastMatch(R.issue, verb)) > lastMatch(R.notIssue, verb);
  // "ban hành 9 văn bản triển khai thực hiện các chỉ thị của Trung ương": the higher level is whose documents they carry out.
  const own = right.split(PURPOSE)[0]!;
  // "tham mưu cấp ủy lãnh đạo, chỉ đạo bằng 14 văn bản": the documents a committee led by are its own.
  if (LED_BY.test(seg)) return !R.higherLevel.test(own);
  return R.issue.test(verb) && !(R.notIssue.test(verb) && !ISSUED_AND.test(verb) && !issuedLast) && !R.higherLevel.test(own);
}
const PURPOSE = rx("\\s(để|nhằm|triển khai|thực hiện|quán triệt|cụ thể hoá)\\b");
const LED_BY = rx("\\b(lãnh đạo|chỉ đạo)\\s+(bằng|thông qua)\\s*$");
const CONCRETE = rx("cụ thể hoá (thành|bằng)");
const ISSUED_AND = rx("(ban hành|xây dựng)\\s*(,|và)\\s*(triển khai|thực hiện|tổ chức thực hiện)\\s*$");

/** The heading over the list item a figure stands in ("3. Hội nghị … với Nhân dân" over "- Định kỳ: 24 hội nghị"), null for none. */
export function headingOver(f: RuleInput): string | null {
  return f.wide.length > f.before.length ? listHeading(f.wide, f.wide.length - f.before.length) : null;
}
