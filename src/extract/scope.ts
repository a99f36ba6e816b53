/**
 * Pure (reads the bundled unit lists once, cached): the scope of a report — the unit it reports
 * on, its level, the period its figures cover and the kind of text. Units are matched against
 * the lists of BOTH the 2024 (3-level) and the 2025 (2-level) structure, because old reports name
 * districts that no longer exist. When the unit itself is not named, it is inferred from the
 * places the text names (communes of one district → that district).
 */
import { readFileSync } from "node:fs";
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import type { ExtractHints } from "./extract.ts";

export type ReportKind = "tong_ket" | "so_ket" | "news";
export type Level = "province" | "district" | "commune";

export interface Scope {
  /** Type + name as people write it: "huyện Krông Pa". */
  unit: string | null;
  /** GSO code of the unit (read with the period's date: 2024 list before 1/7/2025). */
  unitCode: string | null;
  level: Level | null;
  period: string | null;
  kind: ReportKind | null;
}

interface AdminUnit {
  code: string;
  name: string;
  type: string;
  level: Level;
  parent: string | null;
  /** 2024 = the 3-level structure (to 30/6/2025), 2025 = the 2-level one. */
  era: 2024 | 2025;
}

interface UnitIndex {
  byKey: Map<string, AdminUnit[]>;
  byCode: Map<string, AdminUnit[]>;
  /** By "type name" folded further (see looseKey): a fallback for names written otherwise. */
  byLoose: Map<string, AdminUnit[]>;
}

/** A unit named in the text: where, by which key, the units that may be meant, its weight. */
interface Mention {
  at: number;
  end: number;
  key: string;
  list: AdminUnit[];
  weight: number;
  /** Written as the address of the unit named just before ("xã A, huyện B"): B is not reported on. */
  address?: boolean;
}

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
const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/[\s\-'’]/g, "");
const TYPES_BY_LENGTH = ["thành phố", "thị trấn", "thị xã", "đặc khu", "phường", "huyện", "quận", "tỉnh", "xã"].map(keyOf);

/** True when `p` is `u`'s parent or grandparent in `u`'s list. */
function isAncestor(idx: UnitIndex, p: AdminUnit, u: AdminUnit): boolean {
  if (p.era !== u.era) return false;
  let q: AdminUnit | undefined = u;
  for (let n = 0; q && q.parent && n < 3; n++) {
    if (q.parent === p.code) return true;
    q = idx.byCode.get(q.parent)?.find((x) => x.era === u.era);
  }
  return false;
}

/** Capitals after a type word: "PRTC", "BR-VT", "HCM" (not a word in capitals followed by more letters). */
const ACRONYM = /^([A-ZĐ]{2,5}(?:-[A-ZĐ]{1,4})?)(?![\p{L}\p{M}])/u;
let initialsByType: Map<string, AdminUnit[]> | null = null;

/** The units of `type` whose name has these initials ("PRTC": Phan Rang-Tháp Chàm), when one name has them. */
function byInitials(type: string, initials: string): AdminUnit[] | null {
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
function unitIndex(): UnitIndex {
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
// "H. Krông Pa", "X. Ia Mlah", "P. Tân Khánh", "Q. Bình Thạnh", "TT. Phú Túc".
const TYPE_WORDS = /(?<![\p{L}\p{M}])(?:(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|thành|thị|tp\.?|tx\.?)(?: (?:uỷ|ủy|đoàn|hội))?\s+|(tp|tx|tt|h|q|p|x)\.\s*|(hu|tu|txu|tpu)\s+)/gu;
const COMMITTEE_TYPE: Record<string, string> = {
  thành: "thành phố", thị: "thị xã", tp: "thành phố", "tp.": "thành phố", tx: "thị xã", "tx.": "thị xã",
  tt: "thị trấn", h: "huyện", q: "quận", p: "phường", x: "xã",
  // The committees in capitals: "HU Krông Pa" (Huyện ủy), "TU Gia Lai", "TXU Buôn Hồ".
  hu: "huyện", tu: "tỉnh", txu: "thị xã", tpu: "thành phố",
};
/** A one-letter abbreviation ("H.", "P.") is also a person's initial ("Ảnh: H. Long"): it needs a name of two words. */
const ONE_LETTER = new Set(["h", "q", "p", "x"]);
/** A headline that starts with the place in capitals: "LỘC NINH: …", "KRÔNG PA – …". */
const DATELINE = /^\s*(\p{Lu}[\p{Lu}\p{M}'’ ]{2,30}?)\s*[:–-]\s/u;
const LEVEL_WORDS: Array<[Level, RegExp]> = [
  // Also the Front and the Party's mobilisation board abbreviated: "MTTQ Việt Nam xã", "BDV Huyện ủy".
  ["province", rx("tỉnh uỷ|ubnd tỉnh|hđnd tỉnh|toàn tỉnh|cấp tỉnh|mttq (việt nam )?tỉnh|ủy ban nhân dân tỉnh")],
  ["district", rx("huyện uỷ|ubnd huyện|hđnd huyện|toàn huyện|cấp huyện|mttq (việt nam )?(huyện|quận|thị xã)|thị uỷ|quận uỷ|ủy ban nhân dân huyện|huyện nhà|ubnd (quận|thị xã)")],
  // "toàn xã", but not "trật tự an toàn xã hội".
  ["commune", rx("đảng uỷ (xã|phường|thị trấn)|ubnd (xã|phường|thị trấn)|hđnd xã|toàn xã(?! hội)|ủy ban nhân dân (xã|phường)|mttq (việt nam )?(xã|phường|thị trấn)(?! hội)")],
];
const CITY_WORDS = rx("thành uỷ|ubnd thành phố|hđnd thành phố|toàn thành phố|uỷ ban nhân dân thành phố|mttq (việt nam )?thành phố|cấp thành phố");
/**
 * An organ of the level itself, with no place after it: "Hội nông dân huyện đã…", "UBND tỉnh chỉ
 * đạo…" (weaker evidence than the organs above). Not "các huyện", "xã hội", "thị xã".
 */
const BARE_LEVEL = /(?<![\p{L}\p{M}])(tỉnh|huyện|xã)(?![\p{L}\p{M}])(?! hội| uỷ| ủy)/gu;
const BARE_LEVEL_OF: Record<string, Level> = { tỉnh: "province", huyện: "district", xã: "commune" };
const NOT_BARE_BEFORE = /(?:^|[^\p{L}\p{M}])(các|những|mỗi|từng|số|thị|toàn|cấp|giữa|ngoài|trong|và|\d+)\s*$/u;

function countMatches(re: RegExp, s: string, limit = 200): number {
  const g = new RegExp(re.source, "gu");
  let n = 0;
  while (n < limit && g.exec(s)) n++;
  return n;
}

let provinces: Array<{ name: string; units: AdminUnit[] }> | null = null;
/** Provinces of both structures by bare name ("Lạng Sơn"), for texts that omit "tỉnh". */
function provinceNames(): Array<{ name: string; units: AdminUnit[] }> {
  if (provinces) return provinces;
  const byName = new Map<string, AdminUnit[]>();
  for (const list of unitIndex().byCode.values()) {
    for (const u of list) if (u.level === "province") (byName.get(u.name) ?? byName.set(u.name, []).get(u.name)!).push(u);
  }
  provinces = [...byName.entries()].map(([name, units]) => ({ name, units }));
  return provinces;
}

/** A headline that opens with a place name: up to three capitalised words, then ":" or a word in lower case. */
const TITLE_PLACE = /^\s*(\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,2})(?=\s*[:–-]\s|\s+\p{Ll})/u;

/** Organs of each level named without a place ("Hội nông dân huyện đã…"), counted on the text. */
function bareLevelCounts(text: string, key: string): Record<Level, number> {
  const counts: Record<Level, number> = { province: 0, district: 0, commune: 0 };
  const g = new RegExp(BARE_LEVEL.source, "gu");
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = g.exec(key)) && n++ < 500) {
    const after = /^\s*(\S)/u.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    if (after && /\p{Lu}|\d/u.test(after[1]!)) continue; // "huyện Krông Pa": a named place, counted elsewhere
    if (NOT_BARE_BEFORE.test(key.slice(Math.max(0, m.index - 12), m.index))) continue;
    counts[BARE_LEVEL_OF[m[1]!]!]++;
  }
  return counts;
}

const BYLINE = /(?:^|[\n(])\s*([A-ZĐ]{2,6})\)?\s*[-–—]\s*\S/gu;
const BYLINE_SUFFIX = ["ĐT", "TV", "O", ""];
let initials: Map<string, AdminUnit[]> | null = null;

/** The provinces a byline code names, when the code names exactly one. */
function bylineUnits(head: string): AdminUnit[] {
  if (!initials) {
    initials = new Map();
    for (const p of provinceNames()) {
      const k = p.name.split(/[\s-]+/).map((w) => w[0]!.toUpperCase()).join("");
      (initials.get(k) ?? initials.set(k, []).get(k)!).push(...p.units);
    }
  }
  const out: AdminUnit[] = [];
  if (/(?<![\p{L}])T[Pp]\.?\s?HCM(?![\p{L}])/u.test(head)) out.push(...(initials.get("HCM") ?? provinceNames().find((p) => p.name === "Hồ Chí Minh")?.units ?? []));
  for (const m of head.matchAll(BYLINE)) {
    const code = m[1]!;
    for (const suffix of BYLINE_SUFFIX) {
      if (!suffix || !code.endsWith(suffix)) continue;
      const list = initials.get(code.slice(0, code.length - suffix.length));
      const names = new Set(list?.map((u) => u.name));
      if (list && names.size === 1) { out.push(...list); break; }
    }
  }
  return out;
}

const HEADLINE_AT = /(?<![\p{L}\p{M}])(?:ở|tại) (\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,2})/gu;

/** A place in parentheses in the byline at the end: "Tin, ảnh: Hồng Nhung (Ia Pa)", "LAN ANH (Chợ Mới)". */
const TRAILER_PLACE = /\((\p{Lu}[\p{Ll}\p{M}'’]*(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]*){0,3})(?:,\s*(\p{Lu}[\p{Ll}\p{M}'’]*(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]*){0,3}))?\)\s*$/u;
/** A headline that opens with a commune and its district: "Ia Sao (Ia Grai): …". */
const TITLE_PAIR = /^\s*(\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3})\s*\((\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3})\)\s*[:–-]/u;

/** The communes named `a` whose district (or town, city) is named `b`, both without their type word. */
function communeIn(a: string, b: string, idx: UnitIndex): AdminUnit[] {
  const districts = ["huyện", "thị xã", "thành phố", "quận"].flatMap((t) => idx.byKey.get(`${t} ${keyOf(b)}`) ?? []);
  if (!districts.length) return [];
  return ["xã", "phường", "thị trấn"].flatMap((t) => idx.byKey.get(`${t} ${keyOf(a)}`) ?? [])
    .filter((u) => districts.some((d) => isAncestor(idx, d, u)));
}

/** The districts (or towns, cities) a closing byline names in parentheses, without their type word. */
function bylinePlace(src: string, idx: UnitIndex): AdminUnit[] {
  const lines = src.slice(-300).split("\n").map((l) => l.trim()).filter(Boolean).slice(-2);
  for (const line of lines.reverse()) {
    if (line.length > 80) continue;
    const m = TRAILER_PLACE.exec(line);
    if (!m) continue;
    // "PV (Ia Sao, Ia Grai)": a commune and its district.
    if (m[2]) {
      const pair = communeIn(m[1]!, m[2], idx);
      if (pair.length) return pair;
    }
    const name = keyOf(m[1]!);
    const out: AdminUnit[] = [];
    for (const t of ["huyện", "thị xã", "thành phố", "quận"]) out.push(...(idx.byKey.get(`${t} ${name}`) ?? []));
    if (out.length) return out;
  }
  return [];
}

/** The level a unit's type word names ("tỉnh Đắk Nông" → province; "xã Sơn Thọ" → commune). */
function levelOfType(typeAndName: string): Level {
  if (typeAndName.startsWith("tỉnh")) return "province";
  return /^(xã|phường|thị trấn)\s/.test(typeAndName) ? "commune" : "district";
}

/** How `u` is written in the output: "huyện Krông Pa", "tỉnh Lạng Sơn". */
const label = (u: AdminUnit) => `${u.type} ${u.name}`;

/** The unit the text reports on (see the module comment), with its level. */
function detectUnit(text: string, key: string, era: 2024 | 2025): { unit: AdminUnit | null; level: Level | null; named?: string } {
  const idx = unitIndex();
  // The level the text speaks from: the organs it names (Huyện ủy, UBND tỉnh…).
  const head = key.length > 200_000 ? key.slice(0, 200_000) : key;
  let level: Level | null = null;
  let best = 0;
  const bare = bareLevelCounts(text.length > 200_000 ? text.slice(0, 200_000) : text, head);
  for (const [lv, re] of LEVEL_WORDS) {
    const n = countMatches(re, head) + bare[lv] / 2;
    if (n > best) { best = n; level = lv; }
  }
  // "Thành ủy", "UBND thành phố", "toàn thành phố": a city speaks, whose level is the city's own (a
  // district, or a province for Hà Nội, Đà Nẵng…); it is read once the city named is known.
  const citySpeaks = countMatches(CITY_WORDS, head) > best;
  const direct = new Map<AdminUnit, number>();
  // The name each unit was found by, and the names that several provinces hold ("xã Hồng Thái").
  const nameOf = new Map<AdminUnit, string>();
  const ambiguous = new Set<string>();
  const provinceOf = (u: AdminUnit): string => {
    let p: AdminUnit | null = u;
    for (let n = 0; p && p.level !== "province" && n < 3; n++) p = p.parent ? idx.byCode.get(p.parent)?.find((q) => q.era === u.era) ?? null : null;
    return p?.code ?? u.code;
  };
  const note = (k: string, list: AdminUnit[]) => {
    for (const u of list) nameOf.set(u, k);
    for (const e of [2024, 2025]) if (new Set(list.filter((u) => u.era === e).map(provinceOf)).size > 1) ambiguous.add(k);
  };
  const unknown = new Map<string, number>();
  const TYPE = new RegExp(TYPE_WORDS.source, "gu");
  const src = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const srcKey = key.length > 200_000 ? key.slice(0, 200_000) : key;
  // Every unit named, in order: [at, end) covers the type word and the name.
  const found: Mention[] = [];
  const weightAt = (at: number) => (at < 400 ? 3 : 1);
  let m: RegExpExecArray | null;
  while ((m = TYPE.exec(srcKey)) && found.length < 500) {
    const raw = (m[1] ?? m[2] ?? m[3])!;
    // "HU", "TU": only in capitals (a committee's abbreviation).
    if (m[3] && (src.slice(m.index, m.index + raw.length) !== raw.toUpperCase())) continue;
    const nameStart = m.index + m[0].length;
    // A district named by its number: "Quận 10", "Q.3".
    if ((COMMITTEE_TYPE[raw] ?? raw) === "quận" && /\d/.test(src[nameStart] ?? "")) {
      const num = /^\d{1,2}(?!\d|[.,/]\d)/.exec(src.slice(nameStart, nameStart + 4));
      const k = num ? keyOf(`quận ${num[0]}`) : "";
      const list = num ? idx.byKey.get(k) : undefined;
      if (list) found.push({ at: m.index, end: nameStart + num![0].length, key: k, list, weight: weightAt(m.index) });
      continue;
    }
    if (!/\p{Lu}/u.test(src[nameStart] ?? "")) continue;
    if ((raw === "thành" || raw === "thị") && !/ (uỷ|ủy)/.test(m[0])) continue;
    const type = COMMITTEE_TYPE[raw] ?? raw;
    // A unit written by its initials: "Thành phố PRTC", "tỉnh BR-VT".
    const acro = ACRONYM.exec(src.slice(nameStart, nameStart + 16));
    // A name in capitals that is no unit's initials is read as a name ("ĐẢNG UỶ XÃ VINH HÀ").
    const initials = acro ? byInitials(type, acro[1]!.replace(/-/g, "")) : null;
    if (acro && initials) {
      found.push({ at: m.index, end: nameStart + acro[0].length, key: keyOf(`${type} ${initials[0]!.name}`), list: initials, weight: weightAt(m.index) });
      continue;
    }
    // Up to four words, the first capitalised: try the longest name that is a unit. The words
    // after the first may be in lower case ("huyện Đô lương", typed so).
    const words = /^(\p{Lu}[\p{L}\p{M}'’]*)(?:[ -]([\p{L}\p{M}'’]+))?(?:[ -]([\p{L}\p{M}'’]+))?(?:[ -]([\p{L}\p{M}'’]+))?/u.exec(src.slice(nameStart, nameStart + 60));
    if (!words) continue;
    const parts = words.slice(1).filter((w): w is string => !!w);
    const pieces = words[0].split(/([ -])/);
    const least = m[2] && ONE_LETTER.has(raw) ? 2 : 1;
    let hit: Mention | null = null;
    // Exactly as listed first; then written together or without some marks ("xã ĐăkPơ", "huyện Đakrông").
    for (const fold of [keyOf, looseKey]) {
      const index = fold === keyOf ? idx.byKey : idx.byLoose;
      for (let n = parts.length; n >= least && !hit; n--) {
        const k = fold(`${type} ${parts.slice(0, n).join(" ")}`);
        const list = index.get(k);
        if (list) hit = { at: m.index, end: nameStart + pieces.slice(0, 2 * n - 1).join("").length, key: keyOf(`${type} ${list[0]!.name}`), list, weight: weightAt(m.index) };
      }
      if (hit) break;
    }
    if (hit) { found.push(hit); continue; }
    if (least === 1) {
      // A unit the lists do not hold (a district merged before 2025: "huyện Đất Đỏ", a commune merged
      // before that): kept in case the text names no other.
      let n = 0;
      while (n < parts.length && /^\p{Lu}/u.test(parts[n]!)) n++;
      const name = parts.slice(0, n).join(" ");
      const k = `${type} ${name}`;
      unknown.set(k, (unknown.get(k) ?? 0) + weightAt(m.index));
    }
  }
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
  // The same name elsewhere in the text is the same unit.
  const settled = new Map<string, AdminUnit[]>();
  for (const f of found) if (f.list.length === 1) settled.set(f.key, f.list);
  for (const f of found) {
    const list = settled.get(f.key) ?? f.list;
    note(f.key, list);
    if (f.address) continue;
    for (const u of list) direct.set(u, (direct.get(u) ?? 0) + f.weight / list.length);
  }
  // A dateline in capitals names the place the news is about (province or district).
  const dl = DATELINE.exec(src.slice(0, 200));
  if (dl) {
    const name = keyOf(dl[1]!.trim());
    for (const t of ["huyện", "thị xã", "thành phố", "quận", "tỉnh"]) {
      const list = idx.byKey.get(`${t} ${name}`);
      if (list) for (const u of list) direct.set(u, (direct.get(u) ?? 0) + 3 / list.length);
    }
  }
  // A headline that opens with a district or province name in ordinary case: "Chợ Đồn: Công nhận…",
  // "Thới Bình tổng kết 7 năm…".
  const title = TITLE_PLACE.exec(src.slice(0, 120));
  if (title && !dl) {
    const parts = title[1]!.split(" ");
    for (let n = parts.length; n >= 1; n--) {
      const name = keyOf(parts.slice(0, n).join(" "));
      let hit = false;
      for (const t of ["huyện", "thị xã", "thành phố", "quận", "tỉnh"]) {
        const list = idx.byKey.get(`${t} ${name}`)?.filter((u) => u.level !== "commune");
        if (list?.length) { hit = true; for (const u of list) direct.set(u, (direct.get(u) ?? 0) + 3 / list.length); }
      }
      if (hit) break;
    }
  }
  // "Ia Sao (Ia Grai): …": a headline that opens with a commune and its district.
  const pair = TITLE_PAIR.exec(src.slice(0, 160).split("\n")[0]!);
  if (pair) {
    const list = communeIn(pair[1]!, pair[2]!, idx);
    for (const u of list) direct.set(u, (direct.get(u) ?? 0) + 3 / list.length);
  }
  // A headline that names the place after "ở"/"tại", at the level the text speaks from: "Dân vận khéo ở Ia Pa: …",
  // "Sôi nổi phong trào … tại Chư Sê" (a venue of another level is not the unit: "Hội nghị tại Hà Nội").
  const firstLine = src.slice(0, 160).split("\n")[0]!;
  for (const at of firstLine.matchAll(HEADLINE_AT)) {
    const parts = at[1]!.split(" ");
    for (let n = parts.length; n >= 1; n--) {
      const name = keyOf(parts.slice(0, n).join(" "));
      const list = ["huyện", "thị xã", "thành phố", "quận", "tỉnh"].flatMap((t) => idx.byKey.get(`${t} ${name}`) ?? []).filter((u) => u.level === level);
      if (list.length) { for (const u of list) direct.set(u, (direct.get(u) ?? 0) + 3 / list.length); break; }
    }
  }
  // A newspaper's byline code names its province: "LSO-", "(GLO)-", "BPO –" (initials + O for online,
  // ĐT for điện tử, TV); "TP.HCM" is Hồ Chí Minh City.
  // The code names the newspaper, not the unit: alone, it answers only for a text that speaks from a province
  // (a district's news in Báo Gia Lai is not about the province); beside a unit named, it settles which one.
  const trailer = bylinePlace(src, idx);
  for (const u of trailer) direct.set(u, (direct.get(u) ?? 0) + 3 / trailer.length);
  if (direct.size > 0 || level === "province" || level === null) {
    for (const u of bylineUnits(src.slice(0, 800))) direct.set(u, (direct.get(u) ?? 0) + 3);
  }
  if (citySpeaks) {
    let top: AdminUnit | null = null;
    for (const [u, w] of direct) if (u.type === "thành phố" && (!top || w > direct.get(top)!)) top = u;
    if (top) level = top.level;
  }
  if (direct.size === 0 && (level === "province" || level === null)) {
    // A provincial text often names its province without "tỉnh": "Ban Dân vận Tỉnh ủy Lạng Sơn", "Bình Phước".
    for (const p of provinceNames()) {
      let n = 0;
      for (let at = src.indexOf(p.name); at >= 0 && n < 50; at = src.indexOf(p.name, at + 1)) {
        const after = src.charCodeAt(at + p.name.length);
        if (!/[\p{L}\p{M}]/u.test(String.fromCharCode(after || 32)) && !/[\p{L}\p{M}]/u.test(src[at - 1] ?? " ")) n++;
      }
      if (n > 0) for (const u of p.units) direct.set(u, (direct.get(u) ?? 0) + n);
    }
  }
  if (direct.size === 0) {
    let top: string | null = null;
    let topScore = 1;
    for (const [k, v] of unknown) {
      const lv = levelOfType(k);
      // A commune the lists do not hold counts only in a text that speaks from a commune.
      if (v > topScore && (lv !== "commune" || level === "commune")) { top = k; topScore = v; }
    }
    return top ? { unit: null, level: levelOfType(top), named: top } : { unit: null, level };
  }
  // Votes for ancestors: communes of one district name that district.
  const votes = new Map<AdminUnit, number>();
  const parentOf = (u: AdminUnit) => (u.parent ? idx.byCode.get(u.parent)?.find((p) => p.era === u.era) ?? null : null);
  // An ancestor is firmly named when a name that only one province holds points to it, or two names do.
  const support = new Map<AdminUnit, Set<string>>();
  const firm = new Set<AdminUnit>();
  for (const [u, w] of direct) {
    votes.set(u, (votes.get(u) ?? 0) + w * 2);
    firm.add(u);
    const k = nameOf.get(u) ?? "";
    for (let p = parentOf(u); p; p = parentOf(p)) {
      votes.set(p, (votes.get(p) ?? 0) + w);
      if (!ambiguous.has(k)) firm.add(p);
      const names = support.get(p) ?? support.set(p, new Set()).get(p)!;
      names.add(k);
      if (names.size > 1) firm.add(p);
    }
  }
  const eraBonus = (u: AdminUnit) => (u.era === era ? 0.01 : 0);
  const pick = (pred: (u: AdminUnit) => boolean) => {
    let top: AdminUnit | null = null;
    let topScore = 0;
    for (const [u, v] of votes) {
      if (!pred(u)) continue;
      const s = v + eraBonus(u);
      if (s > topScore) { top = u; topScore = s; }
    }
    return top;
  };
  if (!level) {
    // No organ named: the most named unit decides.
    const top = pick(() => true);
    return { unit: top, level: top?.level ?? null };
  }
  // None at the level the organs speak from: the most named unit all the same. A province or district
  // guessed only from a name several provinces hold is no answer: the unit named is ("xã Hồng Thái").
  let atLevel = pick((u) => u.level === level && firm.has(u)) ?? pick((u) => firm.has(u)) ?? pick(() => true);
  if (atLevel && ambiguous.has(nameOf.get(atLevel) ?? "") && direct.has(atLevel)) return { unit: null, level: atLevel.level, named: label(atLevel) };
  return { unit: atLevel, level: atLevel?.level ?? level };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
const PERIOD = rx(
  // "quý", and "quí" in the older spelling.
  "\\bqu(?:ý|í) (iv|iii|ii|i|1|2|3|4)\\b(?:\\s*(?:/|năm|-|–)\\s*(\\d{4}))?" +
    // "6 tháng đầu năm", "6 tháng/2024", "6 tháng qua", but not "sau 6 tháng triển khai".
    "|\\b(6|sáu) tháng(?=\\s*(?:đầu|cuối|năm|qua|\\d|[,.;:)/–-]|$)) ?(đầu|cuối)? ?(?:năm)?\\s*(\\d{4})?" +
    "|\\b(9|chín) tháng(?=\\s*(?:đầu|năm|qua|\\d|[,.;:)/–-]|$)) ?(?:đầu )?(?:năm)?\\s*(\\d{4})?" +
    "|\\bnăm (\\d{4})(?!\\s*[-–]\\s*\\d{4})" +
    "|\\btháng (\\d{1,2})\\s*(?:/|năm|-)\\s*(\\d{4})",
);
const MULTI_YEAR = rx("\\b(tổng kết|sơ kết|nhìn lại|qua|sau) \\d+ năm|\\d+ năm thực hiện|giai đoạn \\d{4}|nhiệm kỳ \\d{4}|\\d{4}\\s*[-–]\\s*\\d{4}");
const YTD = rx("từ đầu năm (đến|tới) nay|kể từ đầu năm|từ đầu năm \\d{4} (đến|tới) nay");
const FUTURE = rx("nhiệm vụ|phương hướng|kế hoạch|trọng tâm|chủ đề|mục tiêu|dự kiến|chuẩn bị|đến năm|so với|cùng kỳ|từ năm");
const LAUNCH = rx("triển khai");
const RESULTS = rx("kết quả|sơ kết|tổng kết|báo cáo|đánh giá");
const TARGET_AFTER = rx("phấn đấu|\\bsẽ\\b|dự kiến|chỉ tiêu");
const REVIEW = rx("sơ kết|tổng kết|báo cáo|kết quả|hội nghị|trong|công tác|đánh giá|giao ban");
/** The period a review names, in the same clause: "hội nghị tổng kết công tác dân vận và … năm 2020". */
const REVIEWED = rx("(sơ kết|tổng kết)[^.;:\\n]{0,100}$");

const YEAR_REVIEWED = rx("tổng kết");
const PAST_YEAR = rx("\\b(năm (vừa )?qua|trong năm|cả năm)\\b");
/** The document's date: the " date 2024-01" line of a saved page, "ngày 10/1/2024", "ngày 10 tháng 1 năm 2024". */
const DOC_DATE = /(?:^|\n)\s*date (\d{4})-(\d{2})|ngày\s*\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|ngày\s*\d{1,2}\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u;

/** The period the figures cover ("2023", "2024Q1", "2024S1", "2024N9") or null. */
function detectPeriod(key: string): string | null {
  const g = new RegExp(PERIOD.source, "gu");
  const scores = new Map<string, number>();
  const years: number[] = [];
  /** Years of the document's dates: the year of "6 tháng đầu năm" when the text names no other. */
  const dateYears: number[] = [];
  const head = key.length > 100_000 ? key.slice(0, 100_000) : key;
  let m: RegExpExecArray | null;
  const pending: Array<{ kind: string; n: number; at: number; w: number }> = [];
  const titled = new Set<string>();
  const earlySeen = new Set<string>();
  const firstBreak = head.slice(0, 200).search(/\n|\.\s/);
  const titleEnd = firstBreak < 0 ? 200 : firstBreak;
  let count = 0;
  while ((m = g.exec(head)) && count++ < 2000) {
    const ctx = head.slice(Math.max(0, m.index - 60), m.index);
    let w = 1;
    // Near the start (the title) counts more, once: web pages repeat their title (breadcrumb, heading).
    const early = m.index < 300 && !earlySeen.has(m[0]);
    if (early) { w += 4; earlySeen.add(m[0]); }
    if (REVIEW.test(ctx)) w += 1;
    if (REVIEWED.test(head.slice(Math.max(0, m.index - 110), m.index)) && !FUTURE.test(ctx)) w += 4;
    if (FUTURE.test(ctx)) w -= 3;
    // "Triển khai công tác vận động Quỹ … năm 2020": a year things are launched for, unless results are reviewed.
    else if (LAUNCH.test(ctx) && !RESULTS.test(ctx)) w -= 2;
    if (m[8]) {
      // "Năm 2019, Quỹ … vận động trên 869 triệu đồng": a year that opens a sentence of figures is theirs;
      // "Năm 2020, … phấn đấu vận động đạt 800 triệu đồng" is a target's.
      const rest = head.slice(m.index + m[0].length, m.index + m[0].length + 200).split(/\.\s|\n/)[0]!;
      if (TARGET_AFTER.test(rest)) w -= 2;
      else if (/^\s*,/.test(rest) && /(^|[.!?\n]\s*)$/.test(ctx) && /\d/.test(rest)) w += 1;
    }
    if (/năm học\s*$|niên khoá\s*$|giai đoạn\s*$|nhiệm kỳ\s*$/.test(ctx)) continue;
    // "từ năm 2000 đến nay", "kể từ năm 2019": the start of a span, not a period of figures.
    if (m[8] && /(^|\s)(kể )?từ\s*$/.test(ctx)) continue;
    // A full date ("ngày 10 tháng 12 năm 2024", "ngày 10/12/2024") dates the document, not its period.
    if (/ngày\s*\d{1,2}(\s*tháng\s*\d{1,2}|\s*[/-]\s*\d{1,2})?\s*$/.test(ctx)) { const y = m[8] ?? m[10]; if (y) dateYears.push(Number(y)); continue; }
    let year: number | null = null;
    let id: string | null = null;
    if (m[1]) {
      year = m[2] ? Number(m[2]) : null;
      pending.push({ kind: "Q", n: ROMAN[m[1]]!, at: m.index, w: w + 1 });
      if (year) { id = `${year}Q${ROMAN[m[1]]}`; pending.pop(); }
    } else if (m[3]) {
      const half = m[4] === keyOf("cuối") ? 2 : 1;
      year = m[5] ? Number(m[5]) : null;
      if (year) id = `${year}S${half}`;
      else pending.push({ kind: "S", n: half, at: m.index, w: w + 1 });
    } else if (m[6]) {
      year = m[7] ? Number(m[7]) : null;
      if (year) id = `${year}N9`;
      else pending.push({ kind: "N", n: 9, at: m.index, w: w + 1 });
    } else if (m[8]) {
      year = Number(m[8]);
      id = String(year);
      w -= 0.5; // a year alone loses to a quarter or half year named as strongly
      if (m.index < titleEnd) titled.add(id);
    } else if (m[9]) {
      // A month counts only in the title ("Báo cáo công tác dân vận tháng 3/2024").
      const month = Number(m[9]);
      year = Number(m[10]);
      if (m.index >= 200 || month < 1 || month > 12) { years.push(year); continue; }
      id = `${year}${String(month).padStart(2, "0")}`;
    }
    if (year && (year < 1945 || year > 2100)) continue;
    if (year) years.push(year);
    if (id) scores.set(id, (scores.get(id) ?? 0) + (id.length > 4 ? w + 1 : w));
  }
  // "quý I" without a year takes the year the text speaks of most.
  if (pending.length) {
    const yc = new Map<number, number>();
    for (const y of years) yc.set(y, (yc.get(y) ?? 0) + 1);
    // Else the year of the document's date ("Ngày 5/7/2024, … sơ kết 6 tháng đầu năm"): a period that ends the
    // year (6 tháng cuối năm, quý IV), reviewed in the first quarter of the next one, is the year before's.
    const d = DOC_DATE.exec(head.slice(0, 600));
    const dYear = d ? Number(d[1] ?? d[4] ?? d[6]) : 0;
    const dMonth = d ? Number(d[2] ?? d[3] ?? d[5]) : 0;
    const fromDate = dYear >= 1945 && dYear <= 2100 ? dYear : undefined;
    const year = [...yc.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? dateYears[0] ?? fromDate;
    const onlyDate = yc.size === 0 && dateYears.length === 0;
    if (year) for (const p of pending) {
      const endsYear = (p.kind === "S" && p.n === 2) || (p.kind === "Q" && p.n === 4);
      const y = onlyDate && endsYear && dMonth >= 1 && dMonth <= 3 ? year - 1 : year;
      const id = p.kind === "Q" ? `${y}Q${p.n}` : p.kind === "S" ? `${y}S${p.n}` : `${y}N9`;
      scores.set(id, (scores.get(id) ?? 0) + p.w);
    }
  }
  let best: string | null = null;
  let bestScore = 0;
  for (const [id, s] of scores) if (s > bestScore) { best = id; bestScore = s; }
  // "Tổng kết … Năm qua, toàn huyện …" dated early in the next year (or late in the same one): the year reviewed.
  if (best === null && bestScore === 0 && YEAR_REVIEWED.test(head.slice(0, 600)) && PAST_YEAR.test(head.slice(0, 3000))) {
    const d = DOC_DATE.exec(head.slice(0, 600));
    const month = d ? Number(d[2] ?? d[3] ?? d[5]) : 0;
    const year = d ? Number(d[1] ?? d[4] ?? d[6]) : 0;
    if (year >= 1945 && year <= 2100 && month >= 1 && month <= 12) {
      if (month <= 3) return String(year - 1);
      if (month >= 11) return String(year);
    }
  }
  // A multi-year review named in the title ("Tổng kết 10 năm thực hiện Chỉ thị 49") has no standard period.
  if (best && best.length === 4 && !titled.has(best) && MULTI_YEAR.test(head.slice(0, Math.max(titleEnd, 120)))) return null;
  // Year-to-date figures ("từ đầu năm đến nay") cover no standard period, unless the title names one.
  if (best && best.length === 4 && !titled.has(best) && YTD.test(head.slice(0, 800))) return null;
  return best;
}

function detectKind(key: string, period: string | null): ReportKind | null {
  const head = key.slice(0, 600);
  const so = head.search(rx("sơ kết|giao ban"));
  const tong = head.search(rx("tổng kết"));
  if (so >= 0 && (tong < 0 || so < tong)) return "so_ket";
  if (tong >= 0) return "tong_ket";
  if (period === null) return "news";
  return /^\d{4}$/.test(period) ? "tong_ket" : "so_ket";
}

/** Detects the scope of a prepared text (`text` NFC, `key` its folded form). */
export function detectScope(text: string, key: string, hints: ExtractHints = {}): Scope {
  const period = hints.period ?? detectPeriod(key);
  const year = period ? Number(period.slice(0, 4)) : null;
  const era: 2024 | 2025 = year !== null && (year < 2025 || (year === 2025 && /Q[12]|S1/.test(period ?? ""))) ? 2024 : 2025;
  let unit: AdminUnit | null = null;
  let level: Level | null = null;
  if (hints.unit) {
    const idx = unitIndex();
    const list = /^\d+$/.test(hints.unit) ? idx.byCode.get(hints.unit) : idx.byKey.get(keyOf(hints.unit));
    unit = list?.find((u) => u.era === era) ?? list?.[0] ?? null;
    level = unit?.level ?? null;
  }
  let named: string | undefined;
  if (!unit) ({ unit, level, named } = detectUnit(text, key, era));
  return {
    unit: unit ? label(unit) : named ?? null,
    unitCode: unit?.code ?? null,
    level: unit?.level ?? level,
    period,
    kind: detectKind(key, period),
  };
}
