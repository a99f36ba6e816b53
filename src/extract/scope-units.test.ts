/**
 * scope-units.ts: the organs of each level named bare, counted for several filters in one pass.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { bareLevelCounts, bareLevelCountsBy } from "./scope-units.ts";
import { prepare } from "./normalize.ts";

describe("bareLevelCountsBy", () => {
  test("one pass gives, for each filter, the counts of a pass with that filter alone", () => {
    const { text, key } = prepare("Hội Nông dân huyện đã phối hợp với UBND xã tổ chức. Dự có lãnh đạo Hội Nông dân tỉnh, các xã và huyện Ea Kar. Toàn xã có 12 tổ.");
    const guests = (at: number) => at > 50 && at < 110;
    const skips = [undefined, guests, (at: number) => !guests(at)];
    assert.deepEqual(bareLevelCountsBy(text, key, skips), skips.map((s) => bareLevelCounts(text, key, s)));
    assert.deepEqual(bareLevelCountsBy(text, key, [undefined])[0], { province: 1, district: 1, commune: 1 });
    // The guest's provincial organ is left out by the second filter and alone kept by the third.
    assert.deepEqual(bareLevelCountsBy(text, key, skips).slice(1), [{ province: 0, district: 1, commune: 1 }, { province: 1, district: 0, commune: 0 }]);
  });
});
