/**
 * Reminder e-mails go through an outbox: `reminder_outbox` holds one message per reminder
 * (`notification_id` is unique, so one per unit, period, kind and recipient), inserted in the
 * transaction that creates the reminder; a sender claims rows with a lease (claimed_at, claimed_by;
 * another server may claim a row again once the lease has run out), sends, then marks it sent (or
 * failed after its last attempt). The outcome moves here from `notifications` (emailed_at, email_error).
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  await sql`create table reminder_outbox (
    id ${id}, notification_id integer not null references notifications(id),
    to_address text not null, subject text not null, body text not null, message_id text not null, created_at text not null,
    state text not null default 'pending', claimed_at text, claimed_by text, attempts integer not null default 0,
    sent_at text, error text
  )`.execute(db);
  await sql`create unique index reminder_outbox_key on reminder_outbox(notification_id)`.execute(db);
  await sql`create index reminder_outbox_pending on reminder_outbox(state, claimed_at)`.execute(db);
  await sql`alter table notifications drop column emailed_at`.execute(db);
  await sql`alter table notifications drop column email_error`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table notifications add column emailed_at text`.execute(db);
  await sql`alter table notifications add column email_error text`.execute(db);
  await sql`drop table if exists reminder_outbox`.execute(db);
}
