/**
 * Reports benchmark (not a test): prints the time to write a provincial annual report with all its
 * communes, .docx and .xlsx together (goal: under 2 s), on a database seeded like the demo.
 *  1. Gia Lai (52) 2025 as now: 135 new communes, each with its predecessors' Q1–Q2 figures summed in;
 *  2. old Gia Lai (64) 2024 as reported: its 17 districts.
 * Median of --runs runs (default 5) after one warm-up run. SQLite in memory.
 * Usage: npm run bench:reports [-- --runs 5]
 */
import { parseArgs } from "node:util";
import { openDatabase, migrate } from "../src/db/database.ts";
import { makeContext } from "../src/context.ts";
import { loadConfig } from "../src/config.ts";
import { SYSTEM } from "../src/accounts/actor.ts";
import { seedDemo } from "../src/demo/seed.ts";
import { buildReport } from "../src/reports/report.service.ts";
import { renderReport } from "../src/reports/render.ts";
import { loadFeatures } from "../src/features.ts";

await loadFeatures(); // registers count figures from their records, as in the product

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const RUNS = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const database = openDatabase({ sqlitePath: ":memory:" });
await migrate(database);
const ctx = makeContext(database, loadConfig({ DANVAN_PASSWORD_COST: "10" }), () => "2026-11-25");
const t0 = performance.now();
await seedDemo(ctx);
console.log(`demo seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

for (const [label, q] of [
  ["Gia Lai 2025, as now (135 communes)", { unitCode: "52", period: "2025", asOf: "2026-11-25" }],
  ["old Gia Lai 2024, as reported (17 districts)", { unitCode: "64", period: "2024" }],
] as const) {
  const build: number[] = [];
  const total: number[] = [];
  let sizes = "";
  for (let i = 0; i <= RUNS; i++) {
    const s = performance.now();
    const m = await buildReport(ctx, SYSTEM, q);
    const b = performance.now();
    const docx = await renderReport(m, "docx");
    const xlsx = await renderReport(m, "xlsx");
    const e = performance.now();
    if (i === 0) {
      sizes = `${m.sheet.rows.length} rows × ${m.sheet.columns.length} indicators; docx ${Math.round(docx.body.length / 1024)} KiB, xlsx ${Math.round(xlsx.body.length / 1024)} KiB`;
      continue;
    }
    build.push(b - s);
    total.push(e - s);
  }
  console.log(`${label}: ${sizes}\n  .docx + .xlsx: median ${median(total).toFixed(0)} ms (gathering figures ${median(build).toFixed(0)} ms) over ${RUNS} runs — goal < 2000 ms`);
}
await database.close();
