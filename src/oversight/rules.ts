/**
 * PURE: the two residents' boards of a commune under the Law on Grassroots Democracy (Luật Thực hiện
 * dân chủ ở cơ sở số 10/2022/QH15) and Nghị định 59/2023/NĐ-CP. No I/O.
 *
 * Ban Thanh tra nhân dân (TTND), one per commune:
 * - Luật Điều 36 khoản 1: members elected from the villages / residential groups, as many as there
 *   are villages but not fewer than 05; khoản 2: its term is the village head's term in the same
 *   place; a seat vacated with 06 months or more of the term left is filled by a by-election;
 *   khoản 3: a Trưởng ban, Phó Trưởng ban and members.
 * - NĐ 59/2023 Điều 13 khoản 2: each village / residential group has a representative; a commune with
 *   fewer than 05 villages has at most 05 members (so exactly 05).
 * - Luật Điều 37: a member lives in the commune and is not at the same time a commune official
 *   (cán bộ, công chức cấp xã) nor a part-time worker of the commune, village or residential group.
 * - Luật Điều 38: it checks what residents decided, supervises the commune's officials, and sends
 *   recommendations (kiến nghị) to the competent body, then supervises what is done with them.
 * - NĐ 59/2023 Điều 14 khoản 1 điểm b: the board sends its supervision plan at least 05 working days
 *   before it starts (weekends only are skipped here, not public holidays).
 * Ban Giám sát đầu tư của cộng đồng (GSĐTCĐ), one per programme or project:
 * - Luật Điều 41 khoản 1: set up by the commune's Fatherland Front committee for each public investment
 *   / PPP project in the commune, or one built with residents' money and labour or direct sponsorship;
 *   at least 05 members, from the Front, the TTND and residents of the villages where the project is;
 *   it dissolves itself when its task is done. Khoản 2: a Trưởng ban, Phó Trưởng ban and members.
 * - NĐ 59/2023 Điều 17 khoản 2: at most 05 members representing residents; khoản 3: at most 02 Phó Trưởng ban.
 * - Luật Điều 42: a member lives there, is not a commune official, has no relative competent to decide
 *   the investment, and is not the investor (or its representative), its consultant, a contractor or
 *   the contractor's supervising consultant, nor a person directly managing the project.
 * Answers to recommendations: the commune's People's Committee answers a TTND's recommendation "trong
 * thời hạn 15 ngày kể từ ngày nhận được kiến nghị" (Luật Điều 40 khoản 1 điểm c), and a GSĐTCĐ's the
 * same (Điều 45 khoản 2 điểm c); other authorities have no day count in this law. So the due date is
 * the one the board writes in its recommendation, by default ANSWER_DEFAULT_DAYS (15) after sending
 * (sent taken as received; the day it is received is not counted, BLDS 2015 Điều 147); overdue is
 * counted from it.
 * A rule's code names its article (DCCS = the law, ND59 = the decree).
 * Checked against the text (December 2026, law): the Bộ Pháp điển, đề mục 44.13 "Thực hiện dân chủ ở
 * cơ sở" (Điều 44.13.LQ.36–45 and 44.13.NĐ.1.12–18, copied in diepxuan/diepxuan.github.io,
 * van-ban/xay-dung-phap-luat-va-thi-hanh-phap-luat_thuc-hien-dan-chu-o-co-so.md), word for word:
 * - Luật Điều 36 khoản 2: "Trường hợp khuyết thành viên Ban Thanh tra nhân dân trong nhiệm kỳ và thời
 *   gian còn lại của nhiệm kỳ là từ 06 tháng trở lên thì Ban công tác Mặt trận ở thôn, tổ dân phố phối
 *   hợp với Trưởng thôn, Tổ trưởng tổ dân phố tổ chức việc bầu bổ sung thành viên Ban Thanh tra nhân dân
 *   theo hướng dẫn của Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã." (06 months or more: byElectionNeeded.)
 * - NĐ 59 Điều 14 khoản 1 điểm b: "… Ban Thanh tra nhân dân ở xã, phường, thị trấn xây dựng kế hoạch
 *   kiểm tra, giám sát cụ thể để gửi Ủy ban Mặt trận Tổ quốc Việt Nam, Chủ tịch Ủy ban nhân dân cấp xã
 *   và đối tượng kiểm tra, giám sát khác (nếu có) chậm nhất 05 ngày làm việc trước khi tiến hành hoạt
 *   động kiểm tra, giám sát." (planNoticeIssue.)
 * - Luật Điều 36 khoản 1 ("không ít hơn 05 người"), 37, 41 khoản 1 ("ít nhất là 05 thành viên"), 42;
 *   NĐ 59 Điều 13 khoản 2, 3 and Điều 17 khoản 2, 3 ("không quá 05 người", "không quá 02 người").
 * Not modelled: NĐ 59 Điều 13 khoản 3 caps a TTND's Phó Trưởng ban at 02 as well (checked only for a
 * GSĐTCĐ here).
 */
import { addCalendarDaysPlain } from "../portal/dates.ts";
import { dateVi, matchKey } from "../core/text.ts";

export const LAW = "Luật Thực hiện dân chủ ở cơ sở 2022";
export const DECREE = "Nghị định 59/2023/NĐ-CP";

export const BOARD_KINDS = ["ttnd", "gsdtcd"] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];
export const BOARD_LABELS: Record<BoardKind, string> = {
  ttnd: "Ban Thanh tra nhân dân",
  gsdtcd: "Ban Giám sát đầu tư của cộng đồng",
};

export const MEMBER_ROLES = ["truong_ban", "pho_truong_ban", "thanh_vien"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const ROLE_LABELS: Record<MemberRole, string> = { truong_ban: "Trưởng ban", pho_truong_ban: "Phó Trưởng ban", thanh_vien: "Thành viên" };

/** Whom a member represents (Điều 41 khoản 1 for GSĐTCĐ; a TTND member represents a village). */
export const REPRESENTS = ["nguoi_dan", "mttq", "ttnd"] as const;
export type Represents = (typeof REPRESENTS)[number];
export const REPRESENTS_LABELS: Record<Represents, string> = { nguoi_dan: "Đại diện người dân thôn, tổ dân phố", mttq: "Đại diện Ủy ban MTTQ cấp xã", ttnd: "Đại diện Ban Thanh tra nhân dân" };

/** What keeps a person off a board (declared when the member is entered). */
export const CONFLICTS = ["khong_cu_tru", "can_bo_cong_chuc_xa", "khong_chuyen_trach", "than_nhan_quyet_dinh_dau_tu", "chu_dau_tu", "tu_van_nha_thau", "quan_ly_du_an"] as const;
export type Conflict = (typeof CONFLICTS)[number];

export interface ConflictRule { label: string; code: string; basis: string; boards: readonly BoardKind[] }
export const CONFLICT_RULES: Record<Conflict, ConflictRule> = {
  khong_cu_tru: { label: "Không cư trú trên địa bàn", code: "DCCS_D37_D42_CU_TRU", basis: `${LAW} Điều 37, Điều 42`, boards: ["ttnd", "gsdtcd"] },
  can_bo_cong_chuc_xa: { label: "Đang là cán bộ, công chức cấp xã", code: "DCCS_D37_D42_CAN_BO_XA", basis: `${LAW} Điều 37, Điều 42`, boards: ["ttnd", "gsdtcd"] },
  khong_chuyen_trach: { label: "Đang là người hoạt động không chuyên trách ở cấp xã, thôn, tổ dân phố", code: "DCCS_D37_KHONG_CHUYEN_TRACH", basis: `${LAW} Điều 37`, boards: ["ttnd"] },
  than_nhan_quyet_dinh_dau_tu: { label: "Có người thân có thẩm quyền quyết định đầu tư", code: "DCCS_D42_THAN_NHAN", basis: `${LAW} Điều 42`, boards: ["gsdtcd"] },
  chu_dau_tu: { label: "Là chủ đầu tư hoặc đại diện chủ đầu tư", code: "DCCS_D42_CHU_DAU_TU", basis: `${LAW} Điều 42`, boards: ["gsdtcd"] },
  tu_van_nha_thau: { label: "Là đơn vị tư vấn, nhà thầu hoặc tư vấn giám sát của nhà thầu", code: "DCCS_D42_TU_VAN_NHA_THAU", basis: `${LAW} Điều 42`, boards: ["gsdtcd"] },
  quan_ly_du_an: { label: "Trực tiếp quản lý dự án trên địa bàn", code: "DCCS_D42_QUAN_LY_DU_AN", basis: `${LAW} Điều 42`, boards: ["gsdtcd"] },
};

/** The conflicts that keep this person off this kind of board (empty: eligible). */
export function ineligibleFor(kind: BoardKind, declared: readonly Conflict[]): ConflictRule[] {
  return [...new Set(declared)].map((c) => CONFLICT_RULES[c]).filter((r) => r.boards.includes(kind));
}

export const MIN_MEMBERS = 5;
export const MAX_DEPUTIES_GSDTCD = 2;
export const MAX_RESIDENT_REPS_GSDTCD = 5;
export const BY_ELECTION_MONTHS = 6;
export const PLAN_NOTICE_WORKING_DAYS = 5;
export const ANSWER_DEFAULT_DAYS = 15;

export interface MemberFacts { role: MemberRole; represents: Represents; community: string | null; startedOn: string; endedOn: string | null }
export interface BoardFacts { kind: BoardKind; termStart: string; termEnd: string | null; dissolvedOn: string | null; communities: number | null }

/** A member sits on `date` (started, not yet ended: the end day is the last day). */
export const sitsOn = (m: MemberFacts, date: string) => m.startedOn <= date && (m.endedOn === null || m.endedOn >= date);

export interface CompositionIssue { code: string; message: string; basis: string }

/** The months between two ISO days, counted whole (2026-01-15 → 2026-07-15 is 6). */
export function wholeMonths(from: string, to: string): number {
  const [y1, m1, d1] = from.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split("-").map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Điều 36 khoản 2: a seat vacated on `on` is filled by a by-election when 06 months or more of the term remain. */
export function byElectionNeeded(termEnd: string | null, on: string): boolean {
  return termEnd === null || wholeMonths(on, termEnd) >= BY_ELECTION_MONTHS;
}

/** The members a TTND needs: one per village, at least 05; a commune with fewer than 05 villages has 05 (NĐ 59 Điều 13 khoản 2). */
export function requiredTtndMembers(communities: number | null): number {
  return communities === null ? MIN_MEMBERS : Math.max(MIN_MEMBERS, communities);
}

/** What the board's members on `date` lack or exceed under the law (empty: in order). */
export function compositionIssues(b: BoardFacts, members: readonly MemberFacts[], date: string): CompositionIssue[] {
  const out: CompositionIssue[] = [];
  if (b.dissolvedOn !== null && b.dissolvedOn <= date) return out;
  if (b.termEnd !== null && b.termEnd < date) {
    out.push({ code: "DCCS_D36_K2_HET_NHIEM_KY", message: `Nhiệm kỳ đã kết thúc ngày ${dateVi(b.termEnd)}: cần bầu Ban nhiệm kỳ mới.`, basis: `${LAW} Điều 36 khoản 2` });
    return out;
  }
  const on = members.filter((m) => sitsOn(m, date));
  const heads = on.filter((m) => m.role === "truong_ban").length;
  const deputies = on.filter((m) => m.role === "pho_truong_ban").length;
  const article = b.kind === "ttnd" ? "Điều 36 khoản 3" : "Điều 41 khoản 2";
  if (heads === 0) out.push({ code: b.kind === "ttnd" ? "DCCS_D36_K3_TRUONG_BAN" : "DCCS_D41_K2_TRUONG_BAN", message: "Ban chưa có Trưởng ban.", basis: `${LAW} ${article}` });
  if (heads > 1) out.push({ code: b.kind === "ttnd" ? "DCCS_D36_K3_TRUONG_BAN" : "DCCS_D41_K2_TRUONG_BAN", message: `Ban có ${heads} Trưởng ban; chỉ có một.`, basis: `${LAW} ${article}` });
  if (b.kind === "ttnd") {
    const need = requiredTtndMembers(b.communities);
    if (on.length < need) {
      const vacancy = byElectionNeeded(b.termEnd, date);
      out.push({
        code: "DCCS_D36_K1_SO_THANH_VIEN",
        message: `Ban có ${on.length} thành viên, cần ít nhất ${need} (mỗi thôn, tổ dân phố một người, không ít hơn 05)${vacancy ? "; nhiệm kỳ còn từ 06 tháng trở lên: bầu bổ sung" : ""}.`,
        basis: `${LAW} Điều 36 khoản 1, 2; ${DECREE} Điều 13 khoản 2`,
      });
    }
    if (b.communities !== null && b.communities < MIN_MEMBERS && on.length > MIN_MEMBERS) {
      out.push({ code: "ND59_D13_K2_TOI_DA_5", message: `Địa bàn có dưới 05 thôn, tổ dân phố: Ban có tối đa 05 thành viên (hiện ${on.length}).`, basis: `${DECREE} Điều 13 khoản 2` });
    }
    if (b.communities !== null && b.communities >= MIN_MEMBERS) {
      const places = new Set(on.map((m) => (m.community ? matchKey(m.community) : "")).filter(Boolean));
      if (places.size < b.communities) {
        out.push({ code: "ND59_D13_K2_MOI_THON", message: `Mới có thành viên của ${places.size}/${b.communities} thôn, tổ dân phố; mỗi nơi cần một đại diện.`, basis: `${DECREE} Điều 13 khoản 2` });
      }
    }
  } else {
    if (on.length < MIN_MEMBERS) out.push({ code: "DCCS_D41_K1_IT_NHAT_5", message: `Ban có ${on.length} thành viên, cần ít nhất 05.`, basis: `${LAW} Điều 41 khoản 1` });
    if (deputies > MAX_DEPUTIES_GSDTCD) out.push({ code: "ND59_D17_K3_PHO_TRUONG_BAN", message: `Ban có ${deputies} Phó Trưởng ban; tối đa 02.`, basis: `${DECREE} Điều 17 khoản 3` });
    const residents = on.filter((m) => m.represents === "nguoi_dan").length;
    if (residents > MAX_RESIDENT_REPS_GSDTCD) out.push({ code: "ND59_D17_K2_DAI_DIEN_DAN", message: `Ban có ${residents} đại diện người dân; tối đa 05.`, basis: `${DECREE} Điều 17 khoản 2` });
    for (const r of ["mttq", "ttnd", "nguoi_dan"] as const) {
      if (!on.some((m) => m.represents === r)) out.push({ code: "DCCS_D41_K1_THANH_PHAN", message: `Ban chưa có ${REPRESENTS_LABELS[r].toLowerCase()}.`, basis: `${LAW} Điều 41 khoản 1` });
    }
  }
  return out;
}

/** Monday–Friday days strictly between `sent` and `start` (public holidays are not subtracted). */
export function workingDaysBetween(sent: string, start: string): number {
  let n = 0;
  for (let d = addCalendarDaysPlain(sent, 1); d < start; d = addCalendarDaysPlain(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** NĐ 59 Điều 14 khoản 1 điểm b: the plan is sent at least 05 working days before the work starts. */
export function planNoticeIssue(planSentOn: string | null, startedOn: string, kind: BoardKind): CompositionIssue | null {
  if (kind !== "ttnd") return null;
  if (planSentOn === null) return { code: "ND59_D14_KE_HOACH", message: "Chưa ghi ngày gửi kế hoạch kiểm tra, giám sát.", basis: `${DECREE} Điều 14 khoản 1 điểm b` };
  const days = workingDaysBetween(planSentOn, startedOn);
  if (days < PLAN_NOTICE_WORKING_DAYS) {
    return { code: "ND59_D14_KE_HOACH", message: `Kế hoạch gửi trước ${days} ngày làm việc; cần ít nhất 05 ngày làm việc trước khi tiến hành.`, basis: `${DECREE} Điều 14 khoản 1 điểm b` };
  }
  return null;
}

export type AnswerStatus = "waiting" | "overdue" | "answered" | "answered_late";
export const ANSWER_STATUS_LABELS: Record<AnswerStatus, string> = { waiting: "Đang chờ trả lời", overdue: "Quá hạn trả lời", answered: "Đã trả lời", answered_late: "Đã trả lời (muộn)" };

/** The default due date of an answer: ANSWER_DEFAULT_DAYS after sending (Luật Điều 40 khoản 1 điểm c, Điều 45 khoản 2 điểm c: 15 days from receipt). */
export const defaultDue = (sentOn: string) => addCalendarDaysPlain(sentOn, ANSWER_DEFAULT_DAYS);

/** A recommendation's answer on `today`: overdue the day after its due date while unanswered. */
export function answerStatus(f: { dueOn: string; answeredOn: string | null }, today: string): AnswerStatus {
  if (f.answeredOn !== null) return f.answeredOn > f.dueOn ? "answered_late" : "answered";
  return today > f.dueOn ? "overdue" : "waiting";
}

/** Days past the due date (0 when not overdue). */
export function daysOverdue(f: { dueOn: string; answeredOn: string | null }, today: string): number {
  if (answerStatus(f, today) !== "overdue") return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${f.dueOn}T00:00:00Z`)) / 86_400_000);
}
