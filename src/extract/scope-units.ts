/**
 * Pure (reads the bundled unit lists of both structures once, cached): the unit index, names folded past
 * spelling variants, initials, headline places — the pieces scope-unit.ts reads a text's unit with (bylines: scope-byline.ts).
 */
import { readFileSync } from "node:fs";
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { type Level, type AdminUnit, type UnitIndex, type Mention } from "./scope-types.ts";

/**
 * A name folded past spelling variants: no tone or vowel marks, đ as d, no spaces or hyphens
 * ("ĐăkPơ" = "Đak Pơ", "Đakrông" = "Đa Krông"). The type word keeps its space: "xã|dakpo".
 */
export function looseKey(typeAndName: string): string {
  const k = keyOf(typeAndName);
  for (const type of TYPES_BY_LENGTH) {
    if (k.startsWith(type + " ")) return `${type}|${fold(k.slice(type.length + 1))}`;
  }
  return fold(k);
}
export const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/[\s\-'’]/g, "");
/** The type words of a district's and a commune's level. */
export const LEVEL_TYPES = { district: ["huyện", "thị xã", "thành phố", "quận"], commune: ["xã", "phường", "thị trấn"] } as const;
/** The units that `name`, written without its type word, names with one of the level's type words. */
export const unitsNamed = (idx: UnitIndex, level: keyof typeof LEVEL_TYPES, name: string): AdminUnit[] =>
  LEVEL_TYPES[level].flatMap((t) => idx.byKey.get(keyOf(`${t} ${name}`)) ?? []);
export const TYPES_BY_LENGTH = ["thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã"].map(keyOf);

/** `u`'s parent in `u`'s list (null for a province). */
export function parentIn(idx: UnitIndex, u: AdminUnit): AdminUnit | null {
  return u.parent ? idx.byCode.get(u.parent)?.find((p) => p.era === u.era) ?? null : null;
}

/** The province that holds `u` in `u`'s list (itself for a province), null when its line breaks. */
export function provinceIn(idx: UnitIndex, u: AdminUnit): AdminUnit | null {
  let p: AdminUnit | null = u;
  for (let n = 0; p && p.level !== "province" && n < 3; n++) p = parentIn(idx, p);
  return p;
}

/** True when `p` is `u`'s parent or grandparent in `u`'s list. */
export function isAncestor(idx: UnitIndex, p: AdminUnit, u: AdminUnit): boolean {
  if (p.era !== u.era) return false;
  let q: AdminUnit | null = u;
  for (let n = 0; q && q.parent && n < 3; n++) {
    if (q.parent === p.code) return true;
    q = parentIn(idx, q);
  }
  return false;
}

/** Capitals after a type word: "PRTC", "BR-VT", "HCM" (not a word in capitals followed by more letters). */
export const ACRONYM = /^([A-ZĐ]{2,5}(?:-[A-ZĐ]{1,4})?)(?![\p{L}\p{M}])/u;
let initialsByType: Map<string, AdminUnit[]> | null = null;

/** The units of `type` whose name has these initials ("PRTC": Phan Rang-Tháp Chàm), when one name has them. */
export function byInitials(type: string, initials: string): AdminUnit[] | null {
  if (!initialsByType) {
    initialsByType = new Map();
    for (const list of unitIndex().byCode.values()) {
      for (const u of list) {
        if (u.level === "commune") continue;
        const k = `${keyOf(u.type)}|${u.name.split(/[\s-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join("")}`;
        (initialsByType.get(k) ?? initialsByType.set(k, []).get(k)!).push(u);
      }
    }
  }
  const list = initialsByType.get(`${keyOf(type)}|${initials}`);
  return list && new Set(list.map((u) => u.name)).size === 1 ? list : null;
}

let cached: UnitIndex | null = null;

/** The unit lists of both structures, indexed by "type name" key (loaded once). */
export function unitIndex(): UnitIndex {
  if (cached) return cached;
  const byKey = new Map<string, AdminUnit[]>();
  const byCode = new Map<string, AdminUnit[]>();
  const byLoose = new Map<string, AdminUnit[]>();
  for (const era of [2024, 2025] as const) {
    const csv = readFileSync(new URL(`../../assets/vn-admin/units-${era}.csv`, import.meta.url), "utf8");
    for (const line of csv.split("\n").slice(1)) {
      const [code, name, , type, parent] = line.split(",");
      if (!code || !name || !type) continue;
      const level: Level = code.length === 2 ? "province" : code.length === 3 ? "district" : "commune";
      const u: AdminUnit = { code, name, type, level, parent: parent || null, era };
      const k = keyOf(`${type} ${name}`);
      (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(u);
      (byCode.get(code) ?? byCode.set(code, []).get(code)!).push(u);
      const l = looseKey(`${type} ${name}`);
      (byLoose.get(l) ?? byLoose.set(l, []).get(l)!).push(u);
    }
  }
  cached = { byKey, byCode, byLoose };
  return cached;
}

// "huyện Krông Pa", and the Party committees named after their place: "Huyện ủy Tuy Phước".
// Matched on the folded key; the name after it must start with a capital in the text.
// Abbreviated as in the news: "TP. Pleiku", "TX Buôn Hồ", and with a dot, the space optional: "TP.Hội An",
// "H. Krông Pa", "X. Ia Mlah", "P. Tân Khánh", "Q. Bình Thạnh", "TT. Phú Túc"; and glued, "TPHCM".
export const TYPE_WORDS = /(?<![\p{L}\p{M}])(?:(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|thành|thị|tp\.?|tx\.?)(?: (?:uỷ|ủy|đoàn|hội))?\s+|((?:tp|tx|tt|h|q|p|x)(?=\.)|t\.p|t\.x|tp(?=hcm(?![\p{L}\p{M}])))\.?\s*|(hu|tu|txu|tpu|tt)\s+|(q)(?=\d{1,2}(?![\d\p{L}]|\s*(?:[/.-]\s*\d|năm))))/gu;
export const COMMITTEE_TYPE: Record<string, string> = {
  thành: "thành phố", thị: "thị xã", tp: "thành phố", "tp.": "thành phố", tx: "thị xã", "tx.": "thị xã",
  tt: "thị trấn", h: "huyện", q: "quận", p: "phường", x: "xã", "t.p": "thành phố", "t.x": "thị xã",
  // The committees in capitals: "HU Krông Pa" (Huyện ủy), "TU Gia Lai", "TXU Buôn Hồ"; in capitals too,
  // "TT Phú Túc" (thị trấn) and "Q1" (quận 1, not "Q1/2024", the quarter).
  hu: "huyện", tu: "tỉnh", txu: "thị xã", tpu: "thành phố",
};
/** A one-letter abbreviation ("H.", "P.") is also a person's initial ("Ảnh: H. Long"): it needs a name of two words. */
export const ONE_LETTER = new Set(["h", "q", "p", "x"]);
/** A headline that starts with the place in capitals: "LỘC NINH: …", "KRÔNG PA – …". */
// A number closes a commune's name: "THƯỜNG PHƯỚC 1: …".
export const DATELINE = /^\s*(\p{Lu}[\p{Lu}\p{M}'’ ]{2,30}?(?: \d{1,2})?)\s*[:–-]\s/u;
/** The same dateline opening the line after the headline: "Tổng kết …\nIA PA - Sáng 10/1, …". */
export const DATELINE_NEXT = /^[^\n]{0,160}\n\s*(\p{Lu}[\p{Lu}\p{M}'’ ]{2,30}?(?: \d{1,2})?)\s*[:–-]\s/u;
/** A place in capitals alone on the first line, or on the line after the headline: "KRÔNG PA\nSáng 10/1, …". */
export const PLACE_LINE = /^(?:[^\n]{0,160}\n)?[ \t]*(\p{Lu}[\p{Lu}\p{M}'’ ]{2,30}?)[ \t]*\r?\n/u;
export const LEVEL_WORDS: Array<[Level, RegExp]> = [
  // Also the Front and the Party's mobilisation board abbreviated: "MTTQ Việt Nam xã", "BDV Huyện ủy".
  // A mass organisation's committee named by its level: "Tỉnh Hội", "Tỉnh đoàn", "Huyện hội", "Huyện đoàn", "Quận đoàn".
  ["province", rx("(?<![\\p{L}])tỉnh (hội|đoàn)(?![\\p{L}])(?! (kết|viên|thể|nghị|tụ|công tác|giám sát|kiểm tra|đại biểu))|tỉnh uỷ(?! viên)|ubnd tỉnh|hđnd tỉnh|toàn tỉnh|(mttq|mặt trận)( tổ quốc)? (việt nam )?tỉnh|ủy ban nhân dân tỉnh")],
  ["district", rx("(?<![\\p{L}])(huyện|quận|thị) (hội|đoàn)(?![\\p{L}])(?! (kết|viên|thể|nghị|tụ|công tác|giám sát|kiểm tra|đại biểu))|huyện uỷ(?! viên)|ubnd huyện|hđnd (huyện|quận|thị xã)|toàn huyện|(mttq|mặt trận)( tổ quốc)? (việt nam )?(huyện|quận|thị xã)|thị uỷ|quận uỷ|ủy ban nhân dân huyện|huyện nhà|ubnd (quận|thị xã)|(ubnd|hđnd|mttq( việt nam)?) ((h|q|tx)\\. ?\\p{L}|q\\.? ?\\d)")],
  // "toàn xã", but not "trật tự an toàn xã hội".
  // Also the type abbreviated after the organ: "Đảng ủy P. Tân Phú", "UBND X. Ia Mlah".
  ["commune", rx("đảng uỷ (xã|phường|thị trấn)|ubnd (xã|phường|thị trấn)|hđnd xã|toàn xã(?! hội)|ủy ban nhân dân (xã|phường)|(mttq|mặt trận)( tổ quốc)? (việt nam )?(xã|phường|thị trấn)(?! hội)|(đảng uỷ|ubnd|hđnd|mttq( việt nam)?) (p|x|tt)\\. ?\\p{L}")],
];
export const CITY_WORDS = rx("thành uỷ|ubnd (thành phố|tp\\.? ?(?=\\p{L}))|hđnd thành phố|toàn thành phố|uỷ ban nhân dân thành phố|mttq (việt nam )?thành phố|cấp thành phố");
/**
 * An organ of the level itself, with no place after it: "Hội nông dân huyện đã…", "UBND tỉnh chỉ
 * đạo…", "thị xã" (weaker evidence than the organs above). Not "các huyện", "xã hội", the "xã" of "thị xã".
 */
// A town's or an urban district's own, as a district's: "đề nghị thị xã tiếp tục …", "UBND quận chỉ đạo".
export const BARE_LEVEL = /(?<![\p{L}\p{M}])(tỉnh|huyện|thị xã|quận|xã)(?![\p{L}\p{M}])(?! hội| uỷ| ủy)/gu;
export const BARE_LEVEL_OF: Record<string, Level> = { tỉnh: "province", huyện: "district", "thị xã": "district", quận: "district", xã: "commune" };
// Also after another level's kind in a list: "Hội Nông dân quận, huyện", "cấp tỉnh, huyện" name levels, not an organ.
export const NOT_BARE_BEFORE = /(?:^|[^\p{L}\p{M}])(các|những|mỗi|từng|số|thị|toàn|cấp|giữa|ngoài|trong|và|\d+|(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn)\s*,)\s*$/u;

/** The first of a list of the kinds of units ("Hội Nông dân quận, huyện"): levels named, not an organ. */
const KINDS_AFTER = /^\s*,\s*(?:tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn)(?![\p{L}\p{M}])/u;

/** The level a text's figures are counted at: "toàn tỉnh", "toàn huyện", "toàn xã" (not "an toàn xã hội"). */
const COUNTED_AT: Array<[Level, RegExp]> = [
  ["province", rx("toàn tỉnh")], ["district", rx("toàn (huyện|quận|thị xã)")], ["commune", rx("toàn (xã|phường|thị trấn)(?! hội)")],
];

/** The level below `level` that the text counts its figures at ("Toàn huyện đã xây dựng…"), when it counts none at `level`. */
export function countedLevel(key: string, level: Level): Level | null {
  const at = COUNTED_AT.findIndex(([lv]) => lv === level);
  if (at < 0 || COUNTED_AT[at]![1].test(key)) return null;
  return COUNTED_AT.slice(at + 1).find(([, re]) => re.test(key))?.[0] ?? null;
}

/** The matches of `re` in `s` (up to `limit`), but those at which `skip` is true. */
export function countMatches(re: RegExp, s: string, limit = 200, skip?: (at: number) => boolean): number {
  const g = new RegExp(re.source, "gu");
  let n = 0;
  let m: RegExpExecArray | null;
  for (let seen = 0; seen < limit && (m = g.exec(s)); seen++) if (!skip?.(m.index)) n++;
  return n;
}

let provinces: Array<{ name: string; units: AdminUnit[] }> | null = null;
/** Provinces of both structures by bare name ("Lạng Sơn"), for texts that omit "tỉnh". */
export function provinceNames(): Array<{ name: string; units: AdminUnit[] }> {
  if (provinces) return provinces;
  const byName = new Map<string, AdminUnit[]>();
  for (const list of unitIndex().byCode.values()) {
    for (const u of list) if (u.level === "province") (byName.get(u.name) ?? byName.set(u.name, []).get(u.name)!).push(u);
  }
  provinces = [...byName.entries()].map(([name, units]) => ({ name, units }));
  return provinces;
}

/** The province of a bare name as a text writes it ("Gia Lai", "Bà Rịa-Vũng Tàu"), or undefined. */
export function provinceNamed(name: string): { name: string; units: AdminUnit[] } | undefined {
  const k = keyOf(name.replace(/\s*-\s*/g, " - "));
  return provinceNames().find((p) => keyOf(p.name) === k);
}

/** The province whose name, folded to an address's letters ("baria-vungtau" → "bariavungtau"), is `label`. */
export function provinceOfAddress(label: string): { name: string; units: AdminUnit[] } | undefined {
  const name = fold(label.toLowerCase());
  return provinceNames().find((p) => fold(keyOf(p.name)) === name);
}

/**
 * Provinces the lists hold under the name and type they took later: before the year given, the unit bore the name
 * written here (Thừa Thiên Huế became thành phố Huế, a centrally-run city, on 1 January 2025).
 */
export const FORMER_PROVINCES: Record<string, { until: number; label: string }> = { "46": { until: 2025, label: "tỉnh Thừa Thiên Huế" } };

/**
 * A headline that opens with a place name: up to four capitalised words (a dash may join two: "Bà Rịa-Vũng Tàu"), and a
 * number closing a commune's name ("Thường Phước 1:"), then ":" or a word in lower case; a year may stand before the colon
 * ("Krông Pa 2024: …").
 */
// A name's syllables may be glued into one word: "CưMgar:", "ĐắkLắk:" (read without spaces, see `place`).
export const TITLE_PLACE = /^\s*(\p{Lu}[\p{Ll}\p{M}'’]*(?:\p{Lu}[\p{Ll}\p{M}'’]+)*(?:(?: |[–-])\p{Lu}[\p{Ll}\p{M}'’]*){0,3}(?: \d{1,2}(?![\d.,/]))?)(?=(?:\s+(?:19|20)\d\d(?!\d))?\s*[:–-]\s|\s+\p{Ll})/u;

/** Organs of each level named without a place ("Hội nông dân huyện đã…"), counted on the text. */
export function bareLevelCounts(text: string, key: string, skip?: (at: number) => boolean): Record<Level, number> {
  return bareLevelCountsBy(text, key, [skip])[0]!;
}

/**
 * The same counts for each of `skips` in one pass over the text: the i-th record counts the organs at which
 * `skips[i]` is not true (undefined: all of them).
 */
export function bareLevelCountsBy(text: string, key: string, skips: Array<((at: number) => boolean) | undefined>): Array<Record<Level, number>> {
  const counts = skips.map((): Record<Level, number> => ({ province: 0, district: 0, commune: 0 }));
  const g = new RegExp(BARE_LEVEL.source, "gu");
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = g.exec(key)) && n++ < 500) {
    const after = /^\s*(\S)/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    if (after && /\p{Lu}|\d/u.test(after[1]!)) continue; // "huyện Krông Pa": a named place, counted elsewhere
    if (NOT_BARE_BEFORE.test(key.slice(Math.max(0, m.index - 12), m.index))) continue;
    if (KINDS_AFTER.test(key.slice(m.index + m[0].length, m.index + m[0].length + 14))) continue;
    const level = BARE_LEVEL_OF[m[1]!]!;
    for (const [i, skip] of skips.entries()) if (!skip?.(m.index)) counts[i]![level]++;
  }
  return counts;
}

// The code before a dash ("LSO-", "(GLO) -"), or in parentheses before the lead's first word without one: "(VLO) Đó là…".
/** The level a unit's type word names ("tỉnh Đắk Nông" → province; "xã Sơn Thọ" → commune). */
export function levelOfType(typeAndName: string): Level {
  if (typeAndName.startsWith("tỉnh")) return "province";
  return /^(xã|phường|thị trấn)\s/.test(typeAndName) ? "commune" : "district";
}

/** How `u` is written in the output: "huyện Krông Pa", "tỉnh Lạng Sơn". */
export const label = (u: AdminUnit) => `${u.type} ${u.name}`;

/** A cooperative's name: the words after "Hợp tác xã"/"HTX", to the end of the clause. */
const COOPERATIVE = /(?<![\p{L}\p{M}])(?:Hợp tác xã|HTX)\s+([^,.;:()\n\d]{1,80})/gu;

/**
 * Communes named only at the end of a cooperative's name after the words of its trade: "HTX Nông nghiệp dịch vụ
 * Ia Pết có 45 thành viên" names xã Ia Pết ("Hợp tác xã Kon Thụp" is read with the other mentions). The name is
 * looked for in the runs of capitalised words among its first eight words.
 */
export function cooperativeCommunes(src: string, weightAt: (at: number) => number): Mention[] {
  const idx = unitIndex();
  const out: Mention[] = [];
  for (const m of src.matchAll(COOPERATIVE)) {
    const words = m[1]!.split(/\s+/).filter(Boolean).slice(0, 8);
    const runs: string[][] = [];
    for (const [i, w] of words.entries()) {
      if (!/^\p{Lu}/u.test(w)) continue;
      // The first word is the trade's ("Nông nghiệp") or starts a name read with the other mentions.
      if (i === 0) continue;
      if (i > 1 && /^\p{Lu}/u.test(words[i - 1]!)) runs[runs.length - 1]!.push(w);
      else runs.push([w]);
    }
    let hit: Mention | null = null;
    for (const run of runs) {
      for (let n = Math.min(3, run.length); n >= 1 && !hit; n--) {
        const name = run.slice(run.length - n).join(" ");
        // A name a district or a province also bears ("HTX … Mang Yang", "… Hòa Bình") does not say which.
        if (["huyện", "thị xã", "thành phố", "quận", "tỉnh"].some((t) => idx.byKey.has(keyOf(`${t} ${name}`)))) break;
        const list = unitsNamed(idx, "commune", name);
        const at = src.indexOf(name, m.index);
        if (list.length && at >= 0) hit = { at, end: at + name.length, key: keyOf(`${list[0]!.type} ${list[0]!.name}`), list, weight: weightAt(m.index) };
      }
      if (hit) break;
    }
    if (hit) out.push(hit);
    if (out.length >= 20) break;
  }
  return out;
}

/** The kinds of district, by the organs and words that name them. */
const DISTRICT_KINDS: Array<[string, RegExp]> = [
  ["thị xã", rx("thị uỷ|thị xã")], ["quận", rx("quận uỷ|(?<![\\p{L}])quận(?![\\p{L}])")],
  ["huyện", rx("huyện uỷ|(?<![\\p{L}])huyện(?![\\p{L}])")], ["thành phố", rx("thành uỷ|thành phố")],
];

/** The one district of the only kind the text names ("thị xã") among the districts of `communes`, else null. */
export function townOfKind(key: string, communes: AdminUnit[], parentOf: (u: AdminUnit) => AdminUnit | null): AdminUnit | null {
  const kinds = DISTRICT_KINDS.filter(([, re]) => re.test(key));
  if (kinds.length !== 1) return null;
  const towns = new Map<string, AdminUnit>();
  for (const c of communes) {
    const p = parentOf(c);
    if (p && p.level === "district" && p.type === kinds[0]![0]) towns.set(p.name, p);
  }
  return towns.size === 1 ? [...towns.values()][0]! : null;
}

/** The city of a province that bears the province's name ("tỉnh Bạc Liêu" → "thành phố Bạc Liêu"), in its structure, else null. */
export function namesakeCity(idx: UnitIndex, province: AdminUnit): AdminUnit | null {
  if (province.level !== "province") return null;
  return idx.byKey.get(keyOf(`thành phố ${province.name}`))?.find((u) => u.level === "district" && u.parent === province.code && u.era === province.era) ?? null;
}
