/**
 * A board's findings and recommendations (kiến nghị) sent to an authority, and the answer
 * received: due date (the one the board wrote, default rules.ts ANSWER_DEFAULT_DAYS), status
 * (waiting, overdue, answered, answered late), publishing on the commune's public page, and the list
 * of overdue answers for a commune or every commune of a province.
 */
import { z } from "zod";
import type { Selectable } from "kysely";
import { DomainError } from "../core/errors.ts";
import { dateVi } from "../core/text.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { id } from "../core/input.ts";
import { canRead, canWrite, isoDate, listingRoot, notBefore, nowIso, optionalText, requiredText, unitsUnder, userIdOf, chunks } from "../registers/common.ts";
import { answerStatus, BOARD_LABELS, daysOverdue, defaultDue, type AnswerStatus, type BoardKind } from "./rules.ts";
import type { OversightFindingsTable } from "../db/tables/oversight.ts";
import { loadBoard } from "./board.service.ts";

export const FindingInputSchema = z.object({
  itemId: id.nullable().optional(),
  finding: requiredText(5000),
  recommendation: requiredText(5000),
  authority: requiredText(300),
  sentOn: isoDate,
  dueOn: isoDate.nullable().optional(),
  published: z.boolean().default(false),
}).strict();

export const AnswerInputSchema = z.object({
  answer: requiredText(5000),
  answeredOn: isoDate,
  answeredBy: optionalText(300),
  published: z.boolean().optional(),
  version: z.number().int().min(0),
}).strict();

export const PublishSchema = z.object({ published: z.boolean(), version: z.number().int().min(0) }).strict();

export interface Finding {
  id: number; boardId: number; itemId: number | null; unitId: number; finding: string; recommendation: string; authority: string; sentOn: string; dueOn: string;
  answer: string | null; answeredOn: string | null; answeredBy: string | null; published: boolean; version: number;
}
export interface FindingRow extends Finding { status: AnswerStatus; daysOverdue: number }

const toFinding = (r: Selectable<OversightFindingsTable>): Finding => ({
  id: r.id, boardId: r.board_id, itemId: r.item_id, unitId: r.unit_id, finding: r.finding, recommendation: r.recommendation, authority: r.authority, sentOn: r.sent_on,
  dueOn: r.due_on, answer: r.answer, answeredOn: r.answered_on, answeredBy: r.answered_by, published: Number(r.published) === 1, version: r.version,
});
const withStatus = (f: Finding, today: string): FindingRow => ({ ...f, status: answerStatus(f, today), daysOverdue: daysOverdue(f, today) });

async function load(ctx: Ctx, findingId: number): Promise<Finding> {
  const r = await ctx.db.selectFrom("oversight_findings").selectAll().where("id", "=", findingId).executeTakeFirst();
  if (!r) throw new DomainError("OVERSIGHT_FINDING_NOT_FOUND", `Không có kiến nghị #${findingId}.`, { id: findingId });
  return toFinding(r);
}

export async function createFinding(ctx: Ctx, actor: Actor, boardId: number, input: unknown): Promise<FindingRow> {
  const v = FindingInputSchema.parse(input);
  const board = await loadBoard(ctx, boardId);
  await canWrite(ctx, actor, board.unitId);
  if (v.sentOn > ctx.today()) throw new DomainError("REGISTER_FUTURE_DATE", `Ngày gửi kiến nghị (${dateVi(v.sentOn)}) không thể sau ngày hôm nay (${dateVi(ctx.today())}).`, { date: v.sentOn, today: ctx.today() });
  const dueOn = v.dueOn ?? defaultDue(v.sentOn);
  notBefore(dueOn, v.sentOn, "Hạn trả lời", "ngày gửi");
  if (v.itemId) {
    const item = await ctx.db.selectFrom("oversight_items").select("board_id").where("id", "=", v.itemId).executeTakeFirst();
    if (!item || item.board_id !== boardId) throw new DomainError("OVERSIGHT_ITEM_NOT_FOUND", "Nội dung giám sát không thuộc Ban này.", { id: v.itemId });
  }
  return inTransaction(ctx, async (tx) => {
    const now = nowIso();
    const { id: newId } = await tx.db.insertInto("oversight_findings").values({
      board_id: boardId, item_id: v.itemId ?? null, unit_id: board.unitId, finding: v.finding, recommendation: v.recommendation, authority: v.authority, sent_on: v.sentOn,
      due_on: dueOn, answer: null, answered_on: null, answered_by: null, published: v.published ? 1 : 0, created_by: userIdOf(actor), created_at: now, updated_at: now,
    }).returning("id").executeTakeFirstOrThrow();
    const saved = await load(tx, newId);
    await audit(tx.db, actor, "oversight.finding.create", "oversight_finding", newId, null, saved, board.unitId);
    return withStatus(saved, ctx.today());
  });
}

async function change(ctx: Ctx, actor: Actor, findingId: number, version: number, action: string, apply: (cur: Finding) => Partial<Selectable<OversightFindingsTable>>): Promise<FindingRow> {
  const before = await load(ctx, findingId);
  await canWrite(ctx, actor, before.unitId);
  return inTransaction(ctx, async (tx) => {
    const cur = await load(tx, findingId);
    if (cur.version !== version) throw new DomainError("CONFLICT", "Kiến nghị đã được người khác sửa; hãy tải lại.", { current: cur });
    const res = await tx.db.updateTable("oversight_findings").set({ ...apply(cur), updated_at: nowIso(), version: cur.version + 1 })
      .where("id", "=", findingId).where("version", "=", cur.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new DomainError("CONFLICT", "Kiến nghị đã được người khác sửa; hãy tải lại.", { current: cur });
    const after = await load(tx, findingId);
    await audit(tx.db, actor, action, "oversight_finding", findingId, cur, after, cur.unitId);
    return withStatus(after, ctx.today());
  });
}

/** Records the authority's answer (a correction of it too). */
export async function recordAnswer(ctx: Ctx, actor: Actor, findingId: number, input: unknown): Promise<FindingRow> {
  const v = AnswerInputSchema.parse(input);
  const cur = await load(ctx, findingId);
  notBefore(v.answeredOn, cur.sentOn, "Ngày trả lời", "ngày gửi kiến nghị");
  if (v.answeredOn > ctx.today()) throw new DomainError("REGISTER_FUTURE_DATE", `Ngày trả lời (${dateVi(v.answeredOn)}) không thể sau ngày hôm nay (${dateVi(ctx.today())}).`, { date: v.answeredOn, today: ctx.today() });
  return change(ctx, actor, findingId, v.version, "oversight.finding.answer", (c) => ({
    answer: v.answer, answered_on: v.answeredOn, answered_by: v.answeredBy, published: v.published === undefined ? (c.published ? 1 : 0) : v.published ? 1 : 0,
  }));
}

export async function setPublished(ctx: Ctx, actor: Actor, findingId: number, input: unknown): Promise<FindingRow> {
  const v = PublishSchema.parse(input);
  return change(ctx, actor, findingId, v.version, v.published ? "oversight.finding.publish" : "oversight.finding.unpublish", () => ({ published: v.published ? 1 : 0 }));
}

export async function getFinding(ctx: Ctx, actor: Actor, findingId: number): Promise<FindingRow> {
  const f = await load(ctx, findingId);
  await canRead(ctx, actor, f.unitId);
  return withStatus(f, ctx.today());
}

/** A commune's findings, newest first. */
export async function listFindings(ctx: Ctx, actor: Actor, unitId: number): Promise<FindingRow[]> {
  await canRead(ctx, actor, unitId);
  const rows = await ctx.db.selectFrom("oversight_findings").selectAll().where("unit_id", "=", unitId).orderBy("sent_on", "desc").orderBy("id", "desc").execute();
  return rows.map((r) => withStatus(toFinding(r), ctx.today()));
}

export interface OverdueRow extends FindingRow { unitName: string; boardName: string; boardKind: BoardKind; boardLabel: string }

/** Unanswered recommendations past their due date in a unit's area (a province: all its communes), longest overdue first. */
export async function overdueFindings(ctx: Ctx, actor: Actor, unitId: number | undefined): Promise<OverdueRow[]> {
  const { h, rootId } = await listingRoot(ctx, actor, unitId);
  const today = ctx.today();
  const units = unitsUnder(h, rootId, today);
  const out: OverdueRow[] = [];
  for (const part of units ? chunks(units) : [null]) {
    let q = ctx.db.selectFrom("oversight_findings").innerJoin("oversight_boards", "oversight_boards.id", "oversight_findings.board_id")
      .selectAll("oversight_findings").select(["oversight_boards.name as board_name", "oversight_boards.kind as board_kind"])
      .where("oversight_findings.answered_on", "is", null).where("oversight_findings.due_on", "<", today);
    if (part) q = q.where("oversight_findings.unit_id", "in", part);
    for (const r of await q.execute()) {
      const f = withStatus(toFinding(r), today);
      const kind = r.board_kind as BoardKind;
      out.push({ ...f, unitName: h.get(f.unitId)?.fullName ?? String(f.unitId), boardName: r.board_name, boardKind: kind, boardLabel: BOARD_LABELS[kind] });
    }
  }
  return out.sort((a, b) => b.daysOverdue - a.daysOverdue || a.id - b.id);
}

/** A commune's unanswered recommendations due on or before `until` (the inbox: near or past their answer date), soonest first. */
export async function unansweredDueBy(ctx: Ctx, unitId: number, until: string): Promise<Array<FindingRow & { boardName: string }>> {
  const rows = await ctx.db.selectFrom("oversight_findings").innerJoin("oversight_boards", "oversight_boards.id", "oversight_findings.board_id")
    .selectAll("oversight_findings").select("oversight_boards.name as board_name")
    .where("oversight_findings.unit_id", "=", unitId).where("oversight_findings.answered_on", "is", null).where("oversight_findings.due_on", "<=", until)
    .orderBy("oversight_findings.due_on").orderBy("oversight_findings.id").limit(200).execute();
  return rows.map((r) => ({ ...withStatus(toFinding(r), ctx.today()), boardName: r.board_name }));
}

/** What the commune's public page shows: published findings and their answers (no staff data). */
export async function publicFindings(ctx: Ctx, unitId: number): Promise<Finding[]> {
  const rows = await ctx.db.selectFrom("oversight_findings").selectAll().where("unit_id", "=", unitId).where("published", "=", 1).orderBy("sent_on", "desc").limit(100).execute();
  return rows.map(toFinding);
}
