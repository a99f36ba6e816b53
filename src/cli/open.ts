/**
 * Opening the database and reporting errors, shared by every command (src/cli/cli.ts and the
 * features' commands through with-context.ts): one place for exit codes and messages.
 */
import { z } from "zod";
import type { Config } from "../config.ts";
import { openDatabase, migrate, type Database } from "../db/database.ts";
import { ThreadLock } from "../db/writer-lock.ts";
import { WriteThread } from "../db/write-thread.ts";
import { makeContext, type Ctx } from "../context.ts";
import { isDomainError } from "../core/errors.ts";
import { describeOpenFailure, storageFault } from "../db/errors.ts";
import type { Io } from "../plugins.ts";

/** Thrown when the database cannot be opened: the message names the file and the cause. */
export class OpenFailure extends Error {}

/** Opens and migrates the configured database; an unwritable or unreachable one is an OpenFailure. */
export async function openConfigured(config: Config, opts: { server?: boolean } = {}): Promise<Ctx> {
  let database: Database | undefined;
  // A server on a SQLite file may save figures on a thread of its own, taking turns with this thread's writer.
  const threaded = opts.server && !config.databaseUrl && config.sqlitePath !== ":memory:" && config.storage.writeThread;
  const threadLock = threaded ? new ThreadLock() : undefined;
  try {
    database = openDatabase({
      ...(threadLock ? { threadLock } : {}),
      url: config.databaseUrl, sqlitePath: config.sqlitePath, pgPool: config.storage.pgPool, pgWriters: config.storage.pgWriters,
      // Reader threads pay off in a server; a one-off command reads on its own thread.
      readers: opts.server ? config.storage.sqliteReaders : 0,
      // Only a server refuses writes it is too far behind to take (a command's are its own).
      ...(opts.server ? { writeWaitMs: config.storage.writeWaitMs } : {}),
      // An import keeps under 300 MB at 20M lines with half a server's page cache (as fast at 1M).
      ...(opts.server ? {} : { cacheMb: 32 }),
    });
    await migrate(database);
  } catch (e) {
    await database?.close().catch(() => undefined);
    const where = config.databaseUrl ? `PostgreSQL ${config.databaseUrl.replace(/\/\/[^@/]*@/, "//…@")}` : config.sqlitePath;
    throw new OpenFailure(describeOpenFailure(e, where), { cause: e });
  }
  if (threadLock) await startWriteThread(database, config, threadLock);
  return makeContext(database, config);
}

/** Starts the server's write thread; one that cannot start leaves the saves on the main thread, as without it. */
async function startWriteThread(database: Database, config: Config, lock: ThreadLock): Promise<void> {
  try {
    const thread = await WriteThread.start(new URL("../http/write-thread.worker.mjs", import.meta.url), { path: config.sqlitePath, writeWaitMs: config.storage.writeWaitMs }, lock, {
      // It may have ended holding the write lock: the server stops (its supervisor starts it again) rather than hang.
      failed: (e) => {
        console.error(`[danvan] Luồng ghi số liệu đã dừng bất thường (${e.message}); máy chủ dừng để khởi động lại. Các lượt lưu đã báo thành công vẫn còn nguyên.`);
        process.exit(1);
      },
    });
    const close = database.close;
    Object.assign(database, { thread, close: async () => (await thread.close(), await close()) });
  } catch (e) {
    console.error(`[danvan] Không khởi động được luồng ghi số liệu (${(e as Error)?.message ?? e}); số liệu được lưu trên luồng chính.`);
  }
}
/** Exit codes: 0 ok, 1 failure, 2 bad input, 75 database busy (try again later, EX_TEMPFAIL). */
export const EXIT = { ok: 0, failure: 1, badInput: 2, busy: 75 } as const;

/**
 * Turns an error into a message on stderr and an exit code, the same for every command: bad input
 * (DomainError, zod) → 2; storage faults with their Vietnamese message (the cause beside it) → 75
 * when busy, 1 otherwise; a database that cannot be opened names the file and the cause.
 */
export function cliError(e: unknown, io: Io): number {
  if (isDomainError(e)) {
    io.stderr(`Lỗi [${e.code}]: ${e.message}\n`);
    const details = e.details as { errors?: Array<{ line: number; code: string; message: string }> } | undefined;
    for (const l of details?.errors?.slice(0, 50) ?? []) io.stderr(`  dòng ${l.line}: [${l.code}] ${l.message}\n`);
    return EXIT.badInput;
  }
  if (e instanceof z.ZodError) {
    io.stderr(`Lỗi [VALIDATION]: ${e.issues.map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; ")}\n`);
    return EXIT.badInput;
  }
  if (e instanceof OpenFailure) {
    io.stderr(`Lỗi: ${e.message}\n`);
    return EXIT.failure;
  }
  const fault = storageFault(e);
  if (fault) {
    io.stderr(`Lỗi [${fault.code}]: ${fault.message} (${fault.cause})\n`);
    return fault.code === "BUSY" ? EXIT.busy : EXIT.failure;
  }
  io.stderr(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n`);
  return EXIT.failure;
}

