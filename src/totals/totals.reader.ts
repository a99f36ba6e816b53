/**
 * Reading totals: many units × indicators × periods in one query per structure. A question is
 * answered this way when the totals are ready for today's structure and its as-of date reads the
 * structure of the period's end (as reported) or of today (as now); otherwise the caller computes
 * it afresh from the figures (src/figures/rollup.service.ts). Totals above the communes come from
 * the table; a commune's or a village's are computed from its figures (totals.leaves.ts).
 */
import type { Ctx } from "../context.ts";
import type { Hierarchy, PlacementDates } from "../core/hierarchy.ts";
import type { Period } from "../core/period.ts";
import type { RollupTotal } from "../core/rollup.ts";
import { BASES, structureFor, type Basis } from "../core/totals.ts";
import { keptTarget } from "../core/placements.ts";
import { basisOf, basisOfVec, readCorrectionRows, readTotals, type StoredTotal } from "./totals.repository.ts";
import { totalsUsable } from "./totals.rebuild.ts";
import { leafVectors } from "./totals.leaves.ts";

export interface CellQuery {
  unitIds: readonly number[];
  indicators: readonly string[];
  periods: readonly Period[];
  /** The structure to count in. */
  asOf: string;
  disagg: string;
  basis: Basis;
  /** Also read the area checks (an extra query; only for single-value answers). */
  withArea?: boolean;
}

/** `${unitId}|${indicator}|${periodId}` */
export const cellId = (unitId: number, indicator: string, period: string) => `${unitId}|${indicator}|${period}`;

/** A kept total: the asked basis in full, and the value of every basis (approved, submitted, all). */
export interface KeptTotal extends RollupTotal {
  byBasis: Array<number | null>;
}

const empty = (unitId: number): KeptTotal => ({ unitId, value: null, estimated: false, estimatedCount: 0, counted: 0, setAside: 0, notAllocated: 0, area: null, byBasis: [null, null, null] });

const kept = (unitId: number, basis: (i: number) => StoredTotal, b: number): KeptTotal => {
  const t = basis(b);
  return {
    unitId, value: t.value, estimated: t.estimated, estimatedCount: t.estimated ? 1 : 0, counted: t.counted, setAside: t.setAside,
    notAllocated: t.notAllocated, area: null, byBasis: BASES.map((_, i) => basis(i).value),
  };
};

/**
 * Totals for every unit × indicator × period asked (missing ones are empty totals), or null when
 * the totals cannot answer this question.
 */
export async function readCells(ctx: Ctx, h: Hierarchy, q: CellQuery): Promise<Map<string, KeptTotal> | null> {
  return read(ctx, h, q, h);
}

/**
 * `readCells` for units above the communes only (their totals are all in the table), with the
 * placement days alone: `danvan value` answers without loading the hierarchy.
 */
export async function readKeptCells(ctx: Ctx, dates: PlacementDates, q: CellQuery): Promise<Map<string, KeptTotal> | null> {
  return read(ctx, dates, q, null);
}

async function read(ctx: Ctx, dates: PlacementDates, q: CellQuery, h: Hierarchy | null): Promise<Map<string, KeptTotal> | null> {
  if (!(await totalsUsable(ctx, dates))) return null;
  const now = ctx.today();
  const byStructure = new Map<number, Period[]>();
  for (const p of q.periods) {
    const s = structureFor(dates, p, q.asOf, now);
    if (s === null) return null;
    (byStructure.get(s) ?? byStructure.set(s, []).get(s)!).push(p);
  }
  const b = BASES.indexOf(q.basis);
  const inTable = h ? q.unitIds.filter((u) => keptTarget(h, u)) : [...q.unitIds];
  const leaves = h ? q.unitIds.filter((u) => !keptTarget(h, u)) : [];
  const out = new Map<string, KeptTotal>();
  for (const u of q.unitIds) for (const i of q.indicators) for (const p of q.periods) out.set(cellId(u, i, p.id), empty(u));
  for (const [structure, periods] of byStructure) {
    const ids = periods.map((p) => p.id);
    for (const r of await readTotals(ctx.db, { structure, unitIds: inTable, indicators: q.indicators, periods: ids, disagg: q.disagg })) {
      out.set(cellId(r.unit_id, r.indicator, r.period), kept(r.unit_id, (i) => basisOf(r, i), b));
    }
    const corrections = q.withArea || leaves.length
      ? await readCorrectionRows(ctx.db, { structure, targets: q.withArea ? q.unitIds : leaves, indicators: q.indicators, periods: ids, disagg: q.disagg })
      : [];
    if (h && leaves.length) {
      const leafSet = new Set(leaves);
      // The as-of day reads the same placements as the structure's own day (structureFor).
      const vecs = await leafVectors(ctx, h, { structure, date: q.asOf, targets: leaves, indicators: q.indicators, periods, disagg: q.disagg }, corrections.filter((c) => leafSet.has(c.unitId)));
      for (const [key, v] of vecs) {
        const unitId = Number(key.slice(0, key.indexOf("|")));
        out.set(key, kept(unitId, (i) => basisOfVec(v, i), b));
      }
    }
    if (q.withArea) {
      for (const c of corrections) {
        const area = c.area[b] ?? null;
        const cell = out.get(cellId(c.unitId, c.indicator, c.period));
        if (cell && area) cell.area = area;
      }
    }
  }
  return out;
}
