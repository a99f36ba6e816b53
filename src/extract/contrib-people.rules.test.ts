import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Contributions and the people of campaigns and homecomings, as news items and reports on mobilisation write them
 * (houses named before what was done to them, believers named by who they are, returnees by rank). Every sentence
 * is made up.
 */
const cases: Array<[string, string, string[]]> = [
  ["a part of an audience after '; trong đó' takes the audience's key",
    "Mở 14 hội nghị tuyên truyền cho hội viên, thu hút 1.900 lượt người tham dự; trong đó có 640 lượt đồng bào dân tộc thiểu số.",
    ["14 hội nghị → dissemination.conferences", "1900 lượt → dissemination.attendees", "640 lượt → dissemination.attendees"]],
  ["a part of an audience after 'trong số đó' takes the audience's key",
    "Mở 9 hội nghị phổ biến nghị quyết cho 1.340 người, trong số đó có 410 người là đoàn viên thanh niên.",
    ["9 hội nghị → dissemination.conferences", "1340 người → dissemination.attendees", "410 người → dissemination.attendees"]],
  ["houses named before what was done to them ('12 nhà xây mới, 40 nhà sửa chữa'), in a sentence on support given, are houses; houses of a census are not",
    "Trao hỗ trợ khắc phục hậu quả thiên tai gồm 12 nhà xây mới, 40 nhà sửa chữa từ nguồn Quỹ Cứu trợ với tổng số tiền 2,4 tỷ đồng. Tỷ lệ hộ nghèo giảm còn 2,1%; toàn xã có 150 nhà xây mới trong năm. Năm 2024 có 18 nhà xây mới cho hộ nghèo.",
    ["12 nhà → contrib.houses", "40 nhà → contrib.houses", "2400000000 đồng → contrib.money_vnd", "2.1 % → -", "150 nhà → -", "18 nhà → contrib.houses"]],
  ["believers and their dignitaries counted after propaganda sessions, drawn to them or the sessions held for them, are the campaign's people; those trained or taught the law are not",
    "Tổ chức 20 buổi tuyên truyền tại các điểm nhóm, thu hút 1.300 tín đồ tham gia; 15 buổi tuyên truyền cho 640 chức sắc, chức việc và đồng bào có đạo. Tổ chức 3 buổi tập huấn cho 120 chi hội trưởng; 8 buổi tuyên truyền pháp luật cho 500 tín đồ.",
    ["20 buổi → campaign.sessions", "1300 tín đồ → campaign.participants", "15 buổi → campaign.sessions", "640 chức sắc → campaign.participants", "3 buổi → -", "120 chi hội trưởng → -", "8 buổi → campaign.sessions", "500 tín đồ → -"]],
  ["returnees counted by rank in 'người', in the sentence after the homecoming, are returnees; recruits by rank are not",
    "Đón 52 quân nhân hoàn thành nghĩa vụ quân sự trở về địa phương. Trong đó, cấp bậc hạ sĩ 12 người, trung sĩ 30 người, thượng sĩ 10 người. Năm nay huyện giao 60 thanh niên nhập ngũ, trong đó binh nhì 60 người.",
    ["52 quân nhân → military.returnees", "12 người → military.returnees", "30 người → military.returnees", "10 người → military.returnees", "60 thanh niên → -", "60 người → -"]],
  ["the cost of works listed across ';' after the people were mobilised to build them is money mobilised; a work's cost alone, or the state's, is not",
    "Ban công tác Mặt trận vận động Nhân dân làm mới 3 km đường bê tông; sửa chữa nhà văn hóa thôn, với kinh phí hơn 900 triệu đồng. Xây dựng nhà văn hóa thôn với kinh phí 800 triệu đồng. Vận động Nhân dân nâng cấp 2 km đường; sửa chữa cầu, với kinh phí 1,5 tỷ đồng từ ngân sách tỉnh.",
    ["3 km → -", "900000000 đồng → contrib.money_vnd", "800000000 đồng → -", "2 km → -", "1500000000 đồng → -"]],
  ["the money that temporary and dilapidated houses took to replace, and the houses built or repaired among them, are contributions; a total with the state's budget in it is not",
    "Năm 2025, xã đã xóa 45 nhà tạm, nhà dột nát với tổng kinh phí 2,2 tỷ đồng. Xóa 30 nhà tạm; trong đó xây mới 20 nhà, sửa chữa 10 nhà; kinh phí thực hiện 1,4 tỷ đồng. Toàn tỉnh xóa 3.200 căn nhà tạm, tổng kinh phí 160 tỷ đồng, trong đó ngân sách nhà nước 96 tỷ đồng.",
    ["45 nhà → contrib.houses", "2200000000 đồng → contrib.money_vnd", "30 nhà → contrib.houses", "20 nhà → contrib.houses", "10 nhà → contrib.houses", "1400000000 đồng → contrib.money_vnd", "3200 căn → contrib.houses", "160000000000 đồng → -", "96000000000 đồng → -"]],
  ["believers counted in turns after propaganda sessions are the campaign's people; dignitaries a dissemination meeting was held for are its audience",
    "Tổ chức 35 buổi tuyên truyền, vận động đồng bào dân tộc thiểu số, có 2.150 lượt đồng bào tham dự. Tổ chức 6 hội nghị tuyên truyền, phổ biến chính sách tôn giáo cho 420 chức sắc, chức việc. Tổ chức 4 hội nghị tập huấn kỹ thuật cho 200 tín đồ.",
    ["35 buổi → campaign.sessions", "2150 lượt → campaign.participants", "6 hội nghị → dissemination.conferences", "420 chức sắc → dissemination.attendees", "4 hội nghị → -", "200 tín đồ → -"]],
  ["people who came to the reception desk to get in touch or to present their case, said after its sessions, are the people received",
    "Người đứng đầu cấp ủy tổ chức 10 kỳ tiếp công dân định kỳ; có 84 người đến liên hệ, trình bày.",
    ["10 kỳ → -", "84 người → reception.people"]],
  ["the worth of houses given as support, or of houses from a fund, is money given; the worth of houses handed over or built stays a worth",
    "Quỹ Vì người nghèo huyện đã hỗ trợ xây dựng 16 nhà Đại đoàn kết trị giá 800 triệu đồng. Trao 20 căn nhà tình thương với tổng trị giá 1,1 tỷ đồng từ nguồn Quỹ Vì người nghèo. Hỗ trợ làm mới 9 căn nhà và sửa chữa 4 căn nhà cho hộ nghèo với tổng trị giá 610 triệu đồng. Bàn giao 5 căn nhà Đại đoàn kết, trị giá 250 triệu đồng. Xây dựng 4 nhà văn hóa trị giá 2 tỷ đồng.",
    ["16 nhà → contrib.houses", "800000000 đồng → contrib.money_vnd", "20 căn → contrib.houses", "1100000000 đồng → contrib.money_vnd", "9 căn → contrib.houses", "4 căn → contrib.houses", "610000000 đồng → contrib.money_vnd", "5 căn → contrib.houses", "250000000 đồng → -", "4 nhà → -", "2000000000 đồng → -"]],
  ["meetings launching the movement of all the people for the Fatherland's security are a campaign's sessions, their people its people; households and believers who signed its commitment are its people too",
    "Tổ chức 15 hội nghị phát động phong trào toàn dân bảo vệ an ninh Tổ quốc, thu hút 2.400 người tham dự. Phong trào toàn dân bảo vệ an ninh Tổ quốc được đẩy mạnh; có 9.800 hộ gia đình ký cam kết bảo đảm an ninh trật tự. Vận động 430 chức sắc, chức việc, tín đồ ký cam kết chấp hành pháp luật.",
    ["15 hội nghị → campaign.sessions", "2400 người → campaign.participants", "9800 hộ → campaign.participants", "430 chức sắc → campaign.participants"]],
  ["households the houses counted right before went to are not counted again, whatever their number; houses counted only by households are houses",
    "Khởi công xây dựng 5 nhà đại đoàn kết cho 4 hộ nghèo; hỗ trợ làm nhà cho 2 hộ.",
    ["5 nhà → contrib.houses", "4 hộ → -", "2 hộ → contrib.houses"]],
  ["the worth of houses built from a fund, or mobilised to be built, is money given",
    "Từ nguồn Quỹ này đã xây dựng 28 căn nhà Đại đoàn kết cho hộ nghèo, trị giá 840 triệu đồng; vận động xây dựng thêm 06 căn nhà trị giá 270 triệu đồng cho người nghèo.",
    ["28 căn → contrib.houses", "840000000 đồng → contrib.money_vnd", "6 căn → contrib.houses", "270000000 đồng → contrib.money_vnd"]],
  ["villages of one people or kind that a district has are some of its villages, not all of them",
    "Huyện có 12 thôn đồng bào Mông di cư với 1.800 hộ. Xã Ea Tân có 15 thôn, buôn.",
    ["12 thôn → -", "1800 hộ → -", "15 thôn → villages.total"]],
  ["returnees counted in 'người' under the unit they served in, a number in its name or 'là' before the count, are returnees; those at the ceremony are not",
    "Đón 35 quân nhân xuất ngũ về địa phương. Theo đơn vị: Sư đoàn 2: 20 người; Bộ đội Biên phòng: 15 người. Trong đó, Quân khu 7 là 25 người. Buổi lễ có 120 người tham dự.",
    ["35 quân nhân → military.returnees", "20 người → military.returnees", "15 người → military.returnees", "25 người → military.returnees", "120 người → -"]],
];

describe("extractor: contributions and the people of campaigns named by who they are", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seenFigures(text), want));
});
