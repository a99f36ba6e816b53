/**
 * Figures carry a version: a save names the version it was made from, and a newer stored one
 * refuses it (CONFLICT) instead of being silently overwritten.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, _d: Dialect): Promise<void> {
  await sql`alter table figures add column version integer not null default 1`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table figures drop column version`.execute(db);
}
