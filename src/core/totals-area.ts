/**
 * Area totals in maintained totals ("19 cuộc đối thoại" for a whole district): they set aside the
 * figures below them. Only the units they cover interact, so a target's total is the simple sum of
 * everyone else plus a full roll-up of those units; the correction is that roll-up minus their
 * simple sum. Property-tested against `rollupSum` in src/totals/totals.test.ts.
 */
import type { Hierarchy } from "./hierarchy.ts";
import { periodContains, type Period } from "./period.ts";
import { rollupSum, type AreaCheck, type FigureFact } from "./rollup.ts";
import { addToChain, BASES, disaggSubKeys, F, FIELDS, unitContribution, visibleIn, zeroVec, type CellKey, type Cells, type UnitYear, type Vec } from "./totals.ts";
import { placementParts, type Part } from "./placements.ts";

/** True when the part lands in the subtree of `target`. */
const inside = (part: Part, target: number) => part.chain.includes(target);

/**
 * The units a target's correction must roll up in full: those with a part inside the target that
 * an area total inside the target covers (or that hold one). `units` lists the candidates (every
 * unit with figures or counts for the indicator and year); `areaUnits` the units with an area total.
 */
export function coveredUnits(h: Hierarchy, date: string, target: number, units: Iterable<number>, areaUnits: ReadonlySet<number>): number[] {
  const areaInside = new Set<number>();
  for (const x of areaUnits) if (placementParts(h, x, date).some((p) => inside(p, target))) areaInside.add(x);
  if (areaInside.size === 0) return [];
  const out: number[] = [];
  for (const u of units) {
    const parts = placementParts(h, u, date).filter((p) => inside(p, target));
    if (parts.length === 0) continue;
    if (areaInside.has(u) || parts.some((p) => p.coverers.some((c) => areaInside.has(c)))) out.push(u);
  }
  return out;
}

/** The targets whose totals an area total of one of `areaUnits` can change, in the structure of `date`. */
export function areaTargets(h: Hierarchy, date: string, areaUnits: Iterable<number>): Set<number> {
  const out = new Set<number>();
  for (const x of areaUnits) for (const p of placementParts(h, x, date)) for (const t of p.chain) out.add(t);
  return out;
}

/** A target's correction for one cell: numbers to add to its simple sum, and its own area check per basis. */
export interface Correction {
  vec: Vec;
  area: Array<AreaCheck | null>;
}

/**
 * The corrections of `target` for every cell of `period` in the structure of `date`: the full
 * roll-up of the covered units minus their simple (placed) contributions. `data` must hold every
 * covered unit (see `coveredUnits`); empty when no area total lies inside the target.
 */
export function areaCorrections(h: Hierarchy, date: string, target: number, period: Period, data: ReadonlyMap<number, UnitYear>, covered: readonly number[]): Map<string, Correction> {
  const out = new Map<string, Correction>();
  if (covered.length === 0) return out;
  // Simple part: the covered units' contributions placed inside the target.
  const simple = new Map<number, Cells>();
  const disaggs = new Set<string>([""]);
  for (const u of covered) {
    const d = data.get(u);
    if (!d) continue;
    for (const f of d.facts) for (const k of disaggSubKeys(f.disagg)) disaggs.add(k);
    for (const c of d.counts) for (const k of disaggSubKeys(c.disagg)) disaggs.add(k);
    const cells = unitContribution(d.facts, d.counts, period.year);
    for (const part of placementParts(h, u, date)) if (inside(part, target)) addToChain(simple, { ...part, chain: [target] }, cells, 1, (k) => k.startsWith(`${period.id}|`));
  }
  const simpleCells = simple.get(target) ?? new Map<CellKey, Vec>();
  for (const d of disaggs) {
    const vec = zeroVec();
    const area: Array<AreaCheck | null> = [];
    let any = false;
    for (const [b, basis] of BASES.entries()) {
      const facts: FigureFact[] = [];
      for (const u of covered) {
        const ud = data.get(u);
        if (!ud) continue;
        const visible = ud.facts.filter((f) => visibleIn(f.state, basis));
        facts.push(...visible);
        if (!visible.some((f) => periodContains(period, f.period))) {
          for (const c of ud.counts) {
            if (c.period.id === period.id && c.value !== 0 && visibleIn(c.state, basis)) {
              facts.push({ id: -(facts.length + 1), unitId: u, period, disagg: c.disagg, kind: "own", value: c.value, estimated: false });
            }
          }
        }
      }
      const full = rollupSum(facts, [target], { hierarchy: h, asOf: date, period, disagg: d }).get(target)!;
      const s = simpleCells.get(`${period.id}|${d}`);
      const o = b * FIELDS;
      vec[o + F.value] = (full.value ?? 0) - (s?.[o + F.value] ?? 0);
      vec[o + F.counted] = full.counted - (s?.[o + F.counted] ?? 0);
      vec[o + F.setAside] = full.setAside - (s?.[o + F.setAside] ?? 0);
      vec[o + F.notAllocated] = full.notAllocated - (s?.[o + F.notAllocated] ?? 0);
      vec[o + F.estimated] = full.estimatedCount - (s?.[o + F.estimated] ?? 0);
      area.push(full.area);
      if (full.area || vec.slice(o, o + FIELDS).some((x) => x !== 0)) any = true;
    }
    if (any) out.set(d, { vec, area });
  }
  return out;
}
