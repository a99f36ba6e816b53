import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_CATALOG } from "../../indicators/catalog.ts";
import { crossErrors, fieldError, parseNumber } from "./validate.ts";

const ind = (k: string) => DEFAULT_CATALOG.find((i) => i.key === k)!;

test("numbers are read as Vietnamese reports write them", () => {
  assert.equal(parseNumber("22.590"), 22590);
  assert.equal(parseNumber("1.234.567"), 1234567);
  assert.equal(parseNumber("93,1"), 93.1);
  assert.equal(parseNumber(" 04 "), 4);
  assert.equal(parseNumber("1.5"), 1.5);
  assert.equal(parseNumber(""), null);
  assert.ok(Number.isNaN(parseNumber("12 vụ")));
});

test("a count must be whole and not negative; a rate at most 100; area may have decimals", () => {
  assert.match(fieldError(ind("mediation.cases"), 3.5)!, /số nguyên/);
  assert.match(fieldError(ind("mediation.cases"), -1)!, /âm/);
  assert.match(fieldError(ind("mediation.cases"), NaN)!, /Không phải là số/);
  assert.match(fieldError(ind("petitions.resolution_rate"), 120)!, /100%/);
  assert.equal(fieldError(ind("contrib.land_m2"), 22590.5), null);
  assert.equal(fieldError(ind("mediation.cases"), 37), null);
});

test("successful mediations above the cases, and parts above their total, are flagged on the part", () => {
  const all = DEFAULT_CATALOG;
  const e = crossErrors(all, new Map([["mediation.cases", 37], ["mediation.successful", 40]]));
  assert.match(e.get("mediation.successful")!, /Vụ việc hòa giải thành \(40\) lớn hơn Vụ việc đưa ra hòa giải ở cơ sở \(37\)/);
  assert.equal(crossErrors(all, new Map([["mediation.cases", 37], ["mediation.successful", 34]])).size, 0);
  const p = crossErrors(all, new Map([["petitions.received", 10]]), new Map([["petitions.received", 12]]));
  assert.match(p.get("petitions.received")!, /phân tổ \(12\) lớn hơn tổng số \(10\)/);
});
