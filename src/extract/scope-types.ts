/**
 * Pure: the types of a report's scope and of the administrative units it is matched against.
 */

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

export interface AdminUnit {
  code: string;
  name: string;
  type: string;
  level: Level;
  parent: string | null;
  /** 2024 = the 3-level structure (to 30/6/2025), 2025 = the 2-level one. */
  era: 2024 | 2025;
}

export interface UnitIndex {
  byKey: Map<string, AdminUnit[]>;
  byCode: Map<string, AdminUnit[]>;
  /** By "type name" folded further (see looseKey): a fallback for names written otherwise. */
  byLoose: Map<string, AdminUnit[]>;
}

/** A unit named in the text: where, by which key, the units that may be meant, its weight. */
export interface Mention {
  at: number;
  end: number;
  key: string;
  list: AdminUnit[];
  weight: number;
  /** The name as the text spells it, when that differs from the list's spelling ("Đak Đoa" for "Đăk Đoa"). */
  written?: string;
  /** Written as the address of the unit named just before ("xã A, huyện B"): B is not reported on. */
  address?: boolean;
}
