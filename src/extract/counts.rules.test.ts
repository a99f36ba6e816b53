import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractFigures } from "./extract.ts";

/**
 * Counts written loosely (made-up sentences): a remainder after a scale word, anniversaries without "năm",
 * houses named by their programme in quotes or left bare, items by place after the number, petitions
 * counted again by case. Shown as a reviewer sees them: "value[/of] unit → indicator".
 */
const seen = (s: string) =>
  extractFigures(s).map((f) => `${f.value}${f.of !== null ? "/" + f.of : ""} ${f.unit ?? "-"} → ${f.indicator ?? "-"}`);

const cases: Array<[string, string, string[]]> = [
  ["three digits after a thousand are its hundreds",
    "Đợt phát động thu hút 15 ngàn 100 lượt người tham gia.", ["15100 lượt → campaign.participants"]],
  ["three digits after a million are its thousands",
    "Mặt trận vận động hỗ trợ 3 tỷ 250 đồng cho hộ nghèo.", ["3250000000 đồng → contrib.money_vnd"]],
  ["an anniversary written without 'năm' is no figure",
    "Nhân kỷ niệm 55 thành lập Hội, trao 20 suất quà cho hội viên.", ["20 suất → -"]],
  ["a counted thing after 'kỷ niệm' is still counted",
    "Trao tặng 30 kỷ niệm chương; kỷ niệm 12 hội viên có công.", ["30 kỷ niệm chương → -", "12 hội viên → -"]],
  ["houses named by their programme in quotes",
    "Hội Phụ nữ trao 3 “Mái ấm tình thương” và 2 \"Nhà nhân ái\" cho hội viên nghèo.", ["3 căn → contrib.houses", "2 căn → contrib.houses"]],
  ["a programme in quotes that is no house",
    "Duy trì 5 “Tổ phụ nữ tự quản” và 2 “Câu lạc bộ gia đình”.", []],
  ["bare houses after a sentence on the houses they finish",
    "Huyện hỗ trợ xây mới 300 căn nhà đại đoàn kết cho hộ nghèo. Đến nay đã hoàn thành 254 căn, đang xây 46 căn.",
    ["300 căn → contrib.houses", "254 căn → contrib.houses", "46 căn → contrib.houses"]],
  ["bare flats are no houses for the poor",
    "Dự án có 300 căn hộ chung cư. Đã bán 254 căn.", ["300 căn → -", "254 căn → -"]],
  ["items by place written after the number break the houses down",
    "Trao 5 căn nhà đại đoàn kết cho hộ khó khăn. Trong đó, 3 căn tại xã A, 1 căn ở xã B và 1 căn ở xã C.",
    ["5 căn → contrib.houses", "3 căn → contrib.houses", "1 căn → contrib.houses", "1 căn → contrib.houses"]],
  ["petitions within an organ's competence are not resolved ones; the same petitions by case have no key",
    "Tiếp nhận 120 đơn/98 vụ (thuộc thẩm quyền giải quyết 80 đơn/ 64 vụ); đã giải quyết 75 đơn/60 vụ.",
    ["120 đơn → petitions.received", "98 vụ → -", "80 đơn → -", "64 vụ → -", "75 đơn → petitions.resolved", "60 vụ → -"]],
  ["gold counted in its weight unit is a measure",
    "Qua hòa giải đã khôi phục lợi ích gần 900 triệu đồng và 19 chỉ vàng; chỉ 5 hộ chưa nhận.", ["900000000 đồng → -", "19 chỉ → -", "5 hộ → -"]],
  ["gifts' worth before a count of people helped after 'vận động' is money given",
    "Hội đã trao tặng 2.500 suất quà với tổng trị giá gần 800 triệu đồng, vận động hỗ trợ sửa nhà cho 6 hội viên.",
    ["2500 suất → -", "800000000 đồng → contrib.money_vnd", "6 hội viên → -"]],
  ["a delegation received at a reception is a reception turn",
    "Chủ tịch UBND xã tiếp định kỳ 04 đoàn với 08 công dân; Đoàn kiểm tra làm việc với 3 đoàn thể.",
    ["4 đoàn → reception.turns", "8 công dân → reception.people", "3 đoàn thể → -"]],
  ["petitions resolved on time or late break the resolved ones down, with no key of their own",
    "Đã giải quyết 04 đơn, trong đó giải quyết đúng hạn 01 đơn, quá hạn 03 đơn.",
    ["4 đơn → petitions.resolved", "1 đơn → -", "3 đơn → -"]],
  ["'1 cửa' names the one-stop desk",
    "Bộ phận 1 cửa, 1 cửa liên thông tiếp nhận 320 hồ sơ; sửa chữa 2 cửa hàng.", ["320 hồ sơ → -", "2 cửa → -"]],
  ["rates listed with labels of their own after a bare heading: each its own",
    "Tỷ lệ:\n- Giải quyết đơn thư: 95%\n- Hòa giải thành: 90%\n- Hộ nghèo: 2,1%", ["95 % → petitions.resolution_rate", "90 % → mediation.successful", "2.1 % → -"]],
  ["rates by place under a heading naming the rate keep the heading's",
    "Tỷ lệ giải quyết đơn thư:\n- Cấp huyện đạt 95%;\n- Xã A: 92%", ["95 % → petitions.resolution_rate", "92 % → petitions.resolution_rate"]],
  ["a poverty rate beside the petitions' rate in one sentence is no petitions' rate",
    "Tỷ lệ giải quyết đơn thư đạt 95%, tỷ lệ hộ nghèo còn 2,1%; đã giải quyết 45/50 đơn, tỷ lệ 90%.",
    ["95 % → petitions.resolution_rate", "2.1 % → -", "45/50 đơn → petitions.resolved", "90 % → petitions.resolution_rate"]],
  ["labelled rates in one line, each its own",
    "Tỷ lệ giải quyết đơn thư: 95%, hòa giải thành: 90%, hộ nghèo: 2,1%", ["95 % → petitions.resolution_rate", "90 % → mediation.successful", "2.1 % → -"]],
  ["households that took part in a campaign are its people",
    "Tổ chức 40 buổi phát động với 2.300 lượt hộ gia đình tham gia; 1.200 lượt hộ đăng ký thi đua.",
    ["40 buổi → campaign.sessions", "2300 lượt → campaign.participants", "1200 lượt → -"]],
  ["a headline's share is the body's same share, with its key",
    "Vận động Quỹ Vì người nghèo đạt 421% kế hoạch\nNăm 2024, Mặt trận huyện vận động Quỹ Vì người nghèo được 2,1 tỷ đồng, đạt 421% kế hoạch; tỷ lệ hộ nghèo giảm còn 3%.",
    ["421 % → contrib.money_vnd", "2100000000 đồng → contrib.money_vnd", "421 % → contrib.money_vnd", "3 % → -"]],
  ["a headline's share rounded to its bound is the body's share",
    "Vận động quỹ Vì người nghèo đạt trên 400%\nNăm 2024, xã vận động quỹ Vì người nghèo được trên 200 triệu đồng, đạt 446% kế hoạch.",
    ["400 % → contrib.money_vnd", "200000000 đồng → contrib.money_vnd", "446 % → contrib.money_vnd"]],
  ["a headline under a kicker line, with its date after it",
    "Trà Côn\n\nVận động quỹ Vì người nghèo đạt trên 400%\n\nCập nhật, 13:40, 30/08/2016\n\nVới tinh thần tương thân tương ái, giúp đỡ người nghèo vượt qua khó khăn, xã vận động nhân dân chung tay đóng góp cho các hộ nghèo. Năm 2016, xã đã vận động quỹ Vì người nghèo được trên 200 triệu đồng, đạt 446%.",
    ["400 % → contrib.money_vnd", "200000000 đồng → contrib.money_vnd", "446 % → contrib.money_vnd"]],
  ["trees felled to widen a road are not given",
    "Bà con đóng góp 2 tỷ đồng, hiến 200m2 đất, chặt bỏ hơn 100 cây ăn quả; Hội vận động trồng 500 cây xanh.",
    ["2000000000 đồng → contrib.money_vnd", "200 m2 → contrib.land_m2", "100 cây → -", "500 cây → contrib.trees"]],
  ["a headline's share the body does not repeat keeps no key",
    "Thu ngân sách đạt 421% kế hoạch\nNăm 2024, Mặt trận huyện vận động được 2,1 tỷ đồng, đạt 120% kế hoạch.",
    ["421 % → -", "2100000000 đồng → contrib.money_vnd", "120 % → contrib.money_vnd"]],
];

describe("extractor: loosely written counts (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seen(sentence), expected));
});
