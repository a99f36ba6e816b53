/**
 * What the web dashboard and report form need in one call each, so a page on a slow connection
 * does one round trip: every indicator of a unit for a period, the previous period and the same
 * period a year earlier; a trend; sub-units compared; the 2025 reform side by side. Totals come
 * from the same roll-up arithmetic as /api/values (src/core/rollup.ts), over facts loaded once.
 */
import { parsePeriod, periodLabel, periodRange, previousPeriod, reportedDay, samePeriodLastYear, type Period } from "../core/period.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import type { Actor } from "../accounts/actor.ts";
import { inScope, requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { indicatorAppliesTo, listCategories, listIndicators, listRulesFor, type Indicator, type Rule } from "../indicators/indicator.service.ts";
import { figuresOfUnit, type Figure } from "../figures/figure.repository.ts";
import { unitRef, type UnitRef } from "../figures/rollup.service.ts";
import { getSubmission, submissionStatusOfChildren, type LateRow, type Submission } from "../submissions/submission.service.ts";
import { REFORM_FIRST_NEW_DAY, REFORM_LAST_OLD_DAY } from "../units/admin-import.ts";
import { DomainError } from "../core/errors.ts";
import { subUnitsOn } from "../core/sub-units.ts";
import type { Basis } from "../core/totals.ts";
import { getSettings, type Settings } from "../settings/settings.service.ts";
import { offeredOptions } from "../indicators/catalog.ts";
import { table, type Cell } from "./dashboard.cells.ts";

export type { Cell } from "./dashboard.cells.ts";

export interface PeriodRef {
  id: string;
  label: string;
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
  /** Which figures are counted: approved reports only, submitted or approved, or all (drafts too). */
  basis: Basis;
  indicators: IndicatorRow[];
  focus: {
    indicator: string;
    trend: Array<PeriodRef & { value: number | null }>;
    children: Array<{ unit: UnitRef; value: number | null; ratio: number | null }>;
    /**
     * The structure the sub-units are compared in: `asOf`, or the period's last day for a unit formed
     * after the period (its sub-units as reported: the units then whose figures went into it).
     */
    childrenAsOf: string;
    reform: ReformView | null;
  };
  submissions: { due: string; counts: Record<LateRow["timeliness"], number>; rows: LateRow[] } | null;
  /** The unit's own report for the period (status, and the reason when it came back). */
  report: Submission;
}

const ref = (p: Period): PeriodRef => ({ id: p.id, label: periodLabel(p) });

/**
 * The structure to count a unit's figures in: the period's "as reported" day (its last day after the
 * cut-off day, or today while it runs: `reportedDay`) if the unit existed then, else as now.
 */
export function dashboardAsOf(unit: Pick<UnitNode, "validFrom" | "validTo">, period: Period, today: string, cutoffDay: number): string {
  const end = reportedDay(period, cutoffDay, today);
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

export interface DashboardQuery {
  unitId: number;
  period: string;
  /** The indicator of the trend, the sub-unit comparison and the reform view. */
  indicator?: string | undefined;
  trendLength?: number | undefined;
  /** Which figures count (default: the setting). */
  basis?: Basis | undefined;
}

/** Everything the dashboard page shows for a unit and period. */
export async function dashboard(ctx: Ctx, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  requireAbility(actor, "figures.read");
  // Every read below waits for the database once with the others (Promise.all): on SQLite each
  // read is a trip to a reader thread, queued behind a busy server's other events.
  const [h, catalog, settings] = await Promise.all([hierarchyOf(ctx), listIndicators(ctx.db), getSettings(ctx.db)]);
  const unit = h.require(query.unitId);
  requireScope(h, actor, [unit.id], ctx.today());
  const period = parsePeriod(query.period);
  const prev = previousPeriod(period);
  const lastYear = samePeriodLastYear(period);
  const trend = trendPeriods(period, query.trendLength ?? (period.type === "month" ? 12 : period.type === "quarter" ? 8 : period.type === "six_months" ? 6 : 5));
  const asOf = dashboardAsOf(unit, period, ctx.today(), settings.cutoffDay);
  // A province's own indicators only where they apply (another province's are not even named).
  const indicators = catalog.filter((i) => indicatorAppliesTo(h, i, unit.id));
  const basis = query.basis ?? settings.basis;
  const focusKey = query.indicator ?? "reception.turns";
  const focus = indicators.find((i) => i.key === focusKey);
  if (!focus) throw new DomainError("INDICATOR_NOT_FOUND", `Không có chỉ tiêu "${focusKey}" trong danh mục.`, { indicator: focusKey });

  // A unit formed after the period (today's Gia Lai for 2024) compares its sub-units as reported:
  // the units of the period's last day whose figures went into it, as the unit switch and the
  // filing status offer them; any other compares its children in the structure of `asOf`.
  const end = reportedDay(period, settings.cutoffDay, ctx.today());
  const formedAfter = unit.validFrom !== null && end < unit.validFrom;
  const kidsAsOf = formedAfter ? end : asOf;
  const kids = formedAfter ? subUnitsOn(h, unit.id, end).filter((k) => inScope(h, actor, k.id, ctx.today())) : h.childrenOf(unit.id, asOf).sort((a, b) => a.code.localeCompare(b.code));
  // The trend is the unit's alone; the sub-units are compared in the period only (a commune's cells
  // are computed from its figures: not for every period of the trend).
  const [main, trended, compared, late, report, reform] = await Promise.all([
    table(ctx, h, indicators, [unit.id], [period, prev, lastYear], asOf, basis, [unit]),
    table(ctx, h, [focus], [unit.id], [...new Map([...trend, period].map((p) => [p.id, p])).values()], asOf, basis, [unit]),
    kids.length ? table(ctx, h, [focus], kids.map((k) => k.id), [period], kidsAsOf, basis, formedAfter ? kids : [unit]) : null,
    kids.length ? submissionStatusOfChildren(ctx, actor, unit.id, period.id) : null,
    getSubmission(ctx, actor, unit.id, period.id),
    reformView(ctx, actor, h, unit, focus, period, basis),
  ]);
  const rows: IndicatorRow[] = indicators.map((ind) => ({
    key: ind.key, label: ind.label, unit: ind.unit, section: ind.section, aggregation: ind.aggregation, denominator: ind.denominator,
    current: main(unit.id, ind, period), previous: main(unit.id, ind, prev), lastYear: main(unit.id, ind, lastYear),
  }));
  const counts = { on_time: 0, late: 0, missing: 0, not_due: 0 };
  for (const r of late?.rows ?? []) counts[r.timeliness]++;

  return {
    unit: { ...unitRef(h.at(unit.id, asOf)), validFrom: unit.validFrom, validTo: unit.validTo },
    period: ref(period), previous: ref(prev), lastYear: ref(lastYear), asOf, basis,
    indicators: rows,
    focus: {
      indicator: focus.key,
      trend: trend.map((p) => ({ ...ref(p), value: trended(unit.id, focus, p).value })),
      children: compared ? kids.map((k) => ({ unit: unitRef(k), ...pick(compared(k.id, focus, period)) })) : [],
      childrenAsOf: kidsAsOf,
      reform,
    },
    submissions: late ? { due: late.due, counts, rows: late.rows } : null,
    report,
  };
}

const pick = (c: Cell) => ({ value: c.value, ratio: c.ratio });

/**
 * Before and after the reform for the same place: a new unit against its predecessors, an old unit
 * against its successors, a unit that spans the reform (the country) by its sub-units then and now.
 * Only units in the actor's scope are shown, and only they are added up.
 */
async function reformView(ctx: Ctx, actor: Actor, h: Hierarchy, unit: UnitNode, ind: Indicator, period: Period, basis: Basis): Promise<ReformView | null> {
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
  const mine = (u: UnitNode) => inScope(h, actor, u.id, today);
  before = before.filter(mine);
  after = after.filter(mine);
  if (before.length === 0 || after.length === 0) return null;
  const side = async (units: UnitNode[], asOf: string): Promise<ReformSide> => {
    const cell = await table(ctx, h, [ind], units.map((u) => u.id), [p], asOf, basis, units);
    const rows = units.sort((a, b) => a.code.localeCompare(b.code)).map((u) => ({ unit: unitRef(u), value: cell(u.id, ind, p).value }));
    const vals = rows.map((r) => r.value).filter((v): v is number => v !== null);
    return { asOf, rows, total: ind.aggregation === "rate" || vals.length === 0 ? null : vals.reduce((a, b) => a + b, 0) };
  };
  const [b, a] = await Promise.all([side(before, REFORM_LAST_OLD_DAY), side(after, now)]);
  return { period: ref(p), before: b, after: a };
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
  /** The validation rules that apply to the unit (checked in the form before a save). */
  rules: Rule[];
  /** The kinds of period units report on (settings). */
  reportPeriods: Settings["reportPeriods"];
}

/** The period report form of a unit: catalog, this period's figures, last period's values, status. */
export async function reportForm(ctx: Ctx, actor: Actor, unitId: number, periodId: string): Promise<FormData> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  const unit = h.require(unitId);
  requireScope(h, actor, [unit.id], ctx.today());
  const period = parsePeriod(periodId);
  const prev = previousPeriod(period);
  const [catalog, categories, submission, figures, settings, rules] = await Promise.all([
    listIndicators(ctx.db), listCategories(ctx.db), getSubmission(ctx, actor, unit.id, period.id), figuresOfUnit(ctx.db, unit.id, [period.id]), getSettings(ctx.db), listRulesFor(ctx, actor),
  ]);
  const asOf = dashboardAsOf(unit, period, ctx.today(), settings.cutoffDay);
  const indicators = catalog.filter((i) => indicatorAppliesTo(h, i, unit.id));
  const cell = await table(ctx, h, indicators, [unit.id], [prev], asOf, settings.basis, [unit]);
  const previousValues = Object.fromEntries(indicators.map((i) => [i.key, cell(unit.id, i, prev).value] as const));
  const mine = rules.filter((r) => indicatorAppliesTo(h, r, unit.id));
  // Levels of the structure in force when the period starts ("Cấp huyện" only before 1 July 2025).
  const start = `${period.year}-${String(period.startMonth).padStart(2, "0")}-01`;
  const levels = new Set<string>();
  for (const u of h.all()) if (h.isValidAt(u.id, start)) levels.add(u.level);
  return { unit: unitRef(h.at(unit.id, asOf)), period: ref(period), previous: ref(prev), submission, indicators, categories: offeredOptions(categories, levels), figures, previousValues, rules: mine, reportPeriods: settings.reportPeriods };
}
