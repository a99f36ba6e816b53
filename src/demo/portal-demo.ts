/**
 * Demo data of the public portal (issue 15) for phường Quy Nhơn: an approved quarter so the public
 * page has results, public notices of the law's categories (one still inside its 30-day minimum),
 * one open decision of a residential group (households vote with codes), and a deadline for
 * kiến nghị / phản ánh so feedback from the portal carries one in the staff list.
 */
import { SYSTEM } from "../accounts/actor.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { transition } from "../submissions/submission.service.ts";
import { updateRegisterSettings, getRegisterSettingsVersioned } from "../registers/settings.ts";
import { createNotice } from "../portal/notice.service.ts";
import { createConsultation, issueCodes } from "../portal/consultation.service.ts";
import { addCalendarDaysPlain } from "../portal/dates.ts";
import { answerFeedback, submitFeedback } from "../portal/feedback.service.ts";
import { publishNews } from "../portal/public.service.ts";

export const PORTAL_DEMO_UNIT = "21583";
/** The demo's resident who sent feedback (never on a public page). */
export const DEMO_FEEDBACK_PERSON = { name: "Võ Thị Minh Thư", phone: "0905 111 222" };
export const DEMO_CONSULTATION_QUESTION = "Mức đóng góp bê tông hóa hẻm 12 đường Nguyễn Huệ (mỗi hộ 500.000 đồng)";

export async function seedDemoPortal(ctx: Ctx, log: (s: string) => void): Promise<{ consultationId: number }> {
  const h = await hierarchyOf(ctx);
  const today = ctx.today();
  const qn = h.resolveCode(PORTAL_DEMO_UNIT, today);
  const ago = (n: number) => addCalendarDaysPlain(today, -n);
  // The public page shows approved figures only: Quy Nhơn's report of 2025Q4 is approved.
  await transition(ctx, SYSTEM, qn.id, "2025Q4", "submit").catch(() => undefined);
  await transition(ctx, SYSTEM, qn.id, "2025Q4", "approve").catch(() => undefined);
  // Its news article, written by the report writer from the approved figures, is published.
  const news = await publishNews(ctx, SYSTEM, { unitId: qn.id, period: "2025Q4" }).catch((e: unknown) => {
    log(`Không đăng được tin bài demo: ${(e as Error).message}`);
    return null;
  });
  const by = `Ủy ban nhân dân ${qn.fullName}`;
  const y = today.slice(0, 4);
  const notices = [
    { category: "ke_hoach", form: "website", postedOn: `${y}-01-15`, title: `Kế hoạch phát triển kinh tế - xã hội năm ${y} của phường`, body: "Các chỉ tiêu chủ yếu: thu ngân sách trên địa bàn, chỉnh trang đô thị, giảm nghèo, an sinh xã hội. Kết quả thực hiện được công khai hằng quý." },
    { category: "ngan_sach", form: "niem_yet", postedOn: ago(12), title: `Tình hình thực hiện dự toán ngân sách phường quý III năm ${y}`, body: "Tổng thu ngân sách phường, tổng chi, các khoản chi đầu tư phát triển và chi thường xuyên; thuyết minh tình hình thực hiện dự toán." },
    { category: "dau_tu_dat_dai", form: "niem_yet", postedOn: ago(45), title: "Phương án bồi thường, hỗ trợ mở rộng đường Trần Hưng Đạo (đoạn qua tổ dân phố 5)", body: "Danh sách thửa đất bị thu hồi một phần, đơn giá bồi thường theo bảng giá đất của tỉnh, thời gian tiếp nhận ý kiến của người có đất bị thu hồi." },
    { category: "dong_gop", form: "loa", postedOn: ago(2), title: "Vận động đóng góp Quỹ Vì người nghèo năm nay", body: "Mức vận động tự nguyện; kết quả thu, chi được công khai tại nhà văn hóa các tổ dân phố." },
  ] as const;
  for (const n of notices) await createNotice(ctx, SYSTEM, { unitId: qn.id, ...n, community: null, publishedBy: by });
  const c = await createConsultation(ctx, SYSTEM, {
    // A contribution to works (Điều 15 khoản 1): two thirds of the households must agree (Điều 21 khoản 1), and it is
    // not for online voting (Điều 17 khoản 2): ballot slips, entered by staff or with the household's code on the portal.
    unitId: qn.id, community: "Tổ dân phố 5", kind: "decide", matter: "dong_gop_cong_trinh", question: DEMO_CONSULTATION_QUESTION, form: "phieu",
    documents: "Dự toán: bê tông hóa 180 m hẻm 12, rộng 3 m; tổng kinh phí 60 triệu đồng, ngân sách phường hỗ trợ 40 triệu đồng, 40 hộ đóng góp 20 triệu đồng (500.000 đồng mỗi hộ; hộ nghèo, hộ cận nghèo được miễn).\nNhân dân bàn và quyết định theo Điều 15 Luật Thực hiện dân chủ ở cơ sở 2022.",
    opensOn: ago(3), closesOn: addCalendarDaysPlain(today, 10), households: 40,
  });
  const { codes } = await issueCodes(ctx, SYSTEM, c.id);
  // A deadline for kiến nghị / phản ánh (the law sets none here; an installation sets its own).
  const { version, ...s } = await getRegisterSettingsVersioned(ctx.db);
  await updateRegisterSettings(ctx, SYSTEM, { ...s, deadlines: { ...s.deadlines, otherAccept: { days: 10, unit: "working", basis: "Quy định của địa phương (demo): trả lời phản ánh, kiến nghị trong 10 ngày làm việc" } } }, version);
  // A resident's feedback sent through the portal, answered (its tracking code is in the log).
  const fb = await submitFeedback(ctx, {
    unitId: qn.id, kind: "phan_anh", topic: "Đèn chiếu sáng hẻm 12 Nguyễn Huệ bị hỏng", content: "Ba bóng đèn hẻm 12 hỏng hơn hai tuần, buổi tối rất tối, nguy hiểm cho người đi đường.",
    name: DEMO_FEEDBACK_PERSON.name, phone: DEMO_FEEDBACK_PERSON.phone, address: "Hẻm 12 Nguyễn Huệ, tổ dân phố 5", place: "Hẻm 12 Nguyễn Huệ, đoạn gần nhà văn hóa tổ dân phố 5", lat: 13.7701, lon: 109.2262,
  });
  const fid = (await ctx.db.selectFrom("portal_feedback").select("id").where("petition_id", "=", fb.petitionId).executeTakeFirstOrThrow()).id;
  await answerFeedback(ctx, SYSTEM, fid, { answer: "Công ty chiếu sáng đô thị đã thay 3 bóng đèn. Cảm ơn bạn đã phản ánh." });
  log(`Cổng công khai: /cong-khai/${PORTAL_DEMO_UNIT} (${notices.length} thông báo, ${news ? 1 : 0} tin bài, 1 cuộc bàn và quyết định; mã hộ demo: ${codes.slice(0, 3).map((x) => `${x.label} ${x.code}`).join(", ")}; mã theo dõi phản ánh demo: ${fb.trackingCode}).`);
  return { consultationId: c.id };
}
