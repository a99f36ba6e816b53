/**
 * Pure: reads every figure of a text, in order, then gives items the key of the count they follow: a share
 * after a keyed count, an item under a short label, a breakdown by how a count was held, the people of a
 * reception written as its pair. Spans are mapped back to the text as given.
 */
import { rx } from "./lexicon.ts";
import { SHARE_LEFT } from "./rules.ts";
import { rateItemOf } from "./rules-share.ts";
import { shareOfEarlier } from "./rules-rates.ts";
import type { Candidate } from "./figure-context.ts";
import { readAt } from "./read-number.ts";
import { readWordAt, WORD_START } from "./read-words.ts";
import { isLetter } from "./number.ts";
import { statementStart } from "./items.ts";
import { lastIndexWithin } from "./text-around.ts";
import { R } from "./rule-words.ts";
import { heldAfter, mediationClauses, pairOfRate, peopleOfTurns, peopleParts, recipientParts } from "./read-parts.ts";
import { partAndWhole } from "./read-pairs.ts";
import { LEVEL_LABEL, levelParts } from "./read-levels.ts";
import { bareHouses, householdsOfHouses } from "./read-houses.ts";
import { placeItems } from "./read-place-items.ts";
import { headlineKeys } from "./read-headline.ts";
import type { ExtractedFigure } from "./extract.ts";

export function figuresOf(raw: string, text: string, key: string, toOriginal: (s: number, e: number) => [number, number]): ExtractedFigure[] {
  const cands: Candidate[] = [];
  const digit = /\d/g;
  const words = new RegExp(WORD_START.source, "g");
  let nextWord = -1; // the next number word at or after `i`, found once per stretch of text
  let i = 0;
  while (i < key.length) {
    digit.lastIndex = i;
    const m = digit.exec(key);
    if (nextWord !== Infinity && nextWord < i) {
      // A number word that starts a word ("hai", not the end of "thứ hai" glued, nor "chai").
      words.lastIndex = i;
      let w: RegExpExecArray | null;
      while ((w = words.exec(key)) && w.index > 0 && isLetter(key.charCodeAt(w.index - 1)));
      nextWord = w ? w.index : Infinity;
    }
    if (!m && nextWord === Infinity) break;
    const isWord = !m || nextWord < m.index;
    const at = isWord ? nextWord : m.index;
    const r = isWord ? readWordAt(text, key, at) : readAt(text, key, at);
    if (typeof r === "number") {
      i = Math.max(r, at + 1);
      continue;
    }
    cands.push(r);
    i = Math.max(r.end, at + 1);
    if (r.rangeHigh !== undefined) {
      const high = readAt(text, key, r.rangeHigh, true);
      if (typeof high !== "number") {
        cands.push(high);
        i = Math.max(high.end, i);
      }
    }
  }
  // A share right after a keyed count takes its key: "19/46 trường đạt chuẩn, đạt 41,3%".
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    // A share after a parenthesis holds the share of the count before it: "hòa giải thành 900/1.000 vụ việc
    // (trung bình 300 vụ việc/năm), đạt tỷ lệ 90%".
    const prev = c.percent ? countBeforeAside(key, cands, k) : cands[k - 1]!;
    // "(đạt: 90%)", and the bare "(90%)" right after its count: "hòa giải thành 45/50 vụ việc (90%)".
    const shareLabel = ((SHARE_LABEL.test(key.slice(Math.max(0, c.start - 20), c.start)) || (/^\s*\(\s*$/.test(key.slice(prev.end, c.start)) && key.charCodeAt(c.end) === 41))
      && !/[\n.!?]/.test(key.slice(prev.end, c.start).replace(/(\d)[.,](\d)/g, "$1$2")))
      // "- Số vụ việc hòa giải thành: 38\n- Tỷ lệ: 90,5%": the next item of the list, labelled only as a share.
      || LIST_SHARE.test(key.slice(prev.end, c.start));
    // "đã giải quyết 46/76 đơn thuộc thẩm quyền; đạt tỷ lệ 60,53%": a clause that opens with the share has no count of its own.
    const sameSentence = prev.sentenceStart === c.sentenceStart
      || (SHARE_OPENS.test(c.seg) && c.start - prev.end < 120 && !/[\n.!?]/.test(key.slice(prev.end, c.start).replace(/(\d)[.,](\d)/g, "$1$2")));
    // Not a share of an earlier period: "… 120 lượt công dân, bằng 85% so với cùng kỳ" (rules-rates.ts).
    if (c.percent && c.indicator === null && ((SHARE_LEFT.test(c.seg) && sameSentence) || shareLabel) && prev.indicator && !prev.percent && !shareOfEarlier(key.slice(c.end, c.end + 60))) {
      // The share of the petitions resolved is the catalog's resolution rate, named "tỷ lệ" or not: "đã giải quyết
      // 30/35 đơn, đạt 85,7%", "giải quyết 238/316 vụ việc, đạt tỷ lệ 88,9%".
      c.indicator = prev.indicator === "petitions.resolved" ? "petitions.resolution_rate" : prev.indicator;
    }
    // "Tỷ lệ hòa giải thành đạt trên 85%, trong đó xã A đạt 95%, xã B đạt 90%": a rate by place after a keyed rate,
    // in its sentence or the clause after ";" ("… đạt 89,48%; đối với cấp xã đạt 95,59%").
    const nextClause = c.start - prev.end < 80 && RATE_NEXT_CLAUSE.test(key.slice(prev.end, c.start));
    if (c.percent && c.indicator === null && prev.percent && prev.indicator && (prev.sentenceStart === c.sentenceStart || nextClause) && ((SHARE_LEFT.test(c.seg) && (R.byPlace.test(c.seg) || LEVEL_LABEL.test(c.seg))) || rateItemOf(prev.indicator, c.seg))) {
      c.indicator = prev.indicator;
    }
    // "Hội nghị đối thoại định kỳ: 4 cuộc; đột xuất: 2 cuộc": an item under a short label, in the unit of the
    // keyed item before it on the same line, is the same kind of count.
    // "… 120 lượt với 135 người; định kỳ: 24 lượt/30 người": the item of that unit a few items back.
    if (c.indicator === null && !c.percent) {
      const label = SHORT_LABEL.exec(key.slice(Math.max(0, c.start - 40), c.start)) ?? HELD_LABEL.exec(key.slice(Math.max(0, c.start - 40), c.start));
      for (let b = k - 1; label && b >= 0 && b >= k - 4; b--) {
        const p = cands[b]!;
        const between = key.slice(p.end, c.start);
        if (between.length > 160 || /[\n.!?]/.test(between.replace(/(\d)\.(\d)/g, "$1$2"))) break;
        if (p.unit !== c.unit || p.percent) continue;
        if (p.indicator && !NEGATED_LABEL.test(label[0])) c.indicator = p.indicator;
        break;
      }
    }
    // "03 lượt (03 định kỳ)", "12 cuộc, trong đó 8 định kỳ, 4 đột xuất": a breakdown by how the count was held
    // is in the count's unit and key.
    if (c.unit !== null && HELD_HOW.test(c.unit) && !c.percent && !prev.percent && prev.unit !== null && !HELD_HOW.test(prev.unit)
      && BREAKDOWN_GAP.test(key.slice(prev.end, c.start))) {
      c.unit = prev.unit;
      c.indicator = prev.indicator;
    }
    // "120 mô hình, 80 điển hình cấp xã": exemplars counted beside the Dân vận khéo models they pair with.
    if (c.indicator === null && c.unit === "điển hình" && prev.indicator === "dvk.models" && !c.percent && PAIRED.test(key.slice(prev.end, c.start))
      && !rx("tiên tiến").test(c.right)) {
      c.indicator = "dvk.exemplars";
    }
    // "45 mô hình; 12 điển hình Dân vận khéo": models counted right before the Dân vận khéo exemplars they pair with.
    if (prev.indicator === null && prev.unit === "mô hình" && !prev.percent && c.indicator === "dvk.exemplars" && PAIRED_ITEMS.test(key.slice(prev.end, c.start))) {
      prev.indicator = "dvk.models";
    }
    partAndWhole(key, prev, c);
    // "05 lượt đoàn/75 lượt người", "… với 230 người", "8 lượt đoàn (120 người)": the people of a reception count (read-parts.ts).
    if (c.indicator === null && prev.indicator === "reception.turns" && !c.percent && peopleOfTurns(key, prev, c)) {
      c.indicator = "reception.people";
    }
  }
  // "… 20 nhà đại đoàn kết. Trong đó, huyện A 12 nhà, huyện B 8 nhà": bare items by place that break a keyed
  // count down take its key (in its unit, in the sentence before; a deliberate null with words after stays).
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.indicator !== null || c.percent || c.unit === null || c.right.split(/ (?:và|hoặc) /)[0]!.split(" ").length > 2) continue;
    const at = statementStart(key, c.start);
    if (!BREAKDOWN_OPEN.test(key.slice(at, c.start)) || !R.byPlace.test(key.slice(at, c.start).split(/[,;]/).pop()!)) continue;
    // The nearest count in the same unit before the sentence ("… 30 nhà Đại đoàn kết cho 30 hộ nghèo."), the
    // sentence's own items not counted: "Cụ thể: xã A 2 căn; xã B 12 căn; … xã G 10 căn".
    for (let b = k - 1, n = 0; b >= 0 && n < 6; b--) {
      const p = cands[b]!;
      if (p.start >= at) continue;
      n++;
      if (p.unit !== c.unit || p.percent) continue;
      if (at - p.end <= 300 && p.indicator) c.indicator = p.indicator;
      break;
    }
  }
  // "… cấp huyện tổ chức 4 cuộc tiếp xúc, đối thoại. Các xã, thị trấn tổ chức 94 cuộc": a sentence that opens with
  // the next level counts, bare, in the unit of a keyed count in the sentence before.
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.indicator !== null || c.percent || c.unit === null || (c.right.trim() !== c.unit && !VERB_AFTER_UNIT.test(c.right.slice(c.unit.length)))) continue;
    const at = statementStart(key, c.start);
    if (!LEVEL_OPEN.test(key.slice(at, c.start))) continue;
    const p = cands.slice(0, k).reverse().find((q) => q.start < at && q.unit === c.unit && !q.percent);
    if (!p?.indicator || at - p.end > 300 || /\n/.test(key.slice(p.end, at))) continue;
    c.indicator = p.indicator;
    // "… 94 cuộc, đạt 100%": its share too.
    const next = cands[k + 1];
    if (next?.percent && next.indicator === null && next.sentenceStart === c.sentenceStart && SHARE_LEFT.test(next.seg) && !shareOfEarlier(key.slice(next.end, next.end + 60))) next.indicator = p.indicator;
  }
  // "185 mô hình Dân vận khéo, trong đó kinh tế 104 mô hình; …; xây dựng hệ thống chính trị 12 mô hình": bare items
  // by field of a keyed count of models, in the same sentence after "trong đó", take its key however far they run.
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    // Also the field named after the noun: "107 mô hình, điển hình …, trong đó có 19 mô hình kinh tế, 3 mô hình quốc phòng – an ninh".
    if (c.indicator !== null || c.percent || (c.unit !== "mô hình" && c.unit !== "điển hình") || (c.right.split(/[.;:]/)[0]!.trim() !== c.unit && !FIELD_AFTER.test(c.right))) continue;
    // Not a difference ("tăng 276 mô hình"), a plan or a proposal: those stay without a key.
    if (R.diff.test(c.seg) || R.planned.test(c.seg) || R.proposedInClause.test(c.seg)) continue;
    for (let b = k - 1; b >= 0; b--) {
      const p = cands[b]!;
      const gap = key.slice(p.end, c.start);
      if (gap.length > 800 || /[\n.!?]/.test(gap.replace(/(\d)\.(\d)/g, "$1$2"))) break;
      if (p.unit !== c.unit || p.percent || !p.indicator || !BREAKDOWN_AFTER.test(gap)) continue;
      c.indicator = p.indicator;
      break;
    }
  }
  // "tiếp nhận 176 đơn (160 khiếu nại, 16 tố cáo)": petitions counted by their kind, after a keyed count of petitions.
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.indicator !== null || c.percent || c.unit === null || !PETITION_KIND.test(c.unit)) continue;
    let first = c.start; // the first kind counted after the petitions
    for (let b = k - 1; b >= 0 && b >= k - 5; b--) {
      const p = cands[b]!;
      if (/[\n.!?]/.test(key.slice(p.end, first))) break;
      if (p.unit !== null && PETITION_KIND.test(p.unit)) { first = p.start; continue; }
      if (p.unit === "đơn" && p.indicator && !p.percent && BREAKDOWN_GAP_KIND.test(key.slice(p.end, first))) c.indicator = p.indicator;
      break;
    }
  }
  bareHouses(key, cands);
  peopleParts(key, cands);
  recipientParts(key, cands);
  heldAfter(key, cands);
  mediationClauses(key, cands);
  levelParts(key, cands);
  placeItems(key, cands);
  pairOfRate(key, cands);
  casesOfPetitions(key, cands);
  headlineKeys(key, cands);
  householdsOfHouses(key, cands);
  return cands.map((c) => {
    const [s, e] = toOriginal(c.start, c.end);
    return { start: s, end: e, text: raw.slice(s, e), value: c.value, of: c.of, unit: c.unit, qualifier: c.qualifier, indicator: c.indicator };
  });
}

/**
 * "đã giải quyết 587 đơn/534 vụ", "tiếp nhận 1.036 đơn/963 vụ": the same petitions counted again by case after
 * "/" take no key of their own (the petitions hold it).
 */
function casesOfPetitions(key: string, cands: Candidate[]): void {
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    const p = cands[k - 1]!;
    if (c.unit !== "vụ" || c.percent || p.unit !== "đơn" || p.percent || c.of !== null || p.of !== null) continue;
    if (/^\s*\/\s*$/.test(key.slice(p.end, c.start)) && c.indicator?.startsWith("petitions.")) c.indicator = null;
  }
}

const PETITION_KIND = rx("^(khiếu nại|tố cáo|kiến nghị|phản ánh)$");
const BREAKDOWN_GAP_KIND = rx("^[^\\d]{0,40}(\\(|trong đó|bao gồm|gồm)[^\\d]{0,10}$");
/** A model or exemplar named by its field of life: "mô hình kinh tế", "mô hình về văn hóa – xã hội", "điển hình lĩnh vực an ninh". */
const FIELD_AFTER = rx("^(mô hình|điển hình)\\s+((về|thuộc|trên|trong)\\s+)?(các\\s+)?(lĩnh vực\\s+)?(phát triển\\s+)?(kinh tế|văn hoá|xã hội|quốc phòng|an ninh|xây dựng (hệ thống chính trị|đảng|chính quyền)|hệ thống chính trị)\\b");
const BREAKDOWN_AFTER = rx("^[^;]{0,60}\\b(trong đó|bao gồm|gồm|cụ thể)\\b");
/** A sentence that opens with a level of units: "Các xã, thị trấn tổ chức …", "Cấp xã …". */
const LEVEL_OPEN = rx("^\\s*(cấp (xã|huyện|tỉnh|cơ sở)|các (xã|phường|thị trấn|huyện|thị xã))\\b[^.;\\d]{0,60}$");
const BREAKDOWN_OPEN = rx("^\\s*(trong đó|cụ thể|bao gồm|gồm)\\b");
/** A verb right after a bare unit, what the count did: "79 cuộc tiếp nhận …", "12 cuộc với …". */
const VERB_AFTER_UNIT = rx("^\\s+(tiếp nhận|giải đáp|với|thu hút|có)\\b");

/** The count a share follows, stepping back over counts inside a parenthesis closed before the share. */
function countBeforeAside(key: string, cands: Candidate[], k: number): Candidate {
  // The parentheses closed after the last count and before the share, no number between: the count before them.
  // Looked for within bounds (a scan to the text's start per share was quadratic): ")" after the last count, "(" within
  // a parenthesis's length before it.
  const close = lastIndexWithin(key, ")", cands[k]!.start, cands[k - 1]!.end);
  if (close < 0 || /\d/.test(key.slice(close, cands[k]!.start))) return cands[k - 1]!;
  const open = lastIndexWithin(key, "(", close, close - 2000);
  if (open < 0) return cands[k - 1]!;
  let b = k - 1;
  while (b > 0 && cands[b]!.start > open) b--;
  return cands[b]!.start < open ? cands[b]! : cands[k - 1]!;
}
/** The next line's item labelled only as a share: "\n- Tỷ lệ: ", "\n+ Đạt tỷ lệ ". */
const LIST_SHARE = rx("^[^\\d\\n]{0,10}\\n\\s*[-+•*]?\\s*(đạt\\s+)?(tỷ lệ|tỉ lệ)\\s*(đạt)?\\s*:?\\s*$");
/** From a rate to the next clause's, across one ";" (or "." opening "Trong đó") and no number: "%; đối với cấp xã đạt ", "%. Trong đó: xã A ". */
const RATE_NEXT_CLAUSE = rx("^[^\\d\\n.!?;]*(;|\\.\\s*trong đó\\b)[^\\d\\n.!?;]*$");
/** A clause that opens with its share, no count before it: "; đạt tỷ lệ ", "; chiếm ". */
const SHARE_OPENS = rx("^\\s*(đạt|chiếm)( tỷ lệ| tỉ lệ)?\\s*$");
/** "…; tỷ lệ: 88,9%": a share under a label, after the count it is a share of. */
const SHARE_LABEL = rx("(tỷ lệ|tỉ lệ|đạt)\\s*:\\s*$");
const HELD_HOW = rx("^(định kỳ|đột xuất|thường xuyên|trực tiếp)$");
const BREAKDOWN_GAP = rx("^([^\\d\\n;]{0,40}(\\(|trong đó|bao gồm|gồm)[\\s:,]*|[\\s,;]*)$");
const NEGATED_LABEL = rx("\\b(không|chưa|còn|tồn|giảm|tăng|đang)\\b");
/** A short label that opens an item: "; đột xuất: ", ", định kỳ: ". */
const SHORT_LABEL = /[;,]\s*[\p{L}\p{M} ]{2,30}:\s*$/u;
/** An item named by how it was held, with no colon: "định kỳ 2 cuộc, đột xuất 1 cuộc", "(định kỳ 30 hội nghị", ", hội nghị đột xuất 1". */
const HELD_LABEL = rx("([;,(]|\\bvà)\\s*(hội nghị|cuộc|buổi)?\\s*(định kỳ|đột xuất|thường xuyên)\\s*(được\\s*)?$");
const PAIRED = rx("^\\s*(,|và)\\s*$");
/** Two items of a list, joined by a comma, a semicolon or "và". */
const PAIRED_ITEMS = rx("^\\s*(,|;|và)\\s*$");
