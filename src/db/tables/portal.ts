/** Table types of the public portal (Kysely); part of the app's DB (schema.ts). */
import type { Generated } from "kysely";

/** A public notice (công khai thông tin) of a commune, or of one of its communities. */
export interface PublicNoticesTable {
  id: Generated<number>;
  unit_id: number;
  /** Key of NOTICE_CATEGORIES (notice-rules.ts). */
  category: string;
  /** niem_yet | website | loa | hoi_nghi */
  form: string;
  title: string;
  body: string;
  /** Thôn / tổ dân phố, when posted there. */
  community: string | null;
  posted_on: string;
  /** The minimum posting period in days (the law's, or longer). */
  min_days: number;
  /** Taken down on (null: still posted). */
  removed_on: string | null;
  /** The consultation whose result this notice publishes. */
  consultation_id: number | null;
  /** The commune-wide decision whose result this notice publishes. */
  commune_decision_id: number | null;
  /** The day its title or text was last revised (null: never); the earlier text is in the audit log. */
  revised_on: string | null;
  /** The body that published it ("UBND phường Quy Nhơn"). */
  published_by: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** A consultation (lấy ý kiến) or a decision (bàn và quyết định) of a village / residential group. */
export interface ConsultationsTable {
  id: Generated<number>;
  unit_id: number;
  community: string;
  /** consult | decide */
  kind: string;
  /** decide: the khoản of Điều 15 decided, a key of MATTERS (vote-rules.ts); null for a consultation and for decisions recorded before 2026-12-12. */
  matter: string | null;
  question: string;
  documents: string;
  /** hoi_nghi | phieu | truc_tuyen */
  form: string;
  opens_on: string;
  closes_on: string;
  /** Households in the community (the base of the law's shares). */
  households: number;
  /** open | closed */
  state: string;
  /** Household representatives at the meeting (hội nghị), for its quorum. */
  attending: number | null;
  /** JSON of the ConsultationResult once closed. */
  result: string | null;
  closed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** The commune-wide decision this village's decision is part of (Điều 21 khoản 1: two thirds of the villages). */
  commune_decision_id: Generated<number | null>;
  /** Household ballots: the meeting of the same community and matter that lacked the households (Điều 17 khoản 2, Điều 19 khoản 1 điểm b). */
  follows_id: Generated<number | null>;
}

/** A decision of a commune's residents carried out across the commune: its villages' decisions add up (Điều 21 khoản 1). */
export interface CommuneDecisionsTable {
  id: Generated<number>;
  unit_id: number;
  /** dong_gop_cong_trinh | thu_chi_dong_gop (Điều 15 khoản 1, 2). */
  matter: string;
  question: string;
  documents: string;
  /** All the commune's villages / tổ dân phố (the base of the two thirds). */
  villages: number;
  opens_on: string;
  /** open | closed */
  state: string;
  /** JSON of the CommuneResult once closed. */
  result: string | null;
  closed_at: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A household's code for one consultation (only its hash is kept) and its vote. */
export interface HouseholdCodesTable {
  id: Generated<number>;
  consultation_id: number;
  code_hash: string;
  /** "Hộ số 12": printed beside the code; never a name. */
  label: string;
  /** yes | no | abstain, null before voting. */
  choice: string | null;
  /** online | paper */
  channel: string | null;
  voted_at: string | null;
}

/** A resident's feedback sent on the portal: its petition and the hash of its tracking code. */
export interface PortalFeedbackTable {
  id: Generated<number>;
  tracking_hash: string;
  petition_id: number;
  unit_id: number;
  kind: string;
  /** The public topic (no personal data): what the tracking page shows. */
  topic: string;
  lat: number | null;
  lon: number | null;
  /** Where, in words (address, landmark): internal like the coordinates. */
  place: string | null;
  /** The answer a staff member published for the resident. */
  answer: string | null;
  answered_on: string | null;
  created_at: string;
}

/** A news article published from the report writer. */
export interface PortalNewsTable {
  id: Generated<number>;
  unit_id: number;
  period: string;
  title: string;
  /** JSON array of paragraphs. */
  paragraphs: string;
  published_on: string;
  created_by: number | null;
  created_at: string;
}

export interface PortalDB {
  public_notices: PublicNoticesTable;
  consultations: ConsultationsTable;
  commune_decisions: CommuneDecisionsTable;
  household_codes: HouseholdCodesTable;
  portal_feedback: PortalFeedbackTable;
  portal_news: PortalNewsTable;
}
