/**
 * Pure: the kind of a report's text (tổng kết, sơ kết, news), from the words of its head and the period it covers.
 */
import { rx } from "./lexicon.ts";
import { type ReportKind } from "./scope-types.ts";

export function detectKind(key: string, period: string | null): ReportKind | null {
  const head = key.slice(0, 600);
  const so = head.search(rx("sơ kết|giao ban"));
  const tong = head.search(rx("tổng kết"));
  if (so >= 0 && (tong < 0 || so < tong)) return "so_ket";
  if (tong >= 0) return "tong_ket";
  if (period === null) return "news";
  return /^\d{4}$/.test(period) ? "tong_ket" : "so_ket";
}
