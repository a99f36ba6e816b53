import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["the people drawn by propaganda sessions counted just before are the campaign's people",
    "Năm 2024, lực lượng Công an đã tổ chức 120 buổi tuyên truyền, thu hút 6.500 lượt người dân tham gia.",
    ["120 buổi → campaign.sessions", "6500 lượt → campaign.participants"]],
  ["the sessions joined to their people by 'với', after a colon that names the propaganda",
    "Công an xã phối hợp tổ chức các đợt tuyên truyền như: 45 buổi với hơn 1.900 lượt người tham gia.",
    ["45 buổi → campaign.sessions", "1900 lượt → campaign.participants"]],
  ["people at a dialogue session stay without the campaign's key",
    "Tổ chức 12 buổi đối thoại với 600 lượt người tham gia.",
    ["12 buổi → dialogues.held", "600 lượt → -"]],
  ["money and gifts mobilised, worth a total broken down after it into what was given, are mobilised",
    "Năm 2024, MTTQ các cấp đã vận động được tiền và quà trị giá hơn 40,2 tỷ đồng (trong đó, ủng hộ bằng tiền mặt gần 15,5 tỷ đồng).",
    ["40200000000 đồng → contrib.money_vnd", "15500000000 đồng → contrib.money_vnd"]],
  ["a work's worth with the people's share after it stays the worth",
    "Xây dựng tuyến đường bê tông trị giá 2 tỷ đồng, Nhân dân đóng góp 600 triệu đồng.",
    ["2000000000 đồng → -", "600000000 đồng → contrib.money_vnd"]],
  ["petitions in the competence named after their own breakdown, and the rest left over, are subsets of those received",
    "Năm 2024, toàn huyện tiếp nhận 420 đơn. Qua phân loại, có 95 đơn (80 khiếu nại, 15 tố cáo) thuộc thẩm quyền giải quyết; số còn lại 325 đơn là đơn kiến nghị, phản ánh.",
    ["420 đơn → petitions.received", "95 đơn → -", "80 khiếu nại → -", "15 tố cáo → -", "325 đơn → -"]],
  ["collectives and individuals registered to build Dân vận khéo models are registrants, not exemplars",
    "Toàn lực lượng đã có 60 tập thể và 75 cá nhân đăng ký xây dựng mô hình, điển hình “Dân vận khéo”.",
    ["60 tập thể → -", "75 cá nhân → -"]],
  ["those recognised as Dân vận khéo exemplars stay exemplars",
    "Trong phong trào thi đua “Dân vận khéo”, có 12 tập thể và 9 cá nhân được công nhận là điển hình.",
    ["12 tập thể → dvk.exemplars", "9 cá nhân → dvk.exemplars"]],
  ["good people commended, counted as examples ('gương'), are individuals awarded",
    "Năm 2024, Ủy ban nhân dân huyện đã biểu dương 25 gương người tốt, việc tốt; tuyên dương 18 tấm gương tiêu biểu.",
    ["25 gương → awards.individuals", "18 gương → awards.individuals"]],
  ["advanced examples commended as 'gương điển hình' are individuals awarded; exemplars merely counted stay without a key",
    "Hội nghị biểu dương, khen thưởng 32 gương điển hình tiên tiến. Toàn xã có 40 gương điển hình tiên tiến.",
    ["32 điển hình → awards.individuals", "40 điển hình → -"]],
  ["examples proposed for commendation stay without a key",
    "Đề nghị biểu dương 12 gương người tốt, việc tốt.",
    ["12 gương → -"]],
  ["households that sign a commitment in a campaign are its people",
    "Ban Chỉ đạo phát động quần chúng bảo vệ an ninh Tổ quốc tại các thôn. Qua đó, có 3.500 hộ ký cam kết không vi phạm pháp luật.",
    ["3500 hộ → campaign.participants"]],
  ["households that sign a commitment with no campaign around them stay without a key",
    "Có 650 hộ gia đình ký cam kết xây dựng gia đình văn hóa.",
    ["650 hộ → -"]],
  ["the parts of a campaign's people after 'trong đó' or 'gồm' are its people",
    "Phát động quần chúng bảo vệ an ninh Tổ quốc, thu hút 12.000 lượt người tham gia, trong đó có 3.000 tín đồ, 450 chức sắc.",
    ["12000 lượt → campaign.participants", "3000 tín đồ → campaign.participants", "450 chức sắc → campaign.participants"]],
  ["the parts of a campaign's people named by their organisation",
    "Tổ chức 45 buổi phát động với 5.600 lượt người tham gia, gồm 2.100 đoàn viên thanh niên, 1.500 hội viên phụ nữ.",
    ["45 buổi → campaign.sessions", "5600 lượt → campaign.participants", "2100 đoàn viên → campaign.participants", "1500 hội viên → campaign.participants"]],
  ["people counted after a campaign's people in another clause are not its parts",
    "Phát động quần chúng thu hút 900 lượt người tham gia; khen thưởng 30 đoàn viên.",
    ["900 lượt → campaign.participants", "30 đoàn viên → awards.individuals"]],
];

describe("extractor: figures left untagged in reports of the Front, the police and the border guards", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
