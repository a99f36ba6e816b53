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
import type { FigureKind } from "../core/rollup.ts";
import type { Period } from "../core/period.ts";
import { reportStateOf, unitContribution, zeroVec, WIDTH, type Cells, type StatedFact } from "../core/totals.ts";
import { figureSources } from "../plugins.ts";
import { bumpUnitYears } from "./totals.versions.ts";
import { applyDeltas, areaUnitsOf, slotKey, type SlotKey } from "./totals.repository.ts";
import { Deltas, periodsOf, placeChange } from "./totals.deltas.ts";
import { loadUnitYears, type LoadedUnitYear } from "./totals.load.ts";
import { settleCorrections, type ChangedUnitYear } from "./totals.corrections.ts";

export type { SlotKey };

interface Snapshot {
  key: SlotKey;
  cells: Cells;
  area: boolean;
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
    const groups = new Map<string, ChangedUnitYear[]>();
    for (const snap of snaps) {
      const d = data.get(slotKey(snap.key))!;
      const change = diff(unitContribution(d.facts, d.counts, snap.key.year), snap.cells);
      if (change.size) placeChange(deltas, h, now, snap.key, change, periodsOf(snap.key.year));
      const g = `${snap.key.indicator}|${snap.key.year}`;
      (groups.get(g) ?? groups.set(g, []).get(g)!).push({ key: snap.key, wasArea: snap.area, area: d.area });
    }
    // Which units hold area totals, for every indicator-year of the batch in one statement.
    const area = await areaUnitsOf(tx.db, [...groups.values()].map((list) => list[0]!.key));
    for (const [g, list] of groups) await settleCorrections(tx, h, now, list, deltas, area.get(g));
    await applyDeltas(tx.db, tx.database, deltas.rows());
    await bumpUnitYears(tx.db, h, now, keys);
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
