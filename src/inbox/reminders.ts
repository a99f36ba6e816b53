/**
 * Reminders: for each watched report (src/inbox/watch.ts), the units that have not submitted it
 * are reminded — their reporters, in the days before the deadline and once after it — and after
 * `escalateAfterDays` the reviewers one level up are told. Each reminder is a row of
 * `notifications`, unique per (unit, period, kind, recipient), inserted in the transaction that
 * finds it due (a server that meets a row another one inserted skips it): in the app exactly once.
 * When a mail server is configured, the same transaction queues its e-mail in the outbox
 * (outbox.ts), which any server's sender delivers, surviving a server that dies mid-run.
 */
import { dateVi } from "../core/text.ts";
import { periodRange } from "../core/period.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { claimNotifications, idb, type NewNotification } from "./inbox.repository.ts";
import { watchRules } from "./settings.ts";
import { daysBetween, isIn, remindersDue, watchedPeriods, type ReminderKind, type Watched } from "./watch.ts";
import { mailerOf, type Mailer } from "./mail.ts";
import { queueMail, sendOutbox, senderId, type QueuedMail } from "./outbox.ts";
import { purgeOutbox } from "./outbox-purge.ts";

export interface Decided {
  /** Reports watched today. */
  periods: number;
  /** Notifications this run inserted (the others were sent before, by this server or another). */
  created: number;
  /** E-mails of those queued in the outbox. */
  queued: number;
}

export interface ReminderRun extends Decided {
  emailed: number;
  failed: number;
  /** E-mails sent (or failed for good at their last attempt) more than DANVAN_MAIL_KEEP_DAYS ago, deleted from the outbox (0 when another server purged today). */
  purged: number;
}

interface Person {
  id: number;
  unit_id: number;
  email: string | null;
  role: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function message(kind: ReminderKind, unit: UnitNode, w: Watched, today: string): string {
  const left = daysBetween(today, w.due);
  if (kind === "before") return `Nhắc nộp báo cáo ${w.label} của ${unit.fullName}: hạn ${dateVi(w.due)} (${left === 0 ? "hôm nay" : `còn ${left} ngày`}).`;
  if (kind === "after") return `Báo cáo ${w.label} của ${unit.fullName} chưa nộp, đã quá hạn (${dateVi(w.due)}).`;
  return `${unit.fullName} chưa nộp báo cáo ${w.label}, quá hạn ${-left} ngày (hạn ${dateVi(w.due)}).`;
}

const SUBJECT: Record<ReminderKind, (unit: string, label: string) => string> = {
  before: (u, l) => `[danvan] Nhắc nộp báo cáo ${l} — ${u}`,
  after: (u, l) => `[danvan] Quá hạn nộp báo cáo ${l} — ${u}`,
  escalate: (u, l) => `[danvan] ${u} chưa nộp báo cáo ${l}`,
};

/** The reviewers told about a unit: those at the nearest unit above it that has any (administrators there when it has no reviewer). */
function reviewersAbove(h: Hierarchy, unitId: number, byUnit: Map<number, Person[]>): Person[] {
  for (const a of h.ancestorsOf(unitId)) {
    const people = byUnit.get(a);
    if (!people?.length) continue;
    const reviewers = people.filter((p) => p.role === "reviewer");
    return reviewers.length ? reviewers : people;
  }
  return [];
}

function group(people: Person[]): Map<number, Person[]> {
  const m = new Map<number, Person[]>();
  for (const p of people) (m.get(p.unit_id) ?? m.set(p.unit_id, []).get(p.unit_id)!).push(p);
  return m;
}

/** Message-IDs of reminders: the same on every server and every attempt, one per unit, period, kind and recipient. */
function messageId(n: NewNotification, from: string): string {
  const domain = /@([^\s<>@]+?)>?\s*$/.exec(from)?.[1] ?? "danvan.local";
  return `<reminder.${n.unit_id}.${n.period}.${n.kind}.${n.user_id}@${domain}>`;
}

/**
 * Finds the reminders owed today not made before and, in one transaction, inserts them under their
 * unique key (in the app) and, when `mailing`, queues the e-mails of those it inserted whose
 * recipient has an address. Reads outside the transaction: a unit that submits meanwhile may still
 * get today's reminder, as if it had run a moment earlier.
 */
export async function decideReminders(ctx: Ctx, mailing: boolean): Promise<Decided> {
  const today = ctx.today();
  const { rules, deadlines, cutoffDay } = await watchRules(ctx);
  const watched = watchedPeriods(today, rules, deadlines, cutoffDay);
  const run: Decided = { periods: watched.length, created: 0, queued: 0 };
  if (!rules.enabled || !watched.length) return run;
  const h = await hierarchyOf(ctx);
  const people = await ctx.db.selectFrom("users").select(["id", "unit_id", "email", "role"]).where("active", "=", 1).where("role", "in", ["reporter", "reviewer", "admin"]).execute() as Person[];
  const reporters = group(people.filter((p) => p.role === "reporter"));
  const reviewers = group(people.filter((p) => p.role !== "reporter"));
  const email = new Map(people.map((p) => [p.id, p.email]));
  const rows: NewNotification[] = [];
  for (const w of watched) {
    const kinds = remindersDue(w.due, today, rules);
    if (!kinds.length) continue;
    const end = periodRange(w.period, cutoffDay).end;
    const units = [...reporters.keys()].map((id) => h.get(id)).filter((u): u is UnitNode => !!u && (u.validFrom === null || u.validFrom <= end) && (u.validTo === null || u.validTo >= today));
    const done = new Set<number>();
    // Reminders made before (by any server): a run that finds nothing new writes nothing.
    const made = new Set<string>();
    for (let i = 0; i < units.length; i += 500) {
      const ids = units.slice(i, i + 500).map((u) => u.id);
      for (const s of await ctx.db.selectFrom("submissions").select(["unit_id", "status"]).where("period", "=", w.period.id).where("unit_id", "in", ids).execute()) {
        if (isIn(s.status)) done.add(s.unit_id);
      }
      for (const n of await idb(ctx.db).selectFrom("notifications").select(["unit_id", "kind", "user_id"]).where("period", "=", w.period.id).where("unit_id", "in", ids).execute()) {
        made.add(`${n.unit_id}|${n.kind}|${n.user_id}`);
      }
    }
    for (const u of units) {
      if (done.has(u.id)) continue;
      for (const kind of kinds) {
        const to = kind === "escalate" ? reviewersAbove(h, u.id, reviewers) : reporters.get(u.id)!;
        for (const p of to) if (!made.has(`${u.id}|${kind}|${p.id}`)) rows.push({ user_id: p.id, unit_id: u.id, period: w.period.id, kind, due: w.due, message: message(kind, u, w, today) });
      }
    }
  }
  if (!rows.length) return run;
  // One order on every server: two runs inserting the same keys wait for each other, never deadlock.
  rows.sort((a, b) => a.unit_id - b.unit_id || a.period.localeCompare(b.period) || a.kind.localeCompare(b.kind) || a.user_id - b.user_id);
  // The unique key decides: a reminder another server inserted meanwhile is skipped here, with its e-mail.
  return inTransaction(ctx, async (tx) => {
    const now = new Date().toISOString();
    const claimed = await claimNotifications(tx.db, rows, now);
    run.created = claimed.length;
    if (!mailing) return run;
    const mails: QueuedMail[] = [];
    for (const n of claimed) {
      const to = email.get(n.user_id);
      if (!to) continue;
      const w = watched.find((x) => x.period.id === n.period)!;
      const link = ctx.config.mail.publicUrl ? `\n\nMở báo cáo: ${ctx.config.mail.publicUrl}/#/${n.kind === "escalate" ? "review" : "entry"}?unit=${n.unit_id}&period=${n.period}` : "";
      mails.push({
        notification_id: n.id, to_address: to, message_id: messageId(n, ctx.config.mail.from),
        subject: SUBJECT[n.kind as ReminderKind](h.require(n.unit_id).fullName, cap(w.label)),
        body: `${n.message}${link}\n\nThư này do danvan gửi tự động. Các nhắc việc cũng có trong Hộp thư khi đăng nhập danvan.\n`,
      });
    }
    await queueMail(tx.db, mails, now);
    run.queued = mails.length;
    return run;
  });
}

/** One run now (`danvan reminders run`, tests): decides, purges old sent and failed e-mails, then sends what the outbox holds (when a mailer is given). */
export async function runReminders(ctx: Ctx, mailer: Mailer | null): Promise<ReminderRun> {
  const d = await decideReminders(ctx, mailer !== null);
  const owner = senderId();
  const purged = (await purgeOutbox(ctx, owner)) ?? 0;
  if (!mailer) return { ...d, emailed: 0, failed: 0, purged };
  const s = await sendOutbox(ctx, mailer, owner);
  return { ...d, emailed: s.sent, failed: s.failed, purged };
}

/**
 * Runs the reminders on a schedule inside the server: decides a minute after start (sooner when
 * DANVAN_REMINDER_SECONDS is shorter), then every DANVAN_REMINDER_SECONDS (0: never); when
 * DANVAN_SMTP_URL is set, the outbox is drained on every tick (every minute at most: one indexed
 * query when nothing waits), so e-mails a dead server had claimed go out soon after its lease ends.
 * Each tick also offers to purge old sent and failed e-mails (outbox-purge.ts: one server a day takes it).
 * One tick at a time. Returns the stop function.
 */
export function scheduleReminders(ctx: Ctx, log: (s: string) => void): () => void {
  const every = ctx.config.reminderSeconds;
  if (every === 0) return () => undefined;
  const mailer = mailerOf(ctx.config);
  const owner = senderId();
  const step = Math.min(every, 60);
  let decidedAt = -Infinity;
  let running = false;
  const failed = (e: unknown) => log(`Không chạy được nhắc việc: ${e instanceof Error ? e.message : String(e)}`);
  const tick = async () => {
    if (Date.now() - decidedAt >= every * 1000) {
      decidedAt = Date.now();
      await decideReminders(ctx, mailer !== null).then((d) => {
        if (d.created) log(`Nhắc việc: ${d.created} thông báo mới${d.queued ? `, ${d.queued} e-mail chờ gửi` : ""}.`);
      }, failed);
    }
    await purgeOutbox(ctx, owner).then((n) => {
      if (n) log(`Nhắc việc: đã xoá ${n} e-mail đã gửi hoặc gửi lỗi quá ${ctx.config.mail.keepDays} ngày khỏi hàng đợi.`);
    }, failed);
    if (!mailer) return;
    await sendOutbox(ctx, mailer, owner).then((s) => {
      if (s.sent || s.failed) log(`Nhắc việc: ${s.sent} e-mail đã gửi${s.failed ? `, ${s.failed} e-mail chưa gửi được` : ""}.`);
    }, failed);
  };
  const run = () => {
    if (running) return;
    running = true;
    void tick().finally(() => {
      running = false;
    });
  };
  // A first run soon after start (a server restarted more often than every hour still reminds), then on the interval.
  const first = setTimeout(run, step * 1000);
  const timer = setInterval(run, step * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
    mailer?.close();
  };
}
