/**
 * Rebuilds every maintained total from the figures and register records, in one transaction
 * (writers wait; readers keep the old totals until it commits), and records that the totals are
 * ready for the structure of today. `danvan totals rebuild` runs it; the server runs it at start
 * when the totals are missing or were built for a structure that has since changed.
 */
import { sql } from "kysely";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import type { PlacementDates } from "../core/hierarchy.ts";
import { areaTargets } from "../core/totals-area.ts";
import { standardPeriods, structuresOf, unitContribution } from "../core/totals.ts";
import { figureSources } from "../plugins.ts";
import { getSettings, settingsListeners } from "../settings/settings.service.ts";
import { bumpGroups } from "./totals.versions.ts";
import { areaUnits, clearGroup, clearTotals, indicatorYears, slotKey, unitsWithFigures, writeClearedTotals } from "./totals.repository.ts";
import { lockUnitYears } from "./totals.tracker.ts";
import { Deltas, periodsOf, placeChange } from "./totals.deltas.ts";
import { loadUnitYears } from "./totals.load.ts";
import { correctTargets, type CorrectionWork } from "./totals.corrections.ts";
import { pointReader } from "../db/point.ts";

const STATE_KEY = "totals";

/** What the totals were built for: ready or not, and the last structure change they account for. */
export interface TotalsState {
  ready: boolean;
  /** The last placement change on or before the day they were built ("" when none). */
  epoch: string;
}

/** The last day on or before `today` when some figure started to count elsewhere. */
export function epochOf(h: PlacementDates, today: string): string {
  let last = "";
  for (const d of h.placementChangeDates()) if (d <= today) last = d;
  return last;
}

/** The stored state of the totals. */
export async function readTotalsState(ctx: Ctx): Promise<TotalsState> {
  const r = await pointReader(ctx.db).selectFrom("settings").select("value").where("key", "=", STATE_KEY).executeTakeFirst();
  if (!r) return { ready: false, epoch: "" };
  return JSON.parse(r.value) as TotalsState;
}

/** Records the state of the totals (inside the caller's transaction). */
export async function writeTotalsState(ctx: Ctx, state: TotalsState): Promise<void> {
  const value = JSON.stringify(state);
  await ctx.db.insertInto("settings").values({ key: STATE_KEY, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
}

/** True when the stored totals answer questions asked today (built, and no structure change since); `dates`: the placement days when the caller has them (else the hierarchy's). */
export async function totalsUsable(ctx: Ctx, dates?: PlacementDates): Promise<boolean> {
  const [state, h] = await Promise.all([readTotalsState(ctx), dates ?? hierarchyOf(ctx)]);
  return state.ready && state.epoch === epochOf(h, ctx.today());
}

export interface RebuildResult {
  groups: number;
  units: number;
  rows: number;
  ms: number;
}

/**
 * Rebuilds all totals; `progress` hears after each indicator-year. With `onlyIfNeeded`, a rebuild
 * that another server finished while this one waited for the lock is not done twice.
 */
export async function rebuildTotals(ctx: Ctx, progress?: (done: number, of: number, what: string) => void, opts: { onlyIfNeeded?: boolean } = {}): Promise<RebuildResult> {
  const t0 = performance.now();
  return inTransaction(ctx, async (tx) => {
    if (tx.database.dialect === "postgres") await sql`lock table totals in exclusive mode`.execute(tx.db);
    if (opts.onlyIfNeeded && (await totalsUsable(tx))) return { groups: 0, units: 0, rows: 0, ms: performance.now() - t0 };
    await clearTotals(tx.db);
    const groups = new Map<string, { indicator: string; year: number }>();
    for (const g of await indicatorYears(tx.db)) groups.set(`${g.indicator}|${g.year}`, g);
    const r = await rebuildGroups(tx, [...groups.values()], { cleared: true, progress });
    const h = await hierarchyOf(tx);
    await writeTotalsState(tx, { ready: true, epoch: epochOf(h, tx.today()) });
    return { ...r, ms: performance.now() - t0 };
  }, { alone: true });
}

/** Units whose figures are loaded at once. */
const UNIT_BATCH = 500;

/**
 * Recomputes the totals of some indicator-years from their figures and register records (and the
 * years register records reach): clears their rows, then adds every unit's contribution once.
 * Used by the full rebuild and by big imports. Must run inside a transaction.
 */
export async function rebuildGroups(tx: Ctx, wanted: ReadonlyArray<{ indicator: string; year: number }>, opts: { cleared?: boolean; progress?: (done: number, of: number, what: string) => void } = {}): Promise<Omit<RebuildResult, "ms">> {
  const h = await hierarchyOf(tx);
  const now = tx.today();
  const { cutoffDay } = await getSettings(tx.db);
  const groups = new Map(wanted.map((g) => [`${g.indicator}|${g.year}`, g]));
  const indicators = new Set(wanted.map((g) => g.indicator));
  const recordUnits = new Map<string, Set<number>>();
  for (const source of figureSources) {
    for (const indicator of source.indicators) {
      if (!opts.cleared && !indicators.has(indicator)) continue;
      for (const r of await source.recordUnitYears(tx, indicator, null)) {
        for (const year of cutoffDay > 1 ? [r.year, r.year + 1] : [r.year]) {
          const k = `${indicator}|${year}`;
          if (opts.cleared) groups.set(k, { indicator, year });
          (recordUnits.get(k) ?? recordUnits.set(k, new Set()).get(k)!).add(r.unitId);
        }
      }
    }
  }
  let done = 0;
  let units = 0;
  let rows = 0;
  for (const [k, { indicator, year }] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const periods = standardPeriods(year).map((p) => p.id);
    if (!opts.cleared) {
      // A big import (PostgreSQL): a save of this indicator-year from now on waits for the import's
      // commit (it would settle its delta from a view without the figures recomputed here); saves
      // committed before are in what is read below. As a small import's tracker does before it
      // reads. (A full rebuild holds the totals table instead.)
      await lockUnitYears(tx, [{ indicator, year }]);
      await clearGroup(tx.db, indicator, periods);
    }
    // In unit order: each batch's figures are one range of the (indicator, year, unit_id) index.
    const ids = [...new Set([...(await unitsWithFigures(tx.db, indicator, year)), ...(recordUnits.get(k) ?? [])])].sort((a, b) => a - b);
    // Only the totals above the communes are kept (a few thousand targets per indicator-year): they
    // stay in memory until the group ends, so each is written once.
    const deltas = new Deltas(h);
    const batchAt = (i: number) => ids.slice(i, i + UNIT_BATCH).map((unitId) => ({ unitId, indicator, year }));
    // The next batch is read while this one is computed (PostgreSQL works as JavaScript does).
    let next = ids.length ? loadUnitYears(tx, batchAt(0), true) : null;
    for (let i = 0; i < ids.length; i += UNIT_BATCH) {
      const keys = batchAt(i);
      const data = await next!;
      next = i + UNIT_BATCH < ids.length ? loadUnitYears(tx, batchAt(i + UNIT_BATCH), true) : null;
      for (const key of keys) {
        const d = data.get(slotKey(key))!;
        const cells = unitContribution(d.facts, d.counts, year);
        if (cells.size) placeChange(deltas, h, now, key, cells, periodsOf(year));
      }
    }
    const area = await areaUnits(tx.db, indicator, year);
    if (area.size) {
      const work: CorrectionWork[] = [];
      for (const P of standardPeriods(year)) for (const s of structuresOf(h, P, now)) work.push({ structure: s.structure, date: s.date, period: P, targets: areaTargets(h, s.date, area) });
      await correctTargets(tx, h, indicator, year, work, area, deltas);
    }
    const out = deltas.rows();
    await writeClearedTotals(tx.db, tx.database, out);
    rows += out.length;
    units += ids.length;
    opts.progress?.(++done, groups.size, k);
  }
  await bumpGroups(tx.db, groups.values());
  return { groups: groups.size, units, rows };
}

/** Builds the totals when they are missing or were built for an earlier structure (fast on an empty database). */
export async function ensureTotals(ctx: Ctx, progress?: (done: number, of: number, what: string) => void): Promise<RebuildResult | null> {
  if (await totalsUsable(ctx)) return null;
  return rebuildTotals(ctx, progress, { onlyIfNeeded: true });
}

/**
 * Keeps the totals ready while a server runs: a lineage change dated in the future moves "as now"
 * when its day comes, and the totals are rebuilt then (one server does it; the others find them
 * ready). Until they are, questions are answered afresh from the figures.
 */
export function scheduleTotals(ctx: Ctx, log: (s: string) => void, everyMs = 3_600_000): () => void {
  const timer = setInterval(() => {
    ensureTotals(ctx).then(
      (r) => r && r.groups && log(`Đã tổng hợp lại số liệu tổng cho cơ cấu mới (${r.rows} dòng, ${Math.round(r.ms)} ms).`),
      (e: unknown) => log(`Không tổng hợp lại được số liệu tổng: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

// A new cut-off day moves register records between periods: every total is rebuilt with it.
settingsListeners.push(async (tx, before, after) => {
  if (before.cutoffDay !== after.cutoffDay) await rebuildTotals(tx);
});
