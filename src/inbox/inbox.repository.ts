/** Tables of the inbox (migrations 2026-12-07-inbox, 2026-12-09-reminder-outbox, 2026-12-13-outbox-last-attempt), declared beside the feature, and their SQL. */
import type { Generated, Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

/** One in-app notice a reminder sent; unique per (unit, period, kind, user): a reminder is sent once. */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  unit_id: number;
  period: string;
  /** before | after | escalate */
  kind: string;
  due: string;
  message: string;
  created_at: string;
}

/** One reminder e-mail to send (see outbox.ts); one per notification. */
export interface ReminderOutboxTable {
  id: Generated<number>;
  notification_id: number;
  to_address: string;
  subject: string;
  body: string;
  /** Stable per reminder: a mail server may drop a message sent again after a crash. */
  message_id: string;
  created_at: string;
  /** pending | sent | failed */
  state: Generated<string>;
  claimed_at: string | null;
  claimed_by: string | null;
  attempts: Generated<number>;
  sent_at: string | null;
  /** When it was last tried (the outcome of its last attempt; migration 2026-12-13); the purge counts a failure's days from it. */
  last_attempt_at: string | null;
  error: string | null;
}

export interface InboxReadsTable {
  user_id: number;
  item_key: string;
  read_at: string;
}

type InboxDB = DB & { notifications: NotificationsTable; inbox_reads: InboxReadsTable; reminder_outbox: ReminderOutboxTable };
export const idb = (db: Kysely<DB>) => db as unknown as Kysely<InboxDB>;

export interface NewNotification {
  user_id: number;
  unit_id: number;
  period: string;
  kind: string;
  due: string;
  message: string;
}

/**
 * Claims notifications: inserts those not sent before and returns them with their ids (the ones
 * another server or an earlier run inserted are skipped by the unique key, never sent twice).
 */
export async function claimNotifications(db: Kysely<DB>, rows: NewNotification[], now: string): Promise<Array<NewNotification & { id: number }>> {
  const out: Array<NewNotification & { id: number }> = [];
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200).map((r) => ({ ...r, created_at: now }));
    const got = await idb(db).insertInto("notifications").values(chunk)
      .onConflict((oc) => oc.columns(["unit_id", "period", "kind", "user_id"]).doNothing())
      .returning(["id", "user_id", "unit_id", "period", "kind", "due", "message"]).execute();
    out.push(...got);
  }
  return out;
}

/** A user's notifications, newest first. */
export function notificationsOf(db: Kysely<DB>, userId: number, limit = 200) {
  return idb(db).selectFrom("notifications").selectAll().where("user_id", "=", userId).orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/** The keys among `keys` the user has read. */
export async function readKeys(db: Kysely<DB>, userId: number, keys: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const part = keys.slice(i, i + 500);
    const rows = await idb(db).selectFrom("inbox_reads").select("item_key").where("user_id", "=", userId).where("item_key", "in", part).execute();
    for (const r of rows) out.add(r.item_key);
  }
  return out;
}

/** Marks items read (already read ones keep their first time). */
export async function markKeysRead(db: Kysely<DB>, userId: number, keys: string[], now: string): Promise<void> {
  for (let i = 0; i < keys.length; i += 200) {
    await idb(db).insertInto("inbox_reads").values(keys.slice(i, i + 200).map((k) => ({ user_id: userId, item_key: k, read_at: now })))
      .onConflict((oc) => oc.columns(["user_id", "item_key"]).doNothing()).execute();
  }
}
