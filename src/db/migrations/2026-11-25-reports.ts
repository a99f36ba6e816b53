/** Report numbers: one row per issued report, so a number is given once and never twice in a series. */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  await sql`create table report_numbers (
    id ${id}, issuer text not null, series text not null, doc_type text not null, number integer not null,
    unit_id integer not null references units(id), period text not null, style text not null,
    issued_on text not null, created_at text not null, created_by integer
  )`.execute(db);
  // A number is unique within its issuer, series and document type…
  await sql`create unique index report_numbers_seq on report_numbers(issuer, series, doc_type, number)`.execute(db);
  // …and a unit's report for a period gets one number per format (re-issuing keeps it).
  await sql`create unique index report_numbers_report on report_numbers(unit_id, period, style, doc_type)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists report_numbers`.execute(db);
}
