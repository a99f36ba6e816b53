/**
 * Pure: counted nouns written short in capitals right after a number, as report tables and lists write them:
 * recipients "15 TT, 20 CN" (tập thể, cá nhân) and labour days "1.200 NC" (ngày công). "TT" and "CN" are read only
 * as a pair within a few words of each other: alone, "TT" is also a township (thị trấn) and "CN" a worker or a Sunday.
 */
import { isLetter } from "./number.ts";
import type { Unit } from "./text-around.ts";

/** How far (characters) the other half of a "TT"/"CN" pair is looked for, either side. */
const PAIR_REACH = 40;
const PAIR_OTHER: Record<string, RegExp> = {
  TT: /\d\s*CN(?![\p{L}\p{M}\p{N}])/u,
  CN: /\d\s*TT(?![\p{L}\p{M}\p{N}])/u,
};

/** The counted noun written short at `j` (the text as given, capitals kept), or null. */
export function abbreviatedUnit(text: string, key: string, j: number): Unit | null {
  const w = text.slice(j, j + 2);
  if (isLetter(key.charCodeAt(j + 2))) return null;
  if (w === "NC") return { unit: "ngày công", end: j + 2, known: true };
  const other = PAIR_OTHER[w];
  if (!other || !other.test(text.slice(Math.max(0, j - PAIR_REACH), j + 2 + PAIR_REACH))) return null;
  return { unit: w === "TT" ? "tập thể" : "cá nhân", end: j + 2, known: true };
}
