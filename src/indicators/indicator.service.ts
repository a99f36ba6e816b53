/**
 * The indicator catalog in the database: the default keys, plus those administrators add. An
 * indicator is national (scope null: added by a national administrator, used everywhere) or a
 * province's own (added by that province's administrator, listed and used within it only).
 */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { DomainError } from "../core/errors.ts";
import { DEFAULT_RULES, type RuleDef, type RuleOp } from "./rules.ts";
import { DEFAULT_CATALOG, DEFAULT_CATEGORIES, SECTIONS, type Aggregation, type IndicatorDef, type SectionKey } from "./catalog.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { isNational, provinceOf, requireAbility } from "../accounts/policy.ts";
import { type Ctx, hierarchyOf, inTransaction } from "../context.ts";
import { readSettingValue } from "../db/point.ts";

export interface Indicator extends IndicatorDef {
  builtin: boolean;
  description: string | null;
  /** Null: national; else the province whose own indicator it is. */
  scopeUnitId: number | null;
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
  for (const r of DEFAULT_RULES) {
    const x = await db.insertInto("validation_rules").values({
      key: r.key, lhs: r.left, op: r.op, rhs: r.right, message: r.message, severity: r.severity, allow_with_comment: r.allowWithComment ? 1 : 0, builtin: 1, scope_unit_id: null,
    }).onConflict((oc) => oc.column("key").doNothing()).executeTakeFirst();
    added += Number(x.numInsertedOrUpdatedRows ?? 0);
  }
  const versioned = await db.selectFrom("settings").select("value").where("key", "=", CATALOG_VERSION).executeTakeFirst();
  if (added > 0 || !versioned) await bumpCatalogVersion(db);
  return added;
}

export type Category = { key: string; label: string; options: Array<{ key: string; label: string }> };
/** A rule of the catalog, with whose it is (null: national). */
export interface Rule extends RuleDef {
  builtin: boolean;
  scopeUnitId: number | null;
}

interface Catalog {
  indicators: Indicator[];
  byKey: Map<string, Indicator>;
  categories: Category[];
  rules: Rule[];
}

const CATALOG_VERSION = "catalog_version";
/** Catalogs by version: every save validates against the catalog, so it is read once per change, not per save. */
const catalogs = new Map<string, Catalog>();

/**
 * The catalog as a transaction first read it: the writes of one group commit (up to 200 saves)
 * read its version once, not three times each. A transaction that changes the catalog reads the
 * version every time for the rest of its life (a work rolled back to its savepoint may undo the change).
 */
const ofTransaction = new WeakMap<Kysely<DB>, Promise<Catalog>>();
const changedIn = new WeakSet<Kysely<DB>>();

/** Marks the catalog as changed (inside the transaction that changed it): every process reads it again. */
export async function bumpCatalogVersion(db: Kysely<DB>): Promise<void> {
  if (db.isTransaction) (changedIn.add(db), ofTransaction.delete(db));
  const v = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await db.insertInto("settings").values({ key: CATALOG_VERSION, value: v }).onConflict((oc) => oc.column("key").doUpdateSet({ value: v })).execute();
}

/** The catalog (indicators and categories), from the cache when its version in the database is unchanged. */
async function catalog(db: Kysely<DB>): Promise<Catalog> {
  if (!db.isTransaction || changedIn.has(db)) return catalogRead(db);
  // The read itself is kept: a save asks for indicators, categories and rules at once.
  let c = ofTransaction.get(db);
  if (!c) {
    ofTransaction.set(db, (c = catalogRead(db)));
    c.catch(() => ofTransaction.delete(db));
  }
  return c;
}

async function catalogRead(db: Kysely<DB>): Promise<Catalog> {
  const v = await readSettingValue(db, CATALOG_VERSION);
  const hit = v && catalogs.get(v);
  if (hit) return hit;
  const rows = await db.selectFrom("indicators").selectAll().orderBy("sort").orderBy("key").execute();
  const indicators: Indicator[] = rows.map((r) => ({
    key: r.key, label: r.label, unit: r.unit, aggregation: r.aggregation as Aggregation, denominator: r.denominator,
    section: r.section as SectionKey, builtin: r.builtin === 1, description: r.description, scopeUnitId: r.scope_unit_id,
  }));
  const cats = await db.selectFrom("categories").selectAll().orderBy("key").execute();
  const opts = await db.selectFrom("category_options").selectAll().orderBy("category_key").orderBy("key").execute();
  const categories = cats.map((c) => ({ key: c.key, label: c.label, options: opts.filter((o) => o.category_key === c.key).map((o) => ({ key: o.key, label: o.label })) }));
  const rules: Rule[] = (await db.selectFrom("validation_rules").selectAll().orderBy("key").execute()).map((r) => ({
    key: r.key, left: r.lhs, op: r.op as RuleOp, right: r.rhs, message: r.message, severity: r.severity as Rule["severity"],
    allowWithComment: r.allow_with_comment === 1, builtin: r.builtin === 1, scopeUnitId: r.scope_unit_id,
  }));
  const out = { indicators, byKey: new Map(indicators.map((i) => [i.key, i])), categories, rules };
  // Only a versioned catalog is kept (an unversioned one could be another database's).
  if (v) {
    if (catalogs.size > 50) catalogs.clear();
    catalogs.set(v, out);
  }
  latest = out;
  return out;
}

let latest: Catalog | null = null;

/**
 * The catalog this process read last, without asking the database whether it changed: for guesses
 * that are checked later (what a save will read, said before its transaction), never for a decision.
 */
export function lastReadCatalog(): Pick<Catalog, "byKey" | "categories"> | null {
  return latest;
}

/** Every indicator, in report order. */
export async function listIndicators(db: Kysely<DB>): Promise<Indicator[]> {
  return (await catalog(db)).indicators;
}

/** The indicators a user works with: the national ones and their own province's (every one for national users). */
export async function listIndicatorsFor(ctx: Ctx, actor: Actor): Promise<Indicator[]> {
  const all = await listIndicators(ctx.db);
  const h = await hierarchyOf(ctx);
  if (isNational(h, actor)) return all;
  const own = actor.kind === "user" ? provinceOf(h, actor.unitId) : null;
  return all.filter((i) => i.scopeUnitId === null || i.scopeUnitId === own);
}

/** True when an indicator may carry figures of a unit: national ones everywhere, a province's own inside it. */
export function indicatorAppliesTo(h: import("../core/hierarchy.ts").Hierarchy, i: Pick<Indicator, "scopeUnitId">, unitId: number): boolean {
  return i.scopeUnitId === null || provinceOf(h, unitId) === i.scopeUnitId || h.isAncestorOrSelf(i.scopeUnitId, unitId);
}

/** Indicators by key. */
export async function indicatorMap(db: Kysely<DB>): Promise<Map<string, Indicator>> {
  return (await catalog(db)).byKey;
}

/** One indicator; throws INDICATOR_NOT_FOUND. */
export async function requireIndicator(db: Kysely<DB>, key: string): Promise<Indicator> {
  const i = (await indicatorMap(db)).get(key);
  if (!i) throw new DomainError("INDICATOR_NOT_FOUND", `Không có chỉ tiêu "${key}" trong danh mục.`, { indicator: key });
  return i;
}

/** The validation rules (national and every province's own). */
export async function listRules(db: Kysely<DB>): Promise<Rule[]> {
  return (await catalog(db)).rules;
}

/** The rules a user works with: national ones and their own province's. */
export async function listRulesFor(ctx: Ctx, actor: Actor): Promise<Rule[]> {
  const all = await listRules(ctx.db);
  const h = await hierarchyOf(ctx);
  if (isNational(h, actor)) return all;
  const own = actor.kind === "user" ? provinceOf(h, actor.unitId) : null;
  return all.filter((r) => r.scopeUnitId === null || r.scopeUnitId === own);
}

export const NewRuleSchema = z.object({
  /** The indicator on the left of the comparison. */
  left: z.string().min(1).max(80),
  op: z.enum(["<=", ">=", "=="]),
  right: z.string().min(1).max(80),
  /** Shown beside the field when the rule is broken. */
  message: z.string().trim().min(5).max(500),
  severity: z.enum(["error", "warning"]).default("error"),
  /** An error a person may accept by writing a comment on the figure. */
  allowWithComment: z.boolean().default(false),
});

/**
 * Adds a validation rule: national when a national administrator adds it, else the administrator's
 * province's own (it applies to that province's units).
 */
export async function createRule(ctx: Ctx, actor: Actor, input: z.input<typeof NewRuleSchema>): Promise<Rule> {
  requireAbility(actor, "indicators.manage");
  const r = NewRuleSchema.parse(input);
  const h = await hierarchyOf(ctx);
  const scope = isNational(h, actor) || actor.kind !== "user" ? null : provinceOf(h, actor.unitId);
  if (!isNational(h, actor) && scope === null) throw new DomainError("FORBIDDEN", "Chỉ quản trị viên cấp Trung ương hoặc cấp tỉnh mới thêm được quy tắc kiểm tra.");
  return inTransaction(ctx, async (tx) => {
    const all = await indicatorMap(tx.db);
    for (const k of [r.left, r.right]) if (!all.has(k)) throw new DomainError("INDICATOR_NOT_FOUND", `Không có chỉ tiêu "${k}" trong danh mục.`, { indicator: k });
    if (r.left === r.right) throw new DomainError("VALIDATION", "Hai vế của quy tắc phải là hai chỉ tiêu khác nhau.");
    const key = `${r.left}${r.op}${r.right}${scope ? `@${scope}` : ""}`;
    const exists = await tx.db.selectFrom("validation_rules").select("key").where("key", "=", key).executeTakeFirst();
    if (exists) throw new DomainError("RULE_EXISTS", "Quy tắc này đã có.", { key });
    await tx.db.insertInto("validation_rules").values({
      key, lhs: r.left, op: r.op, rhs: r.right, message: r.message.normalize("NFC"), severity: r.severity, allow_with_comment: r.allowWithComment ? 1 : 0, builtin: 0, scope_unit_id: scope,
    }).execute();
    await bumpCatalogVersion(tx.db);
    await audit(tx.db, actor, "rule.create", "rule", key, null, r, scope);
    return { key, ...r, message: r.message.normalize("NFC"), builtin: false, scopeUnitId: scope };
  });
}

/** Disaggregation categories with their options. */
export async function listCategories(db: Kysely<DB>): Promise<Category[]> {
  return (await catalog(db)).categories;
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

/**
 * Adds an administrator's own indicator: national when a national administrator adds it, else the
 * administrator's province's own (a provincial administrator cannot add to the national catalog).
 */
export async function createIndicator(ctx: Ctx, actor: Actor, input: NewIndicator): Promise<Indicator> {
  requireAbility(actor, "indicators.manage");
  const h = await hierarchyOf(ctx);
  const scope = isNational(h, actor) || actor.kind !== "user" ? null : provinceOf(h, actor.unitId);
  if (!isNational(h, actor) && scope === null) {
    throw new DomainError("FORBIDDEN", "Chỉ quản trị viên cấp Trung ương hoặc cấp tỉnh mới thêm được chỉ tiêu.");
  }
  return inTransaction(ctx, async (tx) => {
    const all = await indicatorMap(tx.db);
    if (all.has(input.key)) throw new DomainError("INDICATOR_EXISTS", `Chỉ tiêu "${input.key}" đã có.`);
    const denominator = input.denominator ? all.get(input.denominator) : undefined;
    if (input.denominator && (!denominator || (denominator.scopeUnitId !== null && denominator.scopeUnitId !== scope))) {
      throw new DomainError("INDICATOR_NOT_FOUND", `Chỉ tiêu mẫu số "${input.denominator}" không có trong danh mục.`);
    }
    await tx.db.insertInto("indicators").values({ ...input, label: input.label.normalize("NFC"), builtin: 0, sort: 1000 + all.size, scope_unit_id: scope }).execute();
    await bumpCatalogVersion(tx.db);
    await audit(tx.db, actor, "indicator.create", "indicator", input.key, null, { ...input, scopeUnitId: scope }, scope);
    return { ...input, builtin: false, scopeUnitId: scope };
  });
}
