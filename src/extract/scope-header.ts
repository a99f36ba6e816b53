/**
 * Pure: the body that issues a document, as its header names it in capitals at the top left (Hướng dẫn 36-HD/VPTW,
 * Nghị định 30/2020): the superior body's line, then the issuing body's ("ĐẢNG BỘ HUYỆN CHƯ SÊ\nĐẢNG ỦY XÃ IA BLANG",
 * "UBND HUYỆN A\nUBND XÃ B"), or the organ, then its unit ("ỦY BAN NHÂN DÂN\nXÃ IA HRÚ"). The lowest unit of the block
 * issues the document and reports; the bodies above only head the page.
 */
import { type Mention } from "./scope-types.ts";

/** The header's first line opens with an organ: a Party organisation or committee, a People's Committee or Council, the Front, a board. */
const ORGAN_FIRST = /^[ \t]*(?:ĐẢNG BỘ|ĐẢNG [UỦ][ỶY]|(?:TỈNH|HUYỆN|THÀNH|THỊ|QUẬN) [UỦ][ỶY]|[UỦ][ỶY] BAN|UBND|HĐND|HỘI ĐỒNG NHÂN DÂN|UBMTTQ|MẶT TRẬN|BAN |HỘI |ĐOÀN )/u;
/** The right-hand column run into the same lines by a copy from the page: the motto and the Party's or the State's name. */
const RIGHT_COLUMN = /CỘNG H[OÒ]À XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/u;

/** The unit that the header block (two to four short lines in capitals at the top) names last, or null. */
export function headerIssuer(src: string, found: Mention[]): Mention | null {
  const head = src.slice(0, 400);
  if (!ORGAN_FIRST.test(head)) return null;
  const spans: Array<[number, number]> = [];
  for (let at = 0; spans.length < 4 && at < head.length;) {
    const nl = head.indexOf("\n", at);
    const end = nl < 0 ? head.length : nl;
    const cut = RIGHT_COLUMN.exec(head.slice(at, end));
    const lineEnd = cut ? at + cut.index : end;
    const line = head.slice(at, lineEnd).trim();
    if (!line || line.length > 60 || line !== line.toUpperCase() || !/\p{Lu}{2}/u.test(line)) break;
    spans.push([at, lineEnd]);
    if (nl < 0) break;
    at = nl + 1;
  }
  if (spans.length < 2) return null;
  const named = found.filter((f) => !f.address && spans.some(([a, b]) => f.at >= a && f.at < b));
  return named.at(-1) ?? null;
}
