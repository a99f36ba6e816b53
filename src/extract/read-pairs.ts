/**
 * Pure: pairs written with a counted noun left out that are two figures, not a part of a whole: the turns and
 * the people received ("tiếp thường xuyên 161/201 người") after the same count written "lượt/người" in the passage.
 */
import { rx } from "./lexicon.ts";
import { isLetter, scanNumeral } from "./number.ts";
import { isDigit, unitAt } from "./text-around.ts";

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
