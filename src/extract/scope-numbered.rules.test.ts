/**
 * Scope rules found on a study set of public news texts (sa): a commune or ward whose listed name ends in a number
 * ("xã Thường Phước 1", 2025's "xã A Lưới 2", "phường Mỹ Đình 2", "xã Đường 10") is that unit, not a namesake without
 * the number; a number that opens a span of time or a date after the name stays outside it. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: a unit whose name ends in a number", () => {
  const cases: Array<[string, string, string]> = [
    ["Ngày 12/3/2023, UBND xã Thường Phước 1 tổ chức đối thoại với Nhân dân; có 15 lượt ý kiến của Nhân dân xã Thường Phước 1.", "xã Thường Phước 1", "29956"],
    ["Năm 2025, Ủy ban MTTQ xã A Lưới 2 vận động 120 triệu đồng cho Quỹ Vì người nghèo và tổ chức 8 cuộc giám sát.", "xã A Lưới 2", "20044"],
    ["Sáng 5/10/2025, Hội Nông dân xã Bảo Lâm 1 tổng kết năm 2025; Hội Nông dân xã Bảo Lâm 1 có 12 chi hội.", "xã Bảo Lâm 1", "25054"],
    ["Năm 2024, UBND phường Mỹ Đình 2 tiếp 45 lượt công dân, giải quyết 30 đơn thư.", "phường Mỹ Đình 2", "00626"],
    ["Năm 2023, UBND xã Đường 10 tiếp 12 lượt công dân; các tổ hòa giải hòa giải thành 5 vụ việc.", "xã Đường 10", "25398"],
  ];
  for (const [text, unit, code] of cases) {
    test(`'${unit}' keeps its number`, () => {
      const s = scope(text);
      assert.deepEqual([s.unit, s.unitCode], [unit, code]);
    });
  }
  test("a number opening a span of time or a date is not part of the name", () => {
    assert.equal(scope("Trong 6 tháng đầu năm 2024, phường Hòa Bình 10 tháng liền không có đơn thư vượt cấp.").unit, "phường Hòa Bình");
    assert.equal(scope("Năm 2024, UBND xã Tân Lập 2 năm liền được công nhận đơn vị dân vận khéo, tiếp 20 lượt công dân.").unit, "xã Tân Lập");
  });
  test("a Roman numeral after a name the lists hold only without it: the unit as written, which they no longer hold", () => {
    const s = scope("Năm 2024, UBND phường Hải Châu I tiếp 40 lượt công dân; phường Hải Châu I hòa giải thành 6 vụ việc.");
    assert.equal(s.unit, "phường Hải Châu I");
    assert.equal(scope("Năm 2024, HĐND xã Tam Xuân I tổ chức 3 cuộc giám sát.").unit, "xã Tam Xuân I");
  });
});
