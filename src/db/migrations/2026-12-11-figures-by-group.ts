/**
 * The figures of one indicator-year, unit by unit, read from the index alone: a totals rebuild (and
 * a big import, which rebuilds the indicator-years it touched) reads each group's figures in unit
 * order. Through the narrow (indicator, year) index every figure cost a lookup in the table, whose
 * rows lie in the order they were written, so a rebuild read the whole table once per group.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await sql`drop index figures_indicator_year`.execute(db);
  if (d === "postgres") await sql`create index figures_indicator_year on figures(indicator, year, unit_id) include (period, disagg, kind, value, status, id)`.execute(db);
  else await sql`create index figures_indicator_year on figures(indicator, year, unit_id, period, disagg, kind, value, status)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index figures_indicator_year`.execute(db);
  await sql`create index figures_indicator_year on figures(indicator, year)`.execute(db);
}
