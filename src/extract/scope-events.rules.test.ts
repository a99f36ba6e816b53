/**
 * Periods found on a study set of news items of mass organisations in the North and the Mekong delta (issue 16): the
 * year in the name of a campaign or an annual event ("Tháng Thanh niên năm 2025", "Ngày hội Đại đoàn kết toàn dân tộc
 * năm 2024") is not the figures' period; "3 tháng đầu năm" is the first quarter. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;
const period = (t: string) => scope(t).period;

describe("scope: the year of a campaign's or an event's name", () => {
  test("a month-long campaign named with its year is no period: 'Tháng Thanh niên năm 2025'", () => {
    const s = scope("Huyện đoàn Tân Phước phát động Tháng Thanh niên năm 2025\nSáng 2/3, Huyện đoàn trao 4 căn nhà nhân ái trị giá 200 triệu đồng.");
    assert.deepEqual([s.period, s.kind], [null, "news"]);
    assert.equal(period("Tỉnh đoàn Bến Tre tổng kết Tháng Thanh niên năm 2024: các cơ sở Đoàn thực hiện 320 công trình."), null);
    assert.equal(period("Xã Mỹ Lợi ra quân Tháng Dân vận năm 2025, trao 30 phần quà cho hộ nghèo."), null);
  });
  test("an annual day or a peak month named with its year: 'Ngày hội Đại đoàn kết toàn dân tộc năm 2024'", () => {
    const s = scope("Ngày 15/11/2024, Ủy ban MTTQ xã Phú Lâm tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2024 tại ấp 2. Dịp này, Mặt trận trao 40 phần quà.");
    assert.deepEqual([s.period, s.kind], [null, "news"]);
    assert.equal(period("Ủy ban MTTQ huyện Kim Bảng phát động Tháng cao điểm “Vì người nghèo” năm 2024, vận động được 120 triệu đồng."), null);
    assert.equal(period("Huyện đoàn Lai Vung ra quân Chiến dịch tình nguyện Mùa hè xanh năm 2024 với 200 đoàn viên."), null);
  });
  test("a year inside a quoted movement's name: 'phong trào “Chung tay vì người nghèo năm 2025”'", () => {
    assert.equal(period("Hội Nông dân tỉnh Bạc Liêu hưởng ứng phong trào thi đua “Chung tay xóa nhà dột nát trong năm 2025”, hỗ trợ xây 12 căn nhà."), null);
    // A quoted report's title keeps its year.
    assert.equal(period("Ban Dân vận tổ chức hội nghị “Tổng kết công tác dân vận năm 2024”; toàn huyện có 40 mô hình."), "2024");
  });
  test("an event planned keeps its year a plan's: 'kế hoạch tham gia Tết Quân - Dân năm 2024'", () => {
    assert.equal(period("Hội LHPN huyện Long Mỹ họp báo triển khai chương trình công tác năm 2024 và kế hoạch tham gia Tết Quân - Dân năm 2024 với 34 chỉ tiêu thi đua."), null);
  });
  test("the year of a review or of figures beside the event stays the period", () => {
    assert.equal(period("Ủy ban MTTQ huyện Tiên Lữ tổng kết công tác Mặt trận năm 2024, phát động Tháng cao điểm Vì người nghèo năm 2025. Năm 2024, Mặt trận vận động 2 tỷ đồng."), "2024");
    assert.equal(period("Huyện đoàn Tân Phước sơ kết công tác Đoàn quý I năm 2025 gắn với tổng kết Tháng Thanh niên năm 2025. Trong quý, trồng 3.000 cây xanh."), "2025Q1");
    assert.equal(period("Ban Dân vận tổ chức Ngày hội dân vận khéo và tổng kết công tác dân vận năm 2024; toàn huyện có 40 mô hình."), "2024");
  });
});

describe("scope: three months of the year", () => {
  test("'3 tháng đầu năm' is the first quarter, with its year or the date line's", () => {
    assert.equal(period("Hội Nông dân huyện Phụng Hiệp sơ kết công tác 3 tháng đầu năm 2024\nTrong 3 tháng đầu năm, Hội kết nạp 120 hội viên."), "2024Q1");
    assert.equal(period("Thứ Tư, 03/04/2024\nHội LHPN huyện Phụng Hiệp sơ kết 3 tháng đầu năm: các cấp Hội kết nạp 80 hội viên."), "2024Q1");
    assert.equal(period("Trong ba tháng đầu năm 2023, Ban Dân vận Huyện ủy Vị Thủy chỉ đạo tổ chức 12 cuộc đối thoại."), "2023Q1");
  });
  test("the last three months launched or planned are no period; reviewed they are the fourth quarter", () => {
    assert.equal(period("Hội nghị triển khai công tác Mặt trận 3 tháng cuối năm 2025\nỦy ban MTTQ phường Tân An triển khai 5 nội dung trọng tâm."), null);
    assert.equal(period("Hội Nông dân xã Tân An sơ kết 3 tháng cuối năm 2024: kết nạp 25 hội viên."), "2024Q4");
  });
  test("the last three months planned beside nine months reviewed leave the nine months", () => {
    assert.equal(period("Ban Dân vận Huyện ủy Vị Thủy sơ kết 9 tháng năm 2024, triển khai nhiệm vụ 3 tháng cuối năm 2024. Trong 9 tháng, toàn huyện tổ chức 25 cuộc đối thoại."), "2024N9");
  });
});

describe("scope: more forms of a page's date line", () => {
  const HALF = "Hội Nông dân huyện Tân Uyên sơ kết công tác Hội 6 tháng đầu năm\nTrong 6 tháng đầu năm, các cấp Hội kết nạp 210 hội viên.";
  test("a label, then a time, then the date; a label in brackets", () => {
    assert.equal(period(`Đăng lúc: 09:15 - 10/07/2023\n${HALF}`), "2023S1");
    assert.equal(period(`(Cập nhật 10-7-2023)\n${HALF}`), "2023S1");
    assert.equal(period(`Ngày xuất bản: 10/07/2023\n${HALF}`), "2023S1");
  });
  test("an author's line closed by a bar and the date", () => {
    assert.equal(period(`Tác giả: Thu Hà | 10/07/2023\n${HALF}`), "2023S1");
  });
  test("a date written year first, or with the month as a word", () => {
    assert.equal(period(`2023-07-10 09:15\n${HALF}`), "2023S1");
    assert.equal(period(`10 Tháng 7, 2023\n${HALF}`), "2023S1");
    assert.equal(period(`Thứ Hai, 10 tháng 07 năm 2023 09:15\n${HALF}`), "2023S1");
  });
});

describe("scope: halves and months of a year written otherwise", () => {
  test("'nửa đầu năm 2024' is the first half, 'nửa cuối năm' the second", () => {
    assert.equal(period("Hội CCB huyện Hiệp Hòa sơ kết công tác Hội nửa đầu năm 2023: kết nạp 95 hội viên."), "2023S1");
    assert.equal(period("Hội CCB huyện Hiệp Hòa sơ kết công tác Hội nửa cuối năm 2023: kết nạp 95 hội viên."), "2023S2");
  });
  test("ten or eleven months of a year are no standard period, nor their year", () => {
    assert.equal(period("Hội CCB huyện Hiệp Hòa sơ kết công tác Hội 10 tháng đầu năm 2023: kết nạp 95 hội viên."), null);
    assert.equal(period("Trong 11 tháng năm 2023, Hội CCB huyện Hiệp Hòa kết nạp 95 hội viên."), null);
    // Twelve months are the year.
    assert.equal(period("Trong 12 tháng năm 2023, Hội CCB huyện Hiệp Hòa kết nạp 95 hội viên."), "2023");
  });
});
