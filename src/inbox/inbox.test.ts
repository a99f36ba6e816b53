/**
 * The inbox of reporters and reviewers (issue 12, "Who is told"): a returned report is in the
 * reporter's inbox with the reviewer's reason and opens that unit and period; counts and read
 * marks per user; a reporter never sees another unit's items; reports past their deadline;
 * petitions near or past theirs; reminders before and after the deadline and to the reviewer one
 * level up, each sent once.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { outcome } from "../test-support/outcome.ts";
import { transition } from "../submissions/submission.service.ts";
import { createPetition } from "../registers/petition.service.ts";
import { createBoard } from "../oversight/board.service.ts";
import { createFinding, recordAnswer } from "../oversight/finding.service.ts";
import { listAudit } from "../audit/audit.ts";
import { inboxCount, listInbox, markRead } from "./inbox.service.ts";
import { runReminders } from "./reminders.ts";
import { updateReminderSettings } from "./settings.ts";

const codeOf = outcome;

describeEachDatabase("inbox and reminders", (get) => {
  let ctx: Ctx;
  let quyNhon: number;
  let other: number;
  let province: number;
  let reporter: Actor;
  let otherReporter: Actor;
  let reviewer: Actor;

  before(async () => {
    ctx = await seededContext(get(), "2026-11-25");
    const h = await hierarchyOf(ctx);
    quyNhon = h.resolveCode("21583", "2026-01-01").id;
    province = h.resolveCode("52", "2026-01-01").id;
    other = h.childrenOf(province, "2026-11-25").map((u) => u.id).find((id) => id !== quyNhon)!;
    reporter = await userAt(ctx, "reporter", "21583");
    otherReporter = await userAt(ctx, "reporter", h.require(other).code);
    reviewer = await userAt(ctx, "reviewer", "52");
  });

  test("a returned report is in the reporter's inbox with the reviewer's reason and opens that unit and period; the reviewer's queue item goes", async () => {
    await transition(ctx, reporter, quyNhon, "2026Q3", "submit");
    const waiting = (await listInbox(ctx, reviewer)).items.find((i) => i.kind === "awaiting_review" && i.unit.id === quyNhon);
    assert.ok(waiting, "the submitted report waits in the reviewer's inbox");
    assert.deepEqual(waiting.open, { page: "review", unitId: quyNhon, period: "2026Q3" });

    await transition(ctx, reviewer, quyNhon, "2026Q3", "return", "Thiếu số lượt tiếp công dân tháng 9.");
    const box = await listInbox(ctx, reporter);
    const returned = box.items.find((i) => i.kind === "returned");
    assert.ok(returned, "the returned report is in the reporter's inbox");
    assert.equal(returned.detail, "Thiếu số lượt tiếp công dân tháng 9.");
    assert.equal(returned.title, "Báo cáo quý III năm 2026 bị trả lại");
    assert.equal(returned.period, "2026Q3");
    assert.equal(returned.periodLabel, "Quý III năm 2026");
    assert.deepEqual(returned.open, { page: "entry", unitId: quyNhon, period: "2026Q3" });
    assert.equal(returned.read, false);
    assert.ok(!(await listInbox(ctx, reviewer)).items.some((i) => i.kind === "awaiting_review" && i.unit.id === quyNhon), "no longer waiting for review");
    // Returned is not also listed as overdue.
    assert.ok(!box.items.some((i) => i.kind === "overdue" && i.period === "2026Q3"));
  });

  test("counts: unread items; marking one read lowers the count for that user only, is audited; an unknown key changes nothing", async () => {
    const before = await inboxCount(ctx, reporter);
    assert.ok(before.unread >= 1);
    const returned = (await listInbox(ctx, reporter)).items.find((i) => i.kind === "returned")!;
    assert.equal(await codeOf(markRead(ctx, reporter, { keys: [returned.key, "returned:1:2026Q3:x"] })), "INBOX_ITEM_NOT_FOUND");
    assert.deepEqual(await inboxCount(ctx, reporter), before, "a refused mark changes nothing");
    await assert.rejects(markRead(ctx, reporter, { keys: "x" }), /Cần danh sách mã mục|keys/);
    const r = await markRead(ctx, reporter, { keys: [returned.key] });
    assert.equal(r.marked, 1);
    const after = await inboxCount(ctx, reporter);
    assert.equal(after.unread, before.unread - 1);
    assert.equal(after.total, before.total);
    assert.equal((await listInbox(ctx, reporter)).items.find((i) => i.key === returned.key)!.read, true);
    const rows = (await listAudit(ctx.db, { entity: "inbox" })).filter((a) => a.action === "inbox.read");
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.unitId, quyNhon);
    // Marking again is no new write.
    assert.equal((await markRead(ctx, reporter, { keys: [returned.key] })).marked, 0);
    // Another user's inbox is untouched.
    const o = await inboxCount(ctx, otherReporter);
    await markRead(ctx, reporter, { all: true });
    assert.equal((await inboxCount(ctx, reporter)).unread, 0);
    assert.deepEqual(await inboxCount(ctx, otherReporter), o);
  });

  test("reports past their deadline and not submitted are in the reporter's inbox (quarter III due 07/10/2026, 9 months due 10/10/2026)", async () => {
    const box = await listInbox(ctx, otherReporter);
    const overdue = box.items.filter((i) => i.kind === "overdue").map((i) => i.period).sort();
    assert.deepEqual(overdue, ["2026N9", "2026Q3"]);
    const q3 = box.items.find((i) => i.kind === "overdue" && i.period === "2026Q3")!;
    assert.equal(q3.due, "2026-10-07");
    assert.match(q3.title, /quá hạn 49 ngày/);
    assert.deepEqual(q3.open, { page: "entry", unitId: other, period: "2026Q3" });
    // The reviewer sees the sub-units that have not submitted, per period, opening the province's view of that period.
    const late = (await listInbox(ctx, reviewer)).items.find((i) => i.kind === "sub_units_overdue" && i.period === "2026Q3")!;
    assert.ok(late);
    assert.deepEqual(late.open, { page: "dashboard", unitId: province, period: "2026Q3" });
    assert.match(late.title, /^\d+\/\d+ đơn vị trực thuộc chưa nộp báo cáo quý III năm 2026/);
  });

  test("petitions of the unit due within 3 days or overdue are in its inbox, not in another unit's", async () => {
    const p = await createPetition(ctx, reporter, { unitId: quyNhon, type: "khieu_nai", receivedOn: "2026-11-02", petitioner: "Nguyễn Văn A", content: "Khiếu nại về việc thu hồi đất." });
    const item = (await listInbox(ctx, reporter)).items.find((i) => i.kind.startsWith("petition_"));
    assert.ok(item, `petition due ${p.dueOn} is in the inbox`);
    assert.equal(item.open.petitionId, p.id);
    assert.ok(!item.title.includes("Nguyễn Văn A"), "no personal data in the title");
    assert.ok(!(await listInbox(ctx, otherReporter)).items.some((i) => i.kind.startsWith("petition_")));
  });

  test("GS_HAN_TRA_LOI: a board's recommendation is in the commune's inbox 3 days before its answer date, 'hôm nay' on it, overdue the day after, and gone once answered", async () => {
    const board = await createBoard(ctx, reporter, { unitId: quyNhon, kind: "ttnd", name: "Ban Thanh tra nhân dân phường Quy Nhơn (hộp thư)", termStart: "2025-07-15", termEnd: "2027-12-31", communities: 5 });
    const f = await createFinding(ctx, reporter, board.id, { finding: "Chưa công khai dự toán quý IV.", recommendation: "Đề nghị UBND phường công khai dự toán quý IV.", authority: "UBND phường Quy Nhơn", sentOn: "2026-11-01" });
    assert.equal(f.dueOn, "2026-11-16", "15 days after sending by default");
    const on = async (day: string, who = reporter) => (await listInbox({ ...ctx, today: () => day }, who)).items.filter((i) => i.kind.startsWith("finding_"));
    assert.deepEqual(await on("2026-11-12"), [], "4 days before: not yet");
    const [soon] = await on("2026-11-13");
    assert.equal(soon?.kind, "finding_due");
    assert.match(soon!.title, /^Kiến nghị của Ban Thanh tra nhân dân phường Quy Nhơn \(hộp thư\) gửi UBND phường Quy Nhơn ngày 01\/11\/2026: hạn trả lời còn 3 ngày$/);
    assert.deepEqual(soon!.open, { page: "oversight", unitId: quyNhon, period: null });
    const [due] = await on("2026-11-16");
    assert.equal(due?.kind, "finding_due");
    assert.match(due!.title, /hạn trả lời hôm nay$/);
    const [late] = await on("2026-11-17");
    assert.equal(late?.kind, "finding_overdue");
    assert.match(late!.title, /quá hạn trả lời 1 ngày$/);
    assert.match(late!.detail!, /^Hạn trả lời: 16\/11\/2026\. Đề nghị UBND phường công khai dự toán quý IV\.$/);
    assert.deepEqual(await on("2026-11-17", otherReporter), [], "another commune does not see it");
    await recordAnswer(ctx, reporter, f.id, { answer: "Đã công khai ngày 20/11/2026.", answeredOn: "2026-11-20", version: f.version });
    assert.deepEqual(await on("2026-11-25"), [], "answered: gone");
  });

  test("reminders: before the deadline to the reporters of units that have not submitted; after it; the reviewer above is told after N days; each once", async () => {
    // Two days before quarter III's deadline (07/10/2026): a reminder to each reporter of a unit not in.
    const early: Ctx = { ...ctx, today: () => "2026-10-05" };
    const r1 = await runReminders(early, null);
    const rows = async () => ctx.db.selectFrom("notifications" as never).selectAll().execute() as Promise<Array<{ user_id: number; unit_id: number; period: string; kind: string }>>;
    const got = await rows();
    assert.equal(r1.created, got.length);
    assert.ok(got.some((n) => n.kind === "before" && n.unit_id === other && n.period === "2026Q3"), JSON.stringify(got));
    assert.ok(!got.some((n) => n.kind === "escalate" && n.period === "2026Q3"), "no escalation before the deadline");
    // Quarter II (due 07/07/2026) is long past: its reviewer above was told.
    assert.ok(got.some((n) => n.kind === "escalate" && n.period === "2026Q2" && n.unit_id === other));
    assert.equal((await runReminders(early, null)).created, 0, "a second run sends nothing again");

    // Today (49 days late): "after" to reporters, "escalate" to the reviewer at the province.
    const r2 = await runReminders(ctx, null);
    assert.ok(r2.created > 0, "new reminders after the deadline");
    const all = await rows();
    assert.ok(all.some((n) => n.kind === "after" && n.unit_id === other && n.period === "2026Q3" && n.user_id === (otherReporter as { userId: number }).userId), "after, to the reporter");
    assert.ok(all.some((n) => n.kind === "escalate" && n.unit_id === other && n.user_id === (reviewer as { userId: number }).userId), "escalated to the province's reviewer");
    assert.equal((await runReminders(ctx, null)).created, 0);
    const keys = all.map((n) => `${n.unit_id}|${n.period}|${n.kind}|${n.user_id}`);
    assert.equal(new Set(keys).size, keys.length);

    // In-app: the reporter sees the reminder, opening the form; the reviewer sees the escalation, opening the review.
    const mine = (await listInbox(ctx, otherReporter)).items.filter((i) => i.kind === "reminder");
    assert.ok(mine.some((i) => /quá hạn/.test(i.title) && i.open.page === "entry" && i.open.unitId === other && i.open.period === "2026Q3"), "reminder in the reporter's inbox");
    const told = (await listInbox(ctx, reviewer)).items.filter((i) => i.kind === "reminder" && i.unit.id === other);
    assert.ok(told.length && told.every((i) => i.open.page === "review"), "escalation in the reviewer's inbox");
  });

  test("two runs at once claim each reminder once between them", async () => {
    const day: Ctx = { ...ctx, today: () => "2027-01-06" }; // quarter IV due 07/01/2027: "before" reminders owed
    const [a, b] = await Promise.all([runReminders(day, null), runReminders(day, null)]);
    const rows = await ctx.db.selectFrom("notifications" as never).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow() as { n: number | string };
    assert.ok(a.created + b.created > 0);
    const before = Number(rows.n);
    assert.equal((await runReminders(day, null)).created, 0);
    const again = await ctx.db.selectFrom("notifications" as never).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow() as { n: number | string };
    assert.equal(Number(again.n), before);
  });

  test("scope: a reporter never sees another unit's items", async () => {
    for (const [who, unit] of [[reporter, quyNhon], [otherReporter, other]] as const) {
      const box = await listInbox(ctx, who);
      assert.ok(box.items.length > 0);
      for (const i of box.items) assert.equal(i.unit.id, unit, `${i.kind} ${i.key}`);
    }
    assert.equal(await codeOf(listInbox(ctx, SYSTEM)), "FORBIDDEN");
  });

  test("reminder settings: national administrators only; bad values refused in Vietnamese, nothing changed", async () => {
    const admin = await userAt(ctx, "admin", "VN");
    const provAdmin = await userAt(ctx, "admin", "52");
    assert.equal(await codeOf(updateReminderSettings(ctx, provAdmin, { daysBefore: 5 })), "FORBIDDEN");
    await assert.rejects(updateReminderSettings(ctx, admin, { escalateAfterDays: 200, lookbackDays: 90 }), /báo cấp trên|Báo cấp trên/);
    const s = await updateReminderSettings(ctx, admin, { enabled: false });
    assert.equal(s.enabled, false);
    assert.equal((await runReminders({ ...ctx, today: () => "2026-10-06" }, null)).created, 0, "disabled: nothing sent");
    await updateReminderSettings(ctx, admin, { enabled: true });
  });
});
