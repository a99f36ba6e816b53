import { test } from "node:test";
import assert from "node:assert/strict";
import { goalTable } from "../bench/scale-goals.ts";

/** The row of a goal in the table, split into its cells. */
const row = (table: string, label: string) => table.split("\n").find((l) => l.startsWith(`| ${label} |`))!.split(" | ");

test("the bench's goals table judges each engine by its own goal and shows what was not measured", () => {
  const t = goalTable({
    sqlite: { savesPerSecond: 1999, savesP99Ms: 80, countryDashboardMs: 12, importPerSecond: 120_000, importRssMb: 310 },
    postgres: { savesPerSecond: 1000, savesP99Ms: 99, countryDashboardMs: 250 },
  }, 1_000_000);
  // 1,000 saves a second is PostgreSQL's goal, not SQLite's (2,000).
  assert.deepEqual(row(t, "saves, 200 clients").slice(3), ["✗ 1,999/s, p99 80 ms", "✓ 1,000/s, p99 99 ms |"]);
  assert.deepEqual(row(t, "country dashboard, one year").slice(3), ["✓ 12 ms", "✗ 250 ms |"]);
  // Fast enough but too big: the import's goal is both.
  assert.equal(row(t, "CSV import")[3], "✗ 120,000/s, 310 MB");
  assert.equal(row(t, "one national total")[3], "—");
  assert.match(t, /this run: 1,000,000/);
});

test("a p99 of exactly 100 ms misses the goal (it says under 100 ms)", () => {
  const t = goalTable({ postgres: { savesPerSecond: 1500, savesP99Ms: 100 } }, 20_000_000);
  assert.equal(row(t, "saves, 200 clients")[2], "✗ 1,500/s, p99 100 ms |");
});
