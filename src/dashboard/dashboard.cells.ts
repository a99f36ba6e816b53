/**
 * The dashboard's cells: many indicators × units × periods in the structure of one day, from the
 * maintained totals when they can answer, else afresh from the figures (the same roll-up arithmetic
 * as /api/values, src/core/rollup.ts); reported rates are each unit's own figure.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Period } from "../core/period.ts";
import { ratioOf, rollupSum, type FigureFact } from "../core/rollup.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import type { Ctx } from "../context.ts";
import type { Indicator } from "../indicators/indicator.service.ts";
import { toFact } from "../figures/figure.repository.ts";
import { countedFacts, sourceUnits } from "../figures/rollup.service.ts";
import { reportStateOf, visibleIn, type Basis } from "../core/totals.ts";
import { cellId, readCells, type KeptTotal } from "../totals/totals.reader.ts";
import { loadReports } from "../totals/totals.repository.ts";

/** One rolled-up number; `ratio` only for indicators with a denominator ("34/37"). */
export interface Cell {
  value: number | null;
  ratio: number | null;
  estimated: boolean;
  /** The value counting approved reports only, and counting everything (drafts included): the approved share. */
  approved: number | null;
  all: number | null;
}

/** Facts of many indicators and years in one query, grouped by indicator (the afresh path). */
async function loadFacts(db: Kysely<DB>, indicators: string[], years: number[], units: number[] | null): Promise<Map<string, FigureFact[]>> {
  const out = new Map<string, FigureFact[]>(indicators.map((i) => [i, []]));
  if (units && units.length === 0) return out;
  let q = db.selectFrom("figures").select(["id", "unit_id", "indicator", "period", "disagg", "kind", "value", "status"])
    .where("indicator", "in", indicators).where("year", "in", [...new Set(years)]);
  if (units) q = q.where("unit_id", "in", units);
  for (const r of await q.execute()) out.get(r.indicator)?.push(toFact(r));
  return out;
}

/** A cell's value in one basis, for the "approved share" (null when unknown). */
const NO_BASES = { approved: null, all: null };

/** The cells of many units × indicators × periods. */
export type CellOf = (unitId: number, ind: Indicator, p: Period) => Cell;

/**
 * Cells of many indicators, units and periods in the structure of `asOf`: from the maintained
 * totals (one query per structure), or afresh from the figures when they cannot answer. Reported
 * rates are each unit's own figure for exactly the period.
 */
export async function table(ctx: Ctx, h: Hierarchy, inds: readonly Indicator[], targets: readonly number[], periods: readonly Period[], asOf: string, basis: Basis, scope: readonly UnitNode[]): Promise<CellOf> {
  const sums = [...new Set(inds.flatMap((i) => (i.aggregation === "rate" ? [] : [i.key, ...(i.denominator ? [i.denominator] : [])])))];
  const [rates, kept] = await Promise.all([
    rateCells(ctx, targets, inds.filter((i) => i.aggregation === "rate").map((i) => i.key), periods, basis),
    sums.length ? readCells(ctx, h, { unitIds: targets, indicators: sums, periods, asOf, disagg: "", basis }) : new Map<string, KeptTotal>(),
  ]);
  let total: (u: number, key: string, p: Period) => { value: number | null; estimated: boolean; approved: number | null; all: number | null };
  if (kept) {
    total = (u, key, p) => {
      const t = kept.get(cellId(u, key, p.id));
      return t ? { value: t.value, estimated: t.estimated, approved: t.byBasis[0] ?? null, all: t.byBasis[2] ?? null } : { value: null, estimated: false, ...NO_BASES };
    };
  } else {
    const units = sourceUnits(h, scope, asOf);
    const facts = await visibleFacts(ctx, await loadFacts(ctx.db, sums, periods.map((p) => p.year), units), basis);
    const memo = new Map<string, Map<number, { value: number | null; estimated: boolean }>>();
    const computed: Array<Promise<void>> = [];
    for (const key of sums) {
      for (const p of periods) {
        computed.push((async () => {
          const own = facts.get(key) ?? [];
          const all = [...own, ...(await countedFacts(ctx, key, p, units, own, basis))];
          memo.set(`${key}|${p.id}`, rollupSum(all, targets, { hierarchy: h, asOf, period: p, disagg: "" }));
        })());
      }
    }
    await Promise.all(computed);
    total = (u, key, p) => ({ ...(memo.get(`${key}|${p.id}`)?.get(u) ?? { value: null, estimated: false }), ...NO_BASES });
  }
  return (u, ind, p) => {
    if (ind.aggregation === "rate") return { value: rates.get(cellId(u, ind.key, p.id)) ?? null, ratio: null, estimated: false, ...NO_BASES };
    const n = total(u, ind.key, p);
    const d = ind.denominator ? total(u, ind.denominator, p) : null;
    return { value: n.value, ratio: d ? ratioOf(n.value, d.value) : null, estimated: n.estimated || !!d?.estimated, approved: n.approved, all: n.all };
  };
}

/** Figures that count in the basis (afresh path). */
async function visibleFacts(ctx: Ctx, facts: Map<string, FigureFact[]>, basis: Basis): Promise<Map<string, FigureFact[]>> {
  if (basis === "all") return facts;
  const reports = await loadReports(ctx.db, [...new Set([...facts.values()].flat().map((f) => f.unitId))]);
  return new Map([...facts].map(([k, list]) => [k, list.filter((f) => visibleIn(reportStateOf(reports.get(f.unitId) ?? [], f.period), basis))]));
}

/** Reported rates: each unit's own figure for exactly the period, in the basis. */
async function rateCells(ctx: Ctx, units: readonly number[], keys: readonly string[], periods: readonly Period[], basis: Basis): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (keys.length === 0 || units.length === 0) return out;
  const [rows, reports] = await Promise.all([
    ctx.db.selectFrom("figures").select(["unit_id", "indicator", "period", "value"])
      .where("unit_id", "in", [...units]).where("indicator", "in", [...keys]).where("period", "in", periods.map((p) => p.id)).where("disagg", "=", "").execute(),
    basis === "all" ? null : loadReports(ctx.db, [...units]),
  ]);
  const byId = new Map(periods.map((p) => [p.id, p]));
  for (const r of rows) {
    if (reports && !visibleIn(reportStateOf(reports.get(r.unit_id) ?? [], byId.get(r.period)!), basis)) continue;
    out.set(cellId(r.unit_id, r.indicator, r.period), r.value);
  }
  return out;
}
