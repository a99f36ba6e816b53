/**
 * Table types of the registers (Kysely). Same conventions as src/db/schema.ts: dates ISO text,
 * booleans 0/1, JSON as text. `RegistersDB` is part of the app's DB (schema.ts); the registers' tables are created by
 * migrations/2026-11-25-registers.ts.
 */
import type { Generated } from "kysely";

/** Đơn thư: one row per petition, with its deadlines computed and stored at write time. */
export interface PetitionsTable {
  id: Generated<number>;
  unit_id: number;
  /** Số vào sổ (the unit's own register number), optional. */
  number: string | null;
  type: string;
  received_on: string;
  petitioner: string;
  address: string | null;
  phone: string | null;
  content: string;
  /** normal | complex | especially_complex */
  complexity: string;
  remote: number;
  many_people: number;
  /** Khiếu nại lần hai (Điều 37 Luật Khiếu nại). */
  second_time: number;
  withdrawn: number;
  state: string;
  classified_on: string | null;
  accepted_on: string | null;
  not_accepted_reason: string | null;
  transferred_to: string | null;
  notified_on: string | null;
  /** JSON: [{ number, date }] written extension decisions (tố cáo, Điều 30). */
  extensions: string;
  verifying_on: string | null;
  dialogue_on: string | null;
  decided_on: string | null;
  decision_no: string | null;
  decision_summary: string | null;
  enforced_on: string | null;
  archived_on: string | null;
  withdrawn_on: string | null;
  accept_due: string | null;
  notify_due: string | null;
  resolve_due: string | null;
  /** The earliest deadline still to be met while the petition is open; null once closed. */
  due_on: string | null;
  /** accept | notify | resolve: which deadline due_on is. */
  due_stage: string | null;
  /** Decided or withdrawn on (counts as resolved). */
  resolved_on: string | null;
  /** Closed on (resolved, not accepted, transferred), for "open as of a date". */
  closed_on: string | null;
  search_key: string;
  search_fold: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** The other registers share one table: typed by their zod schema, the details in `data`. */
export interface RegisterRecordsTable {
  id: Generated<number>;
  register: string;
  kind: string;
  unit_id: number;
  /** The date the record counts on (session date, case received, decision date…). */
  date: string;
  state: string | null;
  /** A mediation case's team. */
  parent_id: number | null;
  title: string;
  data: string;
  search_key: string;
  search_fold: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface RegisterAttachmentsTable {
  id: Generated<number>;
  register: string;
  record_id: number;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_by: number | null;
  created_at: string;
}

/** Users who handle a petition (tố cáo: they alone see the denouncer's identity). */
export interface PetitionHandlersTable {
  id: Generated<number>;
  petition_id: number;
  user_id: number;
  assigned_by: number | null;
  assigned_at: string;
}

export interface RegistersDB {
  petitions: PetitionsTable;
  petition_handlers: PetitionHandlersTable;
  register_records: RegisterRecordsTable;
  register_attachments: RegisterAttachmentsTable;
}
