/**
 * Rate limits whose counters live in the database, so every server process on one PostgreSQL
 * (or one SQLite file) counts the same requests. Two shapes:
 * - `countRequest`: N requests per user per minute on an expensive endpoint group (fixed window);
 * - `enterBackoff` / `backoffSucceeded`: failures (sign-in) counted per key; from the maximum on,
 *   each failure blocks the key for a delay that doubles, up to an hour.
 * Refusals are DomainError RATE_LIMITED with `retryAfter` seconds (→ 429 and Retry-After).
 */
import { createHash } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { sql } from "kysely";
import { storageFault } from "../db/errors.ts";
import { deleteCounters, hitWindow, lockCounters, pruneCounters, saveCounter, type CounterRow } from "./ratelimit.repository.ts";

/** The endpoint groups that cost the server most. */
export type Bucket = "extract" | "reports" | "import" | "dashboard" | "portal" | "lookup";

const BUCKET_LABEL: Record<Bucket, string> = {
  extract: "đọc số liệu từ văn bản",
  reports: "lập báo cáo",
  import: "nhập số liệu",
  dashboard: "tải bảng điều khiển",
  portal: "gửi ý kiến, phản ánh trên cổng công khai",
  lookup: "tra cứu mã theo dõi trên cổng công khai",
};

const MINUTE = 60_000;
const DAY = 24 * 3600_000;
let sincePrune = 0;

/** A key that names a person or an address without keeping it in clear (a password typed in the name field stays unreadable). */
export function hashedKey(prefix: string, value: string): string {
  return `${prefix}:${createHash("sha256").update(value).digest("base64url").slice(0, 22)}`;
}

/**
 * Counts one hit without waiting for a write lock: while another process writes a SQLite file (a CLI
 * import), a dashboard view must not wait seconds for its counter. Null when the lock is taken.
 */
async function hitWithoutWaiting(ctx: Ctx, key: string, now: number): Promise<CounterRow | null> {
  try {
    if (ctx.database.dialect !== "sqlite") return await hitWindow(ctx.db, key, MINUTE, now);
    // Hold SQLite's one connection so nothing else runs while its busy timeout is 0.
    return await ctx.db.connection().execute(async (db) => {
      const row = (await sql<Record<string, number>>`pragma busy_timeout`.execute(db)).rows[0];
      const was = row ? Number(Object.values(row)[0]) : 5000;
      await sql.raw("pragma busy_timeout = 0").execute(db);
      try {
        return await hitWindow(db, key, MINUTE, now);
      } finally {
        await sql.raw(`pragma busy_timeout = ${Number(was)}`).execute(db);
      }
    });
  } catch (e) {
    // Fail open: a limit that cannot be counted for a moment lets the request through.
    if (storageFault(e)?.code === "BUSY") return null;
    throw e;
  }
}

/** Counts one request of a user in a group; throws RATE_LIMITED past the configured limit per minute. */
export async function countRequest(ctx: Ctx, bucket: Bucket, userId: number | string, now = Date.now()): Promise<void> {
  const limit = ctx.config.rateLimits[bucket];
  if (limit <= 0) return;
  const c = await hitWithoutWaiting(ctx, `req:${bucket}:${userId}`, now);
  if (!c) return;
  await maybePrune(ctx, now).catch(() => undefined);
  if (c.hits > limit) {
    const retryAfter = Math.max(1, Math.ceil((c.windowStart + MINUTE - now) / 1000));
    throw new DomainError("RATE_LIMITED", `Bạn đã gửi quá nhiều yêu cầu ${BUCKET_LABEL[bucket]} (tối đa ${limit} lần mỗi phút). Vui lòng thử lại sau ${retryAfter} giây.`, {
      bucket, limit, retryAfter,
    });
  }
}

async function maybePrune(ctx: Ctx, now: number): Promise<void> {
  if (++sincePrune < 500) return;
  sincePrune = 0;
  await pruneCounters(ctx.db, now, 2 * DAY);
}

export interface BackoffRule {
  key: string;
  /** Failures counted before the key is blocked. */
  max: number;
}

export interface BackoffOptions {
  /** Failures are forgotten this long after the first one. */
  windowMs: number;
  /** The first block; each further failure doubles it. */
  lockMs: number;
  maxLockMs: number;
}

export interface BackoffResult {
  /** When > now, the attempt was refused unseen (a key was already blocked). */
  refusedUntil: number;
  /** When > now, this attempt reached a maximum: if it fails, the key stays blocked until then. */
  blockedUntil: number;
}

/**
 * Lets one attempt through the gate, or refuses it while a key is blocked. The attempt is counted
 * as a failure before it is checked (so parallel attempts cannot slip past the count); a key that
 * reaches its maximum is blocked at once, and `backoffSucceeded` lifts what a success should.
 */
export async function enterBackoff(ctx: Ctx, rules: BackoffRule[], opts: BackoffOptions, now = Date.now()): Promise<BackoffResult> {
  return inTransaction(ctx, async (tx) => {
    const rows = await lockCounters(tx.db, tx.database.dialect, rules.map((r) => r.key), now);
    const refusedUntil = Math.max(0, ...[...rows.values()].map((r) => r.blockedUntil).filter((t) => t > now));
    if (refusedUntil > now) return { refusedUntil, blockedUntil: refusedUntil };
    let blockedUntil = 0;
    for (const rule of rules) {
      const old = rows.get(rule.key) ?? { windowStart: now, hits: 0, blockedUntil: 0 };
      const fresh = old.windowStart <= now - opts.windowMs;
      const hits = (fresh ? 0 : old.hits) + 1;
      const block = hits >= rule.max ? now + Math.min(opts.lockMs * 2 ** Math.min(hits - rule.max, 30), opts.maxLockMs) : 0;
      blockedUntil = Math.max(blockedUntil, block);
      await saveCounter(tx.db, rule.key, { windowStart: fresh ? now : old.windowStart, hits, blockedUntil: block });
    }
    return { refusedUntil: 0, blockedUntil };
  });
}

/** After a successful attempt: `clear` keys forget their failures; `undo` keys take this attempt back. */
export async function backoffSucceeded(ctx: Ctx, clear: string[], undo: BackoffRule[], now = Date.now()): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await deleteCounters(tx.db, clear);
    const rows = await lockCounters(tx.db, tx.database.dialect, undo.map((r) => r.key), now);
    for (const rule of undo) {
      const r = rows.get(rule.key);
      if (!r) continue;
      const hits = Math.max(0, r.hits - 1);
      await saveCounter(tx.db, rule.key, { ...r, hits, blockedUntil: hits < rule.max ? 0 : r.blockedUntil });
    }
  });
}

/** Forgets keys (an administrator reset a password: the account's sign-in block ends). */
export async function clearCounters(ctx: Ctx, keys: string[]): Promise<void> {
  await deleteCounters(ctx.db, keys);
}
