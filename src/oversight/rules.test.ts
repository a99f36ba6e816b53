/** Pure rules of the residents' boards: composition, eligibility, by-elections, plan notice, answer status (boundaries). */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  answerStatus, byElectionNeeded, compositionIssues, daysOverdue, defaultDue, ineligibleFor, planNoticeIssue, requiredTtndMembers, wholeMonths, workingDaysBetween,
  type BoardFacts, type MemberFacts,
} from "./rules.ts";

const m = (o: Partial<MemberFacts> = {}): MemberFacts => ({ role: "thanh_vien", represents: "nguoi_dan", community: null, startedOn: "2025-01-01", endedOn: null, ...o });
const ttnd = (o: Partial<BoardFacts> = {}): BoardFacts => ({ kind: "ttnd", termStart: "2025-01-01", termEnd: "2027-06-30", dissolvedOn: null, communities: null, ...o });
const gs = (o: Partial<BoardFacts> = {}): BoardFacts => ({ kind: "gsdtcd", termStart: "2026-03-01", termEnd: null, dissolvedOn: null, communities: null, ...o });
const codes = (b: BoardFacts, ms: MemberFacts[], date = "2026-06-01") => compositionIssues(b, ms, date).map((i) => i.code);
const five = (o: Partial<MemberFacts> = {}) => [m({ role: "truong_ban", ...o }), m({ role: "pho_truong_ban", ...o }), m(o), m(o), m(o)];

describe("Ban Thanh tra nhân dân (Luật Thực hiện dân chủ ở cơ sở 2022 Điều 36, 37; NĐ 59/2023 Điều 13, 14)", () => {
  test("DCCS_D36_K1: 4 sitting members are too few, 5 are enough; a member who left on the day before does not count", () => {
    assert.ok(codes(ttnd(), five().slice(0, 4)).includes("DCCS_D36_K1_SO_THANH_VIEN"));
    assert.ok(!codes(ttnd(), five()).includes("DCCS_D36_K1_SO_THANH_VIEN"));
    const left = [...five().slice(0, 4), m({ endedOn: "2026-05-31" })];
    assert.ok(codes(ttnd(), left).includes("DCCS_D36_K1_SO_THANH_VIEN"));
    assert.ok(!codes(ttnd(), left, "2026-05-31").includes("DCCS_D36_K1_SO_THANH_VIEN"), "the end day is the last day on the board");
  });
  test("ND59_D13_K2: one member per village — 7 villages need 7; fewer than 5 villages still need 5 and allow no more", () => {
    assert.equal(requiredTtndMembers(7), 7);
    assert.equal(requiredTtndMembers(3), 5);
    assert.equal(requiredTtndMembers(null), 5);
    assert.ok(codes(ttnd({ communities: 7 }), five()).includes("DCCS_D36_K1_SO_THANH_VIEN"));
    assert.ok(codes(ttnd({ communities: 3 }), [...five(), m()]).includes("ND59_D13_K2_TOI_DA_5"));
    assert.ok(!codes(ttnd({ communities: 3 }), five()).includes("ND59_D13_K2_TOI_DA_5"));
  });
  test("ND59_D13_K2: each village needs its representative (tone placement and case do not split a village)", () => {
    const ms = ["Thôn Hòa", "Tổ 2", "Tổ 3", "Tổ 4", "thôn hoà"].map((c, i) => m({ community: c, role: i === 0 ? "truong_ban" : "thanh_vien" }));
    assert.ok(codes(ttnd({ communities: 5 }), ms).includes("ND59_D13_K2_MOI_THON"));
    ms[4] = m({ community: "Tổ 5" });
    assert.ok(!codes(ttnd({ communities: 5 }), ms).includes("ND59_D13_K2_MOI_THON"));
  });
  test("DCCS_D36_K3: a board needs exactly one Trưởng ban", () => {
    assert.ok(codes(ttnd(), [m(), m(), m(), m(), m()]).includes("DCCS_D36_K3_TRUONG_BAN"));
    assert.ok(codes(ttnd(), [...five(), m({ role: "truong_ban" })]).includes("DCCS_D36_K3_TRUONG_BAN"));
    assert.deepEqual(codes(ttnd(), five()), []);
  });
  test("DCCS_D36_K2: after the term ends the board is told to elect a new one; a by-election is due with 6 months or more left", () => {
    assert.deepEqual(codes(ttnd({ termEnd: "2026-05-31" }), five()), ["DCCS_D36_K2_HET_NHIEM_KY"]);
    assert.equal(compositionIssues(ttnd({ termEnd: "2026-05-31" }), five(), "2026-06-01")[0]!.message, "Nhiệm kỳ đã kết thúc ngày 31/05/2026: cần bầu Ban nhiệm kỳ mới.");
    assert.equal(wholeMonths("2026-01-15", "2026-07-15"), 6);
    assert.equal(wholeMonths("2026-01-15", "2026-07-14"), 5);
    assert.equal(byElectionNeeded("2026-07-15", "2026-01-15"), true);
    assert.equal(byElectionNeeded("2026-07-14", "2026-01-15"), false);
  });
  test("DCCS_D37: a commune official or a part-time worker of the commune cannot sit on the TTND; an investor's conflict does not apply to it", () => {
    assert.deepEqual(ineligibleFor("ttnd", ["can_bo_cong_chuc_xa"]).map((r) => r.code), ["DCCS_D37_D42_CAN_BO_XA"]);
    assert.deepEqual(ineligibleFor("ttnd", ["khong_chuyen_trach"]).map((r) => r.code), ["DCCS_D37_KHONG_CHUYEN_TRACH"]);
    assert.deepEqual(ineligibleFor("ttnd", ["chu_dau_tu"]), []);
    assert.deepEqual(ineligibleFor("ttnd", []), []);
  });
  test("ND59_D14_K1B: the plan is sent at least 5 working days before — Mon 1 Jun for Mon 8 Jun is 4 days (refused), Fri 29 May is 5", () => {
    assert.equal(workingDaysBetween("2026-06-01", "2026-06-08"), 4);
    assert.equal(workingDaysBetween("2026-05-29", "2026-06-08"), 5);
    assert.equal(planNoticeIssue("2026-06-01", "2026-06-08", "ttnd")?.code, "ND59_D14_KE_HOACH");
    assert.equal(planNoticeIssue("2026-05-29", "2026-06-08", "ttnd"), null);
    assert.equal(planNoticeIssue(null, "2026-06-08", "gsdtcd"), null, "the rule is the TTND's");
  });
});

describe("Ban Giám sát đầu tư của cộng đồng (Luật Điều 41, 42; NĐ 59/2023 Điều 17)", () => {
  const mixed = () => [m({ role: "truong_ban", represents: "mttq" }), m({ role: "pho_truong_ban", represents: "ttnd" }), m(), m(), m()];
  test("DCCS_D41_K1: at least 5 members, from the Front, the TTND and the residents", () => {
    assert.deepEqual(codes(gs(), mixed()), []);
    assert.ok(codes(gs(), mixed().slice(0, 4)).includes("DCCS_D41_K1_IT_NHAT_5"));
    assert.ok(codes(gs(), [m({ role: "truong_ban" }), m(), m(), m(), m()]).includes("DCCS_D41_K1_THANH_PHAN"));
  });
  test("ND59_D17_K3: at most 2 Phó Trưởng ban; ND59_D17_K2: at most 5 residents' representatives", () => {
    assert.ok(!codes(gs(), [...mixed(), m({ role: "pho_truong_ban" })]).includes("ND59_D17_K3_PHO_TRUONG_BAN"));
    assert.ok(codes(gs(), [...mixed(), m({ role: "pho_truong_ban" }), m({ role: "pho_truong_ban" })]).includes("ND59_D17_K3_PHO_TRUONG_BAN"));
    assert.ok(!codes(gs(), [...mixed(), m(), m()]).includes("ND59_D17_K2_DAI_DIEN_DAN"), "5 residents");
    assert.ok(codes(gs(), [...mixed(), m(), m(), m()]).includes("ND59_D17_K2_DAI_DIEN_DAN"), "6 residents");
  });
  test("DCCS_D41_K1: a dissolved board (task done) asks for nothing", () => {
    assert.deepEqual(codes(gs({ dissolvedOn: "2026-05-01" }), []), []);
  });
  test("DCCS_D42: the investor, its consultant or contractor, a relative of the decision-maker, a project manager cannot sit on it", () => {
    for (const c of ["chu_dau_tu", "tu_van_nha_thau", "than_nhan_quyet_dinh_dau_tu", "quan_ly_du_an", "can_bo_cong_chuc_xa", "khong_cu_tru"] as const) {
      assert.equal(ineligibleFor("gsdtcd", [c]).length, 1, c);
    }
    assert.deepEqual(ineligibleFor("gsdtcd", ["khong_chuyen_trach"]), [], "Điều 42 does not name part-time workers");
  });
});

describe("answers to recommendations", () => {
  test("DCCS_D40_K1C/D45_K2C: due 15 days after sending by default (the law's 15 days from receipt for the commune's answer); overdue from the day after the due date; answered late is kept", () => {
    assert.equal(defaultDue("2026-06-01"), "2026-06-16");
    const f = { dueOn: "2026-06-16", answeredOn: null };
    assert.equal(answerStatus(f, "2026-06-16"), "waiting");
    assert.equal(answerStatus(f, "2026-06-17"), "overdue");
    assert.equal(daysOverdue(f, "2026-06-20"), 4);
    assert.equal(daysOverdue(f, "2026-06-16"), 0);
    assert.equal(answerStatus({ dueOn: "2026-06-16", answeredOn: "2026-06-16" }, "2026-07-01"), "answered");
    assert.equal(answerStatus({ dueOn: "2026-06-16", answeredOn: "2026-06-17" }, "2026-07-01"), "answered_late");
  });
});
