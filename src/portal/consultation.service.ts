/**
 * Consultations and decisions of a village / residential group (Dân bàn, dân quyết): staff open
 * one, issue household codes printed on paper, enter paper ballots and close it; residents vote
 * online with their household's code (one vote per code, changeable until closing). Results are
 * computed only after closing (vote-rules.ts) and published as a public notice.
 */
import { z } from "zod";
import type { Selectable } from "kysely";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { count, id } from "../core/input.ts";
import { canRead, canWrite, isoDate, notBefore, nowIso, requiredText, unitAt, userIdOf } from "../registers/common.ts";
import {
  BALLOT_BASIS, BALLOT_CODE, ballotAllowed, CHOICES, CONSULT_FORM_LABELS, CONSULT_FORMS, consultationResult, FORM_BASIS, formAllowed, MATTER_RULES, MATTERS, tally,
  type Choice, type ConsultationResult, type ConsultForm, type Matter,
} from "./vote-rules.ts";
import { joinProblem, loadCommuneDecision } from "./commune-decision.service.ts";
import { HOUSEHOLD_CODE_RE, householdCodeHash, newHouseholdCode } from "./codes.ts";
import { insertNotice } from "./notice.service.ts";
import type { ConsultationsTable } from "../db/tables/portal.ts";

/** Who acts for a resident voting or writing on the portal (audit rows name it). */
export const PORTAL: Actor = { kind: "system", name: "portal" };

export const ConsultationInputSchema = z.object({
  unitId: id,
  community: requiredText(120),
  kind: z.enum(["consult", "decide"]),
  /**
   * decide: what residents decide, the khoản of Điều 15 of the Law (its passing share follows, Điều 21
   * khoản 1: two thirds for contributions and their accounts, more than half for the rest); required
   * for a decision, absent for a consultation.
   */
  matter: z.enum(MATTERS, { error: "Nội dung quyết định phải là một khoản của Điều 15 Luật Thực hiện dân chủ ở cơ sở (đóng góp công trình, thu chi, hương ước, Trưởng thôn, thành viên Ban, công việc tự quản khác)." }).nullable().optional(),
  question: requiredText(1000),
  documents: requiredText(20000),
  form: z.enum(CONSULT_FORMS),
  opensOn: isoDate,
  closesOn: isoDate,
  households: count.refine((n) => n >= 1 && n <= 5000, "Số hộ gia đình từ 1 đến 5000."),
  /** The commune-wide decision this village decides its part of (Điều 15 khoản 1, 2; Điều 21 khoản 1). */
  communeDecisionId: id.nullable().optional(),
  /** Household ballots after a meeting of the same community and matter that lacked the households (Điều 17 khoản 2, Điều 19 khoản 1 điểm b). */
  afterMeeting: id.nullable().optional(),
}).strict().superRefine((v, ctx) => {
  if (v.afterMeeting && v.form !== "phieu") ctx.addIssue({ code: "custom", path: ["afterMeeting"], message: "Sau cuộc họp không đủ hộ tham dự thì phát phiếu lấy ý kiến hộ gia đình (Điều 19 khoản 1 điểm b): chọn hình thức phát phiếu." });
  if (v.kind === "decide" && !v.matter) ctx.addIssue({ code: "custom", path: ["matter"], message: "Nhân dân bàn và quyết định: cần chọn nội dung quyết định (khoản nào của Điều 15) để áp dụng đúng tỷ lệ tán thành của Điều 21." });
  if (v.kind === "consult" && v.matter) ctx.addIssue({ code: "custom", path: ["matter"], message: "Lấy ý kiến Nhân dân không phải là quyết định theo Điều 15: bỏ trống nội dung quyết định." });
});

export const VoteSchema = z.object({
  code: z.string().trim().regex(HOUSEHOLD_CODE_RE, "Mã hộ gồm 8 ký tự in trên phiếu (ví dụ ABCD-EFGH)."),
  choice: z.enum(CHOICES),
}).strict();

export const CloseSchema = z.object({ attending: count.optional() }).strict();

export interface Consultation {
  id: number;
  unitId: number;
  community: string;
  kind: "consult" | "decide";
  /** decide: the khoản of Điều 15 (null for a consultation and for decisions recorded before it was kept). */
  matter: Matter | null;
  matterLabel: string | null;
  question: string;
  documents: string;
  form: ConsultForm;
  formLabel: string;
  opensOn: string;
  closesOn: string;
  households: number;
  state: "open" | "closed";
  /** The commune-wide decision it is part of (null: the village's own). */
  communeDecisionId: number | null;
  /** Ballots: the meeting that lacked the households, which they follow. */
  followsId: number | null;
  /** Only once closed. */
  result: ConsultationResult | null;
}

function toConsultation(r: Selectable<ConsultationsTable>): Consultation {
  const form = r.form as ConsultForm;
  const matter = (r.matter as Matter | null) ?? null;
  return {
    id: r.id, unitId: r.unit_id, community: r.community, kind: r.kind as Consultation["kind"], matter, matterLabel: matter ? MATTER_RULES[matter].label : null, question: r.question, documents: r.documents, form,
    formLabel: CONSULT_FORM_LABELS[form], opensOn: r.opens_on, closesOn: r.closes_on, households: r.households, state: r.state as Consultation["state"],
    communeDecisionId: r.commune_decision_id ?? null, followsId: r.follows_id ?? null,
    result: r.result ? (JSON.parse(r.result) as ConsultationResult) : null,
  };
}

async function load(ctx: Ctx, cid: number): Promise<Consultation> {
  const r = await ctx.db.selectFrom("consultations").selectAll().where("id", "=", cid).executeTakeFirst();
  if (!r) throw new DomainError("CONSULTATION_NOT_FOUND", `Không có cuộc lấy ý kiến #${cid}.`, { id: cid });
  return toConsultation(r);
}

export async function createConsultation(ctx: Ctx, actor: Actor, input: unknown): Promise<Consultation> {
  const v = ConsultationInputSchema.parse(input);
  const h = await canWrite(ctx, actor, v.unitId);
  unitAt(h, v.unitId, v.opensOn);
  notBefore(v.closesOn, v.opensOn, "Ngày kết thúc", "ngày bắt đầu");
  const matter = v.kind === "decide" ? v.matter ?? null : null;
  if (!formAllowed(v.form, matter)) {
    throw new DomainError("CONSULTATION_FORM_NOT_ALLOWED", `Biểu quyết trực tuyến chỉ áp dụng cho công việc tự quản khác (Điều 15 khoản 6); nội dung "${MATTER_RULES[matter!].label}" phải bàn tại cuộc họp hoặc phát phiếu lấy ý kiến hộ gia đình (${FORM_BASIS}).`, { form: v.form, matter });
  }
  return inTransaction(ctx, async (tx) => {
    const { followsId, communeDecisionId } = await links(tx, { ...v, matter });
    const now = nowIso();
    const { id: cid } = await tx.db.insertInto("consultations").values({
      unit_id: v.unitId, community: v.community, kind: v.kind, matter, question: v.question, documents: v.documents, form: v.form, opens_on: v.opensOn,
      closes_on: v.closesOn, households: v.households, state: "open", attending: null, result: null, closed_at: null, created_by: userIdOf(actor), created_at: now, updated_at: now,
      commune_decision_id: communeDecisionId, follows_id: followsId,
    }).returning("id").executeTakeFirstOrThrow();
    const saved = await load(tx, cid);
    await audit(tx.db, actor, "consultation.create", "consultation", cid, null, saved, saved.unitId);
    return saved;
  });
}

/**
 * The meeting household ballots follow and the commune decision a village's decision joins, checked:
 * ballots on khoản 3–5 of Điều 15 only after a meeting of the same community and matter that lacked
 * the households (Điều 17 khoản 2; CONSULTATION_BALLOT_NEEDS_MEETING); ballots after a meeting take
 * its place in its commune decision.
 */
async function links(tx: Ctx, v: z.infer<typeof ConsultationInputSchema> & { matter: Matter | null }): Promise<{ followsId: number | null; communeDecisionId: number | null }> {
  const meeting = v.afterMeeting ? await tx.db.selectFrom("consultations").selectAll().where("id", "=", v.afterMeeting).where("unit_id", "=", v.unitId).executeTakeFirst() : undefined;
  if (v.afterMeeting && !meeting) throw new DomainError("CONSULTATION_NOT_FOUND", `Không có cuộc họp #${v.afterMeeting} của đơn vị này.`, { id: v.afterMeeting });
  const facts = meeting ? toConsultation(meeting) : null;
  if (v.form === "phieu" || facts) {
    const why = ballotAllowed(v.matter, v.community, facts && { form: facts.form, matter: facts.matter, community: facts.community, state: facts.state, quorumMet: facts.result?.quorum?.met ?? null });
    if (why) {
      throw new DomainError("CONSULTATION_BALLOT_NEEDS_MEETING", why === "no_meeting"
        ? `Nội dung "${MATTER_RULES[v.matter!].label}" phải bàn và quyết định tại cuộc họp của cộng đồng dân cư; chỉ phát phiếu lấy ý kiến hộ gia đình khi cuộc họp không có đủ đại diện số hộ tham dự (${BALLOT_BASIS}).`
        : `Cuộc họp #${v.afterMeeting} không phải cuộc họp của ${v.community} về cùng nội dung đã kết thúc mà không đủ đại diện số hộ tham dự (${BALLOT_BASIS}).`,
      { rule: BALLOT_CODE, matter: v.matter, afterMeeting: v.afterMeeting ?? null });
    }
  }
  const communeDecisionId = v.communeDecisionId ?? facts?.communeDecisionId ?? null;
  if (facts && v.communeDecisionId && facts.communeDecisionId !== v.communeDecisionId) throw new DomainError("COMMUNE_DECISION_MATTER", "Phiếu sau cuộc họp thuộc cùng quyết định toàn xã với cuộc họp đó.");
  if (communeDecisionId !== null) {
    const problem = joinProblem(await loadCommuneDecision(tx, communeDecisionId), { unitId: v.unitId, kind: v.kind, matter: v.matter, community: v.community, followsId: facts?.id ?? null });
    if (problem) throw problem;
  }
  return { followsId: facts?.id ?? null, communeDecisionId };
}

export const CodesSchema = z.object({
  /** Households whose paper code was lost: a new code replaces the old one (a vote already cast stays). */
  reissue: z.array(z.string().trim().regex(/^Hộ số \d{1,4}$/, "Tên hộ dạng \"Hộ số 12\".")).max(5000).optional(),
}).strict();

/**
 * Issues one code per household not yet given one ("Hộ số 1" …), and new codes for the households
 * named in `reissue`; returned in clear this once for printing, only their hashes are kept. The
 * audit row records how many, never the codes.
 */
export async function issueCodes(ctx: Ctx, actor: Actor, cid: number, input: unknown = {}): Promise<{ codes: Array<{ label: string; code: string }> }> {
  const v = CodesSchema.parse(input ?? {});
  const c = await load(ctx, cid);
  await canWrite(ctx, actor, c.unitId);
  if (c.state !== "open") throw new DomainError("CONSULTATION_CLOSED", "Cuộc lấy ý kiến đã kết thúc.");
  return inTransaction(ctx, async (tx) => {
    const have = await tx.db.selectFrom("household_codes").select(["id", "label"]).where("consultation_id", "=", cid).execute();
    const start = have.length;
    const codes: Array<{ label: string; code: string }> = [];
    for (const label of new Set(v.reissue ?? [])) {
      const row = have.find((h) => h.label === label);
      if (!row) throw new DomainError("VALIDATION", `Chưa phát mã cho "${label}".`);
      const code = newHouseholdCode();
      await tx.db.updateTable("household_codes").set({ code_hash: householdCodeHash(cid, code) }).where("id", "=", row.id).execute();
      codes.push({ label, code });
    }
    const fresh: Array<{ label: string; code: string }> = [];
    for (let i = start + 1; i <= c.households; i++) fresh.push({ label: `Hộ số ${i}`, code: newHouseholdCode() });
    if (fresh.length) {
      await tx.db.insertInto("household_codes").values(fresh.map((x) => ({ consultation_id: cid, code_hash: householdCodeHash(cid, x.code), label: x.label, choice: null, channel: null, voted_at: null }))).execute();
    }
    await audit(tx.db, actor, "consultation.codes", "consultation", cid, { issued: start }, { issued: start + fresh.length, reissued: codes.length }, c.unitId);
    return { codes: [...codes, ...fresh] };
  });
}

async function record(ctx: Ctx, actor: Actor, cid: number, input: unknown, channel: "online" | "paper"): Promise<{ label: string; changed: boolean }> {
  const v = VoteSchema.parse(input);
  const c = await load(ctx, cid);
  const today = ctx.today();
  if (c.state !== "open" || today > c.closesOn) throw new DomainError("CONSULTATION_CLOSED", "Cuộc lấy ý kiến đã kết thúc, không nhận thêm ý kiến.");
  if (today < c.opensOn) throw new DomainError("CONSULTATION_NOT_OPEN", `Cuộc lấy ý kiến bắt đầu từ ngày ${c.opensOn}.`);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom("household_codes").selectAll().where("consultation_id", "=", cid).where("code_hash", "=", householdCodeHash(cid, v.code)).executeTakeFirst();
    if (!row) throw new DomainError("HOUSEHOLD_CODE_INVALID", "Mã hộ không đúng. Kiểm tra lại mã in trên phiếu của hộ.");
    await tx.db.updateTable("household_codes").set({ choice: v.choice as Choice, channel, voted_at: nowIso() }).where("id", "=", row.id).execute();
    // The ballot is secret: the audit row says that a household voted (and how), not what.
    await audit(tx.db, actor, channel === "paper" ? "consultation.paper_ballot" : "consultation.vote", "household_code", row.id, row.choice ? { voted: true } : null, { voted: true, channel }, c.unitId);
    return { label: row.label, changed: row.choice !== null };
  });
}

/** A household votes online with its code (changeable until closing). */
export const castVote = (ctx: Ctx, cid: number, input: unknown) => record(ctx, PORTAL, cid, input, "online");

/** Staff enter a paper ballot (the code printed on it), counted with the online votes. */
export async function enterPaperBallot(ctx: Ctx, actor: Actor, cid: number, input: unknown) {
  const c = await load(ctx, cid);
  await canWrite(ctx, actor, c.unitId);
  return record(ctx, actor, cid, input, "paper");
}

/** Closes, counts and publishes the result (a public notice of the commune, category ket_qua_ban_quyet). */
export async function closeConsultation(ctx: Ctx, actor: Actor, cid: number, input: unknown): Promise<Consultation> {
  const v = CloseSchema.parse(input ?? {});
  const c = await load(ctx, cid);
  const h = await canWrite(ctx, actor, c.unitId);
  if (c.state !== "open") throw new DomainError("CONSULTATION_CLOSED", "Cuộc lấy ý kiến đã kết thúc.");
  if (c.form === "hoi_nghi" && v.attending === undefined) throw new DomainError("VALIDATION", "Hội nghị: cần số hộ có đại diện tham dự để xét cuộc họp hợp lệ.");
  if (v.attending !== undefined && v.attending > c.households) throw new DomainError("VALIDATION", "Số hộ tham dự không thể nhiều hơn số hộ của cộng đồng.");
  const today = ctx.today();
  return inTransaction(ctx, async (tx) => {
    const votes = await tx.db.selectFrom("household_codes").select(["choice", "channel"]).where("consultation_id", "=", cid).execute();
    const result = consultationResult(c.households, c.form, tally(votes), v.attending ?? null, c.matter);
    const res = await tx.db.updateTable("consultations").set({ state: "closed", attending: v.attending ?? null, result: JSON.stringify(result), closed_at: nowIso(), updated_at: nowIso() })
      .where("id", "=", cid).where("state", "=", "open").executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw new DomainError("CONSULTATION_CLOSED", "Cuộc lấy ý kiến đã kết thúc.");
    const unit = h.at(c.unitId, today);
    await insertNotice(tx, actor, {
      unitId: c.unitId, category: "ket_qua_ban_quyet", form: "website", title: `Kết quả ${c.kind === "decide" ? "Nhân dân bàn và quyết định" : "lấy ý kiến Nhân dân"}: ${c.question}`.slice(0, 300),
      body: `${c.community}, ${unit.fullName}.${c.matterLabel ? ` Nội dung quyết định: ${c.matterLabel}.` : ""} Hình thức: ${CONSULT_FORM_LABELS[c.form]}; từ ${c.opensOn} đến ${c.closesOn}. ${result.summary}`,
      community: c.community, postedOn: today, publishedBy: `Ủy ban nhân dân ${unit.fullName}`,
    }, { consultationId: cid });
    const after = await load(tx, cid);
    await audit(tx.db, actor, "consultation.close", "consultation", cid, c, after, c.unitId);
    return after;
  });
}

/** Staff: a consultation with how many households voted so far (the choices stay hidden until closing). */
export async function getConsultation(ctx: Ctx, actor: Actor, cid: number): Promise<Consultation & { codesIssued: number; voted: number }> {
  const c = await load(ctx, cid);
  await canRead(ctx, actor, c.unitId);
  const rows = await ctx.db.selectFrom("household_codes").select(["choice"]).where("consultation_id", "=", cid).execute();
  return { ...c, codesIssued: rows.length, voted: rows.filter((r) => r.choice !== null).length };
}

/** Staff: the unit's consultations, each with how many codes were issued and households voted (never how). */
export async function listConsultations(ctx: Ctx, actor: Actor, unitId: number): Promise<Array<Consultation & { codesIssued: number; voted: number }>> {
  await canRead(ctx, actor, unitId);
  const rows = (await ctx.db.selectFrom("consultations").selectAll().where("unit_id", "=", unitId).orderBy("opens_on", "desc").orderBy("id", "desc").execute()).map(toConsultation);
  if (!rows.length) return [];
  const counts = await ctx.db.selectFrom("household_codes").select((eb) => ["consultation_id", eb.fn.countAll<number>().as("issued"), eb.fn.count<number>("choice").as("voted")])
    .where("consultation_id", "in", rows.map((r) => r.id)).groupBy("consultation_id").execute();
  const by = new Map(counts.map((c) => [c.consultation_id, c]));
  return rows.map((r) => ({ ...r, codesIssued: Number(by.get(r.id)?.issued ?? 0), voted: Number(by.get(r.id)?.voted ?? 0) }));
}

/** Public: the unit's consultations (results only once closed). */
export async function publicConsultations(ctx: Ctx, unitId: number): Promise<Consultation[]> {
  return (await ctx.db.selectFrom("consultations").selectAll().where("unit_id", "=", unitId).where("opens_on", "<=", ctx.today()).orderBy("opens_on", "desc").limit(50).execute()).map(toConsultation);
}

export async function publicConsultation(ctx: Ctx, unitId: number, cid: number): Promise<Consultation> {
  const c = await load(ctx, cid);
  if (c.unitId !== unitId || c.opensOn > ctx.today()) throw new DomainError("CONSULTATION_NOT_FOUND", "Không có cuộc lấy ý kiến này.");
  return c;
}
