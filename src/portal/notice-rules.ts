/**
 * PURE: public notices (công khai thông tin) under the Law on Grassroots Democracy (Luật Thực hiện
 * dân chủ ở cơ sở số 10/2022/QH15, in force 1 July 2023) and its decrees. No I/O.
 *
 * - What a commune must publish: Điều 11 (khoản 1: the socio-economic plan and its results; khoản 2:
 *   the budget, its execution "định kỳ theo quý, 06 tháng, hằng năm" and its settlement; khoản 3:
 *   investment projects, land recovery, compensation and resettlement, land-use and building plans;
 *   further khoản: contributions asked of residents, inspections and complaints, …).
 * - How: Điều 12 khoản 1 lists the forms; Điều 13 the forms at commune level: on the commune's website
 *   or portal where it has one, for everything of Điều 11 (khoản 1); posted (niêm yết) at the offices of
 *   the commune's People's Council and Committee and at the villages' cultural houses, for the items of
 *   khoản 1, 2, 3, 5–12 of Điều 11, "ít nhất là 30 ngày liên tục" (khoản 2); on its loudspeakers for the
 *   items of khoản 7–12 of Điều 11 "trong thời hạn ít nhất là 03 ngày liên tục" (khoản 3); sent to the
 *   village / residential group head to tell residents, e.g. at community meetings (khoản 4).
 * A rule's code names its article (DCCS = dân chủ cơ sở), as the petition deadlines do.
 * Checked against the text (December 2026, law): Điều 11, 12 and 13 word for word in the Bộ Pháp điển
 * (đề mục 44.13 "Thực hiện dân chủ ở cơ sở", Điều 44.13.LQ.13, copied in diepxuan/diepxuan.github.io,
 * van-ban/xay-dung-phap-luat-va-thi-hanh-phap-luat_thuc-hien-dan-chu-o-co-so.md). Điều 13 khoản 2:
 * "Ủy ban nhân dân cấp xã có trách nhiệm niêm yết thông tin quy định tại các khoản 1, 2, 3, 5, 6, 7, 8,
 * 9, 10, 11 và 12 Điều 11 của Luật này tại trụ sở Hội đồng nhân dân, Ủy ban nhân dân cấp xã, tại nhà văn
 * hóa và các điểm sinh hoạt cộng đồng ở thôn, tổ dân phố. Thời gian niêm yết thông tin ít nhất là 30 ngày
 * liên tục kể từ ngày niêm yết, trừ trường hợp pháp luật có quy định khác." The 30 days were right; the
 * khoản was not: niêm yết is khoản 2 and the website khoản 1 (the codes said the reverse until then).
 * Not modelled: the items of khoản 4 and 13 of Điều 11 (the commune's rules on democracy, officials'
 * duties, administrative procedures) are posted "thường xuyên" (all the time) under the same khoản 2.
 * (The "không ít hơn 30 ngày" often quoted is NĐ 61/2023 Điều 9 khoản 1: a draft hương ước's posting at
 * the village, not this article.)
 */
import { addCalendarDaysPlain } from "./dates.ts";
import { dateVi } from "../core/text.ts";

export const LAW = "Luật Thực hiện dân chủ ở cơ sở 2022";

export const NOTICE_FORMS = ["niem_yet", "website", "loa", "hoi_nghi"] as const;
export type NoticeForm = (typeof NOTICE_FORMS)[number];

export interface FormRule {
  label: string;
  /** The law's minimum posting period in days (0: none). */
  minDays: number;
  code: string;
  basis: string;
  /** The minimum counts from the day after posting (Bộ luật Dân sự 2015 Điều 147 khoản 2; see minimumEnds). */
  fromNextDay: boolean;
}

export const FORM_RULES: Record<NoticeForm, FormRule> = {
  niem_yet: { label: "Niêm yết tại trụ sở", minDays: 30, code: "DCCS_D13_K2_NIEM_YET_30_NGAY", basis: `${LAW} Điều 13 khoản 2 (niêm yết ít nhất 30 ngày liên tục kể từ ngày niêm yết; ngày niêm yết không tính, Bộ luật Dân sự 2015 Điều 147)`, fromNextDay: true },
  website: { label: "Đăng trên trang thông tin điện tử", minDays: 0, code: "DCCS_D13_K1_WEBSITE", basis: `${LAW} Điều 13 khoản 1`, fromNextDay: false },
  loa: { label: "Phát trên hệ thống truyền thanh (loa)", minDays: 3, code: "DCCS_D13_K3_LOA_3_NGAY", basis: `${LAW} Điều 13 khoản 3 (ít nhất 03 ngày liên tục)`, fromNextDay: false },
  hoi_nghi: { label: "Thông báo tại hội nghị, cuộc họp", minDays: 0, code: "DCCS_D13_K4_HOI_NGHI", basis: `${LAW} Điều 13 khoản 4`, fromNextDay: false },
};

/** How often a category must be published (null: when it arises). */
export type Cadence = "year" | "quarter" | null;

export interface NoticeCategory {
  label: string;
  basis: string;
  cadence: Cadence;
}

export const NOTICE_CATEGORIES = {
  ke_hoach: { label: "Kế hoạch phát triển kinh tế - xã hội hằng năm và kết quả thực hiện", basis: `${LAW} Điều 11 khoản 1`, cadence: "year" },
  ngan_sach: { label: "Dự toán, tình hình thực hiện và quyết toán ngân sách cấp xã", basis: `${LAW} Điều 11 khoản 2`, cadence: "quarter" },
  dau_tu_dat_dai: { label: "Dự án, công trình đầu tư; thu hồi đất, bồi thường, hỗ trợ, tái định cư; quy hoạch", basis: `${LAW} Điều 11 khoản 3`, cadence: null },
  dong_gop: { label: "Các khoản huy động, đóng góp của Nhân dân và việc thu, chi", basis: `${LAW} Điều 11`, cadence: null },
  thanh_tra: { label: "Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo", basis: `${LAW} Điều 11`, cadence: null },
  ket_qua_ban_quyet: { label: "Kết quả Nhân dân bàn và quyết định, lấy ý kiến Nhân dân", basis: `${LAW} Điều 11, Điều 15`, cadence: null },
  khac: { label: "Nội dung khác phải công khai theo quy định của pháp luật", basis: `${LAW} Điều 11`, cadence: null },
} as const satisfies Record<string, NoticeCategory>;
export type NoticeCategoryKey = keyof typeof NOTICE_CATEGORIES;
export const NOTICE_CATEGORY_KEYS = Object.keys(NOTICE_CATEGORIES) as NoticeCategoryKey[];

export interface NoticeFacts {
  id: number;
  category: NoticeCategoryKey;
  form: NoticeForm;
  title: string;
  postedOn: string;
  minDays: number;
  removedOn: string | null;
}

/** The law's minimum for a form; a notice may be posted longer, never shorter (refused on save). */
export function minimumDays(form: NoticeForm): number {
  return FORM_RULES[form].minDays;
}

/**
 * The last day the minimum covers. Niêm yết: "ít nhất là 30 ngày liên tục kể từ ngày niêm yết" (Điều 13
 * khoản 2) is a time limit in days from an event, counted as Bộ luật Dân sự 2015 counts them (Điều 145
 * khoản 1: where the law says nothing else; Điều 147 khoản 2: "ngày đầu tiên của thời hạn không được tính
 * mà tính từ ngày tiếp theo liền kề ngày được xác định"; Điều 148 khoản 1: it ends at the end of its last
 * day): posted on 1 March, the 30 days are 2–31 March, and it stays up through 31 March. The loudspeakers'
 * "ít nhất là 03 ngày liên tục" (khoản 3) has no "kể từ": the broadcasting days themselves, 1–3 March.
 */
export function minimumEnds(n: Pick<NoticeFacts, "postedOn" | "minDays" | "form">): string {
  if (n.minDays <= 0) return n.postedOn;
  return addCalendarDaysPlain(n.postedOn, FORM_RULES[n.form].fromNextDay ? n.minDays : n.minDays - 1);
}

export type NoticeStatus = "posting_minimum" | "done" | "removed_early" | "not_yet_posted";

/** Where a notice stands on `today` against its minimum posting period. */
export function noticeStatus(n: NoticeFacts, today: string): NoticeStatus {
  if (n.postedOn > today) return "not_yet_posted";
  if (n.minDays === 0) return "done"; // no minimum (website, meeting): nothing to keep
  const end = minimumEnds(n);
  if (n.removedOn !== null && n.removedOn <= end) return "removed_early";
  return today <= end ? "posting_minimum" : "done";
}

export const STATUS_LABELS: Record<NoticeStatus, string> = {
  posting_minimum: "Đang niêm yết, chưa đủ thời hạn tối thiểu",
  done: "Đã đủ thời hạn",
  removed_early: "Gỡ trước thời hạn tối thiểu",
  not_yet_posted: "Chưa đến ngày công khai",
};

/** Whether residents see the notice on `today` (posted, not taken down). */
export function isPostedOn(n: Pick<NoticeFacts, "postedOn" | "removedOn">, today: string): boolean {
  return n.postedOn <= today && (n.removedOn === null || n.removedOn > today);
}

export interface ComplianceIssue {
  code: string;
  message: string;
  noticeId: number | null;
  category: NoticeCategoryKey | null;
  /** The quarter or year concerned (missing notices). */
  span: string | null;
}

const ROMAN = ["I", "II", "III", "IV"];
/** "năm 2026", "quý III/2026" of a span id ("2026", "2026Q3"). */
const spanLabel = (id: string) => (id.length === 4 ? `năm ${id}` : `quý ${ROMAN[Number(id.slice(5)) - 1]}/${id.slice(0, 4)}`);
const quartersOf = (year: number): Array<{ id: string; start: string; end: string }> =>
  [1, 2, 3, 4].map((q) => ({ id: `${year}Q${q}`, start: `${year}-${String(q * 3 - 2).padStart(2, "0")}-01`, end: `${year}-${["03-31", "06-30", "09-30", "12-31"][q - 1]}` }));

/**
 * The staff dashboard's list for a year: notices still inside their minimum posting period (must
 * not be taken down before the date given), notices taken down early, and required categories with
 * nothing published in a span already ended (the plan each year, the budget each quarter). Điều 11
 * binds "chính quyền địa phương cấp xã": `commune` false (a province, the country) asks for no
 * category, only that what it posted stays up its minimum.
 */
export function complianceIssues(notices: readonly NoticeFacts[], year: number, today: string, commune = true): ComplianceIssue[] {
  const out: ComplianceIssue[] = [];
  for (const n of notices) {
    const s = noticeStatus(n, today);
    const rule = FORM_RULES[n.form];
    if (s === "posting_minimum") {
      out.push({ code: rule.code, noticeId: n.id, category: n.category, span: null, message: `"${n.title}": đang ${rule.label.toLowerCase()}, phải giữ đến hết ngày ${dateVi(minimumEnds(n))} (${rule.basis}).` });
    } else if (s === "removed_early") {
      out.push({ code: rule.code, noticeId: n.id, category: n.category, span: null, message: `"${n.title}": gỡ ngày ${dateVi(n.removedOn!)}, trước khi đủ ${n.minDays} ngày (${rule.basis}).` });
    }
  }
  for (const key of commune ? NOTICE_CATEGORY_KEYS : []) {
    const c: NoticeCategory = NOTICE_CATEGORIES[key];
    const spans = c.cadence === "year" ? [{ id: String(year), start: `${year}-01-01`, end: `${year}-12-31` }] : c.cadence === "quarter" ? quartersOf(year) : [];
    for (const sp of spans) {
      // A span counts as missing once it has ended, or (the year's plan) once the year has begun.
      const due = c.cadence === "year" ? sp.start <= today : sp.end < today;
      if (!due) continue;
      const has = notices.some((n) => n.category === key && n.postedOn >= sp.start && n.postedOn <= (c.cadence === "year" ? sp.end : addCalendarDaysPlain(sp.end, 30)));
      if (!has) {
        const code = `DCCS_D11_${key.toUpperCase()}_THIEU`;
        out.push({ code, noticeId: null, category: key, span: sp.id, message: `Chưa công khai "${c.label}" cho ${spanLabel(sp.id)} (${c.basis}).` });
      }
    }
  }
  return out;
}

/**
 * A notice's title or text revised after it was posted. The law sets minimum posting periods
 * (Điều 13) but says nothing of corrections; the choice here, kept simple: a correction that leaves
 * the substance alone (a typo, a layout) keeps the first posting day, so the minimum still counts
 * from it; a change the staff mark as material (new figures, a new plan) is posted afresh: the
 * posting day becomes the revision day and the law's minimum runs again from it, so residents get
 * the whole minimum with the content in force. Either way the public page says "cập nhật ngày …"
 * and the earlier text stays in the audit log. Before its posting day a notice is not public yet:
 * a change then is no revision.
 */
export const REVISION_CODE = "DCCS_D13_SUA_NOI_DUNG";
export const REVISION_BASIS = `${LAW} Điều 13 (thời hạn công khai tối thiểu); sửa nội dung cơ bản thì công khai lại từ ngày sửa`;

export interface Revision {
  /** The title or the text differs. */
  changed: boolean;
  postedOn: string;
  revisedOn: string | null;
}

export function revision(cur: { postedOn: string; revisedOn: string | null; title: string; body: string }, next: { title: string; body: string }, today: string, material: boolean): Revision {
  const changed = cur.title !== next.title || cur.body !== next.body;
  if (!changed || cur.postedOn > today) return { changed, postedOn: cur.postedOn, revisedOn: cur.revisedOn };
  return { changed, postedOn: material ? today : cur.postedOn, revisedOn: today };
}
