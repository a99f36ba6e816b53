/**
 * Reading maintained totals: many units × indicators × periods in one query per structure. A
 * question is answered from the totals when they are ready for today's structure and its as-of
 * date reads the structure of the period's end (as reported) or of today (as now); otherwise the
 * caller computes it afresh from the figures (src/figures/rollup.service.ts).
 */
import type { Ctx } from "../context.ts";
import type { PlacementDates } from "../core/hierarchy.ts";
import type { Period } from "../core/period.ts";
import type { AreaCheck, RollupTotal } from "../core/rollup.ts";
import { BASES, structureFor, type Basis } from "../core/totals.ts";
import { basisOf, readTotals } from "./totals.repository.ts";
import { totalsUsable } from "./totals.rebuild.ts";

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

/**
 * Totals for every unit × indicator × period asked (missing ones are empty totals), or null when
 * the maintained totals cannot answer this question.
 */
export async function readCells(ctx: Ctx, h: PlacementDates, q: CellQuery): Promise<Map<string, KeptTotal> | null> {
  if (!(await totalsUsable(ctx, h))) return null;
  const now = ctx.today();
  const byStructure = new Map<number, string[]>();
  for (const p of q.periods) {
    const s = structureFor(h, p, q.asOf, now);
    if (s === null) return null;
    (byStructure.get(s) ?? byStructure.set(s, []).get(s)!).push(p.id);
  }
  const b = BASES.indexOf(q.basis);
  const out = new Map<string, KeptTotal>();
  for (const u of q.unitIds) for (const i of q.indicators) for (const p of q.periods) out.set(cellId(u, i, p.id), empty(u));
  for (const [structure, periods] of byStructure) {
    const rows = await readTotals(ctx.db, { structure, unitIds: q.unitIds, indicators: q.indicators, periods, disagg: q.disagg });
    for (const r of rows) {
      const t = basisOf(r, b);
      out.set(cellId(r.unit_id, r.indicator, r.period), {
        unitId: r.unit_id, value: t.value, estimated: t.estimated, estimatedCount: t.estimated ? 1 : 0, counted: t.counted, setAside: t.setAside,
        notAllocated: t.notAllocated, area: null, byBasis: BASES.map((_, i) => basisOf(r, i).value),
      });
    }
    if (q.withArea) {
      let sel = ctx.db.selectFrom("total_corrections").select(["unit_id", "indicator", "period", "data"])
        .where("structure", "=", structure).where("disagg", "=", q.disagg).where("period", "in", periods).where("indicator", "in", [...q.indicators]);
      sel = sel.where("unit_id", "in", [...q.unitIds]);
      for (const r of await sel.execute()) {
        const area = (JSON.parse(r.data) as { area: Array<AreaCheck | null> }).area[b] ?? null;
        const cell = out.get(cellId(r.unit_id, r.indicator, r.period));
        if (cell && area) cell.area = area;
      }
    }
  }
  return out;
}
