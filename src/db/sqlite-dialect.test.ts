import { Checkpointer } from "./sqlite-checkpoint.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, sql } from "kysely";
import SQLite from "better-sqlite3";
import { DanvanSqliteDialect, walSync } from "./sqlite-dialect.ts";
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

test("a commit is answered after its WAL is synced, off the event loop; the writer takes the next transaction meanwhile", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "danvan-durable-")), "db.sqlite");
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  // The real WAL sync, held back until the test lets it run (to see what waits for it).
  const real = walSync(`${path}-wal`);
  let syncs = 0;
  let release: () => void = () => {};
  const gate = () => new Promise<void>((resolve) => (release = resolve));
  let held: Promise<void> = Promise.resolve();
  const db = new Kysely<{ t: { x: number } }>({
    dialect: new DanvanSqliteDialect(sqlite, 0, { sync: async () => (await held, await real.sync(), void syncs++), close: real.close }),
  });
  try {
    await sql`create table t (x integer)`.execute(db);
    held = gate();
    let first = false;
    const one = db.transaction().execute(async (trx) => trx.insertInto("t").values({ x: 1 }).execute()).then(() => (first = true));
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(first, false, "the commit is not answered before its sync");
    // The writer is free: a second transaction runs and commits while the first one's sync waits.
    const two = db.transaction().execute(async (trx) => trx.insertInto("t").values({ x: 2 }).execute());
    await new Promise((r) => setTimeout(r, 30));
    assert.equal((sqlite.prepare("select count(*) as n from t").get() as { n: number }).n, 2);
    release();
    await Promise.all([one, two]);
    assert.equal(first, true);
    // The two commits that ended together shared syncs: one for the first, at most one more for the second.
    assert.ok(syncs <= 3, `${syncs} syncs`);
  } finally {
    await db.destroy();
  }
});

test("a file database opened by the product syncs its WAL itself (synchronous=NORMAL plus an fsync per commit)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-normal-"));
  // Count the fsyncs made through file handles (how walSync syncs), on the real file system.
  const probe = await open(join(dir, "probe"), "w");
  const proto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
  await probe.close();
  const sync = proto.sync;
  let syncs = 0;
  proto.sync = function (this: unknown) {
    syncs++;
    return sync.call(this);
  };
  const database = openDatabase({ sqlitePath: join(dir, "db.sqlite") });
  try {
    assert.equal(database.sqlite!.pragma("synchronous", { simple: true }), 1, "NORMAL");
    await migrate(database);
    const ctx = await seededContext(database);
    const unitId = (await hierarchyOf(ctx)).resolveCode("21583", "2026-01-01").id;
    const before = syncs;
    const [f] = await saveFigures(ctx, SYSTEM, [{ unitId, indicator: "reception.turns", period: "2026Q1", value: 7 }]);
    assert.equal(f!.value, 7);
    assert.ok(syncs > before, "the save's commit synced the WAL before it was answered");
  } finally {
    proto.sync = sync;
    await database.close();
  }
});

test("a server's WAL checkpoints run on a thread of their own: its writer never checkpoints inside a commit, and the WAL stays small while it writes", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "danvan-checkpoint-")), "db.sqlite");
  const database = openDatabase({ sqlitePath: path, readers: 2 });
  try {
    await sql`create table pad (x text)`.execute(database.db);
    assert.equal(database.sqlite!.pragma("wal_autocheckpoint", { simple: true }), 0);
    const checkpoints = Checkpointer.of(database.sqlite!)!;
    // ~24 MB in 12 rounds of 25 transactions; after each round the test waits for the worker's
    // next checkpoint (however slow a loaded machine makes it), so the writer starts the WAL over.
    // Without checkpoints the WAL would hold all of it (28 MB).
    const row = "x".repeat(4000);
    let maxWal = 0;
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 25; i++) {
        await database.db.transaction().execute(async (trx) => {
          for (let j = 0; j < 20; j++) await trx.insertInto("pad" as never).values({ x: row } as never).execute();
        });
      }
      maxWal = Math.max(maxWal, (await (await open(`${path}-wal`)).stat()).size);
      const seen = checkpoints.completed;
      for (const deadline = Date.now() + 20_000; checkpoints.completed === seen && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 20));
      assert.ok(checkpoints.completed > seen, `no checkpoint after round ${round + 1}`);
    }
    assert.ok(maxWal < 8_000_000, `WAL of ${(maxWal / 1e6).toFixed(1)} MB`);
    assert.equal((await sql<{ n: number }>`select count(*) as n from pad`.execute(database.db)).rows[0]!.n, 6000);
  } finally {
    await database.close();
  }
});
