import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** "value[/of] unit → indicator", as a reviewer sees each figure. Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  // Teams counted by the verb of their work right before them: inspections as teams (the catalog's "Đoàn/cuộc kiểm tra").
  ["teams inspected, the verb right before the count", "Năm qua, Ban Dân vận Huyện ủy kiểm tra 7 đoàn về công tác dân vận.",
    ["7 đoàn → inspection.teams"]],
  ["teams with 'được' after the verb, bare", "Ban Thường vụ đã thành lập và kiểm tra được 3 đoàn.", ["3 đoàn → inspection.teams"]],
  ["teams supervising, the verb right before them", "Ủy ban MTTQ huyện giám sát 2 đoàn tại các xã.", ["2 đoàn → oversight.teams"]],
  ["guard: teams hosted keep no key, whatever verb follows", "Xã đã tiếp 4 đoàn kiểm tra của cấp trên.", ["4 đoàn → -"]],
  ["guard: a delegation of another kind after the verb keeps no key", "Đã kiểm tra 6 đoàn viên về việc chấp hành Điều lệ.",
    ["6 đoàn viên → -"]],
  // A bare item naming only the role, after a count whose noun names the supervision ("chủ trì 8 cuộc giám sát, phối hợp 5 cuộc").
  ["the role's item after supervisions counted before their noun", "Ủy ban MTTQ huyện chủ trì 9 cuộc giám sát, phối hợp 4 cuộc.",
    ["9 cuộc → oversight.count", "4 cuộc → oversight.count"]],
  ["the role's items inside parentheses after the supervisions", "Các đoàn thể giám sát 11 cuộc (chủ trì 7 cuộc, phối hợp 4 cuộc).",
    ["11 cuộc → oversight.count", "7 cuộc → oversight.count", "4 cuộc → oversight.count"]],
  ["guard: the role's item after another activity keeps none", "Mặt trận chủ trì 9 cuộc phản biện xã hội, phối hợp 4 cuộc.",
    ["9 cuộc → -", "4 cuộc → -"]],
  // The first item of how the dialogues were held, after their count ("trong đó định kỳ 17 cuộc, đột xuất 5 cuộc").
  ["periodic dialogues after 'trong đó', then the ad-hoc ones", "Các xã tổ chức 22 cuộc đối thoại với Nhân dân, trong đó định kỳ 17 cuộc, đột xuất 5 cuộc.",
    ["22 cuộc → dialogues.held", "17 cuộc → dialogues.held", "5 cuộc → dialogues.held"]],
  ["periodic dialogues inside parentheses", "Tổ chức 9 hội nghị đối thoại (định kỳ 7 hội nghị, đột xuất 2 hội nghị).",
    ["9 hội nghị → dialogues.held", "7 hội nghị → dialogues.held", "2 hội nghị → dialogues.held"]],
  ["guard: periodic meetings of voters after 'trong đó' keep none", "Tổ chức 14 cuộc tiếp xúc cử tri, trong đó định kỳ 10 cuộc.",
    ["14 cuộc → -", "10 cuộc → -"]],
  // Returnees named by what they became while serving: a subset, not those back home.
  ["returnees who became party members while serving", "Xã đón 60 quân nhân xuất ngũ trở về địa phương, trong đó có 9 quân nhân đã phấn đấu trở thành đảng viên.",
    ["60 quân nhân → military.returnees", "9 quân nhân → -"]],
  ["returnees who became party members, in the sentence after the homecoming", "Huyện đón 140 quân nhân xuất ngũ về địa phương. Trong đó có 11 quân nhân đã trở thành đảng viên.",
    ["140 quân nhân → military.returnees", "11 quân nhân → -"]],
];

describe("extractor: teams by the verb before them, the role's items after supervisions, periodic dialogues after their count, returnees who became party members", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
