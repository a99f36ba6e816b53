/**
 * Pure: bare numbers in a report's list of results written as "label number" with no unit word after the
 * number, the counted noun written before it: "tổng số vụ việc 86, hòa giải thành 74, không thành 12",
 * "Tiếp công dân: tổng số lượt 120, số người 145; tiếp nhận đơn thư 35, đã giải quyết 30". Bounded scans
 * (at most 200 chars back) on the key text; written from the genre, not from any one text.
 */
import { rx, UNITS } from "./lexicon.ts";

/** The nouns such a label counts (a name with a number, "thôn 5", "đợt 2", is never one of them). */
const NOUNS = "đơn thư|đơn|vụ việc|vụ|lượt người|lượt|người|cuộc|hội nghị|buổi|mô hình|điển hình|văn bản";
/**
 * The head item: "(tổng) số (lượng) NOUN " or a verb of receiving or resolving before the noun ("tiếp nhận đơn thư "),
 * right before the number, opening its item (after the clause's start, a list mark, ",", ";", ":" or "(").
 */
const HEAD = rx(
  `(?:^|[,;:(\\n]|\\s[-–+•]|^[-–+•])\\s*(?:(?:tổng )?số (?:lượng )?|(?:đã )?(?:tiếp nhận|nhận được|thụ lý|giải quyết|hoà giải)\\s+)(${NOUNS})\\s*$`,
);
/** A head item with its number, then items of a label of words and a number, then this item's label. */
const CHAIN = rx(
  `(?:^|[,;:(\\n]|\\s[-–+•])\\s*(?:(?:tổng )?số (?:lượng )?|(?:đã )?(?:tiếp nhận|nhận được|thụ lý|giải quyết|hoà giải)\\s+)(${NOUNS})\\s+\\d[\\d.]*` +
    `(?:\\s*,\\s*[\\p{L}\\p{M} ]{2,30}?\\s+\\d[\\d.]*){0,4}\\s*,\\s*((?:đã |được )?[\\p{L}\\p{M} ]{2,30}?)\\s*$`,
);
/** Words that make a label's item something else than a count of the head's noun. */
const OTHER_ITEM = rx("\\b(tỷ lệ|tỉ lệ|đạt|chiếm|tăng|giảm|năm|tháng|ngày|quý|thôn|xóm|tổ|khu|xã|phường|huyện|số)\\b");

/** The number closes its item: ",", ";", ".", ")", a line's end. */
const CLOSES = /^\s*([,;)\n]|\.(?!\d)|$)/u;

/**
 * The noun a bare number counts when it closes a "label number" item of such a list, with where its label
 * starts; null otherwise.
 */
export function labelItem(key: string, i: number, end: number): { start: number; unit: string; noun: string } | null {
  if (!CLOSES.test(key.slice(end, end + 3))) return null;
  const from = Math.max(0, i - 200);
  const window = key.slice(from, i);
  // Not across a sentence's end.
  const stop = Math.max(window.lastIndexOf(". "), window.lastIndexOf("!"), window.lastIndexOf("?"));
  const w = stop >= 0 ? window.slice(stop + 1) : window;
  const tail = w.slice(-60);
  const head = HEAD.exec(tail);
  if (head) {
    const at = i - tail.length + head.index;
    return item(at + head[0].search(/[\p{L}]/u), head[1]!);
  }
  const chain = CHAIN.exec(w);
  if (!chain || OTHER_ITEM.test(chain[2]!)) return null;
  const labelEnd = w.trimEnd().length;
  return item(i - w.length + labelEnd - chain[2]!.length, chain[1]!);
}

function item(start: number, noun: string): { start: number; unit: string; noun: string } | null {
  const unit = UNITS.find(([s]) => s === noun)?.[1];
  return unit ? { start, unit, noun } : null;
}
