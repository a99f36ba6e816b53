/**
 * Pure: the text around a number, on the key text (lower case, folded): the word before it, the start of
 * its clause, the noun phrase and the rest of the sentence after it, its line, the counted noun right after
 * it. Bounded scans around one position (linear time overall).
 */
import { isLetter } from "./number.ts";
import { keyOf } from "./normalize.ts";
import { abbreviatedUnit } from "./unit-abbr.ts";
import { NOT_UNIT, MONEY, MONEY_SCALED, STOP_WORDS, UNITS, rx } from "./lexicon.ts";

export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isSpace = (c: number) => c === 32 || c === 9;
const WINDOW = 260;
export const UNIT_WORDS = new Set(UNITS.map(([s]) => s).filter((s) => !s.includes(" ")));

/**
 * The last `ch` at or before `from` and not before `min` (-1 if none): `lastIndexOf` bounded, so a
 * scan per number stays within its window on a text without that mark (a 200 KB list).
 */
export function lastIndexWithin(key: string, ch: string, from: number, min: number): number {
  const c = ch.charCodeAt(0);
  for (let j = Math.min(from, key.length - 1); j >= Math.max(0, min); j--) if (key.charCodeAt(j) === c) return j;
  return -1;
}

/** The word ending at `i` (spaces skipped), or "" when punctuation comes first. */
export function wordBefore(key: string, i: number): { word: string; start: number } {
  let j = i;
  while (j > 0 && isSpace(key.charCodeAt(j - 1))) j--;
  let s = j;
  while (s > 0 && isLetter(key.charCodeAt(s - 1))) s--;
  return { word: key.slice(s, j), start: s };
}

/** Start of the clause holding `i`: after the last sentence mark (or also comma, for a segment). */
export function clauseStart(key: string, i: number, comma: boolean): number {
  const lo = Math.max(0, i - WINDOW);
  for (let j = i - 1; j >= lo; j--) {
    const c = key.charCodeAt(j);
    if (c === 10 || c === 33 || c === 63) return j + 1; // \n ! ?
    // ";" ends a sentence, except before "trong đó", which goes on with the sentence before.
    if (c === 59 && (comma || !/^\s*trong đó/.test(key.slice(j + 1, j + 14)))) return j + 1;
    if (comma && (c === 58 || c === 0x2026)) return j + 1; // ":" and "…" end a segment, not a sentence
    // "..." is an ellipsis like "…": it ends a segment, not a sentence, unless a line break follows.
    if (c === 46 && (key.charCodeAt(j - 1) === 46 || key.charCodeAt(j + 1) === 46) && key.charCodeAt(j + 1) !== 10) {
      if (comma) return j + 1;
      continue;
    }
    // "công trình phụ trợ….với tổng trị giá": a period typed right after "…", a word after it with no space, is the ellipsis's.
    if (c === 46 && key.charCodeAt(j - 1) === 0x2026 && isLetter(key.charCodeAt(j + 1))) {
      if (comma) return j + 1;
      continue;
    }
    // "đoàn từ thiện (TP.HCM) khám bệnh …": a unit's type abbreviated with no space after its dot is no sentence's end (as in
    // sentenceTail); with a space ("TP. Hội An") the dot may end one.
    if (c === 46 && !(isDigit(key.charCodeAt(j - 1)) && isDigit(key.charCodeAt(j + 1))) && !unitAbbreviation(key, j)) return j + 1;
    if (comma && (c === 44 || c === 40 || c === 41)) return j + 1;
  }
  return lo;
}

/** The noun phrase after `i`: up to the next comma, sentence mark or digit (at most 60 chars). */
export function phraseAfter(key: string, i: number): string {
  let j = i;
  const hi = Math.min(key.length, i + 60);
  while (j < hi) {
    const c = key.charCodeAt(j);
    if (c === 44 || c === 46 || c === 59 || c === 58 || c === 10 || c === 33 || c === 63 || c === 40 || c === 0x2026 || isDigit(c)) break;
    j++;
  }
  return key.slice(i, j).trim();
}

/** The line holding [i, end), at most 80 chars each side (bounded scans: linear time overall). */
export function lineAround(key: string, i: number, end: number): string {
  let a = i;
  while (a > 0 && i - a < 80 && key.charCodeAt(a - 1) !== 10) a--;
  let b = end;
  while (b < key.length && b - end < 80 && key.charCodeAt(b) !== 10) b++;
  return key.slice(a, b);
}

/** A unit's type abbreviated with a dot before its name, no space: "TP.Hội An", "TX.Ayun Pa", "P.Tân Phú" (`dot` at the dot). */
const ABBREVIATED_TYPE = /(?:^|[^\p{L}\p{M}])(?:tp|tx|tt|p|q|x|h)$/u;
function unitAbbreviation(key: string, dot: number): boolean {
  return /\p{L}/u.test(key[dot + 1] ?? "") && ABBREVIATED_TYPE.test(key.slice(Math.max(0, dot - 4), dot));
}

/** The rest of the sentence after `i` (at most `cap` chars). */
export function sentenceTail(key: string, i: number, cap = 120): string {
  const hi = Math.min(key.length, i + cap);
  let j = i;
  while (j < hi) {
    const c = key.charCodeAt(j);
    if (c === 10 || c === 59 || c === 33 || c === 63 || c === 58 || c === 0x2026) break;
    if (c === 46 && !(isDigit(key.charCodeAt(j - 1)) && isDigit(key.charCodeAt(j + 1))) && !unitAbbreviation(key, j)) break;
    j++;
  }
  return key.slice(i, j);
}

export interface Unit { unit: string | null; end: number; /** A noun of the list, not a guess. */ known?: boolean; /** An organisation in capitals. */ org?: boolean }

/** A programme of houses in quotes, closed within the window ("“Mái ấm công đoàn”", "\"Nhà tình nghĩa\""). */
const QUOTED_HOUSE = /^[“"](?:mái ấm|ngôi nhà|căn nhà|nhà)(?![\p{L}\p{M}])[^”"\n]{0,40}[”"]/u;

/** The counted noun at `p` (spaces skipped), or null when the number counts nothing. */
export function unitAt(text: string, key: string, p: number, scaled: boolean): Unit | null | "reject" {
  let j = p;
  while (isSpace(key.charCodeAt(j))) j++;
  const rest = key.slice(j, j + 40);
  if (NOT_UNIT.test(rest)) return "reject";
  if (MONEY.test(rest) || (scaled && MONEY_SCALED.test(rest))) return { unit: "đồng", end: j + 4, known: true };
  for (const [surface, unit] of UNITS) {
    if (rest.startsWith(surface) && !isLetter(rest.charCodeAt(surface.length))) return { unit, end: j + surface.length, known: true };
  }
  // Written short in capitals: "15 TT, 20 CN", "1.200 NC".
  const short = abbreviatedUnit(text, key, j);
  if (short) return short;
  // Houses named by their programme in quotes: 3 “Mái ấm tình thương”, 2 "Nhà nhân ái".
  const quoted = QUOTED_HOUSE.exec(key.slice(j, j + 50));
  if (quoted && !scaled) return { unit: "căn", end: j + quoted[0].length, known: true };
  if (!isLetter(key.charCodeAt(j))) return scaled ? { unit: null, end: p } : null;
  if (j === p) return "reject"; // glued to letters that are not a unit: "12A", "5G", "Covid19"
  let e = j;
  while (e < key.length && isLetter(key.charCodeAt(e))) e++;
  const word = key.slice(j, e);
  // A capitalised word that is not a known counted noun is a name ("Đội công tác 253 Krông Pa").
  // (The key folds tone placement, "ủy" → "uỷ": compare the text with its own lower case, not with the key.)
  const lower = (k: number) => text[k] === text[k]!.toLowerCase();
  if (scaled && (STOP_WORDS.has(word) || !lower(j))) return { unit: null, end: p };
  // Organisations counted, capitalised as their names are: "13/13 Hội Liên hiệp phụ nữ", "12/12 Ban công tác Mặt trận"
  // (a guess, not a noun of the list: a year before one stays a year).
  const org = lower(j) ? null : ORG_NOUN.exec(key.slice(j, j + 12));
  if (org) return { unit: org[1]!, end: j + org[1]!.length, org: true };
  // Officers counted, capitalised as their titles are: "gồm 1 Chủ tịch, 13 Phó Chủ tịch".
  const title = lower(j) ? null : TITLE_NOUN.exec(key.slice(j, j + 16));
  if (title) return { unit: title[0], end: j + title[0].length };
  if (STOP_WORDS.has(word) || !lower(j)) return null;
  // "767 chủ phương tiện", "45 chủ cơ sở kinh doanh": owners, named by what they own (three syllables or more).
  const owned = word === keyOf("chủ") ? OWNED.exec(key.slice(e, e + 30)) : null;
  if (owned) return { unit: key.slice(j, e + owned[0].length), end: e + owned[0].length };
  // Vietnamese nouns are mostly two syllables ("bệnh viện", "khẩu trang"): take the second too.
  if (key.charCodeAt(e) === 32 && isLetter(key.charCodeAt(e + 1)) && lower(e + 1)) {
    let e2 = e + 1;
    while (e2 < key.length && isLetter(key.charCodeAt(e2))) e2++;
    if (!STOP_WORDS.has(key.slice(e + 1, e2))) return { unit: key.slice(j, e2), end: e2 };
  }
  return { unit: word, end: e };
}

/** What an owner counted owns, after "chủ": "chủ phương tiện", "chủ tàu cá", "chủ cơ sở". */
const OWNED = rx("^ (phương tiện|cơ sở|doanh nghiệp|hộ kinh doanh|tàu cá|tàu|thuyền|ghe|xe|quán|cửa hàng|nhà trọ|trang trại|vườn|rừng|đất)\\b");

/** Organisations (with "Chi hội", "Tổ", "Đoàn"… of the list) whose count a capital does not make a name. */
const TITLE_NOUN = rx("^(phó )?(chủ tịch|bí thư)\\b");
const ORG_NOUN = rx("^(hội|ban|chi đoàn|công đoàn|đảng bộ|uỷ ban|mặt trận)\\b");

/** Measures after a place word are quantities, not names: "nông thôn 1.600m2", "tuyến đường 5 km". */
export const MEASURES = new Set(["m2", "m²", "m3", "km", "km2", "ha", "sào", "mẫu", "m", "tấn", "tạ", "kg", "lít", "ngày công"]);

/** Known counted noun (not a measure) right after `p`: "15 đơn", "08 xã". */
export function countedNounAfter(text: string, key: string, p: number): boolean {
  const u = unitAt(text, key, p, false);
  return typeof u === "object" && u !== null && u.known === true && u.unit !== null && !MEASURES.has(u.unit);
}

/**
 * A day/month-like "a/b" after "và" (its start `andAt`, its end `end`) is a pair when a counted noun or any word
 * follows ("4/4 mô hình cá nhân", "11/11 Ban công tác Mặt trận"), unless "và" joins it to a date or a day before
 * it ("các ngày 10/11 và 11/11", "ngày 10 và 11/11").
 */
export function pairAfterAndAt(text: string, key: string, andAt: number, end: number): boolean {
  if (countedNounAfter(text, key, end)) return true;
  return WORD_AFTER.test(key.slice(end, end + 4)) && !DATE_BEFORE_AND.test(key.slice(Math.max(0, andAt - 30), andAt));
}
const WORD_AFTER = /^\s\p{L}/u;
const DATE_BEFORE_AND = rx("(\\d{1,2}\\s*/\\s*\\d{1,2}(\\s*/\\s*\\d{2,4})?|\\bngày\\s+\\d{1,2})\\s*,?\\s*$");

/**
 * A page's counter, not the report's figure: a visitor, view or comment counter word on a short line ("Lượt xem: 2517 |
 * Bình luận (0)", "Đã xem: 654"), or right before the number on a longer one ("… Đang truy cập17"). A report's
 * sentence that only names such a word keeps its figures ("hướng dẫn 300 hộ truy cập Cổng dịch vụ công", "hội nghị
 * theo hình thức online với 500 người", "đã xem xét, giải quyết 84 đơn").
 */
export function pageCounterAt(key: string, i: number, end: number): boolean {
  const line = lineAround(key, i, end);
  if (!PAGE_FURNITURE.test(line)) return false;
  let a = i;
  while (a > 0 && key.charCodeAt(a - 1) !== 10 && i - a <= 200) a--;
  let b = end;
  while (b < key.length && key.charCodeAt(b) !== 10 && b - end <= 200) b++;
  return b - a <= 100 || COUNTER_BEFORE.test(key.slice(Math.max(a, i - 30), i));
}

const PAGE_FURNITURE_WORDS = "truy cập|lượt xem|lượt đọc|lượt tải|đã xem\\b(?! xét)|lượt thích|bình luận|đánh giá bài viết|cỡ chữ|trực tuyến:|online";
const PAGE_FURNITURE = rx(PAGE_FURNITURE_WORDS);
/** The counter's word right before its number: "Đang truy cập17", "Lượt xem: 2517", "Bình luận (". */
const COUNTER_BEFORE = new RegExp(`(?:${PAGE_FURNITURE.source})[\\s:|(]*$`, "u");

/** A number alone on its line under a counter's label ("Số lượt người xem:\n1392"): the page's counter too. */
export function counterUnderLabel(key: string, i: number, end: number): boolean {
  if (!/^[ \t]*$/.test(key.slice(end, Math.min(key.length, end + 12)).split("\n")[0]!)) return false;
  const before = key.slice(Math.max(0, i - 80), i);
  const nl = before.lastIndexOf("\n");
  return nl >= 0 && /^[ \t]*$/.test(before.slice(nl + 1)) && COUNTER_LABEL.test(before.slice(0, nl));
}
const COUNTER_LABEL = rx(`(${PAGE_FURNITURE_WORDS}|lượt người xem)[\\s:|(]*$`);

/** Skips the rest of a code-like token (letters, digits, "/", "-", ".") after a rejected number. */
export function skipCode(key: string, j: number): number {
  let k = j;
  while (k < key.length) {
    const c = key.charCodeAt(k);
    if (isDigit(c) || c === 47 || c === 45 || c === 46 || c === 58 || isLetter(c)) k++;
    else break;
  }
  return Math.max(k, j);
}
