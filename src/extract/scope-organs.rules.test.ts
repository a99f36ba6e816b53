/**
 * Scope rules for organs named beside the reporting unit that do not speak in its text: an organ that commends its
 * people from above, the committees of the level below named in the plural, the seat a meeting sat at. Sentences are
 * made up.
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

describe("scope: the plural organs and a meeting's venue are not the speaker", () => {
  test("a province's meeting with 'các Huyện ủy, Thành ủy', held at one district's committee", () => {
    const t = "Giao ban công tác dân vận các Huyện ủy, Thành ủy quý II năm 2024\nSáng 28/6/2024, tại Huyện ủy Krông Năng, Ban Dân vận Tỉnh ủy tổ chức giao ban công tác dân vận các huyện ủy, thành ủy quý II. Tham dự có đồng chí Y Phôn - Bí thư Huyện ủy, Chủ tịch HĐND huyện Krông Năng; Trưởng ban dân vận các Huyện ủy, Thành ủy; đồng chí Lê Văn Tuấn - Phó Trưởng Ban Dân vận Tỉnh ủy Đắk Lắk chủ trì. Bộ Chỉ huy Quân sự tỉnh tổ chức khám bệnh cho 300 người dân.";
    const s = scope(t);
    assert.equal(s.unit, "tỉnh Đắk Lắk");
    assert.equal(s.level, "province");
  });
  test("a district's own meeting at its committee's hall stays the district's", () => {
    const t = "Sáng 12/1, tại Hội trường Huyện ủy, Ban Dân vận Huyện ủy Krông Năng tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm 2023, toàn huyện có 146 mô hình dân vận khéo.";
    assert.equal(scope(t).unit, "huyện Krông Năng");
  });
});

describe("scope: a headline's organ abbreviated before its bare place, a newspaper's address as the source", () => {
  const body = "\nSáng 12/1, hội nghị tổng kết công tác năm 2023 đã diễn ra. Năm 2023, các cấp hội đã vận động 120 hộ hiến 3.000 m2 đất làm đường giao thông nông thôn.";
  test("'Hội ND Krông Pa tổng kết …', 'Huyện đoàn Ea Kar ra quân …'", () => {
    assert.equal(scope(`Hội ND Krông Pa tổng kết công tác năm 2023${body}`).unit, "huyện Krông Pa");
    assert.equal(scope(`Huyện đoàn Ea Kar: Ra quân chiến dịch thanh niên tình nguyện hè${body}`).unit, "huyện Ea Kar");
  });
  test("an organ before a name that is no place gives none: 'Hội Nông dân Việt Nam'", () => {
    assert.equal(scope(`Hội Nông dân Việt Nam tổng kết công tác năm 2023${body}`).unit, null);
  });
  test("a Party committee's portal as the byline: '(Thanhuytphcm.vn) –', '(Tinhuydaklak.vn) -'", () => {
    assert.equal(scope("(Thanhuytphcm.vn) – Sáng 17/10, Đảng ủy Khối Doanh nghiệp tổ chức họp mặt kỷ niệm Ngày truyền thống công tác Dân vận và tuyên dương 45 điển hình Dân vận khéo.").unit, "thành phố Hồ Chí Minh");
    assert.equal(scope("(Tinhuydaklak.vn) - Sáng 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023.").unit, "tỉnh Đắk Lắk");
  });
  test("'Theo baolangson.vn' names the newspaper's province in a text no lower organ speaks from", () => {
    assert.equal(scope(`Theo baolangson.vn\nTổng kết công tác năm 2023${body}`).unit, "tỉnh Lạng Sơn");
  });
});

describe("scope: the headline under a page's date line or its publisher's name", () => {
  const body = "\nSáng 12/1, hội nghị tổng kết công tác dân vận năm 2023 đã diễn ra. Năm 2023, toàn huyện đã vận động 120 hộ hiến 3.000 m2 đất làm đường giao thông nông thôn.";
  test("'Báo Gia Lai điện tử' then 'Krông Pa: Tổng kết …'; a date line then 'Krông Pa tổng kết …'", () => {
    assert.equal(scope(`Báo Gia Lai điện tử\nKrông Pa: Tổng kết công tác dân vận năm 2023${body}`).unit, "huyện Krông Pa");
    assert.equal(scope(`Thứ hai, 15/01/2024 08:30\nKrông Pa tổng kết công tác dân vận năm 2023${body}`).unit, "huyện Krông Pa");
  });
  test("a province by its initials opening the headline: 'BR-VT: Tổng kết …'; initials that name none give none", () => {
    assert.equal(scope(`BR-VT: Tổng kết công tác dân vận năm 2023${body}`).unit, "tỉnh Bà Rịa - Vũng Tàu");
    assert.equal(scope(`UBND: Tổng kết công tác dân vận năm 2023${body}`).unit, null);
  });
});
