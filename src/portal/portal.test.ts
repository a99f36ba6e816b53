/**
 * Portal services on both engines: notices (scope, the law's minimum, versions, audit), the
 * compliance list, a decision voted online and on paper (one vote per code, changeable, results
 * only after closing, published as a notice), feedback into the petitions register with its
 * deadline and the public status under the tracking code, and an audit row for every write.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import type { Actor } from "../accounts/actor.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { listAudit } from "../audit/audit.ts";
import { createNotice, getNoticeHistory, listNotices, noticeCompliance, publicNotices, updateNotice } from "./notice.service.ts";
import { castVote, closeConsultation, createConsultation, enterPaperBallot, getConsultation, issueCodes, publicConsultation } from "./consultation.service.ts";
import { answerFeedback, listFeedback, submitFeedback, trackFeedback } from "./feedback.service.ts";
import { getRegisterSettingsVersioned, updateRegisterSettings } from "../registers/settings.ts";
import { getPetition } from "../registers/petition.service.ts";

const TODAY = "2026-11-25";

describeEachDatabase("portal services", (get) => {
  let ctx: Ctx;
  let qn = 0;
  let staff: Actor;
  let outsider: Actor;
  const auditCount = async (action: string) => (await listAudit(ctx.db, {})).filter((a) => a.action === action).length;

  before(async () => {
    ctx = await seededContext(get(), TODAY);
    qn = (await hierarchyOf(ctx)).resolveCode("21583", TODAY).id;
    staff = await userAt(ctx, "reporter", "21583");
    outsider = await userAt(ctx, "reporter", "25270");
  });

  const base = () => ({ unitId: qn, category: "ngan_sach", form: "niem_yet", title: "Dự toán ngân sách quý IV", body: "Tổng thu, tổng chi", postedOn: "2026-11-10", publishedBy: "UBND phường Quy Nhơn" });

  test("DCCS_D13_K2: a niêm yết shorter than 30 days is refused and changes nothing; one outside the staff's units is OUT_OF_SCOPE", async () => {
    await assert.rejects(createNotice(ctx, staff, { ...base(), minDays: 29 }), (e: { code?: string }) => e.code === "NOTICE_TOO_SHORT");
    await assert.rejects(createNotice(ctx, outsider, base()), (e: { code?: string }) => e.code === "OUT_OF_SCOPE" || e.code === "FORBIDDEN");
    assert.equal((await listNotices(ctx, staff, qn)).length, 0);
  });

  test("DCCS_D13_K2: a notice is public while posted, on the dashboard until its 30 days end, and every write is audited", async () => {
    const n = await createNotice(ctx, staff, base());
    assert.equal(n.minDays, 30);
    assert.equal(n.minimumEndsOn, "2026-12-10", "posted 10 November: the 30 days are 11 November – 10 December (BLDS 2015 Điều 147 khoản 2)");
    assert.deepEqual((await publicNotices(ctx, qn)).map((x) => x.id), [n.id]);
    const c = await noticeCompliance(ctx, staff, qn, 2026);
    assert.ok(c.issues.some((i) => i.noticeId === n.id && i.code === "DCCS_D13_K2_NIEM_YET_30_NGAY"));
    assert.ok(c.issues.some((i) => i.code === "DCCS_D11_KE_HOACH_THIEU"), "no plan published this year");
    const province = (await hierarchyOf(ctx)).resolveCode("52", TODAY).id;
    const reviewer = await userAt(ctx, "reviewer", "52");
    assert.deepEqual((await noticeCompliance(ctx, reviewer, province, 2026)).issues, [], "Điều 11 asks the commune, not the province, for its plan and budget");
    await assert.rejects(updateNotice(ctx, staff, n.id, { removedOn: "2026-11-20", version: 0 }), (e: { code?: string }) => e.code === "CONFLICT");
    const down = await updateNotice(ctx, staff, n.id, { removedOn: "2026-11-20", version: n.version });
    assert.equal(down.removedOn, "2026-11-20");
    assert.deepEqual(await publicNotices(ctx, qn), [], "taken down: no longer public");
    assert.ok((await noticeCompliance(ctx, staff, qn, 2026)).issues.some((i) => i.noticeId === n.id && /trước khi đủ 30 ngày/.test(i.message)));
    assert.equal(await auditCount("notice.create"), 1);
    assert.equal(await auditCount("notice.update"), 1);
  });

  test("DCCS_D13_SUA_NOI_DUNG: a notice's text is revised (the old text stays in the audit row; the minimum still counts from the first posting), a material change is posted afresh; a result notice's text is locked", async () => {
    const n = await createNotice(ctx, staff, { ...base(), title: "Quyết toán ngân sách 2025", postedOn: "2026-11-15" });
    const fixed = await updateNotice(ctx, staff, n.id, { body: "Tổng thu, tổng chi (đã sửa lỗi chính tả)", version: n.version });
    assert.deepEqual([fixed.postedOn, fixed.revisedOn, fixed.minimumEndsOn], ["2026-11-15", TODAY, "2026-12-15"]);
    const row = (await listAudit(ctx.db, { entity: "public_notice", entityId: String(n.id) })).find((a) => a.action === "notice.update")!;
    assert.equal((row.before as { body: string }).body, "Tổng thu, tổng chi", "the earlier text is kept in the audit log");
    assert.equal((row.after as { body: string }).body, "Tổng thu, tổng chi (đã sửa lỗi chính tả)");
    const anew = await updateNotice(ctx, staff, n.id, { body: "Tổng thu 12 tỷ, tổng chi 11 tỷ", material: true, version: fixed.version });
    assert.deepEqual([anew.postedOn, anew.minimumEndsOn], [TODAY, "2026-12-25"], "posted afresh: 30 days from the day after the revision");
    await assert.rejects(updateNotice(ctx, staff, n.id, { material: true, version: anew.version }), (e: { code?: string }) => e.code === "VALIDATION");
    assert.equal((await publicNotices(ctx, qn)).find((x) => x.id === n.id)?.revisedOn, TODAY);
    // Staff read it back as the notice's history: who, what, and the posting period restarting.
    const { entries } = await getNoticeHistory(ctx, staff, n.id);
    assert.deepEqual(entries.map((e) => e.kind), ["created", "corrected", "revised_material"]);
    const who = (await ctx.db.selectFrom("users").select("display_name").where("username", "=", (staff as { username: string }).username).executeTakeFirstOrThrow()).display_name;
    assert.ok(entries.every((e) => e.who === who), "each change names who made it");
    assert.deepEqual(entries[2]!.restarted && [entries[2]!.restarted.from, entries[2]!.restarted.to, entries[2]!.restarted.minimumEndsOn], ["2026-11-15", TODAY, "2026-12-25"]);
    const h = await hierarchyOf(ctx);
    const elsewhere = h.childrenOf(h.resolveCode("52", TODAY).id, TODAY).find((u) => u.id !== qn)!;
    await assert.rejects(getNoticeHistory(ctx, await userAt(ctx, "reporter", elsewhere.code), n.id), (e: { code?: string }) => e.code === "OUT_OF_SCOPE");
  });

  test("DCCS_D21_K1 two thirds, three households deciding a contribution: two online (one changes its vote), one paper ballot; 2 of 3 is exactly two thirds and passes; results only after closing; published as a notice", async () => {
    const c = await createConsultation(ctx, staff, { unitId: qn, community: "Tổ dân phố 5", kind: "decide", matter: "dong_gop_cong_trinh", question: "Đóng góp làm hẻm", documents: "Dự toán 60 triệu đồng", form: "phieu", opensOn: "2026-11-20", closesOn: "2026-11-30", households: 3 });
    assert.equal(c.matter, "dong_gop_cong_trinh");
    const { codes } = await issueCodes(ctx, staff, c.id);
    assert.equal(codes.length, 3);
    assert.deepEqual((await issueCodes(ctx, staff, c.id)).codes, [], "codes are issued once");
    await castVote(ctx, c.id, { code: codes[0]!.code, choice: "no" });
    const again = await castVote(ctx, c.id, { code: codes[0]!.code.toLowerCase(), choice: "yes" });
    assert.equal(again.changed, true);
    await castVote(ctx, c.id, { code: codes[1]!.code, choice: "no" });
    await enterPaperBallot(ctx, staff, c.id, { code: codes[2]!.code, choice: "yes" });
    await assert.rejects(castVote(ctx, c.id, { code: "ABCD-EFGH", choice: "yes" }), (e: { code?: string }) => e.code === "HOUSEHOLD_CODE_INVALID");
    assert.equal((await publicConsultation(ctx, qn, c.id)).result, null, "no result before closing");
    assert.equal((await getConsultation(ctx, staff, c.id)).voted, 3);
    const closed = await closeConsultation(ctx, staff, c.id, {});
    assert.deepEqual([closed.result!.yes, closed.result!.no, closed.result!.online, closed.result!.paper, closed.result!.passed], [2, 1, 2, 1, true]);
    await assert.rejects(castVote(ctx, c.id, { code: codes[1]!.code, choice: "yes" }), (e: { code?: string }) => e.code === "CONSULTATION_CLOSED");
    const published = (await publicNotices(ctx, qn)).find((n) => n.consultationId === c.id);
    assert.ok(published);
    assert.equal(published.category, "ket_qua_ban_quyet");
    await assert.rejects(updateNotice(ctx, staff, published.id, { body: "Được thông qua", version: published.version }), (e: { code?: string }) => e.code === "NOTICE_RESULT_LOCKED");
    assert.match(published.body, /2\/3 hộ tán thành/);
    assert.match(published.body, /Nội dung quyết định: Chủ trương, mức đóng góp xây dựng cơ sở hạ tầng, công trình công cộng \(Điều 15 khoản 1\)/);
    assert.match(published.body, /Được thông qua: từ hai phần ba tổng số hộ gia đình trở lên tán thành \(cần ít nhất 2 hộ/);
    assert.equal(await auditCount("consultation.vote"), 3);
    assert.equal(await auditCount("consultation.paper_ballot"), 1);
    assert.equal(await auditCount("consultation.close"), 1);
    const votes = (await listAudit(ctx.db, {})).filter((a) => a.action === "consultation.vote");
    assert.ok(votes.every((a) => !JSON.stringify(a).includes("\"yes\"") && !JSON.stringify(a).includes("\"no\"")), "the ballot stays secret in the audit log");
  });

  test("DCCS_D21_K1: a decision records what it decides (Điều 15) and is counted with that matter's share — 26 of 40 households agreeing to a contribution is short of 27; bad input is refused in Vietnamese and writes nothing", async () => {
    const base = { unitId: qn, community: "Tổ dân phố 6", kind: "decide", question: "Đóng góp sửa nhà văn hóa", documents: "Dự toán 80 triệu đồng", form: "phieu", opensOn: "2026-11-20", closesOn: "2026-11-30", households: 40 };
    const count = async () => (await ctx.db.selectFrom("consultations").select("id").execute()).length;
    const before = await count();
    const zodSays = (re: RegExp) => (e: unknown) => (e as { name?: string }).name === "ZodError" && (e as { issues: Array<{ message: string }> }).issues.some((i) => re.test(i.message));
    await assert.rejects(createConsultation(ctx, staff, base), zodSays(/cần chọn nội dung quyết định \(khoản nào của Điều 15\)/));
    await assert.rejects(createConsultation(ctx, staff, { ...base, matter: "dong_gop" }), zodSays(/phải là một khoản của Điều 15/));
    await assert.rejects(createConsultation(ctx, staff, { ...base, kind: "consult", matter: "huong_uoc" }), zodSays(/Lấy ý kiến Nhân dân không phải là quyết định theo Điều 15/));
    await assert.rejects(createConsultation(ctx, staff, { ...base, matter: "dong_gop_cong_trinh", form: "truc_tuyen" }),
      (e: { code?: string; message?: string }) => e.code === "CONSULTATION_FORM_NOT_ALLOWED" && /Biểu quyết trực tuyến chỉ áp dụng cho công việc tự quản khác \(Điều 15 khoản 6\)/.test(e.message ?? ""));
    assert.equal(await count(), before, "nothing written");
    const online = await createConsultation(ctx, staff, { ...base, matter: "tu_quan_khac", form: "truc_tuyen", question: "Giờ tổ chức vệ sinh chung" });
    assert.equal(online.matter, "tu_quan_khac", "khoản 6 may be voted online");

    const c = await createConsultation(ctx, staff, { ...base, matter: "dong_gop_cong_trinh" });
    const { codes } = await issueCodes(ctx, staff, c.id);
    for (const k of codes.slice(0, 26)) await enterPaperBallot(ctx, staff, c.id, { code: k.code, choice: "yes" });
    const closed = await closeConsultation(ctx, staff, c.id, {});
    assert.deepEqual([closed.matter, closed.result!.yes, closed.result!.needed, closed.result!.passed, closed.result!.code], ["dong_gop_cong_trinh", 26, 27, false, "DCCS_D21_K1_HAI_PHAN_BA_HO_TAN_THANH"]);
    assert.match(closed.result!.summary, /Không được thông qua: chưa đủ hai phần ba tổng số hộ gia đình tán thành \(cần ít nhất 27 hộ/);
    const stored = await ctx.db.selectFrom("consultations").select(["matter"]).where("id", "=", c.id).executeTakeFirstOrThrow();
    assert.equal(stored.matter, "dong_gop_cong_trinh");

    // A hương ước is decided at a meeting (Điều 17 khoản 2): 25 of 40 households attend.
    const h = await createConsultation(ctx, staff, { ...base, matter: "huong_uoc", form: "hoi_nghi", question: "Sửa đổi hương ước tổ dân phố 6" });
    const hc = (await issueCodes(ctx, staff, h.id)).codes;
    for (const k of hc.slice(0, 21)) await enterPaperBallot(ctx, staff, h.id, { code: k.code, choice: "yes" });
    const hr = (await closeConsultation(ctx, staff, h.id, { attending: 25 })).result!;
    assert.deepEqual([hr.yes, hr.needed, hr.passed, hr.code], [21, 21, true, "DCCS_D21_K1_TREN_50_PHAN_TRAM_HO_TAN_THANH"], "a hương ước needs more than half: 21 of 40");
  });

  test("feedback lands in the petitions register with the configured deadline; the tracking page shows the topic, status and answer, nothing personal", async () => {
    const { version, ...s } = await getRegisterSettingsVersioned(ctx.db);
    await updateRegisterSettings(ctx, SYSTEM, { ...s, deadlines: { ...s.deadlines, otherAccept: { days: 10, unit: "working", basis: "Quy định của địa phương" } } }, version);
    const r = await submitFeedback(ctx, { unitId: qn, kind: "phan_anh", topic: "Đèn đường hẻm 12 hỏng", content: "Đèn hỏng hai tuần", name: "Trần Thị Hoa", phone: "0905 123 456", address: null, lat: 13.77, lon: 109.22 });
    const p = await getPetition(ctx, staff, r.petitionId);
    assert.equal(p.type, "phan_anh");
    assert.equal(p.petitioner, "Trần Thị Hoa");
    assert.equal(p.dueOn, "2026-12-09", "10 working days from 25 November");
    const [row] = await listFeedback(ctx, staff, qn);
    assert.equal(row!.dueOn, "2026-12-09");
    let pub = await trackFeedback(ctx, r.trackingCode);
    assert.equal(pub.status, "Đã tiếp nhận");
    assert.ok(!JSON.stringify(pub).includes("Hoa") && !JSON.stringify(pub).includes("0905"));
    await answerFeedback(ctx, staff, row!.id, { answer: "Đã thay bóng đèn ngày 26/11." });
    pub = await trackFeedback(ctx, r.trackingCode.toLowerCase());
    assert.equal(pub.answer, "Đã thay bóng đèn ngày 26/11.");
    assert.equal(pub.status, "Đã trả lời");
    await assert.rejects(answerFeedback(ctx, outsider, row!.id, { answer: "x" }), (e: { code?: string }) => e.code === "OUT_OF_SCOPE" || e.code === "FORBIDDEN");
    await assert.rejects(trackFeedback(ctx, "PA-22222-22222"), (e: { code?: string }) => e.code === "TRACKING_NOT_FOUND");
    assert.equal(await auditCount("feedback.create"), 1);
    assert.equal(await auditCount("feedback.answer"), 1);
    assert.equal(await auditCount("petition.create"), 1);
  });
});
