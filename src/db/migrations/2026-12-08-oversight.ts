/**
 * The residents' boards (issue 15, "dân kiểm tra, giám sát"): Ban Thanh tra nhân dân and Ban Giám sát
 * đầu tư của cộng đồng of a commune, their members and terms, what they supervise, and their
 * recommendations with the answers received.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  await sql`create table oversight_boards (
    id ${id}, unit_id integer not null references units(id), kind text not null, name text not null,
    term_start text not null, term_end text, communities integer, decision text, dissolved_on text,
    created_by integer, created_at text not null, updated_at text not null, version integer not null default 1
  )`.execute(db);
  await sql`create index oversight_boards_unit on oversight_boards(unit_id)`.execute(db);
  await sql`create table oversight_members (
    id ${id}, board_id integer not null references oversight_boards(id), name text not null, role text not null,
    represents text not null, community text, started_on text not null, ended_on text, end_reason text, created_at text not null
  )`.execute(db);
  await sql`create index oversight_members_board on oversight_members(board_id)`.execute(db);
  await sql`create table oversight_items (
    id ${id}, board_id integer not null references oversight_boards(id), unit_id integer not null references units(id),
    kind text not null, title text not null, description text, owner text, budget_vnd double precision, location text,
    plan_sent_on text, started_on text not null, ended_on text, created_by integer, created_at text not null
  )`.execute(db);
  await sql`create index oversight_items_unit on oversight_items(unit_id, started_on)`.execute(db);
  await sql`create table oversight_findings (
    id ${id}, board_id integer not null references oversight_boards(id), item_id integer references oversight_items(id),
    unit_id integer not null references units(id), finding text not null, recommendation text not null, authority text not null,
    sent_on text not null, due_on text not null, answer text, answered_on text, answered_by text, published integer not null default 0,
    created_by integer, created_at text not null, updated_at text not null, version integer not null default 1
  )`.execute(db);
  await sql`create index oversight_findings_unit on oversight_findings(unit_id, due_on)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["oversight_findings", "oversight_items", "oversight_members", "oversight_boards"]) await sql`drop table if exists ${sql.raw(t)}`.execute(db);
}
