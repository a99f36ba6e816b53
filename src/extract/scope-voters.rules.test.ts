/**
 * Scope rules found on a study set of public news texts on citizen reception, petitions, dialogues and voters'
 * contacts (helper wn): deputies meeting voters name the body they sit in, not the place that reports; a council's
 * term is no unit's name; the organs of several communes, each in turn, report for their district. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: deputies meeting voters do not speak for the voters' place", () => {
  test("'Đại biểu HĐND tỉnh, huyện tiếp xúc cử tri' under a district's bare headline: the district reports", () => {
    const s = scope("Bình Gia: Đại biểu HĐND tỉnh, huyện tiếp xúc cử tri\n"
      + "Vừa qua, đại biểu HĐND tỉnh, huyện tiếp xúc cử tri tại 2 xã trước kỳ họp cuối năm 2023. "
      + "Về dự có đồng chí Phó Bí thư Huyện ủy, đại biểu HĐND tỉnh với 150 cử tri tham dự.\n"
      + "Cử tri nêu 20 ý kiến về đất đai, giao thông; lãnh đạo UBND huyện, xã trả lời tại hội nghị.");
    assert.equal(s.unit, "huyện Bình Gia");
  });
  test("a province's council reporting its deputies' contacts with voters stays the province's", () => {
    const s = scope("HĐND tỉnh Lạng Sơn tổng kết hoạt động năm 2023\n"
      + "Năm 2023, Thường trực HĐND tỉnh Lạng Sơn chỉ đạo các tổ đại biểu HĐND tỉnh tiếp xúc cử tri 120 cuộc; "
      + "HĐND tỉnh tổ chức 4 kỳ họp, UBND tỉnh trả lời 95% ý kiến của cử tri.");
    assert.equal(s.unit, "tỉnh Lạng Sơn");
  });
});

describe("scope: the deputies' council in a text on a meeting with voters does not speak", () => {
  test("a town's Front hosting deputies of the province and district: the town reports, not the province whose session is told", () => {
    const s = scope("Mặt trận thị trấn Ea Drăng phối hợp tổ chức tiếp xúc cử tri\n"
      + "Sáng 9/7, Ủy ban MTTQ Việt Nam thị trấn Ea Drăng phối hợp tổ chức hội nghị tiếp xúc cử tri giữa đại biểu HĐND tỉnh, huyện với cử tri thị trấn.\n"
      + "Đại biểu HĐND tỉnh thông báo kết quả kỳ họp thường lệ của HĐND tỉnh; kết quả giám sát chuyên đề của HĐND tỉnh và Nghị quyết về giá đất của HĐND tỉnh. "
      + "Đại biểu HĐND huyện thông báo kết quả kỳ họp thứ 9 HĐND huyện.\n"
      + "Có 11 cử tri phát biểu; lãnh đạo UBND thị trấn trả lời các ý kiến thuộc thẩm quyền.");
    assert.equal(s.unit, "thị trấn Ea Drăng");
  });
  test("'của HĐND tỉnh nơi mình là đại biểu' is the deputies' seat: a district's page on their meeting with its voters stays the district's", () => {
    const s = scope("Tiếp xúc cử tri sau kỳ họp thứ 9 HĐND tỉnh\n"
      + "Để đại biểu báo cáo với cử tri về hoạt động của mình và của HĐND tỉnh nơi mình là đại biểu, ngày 10/7/2023, "
      + "Tổ đại biểu HĐND tỉnh đã tiếp xúc cử tri tại xã Ea Tiêu và xã Ea Ktur, huyện Cư Kuin.\n"
      + "Lãnh đạo UBND huyện Cư Kuin tiếp thu 14 ý kiến của cử tri và chuyển các ý kiến đến cơ quan có thẩm quyền.");
    assert.equal(s.unit, "huyện Cư Kuin");
  });
  test("a district's deputies meeting a commune's voters: the commune reports, not the district their council sits for", () => {
    const s = scope("Tiếp xúc cử tri xã Ea Kao\nSáng 12/7/2024, đại biểu HĐND thành phố Buôn Ma Thuột tiếp xúc cử tri xã Ea Kao. 95 cử tri dự, nêu 11 ý kiến.");
    assert.equal(s.unit, "xã Ea Kao");
  });
  test("a province's council acting on voters' petitions, in a text on no meeting with voters, still speaks", () => {
    const s = scope("HĐND tỉnh Đắk Lắk giám sát việc giải quyết kiến nghị\n"
      + "Đoàn giám sát của HĐND tỉnh Đắk Lắk đã làm việc với 5 sở; HĐND tỉnh ghi nhận 120 kiến nghị đã được giải quyết, đạt 92%.");
    assert.equal(s.unit, "tỉnh Đắk Lắk");
  });
});

describe("scope: a council's term is not a unit's name", () => {
  test("'HĐND tỉnh Khóa XII' names no province 'Khóa XII'", () => {
    const s = scope("Kết quả trả lời kiến nghị của cử tri sau Kỳ họp thứ 5 HĐND tỉnh Khóa XII\n"
      + "Tại Kỳ họp thứ 6 HĐND tỉnh Khóa XII, UBND tỉnh báo cáo đã trả lời 64 ý kiến, kiến nghị của cử tri; "
      + "Thường trực HĐND tỉnh Khóa XII đề nghị các sở giải quyết dứt điểm 7 kiến nghị còn lại.");
    assert.equal(s.unit, null);
  });
  test("a district merged since, named with two capitalised words, is still read", () => {
    const s = scope("Ban Dân vận Huyện ủy Đất Đỏ tổng kết năm 2023\nNăm 2023, Ban Dân vận Huyện ủy Đất Đỏ tham mưu 12 văn bản; toàn huyện Đất Đỏ có 35 mô hình Dân vận khéo.");
    assert.equal(s.unit, "huyện Đất Đỏ");
  });
});

describe("scope: the organs of three communes or more, each in turn, report for their district", () => {
  test("'MTTQ cấp xã trên địa bàn huyện A …' in a long opening line (no headline), then 'MTTQ xã B …; MTTQ xã C …; MTTQ xã D …': the district's roundup", () => {
    const s = scope("Trong 9 tháng đầu năm 2024, ủy ban MTTQ cấp xã, thị trấn trên địa bàn huyện Krông Pắc đã giám sát 13 chuyên đề, chủ yếu liên quan đến quyền và lợi ích hợp pháp, chính đáng của người dân và hoạt động của chính quyền trong xã, thị trấn.\n"
      + "Cụ thể, MTTQ xã Ea Kly giám sát UBND xã về việc chi trả trợ cấp; MTTQ xã Ea Kênh giám sát việc cho vay vốn của hội phụ nữ và đoàn thanh niên xã; "
      + "MTTQ xã Vụ Bổn giám sát UBND xã về thu các khoản đóng góp; MTTQ xã Ea Yông giám sát việc làm đường nội đồng; "
      + "MTTQ xã Hòa Tiến giám sát việc cấp giấy chứng nhận cho người dân trên địa bàn xã...\n"
      + "Theo ông Nguyễn Văn B, Chủ tịch Ủy ban MTTQ huyện Krông Pắc, giám sát cấp xã giúp chính quyền cơ sở chấp hành các nghị quyết của Đảng ủy, HĐND, UBND cấp xã.");
    assert.equal(s.unit, "huyện Krông Pắc");
  });
  test("a commune's own text naming two neighbours stays the commune's", () => {
    const s = scope("Đảng ủy xã Ea Kly tổng kết năm 2023\nNăm 2023, Đảng ủy xã Ea Kly phối hợp với MTTQ xã Ea Kênh và MTTQ xã Vụ Bổn, huyện Krông Pắc tổ chức 3 cuộc đối thoại; UBND xã Ea Kly tiếp 45 lượt công dân.");
    assert.equal(s.unit, "xã Ea Kly");
  });
});
