/**
 * Pure: the clauses of a report that name an organ other than the one that reports (scope-unit.ts): a guest's
 * title, a cited document, a meeting's guests, a visiting delegation, a donor, an organ that commends.
 */
import { rx } from "./lexicon.ts";
import type { Level } from "./scope-types.ts";

/** A person's title before an organ: "Phó Trưởng Ban Dân vận Huyện ủy", "UV. BTV Thành uỷ", "Phó Chủ tịch Hội Nông dân huyện". */
const TITLE_BEFORE = rx("(trưởng ban|chủ tịch|bí thư|uỷ viên|(?<![\\p{L}])(uv|btv|tuv|huv)|giám đốc|trưởng phòng)[^.;:\\n,()]{0,45}$");

/** True at an organ named in a person's title (`key` folded): a guest's, not the organ the text speaks from. */
export const inTitle = (key: string) => (at: number) => TITLE_BEFORE.test(key.slice(Math.max(0, at - 60), at));

/** A document cited by its number: "Kế hoạch số 24-KH/BDVTU", "Nghị quyết 145-NQ/TU", "Chỉ thị số 05". */
const CITED = rx("\\b(kế hoạch|nghị quyết|chỉ thị|quyết định|kết luận|hướng dẫn|thông báo|công văn|chương trình|quy định|đề án|quy chế)\\s+(số\\s*)?\\d+");
/**
 * Whether a position of `key` lies in a clause opened by `opener` (at most `max` of them, each
 * read `reach` characters on): from the opener's start to the first `end` found after it.
 */
function inClauses(key: string, opener: RegExp, max: number, reach: number, end: RegExp): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  const g = new RegExp(opener.source, "gu");
  let m: RegExpExecArray | null;
  for (let n = 0; n < max && (m = g.exec(key)); n++) {
    const rest = key.slice(m.index + m[0].length, m.index + reach);
    const stop = rest.search(end);
    spans.push([m.index, m.index + m[0].length + (stop < 0 ? rest.length : stop)]);
  }
  return (at: number) => spans.some(([x, y]) => at >= x && at < y);
}

/**
 * The guests' clause of a meeting: "Tham dự có lãnh đạo Ban Dân vận Tỉnh ủy Gia Lai." names an organ that came, not
 * the one that reports (to the end of its sentence); so does a sentence opened by a bare "Dự có lãnh đạo …", and
 * "Cùng dự (làm việc) có Phó Chủ tịch UBND tỉnh …" beside a delegation's work at a commune.
 */
export const inGuests = (key: string) => inClauses(key, GUESTS, 50, 300, /\n|\.(\s|$)/);
const GUESTS = rx("(?<![\\p{L}])(tham dự|đến dự|về dự|cùng dự|dự và chỉ đạo|dự hội nghị|dự buổi|dự làm việc|(?<=(^|[.!?\\n]\\s*))dự)(?![\\p{L}])[^.\\n]{0,12}\\b(có|với sự tham dự)\\b");

/**
 * A meeting's venue at an organ's seat: "tại Huyện ủy A,", "tại Hội trường UBND huyện," (to the clause's end): where the
 * meeting sat, not who held it.
 */
export const inVenue = (key: string) => inClauses(key, VENUE, 50, 80, /[,;:\n]|\.\s/u);
const VENUE = rx("(?<![\\p{L}])tại\\s+((hội trường|trụ sở|phòng họp)\\s+(của\\s+)?)?(?=(huyện|tỉnh|thành|thị|quận|đảng) uỷ|ubnd|hđnd|uỷ ban)");

/**
 * The clauses from each match of `opener` to the `verb` after it, when the verb comes within `reach` characters and
 * before the clause ends (. ; : or a new line), and `accept` holds at the opener.
 */
function upToVerb(key: string, opener: RegExp, verb: RegExp, reach: number, accept: (at: number) => boolean = () => true): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  const g = new RegExp(opener.source, "gu");
  let m: RegExpExecArray | null;
  for (let n = 0; n < 50 && (m = g.exec(key)); n++) {
    if (!accept(m.index)) continue;
    const from = m.index + m[0].length;
    const rest = key.slice(from, from + reach);
    const v = rest.search(verb);
    const stop = rest.search(/[.;:\n]/u);
    if (v >= 0 && (stop < 0 || v < stop)) spans.push([m.index, from + v]);
  }
  return (at: number) => spans.some(([x, y]) => at >= x && at < y);
}

/**
 * A visiting delegation's clause: "đoàn công tác Ủy ban MTTQ Việt Nam tỉnh Gia Lai làm việc với …", "Đoàn giám sát của
 * HĐND tỉnh làm việc tại …" names the organ that came, up to the verb of its visit; the host it works with reports. A
 * team that acts itself ("Đoàn công tác của huyện A đã phối hợp tổ chức phát động") is no visitor.
 */
export const inVisitors = (key: string) => upToVerb(key, VISITORS, VISIT_VERB, 160);
/**
 * In a text on a meeting with voters (its headline or lead: "tiếp xúc cử tri"), the council its deputies sit in and
 * whose session they report ("đại biểu HĐND tỉnh", "kết quả kỳ họp thứ 8 HĐND huyện", "Nghị quyết … của HĐND tỉnh",
 * "HĐND tỉnh nơi mình là đại biểu") is the deputies' body, not the one that reports: the voters' place does.
 */
export function inDeputiesCouncils(key: string): (at: number) => boolean {
  if (!VOTERS_MET.test(key.slice(0, 1000))) return () => false;
  const spans: Array<[number, number]> = [];
  const g = new RegExp(COUNCIL.source, "gu");
  let m: RegExpExecArray | null;
  for (let n = 0; n < 50 && (m = g.exec(key)); n++) {
    const end = m.index + m[0].length;
    if (COUNCIL_OF_DEPUTIES.test(key.slice(Math.max(0, m.index - 50), m.index)) || DEPUTY_OF_COUNCIL.test(key.slice(end, end + 30))) spans.push([m.index, end]);
  }
  return (at: number) => spans.some(([x, y]) => at >= x && at < y);
}
const VOTERS_MET = rx("tiếp xúc (với )?cử tri|\\btxct\\b");
/** A council and its level: "HĐND tỉnh", "Hội đồng nhân dân huyện", "HĐND thị xã". */
const COUNCIL = rx("(?<![\\p{L}])(hđnd|hội đồng nhân dân)(\\s+(tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn))?(?![\\p{L}])");
const COUNCIL_OF_DEPUTIES = rx("(đại biểu|kỳ họp|nghị quyết)[^.;:\\n]{0,40}$");
/** After the council, the deputy's seat in it: "(báo cáo về hoạt động của mình và của HĐND tỉnh) nơi mình là đại biểu". */
const DEPUTY_OF_COUNCIL = rx("^\\s*nơi (mình|đại biểu) (là đại biểu|ứng cử)");
const VISITORS = rx("(?<![\\p{L}])đoàn (công tác|giám sát|kiểm tra|khảo sát)(?![\\p{L}])");
const VISIT_VERB = rx("\\s(có buổi |đã |đến )?(làm việc|thăm|kiểm tra|giám sát|khảo sát)(?![\\p{L}])");

/**
 * A donor's clause after a receipt in the paragraph: "tiếp nhận 300 tấn gạo do Ủy ban MTTQ Việt Nam tỉnh A hỗ trợ", "Đại
 * diện Ủy ban MTTQ tỉnh A trao biển tượng trưng" name the giver, up to the verb of giving, as does a headline that opens
 * with its giver (headlineGiver); the unit that receives reports.
 */
export function inDonors(key: string): (at: number) => boolean {
  const clauses = upToVerb(key, DONOR, GIVE_VERB, 120, (at) => RECEIPT_BEFORE.test(key.slice(Math.max(0, at - 400), at)));
  const giver = headlineGiver(key);
  // An organ that gives, after "do" ("40 nhà do Ban Vận động Quỹ Vì người nghèo tỉnh hỗ trợ"), or whose funds a gift
  // comes from ("bằng nguồn của Ủy ban MTTQ tỉnh A"): a giver, receipt named or not.
  const by = upToVerb(key, GIVER_BY, GIVE_VERB, 120);
  const funds = inClauses(key, FUNDS_OF, 20, 120, /[,;:\n]|\.\s/u);
  return (at: number) => clauses(at) || at < giver || by(at) || funds(at);
}
const GIVER_BY = rx("(?<![\\p{L}])do(?= (ban|uỷ ban|ubnd|ubmttq|mttq|mặt trận|hội|quỹ|công ty|ngân hàng|sở|bộ|tỉnh|huyện|thành phố|các nhà hảo tâm|nhà hảo tâm|doanh nghiệp|đoàn)(?![\\p{L}]))");
const FUNDS_OF = rx("(?<![\\p{L}])(từ|bằng) (các )?nguồn( (vốn|kinh phí|quỹ))? (của|do)(?![\\p{L}])");

/**
 * A headline that opens with its giver, "Ủy ban MTTQ tỉnh A hỗ trợ 20 nhà đại đoàn kết cho huyện B", when the lead
 * after it has the receipt ("Ủy ban MTTQ huyện B tổ chức lễ tiếp nhận …"): where the giving verb starts, else 0.
 */
function headlineGiver(key: string): number {
  const end = key.indexOf("\n");
  if (end < 0 || end > 250) return 0;
  const line = key.slice(0, end);
  const verb = GIVE_VERB.exec(line);
  if (!verb || !FOR.test(line.slice(verb.index + verb[0].length))) return 0;
  return RECEIPT.test(key.slice(end, end + 600)) ? verb.index : 0;
}
const FOR = rx("(?<![\\p{L}])cho(?![\\p{L}])");
/** "do"/"từ" the giver, or "Đại diện" the giver who hands the gift over. */
const DONOR = rx("(?<![\\p{L}])(do|từ|đại diện)(?![\\p{L}])");
/** A receipt earlier in the paragraph: "tổ chức lễ tiếp nhận kinh phí …". */
const RECEIPT_WORDS = "(?<![\\p{L}])(tiếp nhận|nhận được|đón nhận)(?![\\p{L}])";
const RECEIPT_BEFORE = rx(`${RECEIPT_WORDS}[^\\n]*$`);
const RECEIPT = rx(RECEIPT_WORDS);
const GIVE_VERB = rx("\\s(đã |vừa )?(hỗ trợ|ủng hộ|trao tặng|trao|tặng|tài trợ|quyên góp|chuyển|bàn giao)(?![\\p{L}])");

/**
 * The spans of a key that cite another body's document, from its name to the clause's end (a comma, a semicolon,
 * a sentence's end): "Kế hoạch số 24-KH/BDVTU ngày 20/3/2009 của Ban Dân vận Tỉnh ủy Bắc Giang về …". The body
 * and the places of its title are whose document it is, not the unit that carries it out and reports.
 */
export const inCitation = (key: string) => inClauses(key, CITED, 200, 240, /[,;\n]|\.\s/);

/**
 * An organ that commends the reporting unit's people from above: "được Ban Dân vận Tỉnh ủy biểu dương, khen thưởng",
 * "được UBND tỉnh tặng Bằng khen" (from "được" to the verb of commending, within 70 characters and the clause), and
 * "Bằng khen của Chủ tịch UBND tỉnh" (to the clause's end). It gives the award; the unit whose people receive it reports.
 * The active voice ("Dịp này, Huyện ủy khen thưởng 6 tập thể") is often the reporting unit itself: not read here.
 */
export function inCommenders(key: string): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  const g = new RegExp(COMMENDED_BY.source, "gu");
  let m: RegExpExecArray | null;
  for (let n = 0; n < 100 && (m = g.exec(key)); n++) spans.push([m.index, m.index + m[0].length - m[2]!.length]);
  const award = inClauses(key, AWARD_OF, 50, 120, /[,;:\n]|\.\s|\s(cho|vì|về|do)\s/u);
  // An organ that judges the unit's work ("Trưởng Ban Dân vận Tỉnh ủy A đánh giá cao kết quả này"), from the sentence's
  // start to its verb: it looks on from above; the unit judged reports.
  const judge = upToVerb(key, SENTENCE_START, JUDGE_VERB, 120, (at) => !ACTS.test(key.slice(at + 1, at + 121).split(JUDGE_VERB)[0]!));
  return (at: number) => award(at) || judge(at) || spans.some(([x, y]) => at >= x && at < y);
}
const SENTENCE_START = rx("(\\n|[.!?]\\s)");
/** A subject that acts or meets before the verb of judging ("Ban Dân vận Huyện ủy A tổ chức hội nghị, các đại biểu đánh giá cao"). */
const ACTS = rx("(?<![\\p{L}])(tổ chức|triển khai|chỉ đạo|xây dựng|thực hiện|vận động|hội nghị|đại biểu|tham dự|dự)(?![\\p{L}])");
const JUDGE_VERB = rx("\\s(đánh giá cao|ghi nhận|khen ngợi)(?![\\p{L}])");
/** "được", the organ (no clause's end between), then the verb of commending. */
const COMMENDED_BY = rx("(?<![\\p{L}])được(?![\\p{L}])([^.;:\\n]{1,70}?)\\s(biểu dương|khen thưởng|tuyên dương|tặng|trao tặng|trao|công nhận|vinh danh|chọn)(?![\\p{L}])");
const AWARD_OF = rx("(?<![\\p{L}])(bằng khen|giấy khen|cờ thi đua|giấy chứng nhận|kỷ niệm chương)\\s+của(?![\\p{L}])");

/**
 * The founding clause of a unit made by a merger: "được thành lập trên cơ sở sáp nhập thị trấn A, xã B và xã C", "được
 * hợp nhất từ Hội Nông dân thị trấn A …", "sáp nhập thị trấn A, xã B thành xã C" (to the sentence's end, or to "thành"
 * and the new unit). Its places are the predecessors: the unit they were merged into reports.
 */
export const inPredecessors = (key: string) => inClauses(key, MERGED, 20, 300, /\n|\.(\s|$)|;|\s(thành|lấy tên( là)?)\s(?!phố|uỷ|ủy)/u);
const MERGED = rx("(?<![\\p{L}])(trên cơ sở (sáp nhập|hợp nhất|nhập)|(sáp nhập|hợp nhất) từ|(sáp nhập|hợp nhất|nhập)(?= (\\d+ |các )?(xã|phường|thị trấn|huyện|hội|uỷ ban|tổ chức)\\b))(?![\\p{L}])");

/**
 * A contest's or a festival's name: "Hội thi hòa giải viên giỏi huyện A năm 2023", "Liên hoan văn nghệ quần chúng xã B"
 * (to the clause's end, or to who holds it and where: "do", "của", "tại"). The unit in the name is the event's, held or
 * copied: it does not speak for the text.
 */
export const inEventNames = (key: string) => inClauses(key, EVENT_NAME, 30, 80, /[,;:\n(“”"]|\.\s|\s(do|của|tại|được|đã|với|cho|vào)\s/u);
const EVENT_NAME = rx("(?<![\\p{L}])(hội thi|cuộc thi|hội diễn|liên hoan|hội thao|giải thưởng)(?![\\p{L}])");

/**
 * A unit singled out as an example of the work the text reports: "Điển hình như huyện A, …", "Nhiều địa phương làm
 * tốt như huyện A, …", a model copied or visited, "nhân rộng mô hình … của xã A" (to the clause's end),
 * "Huyện A là điểm sáng khi …", "xã B là địa phương dẫn đầu" (from the clause's start to the words). It speaks for
 * itself, not for the text, whose unit is above it.
 */
export function inExamples(key: string): (at: number) => boolean {
  const after = inClauses(key, EXAMPLE_OPENER, 30, 200, /[;:\n]|\.\s/u);
  const spans: Array<[number, number]> = [];
  const g = new RegExp(SINGLED_OUT.source, "gu");
  let m: RegExpExecArray | null;
  for (let n = 0; n < 30 && (m = g.exec(key)); n++) {
    const before = key.slice(Math.max(0, m.index - 80), m.index);
    const start = Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf("."), before.lastIndexOf("\n"));
    spans.push([m.index - before.length + start + 1, m.index]);
  }
  return (at: number) => after(at) || spans.some(([x, y]) => at >= x && at < y);
}
const EXAMPLE_OPENER = rx("(?<![\\p{L}])((điển hình|tiêu biểu|nổi bật)( nhất)? (như|là)|(nhiều|một số|các) (địa phương|đơn vị|cơ sở|nơi)(?![\\p{L}])[^.;:\\n]{0,60}?(?<![\\p{L}])như|(nhân rộng|học tập|học hỏi|tham quan)( kinh nghiệm)? (mô hình|cách làm|kinh nghiệm))(?![\\p{L}])");
const SINGLED_OUT = rx("(?<![\\p{L}])là (một )?(điểm sáng|(đơn vị|địa phương|điểm) (điển hình|tiêu biểu|dẫn đầu))(?![\\p{L}])");

/** The order of the levels, from the commune up. */
export const RANK: Record<Level, number> = { commune: 0, district: 1, province: 2 };
/** The whole of a district or a province: "toàn huyện", "trên địa bàn huyện". */
export const WHOLE_LEVEL = rx("(?<![\\p{L}])(toàn|trên địa bàn) (huyện|thị xã|thành phố|tỉnh)(?![\\p{L}])");
/** Before a place where a meeting was held: "tại ", "tại Hội trường UBND ". */
const AT_VENUE = rx("(?<![\\p{L}])tại\\s+((hội trường|trụ sở|nhà văn hoá)\\s+((ubnd|hđnd|uỷ ban nhân dân|đảng uỷ)\\s+)?)?$");
/** Every mention named as a meeting's place (none when there is no mention). */
export function venueOnly(key: string, mentions: Array<{ at: number }>): boolean {
  return mentions.length > 0 && mentions.every((f) => AT_VENUE.test(key.slice(Math.max(0, f.at - 50), f.at)));
}

/**
 * The addressees of a document: its list under "Nơi nhận:" (the lines opened by a dash: "- Ban Dân vận Tỉnh ủy (b/c);")
 * or the line of "Kính gửi:" — the bodies it is sent to, not the one that reports.
 */
export const inRecipients = (key: string) => inClauses(key, RECIPIENTS, 4, 600, /\n(?![ \t]*[-–+•])/u);
const RECIPIENTS = rx("(?<![\\p{L}])(nơi nhận|kính gửi)\\s*:");
