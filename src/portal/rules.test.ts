/** Pure rules of the portal: the law's posting minimums, required notices, quorum and passing shares (boundaries), codes and form tokens. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { complianceIssues, FORM_RULES, minimumEnds, noticeStatus, revision, type NoticeFacts } from "./notice-rules.ts";
import {
  ballotAllowed, ballotNeedsMeeting, communeResult, communeWidePasses, consultationResult, formAllowed, MATTERS, meetingValid, neededFor, passes, shareOf, tally,
  BALLOT_CODE, COMMUNE_MATTERS,
  COMMUNE_PASS_CODE, PASS_BASIS, PASS_BASIS_TWO_THIRDS, PASS_CODE, PASS_CODE_TWO_THIRDS, QUORUM_BASIS, QUORUM_CODE, QUORUM_CODE_TWO_THIRDS,
} from "./vote-rules.ts";
import { checkFormToken, formToken, HOUSEHOLD_CODE_RE, householdCodeHash, newHouseholdCode, newTrackingCode, TRACKING_CODE_RE, trackingHash } from "./codes.ts";

const notice = (o: Partial<NoticeFacts>): NoticeFacts => ({ id: 1, category: "ngan_sach", form: "niem_yet", title: "T", postedOn: "2026-03-01", minDays: 30, removedOn: null, ...o });

describe("công khai thông tin (Luật Thực hiện dân chủ ở cơ sở 2022)", () => {
  test("DCCS_D13_K2 + BLDS 2015 Điều 147 khoản 2: niêm yết ít nhất 30 ngày liên tục kể từ ngày niêm yết — posted 1 March, the 30 days are 2–31 March: still inside on 31 March, done on 1 April", () => {
    assert.equal(FORM_RULES.niem_yet.minDays, 30);
    assert.equal(FORM_RULES.niem_yet.code, "DCCS_D13_K2_NIEM_YET_30_NGAY");
    assert.equal(minimumEnds(notice({})), "2026-03-31");
    assert.equal(noticeStatus(notice({}), "2026-03-30"), "posting_minimum");
    assert.equal(noticeStatus(notice({}), "2026-03-31"), "posting_minimum", "day 30 of the period (the posting day not counted)");
    assert.equal(noticeStatus(notice({}), "2026-04-01"), "done");
    assert.equal(noticeStatus(notice({}), "2026-02-28"), "not_yet_posted");
    assert.equal(minimumEnds(notice({ postedOn: "2026-02-27" })), "2026-03-29", "across February's end: 28 Feb … 29 Mar");
    assert.match(FORM_RULES.niem_yet.basis, /Bộ luật Dân sự 2015 Điều 147/);
  });
  test("DCCS_D13_SUA_NOI_DUNG: a correction keeps the first posting day (the minimum still counts from it); a material change is posted afresh on the revision day", () => {
    const cur = { postedOn: "2026-03-01", revisedOn: null, title: "Dự toán", body: "Tổng chi 10 tỷ" };
    assert.deepEqual(revision(cur, { title: "Dự toán", body: "Tổng chi 10 tỷ đồng" }, "2026-03-20", false), { changed: true, postedOn: "2026-03-01", revisedOn: "2026-03-20" });
    const again = revision(cur, { title: "Dự toán", body: "Tổng chi 12 tỷ" }, "2026-03-20", true);
    assert.deepEqual(again, { changed: true, postedOn: "2026-03-20", revisedOn: "2026-03-20" });
    assert.equal(minimumEnds({ postedOn: again.postedOn, minDays: 30, form: "niem_yet" }), "2026-04-19", "30 days again from the day after the revision");
    assert.deepEqual(revision(cur, { title: "Dự toán", body: "Tổng chi 10 tỷ" }, "2026-03-20", true), { changed: false, postedOn: "2026-03-01", revisedOn: null }, "no change, no revision");
    assert.deepEqual(revision({ ...cur, postedOn: "2026-04-01" }, { title: "Dự toán 2", body: cur.body }, "2026-03-20", true), { changed: true, postedOn: "2026-04-01", revisedOn: null }, "not yet posted: no revision");
  });
  test("DCCS_D13_K2 + BLDS 2015 Điều 147 khoản 2: posted 1 March, taken down on 31 March is early (the 30th day of the period), on 1 April is not", () => {
    assert.equal(noticeStatus(notice({ removedOn: "2026-03-31" }), "2026-04-10"), "removed_early");
    assert.equal(noticeStatus(notice({ removedOn: "2026-04-01" }), "2026-04-10"), "done");
  });
  test("DCCS_D13_K3: loa ít nhất 03 ngày liên tục", () => {
    const n = notice({ form: "loa", minDays: FORM_RULES.loa.minDays });
    assert.equal(minimumEnds(n), "2026-03-03");
    assert.equal(noticeStatus(n, "2026-03-03"), "posting_minimum");
    assert.equal(noticeStatus(n, "2026-03-04"), "done");
  });
  test("DCCS_D13: the basis shown names the right khoản — niêm yết is khoản 2 (30 days), the website khoản 1, the loudspeakers khoản 3", () => {
    assert.match(FORM_RULES.niem_yet.basis, /Điều 13 khoản 2 \(niêm yết ít nhất 30 ngày liên tục kể từ ngày niêm yết; ngày niêm yết không tính, Bộ luật Dân sự 2015 Điều 147\)/);
    assert.equal(FORM_RULES.website.code, "DCCS_D13_K1_WEBSITE");
    assert.match(FORM_RULES.website.basis, /Điều 13 khoản 1$/);
    assert.match(FORM_RULES.loa.basis, /Điều 13 khoản 3/);
  });
  test("DCCS_D13_K1: a form without a minimum (website) is never 'inside its minimum'", () => {
    assert.equal(noticeStatus(notice({ form: "website", minDays: 0 }), "2026-03-01"), "done");
    assert.deepEqual(complianceIssues([notice({ form: "website", minDays: 0, category: "khac" })], 2026, "2026-03-01").filter((i) => i.noticeId === 1), []);
  });
  test("DCCS_D11_K1/K2: the year's plan and each ended quarter's budget are required; missing ones are listed", () => {
    const issues = complianceIssues([notice({ category: "ngan_sach", postedOn: "2026-02-01", removedOn: "2026-04-01" })], 2026, "2026-07-15");
    const codes = issues.map((i) => `${i.code} ${i.span ?? ""}`.trim());
    assert.ok(codes.includes("DCCS_D11_KE_HOACH_THIEU 2026"));
    assert.ok(codes.includes("DCCS_D11_NGAN_SACH_THIEU 2026Q2"));
    assert.ok(!codes.includes("DCCS_D11_NGAN_SACH_THIEU 2026Q1"), "Q1's budget was published");
    assert.ok(!codes.includes("DCCS_D11_NGAN_SACH_THIEU 2026Q3"), "Q3 has not ended");
  });
  test("DCCS_D11: the required categories bind the commune (chính quyền địa phương cấp xã); a province is asked for none, only to keep what it posted up its minimum", () => {
    const posted = [notice({ category: "khac", postedOn: "2026-07-01" })];
    const province = complianceIssues(posted, 2026, "2026-07-15", false);
    assert.deepEqual(province.map((i) => i.code), ["DCCS_D13_K2_NIEM_YET_30_NGAY"]);
    assert.ok(complianceIssues(posted, 2026, "2026-07-15").some((i) => i.code === "DCCS_D11_KE_HOACH_THIEU"), "a commune is asked for its plan");
  });
  test("DCCS_D13_K2: a notice inside its minimum is on the dashboard with the date it may come down", () => {
    const [i] = complianceIssues([notice({ category: "khac", postedOn: "2026-07-01" })], 2026, "2026-07-10").filter((x) => x.noticeId === 1);
    assert.match(i!.message, /31\/07\/2026/);
  });
});

const yes = (n: number) => tally(Array.from({ length: n }, () => ({ choice: "yes", channel: "paper" })));

describe("Nhân dân bàn và quyết định: tỷ lệ tán thành theo từng nội dung (Luật 2022 Điều 15, Điều 21 khoản 1)", () => {
  test("DCCS_D21_K1: khoản 1, 2 of Điều 15 (contributions, their accounts) need two thirds; khoản 3–6 more than half", () => {
    assert.deepEqual(MATTERS.map((m) => `${m}:${shareOf(m)}`), [
      "dong_gop_cong_trinh:two_thirds", "thu_chi_dong_gop:two_thirds", "huong_uoc:more_than_half", "truong_thon:more_than_half", "thanh_vien_ban:more_than_half", "tu_quan_khac:more_than_half",
    ]);
    assert.equal(shareOf(null), "more_than_half", "a consultation, or a decision recorded before its matter was");
    assert.match(PASS_BASIS_TWO_THIRDS, /Điều 21 khoản 1 \(từ hai phần ba tổng số đại diện hộ gia đình trở lên tán thành\)/);
  });
  test(`${PASS_CODE_TWO_THIRDS}: household ballots, 30 households — exactly 20 (two thirds) passes, 19 does not, 21 does`, () => {
    for (const m of ["dong_gop_cong_trinh", "thu_chi_dong_gop"] as const) {
      assert.equal(consultationResult(30, "phieu", yes(19), null, m).passed, false, `${m} 19/30`);
      assert.equal(consultationResult(30, "phieu", yes(20), null, m).passed, true, `${m} 20/30`);
      assert.equal(consultationResult(30, "phieu", yes(21), null, m).passed, true, `${m} 21/30`);
    }
    const r = consultationResult(30, "phieu", yes(20), null, "dong_gop_cong_trinh");
    assert.deepEqual([r.code, r.share, r.matter, r.needed], [PASS_CODE_TWO_THIRDS, "two_thirds", "dong_gop_cong_trinh", 20]);
    assert.match(r.summary, /Được thông qua: từ hai phần ba tổng số hộ gia đình trở lên tán thành \(cần ít nhất 20 hộ/);
  });
  test(`${PASS_CODE_TWO_THIRDS}: 40 households need 27 (26 ⅔ rounds up) — 26 does not pass though more than half, 27 does, 28 does`, () => {
    assert.equal(neededFor("two_thirds", 40), 27);
    assert.equal(passes(40, 26, "two_thirds"), false);
    assert.equal(passes(40, 27, "two_thirds"), true);
    assert.equal(passes(40, 28, "two_thirds"), true);
    const r = consultationResult(40, "phieu", yes(21), null, "dong_gop_cong_trinh");
    assert.equal(r.passed, false, "21 of 40 was enough under the more-than-half reading");
    assert.match(r.summary, /Không được thông qua: chưa đủ hai phần ba tổng số hộ gia đình tán thành \(cần ít nhất 27 hộ/);
    assert.equal(neededFor("two_thirds", 3), 2);
    assert.equal(neededFor("two_thirds", 1), 1);
  });
  test(`${PASS_CODE}: khoản 3–6 with household ballots, 30 households — exactly half (15) does not pass, 14 does not, 16 does`, () => {
    for (const m of ["huong_uoc", "truong_thon", "thanh_vien_ban", "tu_quan_khac"] as const) {
      assert.equal(consultationResult(30, "phieu", yes(14), null, m).passed, false, `${m} 14/30`);
      assert.equal(consultationResult(30, "phieu", yes(15), null, m).passed, false, `${m} 15/30`);
      assert.equal(consultationResult(30, "phieu", yes(16), null, m).passed, true, `${m} 16/30`);
      assert.equal(consultationResult(30, "phieu", yes(16), null, m).code, PASS_CODE);
    }
  });
  test(`${QUORUM_CODE_TWO_THIRDS}: a meeting on contributions, 30 households — 20 attending (two thirds) can pass it, 19 cannot (ballots), 21 can`, () => {
    assert.equal(meetingValid(30, 19, "two_thirds"), false);
    assert.equal(meetingValid(30, 20, "two_thirds"), true);
    assert.equal(meetingValid(30, 21, "two_thirds"), true);
    const short = consultationResult(30, "hoi_nghi", yes(19), 19, "dong_gop_cong_trinh");
    assert.deepEqual([short.passed, short.quorum!.met, short.quorum!.code], [false, false, QUORUM_CODE_TWO_THIRDS]);
    assert.match(short.summary, /19\/30 hộ tham dự, cần từ hai phần ba trở lên \(ít nhất 20 hộ\); tổ chức phát phiếu lấy ý kiến hộ gia đình/);
    assert.equal(consultationResult(30, "hoi_nghi", yes(20), 20, "dong_gop_cong_trinh").passed, true, "every one of 20 attending agrees");
    assert.equal(consultationResult(30, "hoi_nghi", yes(19), 21, "thu_chi_dong_gop").passed, false, "quorum met, 19 agreeing is short of 20");
    assert.equal(consultationResult(30, "hoi_nghi", yes(21), 21, "thu_chi_dong_gop").passed, true);
    assert.equal(consultationResult(30, "hoi_nghi", yes(16), 16, "dong_gop_cong_trinh").passed, false, "16 attending is more than half, not two thirds");
  });
  test(`${QUORUM_CODE}: a meeting on khoản 3–6, 30 households — 15 attending (half) cannot pass it, 14 cannot, 16 can`, () => {
    assert.equal(consultationResult(30, "hoi_nghi", yes(14), 14, "huong_uoc").passed, false);
    assert.equal(consultationResult(30, "hoi_nghi", yes(15), 15, "huong_uoc").passed, false);
    assert.equal(consultationResult(30, "hoi_nghi", yes(16), 16, "huong_uoc").passed, true);
    assert.equal(consultationResult(30, "hoi_nghi", yes(15), 15, "truong_thon").quorum!.code, QUORUM_CODE);
  });
  test(`${COMMUNE_PASS_CODE}: commune-wide contributions need two thirds of the villages — 6 villages: 4 pass, 3 do not, 5 do; 7 villages need 5`, () => {
    assert.equal(communeWidePasses(6, 3), false);
    assert.equal(communeWidePasses(6, 4), true);
    assert.equal(communeWidePasses(6, 5), true);
    assert.equal(communeWidePasses(7, 4), false);
    assert.equal(communeWidePasses(7, 5), true);
    assert.equal(communeWidePasses(0, 0), false);
  });
  test("DCCS_D17_K2: online voting only for khoản 6 (other self-managed matters); a consultation may use it", () => {
    assert.deepEqual(MATTERS.filter((m) => formAllowed("truc_tuyen", m)), ["tu_quan_khac"]);
    assert.ok(MATTERS.every((m) => formAllowed("phieu", m) && formAllowed("hoi_nghi", m)));
    assert.equal(formAllowed("truc_tuyen", null), true);
  });
});

describe("Nhân dân bàn và quyết định: trên 50% tổng số hộ (Luật 2022 Điều 21 khoản 1; NĐ 59/2023 Điều 4 khoản 1 điểm b)", () => {
  test("DCCS_D21_K1: the basis shown to staff and residents is the Law's Điều 21 khoản 1, not the hương ước decree (NĐ 61/2023) for every decision", () => {
    assert.equal(PASS_CODE, "DCCS_D21_K1_TREN_50_PHAN_TRAM_HO_TAN_THANH");
    assert.equal(QUORUM_CODE, "ND59_D4_K1B_HOP_TREN_50_PHAN_TRAM_HO");
    for (const b of [PASS_BASIS, QUORUM_BASIS]) {
      assert.match(b, /Điều 21 khoản 1/);
      assert.doesNotMatch(b, /61\/2023/);
    }
    assert.match(QUORUM_BASIS, /Nghị định 59\/2023\/NĐ-CP Điều 4 khoản 1 điểm b/);
    const r = consultationResult(41, "hoi_nghi", tally([]), 20);
    assert.match(r.summary, /20\/41 hộ tham dự, cần trên 50%; tổ chức phát phiếu lấy ý kiến hộ gia đình/);
    assert.doesNotMatch(r.summary, /61\/2023/);
  });
  test(`${QUORUM_CODE}: 40 households — 20 attending cannot pass a matter (ballots instead), 21 can`, () => {
    assert.equal(meetingValid(40, 20), false);
    assert.equal(meetingValid(40, 21), true);
    assert.equal(meetingValid(41, 20), false);
    assert.equal(meetingValid(41, 21), true);
    assert.equal(meetingValid(0, 0), false);
  });
  test(`${PASS_CODE}: 40 households — 20 agreeing does not pass, 21 does; 3 households need 2`, () => {
    assert.equal(passes(40, 20), false);
    assert.equal(passes(40, 21), true);
    assert.equal(neededFor("more_than_half", 40), 21);
    assert.equal(neededFor("more_than_half", 41), 21);
    assert.equal(passes(3, 1), false);
    assert.equal(passes(3, 2), true);
  });
  test(`${PASS_CODE}: the share is of all households, not of votes cast — 2 of 2 voters is not a majority of 40`, () => {
    const r = consultationResult(40, "truc_tuyen", tally([{ choice: "yes", channel: "online" }, { choice: "yes", channel: "paper" }]), null);
    assert.equal(r.passed, false);
    assert.equal(r.yes, 2);
    assert.match(r.summary, /Không được thông qua/);
  });
  test(`${QUORUM_CODE}: a meeting that half the households or fewer attend does not pass even when every attendee agrees`, () => {
    const votes = tally(Array.from({ length: 20 }, () => ({ choice: "yes", channel: "paper" })));
    assert.equal(consultationResult(40, "hoi_nghi", votes, 20).passed, false);
    assert.equal(consultationResult(39, "hoi_nghi", votes, 20).passed, true);
  });
  test("tally counts online and paper ballots together, ignores unvoted codes", () => {
    assert.deepEqual(tally([{ choice: "yes", channel: "online" }, { choice: "no", channel: "paper" }, { choice: null, channel: null }, { choice: "abstain", channel: "online" }]),
      { yes: 1, no: 1, abstain: 1, online: 2, paper: 1, voted: 3 });
  });
});

describe("mã hộ, mã theo dõi, chống spam", () => {
  test("codes are well-formed and hashed per consultation", () => {
    const c = newHouseholdCode();
    assert.match(c, HOUSEHOLD_CODE_RE);
    assert.equal(householdCodeHash(1, c), householdCodeHash(1, c.toLowerCase().replace("-", " ")));
    assert.notEqual(householdCodeHash(1, c), householdCodeHash(2, c));
    const t = newTrackingCode();
    assert.match(t, TRACKING_CODE_RE);
    assert.equal(trackingHash(t), trackingHash(t.toLowerCase()));
  });
  test("the form token: genuine and old enough passes; too fast, stale, forged or missing are refused", () => {
    const now = 1_800_000_000_000;
    assert.equal(checkFormToken("s", formToken("s", now - 5000), now), null);
    assert.equal(checkFormToken("s", formToken("s", now - 1000), now), "too_fast");
    assert.equal(checkFormToken("s", formToken("s", now - 7 * 3600_000), now), "expired");
    assert.equal(checkFormToken("s", formToken("other", now - 5000), now), "forged");
    assert.equal(checkFormToken("s", `${now - 9000}.x.y`, now), "forged");
    assert.equal(checkFormToken("s", undefined, now), "missing");
  });
});

describe("quyết định toàn xã, phiếu sau cuộc họp (Luật 2022 Điều 17 khoản 2, Điều 19 khoản 1 điểm b, Điều 21 khoản 1)", () => {
  const outcomes = (approving: number, decided: number) => Array.from({ length: decided }, (_, i) => ({ community: `Thôn ${i + 1}`, passed: i < approving }));
  test(`${COMMUNE_PASS_CODE}: 9 villages — 5 approving fails, 6 (two thirds) passes; villages that never decided count against`, () => {
    assert.equal(communeResult(9, outcomes(5, 9)).passed, false);
    assert.equal(communeResult(9, outcomes(6, 9)).passed, true);
    assert.equal(communeResult(9, outcomes(6, 6)).passed, true, "6 of 9 even when only 6 decided");
    assert.equal(communeResult(10, outcomes(6, 10)).passed, false, "10 villages need 7 (6 ⅔ rounds up)");
    assert.equal(communeResult(10, outcomes(7, 10)).passed, true);
    const r = communeResult(9, outcomes(5, 7));
    assert.deepEqual([r.approving, r.decided, r.needed, r.code], [5, 7, 6, COMMUNE_PASS_CODE]);
    assert.match(r.summary, /^5\/9 thôn, tổ dân phố tán thành \(55,6%\); 7 thôn, tổ dân phố đã biểu quyết\. Không được thông qua/);
  });
  test(`${BALLOT_CODE}: khoản 3, 4, 5 need a failed meeting of the same community and matter; khoản 1, 2, 6 and consultations do not`, () => {
    assert.deepEqual(MATTERS.filter((m) => ballotNeedsMeeting(m)), ["huong_uoc", "truong_thon", "thanh_vien_ban"]);
    assert.equal(ballotNeedsMeeting(null), false);
    const failed = { form: "hoi_nghi" as const, matter: "huong_uoc" as const, community: "Thôn Hòa Bình", state: "closed", quorumMet: false };
    assert.equal(ballotAllowed("huong_uoc", "Thôn 1", null), "no_meeting");
    assert.equal(ballotAllowed("huong_uoc", "thôn hoà  bình", failed), null, "the same village, other tone placement and spacing");
    assert.equal(ballotAllowed("huong_uoc", "Thôn Hòa Bình", { ...failed, quorumMet: true }), "not_failed_meeting", "the meeting had its households");
    assert.equal(ballotAllowed("huong_uoc", "Thôn Hòa Bình", { ...failed, state: "open", quorumMet: null }), "not_failed_meeting");
    assert.equal(ballotAllowed("huong_uoc", "Thôn Hòa Bình", { ...failed, form: "phieu" }), "not_failed_meeting");
    assert.equal(ballotAllowed("truong_thon", "Thôn Hòa Bình", failed), "not_failed_meeting", "another matter");
    assert.equal(ballotAllowed("huong_uoc", "Thôn An", failed), "not_failed_meeting", "another village");
    assert.equal(ballotAllowed("dong_gop_cong_trinh", "Thôn 1", null), null);
    assert.equal(ballotAllowed("tu_quan_khac", "Thôn 1", null), null);
    assert.deepEqual([...COMMUNE_MATTERS], ["dong_gop_cong_trinh", "thu_chi_dong_gop"]);
  });
});
