import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Phrasings of the mass organisations' reports (made-up sentences): a congress's delegates and the members
 * they stand for, houses built in the southern word, money spent from a fund mobilised, veterans counted in
 * capitals. Shown as a reviewer sees them: "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["delegates standing for the members at a congress are its structure, not people briefed",
    "Có 150 đại biểu đại diện cho 3.400 hội viên trong toàn huyện dự hội nghị.",
    ["150 đại biểu → -", "3400 hội viên → -"]],
  ["delegates of a congress held as a meeting are no audience of a briefing",
    "Đại hội Hội Nông dân huyện lần thứ X: 120 đại biểu chính thức tham dự hội nghị.",
    ["120 đại biểu → -"]],
  ["a briefing's delegates still attend it",
    "Hội nghị quán triệt Nghị quyết có 250 đại biểu tham dự.",
    ["250 đại biểu → dissemination.attendees"]],
  ["houses built in the southern word 'cất', bare before the kind named after them",
    "Vận động cất 120 căn, sửa chữa 15 căn nhà Đại đoàn kết.",
    ["120 căn → contrib.houses", "15 căn → contrib.houses"]],
  ["money spent from a fund mobilised in the same sentence is support given",
    "Quỹ Vì người nghèo đã vận động được 20 tỷ đồng; đã chi 18 tỷ đồng bao gồm: chi xây dựng nhà 40 căn.",
    ["20000000000 đồng → contrib.money_vnd", "18000000000 đồng → contrib.money_vnd", "40 căn → contrib.houses"]],
  ["money spent from a budget stays without a key",
    "Ngân sách huyện năm nay 200 tỷ đồng; đã chi 150 tỷ đồng cho đầu tư công.",
    ["200000000000 đồng → -", "150000000000 đồng → -"]],
  ["veterans counted in capitals or in words are people counted",
    "Có 16 CCB đạt danh hiệu cấp tỉnh và 120 cựu chiến binh đạt cấp huyện.",
    ["16 cựu chiến binh → -", "120 cựu chiến binh → -"]],
  ["houses for the poor counted by the households after a list of the houses replaced",
    "Hoàn thành xóa nhà tạm, nhà dột nát cho gần 396 hộ khó khăn.",
    ["396 hộ → contrib.houses"]],
  ["what houses handed over are worth, after a comma, is their worth, not money mobilised",
    "Vận động xây tặng và bàn giao 07 căn nhà Đại đoàn kết, trị giá hơn 300 triệu đồng; sửa chữa 10 căn nhà, với tổng trị giá 200 triệu đồng.",
    ["7 căn → contrib.houses", "300000000 đồng → -", "10 căn → contrib.houses", "200000000 đồng → -"]],
  ["millions typed 'triệu động' are money",
    "Vận động Nhân dân nâng cấp 7 tuyến đường với kinh phí trên 100 triệu động.",
    ["7 tuyến đường → -", "100000000 đồng → contrib.money_vnd"]],
  ["turns and people received written 'a/b người' after the same count written 'lượt/người' in the passage",
    "Toàn tỉnh tiếp 259 lượt công dân/316 người. Trong đó, tiếp thường xuyên 161/201 người; tiếp định kỳ 98 lượt/115 người.",
    ["259 lượt → reception.turns", "316 người → reception.people", "161 lượt → reception.turns", "201 người → reception.people", "98 lượt → reception.turns", "115 người → reception.people"]],
  ["a part of the people received stays a part where the passage writes no turns against people",
    "Tiếp nhận ý kiến của 161/201 người tham gia.",
    ["161/201 người → -"]],
  ["temporary and dilapidated houses replaced for the poor are houses; temporary houses merely counted are not",
    "Hoàn thành xóa 45 nhà tạm, nhà dột nát cho hộ nghèo; hỗ trợ xóa 1.250 căn nhà tạm. Toàn huyện còn 30 nhà tạm.",
    ["45 nhà → contrib.houses", "1250 căn → contrib.houses", "30 nhà → -"]],
  ["houses counted bare in a passage on replacing temporary houses are its houses, and their share too",
    "Về xóa nhà tạm, nhà dột nát: đã hoàn thành 250/300 căn, đạt 83,3%. Phong trào xóa nhà tạm: toàn tỉnh đã xóa được 1.520 nhà, trong đó xây mới 1.200 nhà, sửa chữa 320 nhà.",
    ["250/300 căn → contrib.houses", "83.3 % → contrib.houses", "1520 nhà → contrib.houses", "1200 nhà → contrib.houses", "320 nhà → contrib.houses"]],
];

describe("extractor: phrasings of the mass organisations' reports (made-up sentences)", () => {
  for (const [name, sentence, want] of cases) test(name, () => assert.deepEqual(seen(sentence), want));
});
