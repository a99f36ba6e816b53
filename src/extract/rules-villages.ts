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
  const has = UNIT_HAS.test(f.seg) || AREA_HAS.test(f.seg) || AFTER_COMMUNES.test(f.before);
  // Some of them after "trong đó" ("…, trong đó có 45 buôn đồng bào") leave the total a total.
  return has && !VILLAGES_DID.test(f.tail.split(/[;.:]|trong đó/u)[0]!) && !VILLAGE_KIND.test(f.right);
}
const UNIT_HAS = rx("^\\s*(xã|phường|thị trấn|huyện|thị xã|thành phố)( [\\p{L}\\p{M}]+){0,3} (hiện )?có\\s*$");
/** The area of a unit that has them: "Trên địa bàn huyện hiện có ", "Toàn xã có ". */
const AREA_HAS = rx("^\\s*(trên địa bàn|toàn) (xã|phường|thị trấn|huyện|thị xã|thành phố|tỉnh)( [\\p{L}\\p{M}]+){0,3} (hiện )?có\\s*$");
/** A unit that has its communes, counted with their kinds, then its villages: "Huyện có 14 xã, thị trấn với ". */
const AFTER_COMMUNES = rx("^\\s*(toàn |trên địa bàn )?(huyện|thị xã|thành phố|tỉnh)( [\\p{L}\\p{M}]+){0,3} (hiện )?có\\s*\\d[\\d.]*\\s*xã((,|\\s+và)\\s+(phường|thị trấn|đặc khu))*\\s*(,|với|và)\\s*$");
/** Villages of one people or kind, some of the unit's: "12 thôn đồng bào Mông di cư", "5 thôn đặc biệt khó khăn". */
const VILLAGE_KIND = rx("\\b(đồng bào|dân tộc|người|đặc biệt khó khăn|vùng|biên giới|công giáo|có đạo|di cư)\\b");
const VILLAGES_DID = rx("\\b(đạt|được|tham gia|xây dựng|thực hiện|tổ chức|ký|hoàn thành|không|chưa|có)\\b");
