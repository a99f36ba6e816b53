import { test, before } from "node:test";
import { outcome } from "../test-support/outcome.ts";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { DomainError } from "../core/errors.ts";
import { saveFigures, figureHistory } from "./figure.service.ts";
import { parseFiguresCsv } from "./exchange.service.ts";
import { importFigures, importChunks, listChunks } from "./import.service.ts";
import { createHash } from "node:crypto";
import { createRule } from "../indicators/indicator.service.ts";
import { implausible, holds } from "../indicators/rules.ts";

const code = outcome;

test("plausibility: caps by unit of measure, and outliers against the unit's own history", () => {
  assert.ok(implausible(1e20, "lượt", []));
  assert.ok(implausible(1e21, "đồng", []));
  assert.equal(implausible(5e9, "đồng", []), null);
  assert.equal(implausible(101, "%", []) !== null, true);
  // Five times the largest earlier value and far outside its spread: warned; a busy month is not.
  assert.ok(implausible(900, "cuộc", [10, 12, 9, 11]));
  assert.equal(implausible(30, "cuộc", [10, 12, 9, 11]), null);
  // Too little history to judge.
  assert.equal(implausible(900, "cuộc", [10, 12]), null);
  assert.equal(holds("<=", 14, 14), true);
  assert.equal(holds("<=", 30, 14), false);
});

describeEachDatabase("validation rules and plausibility on every write path (issue 12)", (get) => {
  let ctx: Ctx;
  let commune: number;
  let other: number;

  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    commune = h.resolveCode("21583", "2026-01-01").id;
    other = h.resolveCode("21592", "2026-01-01").id;
  });

  const stored = async (unitId: number, indicator: string, period: string) =>
    (await ctx.db.selectFrom("figures").select(["value", "flag", "comment"]).where("unit_id", "=", unitId).where("indicator", "=", indicator).where("period", "=", period).where("disagg", "=", "").executeTakeFirst()) ?? null;

  test("30 successful mediations of 14 cases are refused with the rule's Vietnamese message; nothing is written", async () => {
    await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "mediation.cases", period: "202603", value: 14 }]);
    await assert.rejects(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "mediation.successful", period: "202603", value: 30 }]), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, "RULE_VIOLATED");
      assert.match(e.message, /hòa giải thành không thể nhiều hơn/);
      assert.equal((e.details as { rule: string }).rule, "mediation.successful<=cases");
      return true;
    });
    assert.equal(await stored(commune, "mediation.successful", "202603"), null);
    // Both in one request, the wrong way round: refused as a whole.
    assert.equal(await code(saveFigures(ctx, SYSTEM, [
      { unitId: other, indicator: "mediation.successful", period: "202603", value: 30 },
      { unitId: other, indicator: "mediation.cases", period: "202603", value: 14 },
    ])), "RULE_VIOLATED");
    assert.equal(await stored(other, "mediation.cases", "202603"), null);
    // Lowering the cases below the successful ones is refused too (the rule reads both sides).
    await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "mediation.successful", period: "202603", value: 12 }]);
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "mediation.cases", period: "202603", value: 10, version: 1 }])), "RULE_VIOLATED");
    assert.equal((await stored(commune, "mediation.cases", "202603"))!.value, 14);
  });

  test("resolved > received is refused without a comment and accepted with one, marked for the reviewer", async () => {
    await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "petitions.received", period: "202603", value: 20 }]);
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "petitions.resolved", period: "202603", value: 25 }])), "RULE_VIOLATED");
    const [f] = await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "petitions.resolved", period: "202603", value: 25, comment: "Giải quyết 5 đơn tồn từ quý IV/2025" }]);
    assert.equal(f!.value, 25);
    assert.equal(f!.flag, "rule");
    assert.equal((await stored(commune, "petitions.resolved", "202603"))!.flag, "rule");
  });

  test("the CSV import checks the same rules: the file is refused line by line and nothing is written", async () => {
    const csv = "unit_code,indicator,period,value\n21592,mediation.cases,202604,5\n21592,mediation.successful,202604,9\n";
    const res = await code(importFigures(ctx, SYSTEM, parseFiguresCsv(csv), "csv", csv));
    assert.equal(res, "IMPORT_INVALID");
    assert.equal(await stored(other, "mediation.cases", "202604"), null);
  });

  test("an import's rules broken with a comment are accepted and both sides flagged, in every unit and period that broke them, and no other", async () => {
    const csv = ["unit_code,indicator,period,value,disaggregation,kind,status,comment",
      "21592,petitions.received,202609,4,,own,reported,", "21592,petitions.resolved,202609,6,,own,reported,Giải quyết 2 đơn tồn",
      "21583,petitions.received,202610,3,,own,reported,", "21583,petitions.resolved,202610,5,,own,reported,Đơn tồn quý trước",
      "21583,petitions.received,202609,8,,own,reported,", "21583,petitions.resolved,202609,5,,own,reported,"].join("\n");
    await importFigures(ctx, SYSTEM, parseFiguresCsv(csv), "csv", csv);
    const flags = await Promise.all([[other, "202609"], [commune, "202610"], [commune, "202609"]].flatMap(([u, p]) =>
      ["petitions.received", "petitions.resolved"].map(async (i) => { const f = await stored(u as number, i, p as string); return f ? f.flag : "missing"; })));
    assert.deepEqual(flags, ["rule", "rule", "rule", "rule", null, null]);
  });

  test("a dry run lists new, changed and unchanged lines and writes nothing", async () => {
    await saveFigures(ctx, SYSTEM, [
      { unitId: other, indicator: "dialogues.held", period: "202608", value: 9 },
      { unitId: other, indicator: "dialogues.turns", period: "202608", value: 12 },
    ]);
    const csv = "unit_code,indicator,period,value\n21592,dialogues.held,202608,5\n21592,dialogues.turns,202608,12\n21592,reception.turns,202608,3\n";
    const batches = async () => Number((await ctx.db.selectFrom("import_batches").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    const before = await batches();
    const hash = () => createHash("sha256").update(csv).digest("hex");
    const dry = await importChunks(ctx, SYSTEM, listChunks(parseFiguresCsv(csv)), "csv", hash, undefined, { dryRun: true });
    assert.equal(dry.dryRun, true);
    assert.deepEqual([dry.inserted, dry.updated, dry.unchanged], [1, 1, 1]);
    assert.deepEqual(dry.changes.map((c) => [c.indicator, c.before, c.after]), [["dialogues.held", 9, 5]]);
    assert.equal((await stored(other, "dialogues.held", "202608"))!.value, 9, "a dry run overwrites nothing");
    assert.equal(await stored(other, "reception.turns", "202608"), null, "a dry run adds nothing");
    assert.equal(await batches(), before, "a dry run leaves no import batch behind");
    // The same file for real does what the dry run said.
    const real = await importChunks(ctx, SYSTEM, listChunks(parseFiguresCsv(csv)), "csv", hash);
    assert.deepEqual([real.inserted, real.updated, real.unchanged, real.dryRun], [1, 1, 1, false]);
    assert.equal((await stored(other, "dialogues.held", "202608"))!.value, 5);
  });

  test("an administrator adds a rule; it applies at once", async () => {
    const rule = await createRule(ctx, SYSTEM, { left: "reception.people", op: "<=", right: "reception.turns", message: "Số người được tiếp không thể nhiều hơn số lượt tiếp." });
    assert.equal(rule.left, "reception.people");
    assert.equal(await code(createRule(ctx, SYSTEM, { left: "reception.people", op: "<=", right: "reception.turns", message: "Trùng lặp quy tắc." })), "RULE_EXISTS");
    assert.equal(await code(createRule(ctx, SYSTEM, { left: "no.such", op: "<=", right: "reception.turns", message: "Không có chỉ tiêu." })), "INDICATOR_NOT_FOUND");
    await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "reception.turns", period: "202605", value: 40 }]);
    assert.equal(await code(saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "reception.people", period: "202605", value: 41 }])), "RULE_VIOLATED");
  });

  test("10^20 surveys are saved with a warning and flagged for follow-up in review", async () => {
    const [f] = await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "oversight.count", period: "202606", value: 1e14 }]);
    assert.equal(f!.flag, "implausible");
    assert.match(f!.warning ?? "", /vượt mức có thể/);
    const [g] = await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "oversight.count", period: "202606", value: 4, version: 1 }]);
    assert.equal(g!.flag, null, "a corrected value clears the mark");
  });

  test("an outlier against the unit's own months is flagged, whether they were saved before or in the same request", async () => {
    const months = ["202601", "202602", "202603", "202604"];
    // Stored before: 10–13 a month; 900 in May is far above them.
    await saveFigures(ctx, SYSTEM, months.map((period, i) => ({ unitId: commune, indicator: "outreach.sessions", period, value: 10 + i })));
    const [may] = await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "outreach.sessions", period: "202605", value: 900 }]);
    assert.equal(may!.flag, "implausible");
    // The same months and the outlier in one request (the outlier first): flagged too.
    const h = await hierarchyOf(ctx);
    const other = h.childrenOf(h.resolveCode("52", "2026-01-01").id, "2026-01-01").find((u) => u.id !== commune)!.id;
    const saved = await saveFigures(ctx, SYSTEM, [
      { unitId: other, indicator: "outreach.sessions", period: "202605", value: 900 },
      ...months.map((period, i) => ({ unitId: other, indicator: "outreach.sessions", period, value: 10 + i })),
    ]);
    assert.equal(saved[0]!.flag, "implausible");
    assert.match(saved[0]!.warning ?? "", /cao nhất 13\b/, "compared with every month of the request");
    assert.deepEqual(saved.slice(1).map((f) => f.flag), [null, null, null, null]);
  });

  test("a figure's history: who, when, old → new, source", async () => {
    await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "dialogues.held", period: "202607", value: 9, source: { type: "form" } }]);
    const [f] = await saveFigures(ctx, SYSTEM, [{ unitId: commune, indicator: "dialogues.held", period: "202607", value: 5, version: 1, comment: "Sửa theo biên bản" }]);
    const { figure, changes } = await figureHistory(ctx, SYSTEM, f!.id);
    assert.equal(figure.value, 5);
    assert.deepEqual(changes.map((c) => [c.action, c.before, c.after]), [["update", 9, 5], ["create", null, 9]]);
    assert.equal(changes[0]!.comment, "Sửa theo biên bản");
    assert.equal(await code(figureHistory(ctx, SYSTEM, 987654321)), "FIGURE_NOT_FOUND");
  });
});
