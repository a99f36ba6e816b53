/**
 * Changes to the kept totals, gathered before they are written: a unit's changed cells placed in
 * every kept total above it, in every structure their periods are kept in.
 */
import type { Hierarchy } from "../core/hierarchy.ts";
import { standardPeriods, structuresOf, addToChain, type CellKey, type Cells, type Vec } from "../core/totals.ts";
import { keptChain, keptTarget, placementParts } from "../core/placements.ts";
import type { Period } from "../core/period.ts";
import type { SlotKey, TotalDelta } from "./totals.repository.ts";

/** Cells grouped by period id. */
function byPeriod(cells: Cells): Map<string, Cells> {
  const out = new Map<string, Cells>();
  for (const [key, v] of cells) {
    const p = key.slice(0, key.indexOf("|"));
    (out.get(p) ?? out.set(p, new Map()).get(p)!).set(key, v);
  }
  return out;
}

/**
 * Accumulated changes: structure → indicator → target → cells. Only kept targets (`keptTarget`)
 * come out as rows: a commune's area corrections still add to its cells here, and are dropped.
 */
export class Deltas {
  readonly byStructure = new Map<number, Map<string, Map<number, Cells>>>();
  constructor(private readonly h: Hierarchy) {}
  /** The target map of one structure and indicator. */
  of(structure: number, indicator: string): Map<number, Cells> {
    let s = this.byStructure.get(structure);
    if (!s) this.byStructure.set(structure, (s = new Map()));
    let i = s.get(indicator);
    if (!i) s.set(indicator, (i = new Map()));
    return i;
  }
  /** Adds a change to one total (a row as `rows` gives them). */
  add(d: TotalDelta): void {
    const acc = this.of(d.structure, d.indicator);
    let cells = acc.get(d.unitId);
    if (!cells) acc.set(d.unitId, (cells = new Map()));
    const key = `${d.period}|${d.disagg}`;
    const v = cells.get(key);
    if (v) for (let i = 0; i < v.length; i++) v[i]! += d.vec[i]!;
    else cells.set(key, [...d.vec]);
  }
  /** Every kept target's cell, in the order rows come out. */
  each(f: (structure: number, indicator: string, unitId: number, key: CellKey, vec: Vec) => void): void {
    for (const [structure, inds] of this.byStructure) {
      for (const [indicator, targets] of inds) {
        for (const [unitId, cells] of targets) {
          if (!keptTarget(this.h, unitId)) continue;
          for (const [key, vec] of cells) f(structure, indicator, unitId, key, vec);
        }
      }
    }
  }
  /** As rows for the repository. */
  rows(): TotalDelta[] {
    const out: TotalDelta[] = [];
    this.each((structure, indicator, unitId, key, vec) => {
      const bar = key.indexOf("|");
      out.push({ structure, unitId, indicator, period: key.slice(0, bar), disagg: key.slice(bar + 1), vec });
    });
    return out;
  }
}

/** Places a unit's changed cells in the kept totals above it, in every structure their periods are kept in. */
export function placeChange(deltas: Deltas, h: Hierarchy, now: string, key: SlotKey, change: Cells, periods: ReadonlyMap<string, Period>): void {
  for (const [pid, cells] of byPeriod(change)) {
    const P = periods.get(pid)!;
    for (const s of structuresOf(h, P, now)) {
      const acc = deltas.of(s.structure, key.indicator);
      for (const part of placementParts(h, key.unitId, s.date)) addToChain(acc, part, cells, 1, undefined, keptChain(h, part.at));
    }
  }
}

const periodMaps = new Map<number, Map<string, Period>>();
/** The standard periods of a year, by id. */
export function periodsOf(year: number): Map<string, Period> {
  let m = periodMaps.get(year);
  if (!m) periodMaps.set(year, (m = new Map(standardPeriods(year).map((p) => [p.id, p]))));
  return m;
}
