/** The locks of a SQLite writer (src/db/sqlite-dialect.ts). */

/** A lock granted in the order it was asked for, among the callers of one thread. */
export class FifoLock {
  private held = false;
  private readonly waiting: Array<() => void> = [];
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

const NEXT = 0;
const SERVING = 1;

/** Atomics.waitAsync (ES2024; Node 16 and later), typed here for the ES2023 library. */
const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<unknown> | string } }).waitAsync;

/**
 * The write lock of one SQLite file shared by the threads of one process (a server's main thread and its write thread,
 * src/db/write-thread.ts): a ticket lock in shared memory, granted in the order it was asked for (tickets wrap around
 * safely: only equality is tested). SQLite's own lock is no queue (a writer that finds it taken sleeps and tries
 * again, on the thread that asked), so two connections of one process asking for it in turn would sleep on the event
 * loop; this lock is awaited (Atomics.waitAsync), and SQLite's lock is free when it is granted. Other processes (a CLI
 * import) still meet SQLite's busy_timeout.
 */
export class ThreadLock {
  private readonly cells: Int32Array;

  /** A new lock, or the one whose memory another thread created (`ThreadLock.memory`). */
  constructor(readonly memory: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.cells = new Int32Array(memory);
  }

  /** Resolves when it is this caller's turn. */
  async acquire(): Promise<void> {
    const ticket = Atomics.add(this.cells, NEXT, 1);
    for (;;) {
      const serving = Atomics.load(this.cells, SERVING);
      if (serving === ticket) return;
      const w = waitAsync(this.cells, SERVING, serving);
      if (w.async) await w.value;
    }
  }

  release(): void {
    Atomics.add(this.cells, SERVING, 1);
    Atomics.notify(this.cells, SERVING);
  }
}

/** The writer's lock: this thread's callers in order, then, with a write thread beside it, the process's turn. */
export class WriterLock {
  private readonly local = new FifoLock();
  constructor(private readonly thread: ThreadLock | undefined) {}
  async acquire(): Promise<void> {
    await this.local.acquire();
    if (!this.thread) return;
    try {
      await this.thread.acquire();
    } catch (e) {
      this.local.release();
      throw e;
    }
  }
  release(): void {
    this.thread?.release();
    this.local.release();
  }
}
