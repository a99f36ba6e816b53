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

export interface Ctx {
  db: Kysely<DB>;
  database: Database;
  config: Config;
  hierarchies: HierarchyStore;
  /** Today's date (ISO), injectable for tests. */
  today(): string;
  /**
   * Inside a transaction: work to finish before it commits (maintained totals add up what the
   * transaction changed). Absent outside transactions.
   */
  beforeCommit?: Array<(tx: Ctx) => Promise<void>>;
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
 * a transaction, it joins it. Work registered in `beforeCommit` runs after `fn`, before the commit.
 */
export function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.beforeCommit) return fn(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const tx: Ctx = { ...ctx, db: trx, beforeCommit: [] };
    const result = await fn(tx);
    for (let i = 0; i < tx.beforeCommit!.length; i++) await tx.beforeCommit![i]!(tx);
    return result;
  });
}
