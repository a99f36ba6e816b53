/**
 * Commune-wide decisions (issue 15): contributions to works carried out across a commune (Luật Thực
 * hiện dân chủ ở cơ sở 2022 Điều 15 khoản 1, 2) pass when two thirds of ALL the commune's villages /
 * tổ dân phố approve (Điều 21 khoản 1). A commune decision groups its villages' decisions
 * (consultations.commune_decision_id); each village still votes by households. Household ballots on
 * khoản 3–5 follow a meeting that lacked the households (Điều 17 khoản 2, Điều 19 khoản 1 điểm b):
 * consultations.follows_id names that meeting. No foreign keys on the added columns: SQLite cannot
 * drop a column a foreign key uses (down); the service checks both.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  await sql`create table commune_decisions (
    id ${id}, unit_id integer not null references units(id), matter text not null, question text not null,
    documents text not null, villages integer not null, opens_on text not null, state text not null,
    result text, closed_at text, created_by integer, created_at text not null, updated_at text not null
  )`.execute(db);
  await sql`create index commune_decisions_unit on commune_decisions(unit_id)`.execute(db);
  await sql`alter table consultations add column commune_decision_id integer`.execute(db);
  await sql`alter table consultations add column follows_id integer`.execute(db);
  await sql`create index consultations_commune_decision on consultations(commune_decision_id)`.execute(db);
  // The notice publishing a commune decision's result, locked as a village's result notice is.
  await sql`alter table public_notices add column commune_decision_id integer`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table public_notices drop column commune_decision_id`.execute(db);
  await sql`drop index if exists consultations_commune_decision`.execute(db);
  await sql`alter table consultations drop column follows_id`.execute(db);
  await sql`alter table consultations drop column commune_decision_id`.execute(db);
  await sql`drop table if exists commune_decisions`.execute(db);
}
