/**
 * Corrections of kept totals that area totals touch (docs/ROLLUP.md: an area total stands for the
 * units it covers, and the sum of parts is corrected by it): recomputed from the covered units'
 * figures when one of them changes, written, and their change added to the deltas.
 */
import type { Ctx } from "../context.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import type { Period } from "../core/period.ts";
import { standardPeriods, structuresOf, zeroVec, WIDTH, type UnitYear } from "../core/totals.ts";
import { placementParts } from "../core/placements.ts";
import { areaCorrections, areaTargets, coveredUnits } from "../core/totals-area.ts";
import { figureSources } from "../plugins.ts";
import { areaUnits, readCorrectionsOfYear, slotKey, unitsWithFigures, writeCorrectionsOf, type SlotKey, type StoredCorrection } from "./totals.repository.ts";
import type { Deltas } from "./totals.deltas.ts";
import { loadUnitYears } from "./totals.load.ts";

/** A unit-year a transaction changed, and whether it held an area total before and after. */
export interface ChangedUnitYear {
  key: SlotKey;
  wasArea: boolean;
  area: boolean;
}

/**
 * Recomputes the corrections of totals that an area total of this indicator-year touches and that
 * hold one of the changed units; adds the change of each correction to the deltas. `area`: the
 * units with an area total of the indicator-year now, when the caller read them (with other groups').
 */
export async function settleCorrections(tx: Ctx, h: Hierarchy, now: string, changed: readonly ChangedUnitYear[], deltas: Deltas, area?: ReadonlySet<number>): Promise<void> {
  const { indicator, year } = changed[0]!.key;
  const after: ReadonlySet<number> = area ?? (await areaUnits(tx.db, indicator, year));
  const before = new Set(after);
  for (const c of changed) {
    if (c.wasArea && !c.area) before.add(c.key.unitId);
    if (!c.wasArea && c.area) before.delete(c.key.unitId);
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
      for (const c of changed) for (const part of placementParts(h, c.key.unitId, s.date)) for (const t of part.chain) if (touched.has(t)) targets.add(t);
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
