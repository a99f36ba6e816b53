/** Table types of the residents' boards (Kysely); part of the app's DB (schema.ts). */
import type { Generated } from "kysely";

/** A Ban Thanh tra nhân dân (one per commune and term) or a Ban Giám sát đầu tư của cộng đồng (one per project). */
export interface OversightBoardsTable {
  id: Generated<number>;
  unit_id: number;
  /** ttnd | gsdtcd */
  kind: string;
  name: string;
  term_start: string;
  /** TTND: the end of the term (the village heads' term); GSĐTCĐ: null (it ends when its task is done). */
  term_end: string | null;
  /** Villages / residential groups of the commune (TTND: one member each). */
  communities: number | null;
  /** The Front committee's decision that set it up or recognised it. */
  decision: string | null;
  dissolved_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** A member of a board: public office (name and role are public), no contact data kept. */
export interface OversightMembersTable {
  id: Generated<number>;
  board_id: number;
  name: string;
  /** truong_ban | pho_truong_ban | thanh_vien */
  role: string;
  /** nguoi_dan | mttq | ttnd */
  represents: string;
  /** The village / residential group that elected the member. */
  community: string | null;
  started_on: string;
  ended_on: string | null;
  end_reason: string | null;
  created_at: string;
}

/** What a board supervises: a matter or decision (TTND) or an investment work / project (GSĐTCĐ). */
export interface OversightItemsTable {
  id: Generated<number>;
  board_id: number;
  unit_id: number;
  /** matter | work */
  kind: string;
  title: string;
  description: string | null;
  /** GSĐTCĐ: the investor (chủ đầu tư). */
  owner: string | null;
  /** GSĐTCĐ: total investment in đồng. */
  budget_vnd: number | null;
  location: string | null;
  /** TTND: the day the supervision plan was sent (NĐ 59 Điều 14 khoản 1 điểm b). */
  plan_sent_on: string | null;
  started_on: string;
  ended_on: string | null;
  created_by: number | null;
  created_at: string;
}

/** A finding with its recommendation (kiến nghị) sent to an authority, and the authority's answer. */
export interface OversightFindingsTable {
  id: Generated<number>;
  board_id: number;
  item_id: number | null;
  unit_id: number;
  finding: string;
  recommendation: string;
  authority: string;
  sent_on: string;
  due_on: string;
  answer: string | null;
  answered_on: string | null;
  answered_by: string | null;
  /** 1: the finding and its answer are on the commune's public page. */
  published: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface OversightDB {
  oversight_boards: OversightBoardsTable;
  oversight_members: OversightMembersTable;
  oversight_items: OversightItemsTable;
  oversight_findings: OversightFindingsTable;
}
