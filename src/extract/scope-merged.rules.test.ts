/**
 * Scope rules found on a study set of public news texts (issue 16, round 9): a commune the lists no longer hold
 * (merged since) named with its type in a commune's text, over a district or a headline's bare name beside it; a
 * title's holder of two words after an organ's level word; a name spelled otherwise than the lists' in the body and in a
 * headline in capitals; a district's text naming its district only bare, in the headline and again; a name several
 * provinces' communes bear, written once with its province; a name whose tone marks the text places otherwise than the
 * lists ("Hoà", "Thuỷ"). Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: a commune merged since, named with its type", () => {
  test("a commune's text names its ward, the lists no longer hold it, under a district's headline", () => {
    const s = scope("Quận Hải An: Lãnh đạo phường Khê Lũng Thượng đối thoại với Nhân dân\nChiều 2/10, Đảng ủy - UBND phường Khê Lũng Thượng tổ chức hội nghị đối thoại; Bí thư Đảng ủy phường chủ trì. Nhân dân phường Khê Lũng Thượng nêu 12 ý kiến.");
    assert.deepEqual([s.unit, s.level], ["phường Khê Lũng Thượng", "commune"]);
  });
  test("a headline's bare province name, which a commune also bears, gives way to the town the text names", () => {
    const s = scope("Thanh Hóa tổ chức ngày hội Đại đoàn kết\nNgày 4/11, khu dân cư số 5, thị trấn Khê Lũng Thượng (huyện Đông Sơn) tổ chức Ngày hội. Ủy ban Mặt trận thị trấn Khê Lũng Thượng chọn làm điểm.");
    assert.deepEqual([s.unit, s.level], ["thị trấn Khê Lũng Thượng", "commune"]);
  });
  test("a listed commune the text names keeps its place", () => {
    assert.equal(scope("Quận Hải An: Đối thoại với Nhân dân\nChiều 2/10, Đảng ủy phường Đằng Hải tổ chức hội nghị đối thoại với 120 người dân.").unit, "phường Đằng Hải");
  });
});

describe("scope: a title's holder named after the organ's level word", () => {
  test("two words that open with a family name after a title are a person: 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Lê Dũng'", () => {
    const s = scope("Sáng 10/10, Ủy ban MTTQ Việt Nam tỉnh sơ kết công tác Mặt trận 9 tháng năm 2019. Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Lê Dũng chủ trì hội nghị.");
    assert.deepEqual([s.unit, s.level], [null, "province"]);
  });
  test("a district merged since, named after a title, is still named", () => {
    assert.equal(scope("Phó Chủ tịch UBND huyện Đất Đỏ trao 20 căn nhà Đại đoàn kết. Năm 2022, huyện vận động 2 tỷ đồng.").unit, "huyện Đất Đỏ");
  });
});

describe("scope: a name spelled otherwise than the lists'", () => {
  test("the body's spelling is kept when a headline in capitals spells it the same way: 'HUYỆN ĐAK PƠ' … 'huyện Đak Pơ'", () => {
    assert.equal(scope("CÁC THÔN TRONG HUYỆN ĐAK PƠ TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT\nTừ đầu tháng 11, 40 thôn trên địa bàn huyện Đak Pơ đã tổ chức Ngày hội Đại đoàn kết.").unit, "huyện Đak Pơ");
    // Spelled as listed in capitals, otherwise in the body: the text names it both ways, the list's spelling stands.
    assert.equal(scope("CÁC THÔN TRONG HUYỆN ĐĂK PƠ TỔ CHỨC NGÀY HỘI ĐẠI ĐOÀN KẾT\nTừ đầu tháng 11, 40 thôn trên địa bàn huyện Đak Pơ đã tổ chức Ngày hội Đại đoàn kết.").unit, "huyện Đăk Pơ");
  });
});

describe("scope: a district named only without its type word", () => {
  const BODY = "Những năm qua, hội liên hiệp phụ nữ huyện đã vận động 300 hội viên tham gia làm đường";
  test("in the headline's middle and again in the body of a text that speaks from a district", () => {
    assert.equal(scope(`Phụ nữ, Công đoàn Mường Lát chung tay xây dựng nông thôn mới\n${BODY}, góp phần xây dựng nông thôn Mường Lát ngày càng đổi mới.`).unit, "huyện Mường Lát");
  });
  test("named once, or by a name several districts bear, it says nothing", () => {
    assert.equal(scope(`Phụ nữ, Công đoàn Mường Lát chung tay xây dựng nông thôn mới\n${BODY}.`).unit, null);
    assert.equal(scope(`Phụ nữ Châu Thành chung tay xây dựng nông thôn mới\n${BODY}, góp phần xây dựng nông thôn Châu Thành ngày càng đổi mới.`).unit, null);
  });
});

describe("scope: a name several communes bear, written once with its address", () => {
  test("the address settles the other mentions of that name: 'xã Tân Hưng (tỉnh Tây Ninh)' … 'Xã Tân Hưng'", () => {
    const s = scope("Ngày 5/9/2025, Đảng ủy xã Tân Hưng (tỉnh Tây Ninh) sơ kết công tác dân vận 9 tháng năm 2025. Xã Tân Hưng tổ chức 12 cuộc đối thoại với Nhân dân.");
    assert.deepEqual([s.unit, s.unitCode], ["xã Tân Hưng", "27721"]);
  });
});

describe("scope: a name written with the other placement of its tone mark", () => {
  test("the text's placement is kept: 'huyện Hoà Vang', 'tỉnh Khánh Hoà', 'xã Thuỷ Xuân Tiên'", () => {
    assert.equal(scope("UBND huyện Hoà Vang tiếp 20 lượt công dân năm 2023; huyện Hoà Vang giải quyết 15 đơn.").unit, "huyện Hoà Vang");
    assert.equal(scope("Ban Dân vận Tỉnh uỷ Khánh Hoà tổng kết năm 2023; toàn tỉnh Khánh Hoà có 500 mô hình.").unit, "tỉnh Khánh Hoà");
    assert.equal(scope("Đảng uỷ xã Thuỷ Xuân Tiên tổ chức đối thoại với 100 người dân.").unit, "xã Thuỷ Xuân Tiên");
  });
  test("also when the unit is read from its bare name: 'Khánh Hoà: Tổng kết …'", () => {
    assert.equal(scope("Khánh Hoà: Tổng kết công tác dân vận năm 2023\nSáng 10/1, Ban Dân vận Tỉnh uỷ tổng kết; toàn tỉnh có 500 mô hình. Nhân dân Khánh Hoà đồng tình.").unit, "tỉnh Khánh Hoà");
  });
  test("a text that writes it both ways, or as listed, gets the lists' spelling", () => {
    assert.equal(scope("UBND huyện Hoà Vang tiếp 20 lượt công dân năm 2023; huyện Hòa Vang giải quyết 15 đơn.").unit, "huyện Hòa Vang");
    assert.equal(scope("UBND huyện Hòa Vang tiếp 20 lượt công dân năm 2023.").unit, "huyện Hòa Vang");
  });
});

describe("scope: a headline's commune written with its district and province in brackets", () => {
  test("'… ở xã A (B, C):' under a date line, then a lead about the province: the headline's commune", () => {
    const s = scope("08:15 | 12/11/2021\n\nPhát huy dân chủ ở cơ sở ở xã Ia Dêr (Ia Grai, Gia Lai):\n\nNgười dân được bàn, được kiểm tra\n\nThời gian qua, việc thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Gia Lai đạt nhiều kết quả, tỉnh Gia Lai là một trong những địa phương làm tốt việc này.");
    assert.equal(s.unit, "xã Ia Dêr");
  });
});
