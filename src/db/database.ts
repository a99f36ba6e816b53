/**
 * Opens the database: embedded SQLite by default (a file under ./data), PostgreSQL when a URL is
 * given. One set of migrations runs on both.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { createRequire } from "node:module";
import type pgTypes from "pg";
import { Kysely, Migrator, PostgresDialect, type Migration, type MigrationProvider } from "kysely";
import type { DB } from "./schema.ts";
import { DanvanSqliteDialect, DanvanSqlitePointDialect, walSync } from "./sqlite-dialect.ts";
import { Committer } from "./committer.ts";
import type { ThreadLock } from "./writer-lock.ts";
import type { WriteThread } from "./write-thread.ts";
import { registerPointReader } from "./point.ts";
import * as core from "./migrations/2026-11-25-core.ts";
import * as reports from "./migrations/2026-11-25-reports.ts";
import * as registers from "./migrations/2026-11-25-registers.ts";
import * as totals from "./migrations/2026-12-05-totals.ts";
import * as rateLimits from "./migrations/2026-12-05-rate-limits.ts";
import * as privacy from "./migrations/2026-12-05-privacy.ts";
import * as figureVersions from "./migrations/2026-12-06-figure-versions.ts";
import * as rules from "./migrations/2026-12-06-rules.ts";
import * as reportSections from "./migrations/2026-12-06-report-sections.ts";
import * as portal from "./migrations/2026-12-07-portal.ts";
import * as oversight from "./migrations/2026-12-08-oversight.ts";
import * as reminderOutbox from "./migrations/2026-12-09-reminder-outbox.ts";
import * as portalRevisions from "./migrations/2026-12-09-portal-revisions.ts";
import * as sessionVersion from "./migrations/2026-12-10-session-version.ts";
import * as figuresByGroup from "./migrations/2026-12-11-figures-by-group.ts";
import * as consultationMatter from "./migrations/2026-12-12-consultation-matter.ts";
import * as leafTotals from "./migrations/2026-12-12-leaf-totals.ts";
import * as communeDecisions from "./migrations/2026-12-13-commune-decisions.ts";
import * as outboxLastAttempt from "./migrations/2026-12-13-outbox-last-attempt.ts";
import * as totalsVersions from "./migrations/2026-12-14-totals-versions.ts";
import * as figuresReferences from "./migrations/2026-12-15-figures-references.ts";
import * as inbox from "./migrations/2026-12-07-inbox.ts";
import { trackPgClients } from "./pg-copy.ts";
import { statementNames } from "./prepared.ts";

export type DialectName = "sqlite" | "postgres";

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** PostgreSQL schema the tables live in, when not the default. */
  schema?: string | undefined;
  /**
   * SQLite only: the connection under Kysely, for bulk statements prepared once (maintained totals,
   * imports). Statements run on it join the Kysely transaction in progress (one connection).
   */
  sqlite?: SQLite.Database;
  /** Where every write transaction goes: several requests' writes share one commit. */
  committer: Committer;
  /** SQLite, a server: the thread that saves figures (src/db/write-thread.ts), when it runs one. */
  thread?: WriteThread;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection URL; when absent, SQLite at `sqlitePath`. */
  url?: string | undefined;
  /** SQLite file, or ":memory:". */
  sqlitePath?: string;
  /** PostgreSQL schema to use (tests use one per file). */
  pgSchema?: string;
  /** SQLite: read-only connections on worker threads for reads outside transactions (a server: 2; a one-off command: 0). */
  readers?: number;
  /** SQLite: the writer's page cache in MB (default 64). */
  cacheMb?: number;
  /** PostgreSQL: pool size, and transactions committing at once. */
  pgPool?: number;
  pgWriters?: number;
  /** How long a write may wait for its turn before new ones are refused (ms; 0 or unset: no limit). */
  writeWaitMs?: number;
  /** SQLite: the lock shared with another thread of this process that writes the same file (src/db/write-thread.ts). */
  threadLock?: ThreadLock;
}

/** The PostgreSQL driver, loaded on first use: a one-line CLI answer on SQLite does not pay for it. */
let pgDriver: typeof pgTypes | undefined;
function loadPg(): typeof pgTypes {
  if (pgDriver) return pgDriver;
  const pg = createRequire(import.meta.url)("pg") as typeof pgTypes;
  // pg returns int8 (count(*), sum of integers) as strings; our numbers fit in a double.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  pg.types.setTypeParser(1700, (v: string) => Number(v));
  return (pgDriver = pg);
}

/**
 * A PostgreSQL client that runs repeated queries as named statements, parsed and planned once per
 * connection instead of on every call: the prepared queries (src/db/prepared.ts) at once, any other
 * query text with parameters from its third run on (the session read, the totals' updates). Names
 * are capped, so queries whose text varies (lists of any length) cannot grow them without bound.
 */
const MAX_NAMES = 1000;
const sightings = new Map<string, number>();
function statementName(text: string): string | undefined {
  const named = statementNames.get(text);
  if (named || statementNames.size >= MAX_NAMES || text.length > 20_000) return named;
  const n = (sightings.get(text) ?? 0) + 1;
  if (n < 3) {
    if (sightings.size >= 10_000) sightings.clear();
    sightings.set(text, n);
    return undefined;
  }
  sightings.delete(text);
  const name = `danvan_${statementNames.size + 1}`;
  statementNames.set(text, name);
  return name;
}
function namingClient(pg: typeof pgTypes): typeof pgTypes.Client {
  return class extends pg.Client {
    override query(...args: unknown[]): never {
      const [text, values] = args;
      const name = typeof text === "string" && Array.isArray(values) && values.length > 0 && args.length === 2 ? statementName(text) : undefined;
      const call = super.query as (...a: unknown[]) => never;
      return name ? call.call(this, { name, text, values }) : call.apply(this, args);
    }
  };
}

/** Opens (and creates) the database; call `migrate` before use. */
export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.url) {
    const pg = loadPg();
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.pgPool ?? 10,
      Client: namingClient(pg),
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    // An idle connection the server closes (a restart, a failover, an administrator) is an error
    // event on the pool; unheard, Node ends the process. The pool drops that client and opens a
    // new one for the next query.
    pool.on("error", (e) => console.error(`[danvan] PostgreSQL closed an idle connection (${e.message}); the next query opens a new one.`));
    // Bulk writes COPY on the transaction's own connection (src/db/pg-copy.ts).
    trackPgClients(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    // Several committers, each on its own connection; the rest of the pool serves reads.
    return { db, dialect: "postgres", schema: opts.pgSchema, committer: new Committer(db, opts.pgWriters ?? 1, opts.writeWaitMs), close: () => db.destroy() };
  }
  const path = opts.sqlitePath ?? "data/danvan.sqlite";
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma("journal_mode = WAL");
  // A figure acknowledged to the user survives a power cut, not only a process crash: NORMAL syncs
  // the WAL at checkpoints, and every commit waits for the WAL's fsync, done off the event loop
  // (walSync in sqlite-dialect.ts): together what FULL gives, without the loop waiting for the disk.
  const file = path !== ":memory:";
  sqlite.pragma(file ? "synchronous = NORMAL" : "synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // The writer's page cache (default 2 MB): figures and totals are B-trees the size of the country;
  // with their hot pages in memory an import writes ~3x faster than with 2 MB (and as fast with 16
  // or 32 MB as with 64: 1M lines, measured). Readers keep SQLite's default.
  sqlite.pragma(`cache_size = -${Math.round((opts.cacheMb ?? 64) * 1024)}`);
  sqlite.pragma("temp_store = memory");
  const db = new Kysely<DB>({ dialect: new DanvanSqliteDialect(sqlite, opts.readers ?? 0, file ? walSync(`${path}-wal`) : undefined, opts.threadLock) });
  // With reader threads, point reads get a main-thread connection of their own; without, the writer serves them.
  const point = (opts.readers ?? 0) > 0 && path !== ":memory:" ? new Kysely<DB>({ dialect: new DanvanSqlitePointDialect(new SQLite(path, { readonly: true })) }) : db;
  if (point !== db) registerPointReader(db, point);
  // One writer. With a file, two lanes: one batch runs while the one before waits for its fsync.
  return {
    db, dialect: "sqlite", sqlite, committer: new Committer(db, file ? 2 : 1, opts.writeWaitMs),
    close: async () => {
      if (point !== db) await point.destroy();
      await db.destroy();
    },
  };
}

function provider(dialect: DialectName): MigrationProvider {
  const migrations: Record<string, Migration> = {
    "2026-11-25-core": { up: (db) => core.up(db, dialect), down: (db) => core.down(db) },
    "2026-11-25-reports": { up: (db) => reports.up(db, dialect), down: (db) => reports.down(db) },
    "2026-11-25-registers": { up: (db) => registers.up(db, dialect), down: (db) => registers.down(db) },
    "2026-12-05-rate-limits": { up: (db) => rateLimits.up(db, dialect), down: (db) => rateLimits.down(db) },
    "2026-12-05-totals": { up: (db) => totals.up(db, dialect), down: (db) => totals.down(db) },
    "2026-12-05-privacy": { up: (db) => privacy.up(db, dialect), down: (db) => privacy.down(db) },
    "2026-12-06-figure-versions": { up: (db) => figureVersions.up(db, dialect), down: (db) => figureVersions.down(db) },
    "2026-12-06-rules": { up: (db) => rules.up(db, dialect), down: (db) => rules.down(db) },
    "2026-12-06-report-sections": { up: (db) => reportSections.up(db, dialect), down: (db) => reportSections.down(db) },
    "2026-12-07-portal": { up: (db) => portal.up(db, dialect), down: (db) => portal.down(db) },
    "2026-12-07-inbox": { up: (db) => inbox.up(db, dialect), down: (db) => inbox.down(db) },
    "2026-12-08-oversight": { up: (db) => oversight.up(db, dialect), down: (db) => oversight.down(db) },
    "2026-12-09-reminder-outbox": { up: (db) => reminderOutbox.up(db, dialect), down: (db) => reminderOutbox.down(db) },
    "2026-12-09-portal-revisions": { up: (db) => portalRevisions.up(db), down: (db) => portalRevisions.down(db) },
    "2026-12-10-session-version": { up: (db) => sessionVersion.up(db, dialect), down: (db) => sessionVersion.down(db, dialect) },
    "2026-12-11-figures-by-group": { up: (db) => figuresByGroup.up(db, dialect), down: (db) => figuresByGroup.down(db) },
    "2026-12-12-consultation-matter": { up: (db) => consultationMatter.up(db), down: (db) => consultationMatter.down(db) },
    "2026-12-12-leaf-totals": { up: (db) => leafTotals.up(db), down: (db) => leafTotals.down(db) },
    "2026-12-13-commune-decisions": { up: (db) => communeDecisions.up(db, dialect), down: (db) => communeDecisions.down(db) },
    "2026-12-13-outbox-last-attempt": { up: (db) => outboxLastAttempt.up(db), down: (db) => outboxLastAttempt.down(db) },
    "2026-12-14-totals-versions": { up: (db) => totalsVersions.up(db), down: (db) => totalsVersions.down(db) },
    "2026-12-15-figures-references": { up: (db) => figuresReferences.up(db, dialect), down: (db) => figuresReferences.down(db, dialect) },
  };
  return { getMigrations: async () => migrations };
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrate(database: Database): Promise<void> {
  const migrator = new Migrator({
    db: database.db,
    provider: provider(database.dialect),
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    throw new Error(`migration ${failed?.migrationName ?? "?"} failed: ${String(error)}`);
  }
}
