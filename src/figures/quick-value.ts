/**
 * One unit's total straight from the maintained totals, without loading the hierarchy (14,000
 * units, a quarter of a second): only the rows carrying the unit's code and the placement change
 * days are read. `danvan value` asks this first. It answers null whenever it cannot give exactly
 * what `rollupValue` would (totals not ready or not for this date, a rate indicator, an unknown
 * code, an actor whose scope must be checked); the caller then asks `rollupValue`, which gives the
 * answer or the error with its hints.
 */
import { DomainError } from "../core/errors.ts";
import { dateMessage, isRealDate } from "../core/input.ts";
import { parsePeriod, reportedDay } from "../core/period.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility } from "../accounts/policy.ts";
import type { Ctx } from "../context.ts";
import { requireIndicator } from "../indicators/indicator.service.ts";
import { getSettings } from "../settings/settings.service.ts";
import { keptLevel } from "../core/placements.ts";
import { cellId, readKeptCells } from "../totals/totals.reader.ts";
import { loadPlacementCalendar, loadUnitsByCode } from "../units/unit.repository.ts";
import { shape, type RolledValue, type ValueQuery } from "./rollup.service.ts";

export async function valueFromTotals(ctx: Ctx, actor: Actor, q: ValueQuery): Promise<RolledValue | null> {
  // Other actors' scope is a subtree of the hierarchy: only the system reads everywhere.
  if (actor.kind !== "system" || q.unitId !== undefined || !q.unitCode) return null;
  requireAbility(actor, "figures.read");
  const period = parsePeriod(q.period);
  const settings = await getSettings(ctx.db);
  const asOf = q.asOf ?? reportedDay(period, settings.cutoffDay, ctx.today());
  if (!isRealDate(asOf)) throw new DomainError("DATE_INVALID", dateMessage(asOf), { asOf });
  const [named, calendar] = await Promise.all([loadUnitsByCode(ctx.db, q.unitCode), loadPlacementCalendar(ctx.db)]);
  const unit = named.findByCode(q.unitCode, asOf);
  if (!unit) return null;
  const indicator = await requireIndicator(ctx.db, q.indicator);
  // A commune's or a village's totals are computed from its figures, with the hierarchy.
  if (!keptLevel(unit.level)) return null;
  const basis = q.basis ?? settings.basis;
  const denominator = indicator.denominator ? await requireIndicator(ctx.db, indicator.denominator) : null;
  if (indicator.aggregation === "rate" || denominator?.aggregation === "rate") return null;
  const disagg = q.disagg ?? "";
  const read = async (key: string) => {
    const cells = await readKeptCells(ctx, calendar, { unitIds: [unit.id], indicators: [key], periods: [period], asOf, disagg, basis, withArea: true });
    return cells && cells.get(cellId(unit.id, key, period.id))!;
  };
  const total = await read(indicator.key);
  if (!total) return null;
  const den = denominator ? await read(denominator.key) : undefined;
  if (den === null) return null;
  return shape(unit, indicator, period, asOf, basis, total, den);
}
