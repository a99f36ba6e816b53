/**
 * Scope rules found on a study set of public news texts (helper wp): the guests who "cùng dự (làm việc)" beside a
 * delegation's visit to a commune, and a city council's resolution cited in a district's text, do not speak for the
 * text. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: guests named after 'Cùng dự (làm việc) có' do not speak", () => {
  const cases: Array<[string, string, [string | null, string | null]]> = [
    ["a province's leaders beside a delegation's work at a commune",
      "Đoàn công tác Hội Nông dân Trung ương làm việc với xã Hòa Phong\n"
      + "Chiều 12-8, đoàn công tác của Hội Nông dân Trung ương đã làm việc tại xã Hòa Phong (Tây Hòa) về mô hình tổ hợp tác. "
      + "Cùng dự làm việc có Phó Chủ tịch UBND tỉnh Trần Văn B, Trưởng Ban Dân vận Tỉnh ủy Lê Thị C và lãnh đạo huyện Tây Hòa.",
      ["xã Hòa Phong", "commune"]],
    ["'Cùng dự có' without the verb",
      "Sáng 3-9, Ban Chỉ đạo đã làm việc tại xã Hòa Phong (Tây Hòa). Cùng dự có Phó Chủ tịch UBND tỉnh Trần Văn B, "
      + "Trưởng Ban Dân vận Tỉnh ủy Lê Thị C và lãnh đạo huyện Tây Hòa.",
      ["xã Hòa Phong", "commune"]],
  ];
  for (const [name, text, want] of cases) test(name, () => {
    const s = scope(text);
    assert.deepEqual([s.unit, s.level], want);
  });
  test("false friend: a province's own meeting that its leaders attend still speaks from the province", () => {
    const s = scope("Sáng 5-1, UBND tỉnh Phú Yên tổng kết công tác dân vận chính quyền năm 2023. "
      + "Cùng dự có Phó Chủ tịch UBND tỉnh Trần Văn B. Năm 2023, UBND tỉnh đã đối thoại 12 cuộc với Nhân dân.");
    assert.deepEqual([s.unit, s.level], ["tỉnh Phú Yên", "province"]);
  });
});

describe("scope: a city's organ in a cited document does not make the city speak", () => {
  test("a district's Party committee's meeting citing the city council's resolution is the district's", () => {
    const s = scope("Họp Khối vận năm 2024\n(cuchi.gov.vn) Ngày 9/5, Ban Dân vận Huyện ủy tổ chức cuộc họp duyệt chương trình "
      + "năm 2024 của Khối vận các xã - thị trấn. Tham dự và chủ trì có đồng chí Nguyễn Văn D - UV.BTV Huyện ủy, Trưởng Ban Dân vận Huyện ủy.\n"
      + "Đồng chí đề nghị các xã tuyên truyền Nghị quyết số 11 của HĐND Thành phố về việc đổi tên khu phố - ấp trên địa bàn TPHCM.");
    assert.deepEqual([s.unit, s.level], ["huyện Củ Chi", "district"]);
  });
  test("false friend: the city's council that acts, not cited, still makes the city speak", () => {
    const s = scope("Ngày 9/5, HĐND Thành phố tổ chức kỳ họp; UBND Thành phố báo cáo kết quả công tác dân vận chính quyền "
      + "trên địa bàn TPHCM năm 2023. Ban Dân vận Huyện ủy Củ Chi dự.");
    assert.equal(s.unit, "thành phố Hồ Chí Minh");
  });
});

describe("scope: a month is the product's id, which parsePeriod reads back", () => {
  test("a monthly report's title gives 'YYYYMM'", async () => {
    const { parsePeriod } = await import("../core/period.ts");
    const s = scope("Báo cáo công tác Mặt trận tháng 5 năm 2022\nTrong tháng, Ủy ban MTTQ xã Hòa Phong tiếp nhận 9 ý kiến của Nhân dân.");
    assert.equal(s.period, "202205");
    assert.equal(parsePeriod(s.period!).id, "202205");
  });
  test("false friend: a quarter, a half year and nine months keep their ids", () => {
    assert.equal(scope("Báo cáo sơ kết quý I năm 2024 của Ủy ban MTTQ xã Hòa Phong; tiếp nhận 9 ý kiến.").period, "2024Q1");
    assert.equal(scope("Báo cáo sơ kết 9 tháng đầu năm 2024 của Ủy ban MTTQ xã Hòa Phong; tiếp nhận 9 ý kiến.").period, "2024N9");
  });
});

describe("scope: a local station's masthead names the district of a text that names no unit", () => {
  const cases: Array<[string, string, string | null]> = [
    ["'Truyền hình X' heading a district Front's news", "Truyền hình Krông Pa\n\nBan Thường trực Ủy ban MTTQ Việt Nam huyện triển khai Tháng cao điểm\n\n"
      + "Chiều 3/10, Ban Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị. Dự hội nghị có Chủ tịch Ủy ban MTTQ Việt Nam các xã, thị trấn.", "huyện Krông Pa"],
    ["'Đài Truyền thanh - Truyền hình huyện X'", "Đài Truyền thanh - Truyền hình huyện Krông Pa\nBan Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị. "
      + "Dự hội nghị có Chủ tịch Ủy ban MTTQ Việt Nam các xã, thị trấn.", "huyện Krông Pa"],
    ["false friend: a national station names no district", "Truyền hình Việt Nam\nBan Thường trực Ủy ban MTTQ Việt Nam huyện tổ chức hội nghị. "
      + "Dự hội nghị có Chủ tịch Ủy ban MTTQ Việt Nam các xã, thị trấn.", null],
    ["false friend: a commune named in the text is its own", "Truyền hình Krông Pa\nBan Thường trực Ủy ban MTTQ Việt Nam xã Ia Mlah tổ chức hội nghị triển khai Tháng cao điểm.", "xã Ia Mlah"],
  ];
  for (const [name, text, want] of cases) test(name, () => assert.equal(scope(text).unit, want));
});

describe("scope: a longer name listed under another type of the level is the unit, not a shorter namesake", () => {
  test("a commune written 'xã' that has been a ward since is that ward, not a 'xã' of the shorter name elsewhere", () => {
    const s = scope("Đối thoại với Nhân dân ở xã Long Thành Trung\nSáng 12/3, Đảng ủy xã Long Thành Trung tổ chức hội nghị đối thoại với Nhân dân.");
    assert.equal(s.unit, "phường Long Thành Trung");
  });
  test("false friend: a name the type written holds is read with that type", () => {
    assert.equal(scope("Sáng 12/3, Đảng ủy xã Long Thành tổ chức hội nghị đối thoại với Nhân dân.").unit, "xã Long Thành");
  });
});
