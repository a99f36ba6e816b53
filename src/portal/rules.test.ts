/** Pure rules of the portal: the law's posting minimums, required notices, quorum and passing shares (boundaries), codes and form tokens. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { complianceIssues, FORM_RULES, minimumEnds, noticeStatus, revision, type NoticeFacts } from "./notice-rules.ts";
import { consultationResult, majorityOf, meetingValid, passes, tally, PASS_BASIS, PASS_CODE, QUORUM_BASIS, QUORUM_CODE } from "./vote-rules.ts";
import { checkFormToken, formToken, HOUSEHOLD_CODE_RE, householdCodeHash, newHouseholdCode, newTrackingCode, TRACKING_CODE_RE, trackingHash } from "./codes.ts";

const notice = (o: Partial<NoticeFacts>): NoticeFacts => ({ id: 1, category: "ngan_sach", form: "niem_yet", title: "T", postedOn: "2026-03-01", minDays: 30, removedOn: null, ...o });

describe("công khai thông tin (Luật Thực hiện dân chủ ở cơ sở 2022)", () => {
  test("DCCS_D13_K2: niêm yết ít nhất 30 ngày liên tục — posted 1 March, the minimum runs to 30 March inclusive", () => {
    assert.equal(FORM_RULES.niem_yet.minDays, 30);
    assert.equal(FORM_RULES.niem_yet.code, "DCCS_D13_K2_NIEM_YET_30_NGAY");
    assert.equal(minimumEnds(notice({})), "2026-03-30");
    assert.equal(noticeStatus(notice({}), "2026-03-30"), "posting_minimum");
    assert.equal(noticeStatus(notice({}), "2026-03-31"), "done");
    assert.equal(noticeStatus(notice({}), "2026-02-28"), "not_yet_posted");
  });
  test("DCCS_D13_SUA_NOI_DUNG: a correction keeps the first posting day (the minimum still counts from it); a material change is posted afresh on the revision day", () => {
    const cur = { postedOn: "2026-03-01", revisedOn: null, title: "Dự toán", body: "Tổng chi 10 tỷ" };
    assert.deepEqual(revision(cur, { title: "Dự toán", body: "Tổng chi 10 tỷ đồng" }, "2026-03-20", false), { changed: true, postedOn: "2026-03-01", revisedOn: "2026-03-20" });
    const again = revision(cur, { title: "Dự toán", body: "Tổng chi 12 tỷ" }, "2026-03-20", true);
    assert.deepEqual(again, { changed: true, postedOn: "2026-03-20", revisedOn: "2026-03-20" });
    assert.equal(minimumEnds({ postedOn: again.postedOn, minDays: 30 }), "2026-04-18", "30 days again from the revision");
    assert.deepEqual(revision(cur, { title: "Dự toán", body: "Tổng chi 10 tỷ" }, "2026-03-20", true), { changed: false, postedOn: "2026-03-01", revisedOn: null }, "no change, no revision");
    assert.deepEqual(revision({ ...cur, postedOn: "2026-04-01" }, { title: "Dự toán 2", body: cur.body }, "2026-03-20", true), { changed: true, postedOn: "2026-04-01", revisedOn: null }, "not yet posted: no revision");
  });
  test("DCCS_D13_K2: taken down on day 30 is early, on day 31 is not", () => {
    assert.equal(noticeStatus(notice({ removedOn: "2026-03-30" }), "2026-04-10"), "removed_early");
    assert.equal(noticeStatus(notice({ removedOn: "2026-03-31" }), "2026-04-10"), "done");
  });
  test("DCCS_D13_K3: loa ít nhất 03 ngày liên tục", () => {
    const n = notice({ form: "loa", minDays: FORM_RULES.loa.minDays });
    assert.equal(minimumEnds(n), "2026-03-03");
    assert.equal(noticeStatus(n, "2026-03-03"), "posting_minimum");
    assert.equal(noticeStatus(n, "2026-03-04"), "done");
  });
  test("DCCS_D13: the basis shown names the right khoản — niêm yết is khoản 2 (30 days), the website khoản 1, the loudspeakers khoản 3", () => {
    assert.match(FORM_RULES.niem_yet.basis, /Điều 13 khoản 2 \(niêm yết ít nhất 30 ngày liên tục\)/);
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
    assert.match(i!.message, /30\/07\/2026/);
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
    assert.equal(majorityOf(40), 21);
    assert.equal(majorityOf(41), 21);
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
