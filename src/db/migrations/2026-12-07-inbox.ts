/**
 * Who is told: users get an e-mail address (for reminders); `notifications` holds the in-app
 * notices the reminders send, one per (unit, period, kind, recipient) — the unique key is what
 * makes several servers on one database send each reminder once (the insert is the claim, made
 * before any e-mail goes out); `inbox_reads` remembers which inbox items a user has read.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  await sql`alter table users add column email text`.execute(db);
  await sql`create table notifications (
    id ${id}, user_id integer not null references users(id), unit_id integer not null references units(id),
    period text not null, kind text not null, due text not null, message text not null, created_at text not null,
    emailed_at text, email_error text
  )`.execute(db);
  await sql`create unique index notifications_key on notifications(unit_id, period, kind, user_id)`.execute(db);
  await sql`create index notifications_user on notifications(user_id, created_at)`.execute(db);
  await sql`create table inbox_reads (
    user_id integer not null references users(id), item_key text not null, read_at text not null,
    primary key (user_id, item_key)
  )`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists inbox_reads`.execute(db);
  await sql`drop table if exists notifications`.execute(db);
  await sql`alter table users drop column email`.execute(db);
}
