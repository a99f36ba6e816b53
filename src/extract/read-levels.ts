/**
 * Pure: items of a keyed count broken down by the level that did them, after "trong đó" in the same sentence
 * ("6 hội nghị đối thoại; trong đó cấp huyện 1 hội nghị, cấp xã 5 hội nghị"): each is the same kind of count
 * (the organiser level is a disaggregation, not another indicator), so it takes the count's key.
 */
import { rx } from "./lexicon.ts";
import type { Candidate } from "./figure-context.ts";

/** A level named as an item's label: "cấp huyện", "cấp cơ sở", "các xã, thị trấn". */
const LEVEL = "(cấp (tỉnh|huyện|xã|cơ sở|thành phố|thị xã)|các (xã|phường|thị trấn|huyện|thị xã)(,? (xã|phường|thị trấn))*|((mặt trận|mttq|uỷ ban mttq việt nam) )?trung ương)";
/** What the level did, between its label and the count: "cấp huyện tổ chức ", "Trung ương hỗ trợ ". */
const DID = "(tổ chức|đã tổ chức|có|được|(đã )?hỗ trợ( xây dựng| xây mới| sửa chữa| làm)?|xây dựng|vận động( được)?)";
/** The first item: the breakdown opened after the count, then its level ("; trong đó cấp huyện "). */
const FIRST = rx(`^[^\\d.!?\\n]{0,40}[,;:]?\\s*(trong đó|bao gồm|gồm|cụ thể)\\s*[:,]?\\s*${LEVEL}\\s*:?\\s*${DID}?\\s*$`);
/** The first item opening the next sentence: "… 645 nhà đại đoàn kết cho hộ nghèo. Trong đó, cấp tỉnh ". */
const FIRST_NEXT_SENTENCE = rx(`^[^\\d.!?\\n]{0,60}\\.\\s*(trong đó|cụ thể)\\s*[:,]?\\s*${LEVEL}\\s*:?\\s*${DID}?\\s*$`);
/** The next item: another level after a comma or a semicolon (", cấp xã "). */
const NEXT = rx(`^\\s*[,;]\\s*(và\\s+)?${LEVEL}\\s*:?\\s*${DID}?\\s*$`);

/** A level labelling a rate by place: "…, trong đó cấp huyện đạt 90%, cấp xã đạt 95%". */
export const LEVEL_LABEL = rx(`\\b${LEVEL}[^,;\\d]{0,15}$`);

export function levelParts(key: string, cands: Candidate[]): void {
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    const p = cands[k - 1]!;
    if (c.indicator !== null || c.percent || c.unit === null || c.right.trim() !== c.unit) continue;
    if (p.unit !== c.unit || p.percent || !p.indicator) continue;
    const gap = key.slice(p.end, c.start);
    // A new sentence opened by "Trong đó" (a capitalised level after ";" may open one too: "…; Trung ương hỗ trợ ").
    if (p.sentenceStart !== c.sentenceStart && /[.!?\n]/.test(gap)) {
      if (FIRST_NEXT_SENTENCE.test(gap)) c.indicator = p.indicator;
      continue;
    }
    // The next item after the first (its key set by this pass, or by the rules alike).
    if (FIRST.test(gap) || (NEXT.test(gap) && k >= 2 && isLevelItem(key, cands, k - 1))) c.indicator = p.indicator;
  }
}

/** The item at `k` is itself an item of a level breakdown (after "trong đó …" or a level after a comma). */
function isLevelItem(key: string, cands: Candidate[], k: number): boolean {
  const gap = key.slice(cands[k - 1]!.end, cands[k]!.start);
  return FIRST.test(gap) || NEXT.test(gap) || FIRST_NEXT_SENTENCE.test(gap);
}
