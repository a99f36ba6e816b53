/** All SQL of the reports feature: which indicators have figures, and report numbers. */
import type { Kysely } from "kysely";
import type { DB, ReportNumbersTable } from "../db/schema.ts";

/** Indicator keys with at least one stored figure in one of the years (the rest are not queried). */
export async function indicatorsWithFigures(db: Kysely<DB>, years: number[]): Promise<Set<string>> {
  const rows = await db.selectFrom("figures").select("indicator").distinct().where("year", "in", years).execute();
  return new Set(rows.map((r) => r.indicator));
}

export interface IssuedNumber {
  id: number;
  number: number;
  series: string;
  issuedOn: string;
}

/** The number already given to a unit's report for a period in a format, if any. */
export async function findIssuedNumber(db: Kysely<DB>, unitId: number, period: string, style: string, docType: string): Promise<IssuedNumber | undefined> {
  const r = await db.selectFrom("report_numbers").select(["id", "number", "series", "issued_on"])
    .where("unit_id", "=", unitId).where("period", "=", period).where("style", "=", style).where("doc_type", "=", docType)
    .executeTakeFirst();
  return r && { id: r.id, number: r.number, series: r.series, issuedOn: r.issued_on };
}

/** Inserts the next number of an issuer's series (call inside a transaction; a clash raises a unique violation). */
export async function insertNextNumber(
  db: Kysely<DB>,
  row: Omit<ReportNumbersTable, "id" | "number">,
): Promise<IssuedNumber> {
  const r = await db.selectFrom("report_numbers").select((eb) => eb.fn.max("number").as("n"))
    .where("issuer", "=", row.issuer).where("series", "=", row.series).where("doc_type", "=", row.doc_type)
    .executeTakeFirst();
  const number = Number(r?.n ?? 0) + 1;
  const ins = await db.insertInto("report_numbers").values({ ...row, number }).returning("id").executeTakeFirstOrThrow();
  return { id: ins.id, number, series: row.series, issuedOn: row.issued_on };
}

/** True for a unique-constraint violation on either database (two clerks taking the same number). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
