/**
 * Pure: figures that are no total of the period: a rate for each item ("40 triệu đồng một căn", "với mức hỗ trợ 40 triệu
 * đồng", "Mức hỗ trợ xây dựng 1 nhà … là 30 triệu đồng/nhà") and a share of an earlier period ("bằng 85% so với cùng
 * kỳ"; a difference from it, "nhiều hơn cùng kỳ 30 lượt", is `R.diff`'s). The figure of the earlier period itself keeps its key (spec: "A figure for a
 * comparison period keeps its key"). Written from the genre, not from any one text; scans are bounded by the clause
 * (`seg`) and the first 60 characters after the number.
 */
import { rx } from "./lexicon.ts";
import type { RuleInput } from "./rule-words.ts";

/** The level of a rate named before the figure in its clause: "với mức hỗ trợ ", "định mức ", "mức hỗ trợ từ 30 đến " (not "tổng mức", "mức độ"). */
const RATE_LEVEL = rx("(?<!tổng )\\b(định mức|mức)\\b(?! độ)");
/** Money for one item, said right after the amount: "… đồng một căn", "… đồng cho mỗi hộ", "… đồng/1 suất", "… đồng/01 hộ". */
const PER_ITEM_AFTER = rx("^\\s*(triệu|tỷ|tỉ|nghìn|ngàn)?\\s*(đồng|vnđ|đ)?\\s*(\\/\\s*(0?1|một)\\s*\\p{L}|(cho\\s+)?(một|mỗi|01|1)\\s+(căn|ngôi|nhà|hộ|gia đình|suất|phần|người|hội viên|em|cháu|học sinh|trường hợp|đối tượng|bệnh nhân|con)\\b)");
/** An earlier period a percentage is measured against, right after it: "85% so với cùng kỳ", "120% so với năm 2023". */
const SHARE_OF_EARLIER = rx("^\\s*%?\\s*(so với|so)\\s+(cùng kỳ|kỳ trước|năm trước|năm \\d{4}|nhiệm kỳ trước|giai đoạn trước)");

/** A rate for each item, not a total: money at a level or for one item, or the one item a rate's level is set for. */
export function rateNotTotal(f: RuleInput): boolean {
  if (f.unit === "đồng") return RATE_LEVEL.test(f.seg) || PER_ITEM_AFTER.test(f.tail.slice(0, 60));
  // "Mức hỗ trợ xây dựng 1 nhà đại đoàn kết là 30 triệu đồng/nhà": the item the level is set for, no count of houses.
  return !f.percent && RATE_LEVEL.test(f.seg) && !/\d/u.test(f.seg);
}

/** A percentage of an earlier period ("bằng 85% so với cùng kỳ"); a difference from it is `R.diff`'s ("ít hơn cùng kỳ 30 lượt"). */
export const comparedWithEarlier = (f: RuleInput): boolean => f.percent && shareOfEarlier(f.tail);
/** The text right after a percentage names the earlier period it is measured against (read-figures.ts asks it too before carrying a count's key to a share). */
export const shareOfEarlier = (after: string): boolean => SHARE_OF_EARLIER.test(after.slice(0, 60));
