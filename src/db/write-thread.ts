/**
 * A server's write thread (SQLite): the work of the writes that arrive most often (a commune's figures saved) runs on
 * a thread of its own, with its own connection to the file and its own group commit, while the main thread reads
 * requests, checks sessions and answers. A save's statements, its maintained totals and its commit were about 58 % of
 * the main thread under a deadline day's load (docs/SCALING.md, stop 32); here they use the second core.
 *
 * The thread runs named operations (`call(op, args)`) that its entry module registers (src/http/write-thread.worker.mjs);
 * arguments and results are plain data. Both threads' writers take turns through one `ThreadLock`, so neither waits
 * for SQLite's lock on its event loop. What the thread caches (hierarchy, catalog) is kept by versions in the
 * database, as two servers on one PostgreSQL keep theirs. Each writer's checkpoints run on a checkpoint thread of its own.
 */
import { Worker } from "node:worker_threads";
import { fromThreadError, type ThreadError } from "../core/errors.ts";
import { behind, busyError, type Busy } from "./committer.ts";
import { ThreadLock } from "./writer-lock.ts";

/** What the thread needs to open the database as the main thread did. */
export interface WriteThreadData {
  path: string;
  lock: SharedArrayBuffer;
  writeWaitMs: number;
}

/** `failed` hears the thread end by itself (not by `close`). */
export interface WriteThreadHooks {
  failed?: (e: Error) => void;
}

type Answer = { id: number; value: unknown } | { id: number; error: ThreadError } | { ready: true } | { fatal: string };

export class WriteThread {
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; at: number }>();
  private next = 1;
  private dead: Error | null = null;
  private closing = false;

  /**
   * A thread that ends by itself fails the calls waiting on it and tells `hooks.failed`; the server should stop, as the
   * thread may have ended holding the write lock (src/cli/open.ts).
   */
  private constructor(private readonly worker: Worker, private readonly maxWaitMs: number, hooks: WriteThreadHooks) {
    worker.on("message", (m: Answer) => {
      if (!("id" in m)) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) worker.unref();
      if ("error" in m) p.reject(fromThreadError(m.error));
      else p.resolve(m.value);
    });
    const fail = (e: Error) => {
      if (this.dead || this.closing) return;
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      hooks.failed?.(e);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the write thread stopped (exit ${code})`)));
  }

  /** Starts the thread of `entry` and resolves once its database is open and warm. */
  static start(entry: URL, data: Omit<WriteThreadData, "lock">, lock: ThreadLock, hooks: WriteThreadHooks = {}): Promise<WriteThread> {
    const worker = new Worker(entry, { workerData: { ...data, lock: lock.memory } satisfies WriteThreadData });
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      const onExit = (code: number) => reject(new Error(`the write thread stopped before it was ready (exit ${code})`));
      worker.once("error", onError);
      worker.once("exit", onExit);
      worker.on("message", function ready(m: Answer) {
        if ("fatal" in m) {
          worker.off("exit", onExit);
          return void worker.terminate().finally(() => reject(new Error(m.fatal)));
        }
        if (!("ready" in m)) return;
        worker.off("message", ready);
        worker.off("error", onError);
        worker.off("exit", onExit);
        worker.unref();
        resolve(new WriteThread(worker, data.writeWaitMs, hooks));
      });
    });
  }

  /** Runs `op` on the thread; resolves with its result after its commit, or rejects with its error. */
  call<T>(op: string, args: unknown[]): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const busy = this.busy();
    if (busy) return Promise.reject(busyError(busy));
    const id = this.next++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, at: performance.now() });
      this.worker.postMessage({ id, op, args });
    });
  }

  /**
   * Too far behind (as `Committer.busy`): the oldest call unanswered for longer than half the limit. A call taken then
   * waits about as long before its batch and runs in it, so the saves taken are answered within the limit. With the
   * whole limit, saves waited twice as long and the connections of a deadline day filled (1M figures, 2,500 saves/s
   * offered from 3,000 connections: saved p50 1.55–1.73 s and refusals answered after 0.5–0.8 s, against 0.28–0.60 s
   * and 0.15–0.18 s with half; docs/SCALING.md, stop 33).
   */
  busy(now = performance.now()): Busy | null {
    return behind(this.pending.values().next().value?.at, this.pending.size, this.maxWaitMs / 2, now);
  }

  /** Calls not answered yet (tests, metrics). */
  get waiting(): number {
    return this.pending.size;
  }

  async close(): Promise<void> {
    if (this.dead) return;
    this.closing = true;
    this.worker.postMessage({ close: true });
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => void this.worker.terminate().then(() => resolve()), 5000);
      this.worker.once("exit", () => (clearTimeout(t), resolve()));
    });
  }
}
