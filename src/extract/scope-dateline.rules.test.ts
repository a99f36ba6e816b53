/**
 * The place of a document's date line as its unit, when the text speaks from a district or a commune and names no
 * unit otherwise. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => { const s = extractReport(t).scope; return [s.unit, s.level]; };

describe("scope: the place of the date line ('Yên Sơn, ngày 12 tháng 12 năm 2024')", () => {
  test("a district's or a commune's document that names no unit is its date line's place's", () => {
    assert.deepEqual(scope("HUYỆN ỦY\nBAN DÂN VẬN\nYên Sơn, ngày 14 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác dân vận năm 2024\nNăm 2024, Ban Dân vận Huyện ủy đã tham mưu tổ chức 8 hội nghị quán triệt."), ["huyện Yên Sơn", "district"]);
    assert.deepEqual(scope("ĐẢNG ỦY XÃ\nIa Mlah, ngày 20/6/2024\nBÁO CÁO kết quả công tác dân vận 6 tháng đầu năm 2024\nĐảng ủy xã đã lãnh đạo tổ chức 9 buổi tuyên truyền."), ["xã Ia Mlah", "commune"]);
  });
  test("a place several units bear, or a unit named in the text, stays as it was", () => {
    assert.deepEqual(scope("Tân Lập, ngày 14 tháng 12 năm 2024\nUBND xã báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2024. Xã tổ chức 9 buổi tuyên truyền."), [null, "commune"]);
    assert.deepEqual(scope("Yên Sơn, ngày 14 tháng 12 năm 2024\nBan Dân vận Huyện ủy Sơn Dương tổng kết công tác dân vận năm 2024. Toàn huyện tổ chức 8 hội nghị."), ["huyện Sơn Dương", "district"]);
  });
  test("a province's document dated at its seat ('Buôn Ma Thuột, ngày …'), the board under 'TỈNH ỦY' on the next line no place", () => {
    assert.deepEqual(scope("TỈNH ỦY\nBAN DÂN VẬN\nBuôn Ma Thuột, ngày 11 tháng 12 năm 2024\nBÁO CÁO\nKết quả công tác dân vận năm 2024\nNăm 2024, Ban Dân vận Tỉnh ủy tham mưu ban hành 9 văn bản; toàn tỉnh có 1.800 mô hình."), ["tỉnh Đắk Lắk", "province"]);
    assert.deepEqual(scope("TỈNH ỦY\nBAN DÂN VẬN\nSố 40-BC/BDVTU\nBÁO CÁO\nKết quả công tác dân vận năm 2024\nNăm 2024, Ban Dân vận Tỉnh ủy tham mưu ban hành 9 văn bản; toàn tỉnh có 1.800 mô hình."), [null, "province"]);
  });
});
