/**
 * Rate-limit counters shared by every server process on one database: one row per key (a user and
 * an endpoint group, a sign-in account or address), upserted on each counted request.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  // Times are milliseconds since 1970 (bigint: past 2^31).
  const ms = d === "postgres" ? sql`bigint` : sql`integer`;
  await sql`create table rate_limits (
    key text primary key, window_start ${ms} not null, hits integer not null, blocked_until ${ms} not null default 0
  )`.execute(db);
  await sql`create index rate_limits_window on rate_limits(window_start)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists rate_limits`.execute(db);
}
