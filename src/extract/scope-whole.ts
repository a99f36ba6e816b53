/**
 * Pure: a text's subject named as a whole level ("Mặt trận cấp huyện tổ chức 13 cuộc giám sát"): the text speaks
 * from the level above it, of all the units of that level (see scope-unit.ts).
 */
import { rx } from "./lexicon.ts";

/** "cấp huyện", "cấp quận": the districts' level as a whole. */
const DISTRICTS_LEVEL = rx("(?<![\\p{L}])cấp (huyện|quận)(?![\\p{L}])(?! uỷ)");
/** An organ of that level before it, in the same clause: "Mặt trận cấp huyện", "Hội Nông dân cấp huyện" (not an event's "Hội thi cấp huyện"). */
const ORGAN_BEFORE = rx("(?<![\\p{L}])(mặt trận|mttq|(?<!(đại|lễ) )hội(?! (thi|nghị|diễn|thao|chợ))|đoàn|công đoàn|ban dân vận|uỷ ban|ubnd|hđnd|đảng bộ|cấp uỷ|chính quyền)(?![\\p{L}])[^,.;:\\n]{0,30}$");

/**
 * The organs of the districts' level named as a whole ("Mặt trận cấp huyện", "Hội Nông dân cấp huyện và cơ sở"), at
 * which `skip` is not true: each counts as an organ of the province, whose text it is.
 */
export function wholeDistricts(key: string, skip: (at: number) => boolean): number {
  const g = new RegExp(DISTRICTS_LEVEL.source, "gu");
  let n = 0;
  let m: RegExpExecArray | null;
  for (let seen = 0; seen < 100 && (m = g.exec(key)); seen++) {
    if (!skip(m.index) && ORGAN_BEFORE.test(key.slice(Math.max(0, m.index - 40), m.index))) n++;
  }
  return n;
}
