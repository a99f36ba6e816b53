/**
 * Attachments (scanned letters, minutes, decisions) kept in the database beside their record.
 * The type is decided by the file's first bytes, not its name: pdf, jpeg, png, docx only.
 */
import { createHash } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { rdb, type RDb } from "./schema.ts";
import { canRead, canWrite, nowIso, userIdOf } from "./common.ts";
import { nfc } from "../core/text.ts";
import { registerKey } from "./record.service.ts";

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const TYPES = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
export type AttachmentType = keyof typeof TYPES;

/** Pure: the file type from its magic bytes, or null. A docx is a zip holding word/document.xml. */
export function detectType(b: Uint8Array): AttachmentType | null {
  const starts = (...xs: number[]) => xs.every((x, i) => b[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "pdf";
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0x50, 0x4b, 0x03, 0x04) && Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes("word/document.xml")) return "docx";
  return null;
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
}

/** "petitions" or a record register, and the unit of the record. */
async function recordUnit(db: RDb, register: string, recordId: number): Promise<number> {
  if (register === "petitions") {
    const r = await db.selectFrom("petitions").select("unit_id").where("id", "=", recordId).executeTakeFirst();
    if (!r) throw new DomainError("PETITION_NOT_FOUND", `Không có đơn thư #${recordId}.`);
    return r.unit_id;
  }
  const key = registerKey(register);
  const r = await db.selectFrom("register_records").select("unit_id").where("register", "=", key).where("id", "=", recordId).executeTakeFirst();
  if (!r) throw new DomainError("REGISTER_RECORD_NOT_FOUND", `Không có bản ghi #${recordId} trong sổ ${key}.`);
  return r.unit_id;
}

/** Stores a file with a record; refuses empty, oversized and unknown-type files. */
export async function addAttachment(ctx: Ctx, actor: Actor, register: string, recordId: number, filename: string, content: Uint8Array): Promise<AttachmentMeta> {
  const unitId = await recordUnit(rdb(ctx), register, recordId);
  await canWrite(ctx, actor, unitId);
  const name = nfc(filename.trim()).replace(/[/\\\u0000-\u001f]/g, "_").slice(0, 200);
  if (!name) throw new DomainError("VALIDATION", "Thiếu tên tệp đính kèm.");
  if (content.byteLength === 0) throw new DomainError("REGISTER_ATTACHMENT_EMPTY", "Tệp đính kèm rỗng.");
  if (content.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError("REGISTER_ATTACHMENT_TOO_LARGE", `Tệp "${name}" có ${(content.byteLength / 1048576).toFixed(1)} MB, vượt giới hạn 10 MB.`, { size: content.byteLength, max: MAX_ATTACHMENT_BYTES });
  }
  const type = detectType(content);
  if (!type) throw new DomainError("REGISTER_ATTACHMENT_TYPE", `Tệp "${name}" không phải PDF, JPEG, PNG hay Word (.docx).`, { filename: name });
  const sha256 = createHash("sha256").update(content).digest("hex");
  return inTransaction(ctx, async (tx) => {
    const row = { register, record_id: recordId, filename: name, mime: TYPES[type], size: content.byteLength, sha256, created_by: userIdOf(actor), created_at: nowIso() };
    const { id } = await rdb(tx).insertInto("register_attachments").values({ ...row, content: Buffer.from(content) }).returning("id").executeTakeFirstOrThrow();
    const meta: AttachmentMeta = { id, register, recordId, filename: name, mime: row.mime, size: row.size, sha256, createdAt: row.created_at };
    await audit(tx.db, actor, "attachment.create", "attachment", id, null, meta);
    return meta;
  });
}

/** The files of a record (without their content). */
export async function listAttachments(ctx: Ctx, actor: Actor, register: string, recordId: number): Promise<AttachmentMeta[]> {
  await canRead(ctx, actor, await recordUnit(rdb(ctx), register, recordId));
  const rows = await rdb(ctx).selectFrom("register_attachments").select(["id", "register", "record_id", "filename", "mime", "size", "sha256", "created_at"])
    .where("register", "=", register).where("record_id", "=", recordId).orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, register: r.register, recordId: r.record_id, filename: r.filename, mime: r.mime, size: r.size, sha256: r.sha256, createdAt: r.created_at }));
}

/** One file with its content. */
export async function getAttachment(ctx: Ctx, actor: Actor, id: number): Promise<AttachmentMeta & { content: Buffer }> {
  const r = await rdb(ctx).selectFrom("register_attachments").selectAll().where("id", "=", id).executeTakeFirst();
  if (!r) throw new DomainError("ATTACHMENT_NOT_FOUND", `Không có tệp đính kèm #${id}.`);
  await canRead(ctx, actor, await recordUnit(rdb(ctx), r.register, r.record_id));
  return { id: r.id, register: r.register, recordId: r.record_id, filename: r.filename, mime: r.mime, size: r.size, sha256: r.sha256, createdAt: r.created_at, content: Buffer.from(r.content) };
}

/** Removes a file (audited). */
export async function deleteAttachment(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  const a = await getAttachment(ctx, actor, id);
  await canWrite(ctx, actor, await recordUnit(rdb(ctx), a.register, a.recordId));
  await inTransaction(ctx, async (tx) => {
    await rdb(tx).deleteFrom("register_attachments").where("id", "=", id).execute();
    await audit(tx.db, actor, "attachment.delete", "attachment", id, { ...a, content: undefined }, null);
  });
}
