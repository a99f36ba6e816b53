/**
 * Several servers on one PostgreSQL: nothing lives only in one process's memory that another
 * changes. Two real server processes share a database; what one writes, the other answers at once.
 */
import { freePorts } from "../test-support/ports.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PG_URL } from "../test-support/db.ts";

const PASSWORD = "bon-chan-dung-vung-2026";

async function start(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      if (err.includes("danvan đang chạy")) resolve();
    });
    child.once("exit", (c) => reject(new Error(`server exited ${c}: ${err.slice(-1500)}`)));
  });
  return child;
}

async function signIn(port: number): Promise<(method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>> {
  const r = await fetch(`http://127.0.0.1:${port}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "haimay", password: PASSWORD }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.get("set-cookie")!.split(";")[0]!;
  return async (method, path, body) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, json: await res.json() };
  };
}

test("two servers on one PostgreSQL: a figure saved through one is in the national total read through the other at once; a new indicator too", { skip: PG_URL ? false : "PostgreSQL tests SKIPPED: set DANVAN_TEST_PG_URL", timeout: 300_000 }, async () => {
  const name = `danvan_two_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const env = { DATABASE_URL: PG_URL!.replace(/\/[^/]*$/, `/${name}`), DANVAN_PASSWORD_COST: "10" };
  const servers: ChildProcess[] = [];
  try {
    const init = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "user-add", "--username", "haimay", "--name", "Hai máy", "--role", "admin", "--unit", "VN"], { env: { ...process.env, ...env, DANVAN_NEW_PASSWORD: PASSWORD }, encoding: "utf8" });
    assert.equal(init.status, 0, init.stderr);
    const [pa, pb] = (await freePorts(2)) as [number, number];
    servers.push(await start(env, pa), await start(env, pb));
    const [a, b] = [await signIn(pa), await signIn(pb)];
    const total = async () => (await b("GET", "/api/values?unitCode=VN&indicator=reception.turns&period=2026")).json.value as number | null;
    // A commune's total is computed when asked and kept by the server that computed it, while no
    // server writes what it counts.
    const commune = async () => {
      const r = await b("GET", "/api/values/children?unitCode=52&asOf=2026-06-30&indicator=reception.turns&period=2026");
      return (r.json.children as Array<{ unit: { code: string }; value: number | null }>).find((c) => c.unit.code === "21583")!.value;
    };
    assert.equal(await total(), null);
    assert.equal(await commune(), null);
    for (const [i, code] of ["21583", "00004", "00008", "21583"].entries()) {
      const saved = await a("POST", "/api/figures", { unitCode: code, asOf: "2026-06-30", indicator: "reception.turns", period: `2026${String(i + 1).padStart(2, "0")}`, value: 10 + i });
      assert.equal(saved.status, 200, JSON.stringify(saved.json));
      assert.equal(await total(), [10, 21, 33, 46][i], "read through the other server right after the save");
      assert.equal(await commune(), [10, 10, 10, 23][i], "the commune's total, read through the other server right after the save");
    }
    // The catalog is cached per process; a new indicator made through A is usable through B at once.
    const made = await a("POST", "/api/indicators", { key: "hai.may", label: "Chỉ tiêu thử hai máy", unit: "cuộc" });
    assert.equal(made.status, 200, JSON.stringify(made.json));
    const onB = await b("POST", "/api/figures", { unitCode: "21583", asOf: "2026-06-30", indicator: "hai.may", period: "2026Q1", value: 4 });
    assert.equal(onB.status, 200, JSON.stringify(onB.json));
    assert.equal((await a("GET", "/api/values?unitCode=VN&indicator=hai.may&period=2026")).json.value, 4);
  } finally {
    for (const s of servers) s.kill("SIGTERM");
    await Promise.all(servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once("exit", r)))));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
