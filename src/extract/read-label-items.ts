/**
 * Pure: bare numbers in a report's list of results written as "label number" with no unit word after the
 * number, the counted noun written before it: "tổng số vụ việc 86, hòa giải thành 74, không thành 12",
 * "Tiếp công dân: tổng số lượt 120, số người 145; tiếp nhận đơn thư 35, đã giải quyết 30". Bounded scans
 * (at most 200 chars back) on the key text; written from the genre, not from any one text.
 */
import { rx, UNITS } from "./lexicon.ts";

/** The nouns such a label counts (a name with a number, "thôn 5", "đợt 2", is never one of them). */
const NOUNS = "đơn thư|đơn(?! vị)|vụ việc|vụ|lượt người|lượt|người|cuộc|hội nghị|buổi|mô hình|điển hình|văn bản";
/** What opens an item: the clause's start, a list mark, ",", ";", ":" or "(". */
const SEP = "(?:^|[,;:(\\n]|\\s[-–+•]|^[-–+•])\\s*";
/** Nouns a label may name alone before its number: "; đơn thư 18,", "ngày công 1.200". */
const BARE = "đơn thư|vụ việc|ngày công";
/**
 * The head item, right before its number: "(tổng) số (lượng) NOUN ", with what the noun did after it ("số vụ việc
 * tiếp nhận ", "tổng số người tham gia "); a verb of receiving or resolving before the noun ("tiếp nhận đơn thư ");
 * or a noun of petitions, cases or labour days alone ("đơn thư "). The noun is group 1, 2 or 3.
 */
const HEAD_SRC = `(?:(?:tổng )?số (?:lượng )?(${NOUNS})(?![\\p{L}\\p{M}])(?:\\s+[\\p{L}\\p{M} ]{2,25}?)?|(?:đã )?(?:tiếp nhận|nhận được|thụ lý|giải quyết|hoà giải)\\s+(${NOUNS})|(${BARE})(?:\\s*:\\s*[\\p{L}\\p{M} ]{2,25}?)?)`;
const HEAD = rx(`${SEP}${HEAD_SRC}\\s*$`);
/** Items of a label of words and a number after the head, then this item's label (the last group). */
const ITEMS = `(?:\\s*,\\s*[\\p{L}\\p{M} ]{2,30}?\\s+\\d[\\d.]*){0,4}\\s*,\\s*((?:đã |được )?[\\p{L}\\p{M} ]{2,30}?)\\s*$`;
/** A head item with its number ("tổng số vụ việc 52", "Đơn thư: tiếp nhận 35"), then the items after it. */
const CHAIN = rx(`${SEP}${HEAD_SRC}\\s+\\d[\\d.]*${ITEMS}`);
/** A count of cases or petitions with its noun after it, then the items after it: "tiếp nhận 40 vụ việc, hòa giải thành 36, ". */
const COUNT_CHAIN = rx(`\\d[\\d.]*\\s+(vụ việc|vụ|đơn thư|đơn)(?![\\p{L}\\p{M}])${ITEMS}`);
/** Words one of CHAIN's heads needs, and COUNT_CHAIN's nouns (cheap tests before the patterns that backtrack). */
const CHAIN_WORDS = rx("số|tiếp nhận|nhận được|thụ lý|giải quyết|hoà giải|đơn thư|vụ việc|ngày công");
const COUNT_WORDS = rx("vụ|đơn");
/** A field of life labelling an item of models: "kinh tế", "văn hóa - xã hội", "quốc phòng - an ninh". */
const FIELD = "(?:lĩnh vực\\s+)?(?:kinh tế|văn hoá(?:\\s*[-–,]\\s*xã hội)?|xã hội|quốc phòng(?:\\s*[-–,]\\s*an ninh)?|an ninh(?:\\s*[-–,]\\s*(?:quốc phòng|trật tự))?|xây dựng hệ thống chính trị|hệ thống chính trị)";
/** Models or exemplars under their label, listed by field: "Mô hình Dân vận khéo: kinh tế 45, văn hóa - xã hội 30, ". */
const FIELD_LIST = rx(`(mô hình|điển hình)[^:\\d\\n;.]{0,40}:\\s*(?:${FIELD}\\s+\\d[\\d.]*\\s*[,;]\\s*){0,5}${FIELD}\\s*$`);
/** A short label of an activity opening the statement, its colon right before the head: "Giám sát:", "- Khảo sát, giám sát:". */
const ACTIVITY_LABEL = rx("(?:^|\\n)\\s*[-+•]?\\s*((?:khảo sát|giám sát|kiểm tra|đối thoại|tiếp xúc|phát động|tuyên truyền)[\\p{L}\\p{M} ,]{0,30}?)\\s*:\\s*$");
/** An item named by a level only: "cấp huyện", "cấp xã", "cấp cơ sở". */
const LEVEL_LABEL = rx("^(cấp|tuyến) (tỉnh|huyện|xã|cơ sở|thành phố|thị xã)$");
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
    const noun = head[1] ?? head[2] ?? head[3]!;
    // "Giám sát: tổng số cuộc 24": the activity its label names is what the noun counts ("cuộc giám sát").
    const label = ACTIVITY_LABEL.exec(w.slice(0, w.length - tail.length + head.index + 1));
    return item(at + head[0].search(/[\p{L}]/u), noun, label ? `${noun} ${label[1]!.trim()}` : noun);
  }
  // The chains only where their words are (a long list of places has commas and numbers but none of them).
  const chain = (CHAIN_WORDS.test(w) ? CHAIN.exec(w) : null) ?? (COUNT_WORDS.test(w) ? COUNT_CHAIN.exec(w) : null);
  if (chain) {
    const label = chain[chain.length - 1]!;
    const noun = chain.slice(1, -1).find((g) => g !== undefined);
    // "Giám sát: tổng số cuộc 24, cấp huyện 4, cấp xã 20": an item named by its level is one of the head's.
    if (noun && (!OTHER_ITEM.test(label) || LEVEL_LABEL.test(label))) {
      const activity = ACTIVITY_LABEL.exec(w.slice(0, chain.index + 1));
      return item(i - w.length + w.trimEnd().length - label.length, noun, activity ? `${noun} ${activity[1]!.trim()}` : noun);
    }
  }
  const fields = FIELD_LIST.exec(w);
  return fields ? item(i, fields[1]!) : null;
}

function item(start: number, noun: string, right = noun): { start: number; unit: string; noun: string } | null {
  const unit = UNITS.find(([s]) => s === noun)?.[1];
  return unit ? { start, unit, noun: right } : null;
}
