/**
 * The inbox of a reporter or a reviewer: what needs them, each item naming the unit and period to
 * open. Reporters see their unit's returned reports (with the reviewer's reason), approvals of the
 * last 30 days and reports past their deadline not yet submitted; reviewers the reports waiting
 * for their review and, per period, the sub-units that have not submitted; everyone but viewers
 * the petitions of their unit due within 3 days or overdue, and the residents' boards' recommendations
 * whose answer is due within 3 days or overdue (src/oversight); and the reminders sent to them.
 * Items are read from the data as it is (nothing to keep in step); which ones a user has read is
 * stored per user.
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { dateVi } from "../core/text.ts";
import { parsePeriod, periodLabel, periodRange } from "../core/period.ts";
import type { UnitNode } from "../core/hierarchy.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { abilitiesOf, inScope, requireAbility } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { unitRef, type UnitRef } from "../figures/rollup.service.ts";
import { reviewQueue } from "../submissions/submission.service.ts";
import { addDays } from "../submissions/deadlines.ts";
import { PETITION_TYPE_LABELS } from "../registers/petition-rules.ts";
import { unansweredDueBy } from "../oversight/finding.service.ts";
import { markKeysRead, notificationsOf, readKeys } from "./inbox.repository.ts";
import { watchRules } from "./settings.ts";
import { daysBetween, isIn, watchedPeriods } from "./watch.ts";

export type InboxKind = "returned" | "approved" | "awaiting_review" | "overdue" | "sub_units_overdue" | "petition_due" | "petition_overdue" | "finding_due" | "finding_overdue" | "reminder";

/** Where an item leads: the report form, its review, the dashboard (sub-units' submissions), a petition or the boards' page. */
export interface InboxTarget {
  page: "entry" | "review" | "dashboard" | "petition" | "oversight";
  unitId: number;
  period: string | null;
  petitionId?: number;
}

export interface InboxItem {
  /** Stable while the item means the same thing (a report returned again is a new item). */
  key: string;
  kind: InboxKind;
  title: string;
  /** The reviewer's reason for a returned report; the sub-units missing; the reminder's text. */
  detail: string | null;
  unit: UnitRef;
  period: string | null;
  periodLabel: string | null;
  /** When it happened (ISO time) or the deadline (ISO date): items are listed by it, newest first. */
  at: string;
  due: string | null;
  read: boolean;
  open: InboxTarget;
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
  total: number;
}

/** Petitions this close to their deadline are in the inbox. */
export const PETITION_WARN_DAYS = 3;
/** Approvals stay in the inbox this long. */
const APPROVED_DAYS = 30;

const STAGE = { accept: "thụ lý", notify: "thông báo kết quả", resolve: "giải quyết" } as Record<string, string>;

function userOf(actor: Actor): Extract<Actor, { kind: "user" }> {
  if (actor.kind !== "user") throw new DomainError("FORBIDDEN", "Hộp thư chỉ dành cho người dùng đã đăng nhập.");
  return actor;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Everything in the user's inbox, newest first, with read flags. */
export async function listInbox(ctx: Ctx, actor: Actor): Promise<Inbox> {
  requireAbility(actor, "figures.read");
  const user = userOf(actor);
  const h = await hierarchyOf(ctx);
  const today = ctx.today();
  const unit = h.require(user.unitId);
  const can = new Set(abilitiesOf(actor));
  const { rules, deadlines, cutoffDay } = await watchRules(ctx);
  const watched = watchedPeriods(today, rules, deadlines, cutoffDay);
  const past = watched.filter((w) => w.due < today);
  const items: Omit<InboxItem, "read">[] = [];
  const lower = (period: string) => periodLabel(parsePeriod(period));
  const label = (period: string) => cap(lower(period));

  if (can.has("submissions.submit")) {
    const since = addDays(today, -APPROVED_DAYS);
    const own = await ctx.db.selectFrom("submissions").select(["period", "status", "reviewed_at", "return_reason", "submitted_at"])
      .where("unit_id", "=", unit.id).where((eb) => eb.or([eb("status", "=", "returned"), eb.and([eb("status", "=", "approved"), eb("reviewed_at", ">=", since)])]))
      .execute();
    for (const s of own) {
      const at = s.reviewed_at ?? today;
      if (s.status === "returned") {
        items.push({ key: `returned:${unit.id}:${s.period}:${at}`, kind: "returned", title: `Báo cáo ${lower(s.period)} bị trả lại`, detail: s.return_reason, unit: unitRef(unit), period: s.period, periodLabel: label(s.period), at, due: null, open: { page: "entry", unitId: unit.id, period: s.period } });
      } else {
        items.push({ key: `approved:${unit.id}:${s.period}:${at}`, kind: "approved", title: `Báo cáo ${lower(s.period)} đã được phê duyệt`, detail: null, unit: unitRef(unit), period: s.period, periodLabel: label(s.period), at, due: null, open: { page: "entry", unitId: unit.id, period: s.period } });
      }
    }
    const mine = past.filter((w) => exists(unit, periodRange(w.period, cutoffDay).end));
    if (mine.length) {
      const subs = await ctx.db.selectFrom("submissions").select(["period", "status"]).where("unit_id", "=", unit.id).where("period", "in", mine.map((w) => w.period.id)).execute();
      const status = new Map(subs.map((s) => [s.period, s.status]));
      for (const w of mine) {
        const st = status.get(w.period.id);
        if (isIn(st) || st === "returned") continue;
        const late = daysBetween(w.due, today);
        items.push({ key: `overdue:${unit.id}:${w.period.id}`, kind: "overdue", title: `Báo cáo ${w.label} chưa nộp, quá hạn ${late} ngày`, detail: `Hạn nộp ${dateVi(w.due)}.`, unit: unitRef(unit), period: w.period.id, periodLabel: cap(w.label), at: w.due, due: w.due, open: { page: "entry", unitId: unit.id, period: w.period.id } });
      }
    }
  }

  if (can.has("submissions.review")) {
    for (const q of await reviewQueue(ctx, actor)) {
      items.push({ key: `review:${q.unit.id}:${q.period}:${q.submittedAt ?? ""}`, kind: "awaiting_review", title: `${q.unit.fullName} nộp báo cáo ${lower(q.period)}, chờ duyệt${q.waitingDays ? ` ${q.waitingDays} ngày` : ""}`, detail: null, unit: q.unit, period: q.period, periodLabel: label(q.period), at: q.submittedAt ?? q.updatedAt, due: null, open: { page: "review", unitId: q.unit.id, period: q.period } });
    }
    for (const w of past) {
      const at = periodRange(w.period, cutoffDay).end;
      const kids = h.childrenOf(unit.id, at).filter((k) => exists(k, at));
      if (!kids.length) continue;
      const subs = await ctx.db.selectFrom("submissions").select(["unit_id", "status"]).where("period", "=", w.period.id).where("unit_id", "in", kids.map((k) => k.id)).execute();
      const inIds = new Set(subs.filter((s) => isIn(s.status)).map((s) => s.unit_id));
      const missing = kids.filter((k) => !inIds.has(k.id)).sort((a, b) => a.code.localeCompare(b.code));
      if (!missing.length) continue;
      const names = missing.slice(0, 5).map((k) => k.fullName).join(", ") + (missing.length > 5 ? ` và ${missing.length - 5} đơn vị khác` : "");
      items.push({ key: `late:${unit.id}:${w.period.id}`, kind: "sub_units_overdue", title: `${missing.length}/${kids.length} đơn vị trực thuộc chưa nộp báo cáo ${w.label} (hạn ${dateVi(w.due)})`, detail: names, unit: unitRef(unit), period: w.period.id, periodLabel: cap(w.label), at: w.due, due: w.due, open: { page: "dashboard", unitId: unit.id, period: w.period.id } });
    }
  }

  if (user.role !== "viewer") {
    const until = addDays(today, PETITION_WARN_DAYS);
    const rows = await ctx.db.selectFrom("petitions").select(["id", "number", "type", "due_on", "due_stage", "received_on"])
      .where("unit_id", "=", unit.id).where("due_on", "is not", null).where("due_on", "<=", until).orderBy("due_on").limit(200).execute();
    for (const p of rows) {
      const overdue = p.due_on! < today;
      const kind: InboxKind = overdue ? "petition_overdue" : "petition_due";
      const what = `Đơn ${(PETITION_TYPE_LABELS as Record<string, string>)[p.type]?.toLowerCase() ?? ""}${p.number ? ` số ${p.number}` : ""} nhận ngày ${dateVi(p.received_on)}`;
      const stage = STAGE[p.due_stage ?? ""] ?? "xử lý";
      const n = daysBetween(today, p.due_on!);
      items.push({
        key: `petition:${p.id}:${p.due_stage}:${p.due_on}:${kind}`, kind,
        title: overdue ? `${what}: quá hạn ${stage} ${-n} ngày` : `${what}: hạn ${stage} ${n === 0 ? "hôm nay" : `còn ${n} ngày`}`,
        detail: `Hạn ${stage}: ${dateVi(p.due_on!)}.`, unit: unitRef(unit), period: null, periodLabel: null, at: p.due_on!, due: p.due_on,
        open: { page: "petition", unitId: unit.id, period: null, petitionId: p.id },
      });
    }
  }

  if (user.role !== "viewer") {
    // Recommendations of the commune's boards waiting for an answer: due today is not yet overdue.
    for (const f of await unansweredDueBy(ctx, unit.id, addDays(today, PETITION_WARN_DAYS))) {
      const overdue = f.dueOn < today;
      const kind: InboxKind = overdue ? "finding_overdue" : "finding_due";
      const what = `Kiến nghị của ${f.boardName} gửi ${f.authority} ngày ${dateVi(f.sentOn)}`;
      const n = daysBetween(today, f.dueOn);
      items.push({
        key: `finding:${f.id}:${f.dueOn}:${kind}`, kind,
        title: overdue ? `${what}: quá hạn trả lời ${-n} ngày` : `${what}: hạn trả lời ${n === 0 ? "hôm nay" : `còn ${n} ngày`}`,
        detail: `Hạn trả lời: ${dateVi(f.dueOn)}. ${f.recommendation.length > 160 ? `${f.recommendation.slice(0, 159)}…` : f.recommendation}`,
        unit: unitRef(unit), period: null, periodLabel: null, at: f.dueOn, due: f.dueOn, open: { page: "oversight", unitId: unit.id, period: null },
      });
    }
  }

  for (const n of await notificationsOf(ctx.db, user.userId)) {
    const u = h.get(n.unit_id);
    if (!u || !inScope(h, actor, n.unit_id, today)) continue;
    const reviewerNote = n.kind === "escalate";
    items.push({
      key: `n:${n.id}`, kind: "reminder", title: n.message, detail: `Hạn nộp ${dateVi(n.due)}.`, unit: unitRef(u), period: n.period, periodLabel: label(n.period), at: n.created_at, due: n.due,
      open: reviewerNote ? { page: "review", unitId: u.id, period: n.period } : { page: "entry", unitId: u.id, period: n.period },
    });
  }

  const read = await readKeys(ctx.db, user.userId, items.map((i) => i.key));
  const all = items.map((i) => ({ ...i, read: read.has(i.key) })).sort((a, b) => b.at.localeCompare(a.at) || a.key.localeCompare(b.key));
  return { items: all, unread: all.filter((i) => !i.read).length, total: all.length };
}

/** A unit that existed on the day (a report is owed only by units that existed at the period's end). */
function exists(u: UnitNode, day: string): boolean {
  return (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day);
}

/** The header's count: unread items, and all of them. */
export async function inboxCount(ctx: Ctx, actor: Actor): Promise<{ unread: number; total: number }> {
  const { unread, total } = await listInbox(ctx, actor);
  return { unread, total };
}

export const MarkReadSchema = z.union([
  z.object({ keys: z.array(z.string({ message: "Mã mục phải là chuỗi." }).min(1).max(200, { message: "Mã mục quá dài." }), { message: "Cần danh sách mã mục (keys)." }).min(1, { message: "Cần ít nhất một mục." }).max(1000, { message: "Tối đa 1000 mục mỗi lần." }) }).strict(),
  z.object({ all: z.literal(true, { message: "all phải là true." }) }).strict(),
], { message: "Cần keys (danh sách mục) hoặc all: true." });

/**
 * Marks items of the user's own inbox read (audited); a key that is not in it is refused
 * (INBOX_ITEM_NOT_FOUND) and nothing is marked.
 */
export async function markRead(ctx: Ctx, actor: Actor, input: unknown): Promise<{ marked: number; unread: number }> {
  const user = userOf(actor);
  const body = MarkReadSchema.parse(input);
  const box = await listInbox(ctx, actor);
  const byKey = new Map(box.items.map((i) => [i.key, i]));
  const wanted = "all" in body ? box.items.filter((i) => !i.read).map((i) => i.key) : [...new Set(body.keys)];
  const unknown = wanted.filter((k) => !byKey.has(k));
  if (unknown.length) throw new DomainError("INBOX_ITEM_NOT_FOUND", `Không có mục này trong hộp thư của bạn (${unknown.length} mục).`, { keys: unknown.slice(0, 10) });
  const fresh = wanted.filter((k) => !byKey.get(k)!.read);
  if (fresh.length) {
    await inTransaction(ctx, async (tx) => {
      await markKeysRead(tx.db, user.userId, fresh, new Date().toISOString());
      const units = new Set(fresh.map((k) => byKey.get(k)!.unit.id));
      await audit(tx.db, actor, "inbox.read", "inbox", user.userId, null, { keys: fresh }, units.size === 1 ? [...units][0]! : user.unitId);
    });
  }
  return { marked: fresh.length, unread: box.unread - fresh.length };
}
