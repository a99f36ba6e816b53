/**
 * Pure: a counted noun written before its number rather than after it, for read-number.ts: "Số cuộc đối thoại: 19",
 * "văn bản đi 282", "Ngày công: 1.450".
 */
import { keyOf } from "./normalize.ts";
import { isLetter } from "./number.ts";
import { rx, UNITS } from "./lexicon.ts";

const LEADING = /(?<![\p{L}\p{M}])(?:tổng )?số (?:lượng )?([\p{L}\p{M} ,]{2,60}?)\s*(?:là|:|đạt|có|được)\s*$/u;

/** A counted noun written before the number ("Số cuộc đối thoại: 19"), or null. */
export function leadingNoun(key: string, i: number): { start: number; unit: string; noun: string } | null {
  const from = Math.max(0, i - 70);
  const m = LEADING.exec(key.slice(from, i));
  if (!m) return null;
  const noun = m[1]!.trim();
  for (const [surface, unit] of UNITS) {
    if (noun.startsWith(surface) && !isLetter(noun.charCodeAt(surface.length))) return { start: from + m.index, unit, noun };
  }
  return null;
}

/** Documents or petitions sent or received, written before their count: "văn bản đi 282", "đơn thư đến 45". */
const REGISTER = rx("(văn bản|công văn|đơn thư|\\bđơn|hồ sơ) (đi|đến)\\s*$");
const REGISTER_UNIT: Record<string, string> = { [keyOf("đơn thư")]: "đơn", [keyOf("đơn")]: "đơn" };

/** "ban hành văn bản đi 282;": a count after the noun and its direction, closing its clause, or null. */
export function registerNoun(key: string, i: number, end: number): { start: number; unit: string; noun: string } | null {
  if (!/^\s*([;,.)\n]|$)/.test(key.slice(end, end + 3))) return null;
  const from = Math.max(0, i - 30);
  const m = REGISTER.exec(key.slice(from, i));
  return m ? { start: from + m.index, unit: REGISTER_UNIT[m[1]!] ?? m[1]!, noun: m[0].trim() } : null;
}
/** A label naming labour days right before a bare count: "ngày công: ", "- Ngày công lao động: ". */
export const LABOUR_LABEL = /ngày công( lao động)?\s*:\s*$/u;
