import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Reception and petitions as whole reports on them write them (made-up sentences): the people received by
 * level, petitions within the competence beside those resolved, petitions still being resolved, the turns of
 * one field, a backlog settled, the people of crowd delegations. Shown as "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["a count after a level word ('cấp phường') is no ward's name",
    "Toàn quận tiếp 260 lượt người (cấp quận tiếp 180 lượt người và cấp phường 80 lượt người).",
    ["260 lượt → reception.people", "180 lượt → reception.people", "80 lượt → reception.people"]],
  ["petitions within the competence are not resolved because those resolved follow; those still being resolved neither",
    "Sau khi phân loại có 150 đơn thuộc thẩm quyền giải quyết và đã giải quyết xong 90 đơn, đang tiến hành giải quyết 60 đơn.",
    ["150 đơn → -", "90 đơn → petitions.resolved", "60 đơn → -"]],
  ["petitions received keep their key when those carried over follow after 'và'",
    "Các phường tiếp nhận và giải quyết tranh chấp đất đai với tổng số đơn tiếp nhận 30 đơn và kỳ trước chuyển sang 4 đơn.",
    ["30 đơn → petitions.received", "4 đơn → -"]],
  ["a share that opens its own clause after the petitions resolved is their resolution rate",
    "Tiếp nhận 90 đơn; đã giải quyết 40/52 đơn thuộc thẩm quyền; đạt tỷ lệ 76,92%.",
    ["90 đơn → petitions.received", "40/52 đơn → petitions.resolved", "76.92 % → petitions.resolution_rate"]],
  ["a share opening its clause after a mediation's successful cases is theirs, whatever came earlier in the passage",
    "Kiến nghị liên quan đến đất công, an ninh trật tự... Qua kiến nghị, chính quyền đã giải quyết xong 60 vụ việc (đạt gần 100%), gồm 18 vụ việc về đất đai, 6 vụ việc về văn hóa… Ban Thanh tra nhân dân các cấp cũng hòa giải thành công 19 vụ việc mâu thuẫn, đạt hơn 89%.",
    ["60 vụ → -", "100 % → -", "18 vụ → -", "6 vụ → -", "19 vụ → mediation.successful", "89 % → mediation.successful"]],
  ["a rate by level in the clause after a keyed rate ('; đối với cấp xã đạt') takes its key; after an unkeyed rate none",
    "Tỷ lệ giải quyết đơn thư đạt 89,48%; đối với cấp xã đạt 95,59%. Tỷ lệ hộ nghèo còn 2,1%; cấp xã đạt 1,5%.",
    ["89.48 % → petitions.resolution_rate", "95.59 % → petitions.resolution_rate", "2.1 % → -", "1.5 % → -"]],
  ["cases said resolved after their noun ('64/95 vụ việc qua tiếp công dân đã được giải quyết') are resolved; those not yet, and those received before the verb, are not",
    "Trong năm tiếp nhận 95 vụ việc khiếu nại, kiến nghị; có 64/95 vụ việc qua tiếp công dân đã được giải quyết, còn 31 vụ việc chưa được giải quyết. Tiếp nhận 40 vụ việc đã được giải quyết một phần.",
    ["95 vụ → -", "64/95 vụ → petitions.resolved", "31 vụ → -", "40 vụ → -"]],
  ["a share of no keyed count keeps no key",
    "Toàn huyện có 45 hộ nghèo; chiếm 2,1%.", ["45 hộ → -", "2.1 % → -"]],
  ["the turns of one field of content are a part of those received, as is their share",
    "Lãnh đạo huyện đã tiếp 30 lượt với 41 người. Nội dung tiếp công dân tập trung chủ yếu trong lĩnh vực đất đai 28/30 lượt tiếp công dân chiếm 93,3%, các lĩnh vực khác 2/30 lượt chiếm 6,7%.",
    ["30 lượt → reception.turns", "41 người → reception.people", "28/30 lượt → -", "93.3 % → -", "2/30 lượt → -", "6.7 % → -"]],
  ["a field's turns in parentheses are a part too",
    "Tiếp 40 lượt công dân; nội dung chủ yếu liên quan đến lĩnh vực đất đai (24 lượt, chiếm 60%).",
    ["40 lượt → reception.turns", "24 lượt → -", "60 % → -"]],
  ["a backlog settled, named after the count, is neither received nor resolved",
    "Tiếp nhận 300 đơn khiếu nại, tố cáo. Chỉ đạo giải quyết dứt điểm 21 vụ việc phức tạp, tồn đọng, kéo dài.",
    ["300 đơn → petitions.received", "21 vụ → -"]],
  ["turns after crowd delegations received count their people",
    "Toàn tỉnh tiếp 8 đoàn đông người với 160 lượt, giảm 2 đoàn so cùng kỳ.",
    ["8 đoàn → reception.turns", "160 lượt → reception.people", "2 đoàn → -"]],
  ["petitions by kind in the breakdown of those resolved are resolved ones",
    "Đã giải quyết 45 đơn, gồm 12 đơn khiếu nại, 3 đơn tố cáo và 30 đơn kiến nghị, phản ánh. Tiếp nhận 60 đơn (12 đơn khiếu nại, 48 đơn kiến nghị).",
    ["45 đơn → petitions.resolved", "12 đơn → petitions.resolved", "3 đơn → petitions.resolved", "30 đơn → petitions.resolved",
      "60 đơn → petitions.received", "12 đơn → petitions.received", "48 đơn → petitions.received"]],
  ["outcomes in the breakdown of those resolved stay without a key",
    "Đã giải quyết 45 đơn, trong đó có 10 đơn khiếu nại đúng, 35 đơn khiếu nại sai.",
    ["45 đơn → petitions.resolved", "10 đơn → -", "35 đơn → -"]],
  ["cases by kind in parentheses after those resolved are resolved, and the share after the parentheses is the rate",
    "Đã giải quyết 38/42 vụ việc khiếu nại, tố cáo thuộc thẩm quyền (khiếu nại 20/22 vụ, tố cáo 18/20 vụ), đạt 90,5%.",
    ["38/42 vụ → petitions.resolved", "20/22 vụ → petitions.resolved", "18/20 vụ → petitions.resolved", "90.5 % → petitions.resolution_rate"]],
  ["the next item of a list of petitions resolved, its verb left out after ';', is resolved too",
    "Trong kỳ, đã giải quyết xong 28/30 đơn khiếu nại, đạt 93,3%; 15/15 đơn tố cáo, đạt 100%.",
    ["28/30 đơn → petitions.resolved", "93.3 % → petitions.resolution_rate", "15/15 đơn → petitions.resolved", "100 % → petitions.resolution_rate"]],
  ["a clause after ';' that names its own subset keeps none",
    "Đã giải quyết 28 đơn; 12 đơn đủ điều kiện đang xác minh.", ["28 đơn → petitions.resolved", "12 đơn → -"]],
  ["petitions filed away are a part of those handled, not received",
    "Trong quý, chuyển cơ quan có thẩm quyền 20 đơn; hướng dẫn 15 đơn; lưu 10 đơn.", ["20 đơn → -", "15 đơn → -", "10 đơn → -"]],
  ["cases received who came to complain are turns at the desk; those guided after them are not",
    "Ban Tiếp công dân tiếp 25 trường hợp đến khiếu nại; đã hướng dẫn 10 trường hợp.", ["25 trường hợp → reception.turns", "10 trường hợp → -"]],
  ["an item labelled as still being resolved does not take the key of the item resolved before it",
    "Đơn thuộc thẩm quyền: 40 đơn; đã giải quyết: 36 đơn; đang giải quyết: 4 đơn.", ["40 đơn → -", "36 đơn → petitions.resolved", "4 đơn → -"]],
  ["kinds after a resolved count within the competence and its share are resolved ones",
    "Kết quả: đã giải quyết 36/40 đơn thuộc thẩm quyền, đạt tỷ lệ 90%; trong đó khiếu nại 10/11 đơn, tố cáo 4/4 đơn, kiến nghị, phản ánh 22/25 đơn.",
    ["36/40 đơn → petitions.resolved", "90 % → petitions.resolution_rate", "10/11 đơn → petitions.resolved", "4/4 đơn → petitions.resolved", "22/25 đơn → petitions.resolved"]],
  ["petitions answered after those received are a part of them, not received again",
    "Ủy ban MTTQ huyện tiếp nhận 25 đơn thư, chuyển đến cơ quan chức năng 25 đơn; đã được trả lời 20 đơn.",
    ["25 đơn → petitions.received", "25 đơn → -", "20 đơn → -"]],
  ["petitions resolved and answered, the verbs listed with a comma, are resolved ones",
    "Trong năm, Ủy ban xã đã giải quyết, trả lời 25 đơn của công dân.", ["25 đơn → petitions.resolved"]],
  ["a pair in parentheses right after a keyed rate is the count the rate is a share of",
    "Giải quyết khiếu nại, tố cáo đạt tỷ lệ 90,5% (38/42 vụ việc). Tỷ lệ giải quyết đơn thư đạt 88% (45/51 đơn). Hòa giải thành đạt 87,5% (35/40 vụ việc).",
    ["90.5 % → petitions.resolution_rate", "38/42 vụ → petitions.resolved", "88 % → petitions.resolution_rate", "45/51 đơn → petitions.resolved",
      "87.5 % → mediation.successful", "35/40 vụ → mediation.successful"]],
  ["a pair in parentheses after a rate of no key keeps its own",
    "Tỷ lệ hộ nghèo còn 2,1% (45/2.140 hộ).", ["2.1 % → -", "45/2140 hộ → -"]],
];

describe("extractor: reception and petitions in whole reports (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seen(sentence), expected));
});
