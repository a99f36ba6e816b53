/**
 * Writing many rows to SQLite with one statement per 64 rows: better-sqlite3 spends more on each
 * call (binding, stepping, resetting) than SQLite spends on a row, so an import's figures and a
 * rebuild's totals go in groups. `head` is the statement up to `values`, `tail` what follows the
 * rows (an `on conflict` clause); rows of one statement must not repeat a key (SQLite applies the
 * rows in order, so a repeat would update the row the statement just wrote, as separate runs would).
 */
import type SQLite from "better-sqlite3";

const ROWS_PER_RUN = 64;

interface Statements {
  one: SQLite.Statement;
  many: SQLite.Statement;
}
const cache = new WeakMap<SQLite.Database, Map<string, Statements>>();

/** Runs `head values (…), (…) tail` for every row; `put` writes a row's `width` values into `args` from `at`. */
export function runRows<T>(sqlite: SQLite.Database, head: string, tail: string, width: number, rows: readonly T[], put: (args: unknown[], at: number, row: T) => void): void {
  let byText = cache.get(sqlite);
  if (!byText) cache.set(sqlite, (byText = new Map()));
  const key = `${head}\u0000${tail}`;
  let s = byText.get(key);
  if (!s) {
    const tuple = `(${Array.from({ length: width }, () => "?").join(", ")})`;
    const text = (n: number) => `${head} values ${Array.from({ length: n }, () => tuple).join(", ")} ${tail}`;
    byText.set(key, (s = { one: sqlite.prepare(text(1)), many: sqlite.prepare(text(ROWS_PER_RUN)) }));
  }
  const many: unknown[] = new Array(width * ROWS_PER_RUN);
  let i = 0;
  for (; i + ROWS_PER_RUN <= rows.length; i += ROWS_PER_RUN) {
    for (let j = 0; j < ROWS_PER_RUN; j++) put(many, j * width, rows[i + j]!);
    s.many.run(many);
  }
  const one: unknown[] = new Array(width);
  for (; i < rows.length; i++) {
    put(one, 0, rows[i]!);
    s.one.run(one);
  }
}
