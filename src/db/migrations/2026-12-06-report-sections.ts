/**
 * Report sections decided at the document stage: a draft a person accepted, or their own text for
 * a section, one row per unit, period and section (a report is issued only when none is missing).
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  await sql`create table report_sections (
    id ${id}, unit_id integer not null references units(id), period text not null, section text not null,
    text text not null, kind text not null, draft text, updated_at text not null, updated_by integer
  )`.execute(db);
  await sql`create unique index report_sections_key on report_sections(unit_id, period, section)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists report_sections`.execute(db);
}
