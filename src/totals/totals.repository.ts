/** All SQL about maintained totals: the figures and reports they are computed from, and the totals table. */
import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from "kysely";
import type { DB, FiguresTable, TotalsTable } from "../db/schema.ts";
import type { Database } from "../db/database.ts";
import { storedPeriod } from "../core/period.ts";
import { BASES, F, FIELDS, isZeroVec, reportStateOf, WIDTH, type ReportStatus, type StatedFact, type Vec } from "../core/totals.ts";
import type { FigureKind } from "../core/rollup.ts";
import type { AreaCheck } from "../core/rollup.ts";
import { runRows } from "../db/sqlite-rows.ts";
import { bumpAllVersions } from "./totals.versions.ts";

/** One unit's figures of one indicator in one year. */
export interface SlotKey {
  unitId: number;
  indicator: string;
  year: number;
}
export const slotKey = (k: SlotKey) => `${k.unitId}|${k.indicator}|${k.year}`;

const CHUNK = 900;
function chunks<T>(xs: readonly T[], n = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The reports of some units (every period), for the state of their figures. */
export async function loadReports(db: Kysely<DB>, unitIds: readonly number[]): Promise<Map<number, ReportStatus[]>> {
  const out = new Map<number, ReportStatus[]>();
  for (const part of chunks([...new Set(unitIds)])) {
    const rows = await db.selectFrom("submissions").select(["unit_id", "period", "status"]).where("unit_id", "in", part).where("status", "in", ["submitted", "approved"]).execute();
    for (const r of rows) (out.get(r.unit_id) ?? out.set(r.unit_id, []).get(r.unit_id)!).push({ period: storedPeriod(r.period), status: r.status });
  }
  return out;
}

/** The figures of the given unit-years, each with the state of the report covering it. */
export async function loadStatedFacts(db: Kysely<DB>, keys: readonly SlotKey[], reports: ReadonlyMap<number, ReportStatus[]>, byRange = false): Promise<Map<string, StatedFact[]>> {
  const out = new Map<string, StatedFact[]>(keys.map((k) => [slotKey(k), []]));
  if (keys.length === 0) return out;
  const indicators = [...new Set(keys.map((k) => k.indicator))];
  // A year's period ids all start with the year ("2026", "2026Q1", "202601"…): a range on the
  // period keeps the read of (unit, indicator) pairs on the figures' key (unit, indicator, period).
  for (const year of new Set(keys.map((k) => k.year))) {
    const ofYear = keys.filter((k) => k.year === year);
    // One indicator: its units in a list. Several (a batch of saves): the (unit, indicator) pairs
    // themselves, not every unit crossed with every indicator (18 times the rows in a busy batch).
    // `byRange`: a rebuild's batch of units in unit order, one indicator: one range of the
    // (indicator, year, unit_id, …) index, read from the index alone, instead of a lookup per
    // figure in a table whose rows lie in the order they were written.
    const units = indicators.length === 1 ? [...new Set(ofYear.map((k) => k.unitId))] : [];
    const ranged = byRange && units.length > 0;
    if (ranged) units.sort((a, b) => a - b);
    const parts: Array<(q: FactQuery) => FactQuery> = ranged
      ? [(q) => q.where("indicator", "=", indicators[0]!).where("year", "=", year).where("unit_id", ">=", units[0]!).where("unit_id", "<=", units.at(-1)!)]
      // Several units of one indicator: seeks in the (indicator, year, unit_id, …) index, read from the
      // index alone. Written as `unit_id in (…) and indicator = ?` with a period range, SQLite scanned
      // every figure of the indicator in the country for two units or more (1.5 ms against 0.017 ms
      // for 5 units at 1M figures; a commune's computed totals read hundreds).
      : indicators.length === 1
      ? chunks(units).map((part) => (q: FactQuery) => q.where("indicator", "=", indicators[0]!).where("year", "=", year).where("unit_id", "in", part))
      : chunks([...new Map(ofYear.map((k) => [`${k.unitId}|${k.indicator}`, k])).values()]).map((pairs) => (q: FactQuery) =>
        q.where(sql<boolean>`(unit_id, indicator) in (values ${sql.join(pairs.map((k) => sql`(cast(${k.unitId} as integer), ${k.indicator})`))})`));
    for (const part of parts) {
      let q = part(db.selectFrom("figures").select(["id", "unit_id", "indicator", "period", "disagg", "kind", "value", "status"]));
      if (!ranged && indicators.length > 1) q = q.where("period", ">=", String(year)).where("period", "<", String(year + 1));
      for (const r of await q.execute()) {
        const list = out.get(`${r.unit_id}|${r.indicator}|${storedPeriod(r.period).year}`);
        if (!list) continue;
        const period = storedPeriod(r.period);
        list.push({
          id: r.id, unitId: r.unit_id, period, disagg: r.disagg, kind: r.kind as FigureKind, value: r.value,
          estimated: r.status === "estimated", state: reportStateOf(reports.get(r.unit_id) ?? [], period),
        });
      }
    }
  }
  return out;
}

type FactQuery = SelectQueryBuilder<DB, "figures", Pick<Selectable<FiguresTable>, "id" | "unit_id" | "indicator" | "period" | "disagg" | "kind" | "value" | "status">>;

/** Units with an area total of the indicator in the year. */
export async function areaUnits(db: Kysely<DB>, indicator: string, year: number): Promise<Set<number>> {
  return (await areaUnitsOf(db, [{ indicator, year }])).get(`${indicator}|${year}`)!;
}

/** The units with an area total of each indicator-year, by `${indicator}|${year}`, in one statement (a batch of saves touches dozens). */
export async function areaUnitsOf(db: Kysely<DB>, groups: ReadonlyArray<{ indicator: string; year: number }>): Promise<Map<string, Set<number>>> {
  const out = new Map(groups.map((g) => [`${g.indicator}|${g.year}`, new Set<number>()]));
  if (groups.length === 0) return out;
  const rows = await db.selectFrom("figures").select(["indicator", "year", "unit_id"]).distinct()
    .where("indicator", "in", [...new Set(groups.map((g) => g.indicator))]).where("year", "in", [...new Set(groups.map((g) => g.year))])
    // A literal, not a parameter: only then can SQLite use the partial index of area totals.
    .where("kind", "=", sql.lit("area")).execute();
  for (const r of rows) out.get(`${r.indicator}|${r.year}`)?.add(r.unit_id);
  return out;
}

/** Units with any figure of the indicator in the year. */
export async function unitsWithFigures(db: Kysely<DB>, indicator: string, year: number): Promise<number[]> {
  const rows = await db.selectFrom("figures").select("unit_id").distinct().where("indicator", "=", indicator).where("year", "=", year).execute();
  return rows.map((r) => r.unit_id);
}

/** A change to add to one total. */
export interface TotalDelta {
  structure: number;
  unitId: number;
  indicator: string;
  period: string;
  disagg: string;
  vec: Vec;
}

const SUFFIX = ["a", "s", "all"] as const;
type Col = `${"v" | "n" | "x" | "u" | "e"}_${(typeof SUFFIX)[number]}`;
const LETTERS = ["v", "n", "x", "u", "e"] as const;
/** Column of a vector index (basis × field). */
export const COLS: Col[] = BASES.flatMap((_, b) => LETTERS.map((l) => `${l}_${SUFFIX[b]}` as Col));


export const KEY_COLS = ["indicator", "period", "structure", "unit_id", "disagg"] as const;
export const UPSERT_HEAD = `insert into totals (${[...KEY_COLS, ...COLS].join(", ")})`;
export const UPSERT_TAIL = `on conflict (${KEY_COLS.join(", ")}) do update set ${COLS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`;

/**
 * Adds deltas to the totals (insert or add); on PostgreSQL in key order so concurrent writers lock rows in the
 * same order. Counts are whole numbers; values keep their fractions. SQLite runs prepared
 * statements of 64 rows on the connection of the transaction in progress; PostgreSQL one statement for
 * up to 5,000 rows (arrays unnested).
 */
export async function applyDeltas(db: Kysely<DB>, database: Database, deltas: readonly TotalDelta[]): Promise<void> {
  const rows = deltas.filter((d) => !isZeroVec(d.vec));
  if (rows.length === 0) return;
  // PostgreSQL: key order (the primary key's), so concurrent writers lock rows in one order. SQLite
  // has one writer: no lock order to keep, and a rebuild's rows already come in runs per period.
  if (!database.sqlite) rows.sort((a, b) => cmp(a.indicator, b.indicator) || cmp(a.period, b.period) || a.structure - b.structure || a.unitId - b.unitId || cmp(a.disagg, b.disagg));
  const num = (d: TotalDelta, i: number) => (i % FIELDS === F.value ? d.vec[i]! : Math.round(d.vec[i]!));
  if (database.sqlite) {
    runRows(database.sqlite, UPSERT_HEAD, UPSERT_TAIL, KEY_COLS.length + COLS.length, rows, (args, at, d) => {
      args[at] = d.indicator; args[at + 1] = d.period; args[at + 2] = d.structure; args[at + 3] = d.unitId; args[at + 4] = d.disagg;
      for (let i = 0; i < COLS.length; i++) args[at + 5 + i] = num(d, i);
    });
    return;
  }
  for (const part of chunks(rows, 5000)) {
    const arrays = [
      part.map((d) => d.indicator), part.map((d) => d.period), part.map((d) => d.structure), part.map((d) => d.unitId), part.map((d) => d.disagg),
      ...COLS.map((_, i) => part.map((d) => num(d, i))),
    ];
    const types = ["text", "text", "int", "int", "text", ...COLS.map((_, i) => (i % FIELDS === F.value ? "float8" : "int"))];
    const unnest = sql.join(arrays.map((a, i) => sql`${a}::${sql.raw(types[i]!)}[]`));
    await sql`insert into totals (${sql.raw([...KEY_COLS, ...COLS].join(", "))}) select * from unnest(${unnest})
      on conflict (${sql.raw(KEY_COLS.join(", "))}) do update set ${sql.raw(COLS.map((c) => `${c} = totals.${c} + excluded.${c}`).join(", "))}`.execute(db);
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A stored total for one basis. */
export interface StoredTotal {
  value: number | null;
  counted: number;
  setAside: number;
  notAllocated: number;
  estimated: boolean;
}

/** Reads one basis of a totals row. */
export function basisOf(row: Pick<TotalsTable, Col>, b: number): StoredTotal {
  const s = SUFFIX[b]!;
  return total(row[`v_${s}`], row[`n_${s}`], row[`x_${s}`], row[`u_${s}`], row[`e_${s}`]);
}

/** Reads one basis of a total's vector (a total computed when asked, as a row would hold it). */
export function basisOfVec(v: Vec, b: number): StoredTotal {
  const o = b * FIELDS;
  return total(v[o + F.value]!, Math.round(v[o + F.counted]!), Math.round(v[o + F.setAside]!), Math.round(v[o + F.notAllocated]!), Math.round(v[o + F.estimated]!));
}

const total = (value: number, n: number, setAside: number, notAllocated: number, estimated: number): StoredTotal =>
  ({ value: n > 0 ? value : null, counted: n, setAside, notAllocated, estimated: estimated > 0 });

/** Reads totals: some units, indicators and periods of one structure and one disaggregation. */
export async function readTotals(db: Kysely<DB>, q: { structure: number; unitIds: readonly number[]; indicators: readonly string[]; periods: readonly string[]; disagg: string }) {
  const out: Array<TotalsTable> = [];
  if (q.unitIds.length === 0 || q.indicators.length === 0 || q.periods.length === 0) return out;
  for (const part of chunks([...q.unitIds])) {
    let s = db.selectFrom("totals").selectAll().where("structure", "=", q.structure).where("disagg", "=", q.disagg);
    s = part.length === 1 ? s.where("unit_id", "=", part[0]!) : s.where("unit_id", "in", part);
    s = q.indicators.length === 1 ? s.where("indicator", "=", q.indicators[0]!) : s.where("indicator", "in", [...q.indicators]);
    s = q.periods.length === 1 ? s.where("period", "=", q.periods[0]!) : s.where("period", "in", [...q.periods]);
    out.push(...(await s.execute()));
  }
  return out;
}

/** A stored correction: the numbers it added to the total and each basis's area check. */
export interface StoredCorrection {
  vec: number[];
  area: Array<AreaCheck | null>;
}

/** Every stored correction of an indicator in some periods, by `${structure}|${unitId}|${period}` then disaggregation. */
export async function readCorrectionsOfYear(db: Kysely<DB>, indicator: string, periods: readonly string[]): Promise<Map<string, Map<string, StoredCorrection>>> {
  const rows = await db.selectFrom("total_corrections").selectAll().where("indicator", "=", indicator).where("period", "in", [...periods]).execute();
  const out = new Map<string, Map<string, StoredCorrection>>();
  for (const r of rows) {
    const k = `${r.structure}|${r.unit_id}|${r.period}`;
    (out.get(k) ?? out.set(k, new Map()).get(k)!).set(r.disagg, JSON.parse(r.data) as StoredCorrection);
  }
  return out;
}

/** A kept correction of one target, indicator and period, for reads. */
export interface CorrectionRow extends StoredCorrection {
  unitId: number;
  indicator: string;
  period: string;
}

/** The corrections of some targets × indicators × periods in one structure and disaggregation. */
export async function readCorrectionRows(db: Kysely<DB>, q: { structure: number; targets: readonly number[]; indicators: readonly string[]; periods: readonly string[]; disagg: string }): Promise<CorrectionRow[]> {
  const out: CorrectionRow[] = [];
  if (q.targets.length === 0 || q.indicators.length === 0 || q.periods.length === 0) return out;
  for (const part of chunks([...q.targets])) {
    const rows = await db.selectFrom("total_corrections").select(["unit_id", "indicator", "period", "data"])
      .where("structure", "=", q.structure).where("disagg", "=", q.disagg).where("period", "in", [...q.periods]).where("indicator", "in", [...q.indicators])
      .where("unit_id", "in", part).execute();
    for (const r of rows) out.push({ unitId: r.unit_id, indicator: r.indicator, period: r.period, ...(JSON.parse(r.data) as StoredCorrection) });
  }
  return out;
}

/** The corrections of one target, indicator and period (every disaggregation); null when none is kept. */
export async function readCorrections(db: Kysely<DB>, structure: number, unitId: number, indicator: string, period: string): Promise<Map<string, StoredCorrection>> {
  const rows = await db.selectFrom("total_corrections").select(["disagg", "data"])
    .where("structure", "=", structure).where("unit_id", "=", unitId).where("indicator", "=", indicator).where("period", "=", period).execute();
  return new Map(rows.map((r) => [r.disagg, JSON.parse(r.data) as StoredCorrection]));
}

/** Replaces the corrections of one target, indicator and period. */
export async function writeCorrectionsOf(db: Kysely<DB>, structure: number, unitId: number, indicator: string, period: string, next: ReadonlyMap<string, StoredCorrection>): Promise<void> {
  await db.deleteFrom("total_corrections").where("structure", "=", structure).where("unit_id", "=", unitId).where("indicator", "=", indicator).where("period", "=", period).execute();
  if (next.size === 0) return;
  await db.insertInto("total_corrections").values([...next].map(([disagg, c]) => ({ structure, unit_id: unitId, indicator, period, disagg, data: JSON.stringify(c) }))).execute();
}

/** Empties the totals (before a rebuild). */
export async function clearTotals(db: Kysely<DB>): Promise<void> {
  await db.deleteFrom("totals").execute();
  await db.deleteFrom("total_corrections").execute();
  await bumpAllVersions(db);
}

/** Empties the totals and corrections of one indicator in some periods (before they are recomputed). */
export async function clearGroup(db: Kysely<DB>, indicator: string, periods: readonly string[]): Promise<void> {
  await db.deleteFrom("totals").where("indicator", "=", indicator).where("period", "in", [...periods]).execute();
  await db.deleteFrom("total_corrections").where("indicator", "=", indicator).where("period", "in", [...periods]).execute();
}

/** Every (indicator, year) with figures, for a rebuild. */
export async function indicatorYears(db: Kysely<DB>): Promise<Array<{ indicator: string; year: number }>> {
  return db.selectFrom("figures").select(["indicator", "year"]).distinct().orderBy("indicator").orderBy("year").execute();
}

export { WIDTH };
