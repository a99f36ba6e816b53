/** Installation settings stored in the database (cut-off day, report deadlines). */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility } from "../accounts/policy.ts";
import { inTransaction, type Ctx } from "../context.ts";

export const SettingsSchema = z.object({
  /** Day of the month periods start on (1 = calendar months; 15 = state reports, 15/12 → 14/12). */
  cutoffDay: z.number().int().min(1).max(28).default(1),
  /** Days after a period ends by which its report is due, per period type. */
  deadlines: z.object({
    month: z.number().int().min(0).max(90), quarter: z.number().int().min(0).max(90), six_months: z.number().int().min(0).max(90),
    nine_months: z.number().int().min(0).max(90), year: z.number().int().min(0).max(90),
  }).partial().default({}),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Reads the settings (defaults where unset). */
export async function getSettings(db: Kysely<DB>): Promise<Settings> {
  const r = await db.selectFrom("settings").select("value").where("key", "=", "app").executeTakeFirst();
  return SettingsSchema.parse(r ? JSON.parse(r.value) : {});
}

/** Replaces the settings (administrators only). */
export async function updateSettings(ctx: Ctx, actor: Actor, input: unknown): Promise<Settings> {
  requireAbility(actor, "units.manage");
  const s = SettingsSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await getSettings(tx.db);
    const v = JSON.stringify(s);
    await tx.db.insertInto("settings").values({ key: "app", value: v }).onConflict((oc) => oc.column("key").doUpdateSet({ value: v })).execute();
    await audit(tx.db, actor, "settings.update", "settings", "app", before, s);
    return s;
  });
}
