/**
 * A rebuild's reads and writes as columns (totals.lane.ts): the figures of a group read as arrays, and a cleared
 * group's totals rows written straight from the columns the lane gives back, with no object per row.
 */
import type SQLite from "better-sqlite3";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Database } from "../db/database.ts";
import { F, FIELDS, WIDTH } from "../core/totals.ts";
import { copyField, copyInto } from "../db/pg-copy.ts";
import { runRows } from "../db/sqlite-rows.ts";
import type { RowColumns } from "./totals.lane.ts";
import { COLS, KEY_COLS, UPSERT_HEAD, UPSERT_TAIL } from "./totals.repository.ts";

/** A figure of a group as a rebuild reads it: unit, period, disagg, kind, value, status, id. */
export type GroupFigureRow = [number, string, string, string, number, string, number];
const GROUP_FIGURES = "select unit_id, period, disagg, kind, value, status, id from figures where indicator = ? and year = ? and unit_id >= ? and unit_id <= ? order by unit_id";
const groupStatements = new WeakMap<SQLite.Database, SQLite.Statement>();

/**
 * The figures of one indicator-year whose units lie in [lo, hi], in unit order: one range of the (indicator, year,
 * unit_id, …) index, read from the index alone. SQLite: as arrays (a rebuild reads every figure; objects cost more).
 */
export async function groupFigureRows(ctx: { db: Kysely<DB>; database: Database }, indicator: string, year: number, lo: number, hi: number): Promise<GroupFigureRow[]> {
  const sqlite = ctx.database.sqlite;
  if (sqlite) {
    let st = groupStatements.get(sqlite);
    if (!st) groupStatements.set(sqlite, (st = sqlite.prepare(GROUP_FIGURES).raw(true)));
    return st.all(indicator, year, lo, hi) as GroupFigureRow[];
  }
  const rows = await ctx.db.selectFrom("figures").select(["unit_id", "period", "disagg", "kind", "value", "status", "id"])
    .where("indicator", "=", indicator).where("year", "=", year).where("unit_id", ">=", lo).where("unit_id", "<=", hi).orderBy("unit_id").execute();
  return rows.map((r) => [r.unit_id, r.period, r.disagg, r.kind, r.value, r.status, r.id]);
}

/**
 * Writes the rows of a group a rebuild has cleared (its keys unique, none stored: the group's rows were deleted under
 * its lock, or the table was emptied). SQLite: 64 rows a statement, bound from the columns. PostgreSQL: COPY straight
 * into the table in key order (period, structure, unit, breakdown; one indicator) — no staging table, no summing, no
 * conflict check (they took 10 s of a 1M-line import's 66 for its 1.28M totals rows). A key stored already means a
 * writer went round the group's lock: the unique key refuses it and the whole write fails.
 */
export async function writeClearedColumns(db: Kysely<DB>, database: Database, indicator: string, rows: RowColumns): Promise<void> {
  if (rows.n === 0) return;
  const { vec } = rows;
  const num = (o: number, i: number) => (i % FIELDS === F.value ? vec[o + i]! : Math.round(vec[o + i]!));
  if (database.sqlite) {
    const order = Array.from({ length: rows.n }, (_, i) => i);
    runRows(database.sqlite, UPSERT_HEAD, UPSERT_TAIL, KEY_COLS.length + COLS.length, order, (args, at, r) => {
      args[at] = indicator; args[at + 1] = rows.periods[rows.period[r]!]; args[at + 2] = rows.structure[r]; args[at + 3] = rows.unit[r]; args[at + 4] = rows.disaggs[rows.disagg[r]!];
      for (let i = 0; i < COLS.length; i++) args[at + 5 + i] = num(r * WIDTH, i);
    });
    return;
  }
  const rank = (list: readonly string[]) => {
    const sorted = list.map((s, i) => [s, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const out = new Uint32Array(list.length);
    sorted.forEach(([, i], r) => (out[i] = r));
    return out;
  };
  const pr = rank(rows.periods);
  const dr = rank(rows.disaggs);
  const order = Array.from({ length: rows.n }, (_, i) => i).sort((a, b) =>
    pr[rows.period[a]!]! - pr[rows.period[b]!]! || rows.structure[a]! - rows.structure[b]! || rows.unit[a]! - rows.unit[b]! || dr[rows.disagg[a]!]! - dr[rows.disagg[b]!]!);
  const ind = copyField(indicator);
  const periods = rows.periods.map(copyField);
  const disaggs = rows.disaggs.map(copyField);
  await copyInto(db, "totals", [...KEY_COLS, ...COLS], (function* () {
    let text = "";
    for (const r of order) {
      text += `${ind}\t${periods[rows.period[r]!]}\t${rows.structure[r]}\t${rows.unit[r]}\t${disaggs[rows.disagg[r]!]}`;
      for (let i = 0; i < COLS.length; i++) text += `\t${i % FIELDS === F.value ? copyField(vec[r * WIDTH + i]!) : num(r * WIDTH, i)}`;
      text += "\n";
      if (text.length > 1 << 16) {
        yield text;
        text = "";
      }
    }
    if (text) yield text;
  })());
}
