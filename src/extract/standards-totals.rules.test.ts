import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Communes and schools that reached a standard, named by a label or by every criterion met, their shares, and all the
 * communes, schools or villages a unit has (made-up sentences). Shown as a reviewer sees them: "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  // Communes and schools: the standard named by a label before the count.
  ["a label naming the standard before the count of communes",
    "Số xã đạt chuẩn nông thôn mới: 9/11 xã.", ["9/11 xã → new_rural.communes"]],
  ["a total labelled by the advanced standard is those communes, not all communes",
    "Tổng số xã đạt chuẩn nông thôn mới nâng cao trên địa bàn là 7 xã.", ["7 xã → new_rural.advanced"]],
  ["a label naming the national standard before the count of schools",
    "Số trường đạt chuẩn quốc gia là 21/30 trường.", ["21/30 trường → schools.standard"]],
  ["a label naming the model standard has no key",
    "Xã đạt chuẩn nông thôn mới kiểu mẫu: 2 xã.", ["2 xã → -"]],
  ["a label of communes registered for the standard has no key",
    "Số xã đăng ký đạt chuẩn nông thôn mới: 3 xã.", ["3 xã → -"]],
  ["a label's standard does not reach communes whose own clause names another",
    "Tổng số xã đạt chuẩn nông thôn mới nâng cao là 12 xã và 3 xã đạt chuẩn nông thôn mới kiểu mẫu.", ["12 xã → new_rural.advanced", "3 xã → -"]],
  ["communes building toward the standard have not reached it",
    "Hội tổ chức truyền thông tại 9 xã xây dựng nông thôn mới nâng cao.", ["9 xã → -"]],
  // Shares of communes or schools written before the noun.
  ["a share of the communes written before them",
    "Toàn huyện có 90% số xã đạt chuẩn nông thôn mới.", ["90 % → new_rural.communes"]],
  ["a share of the schools written before them",
    "Hiện có 64% số trường đạt chuẩn quốc gia.", ["64 % → schools.standard"]],
  ["a share of communes doing something else has no key",
    "Có 80% số xã tổ chức đối thoại.", ["80 % → -"]],
  // Communes that met every criterion.
  ["communes that met all nineteen criteria reached the standard",
    "Đến nay có 8/10 xã hoàn thành 19/19 tiêu chí nông thôn mới.", ["8/10 xã → new_rural.communes", "19/19 tiêu chí → -"]],
  ["a commune that met nineteen criteria, after those with some, the programme named before",
    "Toàn huyện có 2 xã đạt 12 tiêu chí nông thôn mới; 1 xã đạt 19 tiêu chí.", ["2 xã → -", "12 tiêu chí → -", "1 xã → new_rural.communes", "19 tiêu chí → -"]],
  ["communes with some criteria met have not",
    "Có 4 xã đạt từ 15 đến 18 tiêu chí nông thôn mới.", ["4 xã → -", "15 tiêu chí → -", "18 tiêu chí → -"]],
  // All the communes or schools a unit has.
  ["communes and towns a district has are all its communes",
    "Huyện có 14 xã, thị trấn với trên 90 nghìn dân.", ["14 xã → communes.total", "90000 dân → -"]],
  ["communes a district has, its towns counted beside them (the district's list closed)",
    "Huyện có 16 xã, 2 thị trấn.", ["16 xã → communes.total", "2 thị trấn → -"]],
  ["schools a district has are all its schools",
    "Huyện hiện có 42 trường học các cấp.", ["42 trường → schools.total"]],
  ["administrative units of the commune level are the communes",
    "Sau sắp xếp, huyện có 21 đơn vị hành chính cấp xã.", ["21 đơn vị → communes.total"]],
  ["administrative units broken down into communes and towns",
    "Huyện có 17 đơn vị hành chính, gồm 15 xã và 2 thị trấn.", ["17 đơn vị → communes.total", "15 xã → -", "2 thị trấn → -"]],
  ["administrative units of the commune level left after a merger are all the communes",
    "Sau sắp xếp, tỉnh còn 96 đơn vị hành chính cấp xã.", ["96 đơn vị → communes.total"]],
  ["administrative units of the district level are not communes",
    "Tỉnh có 10 đơn vị hành chính cấp huyện.", ["10 đơn vị → -"]],
  ["every commune named as all of them",
    "Tất cả 18 xã, thị trấn đều thành lập tổ công tác.", ["18 xã → communes.total"]],
  ["every commune of the province, where they are said after them",
    "Tất cả 95 xã, phường, thị trấn trong tỉnh đều có tổ dân vận.", ["95 xã → communes.total"]],
  // Villages a unit has.
  ["villages a commune is made of",
    "Xã Hòa Lợi gồm 14 thôn, bản.", ["14 thôn → villages.total"]],
  ["villages listed after the communes of a district",
    "Trên địa bàn huyện có 11 xã, 1 thị trấn, 93 thôn, bản.", ["11 xã → -", "1 thị trấn → -", "93 thôn → villages.total"]],
  ["villages of a list that reached something are only some",
    "Huyện có 12 xã đạt chuẩn nông thôn mới, 45 thôn đạt chuẩn văn hóa.", ["12 xã → new_rural.communes", "45 thôn → -"]],
  ["villages of a new commune marked so",
    "Xã Hòa Thịnh (mới) có 23 thôn.", ["23 thôn → villages.total"]],
  ["villages of the commune a sentence opens with, after a comma",
    "Xã Hòa Phú được thành lập trên cơ sở sáp nhập 3 xã, có 31 thôn.", ["3 xã → -", "31 thôn → villages.total"]],
  ["villages of a kind after a comma are only some",
    "Xã Hòa Phú có 1.200 hộ, có 5 thôn đặc biệt khó khăn.", ["1200 hộ → -", "5 thôn → -"]],
  ["villages after the communes of a district",
    "Huyện có 13 xã, 1 thị trấn với 156 thôn, bản.", ["13 xã → communes.total", "1 thị trấn → -", "156 thôn → villages.total"]],
];

describe("standards and totals", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
