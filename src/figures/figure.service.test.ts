import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt, figureCount } from "../test-support/fixture.ts";
import type { Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { saveFigures } from "./figure.service.ts";
import { importFigures, parseFiguresCsv } from "./exchange.service.ts";
import { rollupValue, rollupChildren } from "./rollup.service.ts";
import { transition } from "../submissions/submission.service.ts";
import { listAudit } from "../audit/audit.ts";
import { DomainError } from "../core/errors.ts";
import { setSplitShares } from "../units/unit.service.ts";
import { hierarchyOf, inTransaction } from "../context.ts";
import { rebuildTotals, writeTotalsState } from "../totals/totals.rebuild.ts";
import { figureSources, type FigureSource } from "../plugins.ts";

const rejects = (code: string) => (e: unknown) => e instanceof DomainError && e.code === code;

describeEachDatabase("figures: save, roll up, refuse bad input", (get) => {
  let ctx: Ctx;
  let reporter: Actor; // reporter of old Xã Lộc Thuận (25288), 2024
  before(async () => {
    ctx = await seededContext(get());
    reporter = await userAt(ctx, "reporter", "25288", "2024-06-01");
  });

  test("Krông Pa 2023: an area total of 19 dialogues is the district's value, and its province adds it once", async () => {
    await saveFigures(ctx, SYSTEM, [
      { unitCode: "637", indicator: "dialogues.held", period: "2023", value: 19, kind: "area" },
      { unitCode: "637", indicator: "dialogues.held", period: "2023Q4", value: 2 },
      { unitCode: "24076", indicator: "dialogues.held", period: "2023", value: 5 },
    ]);
    const v = await rollupValue(ctx, SYSTEM, { unitCode: "637", indicator: "dialogues.held", period: "2023" });
    assert.equal(v.unit.fullName, "Huyện Krông Pa");
    assert.equal(v.value, 19);
    assert.deepEqual(v.area, { areaTotal: 19, computedSum: 7, difference: 12 });
    const p = await rollupValue(ctx, SYSTEM, { unitCode: "64", indicator: "dialogues.held", period: "2023" });
    assert.equal(p.value, 19);
  });

  test("a 2024 figure of old Xã Lộc Thuận counts in the new Xã Lộc Ninh as now, and not in the old town as reported", async () => {
    await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "reception.turns", period: "2024", value: 12 }]);
    await saveFigures(ctx, SYSTEM, [{ unitCode: "25270", indicator: "reception.turns", period: "2024", value: 40 }]);
    const asReported = await rollupValue(ctx, SYSTEM, { unitCode: "25270", indicator: "reception.turns", period: "2024" });
    assert.equal(asReported.unit.fullName, "Thị trấn Lộc Ninh");
    assert.equal(asReported.value, 40);
    const asNow = await rollupValue(ctx, SYSTEM, { unitCode: "25270", indicator: "reception.turns", period: "2024", asOf: "2025-07-01" });
    assert.equal(asNow.unit.fullName, "Xã Lộc Ninh");
    assert.equal(asNow.value, 52);
    const dongNai = await rollupChildren(ctx, SYSTEM, { unitCode: "75", indicator: "reception.turns", period: "2024", asOf: "2025-07-01" });
    assert.equal(dongNai.total.value, 52);
    assert.equal(dongNai.children.find((c) => c.unit.code === "25270")?.value, 52);
  });

  test("monthly figures add up to the quarter and the year; a quarter figure beside its months stands and the months are set aside", async () => {
    // Xã Lộc Thái (25297) reports every month; Xã Lộc Thuận (25288) reports Q1 and also months 1-4.
    const months = Array.from({ length: 12 }, (_, i) => ({ unitCode: "25297", indicator: "campaign.sessions", period: `2024${String(i + 1).padStart(2, "0")}`, value: i + 1 }));
    await saveFigures(ctx, SYSTEM, [
      ...months,
      { unitCode: "25288", indicator: "campaign.sessions", period: "2024Q1", value: 100 },
      ...[1, 2, 3, 4].map((m) => ({ unitCode: "25288", indicator: "campaign.sessions", period: `20240${m}`, value: 10 })),
    ]);
    const lt = await rollupValue(ctx, SYSTEM, { unitCode: "25297", indicator: "campaign.sessions", period: "2024Q2" });
    assert.equal(lt.value, 4 + 5 + 6);
    assert.equal(lt.counted, 3);
    const district = await rollupValue(ctx, SYSTEM, { unitCode: "692", indicator: "campaign.sessions", period: "2024" });
    assert.equal(district.value, 78 + 100 + 10); // Lộc Thái's 12 months; Lộc Thuận's Q1 stands over months 1-3, April counts
    assert.equal(district.counted, 12 + 2);
    assert.equal(district.setAside, 3);
  });

  test("old Phường Thành Công, split in 2025, counts at Hà Nội until an administrator records shares; then each successor takes its share", async () => {
    await saveFigures(ctx, SYSTEM, [{ unitCode: "00034", indicator: "mediation.cases", period: "2024", value: 20 }]);
    const asNow = { indicator: "mediation.cases", period: "2024", asOf: "2025-07-01" };
    const h = await hierarchyOf(ctx);
    const old = h.resolveCode("00034", "2024-12-31");
    const succ = h.successors(old.id).map((e) => e.toId);
    assert.ok(succ.length >= 2, "Thành Công was split");
    const first = h.require(succ[0]!);
    assert.equal((await rollupValue(ctx, SYSTEM, { ...asNow, unitId: first.id })).value, null);
    const hanoi = await rollupValue(ctx, SYSTEM, { ...asNow, unitCode: "01" });
    assert.equal(hanoi.value, 20);
    assert.equal(hanoi.notAllocated, 1);

    await assert.rejects(setSplitShares(ctx, SYSTEM, { fromId: old.id, shares: succ.map((toId) => ({ toId, share: 0.1 })) }), rejects("VALIDATION"));
    await assert.rejects(setSplitShares(ctx, reporter, { fromId: old.id, shares: succ.map((toId, i) => ({ toId, share: i === 0 ? 1 : 0 })) }), rejects("FORBIDDEN"));
    const shares = succ.map((toId, i) => ({ toId, share: i === 0 ? 0.5 : 0.5 / (succ.length - 1) }));
    await setSplitShares(ctx, SYSTEM, { fromId: old.id, shares });
    assert.equal((await rollupValue(ctx, SYSTEM, { ...asNow, unitId: first.id })).value, 10);
    const after = await rollupValue(ctx, SYSTEM, { ...asNow, unitCode: "01" });
    assert.equal(after.value, 20);
    assert.equal(after.notAllocated, 0);
  });

  test("an import that overwrites a value keeps the earlier value in its audit row", async () => {
    await saveFigures(ctx, SYSTEM, [{ unitCode: "25297", indicator: "oversight.count", period: "2024Q2", value: 3 }]);
    const csv = "unit_code,indicator,period,value,as_of\n25297,oversight.count,2024Q2,5,2024-12-31\n25297,oversight.count,2024Q3,2,2024-12-31\n";
    const r = await importFigures(ctx, SYSTEM, parseFiguresCsv(csv), "csv", csv);
    assert.deepEqual([r.inserted, r.updated], [1, 1]);
    const [row] = await listAudit(ctx.db, { entity: "import_batch", entityId: String(r.batchId) });
    assert.ok(row, "the import has an audit row");
    const before = row.before as { overwritten: Array<{ period: string; value: number }> };
    assert.deepEqual(before.overwritten.map((o) => [o.period, o.value]), [["2024Q2", 3]]);
  });

  test("a count from records fills in for a unit that reported nothing; a reported figure stands over it", async () => {
    const h = await hierarchyOf(ctx);
    const a = h.resolveCode("25270", "2024-12-31").id; // reports 7
    const b = h.resolveCode("25297", "2024-12-31").id; // keeps only records: 4
    await saveFigures(ctx, SYSTEM, [{ unitId: a, indicator: "awards.collectives", period: "2024Q1", value: 7 }]);
    const asked: string[] = [];
    const source: FigureSource = {
      indicators: new Set(["awards.collectives"]),
      count: async (_c, q) => {
        asked.push(`${q.periodStart}..${q.periodEnd}`);
        return [{ unitId: a, value: 9, disagg: "" }, { unitId: b, value: 4, disagg: "" }];
      },
      recordUnitYears: async () => [{ unitId: a, year: 2024 }, { unitId: b, year: 2024 }],
    };
    figureSources.push(source);
    try {
      // Maintained totals take the counts in when they are built (registers track their own writes).
      await rebuildTotals(ctx);
      const kept = await rollupValue(ctx, SYSTEM, { unitCode: "692", indicator: "awards.collectives", period: "2024Q1" });
      assert.equal(kept.value, 7 + 4);
      assert.ok(asked.includes("2024-01-01..2024-03-31"));
      // Computed afresh (totals not usable): the same rule, the same answer.
      await inTransaction(ctx, (tx) => writeTotalsState(tx, { ready: false, epoch: "" }));
      asked.length = 0;
      const fresh = await rollupValue(ctx, SYSTEM, { unitCode: "692", indicator: "awards.collectives", period: "2024Q1" });
      assert.equal(fresh.value, 7 + 4);
      assert.deepEqual(asked, ["2024-01-01..2024-03-31"]);
    } finally {
      figureSources.splice(figureSources.indexOf(source), 1);
      await rebuildTotals(ctx);
    }
  });

  test("ratio indicators carry their denominator: 34/37 → 91,9%", async () => {
    await saveFigures(ctx, SYSTEM, [
      { unitCode: "637", indicator: "mediation.successful", period: "2023", value: 34, kind: "area" },
      { unitCode: "637", indicator: "mediation.cases", period: "2023", value: 37, kind: "area" },
    ]);
    const v = await rollupValue(ctx, SYSTEM, { unitCode: "637", indicator: "mediation.successful", period: "2023" });
    assert.equal(v.value, 34);
    assert.deepEqual(v.denominator, { indicator: "mediation.cases", value: 37 });
    assert.equal(Math.round(v.ratio! * 1000) / 10, 91.9);
  });

  test("an update keeps one value per key and writes an audit row with before and after", async () => {
    const [first] = await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "mediation.cases", period: "2024Q1", value: 3, comment: "sổ hòa giải" }]);
    const [second] = await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "mediation.cases", period: "2024Q1", value: 4, status: "estimated" }]);
    assert.equal(first!.id, second!.id);
    const rows = await listAudit(ctx.db, { entity: "figure", entityId: String(first!.id) });
    assert.equal(rows[0]!.action, "figure.update");
    assert.deepEqual([(rows[0]!.before as { value: number }).value, (rows[0]!.after as { value: number }).value], [3, 4]);
    assert.equal(rows[0]!.userId, (reporter as { userId: number }).userId);
  });

  test("bad input gets a stable code and changes nothing", async () => {
    const before = await figureCount(ctx);
    const cases: Array<[unknown, string]> = [
      [{ unitCode: "99999", indicator: "reception.turns", period: "2024", value: 1 }, "UNIT_NOT_FOUND"],
      [{ unitCode: "25288", indicator: "no.such", period: "2024", value: 1 }, "INDICATOR_NOT_FOUND"],
      [{ unitCode: "25288", indicator: "reception.turns", period: "2024Q7", value: 1 }, "PERIOD_INVALID"],
      [{ unitCode: "25288", indicator: "reception.turns", period: "2024", value: -3 }, "VALUE_NEGATIVE"],
      [{ unitCode: "25288", indicator: "reception.turns", period: "2024", value: 2.5 }, "VALUE_NOT_WHOLE"],
      [{ unitCode: "25288", indicator: "reception.turns", period: "2024", value: "mười" }, "VALIDATION"],
      [{ unitCode: "25288", indicator: "reception.turns", period: "2024", value: 1, disagg: "topic=xyz" }, "DISAGG_INVALID"],
      // The old commune did not exist in 2026.
      [{ unitId: 0, unitCode: "25288", indicator: "reception.turns", period: "2026", value: 1 }, "VALIDATION"],
    ];
    for (const [input, code] of cases) {
      await assert.rejects(saveFigures(ctx, reporter, [input]), rejects(code), code);
    }
    // A batch with one bad figure writes none of it.
    await assert.rejects(saveFigures(ctx, reporter, [
      { unitCode: "25288", indicator: "contrib.trees", period: "2024", value: 100 },
      { unitCode: "25288", indicator: "contrib.trees", period: "2024Q1", value: -1 },
    ]), rejects("VALUE_NEGATIVE"));
    assert.equal(await figureCount(ctx), before);
  });

  test("a reporter of one commune can neither write nor read another", async () => {
    const before = await figureCount(ctx);
    await assert.rejects(saveFigures(ctx, reporter, [{ unitCode: "25297", indicator: "reception.turns", period: "2024", value: 1 }]), rejects("OUT_OF_SCOPE"));
    await assert.rejects(rollupValue(ctx, reporter, { unitCode: "25297", indicator: "reception.turns", period: "2024" }), rejects("OUT_OF_SCOPE"));
    const viewer = await userAt(ctx, "viewer", "25288", "2024-06-01");
    await assert.rejects(saveFigures(ctx, viewer, [{ unitCode: "25288", indicator: "reception.turns", period: "2024", value: 1 }]), rejects("FORBIDDEN"));
    assert.equal(await figureCount(ctx), before);
  });

  test("submitted and approved periods are locked until a reviewer reopens them", async () => {
    const reviewer = await userAt(ctx, "reviewer", "692", "2024-06-01");
    await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "dvk.models", period: "2024Q2", value: 1 }]);
    const unitId = (await rollupValue(ctx, SYSTEM, { unitCode: "25288", indicator: "dvk.models", period: "2024Q2" })).unit.id;
    await transition(ctx, reporter, unitId, "2024Q2", "submit");
    await assert.rejects(saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "dvk.models", period: "202405", value: 2 }]), rejects("PERIOD_LOCKED"));
    await assert.rejects(transition(ctx, reporter, unitId, "2024Q2", "approve"), rejects("FORBIDDEN"));
    await assert.rejects(transition(ctx, reviewer, unitId, "2024Q2", "return", "  "), rejects("REASON_REQUIRED"));
    const returned = await transition(ctx, reviewer, unitId, "2024Q2", "return", "Thiếu số liệu hòa giải");
    assert.equal(returned.returnReason, "Thiếu số liệu hòa giải");
    await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "dvk.models", period: "2024Q2", value: 2 }]);
    await transition(ctx, reporter, unitId, "2024Q2", "submit");
    const approved = await transition(ctx, reviewer, unitId, "2024Q2", "approve");
    assert.equal(approved.status, "approved");
    await assert.rejects(saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "dvk.models", period: "2024Q2", value: 3 }]), rejects("PERIOD_LOCKED"));
    await assert.rejects(transition(ctx, reporter, unitId, "2024Q2", "submit"), rejects("SUBMISSION_ILLEGAL_TRANSITION"));
    await transition(ctx, reviewer, unitId, "2024Q2", "reopen", "Sửa số liệu theo kết luận kiểm tra");
    await saveFigures(ctx, reporter, [{ unitCode: "25288", indicator: "dvk.models", period: "2024Q2", value: 3 }]);
    assert.equal((await rollupValue(ctx, SYSTEM, { unitCode: "25288", indicator: "dvk.models", period: "2024Q2" })).value, 3);
  });
});
