/**
 * Pure: the places a report's headline, lead and page furniture name (see scope.ts): a headline's place
 * written without its type word, the organ that acts in the lead, a local portal's address.
 */
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { type Level, type AdminUnit, type Mention, type UnitIndex } from "./scope-types.ts";
import { isAncestor, looseKey, fold, DATELINE, DATELINE_NEXT, PLACE_LINE, TITLE_PLACE, provinceNames } from "./scope-units.ts";
import { TITLE_PAIR, HEADLINE_AT, communeIn } from "./scope-byline.ts";

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
  const place = (name: string, colon: boolean, commune: boolean): AdminUnit[] => {
    const oneWord = !name.includes(" ");
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
  const dl = DATELINE.exec(src.slice(0, 200));
  // A place alone in capitals on the first or second line ("KRÔNG PA", then the body) is a dateline too.
  const dateline = dl ?? DATELINE_NEXT.exec(src.slice(0, 400)) ?? PLACE_LINE.exec(src.slice(0, 400));
  if (dateline) out.push(headlinePlace(dateline[1]!.trim(), true));
  // "Thới Bình tổng kết 7 năm…": the longest run of the opening capitalised words that names a place.
  const title = TITLE_PLACE.exec(src.slice(0, 120));
  if (title && !dl) {
    const parts = title[1]!.split(" ");
    const colon = /^\s*[:–-]/.test(src.slice(title.index + title[0].length));
    for (let n = parts.length; n >= 1; n--) {
      const list = headlinePlace(parts.slice(0, n).join(" "), colon && n === parts.length);
      if (list.length) { out.push(list); break; }
    }
  }
  const firstLine = src.slice(0, 160).split("\n")[0]!;
  // "Ia Sao (Ia Grai): …": a headline that opens with a commune and its district.
  const pair = TITLE_PAIR.exec(firstLine);
  if (pair) out.push(communeIn(pair[1]!, pair[2]!, idx));
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

/** What follows the organ that acts: its address in brackets or after a comma, then the act. */
const ACTS_AFTER = /^\s*(?:\([^()\n]{1,40}\)|,\s*(?:tỉnh|thành phố|TP\.?)\s*[^,.;:\n]{1,25}(?=[,\s]))?\s*,?\s*(?:(?:đã|vừa|long trọng|chính thức)\s+)*(?:tổ chức|tổng kết|sơ kết|phát động|ra quân|họp mặt|ra mắt)(?![\p{L}\p{M}])/u;
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
    if (f.address || !ACTS_AFTER.test(src.slice(f.end, f.end + 80))) continue;
    if (PARTNER_BEFORE.test(src.slice(Math.max(0, f.at - 60), f.at))) continue;
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

/** A person's title before an organ: "Phó Trưởng Ban Dân vận Huyện ủy", "UV. BTV Thành uỷ", "Phó Chủ tịch Hội Nông dân huyện". */
const TITLE_BEFORE = rx("(trưởng ban|chủ tịch|bí thư|uỷ viên|(?<![\\p{L}])(uv|btv|tuv|huv)|giám đốc|trưởng phòng)[^.;:\\n,()]{0,45}$");

/** True at an organ named in a person's title (`key` folded): a guest's, not the organ the text speaks from. */
export const inTitle = (key: string) => (at: number) => TITLE_BEFORE.test(key.slice(Math.max(0, at - 60), at));

/** A document cited by its number: "Kế hoạch số 24-KH/BDVTU", "Nghị quyết 145-NQ/TU", "Chỉ thị số 05". */
const CITED = rx("\\b(kế hoạch|nghị quyết|chỉ thị|quyết định|kết luận|hướng dẫn|thông báo|công văn|chương trình|quy định|đề án|quy chế)\\s+(số\\s*)?\\d+");
/**
 * Whether a position of `key` lies in a clause opened by `opener` (at most `max` of them, each
 * read `reach` characters on): from the opener's start to the first `end` found after it.
 */
function inClauses(key: string, opener: RegExp, max: number, reach: number, end: RegExp): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  const g = new RegExp(opener.source, "gu");
  let m: RegExpExecArray | null;
  for (let n = 0; n < max && (m = g.exec(key)); n++) {
    const rest = key.slice(m.index + m[0].length, m.index + reach);
    const stop = rest.search(end);
    spans.push([m.index, m.index + m[0].length + (stop < 0 ? rest.length : stop)]);
  }
  return (at: number) => spans.some(([x, y]) => at >= x && at < y);
}

/**
 * The guests' clause of a meeting: "Tham dự có lãnh đạo Ban Dân vận Tỉnh ủy Gia Lai." names an organ that came, not
 * the one that reports (to the end of its sentence).
 */
export const inGuests = (key: string) => inClauses(key, GUESTS, 50, 300, /\n|\.(\s|$)/);
const GUESTS = rx("(?<![\\p{L}])(tham dự|đến dự|về dự|dự và chỉ đạo|dự hội nghị|dự buổi)(?![\\p{L}])[^.\\n]{0,12}\\b(có|với sự tham dự)\\b");

/**
 * The clauses from each match of `opener` to the `verb` after it, when the verb comes within `reach` characters and
 * before the clause ends (. ; : or a new line), and `accept` holds at the opener.
 */
function upToVerb(key: string, opener: RegExp, verb: RegExp, reach: number, accept: (at: number) => boolean = () => true): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  const g = new RegExp(opener.source, "gu");
  let m: RegExpExecArray | null;
  for (let n = 0; n < 50 && (m = g.exec(key)); n++) {
    if (!accept(m.index)) continue;
    const from = m.index + m[0].length;
    const rest = key.slice(from, from + reach);
    const v = rest.search(verb);
    const stop = rest.search(/[.;:\n]/u);
    if (v >= 0 && (stop < 0 || v < stop)) spans.push([m.index, from + v]);
  }
  return (at: number) => spans.some(([x, y]) => at >= x && at < y);
}

/**
 * A visiting delegation's clause: "đoàn công tác Ủy ban MTTQ Việt Nam tỉnh Gia Lai làm việc với …", "Đoàn giám sát của
 * HĐND tỉnh làm việc tại …" names the organ that came, up to the verb of its visit; the host it works with reports. A
 * team that acts itself ("Đoàn công tác của huyện A đã phối hợp tổ chức phát động") is no visitor.
 */
export const inVisitors = (key: string) => upToVerb(key, VISITORS, VISIT_VERB, 160);
const VISITORS = rx("(?<![\\p{L}])đoàn (công tác|giám sát|kiểm tra|khảo sát)(?![\\p{L}])");
const VISIT_VERB = rx("\\s(có buổi |đã |đến )?(làm việc|thăm|kiểm tra|giám sát|khảo sát)(?![\\p{L}])");

/**
 * A donor's clause after a receipt in the paragraph: "tiếp nhận 300 tấn gạo do Ủy ban MTTQ Việt Nam tỉnh A hỗ trợ", "Đại
 * diện Ủy ban MTTQ tỉnh A trao biển tượng trưng" name the giver, up to the verb of giving, as does a headline that opens
 * with its giver (headlineGiver); the unit that receives reports.
 */
export function inDonors(key: string): (at: number) => boolean {
  const clauses = upToVerb(key, DONOR, GIVE_VERB, 120, (at) => RECEIPT_BEFORE.test(key.slice(Math.max(0, at - 400), at)));
  const giver = headlineGiver(key);
  return (at: number) => clauses(at) || at < giver;
}

/**
 * A headline that opens with its giver, "Ủy ban MTTQ tỉnh A hỗ trợ 20 nhà đại đoàn kết cho huyện B", when the lead
 * after it has the receipt ("Ủy ban MTTQ huyện B tổ chức lễ tiếp nhận …"): where the giving verb starts, else 0.
 */
function headlineGiver(key: string): number {
  const end = key.indexOf("\n");
  if (end < 0 || end > 250) return 0;
  const line = key.slice(0, end);
  const verb = GIVE_VERB.exec(line);
  if (!verb || !FOR.test(line.slice(verb.index + verb[0].length))) return 0;
  return RECEIPT.test(key.slice(end, end + 600)) ? verb.index : 0;
}
const FOR = rx("(?<![\\p{L}])cho(?![\\p{L}])");
/** "do"/"từ" the giver, or "Đại diện" the giver who hands the gift over. */
const DONOR = rx("(?<![\\p{L}])(do|từ|đại diện)(?![\\p{L}])");
/** A receipt earlier in the paragraph: "tổ chức lễ tiếp nhận kinh phí …". */
const RECEIPT_WORDS = "(?<![\\p{L}])(tiếp nhận|nhận được|đón nhận)(?![\\p{L}])";
const RECEIPT_BEFORE = rx(`${RECEIPT_WORDS}[^\\n]*$`);
const RECEIPT = rx(RECEIPT_WORDS);
const GIVE_VERB = rx("\\s(đã |vừa )?(hỗ trợ|ủng hộ|trao tặng|trao|tặng|tài trợ|quyên góp|chuyển|bàn giao)(?![\\p{L}])");

/**
 * The spans of a key that cite another body's document, from its name to the clause's end (a comma, a semicolon,
 * a sentence's end): "Kế hoạch số 24-KH/BDVTU ngày 20/3/2009 của Ban Dân vận Tỉnh ủy Bắc Giang về …". The body
 * and the places of its title are whose document it is, not the unit that carries it out and reports.
 */
export const inCitation = (key: string) => inClauses(key, CITED, 200, 240, /[,;\n]|\.\s/);

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
