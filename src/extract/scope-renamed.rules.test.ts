/**
 * Scope rules found on a study set of public news texts (round 8): a district the text names with the type it had
 * before it became a town or a city ("huyện Thủy Nguyên", listed as thành phố Thủy Nguyên) is named as the text
 * names it. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: a district named with its former type", () => {
  test("a headline's bare name and the body's 'huyện X', where the lists hold only 'thành phố X': the text's huyện X", () => {
    const s = scope("Thủy Nguyên: Dân vận khéo trong xây dựng nông thôn mới\nThời gian qua, các tổ hòa giải trên địa bàn huyện Thủy Nguyên đã hòa giải thành 120 vụ việc.");
    assert.deepEqual([s.unit, s.level], ["huyện Thủy Nguyên", "district"]);
    assert.equal(scope("Việt Yên: Dân vận khéo\nNăm 2020, các xã trên địa bàn huyện Việt Yên vận động 300 hộ hiến đất.").unit, "huyện Việt Yên");
  });
  test("a text that also writes the listed type keeps the listed unit", () => {
    const s = scope("Thủy Nguyên: Dân vận khéo\nNăm 2025, các phường của thành phố Thủy Nguyên, trước đây là huyện Thủy Nguyên, xây dựng 120 mô hình.");
    assert.equal(s.unit, "thành phố Thủy Nguyên");
  });
});
