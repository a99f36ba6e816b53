/**
 * Versions of indicator-years, and the computed totals kept under them. Every transaction that
 * changes what an indicator-year's totals count raises its version (after its totals are written,
 * in key order: the last rows it locks) and commits it with the change; a reader reads the version
 * before it reads the figures, so what it computes is at least as new as the version it keeps it
 * under. A commune's or a village's totals (computed when asked, totals.leaves.ts) are reused while
 * their indicator-years' versions stand, whichever server wrote since.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { pointReader } from "../db/point.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import type { Vec } from "../core/totals.ts";

export interface Group {
  indicator: string;
  year: number;
}

const groupKey = (g: Group) => `${g.indicator}|${g.year}`;

/** Raises the versions of some indicator-years (inside the transaction that changes them). */
export async function bumpVersions(db: Kysely<DB>, groups: Iterable<Group>): Promise<void> {
  const rows = [...new Map([...groups].map((g) => [groupKey(g), g])).values()]
    .sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.year - b.year))
    .map((g) => ({ indicator: g.indicator, year: g.year, version: 1 }));
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto("totals_versions").values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(["indicator", "year"]).doUpdateSet({ version: sql<number>`totals_versions.version + 1` })).execute();
  }
}

/** Raises every version (a full rebuild). */
export async function bumpAllVersions(db: Kysely<DB>): Promise<void> {
  await db.updateTable("totals_versions").set({ version: sql<number>`version + 1` }).execute();
}

/** The versions of some indicator-years (`indicator|year` → version; 0 when never raised). */
export async function readVersions(db: Kysely<DB>, indicators: readonly string[], years: readonly number[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const indicator of indicators) for (const year of years) out.set(groupKey({ indicator, year }), 0);
  if (out.size === 0) return out;
  const rows = await (db.isTransaction ? db : pointReader(db)).selectFrom("totals_versions").select(["indicator", "year", "version"])
    .where("indicator", "in", [...indicators]).where("year", "in", [...years]).execute();
  for (const r of rows) out.set(groupKey(r), r.version);
  return out;
}

/** Most cells a server keeps (~350 bytes each). */
const MAX_CELLS = 100_000;

/**
 * Computed cells (`${structure}|${epoch}|${disagg}|${unit}|${indicator}|${period}` → the vector, or
 * null for nothing) with the version they were computed at; one store per hierarchy, so a change of
 * the units starts afresh. The oldest go first when full.
 */
export class ComputedCells {
  private static readonly byHierarchy = new WeakMap<Hierarchy, ComputedCells>();
  private readonly cells = new Map<string, { version: number; vec: Vec | null }>();

  static of(h: Hierarchy): ComputedCells {
    let c = ComputedCells.byHierarchy.get(h);
    if (!c) ComputedCells.byHierarchy.set(h, (c = new ComputedCells()));
    return c;
  }

  /** The cell at `version`, null for a cell with nothing, undefined when not kept at that version. */
  get(key: string, version: number): Vec | null | undefined {
    const hit = this.cells.get(key);
    return hit && hit.version === version ? hit.vec : undefined;
  }

  set(key: string, version: number, vec: Vec | null): void {
    this.cells.delete(key);
    this.cells.set(key, { version, vec });
    if (this.cells.size > MAX_CELLS) {
      let drop = MAX_CELLS / 10;
      for (const k of this.cells.keys()) {
        this.cells.delete(k);
        if (--drop <= 0) break;
      }
    }
  }

  get size(): number {
    return this.cells.size;
  }
}
