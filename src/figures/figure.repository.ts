/** All SQL about figures. */
import type { Kysely, Selectable } from "kysely";
import type { DB, FiguresTable } from "../db/schema.ts";
import { parsePeriod, type Period } from "../core/period.ts";
import type { FigureFact, FigureKind } from "../core/rollup.ts";

export type FigureStatus = "reported" | "estimated";

export interface Figure {
  id: number;
  unitId: number;
  indicator: string;
  period: string;
  disagg: string;
  kind: FigureKind;
  value: number;
  status: FigureStatus;
  comment: string | null;
  source: unknown;
  updatedBy: number | null;
  updatedAt: string;
}

const periodCache = new Map<string, Period>();
/** Parses a stored (always valid) period id, memoized. */
export function storedPeriod(id: string): Period {
  let p = periodCache.get(id);
  if (!p) periodCache.set(id, (p = parsePeriod(id)));
  return p;
}

/** Row → domain figure. */
export function toFigure(r: Selectable<FiguresTable>): Figure {
  return {
    id: r.id, unitId: r.unit_id, indicator: r.indicator, period: r.period, disagg: r.disagg, kind: r.kind as FigureKind,
    value: r.value, status: r.status as FigureStatus, comment: r.comment, source: r.source ? JSON.parse(r.source) : null,
    updatedBy: r.updated_by, updatedAt: r.updated_at,
  };
}

/** Row → roll-up fact. */
export function toFact(r: Pick<Selectable<FiguresTable>, "id" | "unit_id" | "period" | "disagg" | "kind" | "value" | "status">): FigureFact {
  return { id: r.id, unitId: r.unit_id, period: storedPeriod(r.period), disagg: r.disagg, kind: r.kind as FigureKind, value: r.value, estimated: r.status === "estimated" };
}

/** Facts of one indicator in one year, optionally only for some units. */
export async function factsFor(db: Kysely<DB>, indicator: string, year: number, unitIds: number[] | null): Promise<FigureFact[]> {
  let q = db
    .selectFrom("figures")
    .select(["id", "unit_id", "period", "disagg", "kind", "value", "status"])
    .where("indicator", "=", indicator)
    .where("year", "=", year);
  if (unitIds) {
    if (unitIds.length === 0) return [];
    q = q.where("unit_id", "in", unitIds);
  }
  return (await q.execute()).map(toFact);
}

/** The figure at a key, if any. */
export async function findFigure(db: Kysely<DB>, unitId: number, indicator: string, period: string, disagg: string): Promise<Figure | undefined> {
  const r = await db.selectFrom("figures").selectAll()
    .where("unit_id", "=", unitId).where("indicator", "=", indicator).where("period", "=", period).where("disagg", "=", disagg)
    .executeTakeFirst();
  return r ? toFigure(r) : undefined;
}

/** Figures of a unit for the given periods. */
export async function figuresOfUnit(db: Kysely<DB>, unitId: number, periods: string[]): Promise<Figure[]> {
  if (periods.length === 0) return [];
  const rows = await db.selectFrom("figures").selectAll().where("unit_id", "=", unitId).where("period", "in", periods).orderBy("indicator").execute();
  return rows.map(toFigure);
}
