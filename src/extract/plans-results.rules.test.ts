import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * A target, a plan or a forecast governs the items listed after it across commas, until a result clause starts
 * (rules-plans.ts). Made-up sentences, shown as "value[/of] unit → indicator".
 */
const cases: Array<[string, string, string[]]> = [
  ["every item of a target's list is a target, past the comma",
    "Năm 2025, phường được giao chỉ tiêu hỗ trợ xây mới 14 căn nhà, sửa chữa 6 căn nhà cho hộ cận nghèo.",
    ["14 căn → -", "6 căn → -"]],
  ["a target's list, then a result clause opened by 'đến nay đã': the result keeps its key",
    "Thị trấn giao chỉ tiêu làm mới 20 nhà đại đoàn kết, sửa chữa 8 nhà đại đoàn kết, đến nay đã bàn giao 23 nhà đại đoàn kết.",
    ["20 nhà → -", "8 nhà → -", "23 nhà → contrib.houses"]],
  ["a target assigned, then 'kết quả … được': the money mobilised keeps its key (guard)",
    "Được giao chỉ tiêu vận động Quỹ Vì người nghèo 700 triệu đồng, kết quả đã vận động được 860 triệu đồng.",
    ["700000000 đồng → -", "860000000 đồng → contrib.money_vnd"]],
  ["a target assigned, then the verb 'vận động được' alone opens the result (guard)",
    "Xã giao chỉ tiêu vận động Quỹ 400 triệu đồng, các thôn vận động được 455 triệu đồng.",
    ["400000000 đồng → -", "455000000 đồng → contrib.money_vnd"]],
  ["a plan heading the sentence governs its list",
    "Kế hoạch năm 2026 vận động Quỹ 650 triệu đồng, làm mới 9 nhà đại đoàn kết.",
    ["650000000 đồng → -", "9 nhà → -"]],
  ["a plan heading the sentence, then 'thực hiện được': the result keeps its key (guard)",
    "Chỉ tiêu năm 2024 vận động 500 triệu đồng, thực hiện được 610 triệu đồng.",
    ["500000000 đồng → -", "610000000 đồng → contrib.money_vnd"]],
  ["a target striven for ('phấn đấu'), then 'kết quả đã': the result is no target",
    "Phấn đấu vận động Quỹ Vì người nghèo 300 triệu đồng, kết quả đã vận động được 345 triệu đồng.",
    ["300000000 đồng → -", "345000000 đồng → contrib.money_vnd"]],
  ["a forecast ('dự kiến'), then 'đến nay đã': the houses handed over keep their key",
    "Dự kiến khởi công 26 nhà đại đoàn kết, đến nay đã bàn giao 11 nhà đại đoàn kết.",
    ["26 nhà → -", "11 nhà → contrib.houses"]],
  ["'phấn đấu … đạt' and the items after it stay a target (guard: 'đạt' is the target's own verb)",
    "Năm 2026 phấn đấu vận động Quỹ đạt 900 triệu đồng, làm mới 7 nhà đại đoàn kết.",
    ["900000000 đồng → -", "7 nhà → -"]],
  ["a plan's document number heading the sentence is no plan (guard)",
    "Kế hoạch 52/KH-UBND được triển khai rộng rãi, các xã đã tổ chức 16 hội nghị tuyên truyền, phổ biến pháp luật.",
    ["16 hội nghị → dissemination.conferences"]],
];

describe("extractor: a target's or a plan's list, and the result after it (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seenFigures(sentence), expected));
});
