/** Users: creation, administration, own password change (sign-in and sessions: session.service.ts). */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import { isUniqueViolation } from "../db/errors.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { ROLES, type Actor, type Role } from "./actor.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { requireAbility, requireScope } from "./policy.ts";
import { newPassword, passwordProblem, PASSWORD_MAX } from "./password-policy.ts";
import { accountKey, endOtherSessions } from "./session.service.ts";
import { clearCounters } from "../ratelimit/ratelimit.ts";
import { id as idType } from "../core/input.ts";

/** Throws VALIDATION (detail PASSWORD_WEAK) when the password contains the user's own name. */
function requireOwnNameAbsent(password: string, who: { username: string; displayName: string }): void {
  const problem = passwordProblem(password, who);
  if (problem) throw new DomainError("VALIDATION", `Dữ liệu gửi lên không hợp lệ: password: ${problem}`, [{ path: "password", message: problem, code: "PASSWORD_WEAK" }]);
}

/** An e-mail address for reminders (lower-cased); empty or null: none. */
const email = z.union([z.literal(""), z.null(), z.string().trim().toLowerCase().max(254).pipe(z.email({ message: "Địa chỉ e-mail không hợp lệ." }))])
  .transform((v) => (v ? v : null));

export const NewUserSchema = z.object({
  username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/, "Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, . _ -"),
  displayName: z.string().trim().min(2).max(120),
  password: newPassword,
  role: z.enum(ROLES as [Role, ...Role[]]),
  unitId: idType,
  email: email.optional(),
});
export type NewUser = z.input<typeof NewUserSchema>;

export interface UserInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  active: boolean;
  /** Where reminders are e-mailed; null: in the app only. */
  email: string | null;
}

/**
 * Creates a user; an administrator may only create users inside their own scope. The password
 * policy applies, except for the demo seed (`{ demo: true }`), whose published password it refuses
 * on purpose so no real account can take it.
 */
export async function createUser(ctx: Ctx, actor: Actor, input: NewUser, opts: { demo?: boolean } = {}): Promise<UserInfo> {
  requireAbility(actor, "users.manage");
  const u = (opts.demo ? NewUserSchema.extend({ password: z.string().min(1).max(PASSWORD_MAX) }) : NewUserSchema).parse(input);
  if (!opts.demo) requireOwnNameAbsent(u.password, u);
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
      created_at: new Date().toISOString(), email: u.email ?? null,
    }).returning("id").executeTakeFirstOrThrow();
    const info = { id: r.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId, active: true, email: u.email ?? null };
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
  unitId: idType.optional(),
  active: z.boolean().optional(),
  password: newPassword.optional(),
  email: email.optional(),
}).strict();
export type UserPatch = z.input<typeof UserPatchSchema>;

const info = (r: { id: number; username: string; display_name: string; role: string; unit_id: number; active: number; email: string | null }): UserInfo => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id, active: r.active === 1, email: r.email,
});

/**
 * Changes a user's name, role, unit, lock, e-mail or password. The user and the new unit must be in the
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
    if (p.password !== undefined) requireOwnNameAbsent(p.password, { username: r.username, displayName: p.displayName ?? r.display_name });
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
      ...(p.email !== undefined ? { email: p.email } : {}),
    }).where("id", "=", id).execute();
    if (p.active === false || hash !== undefined || (p.role !== undefined && p.role !== r.role) || (p.unitId !== undefined && p.unitId !== r.unit_id)) {
      await tx.db.deleteFrom("sessions").where("user_id", "=", id).execute();
    }
    const after = info({ ...r, display_name: p.displayName?.normalize("NFC") ?? r.display_name, role: p.role ?? r.role, unit_id: p.unitId ?? r.unit_id, active: p.active === undefined ? r.active : p.active ? 1 : 0, email: p.email === undefined ? r.email : p.email });
    await audit(tx.db, actor, hash !== undefined ? "user.update+password_reset" : "user.update", "user", id, before, after, after.unitId);
    // A reset (or unlocking) also ends a sign-in block from wrong passwords.
    if (hash !== undefined || p.active === true) await clearCounters(tx, [accountKey(r.username)]);
    return after;
  });
}

export const PasswordChangeSchema = z.object({
  current: z.string().min(1).max(PASSWORD_MAX),
  password: newPassword,
});

/**
 * A signed-in user changes their own password (the current one is checked first). Their other
 * sessions end (a stolen session does not outlive the change); the one in `keepToken` stays.
 */
export async function changeOwnPassword(ctx: Ctx, actor: Actor, input: z.input<typeof PasswordChangeSchema>, keepToken: string | null = null): Promise<{ ok: true; endedSessions: number }> {
  if (actor.kind !== "user") throw new DomainError("FORBIDDEN", "Chỉ người dùng đã đăng nhập mới đổi được mật khẩu.");
  const p = PasswordChangeSchema.parse(input);
  const r = await ctx.db.selectFrom("users").select(["password_hash", "username", "display_name"]).where("id", "=", actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(p.current, r.password_hash))) throw new DomainError("BAD_PASSWORD", "Mật khẩu hiện tại không đúng.");
  if (p.current === p.password) throw new DomainError("VALIDATION", "Mật khẩu mới phải khác mật khẩu hiện tại.");
  requireOwnNameAbsent(p.password, { username: r.username, displayName: r.display_name });
  const hash = await hashPassword(p.password, ctx.config.passwordCost);
  const endedSessions = await inTransaction(ctx, async (tx) => {
    await tx.db.updateTable("users").set({ password_hash: hash }).where("id", "=", actor.userId).execute();
    const ended = await endOtherSessions(tx, actor.userId, keepToken);
    await audit(tx.db, actor, "user.password_change", "user", actor.userId, null, { endedSessions: ended }, actor.unitId);
    return ended;
  });
  return { ok: true, endedSessions };
}

export { actorOfSession, signIn, signOut } from "./session.service.ts";
