import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Complaints received and resolved counted by the turn, the case or the matter rather than by the petition
 * (made-up sentences): "tiếp nhận 42 lượt khiếu nại, tố cáo; giải quyết dứt điểm 39 trường hợp". Shown as
 * "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["complaints received counted in turns, then those resolved counted as cases",
    "Trong năm, thị xã tiếp nhận 57 lượt khiếu nại, tố cáo, kiến nghị, phản ánh; đã giải quyết dứt điểm 51 trường hợp, 6 trường hợp đang giải quyết.",
    ["57 lượt → petitions.received", "51 trường hợp → petitions.resolved", "6 trường hợp → -"]],
  ["those resolved said in the next sentence of the passage ('Kết quả, giải quyết dứt điểm 39 trường hợp')",
    "Năm 2024, huyện tiếp nhận 44 lượt khiếu nại, tố cáo. Kết quả, giải quyết dứt điểm 41 trường hợp, 3 trường hợp đang giải quyết.",
    ["44 lượt → petitions.received", "41 trường hợp → petitions.resolved", "3 trường hợp → -"]],
  ["cases resolved after a count of something else received are no petitions",
    "Bộ phận một cửa tiếp nhận 300 hồ sơ. Kết quả, giải quyết đúng hạn 290 trường hợp.",
    ["300 hồ sơ → -", "290 trường hợp → -"]],
  ["petitions counted in turns of petitions ('lượt đơn'): received, then resolved",
    "UBND phường tiếp nhận 26 lượt đơn kiến nghị, phản ánh, đã giải quyết xong 24 lượt đơn.",
    ["26 lượt → petitions.received", "24 lượt → petitions.resolved"]],
  ["complaint cases ('trường hợp', 'vụ việc') received are matters, no petitions; those resolved after them are resolved",
    "Năm qua tiếp nhận 19 trường hợp khiếu nại, đã giải quyết 17 trường hợp. Huyện tiếp nhận 33 vụ việc khiếu nại, tố cáo; giải quyết xong 31 vụ việc.",
    ["19 trường hợp → -", "17 trường hợp → petitions.resolved", "33 vụ → -", "31 vụ → petitions.resolved"]],
  ["no complaint named: turns or cases received stay as they were",
    "Trung tâm tiếp nhận 120 lượt hồ sơ hành chính, đã giải quyết 118 trường hợp. Trạm y tế tiếp nhận 45 trường hợp cấp cứu.",
    ["120 lượt → -", "118 trường hợp → -", "45 trường hợp → -"]],
  ["citizens received who came to complain are a reception's turns, not petitions",
    "Lãnh đạo huyện tiếp 40 lượt công dân đến khiếu nại, tố cáo; tiếp nhận 15 lượt công dân đến kiến nghị.",
    ["40 lượt → reception.turns", "15 lượt → reception.turns"]],
  ["voters' opinions received are no petitions",
    "Tiếp nhận 14 lượt ý kiến, kiến nghị của cử tri; đã giải quyết 12 trường hợp.",
    ["14 lượt → -", "12 trường hợp → -"]],
];

describe("extractor: complaints counted by turn or case (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seen(sentence), expected));
});
