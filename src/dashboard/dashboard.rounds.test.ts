import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import { countingQueries } from "../test-support/query-count.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { loadFigureSources } from "../features.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { dashboard } from "./dashboard.service.ts";

describeEachDatabase("a commune's dashboard waits for the database a few times, not once per read", (get) => {
  let ctx: Ctx;
  let commune: number;

  before(async () => {
    ctx = await seededContext(get());
    await loadFigureSources(); // the registers count their records in every total, as in the product
    const h = await hierarchyOf(ctx);
    commune = h.resolveCode("25270", "2025-07-01").id;
    const { createPetition } = await import("../registers/petition.service.ts");
    await createPetition(ctx, SYSTEM, { unitId: commune, type: "khieu_nai", receivedOn: "2026-08-05", petitioner: "Võ Thị E", content: "Khiếu nại thu hồi đất" });
    await saveFigures(ctx, SYSTEM, [
      { asOf: "2024-12-31", indicator: "reception.turns", unitCode: "25288", period: "2024Q3", value: 12 },
      { unitId: commune, indicator: "reception.turns", period: "2026Q3", value: 55 },
      { unitId: commune, indicator: "mediation.cases", period: "2025Q3", value: 10 },
    ]);
    await dashboard(ctx, SYSTEM, { unitId: commune, period: "2026" }); // caches (hierarchy, catalog) warm, as on a running server
  });

  test("a year's dashboard of a commune: the same answer, its reads sent together", async () => {
    const { ctx: counted, count } = countingQueries(ctx);
    const d = await dashboard(counted, SYSTEM, { unitId: commune, period: "2026" });
    assert.deepEqual(d, await dashboard(ctx, SYSTEM, { unitId: commune, period: "2026" }));
    assert.equal(d.indicators.find((r) => r.key === "petitions.received")?.current.value, 1);
    assert.equal(d.indicators.find((r) => r.key === "reception.turns")?.current.value, 55);
    // One read after another, it waited 60 times (61 queries, most of them register counts asked
    // unit by unit and period by period; now one per indicator and period for all units).
    assert.ok(count.rounds <= 10 && count.queries <= 30, `${count.rounds} rounds (${count.queries} queries)`);
  });
});
