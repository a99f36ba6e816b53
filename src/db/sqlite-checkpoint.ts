/**
 * A server's WAL checkpoints, on a worker thread. SQLite's automatic checkpoint runs inside the
 * commit that crosses 1,000 pages: the copy into the database file and two fsyncs held the event
 * loop (measured under 200 clients saving: about half the time of the writer's commits). The
 * writer's automatic checkpoints are turned off and a worker with its own connection runs a
 * PASSIVE checkpoint (it never waits for readers or the writer) every `everyMs` while commits
 * happen. When the worker or a checkpoint fails, the writer checkpoints by itself again: the WAL
 * never grows without bound.
 */
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";

/** The checkpointer of each writer connection (tests and metrics wait on its count). */
const byWriter = new WeakMap<BetterSqlite3.Database, Checkpointer>();

export class Checkpointer {
  /** Checkpoints the worker has completed. */
  completed = 0;
  private dirty = false;
  private running = false;
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly writer: BetterSqlite3.Database, everyMs = 500) {
    this.worker = new Worker(new URL("./sqlite-checkpoint.worker.mjs", import.meta.url), { workerData: { path: writer.name } });
    this.worker.unref();
    this.worker.on("message", (m: { error?: string }) => {
      if (m.error) return this.fallBack();
      this.completed++;
      this.done();
    });
    this.worker.on("error", () => this.fallBack());
    this.writer.pragma("wal_autocheckpoint = 0");
    this.timer = setInterval(() => this.tick(), everyMs);
    this.timer.unref();
    byWriter.set(writer, this);
  }

  /** The checkpointer working for a writer connection, if any. */
  static of(writer: BetterSqlite3.Database): Checkpointer | undefined {
    return byWriter.get(writer);
  }

  /** A transaction committed: the next turn checkpoints. */
  committed(): void {
    this.dirty = true;
  }

  private tick(): void {
    if (!this.dirty || this.running) return;
    this.dirty = false;
    this.running = true;
    // Kept alive while it copies: the process does not end in the middle of a checkpoint.
    this.worker.ref();
    this.worker.postMessage(null);
  }

  private done(): void {
    this.running = false;
    this.worker.unref();
  }

  private fallBack(): void {
    clearInterval(this.timer);
    this.done();
    if (this.writer.open) this.writer.pragma("wal_autocheckpoint = 1000");
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.worker.terminate();
  }
}
