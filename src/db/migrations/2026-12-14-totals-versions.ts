/**
 * Versions of what totals count, raised by every transaction that changes it and committed with
 * that change: per indicator-year and computed target (a commune or a village: unit_id), and per
 * indicator-year as a whole (unit_id 0: rebuilds, lineage changes). A commune's or a village's
 * totals are computed when asked (src/totals/totals.leaves.ts); a server keeps what it computed
 * under the versions it read first, and uses it again while they stand, whichever server wrote since.
 */
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table totals_versions (indicator text not null, year integer not null, unit_id integer not null, version integer not null, primary key (indicator, year, unit_id))`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table totals_versions`.execute(db);
}
