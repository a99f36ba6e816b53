/**
 * Pure: pairs written with a counted noun left out that are two figures, not a part of a whole: the turns and
 * the people received ("tiếp thường xuyên 161/201 người") after the same count written "lượt/người" in the passage;
 * and pairs with the noun written twice, a part of a whole ("hòa giải thành 45 vụ/50 vụ").
 */
import { rx } from "./lexicon.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import type { Candidate } from "./figure-context.ts";
import { isLetter, scanNumeral } from "./number.ts";
import { isDigit, phraseAfter, unitAt } from "./text-around.ts";

/**
 * "tiếp thường xuyên 161/201 người" after "tiếp 259 lượt công dân/316 người" in the passage: turns and people
 * received written as a pair with "lượt" left out, not a part of a whole. `i`: the first number; `b`: after the second.
 */
export function turnsOverPeople(text: string, key: string, i: number, b: number): boolean {
  const u = unitAt(text, key, b, false);
  if (typeof u !== "object" || u === null || u.unit !== "người") return false;
  const back = key.slice(Math.max(0, i - 300), i);
  const para = back.slice(back.lastIndexOf("\n") + 1);
  return TURNS_PEOPLE.test(para) && RECEIVED.test(para.slice(-60));
}
const TURNS_PEOPLE = rx("\\d\\s*lượt[^/\\n\\d]{0,25}/\\s*\\d[\\d.]*\\s*(lượt )?người");
const RECEIVED = rx("\\btiếp\\b(?! (tục|nhận|theo))");

/** The second number of a pair split by turnsOverPeople: "161/201 người" at "201". */
export function splitBefore(text: string, key: string, i: number): boolean {
  let a = i - 1;
  while (a > 0 && isDigit(key.charCodeAt(a - 1))) a--;
  if (a > 0 && (isLetter(key.charCodeAt(a - 1)) || key.charCodeAt(a - 1) === 47 || key.charCodeAt(a - 1) === 46 || key.charCodeAt(a - 1) === 44)) return false;
  const n = scanNumeral(key, i);
  return !scanNumeral(key, a).grouped && Number(key.slice(a, i - 1)) <= n.value && turnsOverPeople(text, key, a, n.end);
}

/** An aside between a pair's part and its whole: "176 đơn (160 khiếu nại, 16 tố cáo)/221 đơn". */
const ASIDE_THEN_WHOLE = /^\s*\([^()\n]{1,100}\)\s*\/\s*(?=\d)/u;

/**
 * The whole of a pair written after an aside on its part ("đã giải quyết 150 đơn (trong đó 130 khiếu nại)/190
 * đơn"): the number after "/" when it counts the same noun (or none) and is not smaller; `spanEnd` is after the
 * part's noun. Null when there is no such whole.
 */
export function wholeAfterAside(text: string, key: string, spanEnd: number, part: number, unit: string): number | null {
  const m = ASIDE_THEN_WHOLE.exec(key.slice(spanEnd, spanEnd + 130));
  if (!m) return null;
  const b = scanNumeral(key, spanEnd + m[0].length);
  if (b.value < part || key.charCodeAt(b.end) === 47) return null;
  const u = unitAt(text, key, b.end, false);
  return (typeof u === "object" && u !== null && u.unit === unit) || (u === null && !/^\s*[\p{L}\p{M}]/u.test(key.slice(b.end, b.end + 3))) ? b.value : null;
}

/** The whole of such a pair, at its number (`i`, right after "/"): read with its part already. */
export function wholeOfAsidePair(text: string, key: string, i: number): boolean {
  const m = /\(([^()\n]{1,100})\)\s*\/\s*$/u.exec(key.slice(Math.max(0, i - 110), i));
  if (!m) return false;
  const open = i - m[0].length;
  const part = /(\d[\d.]*)\s*([\p{L}\p{M} ]{1,30})$/u.exec(key.slice(Math.max(0, open - 40), open));
  if (!part) return false;
  const at = open - part[0].length;
  const n = scanNumeral(key, at);
  const u = unitAt(text, key, n.end, false);
  if (typeof u !== "object" || u === null || u.unit === null || u.end > open + 1) return false;
  return wholeAfterAside(text, key, u.end, n.value, u.unit) !== null;
}

/**
 * "hòa giải thành 45 vụ/50 vụ": the whole of a pair whose noun is written after both numbers, the same noun and
 * nothing else counted after the second ("45 lượt/52 lượt người" stays two figures). `spanEnd`: after the part's
 * noun, "/" right there. The whole's value and the end of its noun, or null.
 */
export function wholeOfSameNoun(text: string, key: string, spanEnd: number, part: number, partNoun: string): { value: number; end: number } | null {
  const m = /^\s?\/\s?(?=\d)/u.exec(key.slice(spanEnd, spanEnd + 4));
  if (!m) return null;
  const b = scanNumeral(key, spanEnd + m[0].length);
  if (b.value < part || key.charCodeAt(b.end) === 47) return null;
  const u = unitAt(text, key, b.end, false);
  // "45 vụ/50 vụ việc": the same noun, written longer the second time.
  // The noun right after the number (a search of the rest of the text per pair was quadratic).
  const at = key.startsWith(partNoun, b.end) ? b.end : key.startsWith(partNoun, b.end + 1) ? b.end + 1 : -1;
  if (typeof u !== "object" || u === null || at < 0 || !key.slice(b.end, u.end).includes(partNoun)) return null;
  const more = unitAt(text, key, at + partNoun.length, false);
  return typeof more === "object" && more !== null && more.known === true ? null : { value: b.value, end: u.end };
}

/** The whole of such a pair, at its number (`i`, right after "/"): read with its part already. */
export function wholeOfSameNounPair(text: string, key: string, i: number): boolean {
  const part = /(\d[\d.]*)\s?([\p{L}\p{M}]+(?: [\p{L}\p{M}]+)?)\s?\/\s?$/u.exec(key.slice(Math.max(0, i - 40), i));
  if (!part) return false;
  const at = i - part[0].length;
  const n = scanNumeral(key, at);
  const u = unitAt(text, key, n.end, false);
  if (typeof u !== "object" || u === null || !/^\s?\/\s?$/u.test(key.slice(u.end, i))) return false;
  return wholeOfSameNoun(text, key, u.end, n.value, key.slice(n.end, u.end).trim()) !== null;
}

/** Between a part and the whole it is counted in: " trong tổng số ", " vụ trên tổng số ", " trong số ". */
const PART_OF_WHOLE = /^\s*(?:[\p{L}\p{M}]+\s+){0,2}?(?:trong|trên)\s+(?:tổng\s+)?số\s*$/u;
/** Each catalog key a "34/37"-style figure pairs with: the whole its count is part of. */
const WHOLE_OF = new Map(DEFAULT_CATALOG.flatMap((d) => (d.denominator ? [[d.key, d.denominator] as const] : [])));

/**
 * "hòa giải thành công 845 trong tổng số 912 vụ việc", "12 trong số 15 xã đạt chuẩn nông thôn mới": a count, then the
 * whole it is counted in, in one unit, written as two numbers. When either has a key that pairs with a whole (its
 * catalog denominator), the part takes that key and the whole the denominator's; a part never keeps a total's key.
 */
export function partAndWhole(key: string, part: Candidate, whole: Candidate): void {
  if (part.percent || whole.percent || part.of !== null || whole.of !== null || whole.unit === null || part.unit !== whole.unit) return;
  if (!PART_OF_WHOLE.test(key.slice(part.end, whole.start))) return;
  const k = part.indicator ?? whole.indicator;
  const of = k ? WHOLE_OF.get(k) : undefined;
  if (of) {
    part.indicator = k;
    whole.indicator = of;
  } else if (part.indicator !== null && TOTALS.has(part.indicator)) part.indicator = null; // "3 trong số 10 xã …": a part is no total
}
const TOTALS = new Set(WHOLE_OF.values());

/** A share in parentheses right after a pair: " (100%) ", " (93,3 %) ". */
const SHARE_ASIDE = /^\s*\(\s*\d{1,3}(?:[.,]\d{1,2})?\s*%\s*\)\s*/u;

/**
 * "135/135 (100%) đơn vị cấp xã", "28/30 (93,3%) xã đạt chuẩn": the noun of a pair written after its share in
 * parentheses (the share is read as its own figure). `i`: the pair's first number; `end`: after its second.
 */
export function nounAfterShare(text: string, key: string, i: number, end: number): { start: number; unit: string; noun: string } | null {
  const m = SHARE_ASIDE.exec(key.slice(end, end + 20));
  if (!m) return null;
  const u = unitAt(text, key, end + m[0].length, false);
  if (typeof u !== "object" || u === null || u.unit === null) return null;
  return { start: i, unit: u.unit, noun: phraseAfter(key, end + m[0].length) };
}
