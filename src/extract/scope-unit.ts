/**
 * Pure: the unit a text reports on and its level, from the places it names (see scope.ts).
 */
import { type Level, type AdminUnit } from "./scope-types.ts";
import { bylineUnits, bylinePlace, bareDistrict, sourceUnits, authorPlace, mastheadPlace } from "./scope-byline.ts";
import { unitIndex, isAncestor, CITY_WORDS, LEVEL_WORDS, countMatches, bareLevelCounts, levelOfType, label, cooperativeCommunes, townOfKind, countedLevel, namesakeCity, parentIn, provinceIn } from "./scope-units.ts";
import { narrowMentions, formerTypeOf } from "./scope-address.ts";
import { pageDate } from "./scope-dates.ts";
import { datelineUnits } from "./scope-dateline.ts";
import { headerIssuer } from "./scope-header.ts";
import { namedUnits, topUnknown, letters, spelledOtherwise } from "./scope-mentions.ts";
import { organsRoundup } from "./scope-roundup.ts";
import { crumbUnits, headlineRoundup, headlineUnits, leadOrganizer, congressHeld, portalUnits, bareProvinces } from "./scope-headline.ts";
import { sitesAcross } from "./scope-whole.ts";
import { centralMeeting } from "./scope-central.ts";
import { describedUnits } from "./scope-self.ts";
import { speakingLevel } from "./scope-speaker.ts";
import { inTitle, RANK, WHOLE_LEVEL, venueOnly } from "./scope-clauses.ts";

/** The unit the text reports on (see the module comment), with its level. */
export function detectUnit(text: string, key: string, era: 2024 | 2025, crumbs: string[] = []): { unit: AdminUnit | null; level: Level | null; named?: string } {
  // A central body's meeting held in a city ("tại thành phố A, Ban Dân vận Trung ương tổ chức …") names no unit of its own.
  if (centralMeeting(key)) return { unit: null, level: null };
  const r = detectListedUnit(text, key, era, crumbs);
  // A unit read from its bare name is written as the text writes it too ("Khánh Hoà: Tổng kết …").
  const written = r.written ?? (r.unit && !r.named ? spelledOtherwise(text, key, r.unit.name) : undefined);
  return r.unit && written ? { unit: r.unit, level: r.level, named: `${r.unit.type} ${written}` } : r;
}

function detectListedUnit(text: string, key: string, era: 2024 | 2025, crumbs: string[]): { unit: AdminUnit | null; level: Level | null; named?: string; written?: string } {
  const idx = unitIndex();
  // The level the text speaks from: the organs it names (Huyện ủy, UBND tỉnh…), less those of the clauses that are another
  // body's (a document cited, the guests, the donors…: see scope-speaker.ts).
  const { head, best, spoken, cited, donors, merged, ...spoke } = speakingLevel(text, key);
  let level = spoke.level;
  const levelRead = level;
  let citySpeaks = spoke.citySpeaks;
  const direct = new Map<AdminUnit, number>();
  // The name each unit was found by, and the names that several provinces hold ("xã Hồng Thái").
  const nameOf = new Map<AdminUnit, string>();
  const ambiguous = new Set<string>();
  const provinceOf = (u: AdminUnit): string => provinceIn(idx, u)?.code ?? u.code;
  const note = (k: string, list: AdminUnit[]) => {
    for (const u of list) nameOf.set(u, k);
    for (const e of [2024, 2025]) if (new Set(list.filter((u) => u.era === e).map(provinceOf)).size > 1) ambiguous.add(k);
  };
  const src = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const srcKey = key.length > 200_000 ? key.slice(0, 200_000) : key;
  const weightAt = (at: number) => (at < 400 ? 3 : 1) / (cited(at) ? 2 : 1) / (donors(at) ? 4 : 1) / (merged(at) ? 8 : 1);
  const { found, unknown } = namedUnits(src, srcKey, weightAt);
  found.push(...cooperativeCommunes(src, weightAt), ...describedUnits(src, weightAt));
  found.sort((a, b) => a.at - b.at);
  // A unit written with its address ("xã A, huyện B"), a name several units hold under a unit named elsewhere.
  narrowMentions(src, found, idx);
  // The same name elsewhere in the text is the same unit.
  const settled = new Map<string, AdminUnit[]>();
  // A mention that names one unit (of each structure), by its address or alone, settles the others of its name.
  for (const f of found) if (f.list.length === new Set(f.list.map((u) => u.era)).size) settled.set(f.key, f.list);
  for (const f of found) {
    const list = settled.get(f.key) ?? f.list;
    note(f.key, list);
    if (f.address) continue;
    for (const u of list) direct.set(u, (direct.get(u) ?? 0) + f.weight / list.length);
  }
  // The organ that acts in the lead names the unit, and the level the text speaks from unless the organs of another
  // level are named more than once outside the guests' titles ("Ban Dân vận Thành ủy Tam Kỳ tổ chức…" beside
  // "Phó Trưởng ban Dân vận Tỉnh ủy"; "Thị trấn Sông Đốc tổng kết…" beside "Phó Chủ tịch Hội Nông dân huyện"), the
  // guests' clause ("Dự hội nghị có lãnh đạo Ban Dân vận Tỉnh ủy, Ủy ban MTTQ tỉnh") and the documents cited.
  const organizer = leadOrganizer(src, found);
  if (organizer) {
    const list = settled.get(organizer.key) ?? organizer.list;
    for (const u of list) direct.set(u, (direct.get(u) ?? 0) + 3 / list.length);
    const own = list[0]!.level;
    const titledAt = inTitle(head);
    const skip = (at: number) => titledAt(at) || cited(at);
    const words = LEVEL_WORDS.find(([lv]) => lv === level)?.[1];
    const city = citySpeaks && list[0]!.type !== "thành phố" ? countMatches(CITY_WORDS, head, 200, skip) : 0;
    const others = !level || !words || own === level ? 0 : countMatches(words, head, 200, skip) + bareLevelCounts(src, head, skip)[level] / 2;
    // A unit's congress is its own event, whatever the organs of the province that hosts it.
    if (others + city < 2 || congressHeld(src, organizer)) { level = own; citySpeaks = citySpeaks && list[0]!.type === "thành phố"; }
  }
  // "ĐẢNG BỘ HUYỆN A\nĐẢNG ỦY XÃ B": the body that issues a Party document reports, whatever bodies above its text names.
  const issuer = headerIssuer(src, found);
  if (issuer) {
    const list = settled.get(issuer.key) ?? issuer.list;
    for (const u of list) direct.set(u, (direct.get(u) ?? 0) + 6 / list.length);
    level = list[0]!.level;
  }
  // A body above that oversees or visits a unit ("Ban Pháp chế HĐND tỉnh giám sát … tại huyện A … Toàn huyện đã xây
  // dựng 19 tủ sách"): the figures are counted at the unit's level, and the one unit of that level named twice reports.
  const lower = level ? countedLevel(head, level) : null;
  const ofLower = lower ? found.filter((f) => f.list[0]?.level === lower) : [];
  if (lower && ofLower.length >= 2 && new Set(ofLower.map((f) => f.key)).size === 1) level = lower;
  // Sites listed across districts ("xã A (huyện B), xã C (huyện D), phường E (thành phố F)"): a province's work.
  if (level && level !== "province" && sitesAcross(src, found, idx)) level = "province";
  // The headline's places, and a local portal's address at the level the text speaks from ("(hocmon.gov.vn)").
  // A commune is read in the headline only when the text names none with its type.
  const communeHeadline = level === "commune" && !found.some((f) => f.list.some((u) => u.level === "commune"));
  // A commune the lists no longer hold (merged since: "Đảng ủy phường A" of a ward joined to another), named with its
  // type in the lead or twice in such a text: the text's own unit, over the district named beside it and a headline's
  // bare name that a commune also bears ("Thanh Hóa tổ chức…" beside "Ủy ban Mặt trận thị trấn A").
  if (communeHeadline) {
    const top = topUnknown(unknown, (k) => levelOfType(k) === "commune", 2);
    if (top) return { unit: null, level, named: top };
  }
  for (const list of [...headlineUnits(src, idx, level, communeHeadline), portalUnits(src.slice(0, 800), idx, level), ...crumbUnits(crumbs, level)]) {
    for (const u of list) direct.set(u, (direct.get(u) ?? 0) + 3 / list.length);
  }
  // A newspaper's byline code names its province: "LSO-", "(GLO)-", "BPO –" (initials + O for online,
  // ĐT for điện tử, TV); "TP.HCM" is Hồ Chí Minh City.
  // The code names the newspaper, not the unit: alone, it answers only for a text that speaks from a province
  // (a district's news in Báo Gia Lai is not about the province); beside a unit named, it settles which one.
  // A commune's text dated after the reform (1 July 2025) reads the byline's place as a commune.
  const dated = level === "commune" && era === 2025 ? pageDate(head) : null;
  const trailer = bylinePlace(src, idx, dated !== null && (dated.year > 2025 || (dated.year === 2025 && dated.month >= 7)));
  for (const u of trailer) direct.set(u, (direct.get(u) ?? 0) + 3 / trailer.length);
  // "Thu Hằng - Chư Sê" closing a district's text that names no unit.
  const author = direct.size === 0 && level === "district" ? authorPlace(src, idx) : [];
  for (const u of author) direct.set(u, (direct.get(u) ?? 0) + 3 / author.length);
  // "Truyền hình Đại Lộc" heading the page of a district's text that names no unit: the local station's district.
  const masthead = direct.size === 0 && level === "district" ? mastheadPlace(src, idx) : [];
  for (const u of masthead) direct.set(u, (direct.get(u) ?? 0) + 3 / masthead.length);
  // "Yên Sơn, ngày 12 tháng 12 năm 2024" heading a document that names no unit (a province's by its seat: "Buôn Ma Thuột, ngày …").
  const dateline = direct.size === 0 && level !== null ? datelineUnits(src, idx, level) : [];
  for (const u of dateline) direct.set(u, (direct.get(u) ?? 0) + 3 / dateline.length);
  if (direct.size > 0 || level === "province" || level === null) {
    const press = bylineUnits(src.slice(0, 800));
    // A source line at the page's end ("Theo baolangson.vn") names the newspaper as its byline does.
    const paper = press.length ? press : sourceUnits(src);
    // Beside a unit of its province named with its type, in a text not speaking from the province ("(GLO)- … Hội Nông
    // dân huyện Chư Sê đạt …"), the code names only the newspaper: that unit is settled, the province gains nothing.
    // A unit named only as a donor or an example ("Điển hình như huyện A") settles nothing.
    const quiet = (u: AdminUnit) => found.some((f) => f.list.includes(u)) && found.every((f) => !f.list.includes(u) || donors(f.at));
    const held = level !== "province" && [...direct.keys()].some((u) => u.level !== "province" && !quiet(u) && paper.some((p) => isAncestor(idx, p, u)));
    if (!held) for (const u of paper) direct.set(u, (direct.get(u) ?? 0) + 3);
  }
  if (citySpeaks) {
    let top: AdminUnit | null = null;
    for (const [u, w] of direct) if (u.type === "thành phố" && (!top || w > direct.get(top)!)) top = u;
    // No city named, only provinces (a newspaper's "Theo Báo Bạc Liêu", "CMO -"): the city that bears one's name speaks.
    const namesake = top ? null : [...direct.keys()].map((p) => namesakeCity(idx, p)).find((c) => c);
    if (namesake) direct.set((top = namesake), 3);
    if (top) level = top.level;
  }
  if ((direct.size === 0 || found.every((f) => donors(f.at))) && (level === "province" || level === null)) {
    // A provincial text often names its province without "tỉnh": "Tỉnh ủy Lạng Sơn", "Bình Phước" (also beside a donor).
    for (const [u, n] of bareProvinces(src, donors)) direct.set(u, (direct.get(u) ?? 0) + n);
  }
  // A district's text may name its district only bare ("Công đoàn Đô Lương", "nông thôn Đô Lương").
  if (direct.size === 0 && level === "district") for (const u of bareDistrict(src)) direct.set(u, (direct.get(u) ?? 0) + 3);
  if (direct.size === 0) {
    // A commune the lists do not hold counts only in a text that speaks from a commune.
    // In a text no organ speaks from, a commune named twice or in the lead is its own ("phường A (thành phố B)").
    const top = topUnknown(unknown, (k) => levelOfType(k) !== "commune" || level === "commune", 1)
      ?? (level === null ? topUnknown(unknown, (k) => levelOfType(k) === "commune", 3) : null);
    return top ? { unit: null, level: levelOfType(top), named: top } : { unit: null, level };
  }
  // A district the lists do not hold (merged since: "Ủy ban MTTQ huyện Đất Đỏ … xã Phước Hội"), named as the level
  // the text speaks from in its headline or twice, while no listed unit of that level is named: the text's own
  // unit (its communes are listed under the unit it joined, which the text does not speak of).
  if (level && level !== "commune" && ![...direct.keys()].some((u) => u.level === level)) {
    const top = topUnknown(unknown, (k) => levelOfType(k) === level, 2);
    if (top) return { unit: null, level, named: top };
  }
  // Votes for ancestors: communes of one district name that district.
  const votes = new Map<AdminUnit, number>();
  const parentOf = (u: AdminUnit) => parentIn(idx, u);
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
  // The spelling the text names a unit by most, when it differs from the list's.
  const writtenOf = (u: AdminUnit): string | undefined => {
    const seen = found.filter((f) => f.list.includes(u));
    // A spelling in capitals agrees with the same letters in ordinary case, which give the name its case.
    const plain = seen.find((f) => f.written && f.written !== f.written.toUpperCase())?.written;
    return plain && seen.every((f) => f.written && letters(f.written) === letters(plain)) ? plain : undefined;
  };
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
  const formerType = (u: AdminUnit | null) => formerTypeOf(u, found, unknown);
  // Communes of one district, two or more, in a text that names no organ speaking: that district's, over the province
  // its newspaper's byline or a passing mention names ("(GLO)- … các xã Ia Sao, Ia Hrung, Ia Dêr …"); or the one
  // commune among them that the text names most, by far.
  const districtOfCommunes = (top: AdminUnit | null): AdminUnit | null => {
    if (!top || top.level !== "province") return null;
    const communes = [...direct.keys()].filter((u) => u.level === "commune" && u.era === top.era);
    const names = new Set(communes.map((u) => nameOf.get(u) ?? u.code));
    if (names.size < 2) return null;
    // The districts that hold a commune of every name (a name several districts hold: "xã Ia Sao").
    const held = [...new Set(communes.map((u) => u.parent))].filter((p) => [...names].every((k) => communes.some((u) => u.parent === p && (nameOf.get(u) ?? u.code) === k)));
    const d = held.length === 1 ? parentOf(communes.find((u) => u.parent === held[0])!) : null;
    if (!d || d.level !== "district" || d.parent !== top.code || direct.has(d)) return null;
    // One commune named twice as much as the others together is the story's own ("xã A …; xã A giáp xã B").
    const under = communes.filter((u) => u.parent === d.code);
    const total = under.reduce((t, u) => t + direct.get(u)!, 0);
    const first = under.reduce((a, b) => (direct.get(b)! > direct.get(a)! ? b : a));
    return direct.get(first)! >= 2 * (total - direct.get(first)!) ? first : d;
  };
  if (!level) {
    // No organ named: the most named unit decides.
    const top = districtOfCommunes(pick(() => true)) ?? pick(() => true);
    const former = formerType(top);
    if (former) return { unit: null, level: "district", named: former };
    return { unit: top, level: top?.level ?? null, written: top ? writtenOf(top) : undefined };
  }
  // None at the level the organs speak from: the most named unit all the same. A province or district
  // guessed only from a name several provinces hold is no answer: the unit named is ("xã Hồng Thái").
  let atLevel = pick((u) => u.level === level && firm.has(u)) ?? pick((u) => firm.has(u)) ?? pick(() => true);
  // "MTTQ xã A giám sát …; MTTQ xã B …; MTTQ xã C …" after "MTTQ cấp xã trên địa bàn huyện D": the organs of three units
  // or more of the level, each in its turn, report for the unit above them that the text names.
  if (level !== "province") {
    const up = organsRoundup(srcKey, found.map((f) => ({ ...f, list: settled.get(f.key) ?? f.list })), level, idx, (u) => direct.has(u), (at) => donors(at) || cited(at));
    if (up) return { unit: up, level: up.level, written: writtenOf(up) };
  }
  // A level read from one bare word ("tội phạm trên địa bàn tỉnh") is no organ speaking: a province named by no
  // one but inferred from the district the text names again and again is not the text's unit; that district is. So
  // is a level read from its organs named bare only ("Hội Nông dân huyện phối hợp với UBND xã A tổ chức đối thoại").
  if ((best < 1 || (spoken === 0 && level === levelRead)) && atLevel && !direct.has(atLevel)) {
    const named = pick((u) => direct.has(u) && firm.has(u) && direct.get(u)! >= 2);
    if (named) return { unit: named, level: named.level, written: writtenOf(named) };
  }
  // "Huyện Krông Pa: tổng kết …" over "Đảng ủy xã A …; UBND xã B …; Đảng ủy xã C …": a headline's unit above the level
  // the organs speak from, whose units at that level the body names two or more of, is a roundup of its own.
  const roundup = atLevel ? headlineRoundup(src, found, atLevel, idx) : null;
  if (roundup) return { unit: roundup, level: roundup.level };
  // "Sáng 7/7, tại xã A, Ban Dân vận Huyện ủy tổ chức … toàn huyện có …": a unit below the level the organs speak from,
  // named only as the place their meeting was held, in a text on the whole of that level, is not the text's: the level
  // stands, its unit unnamed (deputies meeting a commune's voters "tại xã A" speak of that commune).
  if (atLevel && RANK[atLevel.level] < RANK[level] && WHOLE_LEVEL.test(head) && venueOnly(srcKey, found.filter((f) => f.list.includes(atLevel!)))) return { unit: null, level };
  if (atLevel && ambiguous.has(nameOf.get(atLevel) ?? "") && direct.has(atLevel)) {
    // A town's text ("Ban Dân vận Thị ủy", "toàn thị xã") naming a commune several provinces hold ("xã Hòa Phong"):
    // the one town of that kind among the communes' districts.
    const town = level === "district" ? townOfKind(head, idx.byKey.get(nameOf.get(atLevel)!) ?? [], parentOf) : null;
    if (town) return { unit: town, level: "district" };
    return { unit: null, level: atLevel.level, named: label(atLevel) };
  }
  const former = formerType(atLevel);
  if (former) return { unit: null, level: "district", named: former };
  return { unit: atLevel, level: atLevel?.level ?? level, written: atLevel ? writtenOf(atLevel) : undefined };
}
