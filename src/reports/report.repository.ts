/** All SQL of the reports feature: which indicators have figures, report numbers, decided sections. */
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

/**
 * Takes the next number of an issuer's series and records it for the report (call inside a
 * transaction). The series counter is incremented in one upsert: PostgreSQL makes a parallel
 * issue wait for the row and then count on from the committed value, so two clerks never get the
 * same number and neither gets an error. Two issues of the same report still meet on
 * report_numbers_report (a unique violation the caller answers with the number already given).
 */
export async function insertNextNumber(
  db: Kysely<DB>,
  row: Omit<ReportNumbersTable, "id" | "number">,
): Promise<IssuedNumber> {
  const { last } = await db.insertInto("report_number_series").values({ issuer: row.issuer, series: row.series, doc_type: row.doc_type, last: 1 })
    .onConflict((oc) => oc.columns(["issuer", "series", "doc_type"]).doUpdateSet((eb) => ({ last: eb(eb.ref("report_number_series.last"), "+", 1) })))
    .returning("last").executeTakeFirstOrThrow();
  const number = Number(last);
  const ins = await db.insertInto("report_numbers").values({ ...row, number }).returning("id").executeTakeFirstOrThrow();
  return { id: ins.id, number, series: row.series, issuedOn: row.issued_on };
}

/** True for a unique-constraint violation on either database (two clerks issuing the same report). */
export { isUniqueViolation } from "../db/errors.ts";

export interface StoredSection {
  section: string;
  text: string;
  kind: "accepted" | "written";
  draft: string | null;
  updatedAt: string;
  updatedBy: number | null;
}

/** The decided sections of a unit's report for a period. */
export async function listSections(db: Kysely<DB>, unitId: number, period: string): Promise<StoredSection[]> {
  const rows = await db.selectFrom("report_sections").selectAll().where("unit_id", "=", unitId).where("period", "=", period).execute();
  return rows.map((r) => ({ section: r.section, text: r.text, kind: r.kind === "accepted" ? "accepted" : "written", draft: r.draft, updatedAt: r.updated_at, updatedBy: r.updated_by }));
}

/**
 * Stores (or replaces) one decided section in one upsert, so two people deciding the same section
 * at once both succeed (the later one stands); returns what was there before.
 */
export async function putSection(db: Kysely<DB>, unitId: number, period: string, s: Omit<StoredSection, "updatedAt"> & { updatedAt: string }): Promise<StoredSection | null> {
  const before = (await listSections(db, unitId, period)).find((x) => x.section === s.section) ?? null;
  const values = { text: s.text, kind: s.kind, draft: s.draft, updated_at: s.updatedAt, updated_by: s.updatedBy };
  await db.insertInto("report_sections").values({ unit_id: unitId, period, section: s.section, ...values })
    .onConflict((oc) => oc.columns(["unit_id", "period", "section"]).doUpdateSet(values)).execute();
  return before;
}

/** Removes a decided section (back to the draft); returns what was there. */
export async function deleteSection(db: Kysely<DB>, unitId: number, period: string, section: string): Promise<StoredSection | null> {
  const before = (await listSections(db, unitId, period)).find((x) => x.section === section) ?? null;
  if (before) await db.deleteFrom("report_sections").where("unit_id", "=", unitId).where("period", "=", period).where("section", "=", section).execute();
  return before;
}
