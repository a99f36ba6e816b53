/** Report deadlines per period type and who is late: pure. */
import type { Period, PeriodType } from "../core/period.ts";
import { periodRange } from "../core/period.ts";

/** Days after the period's last day (after any cut-off) by which the report is due. */
export type DeadlineRules = Record<PeriodType, number>;

export const DEFAULT_DEADLINES: DeadlineRules = { month: 5, quarter: 7, six_months: 10, nine_months: 10, year: 15 };

/** ISO date plus days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The due date of a period's report. */
export function dueDate(p: Period, rules: DeadlineRules, cutoffDay?: number): string {
  return addDays(periodRange(p, cutoffDay).end, rules[p.type]);
}

export type Timeliness = "on_time" | "late" | "missing" | "not_due";

/** Whether a report was on time: submitted by the due date, late after it, missing if not yet in. */
export function timeliness(submittedAt: string | null, due: string, today: string): Timeliness {
  if (submittedAt) return submittedAt.slice(0, 10) <= due ? "on_time" : "late";
  return today > due ? "missing" : "not_due";
}
