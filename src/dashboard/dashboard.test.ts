import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { transition } from "../submissions/submission.service.ts";
import { parsePeriod } from "../core/period.ts";
import { dashboard, preReformPeriod, reportForm, trendPeriods } from "./dashboard.service.ts";

test("trend periods run back through year ends; the pre-reform period steps back whole years", () => {
  assert.deepEqual(trendPeriods(parsePeriod("2025Q2"), 4).map((p) => p.id), ["2024Q3", "2024Q4", "2025Q1", "2025Q2"]);
  assert.equal(preReformPeriod(parsePeriod("2026Q3")).id, "2024Q3");
  assert.equal(preReformPeriod(parsePeriod("2025S1")).id, "2025S1");
  assert.equal(preReformPeriod(parsePeriod("2025")).id, "2024");
});

describeEachDatabase("dashboard service", (get) => {
  let ctx: Ctx;
  let newLocNinh: number;
  let dongNai: number;
  let reviewer: Actor;

  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    newLocNinh = h.resolveCode("25270", "2025-07-01").id;
    dongNai = h.resolveCode("75", "2025-07-01").id;
    const old = { asOf: "2024-12-31", indicator: "reception.turns" };
    await saveFigures(ctx, SYSTEM, [
      // 2024, before the reform: the three old communes that became Xã Lộc Ninh.
      { ...old, unitCode: "25270", period: "2024Q3", value: 40 },
      { ...old, unitCode: "25288", period: "2024Q3", value: 12 },
      { ...old, unitCode: "25297", period: "2024Q3", value: 9 },
      { ...old, unitCode: "25270", period: "2025Q2", value: 30 },
      { unitId: newLocNinh, indicator: "reception.turns", period: "2026Q2", value: 50 },
      { unitId: newLocNinh, indicator: "reception.turns", period: "2026Q3", value: 55 },
      { unitId: newLocNinh, indicator: "mediation.cases", period: "2026Q3", value: 10 },
      { unitId: newLocNinh, indicator: "mediation.successful", period: "2026Q3", value: 8 },
    ]);
    reviewer = await userAt(ctx, "reviewer", "75", "2026-01-01");
  });

  test("a new commune's dashboard: this quarter, the previous one, the same quarter a year before as now", async () => {
    const d = await dashboard(ctx, reviewer, { unitId: newLocNinh, period: "2026Q3" });
    const turns = d.indicators.find((i) => i.key === "reception.turns")!;
    assert.equal(turns.current.value, 55);
    assert.equal(turns.previous.value, 50);
    assert.equal(turns.lastYear.value, null);
    const ok = d.indicators.find((i) => i.key === "mediation.successful")!;
    assert.equal(ok.current.ratio, 0.8);
    // The trend reaches back before the reform: the old communes' figures count in the new one.
    const trend = new Map(d.focus.trend.map((p) => [p.id, p.value]));
    assert.equal(trend.get("2025Q2"), 30);
    assert.equal(trend.get("2026Q3"), 55);
  });

  test("before and after the reform, the same place: the three old communes as reported, the new commune as now", async () => {
    const d = await dashboard(ctx, reviewer, { unitId: newLocNinh, period: "2026Q3" });
    const r = d.focus.reform!;
    assert.equal(r.period.id, "2024Q3");
    assert.deepEqual(r.before.rows.map((x) => [x.unit.code, x.value]), [["25270", 40], ["25288", 12], ["25297", 9]]);
    assert.equal(r.before.total, 61);
    assert.deepEqual(r.after.rows.map((x) => x.value), [61]);
  });

  test("a province's dashboard compares its communes and counts who filed on time", async () => {
    await transition(ctx, SYSTEM, newLocNinh, "2026Q3", "submit");
    const d = await dashboard(ctx, reviewer, { unitId: dongNai, period: "2026Q3", indicator: "reception.turns" });
    assert.equal(d.indicators.find((i) => i.key === "reception.turns")!.current.value, 55);
    assert.equal(d.focus.children.find((c) => c.unit.id === newLocNinh)?.value, 55);
    assert.ok(d.submissions);
    assert.equal(d.submissions.counts.late, 1, "submitted after the due date of 2026-10-07 (today is 2026-11-25)");
    assert.equal(d.submissions.counts.missing, d.submissions.rows.length - 1);
  });

  test("a unit formed in 2025 looked at for 2024 compares its sub-units as reported: the units then whose figures went into it", async () => {
    const d = await dashboard(ctx, reviewer, { unitId: newLocNinh, period: "2024Q3", indicator: "reception.turns" });
    assert.equal(d.indicators.find((i) => i.key === "reception.turns")!.current.value, 61, "the unit's own total as now, as before");
    assert.deepEqual(d.focus.children.map((c) => [c.unit.code, c.unit.fullName, c.value]), [["25270", "Thị trấn Lộc Ninh", 40], ["25288", "Xã Lộc Thuận", 12], ["25297", "Xã Lộc Thái", 9]]);
    assert.equal(d.focus.childrenAsOf, "2024-09-30");
    // Today's Đồng Nai for 2024: the two provinces that reported then, and who of them filed.
    const p = await dashboard(ctx, reviewer, { unitId: dongNai, period: "2024Q3", indicator: "reception.turns" });
    assert.deepEqual(p.focus.children.map((c) => [c.unit.code, c.unit.level, c.value]), [["70", "province", 61], ["75", "province", null]]);
    assert.deepEqual(p.submissions?.rows.map((r) => r.unit.code), ["70", "75"]);
    // A 2026 period: today's communes, as before.
    const now = await dashboard(ctx, reviewer, { unitId: dongNai, period: "2026Q3", indicator: "reception.turns" });
    assert.equal(now.focus.childrenAsOf, now.asOf);
    assert.ok(now.focus.children.some((c) => c.unit.id === newLocNinh));
  });

  test("the report form gives last period's value beside each field and the report's status", async () => {
    const f = await reportForm(ctx, reviewer, newLocNinh, "2026Q3");
    assert.equal(f.previousValues["reception.turns"], 50);
    assert.equal(f.submission.status, "submitted");
    assert.deepEqual(f.figures.map((x) => x.indicator).sort(), ["mediation.cases", "mediation.successful", "reception.turns"]);
  });

  test("outside the user's unit: OUT_OF_SCOPE; an unknown indicator: INDICATOR_NOT_FOUND", async () => {
    const reporter = await userAt(ctx, "reporter", "25270", "2026-01-01");
    await assert.rejects(dashboard(ctx, reporter, { unitId: dongNai, period: "2026Q3" }), { code: "OUT_OF_SCOPE" });
    await assert.rejects(dashboard(ctx, reviewer, { unitId: dongNai, period: "2026Q3", indicator: "nope" }), { code: "INDICATOR_NOT_FOUND" });
  });
});

describeEachDatabase("dashboard counts register records like the roll-up does", (get) => {
  test("a petition recorded at a commune that reported no figure shows in the commune's and the province's tiles", async () => {
    const ctx = await seededContext(get());
    await import("../registers/plugin.ts"); // registers its figure source, as src/features.ts does in the product
    const { createPetition } = await import("../registers/petition.service.ts");
    const { rollupValue } = await import("../figures/rollup.service.ts");
    const h = await hierarchyOf(ctx);
    const commune = h.resolveCode("25270", "2026-01-01").id;
    const province = h.resolveCode("75", "2026-01-01").id;
    await createPetition(ctx, SYSTEM, { unitId: commune, type: "khieu_nai", receivedOn: "2026-08-05", petitioner: "Võ Thị E", content: "Khiếu nại thu hồi đất" });
    const viaValues = await rollupValue(ctx, SYSTEM, { unitId: province, indicator: "petitions.received", period: "2026Q3" });
    assert.equal(viaValues.value, 1);
    for (const unitId of [commune, province]) {
      const d = await dashboard(ctx, SYSTEM, { unitId, period: "2026Q3" });
      assert.equal(d.indicators.find((r) => r.key === "petitions.received")?.current.value, 1, `unit ${unitId}`);
    }
  });
});
