/**
 * The boards' services on both engines: scope (a commune's staff only their commune, a province
 * reads its communes), eligibility refused with nothing written, members leaving with the
 * by-election flag, supervisions counted in oversight.count (province total), findings with their
 * due date, answers with versions, the overdue list, the public section, and an audit row per write.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import type { Actor } from "../accounts/actor.ts";
import { listAudit } from "../audit/audit.ts";
import { rollupValue } from "../figures/rollup.service.ts";
import "./plugin.ts";
import { addItem, addMember, boardsOf, createBoard, endMember, listBoards, updateBoard } from "./board.service.ts";
import { createFinding, listFindings, overdueFindings, publicFindings, recordAnswer, setPublished } from "./finding.service.ts";
import { boardsSection } from "./public-view.ts";

const TODAY = "2026-11-25";
const code = (e: unknown) => (e as { code?: string }).code;

describeEachDatabase("oversight boards", (get) => {
  let ctx: Ctx;
  let qn = 0;
  let province = 0;
  let staff: Actor;
  let outsider: Actor;
  let provincial: Actor;
  const audits = async (prefix: string) => (await listAudit(ctx.db, {})).filter((a) => a.action.startsWith(prefix)).length;

  before(async () => {
    ctx = await seededContext(get(), TODAY);
    const h = await hierarchyOf(ctx);
    qn = h.resolveCode("21583", TODAY).id;
    province = h.get(qn)!.parentId!;
    staff = await userAt(ctx, "reporter", "21583");
    outsider = await userAt(ctx, "reporter", "25270");
    provincial = await userAt(ctx, "reviewer", h.get(province)!.code);
  });

  const ttnd = () => ({ unitId: qn, kind: "ttnd", name: "Ban Thanh tra nhân dân phường Quy Nhơn", termStart: "2025-07-15", termEnd: "2027-12-31", communities: 5 });

  test("DCCS_D36_K2: a TTND without the end of its term is refused; another commune's staff are OUT_OF_SCOPE; a second TTND for the same term is refused", async () => {
    await assert.rejects(createBoard(ctx, staff, { ...ttnd(), termEnd: null }), (e) => code(e) === "OVERSIGHT_TERM_REQUIRED");
    await assert.rejects(createBoard(ctx, outsider, ttnd()), (e) => code(e) === "OUT_OF_SCOPE");
    await assert.rejects(createBoard(ctx, await userAt(ctx, "admin", (await hierarchyOf(ctx)).get(province)!.code), { ...ttnd(), unitId: province }), (e) => code(e) === "OVERSIGHT_NOT_COMMUNE");
    assert.equal((await listBoards(ctx, staff, qn)).length, 0);
    await createBoard(ctx, staff, ttnd());
    await assert.rejects(createBoard(ctx, staff, { ...ttnd(), termStart: "2026-01-01" }), (e) => code(e) === "OVERSIGHT_TTND_EXISTS");
    assert.equal(await audits("oversight.board"), 1);
  });

  test("DCCS_D37: a commune official is refused and nothing is written; members fill the board; one leaving with a year left needs a by-election (Điều 36 khoản 2)", async () => {
    const [board] = await listBoards(ctx, staff, qn);
    await assert.rejects(addMember(ctx, staff, board!.id, { name: "Công Chức Xã", role: "thanh_vien", startedOn: "2025-07-20", conflicts: ["can_bo_cong_chuc_xa"] }),
      (e) => code(e) === "OVERSIGHT_MEMBER_NOT_ELIGIBLE" && /Điều 37/.test((e as Error).message));
    await assert.rejects(addMember(ctx, outsider, board!.id, { name: "X", role: "thanh_vien", startedOn: "2025-07-20" }), (e) => code(e) === "OUT_OF_SCOPE");
    assert.equal((await listBoards(ctx, staff, qn))[0]!.members.length, 0);
    const names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];
    const ids: number[] = [];
    for (const [i, name] of names.entries()) {
      ids.push((await addMember(ctx, staff, board!.id, { name, role: i === 0 ? "truong_ban" : i === 1 ? "pho_truong_ban" : "thanh_vien", community: `Tổ ${i + 1}`, startedOn: "2025-07-20" })).id);
    }
    assert.deepEqual((await listBoards(ctx, staff, qn))[0]!.issues, []);
    const left = await endMember(ctx, staff, ids[4]!, { endedOn: "2026-06-01", reason: "Chuyển nơi ở" });
    assert.equal(left.byElection, true);
    const issues = (await listBoards(ctx, staff, qn))[0]!.issues.map((i) => i.code);
    assert.ok(issues.includes("DCCS_D36_K1_SO_THANH_VIEN"), issues.join());
    assert.equal(await audits("oversight.member"), 6);
  });

  test("supervisions count in oversight.count for the commune and its province; a province reads the commune's boards but cannot write them", async () => {
    const [board] = await listBoards(ctx, staff, qn);
    await addItem(ctx, staff, board!.id, { title: "Thu, chi quỹ phòng chống thiên tai 2026", planSentOn: "2026-02-20", startedOn: "2026-03-02" });
    await addItem(ctx, staff, board!.id, { title: "Giải quyết kiến nghị về chiếu sáng tổ 3", planSentOn: "2026-05-04", startedOn: "2026-05-08" });
    const items = (await listBoards(ctx, provincial, qn))[0]!.items;
    assert.equal(items.length, 2);
    assert.equal(items.find((i) => i.startedOn === "2026-05-08")!.issue?.code, "ND59_D14_KE_HOACH", "plan sent 3 working days before");
    await assert.rejects(addItem(ctx, provincial, board!.id, { title: "X", startedOn: "2026-03-02" }), (e) => code(e) === "FORBIDDEN" || code(e) === "OUT_OF_SCOPE");
    const commune = await rollupValue(ctx, staff, { unitId: qn, indicator: "oversight.count", period: "2026", basis: "all" });
    assert.equal(commune.value, 2);
    const prov = await rollupValue(ctx, provincial, { unitId: province, indicator: "oversight.count", period: "2026Q1", basis: "all" });
    assert.equal(prov.value, 1);
  });

  test("GSĐTCĐ: a work needs its investor; DCCS_D42: the contractor is refused; its recommendation is due 15 days later, overdue after, answered with a version, published", async () => {
    const gs = await createBoard(ctx, staff, { unitId: qn, kind: "gsdtcd", name: "Ban GSĐTCĐ đường bê tông tổ 3", termStart: "2026-03-01" });
    await assert.rejects(addMember(ctx, staff, gs.id, { name: "Nhà Thầu", role: "thanh_vien", startedOn: "2026-03-01", conflicts: ["tu_van_nha_thau"] }), (e) => code(e) === "OVERSIGHT_MEMBER_NOT_ELIGIBLE");
    await assert.rejects(addItem(ctx, staff, gs.id, { title: "Đường bê tông tổ 3", startedOn: "2026-03-05" }), (e) => code(e) === "VALIDATION");
    const work = await addItem(ctx, staff, gs.id, { title: "Đường bê tông tổ 3", owner: "UBND phường Quy Nhơn", budgetVnd: 850_000_000, location: "Tổ 3", startedOn: "2026-03-05" });
    const f = await createFinding(ctx, staff, gs.id, { itemId: work.id, finding: "Mặt đường mỏng hơn thiết kế ở đoạn cuối", recommendation: "Đề nghị chủ đầu tư kiểm tra độ dày mặt đường", authority: "UBND phường Quy Nhơn", sentOn: "2026-11-01" });
    assert.equal(f.dueOn, "2026-11-16");
    assert.equal(f.status, "overdue");
    const overdueP = await overdueFindings(ctx, provincial, province);
    assert.deepEqual(overdueP.map((o) => o.id), [f.id]);
    assert.equal(overdueP[0]!.daysOverdue, 9);
    assert.deepEqual(await overdueFindings(ctx, outsider, undefined), [], "another province's staff see none of it");
    await assert.rejects(recordAnswer(ctx, staff, f.id, { answer: "Đã yêu cầu nhà thầu khắc phục", answeredOn: "2026-11-20", version: f.version + 5 }), (e) => code(e) === "CONFLICT");
    const a = await recordAnswer(ctx, staff, f.id, { answer: "Đã yêu cầu nhà thầu khắc phục", answeredOn: "2026-11-20", answeredBy: "Chủ tịch UBND phường", version: f.version });
    assert.equal(a.status, "answered_late");
    assert.deepEqual(await overdueFindings(ctx, provincial, province), []);
    assert.deepEqual(await publicFindings(ctx, qn), [], "not public until published");
    await setPublished(ctx, staff, f.id, { published: true, version: a.version });
    const html = boardsSection(await boardsOf(ctx, qn, TODAY), await publicFindings(ctx, qn), TODAY);
    assert.match(html, /Nguyễn Văn An — Trưởng ban/);
    assert.doesNotMatch(html, /Hoàng Văn Em/, "a member who left is not listed");
    assert.match(html, /Đã yêu cầu nhà thầu khắc phục/);
    assert.match(html, /850 triệu đồng/);
    assert.equal((await listFindings(ctx, staff, qn)).length, 1);
    assert.equal(await audits("oversight.finding"), 3);
  });

  test("a board is dissolved with its version; a stale version is a CONFLICT and changes nothing", async () => {
    const gs = (await listBoards(ctx, staff, qn)).find((b) => b.kind === "gsdtcd")!;
    await assert.rejects(updateBoard(ctx, staff, gs.id, { dissolvedOn: "2026-11-20", version: gs.version - 1 }), (e) => code(e) === "CONFLICT");
    const done = await updateBoard(ctx, staff, gs.id, { dissolvedOn: "2026-11-20", version: gs.version });
    assert.equal(done.dissolvedOn, "2026-11-20");
    assert.equal(await audits("oversight.board.update"), 1);
  });

  test("messages give days as dd/mm/yyyy (the codes and the details keep ISO): term dates, members, items, recommendations and answers", async () => {
    const refused = async (p: Promise<unknown>, wanted: string, text: RegExp) => {
      await assert.rejects(p, (e) => {
        const err = e as Error & { details?: Record<string, unknown> };
        assert.equal(code(e), wanted);
        assert.match(err.message, text);
        assert.doesNotMatch(err.message, /\d{4}-\d{2}-\d{2}/, `no ISO day in "${err.message}"`);
        return true;
      });
    };
    await refused(createBoard(ctx, staff, { ...ttnd(), kind: "gsdtcd", name: "Ban GS", termStart: "2026-05-10", termEnd: "2026-03-01" }), "REGISTER_DATE_ORDER", /\(01\/03\/2026\) phải sau ngày bắt đầu \(10\/05\/2026\)/);
    const [ttndBoard] = (await listBoards(ctx, staff, qn)).filter((b) => b.kind === "ttnd");
    await refused(addMember(ctx, staff, ttndBoard!.id, { name: "Võ Văn Phúc", role: "thanh_vien", startedOn: "2028-02-01" }), "OVERSIGHT_OUTSIDE_TERM", /Ngày bắt đầu \(01\/02\/2028\) nằm ngoài nhiệm kỳ của Ban \(15\/07\/2025 → 31\/12\/2027\)/);
    await refused(addItem(ctx, staff, ttndBoard!.id, { title: "Thu chi quỹ", startedOn: "2026-03-10", endedOn: "2026-03-02" }), "REGISTER_DATE_ORDER", /Ngày kết thúc \(02\/03\/2026\) không thể trước ngày bắt đầu \(10\/03\/2026\)/);
    const gone = ttndBoard!.members.find((m) => m.endedOn !== null)!;
    await refused(endMember(ctx, staff, gone.id, { endedOn: "2026-07-01", reason: "Lần nữa" }), "OVERSIGHT_MEMBER_ENDED", /Thành viên đã thôi từ 01\/06\/2026\./);
    await refused(updateBoard(ctx, staff, ttndBoard!.id, { dissolvedOn: "2025-07-01", version: ttndBoard!.version }), "REGISTER_DATE_ORDER", /Ngày giải thể \(01\/07\/2025\) không thể trước ngày thành lập \(15\/07\/2025\)/);
    const base = { finding: "F", recommendation: "R", authority: "UBND phường Quy Nhơn" };
    await refused(createFinding(ctx, staff, ttndBoard!.id, { ...base, sentOn: "2026-12-01" }), "REGISTER_FUTURE_DATE", /Ngày gửi kiến nghị \(01\/12\/2026\) không thể sau ngày hôm nay \(25\/11\/2026\)/);
    await refused(createFinding(ctx, staff, ttndBoard!.id, { ...base, sentOn: "2026-11-10", dueOn: "2026-11-05" }), "REGISTER_DATE_ORDER", /Hạn trả lời \(05\/11\/2026\) không thể trước ngày gửi \(10\/11\/2026\)/);
    const f = (await listFindings(ctx, staff, qn))[0]!;
    await refused(recordAnswer(ctx, staff, f.id, { answer: "A", answeredOn: "2026-10-01", version: f.version }), "REGISTER_DATE_ORDER", /Ngày trả lời \(01\/10\/2026\) không thể trước ngày gửi kiến nghị \(01\/11\/2026\)/);
    await refused(recordAnswer(ctx, staff, f.id, { answer: "A", answeredOn: "2026-11-30", version: f.version }), "REGISTER_FUTURE_DATE", /\(30\/11\/2026\) không thể sau ngày hôm nay \(25\/11\/2026\)/);
  });
});
