import { test, before } from "node:test";
import { outcome } from "../test-support/outcome.ts";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt, figureCount } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { DomainError } from "../core/errors.ts";
import { saveFigures } from "./figure.service.ts";
import { importFigures, parseFiguresCsv } from "./exchange.service.ts";
import { rollupValue } from "./rollup.service.ts";
import { transition } from "../submissions/submission.service.ts";
import { createIndicator } from "../indicators/indicator.service.ts";
import { dashboard } from "../dashboard/dashboard.service.ts";
import { rebuildTotals } from "../totals/totals.rebuild.ts";
import type { Figure } from "./figure.repository.ts";

const code = outcome;

describeEachDatabase("figures a province can trust (issues 12 and 13)", (get) => {
  let ctx: Ctx;
  let commune: number;

  before(async () => {
    ctx = await seededContext(get());
    commune = (await hierarchyOf(ctx)).resolveCode("21583", "2026-01-01").id;
  });

  test("a stale save gets CONFLICT with the current figure; nothing is overwritten", async () => {
    const [first] = await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "dialogues.held", period: "2026Q1", value: 9, version: 0 }]);
    assert.equal(first!.version, 1);
    // Two people opened the form at version 1; the first saves 5, the second then saves 7 from version 1.
    await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "dialogues.held", period: "2026Q1", value: 5, version: 1 }]);
    await assert.rejects(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "dialogues.held", period: "2026Q1", value: 7, version: 1 }]), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, "CONFLICT");
      const current = (e.details as { current: Figure }).current;
      assert.equal(current.value, 5);
      assert.equal(current.version, 2);
      return true;
    });
    assert.equal((await rollupValue(ctx, SYSTEM, { unitId: commune, indicator: "dialogues.held", period: "2026Q1" })).value, 5);
    // A first save that believes nothing is stored, when something is, conflicts too.
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "dialogues.held", period: "2026Q1", value: 1, version: 0 }])), "CONFLICT");
  });

  test("twenty first saves of one figure at once: no server error, one figure, totals as a rebuild gives", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "mediation.cases", period: "202602", value: i + 1 }]))));
    assert.deepEqual([...new Set(results)], ["ok"]);
    const rows = await ctx.db.selectFrom("figures").select(["value", "version"]).where("unit_id", "=", commune).where("indicator", "=", "mediation.cases").where("period", "=", "202602").execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.version, 20);
    const kept = (await rollupValue(ctx, SYSTEM, { unitCode: "VN", indicator: "mediation.cases", period: "2026" })).value;
    await rebuildTotals(ctx);
    assert.equal((await rollupValue(ctx, SYSTEM, { unitCode: "VN", indicator: "mediation.cases", period: "2026" })).value, kept);
    assert.equal(kept, rows[0]!.value);
  });

  test("a period that has not started takes no figures and no reports (PERIOD_NOT_STARTED)", async () => {
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "dialogues.held", period: "2027Q1", value: 1 }])), "PERIOD_NOT_STARTED");
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "dialogues.held", period: "202612", value: 1 }])), "PERIOD_NOT_STARTED", "today is 25/11/2026 in tests");
    assert.equal(await code(transition(ctx, SYSTEM, commune, "2027", "submit")), "PERIOD_NOT_STARTED");
    const csv = "unit_code,indicator,period,value,as_of\n21583,dialogues.held,2027,1,2027-12-31\n";
    await assert.rejects(importFigures(ctx, SYSTEM, parseFiguresCsv(csv), "csv", csv), /1 dòng lỗi/);
  });

  test("values a sum can hold exactly: 1e300 and 2^53+1 are refused, 10^15 is accepted", async () => {
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "contrib.money_vnd", period: "2026Q1", value: 1e300 }])), "VALUE_INVALID");
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "contrib.money_vnd", period: "2026Q1", value: 9007199254740993 }])), "VALUE_INVALID");
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "contrib.money_vnd", period: "2026Q1", value: 1e15 }])), "ok");
  });

  test("a locked report stays locked through the lineage: an old commune's figure that counts in an approved successor report is refused", async () => {
    const h = await hierarchyOf(ctx);
    const oldCommune = h.resolveCode("21583", "2025-06-30"); // an old commune of Bình Định that went into phường Quy Nhơn
    const successor = h.placeAt(oldCommune.id, "2025-12-31").unitId;
    await saveFigures(ctx, SYSTEM, [{ unitId: successor, indicator: "reception.turns", period: "2025Q3", value: 48 }]);
    await transition(ctx, SYSTEM, successor, "2025", "submit");
    await transition(ctx, SYSTEM, successor, "2025", "approve");
    const before = await figureCount(ctx);
    await assert.rejects(saveFigures(ctx, SYSTEM, [{ unitId: oldCommune.id, indicator: "reception.turns", period: "202503", value: 997 }]), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, "PERIOD_LOCKED");
      assert.match(e.message, /kế thừa/);
      assert.equal((e.details as { unitId: number }).unitId, successor);
      return true;
    });
    const csv = `unit_code,indicator,period,value,as_of\n${oldCommune.code},reception.turns,202503,997,2025-06-30\n`;
    await assert.rejects(importFigures(ctx, SYSTEM, parseFiguresCsv(csv), "csv", csv), (e: unknown) => (e as DomainError).code === "IMPORT_INVALID" && JSON.stringify((e as DomainError).details).includes("PERIOD_LOCKED"));
    assert.equal(await figureCount(ctx), before);
    assert.equal((await rollupValue(ctx, SYSTEM, { unitId: successor, indicator: "reception.turns", period: "2025" })).value, 48);
    // Its own first half, reported as the old commune (the successor did not exist then), stays open.
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: oldCommune.id, indicator: "dialogues.held", period: "2024Q1", value: 2 }])), "ok");
  });

  test("a province's own indicator is refused for a unit of another province", async () => {
    const provAdmin = await userAt(ctx, "admin", "52");
    await createIndicator(ctx, provAdmin, { key: "gialai.rieng", label: "Chỉ tiêu riêng Gia Lai", unit: "cuộc", aggregation: "sum", section: "khac" } as never);
    const hanoi = (await hierarchyOf(ctx)).resolveCode("00025", "2026-01-01").id;
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: hanoi, indicator: "gialai.rieng", period: "2026Q1", value: 1 }])), "INDICATOR_NOT_FOUND");
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "gialai.rieng", period: "2026Q1", value: 1 }])), "ok");
  });

  test("the dashboard's before/after-reform panel shows only units the reader may read", async () => {
    const h = await hierarchyOf(ctx);
    const giangVo = h.resolveCode("00025", "2026-01-01").id;
    const reader: Actor = await userAt(ctx, "viewer", "00025");
    const d = await dashboard(ctx, reader, { unitId: giangVo, period: "2026Q3" });
    const shown = [...(d.focus.reform?.before.rows ?? []), ...(d.focus.reform?.after.rows ?? [])].map((r) => r.unit.code);
    assert.ok(!shown.includes("00034"), "Phường Thành Công was split between Giảng Võ and Ô Chợ Dừa: its figures are Hà Nội's, not this reader's");
    await assert.rejects(rollupValue(ctx, reader, { unitCode: "00034", asOf: "2025-06-30", indicator: "reception.turns", period: "2024" }), /phạm vi/);
  });
});
