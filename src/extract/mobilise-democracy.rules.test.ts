import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Propaganda and mobilisation sessions counted in "cuộc" after the verb and its audience, the people they drew, the
 * worth of land given, and counts that are no house or no model built, as reports on mobilisation work and grassroots
 * democracy from many provinces write them. Every sentence is made up.
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["propaganda sessions counted in 'cuộc' after the audience listed, and the people they drew",
    "Các xã tổ chức tuyên truyền cho cán bộ, hội viên, đoàn viên và quần chúng nhân dân được 356 cuộc có 14.520 lượt người dự.",
    ["356 cuộc → campaign.sessions", "14520 lượt → campaign.participants"]],
  ["propaganda and mobilisation counted in 'cuộc' after 'được', the people after a comma",
    "Mặt trận và các đoàn thể tuyên truyền, vận động được 428 cuộc, có 18.300 lượt người tham dự.",
    ["428 cuộc → campaign.sessions", "18300 lượt → campaign.participants"]],
  ["propaganda sessions counted right after the verb, their topic after them",
    "Tuyên truyền 120 cuộc về phòng chống ma túy tại các ấp; nâng tổng số đến nay tuyên truyền được 310 cuộc có 9.400 lượt người dự.",
    ["120 cuộc → campaign.sessions", "310 cuộc → campaign.sessions", "9400 lượt → campaign.participants"]],
  ["propaganda in the meetings of the cells and unions, counted in 'cuộc'",
    "Tổ chức tuyên truyền lồng ghép trong sinh hoạt chi bộ, đoàn thể được 1.120 cuộc.",
    ["1120 cuộc → campaign.sessions"]],
  ["the law disseminated in 'cuộc' and a campaign itself stay without a key",
    "Tuyên truyền, phổ biến pháp luật được 45 cuộc; tuyên truyền 3 cuộc vận động lớn của Mặt trận.",
    ["45 cuộc → -", "3 cuộc → -"]],
  ["a term's years in the topic between the verb and the sessions are no count",
    "Ủy ban bầu cử các xã tuyên truyền về cuộc bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021 – 2026 cho cử tri, đoàn viên, hội viên và quần chúng nhân dân được 85 cuộc có 4.100 lượt người dự.",
    ["85 cuộc → campaign.sessions", "4100 lượt → campaign.participants"]],
  ["the total worth of the land donated, said after it with 'với tổng trị giá', is money mobilised",
    "Hội viên nông dân hiến 5.600 m2 đất với tổng trị giá 1,2 tỷ đồng.",
    ["5600 m2 → contrib.land_m2", "1200000000 đồng → contrib.money_vnd"]],
  ["households that gave land for a cultural house got no house",
    "Qua đó đã vận động được 12 hộ gia đình hiến 1.500 m2 đất làm nhà văn hóa thôn.",
    ["12 hộ → -", "1500 m2 → contrib.land_m2"]],
  ["models surveyed or inspected are no models built",
    "Ban Dân vận Tỉnh ủy khảo sát 12 mô hình “Dân vận khéo” tại 6 huyện; toàn tỉnh đã xây dựng 1.250 mô hình “Dân vận khéo”.",
    ["12 mô hình → -", "6 huyện → -", "1250 mô hình → dvk.models"]],
  ["cash given, an item labelled by its form in a statement on what the people were mobilised to give",
    "Kết quả vận động Nhân dân xây dựng nông thôn mới: hiến đất 8.200 m2; ngày công 2.100 công; tiền mặt 950 triệu đồng. Số dư quỹ: tiền mặt 40 triệu đồng.",
    ["8200 m2 → contrib.land_m2", "2100 công → contrib.labor_days", "950000000 đồng → contrib.money_vnd", "40000000 đồng → -"]],
  ["meetings of propaganda counted in 'cuộc' are no campaign's sessions",
    "Tổ chức hội nghị tuyên truyền, vận động tín đồ các tôn giáo được 28 cuộc.",
    ["28 cuộc → -"]],
  ["the cost of works the people were mobilised to build, their own part said after it, is a cost; their part is money given",
    "Vận động Nhân dân tham gia làm 12 km đường bê tông với kinh phí 6 tỷ đồng, trong đó Nhân dân đóng góp 2,5 tỷ đồng.",
    ["12 km → -", "6000000000 đồng → -", "2500000000 đồng → contrib.money_vnd"]],
  ["a period typed right after '…', a word after it with no space, does not end the sentence",
    "Người dân hiến hơn 900m2 đất, tháo dỡ cổng ngõ, tường rào….với tổng trị giá khoảng 2 tỷ đồng để mở rộng đường.",
    ["900 m2 → contrib.land_m2", "2000000000 đồng → contrib.money_vnd"]],
  ["labour days written 'ngày lao động' are labour days; a plain 'ngày' stays a duration",
    "Vận động Nhân dân đóng góp 4.500 ngày lao động để làm đường trong 30 ngày.",
    ["4500 ngày công → contrib.labor_days"]],
  ["days counted under a label naming labour days are labour days",
    "Nhân dân hiến đất: 15.600 m2; đóng góp ngày công: 4.500 ngày; đóng góp tiền: 2,3 tỷ đồng.",
    ["15600 m2 → contrib.land_m2", "4500 ngày công → contrib.labor_days", "2300000000 đồng → contrib.money_vnd"]],
  ["documents issued by a body named by what it carries out are issued; those carried out stay without a key",
    "Ban Chỉ đạo thực hiện dân chủ ở cơ sở huyện ban hành 06 văn bản chỉ đạo, hướng dẫn; các xã thực hiện 04 văn bản chỉ đạo của tỉnh.",
    ["6 văn bản → docs.issued", "4 văn bản → -"]],
  ["delegates a dissemination meeting counted just before was held for are its attendees; not those of a training in techniques",
    "Tổ chức 02 hội nghị tập huấn công tác dân vận, dân chủ ở cơ sở cho 320 đại biểu. Tổ chức 3 hội nghị tập huấn kỹ thuật trồng lúa cho 150 đại biểu. Tổ chức 2 hội nghị tổng kết, triển khai nhiệm vụ cho 240 đại biểu.",
    ["2 hội nghị → dissemination.conferences", "320 đại biểu → dissemination.attendees", "3 hội nghị → -", "150 đại biểu → -", "2 hội nghị → dissemination.conferences", "240 đại biểu → -"]],
  ["houses counted bare in a statement naming the kind of house are houses; the amount for each stays none",
    "Mỗi căn nhà đại đoàn kết được hỗ trợ 50 triệu đồng; tổng số 16 căn.",
    ["50000000 đồng → -", "16 căn → contrib.houses"]],
  ["a unit that has its communes and villages, said with no district's 'toàn', counts all of them",
    "Huyện có 14 xã, thị trấn với 156 thôn, tổ dân phố; dân số hơn 98.000 người. Toàn huyện có 21 xã, thị trấn, 245 thôn, bản.",
    ["14 xã → communes.total", "156 thôn → villages.total", "98000 người → -", "21 xã → communes.total", "245 thôn → villages.total"]],
  ["the villages a district's area has, some of a kind after them",
    "Trên địa bàn huyện hiện có 132 thôn, buôn, tổ dân phố, trong đó có 45 buôn đồng bào dân tộc thiểu số.",
    ["132 thôn → villages.total", "45 buôn → -"]],
  ["communes and villages of a kind are some of the unit's, no total",
    "Huyện có 5 xã đặc biệt khó khăn với 32 thôn đồng bào dân tộc thiểu số; huyện có 9 xã đạt chuẩn nông thôn mới.",
    ["5 xã → -", "32 thôn → -", "9 xã → new_rural.communes"]],
  ["comrades commended, said right after them, are individuals awarded; comrades proposed for it are not",
    "Có 12 đồng chí được tặng Kỷ niệm chương “Vì sự nghiệp Dân vận”; đề nghị 7 đồng chí được tặng Kỷ niệm chương.",
    ["12 đồng chí → awards.individuals", "7 đồng chí → -"]],
  ["trees and crops given up on the land for a road are no trees given; trees planted are",
    "Vận động Nhân dân hiến 1.560 cây cối, hoa màu để làm đường; hiến 320 cây ăn quả để mở rộng đường; trồng 2.000 cây xanh.",
    ["1560 cây → -", "320 cây → -", "2000 cây → contrib.trees"]],
  ["money said to come from the people after it is money they gave; money from the budget is not",
    "Hơn 300 tỷ đồng xây dựng nông thôn mới từ sức dân. Xây dựng 12 km đường với 40 tỷ đồng từ ngân sách tỉnh.",
    ["300000000000 đồng → contrib.money_vnd", "12 km → -", "40000000000 đồng → -"]],
];

describe("extractor: mobilisation sessions, land's worth, no house, no model built", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
