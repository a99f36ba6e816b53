/**
 * Sign-in and sessions (token in an http-only cookie; only its sha-256 is stored).
 *
 * Sign-in resists guessing: wrong passwords are counted per account name (known or not) and per
 * address in the database (every server process sees the same counts); from the limit on, the
 * account or address is refused for a delay that doubles with each further failure. Every answer
 * costs one scrypt of the configured cost, whether the user exists or not, so timing does not tell
 * who has an account. Failures and refusals are audited and logged without passwords or names.
 */
import { createHash, randomBytes } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import { inTransaction, type Ctx } from "../context.ts";
import type { Actor, Role } from "./actor.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { backoffSucceeded, enterBackoff, hashedKey, type BackoffRule } from "../ratelimit/ratelimit.ts";
import { pointReader, readSettingValue } from "../db/point.ts";

const tokenHash = (t: string) => createHash("sha256").update(t).digest("hex");

/** Who tries to sign in: the account name as typed and the client's address. */
export interface SignInAttempt {
  /** The client's address ("unknown" when the edge cannot tell). */
  ip?: string;
  /** Clock (ms), injectable for tests. */
  now?: number;
}

/** The actor the sign-in's own audit rows are written by (the person is not signed in yet). */
const SIGN_IN: Actor = { kind: "system", name: "sign-in" };

/** The rate-limit key of an account name as typed (hashed: people type passwords into the name field). */
export const accountKey = (username: string) => hashedKey("signin:account", username.trim().toLowerCase().normalize("NFC"));
const ipKey = (ip: string) => hashedKey("signin:ip", ip);

const dummies = new Map<number, Promise<string>>();
/**
 * A hash of a random password at the configured cost, verified when the account does not exist,
 * so an unknown name costs exactly what a known one does.
 */
export function dummyHashFor(cost: number): Promise<string> {
  let h = dummies.get(cost);
  if (!h) dummies.set(cost, (h = hashPassword(randomBytes(18).toString("base64url"), cost)));
  return h;
}

const costOf = (hash: string) => Number(hash.split("$")[1]);

/** "2 phút", "45 giây", "1 giờ" */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} giây`;
  if (seconds < 3600) return `${Math.ceil(seconds / 60)} phút`;
  return `${Math.round(seconds / 360) / 10} giờ`.replace(".", ",");
}

function lockedOut(until: number, now: number): DomainError {
  const retryAfter = Math.max(1, Math.ceil((until - now) / 1000));
  const at = new Date(until).toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });
  return new DomainError(
    "RATE_LIMITED",
    `Đăng nhập sai quá nhiều lần nên tạm bị khóa. Vui lòng thử lại sau ${waitText(retryAfter)} (lúc ${at}). Nếu quên mật khẩu, hãy nhờ quản trị viên đặt lại.`,
    { retryAfter, reason: "sign_in_locked" },
  );
}

/** Writes the audit row and the log line of a refused sign-in (no password, no name typed). */
async function recordFailure(ctx: Ctx, userId: number | null, unitId: number | null, reason: string, ip: string, blockedFor: number): Promise<void> {
  await inTransaction(ctx, (tx) => audit(tx.db, SIGN_IN, "session.fail", "user", userId, null, { reason, ip, ...(blockedFor > 0 ? { blockedSeconds: blockedFor } : {}) }, unitId));
  console.warn(`[danvan] sign-in refused: reason=${reason} account=${userId === null ? "unknown" : `#${userId}`}${blockedFor > 0 ? ` blocked=${blockedFor}s` : ""}`);
}

/** Checks a password and opens a session; returns the token for the cookie. */
export async function signIn(ctx: Ctx, username: string, password: string, attempt: SignInAttempt = {}): Promise<{ token: string; expiresAt: string; actor: Actor }> {
  const now = attempt.now ?? Date.now();
  const ip = attempt.ip ?? "unknown";
  const name = username.trim().toLowerCase();
  const limits = ctx.config.signIn;
  const rules: BackoffRule[] = [{ key: accountKey(name), max: limits.maxFailures }, { key: ipKey(ip), max: limits.maxFailuresPerIp }];
  const gate = await enterBackoff(ctx, rules, { windowMs: 24 * 3600_000, lockMs: limits.lockSeconds * 1000, maxLockMs: 3600_000 }, now);
  const r = await ctx.db.selectFrom("users").selectAll().where("username", "=", name).executeTakeFirst();
  if (gate.refusedUntil > now) {
    await recordFailure(ctx, r?.id ?? null, r?.unit_id ?? null, "locked", ip, 0);
    throw lockedOut(gate.refusedUntil, now);
  }
  const ok = await verifyPassword(password, r?.password_hash ?? (await dummyHashFor(ctx.config.passwordCost)));
  if (!r || !ok || r.active !== 1) {
    const blockedFor = gate.blockedUntil > now ? Math.ceil((gate.blockedUntil - now) / 1000) : 0;
    await recordFailure(ctx, r?.id ?? null, r?.unit_id ?? null, !r ? "unknown_user" : !ok ? "bad_password" : "inactive", ip, blockedFor);
    if (blockedFor > 0) throw lockedOut(gate.blockedUntil, now);
    throw new DomainError("BAD_CREDENTIALS", "Tên đăng nhập hoặc mật khẩu không đúng.");
  }
  await backoffSucceeded(ctx, [rules[0]!.key], [rules[1]!], now);
  // A hash made at an older cost is remade at the configured one, so every account costs the same.
  const rehash = costOf(r.password_hash) !== ctx.config.passwordCost ? await hashPassword(password, ctx.config.passwordCost) : null;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now + ctx.config.sessionHours * 3600_000).toISOString();
  const actor: Actor = { kind: "user", userId: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id };
  await inTransaction(ctx, async (tx) => {
    if (rehash) await tx.db.updateTable("users").set({ password_hash: rehash }).where("id", "=", r.id).execute();
    await tx.db.insertInto("sessions").values({ token_hash: tokenHash(token), user_id: r.id, created_at: new Date(now).toISOString(), expires_at: expiresAt }).execute();
    await audit(tx.db, actor, "session.create", "user", r.id, null, { ip }, r.unit_id);
  });
  return { token, expiresAt, actor };
}

/**
 * The actor of a session token, or null when unknown or expired. Known sessions are kept in memory
 * with the `sessions_version` read before they were looked up; the database bumps that counter
 * whenever a session ends or a user changes (triggers, migration 2026-12-10), so a request reads
 * only the counter (shared by the requests that arrive together) unless something changed.
 */
export async function actorOfSession(ctx: Ctx, token: string): Promise<Actor | null> {
  const hash = tokenHash(token);
  const version = (await readSettingValue(ctx.db, SESSIONS_VERSION)) ?? "";
  let cache = sessionCaches.get(ctx.db);
  if (!cache || cache.version !== version) sessionCaches.set(ctx.db, (cache = { version, byHash: new Map() }));
  let hit = cache.byHash.get(hash);
  if (!hit) {
    const r = await pointReader(ctx.db)
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select(["users.id", "users.username", "users.display_name", "users.role", "users.unit_id", "users.active", "sessions.expires_at"])
      .where("sessions.token_hash", "=", hash)
      .executeTakeFirst();
    if (!r || r.active !== 1) return null;
    hit = { expiresAt: r.expires_at, actor: { kind: "user", userId: r.id, username: r.username, displayName: r.display_name, role: r.role as Role, unitId: r.unit_id } };
    // A version read before the lookup tags it: a change committed after that read bumps past it.
    if (cache.byHash.size >= MAX_CACHED_SESSIONS) cache.byHash.clear();
    cache.byHash.set(hash, hit);
  }
  return hit.expiresAt < new Date().toISOString() ? null : hit.actor;
}

const SESSIONS_VERSION = "sessions_version";
const MAX_CACHED_SESSIONS = 20_000;
/** Per database: the sessions known at one `sessions_version`. */
const sessionCaches = new WeakMap<object, { version: string; byHash: Map<string, { expiresAt: string; actor: Actor }> }>();

/** Ends a session (audited as the user who signs out). */
export async function signOut(ctx: Ctx, token: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const s = await tx.db.selectFrom("sessions").innerJoin("users", "users.id", "sessions.user_id")
      .select(["users.id", "users.username", "users.display_name", "users.role", "users.unit_id"]).where("sessions.token_hash", "=", tokenHash(token)).executeTakeFirst();
    if (!s) return;
    await tx.db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
    const actor: Actor = { kind: "user", userId: s.id, username: s.username, displayName: s.display_name, role: s.role as Role, unitId: s.unit_id };
    await audit(tx.db, actor, "session.end", "user", s.id, null, null, s.unit_id);
  });
}

/** Ends a user's sessions except the one with `keepToken` (after their own password change). */
export async function endOtherSessions(ctx: Ctx, userId: number, keepToken: string | null): Promise<number> {
  let q = ctx.db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepToken) q = q.where("token_hash", "!=", tokenHash(keepToken));
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
