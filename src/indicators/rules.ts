/**
 * PURE: checks between figures and on a single figure, as DHIS2 has them. A validation rule
 * compares two indicators of the same unit, period and breakdown ("30 successful mediations of 14
 * cases" breaks successful ≤ cases); a plausibility check warns when a value is far above anything
 * the unit reported before, or above what a unit of any size could report.
 */

export type RuleOp = "<=" | ">=" | "==";

/** A validation rule: left op right, on one unit's figures of one period and breakdown. */
export interface RuleDef {
  /** Stable key ("mediation.successful<=cases"). */
  key: string;
  left: string;
  op: RuleOp;
  right: string;
  /** Vietnamese message shown beside the field. */
  message: string;
  /** error: refused (unless a comment is allowed and given); warning: saved, shown, flagged. */
  severity: "error" | "warning";
  /** An error a person may accept by writing a comment on the figure ("số liệu đặc thù…"). */
  allowWithComment: boolean;
}

/** The rules every installation ships with. */
export const DEFAULT_RULES: readonly RuleDef[] = [
  { key: "mediation.successful<=cases", left: "mediation.successful", op: "<=", right: "mediation.cases", severity: "error", allowWithComment: false,
    message: "Số vụ hòa giải thành không thể nhiều hơn số vụ việc hòa giải." },
  { key: "petitions.resolved<=received", left: "petitions.resolved", op: "<=", right: "petitions.received", severity: "error", allowWithComment: true,
    message: "Số đơn đã giải quyết nhiều hơn số đơn tiếp nhận trong kỳ: chỉ đúng khi có đơn tồn từ kỳ trước — hãy ghi chú rõ." },
  { key: "campaign.villages_reached<=villages.total", left: "campaign.villages_reached", op: "<=", right: "villages.total", severity: "error", allowWithComment: false,
    message: "Số thôn được phát động không thể nhiều hơn tổng số thôn, tổ dân phố." },
  { key: "new_rural.advanced<=communes", left: "new_rural.advanced", op: "<=", right: "new_rural.communes", severity: "error", allowWithComment: false,
    message: "Số xã nông thôn mới nâng cao không thể nhiều hơn số xã đạt chuẩn nông thôn mới." },
  { key: "new_rural.communes<=communes.total", left: "new_rural.communes", op: "<=", right: "communes.total", severity: "error", allowWithComment: false,
    message: "Số xã đạt chuẩn nông thôn mới không thể nhiều hơn tổng số xã." },
  { key: "schools.standard<=total", left: "schools.standard", op: "<=", right: "schools.total", severity: "error", allowWithComment: false,
    message: "Số trường đạt chuẩn không thể nhiều hơn tổng số trường." },
  { key: "dialogues.turns>=held", left: "dialogues.turns", op: ">=", right: "dialogues.held", severity: "warning", allowWithComment: true,
    message: "Số lượt người phát biểu ít hơn số cuộc đối thoại: mỗi cuộc thường có ít nhất một lượt." },
];

/** True when left op right holds. */
export function holds(op: RuleOp, left: number, right: number): boolean {
  return op === "<=" ? left <= right : op === ">=" ? left >= right : left === right;
}

/** The rules that involve an indicator (on either side). */
export function rulesOf<R extends RuleDef>(rules: readonly R[], indicator: string): R[] {
  return rules.filter((r) => r.left === indicator || r.right === indicator);
}

/** What a unit of any size could report in one period, by unit of measure (above it: surely a typo). */
export function plausibleCap(unit: string): number | null {
  if (unit === "%") return 100;
  if (unit === "đồng") return 1e13; // 10 nghìn tỷ đồng
  if (unit === "m²") return 1e9;
  if (unit === "ngày công" || unit === "cây") return 1e8;
  if (unit === "căn" || unit === "trường" || unit === "xã" || unit === "thôn" || unit === "văn bản" || unit === "mô hình" || unit === "điển hình" || unit === "sản phẩm") return 1e5;
  return 1e7; // people, visits, sessions, cases…
}

/**
 * Why a value is implausible, or null: above the cap for its unit, or far above the unit's own
 * history for the same kind of period (more than mean + 4 standard deviations and more than 5 times
 * its largest earlier value, with at least 3 earlier values), like DHIS2's min-max outliers.
 */
export function implausible(value: number, unit: string, history: readonly number[]): string | null {
  const cap = plausibleCap(unit);
  if (cap !== null && value > cap) return `Giá trị ${value.toLocaleString("vi-VN")} ${unit} vượt mức có thể của một đơn vị trong một kỳ (${cap.toLocaleString("vi-VN")}); hãy kiểm tra lại.`;
  if (history.length < 3) return null;
  const mean = history.reduce((a, b) => a + b, 0) / history.length;
  const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / history.length);
  const max = Math.max(...history);
  if (value > mean + 4 * sd && value > 5 * Math.max(max, 1)) {
    return `Giá trị ${value.toLocaleString("vi-VN")} cao bất thường so với các kỳ trước của đơn vị (cao nhất ${max.toLocaleString("vi-VN")}); hãy kiểm tra lại.`;
  }
  return null;
}
