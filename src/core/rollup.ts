/**
 * Roll-up arithmetic: how figures of many units and periods add up to one total, without ever
 * counting an activity twice. See ../../docs/ROLLUP.md for the rules with examples.
 *
 * Each candidate figure is placed in the structure of the as-of date; then figures are taken in
 * priority order (longer period, higher unit, area total before own figure, less disaggregated)
 * and a figure is set aside when an accepted one already covers it: same unit, or an area total of
 * an ancestor, or (for an area total) an accepted figure below it — with overlapping periods and
 * disaggregations. The figure that stands is the one that covers more.
 */
import { LEVEL_DEPTH, type Hierarchy } from "./hierarchy.ts";
import { periodContains, periodLength, periodsOverlap, type Period } from "./period.ts";
import { disaggIncludes, disaggOverlap, parsedDisagg, parseDisagg } from "./disagg.ts";

export type FigureKind = "own" | "area";

export interface FigureFact {
  id: number;
  unitId: number;
  period: Period;
  /** Disaggregation key, "" for the total; "cat=opt;cat2=opt2" sorted by category. */
  disagg: string;
  kind: FigureKind;
  value: number;
  estimated: boolean;
  /**
   * How many stored figures this fact stands for (default 1): storage may sum a unit's figures of
   * one period type and one disaggregation, which can never set each other aside.
   */
  count?: number;
}

export interface RollupQuery {
  hierarchy: Hierarchy;
  /** The structure to count in (the hierarchy in force on this date). */
  asOf: string;
  period: Period;
  /** Only figures of this disaggregation (and finer); "" for the whole indicator. */
  disagg?: string;
}

export interface AreaCheck {
  /** The area total recorded for the unit itself. */
  areaTotal: number;
  /** What its sub-units and own figures add up to. */
  computedSum: number | null;
  difference: number | null;
}

export interface RollupTotal {
  unitId: number;
  /** null when no figure counts toward the total. */
  value: number | null;
  /** True when an estimated ("ước thực hiện") figure is included. */
  estimated: boolean;
  /** How many of the counted figures are estimates. */
  estimatedCount: number;
  /** Figures counted. */
  counted: number;
  /** Figures set aside because a figure that covers them stands. */
  setAside: number;
  /** Counted figures that could not be placed at a unit of their own level (splits, abolished units). */
  notAllocated: number;
  /** Present when an area total of the unit itself stands. */
  area: AreaCheck | null;
}

interface Placed {
  f: FigureFact;
  /** The unit for "same unit" conflicts: the figure's unit, or one share of a split unit. */
  slot: number;
  d: Map<string, string>;
  /** Unit in the as-of structure. */
  at: number;
  exact: boolean;
  /** Units whose area total covers this figure: ancestors in its own structure and in the as-of one. */
  coverers: number[];
  depth: number;
}

/** Places every figure once (placement computed once per unit); reused by every target of a query. */
export function placeFigures(figures: readonly FigureFact[], q: RollupQuery): Placed[] {
  const h = q.hierarchy;
  const qd = parseDisagg(q.disagg ?? "");
  const units = new Map<number, Array<Omit<Placed, "f" | "d"> & { share: number }> | null>();
  const out: Placed[] = [];
  for (const f of figures) {
    if (!periodContains(q.period, f.period)) continue;
    const d = parsedDisagg(f.disagg);
    if (qd.size && !disaggIncludes(d, qd)) continue;
    let u = units.get(f.unitId);
    if (u === undefined) {
      const unit = h.get(f.unitId);
      if (!unit) u = null;
      else {
        const p = h.placeAt(f.unitId, q.asOf);
        const own = h.ancestorsOf(f.unitId);
        const depth = LEVEL_DEPTH[unit.level];
        const place = (at: number, exact: boolean, slot: number, share: number) => {
          const extra = at === f.unitId ? [] : [at, ...h.ancestorsOf(at)];
          return { at, exact, slot, share, depth, coverers: extra.length ? [...new Set([...own, ...extra])] : own };
        };
        // A split with recorded shares: one placed part per successor, each its own "unit" for conflicts.
        u = p.shares ? p.shares.map((s, i) => place(s.unitId, true, -(f.unitId * 64 + i + 1), s.share)) : [place(p.unitId, p.exact, f.unitId, 1)];
      }
      units.set(f.unitId, u);
    }
    if (!u) continue;
    for (const part of u) {
      const { share, ...placed } = part;
      out.push({ f: share === 1 ? f : { ...f, value: f.value * share }, d, ...placed });
    }
  }
  return out;
}

/** Stored figures a placed fact stands for. */
const weight = (p: Placed) => p.f.count ?? 1;

const priority = (a: Placed, b: Placed) =>
  periodLength(b.f.period) - periodLength(a.f.period) ||
  a.depth - b.depth ||
  (a.f.kind === b.f.kind ? 0 : a.f.kind === "area" ? -1 : 1) ||
  a.d.size - b.d.size ||
  a.f.id - b.f.id;

const conflicts = (a: Placed, b: Placed) => periodsOverlap(a.f.period, b.f.period) && disaggOverlap(a.d, b.d);

/** Chooses the figures that stand among candidates already inside one target. */
function choose(cands: Placed[]): { accepted: Placed[]; setAside: number } {
  cands.sort(priority);
  const atUnit = new Map<number, Placed[]>();
  const below = new Map<number, Placed[]>();
  const accepted: Placed[] = [];
  let setAside = 0;
  for (const c of cands) {
    const uid = c.slot;
    let blocked = (atUnit.get(uid) ?? []).some((g) => conflicts(g, c));
    if (!blocked) {
      for (const a of c.coverers) {
        if ((atUnit.get(a) ?? []).some((g) => g.f.kind === "area" && conflicts(g, c))) {
          blocked = true;
          break;
        }
      }
    }
    if (!blocked && c.f.kind === "area") blocked = (below.get(uid) ?? []).some((g) => conflicts(g, c));
    if (blocked) {
      setAside += weight(c);
      continue;
    }
    accepted.push(c);
    (atUnit.get(uid) ?? atUnit.set(uid, []).get(uid)!).push(c);
    for (const a of c.coverers) (below.get(a) ?? below.set(a, []).get(a)!).push(c);
  }
  return { accepted, setAside };
}

function total(unitId: number, cands: Placed[]): RollupTotal {
  const { accepted, setAside } = choose(cands);
  let value: number | null = null;
  let estimatedCount = 0;
  let notAllocated = 0;
  let counted = 0;
  for (const a of accepted) {
    value = (value ?? 0) + a.f.value;
    counted += weight(a);
    if (a.f.estimated) estimatedCount += weight(a);
    if (!a.exact) notAllocated += weight(a);
  }
  let area: AreaCheck | null = null;
  const ownArea = accepted.filter((a) => a.slot === unitId && a.f.kind === "area");
  if (ownArea.length) {
    const rest = choose(cands.filter((c) => !(c.slot === unitId && c.f.kind === "area"))).accepted;
    const areaTotal = ownArea.reduce((s, a) => s + a.f.value, 0);
    const computed = rest.length ? rest.reduce((s, a) => s + a.f.value, 0) : null;
    area = { areaTotal, computedSum: computed, difference: computed === null ? null : areaTotal - computed };
  }
  return { unitId, value, estimated: estimatedCount > 0, estimatedCount, counted, setAside, notAllocated, area };
}

/**
 * Totals of a `sum` indicator for each target unit (units valid on the as-of date), from figures
 * anywhere in the hierarchy's history.
 */
export function rollupSum(figures: readonly FigureFact[], targets: readonly number[], q: RollupQuery): Map<number, RollupTotal> {
  const placed = placeFigures(figures, q);
  const h = q.hierarchy;
  const wanted = new Set(targets);
  if (placed.some((p) => p.f.kind === "area")) {
    const groups = new Map<number, Placed[]>(targets.map((t) => [t, []]));
    for (const p of placed) {
      if (wanted.has(p.at)) groups.get(p.at)!.push(p);
      for (const a of h.ancestorsOf(p.at)) if (wanted.has(a)) groups.get(a)!.push(p);
    }
    const out = new Map<number, RollupTotal>();
    for (const [t, cands] of groups) out.set(t, total(t, cands));
    return out;
  }
  // Without area totals, figures of different units never conflict, and all figures of a unit
  // land in the same targets: choose once per unit, then add the unit's sum to each target.
  const out = new Map<number, RollupTotal>(targets.map((t) => [t, { unitId: t, value: null, estimated: false, estimatedCount: 0, counted: 0, setAside: 0, notAllocated: 0, area: null }]));
  const byUnit = new Map<number, Placed[]>();
  for (const p of placed) {
    const g = byUnit.get(p.slot);
    if (g) g.push(p);
    else byUnit.set(p.slot, [p]);
  }
  for (const group of byUnit.values()) {
    const first = group[0]!;
    const reached: RollupTotal[] = [];
    const t0 = out.get(first.at);
    if (t0) reached.push(t0);
    for (const a of h.ancestorsOf(first.at)) {
      const t = out.get(a);
      if (t) reached.push(t);
    }
    if (reached.length === 0) continue;
    const { accepted, setAside } = group.length === 1 || !anyConflict(group) ? { accepted: group, setAside: 0 } : choose(group);
    let value = 0;
    let estimatedCount = 0;
    let counted = 0;
    for (const a of accepted) {
      value += a.f.value;
      counted += weight(a);
      if (a.f.estimated) estimatedCount += weight(a);
    }
    for (const t of reached) {
      t.value = (t.value ?? 0) + value;
      t.estimatedCount += estimatedCount;
      t.estimated = t.estimatedCount > 0;
      t.counted += counted;
      t.setAside += setAside;
      if (!first.exact) t.notAllocated += counted;
    }
  }
  return out;
}

/** True when some two figures of one unit overlap in period and disaggregation. */
function anyConflict(group: Placed[]): boolean {
  const first = group[0]!;
  // Same period type and same disaggregation: distinct periods of one type never overlap.
  if (group.every((g) => g.f.disagg === first.f.disagg && g.f.period.type === first.f.period.type)) return false;
  for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) if (conflicts(group[i]!, group[j]!)) return true;
  return false;
}

/**
 * Chooses among one unit's own figures (no area totals among them): a longer period stands over
 * the shorter ones inside it, a total over its breakdown, then the older figure — the same rules
 * `rollupSum` applies within one unit. Used by the maintained totals (src/core/totals.ts).
 */
export function resolveUnitFacts(facts: readonly FigureFact[]): { accepted: FigureFact[]; setAside: number } {
  if (facts.length < 2) return { accepted: [...facts], setAside: 0 };
  const first = facts[0]!;
  if (facts.every((f) => f.disagg === first.disagg && f.period.type === first.period.type)) return { accepted: [...facts], setAside: 0 };
  const items = facts.map((f) => ({ f, d: parsedDisagg(f.disagg) }));
  items.sort((a, b) => periodLength(b.f.period) - periodLength(a.f.period) || a.d.size - b.d.size || a.f.id - b.f.id);
  const accepted: typeof items = [];
  let setAside = 0;
  for (const c of items) {
    if (accepted.some((g) => periodsOverlap(g.f.period, c.f.period) && disaggOverlap(g.d, c.d))) setAside += c.f.count ?? 1;
    else accepted.push(c);
  }
  return { accepted: accepted.map((a) => a.f), setAside };
}

/**
 * A reported rate (a percentage given without its parts) is never added: the unit's value is its
 * own figure for exactly the period asked, or null.
 */
export function rateValue(figures: readonly FigureFact[], unitId: number, q: RollupQuery): RollupTotal {
  const own = figures.filter((f) => f.unitId === unitId && f.period.id === q.period.id && f.disagg === (q.disagg ?? ""));
  const f = own[0];
  return {
    unitId,
    value: f ? f.value : null,
    estimated: f?.estimated ?? false,
    estimatedCount: f?.estimated ? 1 : 0,
    counted: f ? 1 : 0,
    setAside: 0,
    notAllocated: 0,
    area: null,
  };
}

/** Ratio of two sums (never an average of ratios); null when the denominator is missing or 0. */
export function ratioOf(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null;
  return numerator / denominator;
}
