import { test } from "node:test";
import assert from "node:assert/strict";
import { Outbox, type OutItem, type OutboxState } from "./outbox.ts";

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

const fig = (indicator: string, value: number): OutItem => ({ kind: "figure", key: `1|2026Q4|${indicator}|`, unitId: 1, indicator, period: "2026Q4", disagg: "", value });
class Offline extends Error {}
class Refused extends Error {}

function harness(storage = new MemoryStorage()) {
  const sent: OutItem[] = [];
  const timers: Array<() => void> = [];
  const states: OutboxState[] = [];
  let online = true;
  const box = new Outbox({
    storage, storageKey: "q",
    send: async (item) => {
      if (!online) throw new Offline();
      if (item.kind === "figure" && item.value > 1000) throw new Refused("Giá trị quá lớn");
      sent.push(item);
    },
    retryable: (e) => e instanceof Offline,
    message: (e) => (e as Error).message,
    onChange: (s) => states.push(s),
    schedule: (fn) => timers.push(fn),
  });
  return { box, sent, timers, states, storage, setOnline: (v: boolean) => (online = v) };
}

test("while offline changes wait (state pending), survive a reload, and are sent once the connection is back", async () => {
  const a = harness();
  a.setOnline(false);
  a.box.put(fig("reception.turns", 12));
  await a.box.flush();
  assert.equal(a.box.state().status, "pending");
  assert.equal(a.sent.length, 0);
  assert.equal(a.timers.length, 1, "a retry is scheduled");

  // The page is reloaded before the connection comes back: the queue is read from storage.
  const b = harness(a.storage);
  assert.deepEqual(b.box.pending(), [fig("reception.turns", 12)]);
  await b.box.flush();
  assert.deepEqual(b.sent, [fig("reception.turns", 12)]);
  assert.equal(b.box.state().status, "saved");
  assert.deepEqual(JSON.parse(b.storage.getItem("q")!), []);
});

test("only the newest value of a field is sent; a refused value leaves with its message and does not block the rest", async () => {
  const a = harness();
  a.setOnline(false);
  a.box.put(fig("reception.turns", 1));
  a.box.put(fig("reception.turns", 2));
  a.box.put(fig("mediation.cases", 5000));
  a.box.put(fig("mediation.successful", 3));
  await a.box.flush();
  assert.equal(a.box.pending().length, 3);
  a.setOnline(true);
  a.timers.shift()!();
  await a.box.flush();
  assert.deepEqual(a.sent.map((s) => s.kind === "figure" && [s.indicator, s.value]), [["reception.turns", 2], ["mediation.successful", 3]]);
  const st = a.box.state();
  assert.equal(st.status, "error");
  assert.equal(st.errors.get("1|2026Q4|mediation.cases|"), "Giá trị quá lớn");
  a.box.put(fig("mediation.cases", 5));
  await a.box.flush();
  assert.equal(a.box.state().status, "saved");
});

test("flush() resolves only after everything queued meanwhile has been sent", async () => {
  const a = harness();
  a.box.put(fig("reception.turns", 1));
  a.box.put(fig("reception.people", 2));
  await a.box.flush();
  assert.equal(a.sent.length, 2);
  assert.equal(a.box.pending().length, 0);
});

test("a busy server's Retry-After is waited out, and retries are spread so refused browsers do not come back together", async () => {
  class Busy extends Error {
    constructor(readonly retryAfterMs: number) {
      super("Máy chủ đang bận");
    }
  }
  const run = async (retryAfterMs: number | null, random: number) => {
    const delays: number[] = [];
    let fail = 2;
    const box = new Outbox({
      storage: new MemoryStorage(), storageKey: "q",
      send: async () => {
        if (fail-- > 0) throw retryAfterMs === null ? new Offline() : new Busy(retryAfterMs);
      },
      retryable: (e) => e instanceof Offline || e instanceof Busy,
      retryAfterMs: (e) => (e instanceof Busy ? e.retryAfterMs : undefined),
      random: () => random,
      message: (e) => (e as Error).message,
      onChange: () => undefined,
      schedule: (fn, ms) => delays.push(ms) && setTimeout(fn, 0),
    });
    box.put(fig("reception.turns", 3));
    await box.flush();
    for (let i = 0; i < 20 && box.state().status !== "saved"; i++) await new Promise((r) => setTimeout(r, 1));
    assert.equal(box.state().status, "saved");
    return delays;
  };
  // Offline: 2 s, then 4 s; stretched by up to half at random.
  assert.deepEqual(await run(null, 0), [2000, 4000]);
  assert.deepEqual(await run(null, 0.5), [2500, 5000]);
  // A busy server asking for 9 s is not asked again sooner.
  assert.deepEqual(await run(9000, 0), [9000, 18000]);
  assert.deepEqual(await run(9000, 0.99), [13455, 26910]);
});
