/**
 * A figure as it comes in: its schema, its check against the catalog and the hierarchy, and the
 * reports it counts in (their locks). Shared by saves, imports and the report reader's review.
 */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { DomainError } from "../core/errors.ts";
import { count, id, isoDate, valueProblem } from "../core/input.ts";
import { parsePeriod, periodContains, periodLabel, periodRange, periodsWithin, yearPeriod, type Period } from "../core/period.ts";
import { dateVi } from "../core/text.ts";
import { disaggKey, parseDisagg } from "../core/disagg.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import { indicatorAppliesTo, isWholeNumber, listCategories, type Category, type Indicator } from "../indicators/indicator.service.ts";
import { periodEndDate } from "../core/totals.ts";
import { placementParts } from "../core/placements.ts";

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
  /**
   * The version of the stored figure this value was made from (0: none was stored). When given, a
   * newer stored figure refuses the save with CONFLICT (409) and the current figure, instead of
   * being overwritten. Omit it to replace whatever is stored (imports, scripts).
   */
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
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

/**
 * The reports whose totals a figure of `unitId` for `p` counts in: the unit's own report for `p`
 * or any period holding it, and — through the lineage — the reports of the units it became, for
 * periods whose structure places it there (Jan–Jun 2025 of an old commune count in the new
 * commune's 2025 report).
 */
export function reportsCovering(h: Hierarchy, unitId: number, p: Period): Array<{ unitId: number; period: string }> {
  const out = periodsContaining(p).map((period) => ({ unitId, period }));
  for (const P of periodsWithin(yearPeriod(p.year)).filter((x) => periodContains(x, p))) {
    for (const part of placementParts(h, unitId, periodEndDate(P))) if (part.at !== unitId && part.exact) out.push({ unitId: part.at, period: P.id });
  }
  return out;
}

/** Throws PERIOD_LOCKED when a submitted or approved report counts the figure (the unit's own, or through the lineage). */
export async function assertNotLocked(db: Kysely<DB>, h: Hierarchy, unitId: number, p: Period): Promise<void> {
  const covering = reportsCovering(h, unitId, p);
  const r = await db.selectFrom("submissions").select(["unit_id", "period", "status"])
    .where("unit_id", "in", [...new Set(covering.map((c) => c.unitId))]).where("period", "in", [...new Set(covering.map((c) => c.period))])
    .where("status", "in", ["submitted", "approved"]).execute();
  const hit = r.find((x) => covering.some((c) => c.unitId === x.unit_id && c.period === x.period));
  if (hit) {
    const what = hit.status === "approved" ? "đã được phê duyệt" : "đã nộp, đang chờ duyệt";
    const whose = hit.unit_id === unitId ? "của đơn vị" : `của ${h.at(hit.unit_id, periodEndDate(parsePeriod(hit.period))).fullName} (đơn vị kế thừa, số liệu này được tính vào đó)`;
    throw new DomainError("PERIOD_LOCKED", `Báo cáo kỳ ${hit.period} ${whose} ${what}; số liệu bị khóa cho đến khi được mở lại.`, { period: hit.period, status: hit.status, unitId: hit.unit_id });
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

/** A breakdown's pairs and canonical key. */
const pairsOf = (m: Map<string, string>) => ({ pairs: [...m], key: disaggKey(m) });
/** Breakdowns already read, by their text (an import repeats a handful on every line). */
const disaggs = new Map<string, { pairs: Array<[string, string]>; key: string }>();
function readDisagg(raw: string): { pairs: Array<[string, string]>; key: string } {
  let d = disaggs.get(raw);
  if (!d) {
    d = pairsOf(parseDisagg(raw));
    if (disaggs.size >= 10_000) disaggs.clear();
    disaggs.set(raw, d);
  }
  return d;
}

/** Checks one input against the catalog and the hierarchy; returns it normalized or throws. */
export function validateFigure(
  h: Hierarchy,
  indicators: Map<string, Indicator>,
  categories: Map<string, Set<string>>,
  raw: z.infer<typeof FigureInputSchema>,
  today?: string,
): ValidFigure {
  const indicator = indicators.get(raw.indicator);
  if (!indicator) throw new DomainError("INDICATOR_NOT_FOUND", `Không có chỉ tiêu "${raw.indicator}" trong danh mục.`, { indicator: raw.indicator });
  const period = parsePeriod(raw.period);
  const unit = resolveUnit(h, raw, period);
  const range = periodRange(period);
  // Nothing can have happened yet in a period that has not started.
  if (today !== undefined && range.start > today) {
    throw new DomainError("PERIOD_NOT_STARTED", `Kỳ ${periodLabel(period)} chưa bắt đầu (từ ${dateVi(range.start)}); chưa thể ghi số liệu cho kỳ này.`, { period: period.id, start: range.start });
  }
  if (!indicatorAppliesTo(h, indicator, unit.id)) {
    throw new DomainError("INDICATOR_NOT_FOUND", `Chỉ tiêu "${indicator.label}" là chỉ tiêu riêng của tỉnh khác, không dùng cho "${unit.fullName}".`, { indicator: indicator.key });
  }
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
  const d = typeof raw.disagg === "string" ? readDisagg(raw.disagg) : pairsOf(new Map(Object.entries(raw.disagg)));
  for (const [c, o] of d.pairs) {
    if (!categories.get(c)?.has(o)) throw new DomainError("DISAGG_INVALID", `Phân tổ "${c}=${o}" không có trong danh mục.`, { disagg: `${c}=${o}` });
  }
  return {
    unit, indicator, period, disagg: d.key, kind: raw.kind, value: v, status: raw.status,
    comment: raw.comment ? raw.comment.normalize("NFC") : null, source: raw.source ?? null,
  };
}

/** Category → its option keys, for validation. */
export async function categoryIndex(db: Kysely<DB>): Promise<Map<string, Set<string>>> {
  return optionSets(await listCategories(db));
}

const optionSetsOf = new WeakMap<readonly Category[], Map<string, Set<string>>>();
/** Category → its option keys, built once per catalog read (every save validates against it). */
export function optionSets(categories: readonly Category[]): Map<string, Set<string>> {
  let m = optionSetsOf.get(categories);
  if (!m) optionSetsOf.set(categories, (m = new Map(categories.map((c) => [c.key, new Set(c.options.map((o) => o.key))]))));
  return m;
}
