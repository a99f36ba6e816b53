/** SQL of the rate-limit counters (table rate_limits, migration 2026-12-05-rate-limits). */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { DialectName } from "../db/database.ts";

export interface RateLimitsTable {
  key: string;
  /** Start of the counting window, ms since 1970. */
  window_start: number;
  hits: number;
  /** Refused until this time (ms since 1970); 0 when not blocked. */
  blocked_until: number;
}

type RlDb = Kysely<{ rate_limits: RateLimitsTable }>;
const rl = (db: Kysely<DB>): RlDb => db as unknown as RlDb;

export interface CounterRow {
  windowStart: number;
  hits: number;
  blockedUntil: number;
}

/**
 * Counts one hit in a fixed window, atomically (one upsert, so several processes agree):
 * a window older than `windowMs` starts again at 1. Returns the counter after the hit.
 */
export async function hitWindow(db: Kysely<DB>, key: string, windowMs: number, now: number): Promise<CounterRow> {
  const expired = sql<boolean>`rate_limits.window_start <= ${now - windowMs}`;
  const r = await rl(db)
    .insertInto("rate_limits")
    .values({ key, window_start: now, hits: 1, blocked_until: 0 })
    .onConflict((oc) => oc.column("key").doUpdateSet({
      hits: sql<number>`case when ${expired} then 1 else rate_limits.hits + 1 end`,
      window_start: sql<number>`case when ${expired} then ${now} else rate_limits.window_start end`,
    }))
    .returning(["window_start", "hits", "blocked_until"])
    .executeTakeFirstOrThrow();
  return { windowStart: Number(r.window_start), hits: Number(r.hits), blockedUntil: Number(r.blocked_until) };
}

/** Reads counters and holds them until the transaction ends (rows created at zero when missing). */
export async function lockCounters(db: Kysely<DB>, dialect: DialectName, keys: string[], now: number): Promise<Map<string, CounterRow>> {
  for (const key of keys) {
    await rl(db).insertInto("rate_limits").values({ key, window_start: now, hits: 0, blocked_until: 0 }).onConflict((oc) => oc.column("key").doNothing()).execute();
  }
  // SQLite transactions here take the write lock at BEGIN, so only PostgreSQL needs row locks.
  let q = rl(db).selectFrom("rate_limits").selectAll().where("key", "in", keys);
  if (dialect === "postgres") q = q.forUpdate();
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.key, { windowStart: Number(r.window_start), hits: Number(r.hits), blockedUntil: Number(r.blocked_until) }]));
}

/** Writes a counter's new state. */
export async function saveCounter(db: Kysely<DB>, key: string, c: CounterRow): Promise<void> {
  await rl(db).updateTable("rate_limits").set({ window_start: c.windowStart, hits: c.hits, blocked_until: c.blockedUntil }).where("key", "=", key).execute();
}

/** Forgets counters (after a success, or an administrator's reset). */
export async function deleteCounters(db: Kysely<DB>, keys: string[]): Promise<void> {
  if (keys.length) await rl(db).deleteFrom("rate_limits").where("key", "in", keys).execute();
}

/** Removes counters nobody has touched for `ageMs` and that block nothing. */
export async function pruneCounters(db: Kysely<DB>, now: number, ageMs: number): Promise<void> {
  await rl(db).deleteFrom("rate_limits").where("window_start", "<", now - ageMs).where("blocked_until", "<", now).execute();
}

/** One counter, for tests and the CLI. */
export async function readCounter(db: Kysely<DB>, key: string): Promise<CounterRow | null> {
  const r = await rl(db).selectFrom("rate_limits").selectAll().where("key", "=", key).executeTakeFirst();
  return r ? { windowStart: Number(r.window_start), hits: Number(r.hits), blockedUntil: Number(r.blocked_until) } : null;
}
