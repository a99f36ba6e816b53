/**
 * Who issues a report and how it is numbered (pure). Party bodies (Đảng ủy, Ban Dân vận, Ban Tuyên
 * giáo và Dân vận, Ban Xây dựng Đảng) write in the Party format of Hướng dẫn 36-HD/VPTW; Ủy ban
 * nhân dân writes in the State format of Nghị định 30/2020/NĐ-CP. Party numbers restart for each
 * document type every committee term; State numbers restart every calendar year.
 */
import type { UnitLevel } from "../core/hierarchy.ts";
import { upper, type DocStyle } from "./format.ts";

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
  /** Its name in running text ("Ban Dân vận Huyện ủy Krông Pa"). */
  title: string;
  /** The symbol after the type: "BDVHU" in "Số 12-BC/BDVHU", "UBND" in "Số: 05/BC-UBND". */
  symbol: string;
  /** The place in the place-date line: "Krông Pa". */
  place: string;
  /** Signature block: "T/M BAN THƯỜNG VỤ" or null, then the signer's title. */
  authority: string | null;
  signerTitle: string;
  /** Nơi nhận, without the leading dash and trailing punctuation. */
  recipients: string[];
}

/** The Party committee of a unit: "Huyện ủy Krông Pa", "Tỉnh ủy Gia Lai", "Đảng ủy xã Ia Rsai". */
export function partyCommittee(u: IssuerUnit): { name: string; short: string } {
  switch (u.level) {
    case "country":
      return { name: "Ban Chấp hành Trung ương", short: "TW" };
    case "province":
      return u.type === "thành phố" ? { name: `Thành ủy ${u.name}`, short: "TU" } : { name: `Tỉnh ủy ${u.name}`, short: "TU" };
    case "district": {
      const t = u.type === "quận" ? ["Quận ủy", "QU"] : u.type === "thị xã" ? ["Thị ủy", "ThU"] : u.type === "thành phố" ? ["Thành ủy", "TU"] : ["Huyện ủy", "HU"];
      return { name: `${t[0]} ${u.name}`, short: t[1]! };
    }
    default:
      return { name: `Đảng ủy ${u.type} ${u.name}`, short: "ĐU" };
  }
}

/** The issuer of a unit's report in a body's format, on the document's date. */
export function issuerFor(unit: IssuerUnit, parent: IssuerUnit | null, style: DocStyle, date: string): Issuer {
  const place = unit.name;
  if (style === "state") {
    const area = `${unit.type} ${unit.name}`;
    const parentUbnd = parent && parent.level !== "country" ? `UBND ${parent.type} ${parent.name} (b/c)` : null;
    return {
      style, superior: null, name: unit.level === "country" ? "CHÍNH PHỦ" : `ỦY BAN NHÂN DÂN\n${upper(area)}`,
      title: `Ủy ban nhân dân ${area}`, symbol: unit.level === "country" ? "CP" : "UBND", place,
      authority: "TM. ỦY BAN NHÂN DÂN", signerTitle: "CHỦ TỊCH",
      recipients: [...(parentUbnd ? [parentUbnd] : []), `TT ${partyCommittee(unit).name}, TT HĐND ${unit.type} (b/c)`, "Lưu: VT"],
    };
  }
  const committee = partyCommittee(unit);
  const parentCommittee = parent && parent.level !== "country" ? partyCommittee(parent) : null;
  if (unit.level === "commune") {
    // Communes have no Ban Dân vận; since 1/7/2025 the commune's Ban Xây dựng Đảng carries dân vận.
    if (date >= "2025-07-01") {
      return {
        style, superior: upper(committee.name), name: "BAN XÂY DỰNG ĐẢNG", title: `Ban Xây dựng Đảng ${committee.name}`, symbol: "BXDĐ", place,
        authority: null, signerTitle: "TRƯỞNG BAN",
        recipients: [...(parentCommittee ? [`Ban Tuyên giáo và Dân vận ${parentCommittee.name} (b/c)`] : []), `Thường trực ${committee.name} (b/c)`, "Lưu Ban Xây dựng Đảng"],
      };
    }
    return {
      style, superior: parentCommittee ? upper(`Đảng bộ ${parent!.type} ${parent!.name}`) : null, name: upper(committee.name), title: committee.name,
      symbol: "ĐU", place, authority: "T/M ĐẢNG ỦY", signerTitle: "BÍ THƯ",
      recipients: [...(parentCommittee ? [`Ban Dân vận ${parentCommittee.name} (b/c)`, `Thường trực ${parentCommittee.name} (b/c)`] : []), "Lưu Văn phòng Đảng ủy"],
    };
  }
  // Ban Dân vận became Ban Tuyên giáo và Dân vận: central level in February 2025, provinces in March.
  const merged = date >= (unit.level === "country" ? "2025-02-01" : "2025-03-01") && unit.level !== "district";
  const ban = merged ? "Ban Tuyên giáo và Dân vận" : "Ban Dân vận";
  const parentBan = parentCommittee ? `${date >= "2025-03-01" ? "Ban Tuyên giáo và Dân vận" : "Ban Dân vận"} ${parentCommittee.name} (b/c)` : null;
  return {
    style, superior: upper(committee.name), name: upper(ban), title: `${ban} ${committee.name}`,
    symbol: `${merged ? "BTGDV" : "BDV"}${committee.short}`, place, authority: null, signerTitle: "TRƯỞNG BAN",
    recipients: [...(parentBan ? [parentBan] : []), `Thường trực ${committee.name} (b/c)`, `Lưu ${ban}`],
  };
}

/**
 * The numbering series a document date falls in. State: the calendar year ("2024"). Party: the
 * committee term ("2020-2025"); terms start in the congress year (multiples of 5) on `termStart`
 * (MM-DD, configurable: congresses are held on different days at each level — verify locally).
 */
export function numberSeries(style: DocStyle, date: string, termStart = "10-01"): string {
  const y = Number(date.slice(0, 4));
  if (style === "state") return String(y);
  let s = y - (y % 5);
  if (date < `${s}-${termStart}`) s -= 5;
  return `${s}-${s + 5}`;
}
