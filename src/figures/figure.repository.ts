/** All SQL about figures. */
import { sql, type Kysely, type Selectable } from "kysely";
import type { DB, FiguresTable } from "../db/schema.ts";
import type { Database } from "../db/database.ts";
import { prepared } from "../db/prepared.ts";
import { periodsWithin, storedPeriod, type Period } from "../core/period.ts";
import { copyField, copyInto } from "../db/pg-copy.ts";
import { runRows } from "../db/sqlite-rows.ts";
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
  /** Increases with every change: a save names the version it was made from. */
  version: number;
  /** Needs a second look in review: "implausible", or "rule" (a rule broken, accepted with a comment). */
  flag: string | null;
  /** Why the value was flagged, when this save flagged it (not stored). */
  warning?: string;
}

/** Row → domain figure. */
export function toFigure(r: Selectable<FiguresTable>): Figure {
  return {
    id: r.id, unitId: r.unit_id, indicator: r.indicator, period: r.period, disagg: r.disagg, kind: r.kind as FigureKind,
    value: r.value, status: r.status as FigureStatus, comment: r.comment, source: r.source ? JSON.parse(r.source) : null,
    updatedBy: r.updated_by, updatedAt: r.updated_at, version: r.version, flag: r.flag,
  };
}

/** Row → roll-up fact. */
export function toFact(r: Pick<Selectable<FiguresTable>, "id" | "unit_id" | "period" | "disagg" | "kind" | "value" | "status">): FigureFact {
  return { id: r.id, unitId: r.unit_id, period: storedPeriod(r.period), disagg: r.disagg, kind: r.kind as FigureKind, value: r.value, estimated: r.status === "estimated" };
}

/** Facts of one indicator in one year (optionally only some units, only some periods), figure by figure. */
export async function factsFor(db: Kysely<DB>, indicator: string, year: number, unitIds: number[] | null, periods: string[] | null = null): Promise<FigureFact[]> {
  let q = db
    .selectFrom("figures")
    .select(["id", "unit_id", "period", "disagg", "kind", "value", "status"])
    .where("indicator", "=", indicator)
    .where("year", "=", year);
  if (periods) q = q.where("period", "in", periods);
  if (unitIds) {
    if (unitIds.length === 0) return [];
    const out: FigureFact[] = [];
    for (let i = 0; i < unitIds.length; i += CHUNK) out.push(...(await q.where("unit_id", "in", unitIds.slice(i, i + CHUNK)).execute()).map(toFact));
    return out;
  }
  return (await q.execute()).map(toFact);
}

/** Units per `in (…)` list, below every engine's parameter limit. */
const CHUNK = 5000;

/**
 * Facts of one indicator for a period, summed in SQL where that is exact: a unit whose figures all
 * share one period type and one disaggregation and are own figures (the usual case, say 12 monthly
 * figures) becomes one fact standing for all of them (distinct periods of one type never overlap,
 * so none of them can set another aside). Units with more kinds of figure come back figure by figure,
 * and so does everything when an area total is among them (it can set aside part of a unit's months).
 */
export async function summedFactsFor(db: Kysely<DB>, indicator: string, period: Period, unitIds: number[] | null): Promise<FigureFact[]> {
  if (unitIds && unitIds.length === 0) return [];
  const inside = period.type === "year" ? null : periodsWithin(period).map((p) => p.id);
  const groups: Array<{ unit_id: number; disagg: string; kind: string; v: number; n: number | string; e: number | string; p0: string; id0: number }> = [];
  const chunks = unitIds ? Array.from({ length: Math.ceil(unitIds.length / CHUNK) }, (_, i) => unitIds.slice(i * CHUNK, (i + 1) * CHUNK)) : [null];
  for (const chunk of chunks) {
    let q = db
      .selectFrom("figures")
      .select([
        "unit_id", "disagg", "kind",
        sql<number>`sum(value)`.as("v"),
        sql<number>`count(*)`.as("n"),
        sql<number>`max(case when status = 'estimated' then 1 else 0 end)`.as("e"),
        sql<string>`min(period)`.as("p0"),
        sql<number>`min(id)`.as("id0"),
      ])
      .where("indicator", "=", indicator)
      .where("year", "=", period.year)
      .groupBy(["unit_id", "disagg", "kind", sql`case when length(period) = 4 then 'Y' when substr(period, 5, 1) between '0' and '9' then 'M' else substr(period, 5, 1) end`]);
    if (inside) q = q.where("period", "in", inside);
    if (chunk) q = q.where("unit_id", "in", chunk);
    groups.push(...(await q.execute()));
  }
  if (groups.some((g) => g.kind === "area")) return factsFor(db, indicator, period.year, unitIds, inside);
  const perUnit = new Map<number, number>();
  for (const g of groups) perUnit.set(g.unit_id, (perUnit.get(g.unit_id) ?? 0) + 1);
  const facts: FigureFact[] = [];
  const mixed: number[] = [];
  for (const g of groups) {
    if (perUnit.get(g.unit_id)! > 1) continue;
    facts.push({ id: Number(g.id0), unitId: g.unit_id, period: storedPeriod(g.p0), disagg: g.disagg, kind: "own", value: Number(g.v), estimated: Number(g.e) === 1, count: Number(g.n) });
  }
  for (const [u, n] of perUnit) if (n > 1) mixed.push(u);
  for (let i = 0; i < mixed.length; i += CHUNK) facts.push(...(await factsFor(db, indicator, period.year, mixed.slice(i, i + CHUNK), inside)));
  return facts;
}

/** The figure at a key, if any. */
export async function findFigure(db: Kysely<DB>, unitId: number, indicator: string, period: string, disagg: string): Promise<Figure | undefined> {
  const [r] = await selectFigure(db, unitId, indicator, period, disagg);
  return r ? toFigure(r) : undefined;
}

/**
 * What every save reads first, in one statement: the figure at a key, the stored values of the same
 * unit, indicator and breakdown in `history` periods, and whether a submitted or approved report of
 * one of `lockUnits` × `lockPeriods` may lock it (`locked` can be true for a pair that does not
 * count the figure: the lists are crossed; the caller then checks pairs).
 */
export async function findFigureAndLock(
  db: Kysely<DB>, unitId: number, indicator: string, period: string, disagg: string, history: readonly string[], lockUnits: readonly number[], lockPeriods: readonly string[],
): Promise<{ figure: Figure | undefined; history: Map<string, number>; locked: boolean }> {
  const periods = [period, ...history];
  // Lists within the prepared shape are padded by repeating their first item (IN ignores repeats).
  const fits = periods.length <= LOOKUP_PERIODS && lockUnits.length <= LOCK_UNITS && lockPeriods.length <= LOCK_PERIODS && lockUnits.length > 0 && lockPeriods.length > 0;
  const pad = <T>(xs: readonly T[], n: number): T[] => [...xs, ...Array<T>(n - xs.length).fill(xs[0]!)];
  const rows = fits
    ? await lookupPrepared(db, unitId, indicator, disagg, pad(periods, LOOKUP_PERIODS), pad(lockUnits, LOCK_UNITS), pad(lockPeriods, LOCK_PERIODS))
    : await lookupQuery(db, unitId, indicator, disagg, periods, lockUnits, lockPeriods).execute();
  let figure: Figure | undefined;
  const values = new Map<string, number>();
  for (const { locked: _, ...row } of rows) {
    if (row.id === null) continue;
    if (row.period === period) figure = toFigure(row as Selectable<FiguresTable>);
    else values.set(row.period!, row.value!);
  }
  return { figure, history: values, locked: Boolean(rows[0]?.locked) };
}

/** The prepared lookup's list sizes: a month's figure has 8 earlier months and 4–5 periods holding it; a unit is rarely counted in more than 3 others. */
const LOOKUP_PERIODS = 9;
const LOCK_UNITS = 4;
const LOCK_PERIODS = 6;

const lookupQuery = (db: Kysely<DB>, unitId: number, indicator: string, disagg: string, periods: readonly string[], lockUnits: readonly number[], lockPeriods: readonly string[]) =>
  db.selectFrom(sql<{ one: number }>`(select 1 as one)`.as("one"))
    .leftJoin("figures", (j) => j.on("figures.unit_id", "=", unitId).on("figures.indicator", "=", indicator).on("figures.disagg", "=", disagg).on("figures.period", "in", periods))
    .selectAll("figures")
    .select((eb) => eb.exists(eb.selectFrom("submissions").select(sql.lit(1).as("x"))
      // The period is matched as an expression, not through the index: an SQLite index search held by
      // two IN lists has a fixed cost (0.14–0.43 ms with a file-backed temporary store, even on an
      // empty table, against 0.01 ms by the unit list alone; 62 → 50 µs on the server's writer, whose
      // temporary store is in memory); a unit has a few dozen reports at most.
      .where("submissions.unit_id", "in", lockUnits).where(sql<string>`(submissions.period || '')`, "in", lockPeriods).where("submissions.status", "in", [sql.lit("submitted"), sql.lit("approved")])).as("locked"));

// Every save runs this lookup: prepared once (src/db/prepared.ts), with its lists spread into arguments.
const lookupPrepared = (() => {
  const q = prepared(3 + LOOKUP_PERIODS + LOCK_UNITS + LOCK_PERIODS, (db, ...a: unknown[]) => {
    const [unitId, indicator, disagg] = a as [number, string, string];
    const periods = a.slice(3, 3 + LOOKUP_PERIODS) as string[];
    const units = a.slice(3 + LOOKUP_PERIODS, 3 + LOOKUP_PERIODS + LOCK_UNITS) as number[];
    return lookupQuery(db, unitId, indicator, disagg, periods, units, a.slice(3 + LOOKUP_PERIODS + LOCK_UNITS) as string[]);
  });
  return (db: Kysely<DB>, unitId: number, indicator: string, disagg: string, periods: string[], units: number[], lockPeriods: string[]) =>
    q(db, unitId, indicator, disagg, ...periods, ...units, ...lockPeriods);
})();

/** Every save reads the figure it replaces: prepared once (src/db/prepared.ts). */
const selectFigure = prepared(4, (db, unitId: number, indicator: string, period: string, disagg: string) =>
  db.selectFrom("figures").selectAll().where("unit_id", "=", unitId).where("indicator", "=", indicator).where("period", "=", period).where("disagg", "=", disagg));

/** Figures of a unit for the given periods. */
export async function figuresOfUnit(db: Kysely<DB>, unitId: number, periods: string[]): Promise<Figure[]> {
  if (periods.length === 0) return [];
  const rows = await db.selectFrom("figures").selectAll().where("unit_id", "=", unitId).where("period", "in", periods).orderBy("indicator").execute();
  return rows.map(toFigure);
}

/** A figure row as an import writes it. */
export type FigureRow = Omit<Selectable<FiguresTable>, "id" | "version">;

const FIGURE_COLS = ["unit_id", "indicator", "period", "year", "start_month", "end_month", "disagg", "kind", "value", "status", "comment", "source", "batch_id", "updated_by", "updated_at", "flag"] as const;
const FIGURE_UPDATE = ["kind", "value", "status", "comment", "source", "batch_id", "updated_by", "updated_at", "flag"] as const;
const BUMP = "version = figures.version + 1";
const FIGURE_TYPES: Record<(typeof FIGURE_COLS)[number], string> = {
  unit_id: "int", indicator: "text", period: "text", year: "int", start_month: "int", end_month: "int", disagg: "text", kind: "text",
  value: "float8", status: "text", comment: "text", source: "text", batch_id: "int", updated_by: "int", updated_at: "text", flag: "text",
};
const UPSERT_FIGURE_HEAD = `insert into figures (${FIGURE_COLS.join(", ")})`;
const UPSERT_FIGURE_TAIL = `on conflict (unit_id, indicator, period, disagg) do update set ${FIGURE_UPDATE.map((c) => `${c} = excluded.${c}`).join(", ")}, ${BUMP}`;

const STAGE_FIGURES = `create temp table if not exists figures_stage (${FIGURE_COLS.map((c) => `${c} ${FIGURE_TYPES[c]}`).join(", ")}) on commit drop`;

/**
 * The rows grouped by indicator and year, each group in the order given (a file's lines come unit
 * by unit): the (indicator, year, unit…) index then takes each group's rows at one place in a run,
 * not one row here and the next elsewhere. A 1M-line import spent 4.9–5.4 s in its figure inserts
 * instead of 6.2 s; grouping costs one pass, where sorting the chunk cost what it saved.
 */
function byIndicatorYear(rows: readonly FigureRow[]): FigureRow[] {
  const groups = new Map<string, Map<number, FigureRow[]>>();
  for (const r of rows) {
    let years = groups.get(r.indicator);
    if (!years) groups.set(r.indicator, (years = new Map()));
    const g = years.get(r.year);
    if (g) g.push(r);
    else years.set(r.year, [r]);
  }
  const out: FigureRow[] = [];
  for (const years of groups.values()) for (const g of years.values()) for (const r of g) out.push(r);
  return out;
}

/**
 * Inserts or replaces figure rows (imports): prepared statements of 64 rows on SQLite; on PostgreSQL
 * the rows are COPied into a staging table of the transaction and moved with one statement.
 */
export async function upsertFigureRows(db: Kysely<DB>, database: Database, rows: readonly FigureRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (database.sqlite) {
    runRows(database.sqlite, UPSERT_FIGURE_HEAD, UPSERT_FIGURE_TAIL, FIGURE_COLS.length, byIndicatorYear(rows), (args, at, r) => {
      for (let i = 0; i < FIGURE_COLS.length; i++) args[at + i] = r[FIGURE_COLS[i]!];
    });
    return;
  }
  await sql.raw(STAGE_FIGURES).execute(db);
  await copyInto(db, "figures_stage", FIGURE_COLS, (function* () {
    let text = "";
    for (const r of rows) {
      text += `${r.unit_id}\t${copyField(r.indicator)}\t${copyField(r.period)}\t${r.year}\t${r.start_month}\t${r.end_month}\t${copyField(r.disagg)}\t${copyField(r.kind)}\t${copyField(r.value)}\t${copyField(r.status)}\t${copyField(r.comment)}\t${copyField(r.source)}\t${copyField(r.batch_id)}\t${copyField(r.updated_by)}\t${copyField(r.updated_at)}\t${copyField(r.flag)}\n`;
      if (text.length > 1 << 16) {
        yield text;
        text = "";
      }
    }
    if (text) yield text;
  })());
  await sql`insert into figures (${sql.raw(FIGURE_COLS.join(", "))}) select ${sql.raw(FIGURE_COLS.join(", "))} from figures_stage
    on conflict (unit_id, indicator, period, disagg) do update set ${sql.raw(FIGURE_UPDATE.map((c) => `${c} = excluded.${c}`).join(", "))}, ${sql.raw(BUMP)}`.execute(db);
  await sql`truncate figures_stage`.execute(db);
}

/** A stored figure as an import compares it (what it would overwrite, and whether this import wrote it). */
export interface ExistingFigure {
  id: number;
  kind: string;
  value: number;
  status: string;
  comment: string | null;
  batchId: number | null;
  /** The import line that wrote it, when an import did. */
  line: number | null;
}

/** The stored figures at the given keys, by `${unitId}|${indicator}|${period}|${disagg}`. */
export async function existingFigures(db: Kysely<DB>, keys: ReadonlyArray<{ unitId: number; indicator: string; period: string; disagg: string }>): Promise<Map<string, ExistingFigure>> {
  const out = new Map<string, ExistingFigure>();
  if (keys.length === 0) return out;
  const wanted = new Set(keys.map((k) => `${k.unitId}|${k.indicator}|${k.period}|${k.disagg}`));
  const units = [...new Set(keys.map((k) => k.unitId))];
  const indicators = [...new Set(keys.map((k) => k.indicator))];
  const periods = [...new Set(keys.map((k) => k.period))];
  for (let i = 0; i < units.length; i += CHUNK) {
    const rows = await db.selectFrom("figures").select(["id", "unit_id", "indicator", "period", "disagg", "kind", "value", "status", "comment", "batch_id", "source"])
      .where("unit_id", "in", units.slice(i, i + CHUNK)).where("indicator", "in", indicators).where("period", "in", periods).execute();
    for (const r of rows) {
      const k = `${r.unit_id}|${r.indicator}|${r.period}|${r.disagg}`;
      if (!wanted.has(k)) continue;
      let line: number | null = null;
      if (r.batch_id !== null && r.source) line = (JSON.parse(r.source) as { line?: number }).line ?? null;
      out.set(k, { id: r.id, kind: r.kind, value: r.value, status: r.status, comment: r.comment, batchId: r.batch_id, line });
    }
  }
  return out;
}
