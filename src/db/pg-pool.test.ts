import { test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase } from "./database.ts";
import { PG_URL } from "../test-support/db.ts";

const skip = PG_URL ? false : "PostgreSQL tests SKIPPED: set DANVAN_TEST_PG_URL";

test("an idle PostgreSQL connection closed by the server (a restart, a failover, an administrator) does not bring danvan down; the next query runs on a new one", { skip }, async () => {
  const d = openDatabase({ url: PG_URL! });
  const logged: string[] = [];
  const log = console.error;
  console.error = (...a: unknown[]) => void logged.push(a.join(" "));
  try {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(d.db);
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
    await admin.end();
    // The pool learns of it as an error on an idle client; without a listener Node ends the process.
    await new Promise((r) => setTimeout(r, 300));
    const again = await sql<{ one: number }>`select 1 as one`.execute(d.db);
    assert.equal(again.rows[0]!.one, 1);
    assert.ok(logged.some((l) => /PostgreSQL/.test(l)), logged.join("\n"));
  } finally {
    console.error = log;
    await d.close();
  }
});
