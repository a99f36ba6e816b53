/**
 * What every service receives: the database (or the transaction it runs in), the configuration
 * and the hierarchy cache. Built once by the entry points.
 */
import type { Kysely } from "kysely";
import type { DB } from "./db/schema.ts";
import type { Config } from "./config.ts";
import type { Database } from "./db/database.ts";
import { HierarchyStore } from "./units/hierarchy.store.ts";
import type { Hierarchy } from "./core/hierarchy.ts";
import type { BeforeCommit } from "./db/committer.ts";

export interface Ctx {
  db: Kysely<DB>;
  database: Database;
  config: Config;
  hierarchies: HierarchyStore;
  /** Today's date (ISO), injectable for tests. */
  today(): string;
  /**
   * Inside a transaction: work to finish before it commits (maintained totals add up what the
   * transaction changed), shared by the works committed together. Absent outside transactions.
   */
  beforeCommit?: BeforeCommit;
}

/** Builds the context for a process. */
export function makeContext(database: Database, config: Config, today?: () => string): Ctx {
  return {
    db: database.db,
    database,
    config,
    hierarchies: new HierarchyStore(),
    today: today ?? (() => new Date().toISOString().slice(0, 10)),
  };
}

/** The current hierarchy. */
export function hierarchyOf(ctx: Ctx): Promise<Hierarchy> {
  return ctx.hierarchies.get(ctx.db);
}

/**
 * Runs `fn` in one transaction; the context it gets writes through that transaction. Called inside
 * a transaction, it joins it. Transactions are committed in groups (src/db/committer.ts): the
 * promise settles after the commit that holds this work. `alone` (imports, rebuilds) runs it in a
 * transaction of its own; `hint`: what the work will read, said before it runs (batchHints in
 * src/db/committer.ts).
 */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>, opts: { alone?: boolean; hint?: unknown } = {}): Promise<T> {
  if (ctx.beforeCommit) return fn(ctx);
  return ctx.database.committer.run((trx, hooks) => fn({ ...ctx, db: trx, beforeCommit: hooks }), opts.alone ?? false, opts.hint);
}
