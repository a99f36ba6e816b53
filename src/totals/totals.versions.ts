/**
 * Versions of what totals count, and the computed totals kept under them. Every transaction that
 * changes what an indicator-year counts raises versions, after its totals are written (in key
 * order: the last rows it locks), and commits them with the change: a figure, a report state or a
 * register record raises the version of each computed target (commune, village) its unit lands in,
 * in any structure; a rebuild or a lineage change the version of the whole indicator-year (unit 0).
 * A reader reads the versions before the figures, so what it computes is at least as new as the
 * versions it keeps it under. A commune's or a village's totals (computed when asked,
 * totals.leaves.ts) are reused while their versions stand, whichever server wrote since; a save
 * makes the server compute again the communes it lands in, not the province's others.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import { type Vec } from "../core/totals.ts";
import { keptTarget, placementParts } from "../core/placements.ts";

export interface Group {
  indicator: string;
  year: number;
}

/** One version: a computed target of an indicator-year, or the whole indicator-year (unitId 0). */
interface VersionKey extends Group {
  unitId: number;
}

const versionKey = (k: VersionKey) => `${k.indicator}|${k.year}|${k.unitId}`;

/** Raises versions (inside the transaction that changes what they count), in key order. */
async function bump(db: Kysely<DB>, keys: Iterable<VersionKey>): Promise<void> {
  const rows = [...new Map([...keys].map((k) => [versionKey(k), k])).values()]
    .sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.year - b.year || a.unitId - b.unitId))
    .map((k) => ({ indicator: k.indicator, year: k.year, unit_id: k.unitId, version: 1 }));
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto("totals_versions").values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(["indicator", "year", "unit_id"]).doUpdateSet({ version: sql<number>`totals_versions.version + 1` })).execute();
  }
}

/** Raises the versions of whole indicator-years (rebuilds, lineage changes). */
export function bumpGroups(db: Kysely<DB>, groups: Iterable<Group>): Promise<void> {
  return bump(db, [...groups].map((g) => ({ indicator: g.indicator, year: g.year, unitId: 0 })));
}

/** Raises the versions of the computed targets the units of some unit-years land in, in every structure. */
export function bumpUnitYears(db: Kysely<DB>, h: Hierarchy, now: string, keys: Iterable<Group & { unitId: number }>): Promise<void> {
  // One day in each span of days whose placements are alike: every structure a reader can ask.
  const epochs = h.epochDays();
  const days = epochs.length ? epochs : [now];
  const out: VersionKey[] = [];
  const targets = new Map<number, number[]>();
  for (const k of keys) {
    let list = targets.get(k.unitId);
    if (!list) {
      const set = new Set<number>();
      for (const day of days) for (const part of placementParts(h, k.unitId, day)) for (const t of part.chain) if (!keptTarget(h, t)) set.add(t);
      targets.set(k.unitId, (list = [...set]));
    }
    for (const t of list) out.push({ indicator: k.indicator, year: k.year, unitId: t });
  }
  return bump(db, out);
}

/** Raises every version (a full rebuild). */
export async function bumpAllVersions(db: Kysely<DB>): Promise<void> {
  await db.updateTable("totals_versions").set({ version: sql<number>`version + 1` }).execute();
}

/**
 * The stamp of each computed target of some indicator-years (`unit|indicator|year` → its version
 * plus its indicator-year's; 0 when never raised): it grows with every raise of either.
 */
export async function readStamps(db: Kysely<DB>, indicators: readonly string[], years: readonly number[], targets: readonly number[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (indicators.length === 0 || years.length === 0 || targets.length === 0) return out;
  const group = new Map<string, number>();
  const own = new Map<string, number>();
  // Through the readers, not the main thread's point connection: a province's communes are
  // hundreds of rows, and the point connection is for one row by its key.
  for (let i = 0; i < targets.length; i += 900) {
    const rows = await db.selectFrom("totals_versions").select(["indicator", "year", "unit_id", "version"])
      .where("indicator", "in", [...indicators]).where("year", "in", [...years]).where("unit_id", "in", [0, ...targets.slice(i, i + 900)]).execute();
    for (const r of rows) (r.unit_id === 0 ? group : own).set(`${r.unit_id}|${r.indicator}|${r.year}`, r.version);
  }
  for (const t of targets) {
    for (const indicator of indicators) {
      for (const year of years) out.set(`${t}|${indicator}|${year}`, (own.get(`${t}|${indicator}|${year}`) ?? 0) + (group.get(`0|${indicator}|${year}`) ?? 0));
    }
  }
  return out;
}

/** Most cells a server keeps (~350 bytes each). */
const MAX_CELLS = 100_000;

/**
 * Computed cells (`${structure}|${epoch}|${disagg}|${unit}|${indicator}|${period}` → the vector, or
 * null for nothing) with the stamp they were computed at; one store per hierarchy, so a change of
 * the units starts afresh. The oldest go first when full.
 */
export class ComputedCells {
  private static readonly byHierarchy = new WeakMap<Hierarchy, ComputedCells>();
  private readonly cells = new Map<string, { stamp: number; vec: Vec | null }>();

  static of(h: Hierarchy): ComputedCells {
    let c = ComputedCells.byHierarchy.get(h);
    if (!c) ComputedCells.byHierarchy.set(h, (c = new ComputedCells()));
    return c;
  }

  /** The cell at `stamp`, null for a cell with nothing, undefined when not kept at that stamp. */
  get(key: string, stamp: number): Vec | null | undefined {
    const hit = this.cells.get(key);
    return hit && hit.stamp === stamp ? hit.vec : undefined;
  }

  set(key: string, stamp: number, vec: Vec | null): void {
    this.cells.delete(key);
    this.cells.set(key, { stamp, vec });
    if (this.cells.size > MAX_CELLS) {
      let drop = MAX_CELLS / 10;
      for (const k of this.cells.keys()) {
        this.cells.delete(k);
        if (--drop <= 0) break;
      }
    }
  }
}
