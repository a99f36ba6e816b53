import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { openDatabase, migrate } from "./database.ts";
import { seededContext } from "../test-support/fixture.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { hierarchyOf } from "../context.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { rollupValue } from "../figures/rollup.service.ts";

/** A read that keeps SQLite busy for about a second. */
const slowRead = sql<{ n: number }>`with recursive c(i) as (select 1 union all select i + 1 from c where i < 4000000) select count(*) as n from c`;

test("SQLite reads run on reader threads: the event loop keeps turning during a long read, and reads see what was just committed", async () => {
  const database = openDatabase({ sqlitePath: join(mkdtempSync(join(tmpdir(), "danvan-readers-")), "db.sqlite"), readers: 2 });
  await migrate(database);
  try {
    const ctx = await seededContext(database);
    const unitId = (await hierarchyOf(ctx)).resolveCode("21583", "2026-01-01").id;
    await saveFigures(ctx, SYSTEM, [{ unitId, indicator: "reception.turns", period: "2026Q1", value: 12 }]);
    // Read right after the commit, on a reader connection.
    assert.equal((await rollupValue(ctx, SYSTEM, { unitId, indicator: "reception.turns", period: "2026Q1" })).value, 12);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const t0 = performance.now();
    const [r] = await Promise.all([slowRead.execute(ctx.db), saveFigures(ctx, SYSTEM, [{ unitId, indicator: "reception.turns", period: "2026Q2", value: 3 }])]);
    const took = performance.now() - t0;
    clearInterval(timer);
    assert.equal(r.rows[0]!.n, 4000000);
    // While the read ran, timers fired about every 20 ms (a frozen loop fires none until it ends).
    assert.ok(ticks >= took / 20 / 3, `${ticks} ticks in ${Math.round(took)} ms`);
  } finally {
    await database.close();
  }
});

test("without reader threads the same read freezes the event loop (why they exist)", async () => {
  const database = openDatabase({ sqlitePath: join(mkdtempSync(join(tmpdir(), "danvan-readers-")), "db.sqlite"), readers: 0 });
  await migrate(database);
  try {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const t0 = performance.now();
    await slowRead.execute(database.db);
    const took = performance.now() - t0;
    clearInterval(timer);
    assert.ok(ticks <= 1, `${ticks} ticks in ${Math.round(took)} ms`);
  } finally {
    await database.close();
  }
});
