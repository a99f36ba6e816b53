/** Registers: petitions (with stored deadlines), the other registers' records, attachments. */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  const blob = d === "postgres" ? sql`bytea` : sql`blob`;
  await sql`create table petitions (
    id ${id}, unit_id integer not null references units(id), number text, type text not null,
    received_on text not null, petitioner text not null, address text, content text not null,
    complexity text not null default 'normal', remote integer not null default 0, many_people integer not null default 0,
    second_time integer not null default 0, withdrawn integer not null default 0, state text not null,
    classified_on text, accepted_on text, not_accepted_reason text, transferred_to text, notified_on text,
    extensions text not null default '[]', verifying_on text, dialogue_on text, decided_on text, decision_no text,
    decision_summary text, enforced_on text, archived_on text, withdrawn_on text,
    accept_due text, notify_due text, resolve_due text, due_on text, due_stage text, resolved_on text, closed_on text,
    search_key text not null, search_fold text not null, created_by integer, created_at text not null, updated_at text not null
  )`.execute(db);
  // The overdue list reads only open petitions past their stored deadline: a partial index on it.
  await sql`create index petitions_due on petitions(due_on, unit_id) where due_on is not null`.execute(db);
  await sql`create index petitions_unit_received on petitions(unit_id, received_on)`.execute(db);
  await sql`create index petitions_resolved on petitions(resolved_on) where resolved_on is not null`.execute(db);
  await sql`create table register_records (
    id ${id}, register text not null, kind text not null, unit_id integer not null references units(id),
    date text not null, state text, parent_id integer, title text not null, data text not null,
    search_key text not null, search_fold text not null, created_by integer, created_at text not null, updated_at text not null
  )`.execute(db);
  await sql`create index register_records_unit on register_records(register, unit_id, date)`.execute(db);
  await sql`create index register_records_date on register_records(register, date)`.execute(db);
  await sql`create table register_attachments (
    id ${id}, register text not null, record_id integer not null, filename text not null, mime text not null,
    size integer not null, sha256 text not null, content ${blob} not null, created_by integer, created_at text not null
  )`.execute(db);
  await sql`create index register_attachments_record on register_attachments(register, record_id)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["register_attachments", "register_records", "petitions"]) await sql`drop table if exists ${sql.table(t)}`.execute(db);
}
