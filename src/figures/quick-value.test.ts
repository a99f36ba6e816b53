/**
 * `danvan value`'s fast answer: the same answer as the roll-up, read without the hierarchy, and no
 * answer (so the roll-up answers) wherever it cannot be sure to give the same.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import "../registers/plugin.ts";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { isDomainError } from "../core/errors.ts";
import { saveFigures } from "./figure.service.ts";
import { createUnit, recordLineage } from "../units/unit.service.ts";
import { rollupValue, type ValueQuery } from "./rollup.service.ts";
import { valueFromTotals } from "./quick-value.ts";
import { HierarchyStore } from "../units/hierarchy.store.ts";
import { loadPlacementCalendar } from "../units/unit.repository.ts";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { rebuildTotals, writeTotalsState } from "../totals/totals.rebuild.ts";

/** The real store, counting how often a caller asked it for the hierarchy. */
class CountingStore extends HierarchyStore {
  loads = 0;
  override get(db: Kysely<DB>) {
    this.loads++;
    return super.get(db);
  }
}

describeEachDatabase("value from the maintained totals", (get) => {
  let ctx: Ctx;
  let nowCode: string;
  let nowProvince: string;
  const today = "2026-11-25";

  before(async () => {
    ctx = await seededContext(get(), today);
    const h = await hierarchyOf(ctx);
    const commune = h.resolveCode("25288", "2024-12-31").id;
    const now = h.at(h.placeAt(commune, today).unitId, today);
    nowCode = now.code;
    nowProvince = h.at(h.ancestorsOf(now.id).find((a) => h.get(a)?.level === "province")!, today).code;
    await saveFigures(ctx, SYSTEM, [
      { unitId: commune, indicator: "reception.turns", period: "2024Q3", value: 12 },
      { unitId: commune, indicator: "reception.turns", period: "2024Q4", value: 5 },
      { unitId: commune, indicator: "petitions.received", period: "2024", value: 40 },
      { unitId: commune, indicator: "petitions.resolved", period: "2024", value: 34 },
      { unitId: h.resolveCode("25297", "2024-12-31").id, indicator: "reception.turns", period: "2024", value: 7 },
    ]);
    // A merger dated after today: its day is a structure neither "as reported" nor "as now".
    const [a, b] = ["00004", "00008"].map((c) => h.resolveCode(c, today).id) as [number, number];
    await saveFigures(ctx, SYSTEM, [{ unitId: a, indicator: "outreach.sessions", period: "2026Q1", value: 7 }, { unitId: b, indicator: "outreach.sessions", period: "2026Q1", value: 5 }]);
    const merged = await createUnit(ctx, SYSTEM, { code: "99001", name: "Thử Hợp Nhất", type: "phường", level: "commune", parentId: h.resolveCode("01", today).id, validFrom: "2026-12-15" });
    await recordLineage(ctx, SYSTEM, { kind: "merge", date: "2026-12-15", from: [a, b], to: [merged.id] });
  });

  test("the placement days read from two small queries are the hierarchy's", async () => {
    const h = await hierarchyOf(ctx);
    const calendar = await loadPlacementCalendar(ctx.db);
    assert.deepEqual(calendar.placementChangeDates(), ["2025-07-01", "2026-12-15"]);
    assert.deepEqual(calendar.placementChangeDates(), h.placementChangeDates());
  });

  test("a district, a province 'as now' in today's structure, a ratio: the same answer as the roll-up, and the hierarchy never loaded", async () => {
    const questions: ValueQuery[] = [
      { unitCode: "692", indicator: "reception.turns", period: "2024Q3" },
      { unitCode: "692", indicator: "reception.turns", period: "2024S2" },
      { unitCode: "692", indicator: "reception.turns", period: "2024" },
      { unitCode: nowProvince, indicator: "reception.turns", period: "2024", asOf: today },
      { unitCode: "692", indicator: "petitions.resolved", period: "2024" },
      { unitCode: "692", indicator: "dialogues.held", period: "2024" },
      { unitCode: "692", indicator: "reception.turns", period: "2024", basis: "approved" },
    ];
    for (const q of questions) {
      const store = new CountingStore();
      const quick = await valueFromTotals({ ...ctx, hierarchies: store }, SYSTEM, q);
      assert.ok(quick, `answered from the totals: ${JSON.stringify(q)}`);
      assert.equal(store.loads, 0, "the hierarchy was not loaded");
      assert.deepEqual(quick, await rollupValue(ctx, SYSTEM, q), JSON.stringify(q));
    }
    const turns = await valueFromTotals(ctx, SYSTEM, { unitCode: "692", indicator: "reception.turns", period: "2024" });
    assert.equal(turns?.value, 24, "12 + 5 at one commune, 7 at another, in their district");
    const ratio = await valueFromTotals(ctx, SYSTEM, { unitCode: "692", indicator: "petitions.resolved", period: "2024" });
    assert.equal(ratio?.denominator?.value, 40);
  });

  test("a commune's total is computed from its figures with the hierarchy: no quick answer, the roll-up's is right", async () => {
    for (const q of [{ unitCode: "25288", indicator: "reception.turns", period: "2024S2" }, { unitCode: nowCode, indicator: "reception.turns", period: "2024", asOf: today }] as ValueQuery[]) {
      assert.equal(await valueFromTotals(ctx, SYSTEM, q), null);
    }
    assert.equal((await rollupValue(ctx, SYSTEM, { unitCode: "25288", indicator: "reception.turns", period: "2024S2" })).value, 17);
    assert.equal((await rollupValue(ctx, SYSTEM, { unitCode: nowCode, indicator: "reception.turns", period: "2024", asOf: today })).value, 24, "with the commune merged into it");
  });

  test("no answer where the roll-up must compute: totals not ready, a date across a change, a rate, an unknown code, a user's scope", async () => {
    const across = { unitCode: "99001", asOf: "2026-12-20", indicator: "outreach.sessions", period: "2026Q1" };
    assert.equal(await valueFromTotals(ctx, SYSTEM, across), null);
    assert.equal((await rollupValue(ctx, SYSTEM, across)).value, 12, "computed afresh by the roll-up");
    assert.ok(await valueFromTotals(ctx, SYSTEM, { ...across, unitCode: "01", asOf: undefined }), "the same figures as reported: from the totals");
    assert.equal(await valueFromTotals(ctx, SYSTEM, { unitCode: "25288", indicator: "petitions.resolution_rate", period: "2024" }), null);
    const unknown = { unitCode: "99999", indicator: "reception.turns", period: "2024" };
    assert.equal(await valueFromTotals(ctx, SYSTEM, unknown), null);
    await assert.rejects(rollupValue(ctx, SYSTEM, unknown), (e) => isDomainError(e) && e.code === "UNIT_NOT_FOUND");
    const viewer = await userAt(ctx, "viewer", "25288", "2024-12-31");
    assert.equal(await valueFromTotals(ctx, viewer, { unitCode: "25288", indicator: "reception.turns", period: "2024" }), null);

    await inTransaction(ctx, (tx) => writeTotalsState(tx, { ready: false, epoch: "" }));
    try {
      assert.equal(await valueFromTotals(ctx, SYSTEM, { unitCode: "25288", indicator: "reception.turns", period: "2024" }), null);
    } finally {
      await rebuildTotals(ctx);
    }
  });

  test("bad input is refused as the roll-up refuses it (a period, a day that does not exist, an unknown indicator)", async () => {
    for (const [q, code] of [
      [{ unitCode: "25288", indicator: "reception.turns", period: "2024Q5" }, "PERIOD_INVALID"],
      [{ unitCode: "25288", indicator: "reception.turns", period: "2024", asOf: "2026-02-30" }, "DATE_INVALID"],
      [{ unitCode: "25288", indicator: "khong.co", period: "2024" }, "INDICATOR_NOT_FOUND"],
    ] as const) {
      const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (isDomainError(e) ? e.code : String(e)));
      const expected = await codeOf(rollupValue(ctx, SYSTEM, q));
      assert.equal(expected, code);
      assert.equal(await codeOf(valueFromTotals(ctx, SYSTEM, q)), expected);
    }
  });
});
