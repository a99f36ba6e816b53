/**
 * What the server's write thread runs (src/db/write-thread.ts): the figures a form or the API saves. The thread opens
 * the same SQLite file with the lock it shares with the main thread, and answers each call after the commit that
 * holds its work; calls that arrive together share a commit (its own Committer).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadConfig } from "../config.ts";
import { hierarchyOf, makeContext } from "../context.ts";
import { openDatabase } from "../db/database.ts";
import { ThreadLock } from "../db/writer-lock.ts";
import { toThreadError } from "../core/errors.ts";
import type { WriteThreadData } from "../db/write-thread.ts";
import type { Actor } from "../accounts/actor.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { indicatorMap } from "../indicators/indicator.service.ts";

const data = workerData as WriteThreadData;
const port = parentPort!;
try {
  const database = openDatabase({ sqlitePath: data.path, readers: 0, threadLock: new ThreadLock(data.lock) });
  const ctx = makeContext(database, loadConfig(process.env));
  const ops: Record<string, (args: unknown[]) => Promise<unknown>> = {
    saveFigures: ([actor, inputs]) => saveFigures(ctx, actor as Actor, inputs as unknown[]),
  };
  port.on("message", (m: { id: number; op: string; args: unknown[] } | { close: true }) => {
    if ("close" in m) {
      void database.close().finally(() => process.exit(0));
      return;
    }
    const op = ops[m.op];
    if (!op) return port.postMessage({ id: m.id, error: toThreadError(new Error(`unknown operation ${m.op}`)) });
    op(m.args).then(
      (value) => port.postMessage({ id: m.id, value }),
      (e: unknown) => port.postMessage({ id: m.id, error: toThreadError(e) }),
    );
  });
  // Ready once warm: the first save does not load the hierarchy and the catalog while its user waits.
  await Promise.all([hierarchyOf(ctx), indicatorMap(ctx.db)]);
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ fatal: String((e as Error)?.message ?? e) });
}
