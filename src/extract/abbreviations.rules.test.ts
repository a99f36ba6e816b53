import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** "value[/of] unit → indicator", as a reviewer sees each figure. Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["models written short ('MH DVK') are Dân vận khéo models",
    "Trong năm, các chi bộ xây dựng mới 37 MH DVK trên các lĩnh vực.",
    ["37 mô hình → dvk.models"]],
  ["models written short with the movement in quotes",
    "Toàn phường có 9 MH “DVK” được công nhận.",
    ["9 mô hình → dvk.models"]],
  ["false friend: models written short of another kind keep no key",
    "Hội Nông dân duy trì 14 MH kinh tế tập thể.",
    ["14 mô hình → -"]],
  ["a reception written short ('TCD'): turns, then the people with them",
    "TCD định kỳ và đột xuất 27 lượt với 33 người.",
    ["27 lượt → reception.turns", "33 người → reception.people"]],
  ["a reception written short, turns and people paired by '/'",
    "Lãnh đạo UBND xã TCD được 16 lượt/19 người.",
    ["16 lượt → reception.turns", "19 người → reception.people"]],
  ["the people of a reception alone in the next item of a ';' list, after the turns' own noun",
    "Kết quả: tiếp 52 lượt công dân; 61 người; tiếp nhận 14 đơn.",
    ["52 lượt → reception.turns", "61 người → reception.people", "14 đơn → petitions.received"]],
  ["false friend: people after a ';' with words of their own are not the reception's",
    "Tiếp 52 lượt công dân; 61 người được hướng dẫn thủ tục.",
    ["52 lượt → reception.turns", "61 người → -"]],
  ["supervisions and inspections written short beside 'cuộc' ('cuộc GS', 'cuộc KT')",
    "Năm qua, Ủy ban MTTQ xã tổ chức 11 cuộc GS và 3 cuộc KT.",
    ["11 cuộc → oversight.count", "3 cuộc → inspection.teams"]],
  ["a supervision written short before its count ('GS 5 cuộc')",
    "Các đoàn thể chủ trì GS 5 cuộc về chính sách an sinh.",
    ["5 cuộc → oversight.count"]],
  ["false friend: 'KT-XH' (the economy) names no inspection",
    "Để bàn nhiệm vụ phát triển KT-XH, xã tổ chức 2 cuộc họp dân.",
    ["2 cuộc → -"]],
  ["dialogues written short ('tiếp xúc, ĐT với Nhân dân N cuộc')",
    "Bí thư Đảng ủy tiếp xúc, ĐT với Nhân dân 7 cuộc.",
    ["7 cuộc → dialogues.held"]],
  ["dialogues written short after 'hội nghị ĐT'",
    "Hội nghị ĐT trực tiếp giữa người đứng đầu với Nhân dân: 2 cuộc.",
    ["2 cuộc → dialogues.held"]],
  ["false friend: a provincial road 'ĐT' is no dialogue",
    "Nhân dân hiến đất mở rộng đường ĐT 763, tổ chức 4 cuộc họp dân.",
    ["4 cuộc → -"]],
  ["documents written short ('VB')",
    "Ban Dân vận tham mưu ban hành 05 VB lãnh đạo, chỉ đạo.",
    ["5 văn bản → docs.issued"]],
  ["supervisions then inspections joined by 'và': each count keeps its own noun's key",
    "Trong 6 tháng, Hội Nông dân tổ chức 8 cuộc giám sát và 2 cuộc kiểm tra.",
    ["8 cuộc → oversight.count", "2 cuộc → inspection.teams"]],
];

describe("extractor: abbreviations and short list items of the reports", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
