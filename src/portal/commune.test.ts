/**
 * Commune-wide decisions and ballots after a meeting, on both engines (Luật Thực hiện dân chủ ở cơ sở
 * 2022 Điều 17 khoản 2, Điều 19 khoản 1 điểm b, Điều 21 khoản 1; NĐ 59/2023 Điều 4 khoản 1): villages
 * vote by households as before, the commune counts the villages whose decision passed against ALL
 * its villages; household ballots on khoản 3–5 only follow a meeting that lacked the households.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import type { Actor } from "../accounts/actor.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { listAudit } from "../audit/audit.ts";
import { closeConsultation, createConsultation, enterPaperBallot, issueCodes, type Consultation } from "./consultation.service.ts";
import { closeCommuneDecision, createCommuneDecision, getCommuneDecision, publicCommuneDecisions } from "./commune-decision.service.ts";
import { getNoticeHistory, publicNotices, updateNotice } from "./notice.service.ts";
import { BALLOT_CODE, COMMUNE_PASS_CODE } from "./vote-rules.ts";

const TODAY = "2026-11-25";
const code = (c: string) => (e: { code?: string }) => e.code === c;
/** Refused at the edge by the schema (the API answers VALIDATION). */
const invalid = (path: string) => (e: { name?: string; issues?: Array<{ path: unknown[] }> }) => e.name === "ZodError" && !!e.issues?.some((i) => i.path.join(".") === path);

describeEachDatabase("commune-wide decisions and ballots after a meeting", (get) => {
  let ctx: Ctx;
  let qn = 0;
  let staff: Actor;
  before(async () => {
    ctx = await seededContext(get(), TODAY);
    qn = (await hierarchyOf(ctx)).resolveCode("21583", TODAY).id;
    staff = await userAt(ctx, "reporter", "21583");
  });

  const village = (community: string, o: Record<string, unknown> = {}) => createConsultation(ctx, staff, {
    unitId: qn, community, kind: "decide", matter: "dong_gop_cong_trinh", question: "Đóng góp làm đường liên thôn", documents: "Tờ trình của phường", form: "phieu",
    opensOn: "2026-11-20", closesOn: "2026-11-30", households: 3, ...o,
  });
  /** A village votes: `yes` of its 3 households agree on paper, then it closes (a meeting: all 3 attend unless told). */
  const vote = async (c: Consultation, yes: number, attending = 3): Promise<Consultation> => {
    const { codes } = await issueCodes(ctx, staff, c.id);
    for (const [i, k] of codes.entries()) await enterPaperBallot(ctx, staff, c.id, { code: k.code, choice: i < yes ? "yes" : "no" });
    return closeConsultation(ctx, staff, c.id, c.form === "hoi_nghi" ? { attending } : {});
  };
  const commune = (villages: number, o: Record<string, unknown> = {}) => createCommuneDecision(ctx, staff, {
    unitId: qn, matter: "dong_gop_cong_trinh", question: `Đóng góp làm đường liên thôn (${villages} thôn)`, documents: "Tờ trình", villages, opensOn: "2026-11-20", ...o,
  });

  test(`${COMMUNE_PASS_CODE}: 9 villages — 6 approving (two thirds) passes; the result with its counts is published on the commune's portal and audited`, async () => {
    const d = await commune(9);
    for (let i = 1; i <= 9; i++) await vote(await village(`Tổ dân phố ${i}`, { communeDecisionId: d.id }), i <= 6 ? 2 : 1);
    const closed = await closeCommuneDecision(ctx, staff, d.id, {});
    assert.deepEqual([closed.result!.approving, closed.result!.villages, closed.result!.passed, closed.result!.needed], [6, 9, true, 6]);
    assert.match(closed.result!.summary, /^6\/9 thôn, tổ dân phố tán thành .*Được thông qua: từ hai phần ba tổng số thôn, tổ dân phố trở lên tán thành \(cần ít nhất 6/);
    const notice = (await publicNotices(ctx, qn)).find((n) => n.title.includes("(9 thôn)"))!;
    assert.match(notice.title, /^Kết quả Nhân dân toàn phường bàn và quyết định/);
    assert.match(notice.body, /6\/9 thôn, tổ dân phố tán thành.*Tổ dân phố 7: không tán thành/);
    assert.deepEqual((await publicCommuneDecisions(ctx, qn)).filter((x) => x.id === d.id).map((x) => x.result?.passed), [true]);
    const audit = (await listAudit(ctx.db, {})).filter((a) => a.entity === "commune_decision" && a.entityId === String(d.id)).map((a) => a.action).sort();
    assert.deepEqual(audit, ["commune_decision.close", "commune_decision.create"]);
    // The published result cannot be rewritten (as a village's result notice cannot); its posting can still change.
    const stored = (await getNoticeHistory(ctx, staff, notice.id)).notice;
    await assert.rejects(updateNotice(ctx, staff, notice.id, { body: "6/9 thôn tán thành: không thông qua", version: stored.version }), code("NOTICE_RESULT_LOCKED"));
    assert.equal((await getNoticeHistory(ctx, staff, notice.id)).notice.body, stored.body);
  });

  test(`${COMMUNE_PASS_CODE}: 9 villages — 5 approving does not pass, counted of ALL villages (2 never decided)`, async () => {
    const d = await commune(9);
    for (let i = 1; i <= 7; i++) await vote(await village(`Thôn ${i}`, { communeDecisionId: d.id }), i <= 5 ? 3 : 0);
    const closed = await closeCommuneDecision(ctx, staff, d.id);
    assert.deepEqual([closed.result!.approving, closed.result!.decided, closed.result!.villages, closed.result!.passed], [5, 7, 9, false]);
    assert.match(closed.result!.summary, /Không được thông qua: chưa đủ hai phần ba tổng số thôn, tổ dân phố tán thành \(cần ít nhất 6/);
  });

  test("closing waits for every village (COMMUNE_DECISION_VILLAGES_OPEN) and changes nothing; a closed one takes no village", async () => {
    const d = await commune(2);
    await vote(await village("Khu phố A", { communeDecisionId: d.id }), 3);
    const open = await village("Khu phố B", { communeDecisionId: d.id });
    await assert.rejects(closeCommuneDecision(ctx, staff, d.id), code("COMMUNE_DECISION_VILLAGES_OPEN"));
    assert.equal((await getCommuneDecision(ctx, staff, d.id)).state, "open");
    await vote(open, 2);
    assert.equal((await closeCommuneDecision(ctx, staff, d.id)).result!.passed, true, "2 of 2");
    await assert.rejects(closeCommuneDecision(ctx, staff, d.id), code("COMMUNE_DECISION_CLOSED"));
    await assert.rejects(village("Khu phố C", { communeDecisionId: d.id }), code("COMMUNE_DECISION_CLOSED"));
  });

  test("a village joins once, with the commune's matter, up to the commune's number of villages; only contributions are commune-wide; a province opens none", async () => {
    const d = await commune(2);
    await village("Thôn Hòa Bình", { communeDecisionId: d.id });
    await assert.rejects(village("thôn  Hoà Bình", { communeDecisionId: d.id }), code("COMMUNE_DECISION_VILLAGE_TWICE"), "the same village, other tone placement");
    await assert.rejects(village("Thôn Mới", { communeDecisionId: d.id, matter: "thu_chi_dong_gop" }), code("COMMUNE_DECISION_MATTER"));
    await village("Thôn Mới", { communeDecisionId: d.id });
    await assert.rejects(village("Thôn Xa", { communeDecisionId: d.id }), code("COMMUNE_DECISION_TOO_MANY_VILLAGES"));
    await assert.rejects(village("Thôn Xa", { communeDecisionId: 999999 }), code("COMMUNE_DECISION_NOT_FOUND"));
    await assert.rejects(commune(3, { matter: "huong_uoc" }), invalid("matter"));
    await assert.rejects(commune(0), invalid("villages"));
    const province = (await hierarchyOf(ctx)).resolveCode("52", TODAY).id;
    await assert.rejects(createCommuneDecision(ctx, SYSTEM, { unitId: province, matter: "dong_gop_cong_trinh", question: "Q", documents: "D", villages: 3, opensOn: "2026-11-20" }), code("COMMUNE_DECISION_NOT_COMMUNE"));
    assert.equal((await getCommuneDecision(ctx, staff, d.id)).decisions.length, 2);
  });

  test(`${BALLOT_CODE}: khoản 3–5 of Điều 15 go to household ballots only after a meeting of the same village and matter that lacked the households (Luật Điều 17 khoản 2, Điều 19 khoản 1 điểm b)`, async () => {
    const hu = { matter: "huong_uoc", households: 3 };
    for (const matter of ["huong_uoc", "truong_thon", "thanh_vien_ban"]) {
      await assert.rejects(village("Tổ dân phố 8", { matter }), (e: { code?: string; details?: { rule?: string } }) => e.code === "CONSULTATION_BALLOT_NEEDS_MEETING" && e.details?.rule === BALLOT_CODE, matter);
    }
    const held = await vote(await village("Tổ dân phố 8", { ...hu, form: "hoi_nghi" }), 2, 2);
    assert.equal(held.result!.quorum!.met, true, "2 of 3 attended: more than half");
    await assert.rejects(village("Tổ dân phố 8", { ...hu, afterMeeting: held.id }), code("CONSULTATION_BALLOT_NEEDS_MEETING"), "the meeting had its households: the matter was decided");
    const openMeeting = await village("Tổ dân phố 8", { ...hu, form: "hoi_nghi" });
    await assert.rejects(village("Tổ dân phố 8", { ...hu, afterMeeting: openMeeting.id }), code("CONSULTATION_BALLOT_NEEDS_MEETING"), "not held yet");
    const failed = await vote(await village("Tổ dân phố 8", { ...hu, form: "hoi_nghi" }), 1, 1);
    assert.equal(failed.result!.quorum!.met, false);
    await assert.rejects(village("Tổ dân phố 9", { ...hu, afterMeeting: failed.id }), code("CONSULTATION_BALLOT_NEEDS_MEETING"), "another village's meeting");
    await assert.rejects(village("Tổ dân phố 8", { matter: "truong_thon", afterMeeting: failed.id }), code("CONSULTATION_BALLOT_NEEDS_MEETING"), "another matter");
    await assert.rejects(village("Tổ dân phố 8", { ...hu, form: "hoi_nghi", afterMeeting: failed.id }), invalid("afterMeeting"), "after the meeting: ballots");
    const ballots = await village("tổ dân phố  8", { ...hu, afterMeeting: failed.id });
    assert.equal(ballots.followsId, failed.id);
    assert.equal((await village("Tổ dân phố 8", { matter: "tu_quan_khac" })).form, "phieu", "khoản 6: ballots directly (NĐ 59 Điều 4 khoản 1 điểm c)");
    assert.equal((await village("Tổ dân phố 8", {})).form, "phieu", "khoản 1: ballots directly");
  });

  test("in a commune decision, a village's ballots after its failed meeting take the meeting's place in the count", async () => {
    const d = await commune(3);
    const meeting = await vote(await village("Thôn Đông", { communeDecisionId: d.id, form: "hoi_nghi" }), 1, 1);
    assert.equal(meeting.result!.passed, false);
    await assert.rejects(village("Thôn Đông", { communeDecisionId: d.id }), code("COMMUNE_DECISION_VILLAGE_TWICE"));
    const ballots = await village("Thôn Đông", { afterMeeting: meeting.id });
    assert.equal(ballots.communeDecisionId, d.id, "the ballots join the meeting's commune decision");
    await vote(ballots, 2);
    await vote(await village("Thôn Tây", { communeDecisionId: d.id }), 2);
    const closed = await closeCommuneDecision(ctx, staff, d.id);
    assert.deepEqual(closed.result!.outcomes, [{ community: "Thôn Đông", passed: true }, { community: "Thôn Tây", passed: true }]);
    assert.deepEqual([closed.result!.approving, closed.result!.villages, closed.result!.passed], [2, 3, true]);
  });
});
