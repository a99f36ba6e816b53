import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Dân vận khéo models and exemplars broken down by who they are, lists of rates under one heading, meetings of the
 * committee with the people counted by how they were held, and commendations listed clause by clause, as reports
 * from many provinces write them. Every sentence is made up.
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["models and exemplars counted together, broken down by who they are, are models",
    "Năm 2024, toàn huyện có 86 mô hình, điển hình “Dân vận khéo” được công nhận, trong đó có 60 tập thể và 26 cá nhân.",
    ["86 mô hình → dvk.models", "60 tập thể → dvk.models", "26 cá nhân → dvk.models"]],
  ["models and exemplars counted in turns are models, and so is their breakdown in parentheses",
    "Ban Thường vụ Huyện ủy công nhận 120 lượt mô hình, điển hình “Dân vận khéo” (trong đó có 100 tập thể và 20 cá nhân).",
    ["120 lượt → dvk.models", "100 tập thể → dvk.models", "20 cá nhân → dvk.models"]],
  ["a breakdown of models proposed for recognition is proposed too",
    "Ban Chỉ đạo đã họp bình xét và đề nghị Ban Thường vụ Huyện ủy công nhận 95 mô hình, điển hình “Dân vận khéo” (trong đó có 80 tập thể và 15 cá nhân).",
    ["95 mô hình → -", "80 tập thể → -", "15 cá nhân → -"]],
  ["a labelled count of models and exemplars, bare, broken down after it: models",
    "- Số mô hình, điển hình “Dân vận khéo” được công nhận: 21, trong đó có 12 tập thể và 9 cá nhân.",
    ["21 mô hình → dvk.models", "12 tập thể → dvk.models", "9 cá nhân → dvk.models"]],
  ["collectives and individuals right after a count of exemplars, opened by 'có', break it down",
    "Phong trào thi đua “Dân vận khéo” tiếp tục được đẩy mạnh. Toàn huyện đã công nhận 65 điển hình, có 40 tập thể và 25 cá nhân.",
    ["65 điển hình → dvk.exemplars", "40 tập thể → dvk.exemplars", "25 cá nhân → dvk.exemplars"]],
  ["or in the sentence right after a count of models",
    "Về phong trào “Dân vận khéo”: các cấp đã công nhận 48 mô hình. Có 30 tập thể và 18 cá nhân.",
    ["48 mô hình → dvk.models", "30 tập thể → dvk.models", "18 cá nhân → dvk.models"]],
  ["exemplars alone, broken down by who they are, stay exemplars",
    "* Về điển hình “Dân vận khéo”: toàn huyện có 34 điển hình, trong đó có 20 tập thể và 14 cá nhân.",
    ["34 điển hình → dvk.exemplars", "20 tập thể → dvk.exemplars", "14 cá nhân → dvk.exemplars"]],
  ["a bare list of collectives and individuals after ';' goes on with the commendation of the clause before",
    "Khen thưởng 25 tập thể và 30 cá nhân có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo”; 10 tập thể, 5 cá nhân trong thực hiện Quy chế dân chủ ở cơ sở.",
    ["25 tập thể → awards.collectives", "30 cá nhân → awards.individuals", "10 tập thể → awards.collectives", "5 cá nhân → awards.individuals"]],
  ["a proposal in the clause before is not carried on",
    "Năm 2024, Ban Thường vụ đề nghị khen thưởng 6 tập thể, 4 cá nhân; 3 tập thể, 2 cá nhân trong thực hiện dân chủ ở cơ sở.",
    ["6 tập thể → -", "4 cá nhân → -", "3 tập thể → -", "2 cá nhân → -"]],
  ["collectives counted after ';' in a clause that does not go on with a list of awardees keep none",
    "Huyện có 45 tập thể đăng ký thi đua; 12 tập thể, 8 cá nhân đạt danh hiệu.",
    ["45 tập thể → -", "12 tập thể → -", "8 cá nhân → -"]],
  ["dialogue meetings broken down in parentheses, each item labelled by how it was held before its count",
    "Năm 2023, cấp ủy các xã tổ chức 36 hội nghị tiếp xúc, đối thoại (định kỳ 30 hội nghị, đột xuất 6 hội nghị).",
    ["36 hội nghị → dialogues.held", "30 hội nghị → dialogues.held", "6 hội nghị → dialogues.held"]],
  ["the ad-hoc meetings named with their noun before their count, after the periodic ones",
    "Thường trực Đảng ủy tổ chức hội nghị định kỳ với Nhân dân được 4 hội nghị, hội nghị đột xuất 1 hội nghị.",
    ["4 hội nghị → dialogues.held", "1 hội nghị → dialogues.held"]],
  ["ad-hoc meetings in the clause after the periodic ones and their people, and those people, keep the meetings' reading",
    "Thường trực Đảng ủy các xã tổ chức 22 hội nghị định kỳ với Nhân dân, với 2.150 lượt người dự; 3 hội nghị đột xuất, 280 lượt người dự.",
    ["22 hội nghị → dialogues.held", "2150 lượt → -", "3 hội nghị → dialogues.held", "280 lượt → -"]],
  ["the total of dialogue meetings labelled in the clause after the statement that names them",
    "Kết quả, 100% xã, thị trấn tổ chức hội nghị đối thoại định kỳ; tổng số 48 hội nghị, 6.300 lượt người dự, 420 ý kiến.",
    ["100 % → -", "48 hội nghị → dialogues.held", "6300 lượt → -", "420 ý kiến → -"]],
  ["meetings counted after the dialogue and the people it was held with",
    "Chủ tịch UBND các xã đối thoại với Nhân dân được 28 buổi. Các cấp tổ chức tiếp xúc, đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân được 56 cuộc (cấp huyện 4 cuộc, cấp xã 52 cuộc).",
    ["28 buổi → dialogues.held", "56 cuộc → dialogues.held", "4 cuộc → dialogues.held", "52 cuộc → dialogues.held"]],
  ["meetings counted later in a sentence that opened with the periodic meeting with the people",
    "Duy trì hội nghị định kỳ giữa Thường trực cấp ủy với Nhân dân theo Quy định 124, cả năm tổ chức 4 hội nghị với 560 lượt người tham dự.",
    ["4 hội nghị → dialogues.held", "560 lượt → -"]],
  ["a dialogue with voters is no meeting with the people",
    "Đại biểu HĐND huyện tiếp xúc, đối thoại với cử tri được 12 cuộc.",
    ["12 cuộc → -"]],
  ["a list of rates by petition kind after the heading's rate takes the heading's key",
    "Công tác giải quyết khiếu nại, tố cáo: đạt 95,2%; khiếu nại 93%; tố cáo 100%.",
    ["95.2 % → petitions.resolution_rate", "93 % → petitions.resolution_rate", "100 % → petitions.resolution_rate"]],
  ["rates by kind after 'trong đó:' with 'đạt' take the resolution rate's key",
    "Giải quyết đơn thư đạt 95%; trong đó: khiếu nại đạt 90%, tố cáo đạt 100%, kiến nghị, phản ánh đạt 96%.",
    ["95 % → petitions.resolution_rate", "90 % → petitions.resolution_rate", "100 % → petitions.resolution_rate", "96 % → petitions.resolution_rate"]],
  ["rates by place after 'trong đó:', without 'đạt', take the heading rate's key",
    "Hòa giải thành 120/135 vụ, đạt 88,9%; trong đó: thị trấn 95%, các xã 86%.",
    ["120/135 vụ → mediation.successful", "88.9 % → mediation.successful", "95 % → mediation.successful", "86 % → mediation.successful"]],
  ["rates by year after the first, keyed by its own words, take its key",
    "Tỷ lệ hòa giải thành năm 2022 đạt 85%, năm 2023 đạt 88%, năm 2024 đạt 91,5%.",
    ["85 % → mediation.successful", "88 % → mediation.successful", "91.5 % → mediation.successful"]],
  ["rates by place in the next sentence opened by 'Trong đó' take the rate's key",
    "Hòa giải thành công 145/160 vụ việc, đạt 90,6%. Trong đó: xã Ea Tul 95%, xã Cư Kbang 88%.",
    ["145/160 vụ → mediation.successful", "90.6 % → mediation.successful", "95 % → mediation.successful", "88 % → mediation.successful"]],
  ["a rate of another thing after a keyed rate keeps none",
    "Tỷ lệ giải quyết đơn thư đạt 95%, tỷ lệ hộ nghèo còn 2,5%.",
    ["95 % → petitions.resolution_rate", "2.5 % → -"]],
  ["citizens' speaking turns at a dialogue are not the leader's dialogue turns",
    "Tại hội nghị đối thoại, có 12 lượt phát biểu với 25 ý kiến của Nhân dân.",
    ["12 lượt → -", "25 ý kiến → -"]],
];

describe("extractor: Dân vận khéo, dialogues, rate lists and commendations", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
