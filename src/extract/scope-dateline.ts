/**
 * Pure: the place of a document's date line ("Yên Sơn, ngày 12 tháng 12 năm 2024", "Ia Mlah, ngày 15/6/2024"), the
 * heading a state or Party document sets under its number: the place of the body that issues it. Read only for a text
 * that speaks from a level and names no unit otherwise ("Ban Dân vận Huyện ủy tổng kết …").
 */
import { keyOf } from "./normalize.ts";
import { type AdminUnit, type Level, type UnitIndex } from "./scope-types.ts";
import { provinceIn, unitsNamed } from "./scope-units.ts";

/** A line that opens with a place in title case, then the date: "Yên Sơn, ngày 12 tháng 12 năm 2024" (the day may be left blank in a draft). */
const DATE_LINE = /(?:^|\n)[ \t]*(\p{Lu}[\p{Ll}\p{M}'’]*(?:[ -]\p{Lu}[\p{Ll}\p{M}'’]*){0,3})[ \t]*,[ \t]*ngày[ \t]*(?:\d{1,2}[ \t]*)?(?:tháng[ \t]*\d{1,2}[ \t]*năm[ \t]*\d{4}|[/.-][ \t]*\d{1,2}[ \t]*[/.-][ \t]*\d{4})/u;

/**
 * The units of `level` that the date line's place names, when it names one (of each structure) and the line stands in
 * the document's first 1,500 characters; else none. A place several units of the level bear ("Tân Lập") settles nothing.
 */
export function datelineUnits(src: string, idx: UnitIndex, level: Level): AdminUnit[] {
  const m = DATE_LINE.exec(src.slice(0, 1500));
  if (!m) return [];
  if (level === "province") {
    // A province's document is dated at its seat: "Buôn Ma Thuột, ngày …" (the city, or since 2025 the ward of that name).
    const seats = ["thành phố", "phường"].flatMap((t) => idx.byKey.get(keyOf(`${t} ${m[1]!}`)) ?? []);
    const provinces = [...new Set(seats.map((u) => provinceIn(idx, u)).filter((p): p is AdminUnit => p !== null && p.level === "province"))];
    return provinces.length > 0 && new Set(provinces.map((p) => p.name)).size === 1 ? provinces : [];
  }
  const list = unitsNamed(idx, level, m[1]!).filter((u) => u.level === level);
  return list.length > 0 && list.length === new Set(list.map((u) => u.era)).size ? list : [];
}
