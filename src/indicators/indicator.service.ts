/** The indicator catalog in the database: the default keys, plus those administrators add. */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { DomainError } from "../core/errors.ts";
import { DEFAULT_CATALOG, DEFAULT_CATEGORIES, SECTIONS, type Aggregation, type IndicatorDef, type SectionKey } from "./catalog.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility } from "../accounts/policy.ts";
import { type Ctx, inTransaction } from "../context.ts";

export interface Indicator extends IndicatorDef {
  builtin: boolean;
  description: string | null;
}

/** Units whose values may have decimals; every other indicator counts whole things. */
const DECIMAL_UNITS = new Set(["%", "m²", "ha", "km", "tấn"]);

/** True when values of the indicator must be whole numbers. */
export function isWholeNumber(i: Pick<IndicatorDef, "unit" | "aggregation">): boolean {
  return i.aggregation === "sum" && !DECIMAL_UNITS.has(i.unit);
}

/** Inserts the default catalog and categories where missing (idempotent). */
export async function seedCatalog(db: Kysely<DB>): Promise<number> {
  let added = 0;
  for (const [i, d] of DEFAULT_CATALOG.entries()) {
    const r = await db
      .insertInto("indicators")
      .values({ key: d.key, label: d.label, unit: d.unit, aggregation: d.aggregation, denominator: d.denominator, section: d.section, description: null, builtin: 1, sort: i })
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    added += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  for (const c of DEFAULT_CATEGORIES) {
    await db.insertInto("categories").values({ key: c.key, label: c.label }).onConflict((oc) => oc.column("key").doNothing()).execute();
    for (const o of c.options) {
      await db.insertInto("category_options").values({ category_key: c.key, key: o.key, label: o.label })
        .onConflict((oc) => oc.columns(["category_key", "key"]).doNothing()).execute();
    }
  }
  return added;
}

/** Every indicator, in report order. */
export async function listIndicators(db: Kysely<DB>): Promise<Indicator[]> {
  const rows = await db.selectFrom("indicators").selectAll().orderBy("sort").orderBy("key").execute();
  return rows.map((r) => ({
    key: r.key, label: r.label, unit: r.unit, aggregation: r.aggregation as Aggregation, denominator: r.denominator,
    section: r.section as SectionKey, builtin: r.builtin === 1, description: r.description,
  }));
}

/** Indicators by key. */
export async function indicatorMap(db: Kysely<DB>): Promise<Map<string, Indicator>> {
  return new Map((await listIndicators(db)).map((i) => [i.key, i]));
}

/** One indicator; throws INDICATOR_NOT_FOUND. */
export async function requireIndicator(db: Kysely<DB>, key: string): Promise<Indicator> {
  const i = (await indicatorMap(db)).get(key);
  if (!i) throw new DomainError("INDICATOR_NOT_FOUND", `Không có chỉ tiêu "${key}" trong danh mục.`, { indicator: key });
  return i;
}

/** Disaggregation categories with their options. */
export async function listCategories(db: Kysely<DB>): Promise<Array<{ key: string; label: string; options: Array<{ key: string; label: string }> }>> {
  const cats = await db.selectFrom("categories").selectAll().orderBy("key").execute();
  const opts = await db.selectFrom("category_options").selectAll().orderBy("category_key").orderBy("key").execute();
  return cats.map((c) => ({ key: c.key, label: c.label, options: opts.filter((o) => o.category_key === c.key).map((o) => ({ key: o.key, label: o.label })) }));
}

export const NewIndicatorSchema = z.object({
  /** Stable key: lower case, dot-separated ("youth.volunteers"). */
  key: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, "Mã chỉ tiêu dạng 'nhom.ten', chữ thường không dấu"),
  label: z.string().trim().min(2).max(200),
  unit: z.string().trim().min(1).max(40),
  aggregation: z.enum(["sum", "rate"]).default("sum"),
  denominator: z.string().nullable().default(null),
  section: z.enum(Object.keys(SECTIONS) as [SectionKey, ...SectionKey[]]).default("other"),
  description: z.string().max(2000).nullable().default(null),
});
export type NewIndicator = z.infer<typeof NewIndicatorSchema>;

/** Adds an administrator's own indicator. */
export async function createIndicator(ctx: Ctx, actor: Actor, input: NewIndicator): Promise<Indicator> {
  requireAbility(actor, "indicators.manage");
  return inTransaction(ctx, async (tx) => {
    const all = await indicatorMap(tx.db);
    if (all.has(input.key)) throw new DomainError("INDICATOR_EXISTS", `Chỉ tiêu "${input.key}" đã có.`);
    if (input.denominator && !all.has(input.denominator)) {
      throw new DomainError("INDICATOR_NOT_FOUND", `Chỉ tiêu mẫu số "${input.denominator}" không có trong danh mục.`);
    }
    await tx.db.insertInto("indicators").values({ ...input, label: input.label.normalize("NFC"), builtin: 0, sort: 1000 + all.size }).execute();
    await audit(tx.db, actor, "indicator.create", "indicator", input.key, null, input);
    return { ...input, builtin: false };
  });
}
