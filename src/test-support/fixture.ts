/** A migrated database with the country's units and the catalog, and helpers to make actors. */
import type { Database } from "../db/database.ts";
import { makeContext, hierarchyOf, type Ctx } from "../context.ts";
import { loadConfig } from "../config.ts";
import { importAdminUnits } from "../units/admin-import.ts";
import { seedCatalog } from "../indicators/indicator.service.ts";
import { SYSTEM, type Actor, type Role } from "../accounts/actor.ts";
import { createUser } from "../accounts/user.service.ts";
import { ensureTotals } from "../totals/totals.rebuild.ts";

/** Loads units and catalog into a fresh database; returns a context fixed at `today`. */
export async function seededContext(database: Database, today = "2026-11-25"): Promise<Ctx> {
  const ctx = makeContext(database, loadConfig({ DANVAN_PASSWORD_COST: "10" }), () => today);
  await importAdminUnits(ctx.db, SYSTEM);
  await seedCatalog(ctx.db);
  await ensureTotals(ctx);
  return ctx;
}

let n = 0;
/** Creates a user of a role at a unit (code read at a date) and returns its actor. */
export async function userAt(ctx: Ctx, role: Role, code: string, date = "2026-01-01"): Promise<Actor> {
  const h = await hierarchyOf(ctx);
  const unit = h.resolveCode(code, date);
  const u = await createUser(ctx, SYSTEM, { username: `${role}${++n}x${code}`, displayName: `Test ${role}`, password: "mat-khau-thu", role, unitId: unit.id });
  return { kind: "user", userId: u.id, username: u.username, displayName: u.displayName, role, unitId: unit.id };
}

/** Number of figure rows (to check that a refused write changed nothing). */
export async function figureCount(ctx: Ctx): Promise<number> {
  const r = await ctx.db.selectFrom("figures").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
