/**
 * Pure: houses counted after houses, and the households of houses (post-passes of read-figures.ts over the figures
 * read, in order).
 */
import { rx } from "./lexicon.ts";
import { R } from "./rule-words.ts";
import { targetBefore } from "./rules-plans.ts";
import type { Candidate } from "./figure-context.ts";

/**
 * "… 300 căn nhà đại đoàn kết. Đến nay đã hoàn thành 254 căn", "5 căn nhà … Trong đó, 3 căn tại xã A, 1 căn ở xã B":
 * a bare count of houses (the unit alone, or a place after it) after houses counted in the 300 chars before
 * them takes their key ("căn" alone means houses; "căn hộ", flats, is no bare count).
 */
export function bareHouses(key: string, cands: Candidate[]): void {
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.indicator !== null || c.percent || c.unit === null || !HOUSE_UNITS.has(c.unit) || !BARE_HOUSE.test(c.right)) continue;
    // Not a difference ("giảm 30 căn"), a plan or a proposal: those stay without a key.
    if (R.diff.test(c.seg) || R.planned.test(c.seg) || R.proposedInClause.test(c.seg) || targetBefore(key.slice(c.sentenceStart, c.start))) continue;
    for (let b = k - 1; b >= 0; b--) {
      const p = cands[b]!;
      if (c.start - p.end > 300) break;
      if (p.indicator === "contrib.houses" && p.unit !== null && HOUSE_UNITS.has(p.unit) && !p.percent) { c.indicator = p.indicator; break; }
    }
  }
}
const HOUSE_UNITS = new Set(["căn", "ngôi"]);
const BARE_HOUSE = rx("^(căn|ngôi)( nhà)?(\\s+(tại|ở|thuộc|của)\\s+(các )?(xã|phường|thị trấn|thôn|ấp|bản|buôn|làng|xóm|khu|tổ|huyện|thị xã|thành phố|tp)\\b[^,;.]*)?\\s*$");

const byHousehold = (u: string | null) => u === "hộ" || u === "gia đình";
const isHouses = (o: Candidate) => !byHousehold(o.unit) && o.indicator === "contrib.houses";

/**
 * "cho 3 hộ nghèo. Theo đó, 3 căn nhà được sửa chữa", "Xây 12 căn nhà … cho 12 hộ": the households of houses counted as
 * houses beside them (same number, same sentence, the next 250 chars or the 400 before) are not counted twice; nor are
 * the households the houses counted right before went to, whatever their number ("xây 4 nhà đại đoàn kết cho 3 hộ
 * dân"). Only the figures of the same sentence or within those distances are looked at (the figures are in order).
 */
export function householdsOfHouses(key: string, cands: Candidate[]): void {
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (!byHousehold(c.unit) || c.indicator !== "contrib.houses") continue;
    let same = false;
    let before = false;
    for (let b = k - 1; b >= 0; b--) {
      const o = cands[b]!;
      if (o.sentenceStart !== c.sentenceStart && c.start - o.end > 400) break;
      if (!isHouses(o)) continue;
      // "… xây dựng 3 ngôi nhà nhân ái. … Cụ thể, 3 hộ được hỗ trợ xây dựng nhà gồm: …": the same houses again.
      if (o.value === c.value) same = true;
      else if (c.start - o.end <= 60 && HOUSES_FOR.test(key.slice(o.end, c.start))) before = true;
    }
    for (let f = k + 1; f < cands.length && !same; f++) {
      const o = cands[f]!;
      if (o.sentenceStart !== c.sentenceStart && o.start - c.end > 250) break;
      if (isHouses(o) && o.value === c.value) same = true;
    }
    if (same || before) c.indicator = null;
  }
}
/** Between houses and the households they went to: " nhà đại đoàn kết cho ", no other count between. */
const HOUSES_FOR = /^[^\d.;]*\bcho\s*$/u;
