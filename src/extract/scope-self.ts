/**
 * Pure: a unit a report describes by its name and its type in "là" ("Hoằng Thái là một xã nằm phía nam huyện Hoằng Hóa",
 * "Vinh Hà là xã ven đầm phá"), as its own section on the place's features opens, without writing the type before the name.
 */
import { keyOf } from "./normalize.ts";
import { type Mention } from "./scope-types.ts";
import { unitIndex } from "./scope-units.ts";

/** A capitalised name of one to four words, then "là (một) xã/phường/thị trấn/huyện/thị xã/quận". */
const DESCRIBED = /(?<![\p{L}\p{M}])(\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3}) là (?:một )?(xã|phường|thị trấn|huyện|thị xã|quận)(?![\p{L}\p{M}])/gu;

/** The units described so in `src` (at most 20, within its first 20,000 characters), each weighing `weightAt` its position. */
export function describedUnits(src: string, weightAt: (at: number) => number): Mention[] {
  const idx = unitIndex();
  const out: Mention[] = [];
  let n = 0;
  for (const m of src.slice(0, 20_000).matchAll(DESCRIBED)) {
    if (++n > 200 || out.length >= 20) break;
    // "Xã Thạch Điền là xã miền núi": the type written before the name is read as such already.
    const words = m[1]!.split(" ");
    const first = keyOf(words[0]!);
    const name = ["xã", "phường", "huyện", "quận"].includes(first) ? words.slice(1).join(" ") : m[1]!;
    if (!name) continue;
    const k = keyOf(`${m[2]} ${name}`);
    const list = idx.byKey.get(k);
    if (!list) continue;
    const at = m.index + m[1]!.length - name.length;
    out.push({ at, end: at + name.length, key: k, list, weight: weightAt(at) });
  }
  return out;
}
