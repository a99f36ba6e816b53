/**
 * Attachments (scanned letters, minutes, decisions) kept in the database beside their record.
 * The type is decided by the file's content, not its name: pdf, jpeg, png, and docx only when it is
 * a real Word package (zip-check.ts). Names with bidirectional controls (which make
 * "hoso\u202Egnp.exe" look like "hosoexe.png") are refused. A tố cáo's files are the denouncer's
 * own letters: only its handlers list their names, download or add them (privacy.ts).
 */
import { createHash } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { canRead, canWrite, nowIso, userIdOf } from "./common.ts";
import { nfc } from "../core/text.ts";
import { registerKey } from "./record.service.ts";
import { docxProblem } from "./zip-check.ts";
import { identityAccess, isConfidential, MASK, requireIdentityAccess, type HandledFacts } from "./privacy.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const TYPES = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
export type AttachmentType = keyof typeof TYPES;

/** Pure: the file type from its magic bytes, or null. A zip is a docx only when zip-check says so. */
export function detectType(b: Uint8Array): AttachmentType | null {
  const starts = (...xs: number[]) => xs.every((x, i) => b[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf";
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0x50, 0x4b, 0x03, 0x04) && docxProblem(b) === null) return "docx";
  return null;
}

/** Bidirectional controls and invisible marks that make a name read differently from what it is. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** Pure: the stored name of an upload, or throws REGISTER_ATTACHMENT_NAME. */
export function attachmentName(filename: string): string {
  const name = nfc(filename.trim());
  if (BIDI.test(name)) {
    throw new DomainError("REGISTER_ATTACHMENT_NAME", "Tên tệp chứa ký tự điều khiển hướng chữ (có thể giả đuôi tệp, ví dụ \"hoso.exe\" hiện thành \"hoso.png\"). Đổi tên tệp rồi tải lên lại.", { filename: [...name].map((c) => (BIDI.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : c)).join("") });
  }
  const clean = name.replace(/[/\\\u0000-\u001f\u007f]/g, "_").slice(0, 200);
  if (!clean) throw new DomainError("VALIDATION", "Thiếu tên tệp đính kèm.");
  return clean;
}

export interface AttachmentMeta {
  id: number;
  register: string;
  recordId: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  createdAt: string;
  /** True when the file belongs to a tố cáo the reader does not handle: its name is masked. */
  hidden?: true;
}

/** "petitions" or a record register: the record's unit, and for a petition what decides who handles it. */
async function recordOf(db: Kysely<DB>, register: string, recordId: number): Promise<{ unitId: number; petition: HandledFacts | null }> {
  if (register === "petitions") {
    const r = await db.selectFrom("petitions").select(["id", "unit_id", "type", "created_by"]).where("id", "=", recordId).executeTakeFirst();
    if (!r) throw new DomainError("PETITION_NOT_FOUND", `Không có đơn thư #${recordId}.`);
    return { unitId: r.unit_id, petition: { id: r.id, unitId: r.unit_id, type: r.type, createdBy: r.created_by } };
  }
  const key = registerKey(register);
  const r = await db.selectFrom("register_records").select("unit_id").where("register", "=", key).where("id", "=", recordId).executeTakeFirst();
  if (!r) throw new DomainError("REGISTER_RECORD_NOT_FOUND", `Không có bản ghi #${recordId} trong sổ ${key}.`);
  return { unitId: r.unit_id, petition: null };
}

/** Throws PETITION_CONFIDENTIAL when the file belongs to a tố cáo the actor does not handle. */
async function requireFileAccess(ctx: Ctx, actor: Actor, rec: { petition: HandledFacts | null }, what: string): Promise<void> {
  if (rec.petition && isConfidential(rec.petition)) await requireIdentityAccess(ctx, actor, rec.petition, what);
}

/** Stores a file with a record; refuses empty, oversized and unknown-type files. */
export async function addAttachment(ctx: Ctx, actor: Actor, register: string, recordId: number, filename: string, content: Uint8Array): Promise<AttachmentMeta> {
  const rec = await recordOf(ctx.db, register, recordId);
  const unitId = rec.unitId;
  await canWrite(ctx, actor, unitId);
  await requireFileAccess(ctx, actor, rec, "Đính kèm tệp vào đơn tố cáo");
  const name = attachmentName(filename);
  if (content.byteLength === 0) throw new DomainError("REGISTER_ATTACHMENT_EMPTY", "Tệp đính kèm rỗng.");
  if (content.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError("REGISTER_ATTACHMENT_TOO_LARGE", `Tệp "${name}" có ${(content.byteLength / 1048576).toFixed(1)} MB, vượt giới hạn 10 MB.`, { size: content.byteLength, max: MAX_ATTACHMENT_BYTES });
  }
  const type = detectType(content);
  if (!type) {
    const zip = content[0] === 0x50 && content[1] === 0x4b ? docxProblem(content) : null;
    throw new DomainError("REGISTER_ATTACHMENT_TYPE", `Tệp "${name}" không phải PDF, JPEG, PNG hay Word (.docx)${zip ? `: ${zip}` : ""}.`, { filename: name });
  }
  const sha256 = createHash("sha256").update(content).digest("hex");
  return inTransaction(ctx, async (tx) => {
    const row = { register, record_id: recordId, filename: name, mime: TYPES[type], size: content.byteLength, sha256, created_by: userIdOf(actor), created_at: nowIso() };
    const { id } = await tx.db.insertInto("register_attachments").values({ ...row, content: Buffer.from(content) }).returning("id").executeTakeFirstOrThrow();
    const meta: AttachmentMeta = { id, register, recordId, filename: name, mime: row.mime, size: row.size, sha256, createdAt: row.created_at };
    await audit(tx.db, actor, "attachment.create", "attachment", id, null, meta, unitId);
    return meta;
  });
}

/** The files of a record (without their content); a tố cáo's file names masked for non-handlers. */
export async function listAttachments(ctx: Ctx, actor: Actor, register: string, recordId: number): Promise<AttachmentMeta[]> {
  const rec = await recordOf(ctx.db, register, recordId);
  await canRead(ctx, actor, rec.unitId);
  const rows = await ctx.db.selectFrom("register_attachments").select(["id", "register", "record_id", "filename", "mime", "size", "sha256", "created_at"])
    .where("register", "=", register).where("record_id", "=", recordId).orderBy("id").execute();
  const hide = rec.petition !== null && !(await identityAccess(ctx, actor, [rec.petition]))(rec.petition);
  return rows.map((r) => ({
    id: r.id, register: r.register, recordId: r.record_id, filename: hide ? MASK : r.filename, mime: r.mime, size: r.size, sha256: hide ? "" : r.sha256, createdAt: r.created_at,
    ...(hide ? { hidden: true as const } : {}),
  }));
}

async function loadFile(ctx: Ctx, id: number) {
  const r = await ctx.db.selectFrom("register_attachments").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) throw new DomainError("ATTACHMENT_NOT_FOUND", `Không có tệp đính kèm #${id}.`);
  return r;
}

/** One file with its content (a tố cáo's files only for its handlers). */
export async function getAttachment(ctx: Ctx, actor: Actor, id: number): Promise<AttachmentMeta & { content: Buffer }> {
  const r = await loadFile(ctx, id);
  const rec = await recordOf(ctx.db, r.register, r.record_id);
  await canRead(ctx, actor, rec.unitId);
  await requireFileAccess(ctx, actor, rec, "Tải tệp của đơn tố cáo");
  return { id: r.id, register: r.register, recordId: r.record_id, filename: r.filename, mime: r.mime, size: r.size, sha256: r.sha256, createdAt: r.created_at, content: Buffer.from(r.content) };
}

/** Removes a file (audited). */
export async function deleteAttachment(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  const r = await loadFile(ctx, id);
  const rec = await recordOf(ctx.db, r.register, r.record_id);
  await canWrite(ctx, actor, rec.unitId);
  await requireFileAccess(ctx, actor, rec, "Xóa tệp của đơn tố cáo");
  const meta: AttachmentMeta = { id: r.id, register: r.register, recordId: r.record_id, filename: r.filename, mime: r.mime, size: r.size, sha256: r.sha256, createdAt: r.created_at };
  await inTransaction(ctx, async (tx) => {
    await tx.db.deleteFrom("register_attachments").where("id", "=", id).execute();
    await audit(tx.db, actor, "attachment.delete", "attachment", id, meta, null, rec.unitId);
  });
}
