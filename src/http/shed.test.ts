import { describe, test, after, before } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { freshDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import type { Ctx } from "../context.ts";
import { Committer } from "../db/committer.ts";
import { createApp } from "./app.ts";
import { shedWrites, type WriteGate } from "./shed.ts";

// Node's listener behind the door as `danvan serve` builds it (here with the writer's signal only), and a
// committer whose wait limit is 50 ms held up by an import-like work.
let ctx: Ctx;
let server: Server;
let base: string;
let writer: Committer;
let release!: () => void;
let held: Promise<unknown>;

before(async () => {
  ctx = await seededContext(await freshDatabase("sqlite"));
  writer = new Committer(ctx.database.db, 1, 50);
  server = createServer(shedWrites(writer, getRequestListener(createApp(ctx).fetch)));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  release?.();
  await new Promise((r) => server.close(r));
  await ctx.database.close();
});

const post = (path: string, body: unknown = {}) => fetch(base + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

test("a writer that is not behind: writes reach the API as usual", async () => {
  // Without a session the API itself answers 401: the door let the request through.
  assert.equal((await post("/api/figures", { unitId: 1 })).status, 401);
});

test("while the writer is too far behind, API writes are refused at the door: 503 SERVER_BUSY, Retry-After, before the session or body is read", async () => {
  const gate = new Promise<void>((r) => (release = r));
  held = writer.run(async () => gate, true);
  const waiting = writer.run(async () => "waiting");
  await new Promise((r) => setTimeout(r, 90));

  // The same request that got 401 above is now refused before the API looks at its session.
  const refused = await post("/api/figures", { unitId: 1 });
  assert.equal(refused.status, 503);
  assert.ok(Number(refused.headers.get("retry-after")) >= 1, String(refused.headers.get("retry-after")));
  assert.equal(refused.headers.get("cache-control"), "no-store");
  const body = (await refused.json()) as { error: { code: string; message: string; details: { retryAfter: number } } };
  assert.equal(body.error.code, "SERVER_BUSY");
  assert.match(body.error.message, /Máy chủ đang bận: 1 lượt ghi đang chờ\. Chưa lưu gì/);
  assert.ok(body.error.details.retryAfter >= 1);
  for (const m of ["PUT", "PATCH", "DELETE"]) assert.equal((await fetch(`${base}/api/figures/1`, { method: m })).status, 503, m);

  // Reads, pages and the posts that only read (a pasted report) still pass.
  assert.equal((await fetch(base + "/health")).status, 200);
  assert.equal((await fetch(base + "/api/me")).status, 401);
  // (the reader's routes are not mounted here: the API's own 404 shows the door let it through)
  assert.equal((await post("/api/extract?x=1", { text: "x" })).status, 404);
  assert.notEqual((await post("/khong-phai-api")).status, 503);
  // An import is queued behind the work before it, as the committer takes it (the API answers 401 here).
  assert.equal((await fetch(base + "/api/figures/import?dryRun=1", { method: "POST", headers: { "content-type": "text/csv" }, body: "a,b\n" })).status, 401);

  release();
  await held;
  assert.equal(await waiting, "waiting");
  assert.equal((await post("/api/figures", { unitId: 1 })).status, 401, "writes pass again once the writer has caught up");
});

describe("the door reads the main thread's queue as CoDel does: the quickest successful write of each half second", () => {
  const never: WriteGate = { busy: () => null };
  /** A server whose answers take as long as the path says (400 ms: behind a queue; 0: quick), behind a door with a 200 ms limit. */
  async function door() {
    const s = createServer(shedWrites(never, (req, res) => {
      setTimeout(() => res.writeHead(req.url === "/api/fail" ? 409 : 200).end("{}"), req.url === "/api/fast" || req.url === "/api/fail" ? 0 : 400);
    }, 200));
    await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    const send = (path: string, method = "POST") => fetch(url + path, { method }).then(async (r) => ({ status: r.status, body: await r.text(), retry: r.headers.get("retry-after") }));
    return { send, close: () => new Promise((r) => s.close(r)) };
  }
  const halfSecond = () => new Promise((r) => setTimeout(r, 560));

  test("a half second whose every write waited past the limit: new writes are refused until a half second passes with none that slow", async () => {
    const { send, close } = await door();
    assert.equal((await send("/api/slow")).status, 200);
    await halfSecond();
    const refused = await send("/api/slow");
    assert.equal(refused.status, 503);
    assert.equal(refused.retry, "1");
    assert.match(refused.body, /"code":"SERVER_BUSY".*Máy chủ đang bận\. Chưa lưu gì; vui lòng gửi lại sau 1 giây/);
    assert.equal((await send("/api/slow")).status, 503, "the whole next half second");
    assert.equal((await send("/api/slow", "GET")).status, 200, "reads pass");
    await halfSecond();
    assert.equal((await send("/api/slow")).status, 200, "nothing answered in the last half second: nothing to refuse for");
    await close();
  });

  test("one slow write among quick ones is not a queue; quick refusals (409) do not count as quick answers", async () => {
    const { send, close } = await door();
    await Promise.all([send("/api/slow"), send("/api/fast")]);
    await halfSecond();
    assert.equal((await send("/api/slow")).status, 200);
    assert.equal((await send("/api/fail")).status, 409);
    await halfSecond();
    assert.equal((await send("/api/slow")).status, 503);
    await close();
  });
});
