import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { h, ids } from "../core/hierarchy.fixture.ts";
import { WIDTH } from "../core/totals.ts";
import { Dictionary } from "../core/dictionary.ts";
import type { FactBatch, RowColumns } from "./totals.lane.ts";
import { LocalLane, ThreadLane, type Lane } from "./totals.thread.ts";

/** Figures of two old communes, a district's area total, a breakdown, an estimate, a report's state; register counts. */
function batch(): FactBatch {
  const facts = [
    [ids.c25288!, "202403", "", "own", 5, 0], [ids.c25288!, "2024Q1", "", "own", 9, 0b100], [ids.c25297!, "202401", "topic=dvk", "own", 2, 1],
    [ids.c25297!, "202402", "", "own", 3, 0b010], [ids.d692!, "2024", "", "area", 40, 0], [ids.c00034!, "202405", "", "own", 7, 0],
  ] as const;
  const periods = new Dictionary(), disaggs = new Dictionary(), kinds = new Dictionary();
  const units = [...new Set(facts.map((f) => f[0] as number)), ids.c25292old!].sort((a, b) => a - b);
  return {
    unitList: Int32Array.from(units), unit: Int32Array.from(facts, (f) => f[0]), id: Float64Array.from(facts, (_, i) => i + 1),
    period: Uint32Array.from(facts, (f) => periods.code(f[1])), disagg: Uint32Array.from(facts, (f) => disaggs.code(f[2])), kind: Uint8Array.from(facts, (f) => kinds.code(f[3])),
    value: Float64Array.from(facts, (f) => f[4]), flags: Uint8Array.from(facts, (f) => f[5]), periods: periods.list, disaggs: disaggs.list, kinds: kinds.list,
    counts: [{ unitId: ids.c25292old!, period: "2024Q2", disagg: "", value: 4, state: "approved" }],
  };
}

/** Rows as sorted text, for comparing. */
const asText = (r: RowColumns) => Array.from({ length: r.n }, (_, i) =>
  `${r.structure[i]}|${r.unit[i]}|${r.periods[r.period[i]!]}|${r.disaggs[r.disagg[i]!]}|${Array.from(r.vec.subarray(i * WIDTH, (i + 1) * WIDTH)).join(",")}`).sort();

async function run(lane: Lane): Promise<string[][]> {
  try {
    const out: string[][] = [];
    for (const year of [2024, 2025]) {
      lane.begin("reception.turns", year);
      lane.add(batch());
      out.push(asText(await lane.finish([{ structure: 0, unitId: ids.d692!, indicator: "reception.turns", period: `${year}`, disagg: "", vec: Array.from({ length: WIDTH }, (_, i) => (i === 0 ? -1 : 0)) }])));
    }
    return out;
  } finally {
    await lane.close();
  }
}

test("a rebuild's thread gives the rows the caller's thread gives, from the sources and from the command line's bundle", async () => {
  const here = await run(new LocalLane(h, "2026-12-07"));
  assert.ok(here[0]!.length > 20, `${here[0]!.length} rows for 2024`);
  assert.ok(here[0]!.some((r) => r.startsWith(`0|${ids.d692}|2024||`)), "the district's own year");
  assert.deepEqual(await run(await ThreadLane.start(h, "2026-12-07")), here, "the thread from the sources (tsx)");
  // The bundle `danvan` runs: built as `npm ci` builds it.
  execFileSync(process.execPath, ["scripts/build-cli.mjs", "--quiet"]);
  assert.deepEqual(await run(await ThreadLane.start(h, "2026-12-07", new URL("../../dist/cli/totals-lane.js", import.meta.url))), here, "the bundle's thread");
});

test("a batch the thread cannot add up fails its group's answer, with the thread's error", async () => {
  const lane = await ThreadLane.start(h, "2026-12-07");
  try {
    lane.begin("reception.turns", 2024);
    lane.add({ ...batch(), period: Uint32Array.of(99, 0, 0, 0, 0, 0) });
    await assert.rejects(lane.finish([]), /./);
  } finally {
    await lane.close();
  }
});
