import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { Hierarchy } from "./hierarchy.ts";
import { parsePeriod, periodContains, type Period } from "./period.ts";
import { rollupSum, type FigureFact, type RollupTotal } from "./rollup.ts";
import { addToChain, BASES, disaggSubKeys, F, FIELDS, standardPeriods, unitContribution, visibleIn, zeroVec, type Basis, type Cells, type CountFact, type ReportState, type StatedFact, type UnitYear } from "./totals.ts";
import { placementParts } from "./placements.ts";
import { areaCorrections, areaTargets, coveredUnits } from "./totals-area.ts";
import { edges, h, ids, units } from "./hierarchy.fixture.ts";

test("a figure counts toward the total, each option and each combination of its disaggregation", () => {
  assert.deepEqual(disaggSubKeys(""), [""]);
  assert.deepEqual(new Set(disaggSubKeys("level=commune;topic=land")), new Set(["", "level=commune", "topic=land", "level=commune;topic=land"]));
});

test("the 20 standard periods of a year: year, 9 months, halves, quarters, months", () => {
  assert.equal(standardPeriods(2024).length, 20);
});

test("a year figure stands over its months in the year; the months count in their quarters", () => {
  const facts: StatedFact[] = [
    { id: 1, unitId: 1, period: parsePeriod("2024"), disagg: "", kind: "own", value: 50, estimated: false, state: "draft" },
    { id: 2, unitId: 1, period: parsePeriod("202401"), disagg: "", kind: "own", value: 5, estimated: false, state: "approved" },
    { id: 3, unitId: 1, period: parsePeriod("202402"), disagg: "", kind: "own", value: 7, estimated: true, state: "approved" },
  ];
  const c = unitContribution(facts, [], 2024);
  const at = (key: string, basis: Basis, field: keyof typeof F) => c.get(key)?.[BASES.indexOf(basis) * FIELDS + F[field]];
  assert.equal(at("2024|", "all", "value"), 50);
  assert.equal(at("2024|", "all", "setAside"), 2);
  assert.equal(at("2024|", "approved", "value"), 12, "drafts are not approved: the approved months count");
  assert.equal(at("2024Q1|", "all", "value"), 12);
  assert.equal(at("2024Q1|", "all", "estimated"), 1);
});

test("register counts fill in only where the unit reported nothing in the period, in the basis of the report", () => {
  const facts: StatedFact[] = [{ id: 1, unitId: 1, period: parsePeriod("202401"), disagg: "", kind: "own", value: 5, estimated: false, state: "draft" }];
  const counts: CountFact[] = [
    { period: parsePeriod("2024Q1"), disagg: "", value: 9, state: "draft" },
    { period: parsePeriod("2024Q2"), disagg: "", value: 4, state: "approved" },
  ];
  const c = unitContribution(facts, counts, 2024);
  const v = (key: string, basis: Basis) => c.get(key)?.[BASES.indexOf(basis) * FIELDS + F.value];
  assert.equal(v("2024Q1|", "all"), 5, "reported in Q1: the count stays out");
  assert.equal(c.get("2024Q1|")?.[BASES.indexOf("approved") * FIELDS + F.counted], 0, "nothing approved in Q1");
  assert.equal(v("2024Q2|", "approved"), 4);
});

// ---- The property: maintained totals (contributions placed + area corrections) equal a fresh roll-up.

const UNIT_KEYS = ["c25270old", "c25288", "c25297", "c25292old", "c26068", "c00034", "d692", "dBH", "p70", "p75old", "c25270new", "c00025", "c26068new", "p01old", "dBD", "VN"];
const PERIODS = ["2024", "2024S1", "2024S2", "2024N9", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "202401", "202402", "202407", "202412"];
const DISAGGS = ["", "level=commune", "level=district", "topic=land", "level=commune;topic=land"];
const STATES: ReportState[] = ["draft", "submitted", "approved"];
const DATES = ["2024-12-31", "2025-07-01"];

interface Raw { u: string; p: string; d: string; v: number; est: boolean; area: boolean; s: ReportState }
interface RawCount { u: string; p: string; d: string; v: number; s: ReportState }

const factArb = fc.record({
  u: fc.constantFrom(...UNIT_KEYS), p: fc.constantFrom(...PERIODS), d: fc.constantFrom(...DISAGGS),
  v: fc.integer({ min: 0, max: 100 }), est: fc.boolean(), area: fc.integer({ min: 0, max: 9 }).map((n) => n < 2), s: fc.constantFrom(...STATES),
});
const countArb = fc.record({ u: fc.constantFrom(...UNIT_KEYS), p: fc.constantFrom(...PERIODS), d: fc.constantFrom("", "topic=land"), v: fc.integer({ min: 0, max: 20 }), s: fc.constantFrom(...STATES) });

function build(raw: Raw[], rawCounts: RawCount[]): Map<number, UnitYear> {
  const seen = new Set<string>();
  const data = new Map<number, { facts: StatedFact[]; counts: CountFact[] }>();
  const of = (u: number) => data.get(u) ?? data.set(u, { facts: [], counts: [] }).get(u)!;
  let id = 1;
  for (const r of raw) {
    const k = `${r.u}|${r.p}|${r.d}`;
    if (seen.has(k)) continue;
    seen.add(k);
    of(ids[r.u]!).facts.push({ id: id++, unitId: ids[r.u]!, period: parsePeriod(r.p), disagg: r.d, kind: r.area ? "area" : "own", value: r.v, estimated: r.est, state: r.s });
  }
  const seenC = new Set<string>();
  for (const c of rawCounts) {
    const k = `${c.u}|${c.p}|${c.d}`;
    if (seenC.has(k)) continue;
    seenC.add(k);
    of(ids[c.u]!).counts.push({ period: parsePeriod(c.p), disagg: c.d, value: c.v, state: c.s });
  }
  return data;
}

/** The reference: a fresh roll-up of the facts visible in the basis, with counts where a unit reported nothing. */
function reference(hier: Hierarchy, data: Map<number, UnitYear>, basis: Basis, date: string, period: Period, disagg: string, targets: number[]): Map<number, RollupTotal> {
  const facts: FigureFact[] = [];
  let cid = -1;
  for (const [u, d] of data) {
    const visible = d.facts.filter((f) => visibleIn(f.state, basis));
    facts.push(...visible);
    if (!visible.some((f) => periodContains(period, f.period))) {
      for (const c of d.counts) if (c.period.id === period.id && c.value !== 0 && visibleIn(c.state, basis)) facts.push({ id: cid--, unitId: u, period, disagg: c.disagg, kind: "own", value: c.value, estimated: false });
    }
  }
  return rollupSum(facts, targets, { hierarchy: hier, asOf: date, period, disagg });
}

/** The maintained totals of every target, from contributions and corrections (what the database keeps). */
function maintained(hier: Hierarchy, data: Map<number, UnitYear>, date: string): Map<number, Cells> {
  const acc = new Map<number, Cells>();
  for (const [u, d] of data) {
    const cells = unitContribution(d.facts, d.counts, 2024);
    for (const part of placementParts(hier, u, date)) addToChain(acc, part, cells, 1);
  }
  const areaUnits = new Set([...data].filter(([, d]) => d.facts.some((f) => f.kind === "area")).map(([u]) => u));
  for (const t of areaTargets(hier, date, areaUnits)) {
    const covered = coveredUnits(hier, date, t, data.keys(), areaUnits);
    for (const P of standardPeriods(2024)) {
      for (const [d, corr] of areaCorrections(hier, date, t, P, data, covered)) {
        const tc = acc.get(t) ?? acc.set(t, new Map()).get(t)!;
        const key = `${P.id}|${d}`;
        const v = tc.get(key) ?? tc.set(key, zeroVec()).get(key)!;
        for (let i = 0; i < v.length; i++) v[i]! += corr.vec[i]!;
      }
    }
  }
  return acc;
}

function compare(hier: Hierarchy, data: Map<number, UnitYear>, date: string) {
  const acc = maintained(hier, data, date);
  const targets = units.map((u) => u.id);
  for (const P of standardPeriods(2024)) {
    for (const d of DISAGGS) {
      for (const [b, basis] of BASES.entries()) {
        const ref = reference(hier, data, basis, date, P, d, targets);
        for (const t of targets) {
          const r = ref.get(t)!;
          const v = acc.get(t)?.get(`${P.id}|${d}`);
          const o = b * FIELDS;
          const counted = v ? Math.round(v[o + F.counted]!) : 0;
          const got = {
            value: counted > 0 ? Math.round(v![o + F.value]! * 1e6) / 1e6 : null, counted, setAside: v ? Math.round(v[o + F.setAside]!) : 0,
            notAllocated: v ? Math.round(v[o + F.notAllocated]!) : 0, estimated: v ? v[o + F.estimated]! > 0 : false,
          };
          const want = { value: r.value === null ? null : Math.round(r.value * 1e6) / 1e6, counted: r.counted, setAside: r.setAside, notAllocated: r.notAllocated, estimated: r.estimated };
          assert.deepEqual(got, want, `unit ${t} ${P.id} [${d}] ${basis} as of ${date}`);
        }
      }
    }
  }
}

test("property: maintained totals equal a fresh roll-up for every unit, period, breakdown, basis and structure", () => {
  const shared = new Hierarchy(units, edges.map((x) => (x.fromId === ids.c00034 ? { ...x, share: x.toId === ids.c00025 ? 0.75 : 0.25 } : x)));
  fc.assert(
    fc.property(fc.array(factArb, { maxLength: 30 }), fc.array(countArb, { maxLength: 8 }), fc.constantFrom(...DATES), fc.boolean(), (raw, counts, date, withShares) => {
      compare(withShares ? shared : h, build(raw, counts), date);
    }),
    { numRuns: 150 },
  );
});

test("property: adding and removing one unit's contribution (a delta) leaves the totals of a fresh computation", () => {
  fc.assert(
    fc.property(fc.array(factArb, { minLength: 1, maxLength: 20 }), fc.array(factArb, { minLength: 1, maxLength: 6 }), fc.constantFrom(...DATES), (raw, changes, date) => {
      const before = build(raw, []);
      const after = build([...changes, ...raw], []);
      // Apply deltas for every unit whose data changed, then compare with a fresh computation.
      const acc = maintained(h, before, date);
      const areaBefore = new Set([...before].filter(([, d]) => d.facts.some((f) => f.kind === "area")).map(([u]) => u));
      const areaAfter = new Set([...after].filter(([, d]) => d.facts.some((f) => f.kind === "area")).map(([u]) => u));
      // Remove old corrections, then add new ones; move changed units' contributions.
      const correct = (data: Map<number, UnitYear>, area: Set<number>, sign: 1 | -1) => {
        for (const t of areaTargets(h, date, area)) {
          const covered = coveredUnits(h, date, t, data.keys(), area);
          for (const P of standardPeriods(2024)) {
            for (const [d, c] of areaCorrections(h, date, t, P, data, covered)) {
              const tc = acc.get(t) ?? acc.set(t, new Map()).get(t)!;
              const v = tc.get(`${P.id}|${d}`) ?? tc.set(`${P.id}|${d}`, zeroVec()).get(`${P.id}|${d}`)!;
              for (let i = 0; i < v.length; i++) v[i]! += sign * c.vec[i]!;
            }
          }
        }
      };
      correct(before, areaBefore, -1);
      for (const u of new Set([...before.keys(), ...after.keys()])) {
        const o = before.get(u);
        const n = after.get(u);
        for (const part of placementParts(h, u, date)) {
          if (o) addToChain(acc, part, unitContribution(o.facts, o.counts, 2024), -1);
          if (n) addToChain(acc, part, unitContribution(n.facts, n.counts, 2024), 1);
        }
      }
      correct(after, areaAfter, 1);
      const fresh = maintained(h, after, date);
      for (const [t, cells] of fresh) {
        for (const [k, v] of cells) {
          const got = acc.get(t)?.get(k);
          for (let i = 0; i < v.length; i++) assert.ok(Math.abs((got?.[i] ?? 0) - v[i]!) < 1e-6, `unit ${t} ${k} field ${i}`);
        }
      }
    }),
    { numRuns: 100 },
  );
});
