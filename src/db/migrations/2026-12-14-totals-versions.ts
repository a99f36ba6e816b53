/**
 * A version per indicator-year, raised by every transaction that changes what its totals count
 * (figures, report states, register records, lineage, rebuilds) and committed with that change.
 * A commune's or a village's totals are computed when asked (src/totals/totals.leaves.ts); a
 * server keeps what it computed under the version it read first, and uses it again while the
 * version stands, whichever server wrote since.
 */
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table totals_versions (indicator text not null, year integer not null, version integer not null, primary key (indicator, year))`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table totals_versions`.execute(db);
}
