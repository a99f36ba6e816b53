/**
 * Demo data of the residents' boards for phường Quy Nhơn: its Ban Thanh tra nhân dân (one member per
 * residential group shown, one who left), a supervised matter, a Ban Giám sát đầu tư của cộng đồng
 * for the hẻm 12 road of the portal demo, and recommendations — one answered and published, one
 * past its answer date (the staff page and the province see it as overdue).
 */
import { SYSTEM } from "../accounts/actor.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { addCalendarDaysPlain } from "../portal/dates.ts";
import { addItem, addMember, createBoard, endMember } from "../oversight/board.service.ts";
import { createFinding, recordAnswer } from "../oversight/finding.service.ts";
import { PORTAL_DEMO_UNIT } from "./portal-demo.ts";
import { figureSources } from "../plugins.ts";
import { oversightSource } from "../oversight/figures.ts";

/** The demo boards' head (public office: on the public page). */
export const DEMO_TTND_HEAD = "Đặng Văn Hùng";

export async function seedDemoOversight(ctx: Ctx, log: (s: string) => void): Promise<void> {
  // The boards' supervisions count in the totals even when the seed runs without the server's features.
  if (!figureSources.includes(oversightSource)) figureSources.push(oversightSource);
  const h = await hierarchyOf(ctx);
  const today = ctx.today();
  const qn = h.resolveCode(PORTAL_DEMO_UNIT, today);
  const ago = (n: number) => addCalendarDaysPlain(today, -n);
  const start = qn.validFrom && qn.validFrom > ago(400) ? addCalendarDaysPlain(qn.validFrom, 14) : ago(400);
  const ttnd = await createBoard(ctx, SYSTEM, {
    unitId: qn.id, kind: "ttnd", name: `Ban Thanh tra nhân dân ${qn.fullName}`, termStart: start, termEnd: addCalendarDaysPlain(start, 5 * 365), communities: 6,
    decision: "Nghị quyết công nhận của Ủy ban MTTQ phường",
  });
  const people: Array<[string, "truong_ban" | "pho_truong_ban" | "thanh_vien", string]> = [
    [DEMO_TTND_HEAD, "truong_ban", "Tổ dân phố 1"], ["Nguyễn Thị Lan", "pho_truong_ban", "Tổ dân phố 2"], ["Trần Quốc Bảo", "thanh_vien", "Tổ dân phố 3"],
    ["Lê Thị Hoa", "thanh_vien", "Tổ dân phố 4"], ["Phan Văn Tài", "thanh_vien", "Tổ dân phố 5"], ["Huỳnh Minh Sơn", "thanh_vien", "Tổ dân phố 6"],
  ];
  const ids: number[] = [];
  for (const [name, role, community] of people) ids.push((await addMember(ctx, SYSTEM, ttnd.id, { name, role, community, startedOn: start })).id);
  // Tổ 6's member moved away: the board now lacks a member there (a by-election is due).
  await endMember(ctx, SYSTEM, ids[5]!, { endedOn: ago(20), reason: "Chuyển nơi cư trú" });
  const matter = await addItem(ctx, SYSTEM, ttnd.id, { title: "Thu, chi Quỹ Vì người nghèo và việc xét hộ nghèo năm nay", planSentOn: ago(70), startedOn: ago(60), endedOn: ago(45) });
  const f1 = await createFinding(ctx, SYSTEM, ttnd.id, {
    itemId: matter.id, finding: "Danh sách hộ cận nghèo tổ dân phố 3 chưa được niêm yết trước khi xét.", recommendation: "Đề nghị UBND phường niêm yết lại danh sách và tổ chức xét lại tại tổ dân phố 3.",
    authority: "Chủ tịch UBND phường", sentOn: ago(44), published: true,
  });
  await recordAnswer(ctx, SYSTEM, f1.id, { answer: "UBND phường đã niêm yết lại danh sách từ ngày 20 và tổ chức xét lại; kết quả không thay đổi số hộ.", answeredOn: ago(33), answeredBy: "Chủ tịch UBND phường", version: f1.version });
  const gs = await createBoard(ctx, SYSTEM, { unitId: qn.id, kind: "gsdtcd", name: "Ban Giám sát đầu tư của cộng đồng công trình bê tông hóa hẻm 12 Nguyễn Huệ", termStart: ago(30) });
  const gsPeople: Array<[string, "truong_ban" | "pho_truong_ban" | "thanh_vien", "mttq" | "ttnd" | "nguoi_dan"]> = [
    ["Võ Văn Thành", "truong_ban", "mttq"], ["Nguyễn Thị Lan", "pho_truong_ban", "ttnd"], ["Đỗ Văn Phúc", "thanh_vien", "nguoi_dan"], ["Trương Thị Mai", "thanh_vien", "nguoi_dan"], ["Lý Văn Kha", "thanh_vien", "nguoi_dan"],
  ];
  for (const [name, role, represents] of gsPeople) await addMember(ctx, SYSTEM, gs.id, { name, role, represents, community: represents === "nguoi_dan" ? "Tổ dân phố 5" : null, startedOn: ago(30) });
  const work = await addItem(ctx, SYSTEM, gs.id, { title: "Bê tông hóa hẻm 12 đường Nguyễn Huệ (180 m)", owner: "UBND phường Quy Nhơn", budgetVnd: 60_000_000, location: "Tổ dân phố 5", startedOn: ago(25) });
  await createFinding(ctx, SYSTEM, gs.id, {
    itemId: work.id, finding: "Đoạn cuối hẻm đổ bê tông dày khoảng 12 cm, thiết kế 15 cm.", recommendation: "Đề nghị chủ đầu tư kiểm tra độ dày mặt đường đoạn cuối hẻm và yêu cầu nhà thầu khắc phục.",
    authority: "UBND phường Quy Nhơn (chủ đầu tư)", sentOn: ago(24),
  });
  log(`Giám sát của Nhân dân: Ban Thanh tra nhân dân và 1 Ban Giám sát đầu tư của cộng đồng ở ${qn.fullName}; 1 kiến nghị đã trả lời và công khai, 1 kiến nghị quá hạn trả lời.`);
}
