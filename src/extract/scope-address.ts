/**
 * Pure: which of the units of a name a mention means, from the places around it (see scope-unit.ts): a unit
 * written with its address, a name several units hold under a unit the text names unambiguously elsewhere, a district
 * the text names with the type it had before the lists' one.
 */
import { type AdminUnit, type Mention, type UnitIndex } from "./scope-types.ts";
import { isAncestor, label } from "./scope-units.ts";

/** Narrows each mention's units (in place), and marks the addresses (not places the text reports on). */
export function narrowMentions(src: string, found: Mention[], idx: UnitIndex): void {
  // "xã Yên Hòa, huyện Cẩm Xuyên", "thị trấn Tân Nghĩa, huyện Hàm Tân": a unit followed by its own district
  // or province is written with its address. The address tells which of the units of that name is
  // meant, and is not a place the text reports on.
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!;
    for (let j = i + 1; j < found.length && j <= i + 2; j++) {
      const b = found[j]!;
      const prev = found[j - 1]!;
      if (!/^\s*[,(–-]?\s*$/.test(src.slice(prev.end, b.at))) break;
      const under = a.list.filter((u) => b.list.some((p) => isAncestor(idx, p, u)));
      if (!under.length) break;
      a.list = under;
      b.address = true;
    }
  }
  // A name several units hold ("phường Diên Hồng") is the one under a district or province the text names
  // unambiguously elsewhere ("Thành ủy Pleiku").
  const anchors = found.filter((f) => new Set(f.list.map((u) => u.code)).size === 1).flatMap((f) => f.list);
  for (const f of found) {
    if (f.list.length < 2) continue;
    const under = f.list.filter((u) => anchors.some((p) => isAncestor(idx, p, u)));
    if (under.length) f.list = under;
  }
}

/**
 * A district named only bare (a headline's "Thủy Nguyên:") while the text writes it with a type the lists no longer
 * give it ("huyện Thủy Nguyên", since become thành phố Thủy Nguyên): that name as the text writes it, else undefined.
 * `unknown` holds the units named with their type that the lists do not hold.
 */
export function formerTypeOf(u: AdminUnit | null, found: Mention[], unknown: Map<string, number>): string | undefined {
  if (!u || u.level !== "district" || found.some((f) => f.list.includes(u))) return undefined;
  return ["huyện", "thị xã", "thành phố", "quận"].map((t) => `${t} ${u.name}`).find((k) => k !== label(u) && unknown.has(k));
}
