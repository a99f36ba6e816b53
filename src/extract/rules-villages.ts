/**
 * Pure: whether a count of villages is all the villages a unit has (villages.total); rules.ts asks it for village nouns
 * with no total named. Written from the genre (reports and news on mobilisation work), not from any one text.
 */
import { rx } from "./lexicon.ts";
import type { RuleInput } from "./rule-words.ts";

/**
 * "Xã Hòa Sơn có 12 thôn, buôn; …", "Huyện hiện có 168 thôn": a unit that opens its clause and has the villages, with
 * nothing they did or reached after them (those are some of them: "có 9 thôn đạt danh hiệu …").
 */
export function ownVillages(f: RuleInput): boolean {
  // "Trên địa bàn huyện hiện có 132 thôn", "Huyện có 14 xã, thị trấn với 156 thôn": its area, or after its communes counted.
  // "Xã Hòa Lợi gồm 14 thôn, bản"; "Huyện có 13 xã, 1 thị trấn với 156 thôn, bản": after the unit's communes.
  // "Xã Tân Hòa được thành lập trên cơ sở sáp nhập 3 xã, có 27 thôn": the commune the sentence opens with has them.
  const has = UNIT_HAS.test(f.seg) || AREA_HAS.test(f.seg) || AFTER_COMMUNES.test(f.before) || UNIT_HAS_COUNTS_WITH.test(f.before)
    || (rx("^\\s*(hiện\\s+)?có\\s*$").test(f.seg) && COMMUNE_OPENS.test(f.before));
  // Some of them after "trong đó" ("…, trong đó có 45 buôn đồng bào") leave the total a total.
  return has && !VILLAGES_DID.test(f.tail.split(/[;.:]|trong đó/u)[0]!) && !VILLAGE_KIND.test(f.right);
}
// The new commune of 2025 may be marked so: "Xã Tân Thành (mới) có ".
const UNIT_HAS = rx("^\\s*(xã|phường|thị trấn|huyện|thị xã|thành phố)( [\\p{L}\\p{M}]+){0,3}( \\(mới\\))? (hiện )?(có|gồm)\\s*$");
/** The area of a unit that has them: "Trên địa bàn huyện hiện có ", "Toàn xã có ". */
const AREA_HAS = rx("^\\s*(trên địa bàn|toàn) (xã|phường|thị trấn|huyện|thị xã|thành phố|tỉnh)( [\\p{L}\\p{M}]+){0,3} (hiện )?có\\s*$");
/** A unit that has its communes, counted with their kinds, then its villages: "Huyện có 14 xã, thị trấn với ". */
const AFTER_COMMUNES = rx("^\\s*(toàn |trên địa bàn )?(huyện|thị xã|thành phố|tỉnh)( [\\p{L}\\p{M}]+){0,3} (hiện )?có\\s*\\d[\\d.]*\\s*xã((,|\\s+và)\\s+(phường|thị trấn|đặc khu))*\\s*(,|với|và)\\s*$");
/** A sentence that opens with a commune: "Xã Tân Hòa …", "Phường 3 …". */
const COMMUNE_OPENS = rx("^\\s*(xã|phường|thị trấn)\\s+\\p{L}");
/** A unit that has its communes counted, then "với" or a comma: "Huyện có 13 xã, 1 thị trấn với ", "Trên địa bàn huyện có 9 xã, 1 thị trấn, ". */
const UNIT_HAS_COUNTS_WITH = rx("^\\s*((trên địa bàn|toàn) )?(xã|phường|thị trấn|huyện|thị xã|thành phố|tỉnh)( [\\p{L}\\p{M}]+){0,3} (hiện )?(có|gồm)\\s+\\d[\\d.]*\\s*(xã|phường|thị trấn)[^;:.\\d]{0,20}(,?\\s*(và\\s+)?\\d[\\d.]*\\s*(xã|phường|thị trấn)[^;:.\\d]{0,20}){0,2}(\\svới|,)\\s*$");
/** Villages of one people or kind, some of the unit's: "12 thôn đồng bào Mông di cư", "5 thôn đặc biệt khó khăn". */
const VILLAGE_KIND = rx("\\b(đồng bào|dân tộc|người|đặc biệt khó khăn|vùng|biên giới|công giáo|có đạo|di cư)\\b");
const VILLAGES_DID = rx("\\b(đạt|được|tham gia|xây dựng|thực hiện|tổ chức|ký|hoàn thành|không|chưa|có)\\b");
