/**
 * Scope rules for a provincial newspaper named only in the page's source line, written as a link ("Nguồn:
 * https://baogialai.com.vn/…") or under its province's former name ("baothuathienhue.vn"). Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;
const prov = "Tổng kết công tác dân vận\nChiều 18/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm qua, toàn tỉnh xây dựng 310 mô hình Dân vận khéo.\nThu Hằng\n";

describe("scope: a newspaper's link as the source line", () => {
  test("'Nguồn: https://baogialai.com.vn/…' names the newspaper's province, as its address alone does", () => {
    assert.equal(scope(`${prov}Nguồn: https://baogialai.com.vn/tong-ket-cong-tac-dan-van-nam-2023-post271234.html`).unit, "tỉnh Gia Lai");
    assert.equal(scope(`${prov}Theo http://www.baolangson.vn/chinh-tri/dan-van-kheo-lan-toa-5551234.html`).unit, "tỉnh Lạng Sơn");
  });
  test("a link to a national newspaper names no province", () => {
    assert.equal(scope(`${prov}Nguồn: https://nhandan.vn/tong-ket-cong-tac-dan-van-post771234.html`).unit, null);
  });
  test("a district's text in the provincial newspaper is not the province's", () => {
    const t = "Tổng kết công tác dân vận\nChiều 18/12, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết. Năm qua, toàn huyện xây dựng 31 mô hình.\nNguồn: https://baogialai.com.vn/tong-ket-post1.html";
    assert.notEqual(scope(t).unit, "tỉnh Gia Lai");
  });
});

describe("scope: a newspaper under its province's former name", () => {
  test("'baothuathienhue.vn' names tỉnh Thừa Thiên Huế in a text of 2024 or before", () => {
    assert.equal(scope(`${prov}Nguồn: baothuathienhue.vn`).unit, "tỉnh Thừa Thiên Huế");
    assert.equal(scope(`(baothuathienhue.vn) - ${prov}`).unit, "tỉnh Thừa Thiên Huế");
  });
});

describe("scope: byline codes whose initials two provinces share", () => {
  const body = " Chiều 18/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm qua, toàn tỉnh xây dựng 310 mô hình Dân vận khéo.";
  test("each newspaper's own code names its province: 'BTO-' Bình Thuận (not Bến Tre), 'BHG -' Hà Giang and '(HG) -' Hậu Giang", () => {
    assert.equal(scope(`Tổng kết công tác dân vận\nBTO-${body}`).unit, "tỉnh Bình Thuận");
    assert.equal(scope(`Tổng kết công tác dân vận\nBHG -${body}`).unit, "tỉnh Hà Giang");
    assert.equal(scope(`Tổng kết công tác dân vận\n(HG) -${body}`).unit, "tỉnh Hậu Giang");
  });
  test("the other province of the initials named in the text settles it", () => {
    assert.equal(scope(`Tổng kết công tác dân vận\nBTO-${body} Đoàn đại biểu tỉnh Bến Tre dự hội nghị tại Bến Tre.`).unit, "tỉnh Bến Tre");
  });
});

describe("scope: a closing byline's district and province joined by a dash", () => {
  const body = "Tổng kết công tác dân vận\nChiều 18/12, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm qua, toàn huyện xây dựng 31 mô hình Dân vận khéo.\n";
  test("'THU HẰNG (Chư Sê - Gia Lai)' names huyện Chư Sê, as '(Chư Sê, Gia Lai)' does", () => {
    assert.equal(scope(`${body}THU HẰNG (Chư Sê - Gia Lai)`).unit, "huyện Chư Sê");
    assert.equal(scope(`${body}Tin, ảnh: Thu Hằng (Lộc Ninh – Bình Phước)`).unit, "huyện Lộc Ninh");
  });
  test("a district the province named does not hold is not read", () => {
    assert.equal(scope(`${body}THU HẰNG (Chư Sê - Lạng Sơn)`).unit, null);
  });
});

describe("scope: the congress held in the lead", () => {
  test("'Đại hội đại biểu … thị xã La Gi lần thứ X' is the town's, whatever the province's paper and organs around it", () => {
    const t = "BTO-Sáng 20/4, tại Hội trường tỉnh đã diễn ra Đại hội đại biểu Mặt trận Tổ quốc Việt Nam thị xã La Gi lần thứ X, nhiệm kỳ 2024-2029. Đây là đơn vị được Ủy ban MTTQ tỉnh chọn tổ chức Đại hội điểm; 250 đại biểu dự.";
    assert.equal(scope(t).unit, "thị xã La Gi");
    assert.equal(scope(t.replace("thị xã La Gi", "TP. Phan Thiết")).unit, "thành phố Phan Thiết");
    assert.equal(scope(t.replace("thị xã La Gi", "thành phố Phan Thiết")).unit, "thành phố Phan Thiết");
  });
  test("a congress only named as the occasion of another organ's act is not the unit", () => {
    const t = "Sáng 20/4, Ban Thường trực Ủy ban MTTQ tỉnh Bình Thuận tổ chức hội nghị rút kinh nghiệm Đại hội đại biểu Mặt trận Tổ quốc Việt Nam thị xã La Gi lần thứ X; toàn tỉnh có 10 huyện, thị xã, thành phố tổ chức xong đại hội.";
    assert.equal(scope(t).unit, "tỉnh Bình Thuận");
  });
});

describe("scope: a closing byline 'Author - District' in a district's text that names no unit", () => {
  const body = "Tổng kết công tác dân vận\nChiều 18/12, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm qua, toàn huyện xây dựng 31 mô hình Dân vận khéo.\n";
  test("'Thu Hằng - Chư Sê' closing a district's text names huyện Chư Sê", () => {
    assert.equal(scope(`${body}Thu Hằng - Chư Sê`).unit, "huyện Chư Sê");
  });
  test("the author by initials: 'T.H - Chư Sê', 'N.T.H. - Chư Sê'", () => {
    assert.equal(scope(`${body}T.H - Chư Sê`).unit, "huyện Chư Sê");
    assert.equal(scope(`${body}N.T.H. - Chư Sê`).unit, "huyện Chư Sê");
  });
  test("two authors in capitals, or a text that names its unit, are not read so", () => {
    assert.equal(scope(`${body}THU HẰNG - NGỌC MINH`).unit, null);
    assert.equal(scope(`${body.replace("Huyện ủy", "Huyện ủy Ia Pa")}Thu Hằng - Chư Sê`).unit, "huyện Ia Pa");
  });
});

describe("scope: a closing byline's place in a commune's text after the 2025 reform", () => {
  test("'THU HẰNG (Chư Sê)' closing a commune's text of December 2025 is xã Chư Sê (no district is left)", () => {
    const t = "Tổng kết công tác dân vận\nChiều 16/12/2025, Đảng ủy xã tổ chức hội nghị tổng kết công tác dân vận năm 2025. Năm qua, toàn xã xây dựng 14 mô hình Dân vận khéo.\nTHU HẰNG (Chư Sê)";
    assert.equal(scope(t).unit, "xã Chư Sê");
  });
  test("before the reform the same byline names the district", () => {
    const t = "Tổng kết công tác dân vận\nChiều 16/12/2023, Đảng ủy xã tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm qua, toàn xã xây dựng 14 mô hình Dân vận khéo.\nTHU HẰNG (Chư Sê)";
    assert.equal(scope(t).unit, "huyện Chư Sê");
  });
});

describe("scope: a byline code that writes 'Ng' for a word's initial", () => {
  const body = " Chiều 18/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm qua, toàn tỉnh xây dựng 310 mô hình Dân vận khéo.";
  test("'(QNg)-' and '(BQNg) -' name Quảng Ngãi, whose initials Quảng Nam and Quảng Ninh share without it", () => {
    assert.equal(scope(`Tổng kết công tác dân vận\n(QNg)-${body}`).unit, "tỉnh Quảng Ngãi");
    assert.equal(scope(`Tổng kết công tác dân vận\n(BQNg) -${body}`).unit, "tỉnh Quảng Ngãi");
  });
});

describe("scope: the newspaper's name line at the top of the page, in any case", () => {
  const body = "Tổng kết công tác dân vận\nChiều 18/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm qua, toàn tỉnh xây dựng 310 mô hình Dân vận khéo.";
  test("'BÁO LẠNG SƠN ĐIỆN TỬ' or 'Báo điện tử Lạng Sơn' opening the page names the province", () => {
    assert.equal(scope(`BÁO LẠNG SƠN ĐIỆN TỬ\n${body}`).unit, "tỉnh Lạng Sơn");
    assert.equal(scope(`BÁO ĐIỆN TỬ LẠNG SƠN\n${body}`).unit, "tỉnh Lạng Sơn");
  });
  test("a national paper's name line names none", () => {
    assert.equal(scope(`BÁO NHÂN DÂN ĐIỆN TỬ\n${body}`).unit, null);
  });
});

describe("scope: a headline's place with its province as its address", () => {
  const body = "\nBan Dân vận tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm qua, toàn địa phương xây dựng 45 mô hình Dân vận khéo.";
  test("'Krông Pắc (Đắk Lắk): …' and 'Krông Pắc, Đắk Lắk: …' are the district's, not the province's", () => {
    assert.equal(scope(`Krông Pắc (Đắk Lắk): Tổng kết công tác dân vận năm 2023${body}`).unit, "huyện Krông Pắc");
    assert.equal(scope(`Krông Pắc, Đắk Lắk: Tổng kết công tác dân vận năm 2023${body}`).unit, "huyện Krông Pắc");
    assert.equal(scope(`Krông Pắc - Đắk Lắk: Tổng kết công tác dân vận năm 2023${body}`).unit, "huyện Krông Pắc");
    assert.equal(scope(`Bà Rịa - Vũng Tàu: Tổng kết công tác dân vận năm 2023${body}`).unit, "tỉnh Bà Rịa - Vũng Tàu");
  });
  test("a commune's name with its province, where no district bears it", () => {
    assert.equal(scope(`Ea Tul (Đắk Lắk): Tổng kết công tác dân vận năm 2023${body.replace("Ban Dân vận", "Đảng ủy xã")}`).unit, "xã Ea Tul");
  });
});

describe("scope: a newspaper's code beside a district of its province named with its type", () => {
  test("'(GLO)- … Hội Nông dân huyện Chư Sê đạt …' is the district's, the code naming only its newspaper", () => {
    const t = "Nông dân làm giàu\n(GLO)- Từ đầu năm đến nay, phong trào nông dân thi đua sản xuất giỏi của Hội Nông dân huyện Chư Sê đạt nhiều kết quả, với 120 hộ đạt danh hiệu.";
    assert.equal(scope(t).unit, "huyện Chư Sê");
  });
});
