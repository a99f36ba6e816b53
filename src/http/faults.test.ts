/**
 * Storage faults as users meet them: a full disk, a database another process is writing to (the
 * CLI importing), a read-only database at start-up. Each gets a stable code and a Vietnamese
 * message; the real cause goes to the server log; nothing is half written.
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import SQLite from "better-sqlite3";
import { freshDatabase, PG_URL } from "../test-support/db.ts";
import { seededContext, userAt, figureCount } from "../test-support/fixture.ts";
import { openDatabase, migrate, type Database } from "../db/database.ts";
import { storageFault } from "../db/errors.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { createApp } from "./app.ts";
import { toErrorResponse } from "./errors.ts";
import "../extract/plugin.ts";
import { extraRoutes } from "../plugins.ts";

type ErrorJson = { error: { code: string; message: string } };

async function signedIn(ctx: Ctx): Promise<{ app: ReturnType<typeof createApp>; post: (path: string, body: unknown) => Promise<Response> }> {
  const app = createApp(ctx, extraRoutes);
  const username = (await userAt(ctx, "admin", "52", "2026-01-01") as { username: string }).username;
  const login = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: "mat-khau-thu" }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  return { app, post: async (path, body) => app.request(path, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) }) };
}

/** Figures for the first communes of Gia Lai (enough rows to need new pages). */
async function manyFigures(ctx: Ctx, n: number): Promise<object[]> {
  const h = await hierarchyOf(ctx);
  const communes = h.childrenOf(h.resolveCode("52", "2026-01-01").id, "2026-01-01").slice(0, n);
  return communes.flatMap((c) => ["reception.turns", "mediation.cases", "mediation.successful"].map((indicator) => ({ unitId: c.id, indicator, period: "2026Q1", value: 5, comment: "Ghi chú ".repeat(25) })));
}

/** Captures console.error while `fn` runs. */
async function logged(fn: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const orig = console.error;
  console.error = (...a: unknown[]) => void lines.push(a.map((x) => (x instanceof Error ? `${x.message} ${(x as { code?: string }).code}` : String(x))).join(" "));
  try {
    await fn();
  } finally {
    console.error = orig;
  }
  return lines.join("\n");
}

test("SQLite disk full: 503 STORAGE_FULL in Vietnamese (not 'cannot rollback'), the cause in the log, nothing written", async () => {
  const database = await freshDatabase("sqlite");
  try {
    const ctx = await seededContext(database);
    const { post } = await signedIn(ctx);
    const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(ctx.db)).rows[0]!.page_count;
    await sql.raw(`pragma max_page_count = ${pages}`).execute(ctx.db);
    const before = await figureCount(ctx);
    let res: Response | undefined;
    const log = await logged(async () => {
      res = await post("/api/figures", await manyFigures(ctx, 100));
    });
    assert.equal(res!.status, 503);
    const err = ((await res!.json()) as ErrorJson).error;
    assert.equal(err.code, "STORAGE_FULL");
    assert.match(err.message, /đầy/);
    assert.match(log, /SQLITE_FULL/);
    assert.doesNotMatch(log, /cannot rollback/);
    await sql.raw("pragma max_page_count = 1073741823").execute(ctx.db);
    assert.equal(await figureCount(ctx), before);
    // Once there is room again, the same save goes through.
    assert.equal((await post("/api/figures", await manyFigures(ctx, 100))).status, 200);
  } finally {
    await database.close();
  }
});

describe("SQLite written by another process (a CLI import holding the write lock)", () => {
  let dir: string;
  let database: Database;
  let ctx: Ctx;
  let post: (path: string, body: unknown) => Promise<Response>;

  /** Another process takes the write lock (BEGIN IMMEDIATE) for `ms`; resolves once it holds it. */
  const holdLock = (ms: number) =>
    new Promise<{ done: Promise<void> }>((resolve, reject) => {
      const script = `const D = require("better-sqlite3"); const d = new D(process.argv[1]); d.exec("BEGIN IMMEDIATE"); process.stdout.write("locked\\n"); setTimeout(() => { d.exec("COMMIT"); d.close(); }, Number(process.argv[2]));`;
      const child = spawn(process.execPath, ["-e", script, join(dir, "db.sqlite"), String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
      const done = new Promise<void>((r) => child.on("exit", () => r()));
      child.on("error", reject);
      child.stdout.once("data", () => resolve({ done }));
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "danvan-busy-"));
    database = openDatabase({ sqlitePath: join(dir, "db.sqlite") });
    await migrate(database);
    ctx = await seededContext(database);
    ({ post } = await signedIn(ctx));
  });
  after(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a save waits for the lock and goes through when the import commits in time", async () => {
    const { done } = await holdLock(1200);
    const res = await post("/api/figures", { unitCode: "21583", indicator: "reception.turns", period: "2026Q1", value: 4 });
    assert.equal(res.status, 200, await res.clone().text());
    await done;
  });

  test("a counted request that writes nothing else (the report reader) answers while the lock is still held: its counter does not wait", async () => {
    const { done } = await holdLock(2500);
    const res = await post("/api/extract", { text: "Năm 2024, hòa giải thành 12 vụ." });
    assert.equal(res.status, 200);
    // The other process must still hold the lock now (the answer did not wait for its commit).
    const probe = new SQLite(join(dir, "db.sqlite"), { timeout: 0 });
    try {
      assert.throws(() => probe.exec("BEGIN IMMEDIATE"), /locked/, "the answer waited for the other process to commit");
    } finally {
      probe.close();
    }
    await done;
  });

  test("past the busy timeout: 503 BUSY with Retry-After, in Vietnamese, nothing written", async () => {
    await sql`pragma busy_timeout = 300`.execute(ctx.db);
    const before = await figureCount(ctx);
    const { done } = await holdLock(2500);
    try {
      const res = await post("/api/figures", { unitCode: "21583", indicator: "mediation.cases", period: "2026Q1", value: 4 });
      assert.equal(res.status, 503);
      assert.ok(Number(res.headers.get("retry-after")) > 0);
      const err = ((await res.json()) as ErrorJson).error;
      assert.equal(err.code, "BUSY");
      assert.match(err.message, /bận.*thử lại/);
    } finally {
      await done;
      await sql`pragma busy_timeout = 5000`.execute(ctx.db);
    }
    assert.equal(await figureCount(ctx), before);
  });
});

describe("PostgreSQL faults", { skip: PG_URL ? false : "DANVAN_TEST_PG_URL not set" }, () => {
  test("a save waits for a table another connection has locked, then goes through", async () => {
    const database = await freshDatabase("postgres");
    const other = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${database.schema}` });
    try {
      const ctx = await seededContext(database);
      const { post } = await signedIn(ctx);
      await other.connect();
      await other.query("begin");
      await other.query("lock table figures in access exclusive mode");
      const saving = post("/api/figures", { unitCode: "21583", indicator: "reception.turns", period: "2026Q1", value: 4 });
      await new Promise((r) => setTimeout(r, 500));
      await other.query("commit");
      assert.equal((await saving).status, 200);
    } finally {
      await other.end().catch(() => undefined);
      await database.close();
    }
  });

  test("PostgreSQL's own codes map to the same faults: lock timeout → BUSY, disk full → STORAGE_FULL, standby → STORAGE_READONLY", async () => {
    const database = await freshDatabase("postgres");
    try {
      // A real lock timeout from the server, not a made-up error object.
      const ctx = await seededContext(database);
      const other = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${database.schema}` });
      await other.connect();
      await other.query("begin");
      await other.query("lock table figures in access exclusive mode");
      let caught: unknown;
      try {
        await ctx.db.transaction().execute(async (tx) => {
          await sql`set local lock_timeout = '200ms'`.execute(tx);
          await tx.selectFrom("figures").selectAll().execute();
        });
      } catch (e) {
        caught = e;
      } finally {
        await other.query("rollback");
        await other.end();
      }
      const r = toErrorResponse(caught);
      assert.equal(r.status, 503);
      assert.equal(r.body.error.code, "BUSY");
      assert.equal(r.headers["retry-after"], "5");
      const withCode = (code: string) => Object.assign(new Error("x"), { code });
      assert.equal(storageFault(withCode("53100"))?.code, "STORAGE_FULL");
      assert.equal(storageFault(withCode("25006"))?.code, "STORAGE_READONLY");
      assert.equal(storageFault(withCode("ECONNREFUSED"))?.code, "STORAGE_UNAVAILABLE");
      assert.equal(storageFault(withCode("23505")), null);
    } finally {
      await database.close();
    }
  });
});

test("a read-only database at start-up: the CLI names the file and the cause in one line, no stack trace", { skip: process.platform === "win32" }, () => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-ro-"));
  const file = join(dir, "danvan.sqlite");
  const { DATABASE_URL: _, ...env } = process.env;
  try {
    const main = new URL("../main.ts", import.meta.url).pathname;
    const init = spawnSync(process.execPath, ["--import", "tsx", main, "init"], { env: { ...env, DANVAN_SQLITE: file }, encoding: "utf8" });
    assert.equal(init.status, 0, init.stderr);
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    // root writes through file modes: run as nobody then (as an unprivileged service would).
    const asUser = process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
    const cmd = [...asUser, process.execPath, "--import", "tsx", main, "init"];
    const r = spawnSync(cmd[0]!, cmd.slice(1), { env: { ...env, DANVAN_SQLITE: file }, encoding: "utf8" });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stderr.includes(file), r.stderr);
    assert.match(r.stderr, /chỉ cho đọc/);
    assert.match(r.stderr, /SQLITE_READONLY/);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
  } finally {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
});
