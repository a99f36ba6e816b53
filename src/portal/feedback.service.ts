/**
 * Residents' feedback (phản ánh, kiến nghị) from the public portal — the FixMyStreet loop: it is
 * entered into the petitions register (with the deadline the register computes for its type), the
 * resident gets a tracking code, and the tracking page shows only the public topic, the status and
 * the answer a staff member published. Name, phone, address and the full text stay internal.
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { id } from "../core/input.ts";
import { canRead, canWrite, nowIso, optionalText, requiredText } from "../registers/common.ts";
import { createPetition } from "../registers/petition.service.ts";
import { PETITION_TYPE_LABELS } from "../registers/petition-rules.ts";
import { newTrackingCode, TRACKING_CODE_RE, trackingHash } from "./codes.ts";
import { PORTAL } from "./consultation.service.ts";

export const FeedbackInputSchema = z.object({
  unitId: id,
  kind: z.enum(["kien_nghi", "phan_anh"]),
  /** Shown publicly under the tracking code: no names, phones or addresses. */
  topic: requiredText(160),
  content: requiredText(5000),
  name: requiredText(120),
  phone: optionalText(30).refine((v) => v === null || /^[+0-9 .()-]{6,30}$/.test(v), "Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( )"),
  address: optionalText(300),
  /** Where the matter is, in words (address, landmark); internal like the coordinates. */
  place: optionalText(200),
  lat: z.number().min(8).max(24).nullable().optional(),
  lon: z.number().min(102).max(118).nullable().optional(),
}).strict();

export const AnswerSchema = z.object({ answer: requiredText(5000) }).strict();

/** Enters the feedback into the petitions register; returns the tracking code (shown once). */
export async function submitFeedback(ctx: Ctx, input: unknown): Promise<{ trackingCode: string; petitionId: number; dueOn: string | null }> {
  const v = FeedbackInputSchema.parse(input);
  if ((v.lat == null) !== (v.lon == null)) throw new DomainError("VALIDATION", "Vị trí cần cả vĩ độ và kinh độ.");
  const code = newTrackingCode();
  const today = ctx.today();
  return inTransaction(ctx, async (tx) => {
    const p = await createPetition(tx, PORTAL, {
      unitId: v.unitId, type: v.kind, receivedOn: today, petitioner: v.name, phone: v.phone, address: v.address,
      content: `[Gửi qua cổng công khai] ${v.topic}\n${v.content}${v.place ? `\nNơi phản ánh: ${v.place}` : ""}${v.lat != null ? `\nVị trí: ${v.lat}, ${v.lon}` : ""}`,
    });
    const { id: fid } = await tx.db.insertInto("portal_feedback").values({
      tracking_hash: trackingHash(code), petition_id: p.id, unit_id: v.unitId, kind: v.kind, topic: v.topic, lat: v.lat ?? null, lon: v.lon ?? null, place: v.place ?? null,
      answer: null, answered_on: null, created_at: nowIso(),
    }).returning("id").executeTakeFirstOrThrow();
    await audit(tx.db, PORTAL, "feedback.create", "portal_feedback", fid, null, { petitionId: p.id, kind: v.kind, topic: v.topic }, v.unitId);
    return { trackingCode: code, petitionId: p.id, dueOn: p.dueOn };
  });
}

export interface PublicStatus {
  kind: string;
  topic: string;
  receivedOn: string;
  status: string;
  answer: string | null;
  answeredOn: string | null;
}

const STAGE: Record<string, string> = {
  received: "Đã tiếp nhận", classified: "Đã phân loại, đang xem xét", accepted: "Đang giải quyết", verifying: "Đang xác minh", dialogue: "Đang đối thoại",
  decided: "Đã có kết quả giải quyết", enforced: "Đã có kết quả giải quyết", archived: "Đã kết thúc", not_accepted: "Không thụ lý", transferred: "Đã chuyển cơ quan có thẩm quyền",
};

/** The public status under a tracking code (nothing personal). */
export async function trackFeedback(ctx: Ctx, code: string): Promise<PublicStatus> {
  if (!TRACKING_CODE_RE.test(code)) throw new DomainError("TRACKING_NOT_FOUND", "Mã theo dõi không đúng.");
  const f = await ctx.db.selectFrom("portal_feedback").innerJoin("petitions", "petitions.id", "portal_feedback.petition_id")
    .select(["portal_feedback.kind", "portal_feedback.topic", "portal_feedback.answer", "portal_feedback.answered_on", "petitions.received_on", "petitions.state"])
    .where("portal_feedback.tracking_hash", "=", trackingHash(code)).executeTakeFirst();
  if (!f) throw new DomainError("TRACKING_NOT_FOUND", "Mã theo dõi không đúng.");
  return {
    kind: PETITION_TYPE_LABELS[f.kind as "kien_nghi"], topic: f.topic, receivedOn: f.received_on,
    status: f.answer ? "Đã trả lời" : (STAGE[f.state] ?? "Đang xử lý"), answer: f.answer, answeredOn: f.answered_on,
  };
}

/** Staff: the feedback sent through the portal to a unit, with its petition's step and deadline. */
export async function listFeedback(ctx: Ctx, actor: Actor, unitId: number) {
  await canRead(ctx, actor, unitId);
  return ctx.db.selectFrom("portal_feedback").innerJoin("petitions", "petitions.id", "portal_feedback.petition_id")
    .select(["portal_feedback.id", "portal_feedback.petition_id as petitionId", "portal_feedback.kind", "portal_feedback.topic", "portal_feedback.answer",
      "portal_feedback.answered_on as answeredOn", "portal_feedback.lat", "portal_feedback.lon", "portal_feedback.place", "petitions.received_on as receivedOn", "petitions.state", "petitions.due_on as dueOn"])
    .where("portal_feedback.unit_id", "=", unitId).orderBy("portal_feedback.id", "desc").limit(500).execute();
}

/** Staff publish the answer residents read under the tracking code. */
export async function answerFeedback(ctx: Ctx, actor: Actor, feedbackId: number, input: unknown): Promise<{ ok: true }> {
  const v = AnswerSchema.parse(input);
  const f = await ctx.db.selectFrom("portal_feedback").selectAll().where("id", "=", feedbackId).executeTakeFirst();
  if (!f) throw new DomainError("FEEDBACK_NOT_FOUND", `Không có phản ánh, kiến nghị #${feedbackId}.`);
  await canWrite(ctx, actor, f.unit_id);
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable("portal_feedback").set({ answer: v.answer, answered_on: ctx.today() }).where("id", "=", feedbackId).execute();
    await audit(tx.db, actor, "feedback.answer", "portal_feedback", feedbackId, { answer: f.answer }, { answer: v.answer }, f.unit_id);
  });
  return { ok: true };
}
