/**
 * Layouts of real reports that the sentence rules alone miss: bare numbers after a label, numbers glued
 * to a word by a bad copy, items that continue a heading or the sentence before. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";
import { seenFigures } from "../test-support/figures-seen.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". */
const seen = (s: string) => seenFigures(s, { qualifier: true });

describe("extractor: a bare number after a label", () => {
  test("a list line names the activity, the number has no noun", () => {
    assert.deepEqual(seen("Kết quả trong năm:\n- Tiếp công dân: 64\n- Hòa giải thành: 21/25\n- Đối thoại – 7"), [
      "64 lượt → reception.turns", "21/25 vụ → mediation.successful", "7 cuộc → dialogues.held",
    ]);
  });
  test("a table-like line separated by a tab", () => {
    assert.deepEqual(seen("Tiếp công dân\t118\nGiám sát\t9"), ["118 lượt → reception.turns", "9 cuộc → oversight.count"]);
  });
  test("a line laid out in columns by spaces, as a PDF's text layer gives it", () => {
    assert.deepEqual(seen("Tiếp công dân    83\nHòa giải thành  29/33"), ["83 lượt → reception.turns", "29/33 vụ → mediation.successful"]);
  });
  test("a second item on the line counts the noun the line's label named", () => {
    assert.deepEqual(seen("- Đơn thư tiếp nhận: 48; đã giải quyết: 41."), ["48 đơn → petitions.received", "41 đơn → petitions.resolved"]);
  });
  test("a noun named before the number gives its clause's context, and a share under 'tỷ lệ:' takes the key before it", () => {
    assert.deepEqual(seen("Số vụ việc phải hòa giải: 52; đã hòa giải thành: 47; tỷ lệ: 90,4%."),
      ["52 vụ → mediation.cases", "47 vụ → mediation.successful", "90.4 % → mediation.successful"]);
    assert.deepEqual(seen("Tổng số mô hình Dân vận khéo: 125."), ["125 mô hình → dvk.models"]);
    assert.deepEqual(seen("Tổng số xã, thị trấn: 15."), ["15 xã → communes.total"]);
  });
  test("people received, named before the number", () => {
    assert.deepEqual(seen("- Số người được tiếp: 133"), ["133 người → reception.people"]);
  });
  test("a label followed by a note in parentheses", () => {
    assert.deepEqual(seen("Tiếp công dân: 57 (tăng 4 lượt so với cùng kỳ)"), ["57 lượt → reception.turns", "4 lượt → -"]);
  });
  test("labels that name nothing countable leave the number unread", () => {
    assert.deepEqual(seen("Đơn vị: 5\nNgày: 12\nSố: 07\nĐiện thoại: 0905123456\nLượt truy cập: 12.345"), []);
  });
  test("a number that does not close its item is not a label's count", () => {
    assert.deepEqual(seen("Tiếp công dân: 12 giờ ngày thứ Năm hằng tuần"), []);
  });
});

describe("extractor: numbers glued to a word by a bad copy", () => {
  test("glued to the word before", () => {
    assert.deepEqual(seen("Số vụ việc hòa giải giảm26 vụ; lãnh đạo huyện đã tiếp được83 lượt công dân."), ["26 vụ → -", "83 lượt → reception.turns"]);
  });
  test("glued to the noun after, a pair included", () => {
    assert.deepEqual(seen("Các tổ hòa giải đã hòa giải thành công 41/46vụ, tiếp nhận 75đơn thư."), ["41/46 vụ → mediation.successful", "75 đơn → petitions.received"]);
  });
  test("glued on both sides, or to a sentence's capitalised first word", () => {
    assert.deepEqual(seen("Tiếp64lượt công dân. Hiến1.350 m2 đất làm đường."), ["64 lượt → reception.turns", "1350 m2 → contrib.land_m2"]);
  });
  test("codes and names with digits stay unread", () => {
    assert.deepEqual(seen("Dịch Covid19 và cúm H5N1 không xuất hiện; tổ KT3 hoạt động tốt; hồ sơ 12/2023/QĐ-UBND."), []);
  });
});

describe("scope: the unit written in capitals", () => {
  test("a formal header in capitals names the commune, over the district its text mentions", () => {
    const s = extractReport("ĐẢNG UỶ XÃ VINH HÀ\nKHỐI DÂN VẬN\nBÁO CÁO THỰC HIỆN CÔNG TÁC DÂN VẬN\nVinh Hà là một xã ven đầm phá ở phía Đông Nam huyện Phú Vang, có 5 thôn.").scope;
    assert.equal(s.unit, "xã Vinh Hà");
    assert.equal(s.level, "commune");
  });
  test("initials in capitals still name a unit by its initials", () => {
    assert.equal(extractReport("Ban Dân vận Tỉnh ủy BR-VT tổng kết công tác dân vận năm 2023.").scope.unit, "tỉnh Bà Rịa - Vũng Tàu");
  });
});

describe("extractor: collectives and individuals that break a count down", () => {
  test("models or exemplars counted by who they are, in parentheses", () => {
    assert.deepEqual(seen("Ban Chỉ đạo công nhận 47 mô hình (25 tập thể, 22 cá nhân) là mô hình “Dân vận khéo” năm 2024."),
      ["47 mô hình → dvk.models", "25 tập thể → dvk.models", "22 cá nhân → dvk.models"]);
    assert.deepEqual(seen("Huyện công nhận 31 điển hình Dân vận khéo (19 tập thể, 12 cá nhân)."),
      ["31 điển hình → dvk.exemplars", "19 tập thể → dvk.exemplars", "12 cá nhân → dvk.exemplars"]);
  });
  test("exemplars commended in a passage on Dân vận khéo, broken down in parentheses, as the count they break down", () => {
    assert.deepEqual(seen("4. Phong trào thi đua “Dân vận khéo”\nToàn huyện có 46 mô hình được công nhận; hội nghị biểu dương 18 điển hình (07 tập thể, 11 cá nhân)."),
      ["46 mô hình → dvk.models", "18 điển hình → dvk.exemplars", "7 tập thể → dvk.exemplars", "11 cá nhân → dvk.exemplars"]);
    // Advanced examples of the emulation movement, no Dân vận khéo near: neither the count nor its parts.
    assert.deepEqual(seen("Hội nghị biểu dương 18 điển hình tiên tiến (07 tập thể, 11 cá nhân) trong phong trào thi đua yêu nước."),
      ["18 điển hình → -", "7 tập thể → -", "11 cá nhân → -"]);
  });
  test("awards counted together, then by recipient", () => {
    assert.deepEqual(seen("UBND huyện khen thưởng 17 tập thể, cá nhân (10 tập thể, 7 cá nhân) có thành tích trong phong trào Dân vận khéo."),
      ["17 tập thể → -", "10 tập thể → awards.collectives", "7 cá nhân → awards.individuals"]);
  });
  test("a proposal, or a breakdown outside Dân vận khéo, keeps no key", () => {
    assert.deepEqual(seen("Đề nghị khen thưởng 17 tập thể, cá nhân (10 tập thể, 7 cá nhân)."), ["17 tập thể → -", "10 tập thể → -", "7 cá nhân → -"]);
    assert.deepEqual(seen("Có 96 hộ (30 tập thể, 66 cá nhân) đăng ký thi đua sản xuất giỏi."), ["96 hộ → -", "30 tập thể → -", "66 cá nhân → -"]);
  });
});

describe("extractor: items that continue a heading or the sentence before", () => {
  test("a paragraph under a heading line reads its first sentence with the heading", () => {
    assert.deepEqual(seen("Phong trào thi đua “Dân vận khéo”:\nToàn huyện có 58 mô hình, trong đó có 20 tập thể và 38 cá nhân."),
      ["58 mô hình → dvk.models", "20 tập thể → dvk.models", "38 cá nhân → dvk.models"]);
    assert.deepEqual(seen("2. Công tác hòa giải ở cơ sở\nTrong năm, tiếp nhận 44 vụ việc, giải quyết thành 39 vụ."),
      ["44 vụ → mediation.cases", "39 vụ → mediation.successful"]);
  });
  test("a heading that names nothing leaves the paragraph as it reads alone", () => {
    assert.deepEqual(seen("Kết quả:\nToàn huyện có 58 mô hình."), ["58 mô hình → -"]);
  });
  test("periodic and ad-hoc items under short labels take the key of the item before", () => {
    assert.deepEqual(seen("Hội nghị đối thoại định kỳ: 6 cuộc; đột xuất: 3 cuộc."), ["6 cuộc → dialogues.held", "3 cuộc → dialogues.held"]);
    assert.deepEqual(seen("Tiếp công dân định kỳ: 31 lượt, đột xuất: 7 lượt."), ["31 lượt → reception.turns", "7 lượt → reception.turns"]);
  });
  test("an item under a short label takes the key of the item of its unit a few items back", () => {
    assert.deepEqual(seen("Tiếp công dân thường xuyên: 112 lượt với 127 người; định kỳ: 26 lượt/31 người."),
      ["112 lượt → reception.turns", "127 người → reception.people", "26 lượt → reception.turns", "31 người → reception.people"]);
  });
  test("voters at a meeting with their deputies are not an audience briefed", () => {
    assert.deepEqual(seen("Phối hợp tổ chức 12 hội nghị tiếp xúc cử tri với 1.500 lượt cử tri tham dự."), ["12 hội nghị → -", "1500 lượt → -"]);
  });
  test("a negated item does not take the key before it", () => {
    assert.deepEqual(seen("Hòa giải thành: 26 vụ; không thành: 3 vụ."), ["26 vụ → mediation.successful", "3 vụ → -"]);
  });
  test("campaign participants named by who they are, in the items of a sentence that opened with the campaign", () => {
    assert.deepEqual(seen("Phát động quần chúng bảo vệ an ninh Tổ quốc thu hút 2.700 lượt người tham gia; 860 hộ gia đình hưởng ứng; 37 chi hội trưởng tham gia."),
      ["2700 lượt → campaign.participants", "860 hộ → campaign.participants", "37 chi hội trưởng → campaign.participants"]);
  });
  test("returnees counted by the place or the unit, after the sentence that welcomes them", () => {
    assert.deepEqual(seen("Huyện tổ chức đón 52 quân nhân hoàn thành nghĩa vụ quân sự trở về địa phương. Xã Ia Sao: 14 đồng chí; xã Ia Rbol: 9 đồng chí."),
      ["52 quân nhân → military.returnees", "14 đồng chí → military.returnees", "9 đồng chí → military.returnees"]);
    assert.deepEqual(seen("Lễ đón quân nhân hoàn thành nghĩa vụ quân sự trở về địa phương diễn ra trang trọng. Ban tổ chức gồm 15 đồng chí."), ["15 đồng chí → -"]);
  });
});

describe("extractor: a plain text's lines hard-wrapped inside a sentence", () => {
  test("a line ending with no sentence mark goes on in the next line's lower case, digit or parenthesis", () => {
    assert.deepEqual(seen("Nhiều hộ dân đã tự nguyện hiến\nđất làm đường liên thôn như: hộ ông Hai (1.200m2); hộ\nbà Ba (600m2 và\n450m2), hộ ông Tư\n(300m2)."),
      ["1200 m2 → contrib.land_m2", "600 m2 → contrib.land_m2", "450 m2 → contrib.land_m2", "300 m2 → contrib.land_m2"]);
    assert.deepEqual(seen("Lãnh đạo huyện đã tiếp\n57 lượt công dân, tiếp nhận\n22 đơn kiến nghị."), ["57 lượt → reception.turns", "22 đơn → petitions.received"]);
    assert.deepEqual(seen("Các tổ đã hòa giải thành\n41/46 vụ việc (đạt\n89%)."), ["41/46 vụ → mediation.successful", "89 % → mediation.successful"]);
  });
  test("a sentence's end, a title in capitals or a blank line still end the line", () => {
    assert.deepEqual(seen("Nhân dân hiến đất.\nhơn 300 m2 nữa chưa đo."), ["hơn 300 m2 → -"]);
    // The commune's own villages, their total (report-blocs.rules.test.ts), not land donated.
    assert.deepEqual(seen("Nhân dân hiến đất làm đường\n\nxã có 15 thôn, 300 hộ."), ["15 thôn → villages.total", "300 hộ → -"]);
    assert.deepEqual(seen("PHONG TRÀO HIẾN ĐẤT\nnăm nay có 4 hộ dân, 1.200 m2 vườn."), ["4 hộ → -", "1200 m2 → -"]);
  });
});

describe("extractor: a part of a whole with a unit", () => {
  test("thousands on both sides, and a whole that looks like a year, are read as a pair", () => {
    assert.deepEqual(seen("Tổ chức 14 hội nghị tuyên truyền, có 1.730/2.040 lượt người tham dự."),
      ["14 hội nghị → dissemination.conferences", "1730/2040 lượt → dissemination.attendees"]);
    assert.deepEqual(seen("Hội nghị quán triệt có 1.730/2015 người tham dự."), ["1730/2015 người → dissemination.attendees"]);
  });
  test("a month and year is still not a figure", () => {
    assert.deepEqual(seen("Trong tháng 12/2023 tổ chức 5 cuộc giám sát."), ["5 cuộc → oversight.count"]);
  });
  test("attended of invited at a briefing, people named by who they are", () => {
    assert.deepEqual(seen("Hội nghị quán triệt Nghị quyết có 174/196 đại biểu được triệu tập tham dự."), ["174/196 đại biểu → dissemination.attendees"]);
    assert.deepEqual(seen("Tham dự hội nghị học tập nghị quyết có 88/93 đảng viên."), ["88/93 đảng viên → dissemination.attendees"]);
  });
  test("people at a dialogue or at technical training are not an audience briefed", () => {
    assert.deepEqual(seen("Hội nghị đối thoại có 120 đại biểu tham dự."), ["120 đại biểu → -"]);
    assert.deepEqual(seen("Hội nghị tập huấn chuyển giao kỹ thuật có 80 hội viên tham dự."), ["80 hội viên → -"]);
  });
  test("resolved of received, when one verb phrase names both", () => {
    assert.deepEqual(seen("Tiếp nhận và giải quyết 47/53 đơn thư khiếu nại, kiến nghị."), ["47/53 đơn → petitions.resolved"]);
  });
});

describe("scope: bylines and headlines", () => {
  const body = "Sáng 10/1, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết. Năm 2023, toàn huyện xây dựng 45 mô hình Dân vận khéo.";
  test("a newspaper's code is no unit for a district's news that names no district", () => {
    const s = extractReport(`Tổng kết công tác dân vận năm 2023\n(GLO)- ${body}\nC.PHONG`).scope;
    assert.equal(s.unit, null);
    assert.equal(s.level, "district");
  });
  test("beside a district the headline names, the code still settles the province", () => {
    assert.equal(extractReport(`Phú Thiện: Đón nhận 52 quân nhân xuất ngũ\n(GLO)- ${body}`).scope.unit, "huyện Phú Thiện");
  });
  test("codes and initials that name no unit give no scope", () => {
    for (const t of [`(PV) - ${body}\nPV`, `${body}\nN.V.H`, `${body}\nLê Hòa (BBK)`]) assert.equal(extractReport(t).scope.unit, null, t);
  });
  test("a headline names the district after 'ở' or 'tại'", () => {
    assert.equal(extractReport(`Sôi nổi phong trào Dân vận khéo tại Chư Sê\n(GLO)- ${body}`).scope.unit, "huyện Chư Sê");
    assert.equal(extractReport(`Tổng kết công tác dân vận ở Krông Pa\n${body}`).scope.unit, "huyện Krông Pa");
  });
  test("a venue of another level in the headline is not the unit", () => {
    assert.equal(extractReport("Hội nghị tại Pleiku\nBan Dân vận Huyện ủy Chư Sê tổng kết công tác dân vận năm 2023.").scope.unit, "huyện Chư Sê");
  });
  test("a closing byline names the district in parentheses", () => {
    assert.equal(extractReport(`Tổng kết công tác dân vận năm 2023\n${body}\nTin, ảnh: Hồng Nhung (Ia Pa)`).scope.unit, "huyện Ia Pa");
  });
});

describe("extractor: breakdowns, fractions and names that are not names", () => {
  test("a count broken down by how it was held keeps the count's unit and key", () => {
    assert.deepEqual(seen("Lãnh đạo tỉnh tiếp 04 lượt (04 định kỳ) với 19 người."), ["4 lượt → reception.turns", "4 lượt → reception.turns", "19 người → reception.people"]);
    assert.deepEqual(seen("Tổ chức 14 cuộc đối thoại, trong đó 9 định kỳ, 5 đột xuất."), ["14 cuộc → dialogues.held", "9 cuộc → dialogues.held", "5 cuộc → dialogues.held"]);
  });
  test("a fraction after a change or a share is a figure; a day and month is not", () => {
    assert.deepEqual(seen("Số đơn thư giảm 1/3 so với cùng kỳ."), ["1/3 - → -"]);
    assert.deepEqual(seen("Ngày 1/3 tổ chức hội nghị."), []);
  });
  test("people counted after the word Luật are people, not a law's number", () => {
    assert.deepEqual(seen("Hòa giải viên có trình độ chuyên môn Luật 57 người."), ["57 người → -"]);
  });
  test("a share of petitions whose verb follows the noun list is the resolution rate", () => {
    assert.deepEqual(seen("Gần 96% đơn kiến nghị, phản ánh của công dân được giải quyết xong."), ["gần 96 % → petitions.resolution_rate"]);
  });
});

describe("scope: the period from the document's date", () => {
  test("a year-end review that says only 'năm qua', dated early in the next year, covers the year before", () => {
    const s = extractReport("Krông Pa: Năm qua, tổ chức 19 cuộc đối thoại\n(GLO)- Ngày 10/1/2024, Huyện ủy Krông Pa tổ chức hội nghị tổng kết công tác dân vận. Năm qua, toàn huyện tổ chức 19 cuộc đối thoại.").scope;
    assert.equal(s.period, "2023");
  });
  test("a review dated mid-year that says only 'năm qua' has no period", () => {
    assert.equal(extractReport("Ngày 10/6/2024, Huyện ủy tổng kết công tác dân vận. Năm qua, toàn huyện tổ chức 19 cuộc đối thoại.").scope.period, null);
  });
  test("a half year without its year takes the year of the document's date", () => {
    assert.equal(extractReport("BÁO CÁO công tác dân vận 6 tháng đầu năm\nNgày 20 tháng 6 năm 2024. Trong 6 tháng, tiếp 45 lượt công dân.").scope.period, "2024S1");
  });
});

describe("scope: committees abbreviated in capitals", () => {
  test("HU and TU before a name are the district's and the province's committees", () => {
    assert.equal(extractReport("HU Krông Pa: Tổng kết công tác dân vận năm 2023. Toàn huyện có 45 mô hình.").scope.unit, "huyện Krông Pa");
    assert.equal(extractReport("BTV TU Gia Lai tổng kết công tác dân vận năm 2023.").scope.unit, "tỉnh Gia Lai");
  });
  test("the same letters in ordinary words name nothing", () => {
    assert.equal(extractReport("Nhiều năm đi tu Phật giáo, ông vẫn tham gia phong trào.").scope.unit, null);
  });
});

describe("extractor: lists under a numbered heading, and soldiers named as young men", () => {
  test("a list under a numbered heading reads its items with the heading", () => {
    assert.deepEqual(seen("4. Phong trào thi đua Dân vận khéo\n- Mô hình: 38; điển hình: 11."), ["38 mô hình → dvk.models", "11 điển hình → dvk.exemplars"]);
  });
  test("young men back from military service are returnees; recruits are not", () => {
    assert.deepEqual(seen("Năm 2023 có 142 thanh niên hoàn thành nghĩa vụ quân sự trở về địa phương."), ["142 thanh niên → military.returnees"]);
    assert.deepEqual(seen("Năm 2023 có 142 thanh niên nhập ngũ, thực hiện nghĩa vụ quân sự."), ["142 thanh niên → -"]);
  });
});

describe("extractor: people received, said after the turns", () => {
  test("people who came to speak, in the sentence after a reception count", () => {
    assert.deepEqual(seen("Lãnh đạo huyện đã tiếp 38 lượt công dân. Có 44 người đến trình bày, kiến nghị."), ["38 lượt → reception.turns", "44 người → reception.people"]);
  });
  test("people who came to speak at a dialogue or a meeting are not people received", () => {
    assert.deepEqual(seen("Hội nghị đối thoại có 44 người đến kiến nghị."), ["44 người → -"]);
    assert.deepEqual(seen("Có 44 người đến trình bày tại buổi họp thôn."), ["44 người → -"]);
  });
});
