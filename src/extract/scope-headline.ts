/**
 * Pure: the places a report's headline, lead and page furniture name (see scope.ts): a headline's place
 * written without its type word, the organ that acts in the lead, a local portal's address.
 */
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { type Level, type AdminUnit, type Mention, type UnitIndex } from "./scope-types.ts";
import { isAncestor, looseKey, fold, byInitials, DATELINE, DATELINE_NEXT, PLACE_LINE, TITLE_PLACE, provinceNamed, provinceNames } from "./scope-units.ts";
import { TITLE_PAIR, HEADLINE_AT, HEADLINE_COMMUNE, communeIn } from "./scope-byline.ts";
import { namedUnits } from "./scope-mentions.ts";

const DISTRICT_TYPES = ["huyện", "thị xã", "thành phố", "quận", "tỉnh"];
const COMMUNE_TYPES = ["xã", "phường", "thị trấn", "đặc khu"];

/**
 * The units a headline names without their type word, each list weighing 3 in all. `level` is the level the
 * text speaks from; `communeHeadline` that it speaks from a commune and names none with its type.
 */
export function headlineUnits(src: string, idx: UnitIndex, level: Level | null, communeHeadline: boolean): AdminUnit[][] {
  const out: AdminUnit[][] = [];
  // A headline's place written without its type: a district or province ("Chợ Đồn: Công nhận…"), or in a
  // commune's text a commune ("Tam Nông: Tổng kết…" of Đảng ủy xã Tam Nông); as listed, else without some
  // marks ("ĐAK ĐOA" is Đăk Đoa). A single word ("Đảng ủy…", "Hội nghị…") is a commune's name only before a
  // colon or dash, and is never read without its marks.
  // A district's one-word name before a word in lower case is read only when the body names it again: "Vinh danh
  // 20 gương…" honours, it does not name thành phố Vinh.
  const body = src.slice(src.indexOf("\n") + 1 || src.length);
  const again = (name: string) => new RegExp(`(?<![\\p{L}\\p{M}])${name}(?![\\p{L}\\p{M}])`, "u").test(body);
  const place = (written: string, colon: boolean, commune: boolean): AdminUnit[] => {
    // A dash between the words, written without spaces ("Bà Rịa-Vũng Tàu"), as the lists space it.
    const name = written.replace(/\s*[–-]\s*/gu, " - ");
    // Syllables glued into one word ("CưMgar", "KrôngPa") are a name of several words, read without spaces and marks.
    const oneWord = !name.includes(" ") && !/[\p{Ll}\p{M}]\p{Lu}/u.test(name);
    const types = oneWord && !colon && (commune || !again(name)) ? [] : commune ? COMMUNE_TYPES : DISTRICT_TYPES;
    for (const [index, f] of (oneWord ? [[idx.byKey, keyOf]] : [[idx.byKey, keyOf], [idx.byLoose, looseKey]]) as Array<[Map<string, AdminUnit[]>, (s: string) => string]>) {
      const list = types.flatMap((t) => index.get(f(`${t} ${name}`)) ?? []).filter((u) => commune === (u.level === "commune"));
      if (list.length) return list;
    }
    return [];
  };
  // A text no organ speaks from ("Ia Piar phát huy vai trò hòa giải viên", then the story of a mediator) may name
  // its commune only there: read as a commune when no district or province bears the name and the communes that
  // bear it are of one type (else the type is not known).
  const headlinePlace = (name: string, colon: boolean): AdminUnit[] => {
    const list = place(name, colon, communeHeadline);
    if (list.length || communeHeadline || level !== null) return list;
    const communes = place(name, colon, true);
    return new Set(communes.map((u) => u.type)).size === 1 ? communes : [];
  };
  // The headline is the first line, or the line after a page's date line or its publisher's name ("Báo Gia Lai điện tử").
  const top = src.slice(headlineAt(src));
  const dl = DATELINE.exec(top.slice(0, 200));
  // A place alone in capitals on the first or second line ("KRÔNG PA", then the body) is a dateline too.
  const dateline = dl ?? DATELINE_NEXT.exec(src.slice(0, 400)) ?? PLACE_LINE.exec(src.slice(0, 400));
  if (dateline) out.push(headlinePlace(dateline[1]!.trim(), true));
  // "BR-VT: …", "TPHCM: …": a province or a city by its initials, opening the headline before a colon or a dash.
  const initials = /^\s*(?:TP\.?\s?)?([A-ZĐ]{1,4}-[A-ZĐ]{1,4}|[A-ZĐ]{3,5})\s*[:–]\s/u.exec(top.slice(0, 20));
  if (initials) {
    const code = initials[1]!.replace(/-/g, "");
    const list = byInitials("tỉnh", code) ?? byInitials("thành phố", code);
    if (list && list.every((u) => u.level === "province")) out.push(list);
  }
  // "Thới Bình tổng kết 7 năm…": the longest run of the opening capitalised words that names a place.
  const titlePlace = (from: number): boolean => {
    const title = TITLE_PLACE.exec(top.slice(from, from + 120));
    if (!title) return false;
    const parts = title[1]!.split(" ");
    const colon = /^(?:\s+(?:19|20)\d\d)?\s*[:–-]/.test(top.slice(from + title.index + title[0].length));
    for (let n = parts.length; n >= 1; n--) {
      const list = headlinePlace(parts.slice(0, n).join(" "), colon && n === parts.length);
      if (list.length) { out.push(list); return true; }
    }
    return false;
  };
  // "Kỷ niệm 65 năm Ngày Bến Tre Đồng khởi: Mỏ Cày Nam phát huy …": when the headline's opening names no place, the
  // place opening its part after the colon (the occasion before it names no reporter).
  const afterColon = /^[^\n:]{4,100}:\s+(?=\p{Lu})/u.exec(top.slice(0, 160));
  if (!dl && !titlePlace(0) && afterColon) titlePlace(afterColon[0].length);
  const firstLine = top.slice(0, 160).split("\n")[0]!;
  // "Hội ND Krông Pa tổng kết …", "Huyện đoàn Ea Kar ra quân …": a mass organisation or an organ abbreviated, then its
  // place without a type word, opening the headline.
  const organ = ORGAN_PLACE.exec(firstLine);
  if (organ) {
    const parts = organ[2]!.split(" ");
    for (let n = parts.length; n >= 1; n--) {
      const list = headlinePlace(parts.slice(0, n).join(" "), true);
      // Its members ("Nông dân Chợ Gạo …") name a place only by a name one unit bears.
      if (list.length && organ[1] && new Set(list.map((u) => u.era)).size < list.length) break;
      if (list.length) { out.push(list); break; }
    }
  }
  // "Ia Sao (Ia Grai): …": a headline that opens with a commune and its district.
  const pair = TITLE_PAIR.exec(firstLine);
  if (pair) out.push(communeIn(pair[1]!, pair[2]!, idx));
  // "Krông Pắc (Đắk Lắk): …", "Krông Pắc, Đắk Lắk: …", "Krông Pắc - Đắk Lắk: …": a place with its province as its address (a district, else a commune).
  const addressed = TITLE_PROVINCE.exec(firstLine);
  const province = addressed ? provinceNamed(addressed[2]!) : undefined;
  if (addressed && province) {
    const under = (types: string[]) => types.filter((t) => t !== "tỉnh").flatMap((t) => idx.byKey.get(`${t} ${keyOf(addressed[1]!)}`) ?? []).filter((u) => province.units.some((p) => isAncestor(idx, p, u)));
    const districts = under(DISTRICT_TYPES);
    out.push(districts.length ? districts : under(COMMUNE_TYPES));
  }
  // "Xây dựng nông thôn mới ở xã A (B, C):" under a page's date line: the headline's commune, written with its address,
  // is what the story is about, whatever the lead says of the city or province around it.
  const headline = src.slice(0, 400).split("\n").find((l) => /\p{L}{2,}[^\n]*\p{L}{2,}/u.test(l) && l.trim().length >= 20);
  const commune = headline ? HEADLINE_COMMUNE.exec(headline) : null;
  if (commune) out.push(communeIn(commune[1]!, commune[2]!, idx));
  // A headline that names the place after "ở"/"tại", at the level the text speaks from: "Dân vận khéo ở Ia Pa: …",
  // "Sôi nổi phong trào … tại Chư Sê" (a venue of another level is not the unit: "Hội nghị tại Hà Nội").
  for (const at of firstLine.matchAll(HEADLINE_AT)) {
    const parts = at[1]!.split(" ");
    for (let n = parts.length; n >= 1; n--) {
      const name = keyOf(parts.slice(0, n).join(" "));
      // A text no organ speaks from takes a district or a province there: "Ngày hội Đại đoàn kết ở Mộc Châu".
      // A commune's text ("Đảng ủy xã …") takes a commune there: "Dân vận khéo ở Ia Mlah".
      const list = (level === "commune" ? COMMUNE_TYPES : DISTRICT_TYPES).flatMap((t) => idx.byKey.get(`${t} ${name}`) ?? []).filter((u) => (level ? u.level === level : u.level !== "commune"));
      if (list.length) { out.push(list); break; }
    }
  }
  return out.filter((l) => l.length > 0);
}

/** A headline that opens with a place and its province, in brackets or after a comma or a dash, before a colon or a dash. */
const TITLE_PROVINCE = /^\s*(\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3})\s*(?:\(|,\s*|\s[-–]\s)(\p{Lu}[\p{Ll}\p{M}'’]*(?:[ -]+\p{Lu}[\p{Ll}\p{M}'’]*){0,3})\)?\s*[:–-]\s/u;

/**
 * A headline's opening organ (a mass organisation, or an organ abbreviated; or its members: "Nông dân Chợ Gạo …"; or the
 * work itself: "Dân vận Krông Pa 2024: …", "Công tác dân vận Ea Kar: …") and the capitalised words after it (a bare year may follow them).
 */
const ORGAN_PLACE = /^\s*(?:Hội (?:ND|Nông dân|LHPN|Phụ nữ|CCB|Cựu chiến binh|Người cao tuổi|Chữ thập đỏ)|HND|HLHPN|HCCB|MTTQ|UBMTTQ|Mặt trận|Công đoàn|LĐLĐ|Liên đoàn Lao động|Đoàn (?:TN|Thanh niên)|Huyện đoàn|Thị đoàn|Thành đoàn|Tỉnh đoàn|BDV|Ban Dân vận|(?:Công tác )?[Dd]ân vận|(Nông dân|Phụ nữ|Cựu chiến binh|Tuổi trẻ|Thanh niên|Công nhân))\s+(\p{Lu}[\p{Ll}\p{M}'’]*(?: \p{Lu}[\p{Ll}\p{M}'’]*){0,3})(?=(?:\s+(?:19|20)\d\d)?(?:\s*[:–-]?\s+\p{Ll}|\s*[:–-]\s))/u;

/** A page's date line ("Thứ hai, 15/01/2024 08:30", "15/01/2024 | 08:30 GMT+7", "08:30 | 15/01/2024") or its publisher's name line. */
const DATE_ONLY_LINE = /^[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?\s*[,|-]?\s*)?(?:(?:thứ\s+[\p{L}\d]+|chủ nhật)[,\s-]*)?(?:ngày\s*)?\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:[\s|,-]*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*\(?gmt\s*\+\s*\d+\)?)?[ \t]*$/iu;
const PUBLISHER_NAME_LINE = /^[ \t]*(?:báo|cổng thông tin|trang thông tin|đài)\s[^\n:]{2,45}$/iu;

/** Where the headline starts: past up to two leading date or publisher lines (when a line follows them). */
function headlineAt(src: string): number {
  let at = 0;
  for (let n = 0; n < 2; n++) {
    const end = src.indexOf("\n", at);
    if (end < 0) break;
    const line = src.slice(at, end);
    if (!DATE_ONLY_LINE.test(line) && !PUBLISHER_NAME_LINE.test(line) && line.trim()) break;
    at = end + 1;
  }
  return at;
}

/** What follows the organ that acts: its address in brackets or after a comma, then the act. */
const ACTS_AFTER = /^\s*(?:\([^()\n]{1,40}\)|,\s*(?:tỉnh|thành phố|TP\.?)\s*[^,.;:\n]{1,25}(?=[,\s]))?\s*,?\s*(?:(?:đã|vừa|long trọng|chính thức)\s+)*(?:tổ chức|tổng kết|sơ kết|phát động|ra quân|họp mặt|ra mắt)(?![\p{L}\p{M}])/u;
/**
 * A congress held, named by its organ and unit in the lead: "đã diễn ra Đại hội đại biểu Mặt trận Tổ quốc Việt Nam TP.
 * A lần thứ X", "Đại hội Hội Nông dân huyện A khóa XII": the unit whose congress it is (before its name, the congress;
 * after it, its number or term), not the province whose hall or committee hosts it.
 */
const CONGRESS_BEFORE = /(?:^|[^\p{L}\p{M}])Đại hội(?: đại biểu)?(?: [\p{L}\p{M}]+){0,8}\s*$/iu;
const CONGRESS_AFTER = /^\s*(?:lần thứ|khóa|khoá|nhiệm kỳ)\s/iu;
/** Before a congress, another organ's act on it ("rút kinh nghiệm Đại hội …", "chỉ đạo Đại hội …"): not held in the lead. */
const CONGRESS_OF_OTHER = /(?:rút kinh nghiệm|chỉ đạo|chuẩn bị|dự|tham dự|chúc mừng|hướng tới|chào mừng)\s+(?:các\s+)?Đại hội(?: đại biểu)?(?: [\p{L}\p{M}]+){0,8}\s*$/iu;
/** Whether the mention names the unit of a congress held (see CONGRESS_BEFORE). */
export function congressHeld(src: string, f: Mention): boolean {
  const before = src.slice(Math.max(0, f.at - 80), f.at);
  return CONGRESS_BEFORE.test(before) && !CONGRESS_OF_OTHER.test(before) && CONGRESS_AFTER.test(src.slice(f.end, f.end + 20));
}

/**
 * Before it, the opening of a list of units ("các xã A, B, C đã tổ chức", "Những phường: A, B và C …", "14 xã …"): the
 * units as a whole act, no one of them organises (the level the text speaks from stands).
 */
const LIST_BEFORE = /(?:^|[^\p{L}\p{M}])(?:[Cc]ác|[Nn]hững|\d+)\s+(?:(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố)(?:\s*,\s*(?:xã|phường|thị trấn))*\s*:?\s*(?:\p{Lu}[^,.;:\n]{0,30}(?:,|\s+và)\s*)*)?$/u;
/** Before it in its sentence, such a list, then the list's parts one by one: "các xã đã tổ chức 45 cuộc; xã A tổ chức 12 cuộc". */
const LIST_SPLIT = /(?:^|[^\p{L}\p{M}])(?:[Cc]ác|[Nn]hững|\d+)\s+(?:xã|phường|thị trấn|huyện|quận)(?![\p{L}\p{M}])[^.!?\n]*[;:]\s*(?:trong đó\s*,?\s*)?$/u;
/** Before it, a partner rather than the organiser: "phối hợp với UBND xã A tổ chức". */
const PARTNER_BEFORE = /(?:phối hợp|với|cùng|và)[^.;:\n]{0,40}$/u;

/**
 * The unit whose organ acts in the lead: "Ban Dân vận Thành ủy Tam Kỳ tổ chức sinh hoạt…", "Đảng ủy phường A
 * (tỉnh B) tổng kết…". The text speaks from it, whatever the guests' titles name ("Phó Trưởng ban Dân vận Tỉnh ủy").
 */
export function leadOrganizer(src: string, found: Mention[]): Mention | null {
  const end = leadEnd(src);
  for (const f of found) {
    if (f.at > end) break;
    if (f.address) continue;
    if (!congressHeld(src, f) && !ACTS_AFTER.test(src.slice(f.end, f.end + 80))) continue;
    if (PARTNER_BEFORE.test(src.slice(Math.max(0, f.at - 60), f.at))) continue;
    const before = src.slice(Math.max(0, f.at - 200), f.at);
    if (LIST_BEFORE.test(before.slice(-120)) || LIST_SPLIT.test(before)) continue;
    return f;
  }
  return null;
}

/**
 * Where the lead ends: the headline, then the first sentence of the first line of prose (a line of 60 characters
 * or more; shorter ones are dates, bylines and captions), within the first 800 characters.
 */
function leadEnd(src: string): number {
  const head = src.slice(0, 800);
  let at = head.indexOf("\n");
  if (at < 0) return /[.!?…](?=\s|$)/.exec(head)?.index ?? head.length;
  for (let n = 0; n < 8 && at < head.length; n++) {
    const next = head.indexOf("\n", at + 1);
    const line = head.slice(at + 1, next < 0 ? head.length : next);
    if (line.trim().length >= 60) {
      const stop = /[.!?…](?=\s|$)/.exec(line);
      return at + 1 + (stop ? stop.index : line.length);
    }
    if (next < 0) break;
    at = next;
  }
  return head.length;
}

/** A local portal's address as the byline: "(hocmon.gov.vn)", "www.chupah.gialai.gov.vn". */
const PORTAL = /(?:^|[\s(])(?:https?:\/\/)?(?:www\.)?([a-z]{4,24})\.(?:[a-z]{4,24}\.)?gov\.vn\b/iu;

/** The units of `level` whose name, folded, is the first label of the portal's address named near the start. */
export function portalUnits(head: string, idx: UnitIndex, level: Level | null): AdminUnit[] {
  const m = PORTAL.exec(head);
  if (!m || !level) return [];
  const name = m[1]!.toLowerCase();
  const out: AdminUnit[] = [];
  for (const list of idx.byCode.values()) for (const u of list) if (u.level === level && fold(keyOf(u.name)) === name) out.push(u);
  return new Set(out.map((u) => u.name)).size === 1 ? out : [];
}

/** The title or tribute before a person's name that a province also bears: "Chủ tịch Hồ Chí Minh", "Đoàn TNCS Hồ Chí Minh". */
const NAMESAKE_BEFORE = rx("(chủ tịch|\\bbác|tư tưởng|phong cách|đạo đức|tấm gương|\\blăng|tncs|cộng sản|tntp|tiền phong|mang tên)[\\s,“”\"]*$");

/** Provinces named without their type word ("Bình Phước"), each with the times it is named; a person's name is none, nor one at `skip`. */
export function bareProvinces(src: string, skip: (at: number) => boolean = () => false): Map<AdminUnit, number> {
  const out = new Map<AdminUnit, number>();
  for (const p of provinceNames()) {
    let n = 0;
    for (let at = src.indexOf(p.name); at >= 0 && n < 50; at = src.indexOf(p.name, at + 1)) {
      const after = src.charCodeAt(at + p.name.length);
      if (/[\p{L}\p{M}]/u.test(String.fromCharCode(after || 32)) || /[\p{L}\p{M}]/u.test(src[at - 1] ?? " ") || skip(at)) continue;
      // "thành phố Ninh Bình", "thị xã Quảng Trị": a district or a commune that bears the province's name.
      const typed = /(?:^|[^\p{L}\p{M}])(huyện|thị xã|thành phố|tp\.?|quận|xã|phường|thị trấn)\s*$/u.exec(keyOf(src.slice(Math.max(0, at - 12), at)));
      if (typed && !p.units.some((u) => keyOf(u.type) === (typed[1]!.startsWith("tp") ? "thành phố" : typed[1]))) continue;
      if (!NAMESAKE_BEFORE.test(keyOf(src.slice(Math.max(0, at - 40), at)))) n++;
    }
    if (n > 0) for (const u of p.units) out.set(u, (out.get(u) ?? 0) + n);
  }
  return out;
}

/** A portal's name line among the page furniture: "Banner Tỉnh ủy Nghệ An", "Cổng thông tin điện tử Tỉnh ủy …". */
const PUBLISHER_LINE = rx("^[ \\t]*(banner|cổng thông tin|trang thông tin|website)\\b[^\\n]*");

/** Whether a position lies in a portal's name line in the page's first lines: the publisher, not the body speaking. */
export function inPublisher(key: string): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  for (let at = 0, n = 0; at < Math.min(key.length, 400) && n < 8; n++) {
    const end = key.indexOf("\n", at);
    const m = PUBLISHER_LINE.exec(key.slice(at, end < 0 ? key.length : end));
    if (m) spans.push([at, at + m[0].length]);
    if (end < 0) break;
    at = end + 1;
  }
  return (at: number) => spans.some(([a, b]) => at >= a && at < b);
}

/**
 * The unit a headline (the first line) names above `unit`'s level when the body names two or more units at
 * `unit`'s level under it and none in the headline itself, or null.
 */
export function headlineRoundup(src: string, found: Mention[], unit: AdminUnit, idx: UnitIndex): AdminUnit | null {
  const lineEnd = src.indexOf("\n");
  if (lineEnd < 0 || lineEnd > 200) return null;
  const rank = (u: AdminUnit) => (u.level === "province" ? 0 : u.level === "district" ? 1 : 2);
  const heads = found.filter((f) => f.at < lineEnd && !f.address && f.list.length === 1 && rank(f.list[0]!) < rank(unit));
  if (heads.length !== 1 || found.some((f) => f.at < lineEnd && f.list.some((u) => u.level === unit.level))) return null;
  const head = heads[0]!.list[0]!;
  const under = new Set(found.filter((f) => f.at > lineEnd && !f.address).flatMap((f) => f.list)
    .filter((u) => u.level === unit.level && u.era === head.era && isAncestor(idx, head, u)).map((u) => u.code));
  return under.size >= 2 ? head : null;
}

/**
 * The unit a breadcrumb names with its type ("Trang chủ » Các xã, thị trấn » Xã Ea Tul"), a line that names one, at the
 * level the text speaks from: the page's section, weighing as a headline's place. A menu naming several units says none.
 */
export function crumbUnits(crumbs: string[], level: Level | null): AdminUnit[][] {
  const out: AdminUnit[][] = [];
  for (const line of crumbs) {
    const { found } = namedUnits(line, keyOf(line), () => 1);
    // At the level the text speaks from: a commune's news under its district's section ("… > Huyện A > Dân vận") is not the district's.
    const list = found[0]?.list.filter((u) => !level || u.level === level) ?? [];
    if (new Set(found.map((f) => f.key)).size === 1 && list.length) out.push(list);
  }
  return out;
}
