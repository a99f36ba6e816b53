/** Saving and reading figures: validation, scope, locks and audit around the repository. */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { DomainError } from "../core/errors.ts";
import { count, id, isoDate, valueProblem } from "../core/input.ts";
import { parsePeriod, periodContains, periodRange, periodsWithin, yearPeriod, type Period } from "../core/period.ts";
import { disaggKey, parseDisagg } from "../core/rollup.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { indicatorMap, isWholeNumber, listCategories, type Indicator } from "../indicators/indicator.service.ts";
import { findFigure, figuresOfUnit, toFigure, type Figure } from "./figure.repository.ts";
import { trackFigures } from "../totals/totals.tracker.ts";

/** Where a figure came from when it was read out of a text (kept as provenance). */
export const SourceSchema = z.object({
  /** What the source is: "extract", "import", "register", "demo", "form". */
  type: z.string().max(40),
  document: z.string().max(500).optional(),
  text: z.string().max(2000).optional(),
  start: count.optional(),
  end: count.optional(),
});

export const FigureInputSchema = z.object({
  /** Internal unit id; or give `unitCode` (read at `asOf`, default the period's last day). */
  unitId: id.optional(),
  unitCode: z.string().trim().min(1).max(10).optional(),
  asOf: isoDate.optional(),
  indicator: z.string().min(1).max(80),
  period: z.string().min(1).max(12),
  /** Disaggregation: { category: option } or "cat=opt;…"; empty for the total. */
  disagg: z.union([z.string().max(200), z.record(z.string(), z.string())]).default(""),
  /** own: activities of the unit's own bodies; area: total for the whole unit, sub-units included. */
  kind: z.enum(["own", "area"]).default("own"),
  value: z.number({ error: "Giá trị phải là một số" }),
  /** estimated = "ước thực hiện". */
  status: z.enum(["reported", "estimated"]).default("reported"),
  comment: z.string().max(2000).nullable().optional(),
  source: SourceSchema.nullable().optional(),
});
export type FigureInput = z.input<typeof FigureInputSchema>;

/** Resolves the unit of an input: by id, or by code at a date (a code alone is ambiguous). */
export function resolveUnit(h: Hierarchy, input: { unitId?: number | undefined; unitCode?: string | undefined; asOf?: string | undefined }, period: Period): UnitNode {
  if (input.unitId !== undefined) return h.require(input.unitId);
  if (input.unitCode) return h.resolveCode(input.unitCode, input.asOf ?? periodRange(period).end);
  throw new DomainError("VALIDATION", "Thiếu đơn vị (unitId hoặc unitCode).");
}

/** Every standard period that contains `p` (itself included). */
export function periodsContaining(p: Period): string[] {
  return periodsWithin(yearPeriod(p.year)).filter((x) => periodContains(x, p)).map((x) => x.id);
}

/** Throws PERIOD_LOCKED when a submitted or approved report covers the unit and period. */
export async function assertNotLocked(db: Kysely<DB>, unitId: number, p: Period): Promise<void> {
  const r = await db.selectFrom("submissions").select(["period", "status"])
    .where("unit_id", "=", unitId).where("period", "in", periodsContaining(p)).where("status", "in", ["submitted", "approved"])
    .executeTakeFirst();
  if (r) {
    const what = r.status === "approved" ? "đã được phê duyệt" : "đã nộp, đang chờ duyệt";
    throw new DomainError("PERIOD_LOCKED", `Báo cáo kỳ ${r.period} của đơn vị ${what}; số liệu bị khóa cho đến khi được mở lại.`, { period: r.period, status: r.status });
  }
}

export interface ValidFigure {
  unit: UnitNode;
  indicator: Indicator;
  period: Period;
  disagg: string;
  kind: "own" | "area";
  value: number;
  status: "reported" | "estimated";
  comment: string | null;
  source: unknown;
}

/** Checks one input against the catalog and the hierarchy; returns it normalized or throws. */
export function validateFigure(
  h: Hierarchy,
  indicators: Map<string, Indicator>,
  categories: Map<string, Set<string>>,
  raw: z.infer<typeof FigureInputSchema>,
): ValidFigure {
  const indicator = indicators.get(raw.indicator);
  if (!indicator) throw new DomainError("INDICATOR_NOT_FOUND", `Không có chỉ tiêu "${raw.indicator}" trong danh mục.`, { indicator: raw.indicator });
  const period = parsePeriod(raw.period);
  const unit = resolveUnit(h, raw, period);
  const range = periodRange(period);
  if ((unit.validFrom !== null && unit.validFrom > range.end) || (unit.validTo !== null && unit.validTo < range.start)) {
    throw new DomainError("UNIT_NOT_VALID_IN_PERIOD", `Đơn vị "${unit.fullName}" không tồn tại trong kỳ ${period.id} (hiệu lực ${unit.validFrom ?? "…"} → ${unit.validTo ?? "nay"}).`, { unitId: unit.id, period: period.id });
  }
  const v = raw.value;
  if (v < 0 && Number.isFinite(v)) throw new DomainError("VALUE_NEGATIVE", `Giá trị không được âm (${v}).`, { value: v });
  // Finite, at most 10^15 and exact in a double: sums of a whole country stay finite and exact.
  const problem = valueProblem(v, 0);
  if (problem) throw new DomainError("VALUE_INVALID", problem, { value: String(v) });
  if (isWholeNumber(indicator) && !Number.isInteger(v)) {
    throw new DomainError("VALUE_NOT_WHOLE", `Chỉ tiêu "${indicator.label}" đếm số ${indicator.unit}, phải là số nguyên (nhận ${v}).`, { value: v });
  }
  if (indicator.aggregation === "rate" && v > 100) throw new DomainError("VALUE_INVALID", `Tỷ lệ phải từ 0 đến 100% (nhận ${v}).`, { value: v });
  const d = typeof raw.disagg === "string" ? parseDisagg(raw.disagg) : new Map(Object.entries(raw.disagg));
  for (const [c, o] of d) {
    if (!categories.get(c)?.has(o)) throw new DomainError("DISAGG_INVALID", `Phân tổ "${c}=${o}" không có trong danh mục.`, { disagg: `${c}=${o}` });
  }
  return {
    unit, indicator, period, disagg: disaggKey(d), kind: raw.kind, value: v, status: raw.status,
    comment: raw.comment ? raw.comment.normalize("NFC") : null, source: raw.source ?? null,
  };
}

/** Category → its option keys, for validation. */
export async function categoryIndex(db: Kysely<DB>): Promise<Map<string, Set<string>>> {
  return new Map((await listCategories(db)).map((c) => [c.key, new Set(c.options.map((o) => o.key))]));
}

/**
 * Saves figures (insert or replace) in one transaction: all are saved or none. Each change
 * writes an audit row with the value before and after.
 */
export async function saveFigures(ctx: Ctx, actor: Actor, inputs: unknown[]): Promise<Figure[]> {
  requireAbility(actor, "figures.write");
  const parsed = inputs.map((i, n) => {
    const r = FigureInputSchema.safeParse(i);
    if (!r.success) throw new DomainError("VALIDATION", `Số liệu thứ ${n + 1} không hợp lệ: ${r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`, { index: n });
    return r.data;
  });
  const h = await hierarchyOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const [indicators, categories] = await Promise.all([indicatorMap(tx.db), categoryIndex(tx.db)]);
    const saved: Figure[] = [];
    const seen = new Set<string>();
    for (const [n, raw] of parsed.entries()) {
      let f: ValidFigure;
      try {
        f = validateFigure(h, indicators, categories, raw);
      } catch (e) {
        if (e instanceof DomainError && parsed.length > 1) throw new DomainError(e.code, `Số liệu thứ ${n + 1}: ${e.message}`, e.details);
        throw e;
      }
      requireScope(h, actor, [f.unit.id], ctx.today());
      const key = `${f.unit.id}|${f.indicator.key}|${f.period.id}|${f.disagg}`;
      if (seen.has(key)) throw new DomainError("DUPLICATE", `Số liệu thứ ${n + 1} trùng với một số liệu trước đó trong cùng lần lưu.`, { index: n });
      seen.add(key);
      await assertNotLocked(tx.db, f.unit.id, f.period);
      await trackFigures(tx, [{ unitId: f.unit.id, indicator: f.indicator.key, year: f.period.year }]);
      saved.push(await upsertOne(tx, actor, f));
    }
    return saved;
  });
}

async function upsertOne(tx: Ctx, actor: Actor, f: ValidFigure): Promise<Figure> {
  const now = new Date().toISOString();
  const before = await findFigure(tx.db, f.unit.id, f.indicator.key, f.period.id, f.disagg);
  const row = {
    unit_id: f.unit.id, indicator: f.indicator.key, period: f.period.id, year: f.period.year, start_month: f.period.startMonth,
    end_month: f.period.endMonth, disagg: f.disagg, kind: f.kind, value: f.value, status: f.status, comment: f.comment,
    source: f.source ? JSON.stringify(f.source) : null, batch_id: null,
    updated_by: actor.kind === "user" ? actor.userId : null, updated_at: now,
  };
  const after = toFigure(before
    ? await tx.db.updateTable("figures").set(row).where("id", "=", before.id).returningAll().executeTakeFirstOrThrow()
    : await tx.db.insertInto("figures").values(row).returningAll().executeTakeFirstOrThrow());
  const strip = (x: Figure | undefined) => x && { unitId: x.unitId, indicator: x.indicator, period: x.period, disagg: x.disagg, kind: x.kind, value: x.value, status: x.status, comment: x.comment };
  await audit(tx.db, actor, before ? "figure.update" : "figure.create", "figure", after.id, strip(before) ?? null, strip(after), f.unit.id);
  return after;
}

/** Deletes one figure (audited); the period must not be locked. */
export async function deleteFigure(ctx: Ctx, actor: Actor, figureId: number): Promise<void> {
  requireAbility(actor, "figures.write");
  const h = await hierarchyOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom("figures").selectAll().where("id", "=", figureId).executeTakeFirst();
    if (!row) throw new DomainError("FIGURE_NOT_FOUND", `Không có số liệu #${figureId}.`);
    requireScope(h, actor, [row.unit_id], ctx.today());
    await assertNotLocked(tx.db, row.unit_id, parsePeriod(row.period));
    await trackFigures(tx, [{ unitId: row.unit_id, indicator: row.indicator, year: row.year }]);
    await tx.db.deleteFrom("figures").where("id", "=", figureId).execute();
    await audit(tx.db, actor, "figure.delete", "figure", figureId, { unitId: row.unit_id, indicator: row.indicator, period: row.period, value: row.value }, null, row.unit_id);
  });
}

/** The figures a unit recorded for a period and every shorter period inside it. */
export async function listUnitFigures(ctx: Ctx, actor: Actor, unitId: number, period: string): Promise<Figure[]> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  h.require(unitId);
  requireScope(h, actor, [unitId], ctx.today());
  return figuresOfUnit(ctx.db, unitId, periodsWithin(parsePeriod(period)).map((p) => p.id));
}
