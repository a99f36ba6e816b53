/**
 * Reminder e-mails reach a real SMTP server (smtp-server, started in this test process): the
 * reporter of a unit that has not submitted gets one message, in Vietnamese, with the deadline and
 * a link to that unit and period's form; a unit that has submitted gets none; a second run sends
 * nothing again; a mail server that cannot be reached leaves the reminder in the app with the
 * failure recorded, and the e-mail goes out once the server is back and the lease has run out.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { loadConfig } from "../config.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { updateUser } from "../accounts/user.service.ts";
import { transition } from "../submissions/submission.service.ts";
import { runReminders } from "./reminders.ts";
import { smtpMailer } from "./mail.ts";
import { updateReminderSettings } from "./settings.ts";
import { listInbox } from "./inbox.service.ts";
import { idb } from "./inbox.repository.ts";
import { sendOutbox } from "./outbox.ts";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** The decoded subject and text body of a message as nodemailer writes it (encoded words; base64 or quoted-printable). */
function decode(raw: string): { subject: string; text: string; headers: string } {
  const [headers = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  const subjectRaw = /^Subject: (.*)$/im.exec(unfolded)?.[1] ?? "";
  const subject = subjectRaw.replace(/\?=\s+=\?/g, "?==?").replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, s: string) =>
    enc.toLowerCase() === "b" ? Buffer.from(s, "base64").toString("utf8") : Buffer.from(s.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"));
  const body = rest.join("\n\n");
  const cte = /^Content-Transfer-Encoding: (.*)$/im.exec(unfolded)?.[1]?.trim().toLowerCase();
  const text = cte === "base64" ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
    : cte === "quoted-printable" ? Buffer.from(body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8")
    : body;
  return { subject, text, headers: unfolded };
}

const inbox: Received[] = [];
let smtp: SMTPServer;
let port = 0;

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  port = (smtp.server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
});

describeEachDatabase("reminder e-mails through a real SMTP server", (get) => {
  let ctx: Ctx;
  let late: Actor;
  let quyNhon = 0;

  before(async () => {
    inbox.length = 0;
    const base = await seededContext(get(), "2026-10-05");
    ctx = { ...base, config: loadConfig({ DANVAN_PASSWORD_COST: "10", DANVAN_SMTP_URL: `smtp://127.0.0.1:${port}`, DANVAN_MAIL_FROM: "danvan <nhac-viec@danvan.test>", DANVAN_PUBLIC_URL: "https://danvan.example.vn/" }) };
    const h = await hierarchyOf(ctx);
    quyNhon = h.resolveCode("21583", "2026-01-01").id;
    const province = h.resolveCode("52", "2026-01-01").id;
    const onTime = h.childrenOf(province, "2026-10-05").find((u) => u.id !== quyNhon)!;
    // Only quarterly reports, watched 30 days after their deadline: on 05/10/2026 that is quarter III (due 07/10).
    await updateReminderSettings(ctx, SYSTEM, { periodTypes: ["quarter"], lookbackDays: 30, daysBefore: 3 });
    late = await userAt(ctx, "reporter", "21583");
    await updateUser(ctx, SYSTEM, (late as { userId: number }).userId, { email: "Quynhon.Baocao@Example.VN" });
    const submitted = await userAt(ctx, "reporter", onTime.code);
    await updateUser(ctx, SYSTEM, (submitted as { userId: number }).userId, { email: "dung-han@example.vn" });
    await transition(ctx, submitted, onTime.id, "2026Q3", "submit");
    await userAt(ctx, "reporter", h.childrenOf(province, "2026-10-05").find((u) => u.id !== quyNhon && u.id !== onTime.id)!.code); // no e-mail address: in the app only
  });

  const outboxOf = (unitId: number, kind: string) => idb(ctx.db).selectFrom("reminder_outbox").innerJoin("notifications", "notifications.id", "reminder_outbox.notification_id")
    .selectAll("reminder_outbox").where("notifications.unit_id", "=", unitId).where("notifications.kind", "=", kind).executeTakeFirstOrThrow();

  test("the reporter of a unit that has not submitted gets the reminder by e-mail; a unit that submitted gets none; once", async () => {
    const r = await runReminders(ctx, smtpMailer(ctx.config.mail.smtpUrl!, ctx.config.mail.from));
    assert.equal(r.failed, 0);
    assert.equal(r.emailed, 1, "one address belongs to a unit that has not submitted");
    assert.ok(r.created >= 2, "the reporter without an address is reminded in the app");
    assert.equal(inbox.length, 1);
    const m = inbox[0]!;
    assert.deepEqual(m.to, ["quynhon.baocao@example.vn"]);
    assert.equal(m.from, "nhac-viec@danvan.test");
    const { subject, text } = decode(m.raw);
    assert.equal(subject, "[danvan] Nhắc nộp báo cáo Quý III năm 2026 — Phường Quy Nhơn");
    assert.match(text, /Nhắc nộp báo cáo quý III năm 2026 của Phường Quy Nhơn: hạn 07\/10\/2026 \(còn 2 ngày\)\./);
    assert.ok(text.includes(`https://danvan.example.vn/#/entry?unit=${quyNhon}&period=2026Q3`), text);
    assert.match(decode(m.raw).headers, new RegExp(`^Message-ID: <reminder\\.${quyNhon}\\.2026Q3\\.before\\.${(late as { userId: number }).userId}@danvan\\.test>`, "im"), "a stable Message-ID");
    const row = await outboxOf(quyNhon, "before");
    assert.equal(row.state, "sent");
    assert.ok(row.sent_at);
    assert.equal(row.error, null);
    // In the app too.
    assert.ok((await listInbox(ctx, late)).items.some((i) => i.kind === "reminder" && i.period === "2026Q3"));

    const again = await runReminders(ctx, smtpMailer(ctx.config.mail.smtpUrl!, ctx.config.mail.from));
    assert.equal(again.created, 0);
    assert.equal(inbox.length, 1, "no second e-mail");
  });

  test("a mail server that cannot be reached: the reminder stays in the app, the failure is recorded", async () => {
    // Two days later it is past the deadline: the "after" reminder is new, and its e-mail fails.
    const later: Ctx = { ...ctx, today: () => "2026-10-08" };
    const r = await runReminders(later, smtpMailer("smtp://127.0.0.1:1", "danvan <nhac-viec@danvan.test>"));
    assert.equal(r.emailed, 0);
    assert.equal(r.failed, 1);
    const row = await outboxOf(quyNhon, "after");
    assert.equal(row.state, "pending", "tried again later");
    assert.equal(row.sent_at, null);
    assert.ok(row.error);
    assert.equal(inbox.length, 1);
    assert.ok((await listInbox(later, late)).items.some((i) => i.kind === "reminder" && /quá hạn/.test(i.title)), "in the app");
  });

  test("the mail server is back: the failed e-mail goes out once the lease has run out, once", async () => {
    const mailer = smtpMailer(ctx.config.mail.smtpUrl!, ctx.config.mail.from);
    try {
      assert.equal((await sendOutbox(ctx, mailer, "test")).claimed, 0, "not before the lease has run out");
      const later = () => Date.now() + (ctx.config.mail.leaseSeconds + 1) * 1000;
      const s = await sendOutbox(ctx, mailer, "test", { now: later });
      assert.deepEqual(s, { claimed: 1, sent: 1, failed: 0 });
      assert.equal(inbox.length, 2);
      assert.match(decode(inbox[1]!.raw).subject, /^\[danvan\] Quá hạn nộp báo cáo Quý III năm 2026 — Phường Quy Nhơn$/);
      const row = await outboxOf(quyNhon, "after");
      assert.equal(row.state, "sent");
      assert.equal(row.attempts, 2);
      assert.equal((await sendOutbox(ctx, mailer, "test", { now: later })).claimed, 0, "sent: never again");
      assert.equal(inbox.length, 2);
    } finally {
      mailer.close();
    }
  });
});
