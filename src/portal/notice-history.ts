/**
 * PURE: a public notice's history for staff, read from its audit rows (notice.create, notice.update,
 * notice.delete; the before and after values are whole notices): who changed what and when, the
 * posting period restarting after a material revision (notice-rules.ts revision(), REVISION_BASIS),
 * taking down and posting again. No I/O: notice-history.service.ts reads the rows.
 */
import { dateVi } from "../core/text.ts";
import { FORM_RULES, NOTICE_CATEGORIES, REVISION_BASIS, type NoticeCategoryKey, type NoticeForm } from "./notice-rules.ts";

/** The fields of a notice an audit row holds (a subset of notice.service.ts Notice). */
export interface NoticeSnapshot {
  title: string;
  body: string;
  category: NoticeCategoryKey;
  form: NoticeForm;
  postedOn: string;
  minDays: number;
  minimumEndsOn: string;
  removedOn: string | null;
  revisedOn: string | null;
  community: string | null;
  publishedBy: string;
}

export interface NoticeAuditRow {
  id: number;
  at: string;
  action: string;
  who: string | null;
  before: Partial<NoticeSnapshot> | null;
  after: Partial<NoticeSnapshot> | null;
}

export type HistoryKind = "created" | "corrected" | "revised_material" | "taken_down" | "posted_again" | "changed" | "deleted";

export const HISTORY_LABELS: Record<HistoryKind, string> = {
  created: "Công khai lần đầu",
  corrected: "Sửa lỗi, giữ ngày công khai",
  revised_material: "Thay đổi cơ bản: công khai lại, thời hạn tối thiểu tính lại",
  taken_down: "Gỡ khỏi trang công khai",
  posted_again: "Công khai lại",
  changed: "Sửa thông tin",
  deleted: "Xóa thông báo",
};

export interface FieldChange {
  field: keyof NoticeSnapshot;
  label: string;
  before: string;
  after: string;
}

export interface HistoryEntry {
  id: number;
  at: string;
  who: string;
  kind: HistoryKind;
  label: string;
  changes: FieldChange[];
  /** A material revision: the posting day moved and the law's minimum runs again to this day. */
  restarted: { from: string; to: string; minimumEndsOn: string; basis: string } | null;
}

const FIELD_LABELS: Record<keyof NoticeSnapshot, string> = {
  title: "Tiêu đề", body: "Nội dung", category: "Nội dung phải công khai", form: "Hình thức", postedOn: "Ngày công khai", minDays: "Thời hạn tối thiểu (ngày)",
  minimumEndsOn: "Giữ ít nhất đến", removedOn: "Ngày gỡ", revisedOn: "Ngày cập nhật", community: "Thôn, tổ dân phố", publishedBy: "Cơ quan công khai",
};
/** Fields that follow from others: shown through them, not as changes of their own. */
const DERIVED = new Set<keyof NoticeSnapshot>(["minimumEndsOn", "revisedOn"]);

/** A field's value as staff read it (labels for codes, dd/mm/yyyy for days, "—" for none). */
export function shown(field: keyof NoticeSnapshot, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (field === "category") return NOTICE_CATEGORIES[v as NoticeCategoryKey]?.label ?? String(v);
  if (field === "form") return FORM_RULES[v as NoticeForm]?.label ?? String(v);
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return dateVi(v);
  return String(v);
}

function changesOf(before: Partial<NoticeSnapshot>, after: Partial<NoticeSnapshot>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(FIELD_LABELS) as Array<keyof NoticeSnapshot>) {
    if (DERIVED.has(field) || !(field in after)) continue;
    if ((before[field] ?? null) === (after[field] ?? null)) continue;
    out.push({ field, label: FIELD_LABELS[field], before: shown(field, before[field]), after: shown(field, after[field]) });
  }
  return out;
}

function kindOf(r: NoticeAuditRow, changes: FieldChange[], restarted: boolean): HistoryKind {
  if (r.action === "notice.create" || r.before === null) return "created";
  if (r.action === "notice.delete" || r.after === null) return "deleted";
  const fields = new Set(changes.map((c) => c.field));
  const text = fields.has("title") || fields.has("body");
  if (text) return restarted ? "revised_material" : "corrected";
  if (fields.has("removedOn") && fields.size === 1) return r.after.removedOn ? "taken_down" : "posted_again";
  return "changed";
}

/** The notice's history, oldest first. */
export function noticeHistory(rows: readonly NoticeAuditRow[]): HistoryEntry[] {
  return [...rows].sort((a, b) => a.id - b.id).map((r) => {
    const changes = r.before && r.after ? changesOf(r.before, r.after) : [];
    // A material revision posts the notice afresh on the revision day (revision()): the text changed and the posting day moved to it.
    const text = changes.some((c) => c.field === "title" || c.field === "body");
    const moved = text && r.before?.postedOn && r.after?.postedOn && r.before.postedOn !== r.after.postedOn && r.after.revisedOn === r.after.postedOn;
    const restarted = moved ? { from: r.before!.postedOn!, to: r.after!.postedOn!, minimumEndsOn: r.after!.minimumEndsOn ?? r.after!.postedOn!, basis: REVISION_BASIS } : null;
    const kind = kindOf(r, changes, restarted !== null);
    return { id: r.id, at: r.at, who: r.who ?? "Hệ thống", kind, label: HISTORY_LABELS[kind], changes, restarted };
  });
}
