/**
 * Reminders: for each watched report (src/inbox/watch.ts), the units that have not submitted it
 * are reminded — their reporters, in the days before the deadline and once after it — and after
 * `escalateAfterDays` the reviewers one level up are told. Each reminder is a row of
 * `notifications`, unique per (unit, period, kind, recipient): the row is inserted (claimed)
 * before its e-mail is sent, so with several servers on one database each reminder is sent once
 * (a server that meets a row another one inserted skips it). E-mails go out after the claim is
 * committed; one that fails is recorded on its row (email_error) and not retried: at most once.
 */
import { dateVi } from "../core/text.ts";
import { periodRange } from "../core/period.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { claimNotifications, setEmailed, type NewNotification } from "./inbox.repository.ts";
import { watchRules } from "./settings.ts";
import { daysBetween, isIn, remindersDue, watchedPeriods, type ReminderKind, type Watched } from "./watch.ts";
import { mailerOf, type Mailer } from "./mail.ts";

export interface ReminderRun {
  /** Reports watched today. */
  periods: number;
  /** Notifications this run inserted (the others were sent before, by this server or another). */
  created: number;
  emailed: number;
  failed: number;
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

/** One run: claims the reminders owed today and e-mails the new ones (when a mailer is given and the recipient has an address). */
export async function runReminders(ctx: Ctx, mailer: Mailer | null): Promise<ReminderRun> {
  const today = ctx.today();
  const { rules, deadlines, cutoffDay } = await watchRules(ctx);
  const watched = watchedPeriods(today, rules, deadlines, cutoffDay);
  const run: ReminderRun = { periods: watched.length, created: 0, emailed: 0, failed: 0 };
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
    for (let i = 0; i < units.length; i += 500) {
      const ids = units.slice(i, i + 500).map((u) => u.id);
      for (const s of await ctx.db.selectFrom("submissions").select(["unit_id", "status"]).where("period", "=", w.period.id).where("unit_id", "in", ids).execute()) {
        if (isIn(s.status)) done.add(s.unit_id);
      }
    }
    for (const u of units) {
      if (done.has(u.id)) continue;
      for (const kind of kinds) {
        const to = kind === "escalate" ? reviewersAbove(h, u.id, reviewers) : reporters.get(u.id)!;
        for (const p of to) rows.push({ user_id: p.id, unit_id: u.id, period: w.period.id, kind, due: w.due, message: message(kind, u, w, today) });
      }
    }
  }
  if (!rows.length) return run;
  // One order on every server: two runs inserting the same keys wait for each other, never deadlock.
  rows.sort((a, b) => a.unit_id - b.unit_id || a.period.localeCompare(b.period) || a.kind.localeCompare(b.kind) || a.user_id - b.user_id);
  const claimed = await inTransaction(ctx, (tx) => claimNotifications(tx.db, rows, new Date().toISOString()));
  run.created = claimed.length;
  if (!mailer) return run;
  for (const n of claimed) {
    const to = email.get(n.user_id);
    if (!to) continue;
    const unit = h.require(n.unit_id);
    const w = watched.find((x) => x.period.id === n.period)!;
    const link = ctx.config.mail.publicUrl ? `\n\nMở báo cáo: ${ctx.config.mail.publicUrl}/#/${n.kind === "escalate" ? "review" : "entry"}?unit=${n.unit_id}&period=${n.period}` : "";
    const text = `${n.message}${link}\n\nThư này do danvan gửi tự động. Các nhắc việc cũng có trong Hộp thư khi đăng nhập danvan.\n`;
    try {
      await mailer.send({ to, subject: SUBJECT[n.kind as ReminderKind](unit.fullName, cap(w.label)), text });
      await setEmailed(ctx.db, n.id, new Date().toISOString(), null);
      run.emailed++;
    } catch (e) {
      await setEmailed(ctx.db, n.id, null, (e instanceof Error ? e.message : String(e)).slice(0, 500));
      run.failed++;
    }
  }
  return run;
}

/**
 * Runs the reminders on a schedule inside the server (a minute after start, then every
 * DANVAN_REMINDER_SECONDS; 0: never), one run at a time; by e-mail when DANVAN_SMTP_URL is set.
 * Returns the stop function.
 */
export function scheduleReminders(ctx: Ctx, log: (s: string) => void): () => void {
  const every = ctx.config.reminderSeconds;
  if (every === 0) return () => undefined;
  const mailer = mailerOf(ctx.config);
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runReminders(ctx, mailer).then(
      (r) => r.created && log(`Nhắc việc: ${r.created} thông báo mới, ${r.emailed} e-mail đã gửi${r.failed ? `, ${r.failed} e-mail không gửi được` : ""}.`),
      (e: unknown) => log(`Không chạy được nhắc việc: ${e instanceof Error ? e.message : String(e)}`),
    ).finally(() => {
      running = false;
    });
  };
  // A first run soon after start (a server restarted more often than every hour still reminds), then on the interval.
  const first = setTimeout(tick, Math.min(every, 60) * 1000);
  const timer = setInterval(tick, every * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
    mailer?.close();
  };
}
