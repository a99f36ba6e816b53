/**
 * How a report speaks (pure, no I/O): the words that depend on the unit (a phường has "tổ dân
 * phố", not "thôn, buôn"; a commune has no "các cấp"), unit names inside a sentence ("xã Chư
 * Ngọc", never "; Xã Chư Ngọc"), and the direction and size of a change, from which every
 * evaluative phrase is chosen. Counts compare by their relative change, rates in percentage points.
 */
import type { UnitLevel } from "../core/hierarchy.ts";
import { periodLabel, type Period } from "../core/period.ts";

/** The unit a report is about, as the wording needs it. */
export interface VoiceUnit {
  level: UnitLevel;
  type: string;
  name: string;
  fullName: string;
}

/** The unit-dependent words of one report. */
export interface Voice {
  /** The Party committees that lead dân vận in the area: "các cấp ủy đảng", "Đảng ủy". */
  committees: string;
  /** Committees and authorities: "cấp ủy, chính quyền các cấp" / "cấp ủy, chính quyền". */
  leaders: string;
  /** The whole system: "các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể" / without "các cấp". */
  system: string;
  /** The villages of the area: "thôn, buôn, tổ dân phố", "tổ dân phố", "thôn, buôn". */
  villages: string;
  /** The sub-units, in a sentence: "các xã, thị trấn", "các huyện, thị xã, thành phố", or null. */
  subunits: string | null;
  /** "toàn huyện", "toàn tỉnh", "toàn xã", "toàn phường". */
  whole: string;
  /** False for communes: no "các cấp" in their reports. */
  hasLevels: boolean;
}

/** The words of a report about `u`; `reformed` is true for the 2-level structure (from 1/7/2025). */
export function voiceOf(u: VoiceUnit, reformed: boolean): Voice {
  const commune = u.level === "commune";
  const villages = u.type === "phường" ? "tổ dân phố" : u.type === "thị trấn" ? "thôn, tổ dân phố" : commune ? "thôn, buôn" : "thôn, buôn, tổ dân phố";
  const subunits = u.level === "country" ? "các tỉnh, thành phố"
    : u.level === "province" ? (reformed ? "các xã, phường, đặc khu" : "các huyện, thị xã, thành phố")
    : u.level === "district" ? (u.type === "quận" ? "các phường" : "các xã, thị trấn")
    : null;
  return {
    committees: commune ? "Đảng ủy" : "các cấp ủy đảng",
    leaders: commune ? "cấp ủy, chính quyền" : "cấp ủy, chính quyền các cấp",
    system: commune ? "cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể" : "các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể",
    villages,
    subunits,
    whole: `toàn ${u.level === "country" ? "quốc" : u.type}`,
    hasLevels: !commune,
  };
}

/**
 * A unit's name inside a sentence: the type word in lower case ("xã Chư Ngọc", "thị trấn Phú Túc",
 * "thành phố Hồ Chí Minh"), the name as written.
 */
export function inSentence(fullName: string, type: string): string {
  const t = type.toLocaleLowerCase("vi-VN");
  return t && fullName.toLocaleLowerCase("vi-VN").startsWith(t) ? t + fullName.slice(t.length) : fullName;
}

/** First letter in upper case (the start of a sentence). */
export const capitalize = (s: string): string => s.charAt(0).toLocaleUpperCase("vi-VN") + s.slice(1);

export type Direction = "up" | "down" | "flat" | "none";
export type Size = "small" | "clear" | "large";

/** The direction and size of a change; `points` for rates (percentage points), `relative` for counts. */
export interface Trend {
  dir: Direction;
  size: Size;
  /** Count difference (current − previous), or percentage points for rates. */
  delta: number;
  /** Relative change of a count (0.2 = +20 %), null for rates or without a base. */
  relative: number | null;
  rate: boolean;
}

const NONE: Trend = { dir: "none", size: "small", delta: 0, relative: null, rate: false };

/** Change of a count: flat under 5 %, clear under 20 %, large from 20 %. */
export function countTrend(current: number | null, previous: number | null): Trend {
  if (current === null || previous === null) return NONE;
  const delta = current - previous;
  if (previous === 0) return { dir: delta > 0 ? "up" : "flat", size: delta > 0 ? "large" : "small", delta, relative: null, rate: false };
  const relative = delta / previous;
  const a = Math.abs(relative);
  const size: Size = a < 0.05 ? "small" : a < 0.2 ? "clear" : "large";
  return { dir: delta === 0 || size === "small" ? "flat" : delta > 0 ? "up" : "down", size, delta, relative, rate: false };
}

/** Change of a rate in percentage points: flat under 1 point, clear under 5, large from 5. */
export function rateTrend(currentPct: number | null, previousPct: number | null): Trend {
  if (currentPct === null || previousPct === null) return { ...NONE, rate: true };
  const delta = Math.round((currentPct - previousPct) * 10) / 10;
  const a = Math.abs(delta);
  const size: Size = a < 1 ? "small" : a < 5 ? "clear" : "large";
  return { dir: size === "small" ? "flat" : delta > 0 ? "up" : "down", size, delta, relative: null, rate: true };
}

/** The weakest of several trends decides a topic's tone: any clear fall outweighs rises. */
export function topicTrend(trends: readonly Trend[]): Direction {
  const known = trends.filter((t) => t.dir !== "none");
  if (!known.length) return "none";
  if (known.some((t) => t.dir === "down")) return "down";
  if (known.some((t) => t.dir === "up")) return "up";
  return "flat";
}

/** "so với năm 2022" / "so với cùng kỳ năm 2022"; "bằng năm 2022". */
export function comparedTo(period: Period, previous: Period): { than: string; equal: string; label: string } {
  const label = period.type === "year" ? periodLabel(previous) : `cùng kỳ năm ${previous.year}`;
  return { than: `so với ${label}`, equal: `bằng ${label}`, label };
}

/** "trong năm", "trong quý", "trong 6 tháng"… (the period as a sentence opener, lower case). */
export function during(p: Period): string {
  return p.type === "year" ? "trong năm" : p.type === "quarter" ? "trong quý" : p.type === "month" ? "trong tháng" : p.type === "six_months" ? "trong 6 tháng" : "trong 9 tháng";
}

/** A catalog label and unit in the unit's own words: a phường's "Tổ dân phố được phát động" (tổ dân phố). */
export function localLabel(label: string, unit: string, v: Voice): { label: string; unit: string } {
  const generic = /thôn, buôn, tổ dân phố/i;
  if (!generic.test(label)) return { label, unit };
  const words = v.villages;
  const local = label.replace(generic, (m) => (m.charAt(0) === "T" ? words.charAt(0).toLocaleUpperCase("vi-VN") + words.slice(1) : words));
  return { label: local, unit: unit === "thôn" && !words.startsWith("thôn") ? "tổ dân phố" : unit };
}
