/**
 * Pure: the body that issues a Party document, as its header names it (Hướng dẫn 36-HD/VPTW): the superior body's
 * line, then the issuing body's, both in capitals ("ĐẢNG BỘ HUYỆN CHƯ SÊ\nĐẢNG ỦY XÃ IA BLANG", "ĐẢNG BỘ TỈNH ĐẮK
 * LẮK\nHUYỆN ỦY KRÔNG PẮC"). The issuing body reports; the superior one only heads the page.
 */
import { type Mention } from "./scope-types.ts";

/** The superior body's line opening the document: "ĐẢNG BỘ TỈNH …", "ĐẢNG BỘ HUYỆN …", "ĐẢNG BỘ THÀNH PHỐ …". */
const SUPERIOR = /^[ \t]*ĐẢNG BỘ (?:TỈNH|HUYỆN|THỊ XÃ|THÀNH PHỐ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)[^\n\p{Ll}]*\n/u;

/** The unit of the issuing body's line under the superior's (in capitals, naming a unit), or null. */
export function headerIssuer(src: string, found: Mention[]): Mention | null {
  const sup = SUPERIOR.exec(src.slice(0, 200));
  if (!sup) return null;
  const start = sup[0].length;
  const end = src.indexOf("\n", start);
  const line = src.slice(start, end < 0 ? Math.min(src.length, start + 100) : end);
  if (!line.trim() || line.length > 100 || line !== line.toUpperCase()) return null;
  return found.find((f) => f.at >= start && f.at < start + line.length && !f.address) ?? null;
}
