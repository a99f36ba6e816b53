import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * The administration indicators (documents, reception, petitions, dialogues, oversight, inspection,
 * mediation) in made-up sentences, as a reviewer sees them: "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["an organisation counted as a pair after 'và' is no date",
    "Có 15/15 xã, thị trấn và 11/11 Ban công tác Mặt trận tổ chức hội nghị.", ["15/15 xã → -", "11/11 ban → -"]],
  ["a date after 'và' joined to a date stays a date",
    "Đoàn công tác làm việc trong các ngày 10/11 và 11/11 tại 12 xã.", ["12 xã → -"]],
  ["a day joined to a date before it stays a date",
    "Lớp học mở vào ngày 10 và 11/11, có 12 xã cử người.", ["12 xã → -"]],
];

describe("extractor: administration indicators (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seen(sentence), expected));
});
