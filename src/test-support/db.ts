/**
 * Runs a block of tests against every real database: SQLite always, PostgreSQL when
 * DANVAN_TEST_PG_URL is set (`.ci/run` sets it). Each PostgreSQL run gets its own schema.
 */
import { describe, before, after } from "node:test";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, migrate, type Database } from "../db/database.ts";

export const PG_URL = process.env.DANVAN_TEST_PG_URL;
let warned = false;

/** Creates a fresh, migrated database of the given dialect. */
export async function freshDatabase(dialect: "sqlite" | "postgres", pgUrl = PG_URL): Promise<Database> {
  if (dialect === "sqlite") {
    const d = openDatabase({ sqlitePath: ":memory:" });
    await migrate(d);
    return d;
  }
  if (!pgUrl) throw new Error("freshDatabase(postgres) needs DANVAN_TEST_PG_URL");
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  const d = openDatabase({ url: pgUrl, pgSchema: schema });
  for (let attempt = 1; ; attempt++) {
    try {
      await migrate(d);
      break;
    } catch (e) {
      // Kysely's migrator lists the tables of every schema, asking has_schema_privilege by name:
      // another test file dropping its own schema at that instant fails it before anything is
      // migrated (seen once in CI: 'schema "t_…" does not exist', a schema not this one's).
      const other = /schema "(t_[0-9a-f]+)" does not exist/.exec(String(e));
      if (attempt >= 3 || !other || other[1] === schema) throw e;
    }
  }
  const close = d.close;
  return {
    ...d,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/** `describe` once per database; `get()` returns the open database inside the tests. */
export function describeEachDatabase(title: string, body: (get: () => Database, dialect: "sqlite" | "postgres") => void): void {
  const dialects: Array<"sqlite" | "postgres"> = ["sqlite"];
  if (PG_URL) dialects.push("postgres");
  else if (!warned) {
    warned = true;
    console.log("# PostgreSQL tests SKIPPED: set DANVAN_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them");
  }
  for (const dialect of dialects) {
    describe(`${title} [${dialect}]`, () => {
      let database: Database | undefined;
      before(async () => {
        database = await freshDatabase(dialect);
      });
      after(async () => {
        await database?.close();
      });
      body(() => database!, dialect);
    });
  }
}
