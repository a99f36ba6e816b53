import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** "value[/of] unit → indicator", as a reviewer sees each figure. Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["models, then Dân vận khéo exemplars in the next ';' item: the models are its models too",
    "Năm 2025, Đảng ủy xã xây dựng được 28 mô hình; 9 điển hình Dân vận khéo.",
    ["28 mô hình → dvk.models", "9 điển hình → dvk.exemplars"]],
  ["false friend: models of a named field before the exemplars keep no key",
    "Toàn xã có 16 mô hình kinh tế; 5 điển hình Dân vận khéo.",
    ["16 mô hình → -", "5 điển hình → dvk.exemplars"]],
  ["false friend: models beside exemplars of another movement keep no key",
    "Huyện có 40 mô hình và 12 điển hình tiên tiến.",
    ["40 mô hình → -", "12 điển hình → -"]],
  ["those who joined, in the ';' item after a count of propaganda meetings, are their audience",
    "Phối hợp tổ chức 6 hội nghị tuyên truyền; 470 lượt người tham gia.",
    ["6 hội nghị → dissemination.conferences", "470 lượt → dissemination.attendees"]],
  ["false friend: people after a ';' with no verb of attending stay bare",
    "Phối hợp tổ chức 6 hội nghị tuyên truyền; 470 người được hỗ trợ.",
    ["6 hội nghị → dissemination.conferences", "470 người → -"]],
  ["a bare amount alone in the last ';' item of what the people were mobilised to give",
    "Vận động Nhân dân hiến 1.800 m2 đất; 320 ngày công; 95 triệu đồng.",
    ["1800 m2 → contrib.land_m2", "320 ngày công → contrib.labor_days", "95000000 đồng → contrib.money_vnd"]],
  ["false friend: a bare amount after a list of meetings is no money mobilised",
    "Tổ chức 4 hội nghị; 25 triệu đồng.",
    ["4 hội nghị → -", "25000000 đồng → -"]],
];

describe("extractor: the later items of a list keep the key the first one names", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
