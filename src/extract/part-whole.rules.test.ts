import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** "value[/of] unit → indicator", as a reviewer sees each figure. Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["cases settled out of the whole written after them: the part is read, the whole is the cases",
    "Trong năm, các tổ hòa giải đã hòa giải thành công 217 vụ trên tổng số 240 vụ việc.",
    ["217 vụ → mediation.successful", "240 vụ → mediation.cases"]],
  ["a part with its noun written once, after the whole ('trong tổng số')",
    "Ủy ban nhân dân xã đã giải quyết 41 trong tổng số 44 đơn thư khiếu nại, kiến nghị.",
    ["41 đơn → petitions.resolved", "44 đơn → petitions.received"]],
  ["communes meeting a standard out of all of them ('trong số'): the part the standard, the whole the total",
    "Đến nay, đã có 9 trong số 13 xã đạt chuẩn nông thôn mới.",
    ["9 xã → new_rural.communes", "13 xã → communes.total"]],
  ["a part of a total with no standard keeps no total's key",
    "Huyện có 4 trong số 11 xã được tặng Bằng khen.",
    ["4 xã → -", "11 xã → -"]],
  ["two counts joined by 'và' still share their noun, each its own key",
    "Hiến 1.000 và 1.100 m2 đất để làm đường.",
    ["1000 m2 → contrib.land_m2", "1100 m2 → contrib.land_m2"]],
];

describe("extractor: a part, then the whole it is counted in", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
