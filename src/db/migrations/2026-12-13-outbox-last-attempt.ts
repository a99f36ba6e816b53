/**
 * A reminder e-mail records when it was last tried (`last_attempt_at`, set with each attempt's
 * outcome), and the daily purge keeps a failed one for DANVAN_MAIL_KEEP_DAYS counted from it. The
 * claim time stood in for it before, but a claim is given back or taken over by another server
 * without an attempt, so a message tried today could be purged by the date it was queued. Rows tried
 * before this column get the best date known: their claim, else when they were queued.
 */
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table reminder_outbox add column last_attempt_at text`.execute(db);
  await sql`update reminder_outbox set last_attempt_at = coalesce(sent_at, claimed_at, created_at) where attempts > 0 or state <> 'pending'`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table reminder_outbox drop column last_attempt_at`.execute(db);
}
