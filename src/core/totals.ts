/**
 * Maintained totals, the pure part. A total is kept for every (structure, unit above the
 * communes, indicator, standard period, disaggregation) and answers three bases at once: approved figures only,
 * submitted and approved, all (drafts included). The totals table is kept equal to a fresh
 * roll-up (src/core/rollup.ts) by adding deltas:
 *
 * - `unitContribution`: what one unit's own figures (or, where it reported nothing in a period,
 *   its register counts) give each standard period of a year, per basis — the same choice the
 *   roll-up makes within one unit (a year over its months, a total over its breakdown).
 * - `placementParts` (placements.ts): where those land in the structure of a date (the unit itself, or the units
 *   it became, by share), and the chain of totals above.
 * - area totals set aside the figures below them: their corrections are in totals-area.ts.
 */
import type { Hierarchy, PlacementDates } from "./hierarchy.ts";
import type { Part } from "./placements.ts";
import { periodContains, periodRange, periodsWithin, yearPeriod, type Period } from "./period.ts";
import { resolveUnitFacts, type FigureFact } from "./rollup.ts";
import { disaggCovers, parseDisagg, disaggKey } from "./disagg.ts";

/** Which figures a total counts: approved reports only, submitted or approved, or all (drafts included). */
export type Basis = "approved" | "submitted" | "all";
export const BASES: readonly Basis[] = ["approved", "submitted", "all"];

/** The state of the report that covers a figure (the unit's report for its period or a longer one). */
export type ReportState = "approved" | "submitted" | "draft";
const STATE_RANK: Record<ReportState, number> = { draft: 0, submitted: 1, approved: 2 };
const BASIS_NEED: Record<Basis, number> = { all: 0, submitted: 1, approved: 2 };

/** True when a figure in a report of this state counts in the basis. */
export function visibleIn(state: ReportState, basis: Basis): boolean {
  return STATE_RANK[state] >= BASIS_NEED[basis];
}

/** The stronger of two report states (approved > submitted > draft). */
export function strongerState(a: ReportState, b: ReportState): ReportState {
  return STATE_RANK[a] >= STATE_RANK[b] ? a : b;
}

/** A stored figure with the state of the report covering it. */
export interface StatedFact extends FigureFact {
  state: ReportState;
}

/** A value counted from the registers for one unit and one standard period. */
export interface CountFact {
  period: Period;
  disagg: string;
  value: number;
  state: ReportState;
}

/** Fields of one basis in a vector; a vector holds the three bases in BASES order. */
export const F = { value: 0, counted: 1, setAside: 2, notAllocated: 3, estimated: 4 } as const;
export const FIELDS = 5;
export const WIDTH = FIELDS * BASES.length;

/**
 * A total's numbers: for each basis value, counted, set aside, not allocated, estimated (counts).
 * A plain array: V8 keeps it on the heap, where a 15-wide Float64Array gets a buffer of its own
 * outside it (allocating 2M of them took ~7 times as long as arrays; a 1M-line import's rebuild
 * allocates about that many).
 */
export type Vec = number[];
if (WIDTH !== 15) throw new Error("zeroVec's literal must have WIDTH zeros");
/** A zero vector. */
export const zeroVec = (): Vec => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

/** True when every number of the vector is zero (against float noise): a total nothing changed. */
export const isZeroVec = (v: ArrayLike<number>): boolean => {
  for (let i = 0; i < v.length; i++) if (Math.abs(v[i]!) >= 1e-9) return false;
  return true;
};

/** `${periodId}|${disagg}` */
export type CellKey = string;
/** Cells of one unit's contribution (or of one target's totals) keyed by period and disaggregation. */
export type Cells = Map<CellKey, Vec>;

const periodsCache = new Map<number, Period[]>();
/** The 20 standard periods of a year (year, 9 months, halves, quarters, months). */
export function standardPeriods(year: number): Period[] {
  let ps = periodsCache.get(year);
  if (!ps) periodsCache.set(year, (ps = periodsWithin(yearPeriod(year))));
  return ps;
}

const subKeyCache = new Map<string, string[]>();
/** Every disaggregation a figure of `disagg` counts toward: "", each option, each combination. */
export function disaggSubKeys(disagg: string): string[] {
  let keys = subKeyCache.get(disagg);
  if (!keys) {
    const pairs = [...parseDisagg(disagg)];
    keys = [];
    for (let mask = 0; mask < 1 << pairs.length; mask++) keys.push(disaggKey(new Map(pairs.filter((_, i) => mask & (1 << i)))));
    if (subKeyCache.size > 10_000) subKeyCache.clear();
    subKeyCache.set(disagg, keys);
  }
  return keys;
}

function addAccepted(v: Vec, b: number, accepted: readonly FigureFact[], setAside: number): void {
  const o = b * FIELDS;
  for (const a of accepted) {
    const w = a.count ?? 1;
    v[o + F.value]! += a.value;
    v[o + F.counted]! += w;
    if (a.estimated) v[o + F.estimated]! += w;
  }
  v[o + F.setAside]! += setAside;
}

/**
 * What one unit's figures give each standard period of `year`, per basis (not yet placed:
 * `notAllocated` stays 0). Area totals are left out (see `areaCorrections`), but a unit with only
 * an area total in a period still counts as reporting there, so its register counts stay out, as
 * in the roll-up. Only non-empty cells are returned; with `only`, only those of the standard
 * periods it names (a read that needs a few).
 */
export function unitContribution(facts: readonly StatedFact[], counts: readonly CountFact[], year: number, only?: ReadonlySet<string>): Cells {
  const out: Cells = new Map();
  if (facts.length === 0 && counts.length === 0) return out;
  const periods = standardPeriods(year);
  const cell = (key: CellKey) => {
    let v = out.get(key);
    if (!v) out.set(key, (v = zeroVec()));
    return v;
  };
  let lastFacts = -1;
  let lastCounts = -1;
  for (const [b, basis] of BASES.entries()) {
    const visible = facts.filter((f) => visibleIn(f.state, basis));
    const countsVisible = counts.filter((c) => c.value !== 0 && visibleIn(c.state, basis));
    // Bases nest (approved ⊆ submitted ⊆ all): the same number visible means the same figures.
    if (visible.length === lastFacts && countsVisible.length === lastCounts) {
      for (const v of out.values()) v.copyWithin(b * FIELDS, (b - 1) * FIELDS, b * FIELDS);
      continue;
    }
    lastFacts = visible.length;
    lastCounts = countsVisible.length;
    // Each figure lands in the (at most five) standard periods that hold it.
    const inP: FigureFact[][] = periods.map(() => []);
    for (const f of visible) for (const i of holders(year, f.period)) inP[i]!.push(f);
    for (const [i, P] of periods.entries()) {
      if (only && !only.has(P.id)) continue;
      let cands: FigureFact[];
      if (inP[i]!.length) cands = inP[i]!.filter((f) => f.kind === "own");
      else {
        cands = [];
        for (const c of countsVisible) {
          if (c.period.id === P.id) cands.push({ id: -(cands.length + 1), unitId: 0, period: P, disagg: c.disagg, kind: "own", value: c.value, estimated: false });
        }
      }
      if (cands.length === 0) continue;
      const first = cands[0]!.disagg;
      if (cands.every((f) => f.disagg === first)) {
        // One breakdown (the usual case): every sub-key gets the same resolution.
        const { accepted, setAside } = resolveUnitFacts(cands);
        for (const d of disaggSubKeys(first)) addAccepted(cell(`${P.id}|${d}`), b, accepted, setAside);
        continue;
      }
      const keys = new Set<string>();
      for (const f of cands) for (const k of disaggSubKeys(f.disagg)) keys.add(k);
      for (const d of keys) {
        const cd = d === "" ? cands : cands.filter((f) => disaggCovers(f.disagg, d));
        const { accepted, setAside } = resolveUnitFacts(cd);
        addAccepted(cell(`${P.id}|${d}`), b, accepted, setAside);
      }
    }
  }
  return out;
}

const holderCache = new Map<string, number[]>();
/** Indexes (into `standardPeriods(year)`) of the standard periods that hold `p`. */
function holders(year: number, p: Period): number[] {
  const key = `${year}|${p.id}`;
  let h = holderCache.get(key);
  if (!h) {
    h = [];
    for (const [i, P] of standardPeriods(year).entries()) if (periodContains(P, p)) h.push(i);
    holderCache.set(key, h);
  }
  return h;
}

/**
 * Adds `sign` × a unit's contribution to the totals it reaches through `part`, into `acc`
 * (target → cells). Values take the part's share; a part that could not be placed exactly counts
 * as not allocated. `chain`: the totals reached, when not all of the part's (`keptChain`).
 */
export function addToChain(acc: Map<number, Cells>, part: Part, cells: Cells, sign: 1 | -1, only?: (key: CellKey) => boolean, chain: readonly number[] = part.chain): void {
  for (const [key, v] of cells) {
    if (only && !only(key)) continue;
    for (const t of chain) {
      let tc = acc.get(t);
      if (!tc) acc.set(t, (tc = new Map()));
      let w = tc.get(key);
      if (!w) tc.set(key, (w = zeroVec()));
      for (let b = 0; b < BASES.length; b++) {
        const o = b * FIELDS;
        w[o + F.value]! += sign * v[o + F.value]! * part.share;
        w[o + F.counted]! += sign * v[o + F.counted]!;
        w[o + F.setAside]! += sign * v[o + F.setAside]!;
        w[o + F.estimated]! += sign * v[o + F.estimated]!;
        if (!part.exact) w[o + F.notAllocated]! += sign * v[o + F.counted]!;
      }
    }
  }
}

/** One unit's stored figures and register counts for one indicator and year. */
export interface UnitYear {
  facts: readonly StatedFact[];
  counts: readonly CountFact[];
}

/** A unit's report for a period and its workflow status (draft, submitted, approved, returned). */
export interface ReportStatus {
  period: Period;
  status: string;
}

/**
 * The state of the report covering a figure of period `p`: its unit's report for `p` or for any
 * period holding it (an approved quarter report approves its months).
 */
export function reportStateOf(reports: readonly ReportStatus[], p: Period): ReportState {
  let s: ReportState = "draft";
  for (const r of reports) {
    if (!periodContains(r.period, p)) continue;
    if (r.status === "approved") return "approved";
    if (r.status === "submitted") s = "submitted";
  }
  return s;
}

/** Structure ids in the totals table. */
export const AS_REPORTED = 0;
export const AS_NOW = 1;

/**
 * The structures a period's totals are kept in: as reported (the units of the period's last day)
 * always, and as now (`now`'s units) when some figure would be placed differently then.
 */
export function structuresOf(h: Hierarchy, period: Period, now: string): Array<{ structure: number; date: string }> {
  const end = periodEndDate(period);
  const out = [{ structure: AS_REPORTED, date: end }];
  if (!h.samePlacements(end, now)) out.push({ structure: AS_NOW, date: now });
  return out;
}

/**
 * Which stored structure answers a question in the structure of `asOf` for `period`, or null when
 * neither does (a date between the period's end and today across a change: computed afresh).
 */
export function structureFor(h: PlacementDates, period: Period, asOf: string, now: string): number | null {
  const end = periodEndDate(period);
  if (h.samePlacements(asOf, end)) return AS_REPORTED;
  if (h.samePlacements(asOf, now)) return AS_NOW;
  return null;
}

/** The last calendar day of a period (the date "as reported" reads the structure at). */
export function periodEndDate(p: Period): string {
  return periodRange(p).end;
}
