/** Users, sign-in and sessions (token in an http-only cookie; only its hash is stored). */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
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
  return inTransaction(ctx, async (tx) => {
    const exists = await tx.db.selectFrom("users").select("id").where("username", "=", u.username).executeTakeFirst();
    if (exists) throw new DomainError("USER_EXISTS", `Tên đăng nhập "${u.username}" đã được dùng.`);
    const r = await tx.db.insertInto("users").values({
      username: u.username, display_name: u.displayName.normalize("NFC"), password_hash: hash, role: u.role, unit_id: u.unitId, active: 1,
      created_at: new Date().toISOString(),
    }).returning("id").executeTakeFirstOrThrow();
    const info = { id: r.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId, active: true };
    await audit(tx.db, actor, "user.create", "user", r.id, null, info);
    return info;
  });
}

/** Lists users (administrators see those in their scope). */
export async function listUsers(ctx: Ctx, actor: Actor): Promise<UserInfo[]> {
  requireAbility(actor, "users.manage");
  const h = await hierarchyOf(ctx);
  const rows = await ctx.db.selectFrom("users").selectAll().orderBy("username").execute();
  return rows
    .filter((r) => actor.kind === "system" || h.isAncestorOrSelf(actor.unitId, r.unit_id))
    .map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id, active: r.active === 1 }));
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
    await audit(tx.db, actor, "session.create", "user", r.id, null, null);
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
