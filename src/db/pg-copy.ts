/**
 * PostgreSQL COPY for bulk writes (imports, totals rebuilds): rows stream as COPY text into a table,
 * often a staging table of the transaction in progress that one INSERT … SELECT then moves. COPY skips the
 * parameter arrays a multi-row INSERT needs (their encoding cost most of an import's time).
 * Kysely does not hand out its connection, so the pool's clients are remembered here and the
 * transaction's one is found by its backend process id.
 */
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql, type Kysely } from "kysely";
import type pgTypes from "pg";
import type { DB } from "./schema.ts";
import type { CopyStreamQuery } from "pg-copy-streams";

type Client = pgTypes.ClientBase & { processID?: number };

const clients = new Set<Client>();

/** Remembers a pool's connections (called once per pool when the database is opened). */
export function trackPgClients(pool: pgTypes.Pool): void {
  pool.on("connect", (c) => clients.add(c as Client));
  pool.on("remove", (c) => clients.delete(c as Client));
}

const byKysely = new WeakMap<object, Client>();

/** The pg client a transaction (or connection-bound Kysely) runs on. */
export async function pgClientOf(db: Kysely<DB>): Promise<Client> {
  const known = byKysely.get(db);
  if (known) return known;
  const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  const pid = Number(rows[0]!.pid);
  const found = [...clients].find((c) => c.processID === pid);
  if (!found) throw new Error(`no pooled connection with backend pid ${pid}`);
  byKysely.set(db, found);
  return found;
}

/** One COPY text field: NULL as \N, backslash, tab, newline and carriage return escaped. */
export function copyField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : v;
}

let copyFrom: ((txt: string) => CopyStreamQuery) | undefined;

/**
 * Streams COPY text (lines ending in "\n", fields by `copyField`, tab-separated) into `table`
 * (`columns` in order) on the transaction's connection.
 */
export async function copyInto(db: Kysely<DB>, table: string, columns: readonly string[], text: Iterable<string> | AsyncIterable<string>): Promise<void> {
  copyFrom ??= (createRequire(import.meta.url)("pg-copy-streams") as typeof import("pg-copy-streams")).from;
  const client = await pgClientOf(db);
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(", ")}) from stdin`));
  await pipeline(Readable.from(text, { objectMode: false }), stream);
}
