import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Reports of the Fatherland Front and the mass organisations (Hội Nông dân, Hội LHPN, Đoàn Thanh niên, Hội CCB):
 * houses, land, labour and money the people gave, meetings with residents and trips to the grassroots.
 * Compact view: "value[/of] unit → indicator". Every sentence is made up.
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["bridges counted as 'cây cầu' are no trees, even where the people gave for them",
    "Nhân dân đóng góp xây dựng 4 cây cầu dân sinh; vận động trồng 2.000 cây xanh.",
    ["4 cây → -", "2000 cây → contrib.trees"]],
  ["houses counted by the families helped to build them, as by the households",
    "Hỗ trợ 6 gia đình xây dựng nhà đại đoàn kết; vận động 12 gia đình tham gia hiến đất.",
    ["6 gia đình → contrib.houses", "12 gia đình → -"]],
  ["trips to the grassroots counted in turns ('lượt đi cơ sở', 'xuống cơ sở … lượt') are outreach; turns of people joining stay without",
    "Cán bộ Mặt trận các cấp có 240 lượt đi cơ sở nắm tình hình; lãnh đạo Ban xuống cơ sở 120 lượt. Có 920 lượt cán bộ, đảng viên tham gia ra quân làm đường.",
    ["240 lượt → outreach.sessions", "120 lượt → outreach.sessions", "920 lượt → -"]],
  ["meetings with residents held to mobilise them ('cuộc họp dân') and propaganda counted in 'cuộc' are the campaign's sessions; a campaign itself is not",
    "Các thôn tổ chức 125 cuộc họp dân để tuyên truyền, vận động Nhân dân hiến đất làm đường. Mặt trận xã đã tuyên truyền được 154 cuộc. Triển khai 3 cuộc vận động lớn.",
    ["125 cuộc → campaign.sessions", "154 cuộc → campaign.sessions", "3 cuộc → -"]],
  ["the people at propaganda counted in 'cuộc', said right after them, are the campaign's people",
    "Mặt trận xã đã tổ chức tuyên truyền được 154 cuộc, có 8.142 lượt người tham dự.",
    ["154 cuộc → campaign.sessions", "8142 lượt → campaign.participants"]],
  ["the people of mobilising sessions counted in 'cuộc' ('1.250 cuộc tuyên truyền, vận động với 65.000 lượt người nghe'); a campaign's own count stays none",
    "Các cấp đã tổ chức 1.250 cuộc tuyên truyền, vận động với 65.000 lượt người nghe. Triển khai 3 cuộc vận động với 500 lượt người.",
    ["1250 cuộc → campaign.sessions", "65000 lượt → campaign.participants", "3 cuộc → -", "500 lượt → -"]],
  ["propaganda counted in 'cuộc' that disseminates the law ('tuyên truyền, phổ biến, giáo dục pháp luật') is no campaign's session",
    "Phối hợp tổ chức 12 cuộc tuyên truyền, phổ biến, giáo dục pháp luật trên sóng phát thanh. Đã tuyên truyền pháp luật được 20 cuộc.",
    ["12 cuộc → -", "20 cuộc → -"]],
  ["meetings of residents with no mobilising in the sentence stay without a key",
    "Ban công tác Mặt trận phối hợp tổ chức 12 cuộc họp dân bình xét hộ nghèo.",
    ["12 cuộc → -"]],
  ["campaigns and movements counted with their noun capitalised ('4 Chiến dịch tình nguyện') are counts, not names",
    "Chiến dịch hè gồm 01 Chương trình “Tiếp sức mùa thi” và 4 Chiến dịch tình nguyện; triển khai 3 Phong trào thi đua.",
    ["1 chương trình → -", "4 chiến dịch → -", "3 phong trào → -"]],
  ["houses by the level that supported them after 'trong đó', the central level and its verb among them, are houses",
    "Năm 2022, Mặt trận các cấp hỗ trợ xây dựng 645 nhà đại đoàn kết cho hộ nghèo. Trong đó, cấp tỉnh 210 nhà; cấp huyện hỗ trợ 185 nhà; cấp xã: 150 nhà; Trung ương hỗ trợ 100 nhà.",
    ["645 nhà → contrib.houses", "210 nhà → contrib.houses", "185 nhà → contrib.houses", "150 nhà → contrib.houses", "100 nhà → contrib.houses"]],
  ["money received from benefactors ('nhà hảo tâm', 'mạnh thường quân') is money given",
    "Năm 2023, Ủy ban MTTQ huyện đã tiếp nhận 2,5 tỷ đồng và 120 tấn gạo từ các nhà hảo tâm.",
    ["2500000000 đồng → contrib.money_vnd", "120 tấn → -"]],
  ["the total of what was socialised ('tổng giá trị xã hội hóa') is money mobilised, its people's part too; a work's cost stays none",
    "Tổng giá trị xã hội hóa đạt 12,5 tỷ đồng, trong đó Nhân dân đóng góp 4,3 tỷ đồng. Xây dựng nhà văn hóa thôn với kinh phí 800 triệu đồng, trong đó Nhân dân đóng góp 200 triệu đồng.",
    ["12500000000 đồng → contrib.money_vnd", "4300000000 đồng → contrib.money_vnd", "800000000 đồng → -", "200000000 đồng → contrib.money_vnd"]],
  ["labour or land the people gave, reckoned in money ('quy ra tiền'), is money they gave",
    "Nhân dân đóng góp 2.400 ngày công lao động, quy ra tiền trên 600 triệu đồng.",
    ["2400 ngày công → contrib.labor_days", "600000000 đồng → contrib.money_vnd"]],
  ["models recognised by level ('48 mô hình cấp huyện') after Dân vận khéo's models in the sentence are its models",
    "Năm 2023, toàn huyện xây dựng 125 mô hình “Dân vận khéo” (65 mô hình tập thể, 60 mô hình cá nhân); công nhận 48 mô hình cấp huyện, 12 mô hình cấp tỉnh. Có 30 mô hình cấp xã về kinh tế.",
    ["125 mô hình → dvk.models", "65 mô hình → dvk.models", "60 mô hình → dvk.models", "48 mô hình → dvk.models", "12 mô hình → dvk.models", "30 mô hình → -"]],
  ["houses repaired listed in parentheses after houses handed over ('(xây mới 18 nhà, sửa chữa 4 nhà)') are houses",
    "Khởi công, bàn giao 22 nhà Đại đoàn kết (xây mới 18 nhà, sửa chữa 4 nhà), tổng trị giá 1,1 tỷ đồng.",
    ["22 nhà → contrib.houses", "18 nhà → contrib.houses", "4 nhà → contrib.houses", "1100000000 đồng → -"]],
  ["the money for houses, in the clause after them under a label naming the houses, is the money they took",
    "Nhà Đại đoàn kết: xây mới 12 căn, sửa chữa 5 căn; kinh phí 680 triệu đồng.",
    ["12 căn → contrib.houses", "5 căn → contrib.houses", "680000000 đồng → contrib.money_vnd"]],
  ["land handed over without compensation is land donated; land cleared for a project with compensation is not",
    "Các hộ gia đình tự nguyện giải phóng mặt bằng, bàn giao 5.000 m2 đất cho dự án mà không nhận đền bù. Thu hồi 3.200 m2 đất, bồi thường 2 tỷ đồng.",
    ["5000 m2 → contrib.land_m2", "3200 m2 → -", "2000000000 đồng → -"]],
];

describe("extractor: mass organisations' reports", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
