/**
 * PURE: the quorum and passing rules of a community's decision (Nhân dân bàn và quyết định) and
 * consultation (lấy ý kiến), from the law's text. No I/O.
 *
 * Checked word for word (December 2026) against the Bộ Pháp điển, đề mục 44.13 "Thực hiện dân chủ ở
 * cơ sở" (Điều 44.13.LQ.15–23, 44.13.NĐ.1.3–5; copied in diepxuan/diepxuan.github.io,
 * van-ban/xay-dung-phap-luat-va-thi-hanh-phap-luat_thuc-hien-dan-chu-o-co-so.md):
 * - What residents decide: Luật 10/2022/QH15 Điều 15, khoản 1 "Chủ trương và mức đóng góp xây dựng cơ
 *   sở hạ tầng, các công trình công cộng trong phạm vi địa bàn cấp xã, ở thôn, tổ dân phố do Nhân dân
 *   đóng góp …"; khoản 2 the collection, spending and management of residents' contributions and of the
 *   community's funds; khoản 3 the hương ước, quy ước; khoản 4 electing / dismissing the village head;
 *   khoản 5 members of the Ban Thanh tra nhân dân and Ban Giám sát đầu tư của cộng đồng; khoản 6 other
 *   self-managed matters. A decision records which (MATTERS).
 * - The passing share, Điều 21 khoản 1, PER MATTER:
 *   "Quyết định của cộng đồng dân cư về nội dung quy định tại khoản 1 và khoản 2 Điều 15 của Luật này
 *   được thông qua khi có từ hai phần ba tổng số đại diện hộ gia đình trở lên trong thôn, tổ dân phố
 *   tán thành.
 *   Quyết định của cộng đồng dân cư về nội dung quy định tại khoản 1 và khoản 2 Điều 15 của Luật này có
 *   phạm vi thực hiện trong địa bàn cấp xã được thông qua khi có từ hai phần ba tổng số thôn, tổ dân phố
 *   trở lên tán thành.
 *   Quyết định của cộng đồng dân cư về nội dung quy định tại các khoản 3, 4, 5 và 6 Điều 15 của Luật
 *   này được thông qua khi có trên 50% tổng số đại diện hộ gia đình trong thôn, tổ dân phố tán thành."
 *   So contributions and their accounts (khoản 1, 2) need AT LEAST two thirds (exactly two thirds
 *   passes) of ALL the village's households; commune-wide, at least two thirds of the VILLAGES
 *   (communeWidePasses; the portal records each village's decision, the commune adds them up); the
 *   rest (khoản 3–6) MORE THAN half of all the village's households. Always of all households in the
 *   village, not of those present or voting: a household that does not vote counts as not agreeing.
 *   (The quiz quoted here before said "hai phần ba tổng số đại diện hộ gia đình trong xã" for
 *   commune-wide works: the Law says two thirds of the villages.)
 * - How: Điều 17 (forms: a meeting, ballots to each household, online voting); khoản 2: online voting
 *   "chỉ áp dụng trong trường hợp cộng đồng dân cư quyết định các công việc quy định tại khoản 6 Điều
 *   15" (formAllowed), and khoản 3, 4, 5 are decided at a meeting, ballots only when the meeting lacks
 *   the households (Điều 17 khoản 2, below: ballotAllowed). Điều 18 (the meeting); Điều 19 khoản 1 điểm b and NĐ 59/2023 Điều 4 khoản 1
 *   điểm b send a matter to ballots when a meeting "không có đủ đại diện của số hộ gia đình tham dự để
 *   có thể đạt tỷ lệ biểu quyết tán thành tối thiểu quy định tại khoản 1 Điều 21": a meeting passes a
 *   matter only when at least as many households attend as its share needs (meetingValid). NĐ 59 Điều 4
 *   khoản 6 điểm b (ballots) and Điều 5 khoản 4 điểm b (online: "trên 50% tổng số đại diện hộ gia đình
 *   trong thôn, tổ dân phố") count the same way.
 * - Ballots after a meeting (ballotAllowed). Luật Điều 17 khoản 2: "Việc bàn, quyết định các nội dung quy
 *   định tại các khoản 3, 4 và 5 Điều 15 của Luật này phải được thực hiện tại cuộc họp của cộng đồng dân
 *   cư, trừ trường hợp quy định tại điểm b khoản 1 Điều 19 của Luật này." Điều 19 khoản 1 (and NĐ 59/2023
 *   Điều 4 khoản 1, which lists the same cases) sends a matter to household ballots: a) when the commune
 *   chairman chooses ballots for a matter carried out across the commune; b) when the village "đã tổ chức
 *   cuộc họp mà không có đủ đại diện của số hộ gia đình tham dự để có thể đạt tỷ lệ biểu quyết tán thành
 *   tối thiểu quy định tại khoản 1 Điều 21"; c) other cases the village head decides with the Ban công
 *   tác Mặt trận (NĐ 59 Điều 4 khoản 1 điểm c: khoản 6 matters of the village). So ballots on khoản 3, 4,
 *   5 need a meeting of the same community on the same matter that lacked the households (the portal
 *   links the ballots to it); khoản 1, 2 and 6 may go to ballots directly. (NĐ 59's point c names only
 *   khoản 6 where the Law says "các trường hợp khác"; the narrower reading for village contributions on
 *   ballots is not enforced: see the hand-back of the law branch.)
 * - Commune-wide (communeResult): each village decides as above; the commune's decision passes when at
 *   least two thirds of ALL the commune's villages / tổ dân phố approve (Điều 21 khoản 1, second
 *   sentence); a village without a passed decision counts as not approving (NĐ 59 Điều 4 khoản 6 điểm c:
 *   the village heads report their results to the commune, which adds them up).
 * - A consultation (lấy ý kiến, Điều 25–28) decides nothing; its result is read with the more-than-half
 *   share, as before, and so are decisions recorded before the matter was (matter null).
 */
import { matchKey } from "../core/text.ts";

export const QUORUM_CODE = "ND59_D4_K1B_HOP_TREN_50_PHAN_TRAM_HO";
export const QUORUM_CODE_TWO_THIRDS = "ND59_D4_K1B_HOP_HAI_PHAN_BA_HO";
export const PASS_CODE = "DCCS_D21_K1_TREN_50_PHAN_TRAM_HO_TAN_THANH";
export const PASS_CODE_TWO_THIRDS = "DCCS_D21_K1_HAI_PHAN_BA_HO_TAN_THANH";
export const COMMUNE_PASS_CODE = "DCCS_D21_K1_HAI_PHAN_BA_THON_TAN_THANH";
export const QUORUM_BASIS = "Luật Thực hiện dân chủ ở cơ sở 2022 Điều 19 khoản 1 điểm b, Điều 21 khoản 1; Nghị định 59/2023/NĐ-CP Điều 4 khoản 1 điểm b";
export const PASS_BASIS = "Luật Thực hiện dân chủ ở cơ sở 2022 Điều 21 khoản 1 (trên 50% tổng số đại diện hộ gia đình tán thành)";
export const PASS_BASIS_TWO_THIRDS = "Luật Thực hiện dân chủ ở cơ sở 2022 Điều 21 khoản 1 (từ hai phần ba tổng số đại diện hộ gia đình trở lên tán thành)";
export const COMMUNE_PASS_BASIS = "Luật Thực hiện dân chủ ở cơ sở 2022 Điều 21 khoản 1 (từ hai phần ba tổng số thôn, tổ dân phố trở lên tán thành)";
export const BALLOT_CODE = "DCCS_D17_K2_PHIEU_SAU_CUOC_HOP_KHONG_DU_HO";
export const BALLOT_BASIS = "Luật Thực hiện dân chủ ở cơ sở 2022 Điều 17 khoản 2, Điều 19 khoản 1 điểm b; Nghị định 59/2023/NĐ-CP Điều 4 khoản 1 điểm b";
export const FORM_BASIS = "Luật Thực hiện dân chủ ở cơ sở 2022 Điều 17 khoản 2; Nghị định 59/2023/NĐ-CP Điều 5 khoản 1 điểm a";

/** The passing share of Điều 21 khoản 1. */
export type Share = "more_than_half" | "two_thirds";

/** What residents decide: the khoản of Điều 15. */
export const MATTERS = ["dong_gop_cong_trinh", "thu_chi_dong_gop", "huong_uoc", "truong_thon", "thanh_vien_ban", "tu_quan_khac"] as const;
export type Matter = (typeof MATTERS)[number];

export interface MatterRule { label: string; khoan: number; share: Share; /** Điều 17 khoản 2: decided at a meeting (ballots only after one that lacked the households). */ meetingFirst: boolean; /** Điều 21 khoản 1: may be carried out across the commune (two thirds of the villages). */ communeWide: boolean }
export const MATTER_RULES: Record<Matter, MatterRule> = {
  dong_gop_cong_trinh: { label: "Chủ trương, mức đóng góp xây dựng cơ sở hạ tầng, công trình công cộng (Điều 15 khoản 1)", khoan: 1, share: "two_thirds", meetingFirst: false, communeWide: true },
  thu_chi_dong_gop: { label: "Thu, chi, quản lý các khoản đóng góp, kinh phí, tài sản của cộng đồng (Điều 15 khoản 2)", khoan: 2, share: "two_thirds", meetingFirst: false, communeWide: true },
  huong_uoc: { label: "Hương ước, quy ước (Điều 15 khoản 3)", khoan: 3, share: "more_than_half", meetingFirst: true, communeWide: false },
  truong_thon: { label: "Bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố (Điều 15 khoản 4)", khoan: 4, share: "more_than_half", meetingFirst: true, communeWide: false },
  thanh_vien_ban: { label: "Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng (Điều 15 khoản 5)", khoan: 5, share: "more_than_half", meetingFirst: true, communeWide: false },
  tu_quan_khac: { label: "Công việc tự quản khác của cộng đồng dân cư (Điều 15 khoản 6)", khoan: 6, share: "more_than_half", meetingFirst: false, communeWide: false },
};

/** The matters decided across a commune by two thirds of its villages (Điều 15 khoản 1, 2; Điều 21 khoản 1). */
export const COMMUNE_MATTERS: readonly Matter[] = MATTERS.filter((m) => MATTER_RULES[m].communeWide);

/** The share a decision needs (null: a consultation, or a decision recorded before its matter was: more than half). */
export const shareOf = (matter: Matter | null): Share => (matter ? MATTER_RULES[matter].share : "more_than_half");

export const CHOICES = ["yes", "no", "abstain"] as const;
export type Choice = (typeof CHOICES)[number];
export const CHOICE_LABELS: Record<Choice, string> = { yes: "Tán thành", no: "Không tán thành", abstain: "Ý kiến khác" };

export const CONSULT_FORMS = ["hoi_nghi", "phieu", "truc_tuyen"] as const;
export type ConsultForm = (typeof CONSULT_FORMS)[number];
export const CONSULT_FORM_LABELS: Record<ConsultForm, string> = {
  hoi_nghi: "Hội nghị thôn, tổ dân phố", phieu: "Phát phiếu lấy ý kiến hộ gia đình", truc_tuyen: "Biểu quyết trực tuyến (kèm phiếu giấy)",
};

/** Điều 17 khoản 2: online voting only for khoản 6 of Điều 15 (a consultation, with no matter, may use it). */
export function formAllowed(form: ConsultForm, matter: Matter | null): boolean {
  return form !== "truc_tuyen" || matter === null || matter === "tu_quan_khac";
}

/** Điều 17 khoản 2: khoản 3, 4, 5 of Điều 15 are decided at a meeting; ballots only after one that lacked the households (Điều 19 khoản 1 điểm b). */
export function ballotNeedsMeeting(matter: Matter | null): boolean {
  return matter !== null && MATTER_RULES[matter].meetingFirst;
}

/** A meeting whose ballots may follow: a closed meeting whose households did not reach the share's quorum. */
export interface MeetingFacts { form: ConsultForm; matter: Matter | null; community: string; state: string; quorumMet: boolean | null }

/**
 * Whether household ballots on `matter` may be held (Điều 17 khoản 2, Điều 19 khoản 1 điểm b): null when
 * they may, else why not. A meeting they follow, whatever the matter, must be one of the same community
 * and matter that closed without enough households attending.
 */
export function ballotAllowed(matter: Matter | null, community: string, meeting: MeetingFacts | null): "no_meeting" | "not_failed_meeting" | null {
  if (!meeting) return ballotNeedsMeeting(matter) ? "no_meeting" : null;
  const same = meeting.form === "hoi_nghi" && meeting.matter === matter && sameCommunity(meeting.community, community);
  return same && meeting.state === "closed" && meeting.quorumMet === false ? null : "not_failed_meeting";
}

/** Two spellings of a community's name are the same community (case, spaces and tone placement aside). */
export function sameCommunity(a: string, b: string): boolean {
  return matchKey(a) === matchKey(b);
}

/** Whether `part` of `whole` reaches the share, exact in integers: 2·part > whole; 3·part ≥ 2·whole. */
export function reaches(share: Share, part: number, whole: number): boolean {
  if (whole <= 0) return false;
  return share === "two_thirds" ? part * 3 >= whole * 2 : part * 2 > whole;
}

/** The fewest of `whole` that reach the share (40 households: 21 for more than half, 27 for two thirds). */
export function neededFor(share: Share, whole: number): number {
  return share === "two_thirds" ? Math.floor((whole * 2 + 2) / 3) : Math.floor(whole / 2) + 1;
}

/** A meeting can pass a matter only when enough households attend to reach its share (else: ballots, Điều 19 khoản 1 điểm b). */
export function meetingValid(households: number, attending: number, share: Share = "more_than_half"): boolean {
  return reaches(share, attending, households);
}

/** A matter passes when its share of ALL the village's households agree. */
export function passes(households: number, agree: number, share: Share = "more_than_half"): boolean {
  return reaches(share, agree, households);
}

/** Commune-wide contributions (khoản 1, 2 of Điều 15 "có phạm vi thực hiện trong địa bàn cấp xã"): at least two thirds of the villages approve. */
export function communeWidePasses(villages: number, approving: number): boolean {
  return reaches("two_thirds", approving, villages);
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  online: number;
  paper: number;
  voted: number;
}

export function tally(votes: ReadonlyArray<{ choice: string | null; channel: string | null }>): Tally {
  const t: Tally = { yes: 0, no: 0, abstain: 0, online: 0, paper: 0, voted: 0 };
  for (const v of votes) {
    if (v.choice !== "yes" && v.choice !== "no" && v.choice !== "abstain") continue;
    t[v.choice]++;
    t.voted++;
    if (v.channel === "paper") t.paper++;
    else t.online++;
  }
  return t;
}

export interface ConsultationResult extends Tally {
  households: number;
  /** The khoản of Điều 15 decided (null: a consultation, or recorded before the matter was). */
  matter: Matter | null;
  share: Share;
  /** Hội nghị: representatives attending; null for ballots. */
  attending: number | null;
  quorum: { met: boolean; code: string; basis: string } | null;
  passed: boolean;
  needed: number;
  code: string;
  basis: string;
  /** One sentence for the portal and the notice. */
  summary: string;
}

const pct = (a: number, b: number) => (b > 0 ? `${(Math.round((a / b) * 1000) / 10).toLocaleString("vi-VN")}%` : "0%");

/** The rule codes, bases and wording of a share. */
export const SHARE_RULES: Record<Share, { passCode: string; passBasis: string; quorumCode: string; passed: string; failed: string }> = {
  more_than_half: { passCode: PASS_CODE, passBasis: PASS_BASIS, quorumCode: QUORUM_CODE, passed: "trên 50% tổng số hộ gia đình tán thành", failed: "chưa có trên 50% tổng số hộ gia đình tán thành" },
  two_thirds: { passCode: PASS_CODE_TWO_THIRDS, passBasis: PASS_BASIS_TWO_THIRDS, quorumCode: QUORUM_CODE_TWO_THIRDS, passed: "từ hai phần ba tổng số hộ gia đình trở lên tán thành", failed: "chưa đủ hai phần ba tổng số hộ gia đình tán thành" },
};

/** The result of a closed consultation from its households, its form, the votes counted and the matter decided. */
export function consultationResult(households: number, form: ConsultForm, votes: Tally, attending: number | null, matter: Matter | null = null): ConsultationResult {
  const share = shareOf(matter);
  const rule = SHARE_RULES[share];
  const needed = neededFor(share, households);
  const quorum = form === "hoi_nghi" ? { met: meetingValid(households, attending ?? 0, share), code: rule.quorumCode, basis: QUORUM_BASIS } : null;
  const passed = (quorum === null || quorum.met) && passes(households, votes.yes, share);
  const head = `${votes.yes}/${households} hộ tán thành (${pct(votes.yes, households)}), ${votes.no} không tán thành, ${votes.abstain} ý kiến khác; ${votes.voted} hộ đã biểu quyết (${votes.online} trực tuyến, ${votes.paper} phiếu giấy).`;
  const why = quorum && !quorum.met
    ? `Cuộc họp không đủ đại diện hộ gia đình để thông qua: ${attending ?? 0}/${households} hộ tham dự, cần ${share === "two_thirds" ? `từ hai phần ba trở lên (ít nhất ${needed} hộ)` : "trên 50%"}; tổ chức phát phiếu lấy ý kiến hộ gia đình (${QUORUM_BASIS}).`
    : passed ? `Được thông qua: ${rule.passed} (cần ít nhất ${needed} hộ; ${rule.passBasis}).`
    : `Không được thông qua: ${rule.failed} (cần ít nhất ${needed} hộ; ${rule.passBasis}).`;
  return { ...votes, households, matter, share, attending, quorum, passed, needed, code: rule.passCode, basis: rule.passBasis, summary: `${head} ${why}` };
}

/** A village's closed decision, as the commune counts it. */
export interface VillageOutcome { community: string; passed: boolean }

export interface CommuneResult {
  /** All the commune's villages / tổ dân phố (the base of the share). */
  villages: number;
  /** Villages whose own decision passed. */
  approving: number;
  /** Villages that decided (closed decisions counted). */
  decided: number;
  passed: boolean;
  needed: number;
  code: string;
  basis: string;
  /** Each village's outcome, in the order decided. */
  outcomes: VillageOutcome[];
  summary: string;
}

/** The commune-wide result (Điều 21 khoản 1): approving villages of ALL the commune's villages, two thirds or more passes. */
export function communeResult(villages: number, outcomes: VillageOutcome[]): CommuneResult {
  const approving = outcomes.filter((o) => o.passed).length;
  const passed = communeWidePasses(villages, approving);
  const needed = neededFor("two_thirds", villages);
  const head = `${approving}/${villages} thôn, tổ dân phố tán thành (${pct(approving, villages)}); ${outcomes.length} thôn, tổ dân phố đã biểu quyết.`;
  const why = passed ? `Được thông qua: từ hai phần ba tổng số thôn, tổ dân phố trở lên tán thành (cần ít nhất ${needed}; ${COMMUNE_PASS_BASIS}).`
    : `Không được thông qua: chưa đủ hai phần ba tổng số thôn, tổ dân phố tán thành (cần ít nhất ${needed}; ${COMMUNE_PASS_BASIS}).`;
  return { villages, approving, decided: outcomes.length, passed, needed, code: COMMUNE_PASS_CODE, basis: COMMUNE_PASS_BASIS, outcomes, summary: `${head} ${why}` };
}
