/**
 * Group commit. Writes from many requests wait in one queue; a committer takes what is waiting,
 * runs each request's work inside one transaction under its own savepoint (a failing work rolls
 * back only itself), runs the transaction's before-commit work once for all of them (maintained
 * totals add up a whole batch at once: the country's row is written once, not once per save), and
 * commits: one fsync for the batch. Each request is answered after the commit that holds its work,
 * with its own result or error. SQLite has one committer (one writer); PostgreSQL several, each on
 * its own connection.
 */
import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import type { DB } from "./schema.ts";
import { isRetryable } from "./errors.ts";
import { DomainError } from "../core/errors.ts";

/** A PostgreSQL deadlock or serialization failure (SQLite's busy lock already waited its timeout). */
const isPgRetryable = (e: unknown) => isRetryable(e) && (e as { code?: unknown }).code !== "SQLITE_BUSY";

/** Work to finish before the transaction commits (registered by the works, run once per batch). */
export type BeforeCommit = Array<() => Promise<void>>;

/**
 * What each work of a batch said, when queued, it will read (`run`'s `hint`), by the batch's
 * before-commit list (one per transaction): set only when every work of the batch said so, so a
 * work that reads them all at once knows no other kind of work runs in the batch.
 */
export const batchHints = new WeakMap<BeforeCommit, readonly unknown[]>();

interface Work {
  fn: (trx: Transaction<DB>, hooks: BeforeCommit) => Promise<unknown>;
  alone: boolean;
  /** What the work will read, said before it runs (see batchHints). */
  hint: unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  /** When it was queued (performance.now()). */
  at: number;
}

/** Most works in one transaction: enough to share an fsync, few enough to answer quickly. */
const MAX_BATCH = 200;
/** How long a batch runs before the event loop gets a turn. */
const YIELD_MS = 5;

/** A server too far behind: the works waiting (when the writer is what is behind), and the seconds to wait before sending again. */
export interface Busy {
  waiting: number | null;
  retryAfter: number;
}

/** What a refused write is told (SERVER_BUSY). */
export const busyMessage = (b: Busy) =>
  `Máy chủ đang bận${b.waiting === null ? "" : `: ${b.waiting} lượt ghi đang chờ`}. Chưa lưu gì; vui lòng gửi lại sau ${b.retryAfter} giây.`;

/** The error a refused write gets. */
export const busyError = (b: Busy) => new DomainError("SERVER_BUSY", busyMessage(b), { retryAfter: b.retryAfter });

/** Behind while the oldest of `waiting` writes (queued at `oldestAt`) has waited longer than `limitMs` (0: never). */
export function behind(oldestAt: number | undefined, waiting: number, limitMs: number, now: number): Busy | null {
  if (limitMs <= 0 || oldestAt === undefined || now - oldestAt <= limitMs) return null;
  return { waiting, retryAfter: Math.max(1, Math.ceil((now - oldestAt) / 1000)) };
}

export class Committer {
  private readonly queue: Work[] = [];
  private running = 0;

  /**
   * `maxWaitMs`: while the oldest waiting work has waited longer, new works are refused at once
   * (SERVER_BUSY) instead of queued behind it (0 or unset: never). It bounds the wait where the
   * writer is held up (a long import running alone, a slow disk, lock waits); a client tries again.
   * A server whose main thread is the bottleneck keeps this queue short: that wait is read at the
   * server's door instead (src/http/shed.ts).
   */
  constructor(private readonly db: Kysely<DB>, private readonly lanes: number, private readonly maxWaitMs = 0) {}

  /**
   * Runs `fn` in a transaction, shared with other waiting works unless `alone` (imports and
   * rebuilds run by themselves). Resolves after the commit. `hint`: what the work will read (batchHints).
   */
  run<T>(fn: (trx: Transaction<DB>, hooks: BeforeCommit) => Promise<T>, alone = false, hint?: unknown): Promise<T> {
    const now = performance.now();
    const busy = alone ? null : this.busy(now);
    if (busy) return Promise.reject(busyError(busy));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, alone, hint, resolve: resolve as (v: unknown) => void, reject, at: now });
      if (this.running < this.lanes) void this.lane();
    });
  }

  /**
   * How far behind the writer is, while its oldest waiting work has waited past the limit (null
   * otherwise: take the write). The HTTP edge asks before reading a write's request
   * (src/http/shed.ts), so a refusal there costs next to nothing.
   */
  busy(now = performance.now()): Busy | null {
    return behind(this.queue[0]?.at, this.queue.length, this.maxWaitMs, now);
  }

  /** Works waiting for a transaction (for tests and metrics). */
  get waiting(): number {
    return this.queue.length;
  }

  private take(): Work[] {
    const first = this.queue.shift()!;
    if (first.alone) return [first];
    const batch = [first];
    while (batch.length < MAX_BATCH && this.queue.length && !this.queue[0]!.alone) batch.push(this.queue.shift()!);
    return batch;
  }

  private async lane(): Promise<void> {
    this.running++;
    try {
      while (this.queue.length) {
        // Let waiting requests reach the queue first: SQLite answers synchronously, so without
        // this turn of the event loop every batch would hold one request.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.queue.length) await this.runBatch(this.take());
      }
    } finally {
      this.running--;
    }
  }

  /**
   * Runs a batch in one transaction. First without savepoints (two statements fewer per work: on
   * PostgreSQL each is a round trip): when a work fails, nothing is committed, that work gets its
   * error, and the others run again, each under its own savepoint (`careful`), so one failure never
   * costs more than one extra run. Works must be safe to run again (a PostgreSQL deadlock already
   * re-runs whole batches): they write only through the transaction.
   */
  private async runBatch(batch: Work[], attempt = 1, careful = false): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    let fatal: unknown = null;
    let failed: { index: number; error: unknown } | null = null;
    try {
      await this.db.transaction().execute(async (trx) => {
        const hooks: BeforeCommit = [];
        if (batch.length > 1 && batch.every((w) => w.hint !== undefined)) batchHints.set(hooks, batch.map((w) => w.hint));
        if (batch.length === 1) {
          // Alone: its error rolls the transaction back (no savepoint needed).
          outcomes.push({ ok: true, value: await batch[0]!.fn(trx, hooks) });
        } else {
          let turn = performance.now();
          for (const [i, w] of batch.entries()) {
            // SQLite answers synchronously: a batch of 200 saves would hold the event loop for its
            // whole run, and a dashboard read or /health would wait behind it. Every few
            // milliseconds the loop takes a turn (the transaction stays open; only this lane writes).
            if (performance.now() - turn > YIELD_MS) {
              await new Promise<void>((resolve) => setImmediate(resolve));
              turn = performance.now();
            }
            if (!careful) {
              try {
                outcomes.push({ ok: true, value: await w.fn(trx, hooks) });
              } catch (error) {
                failed = { index: i, error };
                throw error;
              }
              continue;
            }
            const name = `w${i}`;
            await trx.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
            try {
              const value = await w.fn(trx, hooks);
              await trx.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
              outcomes.push({ ok: true, value });
            } catch (error) {
              // If the savepoint itself is gone (SQLite rolled everything back after a full
              // disk), the whole batch fails with this error.
              try {
                await trx.executeQuery(CompiledQuery.raw(`rollback to savepoint ${name}`));
                await trx.executeQuery(CompiledQuery.raw(`release savepoint ${name}`));
              } catch {
                fatal = error;
                throw error;
              }
              outcomes.push({ ok: false, error });
            }
          }
        }
        for (let i = 0; i < hooks.length; i++) await hooks[i]!();
      });
    } catch (error) {
      // Two PostgreSQL batches that locked the same rows in another order (deadlock) or a
      // serialization failure: nothing was committed, so the batch simply runs again.
      if (attempt < 3 && isPgRetryable(fatal ?? error)) return this.runBatch(batch, attempt + 1, careful);
      const f = failed as { index: number; error: unknown } | null;
      if (f && f.error === error) {
        // One work failed in a batch run without savepoints: it gets its error, the others run again.
        batch[f.index]!.reject(f.error);
        const rest = batch.filter((_, j) => j !== f.index);
        if (rest.length) await this.runBatch(rest, attempt, true);
        return;
      }
      // The transaction did not commit: every work of the batch fails (alone: its own error).
      for (const w of batch) w.reject(fatal ?? error);
      return;
    }
    batch.forEach((w, i) => {
      const o = outcomes[i]!;
      if (o.ok) w.resolve(o.value);
      else w.reject(o.error);
    });
  }
}
