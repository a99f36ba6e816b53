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
  /** Which figures totals count when a question does not say: approved, submitted (or approved), all (drafts too). */
  basis: z.enum(["approved", "submitted", "all"]).default("all"),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * A group of settings stored as one JSON value under `key`, read with defaults from its schema and
 * replaced by administrators only, with an audit row.
 */
export function jsonSetting<S extends z.ZodType>(key: string, schema: S, action: string, afterChange?: (tx: Ctx, before: z.infer<S>, after: z.infer<S>) => Promise<void>) {
  const get = async (db: Kysely<DB>): Promise<z.infer<S>> => {
    const r = await db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    return schema.parse(r ? JSON.parse(r.value) : {});
  };
  const update = async (ctx: Ctx, actor: Actor, input: unknown): Promise<z.infer<S>> => {
    requireAbility(actor, "units.manage");
    const s = schema.parse(input);
    return inTransaction(ctx, async (tx) => {
      const before = await get(tx.db);
      const v = JSON.stringify(s);
      await tx.db.insertInto("settings").values({ key, value: v }).onConflict((oc) => oc.column("key").doUpdateSet({ value: v })).execute();
      await audit(tx.db, actor, action, "settings", key, before, s);
      await afterChange?.(tx, before, s);
      return s;
    });
  };
  return { get, update };
}

/** Work a feature does when the settings change, in the same transaction (maintained totals rebuild on a new cut-off day). */
export const settingsListeners: Array<(tx: Ctx, before: Settings, after: Settings) => Promise<void>> = [];

const app = jsonSetting("app", SettingsSchema, "settings.update", async (tx, before, after) => {
  for (const listen of settingsListeners) await listen(tx, before, after);
});
/** Reads the settings (defaults where unset). */
export const getSettings: (db: Kysely<DB>) => Promise<Settings> = app.get;
/** Replaces the settings (administrators only). */
export const updateSettings: (ctx: Ctx, actor: Actor, input: unknown) => Promise<Settings> = app.update;
