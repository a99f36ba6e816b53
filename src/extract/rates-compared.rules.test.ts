import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * A rate for each item and a comparison with an earlier period are no totals of the period (rules-rates.ts); the figure of
 * the earlier period itself keeps its key. Made-up sentences, shown as "value[/of] unit → indicator".
 */
const cases: Array<[string, string, string[]]> = [
  ["money for one item, said as 'một căn' after it, is a rate",
    "Quỹ hỗ trợ làm mới 9 căn nhà đại đoàn kết, với mức 45 triệu đồng một căn.",
    ["9 căn → contrib.houses", "45000000 đồng → -"]],
  ["money 'for one' item written '/1 suất' is a rate",
    "Hội trao 150 suất quà cho hộ khó khăn, trị giá 400.000 đồng/1 suất.",
    ["150 suất → -", "400000 đồng → -", "1 suất → -"]],
  ["the level of support ('với mức hỗ trợ'), no item named, is a rate",
    "Hỗ trợ sửa chữa 7 căn nhà cho hộ nghèo, với mức hỗ trợ 25 triệu đồng.",
    ["7 căn → contrib.houses", "25000000 đồng → -"]],
  ["a level given as a range ('mức hỗ trợ từ … đến …') is a rate at both ends",
    "Hỗ trợ làm mới 5 căn nhà, mức hỗ trợ từ 35 đến 55 triệu đồng.",
    ["5 căn → contrib.houses", "35000000 đồng → -", "55000000 đồng → -"]],
  ["the one house a level is set for is no house built",
    "Mức hỗ trợ làm mới 1 căn nhà đại đoàn kết là 45 triệu đồng/căn.",
    ["1 căn → -", "45000000 đồng → -"]],
  ["the total given after a rate keeps its key (guard: 'tổng mức' is a total)",
    "Hỗ trợ 45 triệu đồng/căn cho 9 hộ nghèo, tổng mức hỗ trợ 405 triệu đồng.",
    ["45000000 đồng → -", "9 hộ → -", "405000000 đồng → contrib.money_vnd"]],
  ["a share of an earlier period is no share of the count",
    "Năm nay tiếp 140 lượt công dân, bằng 82% so với cùng kỳ năm trước.",
    ["140 lượt → reception.turns", "82 % → -"]],
  ["a share of money against an earlier year is no money",
    "Vận động Quỹ Vì người nghèo được 720 triệu đồng, bằng 115% so với năm 2023.",
    ["720000000 đồng → contrib.money_vnd", "115 % → -"]],
  ["a difference from an earlier period named before it is no count",
    "Tiếp 140 lượt công dân, ít hơn cùng kỳ 18 lượt.",
    ["140 lượt → reception.turns", "18 lượt → -"]],
  ["the earlier period's own figure keeps its key; a share of the plan keeps the count's (guard)",
    "Hòa giải thành 36 vụ, đạt 92% kế hoạch (cùng kỳ năm trước hòa giải thành 31 vụ).",
    ["36 vụ → mediation.successful", "92 % → mediation.successful", "31 vụ → mediation.successful"]],
];

describe("extractor: rates for each item and comparisons with an earlier period (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seenFigures(sentence), expected));
});
