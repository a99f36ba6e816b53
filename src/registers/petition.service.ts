/**
 * The petition register (sổ đơn thư): receive and move through the lifecycle (reading it:
 * petition.queries.ts). Deadlines are computed here at write time and stored, so reading the
 * overdue list is one indexed query.
 */
import { z } from "zod";
import type { Selectable } from "kysely";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { trackRegister } from "./figures.ts";
import { type PetitionsTable } from "../db/tables/registers.ts";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import {
  canRead, canWrite, isoDate, notBefore, notInFuture, nowIso, optionalText, requiredText, searchColumns, unitAt, userIdOf,
} from "./common.ts";
import {
  allowedActions, currentDue, PETITION_LIMITS, PHONE_MESSAGE, PHONE_PATTERN, nextState, PETITION_ACTIONS, PETITION_TYPES, petitionDeadlines,
  type Complexity, type DeadlineRules, type PetitionAction, type PetitionFacts, type PetitionState, type PetitionType,
} from "./petition-rules.ts";
import type { WorkCalendar } from "./calendar.ts";
import { calendarOf, deadlineRules, getRegisterSettings } from "./settings.ts";
import { id } from "../core/input.ts";
import { identityAccess, isConfidential, masked, requireIdentityAccess } from "./privacy.ts";
import { withoutValues } from "../db/errors.ts";

const COMPLEXITY = ["normal", "complex", "especially_complex"] as const;

export const PetitionInputSchema = z.object({
  unitId: id,
  number: optionalText(PETITION_LIMITS.number),
  type: z.enum(PETITION_TYPES),
  receivedOn: isoDate,
  petitioner: requiredText(PETITION_LIMITS.petitioner),
  address: optionalText(PETITION_LIMITS.address),
  /** The petitioner's phone number as given (digits, spaces, + . - ( )). */
  phone: optionalText(PETITION_LIMITS.phone).refine((v) => v === null || PHONE_PATTERN.test(v), PHONE_MESSAGE),
  content: requiredText(PETITION_LIMITS.content),
  complexity: z.enum(COMPLEXITY).default("normal"),
  remote: z.boolean().default(false),
  manyPeople: z.boolean().default(false),
  /** Khiếu nại lần hai (Luật Khiếu nại 2011 Điều 37). */
  secondTime: z.boolean().default(false),
});
export type PetitionInput = z.input<typeof PetitionInputSchema>;

/** A save names the version it was made from (or sends If-Match); a newer stored version refuses it with CONFLICT. */
export const version = z.number().int().min(0);

/**
 * Fields that may be corrected after receipt (flags change the deadlines, which are recomputed),
 * and the version the correction was made from.
 */
export const PetitionPatchSchema = PetitionInputSchema.pick({ number: true, petitioner: true, address: true, phone: true, content: true, complexity: true, remote: true, manyPeople: true, secondTime: true })
  .partial().extend({ version: version.optional() });

export const PetitionActionSchema = z.object({
  action: z.enum(PETITION_ACTIONS),
  date: isoDate,
  /** Không thụ lý: the reason (required). */
  reason: optionalText(2000),
  /** Chuyển đơn: to whom (required). */
  to: optionalText(300),
  /** Quyết định giải quyết / gia hạn: the decision's number. */
  decisionNo: optionalText(60),
  summary: optionalText(5000),
  /** The version the step was decided on (optional: the state machine refuses a step taken twice). */
  version: version.optional(),
});
export type PetitionActionInput = z.input<typeof PetitionActionSchema>;

export interface Petition {
  id: number;
  unitId: number;
  number: string | null;
  type: PetitionType;
  receivedOn: string;
  petitioner: string;
  address: string | null;
  phone: string | null;
  content: string;
  complexity: Complexity;
  remote: boolean;
  manyPeople: boolean;
  secondTime: boolean;
  withdrawn: boolean;
  state: PetitionState;
  classifiedOn: string | null;
  acceptedOn: string | null;
  notAcceptedReason: string | null;
  transferredTo: string | null;
  notifiedOn: string | null;
  extensions: Array<{ number: string; date: string }>;
  verifyingOn: string | null;
  dialogueOn: string | null;
  decidedOn: string | null;
  decisionNo: string | null;
  decisionSummary: string | null;
  enforcedOn: string | null;
  archivedOn: string | null;
  withdrawnOn: string | null;
  acceptDue: string | null;
  notifyDue: string | null;
  resolveDue: string | null;
  dueOn: string | null;
  dueStage: "accept" | "notify" | "resolve" | null;
  resolvedOn: string | null;
  closedOn: string | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
  /** Incremented by every save. */
  version: number;
  /** True when the reader does not handle this tố cáo: petitioner, address and phone are masked. */
  identityHidden?: true;
}

/** Row → petition. */
export function toPetition(r: Selectable<PetitionsTable>): Petition {
  return {
    id: r.id, unitId: r.unit_id, number: r.number, type: r.type as PetitionType, receivedOn: r.received_on, petitioner: r.petitioner,
    address: r.address, phone: r.phone, content: r.content, complexity: r.complexity as Complexity, remote: !!r.remote, manyPeople: !!r.many_people,
    secondTime: !!r.second_time, withdrawn: !!r.withdrawn, state: r.state as PetitionState, classifiedOn: r.classified_on,
    acceptedOn: r.accepted_on, notAcceptedReason: r.not_accepted_reason, transferredTo: r.transferred_to, notifiedOn: r.notified_on,
    extensions: JSON.parse(r.extensions) as Array<{ number: string; date: string }>, verifyingOn: r.verifying_on, dialogueOn: r.dialogue_on,
    decidedOn: r.decided_on, decisionNo: r.decision_no, decisionSummary: r.decision_summary, enforcedOn: r.enforced_on,
    archivedOn: r.archived_on, withdrawnOn: r.withdrawn_on, acceptDue: r.accept_due, notifyDue: r.notify_due, resolveDue: r.resolve_due,
    dueOn: r.due_on, dueStage: r.due_stage as Petition["dueStage"], resolvedOn: r.resolved_on, closedOn: r.closed_on,
    createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at, version: r.version,
  };
}

const facts = (p: Petition): PetitionFacts => ({
  type: p.type, state: p.state, receivedOn: p.receivedOn, acceptedOn: p.acceptedOn, notifiedOn: p.notifiedOn, complexity: p.complexity,
  remote: p.remote, secondTime: p.secondTime, withdrawn: p.withdrawn, extensions: p.extensions,
});

/** A petition before its deadlines are computed. */
export type PetitionDraft = Omit<Petition, "id" | "acceptDue" | "notifyDue" | "resolveDue" | "dueOn" | "dueStage" | "createdBy" | "version" | "identityHidden">;

/** Pure: petition → row, with the deadlines (stored, so reads need no calendar) and search columns. */
export function petitionRow(p: PetitionDraft, rules: DeadlineRules, cal: WorkCalendar) {
  const f = facts(p as Petition);
  const d = petitionDeadlines(f, rules, cal);
  const cur = currentDue(f, d);
  return {
    unit_id: p.unitId, number: p.number, type: p.type, received_on: p.receivedOn, petitioner: p.petitioner, address: p.address, phone: p.phone, content: p.content,
    complexity: p.complexity, remote: +p.remote, many_people: +p.manyPeople, second_time: +p.secondTime, withdrawn: +p.withdrawn, state: p.state,
    classified_on: p.classifiedOn, accepted_on: p.acceptedOn, not_accepted_reason: p.notAcceptedReason, transferred_to: p.transferredTo,
    notified_on: p.notifiedOn, extensions: JSON.stringify(p.extensions), verifying_on: p.verifyingOn, dialogue_on: p.dialogueOn,
    decided_on: p.decidedOn, decision_no: p.decisionNo, decision_summary: p.decisionSummary, enforced_on: p.enforcedOn,
    archived_on: p.archivedOn, withdrawn_on: p.withdrawnOn, accept_due: d.accept?.due ?? null, notify_due: d.notify?.due ?? null,
    resolve_due: d.resolve?.due ?? null, due_on: cur?.due ?? null, due_stage: cur?.stage ?? null, resolved_on: p.resolvedOn, closed_on: p.closedOn,
    // A tố cáo cannot be found by its denouncer's name, address or phone (Luật Tố cáo 2018 Điều 47).
    ...searchColumns([p.number, ...(isConfidential(p) ? [] : [p.petitioner, p.address, p.phone]), p.content, p.transferredTo, p.decisionNo]),
    created_at: p.createdAt, updated_at: p.updatedAt,
  };
}

async function toRow(ctx: Ctx, p: PetitionDraft) {
  const s = await getRegisterSettings(ctx.db);
  return petitionRow(p, deadlineRules(s), calendarOf(s));
}

function checkSecondTime(type: PetitionType, secondTime: boolean): void {
  if (secondTime && type !== "khieu_nai") throw new DomainError("VALIDATION", "Chỉ đơn khiếu nại mới có giải quyết lần hai.");
}

/** Enters a petition into the register (state: tiếp nhận). */
export async function createPetition(ctx: Ctx, actor: Actor, input: unknown): Promise<Petition> {
  const v = PetitionInputSchema.parse(input);
  const h = await canWrite(ctx, actor, v.unitId);
  unitAt(h, v.unitId, v.receivedOn);
  notInFuture(v.receivedOn, ctx.today(), "Ngày tiếp nhận đơn");
  checkSecondTime(v.type, v.secondTime);
  const now = nowIso();
  return inTransaction(ctx, async (tx) => {
    const p: PetitionDraft = {
      unitId: v.unitId, number: v.number, type: v.type, receivedOn: v.receivedOn, petitioner: v.petitioner, address: v.address, phone: v.phone, content: v.content,
      complexity: v.complexity, remote: v.remote, manyPeople: v.manyPeople, secondTime: v.secondTime, withdrawn: false, state: "received",
      classifiedOn: null, acceptedOn: null, notAcceptedReason: null, transferredTo: null, notifiedOn: null, extensions: [], verifyingOn: null,
      dialogueOn: null, decidedOn: null, decisionNo: null, decisionSummary: null, enforcedOn: null, archivedOn: null, withdrawnOn: null,
      resolvedOn: null, closedOn: null, createdAt: now, updatedAt: now,
    };
    const db = tx.db;
    await trackRegister(tx, "petitions", [p.unitId], [p.receivedOn]);
    const { id } = await db.insertInto("petitions").values({ ...(await toRow(tx, p)), created_by: userIdOf(actor) }).returning("id").executeTakeFirstOrThrow();
    const saved = await load(db, id);
    await audit(tx.db, actor, "petition.create", "petition", id, null, saved, saved.unitId);
    return saved;
  }).catch((e: unknown) => {
    throw withoutValues(e);
  });
}

async function load(db: Kysely<DB>, id: number): Promise<Petition> {
  const r = await db.selectFrom("petitions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) throw new DomainError("PETITION_NOT_FOUND", `Không có đơn thư #${id}.`, { id });
  return toPetition(r);
}

/** Petitions as the reader may see them: a tố cáo's identity masked unless the reader handles it. */
export async function forReader<T extends Petition>(ctx: Ctx, actor: Actor, list: T[]): Promise<T[]> {
  const may = await identityAccess(ctx, actor, list);
  return list.map((p) => (may(p) ? p : masked(p)));
}

/** One petition, if the actor may read its unit (a tố cáo's identity masked unless they handle it). */
export async function getPetition(ctx: Ctx, actor: Actor, id: number): Promise<Petition & { actions: PetitionAction[] }> {
  const p = await load(ctx.db, id);
  await canRead(ctx, actor, p.unitId);
  const [shown] = await forReader(ctx, actor, [p]);
  return { ...shown!, actions: allowedActions(facts(p)) };
}

/**
 * Refuses a save made from another version than the stored one: CONFLICT (409) with the current
 * petition (as the writer may see it) in `details.current`.
 */
async function checkPetitionVersion(ctx: Ctx, actor: Actor, current: Petition, expected: number | undefined): Promise<void> {
  if (expected === undefined || expected === current.version) return;
  const [shown] = await forReader(ctx, actor, [current]);
  throw new DomainError("CONFLICT", `Đơn #${current.id} đã được người khác cập nhật (phiên bản ${current.version}; bạn sửa từ phiên bản ${expected}). Xem bản hiện tại rồi chọn giữ bản nào.`, { current: shown, version: current.version });
}

async function save(tx: Ctx, actor: Actor, before: Petition, after: Omit<Petition, "acceptDue" | "notifyDue" | "resolveDue" | "dueOn" | "dueStage">, action: string): Promise<Petition> {
  const db = tx.db;
  await trackRegister(tx, "petitions", [before.unitId, after.unitId], [before.receivedOn, before.resolvedOn, after.receivedOn, after.resolvedOn]);
  const row = await toRow(tx, { ...after, updatedAt: nowIso() });
  // Only from the version read: a parallel save that got there first makes this one a conflict.
  const r = await db.updateTable("petitions").set({ ...row, version: before.version + 1 }).where("id", "=", before.id).where("version", "=", before.version).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) await checkPetitionVersion(tx, actor, await load(db, before.id), before.version);
  const saved = await load(db, before.id);
  await audit(tx.db, actor, action, "petition", before.id, before, saved, saved.unitId);
  const [shown] = await forReader(tx, actor, [saved]);
  return shown!;
}

/** Corrects details or flags; deadlines follow the new flags. */
export async function updatePetition(ctx: Ctx, actor: Actor, id: number, input: unknown): Promise<Petition> {
  const { version: expected, ...v } = PetitionPatchSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await load(tx.db, id);
    await canWrite(tx, actor, before.unitId);
    await checkPetitionVersion(tx, actor, before, expected);
    if (isConfidential(before) && (v.petitioner !== undefined || v.address !== undefined || v.phone !== undefined)) {
      await requireIdentityAccess(tx, actor, { ...before, createdBy: before.createdBy }, "Sửa thông tin người tố cáo");
    }
    const after = { ...before, ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) } as Petition;
    checkSecondTime(after.type, after.secondTime);
    if (after.extensions.length > (after.complexity === "especially_complex" ? 2 : after.complexity === "complex" ? 1 : 0)) {
      throw new DomainError("REGISTER_EXTENSION_NOT_ALLOWED", "Đơn đã được gia hạn nhiều hơn số lần mức độ phức tạp mới cho phép (Luật Tố cáo 2018 Điều 30).");
    }
    return save(tx, actor, before, after, "petition.update");
  }).catch((e: unknown) => {
    throw withoutValues(e);
  });
}

/** The latest date already recorded on the petition: a new step cannot be dated before it. */
function lastMilestone(p: Petition): { date: string; label: string } {
  const steps: Array<[string | null, string]> = [
    [p.receivedOn, "ngày tiếp nhận"], [p.classifiedOn, "ngày phân loại"], [p.acceptedOn, "ngày thụ lý"], [p.verifyingOn, "ngày xác minh"],
    [p.dialogueOn, "ngày đối thoại"], [p.decidedOn, "ngày quyết định"], [p.enforcedOn, "ngày thi hành"],
    ...p.extensions.map((e): [string, string] => [e.date, "ngày gia hạn"]),
  ];
  let best = { date: p.receivedOn, label: "ngày tiếp nhận" };
  for (const [d, l] of steps) if (d && d > best.date) best = { date: d, label: l };
  return best;
}

const ACTION_LABEL: Record<PetitionAction, string> = {
  classify: "Ngày phân loại", accept: "Ngày thụ lý", reject: "Ngày không thụ lý", transfer: "Ngày chuyển đơn", verify: "Ngày xác minh",
  dialogue: "Ngày đối thoại", decide: "Ngày quyết định giải quyết", enforce: "Ngày thi hành", archive: "Ngày lưu hồ sơ", withdraw: "Ngày rút đơn",
  notify: "Ngày thông báo thụ lý", extend: "Ngày gia hạn",
};

/** Moves a petition one step (or records a notification or an extension); refuses illegal steps. */
export async function actOnPetition(ctx: Ctx, actor: Actor, id: number, input: unknown): Promise<Petition> {
  const v = PetitionActionSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await load(tx.db, id);
    await canWrite(tx, actor, before.unitId);
    await checkPetitionVersion(tx, actor, before, v.version);
    const to = nextState(facts(before), v.action);
    const what = ACTION_LABEL[v.action];
    notInFuture(v.date, ctx.today(), what);
    notBefore(v.date, before.receivedOn, what, "ngày tiếp nhận đơn");
    const last = lastMilestone(before);
    notBefore(v.date, last.date, what, last.label);
    const p: Petition = { ...before, state: to };
    switch (v.action) {
      case "classify": p.classifiedOn = v.date; break;
      case "accept": p.acceptedOn = v.date; break;
      case "reject":
        if (!v.reason) throw new DomainError("REGISTER_REASON_REQUIRED", "Không thụ lý đơn thì phải nêu rõ lý do (Luật Khiếu nại 2011 Điều 27).");
        p.notAcceptedReason = v.reason; p.closedOn = v.date; break;
      case "transfer":
        if (!v.to) throw new DomainError("REGISTER_REASON_REQUIRED", "Chuyển đơn thì phải ghi rõ chuyển đến cơ quan, người có thẩm quyền nào.");
        p.transferredTo = v.to; p.closedOn = v.date; break;
      case "verify": p.verifyingOn = v.date; break;
      case "dialogue": p.dialogueOn = v.date; break;
      case "decide": p.decidedOn = v.date; p.decisionNo = v.decisionNo; p.decisionSummary = v.summary; p.resolvedOn = v.date; p.closedOn = v.date; break;
      case "enforce": p.enforcedOn = v.date; break;
      case "archive": p.archivedOn = v.date; p.closedOn ??= v.date; break;
      case "withdraw": p.withdrawn = true; p.withdrawnOn = v.date; p.archivedOn = v.date; p.resolvedOn = v.date; p.closedOn = v.date; break;
      case "notify": p.notifiedOn = v.date; break;
      case "extend":
        if (!v.decisionNo) throw new DomainError("REGISTER_REASON_REQUIRED", "Gia hạn giải quyết tố cáo phải có quyết định bằng văn bản: nhập số quyết định (Luật Tố cáo 2018 Điều 30).");
        p.extensions = [...before.extensions, { number: v.decisionNo, date: v.date }]; break;
    }
    return save(tx, actor, before, p, `petition.${v.action}`);
  });
}
