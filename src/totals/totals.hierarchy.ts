/**
 * Totals after a change of the hierarchy (a new unit, a lineage event, split shares): the figures
 * of every unit now placed differently move from the totals they counted in to the new ones, in
 * the same transaction. When the change moves the structure of today itself (a lineage event dated
 * on or before today), every "as now" total changes: the totals are rebuilt instead.
 */
import { hierarchyOf, type Ctx } from "../context.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import { areaTargets } from "../core/totals-area.ts";
import { addToChain, standardPeriods, structuresOf, unitContribution } from "../core/totals.ts";
import { placementParts, type Part } from "../core/placements.ts";
import { figureSources } from "../plugins.ts";
import { areaUnits, readCorrectionsOfYear, applyDeltas, slotKey, type SlotKey } from "./totals.repository.ts";
import { bumpGroups } from "./totals.versions.ts";
import { Deltas } from "./totals.deltas.ts";
import { loadUnitYears } from "./totals.load.ts";
import { correctTargets, type CorrectionWork } from "./totals.corrections.ts";
import { epochOf, rebuildTotals } from "./totals.rebuild.ts";

const samePart = (a: Part, b: Part) => a.at === b.at && a.share === b.share && a.exact === b.exact && a.chain.join() === b.chain.join() && a.coverers.join() === b.coverers.join();

/** Units whose figures land elsewhere (or under other totals) in `next` than in `prev`, on any day. */
export function movedUnits(prev: Hierarchy, next: Hierarchy, units: Iterable<number>, now: string): number[] {
  const dates = [...new Set(["0001-01-01", ...prev.placementChangeDates(), ...next.placementChangeDates(), now])];
  const out: number[] = [];
  for (const u of units) {
    for (const d of dates) {
      const a = placementParts(prev, u, d);
      const b = placementParts(next, u, d);
      if (a.length !== b.length || a.some((p, i) => !samePart(p, b[i]!))) {
        out.push(u);
        break;
      }
    }
  }
  return out;
}

/** Settles the totals after the hierarchy changed from `prev` to the current one (inside the change's transaction). */
export async function reconcileHierarchy(tx: Ctx, prev: Hierarchy): Promise<void> {
  const next = await hierarchyOf(tx);
  const now = tx.today();
  if (epochOf(prev, now) !== epochOf(next, now)) {
    await rebuildTotals(tx);
    return;
  }
  const moved = movedUnits(prev, next, new Set([...[...prev.all()].map((u) => u.id), ...[...next.all()].map((u) => u.id)]), now);
  if (moved.length === 0) return;
  // Every unit-year of the moved units with figures or records.
  const keys = new Map<string, SlotKey>();
  for (let i = 0; i < moved.length; i += 900) {
    const rows = await tx.db.selectFrom("figures").select(["unit_id", "indicator", "year"]).distinct().where("unit_id", "in", moved.slice(i, i + 900)).execute();
    for (const r of rows) keys.set(slotKey({ unitId: r.unit_id, indicator: r.indicator, year: r.year }), { unitId: r.unit_id, indicator: r.indicator, year: r.year });
  }
  for (const source of figureSources) {
    for (const indicator of source.indicators) {
      for (const r of await source.recordUnitYears(tx, indicator, moved)) {
        for (const year of [r.year, r.year + 1]) keys.set(slotKey({ unitId: r.unitId, indicator, year }), { unitId: r.unitId, indicator, year });
      }
    }
  }
  const affected = [...keys.values()];
  const deltas = new Deltas(next);
  const data = await loadUnitYears(tx, affected);
  for (const k of affected) {
    const d = data.get(slotKey(k))!;
    const cells = unitContribution(d.facts, d.counts, k.year);
    if (cells.size === 0) continue;
    for (const P of standardPeriods(k.year)) {
      const mine = new Map([...cells].filter(([key]) => key.startsWith(`${P.id}|`)));
      if (mine.size === 0) continue;
      for (const [h, sign] of [[prev, -1], [next, 1]] as const) {
        for (const s of structuresOf(h, P, now)) for (const part of placementParts(h, k.unitId, s.date)) addToChain(deltas.of(s.structure, k.indicator), part, mine, sign);
      }
    }
  }
  // Area corrections of the indicator-years the moved units touch: recompute every area target,
  // and clear those no longer reached.
  for (const g of new Set(affected.map((k) => `${k.indicator}|${k.year}`))) {
    const [indicator, y] = g.split("|");
    const year = Number(y);
    const area = await areaUnits(tx.db, indicator!, year);
    const stored = await readCorrectionsOfYear(tx.db, indicator!, standardPeriods(year).map((p) => p.id));
    if (area.size === 0 && stored.size === 0) continue;
    const work: CorrectionWork[] = [];
    for (const P of standardPeriods(year)) {
      for (const s of structuresOf(next, P, now)) {
        const targets = areaTargets(next, s.date, area);
        for (const key of stored.keys()) {
          const [st, unit, period] = key.split("|");
          if (Number(st) === s.structure && period === P.id) targets.add(Number(unit));
        }
        if (targets.size) work.push({ structure: s.structure, date: s.date, period: P, targets });
      }
    }
    await correctTargets(tx, next, indicator!, year, work, area, deltas);
  }
  await applyDeltas(tx.db, tx.database, deltas.rows());
  await bumpGroups(tx.db, affected);
}
