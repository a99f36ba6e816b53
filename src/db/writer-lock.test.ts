import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";
import { ThreadLock } from "./writer-lock.ts";

test("the shared write lock is granted in the order it was asked for, and only after release", async () => {
  const a = new ThreadLock();
  const b = new ThreadLock(a.memory);
  const order: string[] = [];
  await a.acquire();
  const waiters = ["b1", "a2", "b3"].map((name) => (name.startsWith("a") ? a : b).acquire().then(() => order.push(name)));
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(order, [], "nobody gets the lock while it is held");
  for (let i = 0; i < 3; i++) {
    // The holder releases (the lock is the shared memory: either object releases it).
    a.release();
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(order.length, i + 1, "one waiter at a time");
  }
  await Promise.all(waiters);
  assert.deepEqual(order, ["b1", "a2", "b3"]);
  b.release();
});

test("a thread waiting for the lock another thread holds wakes when it is released, without blocking its event loop", async () => {
  const lock = new ThreadLock();
  await lock.acquire();
  // The other thread asks for the lock (its ticket: 1), says so, and says again when it has it.
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const cells = new Int32Array(workerData);
     const ticket = Atomics.add(cells, 0, 1);
     parentPort.postMessage("asked");
     // A wait in progress keeps no thread alive by itself (the server's threads have their message ports).
     const alive = setInterval(() => {}, 1000);
     (async () => {
       for (;;) { const s = Atomics.load(cells, 1); if (s === ticket) break; const w = Atomics.waitAsync(cells, 1, s); if (w.async) await w.value; }
       parentPort.postMessage("held");
       Atomics.add(cells, 1, 1); Atomics.notify(cells, 1);
       clearInterval(alive);
     })();`,
    { eval: true, workerData: lock.memory },
  );
  const heard: string[] = [];
  const next = () => new Promise<void>((r) => worker.once("message", (m: string) => (heard.push(m), r())));
  await next();
  // This thread's event loop runs while the other waits: timers fire.
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(heard, ["asked"], "the other thread waits while this one holds the lock");
  const held = next();
  lock.release();
  await held;
  assert.deepEqual(heard, ["asked", "held"], "released, the other thread gets it");
  await lock.acquire();
  lock.release();
  await worker.terminate();
});
