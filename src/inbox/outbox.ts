/**
 * The reminder e-mail outbox (table `reminder_outbox`): a reminder's message is queued in the
 * transaction that creates the reminder, then any server's sender claims a batch with a lease
 * (claimed_at, claimed_by), sends each message and marks it sent. A server that dies after
 * claiming leaves its rows claimed until the lease runs out; then another server (or itself,
 * restarted) claims and sends them: no reminder is lost.
 *
 * The trade: a server that dies after the mail server accepted a message but before the row is
 * marked sent leaves it pending, and it is sent again once the lease has run out — at most one extra
 * copy per crash, never a lost reminder. Each message carries a stable Message-ID (one per unit,
 * period, kind and recipient), so a mail server or client that de-duplicates drops the copy.
 *
 * A sender stops sending from a batch once half its lease has passed and gives the rest back, so a
 * slow mail server never lets a lease run out under a message being sent. A failed message waits out
 * the lease before it is tried again (at most MAX_ATTEMPTS times; a permanent refusal, 5xx for the
 * recipient or the message, is not retried). Each attempt's outcome records its time
 * (`last_attempt_at`), which the purge (outbox-purge.ts) counts a failure's days from.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { idb } from "./inbox.repository.ts";
import type { Mailer } from "./mail.ts";

export const MAX_ATTEMPTS = 5;
const BATCH = 50;

export interface QueuedMail {
  notification_id: number;
  to_address: string;
  subject: string;
  body: string;
  message_id: string;
}

export interface SendRun {
  claimed: number;
  sent: number;
  failed: number;
}

/** Who holds a claim: this process (host, pid and a random part, as a restarted process may reuse a pid). */
export function senderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** Queues messages (inside the transaction that created their notifications; one per notification). */
export async function queueMail(db: Kysely<DB>, mails: QueuedMail[], now: string): Promise<void> {
  for (let i = 0; i < mails.length; i += 200) {
    await idb(db).insertInto("reminder_outbox").values(mails.slice(i, i + 200).map((m) => ({ ...m, created_at: now })))
      .onConflict((oc) => oc.column("notification_id").doNothing()).execute();
  }
}

/** Nodemailer's errors for one message (not the connection): with a 5xx answer they are final. */
function permanent(e: unknown): boolean {
  const { code, responseCode } = (e ?? {}) as { code?: string; responseCode?: number };
  return (code === "EENVELOPE" || code === "EMESSAGE") && typeof responseCode === "number" && responseCode >= 500;
}

function perMessage(e: unknown): boolean {
  const { code } = (e ?? {}) as { code?: string };
  return code === "EENVELOPE" || code === "EMESSAGE";
}

/** Claims up to a batch of pending messages (free or with a lease run out), sends them and marks each sent or failed. */
export async function sendOutbox(ctx: Ctx, mailer: Mailer, owner: string, opts: { now?: () => number } = {}): Promise<SendRun> {
  const now = opts.now ?? Date.now;
  const leaseMs = ctx.config.mail.leaseSeconds * 1000;
  const o = idb(ctx.db);
  const start = now();
  const at = new Date(start).toISOString();
  const expired = new Date(start - leaseMs).toISOString();
  const claimed = await inTransaction(ctx, async (tx) => {
    let pick = idb(tx.db).selectFrom("reminder_outbox").select("id")
      .where("state", "=", "pending").where((eb) => eb.or([eb("claimed_at", "is", null), eb("claimed_at", "<", expired)]))
      .orderBy("id").limit(BATCH);
    // PostgreSQL: servers claiming at once lock different rows instead of waiting on each other (SQLite has one writer).
    if (ctx.database.dialect === "postgres") pick = pick.forUpdate().skipLocked();
    const ids = (await pick.execute()).map((r) => r.id);
    if (!ids.length) return [];
    return idb(tx.db).updateTable("reminder_outbox").set({ claimed_at: at, claimed_by: owner }).where("id", "in", ids)
      .returning(["id", "to_address", "subject", "body", "message_id", "attempts"]).execute();
  });
  claimed.sort((a, b) => a.id - b.id);
  const run: SendRun = { claimed: claimed.length, sent: 0, failed: 0 };
  for (const [i, m] of claimed.entries()) {
    if (now() - start > leaseMs / 2) {
      await giveBack(ctx.db, claimed.slice(i).map((r) => r.id), owner);
      break;
    }
    try {
      await mailer.send({ to: m.to_address, subject: m.subject, text: m.body, messageId: m.message_id });
    } catch (e) {
      run.failed++;
      const attempts = m.attempts + 1;
      const final = permanent(e) || attempts >= MAX_ATTEMPTS;
      // Still pending: it keeps its claim time and is tried again when the lease has run out.
      await o.updateTable("reminder_outbox").set({ attempts, last_attempt_at: new Date(now()).toISOString(), error: (e instanceof Error ? e.message : String(e)).slice(0, 500), state: final ? "failed" : "pending" })
        .where("id", "=", m.id).where("state", "=", "pending").execute();
      if (!perMessage(e)) {
        // The mail server cannot be reached: the rest of the batch waits for the next run.
        await giveBack(ctx.db, claimed.slice(i + 1).map((r) => r.id), owner);
        break;
      }
      continue;
    }
    const sentAt = new Date(now()).toISOString();
    await o.updateTable("reminder_outbox").set({ state: "sent", sent_at: sentAt, last_attempt_at: sentAt, attempts: m.attempts + 1, error: null })
      .where("id", "=", m.id).where("state", "=", "pending").execute();
    run.sent++;
  }
  return run;
}

/** Releases claims not used, for the next run of any server. */
async function giveBack(db: Kysely<DB>, ids: number[], owner: string): Promise<void> {
  if (!ids.length) return;
  await idb(db).updateTable("reminder_outbox").set({ claimed_at: null, claimed_by: null })
    .where("id", "in", ids).where("claimed_by", "=", owner).where("state", "=", "pending").execute();
}
