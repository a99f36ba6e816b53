import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** "value[/of] unit → indicator", as a reviewer sees each figure. Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["recipients written short as a pair ('N TT, M CN') are awards",
    "Dịp này, UBND xã khen thưởng 6 TT, 11 CN có thành tích xuất sắc.",
    ["6 tập thể → awards.collectives", "11 cá nhân → awards.individuals"]],
  ["recipients written short joined by 'và'",
    "Huyện ủy tặng giấy khen cho 03 TT và 07 CN điển hình.",
    ["3 tập thể → awards.collectives", "7 cá nhân → awards.individuals"]],
  ["false friend: 'TT' alone after a number is a township, not a collective",
    "Các xã và 01 TT đã tổ chức 14 hội nghị tuyên truyền.",
    ["14 hội nghị → dissemination.conferences"]],
  ["recipients written short in ';' items after a label on awards",
    "Khen thưởng: 05 TT; 09 CN có thành tích trong phong trào.",
    ["5 tập thể → awards.collectives", "9 cá nhân → awards.individuals"]],
  ["labour days written short ('NC')",
    "Nhân dân đóng góp 850 NC để làm đường bê tông nội đồng.",
    ["850 ngày công → contrib.labor_days"]],
  ["'năm' before a counted noun is five",
    "Hội Phụ nữ xã xây dựng được năm mô hình “Dân vận khéo”.",
    ["5 mô hình → dvk.models"]],
  ["false friend: 'trong năm' before a noun is the year",
    "Trong năm hộ nghèo giảm 9 hộ, hội viên tăng 15 người.",
    ["9 hộ → -", "15 người → -"]],
  ["false friend: 'năm' after a number is a length of time",
    "Sau 3 năm hội viên đã đóng góp 40 ngày công.",
    ["40 ngày công → contrib.labor_days"]],
  ["a hard-wrapped line ending in a count before its noun capitalised",
    "Trong năm 2024, Hội Cựu chiến binh huyện đã vận động xây dựng được 14\nMô hình “Dân vận khéo” trên các lĩnh vực.",
    ["14 mô hình → dvk.models"]],
  ["a hard-wrapped count of petitions before 'Đơn thư' capitalised",
    "Bộ phận tiếp công dân của xã trong năm qua đã tiếp nhận 23\nĐơn thư kiến nghị, phản ánh của công dân.",
    ["23 đơn → petitions.received"]],
  ["a hard-wrapped count of houses before 'Nhà' capitalised",
    "Trong năm, Hội Liên hiệp Phụ nữ huyện đã vận động xây dựng và bàn giao 12\nNhà “Mái ấm tình thương” cho hội viên nghèo.",
    ["12 nhà → contrib.houses"]],
  ["a hard-wrapped count that closes a list item ('cấp phường, 10') before its noun in capitals",
    "Đã thành lập 14 câu lạc bộ, trong đó 4 câu lạc bộ cấp phường, 10\nCLB khu phố với 257 hội viên.",
    ["14 câu lạc bộ → -", "4 câu lạc bộ → -", "10 câu lạc bộ → -", "257 hội viên → -"]],
  ["a hard-wrapped part of a whole ('a/b') before its noun capitalised",
    "Sau hai năm, câu lạc bộ cựu quân nhân của phường đã thu hút 186/1240\nCựu quân nhân tham gia sinh hoạt.",
    ["186/1240 quân nhân → -"]],
  ["false friend: a short line ending in a number before a capitalised noun is its own line",
    "Số hội viên: 120\nHội nghị sơ kết được tổ chức 2 lần.",
    ["120 hội viên → -", "2 lần → -"]],
];

describe("extractor: counts written short, in words, or wrapped before their noun", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
