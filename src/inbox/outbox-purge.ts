/**
 * Keeps the reminder outbox (outbox.ts) from growing forever. DANVAN_MAIL_KEEP_DAYS (90 by default;
 * 0 keeps everything) is the window:
 * - a message sent more than that many days ago is deleted;
 * - a message that failed for good (refused by the mail server, or out of attempts) is kept the same
 *   window counted from its last attempt (`last_attempt_at`, however long ago it was queued or first
 *   failed), so an administrator has as long to see why a reminder did not reach its recipient as to
 *   see that one did, and it does not stay forever;
 * - a message still to be sent is never deleted, however old: waiting, claimed under a lease, or
 *   waiting to be tried again after a failed attempt.
 * The reminder itself stays in `notifications`, so the inbox and "sent once" are unchanged.
 *
 * One server purges, once a day: like a message, the purge is claimed with a lease — a settings
 * row (`reminders.outbox-purge`: when and by whom) taken by compare-and-set; the others find it
 * held and skip, and take it once it has run out (a day later, or after a server died mid-purge).
 * Rows go in batches, each its own short transaction with its audit row, so a large first purge
 * never holds the writer long.
 */
import { inTransaction, type Ctx } from "../context.ts";
import { audit } from "../audit/audit.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { idb } from "./inbox.repository.ts";

const LEASE_KEY = "reminders.outbox-purge";
const DAY_MS = 86_400_000;
const BATCH = 1000;

interface Lease {
  at: string;
  by: string;
}

function leaseOf(value: string | undefined): Lease | null {
  if (!value) return null;
  try {
    const v = JSON.parse(value) as Partial<Lease>;
    return typeof v.at === "string" && typeof v.by === "string" ? { at: v.at, by: v.by } : null;
  } catch {
    return null;
  }
}

/** True when this server took the day's purge: no lease yet, or the last one taken a day or more ago. */
async function claimPurge(ctx: Ctx, owner: string, start: number): Promise<boolean> {
  const held = (v: string | undefined) => {
    const l = leaseOf(v);
    return l !== null && Date.parse(l.at) > start - DAY_MS;
  };
  // A plain read first: the servers that find the lease held (every tick but one a day) write nothing.
  const seen = await ctx.db.selectFrom("settings").select("value").where("key", "=", LEASE_KEY).executeTakeFirst();
  if (held(seen?.value)) return false;
  const value = JSON.stringify({ at: new Date(start).toISOString(), by: owner } satisfies Lease);
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom("settings").select("value").where("key", "=", LEASE_KEY).executeTakeFirst();
    if (!row) {
      const r = await tx.db.insertInto("settings").values({ key: LEASE_KEY, value }).onConflict((oc) => oc.column("key").doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    }
    if (held(row.value)) return false;
    // Compare-and-set: of two servers that read the same old lease, only the first one's update matches.
    const r = await tx.db.updateTable("settings").set({ value }).where("key", "=", LEASE_KEY).where("value", "=", row.value).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  });
}

/**
 * Deletes the messages sent, or failed for good, more than the configured days ago, when this
 * server holds the day's purge (`owner` as in sendOutbox). Returns how many were deleted, or null
 * when another server purged within the last day or retention is off (DANVAN_MAIL_KEEP_DAYS=0).
 */
export async function purgeOutbox(ctx: Ctx, owner: string, opts: { now?: () => number } = {}): Promise<number | null> {
  const keepDays = ctx.config.mail.keepDays;
  if (keepDays === 0) return null;
  const start = (opts.now ?? Date.now)();
  if (!(await claimPurge(ctx, owner, start))) return null;
  const before = new Date(start - keepDays * DAY_MS).toISOString();
  return (await purgeState(ctx, "sent", before, keepDays)) + (await purgeState(ctx, "failed", before, keepDays));
}

/** Deletes, in batches, the messages in a final state whose last event (sent; the last attempt for a failure) is before `before`. */
async function purgeState(ctx: Ctx, state: "sent" | "failed", before: string, keepDays: number): Promise<number> {
  let purged = 0;
  for (;;) {
    const [found, deleted] = await inTransaction(ctx, async (tx): Promise<[number, number]> => {
      const o = idb(tx.db);
      const pick = o.selectFrom("reminder_outbox").select("id").where("state", "=", state).where(state === "sent" ? "sent_at" : "last_attempt_at", "<", before);
      const ids = (await pick.orderBy("id").limit(BATCH).execute()).map((r) => r.id);
      if (!ids.length) return [0, 0];
      const r = await o.deleteFrom("reminder_outbox").where("id", "in", ids).where("state", "=", state).executeTakeFirst();
      const n = Number(r.numDeletedRows);
      const what = state === "sent" ? { sent: n, sentBefore: before } : { failed: n, lastAttemptBefore: before };
      await audit(tx.db, SYSTEM, "reminders.outbox_purge", "reminder_outbox", null, { ...what, keepDays }, null, null);
      return [ids.length, n];
    });
    purged += deleted;
    if (found < BATCH) return purged;
  }
}
