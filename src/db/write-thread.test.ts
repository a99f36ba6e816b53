import { test } from "node:test";
import assert from "node:assert/strict";
import { WriteThread } from "./write-thread.ts";
import { ThreadLock } from "./writer-lock.ts";
import { isDomainError } from "../core/errors.ts";

/** A thread that says it is ready, answers "echo" at once, holds "hold" unanswered, and ends on "die". */
const ENTRY = new URL(`data:text/javascript,${encodeURIComponent(`
  import { parentPort } from "node:worker_threads";
  parentPort.on("message", (m) => {
    if (m.op === "echo") parentPort.postMessage({ id: m.id, value: m.args });
    if (m.op === "refuse") parentPort.postMessage({ id: m.id, error: { name: "DomainError", code: "VALUE_NEGATIVE", message: "Giá trị không được âm (-4).", details: { value: -4 } } });
    if (m.op === "die") process.exit(3);
    if (m.close) process.exit(0);
  });
  parentPort.postMessage({ ready: true });
`)}`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("the write thread answers with its value or its DomainError, and refuses new calls once its oldest has waited half the limit", async () => {
  const thread = await WriteThread.start(ENTRY, { path: "unused", writeWaitMs: 200 }, new ThreadLock());
  try {
    assert.deepEqual(await thread.call("echo", [1, "hai"]), [1, "hai"]);
    const refused = await thread.call("refuse", []).catch((e: unknown) => e);
    assert.ok(isDomainError(refused));
    assert.equal(refused.code, "VALUE_NEGATIVE");
    assert.deepEqual(refused.details, { value: -4 });
    const held = thread.call("hold", []);
    held.catch(() => undefined);
    assert.equal(thread.busy(), null, "a call just sent is no backlog");
    await sleep(130);
    const busy = thread.busy();
    assert.ok(busy, "past half the limit, the thread is behind");
    assert.equal(busy.waiting, 1);
    const late = await thread.call("echo", []).catch((e: unknown) => e);
    assert.ok(isDomainError(late));
    assert.equal(late.code, "SERVER_BUSY");
    assert.match(late.message, /bận/);
  } finally {
    await thread.close();
  }
});

test("a write thread that ends by itself fails the calls waiting on it and says so once", async () => {
  const failures: Error[] = [];
  const thread = await WriteThread.start(ENTRY, { path: "unused", writeWaitMs: 0 }, new ThreadLock(), { failed: (e) => failures.push(e) });
  const held = thread.call("hold", []).catch((e: unknown) => e);
  void thread.call("die", []).catch(() => undefined);
  const error = await held;
  assert.ok(error instanceof Error && /stopped/.test(error.message), String(error));
  assert.equal(failures.length, 1);
  await assert.rejects(thread.call("echo", []), /stopped/);
});

test("a write thread that cannot open its database, or ends before it is ready, rejects its start", async () => {
  const fatal = new URL(`data:text/javascript,${encodeURIComponent(`import { parentPort } from "node:worker_threads"; parentPort.postMessage({ fatal: "unable to open database file" });`)}`);
  await assert.rejects(WriteThread.start(fatal, { path: "unused", writeWaitMs: 0 }, new ThreadLock()), /unable to open database file/);
  const ends = new URL(`data:text/javascript,${encodeURIComponent("process.exit(4);")}`);
  await assert.rejects(WriteThread.start(ends, { path: "unused", writeWaitMs: 0 }, new ThreadLock()), /before it was ready \(exit 4\)/);
});
