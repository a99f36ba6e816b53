import { test } from "node:test";
import assert from "node:assert/strict";
import { dmy, dmyTime, periodShort } from "./labels.ts";

test("period ids are shown as Vietnamese labels, never as codes", () => {
  assert.equal(periodShort("2025Q4"), "Quý IV/2025");
  assert.equal(periodShort("2026Q1"), "Quý I/2026");
  assert.equal(periodShort("2026M03"), "Tháng 3/2026");
  assert.equal(periodShort("202603"), "Tháng 3/2026");
  assert.equal(periodShort("2026S1"), "6 tháng đầu năm 2026");
  assert.equal(periodShort("2026S2"), "6 tháng cuối năm 2026");
  assert.equal(periodShort("2026N9"), "9 tháng năm 2026");
  assert.equal(periodShort("2026"), "Năm 2026");
  assert.equal(periodShort(null), "—");
  assert.equal(periodShort("không phải kỳ"), "không phải kỳ");
});

test("dates are dd/mm/yyyy; a moment is read in Vietnam (UTC+7)", () => {
  assert.equal(dmy("2026-12-09"), "09/12/2026");
  assert.equal(dmy("2026-12-08T18:30:00.000Z"), "09/12/2026");
  assert.equal(dmy(null), "—");
  assert.equal(dmyTime("2026-12-08T18:30:00.000Z"), "09/12/2026 01:30");
});
