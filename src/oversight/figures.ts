/**
 * The boards' activity as counted figures (like the registers, src/registers/figures.ts): each
 * supervision a Ban Thanh tra nhân dân or Ban Giám sát đầu tư của cộng đồng starts in a period is one
 * "cuộc giám sát" of `oversight.count` for its commune. The roll-up adds these counts to the
 * registers' own (a unit that reported the indicator keeps its reported figure).
 */
import type { Ctx } from "../context.ts";
import type { CountedFigure, FigureSource } from "../plugins.ts";
import { getSettings } from "../settings/settings.service.ts";
import { trackFigures } from "../totals/totals.tracker.ts";
import { chunks } from "../registers/common.ts";

export const OVERSIGHT_FEEDS: Readonly<Record<string, { rule: string }>> = {
  "oversight.count": { rule: "Số cuộc giám sát của Ban Thanh tra nhân dân và Ban Giám sát đầu tư của cộng đồng bắt đầu trong kỳ" },
};

async function count(ctx: Ctx, q: { indicator: string; unitIds: number[] | null; periodStart: string; periodEnd: string }): Promise<CountedFigure[]> {
  if (!OVERSIGHT_FEEDS[q.indicator] || (q.unitIds && q.unitIds.length === 0)) return [];
  const out: CountedFigure[] = [];
  for (const part of q.unitIds ? chunks(q.unitIds) : [null]) {
    let sel = ctx.db.selectFrom("oversight_items").select(["unit_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("started_on", ">=", q.periodStart).where("started_on", "<=", q.periodEnd).groupBy("unit_id");
    if (part) sel = sel.where("unit_id", "in", part);
    for (const r of await sel.execute()) out.push({ unitId: r.unit_id, value: Number(r.n), disagg: "" });
  }
  return out.sort((a, b) => a.unitId - b.unitId);
}

async function recordUnitYears(ctx: Ctx, indicator: string, unitIds: number[] | null): Promise<Array<{ unitId: number; year: number }>> {
  if (!OVERSIGHT_FEEDS[indicator] || (unitIds && unitIds.length === 0)) return [];
  const out: Array<{ unitId: number; year: number }> = [];
  for (const part of unitIds ? chunks(unitIds) : [null]) {
    let q = ctx.db.selectFrom("oversight_items").select(["unit_id", (eb) => eb.fn("substr", [eb.ref("started_on"), eb.val(1), eb.val(4)]).as("y")]).distinct();
    if (part) q = q.where("unit_id", "in", part);
    for (const r of await q.execute()) out.push({ unitId: r.unit_id, year: Number(r.y) });
  }
  return out;
}

export const oversightSource: FigureSource = { indicators: new Set(Object.keys(OVERSIGHT_FEEDS)), count, recordUnitYears };

/** Inside a transaction, before a supervised item appears, changes or goes: its totals are settled before the commit. */
export async function trackOversight(tx: Ctx, unitId: number, dates: ReadonlyArray<string | null | undefined>): Promise<void> {
  const { cutoffDay } = await getSettings(tx.db);
  const years = new Set<number>();
  for (const d of dates) {
    if (!d) continue;
    years.add(Number(d.slice(0, 4)));
    if (cutoffDay > 1) years.add(Number(d.slice(0, 4)) + 1);
  }
  const keys = Object.keys(OVERSIGHT_FEEDS).flatMap((indicator) => [...years].map((year) => ({ unitId, indicator, year })));
  if (keys.length) await trackFigures(tx, keys);
}
