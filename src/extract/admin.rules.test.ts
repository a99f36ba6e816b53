import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * The administration indicators (documents, reception, petitions, dialogues, oversight, inspection,
 * mediation) in made-up sentences, as a reviewer sees them: "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["an organisation counted as a pair after 'và' is no date",
    "Có 15/15 xã, thị trấn và 11/11 Ban công tác Mặt trận tổ chức hội nghị.", ["15/15 xã → -", "11/11 ban → -"]],
  ["a date after 'và' joined to a date stays a date",
    "Đoàn công tác làm việc trong các ngày 10/11 và 11/11 tại 12 xã.", ["12 xã → -"]],
  ["a day joined to a date before it stays a date",
    "Lớp học mở vào ngày 10 và 11/11, có 12 xã cử người.", ["12 xã → -"]],
  ["the people received, labelled after the turns labelled without their unit",
    "Số lượt tiếp: 35; số người: 48.", ["35 lượt → reception.turns", "48 người → reception.people"]],
  ["turns a head received in person ('trực tiếp tiếp') are turns received, and their share too",
    "Thủ trưởng trực tiếp tiếp 1.200 lượt (chiếm 80% tổng số lượt tiếp), ủy quyền tiếp 300 lượt.",
    ["1200 lượt → reception.turns", "80 % → reception.turns", "300 lượt → reception.turns"]],
  ["the people of delegations received, in parentheses after them, item by item",
    "Toàn tỉnh tiếp 12 lượt đoàn. Trụ sở tiếp công dân tiếp 8 lượt đoàn (120 người), TP. Bắc Sơn 4 lượt đoàn (35 người).",
    ["12 lượt → reception.turns", "8 lượt → reception.turns", "120 người → reception.people", "4 lượt → reception.turns", "35 người → reception.people"]],
  ["the size that defines a delegation ('mỗi lượt đoàn có từ 5 người') counts nobody received",
    "Tiếp 10 lượt đoàn đông người (mỗi lượt đoàn có từ 5 người trở lên).", ["10 lượt → reception.turns", "5 người → -"]],
  ["petitions processed after those received are a part of them, not received again",
    "Các cơ quan tiếp nhận 500 đơn; đã xử lý 480 đơn, có 300 đơn đủ điều kiện xử lý.", ["500 đơn → petitions.received", "480 đơn → -", "300 đơn → -"]],
  ["petitions by kind after 'qua phân loại' break those received down",
    "Tiếp nhận 500 đơn; qua phân loại có 40 đơn khiếu nại, 12 đơn tố cáo, 448 đơn kiến nghị, phản ánh.",
    ["500 đơn → petitions.received", "40 đơn → -", "12 đơn → -", "448 đơn → -"]],
  ["meetings broken down by level after 'trong đó' keep the key of the count",
    "Đã tổ chức 6 hội nghị đối thoại; trong đó cấp huyện 1 hội nghị, cấp xã 5 hội nghị.",
    ["6 hội nghị → dialogues.held", "1 hội nghị → dialogues.held", "5 hội nghị → dialogues.held"]],
  ["the next level's meetings, a verb after their unit, keep the key of the level before",
    "Cấp huyện tổ chức 6 cuộc tiếp xúc, đối thoại với nhân dân. Cấp xã tổ chức 79 cuộc tiếp nhận 455 ý kiến.",
    ["6 cuộc → dialogues.held", "79 cuộc → dialogues.held", "455 ý kiến → -"]],
  ["the people a briefing reached, the briefing said before a comma",
    "Tổ chức quán triệt, triển khai các văn bản cho 1.250 cán bộ, đảng viên.", ["1250 cán bộ → dissemination.attendees"]],
  ["a rate labelled bare under a list on mediation is its success rate",
    "Công tác hòa giải ở cơ sở\n- Số vụ việc tiếp nhận: 42\n- Số vụ việc hòa giải thành: 38\n- Tỷ lệ: 90,5%",
    ["42 vụ → mediation.cases", "38 vụ → mediation.successful", "90.5 % → mediation.successful"]],
  ["the people received after the turns and a semicolon, counted bare",
    "Trong kỳ, tiếp 45 lượt; 52 người. Tiếp 30 lượt công dân; 20 người được hướng dẫn gửi đơn.",
    ["45 lượt → reception.turns", "52 người → reception.people", "30 lượt → reception.turns", "20 người → -"]],
  ["petitions 'đã xem xét, giải quyết' are resolved, the line no page counter",
    "Huyện đã xem xét, giải quyết 84 đơn theo thẩm quyền.", ["84 đơn → petitions.resolved"]],
  ["a report's sentence naming 'online' or 'truy cập' is no page counter",
    "Tổ chức 12 hội nghị quán triệt theo hình thức online với 500 người tham dự; hướng dẫn 300 hộ truy cập Cổng dịch vụ công.",
    ["12 hội nghị → dissemination.conferences", "500 người → dissemination.attendees", "300 hộ → -"]],
  ["the last document of a list after 'và' is issued as the others",
    "Ban Thường vụ đã ban hành 12 nghị quyết, 18 kế hoạch và 6 quyết định; thực hiện 5 kế hoạch và 3 hướng dẫn của tỉnh.",
    ["12 nghị quyết → docs.issued", "18 kế hoạch → docs.issued", "6 quyết định → docs.issued", "5 kế hoạch → -", "3 hướng dẫn → -"]],
  ["a meeting of the Party's speakers ('hội nghị báo cáo viên') is a dissemination meeting",
    "Tổ chức 4 hội nghị báo cáo viên với 420 lượt báo cáo viên tham dự.", ["4 hội nghị → dissemination.conferences", "420 lượt → dissemination.attendees"]],
  ["sessions of receiving citizens after a rule's number are no dialogues",
    "Bí thư cấp ủy tiếp dân định kỳ theo Quy định 11 được 36 buổi với 82 lượt công dân; đối thoại trực tiếp 14 cuộc.",
    ["36 buổi → -", "82 lượt → reception.turns", "14 cuộc → dialogues.held"]],
  ["the people at a meeting of no named kind are no briefing's audience; after a briefing named before they are",
    "Hội nghị hiệp thương lần thứ hai diễn ra sáng nay. Hội nghị có 150 đại biểu tham dự.\nHuyện ủy tổ chức hội nghị quán triệt Nghị quyết của Tỉnh ủy. Hội nghị có 200 đại biểu tham dự.",
    ["150 đại biểu → -", "200 đại biểu → dissemination.attendees"]],
  ["a court's mediated cases are no grassroots mediation",
    "Tòa án nhân dân huyện hòa giải thành 120 vụ án dân sự. Các tổ hòa giải ở cơ sở hòa giải thành 45 vụ việc, 3 vụ việc hướng dẫn khởi kiện ra Tòa án.",
    ["120 vụ → -", "45 vụ → mediation.successful", "3 vụ → -"]],
  ["the rate of complaints resolved, and its rates by level after 'trong đó'",
    "Tỷ lệ giải quyết khiếu nại, tố cáo thuộc thẩm quyền đạt 92%; trong đó cấp huyện đạt 90%, cấp xã đạt 95%.",
    ["92 % → petitions.resolution_rate", "90 % → petitions.resolution_rate", "95 % → petitions.resolution_rate"]],
  ["a year before 'lần lượt' is no count of times",
    "Tỷ lệ hòa giải thành năm 2021, 2022, 2023 lần lượt là 85%, 87%, 90%.",
    ["85 % → mediation.successful", "87 % → mediation.successful", "90 % → mediation.successful"]],
  ["meetings counted under a label that names the dialogue are dialogues",
    "Kết quả đối thoại: tổ chức 8 hội nghị; 640 người tham dự. Về tiếp xúc, đối thoại: tổ chức 12 buổi.",
    ["8 hội nghị → dialogues.held", "640 người → -", "12 buổi → dialogues.held"]],
];

describe("extractor: administration indicators (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seen(sentence), expected));
});
