import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { makeContext, type Ctx } from "../context.ts";
import { loadConfig } from "../config.ts";
import type { Actor } from "../accounts/actor.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { signIn } from "../accounts/user.service.ts";
import { listPetitions, overduePetitions } from "../registers/petition.queries.ts";
import { listRecords } from "../registers/record.service.ts";
import { PETITION_STATES, PETITION_TYPES } from "../registers/petition-rules.ts";
import { REGISTER_KEYS } from "../registers/records.ts";
import { DEMO_PASSWORD, seedDemo } from "./seed.ts";

const TODAY = "2026-11-25";

describeEachDatabase("demo registers", (get) => {
  let ctx: Ctx;
  let quynhon: Actor; // reporter of phường Quy Nhơn

  before(async () => {
    ctx = makeContext(get(), loadConfig({ DANVAN_PASSWORD_COST: "10" }), () => TODAY);
    assert.equal(await seedDemo(ctx), true);
    quynhon = (await signIn(ctx, "quynhon", DEMO_PASSWORD)).actor;
  });

  test("quynhon sees petitions of all four types at the phường, some past their deadline and some due within days", async () => {
    const mine = await listPetitions(ctx, quynhon, { limit: 1000 });
    assert.ok(mine.total >= 15, `${mine.total} petitions`);
    assert.deepEqual(new Set(mine.items.map((p) => p.type)), new Set(PETITION_TYPES));
    const late = await overduePetitions(ctx, quynhon);
    assert.ok(late.overdue >= 1, "at least one petition is Quá hạn");
    assert.ok(late.items.every((i) => i.dueOn < TODAY && i.daysOverdue > 0));
    const soon = await overduePetitions(ctx, quynhon, { withinDays: 7 });
    assert.ok(soon.dueSoon >= 1, "a few are due within days");
    assert.equal((await listPetitions(ctx, quynhon, { overdue: true })).total, late.overdue);
  });

  test("the demo petitions cover every state, with a withdrawal, a refusal with its reason, a transfer and an extended tố cáo", async () => {
    const all = (await listPetitions(ctx, SYSTEM, { limit: 1000 })).items;
    assert.ok(all.length >= 30 && all.length <= 40, `${all.length} petitions`);
    assert.deepEqual(new Set(all.map((p) => p.state)), new Set(PETITION_STATES));
    assert.ok(all.some((p) => p.withdrawn));
    assert.ok(all.some((p) => p.notAcceptedReason));
    assert.ok(all.some((p) => p.transferredTo));
    assert.ok(all.some((p) => p.type === "to_cao" && p.complexity !== "normal" && p.extensions.length === 1 && p.dueOn !== null));
    assert.ok(all.every((p) => p.receivedOn >= "2025-07-01" && p.receivedOn <= TODAY && (p.closedOn ?? TODAY) <= TODAY));
  });

  test("every register has records at quynhon's phường, dated in the new structure and not in the future", async () => {
    for (const register of REGISTER_KEYS) {
      const r = await listRecords(ctx, quynhon, register, { limit: 1000 });
      assert.ok(r.total > 0, `${register} is empty`);
      assert.ok(r.items.every((x) => x.date >= "2025-07-01" && x.date <= TODAY), register);
    }
    const receptions = (await listRecords(ctx, SYSTEM, "reception", { limit: 1000 })).items;
    assert.ok(receptions.length >= 15 && receptions.length <= 25);
    assert.ok(receptions.some((x) => x.state === "done") && receptions.some((x) => x.state === "follow_up"), "some matters done, some not");
  });

  test("a mediation team carries a warning; cases are linked to teams with all three results", async () => {
    const teams = (await listRecords(ctx, quynhon, "mediation_team")).items;
    assert.ok(teams.some((t) => t.warnings.length > 0));
    const cases = (await listRecords(ctx, SYSTEM, "mediation_case", { limit: 1000 })).items;
    assert.deepEqual(new Set(cases.map((c) => c.state)), new Set(["thanh", "khong_thanh", "dang_hoa_giai"]));
    assert.ok(cases.every((c) => c.parentId !== null));
  });

  test("a Dân vận khéo model is recognised; others are further back on their path", async () => {
    const dvk = (await listRecords(ctx, quynhon, "dvk")).items;
    assert.ok(dvk.some((m) => m.progress?.recognisedOn && ["recognised", "outstanding", "commended"].includes(m.state ?? "")));
    const all = (await listRecords(ctx, SYSTEM, "dvk")).items;
    assert.ok(new Set(all.map((m) => m.state)).size >= 4);
  });
});
