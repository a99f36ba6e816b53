/**
 * Keeps the totals table in step with every write, inside the writer's transaction. A service
 * calls `trackFigures` with the unit-years it is about to change (before changing them); before the
 * transaction commits, the tracker recomputes those unit-years' contributions and adds the
 * difference to every total above them, in both structures, for every basis, and recomputes the
 * corrections of totals that area totals touch. A saved figure is in the national total the moment
 * its transaction commits.
 */
import { sql } from "kysely";
import type { Ctx } from "../context.ts";
import { hierarchyOf } from "../context.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import type { FigureKind } from "../core/rollup.ts";
import { periodRange, type Period } from "../core/period.ts";
import {
  addToChain, keptPart, keptTarget, placementParts, reportStateOf, standardPeriods, structuresOf, unitContribution, zeroVec,
  WIDTH, type Cells, type CountFact, type ReportStatus, type StatedFact, type UnitYear,
} from "../core/totals.ts";
import { areaCorrections, areaTargets, coveredUnits } from "../core/totals-area.ts";
import { figureSources } from "../plugins.ts";
import { getSettings } from "../settings/settings.service.ts";
import { bumpUnitYears } from "./totals.versions.ts";
import {
  applyDeltas, areaUnits, loadReports, loadStatedFacts, readCorrectionsOfYear, slotKey, unitsWithFigures, writeCorrectionsOf,
  type SlotKey, type StoredCorrection, type TotalDelta,
} from "./totals.repository.ts";

export type { SlotKey };

interface Snapshot {
  key: SlotKey;
  cells: Cells;
  area: boolean;
}

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

/** Cells grouped by period id. */
function byPeriod(cells: Cells): Map<string, Cells> {
  const out = new Map<string, Cells>();
  for (const [key, v] of cells) {
    const p = key.slice(0, key.indexOf("|"));
    (out.get(p) ?? out.set(p, new Map()).get(p)!).set(key, v);
  }
  return out;
}

/** new − old, cell by cell. */
function diff(next: Cells, prev: Cells): Cells {
  const out: Cells = new Map();
  for (const [k, v] of next) {
    const o = prev.get(k);
    const d = zeroVec();
    let any = false;
    for (let i = 0; i < WIDTH; i++) if ((d[i] = v[i]! - (o?.[i] ?? 0)) !== 0) any = true;
    if (any) out.set(k, d);
  }
  for (const [k, o] of prev) {
    if (next.has(k)) continue;
    const d = zeroVec();
    for (let i = 0; i < WIDTH; i++) d[i] = -o[i]!;
    out.set(k, d);
  }
  return out;
}

/**
 * Accumulated changes: structure → indicator → target → cells. Only kept targets (`keptTarget`)
 * come out as rows: a commune's area corrections still add to its cells here, and are dropped.
 */
export class Deltas {
  readonly byStructure = new Map<number, Map<string, Map<number, Cells>>>();
  constructor(private readonly h: Hierarchy) {}
  /** The target map of one structure and indicator. */
  of(structure: number, indicator: string): Map<number, Cells> {
    let s = this.byStructure.get(structure);
    if (!s) this.byStructure.set(structure, (s = new Map()));
    let i = s.get(indicator);
    if (!i) s.set(indicator, (i = new Map()));
    return i;
  }
  /** As rows for the repository. */
  rows(): TotalDelta[] {
    const out: TotalDelta[] = [];
    for (const [structure, inds] of this.byStructure) {
      for (const [indicator, targets] of inds) {
        for (const [unitId, cells] of targets) {
          if (!keptTarget(this.h, unitId)) continue;
          for (const [key, vec] of cells) {
            const bar = key.indexOf("|");
            out.push({ structure, unitId, indicator, period: key.slice(0, bar), disagg: key.slice(bar + 1), vec });
          }
        }
      }
    }
    return out;
  }
}

/** Places a unit's changed cells in the kept totals above it, in every structure their periods are kept in. */
export function placeChange(deltas: Deltas, h: Hierarchy, now: string, key: SlotKey, change: Cells, periods: ReadonlyMap<string, Period>): void {
  for (const [pid, cells] of byPeriod(change)) {
    const P = periods.get(pid)!;
    for (const s of structuresOf(h, P, now)) {
      const acc = deltas.of(s.structure, key.indicator);
      for (const part of placementParts(h, key.unitId, s.date)) addToChain(acc, keptPart(h, part), cells, 1);
    }
  }
}

/** A stored figure as it was before a change (null: it did not exist). */
export interface FigureBefore {
  id: number;
  period: Period;
  disagg: string;
  kind: FigureKind;
  value: number;
  estimated: boolean;
}

/** A figure's place within its unit-year: period and breakdown. */
const cellOf = (period: Period, disagg: string) => `${period.id}|${disagg}`;

/** The unit-year's figures as they were before the noted changes (current figures, changes undone). */
function undo(d: LoadedUnitYear, notes: ReadonlyMap<string, FigureBefore | null>): StatedFact[] {
  const out = d.facts.filter((f) => !notes.has(cellOf(f.period, f.disagg)));
  for (const b of notes.values()) if (b) out.push({ ...b, unitId: 0, state: reportStateOf(d.reports, b.period) });
  return out;
}

/**
 * Tracks the unit-years one transaction changes and settles their totals before it commits.
 * Figure writes only note the row they replace (nothing is read: the state before is the current
 * one with the change undone); changes that move what figures count (report states, register
 * records) snapshot the unit-year's contribution before they happen.
 */
export class TotalsTracker {
  /** Indicator-years this transaction holds (PostgreSQL advisory locks, `lockUnitYears`). */
  readonly locked = new Set<string>();
  private readonly before = new Map<string, Snapshot>();
  private readonly notes = new Map<string, { key: SlotKey; rows: Map<string, FigureBefore | null> }>();

  /** Records the current contribution of unit-years about to change (once per transaction each). */
  async track(tx: Ctx, keys: readonly SlotKey[]): Promise<void> {
    await lockUnitYears(tx, keys);
    const fresh = new Map<string, SlotKey>();
    for (const k of keys) {
      const s = slotKey(k);
      if (!this.before.has(s) && !fresh.has(s)) fresh.set(s, k);
    }
    if (fresh.size === 0) return;
    const data = await loadUnitYears(tx, [...fresh.values()]);
    for (const [s, k] of fresh) {
      const d = data.get(s)!;
      // Figures already changed in this transaction are counted as they were before.
      const noted = this.notes.get(s);
      const facts = noted ? undo(d, noted.rows) : d.facts;
      this.notes.delete(s);
      this.before.set(s, { key: k, cells: unitContribution(facts, d.counts, k.year), area: facts.some((f) => f.kind === "area") });
    }
  }

  /**
   * Notes that a figure of a unit-year is about to change (its row before, null when new); reads
   * nothing. The first note of a figure in a transaction stands, unless `replace`: a save that lost
   * a race to another server re-reads the row and notes what it really replaces.
   */
  note(key: SlotKey, period: Period, disagg: string, before: FigureBefore | null, replace = false): void {
    const s = slotKey(key);
    if (this.before.has(s)) return;
    let n = this.notes.get(s);
    if (!n) this.notes.set(s, (n = { key, rows: new Map() }));
    const cell = cellOf(period, disagg);
    if (replace || !n.rows.has(cell)) n.rows.set(cell, before);
  }

  /** Adds what changed since `track` / `note` to the totals, and settles area corrections. */
  async flush(tx: Ctx): Promise<void> {
    if (this.before.size === 0 && this.notes.size === 0) return;
    const snaps = [...this.before.values()];
    const notes = [...this.notes.values()];
    this.before.clear();
    this.notes.clear();
    const h = await hierarchyOf(tx);
    const now = tx.today();
    const keys = [...snaps.map((s) => s.key), ...notes.map((n) => n.key)];
    // Figure writes take their indicator-years here, all at once in key order: a batch of saves
    // that took them save by save could hold one while waiting for another that a second batch
    // (another committer, another server) holds while waiting for the first (a deadlock).
    await lockUnitYears(tx, keys);
    const data = await loadUnitYears(tx, keys);
    for (const n of notes) {
      const d = data.get(slotKey(n.key))!;
      const facts = undo(d, n.rows);
      snaps.push({ key: n.key, cells: unitContribution(facts, d.counts, n.key.year), area: facts.some((f) => f.kind === "area") });
    }
    const deltas = new Deltas(h);
    const groups = new Map<string, Array<{ snap: Snapshot; area: boolean }>>();
    for (const snap of snaps) {
      const d = data.get(slotKey(snap.key))!;
      const change = diff(unitContribution(d.facts, d.counts, snap.key.year), snap.cells);
      if (change.size) placeChange(deltas, h, now, snap.key, change, periodsOf(snap.key.year));
      const g = `${snap.key.indicator}|${snap.key.year}`;
      (groups.get(g) ?? groups.set(g, []).get(g)!).push({ snap, area: d.area });
    }
    for (const list of groups.values()) await settleCorrections(tx, h, now, list, deltas);
    await applyDeltas(tx.db, tx.database, deltas.rows());
    await bumpUnitYears(tx.db, h, now, keys);
  }
}

const periodMaps = new Map<number, Map<string, Period>>();
export function periodsOf(year: number): Map<string, Period> {
  let m = periodMaps.get(year);
  if (!m) periodMaps.set(year, (m = new Map(standardPeriods(year).map((p) => [p.id, p]))));
  return m;
}

/**
 * Recomputes the corrections of totals that an area total of this indicator-year touches and that
 * hold one of the changed units; adds the change of each correction to the deltas.
 */
async function settleCorrections(tx: Ctx, h: Hierarchy, now: string, changed: Array<{ snap: Snapshot; area: boolean }>, deltas: Deltas): Promise<void> {
  const { indicator, year } = changed[0]!.snap.key;
  const after = await areaUnits(tx.db, indicator, year);
  const before = new Set(after);
  for (const c of changed) {
    if (c.snap.area && !c.area) before.add(c.snap.key.unitId);
    if (!c.snap.area && c.area) before.delete(c.snap.key.unitId);
  }
  const all = new Set([...after, ...before]);
  if (all.size === 0) return;
  const periods = standardPeriods(year);
  // The totals that hold a changed unit and an area total (now or before the change).
  const work: CorrectionWork[] = [];
  for (const P of periods) {
    for (const s of structuresOf(h, P, now)) {
      const touched = areaTargets(h, s.date, all);
      const targets = new Set<number>();
      for (const c of changed) for (const part of placementParts(h, c.snap.key.unitId, s.date)) for (const t of part.chain) if (touched.has(t)) targets.add(t);
      if (targets.size) work.push({ structure: s.structure, date: s.date, period: P, targets });
    }
  }
  await correctTargets(tx, h, indicator, year, work, after, deltas);
}

/** A set of totals to correct: one structure (read at `date`) and period. */
export interface CorrectionWork {
  structure: number;
  date: string;
  period: Period;
  targets: Set<number>;
}

/**
 * Recomputes the corrections of the given totals from the covered units' figures, writes them,
 * and adds their change (new − stored) to the deltas.
 */
export async function correctTargets(tx: Ctx, h: Hierarchy, indicator: string, year: number, work: readonly CorrectionWork[], after: ReadonlySet<number>, deltas: Deltas): Promise<void> {
  if (work.length === 0) return;
  const periods = standardPeriods(year);
  const candidates = new Set(await unitsWithFigures(tx.db, indicator, year));
  for (const source of figureSources.filter((s) => s.indicators.has(indicator))) {
    for (const r of await source.recordUnitYears(tx, indicator, null)) if (r.year === year || r.year === year - 1) candidates.add(r.unitId);
  }
  const stored = await readCorrectionsOfYear(tx.db, indicator, periods.map((p) => p.id));
  const loaded = new Map<number, UnitYear>();
  const next = new Map<string, Map<string, StoredCorrection>>();
  // Who a target covers depends on the placements of its date only: the same for every period of an epoch.
  const coveredOf = new Map<string, number[]>();
  for (const w of work) {
    for (const t of w.targets) {
      const ck = `${h.epochIndex(w.date)}|${t}`;
      let covered = coveredOf.get(ck);
      if (!covered) coveredOf.set(ck, (covered = coveredUnits(h, w.date, t, candidates, after)));
      const missing = covered.filter((u) => !loaded.has(u));
      if (missing.length) {
        const got = await loadUnitYears(tx, missing.map((unitId) => ({ unitId, indicator, year })));
        for (const u of missing) loaded.set(u, got.get(slotKey({ unitId: u, indicator, year }))!);
      }
      const fresh = areaCorrections(h, w.date, t, w.period, loaded, covered);
      const key = `${w.structure}|${t}|${w.period.id}`;
      const prev = stored.get(key) ?? new Map<string, StoredCorrection>();
      const cur = new Map([...fresh].map(([d, c]) => [d, { vec: [...c.vec], area: c.area }]));
      const acc = deltas.of(w.structure, indicator);
      const cells = acc.get(t) ?? acc.set(t, new Map()).get(t)!;
      for (const d of new Set([...prev.keys(), ...cur.keys()])) {
        const v = cells.get(`${w.period.id}|${d}`) ?? cells.set(`${w.period.id}|${d}`, zeroVec()).get(`${w.period.id}|${d}`)!;
        const n = cur.get(d)?.vec;
        const o = prev.get(d)?.vec;
        for (let i = 0; i < WIDTH; i++) v[i]! += (n?.[i] ?? 0) - (o?.[i] ?? 0);
      }
      next.set(key, cur);
    }
  }
  for (const [key, cur] of next) {
    const [structure, unitId, period] = key.split("|");
    await writeCorrectionsOf(tx.db, Number(structure), Number(unitId), indicator, period!, cur);
  }
}

const trackers = new WeakMap<object, TotalsTracker>();

/**
 * Call inside a transaction before changing figures (or anything that changes what they count:
 * report states, register records): their totals are settled before the transaction commits.
 */
export async function trackFigures(tx: Ctx, keys: readonly SlotKey[]): Promise<void> {
  await trackerOf(tx).track(tx, keys);
}

/**
 * Tracks everything one unit counts in a year (before its report changes state: approving a
 * report moves its figures into the approved totals): indicators it has figures for, and those its
 * registers count.
 */
export async function trackUnitYear(tx: Ctx, unitId: number, year: number): Promise<void> {
  const rows = await tx.db.selectFrom("figures").select("indicator").distinct().where("unit_id", "=", unitId).where("year", "=", year).execute();
  const indicators = new Set(rows.map((r) => r.indicator));
  for (const source of figureSources) {
    for (const indicator of source.indicators) {
      if (indicators.has(indicator)) continue;
      const ys = await source.recordUnitYears(tx, indicator, [unitId]);
      if (ys.some((r) => r.year === year || r.year === year - 1)) indicators.add(indicator);
    }
  }
  await trackFigures(tx, [...indicators].map((indicator) => ({ unitId, indicator, year })));
}

/** The tracker of a transaction (made, and its settling registered before the commit, on first use). */
function trackerOf(tx: Ctx): TotalsTracker {
  const hooks = tx.beforeCommit;
  if (!hooks) throw new Error("maintained totals must be tracked inside inTransaction");
  let t = trackers.get(hooks);
  if (!t) {
    const tracker = new TotalsTracker();
    trackers.set(hooks, (t = tracker));
    // Every work of a group commit shares the transaction (the same database handle).
    hooks.push(() => tracker.flush(tx));
  }
  return t;
}

/**
 * PostgreSQL: holds the indicator-years a transaction is about to change until it commits
 * (advisory locks, taken in key order, once per transaction each). Two transactions settling the
 * same indicator-year at once would each compute contributions and area corrections from their
 * own view, and the rules that are not sums (a year figure standing for its months, area totals,
 * a unit counted in its successor) would add up wrong. SQLite has one writer: nothing to do.
 * Call before loading the unit-years whose contribution changes: the tracker's flush does it for
 * figure writes (each write notes the row it replaces, checked by its version), `track` for the
 * changes it snapshots, a recomputation before it reads.
 */
export async function lockUnitYears(tx: Ctx, keys: ReadonlyArray<Pick<SlotKey, "indicator" | "year">>): Promise<void> {
  if (tx.database.dialect !== "postgres") return;
  const t = trackerOf(tx);
  const fresh = [...new Set(keys.map((k) => `${k.indicator}|${k.year}`))].filter((k) => !t.locked.has(k)).sort();
  if (fresh.length === 0) return;
  for (const k of fresh) t.locked.add(k);
  await sql`select pg_advisory_xact_lock(hashtext(k)) from (select k from unnest(${fresh}::text[]) as k order by k) as keys`.execute(tx.db);
}

/**
 * Call inside a transaction before a figure row is written or deleted, with the row as it is
 * (null when there is none): its totals are settled before the transaction commits, without reading.
 */
export function noteFigureChange(tx: Ctx, key: SlotKey, period: Period, disagg: string, before: FigureBefore | null, replace = false): void {
  trackerOf(tx).note(key, period, disagg, before, replace);
}

/** Settles what the transaction changed so far (an import does it chunk by chunk, to keep memory flat). */
export async function settleTracked(tx: Ctx): Promise<void> {
  const t = tx.beforeCommit ? trackers.get(tx.beforeCommit) : undefined;
  await t?.flush(tx);
}
