/**
 * Kysely's SQLite dialect with the driver a server needs:
 * - one writer connection, taken in arrival order (a FIFO lock: nobody waits behind later requests);
 *   transactions start with BEGIN IMMEDIATE, so a writer waits for the lock (busy_timeout) at the
 *   start instead of failing with "database is locked" when its read turns into a write while the
 *   CLI imports (SQLite cannot wait in that upgrade without risking a deadlock);
 * - reads outside a transaction go to read-only connections on worker threads (WAL lets them read
 *   while the writer writes): a long read never freezes the event loop, and /health answers while
 *   a national export runs. Reads inside a transaction stay on the writer and see its writes;
 * - point reads (a session, a cache's version: one row by its key) go to one more read-only
 *   connection on the main thread (`DanvanSqlitePointDialect`): a worker's round trip costs more
 *   than such a read;
 * - prepared statements are kept per SQL text on every connection;
 * - ROLLBACK is skipped when SQLite already rolled back by itself (disk full, I/O error), so the
 *   real cause (SQLITE_FULL) reaches the caller instead of "cannot rollback - no transaction is active";
 * - with reader threads (a server), WAL checkpoints run on a thread of their own (`sqlite-checkpoint.ts`);
 * - with a `durable` sync (a file database: `walSync`), the connection runs with synchronous=NORMAL
 *   and every commit waits for the WAL's fsync on libuv's thread pool before it resolves: the
 *   durability of synchronous=FULL (nothing acknowledged is lost on a power cut), without the event
 *   loop waiting for the disk; the writer is free for the next transaction while the disk syncs,
 *   and commits that end together share one fsync.
 */
import { open, stat, type FileHandle } from "node:fs/promises";
import { Worker } from "node:worker_threads";
import { sharedRead } from "./point.ts";
import { Checkpointer } from "./sqlite-checkpoint.ts";
import { WriterLock, type ThreadLock } from "./writer-lock.ts";
import type BetterSqlite3 from "better-sqlite3";
import { CompiledQuery, SelectQueryNode, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from "kysely";

type Statement = BetterSqlite3.Statement<unknown[]>;

/** Prepared statements by SQL text (the most recent 500). */
class Statements {
  private readonly cache = new Map<string, Statement>();
  constructor(private readonly db: BetterSqlite3.Database) {}
  get(sql: string): Statement {
    let s = this.cache.get(sql);
    if (s) {
      // Keep the most used ones: move to the end.
      this.cache.delete(sql);
      this.cache.set(sql, s);
      return s;
    }
    s = this.db.prepare(sql);
    this.cache.set(sql, s);
    if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value!);
    return s;
  }
}

/** Runs one compiled query on a better-sqlite3 connection. */
function runOn(statements: Statements, q: CompiledQuery): QueryResult<unknown> {
  const stmt = statements.get(q.sql);
  const params = q.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(params) };
  const { changes, lastInsertRowid } = stmt.run(params);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/** Read-only connections on worker threads, each query to the least busy one. */
class Readers {
  private readonly workers: Array<{ w: Worker; inFlight: number }> = [];
  private readonly pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void; worker: { w: Worker; inFlight: number } }>();
  private next = 1;

  constructor(path: string, count: number) {
    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL("./sqlite-reader.worker.mjs", import.meta.url), { workerData: { path } });
      const entry = { w, inFlight: 0 };
      w.on("message", (m: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        // An idle reader does not keep the process alive; a busy one does.
        if (--p.worker.inFlight === 0) entry.w.unref();
        if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
        else p.resolve(m.rows!);
      });
      w.on("error", (e) => {
        for (const [id, p] of this.pending) if (p.worker === entry) (this.pending.delete(id), p.reject(e));
      });
      w.unref();
      this.workers.push(entry);
    }
  }

  query(sql: string, params: readonly unknown[]): Promise<unknown[]> {
    let best = this.workers[0]!;
    for (const x of this.workers) if (x.inFlight < best.inFlight) best = x;
    const id = this.next++;
    if (best.inFlight++ === 0) best.w.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: best });
      best.w.postMessage({ id, sql, params });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((x) => x.w.terminate()));
  }
}

/**
 * Makes what SQLite wrote to a WAL file durable: fsync on libuv's thread pool. Callers that arrive
 * while a sync runs share the next one (started after they called, so it covers their commit).
 * A missing WAL file holds nothing to sync; a replaced one (another inode) is opened again.
 */
export interface Durability {
  /** Resolves when everything committed before the call is on disk. */
  sync: () => Promise<void>;
  close: () => Promise<void>;
}

export function walSync(walPath: string): Durability {
  let handle: { fh: FileHandle; ino: number } | null = null;
  const syncOnce = async (): Promise<void> => {
    let ino: number;
    try {
      ino = (await stat(walPath)).ino;
    } catch (e) {
      if ((e as { code?: string }).code === "ENOENT") return;
      throw e;
    }
    if (!handle || handle.ino !== ino) {
      await handle?.fh.close();
      handle = { fh: await open(walPath, "r"), ino };
    }
    await handle.fh.sync();
  };
  return { sync: sharedRead(syncOnce), close: async () => void (await handle?.fh.close(), (handle = null)) };
}

/** True for a query that only reads (a SELECT, built or raw). */
function isRead(q: CompiledQuery): boolean {
  return SelectQueryNode.is(q.query) || /^\s*select\b/i.test(q.sql) || (/^\s*with\b/i.test(q.sql) && !/\b(insert|update|delete|replace)\b/i.test(q.sql));
}

/** What Kysely holds for a query or a transaction: reads go to a reader, writes take the writer. */
class Connection implements DatabaseConnection {
  inTransaction = false;
  constructor(private readonly d: DanvanSqliteDriver) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return runOn(this.d.statements, q) as QueryResult<R>;
    const read = isRead(q);
    if (this.d.readers && read) return { rows: (await this.d.readers.query(q.sql, q.parameters)) as R[] };
    await this.d.lock.acquire();
    let out: QueryResult<R>;
    try {
      out = runOn(this.d.statements, q) as QueryResult<R>;
    } finally {
      this.d.lock.release();
    }
    // A write outside a transaction committed by itself: durable before it is answered.
    if (!read) this.d.checkpointer?.committed();
    if (this.d.durable && !read) await this.d.durable.sync();
    return out;
  }

  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    // Streams are read whole on the writer's thread; rows are handed out one at a time.
    const rows = (await this.executeQuery<R>(q)).rows;
    for (const row of rows) yield { rows: [row] };
  }
}

class DanvanSqliteDriver implements Driver {
  readonly lock: WriterLock;
  readonly statements: Statements;
  readonly readers: Readers | null;
  readonly checkpointer: Checkpointer | null;

  constructor(private readonly sqlite: BetterSqlite3.Database, readers: number, readonly durable: Durability | undefined, threadLock: ThreadLock | undefined) {
    this.lock = new WriterLock(threadLock);
    this.statements = new Statements(sqlite);
    const file = sqlite.name;
    const onDisk = file !== ":memory:" && file !== "";
    this.readers = readers > 0 && onDisk ? new Readers(file, readers) : null;
    // A server (reader threads; its write thread too) checkpoints on a thread of its own; a one-off command keeps SQLite's.
    this.checkpointer = onDisk && (this.readers || threadLock) ? new Checkpointer(sqlite) : null;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new Connection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await this.lock.acquire();
    try {
      this.sqlite.exec("begin immediate");
    } catch (e) {
      this.lock.release();
      throw e;
    }
    (connection as Connection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed commit is followed by a rollback, which releases the lock.
    this.sqlite.exec("commit");
    this.checkpointer?.committed();
    this.end(connection as Connection);
    // The next transaction may start while the disk syncs this one.
    if (this.durable) await this.durable.sync();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      if (this.sqlite.inTransaction) this.sqlite.exec("rollback");
    } finally {
      this.end(connection as Connection);
    }
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint "${name}"`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    if ((connection as Connection).inTransaction) this.end(connection as Connection);
  }

  async destroy(): Promise<void> {
    await this.readers?.close();
    await this.checkpointer?.close();
    await this.durable?.close();
    this.sqlite.close();
  }

  private end(c: Connection): void {
    if (!c.inTransaction) return;
    c.inTransaction = false;
    this.lock.release();
  }
}

/**
 * The dialect for a better-sqlite3 connection, with `readers` read-only connections on worker threads (0: none) and,
 * where another thread of the process writes the same file, the lock they share.
 */
export class DanvanSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database, private readonly readers = 0, private readonly durable?: Durability, private readonly threadLock?: ThreadLock) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new DanvanSqliteDriver(this.sqlite, this.readers, this.durable, this.threadLock);
  }
}

/** Reads only, run at once on a read-only connection of the main thread: for reads of one row by its key. */
class PointDriver implements Driver {
  private readonly statements: Statements;
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.statements = new Statements(sqlite);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const statements = this.statements;
    return {
      async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
        if (!isRead(q)) throw new Error("point reads only: a write goes through the writer");
        return runOn(statements, q) as QueryResult<R>;
      },
      streamQuery() {
        throw new Error("point reads do not stream");
      },
    };
  }
  async beginTransaction(): Promise<void> {
    throw new Error("point reads have no transactions");
  }
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    this.sqlite.close();
  }
}

/** The dialect of the point-read connection (a read-only better-sqlite3 connection on the main thread). */
export class DanvanSqlitePointDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new PointDriver(this.sqlite);
  }
}
