import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["money written in number words takes its scale word",
    "Năm 2024, xã vận động được gần bốn tỷ đồng; huyện ủng hộ hơn hai triệu đồng.",
    ["4000000000 đồng → contrib.money_vnd", "2000000 đồng → contrib.money_vnd"]],
  ["the parts of money mobilised, listed by level after 'trong đó' in clauses of their own, are mobilised",
    "Năm 2024, MTTQ các cấp vận động được 8,5 tỷ đồng; trong đó, cấp tỉnh 3 tỷ đồng; cấp huyện 2,5 tỷ đồng; cấp xã 3 tỷ đồng.",
    ["8500000000 đồng → contrib.money_vnd", "3000000000 đồng → contrib.money_vnd", "2500000000 đồng → contrib.money_vnd", "3000000000 đồng → contrib.money_vnd"]],
  ["money spent after 'trong đó' stays no money mobilised",
    "Quỹ vận động được 5 tỷ đồng; trong đó, đã chi hỗ trợ 4 tỷ đồng; cấp tỉnh giải ngân 1 tỷ đồng.",
    ["5000000000 đồng → contrib.money_vnd", "4000000000 đồng → -", "1000000000 đồng → -"]],
  ["the total worth of land and labour the people gave for a road is money mobilised; a house's worth stays a worth",
    "Vận động Nhân dân hiến đất, đóng góp ngày công làm đường giao thông nông thôn, tổng giá trị ước tính trên 6 tỷ đồng. Bàn giao 7 căn nhà Đại đoàn kết, trị giá 300 triệu đồng.",
    ["6000000000 đồng → contrib.money_vnd", "7 căn → contrib.houses", "300000000 đồng → -"]],
];

describe("extractor: contributions, campaigns, awards and standards reached", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
