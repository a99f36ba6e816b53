import { test } from "node:test";
import assert from "node:assert/strict";
import { documentNumberLine, formatDateLong, formatMoney, formatNumber, formatPercent, formatRatio, placeDateLine, upper } from "./format.ts";

test("numbers group thousands with '.' and use ',' for decimals", () => {
  assert.equal(formatNumber(22590), "22.590");
  assert.equal(formatNumber(2213), "2.213");
  assert.equal(formatNumber(104508), "104.508");
  assert.equal(formatNumber(71), "71");
  assert.equal(formatNumber(1234.5), "1.234,5");
});

test("percentages have one decimal with a comma, and no ',0'", () => {
  assert.equal(formatPercent(93.1), "93,1%");
  assert.equal(formatRatio(34, 37), "91,9%");
  assert.equal(formatRatio(10, 10), "100%");
  assert.equal(formatPercent(88.04), "88%");
});

test("money is spelled in scales", () => {
  assert.equal(formatMoney(2_631_000_000), "2 tỷ 631 triệu đồng");
  assert.equal(formatMoney(35_000_000), "35 triệu đồng");
  assert.equal(formatMoney(1_500_000_000), "1 tỷ 500 triệu đồng");
  assert.equal(formatMoney(1_234_000_000_000), "1.234 tỷ đồng");
  assert.equal(formatMoney(12_345), "12 nghìn 345 đồng");
  assert.equal(formatMoney(2_000_000_000), "2 tỷ đồng");
});

test("dates: both formats zero-pad day < 10 and months 1–2 (NĐ 30/2020; 36-HD/VPTW dates itself \"ngày 03 tháng 4 năm 2018\")", () => {
  assert.equal(formatDateLong("2023-12-26"), "ngày 26 tháng 12 năm 2023");
  assert.equal(formatDateLong("2024-01-05", "party"), "ngày 05 tháng 01 năm 2024");
  assert.equal(formatDateLong("2018-04-03", "party"), "ngày 03 tháng 4 năm 2018");
  assert.equal(formatDateLong("2024-01-05", "state"), "ngày 05 tháng 01 năm 2024");
  assert.equal(formatDateLong("2024-02-14", "state"), "ngày 14 tháng 02 năm 2024");
  assert.equal(formatDateLong("2024-03-09", "state"), "ngày 09 tháng 3 năm 2024");
  assert.equal(placeDateLine("Krông Pa", "2023-12-26", "party"), "Krông Pa, ngày 26 tháng 12 năm 2023");
});

test("document numbers: Party 'Số 12-BC/BDVHU', State 'Số: 05/BC-UBND', blank until issued", () => {
  assert.equal(documentNumberLine("party", 12, "BC", "BDVHU"), "Số 12-BC/BDVHU");
  assert.equal(documentNumberLine("party", 1, "BC", "BDVHU"), "Số 01-BC/BDVHU");
  assert.equal(documentNumberLine("state", 5, "BC", "UBND"), "Số: 05/BC-UBND");
  assert.match(documentNumberLine("state", null, "BC", "UBND"), /^Số: +\/BC-UBND$/);
});

test("upper case keeps Vietnamese letters", () => {
  assert.equal(upper("Huyện ủy Krông Pa"), "HUYỆN ỦY KRÔNG PA");
  assert.equal(upper("đảng ủy xã ia rsai"), "ĐẢNG ỦY XÃ IA RSAI");
});
