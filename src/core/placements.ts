/**
 * Pure: where a unit's figures land in the structure of a date (the unit itself, or the units it became, by share), the
 * chain of totals above each place, and which of those totals are kept in the table. Cached per hierarchy.
 */
import type { Hierarchy, UnitLevel } from "./hierarchy.ts";

/** One place a unit's figures land in a structure: a unit there, the share it takes, and the totals above. */
export interface Part {
  at: number;
  share: number;
  exact: boolean;
  /** `at` and its ancestors: every total the part adds to (shared: never changed). */
  chain: readonly number[];
  /** Units whose area total would cover the part's figures (as the roll-up's placement computes them). */
  coverers: readonly number[];
}

/**
 * Placements by epoch and unit, and chains by the unit they start at, per hierarchy. A rebuild places every unit of the
 * country in two epochs: as one string-keyed map of parts, each with a chain of its own and a filtered copy for the
 * kept totals (a WeakMap), that held 23.6 MB of a thread's heap (14,150 units, the hierarchy's own caches included);
 * with chains shared by the unit they start at and numeric keys, 16.0 MB.
 */
interface PartsCache {
  byEpoch: Map<number, Map<number, readonly Part[]>>;
  entries: number;
  chains: Map<number, number[]>;
  kept: Map<number, readonly number[]>;
}
const partsCache = new WeakMap<Hierarchy, PartsCache>();
const cacheOf = (h: Hierarchy): PartsCache => {
  let c = partsCache.get(h);
  if (!c) partsCache.set(h, (c = { byEpoch: new Map(), entries: 0, chains: new Map(), kept: new Map() }));
  return c;
};
/** `at` and its ancestors (shared by every part at `at`). */
function chainOf(h: Hierarchy, c: PartsCache, at: number): number[] {
  let chain = c.chains.get(at);
  if (!chain) c.chains.set(at, (chain = [at, ...h.ancestorsOf(at)]));
  return chain;
}

/** Where unit `unitId`'s figures count in the structure of `date` (cached per hierarchy). */
export function placementParts(h: Hierarchy, unitId: number, date: string): readonly Part[] {
  const c = cacheOf(h);
  // Placements are the same between two change dates: cache per epoch, not per day.
  const epoch = h.epochIndex(date);
  let cache = c.byEpoch.get(epoch);
  if (!cache) c.byEpoch.set(epoch, (cache = new Map()));
  let parts = cache.get(unitId);
  if (parts) return parts;
  if (!h.get(unitId)) parts = [];
  else {
    const p = h.placeAt(unitId, date);
    const own = h.ancestorsOf(unitId);
    const make = (at: number, share: number, exact: boolean): Part => {
      const chain = chainOf(h, c, at);
      return { at, share, exact, chain, coverers: at === unitId ? own : [...new Set([...own, ...chain])] };
    };
    parts = p.shares ? p.shares.map((s) => make(s.unitId, s.share, true)) : [make(p.unitId, 1, p.exact)];
  }
  // Chains and kept chains are one per unit; placements one per unit and epoch, so many epochs of a big hierarchy start again.
  if (++c.entries > 200_000) {
    c.byEpoch.clear();
    c.entries = 1;
    c.byEpoch.set(epoch, (cache = new Map()));
  }
  cache.set(unitId, parts);
  return parts;
}

/**
 * True when a target's totals are kept in the table: the country, provinces and (old) districts.
 * A commune's or a village's are computed when asked from the few figures that land in it
 * (src/totals/totals.leaves.ts): kept, they were 70 % of the table's rows and of an import's writes.
 */
export function keptTarget(h: Hierarchy, unitId: number): boolean {
  const level = h.get(unitId)?.level;
  return level !== undefined && keptLevel(level);
}

/** True for the levels whose totals are kept (see `keptTarget`). */
export const keptLevel = (level: UnitLevel): boolean => level === "country" || level === "province" || level === "district";

/** The kept totals of the chain above `at`, a part's unit (shared by every part there). */
export function keptChain(h: Hierarchy, at: number): readonly number[] {
  const c = cacheOf(h);
  let k = c.kept.get(at);
  if (!k) c.kept.set(at, (k = chainOf(h, c, at).filter((t) => keptTarget(h, t))));
  return k;
}
