/**
 * A commune's or a village's totals, computed when asked. Kept in the table they were 70 % of its
 * rows and of an import's writes, while any one of them is the sum of a few figures: the unit's
 * own, its villages', and its predecessors' through lineage (at most ~20 rows per indicator-year
 * each). They are summed here by the same core that keeps the totals above them (each unit's
 * `unitContribution` placed by `placementParts`), plus the area corrections still kept for them,
 * so they equal what a kept total would hold.
 */
import type { Ctx } from "../context.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import type { Period } from "../core/period.ts";
import { addToChain, unitContribution, WIDTH, zeroVec, type Cells, type Vec } from "../core/totals.ts";
import { keptTarget, placementParts, type Part } from "../core/placements.ts";
import { slotKey, type CorrectionRow, type SlotKey } from "./totals.repository.ts";
import { loadUnitYears } from "./totals.load.ts";
import { ComputedCells, readStamps } from "./totals.versions.ts";

const sourcesCache = new WeakMap<Hierarchy, Map<number, Map<number, number[]>>>();

/** The units whose figures land in each computed (not kept) target in the structure of `date`; cached per hierarchy and epoch. */
export function leafSources(h: Hierarchy, date: string): Map<number, number[]> {
  let byEpoch = sourcesCache.get(h);
  if (!byEpoch) sourcesCache.set(h, (byEpoch = new Map()));
  const epoch = h.epochIndex(date);
  let m = byEpoch.get(epoch);
  if (!m) {
    m = new Map();
    for (const u of h.all()) {
      for (const part of placementParts(h, u.id, date)) {
        for (const t of part.chain) {
          if (keptTarget(h, t)) continue;
          const list = m.get(t) ?? m.set(t, []).get(t)!;
          if (list.at(-1) !== u.id) list.push(u.id);
        }
      }
    }
    byEpoch.set(epoch, m);
  }
  return m;
}

export interface LeafQuery {
  structure: number;
  /** The day whose placements the structure reads. */
  date: string;
  targets: readonly number[];
  indicators: readonly string[];
  periods: readonly Period[];
  disagg: string;
}

/**
 * The numbers of computed targets (`${unitId}|${indicator}|${periodId}` → vector), as a kept total
 * would hold them: the placed contributions of every unit landing inside, plus the target's kept
 * area corrections (`corrections`: the caller reads them, with their area checks). Cells with
 * nothing are left out. What was computed is kept per server while its versions stand
 * (totals.versions.ts); the corrections are added afresh.
 */
export async function leafVectors(ctx: Ctx, h: Hierarchy, q: LeafQuery, corrections: readonly CorrectionRow[]): Promise<Map<string, Vec>> {
  const out = new Map<string, Vec>();
  if (q.targets.length === 0 || q.indicators.length === 0 || q.periods.length === 0) return out;
  // The versions first: what is computed below is at least as new as the stamps it is kept under.
  const stamps = await readStamps(ctx.db, q.indicators, [...new Set(q.periods.map((p) => p.year))], q.targets);
  const kept = ComputedCells.of(h);
  const prefix = `${q.structure}|${h.epochIndex(q.date)}|${q.disagg}|`;
  const each = (f: (t: number, key: string, stamp: number) => void) => {
    for (const t of q.targets) for (const i of q.indicators) for (const p of q.periods) f(t, `${t}|${i}|${p.id}`, stamps.get(`${t}|${i}|${p.year}`)!);
  };
  // What is kept is taken before the computation's await: another request may replace it meanwhile.
  const hits = new Map<string, Vec | null>();
  const missing = new Set<number>();
  each((t, key, stamp) => {
    const vec = kept.get(`${prefix}${key}`, stamp);
    if (vec === undefined) missing.add(t);
    else hits.set(key, vec);
  });
  const computed = missing.size ? await computeLeaves(ctx, h, { ...q, targets: [...missing] }) : new Map<string, Vec>();
  each((t, key, stamp) => {
    const vec = missing.has(t) ? computed.get(key) ?? null : hits.get(key)!;
    if (missing.has(t)) kept.set(`${prefix}${key}`, stamp, vec);
    // A copy: the corrections below add to it, and the kept vector stays as computed.
    if (vec) out.set(key, vec.slice());
  });
  for (const c of corrections) {
    const key = `${c.unitId}|${c.indicator}|${c.period}`;
    const w = out.get(key) ?? out.set(key, zeroVec()).get(key)!;
    for (let i = 0; i < WIDTH; i++) w[i]! += c.vec[i] ?? 0;
  }
  return out;
}

/** The placed contributions of every unit landing in the targets (no corrections); cells with nothing left out. */
async function computeLeaves(ctx: Ctx, h: Hierarchy, q: LeafQuery): Promise<Map<string, Vec>> {
  const out = new Map<string, Vec>();
  const sources = leafSources(h, q.date);
  const wanted = new Set(q.targets);
  const units = new Set<number>();
  for (const t of q.targets) for (const u of sources.get(t) ?? []) units.add(u);
  const years = [...new Set(q.periods.map((p) => p.year))];
  const keys: SlotKey[] = [];
  for (const unitId of units) for (const indicator of q.indicators) for (const year of years) keys.push({ unitId, indicator, year });
  const periodIds = new Set(q.periods.map((p) => p.id));
  const cellKeys = new Set(q.periods.map((p) => `${p.id}|${q.disagg}`));
  const data = keys.length ? await loadUnitYears(ctx, keys, false, periodIds) : new Map();
  const add = (key: string, v: ArrayLike<number>) => {
    const w = out.get(key) ?? out.set(key, zeroVec()).get(key)!;
    for (let i = 0; i < WIDTH; i++) w[i]! += v[i] ?? 0;
  };
  // Where each unit lands among the targets (the same for all its indicators and years).
  const landing = new Map<number, Part[]>();
  const partsOf = (unitId: number) => {
    let parts = landing.get(unitId);
    if (!parts) {
      parts = placementParts(h, unitId, q.date).map((part) => ({ ...part, chain: part.chain.filter((t) => wanted.has(t)) })).filter((part) => part.chain.length > 0);
      landing.set(unitId, parts);
    }
    return parts;
  };
  for (const k of keys) {
    const d = data.get(slotKey(k));
    if (!d || (d.facts.length === 0 && d.counts.length === 0)) continue;
    const cells = unitContribution(d.facts, d.counts, k.year, periodIds);
    const acc = new Map<number, Cells>();
    for (const part of partsOf(k.unitId)) addToChain(acc, part, cells, 1, (key) => cellKeys.has(key));
    for (const [t, tc] of acc) for (const [ck, v] of tc) add(`${t}|${k.indicator}|${ck.slice(0, ck.indexOf("|"))}`, v);
  }
  return out;
}
