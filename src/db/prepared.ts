/**
 * Queries on the hot path (every save), built with Kysely once per dialect and run after that from
 * their compiled SQL: building and compiling a query costs more than SQLite takes to run it. The
 * builder is called once with markers in place of its arguments; where each marker lands in the
 * compiled parameters says where each argument goes on later calls. A builder must pass its
 * arguments through unchanged and have one shape (no lists, no conditional parts).
 */
import { CompiledQuery, type Compilable, type Kysely } from "kysely";
import type { DB } from "./schema.ts";

const MARK = "\u0000danvan-argument-";

interface Template {
  sql: string;
  /** Per compiled parameter: the argument it takes, or a constant the builder put there. */
  slots: Array<{ arg: number } | { value: unknown }>;
}

/** A prepared query: call it with a database (or transaction) and its arguments; it returns the rows. */
export function prepared<A extends unknown[], R>(arity: A["length"], build: (db: Kysely<DB>, ...args: A) => Compilable<R>): (db: Kysely<DB>, ...args: A) => Promise<R[]> {
  const templates = new WeakMap<object, Template>();
  return async (db, ...args) => {
    const adapter = db.getExecutor().adapter;
    let t = templates.get(adapter);
    if (!t) templates.set(adapter, (t = compileTemplate(db, arity, build)));
    const params = t.slots.map((s) => ("arg" in s ? args[s.arg] : s.value));
    return (await db.executeQuery<R>(CompiledQuery.raw(t.sql, params))).rows;
  };
}

/**
 * SQL text → statement name: PostgreSQL connections (src/db/database.ts) run these as named
 * statements, parsed and planned once per connection. Every prepared query is named at once.
 */
export const statementNames = new Map<string, string>();

function compileTemplate<A extends unknown[], R>(db: Kysely<DB>, arity: number, build: (db: Kysely<DB>, ...args: A) => Compilable<R>): Template {
  const marks = Array.from({ length: arity }, (_, i) => `${MARK}${i}`);
  const c = build(db, ...(marks as unknown as A)).compile();
  const at = new Map(marks.map((m, i) => [m, i]));
  const slots = c.parameters.map((p) => (typeof p === "string" && at.has(p) ? { arg: at.get(p)! } : { value: p }));
  if (c.parameters.some((p) => typeof p === "string" && p.includes(MARK) && !at.has(p))) throw new Error(`prepared query: an argument was changed, not passed through (${c.sql})`);
  const used = slots.flatMap((s) => ("arg" in s ? [s.arg] : []));
  if (used.length !== arity || new Set(used).size !== arity) throw new Error(`prepared query: each of the ${arity} arguments must appear once as a parameter (${c.sql})`);
  if (!statementNames.has(c.sql)) statementNames.set(c.sql, `danvan_p${statementNames.size + 1}`);
  return { sql: c.sql, slots };
}
