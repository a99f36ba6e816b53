/**
 * The denouncer's identity (Luật Tố cáo 2018, số 25/2018/QH14, Điều 47 khoản 2: "Người tố cáo được
 * bảo vệ bí mật thông tin cá nhân"; Điều 9 khoản 1 điểm b: họ tên, địa chỉ, bút tích và thông tin cá
 * nhân khác). For petitions of type tố cáo, the petitioner's name, address, phone number and the
 * attachments (letters in the denouncer's hand) are shown only to the people handling the case:
 * - users assigned to the petition (petition_handlers), by an administrator in scope or by a
 *   handler who may write;
 * - the user who entered it;
 * - holders of a role listed in the settings' toCaoHandlerRoles (national, or the province's own)
 *   whose unit is the petition's own unit (the commune that received it).
 * Everyone else — the province above, national administrators, viewers, the command line — sees
 * MASK in lists, exports, the overdue list and the audit log, cannot download the attachments and
 * cannot find a tố cáo by the denouncer's name (those fields are not in its search columns).
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { audit, registerAuditView, type AuditEntry } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { abilitiesOf, inScope } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import { chunks, nowIso, userIdOf } from "./common.ts";
import { registerSettingsFor } from "./settings.ts";
import { IDENTITY_MASK } from "./vocabulary.ts";

/** What a reader who does not handle a tố cáo sees in place of the denouncer's details. */
export const MASK = IDENTITY_MASK;
/** The legal basis, quoted in messages. */
export const BASIS = "Luật Tố cáo 2018 Điều 47";

/** The facts that decide who handles a petition. */
export interface HandledFacts {
  id: number;
  unitId: number;
  type: string;
  createdBy: number | null;
}

/** The fields that identify a petitioner. */
export interface Identity {
  petitioner: string;
  address: string | null;
  phone: string | null;
}

/** Pure: the petition with its identity replaced by MASK (absent values stay absent). */
export function masked<T extends Identity>(p: T): T & { identityHidden: true } {
  return { ...p, petitioner: MASK, address: p.address === null ? null : MASK, phone: p.phone === null ? null : MASK, identityHidden: true };
}

/** Pure: true when the petition's identity is protected (a tố cáo). */
export const isConfidential = (p: { type: string }) => p.type === "to_cao";

/**
 * Who may see the identity of which petitions, for one reader: loads the reader's assignments for
 * the given petitions once, so a list of thousands costs one query.
 */
export async function identityAccess(ctx: Ctx, actor: Actor, petitions: readonly HandledFacts[]): Promise<(p: HandledFacts) => boolean> {
  if (actor.kind === "system") return (p) => !isConfidential(p);
  const ids = petitions.filter(isConfidential).map((p) => p.id);
  const assigned = new Set<number>();
  for (const part of chunks(ids)) {
    const rows = await ctx.db.selectFrom("petition_handlers").select("petition_id").where("user_id", "=", actor.userId).where("petition_id", "in", part).execute();
    for (const r of rows) assigned.add(r.petition_id);
  }
  const h = await hierarchyOf(ctx);
  const today = ctx.today();
  const byRole = new Map<number, boolean>();
  for (const p of petitions) {
    if (!isConfidential(p) || byRole.has(p.unitId)) continue;
    const own = p.unitId === actor.unitId || h.placeAt(p.unitId, today).unitId === actor.unitId;
    byRole.set(p.unitId, own && (await registerSettingsFor(ctx.db, h, p.unitId)).toCaoHandlerRoles.includes(actor.role));
  }
  return (p) => !isConfidential(p) || assigned.has(p.id) || p.createdBy === actor.userId || byRole.get(p.unitId) === true;
}

/** Throws PETITION_CONFIDENTIAL unless the reader handles this tố cáo. */
export async function requireIdentityAccess(ctx: Ctx, actor: Actor, p: HandledFacts, what: string): Promise<void> {
  if (!(await identityAccess(ctx, actor, [p]))(p)) {
    throw new DomainError("PETITION_CONFIDENTIAL", `${what}: thông tin người tố cáo chỉ người được giao giải quyết vụ việc mới xem, sửa được (${BASIS}).`, { petitionId: p.id });
  }
}

async function facts(ctx: Ctx, petitionId: number): Promise<HandledFacts> {
  const r = await ctx.db.selectFrom("petitions").select(["id", "unit_id", "type", "created_by"]).where("id", "=", petitionId).executeTakeFirst();
  if (!r) throw new DomainError("PETITION_NOT_FOUND", `Không có đơn thư #${petitionId}.`, { id: petitionId });
  return { id: r.id, unitId: r.unit_id, type: r.type, createdBy: r.created_by };
}

export interface Handler {
  userId: number;
  username: string;
  displayName: string;
  assignedAt: string;
}

/**
 * May the actor assign handlers of the petition: an administrator whose scope holds it, or a
 * handler who may write (a commune officer bringing in a colleague).
 */
async function mayAssign(ctx: Ctx, h: Hierarchy, actor: Actor, p: HandledFacts): Promise<boolean> {
  if (!inScope(h, actor, p.unitId, ctx.today())) return false;
  const can = abilitiesOf(actor);
  if (can.includes("users.manage")) return true;
  return can.includes("figures.write") && (await identityAccess(ctx, actor, [p]))(p);
}

/** The petition's assigned handlers, and who could be assigned (users whose scope holds the petition). */
export async function listHandlers(ctx: Ctx, actor: Actor, petitionId: number): Promise<{ handlers: Handler[]; canAssign: boolean; candidates: Handler[] }> {
  const p = await facts(ctx, petitionId);
  const h = await hierarchyOf(ctx);
  if (!inScope(h, actor, p.unitId, ctx.today()) || !abilitiesOf(actor).includes("figures.read")) {
    throw new DomainError("OUT_OF_SCOPE", "Đơn thư nằm ngoài phạm vi được giao cho bạn.", { petitionId });
  }
  const db = ctx.db;
  const rows = await db.selectFrom("petition_handlers").innerJoin("users", "users.id", "petition_handlers.user_id")
    .select(["users.id", "users.username", "users.display_name", "petition_handlers.assigned_at"]).where("petition_id", "=", petitionId).orderBy("petition_handlers.id").execute();
  const handlers = rows.map((r) => ({ userId: r.id, username: r.username, displayName: r.display_name, assignedAt: r.assigned_at }));
  const canAssign = await mayAssign(ctx, h, actor, p);
  let candidates: Handler[] = [];
  if (canAssign) {
    const taken = new Set(handlers.map((x) => x.userId));
    const users = await db.selectFrom("users").select(["id", "username", "display_name", "unit_id"]).where("active", "=", 1).orderBy("username").execute();
    candidates = users.filter((u) => !taken.has(u.id) && h.get(u.unit_id) && inScope(h, { kind: "user", userId: u.id, username: u.username, displayName: u.display_name, role: "viewer", unitId: u.unit_id }, p.unitId, ctx.today()))
      .map((u) => ({ userId: u.id, username: u.username, displayName: u.display_name, assignedAt: "" }));
  }
  return { handlers, canAssign, candidates };
}

export const HandlerChangeSchema = z.object({
  /** The user to assign or remove. */
  userId: z.number().int().positive(),
  /** true assigns, false removes the assignment. */
  assigned: z.boolean().default(true),
});

/** Assigns (or removes) a handler of a petition; audited on the petition's unit. */
export async function setHandler(ctx: Ctx, actor: Actor, petitionId: number, input: unknown): Promise<{ handlers: Handler[] }> {
  const v = HandlerChangeSchema.parse(input);
  const p = await facts(ctx, petitionId);
  const h = await hierarchyOf(ctx);
  if (!(await mayAssign(ctx, h, actor, p))) {
    throw new DomainError("FORBIDDEN", `Chỉ quản trị viên hoặc người đang giải quyết vụ việc mới giao được người giải quyết (${BASIS}).`, { petitionId });
  }
  const u = await ctx.db.selectFrom("users").select(["id", "username", "display_name", "unit_id", "active"]).where("id", "=", v.userId).executeTakeFirst();
  if (!u || u.active !== 1) throw new DomainError("USER_NOT_FOUND", `Không có người dùng #${v.userId} đang hoạt động.`, { userId: v.userId });
  const holder: Actor = { kind: "user", userId: u.id, username: u.username, displayName: u.display_name, role: "viewer", unitId: u.unit_id };
  if (v.assigned && !inScope(h, holder, p.unitId, ctx.today())) {
    // The name only of someone the actor may see (another province's people stay unnamed).
    const who = inScope(h, actor, u.unit_id, ctx.today()) ? u.display_name : `người dùng #${u.id}`;
    throw new DomainError("OUT_OF_SCOPE", `Đơn thư nằm ngoài phạm vi của ${who}: chỉ giao được cho người có đơn vị quản lý đơn này.`, { userId: u.id });
  }
  await inTransaction(ctx, async (tx) => {
    const db = tx.db;
    if (v.assigned) {
      await db.insertInto("petition_handlers").values({ petition_id: p.id, user_id: u.id, assigned_by: userIdOf(actor), assigned_at: nowIso() })
        .onConflict((oc) => oc.columns(["petition_id", "user_id"]).doNothing()).execute();
    } else {
      await db.deleteFrom("petition_handlers").where("petition_id", "=", p.id).where("user_id", "=", u.id).execute();
    }
    await audit(tx.db, actor, v.assigned ? "petition.handler.assign" : "petition.handler.remove", "petition", p.id, null, { userId: u.id, username: u.username }, p.unitId);
  });
  return { handlers: (await listHandlers(ctx, actor, petitionId)).handlers };
}

const IDENTITY_KEYS = ["petitioner", "address", "phone"] as const;

/** Masks identity fields in an audit value (a petition, or a patch naming some of its fields). */
function maskValue(v: unknown): unknown {
  if (!v || typeof v !== "object" || Array.isArray(v)) return v;
  const o = { ...(v as Record<string, unknown>) };
  for (const k of IDENTITY_KEYS) if (k in o && o[k] !== null) o[k] = MASK;
  return o;
}

/** Audit rows of petitions and their attachments, with the identity masked for non-handlers. */
async function petitionRows(ctx: Ctx, actor: Actor, rows: AuditEntry[]): Promise<AuditEntry[]> {
  const petitionOf = (r: AuditEntry): number | null => {
    if (r.entity === "petition") return Number(r.entityId);
    const a = (r.after ?? r.before) as { register?: string; recordId?: number } | null;
    return a?.register === "petitions" && typeof a.recordId === "number" ? a.recordId : null;
  };
  const ids = [...new Set(rows.map(petitionOf).filter((x): x is number => x !== null))];
  const found = new Map<number, HandledFacts>();
  for (const part of chunks(ids)) {
    const rs = await ctx.db.selectFrom("petitions").select(["id", "unit_id", "type", "created_by"]).where("id", "in", part).execute();
    for (const r of rs) found.set(r.id, { id: r.id, unitId: r.unit_id, type: r.type, createdBy: r.created_by });
  }
  const may = await identityAccess(ctx, actor, [...found.values()]);
  return rows.map((r) => {
    const id = petitionOf(r);
    if (id === null) return r;
    // A petition no longer stored is judged by its type as written in the row.
    const f = found.get(id) ?? { id, unitId: r.unitId ?? -1, type: String(((r.after ?? r.before) as { type?: string } | null)?.type ?? "to_cao"), createdBy: null };
    if (may(f)) return r;
    if (r.entity === "attachment") return { ...r, before: r.before && { ...(r.before as object), filename: MASK }, after: r.after && { ...(r.after as object), filename: MASK } };
    return { ...r, before: maskValue(r.before), after: maskValue(r.after) };
  });
}
registerAuditView(["petition", "attachment"], petitionRows);
