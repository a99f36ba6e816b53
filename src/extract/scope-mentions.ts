/**
 * Pure: the units a text names with their type word ("huyện Krông Pa", "TP. Pleiku", "Huyện ủy Tuy Phước", "Q.3",
 * "Thành phố PRTC"), read against the unit lists of both structures (see scope-unit.ts, which decides among them).
 */
import { keyOf } from "./normalize.ts";
import { rx } from "./lexicon.ts";
import { type Mention } from "./scope-types.ts";
import { looseKey, ACRONYM, byInitials, unitIndex, TYPE_WORDS, COMMITTEE_TYPE, ONE_LETTER, LEVEL_TYPES } from "./scope-units.ts";

const DISTRICT_BY_NUMBER_BEFORE = rx("(ubnd|hđnd|mttq|uỷ ban|đảng uỷ|dân vận|công an|\\btại|\\bở|\\bcủa)\\s*$");
/** "ủy" right after a name makes it an organ's word ("Đảng ủy"). */
const ORGAN_AFTER = /^\s*(ủy|uỷ)(?![\p{L}\p{M}])/u;
/** A title whose holder's name may follow the organ's place word. */
const PERSON_TITLE = rx("(chủ tịch|bí thư|trưởng ban|giám đốc|ủy viên|đồng chí)\\b");
/** The commonest family names, which open a person's name of two words ("Lê Dũng"). */
const FAMILY_NAME = rx("^(nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|hồ|ngô|dương|lý|đào|đoàn|trịnh|trương|đinh|lương|lưu|phùng|quách|tạ|vương)$");

/** A term's word, capitalised after a council's place word ("HĐND tỉnh Khóa XII"), and a term's number in Roman numerals. */
const TERM_WORD = rx("^(khoá|khóa|nhiệm|kỳ|lần)$");
const ROMAN = /^[IVXLC]+$/u;

/** Before a type word, what makes it plural: "các xã …", "những phường …", "4 xã …". */
const PLURAL_TYPE = /(?:^|[^\p{L}\p{M}])(?:các|những|\d+)\s+$/u;

/** A name's letters and marks, its case and the spaces around its dashes aside. */
export const letters = (w: string) => keyOf(w).replace(/\s*[-–—]\s*/g, "-");

/**
 * How `text` (`key` its folded form, aligned) writes `name` when it places the tone marks otherwise than the lists
 * ("Khánh Hoà" for "Khánh Hòa") the same way wherever it names it outside capitals, else undefined.
 */
export function spelledOtherwise(text: string, key: string, name: string): string | undefined {
  const k = keyOf(name);
  const seen = new Set<string>();
  for (let at = key.indexOf(k), n = 0; at >= 0 && n < 50; at = key.indexOf(k, at + 1), n++) {
    if (/[\p{L}\p{M}]/u.test(key[at - 1] ?? "") || /[\p{L}\p{M}]/u.test(key[at + k.length] ?? "")) continue;
    const as = text.slice(at, at + k.length);
    if (as !== as.toUpperCase()) seen.add(as);
  }
  const [only] = seen;
  return seen.size === 1 && only!.toLowerCase() !== name.toLowerCase() ? only : undefined;
}

/**
 * Every unit `src` names with its type, in order ([at, end) covers the type word and the name), each weighing
 * `weightAt` its position; and the names written with a type that the lists do not hold ("huyện Đất Đỏ", merged
 * since), with their weights.
 */
/** The first words of an organ's name, not a place's: "Ban Dân vận", "Văn phòng", "Ủy ban Kiểm tra", "Hội Nông dân". */
const ORGAN_NAME = /^(ban|văn phòng|uỷ ban|ủy ban|hội|đoàn|mặt trận|phòng|đảng|cơ quan|trung tâm|sở|công an|bộ chỉ huy)(?![\p{L}\p{M}])/u;

/** A signer's title ("TRƯỞNG BAN", "PHÓ BÍ THƯ", "CHỦ TỊCH"), written under the organ that signs. */
const SIGNER_TITLE = rx("^(phó )?(trưởng ban|bí thư|chủ tịch|chánh văn phòng|trưởng phòng|giám đốc|thường trực|ủy viên|thư ký)\\b");

/** The other type words of `type`'s level: "phường" and "thị trấn" for "xã"; none for a province. */
function siblingTypes(type: string): readonly string[] {
  for (const types of Object.values(LEVEL_TYPES) as ReadonlyArray<readonly string[]>) if (types.includes(type)) return types.filter((t) => t !== type);
  return [];
}

export function namedUnits(src: string, srcKey: string, weightAt: (at: number) => number): { found: Mention[]; unknown: Map<string, number> } {
  const idx = unitIndex();
  const found: Mention[] = [];
  const unknown = new Map<string, number>();
  const TYPE = new RegExp(TYPE_WORDS.source, "gu");
  let lastUnknownEnd = -1; // where the last name the lists do not hold ends
  let m: RegExpExecArray | null;
  while ((m = TYPE.exec(srcKey)) && found.length < 500) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
    // "HU", "TU", "TT", "Q1": only in capitals (a committee's abbreviation).
    if ((m[3] || m[4]) && (src.slice(m.index, m.index + raw.length) !== raw.toUpperCase())) continue;
    // "Q1" names a district after an organ or a preposition of place ("UBND Q1", "tại Q1"); "Trong Q3" is a quarter.
    if (m[4] && !DISTRICT_BY_NUMBER_BEFORE.test(srcKey.slice(Math.max(0, m.index - 30), m.index))) continue;
    const nameStart = m.index + m[0].length;
    // A district or a ward named by its number: "Quận 10", "Q.3", "Phường 8" (which the district beside it settles).
    const numbered = COMMITTEE_TYPE[raw] ?? raw;
    if ((numbered === "quận" || numbered === "phường") && /\d/.test(src[nameStart] ?? "")) {
      // Not a span of time after the ward's word: "trên địa bàn phường 10 tháng năm 2024" is the ward's ten months.
      const num = /^\d{1,2}(?!\d|[.,/]\d|\s+(?:tháng|năm|quý|ngày|tuần)(?![\p{L}\p{M}]))/iu.exec(src.slice(nameStart, nameStart + 12));
      const k = num ? keyOf(`${numbered} ${num[0]}`) : "";
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
    const least = m[2] && ONE_LETTER.has(raw) ? 2 : 1;
    // Up to four words, the first capitalised: try the longest name that is a unit. The words
    // after the first may be in lower case ("huyện Đô lương", typed so).
    // A dash between the words, spaced or not, is part of the name: "Bà Rịa – Vũng Tàu", "Thừa Thiên - Huế".
    // A number closing the name is part of it ("xã Thường Phước 1", "xã A Lưới 2", "xã Đường 10"), unless it opens a
    // date or a span of time ("xã Hòa Bình 6 tháng đầu năm", "phường Đông Hải 1/7").
    const nameAt = (start: number) => /^(\p{Lu}[\p{L}\p{M}'’]*)(?:(?: ?[–-] ?| )([\p{L}\p{M}'’]+))?(?:(?: ?[–-] ?| )([\p{L}\p{M}'’]+))?(?:(?: ?[–-] ?| )([\p{L}\p{M}'’]+))?(?: (\d{1,2})(?![\d\p{L}]|[.,/:]\d|\s+(?:tháng|năm|quý|ngày|tuần|giờ)(?![\p{L}\p{M}])))?/u.exec(src.slice(start, start + 60));
    const lookup = (start: number, words: RegExpExecArray): Mention | null => {
      const parts = words.slice(1).filter((w): w is string => !!w);
      const pieces = words[0].split(/( ?[–-] ?| )/);
      // Exactly as listed first; then written together or without some marks ("xã ĐăkPơ", "huyện Đakrông").
      for (const fold of [keyOf, looseKey]) {
        const index = fold === keyOf ? idx.byKey : idx.byLoose;
        for (let n = parts.length; n >= least; n--) {
          let list = index.get(fold(`${type} ${parts.slice(0, n).join(" ")}`));
          if (!list) continue;
          let listType = type;
          // A longer name listed under another type of the same level is the unit, its type since changed ("xã Long
          // Thành Trung", a ward since 2020), rather than a shorter namesake of the type written ("xã Long Thành" elsewhere).
          for (let longer = parts.length; longer > n; longer--) {
            const other = siblingTypes(type).map((t) => index.get(fold(`${t} ${parts.slice(0, longer).join(" ")}`))).find((l) => l !== undefined);
            if (other) { list = other; listType = keyOf(other[0]!.type); n = longer; break; }
          }
          const end = start + pieces.slice(0, 2 * n - 1).join("").length;
          // A name spelled otherwise than the list's is kept as written ("huyện Đak Đoa"; in capitals, "ĐAK ĐOA", it
          // agrees with the name written so in ordinary case: see scope-unit.ts).
          const as = src.slice(start, end);
          // So is a name whose tone marks the text places otherwise ("Hoà Vang" for the list's "Hòa Vang").
          const otherwise = fold === looseKey ? letters(as) !== letters(list[0]!.name) : as.toLowerCase() !== list[0]!.name.toLowerCase();
          const written = otherwise ? as : undefined;
          return { at: m!.index, end, key: keyOf(`${listType} ${list[0]!.name}`), list, weight: weightAt(m!.index), written };
        }
      }
      return null;
    };
    /** The names after a listed unit, joined by commas or "và", each of the type word's units. */
    const listed = (from: number): Mention[] => {
      const out: Mention[] = [];
      for (let at = from; out.length < 20;) {
        const sep = /^\s*(?:,|và|,\s*và)\s+(?=\p{Lu})/u.exec(src.slice(at, at + 8));
        const words = sep ? nameAt(at + sep[0].length) : null;
        const next = words ? lookup(at + sep![0].length, words) : null;
        if (!next) break;
        out.push({ ...next, at: at + sep![0].length });
        at = next.end;
      }
      return out;
    };
    if (acro && initials) {
      // "THỊ XÃ AN KHÊ": capitals that spell a listed name word by word are that name, not initials ("AN" of An Nhơn).
      const asWords = nameAt(nameStart);
      const asName = asWords ? lookup(nameStart, asWords) : null;
      if (asName && asName.end > nameStart + acro[0].length) { found.push(asName); continue; }
      found.push({ at: m.index, end: nameStart + acro[0].length, key: keyOf(`${type} ${initials[0]!.name}`), list: initials, weight: weightAt(m.index) });
      continue;
    }
    // "TP. Hội An", "thành phố Hội An": a committee word capitalised after the type ("hội" of "Tỉnh hội", "đoàn"
    // of "Huyện đoàn") is the first word of the name, when that makes a unit's name.
    const sfx = /\s(uỷ|ủy|đoàn|hội)\s+$/u.exec(m[0]);
    const sfxAt = sfx ? m.index + sfx.index + 1 : -1;
    const sfxWords = sfx && /\p{Lu}/u.test(src[sfxAt] ?? "") ? nameAt(sfxAt) : null;
    const sfxHit = sfxWords ? lookup(sfxAt, sfxWords) : null;
    if (sfxHit) { found.push(sfxHit); continue; }
    const words = nameAt(nameStart);
    if (!words) continue;
    const parts = words.slice(1).filter((w): w is string => !!w);
    const hit = lookup(nameStart, words);
    // "tại hội trường xã Đảng ủy xã": the name's word with "ủy" after it is an organ ("Đảng ủy"), not a unit.
    if (hit && ORGAN_AFTER.test(src.slice(hit.end, hit.end + 6))) continue;
    // "phường Hải Châu I" (merged in 2024 into "phường Hải Châu"): a Roman numeral closing a name the lists hold only
    // without it names a unit they no longer hold, kept as written.
    const numeral = hit && !hit.written ? / ([IVX]{1,4})(?![\p{L}\p{M}\d])/u.exec(src.slice(hit.end, hit.end + 6)) : null;
    if (hit && numeral && numeral.index === 0) {
      const k = `${type} ${src.slice(nameStart, hit.end)} ${numeral[1]}`;
      unknown.set(k, (unknown.get(k) ?? 0) + weightAt(m.index));
      lastUnknownEnd = hit.end + numeral[0].length;
      continue;
    }
    if (hit) {
      found.push(hit);
      // "các xã Ia Sao, Ia Hrung và Ia Dêr", "4 xã A, B, C": a plural type word names each unit of the list after it.
      if (PLURAL_TYPE.test(srcKey.slice(Math.max(0, m.index - 12), m.index))) found.push(...listed(hit.end));
      continue;
    }
    // "TT" without a dot is also a centre ("TT Y tế huyện"): only a listed town is read from it.
    if (least === 1 && !(m[3] && raw === "tt")) {
      // A unit the lists do not hold (a district merged before 2025: "huyện Đất Đỏ", a commune merged
      // before that): kept in case the text names no other.
      let n = 0;
      while (n < parts.length && /^\p{Lu}/u.test(parts[n]!)) n++;
      // "Tỉnh đoàn Thanh niên": one capitalised word before a word in lower case opens a common noun, not a name
      // (the names the lists no longer hold are of two words or more).
      if (n < 2) continue;
      // "HĐND tỉnh Khóa XII", "huyện Nhiệm Kỳ II": a council's term after its place word, not a name.
      if (TERM_WORD.test(keyOf(parts[0]!)) || parts.slice(0, n).some((w) => ROMAN.test(w))) continue;
      // "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Hà Anh Dũng", "… tỉnh Lê Dũng": a title's holder, named after the organ
      // (of two words when the first is a family name: "Chủ tịch UBND huyện Đất Đỏ" names a district).
      if ((n >= 3 || FAMILY_NAME.test(keyOf(parts[0]!))) && PERSON_TITLE.test(srcKey.slice(Math.max(0, m.index - 50), m.index))) continue;
      const name = parts.slice(0, n).join(" ");
      // "TỈNH ỦY\nBAN DÂN VẬN": a document's header, the body under the committee on the next line, names no unit.
      if (m[0].includes("\n") && ORGAN_NAME.test(keyOf(name))) continue;
      // "T/M BAN DÂN VẬN HUYỆN ỦY\nTRƯỞNG BAN": a signer's title under the organ, not a name.
      if (SIGNER_TITLE.test(keyOf(name))) continue;
      const k = `${type} ${name}`;
      // "phường A (thành phố B)", "xã A, huyện B": the address of the unit named just before, not a place reported on.
      const before = found.at(-1);
      if ((before && /^\s*[,(]\s*$/u.test(src.slice(before.end, m.index))) || /^\s*[,(]\s*$/u.test(src.slice(lastUnknownEnd, m.index))) continue;
      lastUnknownEnd = nameStart + name.length;
      unknown.set(k, (unknown.get(k) ?? 0) + weightAt(m.index));
    }
  }
  return { found, unknown };
}

/** The name the lists do not hold that weighs most among those `accept` takes, when it weighs more than `above`. */
export function topUnknown(unknown: Map<string, number>, accept: (typeAndName: string) => boolean, above: number): string | null {
  let top: string | null = null;
  let topScore = above;
  for (const [k, v] of unknown) if (v > topScore && accept(k)) { top = k; topScore = v; }
  return top;
}
