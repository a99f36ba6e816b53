/** The review queue: longest waiting first, filtered by state and sub-unit, and "next". */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { DomainError } from "../core/errors.ts";
import { nextForReview, reviewQueue, transition } from "./submission.service.ts";

describeEachDatabase("review queue", (get) => {
  let ctx: Ctx;
  let reviewer: Actor;
  let ids: number[] = [];

  before(async () => {
    ctx = await seededContext(get(), "2026-11-25");
    const h = await hierarchyOf(ctx);
    const province = h.resolveCode("52", "2026-01-01").id;
    ids = h.childrenOf(province, "2026-11-25").slice(0, 3).map((u) => u.id);
    reviewer = await userAt(ctx, "reviewer", "52");
    // Submitted on 20/11, 01/10 and 10/11: the one of 01/10 has waited longest.
    for (const [i, day] of ["2026-11-20", "2026-10-01", "2026-11-10"].entries()) {
      await transition(ctx, SYSTEM, ids[i]!, "2026Q3", "submit");
      await ctx.db.updateTable("submissions").set({ submitted_at: `${day}T08:00:00.000Z` }).where("unit_id", "=", ids[i]!).execute();
    }
  });

  test("longest waiting first, with the days waited; newest first on request", async () => {
    const q = await reviewQueue(ctx, reviewer);
    assert.deepEqual(q.map((r) => r.unit.id), [ids[1], ids[2], ids[0]]);
    assert.deepEqual(q.map((r) => r.waitingDays), [55, 15, 5]);
    assert.deepEqual((await reviewQueue(ctx, reviewer, { sort: "newest" })).map((r) => r.unit.id), [ids[0], ids[2], ids[1]]);
  });

  test("filter by state and by sub-unit; a unit outside the reviewer's scope is refused", async () => {
    await transition(ctx, reviewer, ids[2]!, "2026Q3", "return", "Thiếu số liệu.");
    assert.deepEqual((await reviewQueue(ctx, reviewer, { state: "returned" })).map((r) => [r.unit.id, r.returnReason]), [[ids[2], "Thiếu số liệu."]]);
    assert.deepEqual((await reviewQueue(ctx, reviewer)).map((r) => r.unit.id), [ids[1], ids[0]]);
    assert.deepEqual((await reviewQueue(ctx, reviewer, { unitId: ids[0] })).map((r) => r.unit.id), [ids[0]]);
    const hanoi = (await hierarchyOf(ctx)).resolveCode("01", "2026-01-01").id;
    await assert.rejects(reviewQueue(ctx, reviewer, { unitId: hanoi }), (e: unknown) => e instanceof DomainError && e.code === "OUT_OF_SCOPE");
  });

  test("next: the longest waiting other than the one just opened; null when none is left", async () => {
    assert.equal((await nextForReview(ctx, reviewer))!.unit.id, ids[1]);
    assert.equal((await nextForReview(ctx, reviewer, { after: `${ids[1]}/2026Q3` }))!.unit.id, ids[0]);
    await transition(ctx, reviewer, ids[1]!, "2026Q3", "approve");
    await transition(ctx, reviewer, ids[0]!, "2026Q3", "approve");
    assert.equal(await nextForReview(ctx, reviewer), null);
  });

  test("a 2025 province's reviewer gets the 2024 reports of the communes that went into it, filtered by a 2024 district and by period", async () => {
    const h = await hierarchyOf(ctx);
    // Thị xã An Khê (old Gia Lai) and Thành phố Quy Nhơn (old Bình Định): 2024 districts of today's Gia Lai.
    const anKhe = h.resolveCode("623", "2024-01-01").id;
    const inAnKhe = h.childrenOf(anKhe, "2024-12-31")[0]!;
    const inQuyNhon = h.childrenOf(h.resolveCode("540", "2024-01-01").id, "2024-12-31")[0]!;
    await transition(ctx, SYSTEM, inAnKhe.id, "2024Q4", "submit");
    await transition(ctx, SYSTEM, inQuyNhon.id, "2024Q4", "submit");
    await transition(ctx, SYSTEM, ids[2]!, "2026Q3", "submit");
    const all = (await reviewQueue(ctx, reviewer)).map((r) => `${r.unit.fullName} ${r.period}`).sort();
    assert.deepEqual(all, [`${inAnKhe.fullName} 2024Q4`, `${inQuyNhon.fullName} 2024Q4`, `${h.require(ids[2]!).fullName} 2026Q3`].sort());
    assert.deepEqual((await reviewQueue(ctx, reviewer, { unitId: anKhe })).map((r) => [r.unit.id, r.period]), [[inAnKhe.id, "2024Q4"]]);
    assert.deepEqual((await reviewQueue(ctx, reviewer, { period: "2024Q4" })).map((r) => r.unit.id).sort(), [inAnKhe.id, inQuyNhon.id].sort());
    assert.deepEqual((await reviewQueue(ctx, reviewer, { period: "2026Q3" })).map((r) => r.unit.id), [ids[2]]);
    assert.equal((await nextForReview(ctx, reviewer, { unitId: anKhe, period: "2024Q4" }))!.unit.id, inAnKhe.id);
    // A 2024 district of another province is outside the scope; a period that is none is refused.
    await assert.rejects(reviewQueue(ctx, reviewer, { unitId: h.resolveCode("001", "2024-01-01").id }), (e: unknown) => e instanceof DomainError && e.code === "OUT_OF_SCOPE");
    await assert.rejects(reviewQueue(ctx, reviewer, { period: "2024Q5" }), (e: unknown) => e instanceof DomainError && e.code === "PERIOD_INVALID");
  });

  test("a 2024 district's filter also lists the reports of the 2025 communes that came from it", async () => {
    const h = await hierarchyOf(ctx);
    const anKhe = h.resolveCode("623", "2024-01-01").id;
    const ward = h.resolveCode("23617", "2026-01-01").id; // Phường An Khê, formed from An Khê's old wards
    await transition(ctx, SYSTEM, ward, "2026Q3", "submit");
    assert.ok((await reviewQueue(ctx, reviewer, { unitId: anKhe })).some((r) => r.unit.id === ward && r.period === "2026Q3"));
    assert.ok(!(await reviewQueue(ctx, reviewer, { unitId: h.resolveCode("540", "2024-01-01").id })).some((r) => r.unit.id === ward));
  });
});
