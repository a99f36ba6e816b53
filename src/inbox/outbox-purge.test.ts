/**
 * The reminder outbox is purged of e-mails sent long ago: a reminder run deletes messages sent more
 * than DANVAN_MAIL_KEEP_DAYS (90) days ago, and those that failed for good when their last attempt
 * is as old; it keeps every message still to be sent (waiting, claimed under a lease, claimed by a
 * server that died, waiting to be tried again) and the recent ones; of two servers only one purges
 * in a day; 0 keeps everything.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import type { Ctx } from "../context.ts";
import { loadConfig } from "../config.ts";
import { runReminders } from "./reminders.ts";
import { purgeOutbox } from "./outbox-purge.ts";
import { idb } from "./inbox.repository.ts";
import { sendOutbox } from "./outbox.ts";
import type { Mailer } from "./mail.ts";

const DAY = 86_400_000;
const ago = (days: number, from = Date.now()) => new Date(from - days * DAY).toISOString();

describeEachDatabase("reminder outbox retention", (get) => {
  let ctx: Ctx;
  let userId = 0;
  let unitId = 0;
  let n = 0;

  before(async () => {
    ctx = await seededContext(get(), "2026-11-25");
    const reporter = await userAt(ctx, "reporter", "21583");
    userId = (reporter as { userId: number }).userId;
    unitId = (reporter as { unitId: number }).unitId;
  });

  /** One reminder and its e-mail in the given state; returns the e-mail's subject (its name in the assertions). */
  async function mail(name: string, row: { state: string; created_at: string; sent_at?: string; claimed_at?: string; claimed_by?: string; attempts?: number; last_attempt_at?: string; error?: string }): Promise<string> {
    const db = idb(ctx.db);
    const notif = await db.insertInto("notifications").values({ user_id: userId, unit_id: unitId, period: `2025Q${(n % 4) + 1}`, kind: `test-${n++}`, due: "2025-01-01", message: name, created_at: row.created_at })
      .returning("id").executeTakeFirstOrThrow();
    await db.insertInto("reminder_outbox").values({
      notification_id: notif.id, to_address: "a@example.vn", subject: name, body: name, message_id: `<${name}@test>`,
      created_at: row.created_at, state: row.state, sent_at: row.sent_at ?? null, claimed_at: row.claimed_at ?? null, claimed_by: row.claimed_by ?? null,
      attempts: row.attempts ?? 0, last_attempt_at: row.last_attempt_at ?? row.sent_at ?? null, error: row.error ?? null,
    }).execute();
    return name;
  }
  const left = async () => (await idb(ctx.db).selectFrom("reminder_outbox").select("subject").orderBy("subject").execute()).map((r) => r.subject);

  test("a reminder run deletes e-mails sent, or failed for good at their last attempt, more than 90 days ago; it keeps those still to be sent, however old, and the recent ones", async () => {
    assert.equal(ctx.config.mail.keepDays, 90, "the default");
    await mail("old-sent", { state: "sent", created_at: ago(120), claimed_at: ago(120), claimed_by: "s1", sent_at: ago(100) });
    await mail("recent-sent", { state: "sent", created_at: ago(20), claimed_at: ago(20), claimed_by: "s1", sent_at: ago(10) });
    await mail("old-waiting", { state: "pending", created_at: ago(200) });
    await mail("old-claimed-by-a-dead-server", { state: "pending", created_at: ago(200), claimed_at: ago(200), claimed_by: "dead" });
    await mail("old-leased-now", { state: "pending", created_at: ago(200), claimed_at: ago(0), claimed_by: "s2" });
    await mail("old-failed", { state: "failed", created_at: ago(300), claimed_at: ago(300), claimed_by: "s1", attempts: 5, last_attempt_at: ago(300), error: "connect ECONNREFUSED" });
    // Queued long ago, its last attempt 30 days ago: kept for 60 more days.
    await mail("old-failed-lately", { state: "failed", created_at: ago(300), claimed_at: ago(30), claimed_by: "s1", attempts: 5, last_attempt_at: ago(30), error: "550 mailbox unavailable" });
    // Failed four times, to be tried again: never deleted while it is still to be sent.
    await mail("old-retrying", { state: "pending", created_at: ago(300), claimed_at: ago(200), claimed_by: "dead", attempts: 4, last_attempt_at: ago(200), error: "connect ECONNREFUSED" });
    const r = await runReminders(ctx, null);
    assert.equal(r.purged, 2);
    assert.deepEqual(await left(), ["old-claimed-by-a-dead-server", "old-failed-lately", "old-leased-now", "old-retrying", "old-waiting", "recent-sent"]);
    const notices = await idb(ctx.db).selectFrom("notifications").select("message").where("message", "=", "old-sent").execute();
    assert.equal(notices.length, 1, "the reminder itself stays in the inbox");
    const trail = await ctx.db.selectFrom("audit_log").select(["action", "before"]).where("action", "=", "reminders.outbox_purge").orderBy("id").execute();
    assert.deepEqual(trail.map((a) => { const b = JSON.parse(a.before ?? "{}") as Record<string, unknown>; return [b.sent, b.failed]; }), [[1, undefined], [undefined, 1]], "each deletion is audited with what went");
  });

  test("two servers at once: one purges, the other skips; the next day's purge waits for the day to pass", async () => {
    const tomorrow = Date.now() + DAY + 60_000;
    await mail("sent-95-days-ago-a", { state: "sent", created_at: ago(95), sent_at: ago(95) });
    await mail("sent-95-days-ago-b", { state: "sent", created_at: ago(95), sent_at: ago(95) });
    const runs = await Promise.all([purgeOutbox(ctx, "server-a", { now: () => tomorrow }), purgeOutbox(ctx, "server-b", { now: () => tomorrow })]);
    assert.deepEqual(runs.filter((x) => x !== null), [2], `one server purged both, the other skipped: ${JSON.stringify(runs)}`);
    assert.ok(!(await left()).some((s) => s.startsWith("sent-95")));
    await mail("sent-100-days-ago", { state: "sent", created_at: ago(100), sent_at: ago(100) });
    assert.equal(await purgeOutbox(ctx, "server-c", { now: () => tomorrow + 3_600_000 }), null, "an hour later: held");
    assert.ok((await left()).includes("sent-100-days-ago"));
    assert.equal(await purgeOutbox(ctx, "server-c", { now: () => tomorrow + DAY + 60_000 }), 1, "a day later: purged again");
    assert.deepEqual(await left(), ["old-claimed-by-a-dead-server", "old-failed-lately", "old-leased-now", "old-retrying", "old-waiting", "recent-sent"]);
  });

  test("DANVAN_MAIL_KEEP_DAYS=0 keeps every e-mail", async () => {
    const keep: Ctx = { ...ctx, config: loadConfig({ DANVAN_PASSWORD_COST: "10", DANVAN_MAIL_KEEP_DAYS: "0" }) };
    await mail("sent-400-days-ago", { state: "sent", created_at: ago(400), sent_at: ago(400) });
    await mail("failed-400-days-ago", { state: "failed", created_at: ago(400), claimed_at: ago(400), claimed_by: "s1", attempts: 5, last_attempt_at: ago(400) });
    assert.equal(await purgeOutbox(keep, "server-d", { now: () => Date.now() + 10 * DAY }), null);
    assert.ok((await left()).includes("sent-400-days-ago"));
    assert.ok((await left()).includes("failed-400-days-ago"));
  });
});

describeEachDatabase("a failed e-mail's retention", (get) => {
  test("an e-mail refused for good by the mail server is deleted 90 days after that attempt, not before", async () => {
    const ctx = await seededContext(get(), "2026-11-25");
    const reporter = (await userAt(ctx, "reporter", "21583")) as { userId: number; unitId: number };
    const db = idb(ctx.db);
    const notif = await db.insertInto("notifications").values({ user_id: reporter.userId, unit_id: reporter.unitId, period: "2025Q1", kind: "test-refused", due: "2025-01-01", message: "refused", created_at: ago(400) })
      .returning("id").executeTakeFirstOrThrow();
    await db.insertInto("reminder_outbox").values({ notification_id: notif.id, to_address: "a@example.vn", subject: "refused", body: "refused", message_id: "<refused@test>", created_at: ago(400) }).execute();
    const refusing: Mailer = { send: async () => { throw Object.assign(new Error("550 5.1.1 mailbox unavailable"), { code: "EENVELOPE", responseCode: 550 }); }, close: () => undefined };
    // Queued 400 days ago, refused 30 days from now.
    const attempt = Date.now() + 30 * DAY;
    assert.equal((await sendOutbox(ctx, refusing, "server-e", { now: () => attempt })).failed, 1);
    const state = async () => (await db.selectFrom("reminder_outbox").select("state").executeTakeFirst())?.state;
    assert.equal(await state(), "failed");
    assert.equal(await purgeOutbox(ctx, "server-e", { now: () => attempt + 89 * DAY }), 0);
    assert.equal(await state(), "failed", "89 days after the attempt: kept");
    assert.equal(await purgeOutbox(ctx, "server-e", { now: () => attempt + 91 * DAY }), 1);
    assert.equal(await state(), undefined, "91 days after: deleted");
  });
});

describeEachDatabase("a failed e-mail tried again", (get) => {
  test("an e-mail that failed long ago and was tried again lately is kept 90 days from that try, though its claim was given back", async () => {
    const ctx = await seededContext(get(), "2026-11-25");
    const reporter = (await userAt(ctx, "reporter", "21583")) as { userId: number; unitId: number };
    const db = idb(ctx.db);
    const notif = await db.insertInto("notifications").values({ user_id: reporter.userId, unit_id: reporter.unitId, period: "2025Q2", kind: "test-retried", due: "2025-01-01", message: "retried", created_at: ago(400) })
      .returning("id").executeTakeFirstOrThrow();
    await db.insertInto("reminder_outbox").values({ notification_id: notif.id, to_address: "a@example.vn", subject: "retried", body: "retried", message_id: "<retried@test>", created_at: ago(400) }).execute();
    const row = () => db.selectFrom("reminder_outbox").selectAll().executeTakeFirst();
    // Queued 400 days ago; the mail server could not be reached 200 days ago: to be tried again.
    const down: Mailer = { send: async () => { throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNECTION" }); }, close: () => undefined };
    const first = Date.now() - 200 * DAY;
    assert.equal((await sendOutbox(ctx, down, "server-f", { now: () => first })).failed, 1);
    assert.equal((await row())?.state, "pending");
    // Yesterday server A tries it again; the mail server is slow to answer.
    const tried = Date.now() - DAY;
    let refuse: (e: unknown) => void = () => undefined;
    let asked: () => void = () => undefined;
    const sending = new Promise<void>((r) => (asked = r));
    const slow: Mailer = { send: () => new Promise((_, reject) => { refuse = reject; asked(); }), close: () => undefined };
    const a = sendOutbox(ctx, slow, "server-a", { now: () => tried });
    await sending;
    // Meanwhile server B, past A's lease, claims it and gives it back untried (half its own lease gone).
    const lease = ctx.config.mail.leaseSeconds * 1000;
    let clock = Date.now();
    const b = await sendOutbox(ctx, down, "server-b", { now: () => (clock += lease) });
    assert.deepEqual([b.claimed, b.failed], [1, 0]);
    assert.equal((await row())?.claimed_at, null, "given back");
    // Then the mail server refuses A's message for good.
    refuse(Object.assign(new Error("550 5.1.1 mailbox unavailable"), { code: "EENVELOPE", responseCode: 550 }));
    assert.equal((await a).failed, 1);
    const failed = await row();
    assert.equal(failed?.state, "failed");
    assert.equal(failed?.attempts, 2);
    assert.equal(failed?.last_attempt_at, new Date(tried).toISOString(), "the last attempt's time, not the first failure's or the queueing");
    assert.equal(await purgeOutbox(ctx, "server-e", { now: () => tried + 89 * DAY }), 0, "89 days after the last attempt: kept");
    assert.equal((await row())?.state, "failed");
    assert.equal(await purgeOutbox(ctx, "server-e", { now: () => tried + 91 * DAY }), 1, "91 days after: deleted");
  });
});
