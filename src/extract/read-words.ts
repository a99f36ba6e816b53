/**
 * Pure: counts written in words ("hai cuộc đối thoại", "gần bốn tỷ đồng"), read only before a known counted noun
 * (numbers in digits: read-number.ts).
 */
import { NAME_BEFORE_1 } from "./lexicon.ts";
import { keyOf } from "./normalize.ts";
import { scanNumberWords } from "./number.ts";
import { clauseStart, isSpace, unitAt, wordBefore } from "./text-around.ts";
import { finish, type Candidate } from "./figure-context.ts";

/** A number word that can open a count ("hai cuộc", "một trăm hộ"), on the key text. */
export const WORD_START = /(?:hai|ba|bốn|sáu|bảy|tám|chín|mười|một trăm|một mươi|năm trăm|năm mươi|năm(?= [^\d\s])) /g;
/** Words before a number word that make it vague, an ordinal or a name: "hàng trăm", "thứ hai", "đợt ba". */
const NOT_BEFORE_WORD = new Set(["hàng", "vài", "mấy", "dăm", "một", "thứ", "lần", "mươi", "trăm"]);

/**
 * "năm" alone is the year far more often than five: it is five only before a known counted noun ("xây dựng năm mô
 * hình"), and never after a word that makes it the year ("trong năm hộ nghèo giảm", "cả năm", "mỗi năm", "sau năm")
 * nor after a number ("sau 3 năm").
 */
const YEAR_BEFORE_WORD = new Set(
  ("trong cả mỗi hằng hàng cuối đầu giữa các những từng qua nhiều mấy vài của sang trước sau hết đến tới từ nửa này là theo " +
    "cùng một hai ba bốn năm sáu bảy tám chín mười").split(" ").map(keyOf),
);
const FIVE = keyOf("năm");

/** A scale word right after number words: " tỷ", " triệu", " nghìn". */
const WORD_SCALE = /^ (tỷ|tỉ|triệu|nghìn|ngàn)(?![\p{L}\p{M}])/u;
const WORD_SCALES: Record<string, number> = { tỷ: 1e9, tỉ: 1e9, triệu: 1e6, nghìn: 1e3, ngàn: 1e3 };

/** Reads a count written in words ("hai cuộc đối thoại"): only before a known counted noun. */
export function readWordAt(text: string, key: string, i: number): Candidate | number {
  const w = scanNumberWords(key, i, true);
  if (!w) return i + 1;
  // "Ba Vì", "Hai Bà Trưng": a capitalised number word inside a name (a sentence may open with one).
  if (text[i] !== key[i] && clauseStart(key, i, false) < i - 1 && !/^\s*$/.test(key.slice(clauseStart(key, i, false), i))) return w.end;
  const prev = wordBefore(key, i);
  if (NOT_BEFORE_WORD.has(prev.word) || NAME_BEFORE_1.has(prev.word)) return w.end;
  if (w.end - i === FIVE.length && key.startsWith(FIVE, i) && (YEAR_BEFORE_WORD.has(prev.word) || /\d\s*$/.test(key.slice(Math.max(0, i - 6), i)))) return w.end;
  // "gần bốn tỷ đồng", "hơn hai triệu đồng": a scale word after the number words multiplies them, as after digits.
  const scale = WORD_SCALE.exec(key.slice(w.end, w.end + 10));
  const end = scale ? w.end + scale[0].length : w.end;
  const value = scale ? w.value * WORD_SCALES[scale[1]!]! : w.value;
  let j = end;
  while (isSpace(key.charCodeAt(j))) j++;
  if (text[j] !== key[j]) return w.end; // the noun in lower case: "Năm Căn" is a name
  const u = unitAt(text, key, end, false);
  if (typeof u !== "object" || u === null || !u.known || u.unit === null) return w.end;
  return finish(key, i, { end, amountEnd: end, spanEnd: u.end, value, of: null, unit: u.unit, ruleUnit: u.unit, percent: false, lead: null });
}
