/**
 * The residents' boards of a commune: boards (TTND per term, GSĐTCĐ per project), their members
 * (eligibility checked against Điều 37 / Điều 42 when entered; leaving keeps the row with its end
 * date), and what they supervise (each supervision counts toward `oversight.count`, figures.ts).
 * Scope: a commune's staff write their commune; a province reads its communes. Every write is one
 * transaction with its audit row.
 */
import { z } from "zod";
import type { Selectable } from "kysely";
import { DomainError } from "../core/errors.ts";
import { dateVi } from "../core/text.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { amount, id } from "../core/input.ts";
import { canRead, canWrite, isoDate, nowIso, optionalText, requiredText, unitAt, userIdOf } from "../registers/common.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import {
  BOARD_KINDS, byElectionNeeded, compositionIssues, CONFLICTS, ineligibleFor, MEMBER_ROLES, planNoticeIssue, REPRESENTS,
  type BoardKind, type CompositionIssue, type MemberRole, type Represents,
} from "./rules.ts";
import type { OversightBoardsTable, OversightItemsTable, OversightMembersTable } from "../db/tables/oversight.ts";
import { trackOversight } from "./figures.ts";

export const BoardInputSchema = z.object({
  unitId: id,
  kind: z.enum(BOARD_KINDS),
  name: requiredText(300),
  termStart: isoDate,
  termEnd: isoDate.nullable().optional(),
  communities: z.number().int().min(1).max(500).nullable().optional(),
  decision: optionalText(300),
}).strict();

export const BoardPatchSchema = z.object({
  name: requiredText(300).optional(),
  termEnd: isoDate.nullable().optional(),
  communities: z.number().int().min(1).max(500).nullable().optional(),
  decision: optionalText(300),
  dissolvedOn: isoDate.nullable().optional(),
  version: z.number().int().min(0),
}).strict();

export const MemberInputSchema = z.object({
  name: requiredText(200),
  role: z.enum(MEMBER_ROLES),
  represents: z.enum(REPRESENTS).default("nguoi_dan"),
  community: optionalText(200),
  startedOn: isoDate,
  /** What the person declares (Điều 37, Điều 42); any that applies to the board refuses the member. */
  conflicts: z.array(z.enum(CONFLICTS)).max(CONFLICTS.length).default([]),
}).strict();

export const MemberEndSchema = z.object({ endedOn: isoDate, reason: requiredText(300) }).strict();

export const ItemInputSchema = z.object({
  title: requiredText(300),
  description: optionalText(5000),
  owner: optionalText(300),
  budgetVnd: amount.nullable().optional(),
  location: optionalText(300),
  planSentOn: isoDate.nullable().optional(),
  startedOn: isoDate,
  endedOn: isoDate.nullable().optional(),
}).strict();

export interface Member { id: number; boardId: number; name: string; role: MemberRole; represents: Represents; community: string | null; startedOn: string; endedOn: string | null; endReason: string | null }
export interface Item {
  id: number; boardId: number; unitId: number; kind: "matter" | "work"; title: string; description: string | null; owner: string | null; budgetVnd: number | null;
  location: string | null; planSentOn: string | null; startedOn: string; endedOn: string | null; issue: CompositionIssue | null;
}
export interface Board {
  id: number; unitId: number; kind: BoardKind; name: string; termStart: string; termEnd: string | null; communities: number | null; decision: string | null;
  dissolvedOn: string | null; version: number;
}

const toBoard = (r: Selectable<OversightBoardsTable>): Board => ({
  id: r.id, unitId: r.unit_id, kind: r.kind as BoardKind, name: r.name, termStart: r.term_start, termEnd: r.term_end, communities: r.communities, decision: r.decision,
  dissolvedOn: r.dissolved_on, version: r.version,
});
export const toMember = (r: Selectable<OversightMembersTable>): Member => ({
  id: r.id, boardId: r.board_id, name: r.name, role: r.role as MemberRole, represents: r.represents as Represents, community: r.community, startedOn: r.started_on,
  endedOn: r.ended_on, endReason: r.end_reason,
});
const toItem = (r: Selectable<OversightItemsTable>, kind: BoardKind): Item => ({
  id: r.id, boardId: r.board_id, unitId: r.unit_id, kind: r.kind as Item["kind"], title: r.title, description: r.description, owner: r.owner,
  budgetVnd: r.budget_vnd === null ? null : Number(r.budget_vnd), location: r.location, planSentOn: r.plan_sent_on, startedOn: r.started_on, endedOn: r.ended_on,
  issue: planNoticeIssue(r.plan_sent_on, r.started_on, kind),
});

export async function loadBoard(ctx: Ctx, boardId: number): Promise<Board> {
  const r = await ctx.db.selectFrom("oversight_boards").selectAll().where("id", "=", boardId).executeTakeFirst();
  if (!r) throw new DomainError("OVERSIGHT_BOARD_NOT_FOUND", `Không có Ban #${boardId}.`, { id: boardId });
  return toBoard(r);
}

function communeAt(h: Hierarchy, unitId: number, date: string): void {
  const u = unitAt(h, unitId, date);
  if (u.level !== "commune") throw new DomainError("OVERSIGHT_NOT_COMMUNE", `Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng được tổ chức ở xã, phường; "${u.fullName}" không phải cấp xã.`, { unitId });
}

function checkTerm(kind: BoardKind, start: string, end: string | null | undefined): void {
  if (kind === "ttnd" && !end) throw new DomainError("OVERSIGHT_TERM_REQUIRED", "Ban Thanh tra nhân dân có nhiệm kỳ (theo nhiệm kỳ của Trưởng thôn, Tổ trưởng tổ dân phố — Điều 36 khoản 2): hãy nhập ngày kết thúc nhiệm kỳ.", { code: "DCCS_D36_K2_NHIEM_KY" });
  if (end && end <= start) throw new DomainError("REGISTER_DATE_ORDER", `Ngày kết thúc nhiệm kỳ (${dateVi(end)}) phải sau ngày bắt đầu (${dateVi(start)}).`, { date: end, before: start });
}

export async function createBoard(ctx: Ctx, actor: Actor, input: unknown): Promise<Board> {
  const v = BoardInputSchema.parse(input);
  const h = await canWrite(ctx, actor, v.unitId);
  communeAt(h, v.unitId, v.termStart);
  checkTerm(v.kind, v.termStart, v.termEnd);
  return inTransaction(ctx, async (tx) => {
    if (v.kind === "ttnd") {
      const overlap = await tx.db.selectFrom("oversight_boards").select("id").where("unit_id", "=", v.unitId).where("kind", "=", "ttnd")
        .where("term_start", "<=", v.termEnd!).where((eb) => eb.or([eb("term_end", ">=", v.termStart), eb("term_end", "is", null)])).where("dissolved_on", "is", null).executeTakeFirst();
      if (overlap) throw new DomainError("OVERSIGHT_TTND_EXISTS", "Mỗi xã, phường có một Ban Thanh tra nhân dân: nhiệm kỳ này trùng với Ban đã có.", { id: overlap.id });
    }
    const now = nowIso();
    const { id: newId } = await tx.db.insertInto("oversight_boards").values({
      unit_id: v.unitId, kind: v.kind, name: v.name, term_start: v.termStart, term_end: v.termEnd ?? null, communities: v.communities ?? null, decision: v.decision,
      dissolved_on: null, created_by: userIdOf(actor), created_at: now, updated_at: now,
    }).returning("id").executeTakeFirstOrThrow();
    const saved = await loadBoard(tx, newId);
    await audit(tx.db, actor, "oversight.board.create", "oversight_board", newId, null, saved, saved.unitId);
    return saved;
  });
}

export async function updateBoard(ctx: Ctx, actor: Actor, boardId: number, input: unknown): Promise<Board> {
  const v = BoardPatchSchema.parse(input);
  const before = await loadBoard(ctx, boardId);
  await canWrite(ctx, actor, before.unitId);
  return inTransaction(ctx, async (tx) => {
    const cur = await loadBoard(tx, boardId);
    if (cur.version !== v.version) throw new DomainError("CONFLICT", "Ban đã được người khác sửa; hãy tải lại.", { current: cur });
    const termEnd = v.termEnd === undefined ? cur.termEnd : v.termEnd;
    checkTerm(cur.kind, cur.termStart, termEnd);
    const dissolvedOn = v.dissolvedOn === undefined ? cur.dissolvedOn : v.dissolvedOn;
    if (dissolvedOn !== null && dissolvedOn < cur.termStart) throw new DomainError("REGISTER_DATE_ORDER", `Ngày giải thể (${dateVi(dissolvedOn)}) không thể trước ngày thành lập (${dateVi(cur.termStart)}).`, { date: dissolvedOn, before: cur.termStart });
    const res = await tx.db.updateTable("oversight_boards").set({
      name: v.name ?? cur.name, term_end: termEnd, communities: v.communities === undefined ? cur.communities : v.communities,
      decision: v.decision === undefined ? cur.decision : v.decision, dissolved_on: dissolvedOn, updated_at: nowIso(), version: cur.version + 1,
    }).where("id", "=", boardId).where("version", "=", cur.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new DomainError("CONFLICT", "Ban đã được người khác sửa; hãy tải lại.", { current: cur });
    const after = await loadBoard(tx, boardId);
    await audit(tx.db, actor, "oversight.board.update", "oversight_board", boardId, cur, after, cur.unitId);
    return after;
  });
}

export async function addMember(ctx: Ctx, actor: Actor, boardId: number, input: unknown): Promise<Member> {
  const v = MemberInputSchema.parse(input);
  const board = await loadBoard(ctx, boardId);
  await canWrite(ctx, actor, board.unitId);
  const refused = ineligibleFor(board.kind, v.conflicts);
  if (refused.length) {
    throw new DomainError("OVERSIGHT_MEMBER_NOT_ELIGIBLE", `Người này không thể là thành viên: ${refused.map((r) => `${r.label.toLowerCase()} (${r.basis})`).join("; ")}.`, { codes: refused.map((r) => r.code) });
  }
  if (v.startedOn < board.termStart || (board.termEnd !== null && v.startedOn > board.termEnd)) {
    throw new DomainError("OVERSIGHT_OUTSIDE_TERM", `Ngày bắt đầu (${dateVi(v.startedOn)}) nằm ngoài nhiệm kỳ của Ban (${dateVi(board.termStart)} → ${board.termEnd ? dateVi(board.termEnd) : "khi hoàn thành nhiệm vụ"}).`, { date: v.startedOn });
  }
  return inTransaction(ctx, async (tx) => {
    const { id: newId } = await tx.db.insertInto("oversight_members").values({
      board_id: boardId, name: v.name, role: v.role, represents: v.represents, community: v.community, started_on: v.startedOn, ended_on: null, end_reason: null, created_at: nowIso(),
    }).returning("id").executeTakeFirstOrThrow();
    const saved = toMember(await tx.db.selectFrom("oversight_members").selectAll().where("id", "=", newId).executeTakeFirstOrThrow());
    await audit(tx.db, actor, "oversight.member.add", "oversight_member", newId, null, saved, board.unitId);
    return saved;
  });
}

/** A member leaves (resigns, is relieved): the row stays with its end date; the answer says whether a by-election is due. */
export async function endMember(ctx: Ctx, actor: Actor, memberId: number, input: unknown): Promise<Member & { byElection: boolean }> {
  const v = MemberEndSchema.parse(input);
  const row = await ctx.db.selectFrom("oversight_members").selectAll().where("id", "=", memberId).executeTakeFirst();
  if (!row) throw new DomainError("OVERSIGHT_MEMBER_NOT_FOUND", `Không có thành viên #${memberId}.`, { id: memberId });
  const board = await loadBoard(ctx, row.board_id);
  await canWrite(ctx, actor, board.unitId);
  if (row.ended_on !== null) throw new DomainError("OVERSIGHT_MEMBER_ENDED", `Thành viên đã thôi từ ${dateVi(row.ended_on)}.`, { id: memberId });
  if (v.endedOn < row.started_on) throw new DomainError("REGISTER_DATE_ORDER", `Ngày thôi (${dateVi(v.endedOn)}) không thể trước ngày bắt đầu (${dateVi(row.started_on)}).`, { date: v.endedOn, before: row.started_on });
  return inTransaction(ctx, async (tx) => {
    const before = toMember(row);
    await tx.db.updateTable("oversight_members").set({ ended_on: v.endedOn, end_reason: v.reason }).where("id", "=", memberId).execute();
    const after = toMember(await tx.db.selectFrom("oversight_members").selectAll().where("id", "=", memberId).executeTakeFirstOrThrow());
    await audit(tx.db, actor, "oversight.member.end", "oversight_member", memberId, before, after, board.unitId);
    return { ...after, byElection: board.kind === "ttnd" && byElectionNeeded(board.termEnd, v.endedOn) };
  });
}

export async function addItem(ctx: Ctx, actor: Actor, boardId: number, input: unknown): Promise<Item> {
  const v = ItemInputSchema.parse(input);
  const board = await loadBoard(ctx, boardId);
  const h = await canWrite(ctx, actor, board.unitId);
  unitAt(h, board.unitId, v.startedOn);
  if (v.endedOn && v.endedOn < v.startedOn) throw new DomainError("REGISTER_DATE_ORDER", `Ngày kết thúc (${dateVi(v.endedOn)}) không thể trước ngày bắt đầu (${dateVi(v.startedOn)}).`, { date: v.endedOn, before: v.startedOn });
  if (board.kind === "gsdtcd" && !v.owner) throw new DomainError("VALIDATION", "Công trình, dự án cần ghi chủ đầu tư.", { field: "owner" });
  return inTransaction(ctx, async (tx) => {
    await trackOversight(tx, board.unitId, [v.startedOn]);
    const { id: newId } = await tx.db.insertInto("oversight_items").values({
      board_id: boardId, unit_id: board.unitId, kind: board.kind === "ttnd" ? "matter" : "work", title: v.title, description: v.description, owner: v.owner,
      budget_vnd: v.budgetVnd ?? null, location: v.location, plan_sent_on: v.planSentOn ?? null, started_on: v.startedOn, ended_on: v.endedOn ?? null,
      created_by: userIdOf(actor), created_at: nowIso(),
    }).returning("id").executeTakeFirstOrThrow();
    const saved = toItem(await tx.db.selectFrom("oversight_items").selectAll().where("id", "=", newId).executeTakeFirstOrThrow(), board.kind);
    await audit(tx.db, actor, "oversight.item.create", "oversight_item", newId, null, saved, board.unitId);
    return saved;
  });
}

export async function deleteItem(ctx: Ctx, actor: Actor, itemId: number): Promise<void> {
  const row = await ctx.db.selectFrom("oversight_items").selectAll().where("id", "=", itemId).executeTakeFirst();
  if (!row) throw new DomainError("OVERSIGHT_ITEM_NOT_FOUND", `Không có nội dung giám sát #${itemId}.`, { id: itemId });
  const board = await loadBoard(ctx, row.board_id);
  await canWrite(ctx, actor, board.unitId);
  const findings = await ctx.db.selectFrom("oversight_findings").select("id").where("item_id", "=", itemId).executeTakeFirst();
  if (findings) throw new DomainError("OVERSIGHT_ITEM_IN_USE", "Nội dung này đã có kiến nghị; không xóa được.", { id: itemId });
  await inTransaction(ctx, async (tx) => {
    await trackOversight(tx, board.unitId, [row.started_on]);
    await tx.db.deleteFrom("oversight_items").where("id", "=", itemId).execute();
    await audit(tx.db, actor, "oversight.item.delete", "oversight_item", itemId, toItem(row, board.kind), null, board.unitId);
  });
}

export interface BoardView extends Board { members: Member[]; items: Item[]; issues: CompositionIssue[] }

/** A commune's boards with members (past ones too), supervised items and what the law still asks. */
export async function listBoards(ctx: Ctx, actor: Actor, unitId: number): Promise<BoardView[]> {
  await canRead(ctx, actor, unitId);
  return boardsOf(ctx, unitId, ctx.today());
}

export async function boardsOf(ctx: Ctx, unitId: number, today: string): Promise<BoardView[]> {
  const boards = (await ctx.db.selectFrom("oversight_boards").selectAll().where("unit_id", "=", unitId).orderBy("term_start", "desc").orderBy("id", "desc").execute()).map(toBoard);
  if (boards.length === 0) return [];
  const ids = boards.map((b) => b.id);
  const members = (await ctx.db.selectFrom("oversight_members").selectAll().where("board_id", "in", ids).orderBy("id").execute()).map(toMember);
  const items = await ctx.db.selectFrom("oversight_items").selectAll().where("board_id", "in", ids).orderBy("started_on", "desc").orderBy("id", "desc").execute();
  const order: Record<MemberRole, number> = { truong_ban: 0, pho_truong_ban: 1, thanh_vien: 2 };
  return boards.map((b) => {
    const ms = members.filter((m) => m.boardId === b.id).sort((x, y) => order[x.role] - order[y.role] || x.id - y.id);
    return { ...b, members: ms, items: items.filter((i) => i.board_id === b.id).map((i) => toItem(i, b.kind)), issues: compositionIssues(b, ms, today) };
  });
}

export async function getBoard(ctx: Ctx, actor: Actor, boardId: number): Promise<BoardView> {
  const b = await loadBoard(ctx, boardId);
  await canRead(ctx, actor, b.unitId);
  return (await boardsOf(ctx, b.unitId, ctx.today())).find((x) => x.id === boardId)!;
}
