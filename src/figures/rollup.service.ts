/** Totals for any unit, indicator, period and as-of date, from the stored figures. */
import { DomainError } from "../core/errors.ts";
import { dateMessage, isRealDate } from "../core/input.ts";
import { parsePeriod, periodContains, periodRange, reportedDay, type Period } from "../core/period.ts";
import { rateValue, ratioOf, rollupSum, type AreaCheck, type RollupQuery } from "../core/rollup.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { requireIndicator, type Indicator } from "../indicators/indicator.service.ts";
import { factsFor, summedFactsFor } from "./figure.repository.ts";
import { figureSources } from "../plugins.ts";
import { getSettings } from "../settings/settings.service.ts";
import type { FigureFact, RollupTotal } from "../core/rollup.ts";
import { reportStateOf, visibleIn, type Basis } from "../core/totals.ts";
import { loadReports } from "../totals/totals.repository.ts";
import { cellId, readCells } from "../totals/totals.reader.ts";

export interface ValueQuery {
  unitId?: number | undefined;
  unitCode?: string | undefined;
  indicator: string;
  period: string;
  /** The structure to count in; default the period's "as reported" day (`reportedDay`: its last day after the cut-off day, or today while it runs). */
  asOf?: string | undefined;
  disagg?: string | undefined;
  /** Which figures count: approved reports only, submitted or approved, or all (default: the setting). */
  basis?: Basis | undefined;
}

export interface UnitRef {
  id: number;
  code: string;
  fullName: string;
  level: string;
}

export interface RolledValue {
  unit: UnitRef;
  indicator: string;
  period: string;
  asOf: string;
  /** Which figures were counted. */
  basis: Basis;
  value: number | null;
  /** For indicators with a denominator ("34/37"): its total and the ratio of the two sums. */
  denominator: { indicator: string; value: number | null } | null;
  ratio: number | null;
  estimated: boolean;
  counted: number;
  setAside: number;
  notAllocated: number;
  area: AreaCheck | null;
}

/** A short reference to a unit for responses. */
export function unitRef(u: UnitNode): UnitRef {
  return { id: u.id, code: u.code, fullName: u.fullName, level: u.level };
}

const sourceCache = new WeakMap<Hierarchy, Map<string, number[] | null>>();

/**
 * Units whose figures count inside any of `targets` in the structure of `asOf` (null = all of
 * them: too many to list, or the country); cached per hierarchy. Used to fetch only what can count.
 */
export function sourceUnits(h: Hierarchy, targets: readonly UnitNode[], asOf: string): number[] | null {
  if (targets.some((t) => t.parentId === null)) return null;
  let cache = sourceCache.get(h);
  if (!cache) sourceCache.set(h, (cache = new Map()));
  const key = `${targets.map((t) => t.id).sort((a, b) => a - b).join(",")}|${asOf}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const inside = (id: number) => targets.some((t) => h.isAncestorOrSelf(t.id, id));
  const ids: number[] = [];
  for (const u of h.all()) {
    const p = h.placeAt(u.id, asOf);
    if (inside(u.id) || inside(p.unitId) || p.shares?.some((s) => inside(s.unitId))) ids.push(u.id);
  }
  const result = ids.length > 5000 ? null : ids;
  if (cache.size > 2000) cache.clear();
  cache.set(key, result);
  return result;
}

/**
 * Totals of one indicator for some targets: from the maintained totals when they can answer, else
 * afresh from the figures (a date between the period's end and today across a structure change).
 */
async function totals(ctx: Ctx, h: Hierarchy, indicator: Indicator, period: Period, asOf: string, targets: UnitNode[], scopeOf: UnitNode, disagg: string, basis: Basis): Promise<Map<number, RollupTotal>> {
  const q: RollupQuery = { hierarchy: h, asOf, period, disagg };
  if (indicator.aggregation === "rate") {
    const units = targets.map((t) => t.id);
    const facts = await visible(ctx, await factsFor(ctx.db, indicator.key, period.year, units), basis);
    return new Map(targets.map((t) => [t.id, rateValue(facts, t.id, q)]));
  }
  const kept = await readCells(ctx, h, { unitIds: targets.map((t) => t.id), indicators: [indicator.key], periods: [period], asOf, disagg, basis, withArea: targets.length <= 500 });
  if (kept) return new Map(targets.map((t) => [t.id, kept.get(cellId(t.id, indicator.key, period.id))!]));
  const units = sourceUnits(h, [scopeOf], asOf);
  const facts = basis === "all" ? await summedFactsFor(ctx.db, indicator.key, period, units) : await visible(ctx, await factsFor(ctx.db, indicator.key, period.year, units), basis);
  return rollupSum([...facts, ...(await countedFacts(ctx, indicator.key, period, units, facts, basis))], targets.map((t) => t.id), q);
}

/** The facts that count in a basis (the state of the report covering each). */
async function visible(ctx: Ctx, facts: FigureFact[], basis: Basis): Promise<FigureFact[]> {
  if (basis === "all") return facts;
  const reports = await loadReports(ctx.db, [...new Set(facts.map((f) => f.unitId))]);
  return facts.filter((f) => visibleIn(reportStateOf(reports.get(f.unitId) ?? [], f.period), basis));
}

/**
 * Figures counted from records (registers) for units that reported nothing for the indicator in
 * the period: what a unit reported stands, a count fills in where it reported nothing.
 */
export async function countedFacts(ctx: Ctx, indicator: string, period: Period, units: number[] | null, reported: readonly FigureFact[], basis: Basis = "all"): Promise<FigureFact[]> {
  const sources = figureSources.filter((s) => s.indicators.has(indicator));
  if (sources.length === 0) return [];
  const { start, end } = periodRange(period, (await getSettings(ctx.db)).cutoffDay);
  const reporting = new Set(reported.filter((f) => periodContains(period, f.period)).map((f) => f.unitId));
  const out: FigureFact[] = [];
  for (const source of sources) {
    const counts = await source.count(ctx, { indicator, unitIds: units, periodStart: start, periodEnd: end });
    const reports = basis === "all" ? null : await loadReports(ctx.db, [...new Set(counts.map((c) => c.unitId))]);
    for (const c of counts) {
      if (reporting.has(c.unitId) || c.value === 0) continue;
      if (reports && !visibleIn(reportStateOf(reports.get(c.unitId) ?? [], period), basis)) continue;
      out.push({ id: -(out.length + 1), unitId: c.unitId, period, disagg: c.disagg, kind: "own", value: c.value, estimated: false });
    }
  }
  return out;
}

/** The unit a query names, by id (valid at `asOf`) or by code read at `asOf`. */
export function queryUnit(h: Hierarchy, q: { unitId?: number | undefined; unitCode?: string | undefined }, asOf: string): UnitNode {
  if (q.unitId !== undefined) {
    const unit = h.require(q.unitId);
    if (!h.isValidAt(unit.id, asOf)) {
      throw new DomainError("UNIT_NOT_VALID_AT_DATE", `Đơn vị "${unit.fullName}" không có hiệu lực vào ngày ${asOf}.`, { unitId: unit.id, asOf });
    }
    return unit;
  }
  if (q.unitCode) return h.resolveCode(q.unitCode, asOf);
  throw new DomainError("VALIDATION", "Thiếu đơn vị (unitId hoặc unitCode).");
}

/** Resolves the query's unit and dates. */
async function prepare(ctx: Ctx, actor: Actor, q: ValueQuery) {
  requireAbility(actor, "figures.read");
  const period = parsePeriod(q.period);
  const settings = await getSettings(ctx.db);
  const asOf = q.asOf ?? reportedDay(period, settings.cutoffDay, ctx.today());
  if (!isRealDate(asOf)) throw new DomainError("DATE_INVALID", dateMessage(asOf), { asOf });
  const h = await hierarchyOf(ctx);
  const unit = queryUnit(h, q, asOf);
  requireScope(h, actor, [unit.id], ctx.today());
  const indicator = await requireIndicator(ctx.db, q.indicator);
  const basis = q.basis ?? settings.basis;
  return { h, period, asOf, unit, indicator, basis };
}

/** A total (and its denominator's) as the answer's shape. */
export function shape(unit: UnitNode, indicator: Indicator, period: Period, asOf: string, basis: Basis, t: RollupTotal, den: RollupTotal | undefined): RolledValue {
  return {
    unit: unitRef(unit), indicator: indicator.key, period: period.id, asOf, basis, value: t.value,
    denominator: indicator.denominator ? { indicator: indicator.denominator, value: den?.value ?? null } : null,
    ratio: indicator.denominator ? ratioOf(t.value, den?.value ?? null) : null,
    estimated: t.estimated || (den?.estimated ?? false), counted: t.counted, setAside: t.setAside, notAllocated: t.notAllocated, area: t.area,
  };
}

/** The rolled-up value of one indicator for one unit. */
export async function rollupValue(ctx: Ctx, actor: Actor, q: ValueQuery): Promise<RolledValue> {
  const { h, period, asOf, unit, indicator, basis } = await prepare(ctx, actor, q);
  const disagg = q.disagg ?? "";
  const t = (await totals(ctx, h, indicator, period, asOf, [unit], unit, disagg, basis)).get(unit.id)!;
  let den;
  if (indicator.denominator) {
    const di = await requireIndicator(ctx.db, indicator.denominator);
    den = (await totals(ctx, h, di, period, asOf, [unit], unit, disagg, basis)).get(unit.id);
  }
  return shape(h.at(unit.id, asOf), indicator, period, asOf, basis, t, den);
}

/** The value for a unit and for each of its sub-units (as of the date), for comparisons. */
export async function rollupChildren(ctx: Ctx, actor: Actor, q: ValueQuery): Promise<{ total: RolledValue; children: RolledValue[] }> {
  const { h, period, asOf, unit, indicator, basis } = await prepare(ctx, actor, q);
  const disagg = q.disagg ?? "";
  const kids = h.childrenOf(unit.id, asOf).sort((a, b) => a.code.localeCompare(b.code));
  const targets = [unit, ...kids];
  const t = await totals(ctx, h, indicator, period, asOf, targets, unit, disagg, basis);
  const d = indicator.denominator ? await totals(ctx, h, await requireIndicator(ctx.db, indicator.denominator), period, asOf, targets, unit, disagg, basis) : undefined;
  const one = (u: UnitNode) => shape(h.at(u.id, asOf), indicator, period, asOf, basis, t.get(u.id)!, d?.get(u.id));
  return { total: one(unit), children: kids.map(one) };
}
