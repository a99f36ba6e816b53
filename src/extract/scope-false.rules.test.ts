/**
 * Scope rules for years and names that are not the report's own (issue 16, round 4): a law's or a
 * resolution's year, the bounds of a multi-year span, a person's name that a city also bears.
 * Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: a document's year is not the report's period", () => {
  test("a law named with its year: 'Luật Hòa giải ở cơ sở năm 2013'", () => {
    assert.equal(scope("Hội nghị tuyên truyền Luật Hòa giải ở cơ sở năm 2013. Các tổ hòa giải ở xã Ea Tul đã hòa giải thành 12 vụ.").period, null);
    assert.equal(scope("Triển khai Luật Thực hiện dân chủ ở cơ sở năm 2022 đến 120 đảng viên của xã Ea Tul.").period, null);
  });
  test("a resolution named by its number and year: 'Nghị quyết số 25-NQ/TW năm 2019'", () => {
    assert.equal(scope("Thực hiện Nghị quyết số 25-NQ/TW năm 2019 của Bộ Chính trị, xã Ea Kly đã vận động 200 triệu đồng.").period, null);
  });
  test("the report's own year beside a law's stays", () => {
    assert.equal(scope("Năm 2023, thực hiện Luật Hòa giải ở cơ sở năm 2013, các tổ hòa giải đã hòa giải thành 12 vụ.").period, "2023");
    assert.equal(scope("Tổng kết công tác dân vận năm 2023\nTuyên truyền pháp luật năm 2023 cho 300 lượt người.").period, "2023");
  });
});

describe("scope: the bounds of a span of years are no period", () => {
  test("'(từ năm 2014 đến năm 2018)' and 'năm 2014 – năm 2018'", () => {
    assert.equal(scope("Hội nghị tổng kết. Trong 5 năm qua (từ năm 2014 đến năm 2018), huyện Lắk có 120 mô hình dân vận khéo.").period, null);
    assert.equal(scope("Tổng kết phong trào. Giai đoạn năm 2014 – năm 2018, huyện Lắk có 120 mô hình dân vận khéo.").period, null);
  });
});

describe("scope: a person's name that a city bears", () => {
  test("'Chủ tịch Hồ Chí Minh', 'Đoàn TNCS Hồ Chí Minh' name no city", () => {
    assert.equal(scope("Học tập tấm gương đạo đức Chủ tịch Hồ Chí Minh, Hội LHPN đã vận động 30 triệu đồng.").unit, null);
    assert.equal(scope("Đoàn TNCS Hồ Chí Minh phối hợp tổ chức 12 buổi tuyên truyền cho 500 lượt đoàn viên.").unit, null);
    assert.equal(scope("Làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, Hội Nông dân vận động 40 triệu đồng.").unit, null);
  });
  test("the city named as a place stays", () => {
    assert.equal(scope("Hồ Chí Minh: Tổng kết công tác dân vận năm 2023\nToàn thành phố có 900 mô hình Dân vận khéo.").unit, "thành phố Hồ Chí Minh");
  });
});

describe("scope: the level of an award is no organ speaking", () => {
  test("a district's text that names awards 'cấp huyện' and 'cấp tỉnh' stays the district's", () => {
    const t = "Huyện Giồng Riềng tổng kết phong trào\nToàn huyện Giồng Riềng có 40 mô hình được công nhận. Có 12 mô hình được khen thưởng cấp huyện; 3 mô hình được khen thưởng cấp tỉnh; Ban chỉ đạo tỉnh khen thưởng 1 tập thể.";
    assert.equal(scope(t).unit, "huyện Giồng Riềng");
    const u = "Cổng thông tin huyện Giồng Riềng\nCó 12 mô hình được khen thưởng cấp huyện; 3 mô hình khen thưởng cấp tỉnh; Ban chỉ đạo huyện khen thưởng 2 tập thể, Ban chỉ đạo tỉnh khen thưởng 1 tập thể.";
    assert.equal(scope(u).unit, "huyện Giồng Riềng");
  });
});

describe("scope: a portal's name line publishes the page", () => {
  test("'Banner Tỉnh ủy …' above a district's story leaves the district its own", () => {
    const t = "Banner Tỉnh ủy Nghệ An\n\nKết quả xây dựng mô hình Dân vận khéo ở huyện Diễn Châu\n\nHuyện Diễn Châu có 39 đơn vị hành chính cấp xã. Đảng bộ huyện có 83 đảng bộ cơ sở; đến nay xây dựng 120 mô hình.";
    assert.equal(scope(t).unit, "huyện Diễn Châu");
  });
  test("a province's own story on its portal stays the province's", () => {
    const t = "Cổng thông tin điện tử Tỉnh ủy Nghệ An\n\nBan Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023\nToàn tỉnh có 3.500 mô hình; huyện Diễn Châu có 120 mô hình.";
    assert.equal(scope(t).unit, "tỉnh Nghệ An");
  });
});

describe("scope: one year is no multi-year span", () => {
  test("'sơ kết 01 năm thực hiện' keeps the year the figures cover", () => {
    assert.equal(scope("Ủy ban MTTQ xã Ea Tul sơ kết 01 năm thực hiện cuộc vận động\nNăm 2022, Quỹ Vì người nghèo xã tiếp nhận 250 triệu đồng.").period, "2022");
    assert.equal(scope("Ủy ban MTTQ xã Ea Tul sơ kết 3 năm thực hiện cuộc vận động\nNăm 2022, Quỹ Vì người nghèo xã tiếp nhận 250 triệu đồng.").period, null);
  });
});

describe("scope: abbreviations, organ words and roundups", () => {
  test("'T.P' with its dot inside is a city's type", () => {
    assert.equal(extractReport("T.P Sông Công tổng kết công tác dân vận năm 2024\nNăm 2024, Ban Dân vận Thành ủy tham mưu ban hành 12 văn bản.").scope.unit, "thành phố Sông Công");
  });
  test("'xã Đảng ủy xã': the word before 'ủy' is the organ's, no commune", () => {
    assert.equal(extractReport("Chiều 11/10/2024 tại hội trường xã Đảng ủy xã tổ chức hội nghị đối thoại; có 09 lượt ý kiến.").scope.unit, null);
  });
  test("'Tỉnh đoàn Thanh niên' names no province", () => {
    assert.equal(extractReport("Tỉnh đoàn Thanh niên ra quân chiến dịch hè năm 2024\nTỉnh đoàn tổ chức 20 buổi tuyên truyền.").scope.unit, null);
  });
  test("'Mặt trận huyện' spelled out speaks from the district, over the province's Front named as a donor", () => {
    assert.equal(extractReport("Mặt trận huyện Tiên Phước vận động xây dựng 11 nhà đại đoàn kết\n(QNO) - Ủy ban MTTQ Việt Nam huyện Tiên Phước tổng kết năm 2023. Năm 2023, Ủy ban MTTQ Việt Nam huyện Tiên Phước trao 100 suất quà; Ủy ban MTTQ Việt Nam tỉnh trao tặng 1 nhà đại đoàn kết; Quỹ cứu trợ tỉnh hỗ trợ 17 nhà. Mặt trận huyện còn vận động 2.868 suất quà. Dịp này, Ủy ban MTTQ Việt Nam tỉnh và huyện Tiên Phước khen thưởng 5 tập thể.").scope.unit, "huyện Tiên Phước");
  });
  test("a headline's district over its communes' organs in the body: a roundup", () => {
    assert.equal(extractReport("Huyện Krông Pa: tổng kết công tác dân vận năm 2024\nĐảng ủy xã Ia Mlăh tổ chức 5 cuộc đối thoại; UBND xã Phú Cần tiếp 30 lượt công dân; Đảng ủy xã Chư Drăng ban hành 3 văn bản.").scope.unit, "huyện Krông Pa");
  });
  test("a commune's own text under a headline naming the commune stays the commune's", () => {
    assert.equal(extractReport("Xã Ia Mlăh tổng kết năm 2024\nĐảng ủy xã Ia Mlăh tổ chức 5 cuộc đối thoại, phối hợp với xã Phú Cần.").scope.unit, "xã Ia Mlăh");
  });
});

describe("scope: a span of months after a ward's word is no ward by number", () => {
  test("'trên địa bàn phường 10 tháng năm 2024' names the months, not Phường 10", () => {
    const s = scope("Sáng ngày 06/11/2024 phường Tân Chính tổ chức Hội nghị đối thoại. Phó Chủ tịch UBND phường báo cáo tình hình trên địa bàn phường 10 tháng năm 2024.");
    assert.equal(s.unit, "phường Tân Chính");
  });
  test("a ward named by its number stays one: 'Phường 10 tổ chức hội nghị'", () => {
    assert.equal(scope("Tối 10/5/2019, lãnh đạo Đảng ủy Phường 10 đã đối thoại trực tiếp với 120 người dân Phường 10.").unit, "phường 10");
  });
});
