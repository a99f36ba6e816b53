/**
 * Point reads: one row by its key (a session, a cache's version, a setting), read outside a
 * transaction. On SQLite with reader threads they go to a read-only connection on the main thread
 * (opened by openDatabase): a reader thread's round trip, queued behind a busy server's other events,
 * costs far more than the read itself.
 */
import type { Kysely } from "kysely";
import type { DB } from "./schema.ts";

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
