/**
 * A server on SQLite with a write thread (DANVAN_WRITE_THREAD=1, src/db/write-thread.ts): figures saved there are in
 * the totals the main thread reads at once, the main thread's own writes go on beside them, and bad input gets the
 * same answer as without the thread.
 */
import { freePort } from "../test-support/ports.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, type ChildProcess } from "node:child_process";
import { startServe } from "../test-support/serve.ts";
import { totalsRows } from "../test-support/totals-rows.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, migrate } from "../db/database.ts";
import { makeContext } from "../context.ts";
import { loadConfig } from "../config.ts";
import { rebuildTotals } from "../totals/totals.rebuild.ts";

const PASSWORD = "chung-mot-tep-so-lieu-2026";

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;

async function serve(env: Record<string, string>): Promise<{ server: ChildProcess; call: Call }> {
  const port = await freePort();
  const { server, log } = await startServe(env, port);
  assert.match(log, /lưu số liệu trên luồng ghi riêng/, "the server says it saves on its write thread");
  const r = await fetch(`http://127.0.0.1:${port}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "hailuong", password: PASSWORD }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.get("set-cookie")!.split(";")[0]!;
  const call: Call = async (method, path, body) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, json: await res.json() };
  };
  return { server, call };
}

/** The kept totals, and the totals of a rebuild, of the database in `file`. */
async function totalsOf(file: string, rebuild: boolean): Promise<string[]> {
  const d = openDatabase({ sqlitePath: file });
  await migrate(d);
  try {
    if (rebuild) await rebuildTotals(makeContext(d, loadConfig({})));
    return await totalsRows(d);
  } finally {
    await d.close();
  }
}

test("a server saving figures on its write thread: totals read at once, the main thread's writes beside them, bad input refused as before, totals equal a rebuild", { timeout: 300_000 }, async () => {
  const file = join(mkdtempSync(join(tmpdir(), "danvan-thread-")), "db.sqlite");
  // No refusals at the door: a loaded test machine may take over a second for a save, and this test is about what is saved.
  const env = { DANVAN_SQLITE: file, DANVAN_WRITE_THREAD: "1", DANVAN_PASSWORD_COST: "10", DANVAN_WRITE_WAIT_MS: "0" };
  const init = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "user-add", "--username", "hailuong", "--name", "Hai luồng", "--role", "admin", "--unit", "VN"], { env: { ...process.env, ...env, DANVAN_NEW_PASSWORD: PASSWORD }, encoding: "utf8" });
  assert.equal(init.status, 0, init.stderr);
  const { server, call } = await serve(env);
  try {
    const total = async (indicator = "reception.turns") => (await call("GET", `/api/values?unitCode=VN&indicator=${indicator}&period=2026`)).json.value as number | null;
    const commune = async () => {
      const r = await call("GET", "/api/values/children?unitCode=52&asOf=2026-06-30&indicator=reception.turns&period=2026");
      return (r.json.children as Array<{ unit: { code: string }; value: number | null }>).find((c) => c.unit.code === "21583")!.value;
    };
    assert.equal(await total(), null);
    for (const [i, code] of ["21583", "00004", "21583"].entries()) {
      const saved = await call("POST", "/api/figures", { unitCode: code, asOf: "2026-06-30", indicator: "reception.turns", period: `2026${String(i + 1).padStart(2, "0")}`, value: 10 + i });
      assert.equal(saved.status, 200, JSON.stringify(saved.json));
      assert.equal(saved.json.figures[0].value, 10 + i);
      assert.equal(await total(), [10, 21, 33][i], "the national total, read right after the save");
      assert.equal(await commune(), [10, 10, 22][i], "the commune's total, read right after the save");
    }
    // Bad input: the same codes as without the thread, and nothing saved.
    const negative = await call("POST", "/api/figures", { unitCode: "21583", asOf: "2026-06-30", indicator: "reception.turns", period: "202604", value: -3 });
    assert.equal(negative.status, 400);
    assert.equal(negative.json.error.code, "VALUE_NEGATIVE");
    const stale = await call("POST", "/api/figures", { unitCode: "21583", asOf: "2026-06-30", indicator: "reception.turns", period: "202601", value: 99, version: 7 });
    assert.equal(stale.status, 409);
    assert.equal(stale.json.error.code, "CONFLICT");
    assert.match(stale.json.error.message, /[\p{L}]/u);
    assert.equal(await total(), 33, "nothing of the refused saves counted");
    // An indicator made on the main thread is saved on the write thread at once (its catalog is read by version).
    const made = await call("POST", "/api/indicators", { key: "hai.luong", label: "Chỉ tiêu thử hai luồng", unit: "cuộc" });
    assert.equal(made.status, 200, JSON.stringify(made.json));
    const onThread = await call("POST", "/api/figures", { unitCode: "21583", asOf: "2026-06-30", indicator: "hai.luong", period: "2026Q1", value: 4 });
    assert.equal(onThread.status, 200, JSON.stringify(onThread.json));
    assert.equal(await total("hai.luong"), 4);
    // Many saves at once, while the main thread writes indicators and deletes a figure: every one answers.
    const codes = ["21583", "00004", "00008", "00025", "00070"];
    const saves = Array.from({ length: 150 }, (_, k) => call("POST", "/api/figures", { unitCode: codes[k % 5]!, asOf: "2026-06-30", indicator: ["dialogues.held", "mediation.cases", "docs.issued"][k % 3]!, period: `2026${String(1 + (k % 12)).padStart(2, "0")}`, value: k }));
    const mains = Array.from({ length: 8 }, (_, k) => call("POST", "/api/indicators", { key: `hai.luong${k}`, label: `Chỉ tiêu thử ${k}`, unit: "cuộc" }));
    const gone = call("DELETE", `/api/figures/${onThread.json.figures[0].id}`);
    const answers = await Promise.all([...saves, ...mains, gone]);
    assert.deepEqual(answers.map((a) => a.status).filter((s) => s !== 200), [], "every write answered with success");
    assert.equal(await total("hai.luong"), null, "the figure deleted on the main thread left the total");
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
  }
  const kept = await totalsOf(file, false);
  assert.ok(kept.length > 100);
  assert.deepEqual(await totalsOf(file, true), kept, "kept totals equal a rebuild");
});
