/** Users, sign-in and sessions (token in an http-only cookie; only its hash is stored). */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { ROLES, type Actor, type Role } from "./actor.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { requireAbility, requireScope } from "./policy.ts";

export const NewUserSchema = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/, "Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, . _ -"),
  displayName: z.string().trim().min(2).max(120),
  password: z.string().min(8, "Mật khẩu tối thiểu 8 ký tự").max(200),
  role: z.enum(ROLES as [Role, ...Role[]]),
  unitId: z.number().int().positive(),
});
export type NewUser = z.input<typeof NewUserSchema>;

export interface UserInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  active: boolean;
}

/** Creates a user; an administrator may only create users inside their own scope. */
export async function createUser(ctx: Ctx, actor: Actor, input: NewUser): Promise<UserInfo> {
  requireAbility(actor, "users.manage");
  const u = NewUserSchema.parse(input);
  const h = await hierarchyOf(ctx);
  h.require(u.unitId);
  requireScope(h, actor, [u.unitId], ctx.today());
  const hash = await hashPassword(u.password, ctx.config.passwordCost);
  const taken = () => new DomainError("USER_EXISTS", `Tên đăng nhập "${u.username}" đã được dùng.`, { username: u.username });
  return inTransaction(ctx, async (tx) => {
    const exists = await tx.db.selectFrom("users").select("id").where("username", "=", u.username).executeTakeFirst();
    if (exists) throw taken();
    const r = await tx.db.insertInto("users").values({
      username: u.username, display_name: u.displayName.normalize("NFC"), password_hash: hash, role: u.role, unit_id: u.unitId, active: 1,
      created_at: new Date().toISOString(),
    }).returning("id").executeTakeFirstOrThrow();
    const info = { id: r.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId, active: true };
    await audit(tx.db, actor, "user.create", "user", r.id, null, info, u.unitId);
    return info;
  }).catch((e: unknown) => {
    // The same name created in parallel: the second insert meets the unique index.
    throw isUniqueViolation(e) ? taken() : e;
  });
}

/** Lists users (administrators see those in their scope), with their unit's name. */
export async function listUsers(ctx: Ctx, actor: Actor): Promise<Array<UserInfo & { unitName: string | null }>> {
  requireAbility(actor, "users.manage");
  const h = await hierarchyOf(ctx);
  const rows = await ctx.db.selectFrom("users").selectAll().orderBy("username").execute();
  return rows
    .filter((r) => actor.kind === "system" || h.isAncestorOrSelf(actor.unitId, r.unit_id))
    .map((r) => ({ ...info(r), unitName: h.get(r.unit_id)?.fullName ?? null }));
}

/** What an administrator may change on a user; a new password is a reset (the user's sessions end). */
export const UserPatchSchema = z.object({
  displayName: z.string().trim().min(2).max(120).optional(),
  role: z.enum(ROLES as [Role, ...Role[]]).optional(),
  unitId: z.number().int().positive().optional(),
  active: z.boolean().optional(),
  password: z.string().min(8, "Mật khẩu tối thiểu 8 ký tự").max(200).optional(),
}).strict();
export type UserPatch = z.input<typeof UserPatchSchema>;

const info = (r: { id: number; username: string; display_name: string; role: string; unit_id: number; active: number }): UserInfo => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id, active: r.active === 1,
});

/**
 * Changes a user's name, role, unit, lock or password. The user and the new unit must be in the
 * administrator's scope; administrators cannot lock themselves out or take away their own role.
 * Locking a user or resetting the password ends the user's sessions.
 */
export async function updateUser(ctx: Ctx, actor: Actor, id: number, input: UserPatch): Promise<UserInfo> {
  requireAbility(actor, "users.manage");
  const p = UserPatchSchema.parse(input);
  const h = await hierarchyOf(ctx);
  const hash = p.password === undefined ? undefined : await hashPassword(p.password, ctx.config.passwordCost);
  return inTransaction(ctx, async (tx) => {
    const r = await tx.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    if (!r) throw new DomainError("USER_NOT_FOUND", `Không có người dùng #${id}.`, { id });
    requireScope(h, actor, [r.unit_id], ctx.today());
    if (p.unitId !== undefined) {
      h.require(p.unitId);
      requireScope(h, actor, [p.unitId], ctx.today());
    }
    const self = actor.kind === "user" && actor.userId === id;
    if (self && (p.active === false || (p.role !== undefined && p.role !== r.role) || (p.unitId !== undefined && p.unitId !== r.unit_id))) {
      throw new DomainError("USER_SELF_LOCKOUT", "Không thể tự khóa, tự đổi vai trò hay đơn vị của chính mình; nhờ một quản trị viên khác.");
    }
    const before = info(r);
    await tx.db.updateTable("users").set({
      ...(p.displayName !== undefined ? { display_name: p.displayName.normalize("NFC") } : {}),
      ...(p.role !== undefined ? { role: p.role } : {}),
      ...(p.unitId !== undefined ? { unit_id: p.unitId } : {}),
      ...(p.active !== undefined ? { active: p.active ? 1 : 0 } : {}),
      ...(hash !== undefined ? { password_hash: hash } : {}),
    }).where("id", "=", id).execute();
    if (p.active === false || hash !== undefined || (p.role !== undefined && p.role !== r.role) || (p.unitId !== undefined && p.unitId !== r.unit_id)) {
      await tx.db.deleteFrom("sessions").where("user_id", "=", id).execute();
    }
    const after = info({ ...r, display_name: p.displayName?.normalize("NFC") ?? r.display_name, role: p.role ?? r.role, unit_id: p.unitId ?? r.unit_id, active: p.active === undefined ? r.active : p.active ? 1 : 0 });
    await audit(tx.db, actor, hash !== undefined ? "user.update+password_reset" : "user.update", "user", id, before, after, after.unitId);
    return after;
  });
}

export const PasswordChangeSchema = z.object({
  current: z.string().min(1).max(200),
  password: z.string().min(8, "Mật khẩu tối thiểu 8 ký tự").max(200),
});

/** A signed-in user changes their own password (the current one is checked first). */
export async function changeOwnPassword(ctx: Ctx, actor: Actor, input: z.input<typeof PasswordChangeSchema>): Promise<{ ok: true }> {
  if (actor.kind !== "user") throw new DomainError("FORBIDDEN", "Chỉ người dùng đã đăng nhập mới đổi được mật khẩu.");
  const p = PasswordChangeSchema.parse(input);
  const r = await ctx.db.selectFrom("users").select(["password_hash"]).where("id", "=", actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(p.current, r.password_hash))) throw new DomainError("BAD_PASSWORD", "Mật khẩu hiện tại không đúng.");
  if (p.current === p.password) throw new DomainError("VALIDATION", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  const hash = await hashPassword(p.password, ctx.config.passwordCost);
  await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable("users").set({ password_hash: hash }).where("id", "=", actor.userId).execute();
    await audit(tx.db, actor, "user.password_change", "user", actor.userId, null, null, actor.unitId);
  });
  return { ok: true };
}

const tokenHash = (t: string) => createHash("sha256").update(t).digest("hex");

/** Checks a password and opens a session; returns the token for the cookie. */
export async function signIn(ctx: Ctx, username: string, password: string): Promise<{ token: string; expiresAt: string; actor: Actor }> {
  const r = await ctx.db.selectFrom("users").selectAll().where("username", "=", username.trim().toLowerCase()).executeTakeFirst();
  // Verify against a dummy hash when the user is unknown, so timing does not tell who exists.
  const ok = await verifyPassword(password, r?.password_hash ?? "scrypt$10$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  if (!r || !ok || r.active !== 1) throw new DomainError("BAD_CREDENTIALS", "Tên đăng nhập hoặc mật khẩu không đúng.");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + ctx.config.sessionHours * 3600_000).toISOString();
  const actor: Actor = { kind: "user", userId: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id };
  await inTransaction(ctx, async (tx) => {
    await tx.db.insertInto("sessions").values({ token_hash: tokenHash(token), user_id: r.id, created_at: new Date().toISOString(), expires_at: expiresAt }).execute();
    await audit(tx.db, actor, "session.create", "user", r.id, null, null, r.unit_id);
  });
  return { token, expiresAt, actor };
}

/** The actor of a session token, or null when unknown or expired. */
export async function actorOfSession(ctx: Ctx, token: string): Promise<Actor | null> {
  const r = await ctx.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.username", "users.display_name", "users.role", "users.unit_id", "users.active", "sessions.expires_at"])
    .where("sessions.token_hash", "=", tokenHash(token))
    .executeTakeFirst();
  if (!r || r.active !== 1 || r.expires_at < new Date().toISOString()) return null;
  return { kind: "user", userId: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id };
}

/** Ends a session. */
export async function signOut(ctx: Ctx, token: string): Promise<void> {
  await ctx.db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
}
