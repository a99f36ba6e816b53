/**
 * Scope rules found on a study set of public news texts (issue 16): units written by an abbreviation
 * after an organ, places in a capitalised dateline spelled with other marks, a headline's commune in a
 * commune's text, a person named after a level word. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: units written short or in a headline", () => {
  test("an organ before an abbreviated unit speaks from its level: 'Đảng ủy P. Tân Phú (TP.HCM)'", () => {
    const s = scope("Đảng ủy P. Tân Phú (TP.HCM) tổ chức hội nghị đối thoại với 150 người dân.");
    assert.deepEqual([s.unit, s.level], ["phường Tân Phú", "commune"]);
    assert.equal(scope("UBND X. Ia Mlah tiếp 20 lượt công dân; Công an tỉnh phối hợp.").unit, "xã Ia Mlah");
  });
  test("a dateline in capitals names a place spelled with other marks: 'ĐAK ĐOA' is Đăk Đoa", () => {
    const body = "Năm 2023, các tổ hòa giải trên địa bàn huyện đã hòa giải thành 45/50 vụ việc.";
    assert.equal(scope(`ĐAK ĐOA: Hòa giải thành 45 vụ việc\n${body}`).unit, "huyện Đăk Đoa");
    assert.equal(scope(`Đak Đoa: Hòa giải thành 45 vụ việc\n${body}`).unit, "huyện Đăk Đoa");
  });
  test("a commune's text whose headline opens with the commune's name", () => {
    assert.equal(scope("Tam Nông: Tổng kết công tác dân vận chính quyền năm 2025\nSáng 7/11, Đảng ủy xã tổ chức hội nghị; xã đã hoàn thành 4 nội dung dân vận.").unit, "xã Tam Nông");
    assert.equal(scope("Đại Phước: Xây dựng 87 mô hình Dân vận khéo\nNăm 2025, Đảng ủy xã đã chỉ đạo xây dựng 87 mô hình.").unit, "xã Đại Phước");
    // A district's text keeps the district of that name.
    assert.equal(scope("Tam Nông: Tổng kết công tác dân vận năm 2023\nSáng 7/1, Huyện ủy tổ chức hội nghị; toàn huyện có 40 mô hình.").unit, "huyện Tam Nông");
  });
  test("a person named after a level word is no unit: 'Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Hà Anh Dũng'", () => {
    const s = scope("Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Hà Anh Dũng chủ trì cuộc họp. Quỹ vận động 55 tỷ đồng.");
    assert.deepEqual([s.unit, s.level], [null, "province"]);
    // A district merged before 2025 is still named as the text writes it.
    assert.equal(scope("Sáng 7/7, Ban Dân vận Huyện ủy Đất Đỏ sơ kết công tác dân vận 6 tháng đầu năm 2022.").unit, "huyện Đất Đỏ");
  });
  const body = "Sáng 10/1, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết. Năm 2023, toàn huyện xây dựng 45 mô hình Dân vận khéo.";
  test("a headline names the district after 'của', 'quê hương' or a closing dash", () => {
    assert.equal(scope(`Hiệu quả phong trào Dân vận khéo của Krông Pa\n${body}`).unit, "huyện Krông Pa");
    assert.equal(scope(`Dân vận khéo trên quê hương Phú Ninh\n${body}`).unit, "huyện Phú Ninh");
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023 - Krông Pa\n${body}`).unit, "huyện Krông Pa");
    // A place of another level is no answer: a province's text about its districts.
    assert.equal(scope("Ghi nhận của Krông Pa\nBan Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023 của toàn tỉnh.").unit, null);
  });
  test("a closing byline names the district after the local media's name", () => {
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023\n${body}\nVăn Ngọc (Đài TT-TH Ia Pa)`).unit, "huyện Ia Pa");
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023\n${body}\nVăn Ngọc - Trung tâm VHTT-TT Krông Pa`).unit, "huyện Krông Pa");
    // An author's name alone is no place, even when a district bears it.
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023\n${body}\nMinh Long`).unit, null);
  });
  test("a dateline in capitals that opens the line after the headline", () => {
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023\nIA PA - ${body}`).unit, "huyện Ia Pa");
  });
  test("a place alone in capitals on the first line, no colon, names the unit", () => {
    assert.equal(scope(`KRÔNG PA\n${body}`).unit, "huyện Krông Pa");
    assert.equal(scope(`Tổng kết công tác dân vận năm 2023\nKRÔNG PA\n${body}`).unit, "huyện Krông Pa");
    // A heading in capitals that names no place is none.
    assert.equal(scope(`BÁO CÁO\n${body}`).unit, null);
  });
  test("a provincial newspaper's address as its byline names the province", () => {
    assert.equal(scope("(Baodaklak.vn) - Sáng 10/1, Ban Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023.").unit, "tỉnh Đắk Lắk");
    assert.equal(scope("(baogialai.com.vn) - Sáng 10/1, Ban Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023.").unit, "tỉnh Gia Lai");
    assert.equal(scope("(Baomoi.vn) - Sáng 10/1, Ban Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023.").unit, null);
  });
  test("a newspaper's code after 'B' for Báo names its province when the initials name one: '(BBK)'", () => {
    assert.equal(scope("(BBK) - Sáng 10/1, Ban Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023; toàn tỉnh có 2.000 mô hình.").unit, "tỉnh Bắc Kạn");
    // Lào Cai and Lai Châu share their initials.
    assert.equal(scope("(BLC) - Sáng 10/1, Ban Dân vận Tỉnh ủy tổng kết công tác dân vận năm 2023; toàn tỉnh có 2.000 mô hình.").unit, null);
  });
});

describe("scope: a month beside the standard period that holds it", () => {
  test("a month reported with its half year or year gives way to that period", () => {
    assert.equal(scope("Báo cáo công tác tháng 6/2024 và 6 tháng đầu năm 2024\nToàn huyện tiếp 120 lượt công dân.").period, "2024S1");
    assert.equal(scope("Trong tháng 12/2023, toàn huyện tiếp 30 lượt công dân; cả năm 2023 tiếp 300 lượt công dân.").period, "2023");
    // A monthly report stays monthly: next year's tasks do not hold its figures.
    assert.equal(scope("Báo cáo công tác dân vận tháng 3/2024\nNhiệm vụ năm 2024 là tiếp tục xây dựng mô hình.").period, "202403");
  });
  test("the month a page was published is no period", () => {
    assert.equal(scope("Cập nhật: tháng 1/2024\nNăm 2023, toàn huyện xây dựng 45 mô hình Dân vận khéo.").period, "2023");
  });
});

describe("scope: periods written otherwise", () => {
  test("a period's year after a dot or a slash: 'quý III.2024', 'quý 3.2024', '9 tháng/2024', '6 tháng - 2024', 'tháng 10.2024'", () => {
    assert.equal(scope("Báo cáo công tác dân vận quý III.2024\nToàn huyện tiếp 40 lượt công dân.").period, "2024Q3");
    assert.equal(scope("Sơ kết công tác dân vận quý 3.2024\nToàn huyện tiếp 40 lượt công dân.").period, "2024Q3");
    assert.equal(scope("Sơ kết 9 tháng/2024: toàn huyện tiếp 40 lượt công dân.").period, "2024N9");
    assert.equal(scope("Sơ kết 6 tháng - 2024: toàn huyện tiếp 40 lượt công dân.").period, "2024S1");
    assert.equal(scope("Báo cáo công tác dân vận tháng 10.2024\nToàn huyện tiếp 40 lượt công dân.").period, "202410");
  });
  test("a half year or nine months written with a leading zero: '06 tháng đầu năm', '09 tháng'", () => {
    assert.equal(scope("Báo cáo sơ kết công tác dân vận 06 tháng đầu năm 2024\nToàn huyện tiếp 120 lượt công dân.").period, "2024S1");
    assert.equal(scope("Sơ kết 09 tháng năm 2024, toàn huyện tiếp 120 lượt công dân.").period, "2024N9");
  });
  test("a period written with two spaces or a no-break space between its words ('9 tháng  năm 2024', 'quý\u00a0II năm 2024')", () => {
    assert.equal(scope("Để chuẩn bị tốt cho Đại hội Đảng bộ các cấp vào năm 2025, các xã tập trung giải quyết đơn thư. Trong 9 tháng  năm 2024, toàn thị xã đã tiếp 176 lượt công dân.").period, "2024N9");
    assert.equal(scope("Báo cáo công tác dân vận quý\u00a0II năm  2024\nToàn huyện tiếp 40 lượt công dân.").period, "2024Q2");
    assert.equal(scope("Sơ kết 6 tháng  đầu năm 2024, toàn huyện tiếp 120 lượt công dân.").period, "2024S1");
  });
  test("a reporting span of days names its period, by the calendar or by the cut-off on the 15th", () => {
    assert.equal(scope("Báo cáo kết quả tiếp công dân (từ ngày 01/01/2024 đến ngày 30/6/2024): toàn huyện tiếp 120 lượt.").period, "2024S1");
    assert.equal(scope("Kỳ báo cáo từ ngày 15/12/2023 đến ngày 14/6/2024: toàn huyện tiếp 120 lượt công dân.").period, "2024S1");
    assert.equal(scope("Kỳ báo cáo từ ngày 15/12/2023 đến ngày 14/3/2024: toàn huyện tiếp 40 lượt công dân.").period, "2024Q1");
    // A campaign's fortnight is no standard period.
    assert.equal(scope("Đợt cao điểm từ ngày 01/3/2024 đến ngày 15/3/2024, toàn huyện tiếp 120 lượt công dân.").period, null);
  });
});

describe("scope: abbreviations in capitals without a dot", () => {
  test("'TT Phú Túc' is a town; 'TT Y tế' is a centre and names none", () => {
    assert.equal(scope("UBND TT Phú Túc tiếp 20 lượt công dân.").unit, "thị trấn Phú Túc");
    assert.equal(scope("Đảng ủy TT Chư Sê tổ chức hội nghị đối thoại với 100 người dân.").unit, "thị trấn Chư Sê");
  });
  test("'Q1' after an organ is a district; with a year, or after 'Trong', a quarter", () => {
    assert.equal(scope("Sáng 8/1, Ủy ban MTTQ Q1, TP HCM tổ chức Ngày hội Vì người nghèo, vận động hơn 5 tỷ đồng.").unit, "quận 1");
    const q = scope("Kết quả Q1/2024: UBND huyện Chư Sê tiếp 20 lượt công dân.");
    assert.deepEqual([q.unit, q.period], ["huyện Chư Sê", "2024Q1"]);
    assert.equal(scope("Trong Q3, UBND huyện Chư Sê tiếp 20 lượt công dân.").unit, "huyện Chư Sê");
  });
});

describe("scope: a commune named only in a cooperative's name", () => {
  test("the commune at the end of the cooperative's name, after the words of its trade", () => {
    assert.equal(scope("HTX Nông nghiệp dịch vụ Ia Pết có 45 thành viên, doanh thu 2 tỷ đồng.").unit, "xã Ia Pết");
    assert.equal(scope("Hợp tác xã Nông Nghiệp Dịch Vụ Ia Pết tổ chức đại hội với 45 thành viên.").unit, "xã Ia Pết");
  });
  test("a name a district or province also bears says nothing of a commune", () => {
    assert.equal(scope("Hợp tác xã Nông nghiệp Mang Yang có 45 thành viên. Huyện Mang Yang vận động 120 hộ tham gia.").unit, "huyện Mang Yang");
  });
});

describe("scope: the organ that acts in the lead", () => {
  test("the organiser's unit and level, not a guest's title", () => {
    const s = scope("Hội nghị tổng kết công tác dân vận năm 2023\nSáng 10/1, Ban Dân vận Thành ủy Pleiku tổ chức hội nghị. Dịp này, ông A - Phó Trưởng ban Dân vận Tỉnh ủy trao kỷ niệm chương cho 2 cán bộ.");
    assert.deepEqual([s.unit, s.level], ["thành phố Pleiku", "district"]);
    assert.equal(scope("Bình Tú tổng kết công tác dân vận năm 2024\nChiều 18/12, khối Dân vận xã Bình Tú tổ chức hội nghị tổng kết; đồng chí B - Phó Trưởng Ban Dân vận Huyện ủy dự và phát biểu.").unit, "xã Bình Tú");
  });
  test("organs of another level named only in the guests' titles do not outweigh the organiser", () => {
    const guests = "Dự hội nghị có đồng chí A, Phó Trưởng Ban Dân vận Huyện ủy; đồng chí B, Phó Chủ tịch Ủy ban MTTQ Việt Nam huyện; đồng chí C, Phó Chủ tịch Hội Nông dân huyện.";
    assert.equal(scope(`Thị trấn Phú Túc tổng kết công tác dân vận năm 2023\n${guests} Năm 2023, Khối dân vận thị trấn xây dựng 12 mô hình.`).unit, "thị trấn Phú Túc");
    assert.equal(scope("Phường Hoa Lư tổng kết công tác dân vận năm 2023\nNgày 18/1/2024, Đảng ủy phường Hoa Lư tổ chức tổng kết; bà C, UV BTV Thành ủy, Trưởng Ban Dân vận Thành ủy Pleiku dự và phát biểu. Năm 2023, phường có 20 mô hình.").unit, "phường Hoa Lư");
  });
  test("a commune acting after the lead is not the organiser", () => {
    assert.equal(scope("Tổng kết công tác dân vận năm 2023\nNăm 2023, toàn huyện Krông Pa xây dựng 45 mô hình, hòa giải thành 30 vụ việc. Trong năm, Đảng ủy xã Ia Mlah tổ chức 12 buổi đối thoại.").unit, "huyện Krông Pa");
  });
  test("a member's title ('Tỉnh ủy viên') is no organ of the province", () => {
    assert.equal(scope("Đối thoại với Nhân dân\nÔng A-Tỉnh ủy viên, Bí thư Huyện ủy Chư Sê chủ trì buổi đối thoại với 100 người dân; có 35 ý kiến.").unit, "huyện Chư Sê");
  });
  test("a partner of the organiser is not it, and organs named twice keep their level", () => {
    assert.equal(scope("Sáng 10/1, UBND huyện Krông Pa phối hợp với UBND xã Ia Mlah tổ chức hội nghị đối thoại; có 40 ý kiến.").unit, "huyện Krông Pa");
    assert.equal(scope("Ngày 10/1, xã Ia Tiêm (huyện Chư Sê) tổ chức hội nghị; Huyện ủy Chư Sê chỉ đạo 12 mô hình, toàn huyện có 40 mô hình.").unit, "huyện Chư Sê");
  });
});

describe("scope: places named by number, by a portal's address, with a look-alike letter, or in a story's headline", () => {
  test("a ward named by its number, settled by its district beside it", () => {
    const s = scope("Sáng 13/10, Đảng ủy Phường 9 (Quận 5) tổ chức họp mặt; Ban Dân vận Quận ủy dự; cấp ủy 14 chi bộ tham gia.");
    assert.deepEqual([s.unit, s.level, s.unitCode], ["phường 9", "commune", "27304"]);
  });
  test("a local portal's address names the unit at the level the text speaks from", () => {
    assert.equal(scope("Duyệt chương trình dân vận\n(hocmon.gov.vn) Ngày 11/4, Ban Dân vận Huyện ủy họp với khối vận 12 xã.").unit, "huyện Hóc Môn");
    assert.equal(scope("Duyệt chương trình dân vận\n(abcxyz.gov.vn) Ngày 11/4, Ban Dân vận Huyện ủy họp với khối vận 12 xã.").unit, null);
  });
  test("a province's government portal, as the byline or the source at the end, names the province", () => {
    assert.equal(scope("Tổng kết công tác dân vận năm 2023\n\nNăm 2023, khối dân vận tổ chức 25 cuộc đối thoại với Nhân dân.\n\nNguồn tin: http://backan.gov.vn").unit, "tỉnh Bắc Kạn");
    assert.equal(scope("Tổng kết công tác dân vận năm 2023\n(sotnmt.sonla.gov.vn) - Năm 2023, khối dân vận tổ chức 25 cuộc đối thoại.").unit, "tỉnh Sơn La");
    // A district's portal under it names the district at the district's level.
    assert.equal(scope("Duyệt chương trình dân vận\n(www.chupah.gialai.gov.vn) Ngày 11/4, Ban Dân vận Huyện ủy họp với khối vận 12 xã.").unit, "huyện Chư Păh");
    assert.equal(scope("Tổng kết công tác dân vận năm 2023\n\nNăm 2023, khối dân vận tổ chức 25 cuộc đối thoại.\n\nNguồn tin: http://abcxyz.gov.vn").unit, null);
  });
  test("a name written with a spaced dash: 'Bà Rịa – Vũng Tàu'", () => {
    assert.equal(scope("Ban Dân vận Tỉnh ủy Bà Rịa – Vũng Tàu tổng kết năm 2023; toàn tỉnh có 2.000 mô hình.").unit, "tỉnh Bà Rịa - Vũng Tàu");
    // A dash before the next unit's type word is no part of the name.
    assert.equal(scope("Sáng 10/1, UBND xã Ia Mlah - huyện Krông Pa tiếp 20 lượt công dân.").unit, "xã Ia Mlah");
  });
  test("'Ð' (the Icelandic eth) typed for 'Đ' names the unit as listed", () => {
    assert.equal(scope("Từ đầu năm đến nay, MTTQ huyện Cờ \u00d0ỏ vận động 2 tỷ đồng.").unit, "huyện Cờ Đỏ");
  });
  test("a one-word name opening a headline is a place only when the body names it again: 'Vinh danh…' honours", () => {
    assert.equal(scope("Vinh danh 20 gương điển hình Dân vận khéo\nNgày 10/10, Ban Dân vận Huyện ủy tổ chức hội nghị; toàn huyện có 20 gương điển hình.").unit, null);
    assert.equal(scope("Pleiku tổng kết công tác dân vận năm 2023\nNăm 2023, toàn thành phố Pleiku có 300 mô hình.").unit, "thành phố Pleiku");
    assert.equal(scope("Vinh: 300 mô hình dân vận khéo\nNăm 2023, toàn thành phố có 300 mô hình.").unit, "thành phố Vinh");
  });
  test("a commune only in the headline of a text no organ speaks from", () => {
    assert.equal(scope("Ia Piar phát huy vai trò đội ngũ hòa giải viên\nÔng Jim, tổ trưởng tổ hòa giải buôn Plei Gok, đã hòa giải thành công hơn 30 vụ việc.").unit, "xã Ia Piar");
    // A name that communes of several types bear does not say which.
    assert.equal(scope("Phước An phát huy vai trò hòa giải viên\nÔng Jim, tổ trưởng tổ hòa giải, đã hòa giải thành công hơn 30 vụ việc.").unit, null);
  });
});

describe("scope: an address is not a byline, and a story's headline venue", () => {
  test("'TPHCM' after a ward in brackets is its address: the ward is the unit", () => {
    assert.equal(scope("Giữ gìn sự gắn kết\nTại khu phố 1, phường Tân Đông Hiệp (TPHCM), tổ hòa giải có 9 thành viên, mỗi năm tiếp nhận 10 vụ việc.").unit, "phường Tân Đông Hiệp");
    assert.equal(scope("(TPHCM) - Sáng 10/1, Ban Dân vận Thành ủy tổng kết năm 2023; toàn thành phố có 900 mô hình.").unit, "thành phố Hồ Chí Minh");
  });
  test("a text no organ speaks from takes the district or province its headline names after 'ở'", () => {
    assert.equal(scope("Ngày hội Đại đoàn kết ở Chư Sê\nVào tháng 11 hằng năm, các khu dân cư tổ chức ngày hội với 120 hộ tham gia.").unit, "huyện Chư Sê");
  });
});

describe("scope: a town's text naming a commune that several provinces hold", () => {
  test("the one town of the kind its organs name among the commune's districts", () => {
    const body = "tổng kết công tác dân vận năm 2021. Toàn {k} xây dựng 135 mô hình; xã Hòa Phong đạt chuẩn NTM nâng cao.";
    assert.equal(scope(`Ban Dân vận Thị ủy ${body.replace("{k}", "thị xã")}`).unit, "thị xã Mỹ Hào");
    // Several districts hold a commune of that name: the commune is named, no district guessed.
    assert.equal(scope(`Ban Dân vận Huyện ủy ${body.replace("{k}", "huyện")}`).unit, "xã Hòa Phong");
  });
});

describe("scope: a year compared with", () => {
  test("a half year without its year is not the year it is compared with ('so với cùng kỳ năm 2023')", () => {
    assert.equal(scope("Huyện ủy sơ kết công tác 6 tháng đầu năm. Trong 6 tháng, toàn huyện tiếp 40 lượt công dân, tăng 5 lượt so với cùng kỳ năm 2023.").period, "2024S1");
    // Its own year named stays.
    assert.equal(scope("Sơ kết 6 tháng đầu năm 2023: toàn huyện tiếp 40 lượt công dân, tăng 5 lượt so với cùng kỳ năm 2022.").period, "2023S1");
  });
  test("'so năm 2022', 'so với' shortened, names the year compared with, not the figures' year", () => {
    assert.equal(scope("Hội Phụ nữ tỉnh: trong năm kết nạp 2.300 hội viên, tăng 150 hội viên so năm 2022.").period, null);
    // A half year without its year takes the year after the one compared with.
    assert.equal(scope("Hội Nông dân sơ kết 6 tháng đầu năm. Kết nạp 420 hội viên, tăng 35 hội viên so năm 2023.").period, "2024S1");
    // The word "so" elsewhere leaves a year as it was.
    assert.equal(scope("Năm 2023, so sánh các xã, toàn huyện tiếp 40 lượt công dân.").period, "2023");
  });
});

describe("scope: a whole year beside its last quarter, and a year named only as a target", () => {
  test("'quý IV và cả năm 2023' in the title is the year; a quarterly report that gives the year's total stays quarterly", () => {
    assert.equal(scope("Báo cáo kết quả công tác dân vận quý IV và cả năm 2023\nCả năm 2023, toàn huyện xây dựng 45 mô hình; riêng quý IV có 10 mô hình.").period, "2023");
    assert.equal(scope("Báo cáo công tác dân vận quý IV/2023\nTrong quý, toàn huyện xây dựng 10 mô hình; cả năm 2023 có 45 mô hình.").period, "2023Q4");
  });
  test("a review dated early in the year whose only year named is the next one's target: the year before", () => {
    assert.equal(scope("Sáng 12/1/2024, Ban Dân vận Huyện ủy tổng kết công tác dân vận. Trong năm, toàn huyện xây dựng 45 mô hình; năm 2024 phấn đấu xây dựng 50 mô hình.").period, "2023");
    assert.equal(scope("Sáng 12/1/2024, Ban Dân vận Huyện ủy tổng kết công tác dân vận năm 2024; toàn huyện có 45 mô hình.").period, "2024");
  });
});

describe("scope: a name several units hold, and a town's council", () => {
  test("a ward's name that several provinces hold is the one under the city the text names", () => {
    assert.equal(scope("Công tác kết nghĩa của phường Tây Sơn với các làng của xã Gào\nThực hiện đề án của Thành ủy Pleiku, phường Tây Sơn kết nghĩa với 4 làng của xã Gào; Đảng ủy phường Tây Sơn triển khai đến 13 tổ dân phố.").unit, "phường Tây Sơn");
  });
  test("'HĐND thị xã' is a town's organ: deputies of the province meeting a town's voters", () => {
    assert.equal(scope("Đại biểu HĐND tỉnh tiếp xúc cử tri thị xã An Khê\nSáng 6/1, tổ đại biểu HĐND tỉnh Gia Lai đơn vị thị xã An Khê gồm ông A - Bí thư Thị ủy, Chủ tịch HĐND thị xã và đại biểu HĐND thị xã tiếp xúc 200 cử tri.").unit, "thị xã An Khê");
  });
});

describe("scope: a plan's year named in the clause before", () => {
  test("a list of reports on a year and plans for the next keeps the year reviewed", () => {
    assert.equal(scope("Ngày 15/3/2024, Công đoàn xã phối hợp với Ủy ban nhân dân xã tổ chức hội nghị cán bộ, công chức. Hội nghị thông qua báo cáo kiểm điểm việc thực hiện kế hoạch công tác năm 2023, phương hướng nhiệm vụ năm 2024; báo cáo hoạt động Công đoàn năm 2023, phương hướng nhiệm vụ năm 2024; báo cáo thu, chi tài chính năm 2023; dự thảo quy chế chi tiêu nội bộ năm 2024.").period, "2023");
    // A year named only after a plan word stays a plan's.
    assert.equal(scope("Sáng 12/1/2024, Ban Dân vận Huyện ủy tổng kết công tác dân vận. Trong năm, toàn huyện xây dựng 45 mô hình; năm 2024 phấn đấu xây dựng 50 mô hình.").period, "2023");
  });
});

describe("scope: places in the citation of a document", () => {
  test("a district carrying out its province's plans is the unit, not the province that issued them", () => {
    const s = scope("Dân vận khéo gắn với xây dựng nông thôn mới\nThực hiện Kế hoạch số 24-KH/BDVTU ngày 20/3/2009 của Ban Dân vận Tỉnh ủy Bắc Giang về việc tổ chức phong trào thi đua Dân vận khéo, việc quán triệt được thực hiện trên địa bàn huyện Tân Yên. Năm 2011, thực hiện Nghị quyết số 145-NQ/TU của Ban Thường vụ Tỉnh ủy về xây dựng nông thôn mới tỉnh Bắc Giang đến năm 2020; Kế hoạch số 15-KH/BDVTU về xây dựng mô hình Dân vận khéo tại 40 xã điểm trên địa bàn tỉnh Bắc Giang, Ban Dân vận Huyện ủy đã tham mưu Ban Thường vụ Huyện ủy ban hành Kế hoạch số 34-KH/HU.");
    assert.deepEqual([s.unit, s.level], ["huyện Tân Yên", "district"]);
  });
  test("a unit's own document cited still names it", () => {
    assert.equal(scope("Thực hiện Kế hoạch số 05-KH/HU của Huyện ủy Krông Pa, năm 2023 Ban Dân vận Huyện ủy đã phối hợp với UBND tỉnh Gia Lai tổ chức 16 hội nghị.").unit, "huyện Krông Pa");
    assert.equal(scope("Thực hiện Kế hoạch số 12-KH/TU của Tỉnh ủy Gia Lai, năm 2023 Ban Dân vận Tỉnh ủy đã phối hợp tổ chức 16 hội nghị.").unit, "tỉnh Gia Lai");
  });
});

describe("scope: bylines, guests and the next quarter's plan", () => {
  test("a newspaper's code in parentheses names its province without a dash: '(VLO) Đó là…'", () => {
    const t = "5 năm hiến hơn 600.000m2 đất\n\n(VLO) Đó là tổng diện tích đất do hội viên nông dân trong tỉnh đã hiến để xây dựng nông thôn mới.";
    assert.equal(scope(t).unit, "tỉnh Vĩnh Long");
    assert.equal(scope(t.replace("(VLO) Đó", "(VLO) - Đó")).unit, "tỉnh Vĩnh Long");
    // A code that names no province is none.
    assert.equal(scope(t.replace("(VLO)", "(XYZ)")).unit, null);
  });
  test("a code of two letters in parentheses, alone or before the author's ('(CM) -', '(CM-TH)'), names the one province of those initials", () => {
    const t = "(CM-TH) Từ đầu năm đến nay, các cấp Hội Nông dân trong tỉnh đã vận động 300 hội viên hiến đất; Hội Nông dân tỉnh trao 12 căn nhà.";
    assert.equal(scope(t).unit, "tỉnh Cà Mau");
    assert.equal(scope(t.replace("(CM-TH)", "(CM) -")).unit, "tỉnh Cà Mau");
    // Initials several provinces share name none; two letters without parentheses open a sentence, not a byline.
    assert.equal(scope(t.replace("(CM-TH)", "(ĐN) -")).unit, null);
    assert.equal(scope(t.replace("(CM-TH)", "CM -")).unit, null);
  });
  test("a provincial guest's title does not outweigh the city the text is about", () => {
    const t = "(QNO) - Sáng 15/10, tại TP.Hội An diễn ra hội nghị tổng kết phong trào trên địa bàn thành phố. Tham dự có Trưởng ban Dân vận Tỉnh ủy - Nguyễn Văn A.\n\n"
      + "Theo Ban Dân vận Thành ủy Hội An, toàn thành phố có 501 mô hình. Đã có 199 tập thể được UBND TP.Hội An khen thưởng; UBND tỉnh tặng bằng khen cho 1 tập thể.\n\n"
      + "Trưởng ban Dân vận Tỉnh ủy - Nguyễn Văn A phát biểu. Phát biểu tại hội nghị, Trưởng ban Dân vận Tỉnh ủy Nguyễn Văn A đánh giá cao kết quả.";
    assert.deepEqual([scope(t).unit, scope(t).level], ["thành phố Hội An", "district"]);
    // The province's own text keeps the province.
    assert.equal(scope("(VLO) - Sáng 15/10, Ban Dân vận Tỉnh ủy tổng kết phong trào; toàn tỉnh có 5.000 mô hình, riêng Thành ủy Vĩnh Long có 300 mô hình. UBND tỉnh tặng bằng khen cho 10 tập thể.").unit, "tỉnh Vĩnh Long");
  });
  test("a quarter's report that sets out the next quarter's work covers the quarter before it", () => {
    const t = "Sơ kết công tác Hội quý I\nTrong quý, kết nạp được 24 hội viên, vận động quỹ được 62 triệu đồng.\n"
      + "Tại Hội nghị sơ kết Hội Nông dân xã đề ra 11 nội dung thực hiện trong quý II năm 2022, trọng tâm là đổi mới sinh hoạt Hội.";
    assert.equal(scope(t).period, "2022Q1");
    assert.equal(scope(t.replace("Sơ kết công tác Hội quý I\n", "")).period, "2022Q1");
    // Results of the quarter named are that quarter's.
    assert.equal(scope("Trong quý II năm 2022, Hội Nông dân xã kết nạp được 24 hội viên.").period, "2022Q2");
  });
});

describe("scope: a district named again and again, spelled as the text spells it", () => {
  test("one bare 'tỉnh' is no organ: the district named three times is the unit, not its province", () => {
    const lead = "Nhằm tuyên truyền, vận động nhân dân thực hiện tốt các chủ trương của Đảng, chính sách, pháp luật của Nhà nước, phát động phong trào toàn dân bảo vệ an ninh Tổ quốc và phổ biến những thủ đoạn lôi kéo người dân đi theo các hội nhóm trái phép, giữ gìn khối đại đoàn kết toàn dân tộc ở cơ sở trong tình hình mới.";
    const t = `Phát động quần chúng ở các buôn vùng đồng bào dân tộc thiểu số\n${lead}\nTrong 2 ngày 14-15/5, Đoàn công tác của huyện Krông Pa đã phối hợp tổ chức phát động tại buôn A, xã Ia Mlah, có gần 300 người dân tham gia.\nTại buổi phát động, bà con được thông tin về tình hình kinh tế, xã hội huyện Krông Pa và tình hình tội phạm trên địa bàn tỉnh.`;
    assert.deepEqual([scope(t).unit, scope(t).level], ["huyện Krông Pa", "district"]);
    // An organ of the province speaking keeps the province.
    assert.equal(scope(t.replace("Trong 2 ngày", "Ban Dân vận Tỉnh ủy cho biết: trong 2 ngày")).unit, "tỉnh Gia Lai");
  });
  test("the guests of a meeting ('Tham dự có lãnh đạo Ban Dân vận Tỉnh ủy') do not speak for the text", () => {
    const body = "Năm 2023, Ban Dân vận Huyện ủy Krông Pa tham mưu ban hành 12 văn bản; xã Phú Cần xây dựng 5 mô hình; xã Ia Mlah vận động 200 triệu đồng.";
    assert.equal(scope(`Hội nghị tổng kết công tác dân vận năm 2023 của huyện\nTham dự có lãnh đạo Ban Dân vận Tỉnh ủy Gia Lai. ${body}`).unit, "huyện Krông Pa");
    assert.equal(scope(`Hội nghị tổng kết công tác dân vận năm 2023\nĐến dự hội nghị có đại diện Ban Dân vận Tỉnh ủy. ${body}`).unit, "huyện Krông Pa");
  });
  test("a commune's text names its commune after 'ở'/'tại' in the headline; a district's text its district", () => {
    assert.equal(scope("Dân vận khéo ở Ia Mlah\nNăm 2023, Đảng ủy xã xây dựng 12 mô hình Dân vận khéo; vận động 1,2 tỷ đồng.").unit, "xã Ia Mlah");
    assert.equal(scope("Dân vận khéo ở Ia Pa\nNăm 2023, Huyện ủy chỉ đạo xây dựng 45 mô hình Dân vận khéo.").unit, "huyện Ia Pa");
  });
  test("a name spelled otherwise than the unit list's is kept as written: 'huyện Đak Đoa', 'huyện M'Drắk'", () => {
    assert.equal(scope("Ban vận động Quỹ Vì người nghèo huyện Đak Đoa đã hỗ trợ xây mới 38 căn nhà Đại đoàn kết.").unit, "huyện Đak Đoa");
    assert.equal(scope("Đoàn công tác của huyện M'Drắk đã tổ chức phát động quần chúng tại xã Cư Króa.").unit, "huyện M'Drắk");
    // Written as listed, the list's spelling; in capitals, too.
    assert.equal(scope("Ban vận động Quỹ Vì người nghèo huyện Krông Pa đã hỗ trợ xây mới 38 căn nhà.").unit, "huyện Krông Pa");
  });
});
