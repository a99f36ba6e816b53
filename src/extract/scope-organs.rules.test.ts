/**
 * Scope rules for organs named beside the reporting unit that do not speak in its text: an organ that commends its
 * people from above. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: the organ that commends is not the reporting unit", () => {
  test("'được Ban Dân vận Tỉnh ủy biểu dương, khen thưởng' in a district's news", () => {
    const t = "Krông Năng: 12 điển hình “Dân vận khéo” được biểu dương\nVừa qua, huyện Krông Năng có 12 tập thể, cá nhân điển hình “Dân vận khéo” được Ban Dân vận Tỉnh ủy biểu dương, khen thưởng.\nTiêu biểu như Tổ dân vận thôn 3 (xã Ea Hồ) vận động hiến 1.200 m2 đất; Chi hội Phụ nữ thôn 5 (xã Phú Lộc) giúp 10 hộ nghèo; Đội An ninh, Công an huyện vận động giao nộp 4 khẩu súng tự chế.";
    const s = scope(t);
    assert.equal(s.unit, "huyện Krông Năng");
    assert.equal(s.level, "district");
  });
  test("'được UBND tỉnh A tặng Bằng khen' and 'Bằng khen của Chủ tịch UBND tỉnh' in a commune's news", () => {
    const t = "Năm 2023, Mặt trận xã Ea Tul vận động Nhân dân hiến 5.000 m2 đất làm đường. Với kết quả đó, Ủy ban MTTQ xã Ea Tul được UBND tỉnh Đắk Lắk tặng Bằng khen; 3 cá nhân nhận Bằng khen của Chủ tịch UBND tỉnh Đắk Lắk về thành tích xuất sắc.";
    assert.equal(scope(t).unit, "xã Ea Tul");
  });
  test("an organ that commends in the active voice still speaks: 'Ban Dân vận Tỉnh ủy khen thưởng 20 tập thể'", () => {
    const t = "Sáng 12/1, Ban Dân vận Tỉnh ủy Đắk Lắk tổng kết công tác dân vận năm 2023. Dịp này, Ban Dân vận Tỉnh ủy khen thưởng 20 tập thể, 25 cá nhân; huyện Krông Năng được biểu dương.";
    assert.equal(scope(t).unit, "tỉnh Đắk Lắk");
  });
});
