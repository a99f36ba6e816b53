/**
 * Point reads: one row by its key (a session, a cache's version, a setting), read outside a
 * transaction. On SQLite with reader threads they go to a read-only connection on the main thread
 * (opened by openDatabase): a reader thread's round trip, queued behind a busy server's other events,
 * costs far more than the read itself.
 */
import type { Kysely } from "kysely";
import type { DB } from "./schema.ts";
import { prepared } from "./prepared.ts";

const points = new WeakMap<Kysely<DB>, Kysely<DB>>();

/** Records `point` as the point-read connection of `db` (done by openDatabase). */
export function registerPointReader(db: Kysely<DB>, point: Kysely<DB>): void {
  points.set(db, point);
}

/**
 * Where to read one row by its key: the database's point-read connection when `db` is the database
 * itself, else `db` (a transaction reads its own view; PostgreSQL and one-off commands have no
 * separate connection).
 */
export function pointReader(db: Kysely<DB>): Kysely<DB> {
  return points.get(db) ?? db;
}

/**
 * A read shared by callers that arrive together: each caller gets the answer of a read that started
 * after it called (never an older one); while one read is on its way, every caller that arrives
 * waits for the next one, which they all share. Under load one round trip serves many requests (a
 * cache's version, read by every request on PostgreSQL; the WAL's fsync, shared by the commits that
 * end together).
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = (): Promise<T> => (running = read().finally(() => (running = null)));
  return () => {
    if (!running) return start();
    next ??= running.then(() => undefined, () => undefined).then(() => {
      next = null;
      return running ?? start();
    });
    return next;
  };
}

const sharedSettingReads = new WeakMap<Kysely<DB>, Map<string, () => Promise<string | undefined>>>();

/**
 * The value of one settings row (a cache's version): inside a transaction, read there; outside,
 * through one read shared by the requests that ask at once (`sharedRead`).
 */
export function readSettingValue(db: Kysely<DB>, key: string): Promise<string | undefined> {
  if (db.isTransaction) return settingValue(db, key);
  let byKey = sharedSettingReads.get(db);
  if (!byKey) sharedSettingReads.set(db, (byKey = new Map()));
  let shared = byKey.get(key);
  if (!shared) byKey.set(key, (shared = sharedRead(() => settingValue(db, key))));
  return shared();
}

/** Read by every request (a cache's version), so built once (building cost more than SQLite's read). */
const settingRow = prepared(1, (db, key: string) => db.selectFrom("settings").select("value").where("key", "=", key));

async function settingValue(db: Kysely<DB>, key: string): Promise<string | undefined> {
  return (await settingRow(pointReader(db), key))[0]?.value;
}
