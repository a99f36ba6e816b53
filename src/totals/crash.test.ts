/**
 * kill -9 in the middle: nothing accepted is lost, nothing half-written stays, and the maintained
 * totals equal a rebuild — during a big import and during many concurrent saves, on both engines.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PG_URL } from "../test-support/db.ts";
import { startServe } from "../test-support/serve.ts";
import { totalsRows } from "../test-support/totals-rows.ts";
import { openDatabase, migrate, type Database } from "../db/database.ts";
import { makeContext } from "../context.ts";
import { loadConfig } from "../config.ts";
import { rebuildTotals, totalsUsable } from "./totals.rebuild.ts";

const PASSWORD = "mat-dien-giua-chung-2026";

interface Engine {
  name: "sqlite" | "postgres";
  env: Record<string, string>;
  open(): Database;
  drop(): Promise<void>;
}

async function engine(name: "sqlite" | "postgres"): Promise<Engine> {
  if (name === "sqlite") {
    const file = join(mkdtempSync(join(tmpdir(), "danvan-crash-")), "db.sqlite");
    return { name, env: { DANVAN_SQLITE: file }, open: () => openDatabase({ sqlitePath: file }), drop: async () => {} };
  }
  const db = `danvan_crash_${randomBytes(4).toString("hex")}`;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`create database ${db}`);
  await c.end();
  const url = PG_URL!.replace(/\/[^/]*$/, `/${db}`);
  return {
    name, env: { DATABASE_URL: url }, open: () => openDatabase({ url }),
    drop: async () => {
      const d = new pg.Client({ connectionString: PG_URL });
      await d.connect();
      await d.query(`drop database if exists ${db} with (force)`);
      await d.end();
    },
  };
}

const cli = (e: Engine, args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", ...args], { env: { ...process.env, ...e.env, DANVAN_PASSWORD_COST: "10", ...extra }, encoding: "utf8" });

async function checkTotals(e: Engine): Promise<void> {
  const d = e.open();
  await migrate(d);
  try {
    const ctx = makeContext(d, loadConfig({}));
    assert.ok(await totalsUsable(ctx), "the totals are still marked ready");
    const kept = await totalsRows(d);
    await rebuildTotals(ctx);
    assert.deepEqual(await totalsRows(d), kept, "kept totals equal a rebuild");
  } finally {
    await d.close();
  }
}

const kill = (p: ChildProcess) => new Promise<void>((r) => {
  p.once("exit", () => r());
  p.kill("SIGKILL");
});

for (const name of ["sqlite", "postgres"] as const) {
  const skip = name === "postgres" && !PG_URL ? "PostgreSQL tests SKIPPED: set DANVAN_TEST_PG_URL" : false;

  test(`[${name}] kill -9 during a big import: nothing of it stays, and the totals equal a rebuild`, { skip, timeout: 600_000 }, async () => {
    const e = await engine(name);
    try {
      // Some figures before, so the totals have something to keep.
      const seed = join(mkdtempSync(join(tmpdir(), "danvan-crash-")), "seed.csv");
      const { writeFileSync } = await import("node:fs");
      writeFileSync(seed, "unit_code,indicator,period,value,as_of\n25288,reception.turns,202403,7,2024-12-31\n21583,reception.turns,202603,5,2026-06-30\n");
      assert.equal(cli(e, ["import", seed]).status, 0);
      const file = join(mkdtempSync(join(tmpdir(), "danvan-crash-")), "big.csv");
      const w = createWriteStream(file);
      w.write("unit_code,indicator,period,value,as_of\n");
      const d0 = e.open();
      await migrate(d0);
      const codes = (await d0.db.selectFrom("units").select("code").where("level", "=", "commune").where("valid_to", "=", "2025-06-30").limit(6000).execute()).map((r) => r.code);
      await d0.close();
      let n = 0;
      for (const ind of ["reception.turns", "dialogues.held", "mediation.cases", "oversight.count", "contrib.trees"]) for (let m = 1; m <= 12; m++) for (const c of codes) if (n++ < 300_000) w.write(`${c},${ind},2024${String(m).padStart(2, "0")},${n % 9},2024-12-31\n`);
      await new Promise((r) => w.end(r));
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "import", file], { env: { ...process.env, ...e.env }, stdio: ["ignore", "ignore", "pipe"] });
      // Kill it once it has written a good part (its progress line says so).
      await new Promise<void>((resolve) => {
        let err = "";
        child.stderr!.on("data", (b: Buffer) => {
          err += b.toString();
          const m = /Đã đọc ([\d.]+) dòng/.exec(err.slice(-200));
          if (m && Number(m[1]!.replace(/\./g, "")) >= 60_000) resolve();
        });
        child.once("exit", () => resolve());
      });
      await kill(child);
      const d = e.open();
      await migrate(d);
      const count = Number((await d.db.selectFrom("figures").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      await d.close();
      assert.equal(count, 2, "all or nothing: the killed import left no figure");
      await checkTotals(e);
    } finally {
      await e.drop();
    }
  });

  // On SQLite also with the server's write thread (src/db/write-thread.ts): its commits are as durable as the main thread's.
  for (const threaded of name === "sqlite" ? [false, true] : [false]) test(`[${name}${threaded ? ", write thread" : ""}] kill -9 during many concurrent saves: every acknowledged save is there, and the totals equal a rebuild`, { skip, timeout: 600_000 }, async () => {
    const e = await engine(name);
    try {
      assert.equal(cli(e, ["user-add", "--username", "tonghop", "--name", "Tổng hợp", "--role", "admin", "--unit", "VN"], { DANVAN_NEW_PASSWORD: PASSWORD }).status, 0);
      const port = 3970 + (name === "sqlite" ? 1 : 2) + (threaded ? 2 : 0);
      const { server } = await startServe({ ...e.env, DANVAN_PASSWORD_COST: "10", DANVAN_WRITE_THREAD: threaded ? "1" : "0" }, port);
      const login = await fetch(`http://127.0.0.1:${port}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "tonghop", password: PASSWORD }) });
      const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
      const acknowledged: Array<{ code: string; indicator: string; period: string; value: number }> = [];
      let stop = false;
      const codes = ["21583", "00004", "00008", "00025", "00070"];
      const indicators = ["reception.turns", "dialogues.held", "mediation.cases", "docs.issued"];
      const client = async (k: number) => {
        for (let i = 0; !stop; i++) {
          const body = { unitCode: codes[k % codes.length]!, asOf: "2026-11-30", indicator: indicators[Math.floor(k / codes.length) % indicators.length]!, period: `2026${String(1 + (i % 11)).padStart(2, "0")}`, value: k * 1000 + i };
          try {
            const r = await fetch(`http://127.0.0.1:${port}/api/figures`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
            if (r.status === 200) acknowledged.push({ code: body.unitCode, indicator: body.indicator, period: body.period, value: body.value });
          } catch {
            return; // the server died under us
          }
        }
      };
      const clients = Array.from({ length: 20 }, (_, k) => client(k));
      await new Promise((r) => setTimeout(r, 4000));
      await kill(server);
      stop = true;
      await Promise.all(clients);
      assert.ok(acknowledged.length >= 10, `${acknowledged.length} saves acknowledged before the kill`);
      // The last acknowledged value of each figure is stored.
      const last = new Map(acknowledged.map((a) => [`${a.code}|${a.indicator}|${a.period}`, a.value]));
      const d = e.open();
      await migrate(d);
      const rows = await d.db.selectFrom("figures").innerJoin("units", "units.id", "figures.unit_id").select(["units.code", "figures.indicator", "figures.period", "figures.value"]).execute();
      await d.close();
      const stored = new Map(rows.map((r) => [`${r.code}|${r.indicator}|${r.period}`, r.value]));
      for (const [k, v] of last) assert.ok(stored.has(k) && stored.get(k)! >= v, `${k}: acknowledged ${v}, stored ${stored.get(k)}`);
      await checkTotals(e);
    } finally {
      await e.drop();
    }
  });
}
