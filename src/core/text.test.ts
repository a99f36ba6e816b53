import { test } from "node:test";
import assert from "node:assert/strict";
import { matchKey, foldDiacritics, nfc } from "./text.ts";

test("matchKey treats both tone placements and NFD as the same name", () => {
  assert.equal(matchKey("Xã Hoà Bình"), matchKey("xã  Hòa Bình"));
  assert.equal(matchKey("Thuỷ Nguyên"), matchKey("Thủy Nguyên"));
  assert.equal(matchKey("Hòa".normalize("NFD")), matchKey("Hoà"));
  assert.notEqual(matchKey("Hòa Bình"), matchKey("Hà Bình"));
});

test("matchKey keeps real differences of tone", () => {
  assert.notEqual(matchKey("Hoá"), matchKey("Hoà"));
});

test("foldDiacritics strips marks and maps đ", () => {
  assert.equal(foldDiacritics("Đắk Lắk"), "dak lak");
  assert.equal(nfc("a\u0300"), "à");
});
