/**
 * A rebuild's arithmetic for one indicator-year, fed with its figures as columns and giving its
 * totals back as columns: typed arrays and short string lists cross to a thread for almost nothing,
 * where the same figures as objects cost more to copy than to add up (1M small objects: ~2.6 s
 * to clone, against ~0.3 s as columns). Pure: the same code runs in a rebuild's thread
 * (totals.lane.entry.ts) and, for small rebuilds, in the caller's.
 */
import type { Hierarchy } from "../core/hierarchy.ts";
import { Dictionary } from "../core/dictionary.ts";
import { storedPeriod } from "../core/period.ts";
import type { FigureKind } from "../core/rollup.ts";
import { isZeroVec, unitContribution, WIDTH, type CountFact, type ReportState, type StatedFact } from "../core/totals.ts";
import { Deltas, periodsOf, placeChange } from "./totals.deltas.ts";
import type { TotalDelta } from "./totals.repository.ts";

/** Report states as small numbers (in a fact's flags, bits 1–2). */
export const STATES: readonly ReportState[] = ["draft", "submitted", "approved"];

/** A register count of one unit and standard period. */
export interface CountRow {
  unitId: number;
  period: string;
  disagg: string;
  value: number;
  state: ReportState;
}

/** Some units' figures of one indicator-year, as columns; strings through short dictionaries. */
export interface FactBatch {
  /** The batch's units, ascending (units with register counts only included). */
  unitList: Int32Array;
  unit: Int32Array;
  id: Float64Array;
  periods: string[];
  period: Uint32Array;
  disaggs: string[];
  disagg: Uint32Array;
  kinds: string[];
  kind: Uint8Array;
  value: Float64Array;
  /** Bit 0: estimated; bits 1–2: the report state (STATES). */
  flags: Uint8Array;
  counts: CountRow[];
}

/** Totals rows as columns: `vec` holds WIDTH numbers per row. */
export interface RowColumns {
  n: number;
  structure: Int32Array;
  unit: Int32Array;
  periods: string[];
  period: Uint32Array;
  disaggs: string[];
  disagg: Uint32Array;
  vec: Float64Array;
}

/** The buffers of a batch or of rows, handed over (not copied) when posted to a thread. */
export const buffersOf = (x: FactBatch | RowColumns): ArrayBuffer[] =>
  ("flags" in x ? [x.unitList, x.unit, x.id, x.period, x.disagg, x.kind, x.value, x.flags] : [x.structure, x.unit, x.period, x.disagg, x.vec]).map((a) => a.buffer as ArrayBuffer);

/** One indicator-year's totals, summed unit by unit as batches arrive. */
export class GroupSum {
  private readonly deltas: Deltas;
  constructor(private readonly h: Hierarchy, private readonly now: string, readonly indicator: string, readonly year: number) {
    this.deltas = new Deltas(h);
  }

  /** Adds every unit of a batch (its contribution placed in the kept totals above it). */
  add(b: FactBatch): void {
    const facts = new Map<number, StatedFact[]>();
    const periods = b.periods.map(storedPeriod);
    for (let i = 0; i < b.unit.length; i++) {
      const u = b.unit[i]!;
      let list = facts.get(u);
      if (!list) facts.set(u, (list = []));
      list.push({
        id: b.id[i]!, unitId: u, period: periods[b.period[i]!]!, disagg: b.disaggs[b.disagg[i]!]!, kind: b.kinds[b.kind[i]!] as FigureKind,
        value: b.value[i]!, estimated: (b.flags[i]! & 1) === 1, state: STATES[b.flags[i]! >> 1]!,
      });
    }
    const counts = new Map<number, CountFact[]>();
    for (const c of b.counts) {
      (counts.get(c.unitId) ?? counts.set(c.unitId, []).get(c.unitId)!).push({ period: storedPeriod(c.period), disagg: c.disagg, value: c.value, state: c.state });
    }
    const periodMap = periodsOf(this.year);
    for (const unitId of b.unitList) {
      const cells = unitContribution(facts.get(unitId) ?? [], counts.get(unitId) ?? [], this.year);
      if (cells.size) placeChange(this.deltas, this.h, this.now, { unitId, indicator: this.indicator, year: this.year }, cells, periodMap);
    }
  }

  /** The group's totals rows (kept targets, not zero), after adding `extra` (the area corrections' changes). */
  finish(extra: readonly TotalDelta[]): RowColumns {
    for (const d of extra) this.deltas.add(d);
    let n = 0;
    this.deltas.each((_s, _i, _u, _k, vec) => void (isZeroVec(vec) || n++));
    const out: RowColumns = { n, structure: new Int32Array(n), unit: new Int32Array(n), periods: [], period: new Uint32Array(n), disaggs: [], disagg: new Uint32Array(n), vec: new Float64Array(n * WIDTH) };
    const periods = new Dictionary();
    const disaggs = new Dictionary();
    let r = 0;
    this.deltas.each((structure, _indicator, unitId, key, vec) => {
      if (isZeroVec(vec)) return;
      const bar = key.indexOf("|");
      out.structure[r] = structure;
      out.unit[r] = unitId;
      out.period[r] = periods.code(key.slice(0, bar));
      out.disagg[r] = disaggs.code(key.slice(bar + 1));
      out.vec.set(vec, r * WIDTH);
      r++;
    });
    out.periods = periods.list;
    out.disaggs = disaggs.list;
    return out;
  }
}
