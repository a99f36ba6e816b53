import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { amount, badCharIndex, count, dateOption, findBadChar, isoDate, isRealDate, MAX_VALUE, signedValue } from "./input.ts";

test("isoDate takes only real calendar days in range, with a Vietnamese message and DATE_INVALID", () => {
  for (const ok of ["2026-01-31", "2024-02-29", "2000-02-29", "1900-01-01", "2199-12-31"]) assert.ok(isoDate.safeParse(ok).success, ok);
  for (const bad of ["2026-13-45", "9999-99-99", "2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-01-00", "9999-12-31", "1899-12-31", "2026-1-5", "20260105", " 2026-01-05"]) {
    const r = isoDate.safeParse(bad);
    assert.ok(!r.success, bad);
    const issue = r.error.issues[0] as { params?: { code?: string }; message: string };
    assert.equal(issue.params?.code, "DATE_INVALID", bad);
    assert.match(issue.message, /Ngày/);
  }
  assert.throws(() => dateOption("2026-02-30", "as-of"), (e: Error & { code?: string }) => e.code === "DATE_INVALID" && /--as-of/.test(e.message));
  assert.equal(dateOption(undefined, "as-of"), undefined);
});

test("isRealDate agrees with the calendar for every day from 1900 to 2199", () => {
  fc.assert(fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
    const s = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const real = m >= 1 && m <= 12 && d >= 1 && new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
    assert.equal(isRealDate(s), real, s);
  }));
});

test("amount: finite, not negative, at most 10^15; integers past 2^53 are refused, not rounded", () => {
  for (const ok of [0, 1, 0.5, 123456789, MAX_VALUE]) assert.ok(amount.safeParse(ok).success, String(ok));
  // 9007199254740993 arrives from JSON.parse as …992: refused instead of stored rounded.
  for (const bad of [-1, 1e300, JSON.parse("9007199254740993") as number, MAX_VALUE + 1, Infinity, NaN, "12"]) {
    const r = amount.safeParse(bad);
    assert.ok(!r.success, String(bad));
  }
  assert.equal((amount.safeParse(1e308).error!.issues[0] as { params?: { code?: string } }).params?.code, "VALUE_INVALID");
  assert.ok(signedValue.safeParse(-5).success);
  assert.ok(!signedValue.safeParse(-1e16).success);
  assert.ok(!count.safeParse(1.5).success);
  // Two values at the cap still sum to a finite, exact number (a province total never becomes null).
  assert.ok(Number.isSafeInteger(MAX_VALUE * 2));
});

test("bad characters: NUL and half surrogate pairs are found anywhere in a JSON value, keys included", () => {
  assert.equal(badCharIndex("Hòa Bình 😀"), -1);
  assert.equal(badCharIndex("a\u0000b"), 1);
  assert.equal(badCharIndex("ab\ud800"), 2);
  assert.equal(badCharIndex("\udc00x"), 0);
  assert.equal(badCharIndex("x\ud83d\ude00\ud83d"), 3);
  assert.deepEqual(findBadChar({ a: [1, { b: "ok", c: "x\u0000" }] }), { path: "a.1.c", index: 1, char: "U+0000" });
  assert.deepEqual(findBadChar({ ["k\ud800"]: 1 }), { path: "k\ud800", index: 1, char: "U+D800" });
  assert.equal(findBadChar({ a: ["Quy Nhơn", 1, null, true] }), null);
});
