/**
 * "As reported" follows the settings' cut-off day on the server as in the web's unit picker
 * (core/period.ts reportedDay): the dashboard's structure, the roll-up's default as-of day and the
 * filing status (which sub-units should have filed) all read the units of the period's real last day.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { createUnit } from "../units/unit.service.ts";
import { getSettings, updateSettings } from "../settings/settings.service.ts";
import { rollupChildren, rollupValue } from "../figures/rollup.service.ts";
import { submissionStatusOfChildren } from "../submissions/submission.service.ts";
import { parsePeriod, reportedDay } from "../core/period.ts";
import { dashboard } from "./dashboard.service.ts";

test("the reported day: the last day after the cut-off day once the period has ended, else today", () => {
  assert.equal(reportedDay(parsePeriod("2025Q2"), 15, "2026-11-25"), "2025-06-14");
  assert.equal(reportedDay(parsePeriod("202507"), 15, "2026-11-25"), "2025-07-14", "July cut off on the 15th: 15/6 – 14/7, after the reform");
  assert.equal(reportedDay(parsePeriod("2025Q2"), 1, "2026-11-25"), "2025-06-30");
  assert.equal(reportedDay(parsePeriod("2026Q4"), 15, "2026-12-20"), "2026-12-14", "ended by its cut-off day before its calendar month");
  assert.equal(reportedDay(parsePeriod("2026Q4"), 15, "2026-12-10"), "2026-12-10", "still running: today");
  assert.equal(reportedDay(parsePeriod("2026Q2"), 15.5, "2026-11-25"), "2026-06-30", "not a whole day: calendar months");
});

describeEachDatabase("as reported with a cut-off day", (get) => {
  let ctx: Ctx;
  let giaLai = 0;
  let formed = 0;
  let binhPhuoc = 0;
  let dongNai = 0;

  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    giaLai = h.resolveCode("52", "2026-01-01").id;
    binhPhuoc = h.resolveCode("70", "2025-06-01").id;
    dongNai = h.resolveCode("75", "2025-07-01").id;
    // A commune formed on 20/6/2026: with periods cut off on the 20th, quarter II ends on 19/6, before it.
    formed = (await createUnit(ctx, SYSTEM, { code: "99620", name: "Thử Cắt Kỳ", type: "xã", level: "commune", parentId: giaLai, validFrom: "2026-06-20" })).id;
    await updateSettings(ctx, SYSTEM, { ...(await getSettings(ctx.db)), cutoffDay: 20 });
  });

  test("quarter II cut off on the 20th: the units of 19/6 on the dashboard, in the roll-up and in the filing status", async () => {
    const d = await dashboard(ctx, SYSTEM, { unitId: giaLai, period: "2026Q2" });
    assert.equal(d.asOf, "2026-06-19");
    assert.equal(d.focus.childrenAsOf, "2026-06-19");
    assert.ok(!d.focus.children.some((c) => c.unit.id === formed), "a commune formed after the period is not compared");
    assert.ok(d.submissions && !d.submissions.rows.some((r) => r.unit.id === formed), "nor asked to have filed");
    assert.equal(d.submissions.rows.length, d.focus.children.length);

    const kids = await rollupChildren(ctx, SYSTEM, { unitId: giaLai, indicator: "reception.turns", period: "2026Q2" });
    assert.equal(kids.total.asOf, "2026-06-19");
    assert.ok(!kids.children.some((c) => c.unit.id === formed));
    await assert.rejects(rollupValue(ctx, SYSTEM, { unitId: formed, indicator: "reception.turns", period: "2026Q2" }), { code: "UNIT_NOT_VALID_AT_DATE" });

    const filed = await submissionStatusOfChildren(ctx, SYSTEM, giaLai, "2026Q2");
    assert.ok(!filed.rows.some((r) => r.unit.id === formed));
    // Quarter III (20/6 – 19/9) has it.
    const q3 = await submissionStatusOfChildren(ctx, SYSTEM, giaLai, "2026Q3");
    assert.ok(q3.rows.some((r) => r.unit.id === formed));
  });

  test("across the reform: June 2025 cut off on the 15th is read on 14/6 (districts), July on 14/7 (the new communes)", async () => {
    await updateSettings(ctx, SYSTEM, { ...(await getSettings(ctx.db)), cutoffDay: 15 });
    const june = await dashboard(ctx, SYSTEM, { unitId: binhPhuoc, period: "202506" });
    assert.equal(june.asOf, "2025-06-14");
    assert.ok(june.focus.children.length > 0 && june.focus.children.every((c) => c.unit.level === "district"));
    const juneFiled = await rollupChildren(ctx, SYSTEM, { unitId: binhPhuoc, indicator: "reception.turns", period: "202506" });
    assert.equal(juneFiled.total.asOf, "2025-06-14");
    const july = await dashboard(ctx, SYSTEM, { unitId: dongNai, period: "202507" });
    assert.equal(july.asOf, "2025-07-14");
    assert.ok(july.focus.children.length > 0 && july.focus.children.every((c) => c.unit.level === "commune"));
    assert.equal((await rollupChildren(ctx, SYSTEM, { unitId: dongNai, indicator: "reception.turns", period: "202507" })).total.asOf, "2025-07-14");
  });

  test("a period still running is read in today's units, as the unit picker offers them", async () => {
    const d = await dashboard(ctx, SYSTEM, { unitId: giaLai, period: "2026Q4" });
    assert.equal(d.asOf, "2026-11-25");
    assert.equal((await rollupValue(ctx, SYSTEM, { unitId: giaLai, indicator: "reception.turns", period: "2026Q4" })).asOf, "2026-11-25");
  });
});
