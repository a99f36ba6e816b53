/**
 * What the web dashboard and report form need in one call each, so a page on a slow connection
 * does one round trip: every indicator of a unit for a period, the previous period and the same
 * period a year earlier; a trend; sub-units compared; the 2025 reform side by side. Totals come
 * from the same roll-up arithmetic as /api/values (src/core/rollup.ts), over facts loaded once.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { parsePeriod, periodLabel, periodRange, previousPeriod, samePeriodLastYear, type Period } from "../core/period.ts";
import { rateValue, ratioOf, rollupSum, type FigureFact } from "../core/rollup.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { listCategories, listIndicators, type Indicator } from "../indicators/indicator.service.ts";
import { figuresOfUnit, toFact, type Figure } from "../figures/figure.repository.ts";
import { countedFacts, sourceUnits, unitRef, type UnitRef } from "../figures/rollup.service.ts";
import { getSubmission, submissionStatusOfChildren, type LateRow, type Submission } from "../submissions/submission.service.ts";
import { REFORM_FIRST_NEW_DAY, REFORM_LAST_OLD_DAY } from "../units/admin-import.ts";
import { DomainError } from "../core/errors.ts";

export interface PeriodRef {
  id: string;
  label: string;
}

/** One rolled-up number; `ratio` only for indicators with a denominator ("34/37"). */
export interface Cell {
  value: number | null;
  ratio: number | null;
  estimated: boolean;
}

export interface IndicatorRow {
  key: string;
  label: string;
  unit: string;
  section: string;
  aggregation: string;
  denominator: string | null;
  current: Cell;
  previous: Cell;
  lastYear: Cell;
}

export interface ReformSide {
  asOf: string;
  rows: Array<{ unit: UnitRef; value: number | null }>;
  total: number | null;
}

/** The same place before (as reported, 30/6/2025) and after the reform (as now). */
export interface ReformView {
  period: PeriodRef;
  before: ReformSide;
  after: ReformSide;
}

export interface Dashboard {
  unit: UnitRef & { validFrom: string | null; validTo: string | null };
  period: PeriodRef;
  previous: PeriodRef;
  lastYear: PeriodRef;
  /** The structure every figure is counted in. */
  asOf: string;
  indicators: IndicatorRow[];
  focus: {
    indicator: string;
    trend: Array<PeriodRef & { value: number | null }>;
    children: Array<{ unit: UnitRef; value: number | null; ratio: number | null }>;
    reform: ReformView | null;
  };
  submissions: { due: string; counts: Record<LateRow["timeliness"], number>; rows: LateRow[] } | null;
  /** The unit's own report for the period (status, and the reason when it came back). */
  report: Submission;
}

const ref = (p: Period): PeriodRef => ({ id: p.id, label: periodLabel(p) });

/** The structure to count a unit's figures in: the period's end if the unit existed then, else as now. */
export function dashboardAsOf(unit: Pick<UnitNode, "validFrom" | "validTo">, period: Period, today: string): string {
  const end = periodRange(period).end;
  const valid = (d: string) => (unit.validFrom === null || unit.validFrom <= d) && (unit.validTo === null || d <= unit.validTo);
  if (valid(end)) return end;
  if (valid(today)) return today;
  return unit.validTo ?? unit.validFrom ?? end;
}

/** The last `n` periods of the same type ending with `p`, oldest first. */
export function trendPeriods(p: Period, n: number): Period[] {
  const out = [p];
  while (out.length < n) out.unshift(previousPeriod(out[0]!));
  return out;
}

/** The period before the reform to compare across it: `p` itself, or the latest earlier one of its type. */
export function preReformPeriod(p: Period): Period {
  let q = p;
  while (periodRange(q).end > REFORM_LAST_OLD_DAY) q = samePeriodLastYear(q);
  return q;
}

/** Facts of many indicators and years in one query, grouped by indicator. */
async function loadFacts(db: Kysely<DB>, indicators: string[], years: number[], units: number[] | null): Promise<Map<string, FigureFact[]>> {
  const out = new Map<string, FigureFact[]>(indicators.map((i) => [i, []]));
  if (units && units.length === 0) return out;
  let q = db.selectFrom("figures").select(["id", "unit_id", "indicator", "period", "disagg", "kind", "value", "status"])
    .where("indicator", "in", indicators).where("year", "in", [...new Set(years)]);
  if (units) q = q.where("unit_id", "in", units);
  for (const r of await q.execute()) out.get(r.indicator)?.push(toFact(r));
  return out;
}

/**
 * Totals of one indicator for several units, with the ratio to its denominator when it has one.
 * Facts come from one query for the whole page; counts from registers are added per period, as
 * the roll-up service does, so the tiles equal /api/values.
 */
async function cells(ctx: Ctx, h: Hierarchy, ind: Indicator, facts: Map<string, FigureFact[]>, targets: number[], units: number[] | null, period: Period, asOf: string): Promise<Map<number, Cell>> {
  const q = { hierarchy: h, asOf, period, disagg: "" };
  const withCounts = async (key: string) => {
    const own = facts.get(key) ?? [];
    return [...own, ...(await countedFacts(ctx, key, period, units, own))];
  };
  const num = ind.aggregation === "rate"
    ? new Map(targets.map((t) => [t, rateValue(facts.get(ind.key) ?? [], t, q)]))
    : rollupSum(await withCounts(ind.key), targets, q);
  const den = ind.denominator ? rollupSum(await withCounts(ind.denominator), targets, q) : null;
  return new Map(targets.map((t) => {
    const n = num.get(t)!;
    const d = den?.get(t);
    return [t, { value: n.value, ratio: den ? ratioOf(n.value, d?.value ?? null) : null, estimated: n.estimated || !!d?.estimated }];
  }));
}

export interface DashboardQuery {
  unitId: number;
  period: string;
  /** The indicator of the trend, the sub-unit comparison and the reform view. */
  indicator?: string | undefined;
  trendLength?: number | undefined;
}

/** Everything the dashboard page shows for a unit and period. */
export async function dashboard(ctx: Ctx, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  const unit = h.require(query.unitId);
  requireScope(h, actor, [unit.id], ctx.today());
  const period = parsePeriod(query.period);
  const prev = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  const asOf = dashboardAsOf(unit, period, ctx.today());
  const trend = trendPeriods(period, query.trendLength ?? (period.type === "month" ? 12 : period.type === "quarter" ? 8 : period.type === "six_months" ? 6 : 5));
  const indicators = await listIndicators(ctx.db);
  const focusKey = query.indicator ?? "reception.turns";
  const focus = indicators.find((i) => i.key === focusKey);
  if (!focus) throw new DomainError("INDICATOR_NOT_FOUND", `Không có chỉ tiêu "${focusKey}" trong danh mục.`, { indicator: focusKey });

  const years = [period.year, prev.year, lastYear.year];
  const units = sourceUnits(h, [unit], asOf);
  const facts = await loadFacts(ctx.db, indicators.map((i) => i.key), years, units);
  const cell = async (ind: Indicator, p: Period) => (await cells(ctx, h, ind, facts, [unit.id], units, p, asOf)).get(unit.id)!;
  const rows: IndicatorRow[] = await Promise.all(indicators.map(async (ind) => ({
    key: ind.key, label: ind.label, unit: ind.unit, section: ind.section, aggregation: ind.aggregation, denominator: ind.denominator,
    current: await cell(ind, period),
    previous: await cell(ind, prev),
    lastYear: await cell(ind, lastYear),
  })));

  const focusKeys = [focus.key, ...(focus.denominator ? [focus.denominator] : [])];
  const trendFacts = await loadFacts(ctx.db, focusKeys, trend.map((p) => p.year), units);
  const kids = h.childrenOf(unit.id, asOf).sort((a, b) => a.code.localeCompare(b.code));
  const kidCells = await cells(ctx, h, focus, facts, kids.map((k) => k.id), units, period, asOf);

  const late = kids.length ? await submissionStatusOfChildren(ctx, actor, unit.id, period.id) : null;
  const report = await getSubmission(ctx, actor, unit.id, period.id);
  const counts = { on_time: 0, late: 0, missing: 0, not_due: 0 };
  for (const r of late?.rows ?? []) counts[r.timeliness]++;

  return {
    unit: { ...unitRef(h.at(unit.id, asOf)), validFrom: unit.validFrom, validTo: unit.validTo },
    period: ref(period), previous: ref(prev), lastYear: ref(lastYear), asOf,
    indicators: rows,
    focus: {
      indicator: focus.key,
      trend: await Promise.all(trend.map(async (p) => ({ ...ref(p), value: (await cells(ctx, h, focus, trendFacts, [unit.id], units, p, asOf)).get(unit.id)!.value }))),
      children: kids.map((k) => ({ unit: unitRef(k), ...pick(kidCells.get(k.id)!) })),
      reform: await reformView(ctx, h, unit, focus, period),
    },
    submissions: late ? { due: late.due, counts, rows: late.rows } : null,
    report,
  };
}

const pick = (c: Cell) => ({ value: c.value, ratio: c.ratio });

/**
 * Before and after the reform for the same place: a new unit against its predecessors, an old unit
 * against its successors, a unit that spans the reform (the country) by its sub-units then and now.
 */
async function reformView(ctx: Ctx, h: Hierarchy, unit: UnitNode, ind: Indicator, period: Period): Promise<ReformView | null> {
  const p = preReformPeriod(period);
  const today = ctx.today();
  const now = today >= REFORM_FIRST_NEW_DAY ? today : REFORM_FIRST_NEW_DAY;
  let before: UnitNode[];
  let after: UnitNode[];
  const isNew = unit.validFrom !== null && unit.validFrom >= REFORM_FIRST_NEW_DAY;
  const isOld = unit.validTo !== null && unit.validTo <= REFORM_LAST_OLD_DAY;
  if (isNew) {
    before = [...new Set(h.predecessors(unit.id).map((e) => e.fromId))].map((id) => h.at(id, REFORM_LAST_OLD_DAY));
    after = [h.at(unit.id, now)];
  } else if (isOld) {
    before = [h.at(unit.id, REFORM_LAST_OLD_DAY)];
    after = [...new Set(h.successors(unit.id).map((e) => e.toId))].filter((id) => h.isValidAt(id, now)).map((id) => h.at(id, now));
  } else {
    before = h.childrenOf(unit.id, REFORM_LAST_OLD_DAY);
    after = h.childrenOf(unit.id, now);
  }
  if (before.length === 0 || after.length === 0) return null;
  const side = async (units: UnitNode[], asOf: string): Promise<ReformSide> => {
    const keys = [ind.key, ...(ind.denominator ? [ind.denominator] : [])];
    const from = sourceUnits(h, units, asOf);
    const facts = await loadFacts(ctx.db, keys, [p.year], from);
    const c = await cells(ctx, h, ind, facts, units.map((u) => u.id), from, p, asOf);
    const rows = units.sort((a, b) => a.code.localeCompare(b.code)).map((u) => ({ unit: unitRef(u), value: c.get(u.id)!.value }));
    const vals = rows.map((r) => r.value).filter((v): v is number => v !== null);
    return { asOf, rows, total: ind.aggregation === "rate" || vals.length === 0 ? null : vals.reduce((a, b) => a + b, 0) };
  };
  return { period: ref(p), before: await side(before, REFORM_LAST_OLD_DAY), after: await side(after, now) };
}

export interface FormData {
  unit: UnitRef;
  period: PeriodRef;
  previous: PeriodRef;
  submission: Submission;
  indicators: Indicator[];
  categories: Awaited<ReturnType<typeof listCategories>>;
  /** The unit's own figures recorded for exactly this period. */
  figures: Figure[];
  /** Last period's total of each indicator for the unit (key → value). */
  previousValues: Record<string, number | null>;
}

/** The period report form of a unit: catalog, this period's figures, last period's values, status. */
export async function reportForm(ctx: Ctx, actor: Actor, unitId: number, periodId: string): Promise<FormData> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  const unit = h.require(unitId);
  requireScope(h, actor, [unit.id], ctx.today());
  const period = parsePeriod(periodId);
  const prev = previousPeriod(period);
  const asOf = dashboardAsOf(unit, period, ctx.today());
  const [indicators, categories, submission, figures] = await Promise.all([
    listIndicators(ctx.db), listCategories(ctx.db), getSubmission(ctx, actor, unit.id, period.id), figuresOfUnit(ctx.db, unit.id, [period.id]),
  ]);
  const units = sourceUnits(h, [unit], asOf);
  const facts = await loadFacts(ctx.db, indicators.map((i) => i.key), [prev.year], units);
  const previousValues = Object.fromEntries(await Promise.all(indicators.map(async (i) => [i.key, (await cells(ctx, h, i, facts, [unit.id], units, prev, asOf)).get(unit.id)!.value] as const)));
  return { unit: unitRef(h.at(unit.id, asOf)), period: ref(period), previous: ref(prev), submission, indicators, categories, figures, previousValues };
}
