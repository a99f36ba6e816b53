/**
 * Table types for Kysely. Dates are ISO text ('YYYY-MM-DD'), times ISO text, booleans 0/1,
 * JSON as text: the same values on SQLite and PostgreSQL.
 */
import type { Generated } from "kysely";
import type { RegistersDB } from "./tables/registers.ts";
import type { PortalDB } from "./tables/portal.ts";
import type { OversightDB } from "./tables/oversight.ts";

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  full_name: string;
  type: string;
  level: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  /** Which imported structure the row came from ("2024", "2025") or null for units added by hand. */
  structure: string | null;
}

export interface UnitChangesTable {
  id: Generated<number>;
  unit_id: number;
  date: string;
  full_name: string;
  type: string;
  basis: string | null;
}

export interface LineageTable {
  id: Generated<number>;
  from_id: number;
  to_id: number;
  date: string;
  kind: string;
  relation: string;
  share: number | null;
}

export interface IndicatorsTable {
  key: string;
  label: string;
  unit: string;
  aggregation: string;
  denominator: string | null;
  section: string;
  description: string | null;
  builtin: number;
  sort: number;
  /** Null: a national indicator; a province's id: that province's own (applies within it). */
  scope_unit_id: Generated<number | null>;
}

export interface CategoriesTable {
  key: string;
  label: string;
}

export interface CategoryOptionsTable {
  category_key: string;
  key: string;
  label: string;
}

export interface FiguresTable {
  id: Generated<number>;
  unit_id: number;
  indicator: string;
  period: string;
  year: number;
  start_month: number;
  end_month: number;
  disagg: string;
  kind: string;
  value: number;
  status: string;
  comment: string | null;
  source: string | null;
  batch_id: number | null;
  updated_by: number | null;
  updated_at: string;
  /** Bumped by every change; a save from an older version is refused (CONFLICT). */
  version: Generated<number>;
  /** Needs a second look in review: "implausible" (far from the unit's history), "rule" (a rule broken, with a comment). */
  flag: string | null;
}

export interface SubmissionsTable {
  id: Generated<number>;
  unit_id: number;
  period: string;
  status: string;
  narrative: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  return_reason: string | null;
  updated_at: string;
  /** Incremented by every save; a save made from an older version is refused (CONFLICT). */
  version: Generated<number>;
}

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: number;
  active: number;
  created_at: string;
  /** Where reminders are e-mailed (migration 2026-12-07); null: in-app only. */
  email: Generated<string | null>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  /** The unit the row concerns (audit reads follow the reader's scope); null: national only. */
  unit_id: number | null;
}

export interface SettingsTable {
  /** The group's key; a province's own entry is "<group>@<province id>". */
  key: string;
  value: string;
  version: Generated<number>;
  /** Null: national; a province's id: that province's own entry. */
  scope_unit_id: Generated<number | null>;
}

export interface ImportBatchesTable {
  id: Generated<number>;
  created_at: string;
  user_id: number | null;
  format: string;
  lines: number;
  sha256: string;
}

/** Feature tables are declared beside their feature and joined here. */
export interface DB extends RegistersDB, PortalDB, OversightDB {
  units: UnitsTable;
  unit_changes: UnitChangesTable;
  lineage: LineageTable;
  indicators: IndicatorsTable;
  categories: CategoriesTable;
  category_options: CategoryOptionsTable;
  figures: FiguresTable;
  submissions: SubmissionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
  import_batches: ImportBatchesTable;
  report_numbers: ReportNumbersTable;
  report_sections: ReportSectionsTable;
  totals: TotalsTable;
  validation_rules: ValidationRulesTable;
  total_corrections: TotalCorrectionsTable;
  totals_versions: TotalsVersionsTable;
  report_number_series: ReportNumberSeriesTable;
}

/** The last number given in each series: incremented in one statement, so parallel issues never clash. */
export interface ReportNumberSeriesTable {
  issuer: string;
  series: string;
  doc_type: string;
  last: number;
}

/**
 * A maintained total (src/totals). `structure` 0 = as reported (the units of the period's last
 * day), 1 = as now. Per basis (`_a` approved, `_s` submitted or approved, `_all` drafts included):
 * v value, n figures counted, x set aside, u not allocated, e estimates counted.
 */
export interface TotalsTable {
  structure: number;
  unit_id: number;
  indicator: string;
  period: string;
  disagg: string;
  v_a: number; n_a: number; x_a: number; u_a: number; e_a: number;
  v_s: number; n_s: number; x_s: number; u_s: number; e_s: number;
  v_all: number; n_all: number; x_all: number; u_all: number; e_all: number;
}

/** Raised by every transaction that changes what an indicator-year's totals count, per computed target (unit_id) or as a whole (unit_id 0); computed totals are reused while they stand. */
export interface TotalsVersionsTable {
  indicator: string;
  year: number;
  unit_id: number;
  version: number;
}

/** What area totals change in a maintained total (JSON: the 15 numbers and each basis's area check). */
export interface TotalCorrectionsTable {
  structure: number;
  unit_id: number;
  indicator: string;
  period: string;
  disagg: string;
  data: string;
}

/** Numbers given to issued reports ("Số 12-BC/BDVHU"), one series per issuer and numbering period. */
export interface ReportNumbersTable {
  id: Generated<number>;
  issuer: string;
  series: string;
  doc_type: string;
  number: number;
  unit_id: number;
  period: string;
  style: string;
  issued_on: string;
  created_at: string;
  created_by: number | null;
}

/** A validation rule of the catalog (src/indicators/rules.ts): lhs op rhs, on one unit's figures of one period. */
export interface ValidationRulesTable {
  key: string;
  lhs: string;
  op: string;
  rhs: string;
  message: string;
  severity: string;
  allow_with_comment: number;
  builtin: number;
  scope_unit_id: number | null;
}

/** A section decided at the document stage (migration 2026-12-06-report-sections). */
export interface ReportSectionsTable {
  id: Generated<number>;
  unit_id: number;
  period: string;
  section: string;
  text: string;
  /** accepted (a draft taken as it was) | written (a person's own text) */
  kind: string;
  draft: string | null;
  updated_at: string;
  updated_by: number | null;
}
