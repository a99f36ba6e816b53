/**
 * Core benchmarks (not tests): prints
 *  1. CSV import of 1,000,000 figures (figures/s), SQLite and PostgreSQL;
 *  2. roll-up of one indicator for one year to all 34 provinces from commune-level figures
 *     (median ms): as now (old communes' 2024 figures carried into the 34 new provinces) and
 *     as reported (63 old provinces);
 *  3. single-figure saves per second (each its own transaction with its audit row);
 *  4. the extra time per save from validation rules: median ms of a save the rules check
 *     (mediation.successful ≤ mediation.cases, the other side stored) with the catalog's rules, and
 *     the same saves with a catalog without rules.
 * PostgreSQL runs when DANVAN_BENCH_PG_URL (or DANVAN_TEST_PG_URL) is set.
 * Usage: npm run bench:core [-- --rows 1000000]
 */
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { freshDatabase, PG_URL } from "../src/test-support/db.ts";
import { openDatabase, migrate, type Database } from "../src/db/database.ts";
import { seededContext } from "../src/test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../src/context.ts";
import { SYSTEM } from "../src/accounts/actor.ts";
import { importFigures, parseFiguresCsv } from "../src/figures/exchange.service.ts";
import { rollupChildren } from "../src/figures/rollup.service.ts";
import { saveFigures } from "../src/figures/figure.service.ts";
import { bumpCatalogVersion } from "../src/indicators/indicator.service.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "1000000" }, runs: { type: "string", default: "5" } } });
const ROWS = Number(values.rows);
const RUNS = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const INDICATORS = ["reception.turns", "reception.people", "petitions.received", "dialogues.held", "mediation.cases", "mediation.successful", "campaign.sessions", "contrib.labor_days", "oversight.count"];

async function makeCsv(ctx: Ctx): Promise<string> {
  const h = await hierarchyOf(ctx);
  const communes = [...h.all()].filter((u) => u.level === "commune" && u.validTo === "2025-06-30");
  const lines = ["unit_code,indicator,period,value"];
  let n = 0;
  // A value per commune, month and indicator; successful mediations are half the cases of the same
  // commune and month, so the catalog's rule (successful ≤ cases) holds for every line.
  const valueOf = (ind: string, ci: number, m: number): number =>
    ind === "mediation.successful" ? Math.floor(valueOf("mediation.cases", ci, m) / 2) : ((ci * 31 + m * 7 + INDICATORS.indexOf(ind) * 13) * 7919) % 50;
  outer: for (const ind of INDICATORS) {
    for (let m = 1; m <= 12; m++) {
      for (const [ci, c] of communes.entries()) {
        lines.push(`${c.code},${ind},2024${String(m).padStart(2, "0")},${valueOf(ind, ci, m)}`);
        if (++n >= ROWS) break outer;
      }
    }
  }
  return lines.join("\n") + "\n";
}

async function bench(name: string, database: Database) {
  const ctx = await seededContext(database);
  const csv = await makeCsv(ctx);
  const t0 = performance.now();
  const lines = parseFiguresCsv(csv);
  const r = await importFigures(ctx, SYSTEM, lines, "csv", csv);
  const secs = (performance.now() - t0) / 1000;
  console.log(`[${name}] CSV import: ${r.lines.toLocaleString("en")} figures in ${secs.toFixed(1)} s = ${Math.round(r.lines / secs).toLocaleString("en")} figures/s (rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB)`);

  for (const [label, asOf] of [["as now, 34 provinces", "2025-07-01"], ["as reported, 63 provinces", "2024-12-31"]] as const) {
    const times: number[] = [];
    let count = 0;
    let total: number | null = null;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const res = await rollupChildren(ctx, SYSTEM, { unitCode: "VN", indicator: "reception.turns", period: "2024", asOf });
      times.push(performance.now() - s);
      count = res.children.length;
      total = res.total.value;
    }
    console.log(`[${name}] roll-up reception.turns 2024 to ${count} provinces (${label}): median ${median(times).toFixed(0)} ms over ${RUNS} runs (national total ${total})`);
  }

  const h = await hierarchyOf(ctx);
  const commune = h.resolveCode("00004", "2026-01-01");
  const N = 300;
  const s = performance.now();
  for (let i = 0; i < N; i++) {
    await saveFigures(ctx, SYSTEM, [{ unitId: commune.id, indicator: "reception.turns", period: `2026${String((i % 11) + 1).padStart(2, "0")}`, value: i }]);
  }
  const secs2 = (performance.now() - s) / 1000;
  console.log(`[${name}] single-figure saves: ${Math.round(N / secs2)} saves/s (${N} saves, each a transaction with its audit row)`);
  await ruleCost(name, ctx, commune.id);
  await database.close();
}

/** Median time of a save the validation rules check, with the catalog's rules and without any. */
async function ruleCost(name: string, ctx: Ctx, unitId: number) {
  const months = Array.from({ length: 11 }, (_, i) => `2026${String(i + 1).padStart(2, "0")}`);
  await saveFigures(ctx, SYSTEM, months.map((period) => ({ unitId, indicator: "mediation.cases", period, value: 1000 })));
  const M = 150;
  const round = async (times: number[]) => {
    for (let i = 0; i < M; i++) {
      const s = performance.now();
      await saveFigures(ctx, SYSTEM, [{ unitId, indicator: "mediation.successful", period: months[i % months.length]!, value: i % 900 }]);
      times.push(performance.now() - s);
    }
  };
  const rules = await ctx.db.selectFrom("validation_rules").selectAll().execute();
  const withRules: number[] = [];
  const without: number[] = [];
  await round([]); // warm-up
  // Alternated, so a drift of the machine weighs on both sides alike.
  for (let r = 0; r < 3; r++) {
    await round(withRules);
    await ctx.db.deleteFrom("validation_rules").execute();
    await bumpCatalogVersion(ctx.db);
    await round(without);
    await ctx.db.insertInto("validation_rules").values(rules).execute();
    await bumpCatalogVersion(ctx.db);
  }
  const a = median(withRules);
  const b = median(without);
  console.log(`[${name}] validation rules: median save ${a.toFixed(2)} ms with ${rules.length} rules (the saved figure's rule checked) vs ${b.toFixed(2)} ms without rules = ${(a - b >= 0 ? "+" : "")}${(a - b).toFixed(2)} ms per save (${withRules.length} saves each)`);
}

const file = ".bench/core.sqlite";
rmSync(".bench", { recursive: true, force: true });
const sqlite = openDatabase({ sqlitePath: file });
await migrate(sqlite);
await bench("SQLite", sqlite);
const pgUrl = process.env.DANVAN_BENCH_PG_URL ?? PG_URL;
if (pgUrl) {
  await bench("PostgreSQL", await freshDatabase("postgres", pgUrl));
} else console.log("[PostgreSQL] skipped: set DANVAN_BENCH_PG_URL or DANVAN_TEST_PG_URL");
