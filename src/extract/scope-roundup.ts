/**
 * Pure: a roundup of the units one level below a unit the text names (see scope-unit.ts): "Ủy ban MTTQ cấp xã trên địa
 * bàn huyện A đã giám sát 13 chuyên đề. Cụ thể, MTTQ xã B giám sát …; MTTQ xã C giám sát …; MTTQ xã D …": the organs
 * of three or more units of one level act, each in its turn, and the unit above them all, named, is the text's.
 */
import { rx } from "./lexicon.ts";
import type { AdminUnit, Level, Mention, UnitIndex } from "./scope-types.ts";
import { parentIn } from "./scope-units.ts";

/** An organ right before a unit's type word: "MTTQ xã", "Đảng ủy phường", "UBND thị trấn", "Ủy ban MTTQ Việt Nam xã". */
const ORGAN_BEFORE_UNIT = rx("(?<![\\p{L}])(đảng uỷ|ubnd|uỷ ban nhân dân|hđnd|mttq( việt nam)?|mặt trận( tổ quốc)?( việt nam)?|uỷ ban mttq( việt nam)?)\\s*$");

/**
 * The unit above `level` whose units at that level the text's organs speak for, three or more of them by name, each
 * in its own clause, all under that one unit, which `named` says the text names itself; else null.
 */
export function organsRoundup(key: string, found: Mention[], level: Level, idx: UnitIndex, named: (u: AdminUnit) => boolean, skip: (at: number) => boolean): AdminUnit | null {
  const speaking = found.filter((f) => !f.address && !skip(f.at) && f.list.some((u) => u.level === level)
    && ORGAN_BEFORE_UNIT.test(key.slice(Math.max(0, f.at - 30), f.at)));
  const names = new Set(speaking.map((f) => f.key));
  if (names.size < 3) return null;
  // The units above that hold a unit of every name (a name several districts hold is settled by the others).
  const parents = new Map<string, AdminUnit>();
  for (const f of speaking) for (const u of f.list) {
    const p = u.level === level ? parentIn(idx, u) : null;
    if (p) parents.set(p.code + "@" + p.era, p);
  }
  const held = [...parents.values()].filter((p) => named(p) && [...names].every((k) => speaking.some((f) => f.key === k && f.list.some((u) => u.level === level && u.parent === p.code && u.era === p.era))));
  return held.length === 1 ? held[0]! : null;
}
