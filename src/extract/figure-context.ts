/**
 * Pure: what a number read in a report says, from its context: its qualifier, its clause (a list item takes
 * the verb of the list), the noun phrase after it, and the catalog indicator the rules give it, with the
 * heading of a list or the lead of items by level when the sentence itself says nothing.
 */
import { qualifierBefore } from "./number.ts";
import { indicatorFor } from "./rules.ts";
import { levelItemsLead, listHeading, statementStart } from "./items.ts";
import { clauseStart, phraseAfter, sentenceTail } from "./text-around.ts";
import { rx } from "./lexicon.ts";

/** A share followed by the places or households it counts, then what they did: "100% xã tổ chức", "95% số thôn có". */
const SHARE_OF_PLACES = rx("^\\s*(số\\s+)?(xã|phường|thị trấn|thôn|buôn|bản|ấp|tổ dân phố|khu dân cư|cơ quan|đơn vị|hộ|chi bộ|chi hội)\\b");

export interface Candidate {
  start: number;
  end: number;
  value: number;
  of: number | null;
  unit: string | null;
  qualifier: string | null;
  percent: boolean;
  indicator: string | null;
  seg: string;
  right: string;
  sentenceStart: number;
  /** For the low end of a range, where its high end starts (read next, though glued: "30-40%"). */
  rangeHigh?: number;
}

export interface Reading {
  /** End of the number (with its % sign), end of the amount, end of the span (with its noun). */
  end: number;
  amountEnd: number;
  spanEnd: number;
  value: number;
  of: number | null;
  unit: string | null;
  ruleUnit: string | null;
  percent: boolean;
  lead: { start: number; unit: string; noun: string } | null;
}

/** A short noun, or a per-unit one ("/hội viên"), then "trở lên": the threshold of the figure before it. */
const THRESHOLD_AFTER = /^(?:\/[\p{L}\p{M} ]{1,20}|\s[\p{L}\p{M} ]{1,30}?)\s+trở lên/u;

/** The figure read at `i`: its qualifier, its context and the indicator the context gives it. */
export function finish(key: string, i: number, r: Reading): Candidate {
  const { end, spanEnd, of, unit, ruleUnit, percent, lead } = r;
  const amount = { end: r.amountEnd, value: r.value };
  const q = qualifierBefore(key, i);
  let qualifier = q?.qualifier ?? null;
  let start = lead ? lead.start : q ? q.start : i;
  if (!qualifier && /^\s*trở lên/.test(key.slice(spanEnd, spanEnd + 12))) qualifier = "trở lên";
  // "từ 60% số hộ nông dân trở lên", "200.000 đồng/hội viên trở lên": the threshold said after a short noun, opened by "từ"
  // or after a per-unit noun.
  else if (!qualifier && THRESHOLD_AFTER.test(key.slice(spanEnd, spanEnd + 40)) && (key.charCodeAt(spanEnd) === 47 || /(^|\s)từ\s*$/u.test(key.slice(Math.max(0, i - 5), i)))) qualifier = "trở lên";
  if (q && q.qualifier === "trên" && /^\s*(địa bàn|toàn)/.test(key.slice(spanEnd, spanEnd + 10))) { qualifier = null; start = i; }
  // "nguồn cấp trên 50 triệu đồng": the upper level ("cấp trên"), not "more than".
  if (q && q.qualifier === "trên" && /cấp\s*$/u.test(key.slice(Math.max(0, q.start - 8), q.start))) { qualifier = null; start = i; }
  const sentenceStart = clauseStart(key, i, false);
  let segStart = clauseStart(key, i, true);
  // A list item ("tham mưu 07 kế hoạch, 03 hướng dẫn") continues the verb of the item before it.
  let listHead = -1;
  // Not out of parentheses ("(6 tháng đầu năm 2019 đã tiếp 1.012 lượt)" is its own clause), nor
  // when the clause opens with a period ("6 tháng đầu năm…"); the items before must open with a number.
  const listable = (at: number) => at > sentenceStart && key.charCodeAt(at - 1) !== 40 && !PERIOD_LEAD.test(key.slice(at, at + 20));
  // Nor a share of places or households, which says its own thing: "tỷ lệ hòa giải thành đạt 89%, 100% xã tổ chức đối thoại".
  const ownShare = percent && SHARE_OF_PLACES.test(key.slice(end, end + 24));
  if (!ownShare && listable(segStart) && LIST_ITEM.test(key.slice(segStart, q ? q.start : i))) {
    for (let k = 0; k < 4; k++) {
      segStart = clauseStart(key, segStart - 1, true);
      listHead = segStart;
      if (!listable(segStart) || !/^\s*(và\s+|với\s+)?\d/.test(key.slice(segStart, segStart + 12))) break;
    }
  }
  const right = lead ? lead.noun : phraseAfter(key, percent ? end : amount.end);
  const tail = sentenceTail(key, percent ? end : amount.end);
  // A noun written before the number ("Số vụ việc phải hòa giải: 45") is part of what the number's clause says.
  let seg = lead ? key.slice(Math.min(segStart, lead.start), i) : key.slice(segStart, q ? q.start : i);
  if (listHead >= 0) {
    // The verb of a list is what precedes its first number: "giảm 146 lượt tiếp, 127 lượt người".
    const firstNumber = seg.search(/\d/);
    if (firstNumber >= 0) seg = seg.slice(0, firstNumber);
    const qq = qualifierBefore(seg, seg.length);
    if (qq) seg = seg.slice(0, qq.start);
  }
  const before = key.slice(sentenceStart, lead ? i : q ? q.start : i);
  const from = percent ? end : amount.end;
  const input = {
    unit: ruleUnit, percent, right, seg, before, tail, wide: key.slice(Math.max(0, i - 400), i),
    rest: sentenceTail(key, from, 400), breakdown: inBreakdown(key, sentenceStart, lead ? lead.start : q ? q.start : i),
    pair: of !== null, statement: key.slice(statementStart(key, sentenceStart), sentenceStart) + before,
    // Read by one rule only: found when asked, not for every figure.
    get paragraph() {
      return paragraphBefore(key, i);
    },
  };
  let indicator = indicatorFor(input);
  if (indicator === "petitions.received") {
    // "Công tác hòa giải ở cơ sở:\n- Tiếp nhận: 40 đơn": petitions received in a list under a heading on mediation (not
    // a petition desk's) are the cases brought to it, as under a label in the sentence ("Hòa giải: tiếp nhận 40 đơn").
    const heading = listHeading(key, sentenceStart);
    if (heading && MEDIATION_HEADING.test(heading) && !PETITION_DESK_HEADING.test(heading)) {
      indicator = indicatorFor({ ...input, before: heading + " " + before, seg: heading + " " + seg, statement: heading + ": " + input.statement });
    }
  }
  if (indicator === null) {
    // A list after a heading ("Tỷ lệ giải quyết đơn thư:\n- Cấp huyện đạt 95%;\n- Cấp xã 92%"): each item
    // belongs to the heading's indicator.
    const heading = listHeading(key, sentenceStart);
    if (heading) indicator = indicatorFor({ ...input, before: heading + " " + before, seg: heading + " " + seg });
  }
  if (indicator === null) {
    // A list of rates after a heading inside the sentence ("Tỷ lệ hòa giải thành một số xã cao như: Tân Lập
    // (95%); Hòa Bình (93,5%)"): each rate belongs to the heading's indicator, when the heading names a rate.
    // Items named by how they were held ("Hội nghị … với Nhân dân: định kỳ 4 cuộc; đột xuất 2 cuộc"): the same.
    const colon = input.statement.lastIndexOf(":");
    let label = colon > 0 ? input.statement.slice(0, colon) : "";
    // "Tỷ lệ:\n- Giải quyết đơn thư: 95%\n- Hộ nghèo: 2,1%": an item with a label of its own (not a place) is read
    // with the heading's line and that label, not with the labels of the items before it.
    // Also within one line: "Tỷ lệ giải quyết đơn thư: 95%, hòa giải thành: 90%, hộ nghèo: 2,1%".
    const item = Math.max(label.lastIndexOf("\n"), label.lastIndexOf(","), label.lastIndexOf(";"));
    const own = label.slice(item + 1).replace(/^[\s\-–•+*]+/u, "");
    // The first line names the list's rates ("Tỷ lệ:") or the first item's ("Tỷ lệ giải quyết đơn thư: 95%"): only its
    // word for a rate goes with the item's own label.
    if (percent && item >= 0 && /\p{L}/u.test(own) && !OWN_PLACE.test(own)) label = (RATE_HEADING.exec(label.slice(0, label.search(/[\n,;:]/)))?.[0] ?? "") + " " + own;
    if (percent ? RATE_HEADING.test(label) : label && HELD_ITEM.test(seg)) indicator = indicatorFor({ ...input, before: label + " " + before, seg: label + " " + seg });
  }
  if (indicator === null) {
    // Items by level ("Đối thoại: cấp huyện 5 cuộc, cấp xã 45 cuộc"; "cấp huyện đối thoại 5 cuộc; cấp xã 45
    // cuộc"): each item is read with what the sentence said before the items.
    const lead = levelItemsLead(key, segStart);
    if (lead) indicator = indicatorFor({ ...input, before: lead + " " + before, seg: lead + " " + seg });
  }
  return { start, end: spanEnd, value: amount.value, of, unit, qualifier, percent, indicator, seg, right, sentenceStart };
}

/** A heading that names a rate ("tỷ lệ hòa giải thành … như") or a result measured by one ("Kết quả giải quyết đơn: đạt 95,5%"). */
/** An item's label naming a place or a level: "Xã A", "Cấp huyện", "Thị trấn B". */
const OWN_PLACE = rx("^(xã|phường|thị trấn|huyện|thị xã|quận|thành phố|tỉnh|cấp|thôn|ấp|bản|buôn|làng|xóm|tổ dân phố|khu phố|tp|tx)\\b|^\\p{Lu}");
const RATE_HEADING = rx("tỷ lệ|tỉ lệ|kết quả (giải quyết|hoà giải)");
/** An item named by how it was held: "định kỳ", "đột xuất". */
const HELD_ITEM = rx("^\\s*(định kỳ|đột xuất|thường xuyên)\\s*$");

/** What precedes a number that continues a list: nothing, or the other half of a pair ("05 lượt đoàn/"). */
const LIST_ITEM = /^\s*(và\s+|với\s+)?(\d[\d.,]*\s*[\p{L}\p{M} ]{0,20}\/\s*)?$/u;

/** A clause that opens with a period phrase: "6 tháng đầu năm 2019 đã tiếp…". */
const PERIOD_LEAD = /^\s*\d{1,2}\s+(tháng|năm|quý)\b/u;

/** True when the number sits in parentheses right after another count: "55 mô hình (29 tập thể, 26 cá nhân)". */
function inBreakdown(key: string, sentenceStart: number, i: number): boolean {
  const lo = Math.max(sentenceStart, i - 60);
  const at = key.slice(lo, i).lastIndexOf("(");
  if (at < 0) return false;
  const open = lo + at;
  if (key.slice(open, i).includes(")")) return false;
  return /\d[\d.,]*\s*[\p{L}\p{M} ,]{2,30}$/u.test(key.slice(Math.max(sentenceStart, open - 40), open).trimEnd());
}

/** Key text of the line holding `i`, up to `i` (at most 1,500 chars back: bounded on long texts). */
function paragraphBefore(key: string, i: number): string {
  const lo = Math.max(0, i - 1500);
  const window = key.slice(lo, i);
  return window.slice(window.lastIndexOf("\n") + 1);
}

/** A heading on mediation: "Công tác hòa giải ở cơ sở", "3. Hòa giải". */
const MEDIATION_HEADING = rx("hoà giải");
/** A petition desk's heading, whatever else it names: "Tiếp công dân, giải quyết đơn thư, hòa giải". */
const PETITION_DESK_HEADING = rx("tiếp công dân|tiếp dân|đơn thư|khiếu nại|tố cáo");
