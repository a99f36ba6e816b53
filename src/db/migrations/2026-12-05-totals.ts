/**
 * Maintained totals (src/totals): one row per (structure, unit, indicator, standard period,
 * disaggregation) with, for each basis (approved / submitted / all), the value and how many
 * figures were counted, set aside, not allocated and estimated. Corrections keep what area totals
 * change, so they can be recomputed. Both are kept in the same transaction as every write.
 * The key starts with indicator and period: reads ask for a few indicators and periods of some
 * units, and recomputing an indicator-year clears one key range.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

const BASES = ["a", "s", "all"];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const cols = BASES.map((b) => `v_${b} double precision not null default 0, n_${b} integer not null default 0, x_${b} integer not null default 0, u_${b} integer not null default 0, e_${b} integer not null default 0`).join(", ");
  // SQLite: the key is the table (WITHOUT ROWID), so a total is one B-tree lookup.
  const tail = d === "sqlite" ? sql` without rowid` : sql``;
  await sql`create table totals (
    structure integer not null, unit_id integer not null, indicator text not null, period text not null, disagg text not null,
    ${sql.raw(cols)},
    primary key (indicator, period, structure, unit_id, disagg)
  )${tail}`.execute(db);
  await sql`create table total_corrections (
    structure integer not null, unit_id integer not null, indicator text not null, period text not null, disagg text not null,
    data text not null,
    primary key (indicator, period, structure, unit_id, disagg)
  )`.execute(db);
  // Area totals are looked up per indicator and year on every write.
  await sql`create index figures_area on figures(indicator, year, unit_id) where kind = 'area'`.execute(db);
  await sql`create index submissions_unit on submissions(unit_id, period)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists submissions_unit`.execute(db);
  await sql`drop index if exists figures_area`.execute(db);
  await sql`drop table if exists total_corrections`.execute(db);
  await sql`drop table if exists totals`.execute(db);
}
