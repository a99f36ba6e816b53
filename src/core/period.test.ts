import { test } from "node:test";
import assert from "node:assert/strict";
import {
  parsePeriod, periodContains, periodsOverlap, periodsWithin, periodRange, previousPeriod,
  samePeriodLastYear, periodLabel,
} from "./period.ts";
import { DomainError } from "./errors.ts";

test("parses DHIS2 ids and the danvan nine-month id", () => {
  assert.deepEqual(parsePeriod("2023"), { id: "2023", type: "year", year: 2023, startMonth: 1, endMonth: 12 });
  assert.equal(parsePeriod("2023S1").endMonth, 6);
  assert.equal(parsePeriod("2023Q3").startMonth, 7);
  assert.equal(parsePeriod("202303").type, "month");
  assert.equal(parsePeriod("2023N9").endMonth, 9);
});

test("accepts common spellings and returns the canonical id", () => {
  assert.equal(parsePeriod("2024-Q1").id, "2024Q1");
  assert.equal(parsePeriod("2024H2").id, "2024S2");
  assert.equal(parsePeriod("2024-9M").id, "2024N9");
  assert.equal(parsePeriod("2024-03").id, "202403");
  // A month as the report reader writes it ("2024M03", the corpora's "2024-M03"); "2024M9" stays nine months.
  assert.equal(parsePeriod("2024M03").id, "202403");
  assert.equal(parsePeriod("2024-M11").id, "202411");
  assert.equal(parsePeriod("2024M09").id, "202409");
  assert.equal(parsePeriod("2024M9").id, "2024N9");
});

test("bad ids get a descriptive error", () => {
  for (const bad of ["2023Q5", "202313", "2023M13", "23", "2023S3", "abc", "", "1800"]) {
    assert.throws(() => parsePeriod(bad), (e: unknown) => e instanceof DomainError && e.code === "PERIOD_INVALID" && e.message.includes("Kỳ báo cáo"), bad);
  }
});

test("containment: year ⊇ 9 months ⊇ S1 ⊇ Q1 ⊇ January, and Q3 ⊄ S1", () => {
  const [y, n9, s1, q1, jan, q3] = ["2023", "2023N9", "2023S1", "2023Q1", "202301", "2023Q3"].map(parsePeriod);
  assert.ok(periodContains(y!, n9!) && periodContains(n9!, s1!) && periodContains(s1!, q1!) && periodContains(q1!, jan!));
  assert.ok(!periodContains(s1!, q3!));
  assert.ok(periodContains(n9!, q3!));
  assert.ok(periodsOverlap(parsePeriod("2023N9"), parsePeriod("2023S2")));
  assert.ok(!periodsOverlap(parsePeriod("2023"), parsePeriod("2024")));
});

test("a year holds 20 standard periods (itself, 9M, 2 halves, 4 quarters, 12 months)", () => {
  assert.equal(periodsWithin(parsePeriod("2023")).length, 20);
  assert.deepEqual(periodsWithin(parsePeriod("2023Q2")).map((p) => p.id), ["2023Q2", "202304", "202305", "202306"]);
});

test("state cut-off 15: year 2024 runs 15/12/2023 → 14/12/2024; quarter 15th of month before → 14th", () => {
  assert.deepEqual(periodRange(parsePeriod("2024"), 15), { start: "2023-12-15", end: "2024-12-14" });
  assert.deepEqual(periodRange(parsePeriod("2024Q2"), 15), { start: "2024-03-15", end: "2024-06-14" });
  assert.deepEqual(periodRange(parsePeriod("2024")), { start: "2024-01-01", end: "2024-12-31" });
  assert.deepEqual(periodRange(parsePeriod("202402")), { start: "2024-02-01", end: "2024-02-29" });
});

test("previous and same period last year", () => {
  assert.equal(previousPeriod(parsePeriod("2024Q1")).id, "2023Q4");
  assert.equal(previousPeriod(parsePeriod("202401")).id, "202312");
  assert.equal(previousPeriod(parsePeriod("2024S2")).id, "2024S1");
  assert.equal(samePeriodLastYear(parsePeriod("2024N9")).id, "2023N9");
});

test("Vietnamese labels", () => {
  assert.equal(periodLabel(parsePeriod("2024Q1")), "quý I năm 2024");
  assert.equal(periodLabel(parsePeriod("2024S1")), "6 tháng đầu năm 2024");
  assert.equal(periodLabel(parsePeriod("2024N9")), "9 tháng đầu năm 2024");
});
