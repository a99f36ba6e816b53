import { test } from "node:test";
import assert from "node:assert/strict";
import { sharedRead } from "./point.ts";

/** A read that answers the number of reads started so far, after a turn of the event loop. */
function counter() {
  let started = 0;
  let failNext = false;
  const read = async () => {
    const n = ++started;
    await new Promise((r) => setTimeout(r, 5));
    if (failNext) {
      failNext = false;
      throw new Error(`read ${n} failed`);
    }
    return n;
  };
  return { read, started: () => started, fail: () => (failNext = true) };
}

test("callers that arrive together share reads: 100 at once cost at most two", async () => {
  const c = counter();
  const get = sharedRead(c.read);
  const answers = await Promise.all(Array.from({ length: 100 }, () => get()));
  assert.ok(c.started() <= 2, `${c.started()} reads`);
  assert.equal(new Set(answers).size, c.started());
});

test("a caller never gets the answer of a read that started before it called", async () => {
  const c = counter();
  const get = sharedRead(c.read);
  const seen: Array<{ before: number; got: number }> = [];
  const calls: Array<Promise<void>> = [];
  for (let i = 0; i < 30; i++) {
    const before = c.started();
    calls.push(get().then((got) => void seen.push({ before, got })));
    await new Promise((r) => setTimeout(r, i % 4));
  }
  await Promise.all(calls);
  for (const s of seen) assert.ok(s.got > s.before, `answer of read ${s.got} given to a caller that arrived after read ${s.before} had started`);
});

test("a failed read fails only its own callers; the next callers get a fresh read", async () => {
  const c = counter();
  const get = sharedRead(c.read);
  c.fail();
  await assert.rejects(get(), /read 1 failed/);
  assert.equal(await get(), 2);
});
