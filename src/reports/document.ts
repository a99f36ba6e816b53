/**
 * Who issues a report and how it is numbered (pure). Party bodies (Đảng ủy, Ban Dân vận, Ban Tuyên
 * giáo và Dân vận, Ban Xây dựng Đảng) write in the Party format of Hướng dẫn 36-HD/VPTW; Ủy ban
 * nhân dân writes in the State format of Nghị định 30/2020/NĐ-CP. Everything about the issuer —
 * its name, its Ban, the recipients, the signer's title — is read at one date, the document's.
 * Party numbers restart for each document type every committee term; State numbers every year.
 */
import type { UnitLevel } from "../core/hierarchy.ts";
import { upper, type DocStyle } from "./format.ts";
import { nameSegments } from "./layout.ts";

export interface IssuerUnit {
  id: number;
  name: string;
  fullName: string;
  type: string;
  level: UnitLevel;
}

export interface Issuer {
  style: DocStyle;
  /** The body above the issuer, first line of the header (Party), or null. */
  superior: string | null;
  /** The issuing body in capitals; may hold a line break ("ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG PA"). */
  name: string;
  /** The same as unbreakable word groups: `superior` then each line of `name` (header layout). */
  words: { superior: string[] | null; name: string[][] };
  /** Its name in running text ("Ban Dân vận Huyện ủy Krông Pa"). */
  title: string;
  /** The Ban that issues the report ("Ban Dân vận"), or null for a Đảng ủy or an Ủy ban nhân dân. */
  ban: string | null;
  /** The symbol after the type: "BDVHU" in "Số 12-BC/BDVHU", "UBND" in "Số: 05/BC-UBND". */
  symbol: string;
  /** The place in the place-date line: "Krông Pa". */
  place: string;
  /** Signature block: "T/M BAN THƯỜNG VỤ" or null, then the signer's title. */
  authority: string | null;
  signerTitle: string;
  /** The signer's title in running text ("Trưởng Ban Dân vận Huyện ủy Krông Pa"). */
  signerRole: string;
  /** Nơi nhận, without the leading dash and trailing punctuation. */
  recipients: string[];
  /** The body above, in running text, that kiến nghị go to; null at the top. */
  superiorBody: string | null;
  /** Unit names in the issuer's texts, which a line must not break ("Gia Lai", "Krông Pa"). */
  names: string[];
}

/** The Party committee of a unit: "Huyện ủy Krông Pa", "Tỉnh ủy Gia Lai", "Đảng ủy xã Ia Rsai". */
export function partyCommittee(u: IssuerUnit): { name: string; short: string; word: string } {
  switch (u.level) {
    case "country":
      return { name: "Ban Chấp hành Trung ương", short: "TW", word: "Ban Chấp hành Trung ương" };
    case "province":
      return u.type === "thành phố" ? { name: `Thành ủy ${u.name}`, short: "TU", word: "Thành ủy" } : { name: `Tỉnh ủy ${u.name}`, short: "TU", word: "Tỉnh ủy" };
    case "district": {
      const t = u.type === "quận" ? ["Quận ủy", "QU"] : u.type === "thị xã" ? ["Thị ủy", "ThU"] : u.type === "thành phố" ? ["Thành ủy", "TU"] : ["Huyện ủy", "HU"];
      return { name: `${t[0]} ${u.name}`, short: t[1]!, word: t[0]! };
    }
    default:
      return { name: `Đảng ủy ${u.type} ${u.name}`, short: "ĐU", word: "Đảng ủy" };
  }
}

/**
 * The Party body that carries dân vận work at a level on a date: Ban Dân vận until it merged into
 * Ban Tuyên giáo và Dân vận (central level from 1/2/2025, provinces from 1/3/2025; district Bans
 * are kept as Ban Dân vận until the districts ended on 30/6/2025); a commune has no Ban before
 * 1/7/2025, and from then its Ban Xây dựng Đảng carries dân vận.
 */
export function banAt(level: UnitLevel, date: string): string | null {
  switch (level) {
    case "country":
      return date >= "2025-02-01" ? "Ban Tuyên giáo và Dân vận" : "Ban Dân vận";
    case "province":
      return date >= "2025-03-01" ? "Ban Tuyên giáo và Dân vận" : "Ban Dân vận";
    case "district":
      return "Ban Dân vận";
    default:
      return date >= "2025-07-01" ? "Ban Xây dựng Đảng" : null;
  }
}

/** Word groups of a committee's name in capitals: ["HUYỆN ỦY", "KRÔNG PA"], ["ĐẢNG ỦY", "XÃ", "IA RSAI"]. */
function committeeWords(u: IssuerUnit): string[] {
  const c = partyCommittee(u);
  if (u.level === "country") return ["BAN CHẤP HÀNH", "TRUNG ƯƠNG"];
  return [upper(c.word), ...(u.level === "commune" ? [upper(u.type)] : []), ...nameSegments(upper(u.name))];
}

/** Word groups of a Ban's name: ["BAN", "TUYÊN GIÁO", "VÀ", "DÂN VẬN"]. */
function banWords(ban: string): string[] {
  return upper(ban).replace(/^BAN /, "BAN|").replace(/ VÀ /, "| VÀ |").replace(/ ĐẢNG$/, "|ĐẢNG").split("|").map((s) => s.trim()).filter(Boolean);
}

/** The issuer of a unit's report in a format, on the document's date (`parent` as it was on that date). */
export function issuerFor(unit: IssuerUnit, parent: IssuerUnit | null, style: DocStyle, date: string): Issuer {
  const place = unit.name;
  const parentCommittee = parent && parent.level !== "country" ? partyCommittee(parent) : null;
  const parentBan = parent && parent.level !== "country" ? banAt(parent.level, date) : null;
  const centralBan = unit.level === "province" ? `${banAt("country", date)} Trung ương` : null;
  const superiorBody = parentCommittee ? (parentBan ? `${parentBan} ${parentCommittee.name}` : `Thường trực ${parentCommittee.name}`) : centralBan;
  const names = [unit.name, ...(parent && parent.level !== "country" ? [parent.name] : [])].filter((n) => n.includes(" "));
  if (style === "state") {
    const area = `${unit.type} ${unit.name}`;
    const country = unit.level === "country";
    const parentUbnd = parent && parent.level !== "country" ? `Ủy ban nhân dân ${parent.type} ${parent.name}` : null;
    return {
      style, superior: null, name: country ? "CHÍNH PHỦ" : `ỦY BAN NHÂN DÂN\n${upper(area)}`,
      words: { superior: null, name: country ? [["CHÍNH PHỦ"]] : [["ỦY BAN NHÂN DÂN"], [upper(unit.type), ...nameSegments(upper(unit.name))]] },
      title: `Ủy ban nhân dân ${area}`, ban: null, symbol: country ? "CP" : "UBND", place,
      authority: country ? "TM. CHÍNH PHỦ" : "TM. ỦY BAN NHÂN DÂN", signerTitle: country ? "THỦ TƯỚNG" : "CHỦ TỊCH",
      signerRole: country ? "Thủ tướng Chính phủ" : `Chủ tịch Ủy ban nhân dân ${area}`,
      recipients: [...(parentUbnd ? [`${parentUbnd} (b/c)`] : []), ...(country ? [] : [`Thường trực ${partyCommittee(unit).name}, Thường trực HĐND ${unit.type} (b/c)`]), "Lưu: VT"],
      superiorBody: parentUbnd ?? (unit.level === "province" ? "Chính phủ" : null), names,
    };
  }
  const committee = partyCommittee(unit);
  const ban = banAt(unit.level, date);
  if (ban === null) {
    // A commune before 1/7/2025: its Đảng ủy issues, under the district's Đảng bộ.
    const superiorWords = parent ? ["ĐẢNG BỘ", upper(parent.type), ...nameSegments(upper(parent.name))] : null;
    return {
      style, superior: superiorWords ? superiorWords.join(" ") : null, name: upper(committee.name),
      words: { superior: superiorWords, name: [committeeWords(unit)] },
      title: committee.name, ban: null, symbol: "ĐU", place, authority: "T/M ĐẢNG ỦY", signerTitle: "BÍ THƯ",
      signerRole: `Bí thư ${committee.name}`,
      recipients: [...(parentCommittee ? [`${parentBan ?? "Ban Dân vận"} ${parentCommittee.name} (b/c)`, `Thường trực ${parentCommittee.name} (b/c)`] : []), "Lưu Văn phòng Đảng ủy"],
      superiorBody, names,
    };
  }
  const symbol = ban === "Ban Xây dựng Đảng" ? "BXDĐ" : `${ban === "Ban Tuyên giáo và Dân vận" ? "BTGDV" : "BDV"}${committee.short}`;
  return {
    style, superior: upper(committee.name), name: upper(ban),
    words: { superior: committeeWords(unit), name: [banWords(ban)] },
    title: `${ban} ${committee.name}`, ban, symbol, place, authority: null, signerTitle: "TRƯỞNG BAN",
    signerRole: `Trưởng ${ban} ${committee.name}`,
    recipients: [...(superiorBody ? [`${superiorBody} (b/c)`] : []), `Thường trực ${committee.name} (b/c)`, `Lưu ${ban}`],
    superiorBody, names,
  };
}

/**
 * The numbering series a document date falls in. State: the calendar year ("2024"). Party: the
 * committee term ("2020-2025"); terms start in the congress year (multiples of 5) on `termStart`
 * (MM-DD, a setting: congresses are held on different days at each level).
 */
export function numberSeries(style: DocStyle, date: string, termStart: string): string {
  const y = Number(date.slice(0, 4));
  if (style === "state") return String(y);
  let s = y - (y % 5);
  if (date < `${s}-${termStart}`) s -= 5;
  return `${s}-${s + 5}`;
}
