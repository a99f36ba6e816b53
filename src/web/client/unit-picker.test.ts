/** The day whose units a period's unit picker offers: the period's real last day, after the settings' cut-off day. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { setCutoffDay, setServerToday } from "./ui.tsx";
import { unitsDayOf } from "./unit-picker.tsx";

test("an ended period offers the units of its last day after the cut-off day; calendar months without one", () => {
  setServerToday("2026-11-25");
  setCutoffDay(20);
  // Quarter II runs 20/3 – 19/6 with a cut-off on the 20th: a unit formed on 20/6 is not offered.
  assert.equal(unitsDayOf("2026Q2"), "2026-06-19");
  assert.equal(unitsDayOf("2024Q4"), "2024-12-19");
  assert.equal(unitsDayOf("2025"), "2025-12-19");
  setCutoffDay(1);
  assert.equal(unitsDayOf("2026Q2"), "2026-06-30");
  assert.equal(unitsDayOf("2024Q4"), "2024-12-31");
});

test("a period ended by its cut-off day though its calendar month has not: its last day; one in progress: today's units", () => {
  setCutoffDay(15);
  setServerToday("2026-12-20");
  assert.equal(unitsDayOf("2026Q4"), "2026-12-14");
  setServerToday("2026-12-10");
  assert.equal(unitsDayOf("2026Q4"), undefined);
  assert.equal(unitsDayOf(null), undefined);
  assert.equal(unitsDayOf("2026Q9"), undefined, "not a period: today's units");
});

test("a cut-off day that is not a whole day 1–28 counts as calendar months", () => {
  setServerToday("2026-11-25");
  for (const bad of [0, 29, 15.5, "15", null, undefined, Number.NaN]) {
    setCutoffDay(bad);
    assert.equal(unitsDayOf("2026Q2"), "2026-06-30", String(bad));
  }
});
