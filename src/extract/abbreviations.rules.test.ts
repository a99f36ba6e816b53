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
];

describe("extractor: abbreviations and short list items of the reports", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
