/**
 * Which reports are being watched today, and what a unit that has not submitted one is owed: a
 * reminder in the days before the deadline, one after it, and after some more days a word to the
 * reviewer one level up. Pure: dates in, decisions out.
 */
import { monthPeriod, nineMonthPeriod, periodLabel, periodRange, quarterPeriod, sixMonthPeriod, yearPeriod, type Period, type PeriodType } from "../core/period.ts";
import { addDays, dueDate, type DeadlineRules } from "../submissions/deadlines.ts";

export interface ReminderRules {
  /** Days before the deadline from which units that have not submitted are reminded. */
  daysBefore: number;
  /** Days after the deadline when the reviewer one level up is told. */
  escalateAfterDays: number;
  /** Days after the deadline a report stays watched (overdue in the inbox, reminders still sent). */
  lookbackDays: number;
  /** The report periods that are watched. */
  periodTypes: readonly PeriodType[];
}

export interface Watched {
  period: Period;
  label: string;
  due: string;
}

export type ReminderKind = "before" | "after" | "escalate";

function periodsOfYear(y: number, type: PeriodType): Period[] {
  switch (type) {
    case "year": return [yearPeriod(y)];
    case "nine_months": return [nineMonthPeriod(y)];
    case "six_months": return [sixMonthPeriod(y, 1), sixMonthPeriod(y, 2)];
    case "quarter": return [1, 2, 3, 4].map((q) => quarterPeriod(y, q));
    case "month": return Array.from({ length: 12 }, (_, i) => monthPeriod(y, i + 1));
  }
}

/**
 * The periods whose report is watched on `today`: begun, due within `daysBefore` days or already
 * due, and not more than `lookbackDays` past the deadline. Earliest deadline first.
 */
export function watchedPeriods(today: string, r: ReminderRules, deadlines: DeadlineRules, cutoffDay?: number): Watched[] {
  const y = Number(today.slice(0, 4));
  const out: Watched[] = [];
  for (const year of [y - 1, y]) {
    for (const type of r.periodTypes) {
      for (const p of periodsOfYear(year, type)) {
        const due = dueDate(p, deadlines, cutoffDay);
        if (periodRange(p, cutoffDay).start > today) continue;
        if (addDays(due, -r.daysBefore) > today || addDays(due, r.lookbackDays) < today) continue;
        out.push({ period: p, label: periodLabel(p), due });
      }
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.period.id.localeCompare(b.period.id));
}

/** The reminders a unit that has not submitted the report is owed today (escalate goes to the reviewer above). */
export function remindersDue(due: string, today: string, r: ReminderRules): ReminderKind[] {
  if (today <= due) return addDays(due, -r.daysBefore) <= today ? ["before"] : [];
  return addDays(due, r.escalateAfterDays) <= today ? ["after", "escalate"] : ["after"];
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b.slice(0, 10)}T00:00:00Z`) - Date.parse(`${a.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** A submission status that means the report is in (submitted or approved). */
export const isIn = (status: string | undefined): boolean => status === "submitted" || status === "approved";
