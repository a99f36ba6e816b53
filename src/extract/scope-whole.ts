/**
 * Pure: a text's subject named as a whole level ("Mặt trận cấp huyện tổ chức 13 cuộc giám sát"): the text speaks
 * from the level above it, of all the units of that level (see scope-unit.ts).
 */
import { rx } from "./lexicon.ts";
import type { Level, Mention, UnitIndex } from "./scope-types.ts";
import { parentIn, provinceIn } from "./scope-units.ts";

/** "cấp huyện", "cấp quận": the districts' level as a whole. */
const DISTRICTS_LEVEL = rx("(?<![\\p{L}])cấp (huyện|quận)(?![\\p{L}])(?! uỷ)");
/** The districts of a province listed by their kinds: "các huyện, thị xã, thành phố", "9 huyện, thị xã". */
const DISTRICT_KINDS = rx("(?<![\\p{L}])(các|những|\\d+) (huyện|quận)\\s*,\\s*(thị xã|thị|thành phố|quận|huyện)(?![\\p{L}])");
/** An organ of that level before it, in the same clause: "Mặt trận cấp huyện", "Hội Nông dân cấp huyện" (not an event's "Hội thi cấp huyện"). */
const ORGAN_BEFORE = rx("(?<![\\p{L}])(mặt trận|mttq|(?<!(đại|lễ) )hội(?! (thi|nghị|diễn|thao|chợ))|đoàn|công đoàn|ban dân vận|uỷ ban|ubnd|hđnd|đảng bộ|cấp uỷ|chính quyền)(?![\\p{L}])[^,.;:\\n]{0,30}$");

/** "trong tỉnh", "trong huyện", "trong toàn tỉnh", not before a name ("huyện thứ 2 trong tỉnh Nam Định"). */
const WITHIN = rx("(?<![\\p{L}])trong (toàn )?(tỉnh|huyện)(?![\\p{L}])");
/** The units or organs of a level below in the plural before it, in the same sentence: "Mặt trận các cấp trong tỉnh", "các cấp, ngành trong tỉnh", "các xã, phường, thị trấn trong tỉnh". */
const PLURAL_WITHIN = rx("(?<![\\p{L}])(các|những|tất cả|hai cấp|ba cấp|\\d+/\\d+)(?![\\p{L}])[^.;:\n]{0,50}$");

/**
 * The organs of the districts' level named as a whole ("Mặt trận cấp huyện", "Hội Nông dân cấp huyện và cơ sở"), at
 * which `skip` is not true, and the districts listed by their kinds ("các huyện, thị xã, thành phố"): each counts as an
 * organ of the province, whose text it is; and the organs or units of the
 * levels below named in the plural within a level ("MTTQ các cấp trong tỉnh", "các cấp Hội trong huyện"): each counts
 * as an organ of that level. `text` is `key` before folding (a capital after "trong tỉnh" opens a name).
 */
export function wholeLevels(text: string, key: string, skip: (at: number) => boolean): Record<Level, number> {
  const out: Record<Level, number> = { province: 0, district: 0, commune: 0 };
  const g = new RegExp(DISTRICTS_LEVEL.source, "gu");
  let m: RegExpExecArray | null;
  for (let seen = 0; seen < 100 && (m = g.exec(key)); seen++) {
    if (!skip(m.index) && ORGAN_BEFORE.test(key.slice(Math.max(0, m.index - 40), m.index))) out.province++;
  }
  const k = new RegExp(DISTRICT_KINDS.source, "gu");
  for (let seen = 0; seen < 100 && (m = k.exec(key)); seen++) if (!skip(m.index)) out.province++;
  const w = new RegExp(WITHIN.source, "gu");
  for (let seen = 0; seen < 100 && (m = w.exec(key)); seen++) {
    if (skip(m.index) || /^\s*\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    if (PLURAL_WITHIN.test(key.slice(Math.max(0, m.index - 60), m.index))) out[m[2] === "tỉnh" ? "province" : "district"]++;
  }
  return out;
}

/** What may stand between two units of a list once their addresses are set aside: "xã A (huyện B), xã C", "…; xã D và xã E". */
const LIST_GAP = /^[\s(),;]*(?:và[\s,;]*)?$/u;

/**
 * Sites listed one after another, three or more units of one level ("xã A (huyện B), xã C (huyện D), phường E
 * (thành phố F)"), under two or more parents of one province: the places a province's work was done at, examples
 * of it, none the text's own. The province's level, when so, else null.
 */
export function sitesAcross(src: string, found: Mention[], idx: UnitIndex): Level | null {
  let run: Mention[] = [];
  let gap = ""; // the text between the run's last unit and the next, its addresses set aside
  const across = (): boolean => {
    if (run.length < 3 || run.some((f) => f.list[0]!.level !== "commune")) return false;
    // The province that holds all the units of the run but one at most (a name the lists hold elsewhere only), three
    // or more, and their districts, two or more.
    const held = new Map<string, Set<string>>();
    for (const f of run) {
      for (const u of f.list) {
        const p = provinceIn(idx, u)?.code ?? "";
        const parent = parentIn(idx, u);
        if (p && parent?.level === "district") (held.get(p) ?? held.set(p, new Set()).get(p)!).add(`${f.at}|${parent.code}`);
      }
    }
    return [...held.values()].some((s) => {
      const at = new Set([...s].map((k) => k.split("|")[0]));
      return at.size >= 3 && at.size >= run.length - 1 && new Set([...s].map((k) => k.split("|")[1])).size >= 2;
    });
  };
  let from = 0; // where the text since the run's last unit starts, its addresses set aside
  for (const f of found) {
    // An address, or a unit in brackets after the run's last (its district, though the lists hold its name elsewhere).
    const bracketed = run.length > 0 && /^\s*\(\s*$/u.test(src.slice(from, f.at)) && /^\s*\)/u.test(src.slice(f.end, f.end + 3));
    if (f.address || bracketed) { gap += src.slice(from, f.at); from = f.end; continue; }
    const prev = run.at(-1);
    if (prev && f.list[0]!.level === prev.list[0]!.level && LIST_GAP.test(gap + src.slice(from, f.at))) run.push(f);
    else {
      if (across()) return "province";
      run = [f];
    }
    gap = "";
    from = f.end;
  }
  return across() ? "province" : null;
}
