import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { freshDatabase, PG_URL } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import type { Ctx } from "../context.ts";
import type { Database } from "../db/database.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { DomainError } from "../core/errors.ts";
import { saveFigures } from "./figure.service.ts";
import { rollupValue } from "./rollup.service.ts";
import { transition } from "../submissions/submission.service.ts";
import { listAudit } from "../audit/audit.ts";

if (!PG_URL) console.log("# PostgreSQL tests SKIPPED (save-prefetch): set DANVAN_TEST_PG_URL to run them");

/** The statements PostgreSQL receives while `fn` runs (the driver traced). */
async function statements(fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const q = args[0];
    seen.push(typeof q === "string" ? q : String((q as { text?: unknown }).text ?? ""));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen;
}

const INDICATORS = ["dialogues.held", "oversight.count", "dvk.models", "reception.turns", "campaign.sessions", "outreach.sessions"];

describe("PostgreSQL: saves arriving together read what they replace at once", { skip: !PG_URL }, () => {
  let database: Database;
  let ctx: Ctx;
  let reporter: Actor;
  before(async () => {
    database = await freshDatabase("postgres");
    ctx = await seededContext(database);
    reporter = await userAt(ctx, "reporter", "25288", "2024-06-01");
    // The catalog read once, as a running server has it.
    await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "dialogues.held", period: "202301", value: 1 }]);
  });
  after(() => database.close());

  test("24 saves of a group commit look their figures up in two statements, not one each, and the area totals of their six indicators in one", async () => {
    const saves = INDICATORS.flatMap((indicator) => [1, 2, 3, 4].map((m) => ({ unitCode: "25288", indicator, period: `20240${m}`, value: m })));
    const seen = await statements(() => Promise.all(saves.map((s) => saveFigures(ctx, reporter, [s]))));
    const oneByOne = seen.filter((s) => s.includes("(select 1 as one)")).length;
    const together = seen.filter((s) => s.includes("unnest(") && s.includes("join figures f")).length;
    // The first save may be taken alone before the others arrive; the rest share a batch.
    assert.ok(oneByOne <= 1, `${oneByOne} lookups one by one`);
    assert.ok(together >= 1 && together <= 2, `${together} lookups of a whole batch`);
    // Which units hold area totals: read for the batch's six indicators at once, not one by one.
    const areaReads = seen.filter((s) => s.includes(`"kind" = 'area'`)).length;
    assert.ok(areaReads <= 2, `${areaReads} reads of area totals`);
    for (const s of saves) assert.equal((await rollupValue(ctx, SYSTEM, { unitCode: "25288", indicator: s.indicator, period: s.period })).value, s.value);
  });

  test("a save after another of the same figure in one batch replaces what that one wrote", async () => {
    const key = { unitCode: "25288", indicator: "dialogues.held", period: "202406" };
    await saveFigures(ctx, reporter, [{ ...key, value: 3 }]);
    const [a, b] = await Promise.all([saveFigures(ctx, reporter, [{ ...key, value: 4 }]), saveFigures(ctx, reporter, [{ ...key, value: 9 }])]);
    assert.equal(a[0]!.version + 1, b[0]!.version);
    assert.equal((await rollupValue(ctx, SYSTEM, { ...key })).value, 9);
    const audit = await listAudit(ctx.db, { entity: "figure", entityId: String(b[0]!.id) });
    const values = audit.map((x) => [(x.before as { value?: number } | null)?.value ?? null, (x.after as { value?: number } | null)?.value ?? null]);
    assert.deepEqual(values.find((v) => v[1] === 9), [4, 9]);
  });

  test("a save into a submitted period among others is refused alone; the outlier check still sees the months before", async () => {
    for (const m of ["05", "06", "07", "08", "09", "10", "11", "12"]) await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "campaign.rounds", period: `2023${m}`, value: 2 }]);
    await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "dvk.models", period: "2024Q3", value: 1 }]);
    const unitId = (await rollupValue(ctx, SYSTEM, { unitCode: "25288", indicator: "dvk.models", period: "2024Q3" })).unit.id;
    await transition(ctx, reporter, unitId, "2024Q3", "submit");
    const results = await Promise.allSettled([
      saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "oversight.count", period: "202410", value: 2 }]),
      saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "dvk.models", period: "202408", value: 5 }]),
      saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "campaign.rounds", period: "202401", value: 60 }]),
    ]);
    assert.equal(results[0]!.status, "fulfilled");
    assert.ok(results[1]!.status === "rejected" && results[1]!.reason instanceof DomainError && results[1]!.reason.code === "PERIOD_LOCKED");
    assert.ok(results[2]!.status === "fulfilled");
    // 60 against eight months of 2: flagged for the reviewer, as a save alone would be.
    assert.equal(results[2]!.value[0]!.flag, "implausible");
  });
});
