/**
 * Races through the HTTP API, 20 requests at once each, on both engines (PostgreSQL is where they
 * used to end in 500): first saves of one figure, one new username, first narrative saves of one
 * report, report numbers of one series. Every answer is a 200 or a stable refusal, never a 5xx;
 * one figure, one user, one narrative, one number per report. The service-level twins live in
 * src/figures/trust.test.ts and src/registers/privacy.test.ts.
 */
import { test, before } from "node:test";
import { describeEachDatabase } from "../../src/test-support/db.ts";
import { saveFigures } from "../../src/figures/figure.service.ts";
import { SYSTEM } from "../../src/accounts/actor.ts";
import { complete } from "../../src/reports/report-fixture.ts";
import { answer, buildWorld, Tally, type World } from "./harness.ts";

const N = 20;

describeEachDatabase("adversarial races", (get, dialect) => {
  let world: World;
  let tally: Tally;
  before(async () => {
    world = await buildWorld(get(), dialect);
    tally = new Tally("races (20 at once)", dialect);
  });
  const reporter = () => world.users.find((u) => u.name === "provincial-reporter")!;
  const all = async (make: (i: number) => Promise<Response>) => Promise.all(Array.from({ length: N }, (_, i) => make(i).then(answer)));
  const figureRows = async (period: string) =>
    Number((await world.ctx.db.selectFrom("figures").select((eb) => eb.fn.countAll<number>().as("n"))
      .where("unit_id", "=", world.a.unitId).where("indicator", "=", "mediation.cases").where("period", "=", period).executeTakeFirstOrThrow()).n);

  test("20 first saves of one figure at once: all answered without a 5xx (saved, or 409 CONFLICT), one figure", async () => {
    const rs = await all((i) => world.json(reporter(), "POST", "/api/figures", { unitId: world.a.unitId, indicator: "mediation.cases", period: "202602", value: i + 1 }));
    for (const r of rs) tally.check(r.status === 200 || r.code === "CONFLICT", `figure: ${r.status} ${r.text.slice(0, 160)}`);
    const n = await figureRows("202602");
    tally.check(n === 1, `figure rows: ${n}`);
  });

  test("one username created 20 times at once: one 200, the others 409 USER_EXISTS", async () => {
    const admin = world.users.find((u) => u.name === "provincial-admin")!;
    const rs = await all(() => world.json(admin, "POST", "/api/users", { username: "cung.ten", displayName: "Cùng tên", password: "Mat-khau-rat-dai-2026", role: "viewer", unitId: world.a.unitId }));
    for (const r of rs) tally.check(r.status === 200 || r.code === "USER_EXISTS", `username: ${r.status} ${r.text.slice(0, 160)}`);
    tally.check(rs.filter((r) => r.status === 200).length === 1, `usernames saved: ${rs.filter((r) => r.status === 200).length}`);
  });

  test("20 first narrative saves of one report at once: one saved, the others 409 CONFLICT", async () => {
    const rs = await all((i) => world.json(reporter(), "PUT", `/api/submissions/${world.a.unitId}/2026Q3/narrative`, { uu_diem: `Bản ${i}` }, { "if-match": "0" }));
    for (const r of rs) tally.check(r.status === 200 || r.code === "CONFLICT", `narrative: ${r.status} ${r.text.slice(0, 160)}`);
    tally.check(rs.filter((r) => r.status === 200).length === 1, `narratives saved: ${rs.filter((r) => r.status === 200).length}`);
  });

  test("report numbers of one series issued at once (each report four times): every answer 200, one number per report, no gaps", async () => {
    const periods = ["202601", "202602", "202603", "202604", "202605"];
    await saveFigures(world.ctx, SYSTEM, periods.map((period) => ({ unitId: world.a.unitId, indicator: "reception.turns", period, value: 5 })));
    for (const period of periods) await complete(world.ctx, { unitId: world.a.unitId, period });
    const rs = await all((i) => world.json(reporter(), "POST", "/api/reports/issue", { unitId: world.a.unitId, period: periods[i % periods.length] }));
    for (const r of rs) tally.check(r.status === 200, `report number: ${r.status} ${r.text.slice(0, 160)}`);
    const numbers = rs.filter((r) => r.status === 200).map((r) => (JSON.parse(r.text) as { number: number }).number);
    const distinct = [...new Set(numbers)].sort((x, y) => x - y);
    tally.check(JSON.stringify(distinct) === JSON.stringify(periods.map((_, i) => i + 1)), `numbers: ${distinct.join(",")}`);
  });

  test("races: counts", () => {
    tally.finish();
  });
});
