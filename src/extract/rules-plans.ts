/**
 * Pure: figures of a target, a plan or a forecast, not of what was done. A target or a plan said before a figure in its
 * sentence governs every item listed after it, across commas ("được giao chỉ tiêu hỗ trợ xây dựng 30 căn nhà, sửa chữa
 * 12 căn nhà"), until a result clause starts ("…, kết quả đã vận động được 1,8 tỷ đồng", "…, đến nay đã bàn giao 9
 * nhà"). Written from the genre, not from any one text; every scan is bounded by the sentence (`before`, at most 300 chars).
 */
import { rx } from "./lexicon.ts";
import type { RuleInput } from "./rule-words.ts";

/**
 * A target or a forecast: "phấn đấu vận động đạt 800 triệu đồng", "mục tiêu … đạt 500.000.000 đồng", "dự kiến", "sẽ",
 * the work left for the rest of the year ("Từ nay đến cuối năm, … tiếp tục tổ chức 2 cuộc"). Not a target said reached:
 * "Hoàn thành sớm mục tiêu xóa 1.200 căn nhà tạm", "mục tiêu xóa nhà tạm đã được hoàn thành với 900 căn".
 */
const FORECAST = new RegExp(rx("phấn đấu|(?<!hoàn thành (sớm |vượt )?)mục tiêu(?! quốc gia)(?![^.;]{0,60}\\b(được|đã) hoàn thành)|dự kiến|\\bsẽ\\b|từ nay (đến|tới) (cuối|hết) năm").source, "gu");
/** A target assigned or set: "Huyện giao chỉ tiêu vận động Quỹ …", "Được giao chỉ tiêu xây dựng 30 nhà", "đề ra chỉ tiêu …" (not "vượt chỉ tiêu đề ra", said after a result). */
const ASSIGNED = new RegExp(rx("\\b(giao|đề ra|đặt ra|phân bổ|phân bố)\\s+chỉ tiêu\\b").source, "gu");
/** A plan or a target heading the sentence: "Kế hoạch năm 2024 vận động …", "Chỉ tiêu năm 2025 …" (not "Kế hoạch số 12", "Kế hoạch 45/KH-UBND"). */
const PLAN_OPENS = rx("^\\s*([-+•*]\\s*)?(kế hoạch|chỉ tiêu)\\b(?!\\s+(số|đã|\\d))");
/** A result clause opened after a comma: "…, kết quả đã …", "…, đến nay đã hoàn thành …", "…, thực hiện được …". */
const RESULT_CLAUSE = rx("[,;(]\\s*[^,;()\\d]{0,30}?\\b(kết quả|đã|hoàn thành|thực hiện được|đến nay|tính đến|vượt|thực tế)\\b");
/**
 * After a target assigned or a plan, "đạt" and "được" open the result too: "…, đạt 1,8 tỷ đồng", "…, vận động được 1,8
 * tỷ đồng". Not after "phấn đấu" or "mục tiêu", whose own verb is "đạt" ("Phấn đấu năm 2025, toàn huyện đạt …").
 */
const ASSIGNED_RESULT = rx("[,;(]\\s*[^,;()\\d]{0,30}?\\b(đạt|được)\\b");

/** Where the last match of a global pattern ends in `s`, -1 when none. */
function lastEnd(re: RegExp, s: string): number {
  let end = -1;
  for (const m of s.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/**
 * A target or a plan said before a figure in its sentence and no result clause since, asides closed before it left out:
 * "(đợt sau sẽ khởi công 8 nhà) …, xã còn được hỗ trợ 900 triệu đồng" gives the money, not a plan (the aside's own
 * figures still see theirs).
 */
export function targetBefore(before: string): boolean {
  const s = before.replace(/\([^()]*\)/g, " ").slice(-300);
  const forecast = lastEnd(FORECAST, s);
  return forecast >= 0 && !RESULT_CLAUSE.test(s.slice(forecast));
}

/**
 * A target assigned or a plan heading the sentence, before the figure, the items of its list included, no result since:
 * "Được giao chỉ tiêu xây dựng 30 nhà, sửa chữa 12 nhà", "Kế hoạch năm 2024 vận động 800 triệu đồng, xây dựng 10 nhà";
 * not "Được giao chỉ tiêu vận động 1,5 tỷ đồng, kết quả đã vận động được 1,8 tỷ đồng".
 */
export function targetAssigned(f: RuleInput): boolean {
  const s = f.before.replace(/\([^()]*\)/g, " ").slice(-300);
  const assigned = lastEnd(ASSIGNED, s);
  const from = assigned >= 0 ? assigned : PLAN_OPENS.test(s) ? 0 : -1;
  if (from < 0) return false;
  const after = s.slice(from);
  return !RESULT_CLAUSE.test(after) && !ASSIGNED_RESULT.test(after);
}
