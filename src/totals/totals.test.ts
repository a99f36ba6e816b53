import { test, before } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import "../registers/plugin.ts";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { isDomainError } from "../core/errors.ts";
import { deleteFigure, saveFigures } from "../figures/figure.service.ts";
import { importFigures, parseFiguresCsv } from "../figures/exchange.service.ts";
import { rollupValue, rollupChildren } from "../figures/rollup.service.ts";
import { transition } from "../submissions/submission.service.ts";
import { createPetition } from "../registers/petition.service.ts";
import { createRecord, deleteRecord } from "../registers/record.service.ts";
import { createUnit, recordLineage, setSplitShares } from "../units/unit.service.ts";
import type { Basis } from "../core/totals.ts";
import { ensureTotals, rebuildTotals, totalsUsable, writeTotalsState } from "./totals.rebuild.ts";

/** Every non-zero totals row, keyed, with its numbers (values rounded against float noise). */
async function snapshot(ctx: Ctx): Promise<Map<string, number[]>> {
  const rows = await ctx.db.selectFrom("totals").selectAll().execute();
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const { structure, unit_id, indicator, period, disagg, ...nums } = r;
    const v = Object.values(nums).map((x) => Math.round(Number(x) * 1e6) / 1e6);
    if (v.every((x) => x === 0)) continue;
    out.set(`${structure}|${unit_id}|${indicator}|${period}|${disagg}`, v);
  }
  return out;
}

/** The same question asked of the maintained totals and afresh from the figures. */
async function bothWays(ctx: Ctx, q: Parameters<typeof rollupValue>[2]) {
  const kept = await rollupValue(ctx, SYSTEM, q);
  await inTransaction(ctx, (tx) => writeTotalsState(tx, { ready: false, epoch: "" }));
  try {
    return { kept, fresh: await rollupValue(ctx, SYSTEM, q) };
  } finally {
    await rebuildTotals(ctx);
  }
}

describeEachDatabase("maintained totals", (get) => {
  let ctx: Ctx;
  const u: Record<string, number> = {};

  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    for (const [k, code, date] of [
      ["c25270old", "25270", "2024-12-31"], ["c25288", "25288", "2024-12-31"], ["c25297", "25297", "2024-12-31"], ["d692", "692", "2024-12-31"],
      ["c25270new", "25270", "2025-07-01"], ["c00034", "00034", "2024-12-31"], ["c00025", "00025", "2025-07-01"], ["c00190", "00190", "2025-07-01"],
      ["dBD", "001", "2024-12-31"], ["p01", "01", "2025-07-01"], ["p75", "75", "2025-07-01"], ["p70", "70", "2024-12-31"],
    ] as const) u[k] = h.resolveCode(code, date).id;
  });

  test("a saved figure is in the national total the moment its transaction commits, in every basis it belongs to", async () => {
    assert.ok(await totalsUsable(ctx));
    await saveFigures(ctx, SYSTEM, [{ unitId: u.c25288!, indicator: "reception.turns", period: "2024Q3", value: 12 }]);
    const all = await rollupValue(ctx, SYSTEM, { unitCode: "VN", indicator: "reception.turns", period: "2024", basis: "all" });
    const approved = await rollupValue(ctx, SYSTEM, { unitCode: "VN", indicator: "reception.turns", period: "2024", basis: "approved" });
    assert.equal(all.value, 12);
    assert.equal(approved.value, null, "a draft is not approved");
    await transition(ctx, SYSTEM, u.c25288!, "2024Q3", "submit");
    await transition(ctx, SYSTEM, u.c25288!, "2024Q3", "approve");
    assert.equal((await rollupValue(ctx, SYSTEM, { unitCode: "VN", indicator: "reception.turns", period: "2024", basis: "approved" })).value, 12);
    assert.equal((await rollupValue(ctx, SYSTEM, { unitCode: "75", asOf: "2025-07-01", indicator: "reception.turns", period: "2024Q3", basis: "approved" })).value, 12, "as now: in new Đồng Nai");
  });

  test("an area total stands over the figures below it; its check shows the computed sum; a parent adds it once", async () => {
    await saveFigures(ctx, SYSTEM, [
      { unitId: u.c25270old!, indicator: "dialogues.held", period: "2023", value: 9 },
      { unitId: u.c25297!, indicator: "dialogues.held", period: "2023Q2", value: 4 },
      { unitId: u.d692!, indicator: "dialogues.held", period: "2023", value: 19, kind: "area" },
    ]);
    const { kept, fresh } = await bothWays(ctx, { unitCode: "692", indicator: "dialogues.held", period: "2023" });
    assert.equal(kept.value, 19);
    assert.deepEqual(kept.area, { areaTotal: 19, computedSum: 13, difference: 6 });
    assert.deepEqual(kept, fresh);
    const vn = await bothWays(ctx, { unitCode: "VN", indicator: "dialogues.held", period: "2023" });
    assert.equal(vn.kept.value, 19);
    assert.deepEqual(vn.kept, vn.fresh);
  });

  test("a commune's own area total stands over its months; its total, computed when asked, shows the check", async () => {
    await saveFigures(ctx, SYSTEM, [
      { unitId: u.c25288!, indicator: "dialogues.held", period: "2023", value: 30, kind: "area" },
      { unitId: u.c25288!, indicator: "dialogues.held", period: "202302", value: 5 },
    ]);
    const { kept, fresh } = await bothWays(ctx, { unitCode: "25288", asOf: "2023-12-31", indicator: "dialogues.held", period: "2023" });
    assert.equal(kept.value, 30);
    assert.deepEqual(kept.area, { areaTotal: 30, computedSum: 5, difference: 25 });
    assert.deepEqual(kept, fresh);
    const asNow = await bothWays(ctx, { unitCode: "25270", asOf: "2025-07-01", indicator: "dialogues.held", period: "2023" });
    assert.deepEqual(asNow.kept, asNow.fresh, "in the new commune it merged into");
  });

  test("register records count where a unit reported nothing, and move with their dates", async () => {
    const h = await hierarchyOf(ctx);
    const loc = h.resolveCode("25270", "2026-01-01").id;
    const r = await createRecord(ctx, SYSTEM, "reception", { unitId: loc, kind: "reception", date: "2026-05-04", leaderName: "Lê Văn B", leaderTitle: "bi_thu", turns: 3, people: 5 });
    const q = { unitCode: "75", asOf: "2026-06-30", indicator: "reception.turns", period: "2026Q2" };
    assert.equal((await rollupValue(ctx, SYSTEM, q)).value, 3);
    await deleteRecord(ctx, SYSTEM, "reception", r.id);
    assert.equal((await rollupValue(ctx, SYSTEM, q)).value, null);
  });

  test("split shares recorded later move the old unit's figures to its successors; Hà Nội's total is unchanged", async () => {
    await saveFigures(ctx, SYSTEM, [{ unitId: u.c00034!, indicator: "mediation.cases", period: "2024", value: 40 }]);
    const q = (unitCode: string) => ({ unitCode, asOf: "2025-07-01", indicator: "mediation.cases", period: "2024" });
    assert.equal((await rollupValue(ctx, SYSTEM, q("00025"))).value, null);
    assert.equal((await rollupValue(ctx, SYSTEM, q("01"))).value, 40);
    await setSplitShares(ctx, SYSTEM, { fromId: u.c00034!, shares: [{ toId: u.c00025!, share: 0.75 }, { toId: u.c00190!, share: 0.25 }] });
    assert.equal((await rollupValue(ctx, SYSTEM, q("00025"))).value, 30);
    assert.equal((await rollupValue(ctx, SYSTEM, q("00190"))).value, 10);
    assert.equal((await rollupValue(ctx, SYSTEM, q("01"))).value, 40);
    const before = await snapshot(ctx);
    await rebuildTotals(ctx);
    assert.deepEqual(await snapshot(ctx), before, "kept totals equal a rebuild");
  });

  test("a merger dated in the future changes 'as now' on its day: until the totals are rebuilt, answers are computed afresh and stay right", async () => {
    let today = "2026-11-25";
    const moving = { ...ctx, today: () => today };
    const h = await hierarchyOf(moving);
    const [a, b] = ["00004", "00008"].map((c) => h.resolveCode(c, "2026-11-25").id) as [number, number];
    const hanoi = h.resolveCode("01", "2026-11-25").id;
    await saveFigures(moving, SYSTEM, [{ unitId: a, indicator: "outreach.sessions", period: "2026Q1", value: 7 }, { unitId: b, indicator: "outreach.sessions", period: "2026Q1", value: 5 }]);
    const merged = await createUnit(moving, SYSTEM, { code: "99001", name: "Thử Hợp Nhất", type: "phường", level: "commune", parentId: hanoi, validFrom: "2026-12-15" });
    await recordLineage(moving, SYSTEM, { kind: "merge", date: "2026-12-15", from: [a, b], to: [merged.id] });
    assert.ok(await totalsUsable(moving), "a future change does not touch today's structure");
    today = "2026-12-20";
    assert.equal(await totalsUsable(moving), false, "its day has come: 'as now' moved");
    const asNow = { unitCode: "99001", asOf: "2026-12-20", indicator: "outreach.sessions", period: "2026Q1" };
    assert.equal((await rollupValue(moving, SYSTEM, asNow)).value, 12, "answered afresh meanwhile");
    await ensureTotals(moving);
    assert.ok(await totalsUsable(moving));
    assert.equal((await rollupValue(moving, SYSTEM, asNow)).value, 12, "and from the rebuilt totals");
    // Back to the suite's day, with totals for it.
    await rebuildTotals(ctx);
  });

  test("a save makes a server compute again only the communes it lands in; the others stay as it kept them", async () => {
    const q = { unitCode: "75", asOf: "2025-07-01", indicator: "contrib.trees", period: "2025Q3", basis: "all" as const };
    const kids = (await rollupChildren(ctx, SYSTEM, q)).children.slice(0, 2).map((c) => c.unit.id);
    const [a, b] = kids as [number, number];
    await saveFigures(ctx, SYSTEM, [{ unitId: a, indicator: "contrib.trees", period: "202508", value: 5 }, { unitId: b, indicator: "contrib.trees", period: "202508", value: 7 }]);
    const values = async () => {
      const r = await rollupChildren(ctx, SYSTEM, q);
      return kids.map((id) => r.children.find((c) => c.unit.id === id)!.value);
    };
    assert.deepEqual(await values(), [5, 7]);
    // Behind the tracker's back (as no write path does): only a write that raises B's version may show it.
    await ctx.db.updateTable("figures").set({ value: 70 }).where("unit_id", "=", b).where("indicator", "=", "contrib.trees").execute();
    await saveFigures(ctx, SYSTEM, [{ unitId: a, indicator: "contrib.trees", period: "202508", value: 6 }]);
    assert.deepEqual(await values(), [6, 7], "A computed again, B as kept");
    await rebuildTotals(ctx);
    assert.deepEqual(await values(), [6, 70], "a rebuild raises every version");
    await ctx.db.deleteFrom("figures").where("indicator", "=", "contrib.trees").where("unit_id", "in", kids).execute();
    await rebuildTotals(ctx);
  });

  test("property: after random writes across the reform (figures, imports, deletes, reports, registers) the kept totals equal a rebuild and a fresh roll-up", async () => {
    const units = ["c25270old", "c25288", "c25297", "d692", "c25270new", "c00034", "c00025", "dBD", "p70"];
    const periods = ["2024", "2024S1", "2024Q1", "2024Q3", "202402", "202411", "2025S1", "2025Q2", "2025Q3", "202508", "2025"];
    const indicators = ["reception.turns", "dialogues.held", "awards.collectives"];
    const op = fc.oneof(
      fc.record({ t: fc.constant("save" as const), u: fc.constantFrom(...units), p: fc.constantFrom(...periods), i: fc.constantFrom(...indicators), v: fc.integer({ min: 0, max: 50 }),
        area: fc.integer({ min: 0, max: 7 }).map((n) => n === 0), est: fc.boolean(), d: fc.constantFrom("", "", "topic=dvk", "level=commune") }),
      // Saves sent at once share a group commit: one settling of totals for several units and indicators.
      fc.record({ t: fc.constant("burst" as const), saves: fc.array(fc.record({ u: fc.constantFrom(...units), p: fc.constantFrom(...periods), i: fc.constantFrom(...indicators), v: fc.integer({ min: 0, max: 50 }) }), { minLength: 2, maxLength: 6 }) }),
      fc.record({ t: fc.constant("delete" as const), n: fc.nat() }),
      fc.record({ t: fc.constant("report" as const), u: fc.constantFrom(...units), p: fc.constantFrom(...periods), a: fc.constantFrom("submit", "approve", "return", "reopen", "withdraw") }),
      fc.record({ t: fc.constant("petition" as const), u: fc.constantFrom("c25288", "c25270new", "c00034"), day: fc.constantFrom("2024-03-02", "2024-11-20", "2025-08-09") }),
    );
    const communesOf = () => Promise.all(([["75", "2025-07-01", "2024"], ["692", "2024-12-31", "2024"], ["75", "2025-07-01", "2025"]] as const)
      .flatMap(([unitCode, asOf, period]) => ["reception.turns", "dialogues.held"].map((indicator) => rollupChildren(ctx, SYSTEM, { unitCode, asOf, indicator, period, basis: "all" }))));
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 12 }), async (ops) => {
        // Communes' totals are computed when asked and kept while nothing they count changes: read
        // before the writes, they must not be what is answered after them.
        await communesOf();
        for (const o of ops) {
          try {
            if (o.t === "save") {
              await saveFigures(ctx, SYSTEM, [{ unitId: u[o.u]!, indicator: o.i, period: o.p, value: o.v, kind: o.area ? "area" : "own", status: o.est ? "estimated" : "reported", disagg: o.d }]);
            } else if (o.t === "burst") {
              const done = await Promise.allSettled(o.saves.map((x) => saveFigures(ctx, SYSTEM, [{ unitId: u[x.u]!, indicator: x.i, period: x.p, value: x.v }])));
              for (const d of done) if (d.status === "rejected" && !isDomainError(d.reason)) throw d.reason;
            } else if (o.t === "delete") {
              const rows = await ctx.db.selectFrom("figures").select("id").orderBy("id").execute();
              if (rows.length) await deleteFigure(ctx, SYSTEM, rows[o.n % rows.length]!.id);
            } else if (o.t === "report") {
              await transition(ctx, SYSTEM, u[o.u]!, o.p, o.a as "submit", o.a === "return" ? "Thiếu số liệu" : null);
            } else {
              await createPetition(ctx, SYSTEM, { unitId: u[o.u]!, type: "kien_nghi", receivedOn: o.day, petitioner: "Nguyễn Văn A", content: "Đề nghị sửa đường" });
            }
          } catch (e) {
            if (!isDomainError(e)) throw e; // refused writes (locked, not valid in period, illegal step) change nothing
          }
        }
        const csv = "unit_code,indicator,period,value,as_of\n25288,reception.turns,202403,7,2024-12-31\n25270,reception.turns,2025Q4,5,2025-12-31\n";
        try {
          await importFigures(ctx, SYSTEM, parseFiguresCsv(csv), "csv", csv);
        } catch (e) {
          if (!isDomainError(e)) throw e;
        }
        const kept = await snapshot(ctx);
        const keptCommunes = await communesOf();
        await inTransaction(ctx, (tx) => writeTotalsState(tx, { ready: false, epoch: "" }));
        assert.deepEqual(keptCommunes, await communesOf(), "communes' totals as a fresh roll-up gives them");
        await rebuildTotals(ctx);
        const rebuilt = await snapshot(ctx);
        assert.deepEqual([...kept.keys()].sort(), [...rebuilt.keys()].sort(), "the same totals exist");
        for (const [k, v] of rebuilt) assert.deepEqual(kept.get(k), v, k);
      }),
      { numRuns: 12 },
    );
    // And the kept totals answer as a fresh roll-up does, in every basis and both structures.
    for (const basis of ["approved", "submitted", "all"] as Basis[]) {
      // Communes' totals are computed from their figures when asked (old ones as reported; new
      // ones as now, through their predecessors and split shares); the others come from the table.
      for (const [unitCode, asOf] of [
        ["VN", "2024-12-31"], ["70", "2024-12-31"], ["VN", "2025-07-01"], ["75", "2025-07-01"], ["01", "2025-07-01"],
        ["692", "2024-12-31"], ["25288", "2024-12-31"], ["25270", "2024-12-31"], ["25270", "2025-07-01"], ["00025", "2025-07-01"],
      ] as const) {
        for (const indicator of ["reception.turns", "dialogues.held", "petitions.received"]) {
          for (const period of ["2024", "2024S1", "2024Q1"]) {
            const { kept, fresh } = await bothWays(ctx, { unitCode, asOf, indicator, period, basis });
            assert.deepEqual(kept, fresh, `${unitCode} ${asOf} ${indicator} ${period} ${basis}`);
          }
        }
      }
    }
    const kids = await rollupChildren(ctx, SYSTEM, { unitCode: "75", asOf: "2025-07-01", indicator: "reception.turns", period: "2024" });
    assert.ok(kids.children.length > 50);
    for (const period of ["2024", "2024Q1"]) {
      for (const [unitCode, asOf] of [["75", "2025-07-01"], ["692", "2024-12-31"]] as const) {
        const q = { unitCode, asOf, indicator: "dialogues.held", period };
        const kept = await rollupChildren(ctx, SYSTEM, q);
        await inTransaction(ctx, (tx) => writeTotalsState(tx, { ready: false, epoch: "" }));
        const fresh = await rollupChildren(ctx, SYSTEM, q);
        await rebuildTotals(ctx);
        assert.deepEqual(kept, fresh, `${unitCode}'s communes, ${period}`);
      }
    }
  });

  test("a rebuild adds up on a thread of its own as it does in its own thread: the same totals, row for row", async () => {
    // Area totals, estimates, breakdowns, a report, a petition, both structures (and whatever earlier tests left).
    const put = [
      { unitId: u.c25288!, indicator: "reception.turns", period: "202403", value: 5 },
      { unitId: u.c25297!, indicator: "reception.turns", period: "2024Q1", value: 4, status: "estimated" as const },
      { unitId: u.d692!, indicator: "reception.turns", period: "2024", value: 30, kind: "area" as const },
      { unitId: u.c00034!, indicator: "dialogues.held", period: "2024Q3", value: 2, disagg: "topic=dvk" },
      { unitId: u.c25270new!, indicator: "dialogues.held", period: "202508", value: 3 },
    ];
    for (const f of put) await saveFigures(ctx, SYSTEM, [f]).catch((e: unknown) => { if (!isDomainError(e)) throw e; });
    await transition(ctx, SYSTEM, u.c25288!, "2024Q1", "submit", null).catch((e: unknown) => { if (!isDomainError(e)) throw e; });
    await createPetition(ctx, SYSTEM, { unitId: u.c25288!, type: "kien_nghi", receivedOn: "2024-03-02", petitioner: "Nguyễn Văn A", content: "Đề nghị sửa đường" });
    await rebuildTotals(ctx, undefined, { thread: false });
    const here = await snapshot(ctx);
    assert.ok(here.size > 100, `${here.size} rows`);
    const r = await rebuildTotals(ctx, undefined, { thread: true });
    assert.equal(r.rows, here.size, "the rows it says it wrote");
    assert.deepEqual(await snapshot(ctx), here);
  });
});
