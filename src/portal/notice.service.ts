/**
 * Public notices (công khai thông tin): staff create, correct and take down a unit's notices
 * (scoped to their units, audited in the same transaction); residents read those posted today;
 * the dashboard lists what the law still asks for (notice-rules.ts).
 */
import { z } from "zod";
import type { Selectable } from "kysely";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { id } from "../core/input.ts";
import { canRead, canWrite, isoDate, nowIso, optionalText, requiredText, unitAt, userIdOf } from "../registers/common.ts";
import {
  complianceIssues, FORM_RULES, isPostedOn, minimumDays, minimumEnds, NOTICE_CATEGORIES, NOTICE_CATEGORY_KEYS, NOTICE_FORMS, noticeStatus, REVISION_BASIS, revision,
  type ComplianceIssue, type NoticeCategoryKey, type NoticeFacts, type NoticeForm, type NoticeStatus,
} from "./notice-rules.ts";
import type { PublicNoticesTable } from "../db/tables/portal.ts";
import { noticeHistory, type HistoryEntry, type NoticeSnapshot } from "./notice-history.ts";

export const NoticeInputSchema = z.object({
  unitId: id,
  category: z.enum(NOTICE_CATEGORY_KEYS as [NoticeCategoryKey, ...NoticeCategoryKey[]]),
  form: z.enum(NOTICE_FORMS),
  title: requiredText(300),
  body: requiredText(20000),
  community: optionalText(120),
  postedOn: isoDate,
  /** Longer than the law's minimum if the commune decides so; default the minimum. */
  minDays: z.number().int().min(0).max(3650).optional(),
  publishedBy: requiredText(200),
}).strict();

export const NoticePatchSchema = NoticeInputSchema.omit({ unitId: true }).partial().extend({
  /** Taken down on (null: posted again). */
  removedOn: isoDate.nullable().optional(),
  /** The title or text changes the substance: posted afresh today, the minimum runs again (notice-rules.ts revision()). */
  material: z.boolean().optional(),
  version: z.number().int().min(0),
}).strict();

export interface Notice extends NoticeFacts {
  unitId: number;
  body: string;
  community: string | null;
  consultationId: number | null;
  /** The commune-wide decision whose result it publishes. */
  communeDecisionId: number | null;
  publishedBy: string;
  /** The day the title or text was last revised (null: never). */
  revisedOn: string | null;
  minimumEndsOn: string;
  basis: string;
  version: number;
}

export function toNotice(r: Selectable<PublicNoticesTable>): Notice {
  const form = r.form as NoticeForm;
  const facts = { postedOn: r.posted_on, minDays: r.min_days, form };
  return {
    id: r.id, unitId: r.unit_id, category: r.category as NoticeCategoryKey, form, title: r.title, body: r.body, community: r.community,
    postedOn: r.posted_on, minDays: r.min_days, removedOn: r.removed_on, consultationId: r.consultation_id, communeDecisionId: r.commune_decision_id ?? null, publishedBy: r.published_by, revisedOn: r.revised_on,
    minimumEndsOn: minimumEnds(facts), basis: FORM_RULES[form].basis, version: r.version,
  };
}

function checkMinimum(form: NoticeForm, minDays: number): void {
  const law = minimumDays(form);
  if (minDays < law) {
    throw new DomainError("NOTICE_TOO_SHORT", `Thời hạn công khai không được ngắn hơn ${law} ngày (${FORM_RULES[form].basis}).`, { minDays, required: law, code: FORM_RULES[form].code });
  }
}

async function load(ctx: Ctx, noticeId: number): Promise<Notice> {
  const r = await ctx.db.selectFrom("public_notices").selectAll().where("id", "=", noticeId).executeTakeFirst();
  if (!r) throw new DomainError("NOTICE_NOT_FOUND", `Không có thông báo công khai #${noticeId}.`, { id: noticeId });
  return toNotice(r);
}

/** Inserts a notice inside the caller's transaction (the consultation's result uses it too). */
export async function insertNotice(tx: Ctx, actor: Actor, v: z.infer<typeof NoticeInputSchema>, result: { consultationId?: number; communeDecisionId?: number } = {}): Promise<Notice> {
  const minDays = v.minDays ?? minimumDays(v.form);
  checkMinimum(v.form, minDays);
  const now = nowIso();
  const { id: newId } = await tx.db.insertInto("public_notices").values({
    unit_id: v.unitId, category: v.category, form: v.form, title: v.title, body: v.body, community: v.community, posted_on: v.postedOn, min_days: minDays,
    removed_on: null, revised_on: null, consultation_id: result.consultationId ?? null, commune_decision_id: result.communeDecisionId ?? null, published_by: v.publishedBy, created_by: userIdOf(actor), created_at: now, updated_at: now,
  }).returning("id").executeTakeFirstOrThrow();
  const saved = await load(tx, newId);
  await audit(tx.db, actor, "notice.create", "public_notice", newId, null, saved, saved.unitId);
  return saved;
}

export async function createNotice(ctx: Ctx, actor: Actor, input: unknown): Promise<Notice> {
  const v = NoticeInputSchema.parse(input);
  const h = await canWrite(ctx, actor, v.unitId);
  unitAt(h, v.unitId, v.postedOn);
  return inTransaction(ctx, (tx) => insertNotice(tx, actor, v));
}

export async function updateNotice(ctx: Ctx, actor: Actor, noticeId: number, input: unknown): Promise<Notice> {
  const v = NoticePatchSchema.parse(input);
  const before = await load(ctx, noticeId);
  await canWrite(ctx, actor, before.unitId);
  return inTransaction(ctx, async (tx) => {
    const cur = await load(tx, noticeId);
    if (cur.version !== v.version) throw new DomainError("CONFLICT", "Thông báo đã được người khác sửa; hãy tải lại.", { current: cur });
    if ((cur.consultationId !== null || cur.communeDecisionId !== null) && ((v.title !== undefined && v.title !== cur.title) || (v.body !== undefined && v.body !== cur.body))) {
      throw new DomainError("NOTICE_RESULT_LOCKED", cur.consultationId !== null
        ? "Thông báo này công bố kết quả kiểm phiếu của một cuộc lấy ý kiến: không sửa được nội dung."
        : "Thông báo này công bố kết quả Nhân dân toàn xã bàn và quyết định: không sửa được nội dung.", { consultationId: cur.consultationId, communeDecisionId: cur.communeDecisionId });
    }
    const rev = revision(cur, { title: v.title ?? cur.title, body: v.body ?? cur.body }, tx.today(), v.material === true);
    if (v.material && !rev.changed) throw new DomainError("VALIDATION", "Đánh dấu thay đổi cơ bản nhưng tiêu đề và nội dung không đổi.");
    if (v.material && v.postedOn !== undefined) throw new DomainError("VALIDATION", `Thay đổi cơ bản được công khai lại từ ngày sửa; không ghi kèm ngày công khai khác (${REVISION_BASIS}).`);
    const form = v.form ?? cur.form;
    const minDays = v.minDays ?? (v.form ? Math.max(cur.minDays, minimumDays(form)) : cur.minDays);
    checkMinimum(form, minDays);
    const postedOn = v.postedOn ?? rev.postedOn;
    const removedOn = v.removedOn === undefined ? cur.removedOn : v.removedOn;
    if (removedOn !== null && removedOn < postedOn) throw new DomainError("VALIDATION", "Ngày gỡ không thể trước ngày công khai.");
    const res = await tx.db.updateTable("public_notices").set({
      category: v.category ?? cur.category, form, title: v.title ?? cur.title, body: v.body ?? cur.body,
      community: v.community === undefined ? cur.community : v.community, posted_on: postedOn, min_days: minDays, removed_on: removedOn, revised_on: rev.revisedOn,
      published_by: v.publishedBy ?? cur.publishedBy, updated_at: nowIso(), version: cur.version + 1,
    }).where("id", "=", noticeId).where("version", "=", cur.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new DomainError("CONFLICT", "Thông báo đã được người khác sửa; hãy tải lại.", { current: cur });
    const after = await load(tx, noticeId);
    await audit(tx.db, actor, "notice.update", "public_notice", noticeId, cur, after, cur.unitId);
    return after;
  });
}

export async function deleteNotice(ctx: Ctx, actor: Actor, noticeId: number): Promise<void> {
  const before = await load(ctx, noticeId);
  await canWrite(ctx, actor, before.unitId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom("public_notices").where("id", "=", noticeId).execute();
    await audit(tx.db, actor, "notice.delete", "public_notice", noticeId, before, null, before.unitId);
  });
}

export interface NoticeRow extends Notice {
  status: NoticeStatus;
}

/** A unit's notices (staff), newest first, each with its status today. */
export async function listNotices(ctx: Ctx, actor: Actor, unitId: number): Promise<NoticeRow[]> {
  await canRead(ctx, actor, unitId);
  const rows = await ctx.db.selectFrom("public_notices").selectAll().where("unit_id", "=", unitId).orderBy("posted_on", "desc").orderBy("id", "desc").execute();
  return rows.map((r) => {
    const n = toNotice(r);
    return { ...n, status: noticeStatus(n, ctx.today()) };
  });
}

/** A notice's history for staff (who changed what and when, the posting period restarting), oldest first, from its audit rows. */
export async function getNoticeHistory(ctx: Ctx, actor: Actor, noticeId: number): Promise<{ notice: Notice; entries: HistoryEntry[] }> {
  const notice = await load(ctx, noticeId);
  await canRead(ctx, actor, notice.unitId);
  const rows = await ctx.db.selectFrom("audit_log").leftJoin("users", "users.id", "audit_log.user_id")
    .select(["audit_log.id", "audit_log.at", "audit_log.action", "audit_log.before", "audit_log.after", "users.display_name"])
    .where("audit_log.entity", "=", "public_notice").where("audit_log.entity_id", "=", String(noticeId)).orderBy("audit_log.id").limit(500).execute();
  const snap = (v: string | null) => (v ? (JSON.parse(v) as Partial<NoticeSnapshot>) : null);
  return { notice, entries: noticeHistory(rows.map((r) => ({ id: r.id, at: r.at, action: r.action, who: r.display_name, before: snap(r.before), after: snap(r.after) }))) };
}

/** The dashboard's list for a year: minimums not yet met, notices taken down early, required categories missing. */
export async function noticeCompliance(ctx: Ctx, actor: Actor, unitId: number, year?: number): Promise<{ unitId: number; year: number; issues: ComplianceIssue[] }> {
  const h = await canRead(ctx, actor, unitId);
  const y = year ?? Number(ctx.today().slice(0, 4));
  const rows = await ctx.db.selectFrom("public_notices").selectAll().where("unit_id", "=", unitId)
    .where("posted_on", ">=", `${y}-01-01`).where("posted_on", "<=", `${y + 1}-01-31`).execute();
  return { unitId, year: y, issues: complianceIssues(rows.map(toNotice), y, ctx.today(), h.require(unitId).level === "commune") };
}

/** What residents see: the unit's notices posted today (public: no staff data). */
export async function publicNotices(ctx: Ctx, unitId: number): Promise<Notice[]> {
  const today = ctx.today();
  const rows = await ctx.db.selectFrom("public_notices").selectAll().where("unit_id", "=", unitId).where("posted_on", "<=", today)
    .orderBy("posted_on", "desc").orderBy("id", "desc").limit(200).execute();
  return rows.map(toNotice).filter((n) => isPostedOn(n, today));
}

export async function publicNotice(ctx: Ctx, unitId: number, noticeId: number): Promise<Notice> {
  const n = await load(ctx, noticeId);
  if (n.unitId !== unitId || !isPostedOn(n, ctx.today())) throw new DomainError("NOTICE_NOT_FOUND", "Không có thông báo này.", { id: noticeId });
  return n;
}

export const categoryLabel = (k: NoticeCategoryKey) => NOTICE_CATEGORIES[k].label;
