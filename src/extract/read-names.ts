/**
 * Pure: the words around a number that make it part of a name (a hamlet's, a document's) or an anniversary,
 * and the counts that read as counts all the same after such a word ("nông thôn 1.600m2"). Used by read-number.ts.
 */
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { countedNounAfter, MEASURES, unitAt, wordBefore } from "./text-around.ts";

/** "kỷ niệm 55 thành lập": an anniversary with "năm" left out. */
export const ANNIVERSARY = keyOf("kỷ niệm");

/** Names of documents that are also verbs: in lower case and before a counted noun they count ("hướng dẫn 223 đơn"). */
export const VERB_NAMES = new Set(["hướng dẫn", "kết luận", "báo cáo", "thông báo"].map((w) => w.normalize("NFC")));

const PLACE_WORDS = new Set(["thôn", "xóm", "ấp", "bản", "làng", "khu", "khóm", "buôn", "tổ", "đường", "tuyến", "phường", "quận", "lô", "hẻm", "ngõ", "kiệt", "ngách"].map((w) => w.normalize("NFC")));

const HAMLET_WORDS = new Set(["thôn", "xóm", "ấp", "bản", "làng", "khu", "khóm", "buôn"].map((w) => w.normalize("NFC")));

/** True when the one to three words before a number are capitalised and follow a hamlet word: "ấp Văn Hiên". */
export function hamletNameBefore(text: string, key: string, prev: { word: string; start: number }): boolean {
  let w = prev;
  for (let n = 0; n < 3; n++) {
    if (!w.word || !/^\p{Lu}/u.test(text.slice(w.start, w.start + 1))) return false;
    w = wordBefore(key, w.start);
    if (HAMLET_WORDS.has(w.word)) return true;
  }
  return false;
}

/** After a word that names ("thôn 5"), the number is a count all the same when a measure follows, or in "nông thôn". */
export function countAfterName(text: string, key: string, word: string, word2: string, numeralEnd: number): boolean {
  // "phát sinh trong kỳ 291 vụ việc", "cùng kỳ 85 lượt", "tiếp dân định kỳ 381/960 ngày": kỳ is the period here.
  // Also "tồn đầu kỳ 40 đơn", "cuối kỳ 12 đơn": the period's start or end.
  if (word === "kỳ" && (word2 === "trong" || word2 === "cùng" || word2 === "mỗi" || word2 === "định" || word2 === "đầu" || word2 === "cuối")) return true;
  // "Bộ đội Biên phòng 15 đồng chí": the border guard, not room 15.
  if (word === "phòng" && word2 === "biên") return true;
  // "trình độ chuyên môn Luật 241 người": a law is named by its subject, never by a count of people.
  if (word === "luật" && countedNounAfter(text, key, numeralEnd)) return true;
  if (!PLACE_WORDS.has(word)) return false;
  // "cấp phường 141 lượt người", "cấp quận 12 cuộc": a level names no ward, the number after it counts.
  if (word2 === "cấp" && countedNounAfter(text, key, numeralEnd)) return true;
  if (word === "thôn" && word2 === "nông") return true;
  // "cấp thôn 20 mô hình", "mỗi ấp 2 buổi": a count by level or per hamlet, not hamlet 20.
  if ((word2 === "cấp" || word2 === "mỗi") && countedNounAfter(text, key, numeralEnd)) return true;
  // "trong đó: khối cơ quan 60 triệu đồng; các thôn 80 triệu đồng": money in a scale word right after counts, no hamlet 80.
  if (MONEY_AFTER_NAME.test(key.slice(numeralEnd, numeralEnd + 20))) return true;
  const u = unitAt(text, key, numeralEnd, false);
  return typeof u === "object" && u !== null && u.unit !== null && MEASURES.has(u.unit);
}

/** Money in a scale after a number: "2 tỷ đồng", "1,5 tỷ,", "600 triệu đồng" (the unit or the clause's end after the scale). */
export const MONEY_AFTER_NAME = rx("^\\s*(tỷ|tỉ|triệu)\\s*(đồng|[,;.)]|$)");

/** Petition kinds abbreviated (khiếu nại, tố cáo, kiến nghị, phản ánh): "KN", "TC", "PA", "KNPA"; "KN-PA" ends in "pa". */
export const PETITION_KIND_ABBR = /^(kn|tc|pa|kp|knpa|kntc)$/u;

/**
 * An organisation counted in capitals ("13/13 Hội …") is no count after a capitalised word inside a sentence (a
 * name goes on), nor after a pair that is no part of a whole ("Nhân dịp 30/4 Hội …", "1/5").
 */
export function orgInName(text: string, key: string, prev: { word: string; start: number }, value: number, of: number | null): boolean {
  if (prev.word && text[prev.start] !== key[prev.start] && !/(^|[\n.!?:])\s*$/.test(key.slice(Math.max(0, prev.start - 3), prev.start))) return true;
  return of !== null && (value > of || (value !== of && value <= 31 && of <= 12));
}

/** The verb of a change right before a number (words folded by keyOf): "tăng ", "giảm ", "tăng thêm ". */
export const changeBefore = (w: string, w2: string): boolean => CHANGE.has(w) || (w === keyOf("thêm") && CHANGE.has(w2));
const CHANGE = new Set([keyOf("tăng"), keyOf("giảm")]);
