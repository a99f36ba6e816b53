/** Submissions: the workflow around a unit's periodic report, its locks, deadlines and late list. */
import { DomainError } from "../core/errors.ts";
import { parsePeriod, periodLabel, periodRange, reportedDay, type Period } from "../core/period.ts";
import { dateVi } from "../core/text.ts";
import type { UnitNode } from "../core/hierarchy.ts";
import { subUnitsOn } from "../core/sub-units.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inScope, requireAbility, requireScope, unitsInScope, withinUnit } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { nextStatus, type SubmissionAction, type SubmissionStatus } from "./submission-state.ts";
import { DEFAULT_DEADLINES, dueDate, timeliness, type DeadlineRules, type Timeliness } from "./deadlines.ts";
import { unitRef, type UnitRef } from "../figures/rollup.service.ts";
import { getSettings } from "../settings/settings.service.ts";
import { trackUnitYear } from "../totals/totals.tracker.ts";

export interface Submission {
  id: number;
  unit: UnitRef;
  period: string;
  status: SubmissionStatus;
  narrative: Record<string, string>;
  submittedAt: string | null;
  reviewedAt: string | null;
  returnReason: string | null;
  updatedAt: string;
  /** Incremented by every narrative save; 0 before the first. A save names the version it was made from. */
  version: number;
}

async function load(ctx: Ctx, unitId: number, period: string) {
  return ctx.db.selectFrom("submissions").selectAll().where("unit_id", "=", unitId).where("period", "=", period).executeTakeFirst();
}

function toSubmission(unit: UnitNode, r: NonNullable<Awaited<ReturnType<typeof load>>>): Submission {
  return {
    id: r.id, unit: unitRef(unit), period: r.period, status: r.status as SubmissionStatus,
    narrative: r.narrative ? JSON.parse(r.narrative) : {}, submittedAt: r.submitted_at, reviewedAt: r.reviewed_at,
    returnReason: r.return_reason, updatedAt: r.updated_at, version: r.version,
  };
}

/** The unit's report for a period (a draft with no row yet when never touched). */
export async function getSubmission(ctx: Ctx, actor: Actor, unitId: number, period: string): Promise<Submission> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  const unit = h.require(unitId);
  requireScope(h, actor, [unitId], ctx.today());
  const p = parsePeriod(period);
  const r = await load(ctx, unitId, p.id);
  if (r) return toSubmission(unit, r);
  return { id: 0, unit: unitRef(unit), period: p.id, status: "draft", narrative: {}, submittedAt: null, reviewedAt: null, returnReason: null, updatedAt: "", version: 0 };
}

/**
 * Saves the narrative sections a user writes (ưu điểm, hạn chế…); only while editable. `expected`
 * is the version the text was written from (0: none saved yet): another one refuses the save with
 * CONFLICT and the current report, and so does a parallel save that got there first.
 */
export async function saveNarrative(ctx: Ctx, actor: Actor, unitId: number, period: string, narrative: Record<string, string>, expected?: number): Promise<Submission> {
  requireAbility(actor, "figures.write");
  const h = await hierarchyOf(ctx);
  const unit = h.require(unitId);
  requireScope(h, actor, [unitId], ctx.today());
  const p = parsePeriod(period);
  return inTransaction(ctx, async (tx) => {
    const before = await load(tx, unitId, p.id);
    if (before && (before.status === "submitted" || before.status === "approved")) {
      throw new DomainError("PERIOD_LOCKED", "Báo cáo đã nộp hoặc đã duyệt, không sửa được phần thuyết minh.");
    }
    const conflict = (cur: typeof before) => new DomainError("CONFLICT", `Phần thuyết minh đã được người khác lưu (phiên bản ${cur?.version ?? 0}). Xem bản hiện tại rồi chọn giữ bản nào.`, { current: cur ? toSubmission(unit, cur) : null, version: cur?.version ?? 0 });
    if (expected !== undefined && expected !== (before?.version ?? 0)) throw conflict(before);
    const clean = Object.fromEntries(Object.entries(narrative).map(([k, v]) => [k, v.normalize("NFC")]));
    const now = new Date().toISOString();
    const saved = before
      ? (await tx.db.updateTable("submissions").set({ narrative: JSON.stringify(clean), updated_at: now, version: before.version + 1 }).where("id", "=", before.id).where("version", "=", before.version).executeTakeFirst()).numUpdatedRows
      : (await tx.db.insertInto("submissions").values({ unit_id: unitId, period: p.id, status: "draft", narrative: JSON.stringify(clean), submitted_at: null, submitted_by: null, reviewed_at: null, reviewed_by: null, return_reason: null, updated_at: now })
        .onConflict((oc) => oc.columns(["unit_id", "period"]).doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows;
    if (!Number(saved)) throw conflict(await load(tx, unitId, p.id));
    await audit(tx.db, actor, "submission.narrative", "submission", `${unitId}/${p.id}`, before?.narrative ? JSON.parse(before.narrative) : null, clean, unitId);
    return toSubmission(unit, (await load(tx, unitId, p.id))!);
  });
}

/**
 * Moves a report through its workflow. Reporters submit and withdraw their own unit's report;
 * approving, returning and reopening need a reviewer of a unit above it.
 */
export async function transition(ctx: Ctx, actor: Actor, unitId: number, period: string, action: SubmissionAction, reason?: string | null): Promise<Submission> {
  const reviewing = action === "approve" || action === "return" || action === "reopen";
  requireAbility(actor, reviewing ? "submissions.review" : "submissions.submit");
  const h = await hierarchyOf(ctx);
  const unit = h.require(unitId);
  requireScope(h, actor, [unitId], ctx.today());
  if (reviewing && actor.kind === "user" && actor.unitId === unitId && actor.role !== "admin") {
    throw new DomainError("FORBIDDEN", "Báo cáo của đơn vị phải do cấp trên phê duyệt hoặc trả lại.");
  }
  const p = parsePeriod(period);
  notStarted(p, ctx.today());
  return inTransaction(ctx, async (tx) => {
    const before = await load(tx, unitId, p.id);
    const status = nextStatus((before?.status ?? "draft") as SubmissionStatus, action, reason);
    // The report's state decides which totals (approved, submitted, all) its figures count in.
    await trackUnitYear(tx, unitId, p.year);
    const now = new Date().toISOString();
    const by = actor.kind === "user" ? actor.userId : null;
    const patch = {
      status,
      updated_at: now,
      ...(action === "submit" ? { submitted_at: now, submitted_by: by } : {}),
      ...(reviewing ? { reviewed_at: now, reviewed_by: by, return_reason: action === "approve" ? null : reason!.trim().normalize("NFC") } : {}),
      ...(action === "withdraw" ? { submitted_at: null } : {}),
    };
    if (before) await tx.db.updateTable("submissions").set(patch).where("id", "=", before.id).execute();
    else await tx.db.insertInto("submissions").values({ unit_id: unitId, period: p.id, narrative: null, submitted_at: null, submitted_by: null, reviewed_at: null, reviewed_by: null, return_reason: null, ...patch }).execute();
    await audit(tx.db, actor, `submission.${action}`, "submission", `${unitId}/${p.id}`, before ? { status: before.status } : { status: "draft" }, { status, reason: reason ?? null }, unitId);
    return toSubmission(unit, (await load(tx, unitId, p.id))!);
  });
}

/** Refuses a report for a period that has not started: nothing can be reported yet. */
function notStarted(p: Period, today: string): void {
  const { start } = periodRange(p);
  if (start > today) throw new DomainError("PERIOD_NOT_STARTED", `Kỳ ${periodLabel(p)} chưa bắt đầu (từ ${dateVi(start)}); chưa thể nộp báo cáo kỳ này.`, { period: p.id, start });
}

export interface LateRow {
  unit: UnitRef;
  status: SubmissionStatus;
  submittedAt: string | null;
  due: string;
  timeliness: Timeliness;
}

/** Sub-units of a unit as they were at the period's "as reported" day (`reportedDay`) and whether their report for it came in on time. */
export async function submissionStatusOfChildren(ctx: Ctx, actor: Actor, unitId: number, period: string): Promise<{ due: string; rows: LateRow[] }> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  h.require(unitId);
  requireScope(h, actor, [unitId], ctx.today());
  const p = parsePeriod(period);
  const settings = await getSettings(ctx.db);
  const rules: DeadlineRules = { ...DEFAULT_DEADLINES, ...settings.deadlines };
  const due = dueDate(p, rules, settings.cutoffDay);
  // The sub-units as reported (the period's last day after the cut-off day, or today while it runs;
  // as the unit picker): for a unit formed after the period, the units then that went into it.
  const at = reportedDay(p, settings.cutoffDay, ctx.today());
  const kids = subUnitsOn(h, unitId, at).filter((k) => inScope(h, actor, k.id, ctx.today()));
  const subs = kids.length
    ? await ctx.db.selectFrom("submissions").selectAll().where("period", "=", p.id).where("unit_id", "in", kids.map((k) => k.id)).execute()
    : [];
  const byUnit = new Map(subs.map((s) => [s.unit_id, s]));
  const today = ctx.today();
  const rows = kids.map((k) => {
    const s = byUnit.get(k.id);
    const status = (s?.status ?? "draft") as SubmissionStatus;
    const submittedAt = s && status !== "draft" && status !== "returned" ? s.submitted_at : null;
    return { unit: unitRef(k), status, submittedAt, due, timeliness: timeliness(submittedAt, due, today) };
  });
  return { due, rows };
}

/** Which reports a reviewer lists: waiting for review (default), returned to their unit, or approved. */
export const QUEUE_STATES = ["submitted", "returned", "approved"] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueOptions {
  state?: QueueState | undefined;
  /**
   * Only this sub-unit and the units under it (inside the reviewer's scope), in its own structure
   * or through the lineage: a 2024 district lists its old communes' reports and its 2025 successors'.
   */
  unitId?: number | undefined;
  /** Only reports for this period ("2024Q4"). */
  period?: string | undefined;
  /** oldest: the longest waiting first (default); newest: the latest first. */
  sort?: "oldest" | "newest" | undefined;
}

/** A report in the review queue with how long it has waited (since submitted; returned and approved: since the decision). */
export type QueueItem = Submission & { waitingSince: string | null; waitingDays: number };

/**
 * Reports of the sub-units in a reviewer's scope (their own unit's report is decided above them),
 * in a state, longest waiting first; at most 500. The scope reaches through the lineage: a reviewer
 * of a province formed on 1 July 2025 reviews the 2024 reports of the communes that went into it.
 */
export async function reviewQueue(ctx: Ctx, actor: Actor, opts: QueueOptions = {}): Promise<QueueItem[]> {
  requireAbility(actor, "submissions.review");
  const h = await hierarchyOf(ctx);
  const today = ctx.today();
  const state = opts.state ?? "submitted";
  const period = opts.period === undefined ? undefined : parsePeriod(opts.period).id;
  const filter = opts.unitId;
  if (filter !== undefined) {
    h.require(filter);
    requireScope(h, actor, [filter], today);
  }
  const scope = unitsInScope(h, actor, today);
  const units = filter === undefined ? scope : (scope ?? [...h.all()].map((u) => u.id)).filter((id) => withinUnit(h, filter, id, today));
  const since = state === "submitted" ? "submitted_at" : "reviewed_at";
  let q = ctx.db.selectFrom("submissions").selectAll().where("status", "=", state);
  if (units) q = q.where("unit_id", "in", units.length ? units : [-1]);
  if (period) q = q.where("period", "=", period);
  if (actor.kind === "user") q = q.where("unit_id", "!=", actor.unitId);
  const rows = await q.orderBy(since, opts.sort === "newest" ? "desc" : "asc").orderBy("id").limit(500).execute();
  // The rows are the scope's already: `units` lists it (null: the whole country).
  return rows
    .map((r) => {
      const at = (state === "submitted" ? r.submitted_at : r.reviewed_at) ?? r.updated_at;
      const days = Math.max(0, Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${at.slice(0, 10)}T00:00:00Z`)) / 86_400_000));
      return { ...toSubmission(h.require(r.unit_id), r), waitingSince: at, waitingDays: days };
    });
}

/**
 * The report to review next: the longest waiting one in the queue (same filters) other than the
 * one just opened (`after`, "unitId/period"); null when none is left.
 */
export async function nextForReview(ctx: Ctx, actor: Actor, opts: QueueOptions & { after?: string | undefined } = {}): Promise<QueueItem | null> {
  const rows = await reviewQueue(ctx, actor, { ...opts, sort: "oldest" });
  return rows.find((r) => `${r.unit.id}/${r.period}` !== opts.after) ?? null;
}
