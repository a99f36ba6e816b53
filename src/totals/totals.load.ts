/**
 * Reading what the totals count, unit-year by unit-year: figures with the state of the reports
 * covering them, and register counts for the standard periods.
 */
import type { Ctx } from "../context.ts";
import { periodRange } from "../core/period.ts";
import { reportStateOf, standardPeriods, type CountFact, type ReportStatus, type UnitYear } from "../core/totals.ts";
import { figureSources } from "../plugins.ts";
import { getSettings } from "../settings/settings.service.ts";
import { loadReports, loadStatedFacts, slotKey, type SlotKey } from "./totals.repository.ts";

/** A unit-year as the totals see it: figures with their report state, register counts, whether it holds an area total. */
export interface LoadedUnitYear extends UnitYear {
  area: boolean;
  /** The unit's submitted and approved reports (for the state of figures). */
  reports: ReportStatus[];
}

/**
 * Loads unit-years: figures, the state of the reports covering them, and register counts (of the
 * standard periods in `periods` only, when given: a read that needs a few cells).
 */
export async function loadUnitYears(tx: Ctx, keys: readonly SlotKey[], byRange = false, periods?: ReadonlySet<string>): Promise<Map<string, LoadedUnitYear>> {
  const reports = await loadReports(tx.db, keys.map((k) => k.unitId));
  const [facts, counts] = await Promise.all([loadStatedFacts(tx.db, keys, reports, byRange), loadCounts(tx, keys, reports, periods)]);
  return new Map(keys.map((k) => {
    const key = slotKey(k);
    const f = facts.get(key) ?? [];
    return [key, { facts: f, counts: counts.get(key) ?? [], area: f.some((x) => x.kind === "area"), reports: reports.get(k.unitId) ?? [] }];
  }));
}

/**
 * Register counts of each unit-year for its 20 standard periods (cut-off day applied), in the state
 * of the unit's report: one count per indicator, year and period for all the units at once (a
 * commune's dashboard asked once per unit and period, one after another).
 */
async function loadCounts(tx: Ctx, keys: readonly SlotKey[], reports: ReadonlyMap<number, ReportStatus[]>, periods?: ReadonlySet<string>): Promise<Map<string, CountFact[]>> {
  const out = new Map<string, CountFact[]>();
  const fed = keys.filter((k) => figureSources.some((s) => s.indicators.has(k.indicator)));
  if (fed.length === 0) return out;
  const { cutoffDay } = await getSettings(tx.db);
  // Only unit-years with records are counted (a record late in December counts in the next year
  // when a cut-off day shifts the year).
  const withRecords = new Set<string>();
  const indicators = [...new Set(fed.map((k) => k.indicator))];
  await Promise.all(indicators.flatMap((indicator) => {
    const units = [...new Set(fed.filter((k) => k.indicator === indicator).map((k) => k.unitId))];
    return figureSources.filter((s) => s.indicators.has(indicator)).map(async (source) => {
      for (const r of await source.recordUnitYears(tx, indicator, units)) {
        withRecords.add(`${r.unitId}|${indicator}|${r.year}`);
        if (cutoffDay > 1) withRecords.add(`${r.unitId}|${indicator}|${r.year + 1}`);
      }
    });
  }));
  const counted = fed.filter((k) => withRecords.has(slotKey(k)));
  for (const k of counted) out.set(slotKey(k), []);
  const groups = new Map<string, { indicator: string; year: number; units: Set<number> }>();
  for (const k of counted) {
    const g = `${k.indicator}|${k.year}`;
    (groups.get(g) ?? groups.set(g, { indicator: k.indicator, year: k.year, units: new Set() }).get(g)!).units.add(k.unitId);
  }
  // One after another: sent at once, hundreds of counts would fill the reader threads' queues and
  // hold every other request's reads behind them.
  for (const { indicator, year, units } of groups.values()) {
    for (const source of figureSources.filter((s) => s.indicators.has(indicator))) {
      for (const P of standardPeriods(year)) {
        if (periods && !periods.has(P.id)) continue;
        const { start, end } = periodRange(P, cutoffDay);
        for (const c of await source.count(tx, { indicator, unitIds: [...units], periodStart: start, periodEnd: end })) {
          if (!units.has(c.unitId)) continue;
          out.get(`${c.unitId}|${indicator}|${year}`)!.push({ period: P, disagg: c.disagg, value: c.value, state: reportStateOf(reports.get(c.unitId) ?? [], P) });
        }
      }
    }
  }
  return out;
}
