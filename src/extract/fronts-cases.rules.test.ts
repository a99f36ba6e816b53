import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Reports and news of the Fatherland Front and the mass organisations on the cases they mediate, the petitions they
 * take and settle, and the sessions they hold that are neither propaganda nor briefings.
 * Compact view: "value[/of] unit → indicator". Every sentence is made up.
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["cases mediated, then those settled after 'và' ('hòa giải 26 vụ và hòa giải thành 21 vụ'): the first count is the cases",
    "Các chi hội đã tham gia hòa giải 26 vụ và hòa giải thành 21 vụ mâu thuẫn trong hội viên. Hội Cựu chiến binh tham gia hòa giải 30 vụ việc và thành công 24 vụ việc.",
    ["26 vụ → mediation.cases", "21 vụ → mediation.successful", "30 vụ → mediation.cases", "24 vụ → mediation.successful"]],
];

describe("fronts and mass organisations: cases, petitions, sessions", () => {
  for (const [name, sentence, expected] of cases) {
    test(name, () => assert.deepEqual(seen(sentence), expected));
  }
});
