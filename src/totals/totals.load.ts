/**
 * Reading what the totals count, unit-year by unit-year: figures with the state of the reports
 * covering them, and register counts for the standard periods.
 */
import type { Ctx } from "../context.ts";
import { periodRange, storedPeriod } from "../core/period.ts";
import { reportStateOf, standardPeriods, type CountFact, type ReportStatus, type UnitYear } from "../core/totals.ts";
import { figureSources } from "../plugins.ts";
import { getSettings } from "../settings/settings.service.ts";
import { Dictionary } from "../core/dictionary.ts";
import { STATES, type CountRow, type FactBatch } from "./totals.lane.ts";
import { groupFigureRows } from "./totals.columns.ts";
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

/** Units whose figures are read in one statement (see loadGroupBatch). */
const READ_UNITS = 64;

/**
 * Some units of one indicator-year, as columns for a rebuild's lane (totals.lane.ts): figures with the state of their
 * reports, and register counts. `unitIds`: a run of the group's units with figures (or records), ascending, so every
 * figure in the range from the first to the last is one of theirs (one range of the (indicator, year, unit_id, …) index).
 */
export async function loadGroupBatch(tx: Ctx, indicator: string, year: number, unitIds: readonly number[]): Promise<FactBatch> {
  const reports = await loadReports(tx.db, unitIds);
  const keys = unitIds.map((unitId) => ({ unitId, indicator, year }));
  const counting = loadCounts(tx, keys, reports);
  // Met below once the figures are read (not an unhandled rejection should a read fail first).
  counting.catch(() => undefined);
  const unit: number[] = [], id: number[] = [], period: number[] = [], disagg: number[] = [], kind: number[] = [], value: number[] = [], flags: number[] = [];
  const periods = new Dictionary();
  const disaggs = new Dictionary();
  const kinds = new Dictionary();
  // SQLite: a few units' rows at a time, each turned into columns at once. A whole batch's rows read in one go (a row
  // an array of 7 values, 4 of them new strings) outlived the young generation's collections and filled the old one
  // (a full rebuild at 20M figures, alternated: peak RSS 336 and 343 MB before, 322 and 319 MB after, the same time).
  // PostgreSQL: one statement (a round trip each).
  const step = tx.database.sqlite ? READ_UNITS : unitIds.length;
  for (let i = 0; i < unitIds.length; i += step) {
    const run = unitIds.slice(i, i + step);
    for (const [unitId, p, d, k, v, status, figureId] of await groupFigureRows(tx, indicator, year, run[0]!, run.at(-1)!)) {
      const rs = reports.get(unitId);
      unit.push(unitId);
      id.push(figureId);
      period.push(periods.code(p));
      disagg.push(disaggs.code(d));
      kind.push(kinds.code(k));
      value.push(v);
      flags.push((status === "estimated" ? 1 : 0) | ((rs ? STATES.indexOf(reportStateOf(rs, storedPeriod(p))) : 0) << 1));
    }
  }
  const b: FactBatch = {
    unitList: Int32Array.from(unitIds), unit: Int32Array.from(unit), id: Float64Array.from(id), periods: periods.list, period: Uint32Array.from(period),
    disaggs: disaggs.list, disagg: Uint32Array.from(disagg), kinds: kinds.list, kind: Uint8Array.from(kind), value: Float64Array.from(value), flags: Uint8Array.from(flags), counts: [],
  };
  const counted = await counting;
  const counts: CountRow[] = [];
  for (const [key, list] of counted) {
    const unitId = Number(key.slice(0, key.indexOf("|")));
    for (const c of list) counts.push({ unitId, period: c.period.id, disagg: c.disagg, value: c.value, state: c.state });
  }
  b.counts = counts;
  return b;
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
