/**
 * Sessions are kept in memory per server and checked against a counter the database bumps: two
 * servers on one database (two handles here, each with its own cache) never honour a session the
 * other has ended, nor a role or unit the other has changed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, migrate, type Database } from "../db/database.ts";
import { PG_URL } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import { makeContext, hierarchyOf, type Ctx } from "../context.ts";
import { loadConfig } from "../config.ts";
import { SYSTEM } from "./actor.ts";
import { actorOfSession, signIn, signOut } from "./session.service.ts";
import { createUser, updateUser } from "./user.service.ts";

/** The signed-in user a token stands for on a server, or null. */
const who = async (ctx: Ctx, token: string) => {
  const a = await actorOfSession(ctx, token);
  return a?.kind === "user" ? a : null;
};

for (const dialect of ["sqlite", "postgres"] as const) {
  test(`two servers on one database [${dialect}]: a session ended or a user changed on one is seen on the other's next request`, async (t) => {
    if (dialect === "postgres" && !PG_URL) return t.skip("PostgreSQL tests SKIPPED: set DANVAN_TEST_PG_URL");
    let url: string | undefined;
    let schema: string | undefined;
    let file: string | undefined;
    if (dialect === "postgres") {
      schema = `t_${randomBytes(6).toString("hex")}`;
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`create schema ${schema}`);
      await c.end();
      url = PG_URL;
    } else file = join(mkdtempSync(join(tmpdir(), "danvan-sessions-")), "db.sqlite");
    const open = () => openDatabase(url ? { url, pgSchema: schema! } : { sqlitePath: file!, readers: 1 });
    const a: Database = open();
    await migrate(a);
    const b: Database = open();
    try {
      const ctxA = await seededContext(a);
      const ctxB: Ctx = makeContext(b, loadConfig({ DANVAN_PASSWORD_COST: "10" }), () => "2026-11-25");
      const h = await hierarchyOf(ctxA);
      const unitId = h.resolveCode("21583", "2026-01-01").id;
      const user = await createUser(ctxA, SYSTEM, { username: "hai-may", displayName: "Hai máy", password: "mat-khau-thu", role: "reporter", unitId });
      const s1 = await signIn(ctxA, "hai-may", "mat-khau-thu", { ip: "203.0.113.1" });
      const s2 = await signIn(ctxA, "hai-may", "mat-khau-thu", { ip: "203.0.113.2" });
      // Both servers know both sessions (and keep them).
      for (const ctx of [ctxA, ctxB]) for (const s of [s1, s2]) assert.equal((await who(ctx, s.token))?.role, "reporter");
      // Signed out on B: A refuses the token at once.
      await signOut(ctxB, s1.token);
      assert.equal(await actorOfSession(ctxA, s1.token), null);
      assert.equal((await who(ctxA, s2.token))?.displayName, "Hai máy");
      // Renamed on B: A shows the new name (a role or unit change ends the sessions: refused too).
      await updateUser(ctxB, SYSTEM, user.id, { displayName: "Hai máy (đổi tên)" });
      assert.equal((await who(ctxA, s2.token))?.displayName, "Hai máy (đổi tên)");
      await updateUser(ctxB, SYSTEM, user.id, { active: false });
      assert.equal(await actorOfSession(ctxA, s2.token), null);
    } finally {
      await b.close();
      await a.close();
      if (schema) {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      }
    }
  });
}
