/**
 * What SQLite alone takes to store an import's rows: the figures and totals of a loaded database
 * copied into a fresh one with the same schema (its indexes and foreign keys), 64 rows per statement
 * as the import writes them (src/db/sqlite-rows.ts), in one transaction. No parsing, no checks, no
 * roll-up: the time an import could not go under on this machine with this schema.
 */
import { rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { runRows } from "../src/db/sqlite-rows.ts";

export interface Floor {
  figures: number;
  totals: number;
  figuresMs: number;
  totalsMs: number;
  commitMs: number;
}

export function sqliteFloor(loaded: string, scratch: string): Floor {
  const from = new SQLite(loaded, { readonly: true });
  const schema = (from.prepare("select sql from sqlite_master where sql is not null and name not like 'sqlite_%' order by type = 'table' desc, rowid").all() as Array<{ sql: string }>).map((r) => r.sql);
  for (const s of ["", "-wal", "-shm"]) rmSync(scratch + s, { force: true });
  const to = new SQLite(scratch);
  // As the import's connection is set (src/db/database.ts, a one-off command's 32 MB cache).
  to.pragma("journal_mode = WAL");
  to.pragma("synchronous = NORMAL");
  to.pragma("cache_size = -32768");
  for (const s of schema) to.exec(s);
  // Parents the figures point to (units, indicators, the import's batch), then keys checked as the import's are.
  for (const t of ["units", "indicators", "import_batches"]) {
    const rows = from.prepare(`select * from ${t}`).raw().all() as unknown[][];
    if (rows.length) runRows(to, `insert into ${t}`, "", rows[0]!.length, rows, (a, at, r) => r.forEach((v, i) => (a[at + i] = v)));
  }
  to.pragma("foreign_keys = ON");
  // Read in batches (20M rows held at once would not fit); only the writes are timed.
  const copy = (table: string, cols: string[]) => {
    let n = 0;
    let ms = 0;
    let batch: unknown[][] = [];
    const write = () => {
      const t0 = performance.now();
      runRows(to, `insert into ${table} (${cols.join(", ")})`, "", cols.length, batch, (a, at, r) => r.forEach((v, i) => (a[at + i] = v)));
      ms += performance.now() - t0;
      n += batch.length;
      batch = [];
    };
    for (const r of from.prepare(`select ${cols.join(", ")} from ${table}`).raw().iterate() as IterableIterator<unknown[]>) {
      batch.push(r);
      if (batch.length === 64 * 1000) write();
    }
    write();
    return { n, ms };
  };
  const columns = (t: string) => (from.prepare(`select name from pragma_table_info('${t}')`).all() as Array<{ name: string }>).map((r) => r.name);
  to.exec("begin");
  const f = copy("figures", columns("figures").filter((c) => c !== "id"));
  const t = copy("totals", columns("totals"));
  const t0 = performance.now();
  to.exec("commit");
  const commitMs = performance.now() - t0;
  from.close();
  to.close();
  for (const s of ["", "-wal", "-shm"]) rmSync(scratch + s, { force: true });
  return { figures: f.n, totals: t.n, figuresMs: f.ms, totalsMs: t.ms, commitMs };
}
