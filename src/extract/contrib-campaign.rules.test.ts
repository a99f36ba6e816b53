import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["money written in number words takes its scale word",
    "Năm 2024, xã vận động được gần bốn tỷ đồng; huyện ủng hộ hơn hai triệu đồng.",
    ["4000000000 đồng → contrib.money_vnd", "2000000 đồng → contrib.money_vnd"]],
];

describe("extractor: contributions, campaigns, awards and standards reached", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
