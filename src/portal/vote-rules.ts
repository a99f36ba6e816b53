/**
 * PURE: the quorum and passing rules of a community's decision (Nhân dân bàn và quyết định) and
 * consultation (lấy ý kiến), from the law's text. No I/O.
 *
 * - What residents decide: Luật Thực hiện dân chủ ở cơ sở 2022 Điều 15 (contributions to village
 *   works, the community's funds, the hương ước, …); how: Điều 17 (forms), Điều 18 (the community
 *   meeting), Điều 19 (ballots to each household); Nghị định 59/2023/NĐ-CP Điều 3 (the meeting),
 *   Điều 4 (ballots), Điều 5 (online voting in the village).
 * - A decision passes with the share of Điều 21 khoản 1 of the Law ("Hiệu lực của quyết định của
 *   cộng đồng dân cư"): MORE THAN 50% of ALL the community's household representatives agree.
 *   NĐ 59 Điều 4 khoản 1 điểm b sends a matter to household ballots when a meeting "không có đủ đại
 *   diện của số hộ gia đình tham dự để có thể đạt tỷ lệ biểu quyết tán thành theo quy định tại
 *   khoản 1 Điều 21": so a meeting that more than 50% of the households do not attend cannot pass
 *   it. For a hương ước, quy ước Nghị định 61/2023/NĐ-CP Điều 10 says the same in so many words
 *   ("trên 50% tổng số đại diện hộ gia đình trong cộng đồng dân cư tán thành"; khoản 1 điểm a: "đại
 *   diện của trên 50% tổng số hộ gia đình … tham dự họp"); that decree is about hương ước only, so
 *   it is not the basis cited for every decision.
 * - Checked (December 2026, portal-e): Điều 21 khoản 1 opens "Quyết định của cộng đồng dân cư về nội
 *   dung quy định tại khoản 1 và khoản 2 Điều 15 của Luật …" (quoted by thuvienphapluat's Q&A "Quy định
 *   mới về tỷ lệ tán thành…"); the rest of the sentence, with the share, was not found in a stored
 *   copy, so "trên 50% tổng số đại diện hộ gia đình" rests on NĐ 59 Điều 4 khoản 1 điểm b's reference to
 *   it and NĐ 61 Điều 10's wording. A quiz on the Law in a public repository answers "từ hai phần ba
 *   tổng số đại diện hộ gia đình trở lên" twice: for the policy and level of contributions to works
 *   "trong phạm vi địa bàn cấp xã" (two thirds of the commune's households) and for collecting,
 *   spending and managing residents' contributions "trong địa bàn thôn, tổ dân phố" (two thirds of
 *   the village's). If the Law says so, contribution decisions (Điều 15 khoản 1–2) need two thirds,
 *   not more than half. Not seen in the law's text, so not applied; to be checked against the Công
 *   báo (số 905+906/2022) before this rule is relied on for contributions.
 * - Ballots to each household (Điều 19) — and here online votes, one per household code — count
 *   the same way: the share is of all households, not of those who voted, so a household that does
 *   not vote counts as not agreeing.
 */
export const QUORUM_CODE = "ND59_D4_K1B_HOP_TREN_50_PHAN_TRAM_HO";
export const PASS_CODE = "DCCS_D21_K1_TREN_50_PHAN_TRAM_HO_TAN_THANH";
export const QUORUM_BASIS = "Luật Thực hiện dân chủ ở cơ sở 2022 Điều 18, Điều 21 khoản 1; Nghị định 59/2023/NĐ-CP Điều 4 khoản 1 điểm b";
export const PASS_BASIS = "Luật Thực hiện dân chủ ở cơ sở 2022 Điều 21 khoản 1 (trên 50% tổng số đại diện hộ gia đình tán thành)";

export const CHOICES = ["yes", "no", "abstain"] as const;
export type Choice = (typeof CHOICES)[number];
export const CHOICE_LABELS: Record<Choice, string> = { yes: "Tán thành", no: "Không tán thành", abstain: "Ý kiến khác" };

export const CONSULT_FORMS = ["hoi_nghi", "phieu", "truc_tuyen"] as const;
export type ConsultForm = (typeof CONSULT_FORMS)[number];
export const CONSULT_FORM_LABELS: Record<ConsultForm, string> = {
  hoi_nghi: "Hội nghị thôn, tổ dân phố", phieu: "Phát phiếu lấy ý kiến hộ gia đình", truc_tuyen: "Biểu quyết trực tuyến (kèm phiếu giấy)",
};

/** More than half: 2·part > whole, exact in integers (no rounding at the boundary). */
export const moreThanHalf = (part: number, whole: number): boolean => whole > 0 && part * 2 > whole;

/** A meeting can pass a matter only when representatives of more than half of the households attend (else: ballots, NĐ 59 Điều 4 khoản 1 điểm b). */
export function meetingValid(households: number, attending: number): boolean {
  return moreThanHalf(attending, households);
}

/** A matter passes when more than half of all the community's households agree. */
export function passes(households: number, agree: number): boolean {
  return moreThanHalf(agree, households);
}

/** The fewest agreeing households that pass (and attending ones that make a quorum). */
export const majorityOf = (households: number): number => Math.floor(households / 2) + 1;

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

/** The result of a closed consultation from its households, its form and the votes counted. */
export function consultationResult(households: number, form: ConsultForm, votes: Tally, attending: number | null): ConsultationResult {
  const needed = majorityOf(households);
  const quorum = form === "hoi_nghi" ? { met: meetingValid(households, attending ?? 0), code: QUORUM_CODE, basis: QUORUM_BASIS } : null;
  const passed = (quorum === null || quorum.met) && passes(households, votes.yes);
  const head = `${votes.yes}/${households} hộ tán thành (${pct(votes.yes, households)}), ${votes.no} không tán thành, ${votes.abstain} ý kiến khác; ${votes.voted} hộ đã biểu quyết (${votes.online} trực tuyến, ${votes.paper} phiếu giấy).`;
  const why = quorum && !quorum.met
    ? `Cuộc họp không đủ đại diện hộ gia đình để thông qua: ${attending ?? 0}/${households} hộ tham dự, cần trên 50%; tổ chức phát phiếu lấy ý kiến hộ gia đình (${QUORUM_BASIS}).`
    : passed ? `Được thông qua: trên 50% tổng số hộ gia đình tán thành (cần ít nhất ${needed} hộ; ${PASS_BASIS}).`
    : `Không được thông qua: chưa có trên 50% tổng số hộ gia đình tán thành (cần ít nhất ${needed} hộ; ${PASS_BASIS}).`;
  return { ...votes, households, attending, quorum, passed, needed, code: PASS_CODE, basis: PASS_BASIS, summary: `${head} ${why}` };
}
