/**
 * The unit picker's tree at a date: a reviewer of the Gia Lai formed on 1 July 2025 asking for a day
 * in 2024 gets the units in force then whose figures went into it (old Gia Lai and Bình Định, their
 * districts and communes) under their own province; for 2026 the new communes and no districts; a
 * commune reporter gets one unit either way, and the country's user is unchanged.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import type { Ctx } from "../context.ts";
import type { Actor } from "../accounts/actor.ts";
import { unitTree, type UnitTree } from "./unit-tree.service.ts";

const byCode = (t: UnitTree) => new Map(t.units.map((r) => [r[4], r]));
const names = (t: UnitTree) => new Set(t.units.map((r) => r[3]));

describeEachDatabase("unit tree at a date", (get) => {
  let ctx: Ctx;
  let gialai: Actor & { kind: "user" };

  before(async () => {
    ctx = await seededContext(get(), "2026-11-25");
    gialai = await userAt(ctx, "reviewer", "52") as Actor & { kind: "user" };
  });

  test("a 2025 province looking at 2024: the old provinces, districts and communes that went into it, under it", async () => {
    const t = await unitTree(ctx, gialai, "2024-12-31");
    assert.equal(t.root, gialai.unitId);
    assert.equal(t.asOf, "2024-12-31");
    const rows = byCode(t);
    const ids = new Set(t.units.map((r) => r[0]));
    assert.ok(ids.has(gialai.unitId), "the user's province is the root");
    assert.equal(t.units.find((r) => r[0] === t.root)![1], null);
    assert.equal(rows.get("64")?.[3], "Tỉnh Gia Lai", "old Gia Lai");
    assert.equal(rows.get("64")?.[1], t.root, "hung under the user's province");
    assert.equal(rows.get("623")?.[3], "Thị xã An Khê", "an old district of Gia Lai");
    assert.equal(rows.get("623")?.[1], rows.get("64")?.[0]);
    assert.equal(rows.get("540")?.[3], "Thành phố Quy Nhơn", "an old city of Bình Định");
    assert.ok(t.units.some((r) => r[2] === "commune" && r[1] === rows.get("540")?.[0]), "with its old wards");
    assert.ok(!names(t).has("Phường Quy Nhơn Đông"), "no 2025 commune");
    assert.ok(!t.units.some((r) => r[4] === "49" || r[3] === "Tỉnh Quảng Nam"), "nothing of another province");
    for (const r of t.units) if (r[1] !== null) assert.ok(ids.has(r[1]), `${r[3]}: its parent is in the tree`);
  });

  test("the same reviewer in 2026: the new communes, no districts", async () => {
    const t = await unitTree(ctx, gialai, "2026-09-30");
    const n = names(t);
    assert.ok(n.has("Phường Quy Nhơn Đông"));
    assert.ok(n.has("Phường An Khê"));
    assert.ok(!n.has("Thị xã An Khê"));
    assert.ok(!t.units.some((r) => r[2] === "district"));
    assert.deepEqual(await unitTree(ctx, gialai), { ...t, asOf: "2026-11-25" }, "today's tree is the same");
  });

  test("a commune reporter gets one unit at either date; the country's tree is the country's", async () => {
    const quyNhon = await userAt(ctx, "reporter", "21583");
    assert.equal((await unitTree(ctx, quyNhon, "2026-09-30")).units.length, 1);
    const old = await unitTree(ctx, quyNhon, "2024-12-31");
    assert.ok(old.units.length > 1 && old.units.every((r) => r[2] === "commune" || r[0] === old.root), "the old wards that went into it");
    const national = await userAt(ctx, "reviewer", "VN");
    const t = await unitTree(ctx, national, "2024-12-31");
    assert.equal(t.units.filter((r) => r[2] === "province").length, 63);
  });
});
