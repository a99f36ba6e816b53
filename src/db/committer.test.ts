import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, figureCount } from "../test-support/fixture.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { rollupValue } from "../figures/rollup.service.ts";
import { DomainError } from "../core/errors.ts";
import { toErrorResponse } from "../http/errors.ts";
import { Committer } from "./committer.ts";

describeEachDatabase("group commit", (get) => {
  let ctx: Ctx;
  let communes: number[];

  test("past its wait limit the committer refuses a new write at once (503, Retry-After), runs nothing of it, and takes writes again once it has caught up", async () => {
    const c = new Committer(get().db, 1, 50);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // An import-like work holds the lane; a save waits behind it past the limit.
    const first = c.run(async () => (await gate, "first"), true);
    const waiting = c.run(async () => "waiting");
    await new Promise((r) => setTimeout(r, 90));
    let ran = false;
    const refused = await c.run(async () => ((ran = true), "late")).then(() => null, (e: unknown) => e);
    assert.ok(refused instanceof DomainError && refused.code === "SERVER_BUSY", String(refused));
    assert.equal(ran, false, "nothing of the refused write ran");
    const http = toErrorResponse(refused);
    assert.equal(http.status, 503);
    assert.ok(Number(http.headers["retry-after"]) >= 1, JSON.stringify(http.headers));
    assert.match(http.body.error.message, /Máy chủ đang bận/);
    release();
    assert.deepEqual(await Promise.all([first, waiting]), ["first", "waiting"]);
    assert.equal(await c.run(async () => "again"), "again");
  });

  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    communes = h.childrenOf(h.resolveCode("52", "2026-01-01").id, "2026-01-01").slice(0, 40).map((u) => u.id);
  });

  test("many saves at once share transactions; a bad one is refused alone and the rest are kept and counted", async () => {
    const before = await figureCount(ctx);
    const saves = communes.map((unitId, i) =>
      saveFigures(ctx, SYSTEM, [{ unitId, indicator: "reception.turns", period: "202603", value: i === 7 ? -5 : 10 }]).then(() => "ok", (e: unknown) => (e as DomainError).code));
    const results = await Promise.all(saves);
    assert.equal(results.filter((r) => r === "ok").length, communes.length - 1);
    assert.equal(results[7], "VALUE_NEGATIVE");
    assert.equal(await figureCount(ctx), before + communes.length - 1);
    const v = await rollupValue(ctx, SYSTEM, { unitCode: "52", asOf: "2026-03-31", indicator: "reception.turns", period: "2026Q1" });
    assert.equal(v.value, 10 * (communes.length - 1));
  });

  test("several bad saves in one batch: each gets its own error, every good one is kept once and counted once", async () => {
    const before = await figureCount(ctx);
    const bad = new Set([0, 9, 10, 25, 39]);
    const saves = communes.map((unitId, i) =>
      saveFigures(ctx, SYSTEM, [{ unitId, indicator: "dialogues.turns", period: "202605", value: bad.has(i) ? -1 : 4 }]).then(() => "ok", (e: unknown) => (e as DomainError).code));
    const results = await Promise.all(saves);
    assert.deepEqual(results.flatMap((r, i) => (r === "ok" ? [] : [[i, r]])), [...bad].map((i) => [i, "VALUE_NEGATIVE"]));
    assert.equal(await figureCount(ctx), before + communes.length - bad.size);
    const v = await rollupValue(ctx, SYSTEM, { unitCode: "52", asOf: "2026-05-31", indicator: "dialogues.turns", period: "202605" });
    assert.equal(v.value, 4 * (communes.length - bad.size));
  });

  test("a work that fails after writing leaves nothing behind, while the works committed with it stay", async () => {
    const before = await figureCount(ctx);
    const failing = inTransaction(ctx, async (tx) => {
      await saveFigures(tx, SYSTEM, [{ unitId: communes[0]!, indicator: "dialogues.held", period: "202604", value: 3 }]);
      throw new DomainError("VALIDATION", "thử lỗi sau khi đã ghi");
    });
    const fine = communes.slice(1, 6).map((unitId) => saveFigures(ctx, SYSTEM, [{ unitId, indicator: "dialogues.held", period: "202604", value: 2 }]));
    await assert.rejects(failing, /thử lỗi/);
    await Promise.all(fine);
    assert.equal(await figureCount(ctx), before + 5);
    const v = await rollupValue(ctx, SYSTEM, { unitCode: "52", asOf: "2026-04-30", indicator: "dialogues.held", period: "202604" });
    assert.equal(v.value, 10, "the failed work's 3 is not in the total");
  });
  test("a long batch lets the event loop turn (a read or /health is not held until the whole batch commits)", async () => {
    let done = 0;
    let seenAtFirstTurn: number | null = null;
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    // 100 works queued at once share one batch; each takes 1 ms of CPU, as a save does on a slow machine.
    const works = Array.from({ length: 100 }, (_, i) => inTransaction(ctx, async () => {
      if (i === 0) setImmediate(() => (seenAtFirstTurn ??= done));
      spin(1);
      done++;
    }));
    await Promise.all(works);
    assert.equal(done, 100);
    assert.ok(seenAtFirstTurn !== null && seenAtFirstTurn < 50, `the loop first turned after ${seenAtFirstTurn} of 100 works`);
  });
});
