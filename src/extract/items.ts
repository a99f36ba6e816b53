/**
 * Pure: where a number sits in a report's layout, on the key text: the heading a list item or a
 * paragraph falls under, the lead of items by level, the whole sentence across ";" and ":", and the
 * label before a bare number ("- Tiếp công dân: 71"). Bounded scans around one position.
 */
import { rx, UNITS } from "./lexicon.ts";
import { lastIndexWithin } from "./text-around.ts";

const isDigit = (c: number) => c >= 48 && c <= 57;

export const SECTION_HEADING = /^(\d{1,2}(\.\d{1,2})*[.)]|[ivx]{1,5}[.)]|[a-zđ]\))\s+\p{L}/u;
/** A title: words only, no closing punctuation ("điển hình “dân vận khéo”", "hội nghị định kỳ với nhân dân"; key text). */
const TITLE_LINE = /^[\p{L}\p{M}][^\d.;:!?]*[\p{L}\p{M}”"’)]$/u;
const LIST_MARK = /^\s*([-+•*–]|[a-zđ]\)|\d{1,2}[.)]\s)/u;

/** The heading a list item falls under: the line ending in ":" above a run of list items (≤ 8 lines, 600 chars). */
export function listHeading(key: string, sentenceStart: number): string | null {
  // Lines are looked for within LINE_MAX chars: a heading or a list item is never longer, and an
  // unbounded look back per number made a 200 KB paragraph quadratic.
  let ls = lineStartWithin(key, sentenceStart - 1);
  if (ls < 0) return null;
  if (!LIST_MARK.test(key.slice(ls, ls + 6))) {
    // A paragraph right under a heading line ("Mô hình Dân vận khéo:\nToàn huyện có 45 mô hình."): its first sentence.
    if (ls < 2 || key.slice(ls, sentenceStart).trim() !== "") return null;
    const prevStart = lineStartWithin(key, ls - 2);
    if (prevStart < 0) return null;
    const line = key.slice(prevStart, ls - 1).trim();
    if (line.length > 120) return null;
    if (line.endsWith(":")) return line.slice(0, -1);
    // A numbered heading: "2. Công tác hòa giải ở cơ sở", "III. PHONG TRÀO DÂN VẬN KHÉO", "b) Tiếp công dân".
    return SECTION_HEADING.test(line) && !/[.;]$/.test(line) ? line : null;
  }
  for (let n = 0; n < 8 && ls > 0 && sentenceStart - ls < 600; n++) {
    const prevStart = lineStartWithin(key, ls - 2);
    if (prevStart < 0) return null;
    const line = key.slice(prevStart, ls - 1).trim();
    if (line.endsWith(":")) return line.slice(0, -1);
    // "4. Phong trào Dân vận khéo" over "- Mô hình: 45": a numbered heading over its list.
    if (SECTION_HEADING.test(line) && !/[.;]$/.test(line) && line.length <= 120 && !LIST_MARK.test(line.replace(/^\d{1,2}[.)]\s+/, ""))) return line;
    // "Phát động quần chúng" over "- Số buổi: 45": a short title line, no figure in it, over its list.
    if (!LIST_MARK.test(line)) return TITLE_LINE.test(line) && line.length <= 80 ? line : null;
    ls = prevStart;
  }
  return null;
}

/** The longest line a heading or a list item is looked for in. */
const LINE_MAX = 2000;
/** The start of the line holding `i` (after its "\n", or 0), or -1 when it starts more than LINE_MAX chars before. */
function lineStartWithin(key: string, i: number): number {
  const nl = lastIndexWithin(key, "\n", i, i - LINE_MAX);
  return nl >= 0 ? nl + 1 : i - LINE_MAX < 0 ? 0 : -1;
}

// The first item may follow what opens the breakdown: "303 cuộc, trong đó cấp tỉnh 4 cuộc, cấp huyện 52 cuộc".
const LEVEL_ITEM = /^\s*[-+•]?\s*((trong đó|bao gồm|gồm)\s*[,:]?\s*(có\s+)?)?(ở\s+)?(cấp|tuyến)\s+(tỉnh|thành phố|huyện|thị xã|quận|xã|phường|cơ sở)(?![\p{L}\p{M}])/u;

/**
 * For an item that opens with a level ("cấp xã 45 cuộc"), the text before it back to the sentence's
 * start, across ";" and ":" (at most 300 chars); null for other items.
 */
export function levelItemsLead(key: string, segStart: number): string | null {
  if (!LEVEL_ITEM.test(key.slice(segStart, segStart + 40))) return null;
  const lead = key.slice(statementStart(key, segStart), segStart).trim();
  return lead ? lead : null;
}

/** Start of the whole sentence holding `at`, across ";" and ":" (at most 300 chars back). */
export function statementStart(key: string, at: number): number {
  let j = at;
  const lo = Math.max(0, at - 300);
  while (j > lo) {
    const c = key.charCodeAt(j - 1);
    if (c === 10 || c === 33 || c === 63) break;
    if (c === 46 && !(isDigit(key.charCodeAt(j - 2)) && isDigit(key.charCodeAt(j)))) break;
    j--;
  }
  return j;
}

/** A label before a bare number, up to ":", a tab, a column gap or a spaced dash, on its line: "- Tiếp công dân: 71". */
/** Quotes are part of a label: "Điển hình “Dân vận khéo”: 35". */
const LABEL = /([\p{L}\p{M} ,"“”]{3,60}?)\s*(?::|\t| {2,}|\s[-–]\s)\s*$/u;
/**
 * A recipient (or a soldier's rank) written before its count, after what opens a breakdown or an item of one:
 * "trong đó tập thể 30, cá nhân 15", "45 (tập thể 30, cá nhân 15)", "85 quân nhân (hạ sĩ quan 20, chiến sĩ 65)",
 * "Khen thưởng: tập thể 12, cá nhân 30".
 */
// Also the first item right after a label's colon: "Khen thưởng: tập thể 12, cá nhân 30".
const RECIPIENT_BEFORE = rx("(?:trong đó|bao gồm|\\bgồm|[\\p{L}\\p{M}”\"]\\s*:|\\d[\\p{L}\\p{M} ]{0,20},|\\d[\\p{L}\\p{M} ]{0,20}\\()\\s*:?\\s*(tập thể|cá nhân|hạ s[ĩỹ] quan|chiến s[ĩỹ]|binh s[ĩỹ])\\s*$");
/** What a label counts when it names an activity rather than a noun. */
const LABEL_ACTIVITIES: Array<[RegExp, string]> = [
  [rx("(số )?người (được )?tiếp\\b"), "người"],
  [rx("tiếp (công )?dân|\\btiếp\\b(?! (nhận|tục|xúc))"), "lượt"],
  [rx("hoà giải"), "vụ"],
  [rx("đối thoại|giám sát|khảo sát|kiểm tra"), "cuộc"],
];
/** Counted nouns a label names ("Đơn thư tiếp nhận: 35"); "công dân" of "tiếp công dân" is not one. */
const LABEL_NOUNS = rx("\\b(đơn thư|đơn(?! vị)|vụ việc|mô hình|điển hình|hội nghị|văn bản|cuộc|lượt|buổi|đợt|quân nhân|tập thể|cá nhân|căn nhà|ngày công)\\b");

/**
 * A bare number after a label that names what it counts, in a list or a table-like line: "- Tiếp công
 * dân: 71", "Đơn thư tiếp nhận: 35; đã giải quyết: 30" (the second item under the line's noun). The
 * number must close its item; labels that name nothing countable leave it unread.
 */
export function labelNoun(key: string, i: number, end: number): { start: number; unit: string; noun: string } | null {
  // The number closes its item; ")" too, inside a breakdown: "(tập thể: 20, cá nhân: 15)".
  if (!/^(\s*([;,.()]|$|\n)|\t| {2,})/.test(key.slice(end, end + 2))) return null;
  const from = Math.max(0, i - 70);
  // "trong đó tập thể 30, cá nhân 15": the recipient written before its count in a breakdown.
  const bare = RECIPIENT_BEFORE.exec(key.slice(from, i));
  if (bare) return { start: i, unit: UNITS.find(([surface]) => surface === bare[1])?.[1] ?? bare[1]!, noun: bare[1]! };
  const m = LABEL.exec(key.slice(from, i));
  if (!m) return null;
  const ls = Math.max(0, lastIndexWithin(key, "\n", i - 1, i - 160) + 1, i - 160);
  const label = m[1]!;
  const line = key.slice(ls, i);
  let noun = LABEL_NOUNS.exec(label);
  if (!noun) for (const [re, unit] of LABEL_ACTIVITIES) if (re.test(label)) return { start: i, unit, noun: label.trim() };
  noun ??= LABEL_NOUNS.exec(line);
  if (!noun) return null;
  const unit = UNITS.find(([surface]) => surface === noun[1])?.[1] ?? null;
  return unit ? { start: i, unit, noun: label.trim() } : null;
}

/** The last opener of a breakdown in a sentence, with no sentence end after it: "…, trong đó cấp huyện 5, cấp xã". */
const BREAKDOWN_WORDS = rx("(trong đó|bao gồm|\\bgồm|cụ thể)\\b[^.!?\\n\\d]*(?:\\d[^.!?\\n\\d]*){0,6}$");
const BREAKDOWN_OPENER = rx("^\\s*(trong đó|bao gồm|gồm|cụ thể)\\b\\s*:?");

/**
 * A colon right after a count and its noun, in the sentence before the number, opens its breakdown the way a
 * parenthesis does: "tiếp nhận 318 đơn: KN 90, TC 180, KN-PA 48" (not a label's own colon: "KN: 90"). -1 if none.
 */
function countColon(key: string, i: number): number {
  const from = Math.max(0, i - 100);
  const window = key.slice(from, i);
  for (let at = window.lastIndexOf(":"); at >= 0; at = at > 0 ? window.lastIndexOf(":", at - 1) : -1) {
    if (/[.!?\n](?!\d)/u.test(window.slice(at))) return -1;
    const m = COUNT_BEFORE_COLON.exec(window.slice(0, at));
    if (m && UNITS.some(([surface]) => m[1]!.startsWith(surface) && !/[\p{L}\p{M}]/u.test(m[1]![surface.length] ?? ""))) return from + at;
  }
  return -1;
}
/** The count and its noun right before a colon: "318 đơn", "57 đơn thư". */
const COUNT_BEFORE_COLON = /\d[\d.,]*\s+([\p{L}\p{M} ]{1,40})$/u;

/** Recipients and ranks a breakdown's item may name as its own noun: "(tập thể 15, cá nhân 20)". */
const OWN_NOUN_ITEM = rx("^(tập thể|cá nhân|hạ s[ĩỹ] quan|chiến s[ĩỹ]|binh s[ĩỹ])$");

/**
 * A bare number closing an item of a breakdown in parentheses opened right after a count: "50 cuộc đối thoại
 * (cấp huyện 5, cấp xã 45)", "120 lượt (định kỳ 80, đột xuất 40)". It counts what that count counts (or the
 * recipient its label names); null when the number is not such an item.
 */
export function asideItem(key: string, i: number, end: number): { start: number; unit: string; noun: string } | null {
  // The last item may be joined by "và": "(KN 76, TC 143 và kiến nghị 3.448 đơn)".
  if (!/^\s*([,;)]|\.(?!\d)|$|và\s)/u.test(key.slice(end, end + 5))) return null;
  // A parenthesis, or "trong đó", "gồm", "cụ thể" (the breakdown's opener) in the sentence before.
  let open = lastIndexWithin(key, "(", i, i - 100);
  if (open >= 0 && key.slice(open, i).includes(")")) open = -1;
  if (open < 0) {
    const words = BREAKDOWN_WORDS.exec(key.slice(Math.max(0, i - 100), i));
    open = words ? Math.max(0, i - 100) + words.index : countColon(key, i);
    if (open < 0) return null;
  } else if (!/^\s*([,;)]|và\s)/u.test(key.slice(end, end + 5))) return null;
  // The label ends before its own colon: "(KN: 76; TC: 143)".
  let labelEnd = i;
  while (labelEnd > open + 1 && /\s/u.test(key[labelEnd - 1]!)) labelEnd--;
  if (key[labelEnd - 1] === ":") labelEnd--;
  const sep = Math.max(open, lastIndexWithin(key, ",", labelEnd - 1, open), lastIndexWithin(key, ";", labelEnd - 1, open), lastIndexWithin(key, ":", labelEnd - 1, open));
  const label = key.slice(sep + 1, labelEnd).replace(BREAKDOWN_OPENER, "").trim();
  // Also a label abbreviated with a hyphen: "KN-PA 35".
  // And a field joined by a dash: "(kinh tế 20, văn hóa - xã hội 15)".
  if (!/^[\p{L}\p{M} ]{2,30}$/u.test(label) && !/^\p{L}{2,5}-\p{L}{2,5}$/u.test(label) && !/^[\p{L}\p{M} ]{2,25} [-–] [\p{L}\p{M} ]{2,25}$/u.test(label)) return null;
  const own = OWN_NOUN_ITEM.exec(label);
  if (own) return { start: i, unit: UNITS.find(([surface]) => surface === own[1])?.[1] ?? own[1]!, noun: label };
  // The count the parenthesis opens after: its number, then its noun, within 60 chars before "(".
  const m = /(\d[\d.,]*)\s+([\p{L}\p{M} ,;:]{1,60})$/u.exec(key.slice(Math.max(0, open - 70), open));
  // "Mô hình Dân vận khéo: 45 (kinh tế 20, …)": the count bare after its label, the noun in the label.
  if (!m) {
    const labelled = /(?:^|[\n;.])\s*[-+•]?\s*([^:\n;.\d]{3,60}):\s*\d[\d.]*\s*$/u.exec(key.slice(Math.max(0, open - 80), open));
    const noun = labelled ? LABEL_NOUNS.exec(labelled[1]!) : null;
    const unit = noun ? UNITS.find(([surface]) => surface === noun[1])?.[1] : undefined;
    return unit ? { start: i, unit, noun: labelled![1]!.trim() } : null;
  }
  const noun = m[2]!;
  const unit = UNITS.find(([surface]) => noun.startsWith(surface) && !/[\p{L}\p{M}]/u.test(noun[surface.length] ?? ""))?.[1];
  return unit && unit !== "đồng" ? { start: i, unit, noun: label } : null;
}
