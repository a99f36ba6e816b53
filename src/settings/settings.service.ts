/**
 * Installation settings stored in the database (cut-off day, report deadlines) and the helper every
 * settings group uses. A group has a national entry, changed by national administrators only, and
 * may have a province's own entry (key "<group>@<province id>", scope_unit_id = the province),
 * changed by that province's administrators (or national ones); what a province's entry may hold and
 * how it combines with the national one is decided by the group (see src/registers/settings.ts).
 * Every entry carries a version: a save made from an older version is refused (CONFLICT).
 */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { provinceOf, requireAbility, requireNational, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { pointReader } from "../db/point.ts";

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
  /** The kinds of period units report on (the report form's period picker offers only these). */
  reportPeriods: z.array(z.enum(["month", "quarter", "six_months", "nine_months", "year"])).min(1).default(["quarter", "six_months", "nine_months", "year"]),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A settings entry with the version a later save must name. */
export type Versioned<T> = T & { version: number };

/** Throws CONFLICT with the current value when a save names another version than the stored one. */
export function checkVersion<T>(expected: number | undefined, current: number, value: T, what: string): void {
  if (expected !== undefined && expected !== current) {
    throw new DomainError("CONFLICT", `${what} đã được người khác sửa (phiên bản ${current}, bạn sửa từ phiên bản ${expected}). Xem bản hiện tại rồi chọn giữ bản nào.`, { current: value, version: current });
  }
}

/**
 * A group of settings stored as one JSON value under `key`, read with defaults from its schema,
 * replaced by national administrators only (audited); `province` gives the schema of a province's
 * own entry, replaced by administrators of that province.
 */
export function jsonSetting<S extends z.ZodType, P extends z.ZodType = z.ZodNever>(key: string, schema: S, action: string, province?: P, afterChange?: (tx: Ctx, before: z.infer<S>, after: z.infer<S>) => Promise<void>) {
  const read = async (db: Kysely<DB>, k: string) => pointReader(db).selectFrom("settings").select(["value", "version"]).where("key", "=", k).executeTakeFirst();
  const get = async (db: Kysely<DB>): Promise<z.infer<S>> => {
    const r = await read(db, key);
    return schema.parse(r ? JSON.parse(r.value) : {});
  };
  const getVersioned = async (db: Kysely<DB>): Promise<Versioned<z.infer<S>>> => {
    const r = await read(db, key);
    return { ...(schema.parse(r ? JSON.parse(r.value) : {}) as object), version: r?.version ?? 0 } as Versioned<z.infer<S>>;
  };
  /**
   * Writes an entry from the version the writer read (`current`, 0 when none); refuses with CONFLICT
   * when `expected` names another one, or when someone else wrote it meanwhile (a parallel save).
   */
  const write = async (tx: Ctx, k: string, scope: number | null, value: unknown, expected: number | undefined, what: string, beforeValue: unknown, current: number) => {
    checkVersion(expected, current, beforeValue, what);
    const v = JSON.stringify(value);
    const done = current === 0
      ? Number((await tx.db.insertInto("settings").values({ key: k, value: v, scope_unit_id: scope }).onConflict((oc) => oc.column("key").doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0)
      : Number((await tx.db.updateTable("settings").set((eb) => ({ value: v, version: eb("version", "+", 1) })).where("key", "=", k).where("version", "=", current).executeTakeFirst()).numUpdatedRows);
    if (done === 0) {
      const now = await read(tx.db, k);
      throw new DomainError("CONFLICT", `${what} vừa được người khác lưu. Xem bản hiện tại rồi lưu lại.`, { current: now ? JSON.parse(now.value) : null, version: now?.version ?? 0 });
    }
    return current + 1;
  };
  /** Replaces the national entry (national administrators only); `version`, when given, must be the stored one. */
  const update = async (ctx: Ctx, actor: Actor, input: unknown, version?: number): Promise<Versioned<z.infer<S>>> => {
    requireAbility(actor, "units.manage");
    requireNational(await hierarchyOf(ctx), actor, "cấu hình");
    const s = schema.parse(input);
    return inTransaction(ctx, async (tx) => {
      const r = await read(tx.db, key);
      const before = schema.parse(r ? JSON.parse(r.value) : {});
      const v = await write(tx, key, null, s, version, "Cấu hình", before, r?.version ?? 0);
      await audit(tx.db, actor, action, "settings", key, before, s, null);
      await afterChange?.(tx, before, s);
      return { ...(s as object), version: v } as Versioned<z.infer<S>>;
    });
  };
  const provinceKey = (provinceId: number) => `${key}@${provinceId}`;
  /** A province's own entry (null when it has none). */
  const getProvince = async (db: Kysely<DB>, provinceId: number): Promise<Versioned<z.infer<P>> | null> => {
    if (!province) return null;
    const r = await read(db, provinceKey(provinceId));
    return r ? ({ ...(province.parse(JSON.parse(r.value)) as object), version: r.version } as Versioned<z.infer<P>>) : null;
  };
  /** Replaces a province's own entry: administrators of that province (or national ones). */
  const updateProvince = async (ctx: Ctx, actor: Actor, provinceId: number, input: unknown, version?: number): Promise<Versioned<z.infer<P>>> => {
    if (!province) throw new DomainError("SETTINGS_NOT_SCOPED", "Nhóm cấu hình này chỉ có cấu hình chung cả nước.");
    requireAbility(actor, "units.manage");
    const h = await hierarchyOf(ctx);
    const p = h.require(provinceId);
    if (provinceOf(h, provinceId) !== provinceId) throw new DomainError("VALIDATION", `"${p.fullName}" không phải là một tỉnh, thành phố.`, { unitId: provinceId });
    requireScope(h, actor, [provinceId], ctx.today());
    const s = province.parse(input);
    return inTransaction(ctx, async (tx) => {
      const k = provinceKey(provinceId);
      const r = await read(tx.db, k);
      const before = r ? province.parse(JSON.parse(r.value)) : null;
      const v = await write(tx, k, provinceId, s, version, `Cấu hình riêng của ${p.fullName}`, before, r?.version ?? 0);
      await audit(tx.db, actor, `${action}.province`, "settings", k, before, s, provinceId);
      return { ...(s as object), version: v } as Versioned<z.infer<P>>;
    });
  };
  return { get, getVersioned, update, getProvince, updateProvince };
}

/** Work a feature does when the settings change, in the same transaction (maintained totals rebuild on a new cut-off day). */
export const settingsListeners: Array<(tx: Ctx, before: Settings, after: Settings) => Promise<void>> = [];

const app = jsonSetting("app", SettingsSchema, "settings.update", undefined, async (tx, before, after) => {
  for (const listen of settingsListeners) await listen(tx, before, after);
});
/** Reads the settings (defaults where unset). */
export const getSettings: (db: Kysely<DB>) => Promise<Settings> = app.get;
/** Replaces the settings (national administrators only: report cut-offs and deadlines are the same everywhere). */
export const updateSettings: (ctx: Ctx, actor: Actor, input: unknown, version?: number) => Promise<Versioned<Settings>> = app.update;
