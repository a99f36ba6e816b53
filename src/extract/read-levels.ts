/**
 * Pure: items of a keyed count broken down by the level that did them, after "trong đó" in the same sentence
 * ("6 hội nghị đối thoại; trong đó cấp huyện 1 hội nghị, cấp xã 5 hội nghị"): each is the same kind of count
 * (the organiser level is a disaggregation, not another indicator), so it takes the count's key.
 */
import { rx } from "./lexicon.ts";
import type { Candidate } from "./figure-context.ts";

/** A level named as an item's label: "cấp huyện", "cấp cơ sở", "các xã, thị trấn". */
const LEVEL = "(cấp (tỉnh|huyện|xã|cơ sở|thành phố|thị xã)|các (xã|phường|thị trấn|huyện|thị xã)(,? (xã|phường|thị trấn))*)";
/** The first item: the breakdown opened after the count, then its level ("; trong đó cấp huyện "). */
const FIRST = rx(`^[^\\d.!?\\n]{0,40}[,;:]?\\s*(trong đó|bao gồm|gồm|cụ thể)\\s*[:,]?\\s*${LEVEL}\\s*:?\\s*(tổ chức|đã tổ chức|có|được)?\\s*$`);
/** The next item: another level after a comma or a semicolon (", cấp xã "). */
const NEXT = rx(`^\\s*[,;]\\s*(và\\s+)?${LEVEL}\\s*:?\\s*(tổ chức|đã tổ chức|có|được)?\\s*$`);

/** A level labelling a rate by place: "…, trong đó cấp huyện đạt 90%, cấp xã đạt 95%". */
export const LEVEL_LABEL = rx(`\\b${LEVEL}[^,;\\d]{0,15}$`);

export function levelParts(key: string, cands: Candidate[]): void {
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    const p = cands[k - 1]!;
    if (c.indicator !== null || c.percent || c.unit === null || c.right.trim() !== c.unit) continue;
    if (p.unit !== c.unit || p.percent || !p.indicator || p.sentenceStart !== c.sentenceStart) continue;
    const gap = key.slice(p.end, c.start);
    // The next item after the first (its key set by this pass, or by the rules alike).
    if (FIRST.test(gap) || (NEXT.test(gap) && k >= 2 && isLevelItem(key, cands, k - 1))) c.indicator = p.indicator;
  }
}

/** The item at `k` is itself an item of a level breakdown (after "trong đó …" or a level after a comma). */
function isLevelItem(key: string, cands: Candidate[], k: number): boolean {
  const gap = key.slice(cands[k - 1]!.end, cands[k]!.start);
  return FIRST.test(gap) || NEXT.test(gap);
}
