/**
 * Demo records for the registers (`npm start`): petitions in every type and state, citizen
 * reception and dialogues, mediation teams and cases, campaigns and oversight, Dân vận khéo models,
 * commendations — at phường Quy Nhơn, four other new communes of Gia Lai and the province itself.
 * Everything goes through the register services as the SYSTEM actor, so deadlines, search keys and
 * the audit log are exactly what a user's entries would give. Dates count back from today, never
 * before 1 July 2025 (the new units' first day) and never after today. Names are fictional.
 */
import { SYSTEM } from "../accounts/actor.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { REFORM_FIRST_NEW_DAY } from "../units/admin-import.ts";
import { actOnPetition, createPetition, type PetitionActionInput } from "../registers/petition.service.ts";
import { advanceDvk, createRecord, dvkCriteriaFor } from "../registers/record.service.ts";
import type { PetitionAction, PetitionType } from "../registers/petition-rules.ts";
import type { RegisterKey } from "../registers/records.ts";
import { addDays } from "../registers/calendar.ts";
import { calendarOf, getRegisterSettings } from "../registers/settings.ts";
import { rng } from "./rng.ts";

/** Phường Quy Nhơn (the quynhon demo account's unit) and the province, as of 2026-01-01. */
const QUY_NHON = "21583";
const PROVINCE = "52";
const FIRST = REFORM_FIRST_NEW_DAY;

/** Where a record is kept: Quy Nhơn, one of the four other communes, or the province. */
type Place = "qn" | "c0" | "c1" | "c2" | "c3" | "tinh";

type Step = [PetitionAction, number, Omit<PetitionActionInput, "action" | "date">?];
interface PetitionPlan {
  at: Place;
  type: PetitionType;
  /** Days before today the petition was received. */
  ago: number;
  content: string;
  complexity?: "normal" | "complex" | "especially_complex";
  remote?: boolean;
  /** A group petition: "… và N hộ dân". */
  households?: number;
  secondTime?: boolean;
  /** Actions, each with its day counted from receipt. */
  steps: Step[];
}

const decide = (summary: string): Omit<PetitionActionInput, "action" | "date"> => ({ summary });

/**
 * The petitions. Relative to today: some open past their deadline (Quá hạn), some due within days,
 * one withdrawn, one not accepted with a reason, transfers, a complex tố cáo with an extension.
 */
const PETITIONS: PetitionPlan[] = [
  // Khiếu nại: 10 days to accept, 30 (45 complex / second time) to resolve.
  { at: "qn", type: "khieu_nai", ago: 210, content: "Khiếu nại Quyết định thu hồi đất của UBND phường đối với thửa đất số 112, tờ bản đồ số 7 để thực hiện dự án mở rộng đường nội thị; cho rằng diện tích thu hồi lớn hơn diện tích đo đạc thực tế.",
    steps: [["classify", 2], ["accept", 6], ["verify", 12], ["dialogue", 22], ["decide", 31, decide("Công nhận một phần nội dung khiếu nại; giao Phòng Kinh tế, Hạ tầng và Đô thị đo đạc lại ranh giới thửa đất và điều chỉnh diện tích thu hồi.")], ["enforce", 45], ["archive", 60]] },
  { at: "qn", type: "khieu_nai", ago: 125, content: "Khiếu nại việc áp giá bồi thường, hỗ trợ về đất ở khi giải phóng mặt bằng dự án kè chắn sóng; đề nghị áp giá đất ở thay cho giá đất trồng cây lâu năm.", households: 6,
    steps: [["classify", 1], ["accept", 5], ["verify", 10], ["dialogue", 19], ["decide", 28, decide("Giữ nguyên phương án bồi thường đã phê duyệt; giải thích cho các hộ về căn cứ xác định loại đất theo hồ sơ địa chính.")]] },
  { at: "qn", type: "khieu_nai", ago: 75, content: "Khiếu nại việc UBND phường không cấp giấy phép sửa chữa nhà ở tại tổ 9 với lý do nằm trong quy hoạch hành lang an toàn giao thông.",
    steps: [["classify", 2], ["accept", 7], ["verify", 15]] },
  { at: "qn", type: "khieu_nai", ago: 25, content: "Khiếu nại việc xử phạt vi phạm hành chính về trật tự xây dựng do cho rằng công trình đã được xây dựng trước thời điểm có quy hoạch.", steps: [] },
  { at: "qn", type: "khieu_nai", ago: 6, content: "Khiếu nại việc tổ chức kiểm đếm tài sản, vật kiến trúc trên đất không có mặt chủ hộ khi lập biên bản.", steps: [["classify", 1]] },
  { at: "qn", type: "khieu_nai", ago: 3, content: "Khiếu nại việc chậm chi trả tiền hỗ trợ tái định cư theo phương án đã được phê duyệt.", steps: [] },
  { at: "qn", type: "khieu_nai", ago: 33, content: "Khiếu nại việc xác định ranh giới thửa đất giáp ranh khi cấp đổi giấy chứng nhận quyền sử dụng đất cho hộ liền kề.",
    steps: [["classify", 1], ["accept", 5], ["verify", 12]] },
  { at: "qn", type: "khieu_nai", ago: 150, content: "Khiếu nại kết quả giải quyết tranh chấp lối đi chung của hai gia đình tại tổ 2 đã được Tòa án giải quyết bằng bản án có hiệu lực.",
    steps: [["classify", 2], ["reject", 8, { reason: "Nội dung khiếu nại đã được giải quyết bằng bản án có hiệu lực pháp luật của Tòa án nên không thuộc trường hợp được thụ lý (Luật Khiếu nại 2011 Điều 11)." }], ["archive", 12]] },
  { at: "qn", type: "khieu_nai", ago: 92, content: "Khiếu nại việc không được xét hỗ trợ chuyển đổi nghề nghiệp khi bị thu hồi đất nông nghiệp.",
    steps: [["classify", 1], ["accept", 4], ["withdraw", 15]] },
  { at: "c0", type: "khieu_nai", ago: 45, content: "Khiếu nại việc thu tiền đóng góp xây dựng đường bê tông thôn cao hơn mức Nhân dân đã bàn và quyết định tại hội nghị thôn.", households: 11, steps: [] },
  { at: "c1", type: "khieu_nai", ago: 40, content: "Khiếu nại việc giao khoán đất rừng sản xuất cho hộ khác trên diện tích gia đình đã canh tác nhiều năm.", complexity: "complex", remote: true,
    steps: [["classify", 2], ["accept", 6], ["verify", 14]] },
  { at: "c2", type: "khieu_nai", ago: 18, content: "Khiếu nại việc không xác nhận hộ cận nghèo năm 2026 cho gia đình.", steps: [["classify", 2]] },
  { at: "tinh", type: "khieu_nai", ago: 30, secondTime: true, content: "Khiếu nại lần hai đối với Quyết định giải quyết khiếu nại của Chủ tịch UBND xã về bồi thường cây trồng trên đất bị thu hồi làm hồ chứa nước.",
    steps: [["classify", 1], ["accept", 4], ["verify", 10], ["dialogue", 20]] },
  { at: "tinh", type: "khieu_nai", ago: 170, secondTime: true, content: "Khiếu nại lần hai về việc bố trí tái định cư không đúng vị trí đã công khai trong phương án bồi thường.",
    steps: [["classify", 2], ["accept", 6], ["verify", 12], ["dialogue", 30], ["decide", 48, decide("Công nhận nội dung khiếu nại; yêu cầu UBND phường bố trí lô tái định cư đúng vị trí đã công khai.")], ["enforce", 70]] },
  // Tố cáo: 7 working days to accept, 5 to notify, 30 days to resolve (+30 per extension).
  { at: "qn", type: "to_cao", ago: 50, complexity: "complex", content: "Tố cáo cán bộ địa chính phường có dấu hiệu nhận tiền để xác nhận nguồn gốc đất không đúng thực tế cho một số hộ.",
    steps: [["classify", 2], ["accept", 6], ["notify", 8], ["verify", 12], ["extend", 34, { decisionNo: "215/QĐ-UBND" }]] },
  { at: "qn", type: "to_cao", ago: 185, content: "Tố cáo Trưởng khu phố 5 sử dụng tiền quỹ vận động Nhân dân đóng góp sửa chữa nhà văn hóa không công khai, minh bạch.",
    steps: [["classify", 1], ["accept", 5], ["notify", 7], ["verify", 10], ["decide", 29, decide("Tố cáo đúng một phần: khu phố chưa công khai thu chi theo quy định; yêu cầu công khai và kiểm điểm trách nhiệm Trưởng khu phố.")], ["enforce", 40], ["archive", 46]] },
  { at: "qn", type: "to_cao", ago: 20, content: "Tố cáo chủ cơ sở chế biến hải sản xả nước thải chưa qua xử lý ra mương thoát nước chung vào ban đêm.",
    steps: [["classify", 1], ["accept", 4]] },
  { at: "qn", type: "to_cao", ago: 2, content: "Tố cáo việc san lấp mặt bằng trái phép trên đất nông nghiệp ven đầm.", steps: [] },
  { at: "c0", type: "to_cao", ago: 100, content: "Tố cáo hành vi khai thác cát trái phép trên sông, gây sạt lở bờ sông đoạn qua thôn.",
    steps: [["transfer", 3, { to: "Công an tỉnh Gia Lai (Phòng Cảnh sát môi trường) — theo thẩm quyền" }], ["archive", 10]] },
  { at: "c3", type: "to_cao", ago: 65, content: "Tố cáo cán bộ thôn thu tiền xác nhận hồ sơ vay vốn chính sách xã hội.",
    steps: [["classify", 2], ["accept", 5], ["notify", 7], ["verify", 12]] },
  { at: "tinh", type: "to_cao", ago: 130, content: "Tố cáo Chủ tịch UBND xã chỉ đạo ký xác nhận nguồn gốc đất sai quy định cho người thân.",
    steps: [["classify", 2], ["accept", 6], ["notify", 9], ["verify", 14], ["decide", 35, decide("Tố cáo không đúng; nguồn gốc đất đã được xác nhận theo hồ sơ địa chính và ý kiến khu dân cư.")]] },
  // Kiến nghị, phản ánh: no statutory period by default.
  { at: "qn", type: "kien_nghi", ago: 10, content: "Kiến nghị lắp đặt đèn chiếu sáng và gờ giảm tốc tại ngã ba đường vào trường tiểu học.", households: 23, steps: [] },
  { at: "qn", type: "kien_nghi", ago: 82, content: "Kiến nghị nạo vét mương thoát nước tổ 6, khu phố 3 để chống ngập úng mùa mưa.",
    steps: [["classify", 1], ["accept", 3], ["decide", 20, decide("Đã đưa vào kế hoạch duy tu năm 2026; nạo vét xong trước mùa mưa bão.")]] },
  { at: "qn", type: "kien_nghi", ago: 35, content: "Kiến nghị công khai tiến độ và kinh phí dự án nâng cấp chợ khu vực.",
    steps: [["classify", 1], ["accept", 4], ["verify", 9]] },
  { at: "qn", type: "kien_nghi", ago: 140, content: "Kiến nghị giải quyết việc đăng ký thường trú cho các hộ tái định cư (trùng nội dung đơn đã được trả lời).",
    steps: [["classify", 2], ["reject", 5, { reason: "Đơn trùng nội dung đã được UBND phường trả lời bằng văn bản; không có tình tiết mới." }]] },
  { at: "c1", type: "kien_nghi", ago: 45, content: "Kiến nghị sửa chữa cầu tràn bị hư hỏng sau mưa lũ, ảnh hưởng việc đi lại của học sinh.",
    steps: [["classify", 1], ["transfer", 4, { to: "Sở Xây dựng tỉnh Gia Lai — theo thẩm quyền quản lý" }]] },
  { at: "c2", type: "kien_nghi", ago: 215, content: "Kiến nghị hỗ trợ giống cây trồng cho các hộ bị thiệt hại do hạn hán.",
    steps: [["classify", 1], ["accept", 3], ["decide", 25, decide("Đã hỗ trợ giống cho 37 hộ theo chính sách của tỉnh.")], ["archive", 40]] },
  { at: "tinh", type: "kien_nghi", ago: 95, content: "Kiến nghị điều chỉnh tuyến xe buýt nội tỉnh đi qua trung tâm các xã mới sau sắp xếp.",
    steps: [["classify", 2], ["accept", 5], ["decide", 40, decide("Giao Sở Xây dựng nghiên cứu điều chỉnh lộ trình từ quý I/2027.")]] },
  { at: "qn", type: "phan_anh", ago: 1, content: "Phản ánh tình trạng tập kết rác thải sinh hoạt không đúng giờ tại đầu hẻm, gây mùi hôi.", steps: [] },
  { at: "qn", type: "phan_anh", ago: 12, content: "Phản ánh tiếng ồn từ quán karaoke hoạt động quá 22 giờ tại khu phố 4.", households: 8, steps: [["classify", 1]] },
  { at: "qn", type: "phan_anh", ago: 60, content: "Phản ánh khói bụi từ cơ sở sản xuất gạch không nung gây ô nhiễm môi trường khu dân cư.", households: 15,
    steps: [["classify", 1], ["accept", 3], ["verify", 7], ["decide", 24, decide("Đã kiểm tra, lập biên bản; yêu cầu cơ sở lắp đặt hệ thống lọc bụi, tái kiểm tra sau 30 ngày.")]] },
  { at: "qn", type: "phan_anh", ago: 20, content: "Phản ánh việc lấn chiếm vỉa hè để kinh doanh trên tuyến đường ven biển.",
    steps: [["classify", 1], ["accept", 2], ["verify", 6]] },
  { at: "c0", type: "phan_anh", ago: 55, content: "Phản ánh đường liên thôn xuống cấp, nhiều ổ gà sau mùa mưa.",
    steps: [["classify", 1], ["transfer", 3, { to: "Ban Quản lý dự án đầu tư xây dựng khu vực — đơn vị quản lý tuyến đường" }]] },
  { at: "c3", type: "phan_anh", ago: 300, content: "Phản ánh trại chăn nuôi heo xả chất thải ra suối, gây ô nhiễm nguồn nước sinh hoạt.", households: 30,
    steps: [["classify", 1], ["accept", 4], ["verify", 10], ["decide", 30, decide("Đã xử phạt, buộc chủ trại xây hầm biogas và hồ lắng; nguồn nước đã được kiểm tra đạt chuẩn.")], ["archive", 50]] },
  { at: "tinh", type: "phan_anh", ago: 4, content: "Phản ánh chậm trả kết quả thủ tục chuyển mục đích sử dụng đất tại Trung tâm phục vụ hành chính công.", steps: [] },
];

const SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Đinh", "Trương"];
const LETTERS = ["A", "B", "C", "D", "Đ", "E", "G", "H", "K", "L", "M", "N", "P", "Q", "S", "T", "V", "X", "Y"];

/** Reception matters: what was raised, what the leader concluded, and the follow-up. */
const MATTERS = [
  { content: "Đề nghị làm rõ diện tích đất bị thu hồi khi mở rộng đường nội thị.", conclusion: "Giao Phòng Kinh tế, Hạ tầng và Đô thị đo đạc lại, trả lời trong 15 ngày.", followUp: "Đã đo đạc lại, diện tích đúng như phương án; đã trả lời công dân." },
  { content: "Phản ánh nước thải từ cơ sở chế biến hải sản chảy ra mương chung.", conclusion: "Giao Phòng Kinh tế kiểm tra, xử lý theo quy định.", followUp: "Đã lập biên bản, yêu cầu cơ sở khắc phục." },
  { content: "Đề nghị hỗ trợ tiền thuê nhà trong thời gian chờ bố trí tái định cư.", conclusion: "Xem xét theo chính sách bồi thường, hỗ trợ của tỉnh.", followUp: "Đã chi trả hỗ trợ tiền thuê nhà 6 tháng." },
  { content: "Tranh chấp ranh giới đất giữa hai hộ liền kề ở tổ 3.", conclusion: "Giao Tổ hòa giải khu phố hòa giải trước khi giải quyết theo thẩm quyền.", followUp: "Tổ hòa giải đã hòa giải thành." },
  { content: "Đề nghị công khai mức đóng góp làm đường bê tông hẻm.", conclusion: "Khu phố tổ chức họp dân để Nhân dân bàn và quyết định mức đóng góp.", followUp: "Đã họp dân, thống nhất mức đóng góp và công khai tại nhà văn hóa." },
  { content: "Kiến nghị bố trí điểm trông giữ trẻ cho con công nhân.", conclusion: "Giao Phòng Văn hóa – Xã hội khảo sát nhu cầu.", followUp: null },
  { content: "Phản ánh chậm cấp giấy chứng nhận quyền sử dụng đất sau khi nộp hồ sơ.", conclusion: "Giao bộ phận một cửa kiểm tra tiến độ, trả lời công dân.", followUp: "Hồ sơ đã được chuyển Văn phòng đăng ký đất đai." },
  { content: "Đề nghị sửa chữa hệ thống đèn chiếu sáng đường ven biển.", conclusion: "Đưa vào kế hoạch duy tu, sửa chữa trong quý.", followUp: null },
  { content: "Phản ánh tình trạng lấn chiếm vỉa hè, lòng đường.", conclusion: "Giao Công an phường phối hợp khu phố ra quân lập lại trật tự.", followUp: "Đã ra quân 3 đợt, vỉa hè thông thoáng." },
  { content: "Đề nghị xét hỗ trợ nhà ở cho hộ nghèo có nhà dột nát.", conclusion: "Mặt trận phối hợp các đoàn thể vận động nguồn lực hỗ trợ.", followUp: null },
] as const;

const MEDIATION_MATTERS = [
  { matter: "Tranh chấp ranh giới đất ở giữa hai hộ liền kề do xây tường rào lấn sang 0,4 m.", agreement: "Hai bên thống nhất dời tường rào về đúng mốc giới theo bản đồ địa chính." },
  { matter: "Mâu thuẫn về lối đi chung vào hẻm giữa các hộ gia đình.", agreement: "Các hộ thống nhất để lối đi chung rộng 2 m, cùng góp tiền bê tông hóa." },
  { matter: "Nước thải chăn nuôi chảy sang vườn nhà hàng xóm.", agreement: "Hộ chăn nuôi cam kết xây hầm biogas và rãnh thoát nước trong 30 ngày." },
  { matter: "Tiếng ồn từ hát karaoke ban đêm ảnh hưởng hàng xóm.", agreement: "Gia đình cam kết không hát sau 22 giờ." },
  { matter: "Tranh chấp chia di sản thừa kế là nhà đất của cha mẹ để lại.", agreement: "Các anh chị em thống nhất phân chia theo di nguyện, lập văn bản thỏa thuận." },
  { matter: "Cây cối trồng sát ranh giới, cành lấn sang mái nhà hộ bên cạnh.", agreement: "Chủ cây cắt tỉa cành lấn sang và chịu chi phí sửa mái tôn bị hư." },
  { matter: "Mâu thuẫn vợ chồng do chồng uống rượu, gây gổ trong gia đình.", agreement: "Người chồng cam kết bỏ rượu, không bạo lực; tổ hòa giải theo dõi." },
  { matter: "Tranh chấp tiền vay mượn 30 triệu đồng giữa hai người quen.", agreement: null },
  { matter: "Xây dựng nhà làm nứt tường nhà liền kề.", agreement: "Chủ công trình hỗ trợ sửa chữa vết nứt và gia cố móng." },
] as const;

/** Loads the demo register records; returns how many petitions and other records were made. */
export async function seedDemoRegisters(ctx: Ctx, log: (s: string) => void): Promise<{ petitions: number; records: number }> {
  const t0 = Date.now();
  const today = ctx.today();
  // Every record must be dated in the new structure and not in the future.
  if (today < FIRST) return { petitions: 0, records: 0 };
  const h = await hierarchyOf(ctx);
  const cal = calendarOf(await getRegisterSettings(ctx.db));
  const r = rng(2026);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

  // Four other new communes of the province, in force since the first day of the new structure.
  const province = h.resolveCode(PROVINCE, today);
  const pool = h.childrenOf(province.id, today).filter((u) => u.code !== QUY_NHON && h.isValidAt(u.id, FIRST));
  const others: string[] = [];
  while (others.length < 4 && others.length < pool.length) {
    const c = pick(pool).code;
    if (!others.includes(c)) others.push(c);
  }
  const codeOf = (p: Place): string => (p === "qn" ? QUY_NHON : p === "tinh" ? PROVINCE : others[Number(p.slice(1))] ?? QUY_NHON);
  /** The unit in force on the date (throws when it is not). */
  const unit = (p: Place, date: string) => h.resolveCode(codeOf(p), date);

  /** `ago` days before today, never before the new units' first day. */
  const day = (ago: number) => {
    const d = addDays(today, -ago);
    return d < FIRST ? FIRST : d;
  };
  /** The working day on or before `d`, but not before `floor` (then `floor` itself). */
  const workday = (d: string, floor = FIRST) => {
    let x = d;
    while (!cal.isWorkingDay(x) && x > floor) x = addDays(x, -1);
    return x < floor ? floor : x;
  };
  const later = (d: string, days: number) => {
    const x = addDays(d, days);
    return x > today ? today : x;
  };

  const person = (woman = r() < 0.45) => `${pick(SURNAMES)} ${woman ? "Thị" : "Văn"} ${pick(LETTERS)}`;
  const titled = (woman = r() < 0.45) => `${woman ? "Bà" : "Ông"} ${person(woman)}`;
  const address = (p: Place, date: string) => {
    const u = p === "tinh" ? unit(pick(["qn", "c0", "c1", "c2", "c3"] as const), date) : unit(p, date);
    return u.type === "phường" ? `Tổ ${int(1, 12)}, khu phố ${int(1, 9)}, ${u.fullName}, tỉnh Gia Lai` : `Thôn ${int(1, 9)}, ${u.fullName}, tỉnh Gia Lai`;
  };
  let decisionSeq = 100;
  const decisionNo = (kind = "QĐ-UBND") => `${++decisionSeq}/${kind}`;

  // 1. Petitions in the order received (numbered per unit and year, as in a paper register), each
  // moved along its path with the service (deadlines computed as for users).
  const seqs = new Map<string, number>();
  for (const plan of [...PETITIONS].sort((a, b) => b.ago - a.ago)) {
    const receivedOn = day(plan.ago);
    const year = receivedOn.slice(0, 4);
    const seq = (seqs.get(`${plan.at}|${year}`) ?? 0) + 1;
    seqs.set(`${plan.at}|${year}`, seq);
    const who = titled();
    const p = await createPetition(ctx, SYSTEM, {
      unitId: unit(plan.at, receivedOn).id, number: `${String(seq).padStart(3, "0")}/${year}`, type: plan.type, receivedOn,
      petitioner: plan.households ? `${who} và ${plan.households} hộ dân` : who, address: address(plan.at, receivedOn), content: plan.content,
      complexity: plan.complexity ?? "normal", remote: plan.remote ?? false, manyPeople: !!plan.households, secondTime: plan.secondTime ?? false,
    });
    let last = receivedOn;
    for (const [action, offset, extra] of plan.steps) {
      const date = workday(later(receivedOn, offset), last);
      last = date;
      const more = { ...extra };
      if (action === "decide") more.decisionNo = decisionNo(plan.type === "khieu_nai" ? "QĐ-GQKN" : plan.type === "to_cao" ? "KL-GQTC" : "TB-UBND");
      await actOnPetition(ctx, SYSTEM, p.id, { action, date, ...more });
    }
  }

  const counts: Record<RegisterKey, number> = { reception: 0, mediation_team: 0, mediation_case: 0, oversight: 0, dvk: 0, commendation: 0 };
  const create = async (register: RegisterKey, input: Record<string, unknown>) => {
    counts[register]++;
    return createRecord(ctx, SYSTEM, register, input);
  };

  // 2. Citizen reception and dialogues: Quy Nhơn keeps its obligations (Bí thư twice a month, the
  // Chủ tịch every week lately); a few sessions elsewhere and at the province.
  const leaders = new Map<string, string>();
  const leader = (p: Place, title: string) => {
    const k = `${p}|${title}`;
    if (!leaders.has(k)) leaders.set(k, titled());
    return leaders.get(k)!;
  };
  const TITLE_TEXT: Record<string, [string, string]> = {
    bi_thu: ["Bí thư Đảng ủy", "Bí thư Tỉnh ủy"], chu_tich_ubnd: ["Chủ tịch UBND", "Chủ tịch UBND tỉnh"], khac: ["Phó Chủ tịch UBND", "Phó Chủ tịch UBND tỉnh"],
  };
  const sessions: Array<[Place, "reception" | "dialogue", "bi_thu" | "chu_tich_ubnd" | "khac", number]> = [
    ["qn", "reception", "bi_thu", 8], ["qn", "reception", "bi_thu", 22], ["qn", "reception", "bi_thu", 38], ["qn", "reception", "bi_thu", 52],
    ["qn", "reception", "bi_thu", 68], ["qn", "reception", "bi_thu", 82],
    ["qn", "reception", "chu_tich_ubnd", 1], ["qn", "reception", "chu_tich_ubnd", 7], ["qn", "reception", "chu_tich_ubnd", 14],
    ["qn", "reception", "chu_tich_ubnd", 21], ["qn", "reception", "chu_tich_ubnd", 28], ["qn", "reception", "khac", 16],
    ["qn", "dialogue", "bi_thu", 45], ["qn", "dialogue", "chu_tich_ubnd", 100],
    ["c0", "reception", "bi_thu", 10], ["c1", "reception", "chu_tich_ubnd", 17], ["c2", "dialogue", "chu_tich_ubnd", 60], ["c3", "reception", "chu_tich_ubnd", 24],
    ["tinh", "reception", "bi_thu", 30], ["tinh", "reception", "chu_tich_ubnd", 59],
  ];
  for (const [at, kind, title, ago] of sessions) {
    const date = workday(day(ago));
    const u = unit(at, date);
    const matters = Array.from({ length: int(kind === "dialogue" ? 2 : 1, 3) }, () => pick(MATTERS)).filter((m, i, a) => a.indexOf(m) === i);
    const turns = kind === "dialogue" ? 0 : int(3, 14);
    await create("reception", {
      unitId: u.id, kind, date, leaderName: leader(at, title), leaderTitle: title,
      leaderTitleText: `${TITLE_TEXT[title]![at === "tinh" ? 1 : 0]}${at === "tinh" ? "" : ` ${u.type}`}`,
      place: at === "tinh" ? "Trụ sở Tiếp công dân tỉnh" : kind === "dialogue" ? `Nhà văn hóa ${u.type === "phường" ? "khu phố" : "thôn"} ${int(1, 9)}` : `Bộ phận tiếp công dân, ${u.fullName}`,
      turns, people: kind === "dialogue" ? int(35, 120) : turns + int(0, 8),
      participants: kind === "dialogue" ? `Đại diện các hộ dân, Ủy ban MTTQ Việt Nam ${u.type}, Phòng Kinh tế, Hạ tầng và Đô thị` : null,
      // Older matters are mostly done; recent ones still being followed up.
      matters: matters.map((m) => {
        const done = ago > 30 ? r() < 0.9 : !!m.followUp && r() < 0.5;
        return { content: m.content, conclusion: m.conclusion, followUp: done ? (m.followUp ?? "Đã trả lời công dân bằng văn bản.") : null, done };
      }),
    });
  }

  // 3. Mediation teams, set up again after the reorganisation; the one of khu phố 7 has two men only
  // (the register warns: fewer than 3 mediators, no woman).
  const teamPlans: Array<[Place, string, number, number]> = [
    ["qn", "Khu phố 1", 5, 2], ["qn", "Khu phố 4", 4, 1], ["qn", "Khu phố 7", 2, 0], ["c0", "Thôn 2", 5, 2], ["c1", "Thôn 5", 3, 1],
  ];
  const teams: Array<{ id: number; at: Place; members: string[]; date: string }> = [];
  for (const [i, [at, village, size, women]] of teamPlans.entries()) {
    const date = workday(later(FIRST, 20 + i * 9));
    const u = unit(at, date);
    const members = Array.from({ length: size }, (_, k) => ({ name: person(k < women), gender: k < women ? "nu" : "nam", role: k === size - 1 ? "to_truong" : "hoa_giai_vien" }));
    const t = await create("mediation_team", { unitId: u.id, date, name: `Tổ hòa giải ${village.toLowerCase()}`, village, members });
    teams.push({ id: t.id, at, members: members.map((m) => m.name), date });
  }

  // 4. Mediation cases, linked to their team: mostly successful, some not, some still open.
  const casePlans: Array<[number, "thanh" | "khong_thanh" | "dang_hoa_giai", number]> = [
    [0, "thanh", 290], [0, "thanh", 210], [0, "khong_thanh", 160], [0, "thanh", 95], [0, "dang_hoa_giai", 9],
    [1, "thanh", 240], [1, "thanh", 120], [1, "dang_hoa_giai", 15], [2, "khong_thanh", 70],
    [3, "thanh", 260], [3, "thanh", 130], [3, "khong_thanh", 50], [3, "dang_hoa_giai", 5], [4, "thanh", 180], [4, "thanh", 40],
  ];
  let nextMatter = 0;
  for (const [ti, result, ago] of casePlans) {
    const team = teams[ti]!;
    let date = day(ago);
    if (date < team.date) date = team.date;
    // Each matter in turn (one without an agreement is skipped for a successful case).
    let m = MEDIATION_MATTERS[nextMatter++ % MEDIATION_MATTERS.length]!;
    if (result === "thanh" && m.agreement === null) m = MEDIATION_MATTERS[nextMatter++ % MEDIATION_MATTERS.length]!;
    const done = result !== "dang_hoa_giai";
    const a = team.members[0]!;
    const b = team.members[team.members.length - 1]!;
    await create("mediation_case", {
      unitId: unit(team.at, date).id, teamId: team.id, date, mediators: a === b ? [a] : [a, b],
      parties: `${titled(false)} và ${titled()} (${team.at === "qn" ? "cùng khu phố" : "cùng thôn"})`, matter: m.matter,
      agreement: result === "thanh" ? m.agreement : null, result, resultDate: done ? later(date, int(4, 20)) : null,
      followUp: result === "khong_thanh" ? "Hướng dẫn các bên gửi đơn đến UBND hoặc Tòa án nhân dân khu vực để giải quyết theo quy định." : null,
    });
  }

  // 5. Campaigns, supervision, surveys, inspections.
  const oversight: Array<Record<string, unknown> & { at: Place; ago: number; days: number }> = [
    { at: "qn", ago: 120, days: 60, kind: "campaign", title: "Phát động phong trào \"Toàn dân đoàn kết xây dựng đời sống văn hóa\": ra quân vệ sinh môi trường, chỉnh trang khu phố",
      topics: "Vệ sinh môi trường, phân loại rác tại nguồn, trồng cây xanh", sessions: 8, teams: 3, participants: 1250, villagesReached: 18, villagesTotal: 20,
      findings: ["18/20 khu phố tổ chức ra quân; 2 khu phố chưa tổ chức do trùng lịch sửa chữa đường."], recommendations: [{ content: "Duy trì ngày Chủ nhật xanh hằng tháng ở các khu phố.", actedOn: true }] },
    { at: "c0", ago: 200, days: 90, kind: "campaign", title: "Vận động Nhân dân hiến đất, góp ngày công làm đường giao thông nông thôn",
      topics: "Hiến đất, góp ngày công, góp tiền làm đường bê tông", sessions: 6, teams: 2, participants: 640, villagesReached: 9, villagesTotal: 11,
      findings: ["Nhân dân hiến 3.200 m² đất, góp 1.150 ngày công."], recommendations: [{ content: "Biểu dương các hộ hiến đất tiêu biểu.", actedOn: true }, { content: "Công khai quyết toán kinh phí Nhân dân đóng góp.", actedOn: false }] },
    { at: "qn", ago: 150, days: 30, kind: "supervision", title: "Giám sát việc thực hiện dân chủ ở cơ sở trong công tác bồi thường, giải phóng mặt bằng dự án mở rộng đường nội thị",
      subjects: "UBND phường; Hội đồng bồi thường, hỗ trợ, tái định cư", sessions: 2, teams: 1, participants: 12,
      findings: ["Phương án bồi thường được niêm yết công khai đúng thời gian.", "Một số hộ chưa được đối thoại trước khi phê duyệt phương án."],
      recommendations: [{ content: "Tổ chức đối thoại với các hộ chưa đồng thuận trước khi cưỡng chế.", actedOn: true }, { content: "Trả lời bằng văn bản các kiến nghị về giá đất.", actedOn: false, note: "Đang chờ ý kiến của Sở Nông nghiệp và Môi trường." }] },
    { at: "tinh", ago: 90, days: 45, kind: "supervision", title: "Giám sát việc tiếp công dân, giải quyết khiếu nại, tố cáo ở cấp xã sau sắp xếp đơn vị hành chính",
      subjects: "UBND 6 xã, phường của tỉnh", sessions: 6, teams: 2, participants: 18,
      findings: ["Các xã, phường đã bố trí địa điểm tiếp công dân; một số nơi chưa mở sổ theo dõi đơn thư theo mẫu mới."],
      recommendations: [{ content: "Mở sổ tiếp công dân, sổ theo dõi đơn thư theo mẫu thống nhất.", actedOn: true }, { content: "Giải quyết dứt điểm đơn thư tồn đọng trước 31/12.", actedOn: false }] },
    { at: "c1", ago: 70, days: 10, kind: "survey", title: "Khảo sát tình hình ô nhiễm môi trường do chăn nuôi heo tập trung gần khu dân cư",
      subjects: "12 trang trại chăn nuôi; 80 hộ dân lân cận", sessions: 3, teams: 1, participants: 9,
      findings: ["5/12 trang trại chưa có hệ thống xử lý chất thải đạt yêu cầu."], recommendations: [{ content: "Yêu cầu các trang trại hoàn thiện hệ thống xử lý chất thải trong 3 tháng.", actedOn: false }] },
    { at: "qn", ago: 40, days: 5, kind: "inspection", title: "Kiểm tra việc thực hiện dân chủ ở cơ sở tại khu phố 3 và khu phố 5",
      subjects: "Ban điều hành khu phố 3, 5", sessions: 2, teams: 1, participants: 7,
      findings: ["Khu phố 5 chưa công khai thu chi quỹ vận động sửa chữa nhà văn hóa."], recommendations: [{ content: "Công khai thu chi tại nhà văn hóa và trên nhóm Zalo khu phố.", actedOn: true }] },
    { at: "c2", ago: 25, days: 3, kind: "inspection", title: "Kiểm tra công tác tiếp công dân, xử lý đơn thư của UBND xã",
      subjects: "UBND xã; công chức làm công tác tiếp công dân", sessions: 1, teams: 1, participants: 5,
      findings: ["Sổ tiếp công dân ghi chưa đầy đủ kết quả xử lý."], recommendations: [{ content: "Bổ sung kết quả xử lý vào sổ; báo cáo hằng tháng.", actedOn: false }] },
  ];
  for (const { at, ago, days, ...o } of oversight) {
    const date = workday(day(ago));
    await create("oversight", { ...o, unitId: unit(at, date).id, date, endDate: later(date, days) });
  }

  // 6. Dân vận khéo models and exemplars at various steps of their path (some recognised).
  const dvkPlans: Array<{ at: Place; ago: number; input: Record<string, unknown>; path: Array<[string, number, Record<string, unknown>?]>; allMet?: boolean; award?: string }> = [
    { at: "qn", ago: 340, input: { kind: "model", subject: "tap_the", name: "Khu phố 2 \"Sáng – Xanh – Sạch – Đẹp\"", holder: "Ban điều hành khu phố 2", field: "van_hoa_xa_hoi",
      description: "Vận động Nhân dân tự quản vệ sinh môi trường, lắp đèn chiếu sáng hẻm, trồng cây xanh bằng nguồn xã hội hóa." },
      path: [["in_progress", 20], ["assessed", 200], ["recognised", 215, { level: "xa" }], ["commended", 240, { level: "xa", form: "Giấy khen" }]], award: "Giấy khen" },
    { at: "qn", ago: 280, input: { kind: "exemplar", subject: "ca_nhan", name: "Vận động hội viên hiến đất mở rộng hẻm", holder: "", field: "kinh_te",
      description: "Chi hội trưởng phụ nữ vận động 14 hộ hiến đất mở rộng hẻm từ 1,5 m lên 3 m." },
      path: [["in_progress", 10], ["assessed", 190], ["recognised", 200, { level: "xa" }]] },
    { at: "c0", ago: 250, input: { kind: "model", subject: "tap_the", name: "Dân vận khéo trong vận động hiến đất làm đường giao thông nông thôn", holder: "Ban Công tác Mặt trận thôn 2", field: "kinh_te" },
      path: [["in_progress", 15], ["assessed", 180]], allMet: false },
    { at: "c1", ago: 120, input: { kind: "model", subject: "tap_the", name: "\"Camera an ninh – Mắt thần khu dân cư\"", holder: "Chi đoàn thôn 5", field: "quoc_phong_an_ninh" },
      path: [["in_progress", 10]] },
    { at: "qn", ago: 20, input: { kind: "model", subject: "tap_the", name: "Chi bộ khu phố 6 \"Ngày thứ Bảy cùng dân\"", holder: "Chi bộ khu phố 6", field: "xay_dung_he_thong_chinh_tri" }, path: [] },
  ];
  const holders: string[] = [];
  const awards: Array<{ at: Place; recipient: string; subject: string; decisionNo: string; date: string; reason: string }> = [];
  for (const plan of dvkPlans) {
    const date = workday(day(plan.ago));
    const u = unit(plan.at, date);
    const holder = String(plan.input.holder || titled(true));
    holders.push(holder);
    const m = await create("dvk", { ...plan.input, holder, unitId: u.id, date });
    const criteria = await dvkCriteriaFor(ctx, SYSTEM, u.id);
    let last = date;
    for (const [to, offset, extra] of plan.path) {
      const d = workday(later(date, offset), last);
      last = d;
      const step: Record<string, unknown> = { to, date: d, ...extra };
      if (to === "assessed") step.criteria = Object.fromEntries(criteria.map((c, i) => [c, plan.allMet !== false || i !== criteria.length - 1]));
      if (to === "commended" || to === "recognised") step.decisionNo = decisionNo();
      if (to === "assessed" && plan.allMet === false) step.note = "Mô hình mới duy trì chưa đủ 6 tháng; đánh giá lại vào kỳ sau.";
      await advanceDvk(ctx, SYSTEM, m.id, step);
      if (to === "commended") awards.push({ at: plan.at, recipient: `${holder}, ${u.fullName}`, subject: String(plan.input.subject), decisionNo: String(step.decisionNo), date: d, reason: `Mô hình "Dân vận khéo" ${String(plan.input.name)}` });
    }
  }

  // 7. Commendations (the commended model's Giấy khen among them).
  for (const a of awards) {
    await create("commendation", { unitId: unit(a.at, a.date).id, subject: a.subject, recipient: a.recipient, topic: "dvk", level: "xa", form: "Giấy khen", decisionNo: a.decisionNo, date: a.date, reason: a.reason });
  }
  const commendations: Array<[Place, "tap_the" | "ca_nhan", string, "dvk" | "qcdc" | "khac", "tinh" | "xa", string, number, string]> = [
    ["qn", "ca_nhan", holders[1] ?? titled(true), "dvk", "xa", "Giấy khen", 60, "Có thành tích tiêu biểu trong vận động Nhân dân hiến đất mở rộng hẻm."],
    ["qn", "tap_the", "Tổ hòa giải khu phố 1", "qcdc", "xa", "Giấy khen", 35, "Hòa giải thành nhiều vụ việc tranh chấp đất đai, giữ gìn đoàn kết khu dân cư."],
    ["qn", "ca_nhan", `${titled(false)}, Trưởng khu phố 4`, "qcdc", "xa", "Giấy khen", 35, "Thực hiện tốt dân chủ ở cơ sở, công khai các khoản đóng góp của Nhân dân."],
    ["tinh", "tap_the", "Đảng ủy phường Quy Nhơn", "dvk", "tinh", "Bằng khen của Chủ tịch UBND tỉnh", 80, "Có thành tích xuất sắc trong thực hiện phong trào thi đua \"Dân vận khéo\"."],
    ["c0", "tap_the", "Nhân dân thôn 2", "khac", "xa", "Giấy khen", 150, "Hiến đất, góp ngày công làm đường giao thông nông thôn."],
    ["c1", "ca_nhan", titled(), "qcdc", "xa", "Giấy khen", 100, "Tích cực tham gia tổ an ninh tự quản, phát hiện và báo tin kịp thời."],
  ];
  for (const [at, subject, recipient, topic, level, form, ago, reason] of commendations) {
    const date = workday(day(ago));
    await create("commendation", { unitId: unit(at, date).id, subject, recipient, topic, level, form, decisionNo: decisionNo(), date, reason });
  }

  const records = Object.values(counts).reduce((s, n) => s + n, 0);
  log(`Đã ghi sổ minh họa: ${PETITIONS.length} đơn thư, ${counts.reception} buổi tiếp công dân/đối thoại, ${counts.mediation_team} tổ hòa giải, ${counts.mediation_case} vụ việc hòa giải, ${counts.oversight} đợt phát động/giám sát/khảo sát/kiểm tra, ${counts.dvk} mô hình "Dân vận khéo", ${counts.commendation} khen thưởng (${Date.now() - t0} ms).`);
  return { petitions: PETITIONS.length, records };
}
