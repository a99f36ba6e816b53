import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Results listed as "label number" with no unit word after the number (read-label-items.ts), and a count bare
 * after its label broken down by field in parentheses (items.ts), as whole periodic reports write them.
 * Every sentence is made up.
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["cases counted after 'tổng số' and the noun, then the items that break them down, each by its label",
    "Công tác hòa giải: tổng số vụ việc 52, hòa giải thành 47, không thành 5.",
    ["52 vụ → mediation.cases", "47 vụ → mediation.successful", "5 vụ → -"]],
  ["reception and petitions counted after their noun, across ';'",
    "Tiếp công dân: tổng số lượt 64, số người 81; tiếp nhận đơn thư 27, đã giải quyết 25.",
    ["64 lượt → reception.turns", "81 người → reception.people", "27 đơn → petitions.received", "25 đơn → petitions.resolved"]],
  ["a verb of receiving before the noun opens the list too",
    "- Hòa giải ở cơ sở: thụ lý vụ việc 18, hòa giải thành 15, đang giải quyết 3.",
    ["18 vụ → mediation.cases", "15 vụ → mediation.successful", "3 vụ → -"]],
  ["petitions labelled by their noun alone, then the items that follow it",
    "Tiếp công dân 38 lượt, 44 người; đơn thư 21, đã giải quyết 19, đang giải quyết 2.",
    ["38 lượt → reception.turns", "44 người → reception.people", "21 đơn → petitions.received", "19 đơn → petitions.resolved", "2 đơn → -"]],
  ["the noun after 'số' and what it did, before the number",
    "Số vụ việc tiếp nhận 26, số vụ hòa giải thành 22; số người được tiếp 57.",
    ["26 vụ → mediation.cases", "22 vụ → mediation.successful", "57 người → reception.people"]],
  ["models under their label listed by field, no count of them all",
    "Mô hình “Dân vận khéo”: kinh tế 31, văn hóa - xã hội 18, quốc phòng - an ninh 9, xây dựng hệ thống chính trị 5.",
    ["31 mô hình → dvk.models", "18 mô hình → dvk.models", "9 mô hình → dvk.models", "5 mô hình → dvk.models"]],
  ["labour days labelled by their noun alone",
    "Kết quả vận động: tiền mặt 850 triệu đồng; ngày công 1.450.",
    ["850000000 đồng → contrib.money_vnd", "1450 ngày công → contrib.labor_days"]],
  ["units named with a number after 'số lượng' stay unread",
    "Số lượng đơn vị 12, số hộ 340.",
    []],
  ["petitions named by a label before its colon, then items of what was done with them",
    "Đơn thư: tiếp nhận 29, đã giải quyết 27, đang giải quyết 2.",
    ["29 đơn → petitions.received", "27 đơn → petitions.resolved", "2 đơn → -"]],
  ["bare items after a count of cases with its noun after it",
    "Các tổ hòa giải tiếp nhận 63 vụ việc, hòa giải thành 58, không thành 5.",
    ["63 vụ → mediation.cases", "58 vụ → mediation.successful", "5 vụ → -"]],
  ["a year's count after a count of petitions is no item of it",
    "Tiếp nhận 56 đơn, năm 2023 là 40.",
    ["56 đơn → petitions.received"]],
  ["an activity's label before the head names what its noun counts, and items by level are the head's",
    "Giám sát: tổng số cuộc 17, cấp huyện 3, cấp xã 14.",
    ["17 cuộc → oversight.count", "3 cuộc → oversight.count", "14 cuộc → oversight.count"]],
  ["items by place with a name are no items of the head",
    "Tiếp nhận 40 vụ việc, xã A 12, xã B 8.",
    ["40 vụ → -"]],
  ["recipients right after a label's colon, the first one too",
    "Khen thưởng: tập thể 9, cá nhân 23. Điển hình “Dân vận khéo”: tập thể 14, cá nhân 26.",
    ["9 tập thể → awards.collectives", "23 cá nhân → awards.individuals", "14 tập thể → dvk.exemplars", "26 cá nhân → dvk.exemplars"]],
  ["names with a number and nouns the list does not count stay unread",
    "Tổng số hộ 1.250, số khẩu 4.800; thôn 5, tổ dân phố 12 tổ chức họp dân.",
    []],
  ["a rate or a change after the list is no item of it",
    "Tổng số vụ việc 30, hòa giải thành 27, đạt tỷ lệ 90%.",
    ["30 vụ → mediation.cases", "27 vụ → mediation.successful", "90 % → mediation.successful"]],
  ["a count bare after its label, broken down by field in parentheses",
    "Mô hình “Dân vận khéo”: 38 (kinh tế 15, văn hóa - xã hội 12, quốc phòng - an ninh 7, xây dựng hệ thống chính trị 4).",
    ["38 mô hình → dvk.models", "15 mô hình → dvk.models", "12 mô hình → dvk.models", "7 mô hình → dvk.models", "4 mô hình → dvk.models"]],
  ["a label naming nothing countable leaves its parenthesis unread",
    "Dân số: 4.500 (nam 2.100, nữ 2.400).",
    []],
  ["a share of communes after a list of rates says its own thing, not the rate before it",
    "Kết quả năm: tỷ lệ giải quyết đơn thư đạt 94%, tỷ lệ hòa giải thành đạt 87%, 100% xã, thị trấn tổ chức đối thoại với Nhân dân.",
    ["94 % → petitions.resolution_rate", "87 % → mediation.successful", "100 % → -"]],
  ["a list of bare rates after one heading still shares the heading's rate",
    "Tỷ lệ hòa giải thành qua các năm lần lượt là 82%, 85% và 88%.",
    ["82 % → mediation.successful", "85 % → mediation.successful", "88 % → mediation.successful"]],
];

describe("extractor: results listed as label and number (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seen(sentence), expected));
});
