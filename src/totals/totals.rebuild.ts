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
import { standardPeriods, structuresOf } from "../core/totals.ts";
import { figureSources } from "../plugins.ts";
import { getSettings, settingsListeners } from "../settings/settings.service.ts";
import { bumpGroups } from "./totals.versions.ts";
import { areaUnits, clearGroup, clearTotals, indicatorYears, unitsWithFigures } from "./totals.repository.ts";
import { writeClearedColumns } from "./totals.columns.ts";
import { lockUnitYears } from "./totals.tracker.ts";
import { Deltas } from "./totals.deltas.ts";
import { loadGroupBatch } from "./totals.load.ts";
import type { RowColumns } from "./totals.lane.ts";
import { LocalLane, ThreadLane, type Lane } from "./totals.thread.ts";
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
export async function rebuildTotals(ctx: Ctx, progress?: (done: number, of: number, what: string) => void, opts: { onlyIfNeeded?: boolean; thread?: boolean } = {}): Promise<RebuildResult> {
  const t0 = performance.now();
  return inTransaction(ctx, async (tx) => {
    if (tx.database.dialect === "postgres") await sql`lock table totals in exclusive mode`.execute(tx.db);
    if (opts.onlyIfNeeded && (await totalsUsable(tx))) return { groups: 0, units: 0, rows: 0, ms: performance.now() - t0 };
    await clearTotals(tx.db);
    const groups = new Map<string, { indicator: string; year: number }>();
    for (const g of await indicatorYears(tx.db)) groups.set(`${g.indicator}|${g.year}`, g);
    const r = await rebuildGroups(tx, [...groups.values()], { cleared: true, progress, ...(opts.thread !== undefined ? { thread: opts.thread } : {}) });
    const h = await hierarchyOf(tx);
    await writeTotalsState(tx, { ready: true, epoch: epochOf(h, tx.today()) });
    return { ...r, ms: performance.now() - t0 };
  }, { alone: true });
}

/** Units whose figures are loaded at once. */
const UNIT_BATCH = 500;
/** A rebuild that reaches this many unit-years starts its thread (smaller ones add up in the caller's). */
const THREAD_UNITS = 2_000;

/**
 * Recomputes the totals of some indicator-years from their figures and register records (and the
 * years register records reach): clears their rows, then adds every unit's contribution once.
 * Used by the full rebuild and by big imports. Must run inside a transaction.
 *
 * This thread reads and writes; the arithmetic (totals.lane.ts) runs on a thread of its own once a
 * rebuild reaches THREAD_UNITS unit-years (`thread`: always or never, for tests). The two overlap: while the
 * thread adds up one group, this one reads the next group's figures and then writes the last
 * group's totals.
 */
export async function rebuildGroups(tx: Ctx, wanted: ReadonlyArray<{ indicator: string; year: number }>, opts: { cleared?: boolean; progress?: (done: number, of: number, what: string) => void; thread?: boolean } = {}): Promise<Omit<RebuildResult, "ms">> {
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
  const local = new LocalLane(h, now);
  let thread: Lane | null = null;
  /** The last group's rows, written once the next group's figures are on their way. */
  let last: { indicator: string; k: string; rows: Promise<RowColumns> } | null = null;
  const writeLast = async () => {
    if (!last) return;
    const { indicator, k } = last;
    const out = await last.rows;
    last = null;
    await writeClearedColumns(tx.db, tx.database, indicator, out);
    rows += out.n;
    opts.progress?.(++done, groups.size, k);
  };
  try {
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
      if (!thread && (opts.thread ?? units + ids.length >= THREAD_UNITS)) thread = await ThreadLane.start(h, now);
      const lane = thread ?? local;
      lane.begin(indicator, year);
      // The next batch is read while this one is handed over (PostgreSQL works as JavaScript does).
      let next = ids.length ? loadGroupBatch(tx, indicator, year, ids.slice(0, UNIT_BATCH)) : null;
      for (let i = 0; i < ids.length; i += UNIT_BATCH) {
        const batch = await next!;
        next = i + UNIT_BATCH < ids.length ? loadGroupBatch(tx, indicator, year, ids.slice(i + UNIT_BATCH, i + 2 * UNIT_BATCH)) : null;
        await lane.room();
        lane.add(batch);
      }
      await writeLast();
      // Area totals correct the sums of their parts: computed here from the figures (they read the
      // database), added to the group's rows by the lane.
      const corrections = new Deltas(h);
      const area = await areaUnits(tx.db, indicator, year);
      if (area.size) {
        const work: CorrectionWork[] = [];
        for (const P of standardPeriods(year)) for (const s of structuresOf(h, P, now)) work.push({ structure: s.structure, date: s.date, period: P, targets: areaTargets(h, s.date, area) });
        await correctTargets(tx, h, indicator, year, work, area, corrections);
      }
      last = { indicator, k, rows: lane.finish(corrections.rows()) };
      // Its failure is met when it is written (not an unhandled rejection meanwhile).
      last.rows.catch(() => undefined);
      units += ids.length;
    }
    await writeLast();
  } finally {
    await thread?.close();
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
