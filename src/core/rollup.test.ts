import { test } from "node:test";
import assert from "node:assert/strict";
import { Hierarchy } from "./hierarchy.ts";
import { rollupSum, rateValue, ratioOf, type FigureFact } from "./rollup.ts";
import { parsePeriod } from "./period.ts";

import { units, ids, edges, h } from "./hierarchy.fixture.ts";

let fid = 1;
const fig = (unitKey: string, period: string, value: number, extra: Partial<FigureFact> = {}): FigureFact => ({
  id: fid++, unitId: ids[unitKey]!, period: parsePeriod(period), disagg: "", kind: "own", value, estimated: false, ...extra,
});
const y2024 = parsePeriod("2024");
const one = (figs: FigureFact[], target: string, asOf: string, period = y2024, disagg = "") =>
  rollupSum(figs, [ids[target]!], { hierarchy: h, asOf, period, disagg }).get(ids[target]!)!;

const turns = [fig("c25270old", "2024", 40), fig("c25288", "2024", 12), fig("c25297", "2024", 9), fig("c26068", "2024", 7)];

test("rollup.md: 25270 as of 2024-12-31 is the old town (40); as of 2025-07-01 the new commune (61)", () => {
  assert.equal(h.resolveCode("25270", "2024-12-31").fullName, "Thị trấn Lộc Ninh");
  assert.equal(one(turns, "c25270old", "2024-12-31").value, 40);
  assert.equal(h.resolveCode("25270", "2025-07-01").fullName, "Xã Lộc Ninh");
  assert.equal(one(turns, "c25270new", "2025-07-01").value, 61);
});

test("rollup.md: province 75 for 2024 is old Đồng Nai as reported, new Đồng Nai (with Bình Phước) as now", () => {
  assert.equal(one(turns, "p75old", "2024-12-31").value, 7);
  assert.equal(one(turns, "p75", "2025-07-01").value, 68);
  assert.equal(one(turns, "d692", "2024-12-31").value, 61);
});

test("rollup.md: a split commune counts once at Hà Nội, never at its successors, as reported and as now", () => {
  const figs = [fig("c00034", "2024", 5)];
  assert.equal(one(figs, "c00025", "2025-07-01").value, null);
  assert.equal(one(figs, "c00190", "2025-07-01").value, null);
  const now = one(figs, "p01", "2025-07-01");
  assert.equal(now.value, 5);
  assert.equal(now.notAllocated, 1);
  assert.equal(one(figs, "p01old", "2024-12-31").value, 5);
  assert.equal(one(figs, "VN", "2025-07-01").value, 5);
});

test("an area total stands over own and sub-unit figures, shows the difference, and the parent adds it once", () => {
  const figs = [
    fig("d692", "2024", 19, { kind: "area" }),
    fig("d692", "2024", 3),
    fig("c25270old", "2024", 10),
    fig("c25288", "2024", 4),
  ];
  const d = one(figs, "d692", "2024-12-31");
  assert.equal(d.value, 19);
  assert.deepEqual(d.area, { areaTotal: 19, computedSum: 17, difference: 2 });
  assert.equal(one(figs, "p70", "2024-12-31").value, 19);
  // As now the district is gone; its area total counts in new Đồng Nai, the communes' figures in theirs.
  assert.equal(one(figs, "p75", "2025-07-01").value, 19);
  assert.equal(one(figs, "c25270new", "2025-07-01").value, 14);
});

test("a longer period stands over its parts; overlapping 9 months and S2 never double count", () => {
  const figs = [fig("c25288", "2024Q1", 6), fig("c25288", "202401", 1), fig("c25288", "202402", 2), fig("c25288", "2024Q2", 5)];
  assert.equal(one(figs, "c25288", "2024-12-31").value, 11);
  assert.equal(one(figs, "c25288", "2024-12-31", parsePeriod("2024Q1")).value, 6);
  assert.equal(one(figs, "c25288", "2024-12-31", parsePeriod("202401")).value, 1);
  const overlap = [fig("c25288", "2024N9", 9), fig("c25288", "2024S2", 6)];
  const r = one(overlap, "c25288", "2024-12-31");
  assert.equal(r.value, 9);
  assert.equal(r.setAside, 1);
});

test("mid-year reform: old communes' S1 and the new commune's S2 add up to the year", () => {
  const figs = [fig("c25270old", "2025S1", 4), fig("c25288", "2025S1", 2), fig("c25270new", "2025S2", 5)];
  assert.equal(one(figs, "c25270new", "2026-01-01", parsePeriod("2025")).value, 11);
});

test("disaggregations: a total stands over its parts; parts alone add up; a query picks one option", () => {
  const parts = [fig("c25288", "2024", 4, { disagg: "topic=dvk" }), fig("c25288", "2024", 13, { disagg: "topic=qcdc" })];
  assert.equal(one(parts, "c25288", "2024-12-31").value, 17);
  assert.equal(one(parts, "c25288", "2024-12-31", y2024, "topic=dvk").value, 4);
  const withTotal = [...parts, fig("c25288", "2024", 20)];
  assert.equal(one(withTotal, "c25288", "2024-12-31").value, 20);
});

test("ratios come from summed parts, never averaged: 34/37 and 10/10 give 44/47", () => {
  const succ = [fig("c25288", "2024", 34), fig("c25297", "2024", 10)];
  const cases = [fig("c25288", "2024", 37), fig("c25297", "2024", 10)];
  const n = one(succ, "d692", "2024-12-31").value;
  const d = one(cases, "d692", "2024-12-31").value;
  assert.equal(Math.round(ratioOf(n, d)! * 1000) / 10, 93.6);
});

test("reported rates are never summed: a parent has only its own rate", () => {
  const rates = [fig("c25288", "2024", 90), fig("c25297", "2024", 80)];
  const q = { hierarchy: h, asOf: "2024-12-31", period: y2024 };
  assert.equal(rateValue(rates, ids["d692"]!, q).value, null);
  assert.equal(rateValue(rates, ids["c25288"]!, q).value, 90);
});

test("estimated figures add up, and the total says it holds estimates", () => {
  const figs = [fig("c25288", "2024", 3), fig("c25297", "2024", 2, { estimated: true })];
  const r = one(figs, "d692", "2024-12-31");
  assert.equal(r.value, 5);
  assert.equal(r.estimated, true);
});

test("property: the shortcut for figures without area totals gives the same totals as full conflict resolution", async () => {
  const fc = await import("fast-check");
  const unitKeys = ["c25270old", "c25288", "c25297", "c25292old", "c26068", "c00034", "d692", "p70", "c25270new", "c00025"];
  const periods = ["2024", "2024S1", "2024S2", "2024N9", "2024Q1", "2024Q2", "2024Q3", "2024Q4", "202401", "202402", "202407", "202412"];
  const disaggs = ["", "level=province", "level=commune", "topic=land"];
  const factArb = fc.record({
    u: fc.constantFrom(...unitKeys), p: fc.constantFrom(...periods), d: fc.constantFrom(...disaggs),
    v: fc.integer({ min: 0, max: 100 }), est: fc.boolean(),
  });
  // The real check: an area total of an unrelated province forces the full path.
  fc.assert(
    fc.property(fc.array(factArb, { maxLength: 25 }), fc.constantFrom("2024-12-31", "2025-07-01"), (raw, asOf) => {
      const seen = new Set<string>();
      const facts: FigureFact[] = [];
      for (const r of raw) {
        const k = `${r.u}|${r.p}|${r.d}`;
        if (seen.has(k)) continue;
        seen.add(k);
        facts.push(fig(r.u, r.p, r.v, { disagg: r.d, estimated: r.est }));
      }
      const elsewhere = fig("pX", "2024", 5, { kind: "area" });
      const targets = asOf === "2024-12-31" ? ["VN", "p70", "d692", "c25288"] : ["VN", "p75", "c25270new", "c00025", "p01"];
      const shared = new Hierarchy(units, edges.map((x) => (x.fromId === ids.c00034 ? { ...x, share: 0.5 } : x)));
      for (const hierarchy of [h, shared]) {
      const q = { hierarchy, asOf, period: y2024 };
      const fast = rollupSum(facts, targets.map((t) => ids[t]!), q);
      const full = rollupSum([...facts, elsewhere], targets.map((t) => ids[t]!), q);
      for (const t of targets.slice(1)) assert.deepEqual(fast.get(ids[t]!), full.get(ids[t]!), t);
      const vnFast = fast.get(ids.VN!)!;
      const vnFull = full.get(ids.VN!)!;
      assert.equal(vnFull.value, (vnFast.value ?? 0) + 5);
      assert.equal(vnFull.counted, vnFast.counted + 1);
      assert.equal(vnFull.setAside, vnFast.setAside);
      }
    }),
    { numRuns: 300 },
  );
});

test("a split with shares recorded by an administrator gives each successor its share; Hà Nội's total is unchanged", () => {
  const withShares = new Hierarchy(units, edges.map((x) =>
    x.fromId === ids.c00034 ? { ...x, share: x.toId === ids.c00025 ? 0.75 : 0.25 } : x));
  const figs = [fig("c00034", "2024", 40), fig("c00034", "2024Q1", 8)];
  const q = { hierarchy: withShares, asOf: "2025-07-01", period: y2024 };
  const r = rollupSum(figs, [ids.c00025!, ids.c00190!, ids.p01!], q);
  assert.equal(r.get(ids.c00025!)!.value, 30); // the year figure stands over Q1 in each part
  assert.equal(r.get(ids.c00190!)!.value, 10);
  assert.equal(r.get(ids.p01!)!.value, 40);
  assert.equal(r.get(ids.c00025!)!.notAllocated, 0);
  // Without shares the figure stays at Hà Nội, marked not allocated.
  const plain = rollupSum(figs, [ids.c00025!, ids.p01!], { ...q, hierarchy: h });
  assert.equal(plain.get(ids.c00025!)!.value, null);
  assert.equal(plain.get(ids.p01!)!.value, 40);
  assert.equal(plain.get(ids.p01!)!.notAllocated, 1);
  // Shares that do not add up to 1 are not used.
  const bad = new Hierarchy(units, edges.map((x) => (x.fromId === ids.c00034 ? { ...x, share: 0.5 } : x)).map((x) => (x.fromId === ids.c00034 && x.toId === ids.c00190 ? { ...x, share: 0.4 } : x)));
  assert.equal(rollupSum(figs, [ids.c00025!], { ...q, hierarchy: bad }).get(ids.c00025!)!.value, null);
});
