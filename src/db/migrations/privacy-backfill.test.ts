/**
 * The privacy migration fills audit_log.unit_id for rows written before it, wherever the row or its
 * entity tells the unit; rows it cannot place stay null (read by national administrators only).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase, type Database } from "../database.ts";
import { PG_URL } from "../../test-support/db.ts";
import { withoutValues } from "../errors.ts";
import * as core from "./2026-11-25-core.ts";
import * as reports from "./2026-11-25-reports.ts";
import * as registers from "./2026-11-25-registers.ts";
import * as privacy from "./2026-12-05-privacy.ts";

async function unmigrated(dialect: "sqlite" | "postgres"): Promise<{ d: Database; done: () => Promise<void> }> {
  if (dialect === "sqlite") {
    const d = openDatabase({ sqlitePath: ":memory:" });
    return { d, done: () => d.close() };
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`create schema ${schema}`);
  await c.end();
  const d = openDatabase({ url: PG_URL, pgSchema: schema });
  return {
    d,
    done: async () => {
      await d.close();
      const c2 = new pg.Client({ connectionString: PG_URL });
      await c2.connect();
      await c2.query(`drop schema ${schema} cascade`);
      await c2.end();
    },
  };
}

for (const dialect of PG_URL ? (["sqlite", "postgres"] as const) : (["sqlite"] as const)) {
  test(`the privacy migration gives old audit rows their unit where it can tell [${dialect}]`, async () => {
    const { d, done } = await unmigrated(dialect);
    try {
      const db = d.db;
      for (const m of [core, reports, registers]) await m.up(db, dialect);
      await sql`insert into units (id, code, name, full_name, type, level, parent_id, valid_from, valid_to, structure) values
        (1, 'VN', 'Việt Nam', 'Việt Nam', 'quốc gia', 'country', null, null, null, null),
        (2, '52', 'Gia Lai', 'Tỉnh Gia Lai', 'tỉnh', 'province', 1, null, null, null),
        (3, '21583', 'Quy Nhơn', 'Phường Quy Nhơn', 'phường', 'commune', 2, null, null, null)`.execute(db);
      await sql`insert into users (id, username, display_name, password_hash, role, unit_id, active, created_at) values (7, 'quynhon', 'Q', 'x', 'reporter', 3, 1, 'now')`.execute(db);
      await sql`insert into petitions (id, unit_id, type, received_on, petitioner, content, state, search_key, search_fold, created_at, updated_at)
        values (5, 3, 'to_cao', '2026-10-01', 'A', 'B', 'received', '', '', 'now', 'now')`.execute(db);
      const rows: Array<[string, string | null, string | null, string | null, number | null]> = [
        ["petition", "5", null, "{\"id\":5}", null], // the petition still exists
        ["mediation_case", "99", "{\"unitId\":3,\"matter\":\"x\"}", null, null], // deleted: its own before names the unit
        ["submission", "3/2026Q3", null, "{}", null],
        ["user", "7", null, null, null],
        ["import_batch", "1", null, "{}", 7], // the importing user's unit
        ["attachment", "4", null, "{\"register\":\"petitions\",\"recordId\":5}", null],
        ["settings", "registers", "{}", "{}", null], // national: stays null
      ];
      for (const [entity, id, before, after, user] of rows) {
        await sql`insert into audit_log (at, user_id, action, entity, entity_id, before, after) values ('now', ${user}, 'x', ${entity}, ${id}, ${before}, ${after})`.execute(db);
      }
      await privacy.up(db, dialect);
      const got = await sql<{ entity: string; unit_id: number | null }>`select entity, unit_id from audit_log order by id`.execute(db);
      assert.deepEqual(got.rows.map((r) => [r.entity, r.unit_id === null ? null : Number(r.unit_id)]), [
        ["petition", 3], ["mediation_case", 3], ["submission", 3], ["user", 3], ["import_batch", 3], ["attachment", 3], ["settings", null],
      ]);
    } finally {
      await done();
    }
  });
}

test("a database error keeps its code and message but not the values PostgreSQL attaches (no petitioner in the server log)", () => {
  const e = Object.assign(new Error("duplicate key value violates unique constraint \"x\""), {
    code: "23505", detail: "Failing row contains (5, Trần Thị Tố Giác, 0912 345 678)", table: "petitions",
  });
  const clean = withoutValues(e) as Error & { code: string };
  assert.equal(clean.code, "23505");
  assert.ok(!JSON.stringify({ ...clean, message: clean.message, stack: clean.stack }).includes("Tố Giác"));
  assert.ok(!String(clean.stack).includes("0912"));
});
