import { test, before } from "node:test";
import assert from "node:assert/strict";
import ExcelJS from "exceljs";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { isDomainError } from "../core/errors.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { actOnPetition, createPetition, getPetition } from "./petition.service.ts";
import { listPetitions, overduePetitions, petitionOnTimeRate } from "./petition.queries.ts";
import { advanceDvk, createRecord, listRecords, obligationCheck, updateRecord } from "./record.service.ts";
import { addAttachment, getAttachment, listAttachments } from "./attachments.ts";
import { registerTable, toCsv, toXlsx } from "./export.ts";
import { compareWithReported, registerFigures } from "./figures.ts";
import { updateRegisterSettings } from "./settings.ts";
import { rollupValue } from "../figures/rollup.service.ts";
import { buildReport } from "../reports/report.service.ts";
import { narrativeText } from "../reports/narrative.ts";
import "./plugin.ts";

/** The code of the DomainError `fn` throws. */
async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    if (e instanceof Error && e.name === "ZodError") return "VALIDATION";
    throw e;
  }
  return "NO_ERROR";
}

const count = async (ctx: Ctx, table: "petitions" | "register_records" | "register_attachments" | "audit_log") =>
  Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

describeEachDatabase("registers", (get) => {
  let ctx: Ctx;
  let loc: number; // Xã (later Phường) Lộc Ninh, Đồng Nai, from 1/7/2025
  let other: number; // a commune of Hà Nội
  let reporter: Actor; // reporter of Xã Lộc Ninh
  const petition = (o: Record<string, unknown> = {}) => ({ unitId: loc, type: "khieu_nai", receivedOn: "2026-10-01", petitioner: "Nguyễn Văn A", content: "Khiếu nại về bồi thường đất", ...o });

  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    loc = h.resolveCode("25270", "2026-01-01").id;
    other = h.resolveCode("00004", "2026-01-01").id;
    reporter = await userAt(ctx, "reporter", "25270");
  });

  test("a petition is entered with its legal deadline stored (Luật Khiếu nại 2011 Điều 27: 10 days, rolled past Sunday 11/10)", async () => {
    const p = await createPetition(ctx, reporter, petition());
    assert.equal(p.state, "received");
    assert.equal(p.acceptDue, "2026-10-12");
    assert.equal(p.dueOn, "2026-10-12");
    assert.equal(p.dueStage, "accept");
  });

  test("bad input changes nothing: future receipt, unknown unit, unit not in force, empty content", async () => {
    const n = await count(ctx, "petitions");
    const a = await count(ctx, "audit_log");
    assert.equal(await codeOf(() => createPetition(ctx, reporter, petition({ receivedOn: "2026-12-01" }))), "REGISTER_FUTURE_DATE");
    assert.equal(await codeOf(() => createPetition(ctx, SYSTEM, petition({ unitId: 99999999 }))), "UNIT_NOT_FOUND");
    assert.equal(await codeOf(() => createPetition(ctx, reporter, petition({ receivedOn: "2025-03-01" }))), "REGISTER_UNIT_NOT_VALID");
    assert.equal(await codeOf(() => createPetition(ctx, reporter, petition({ content: "  " }))), "VALIDATION");
    assert.equal(await codeOf(() => createPetition(ctx, reporter, petition({ receivedOn: "2026-02-30" }))), "VALIDATION");
    assert.equal(await count(ctx, "petitions"), n);
    assert.equal(await count(ctx, "audit_log"), a);
  });

  test("a reporter of one commune can neither write nor read another commune's petitions", async () => {
    assert.equal(await codeOf(() => createPetition(ctx, reporter, petition({ unitId: other }))), "OUT_OF_SCOPE");
    const theirs = await createPetition(ctx, SYSTEM, petition({ unitId: other }));
    assert.equal(await codeOf(() => getPetition(ctx, reporter, theirs.id)), "OUT_OF_SCOPE");
    assert.equal(await codeOf(() => actOnPetition(ctx, reporter, theirs.id, { action: "classify", date: "2026-10-02" })), "OUT_OF_SCOPE");
    const mine = await listPetitions(ctx, reporter);
    assert.ok(mine.items.every((p) => p.unitId === loc));
    assert.equal(await codeOf(() => listPetitions(ctx, reporter, { unitId: other })), "OUT_OF_SCOPE");
  });

  test("the lifecycle: a decision dated before receipt is refused and changes nothing; the legal path ends resolved on time", async () => {
    const p = await createPetition(ctx, reporter, petition({ receivedOn: "2026-09-01" }));
    await actOnPetition(ctx, reporter, p.id, { action: "classify", date: "2026-09-02" });
    const accepted = await actOnPetition(ctx, reporter, p.id, { action: "accept", date: "2026-09-08" });
    assert.equal(accepted.resolveDue, "2026-10-08", "Điều 28: 30 days from thụ lý");
    assert.equal(accepted.dueStage, "resolve");
    const a = await count(ctx, "audit_log");
    assert.equal(await codeOf(() => actOnPetition(ctx, reporter, p.id, { action: "decide", date: "2026-08-20" })), "REGISTER_DATE_ORDER");
    assert.equal(await codeOf(() => actOnPetition(ctx, reporter, p.id, { action: "decide", date: "2026-09-05" })), "REGISTER_DATE_ORDER");
    assert.equal(await codeOf(() => actOnPetition(ctx, reporter, p.id, { action: "enforce", date: "2026-09-10" })), "REGISTER_ILLEGAL_TRANSITION");
    assert.equal((await getPetition(ctx, reporter, p.id)).state, "accepted");
    assert.equal(await count(ctx, "audit_log"), a);
    await actOnPetition(ctx, reporter, p.id, { action: "verify", date: "2026-09-15" });
    await actOnPetition(ctx, reporter, p.id, { action: "dialogue", date: "2026-09-25" });
    const d = await actOnPetition(ctx, reporter, p.id, { action: "decide", date: "2026-10-05", decisionNo: "45/QĐ-UBND" });
    assert.equal(d.resolvedOn, "2026-10-05");
    assert.equal(d.dueOn, null);
    assert.equal(await count(ctx, "audit_log"), a + 3);
  });

  test("not accepting needs a reason; flags recompute the deadline (remote and complex: 60 days)", async () => {
    const p = await createPetition(ctx, reporter, petition({ receivedOn: "2026-11-02" }));
    await actOnPetition(ctx, reporter, p.id, { action: "classify", date: "2026-11-03" });
    assert.equal(await codeOf(() => actOnPetition(ctx, reporter, p.id, { action: "reject", date: "2026-11-04" })), "REGISTER_REASON_REQUIRED");
    const q = await createPetition(ctx, reporter, petition({ receivedOn: "2026-11-02", remote: true, complexity: "complex" }));
    await actOnPetition(ctx, reporter, q.id, { action: "classify", date: "2026-11-03" });
    const acc = await actOnPetition(ctx, reporter, q.id, { action: "accept", date: "2026-11-04" });
    assert.equal(acc.resolveDue, "2027-01-04"); // 3/1/2027 is a Sunday
    const { updatePetition } = await import("./petition.service.ts");
    const plain = await updatePetition(ctx, reporter, q.id, { remote: false, complexity: "normal" });
    assert.equal(plain.resolveDue, "2026-12-04");
  });

  test("overdue list and warnings before a deadline; the on-time rate counts open petitions past their deadline", async () => {
    const soon = await createPetition(ctx, reporter, petition({ receivedOn: "2026-11-20", petitioner: "Trần Thị Hoà" }));
    assert.equal(soon.acceptDue, "2026-11-30");
    const r = await overduePetitions(ctx, reporter, { withinDays: 7 });
    const ids = r.items.map((i) => i.petition.id);
    assert.ok(ids.includes(soon.id));
    const first = r.items[0]!;
    assert.equal(first.dueOn, "2026-10-12");
    assert.equal(first.daysOverdue, 44);
    assert.equal(first.unitName, "Phường Lộc Ninh", "named as on the day asked (the xã became a phường)");
    const page2 = await overduePetitions(ctx, reporter, { withinDays: 7, limit: 1, offset: 1 });
    assert.deepEqual(page2.items.map((i) => i.petition.id), [r.items[1]!.petition.id]);
    assert.equal(page2.overdue, r.overdue, "counts are of the whole list, not the page");
    const onlyOverdue = await overduePetitions(ctx, reporter);
    assert.equal(onlyOverdue.items.some((i) => i.petition.id === soon.id), false);
    assert.equal(onlyOverdue.overdue, r.overdue);
    assert.ok(r.dueSoon >= 1);
    const rate = await petitionOnTimeRate(ctx, reporter, { from: "2026-01-01", to: "2026-12-31" });
    assert.equal(rate.resolved, 1);
    assert.equal(rate.resolvedOnTime, 1);
    assert.ok(rate.openPastDeadline >= 1);
    assert.equal(rate.rate, Math.round((1 / (1 + rate.openPastDeadline)) * 1000) / 10);
  });

  test("search ignores tone placement and diacritics: 'hoà', 'hòa' and 'hoa' find 'Trần Thị Hoà'", async () => {
    for (const q of ["Thị Hoà", "thị hòa", "thi hoa", "THI HOA"]) {
      const r = await listPetitions(ctx, reporter, { q });
      assert.ok(r.items.some((p) => p.petitioner === "Trần Thị Hoà"), q);
    }
    assert.equal((await listPetitions(ctx, reporter, { q: "thị hỏa" })).total, 0);
    const overdue = await listPetitions(ctx, reporter, { overdue: true });
    assert.ok(overdue.items.every((p) => p.dueOn !== null && p.dueOn < "2026-11-25"));
  });

  test("tố cáo: notification, then extensions only by written decision and within the law's count", async () => {
    const p = await createPetition(ctx, reporter, petition({ type: "to_cao", receivedOn: "2026-09-01", complexity: "complex" }));
    await actOnPetition(ctx, reporter, p.id, { action: "classify", date: "2026-09-02" });
    const acc = await actOnPetition(ctx, reporter, p.id, { action: "accept", date: "2026-09-07" });
    assert.equal(acc.dueStage, "notify");
    assert.equal(acc.notifyDue, "2026-09-14");
    await actOnPetition(ctx, reporter, p.id, { action: "notify", date: "2026-09-09" });
    assert.equal(await codeOf(() => actOnPetition(ctx, reporter, p.id, { action: "extend", date: "2026-10-01" })), "REGISTER_REASON_REQUIRED");
    const ext = await actOnPetition(ctx, reporter, p.id, { action: "extend", date: "2026-10-01", decisionNo: "101/QĐ-UBND" });
    assert.equal(ext.resolveDue, "2026-11-06");
    assert.equal(await codeOf(() => actOnPetition(ctx, reporter, p.id, { action: "extend", date: "2026-10-02", decisionNo: "102/QĐ-UBND" })), "REGISTER_EXTENSION_NOT_ALLOWED");
  });

  test("reception obligations: the unmet ones for a commune and month (KL 215: 2 days; Chủ tịch UBND xã: every week)", async () => {
    const s = (date: string, leaderTitle: string, extra: Record<string, unknown> = {}) =>
      createRecord(ctx, reporter, "reception", { unitId: loc, kind: "reception", date, leaderName: "Lê Văn B", leaderTitle, turns: 3, people: 5, ...extra });
    await s("2026-10-05", "bi_thu", { matters: [{ content: "Đường liên thôn xuống cấp", conclusion: "Giao UBND xã kiểm tra", followUp: "Đã sửa", done: true }] });
    for (const d of ["2026-10-02", "2026-10-07", "2026-10-14", "2026-10-21"]) await s(d, "chu_tich_ubnd");
    const r = await obligationCheck(ctx, reporter, loc, "2026-10");
    assert.deepEqual(r.unmet.map((o) => [o.who, o.span, o.held]), [
      ["Bí thư cấp ủy (người đứng đầu cấp ủy)", "2026-10", 1],
      ["Chủ tịch UBND xã", "2026-10-26 → 2026-11-01", 0],
    ]);
    assert.ok(r.unmet.every((o) => o.final));
    await createRecord(ctx, reporter, "reception", { unitId: loc, kind: "dialogue", date: "2026-10-20", leaderName: "Lê Văn B", leaderTitle: "bi_thu", participants: "Nhân dân thôn 3" });
    const dialogues = await registerFigures(ctx, { indicator: "dialogues.held", unitIds: [loc], periodStart: "2026-10-01", periodEnd: "2026-10-31" });
    assert.deepEqual(dialogues, [{ unitId: loc, value: 1, disagg: "" }]);
    const turns = await registerFigures(ctx, { indicator: "reception.turns", unitIds: null, periodStart: "2026-10-01", periodEnd: "2026-10-31" });
    assert.deepEqual(turns, [{ unitId: loc, value: 15, disagg: "" }]);
    await createRecord(ctx, reporter, "reception", { unitId: loc, kind: "dialogue", date: "2026-10-22", leaderName: "Lê Văn B", leaderTitle: "bi_thu", turns: 4, people: 30 });
    const oct = { unitIds: [loc], periodStart: "2026-10-01", periodEnd: "2026-10-31" };
    assert.deepEqual(await registerFigures(ctx, { indicator: "dialogues.turns", ...oct }), [{ unitId: loc, value: 4, disagg: "" }]);
    assert.deepEqual(await registerFigures(ctx, { indicator: "reception.turns", ...oct }), [{ unitId: loc, value: 15, disagg: "" }], "dialogue turns are not reception turns");
  });

  test("mediation: a team without 3 mediators or a woman is saved with warnings; cases count 2/3 successful", async () => {
    const team = await createRecord(ctx, reporter, "mediation_team", { unitId: loc, date: "2026-01-10", name: "Tổ hòa giải thôn 1", members: [{ name: "A", gender: "nam" }, { name: "B", gender: "nam" }] });
    assert.equal(team.warnings.length, 2);
    assert.match(team.warnings.join(" "), /ít nhất 3/);
    assert.match(team.warnings.join(" "), /nữ/);
    const fixed = await updateRecord(ctx, reporter, "mediation_team", team.id, { ...team.data, members: [...team.data.members, { name: "C", gender: "nu" }] });
    assert.deepEqual(fixed.warnings, []);
    const c = (result: string, o: Record<string, unknown> = {}) =>
      createRecord(ctx, reporter, "mediation_case", { unitId: loc, teamId: team.id, date: "2026-08-03", mediators: ["A", "C"], parties: "Ông X và ông Y", matter: "Tranh chấp ranh giới đất", result, resultDate: "2026-08-10", ...o });
    await c("thanh");
    await c("thanh");
    await c("khong_thanh");
    assert.equal(await codeOf(() => c("thanh", { resultDate: "2026-08-01" })), "REGISTER_DATE_ORDER");
    assert.equal(await codeOf(() => c("thanh", { teamId: 99999 })), "REGISTER_RECORD_NOT_FOUND");
    const q = { unitIds: [loc], periodStart: "2026-07-01", periodEnd: "2026-09-30" };
    assert.deepEqual(await registerFigures(ctx, { indicator: "mediation.cases", ...q }), [{ unitId: loc, value: 3, disagg: "" }]);
    assert.deepEqual(await registerFigures(ctx, { indicator: "mediation.successful", ...q }), [{ unitId: loc, value: 2, disagg: "" }]);
    const rolled = await rollupValue(ctx, reporter, { unitId: loc, indicator: "mediation.successful", period: "2026Q3" });
    assert.deepEqual([rolled.value, rolled.denominator?.value], [2, 3], "a unit that keeps the register but reported nothing counts its records: 2/3");
    const found = await listRecords(ctx, reporter, "mediation_case", { q: "ranh gioi dat", state: "thanh" });
    assert.equal(found.total, 2);
  });

  test("reported and counted figures side by side: the difference is flagged and the reported figure kept", async () => {
    await saveFigures(ctx, reporter, [{ unitId: loc, indicator: "mediation.cases", period: "2026Q3", value: 5 }, { unitId: loc, indicator: "mediation.successful", period: "2026Q3", value: 2 }]);
    const r = await compareWithReported(ctx, reporter, loc, "2026Q3");
    const cases = r.items.find((i) => i.indicator === "mediation.cases")!;
    assert.deepEqual([cases.counted, cases.reported, cases.difference, cases.flagged], [3, 5, 2, true]);
    const ok = r.items.find((i) => i.indicator === "mediation.successful")!;
    assert.equal(ok.flagged, false);
    const stored = await ctx.db.selectFrom("figures").select("value").where("unit_id", "=", loc).where("indicator", "=", "mediation.cases").executeTakeFirstOrThrow();
    assert.equal(stored.value, 5);
    const petitions = r.items.find((i) => i.indicator === "petitions.received")!;
    assert.equal(petitions.reported, null);
    assert.equal(petitions.difference, null);
  });

  test("petitions feed received and resolved by type", async () => {
    const rows = await registerFigures(ctx, { indicator: "petitions.received", unitIds: [loc], periodStart: "2026-09-01", periodEnd: "2026-09-30" });
    assert.deepEqual(rows, [
      { unitId: loc, value: 2, disagg: "" },
      { unitId: loc, value: 1, disagg: "petition_type=khieu_nai" },
      { unitId: loc, value: 1, disagg: "petition_type=to_cao" },
    ]);
    const resolved = await registerFigures(ctx, { indicator: "petitions.resolved", unitIds: [loc], periodStart: "2026-10-01", periodEnd: "2026-10-31" });
    assert.deepEqual(resolved.find((r) => r.disagg === ""), { unitId: loc, value: 1, disagg: "" });
    assert.deepEqual(await registerFigures(ctx, { indicator: "contrib.money_vnd", unitIds: null, periodStart: "2026-01-01", periodEnd: "2026-12-31" }), []);
  });

  test("a report counts what the register holds where nothing was reported: petitions received appear in the figures and the text", async () => {
    const m = await buildReport(ctx, reporter, { unitId: loc, period: "2026Q3" });
    const row = m.figures.find((f) => f.key === "petitions.received");
    assert.equal(row?.current, 2, "the two petitions received in September are in the report's figures");
    assert.match(narrativeText(m.narrative), /tiếp nhận 2 đơn/);
  });

  test("Dân vận khéo: the path with the province's own criteria; exemplars count when recognised", async () => {
    const h = await hierarchyOf(ctx);
    const dongNai = h.ancestorsOf(loc).map((id) => h.get(id)!).find((u) => u.level === "province")!;
    await updateRegisterSettings(ctx, SYSTEM, { dvkCriteria: { [dongNai.code]: ["Hiệu quả", "Nhân rộng được"] } });
    const m = await createRecord(ctx, reporter, "dvk", { unitId: loc, kind: "exemplar", subject: "ca_nhan", name: "Bà Nguyễn Thị C vận động hiến đất", field: "kinh_te", date: "2026-02-01" });
    assert.equal(m.state, "registered");
    assert.equal(await codeOf(() => advanceDvk(ctx, reporter, m.id, { to: "recognised", date: "2026-03-01", level: "xa" })), "REGISTER_ILLEGAL_TRANSITION");
    await advanceDvk(ctx, reporter, m.id, { to: "in_progress", date: "2026-02-15" });
    assert.equal(await codeOf(() => advanceDvk(ctx, reporter, m.id, { to: "assessed", date: "2026-06-01", criteria: { "Hiệu quả": true } })), "REGISTER_CRITERIA_MISMATCH");
    await advanceDvk(ctx, reporter, m.id, { to: "assessed", date: "2026-06-01", criteria: { "Hiệu quả": true, "Nhân rộng được": true } });
    const rec = await advanceDvk(ctx, reporter, m.id, { to: "recognised", date: "2026-07-15", level: "xa" });
    assert.equal(rec.progress?.recognisedOn, "2026-07-15");
    assert.deepEqual(await registerFigures(ctx, { indicator: "dvk.exemplars", unitIds: [loc], periodStart: "2026-07-01", periodEnd: "2026-09-30" }), [{ unitId: loc, value: 1, disagg: "" }]);
    assert.deepEqual(await registerFigures(ctx, { indicator: "dvk.exemplars", unitIds: [loc], periodStart: "2026-01-01", periodEnd: "2026-06-30" }), []);
  });

  test("commendations feed awards by collective/individual with topic and level", async () => {
    const c = (subject: string, topic: string, level: string) =>
      createRecord(ctx, reporter, "commendation", { unitId: loc, subject, recipient: "Chi hội Phụ nữ thôn 2", topic, level, form: "Giấy khen", decisionNo: "12/QĐ-UBND", date: "2026-05-20" });
    await c("tap_the", "dvk", "xa");
    await c("tap_the", "qcdc", "xa");
    await c("ca_nhan", "dvk", "tinh");
    const q = { unitIds: [loc], periodStart: "2026-01-01", periodEnd: "2026-06-30" };
    assert.deepEqual(await registerFigures(ctx, { indicator: "awards.collectives", ...q }), [
      { unitId: loc, value: 2, disagg: "" }, { unitId: loc, value: 2, disagg: "level=xa" },
      { unitId: loc, value: 1, disagg: "topic=dvk" }, { unitId: loc, value: 1, disagg: "topic=qcdc" },
    ]);
    assert.equal((await registerFigures(ctx, { indicator: "awards.individuals", ...q }))[0]?.value, 1);
  });

  test("after 1 July 2025 a commendation or a Dân vận khéo step at 'Cấp huyện' is refused (REGISTER_LEVEL_ABOLISHED), changing nothing; before, it stays valid", async () => {
    const award = (o: Record<string, unknown>) => ({ unitId: loc, subject: "tap_the", recipient: "Chi hội Nông dân thôn 3", topic: "dvk", level: "huyen", form: "Giấy khen", decisionNo: "7/QĐ-UBND", date: "2026-03-02", ...o });
    const n = await count(ctx, "register_records");
    const a = await count(ctx, "audit_log");
    try {
      await createRecord(ctx, reporter, "commendation", award({}));
      assert.fail("a 2026 district-level award was saved");
    } catch (e) {
      assert.ok(isDomainError(e));
      assert.equal(e.code, "REGISTER_LEVEL_ABOLISHED");
      assert.match(e.message, /không còn cấp huyện/);
      assert.match(e.message, /02\/03\/2026/);
    }
    assert.equal(await codeOf(() => createRecord(ctx, reporter, "commendation", award({ date: "2025-07-01" }))), "REGISTER_LEVEL_ABOLISHED");
    const ok = await createRecord(ctx, reporter, "commendation", award({ level: "xa" }));
    assert.equal(await codeOf(() => updateRecord(ctx, reporter, "commendation", ok.id, { ...award({}), version: ok.version })), "REGISTER_LEVEL_ABOLISHED");
    const m = await createRecord(ctx, reporter, "dvk", { unitId: loc, kind: "model", subject: "tap_the", name: "Mô hình dân vận khéo thôn 3", field: "kinh_te", date: "2026-01-05" });
    await advanceDvk(ctx, reporter, m.id, { to: "in_progress", date: "2026-01-10" });
    await advanceDvk(ctx, reporter, m.id, { to: "assessed", date: "2026-02-01", criteria: { "Hiệu quả": true, "Nhân rộng được": true } });
    const before = await count(ctx, "audit_log");
    assert.equal(await codeOf(() => advanceDvk(ctx, reporter, m.id, { to: "recognised", date: "2026-02-15", level: "huyen" })), "REGISTER_LEVEL_ABOLISHED");
    assert.equal(await count(ctx, "audit_log"), before);
    assert.equal((await listRecords(ctx, reporter, "dvk", { q: "thon 3" })).items[0]?.state, "assessed");
    assert.equal((await listRecords(ctx, reporter, "commendation", { q: "Nong dan thon 3" })).items[0]?.data.level, "xa");
    assert.equal(await count(ctx, "register_records"), n + 2);
    // A 2024 award by a district (the old commune, before the reform) is kept and can be corrected.
    const oldCommune = (await hierarchyOf(ctx)).resolveCode("25270", "2024-06-01").id;
    const old = await createRecord(ctx, SYSTEM, "commendation", award({ unitId: oldCommune, date: "2024-06-01" }));
    assert.equal(old.data.level, "huyen");
    const fixed = await updateRecord(ctx, SYSTEM, "commendation", old.id, { ...award({ unitId: oldCommune, date: "2024-06-01", reason: "Thành tích 2023" }), version: old.version });
    assert.equal(fixed.data.level, "huyen");
    assert.ok(await count(ctx, "audit_log") > a);
  });

  test("campaigns: villages reached cannot exceed the total; rounds, sessions and participants are counted", async () => {
    const base = { unitId: loc, kind: "campaign", date: "2026-04-01", title: "Phát động xây dựng nông thôn mới", sessions: 6, teams: 2, participants: 500, villagesTotal: 12 };
    assert.equal(await codeOf(() => createRecord(ctx, reporter, "oversight", { ...base, villagesReached: 13 })), "VALIDATION");
    await createRecord(ctx, reporter, "oversight", { ...base, villagesReached: 10, recommendations: [{ content: "Sửa đường thôn 4", actedOn: false }] });
    await createRecord(ctx, reporter, "oversight", { ...base, date: "2026-05-01", villagesReached: 12 });
    const q = { unitIds: [loc], periodStart: "2026-04-01", periodEnd: "2026-06-30" };
    assert.equal((await registerFigures(ctx, { indicator: "campaign.rounds", ...q }))[0]?.value, 2);
    assert.equal((await registerFigures(ctx, { indicator: "campaign.sessions", ...q }))[0]?.value, 12);
    assert.equal((await registerFigures(ctx, { indicator: "campaign.villages_reached", ...q }))[0]?.value, 12);
    assert.equal((await registerFigures(ctx, { indicator: "villages.total", ...q }))[0]?.value, 12);
    const reached = await rollupValue(ctx, reporter, { unitId: loc, indicator: "campaign.villages_reached", period: "2026Q2" });
    assert.deepEqual([reached.value, reached.denominator?.value], [12, 12], "12/12 villages: the register gives both parts of the ratio");
    assert.equal((await listRecords(ctx, reporter, "oversight", { state: "pending" })).total, 1);
  });

  test("attachments: PDF kept with its record; wrong type, oversized, and out-of-scope refused with nothing written", async () => {
    const p = (await listPetitions(ctx, reporter, { limit: 1 })).items[0]!;
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const a = await addAttachment(ctx, reporter, "petitions", p.id, "đơn scan.pdf", pdf);
    assert.equal(a.mime, "application/pdf");
    assert.equal((await getAttachment(ctx, reporter, a.id)).content.toString(), pdf.toString());
    const n = await count(ctx, "register_attachments");
    assert.equal(await codeOf(() => addAttachment(ctx, reporter, "petitions", p.id, "virus.pdf", Buffer.from("MZ\x90\x00 not a pdf"))), "REGISTER_ATTACHMENT_TYPE");
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    big.write("%PDF-");
    assert.equal(await codeOf(() => addAttachment(ctx, reporter, "petitions", p.id, "big.pdf", big)), "REGISTER_ATTACHMENT_TOO_LARGE");
    const theirs = (await listPetitions(ctx, SYSTEM, { unitId: other })).items[0]!;
    assert.equal(await codeOf(() => addAttachment(ctx, reporter, "petitions", theirs.id, "x.pdf", pdf)), "OUT_OF_SCOPE");
    assert.equal(await count(ctx, "register_attachments"), n);
    assert.equal((await listAttachments(ctx, reporter, "petitions", p.id)).length, 1);
  });

  test("exports: CSV opens in Excel (BOM, Vietnamese headers) and .xlsx has the same rows", async () => {
    const t = await registerTable(ctx, reporter, "petitions", {});
    const csv = toCsv(t);
    assert.ok(csv.startsWith("\uFEFFMã,Đơn vị,Số,Loại đơn,Ngày tiếp nhận"));
    assert.equal(csv.trim().split("\r\n").length, t.rows.length + 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(t)) as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0]!.rowCount, t.rows.length + 1);
    const m = await registerTable(ctx, reporter, "mediation_team", {});
    assert.ok(m.headers.includes("Thành viên"));
    assert.match(String(m.rows[0]![m.headers.indexOf("Thành viên")]), /C — Nữ/);
  });
});
