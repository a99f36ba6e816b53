/**
 * Pure: the places a text names without their type word — a newspaper's byline, dateline or closing credit ("GLO-",
 * "(Baogialai) -", "TPHCM - Sáng…", "Tin, ảnh: Hồng Nhung (Ia Pa)", "Ia Sao (Ia Grai): …"), a district named bare in the
 * headline and again ("Công đoàn Đô Lương …") — read against the unit lists.
 */
import { keyOf } from "./normalize.ts";
import { type AdminUnit, type UnitIndex } from "./scope-types.ts";
import { fold, isAncestor, provinceNamed, provinceNames, provinceOfAddress, unitIndex, unitsNamed, FORMER_PROVINCES } from "./scope-units.ts";

/** A byline code at a line's start or in brackets; "Ng" may stand for a word's initial ("(QNg)-": Quảng Ngãi). */
export const BYLINE = /(?:^|[\n(])\s*([A-ZĐ](?:[A-ZĐ]|Ng){1,5})(?:\)?\s*[-–—]\s*\S|(?<=\(\s*[A-ZĐ](?:[A-ZĐ]|Ng){1,5})\)[ \t]+(?=\p{Lu}))/gu;
export const BYLINE_SUFFIX = ["ĐT", "TV", "O", ""];
let initialsCache: Map<string, AdminUnit[]> | null = null;
/**
 * The codes whose initials several provinces share ("QN": Quảng Nam, Quảng Ninh, Quảng Ngãi; "BT": Bình Thuận, Bến
 * Tre; "HG": Hà Giang, Hậu Giang), as written: the province whose newspaper writes the code so ("QNO", "BTO", "BHG",
 * "(HG)"). Any other code sharing initials names none by itself; a unit the text names settles it.
 */
const SHARED_CODES: Record<string, string> = { QNO: "Quảng Nam", BTO: "Bình Thuận", BHG: "Hà Giang", HG: "Hậu Giang" };

/** The provinces by the initials of their names' words ("Gia Lai" → "GL"; "Quảng Ngãi" → "QN", and "QNg" as its paper writes it). */
function initialsMap(): Map<string, AdminUnit[]> {
  if (!initialsCache) {
    const map = new Map<string, AdminUnit[]>();
    for (const p of provinceNames()) {
      const words = p.name.split(/[\s-]+/);
      const keys = new Set([words.map((w) => w[0]!.toUpperCase()).join(""), words.map((w) => (w.startsWith("Ng") ? "Ng" : w[0]!.toUpperCase())).join("")]);
      for (const k of keys) (map.get(k) ?? map.set(k, []).get(k)!).push(...p.units);
    }
    initialsCache = map;
  }
  return initialsCache;
}

/** The provinces a byline code names, when the code names exactly one. */
export function bylineUnits(head: string): AdminUnit[] {
  const initials = initialsMap();
  const out: AdminUnit[] = [];
  // "TP.HCM" is the byline where a byline stands: opening a line, bare or in brackets, before a dash ("TPHCM - Sáng…",
  // "(TP.HCM) –"). Elsewhere it is the city named in the text ("Đảng bộ TPHCM", "phường Tân Đông Hiệp (TPHCM)"),
  // read with the other places: a ward's text does not become its city's.
  if (/(?:^|\n)[ \t]*\(?\s*T[Pp]\.?\s?HCM\s*\)?\s*[-–—]\s*\S/u.test(head)) out.push(...(initials.get("HCM") ?? provinceNames().find((p) => p.name === "Hồ Chí Minh")?.units ?? []));
  out.push(...siteUnits(head), ...paperLineUnits(head));
  for (const m of head.matchAll(BYLINE)) {
    // The code alone needs its suffix; after a "B" for Báo it may go without: "(BBK)" is Báo Bắc Kạn.
    const codes: Array<[string, boolean]> = [[m[1]!, false]];
    if (m[1]!.length >= 3 && m[1]!.startsWith("B")) codes.push([m[1]!.slice(1), true]);
    // Two letters in parentheses go without it too: "(CM) -", "(CM-TH)" (the author's initials after the dash).
    if (m[1]!.replace("Ng", "N").length === 2 && m[0].startsWith("(")) codes.push([m[1]!, true]);
    found: for (const [code, bare] of codes) {
      for (const suffix of BYLINE_SUFFIX) {
        if ((!suffix && !bare) || !code.endsWith(suffix) || code.length - suffix.length < 2) continue;
        const list = initials.get(code.slice(0, code.length - suffix.length));
        const names = new Set(list?.map((u) => u.name));
        if (list && names.size === 1) { out.push(...list); break found; }
        const press = list ? SHARED_CODES[m[1]!] : undefined;
        // Another province of the same initials named in the text is the one it speaks of.
        if (press && names.has(press) && ![...names].some((n) => n !== press && head.includes(n))) { out.push(...list!.filter((u) => u.name === press)); break found; }
      }
    }
  }
  return out;
}

/**
 * The province of a provincial newspaper's address as its byline: "(Baodaklak.vn) -", "(baogialai.com.vn)"; as the
 * source, "Theo baolangson.vn", also as a link ("Nguồn: https://baogialai.com.vn/…"). So does its Party committee's portal:
 * "(Thanhuytphcm.vn)", "tinhuydaklak.vn" (a city by its initials after "tp"). A paper keeps its province's former name
 * ("baothuathienhue.vn"): that province, named as the years before the change name it (see FORMER_PROVINCES).
 */
function siteUnits(head: string): AdminUnit[] {
  const site = /(?:^|[\n(])\s*(?:(?:theo|nguồn)(?: tin)?\s*:?\s*)?(?:https?:\/\/)?(?:www\.)?(?:b[aá]o|t[iỉ]nh ?[uủ]y|th[aà]nh ?[uủ]y)[ -]?([a-zđ]{4,20})\.(?:com\.|org\.)?vn\b/iu.exec(head);
  if (!site) return portalProvince(head);
  const p = provinceOfAddress(site[1]!);
  if (p) return p.units;
  const name = fold(site[1]!.toLowerCase());
  const former = Object.entries(FORMER_PROVINCES).find(([, f]) => fold(keyOf(f.label.replace(/^tỉnh /u, ""))) === name);
  if (former) return unitIndex().byCode.get(former[0]) ?? [];
  const byInitials = /^tp[a-z]{2,4}$/.test(name) ? initialsMap().get(name.slice(2).toUpperCase()) : undefined;
  return byInitials && new Set(byInitials.map((u) => u.name)).size === 1 ? byInitials : [];
}

/** A province's government portal as the byline or source: "(backan.gov.vn)", "Nguồn tin: http://sonla.gov.vn"; a department's or district's under it ("sotnmt.backan.gov.vn") names the province too. */
const PROVINCE_PORTAL = /(?:^|[\n(])\s*(?:(?:theo|nguồn)(?: tin)?\s*:?\s*)?(?:https?:\/\/)?(?:www\.)?(?:[a-z]{2,24}\.)?([a-z]{4,20})\.gov\.vn\b/iu;

function portalProvince(head: string): AdminUnit[] {
  const m = PROVINCE_PORTAL.exec(head);
  return (m && provinceOfAddress(m[1]!)?.units) || [];
}

/** A newspaper's name alone on one of the page's first three lines, in any case: "BÁO LẠNG SƠN ĐIỆN TỬ", "Báo điện tử Gia Lai". */
const PAPER_LINE = /^\s*báo\s+(?:điện tử\s+)?([\p{L}\p{M}]+(?:[ -]+[\p{L}\p{M}]+){0,3}?)(?:\s+(?:điện tử|online))?\s*$/iu;

/** The province whose newspaper's name line opens the page (see PAPER_LINE). */
function paperLineUnits(head: string): AdminUnit[] {
  for (const line of head.split("\n", 3)) {
    const m = PAPER_LINE.exec(line);
    const p = m ? provinceNamed(m[1]!) : undefined;
    if (p) return p.units;
  }
  return [];
}

/**
 * The province a source line at the page's end names, as a byline does: "Theo baolangson.vn", "Nguồn: Báo Gia Lai",
 * "Theo Báo điện tử Đắk Lắk" (one of the last three lines, short, or a link: "Nguồn: https://baogialai.com.vn/…").
 */
export function sourceUnits(src: string): AdminUnit[] {
  const lines = src.slice(-600).split("\n").map((l) => l.trim()).filter(Boolean).slice(-3);
  for (const line of lines.reverse()) {
    if (line.length > (/^\S+\s*:?\s*https?:\/\//u.test(line) ? 300 : 80) || !/^(?:theo|nguồn)\b/iu.test(line)) continue;
    const site = siteUnits(line);
    if (site.length) return site;
    const paper = /^(?:theo|nguồn)\s*:?\s*báo\s+(?:điện tử\s+)?(\p{Lu}[\p{L}\p{M}]*(?:[ -]+\p{Lu}[\p{L}\p{M}]*){0,3})\s*\.?$/iu.exec(line);
    const p = paper ? provinceNamed(paper[1]!) : undefined;
    if (p) return p.units;
  }
  return [];
}

export const HEADLINE_AT = /(?<![\p{L}\p{M}])(?:ở|tại|của|quê hương|[–-]) (\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,2})/gu;

/**
 * A place in parentheses in the byline at the end: "Tin, ảnh: Hồng Nhung (Ia Pa)", "LAN ANH (Chợ Mới)", "(Ia Sao, Ia
 * Grai)"; or a district and its province joined by a dash (the third group): "THU HẰNG (Chư Sê - Gia Lai)".
 */
export const TRAILER_PLACE = /\((\p{Lu}[\p{Ll}\p{M}'’]*(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]*){0,3})(?:,\s*(\p{Lu}[\p{Ll}\p{M}'’]*(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]*){0,3})|\s+[-–]\s+(\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3}))?\)\s*$/u;
/** A headline that opens with a commune and its district: "Ia Sao (Ia Grai): …". */
export const TITLE_PAIR = /^\s*(\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3})\s*\((\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3})\)\s*[:–-]/u;

/** A headline's commune with its type, then its district (and province) in brackets: "… ở xã Ia Sao (Ia Grai, Gia Lai):". */
export const HEADLINE_COMMUNE = /(?<![\p{L}\p{M}])(?:xã|phường|thị trấn) (\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3})\s*\((\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3})(?:,\s*[^()\n]{1,30})?\)/u;

/** The communes named `a` whose district (or town, city) is named `b`, both without their type word. */
export function communeIn(a: string, b: string, idx: UnitIndex): AdminUnit[] {
  const districts = unitsNamed(idx, "district", b);
  if (!districts.length) return [];
  return unitsNamed(idx, "commune", a).filter((u) => districts.some((d) => isAncestor(idx, d, u)));
}

/** A closing byline that ends with the local media's name and its place: "(Đài TT-TH Ia Pa)", "Trung tâm VHTT-TT Krông Pa". */
export const MEDIA_PLACE = /(?:^|[\s(])(?:Đài|Trung tâm|Phòng|PV|CTV|[A-ZĐ]{2,}(?:[-&][A-ZĐ]+)+)\s+(?:[A-ZĐ]{2,}(?:[-&][A-ZĐ]+)*\s+)?(\p{Lu}[\p{Ll}\p{M}'’]*(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]*){0,3})\)?\s*$/u;

/** The communes of the 2025 structure named `name` without their type word. */
const communesNamed2025 = (name: string, idx: UnitIndex): AdminUnit[] => ["xã", "phường", "đặc khu"].flatMap((t) => idx.byKey.get(`${t} ${keyOf(name)}`) ?? []).filter((u) => u.era === 2025);

/**
 * The districts (or towns, cities) a closing byline names in parentheses, without their type word. In a commune's text
 * after the 2025 reform (`commune2025`), no district is left: the place is the commune of that name ("THU HẰNG (Chư Sê)").
 */
export function bylinePlace(src: string, idx: UnitIndex, commune2025 = false): AdminUnit[] {
  const districtsNamed = commune2025 ? communesNamed2025 : (name: string, i: UnitIndex) => unitsNamed(i, "district", name);
  const lines = src.slice(-300).split("\n").map((l) => l.trim()).filter(Boolean).slice(-2);
  for (const line of lines.reverse()) {
    if (line.length > 80) continue;
    const media = MEDIA_PLACE.exec(line);
    const named = media ? districtsNamed(media[1]!, idx) : [];
    if (named.length) return named;
    const m = TRAILER_PLACE.exec(line);
    if (!m) continue;
    // "PV (Ia Sao, Ia Grai)": a commune and its district.
    if (m[2]) {
      const pair = communeIn(m[1]!, m[2], idx);
      if (pair.length) return pair;
    }
    // "(Chư Sê - Gia Lai)": the district only when the province after the dash holds it (a province's name with a dash,
    // "(Bà Rịa - Vũng Tàu)", is none).
    const province = m[3] ? provinceNamed(m[3]) : undefined;
    if (m[3] && !province) continue;
    const out = districtsNamed(m[1]!, idx).filter((d) => !province || province.units.some((p) => p.era === d.era && isAncestor(idx, p, d)));
    if (out.length) return out;
  }
  return [];
}

/** A local station's masthead: "Truyền hình Đại Lộc", "Đài Truyền thanh - Truyền hình huyện Ia Pa", "Đài TT-TH Ia Pa". */
const MASTHEAD = /^(?:Đài\s+)?(?:(?:(?:Truyền thanh|Phát thanh)(?:\s*[-–]\s*|\s+và\s+))?Truyền hình|[A-ZĐ]{2,}(?:[-&][A-ZĐ]+)+)\s+(?:huyện\s+|thị xã\s+|thành phố\s+)?(\p{Lu}[\p{Ll}\p{M}'’]*(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]*){0,3})$/u;

/**
 * The district a local station names in the masthead heading its page (one of the first three lines, alone on its
 * line): read only for a district's text that names no unit ("Truyền hình Krông Pa\nBan Thường trực Ủy ban MTTQ huyện …").
 */
export function mastheadPlace(src: string, idx: UnitIndex): AdminUnit[] {
  const lines = src.slice(0, 400).split("\n").map((l) => l.trim()).filter(Boolean).slice(0, 3);
  for (const line of lines) {
    const m = line.length <= 60 ? MASTHEAD.exec(line) : null;
    if (m) return unitsNamed(idx, "district", m[1]!);
  }
  return [];
}

/** The last line as a byline "Author - Place", both in title case: "Thu Hằng - Chư Sê"; the author by initials: "H.N - Chư Sê". */
const AUTHOR_PLACE = /^(?:(?:\p{Lu}[\p{Ll}\p{M}]*\s){1,3}\p{Lu}[\p{Ll}\p{M}]*|\p{Lu}(?:\.\s?\p{Lu}){1,3}\.?)\s+[-–]\s+(\p{Lu}[\p{Ll}\p{M}'’]+(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]+){0,3})$/u;

/**
 * The district a closing byline "Author - Place" names (the last line, short): read only for a district's text that
 * names no unit, since a second author's name may be a district's too.
 */
export function authorPlace(src: string, idx: UnitIndex): AdminUnit[] {
  const last = src.slice(-120).split("\n").map((l) => l.trim()).filter(Boolean).at(-1) ?? "";
  const m = last.length <= 50 ? AUTHOR_PLACE.exec(last) : null;
  return m ? unitsNamed(idx, "district", m[1]!) : [];
}

/** Names of two words or more that one district bears (of one province, one type), with its units of each structure. */
let districtNames: Map<string, AdminUnit[]> | null = null;

/**
 * The district a text names only bare, in its lead (the first 400 characters) and at least once more, when one
 * district of one province bears that name of two words or more and no capitalised word runs on from it ("Phụ nữ, Công
 * đoàn Đô Lương …" … "nông thôn Đô Lương"): a district's text that names its district as its people do.
 */
export function bareDistrict(src: string): AdminUnit[] {
  if (!districtNames) {
    const all = new Map<string, AdminUnit[]>();
    for (const list of unitIndex().byCode.values()) {
      for (const u of list) if (u.level === "district" && u.name.includes(" ")) (all.get(u.name) ?? all.set(u.name, []).get(u.name)!).push(u);
    }
    districtNames = new Map([...all].filter(([, units]) => new Set(units.map((u) => u.parent)).size === 1 && new Set(units.map((u) => u.type)).size === 1));
  }
  const head = src.slice(0, 20_000);
  let best: AdminUnit[] = [];
  let bestCount = 1;
  for (const [name, units] of districtNames) {
    const first = head.indexOf(name);
    if (first < 0 || first >= 400) continue;
    let n = 0;
    for (let at = first; at >= 0 && n < 20; at = head.indexOf(name, at + 1)) {
      const before = head.slice(Math.max(0, at - 12), at);
      const after = head.slice(at + name.length, at + name.length + 3);
      if (/[\p{L}\p{M}]$/u.test(before) || /\p{Lu}[\p{Ll}\p{M}]*\s$/u.test(before) || /^[\p{L}\p{M}]|^\s\p{Lu}/u.test(after)) continue;
      n++;
    }
    if (n > bestCount) { best = units; bestCount = n; }
  }
  return best;
}
