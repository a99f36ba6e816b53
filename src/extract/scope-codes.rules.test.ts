/**
 * Scope rules for the ways a newspaper names its province and a text names its unit short: a byline code whose
 * initials several provinces share ("(QNO) –"), names glued into one word ("CưMgar:"), a province shortened ("TT-Huế:"),
 * the level the figures are counted at ("Toàn huyện …"). Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: codes, glued names and short names", () => {
  test("a byline code whose initials several provinces share names the province whose newspaper writes it", () => {
    const t = "Mặt trận phản biện 300 dự án\n(QNO) – Báo cáo của Ủy ban MTTQ Việt Nam tỉnh với HĐND tỉnh từ năm 2021 đến tháng 6/2023 cho thấy Mặt trận đã tổ chức 300 cuộc phản biện xã hội.";
    assert.equal(scope(t).unit, "tỉnh Quảng Nam");
  });
  test("a shared code settles on the province of those sharing it that the text names", () => {
    const t = "Hội nghị đối thoại\n(QNO) – Sáng 3/4, Ủy ban MTTQ tỉnh tổ chức đối thoại; các đại biểu Quảng Ngãi và Quảng Ngãi mới dự.";
    assert.equal(scope(t).unit, "tỉnh Quảng Ngãi");
  });
});

describe("scope: names glued into one word", () => {
  const body = "Sáng 10/1, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết. Năm 2023, toàn huyện xây dựng 45 mô hình Dân vận khéo.";
  test("a headline's place written as one word is the listed unit, written as the lists write it", () => {
    assert.equal(scope(`CưMgar: Tổng kết công tác dân vận năm 2023\n${body}`).unit, "huyện Cư M'gar");
    assert.equal(scope(`KrôngPa: Tổng kết công tác dân vận năm 2023\n${body}`).unit, "huyện Krông Pa");
    const prov = "Sáng 10/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết. Năm 2023, toàn tỉnh xây dựng 450 mô hình Dân vận khéo.";
    assert.equal(scope(`ĐắkLắk: Tổng kết công tác dân vận năm 2023\n${prov}`).unit, "tỉnh Đắk Lắk");
  });
});

describe("scope: a province's former name in the years it bore it", () => {
  const prov = (y: number) => `Sáng 10/1/${y + 1}, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết. Năm ${y}, toàn tỉnh xây dựng 450 mô hình Dân vận khéo.`;
  test("'TT-Huế:' or 'Thừa Thiên Huế' in a text of 2024 or before is tỉnh Thừa Thiên Huế; of 2025 on, thành phố Huế", () => {
    assert.equal(scope(`TT-Huế: Tổng kết công tác dân vận năm 2023\n${prov(2023)}`).unit, "tỉnh Thừa Thiên Huế");
    assert.equal(scope(`Tổng kết công tác dân vận năm 2022\nTỉnh Thừa Thiên Huế: ${prov(2022)}`).unit, "tỉnh Thừa Thiên Huế");
    assert.equal(scope("TT-Huế: Hội nghị dân vận\nSáng 10/1/2024, Ban Dân vận Tỉnh ủy tổ chức hội nghị đối thoại với 200 người dân.").unit, "tỉnh Thừa Thiên Huế");
    assert.equal(scope(`Huế: Tổng kết công tác dân vận năm 2025\nSáng 10/12/2025, Ban Dân vận Thành ủy tổ chức hội nghị. Năm 2025, toàn thành phố xây dựng 450 mô hình.`).unit, "thành phố Huế");
  });
});

describe("scope: the level the figures are counted at", () => {
  test("a province's body overseeing a district whose figures the text gives ('Toàn huyện …'): the district", () => {
    const t = "Giám sát tủ sách pháp luật\n(NTO) Ngày 12/5, Ban Pháp chế HĐND tỉnh giám sát việc xây dựng tủ sách pháp luật tại huyện Thuận Bắc. Toàn huyện đã xây dựng được 19 tủ sách pháp luật. Năm 2023, huyện Thuận Bắc tổ chức 30 buổi tuyên truyền. Đoàn giám sát của HĐND tỉnh đề nghị huyện tiếp tục.";
    assert.equal(scope(t).unit, "huyện Thuận Bắc");
    // The province's own figures ("toàn tỉnh") keep the province.
    assert.equal(scope(t.replace("Toàn huyện", "Toàn tỉnh")).unit, "tỉnh Ninh Thuận");
  });
  test("a district's body at a commune whose figures the text gives ('toàn xã …'): the commune", () => {
    const t = "Huyện ủy Krông Pa làm việc tại xã Ia Mlah\nSáng 3/4, Thường trực Huyện ủy làm việc với xã Ia Mlah. Năm 2023, toàn xã có 120 hộ hiến đất; xã Ia Mlah đã hòa giải thành 12 vụ việc.";
    assert.equal(scope(t).unit, "xã Ia Mlah");
  });
});

describe("scope: the source line at a page's end", () => {
  const body = "Sáng 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2023. Năm 2023, toàn tỉnh xây dựng 450 mô hình Dân vận khéo, vận động Nhân dân hiến 30.000 m2 đất làm đường. ".repeat(6);
  test("'Theo baolangson.vn', 'Nguồn: Báo Gia Lai' at the end name the newspaper's province, as its byline does", () => {
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023\n${body}\nTheo baolangson.vn`).unit, "tỉnh Lạng Sơn");
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023\n${body}\nNguồn: Báo Gia Lai`).unit, "tỉnh Gia Lai");
  });
  test("a district's text keeps its district over the newspaper's province", () => {
    const d = "Sáng 5/1, Ban Dân vận Huyện ủy Krông Pa tổ chức hội nghị tổng kết công tác dân vận năm 2023. Toàn huyện xây dựng 45 mô hình. ".repeat(6);
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023\n${d}\nTheo baogialai.com.vn`).unit, "huyện Krông Pa");
  });
});

describe("scope: names in capitals in a report's header", () => {
  test("capitals that spell a listed name word by word are that name, not the initials of another", () => {
    const t = "ỦY BAN NHÂN DÂN\nTHỊ XÃ AN KHÊ\nSố: 120/BC-UBND\nBÁO CÁO\nKết quả công tác tiếp công dân quý I năm 2024\nTrong quý, Ủy ban tiếp 30 lượt công dân.";
    assert.equal(scope(t).unit, "thị xã An Khê");
  });
  test("initials alone after a type word still name the unit they abbreviate", () => {
    assert.equal(scope("Ban Dân vận Thành ủy PRTC tổ chức hội nghị tổng kết công tác dân vận năm 2023.").unit, "thành phố Phan Rang-Tháp Chàm");
  });
});

