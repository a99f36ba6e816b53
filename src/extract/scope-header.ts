/**
 * Pure: the body that issues a document, as its header names it in capitals at the top left (Hướng dẫn 36-HD/VPTW,
 * Nghị định 30/2020): the superior body's line, then the issuing body's ("ĐẢNG BỘ HUYỆN CHƯ SÊ\nĐẢNG ỦY XÃ IA BLANG",
 * "UBND HUYỆN A\nUBND XÃ B"), or the organ, then its unit ("ỦY BAN NHÂN DÂN\nXÃ IA HRÚ"). The lowest unit of the block
 * issues the document and reports; the bodies above only head the page. So does the unit a report's heading names
 * ("BÁO CÁO\nKết quả thực hiện dân chủ ở cơ sở năm 2024 của xã Ia Hrú").
 */
import { type Mention } from "./scope-types.ts";

/** The header's first line opens with an organ: a Party organisation or committee, a People's Committee or Council, the Front, a board. */
const ORGAN_FIRST = /^[ \t]*(?:ĐẢNG BỘ|ĐẢNG [UỦ][ỶY]|(?:TỈNH|HUYỆN|THÀNH|THỊ|QUẬN) [UỦ][ỶY]|[UỦ][ỶY] BAN|UBND|HĐND|HỘI ĐỒNG NHÂN DÂN|UBMTTQ|MẶT TRẬN|BAN |HỘI |ĐOÀN )/u;
/** The right-hand column run into the same lines by a copy from the page: the motto and the Party's or the State's name. */
const RIGHT_COLUMN = /CỘNG H[OÒ]À XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/u;
/** What follows a header block below the page's furniture: the document's number, its date line, its type name. */
const AFTER_HEADER = /^[ \t*-]*(?:Số\s*[:\d]|[^\n,]{2,30},\s*ngày|BÁO CÁO|KẾ HOẠCH|ĐẢNG CỘNG SẢN|CỘNG H[OÒ]À)/u;
/** A report's type name alone on its line, then its summary line. */
const HEADING = /(?:^|\n)[ \t]*(?:DỰ THẢO[ \t]+)?BÁO CÁO(?:[ \t]+(?:SƠ KẾT|TỔNG KẾT))?[ \t]*\n[ \t]*([^\n]{10,200})/u;

/** The header block's line spans from `at`: two to four short lines in capitals (the right-hand column cut off). */
function block(head: string, from: number): { spans: Array<[number, number]>; next: number } {
  const spans: Array<[number, number]> = [];
  let at = from;
  while (spans.length < 4 && at < head.length) {
    const nl = head.indexOf("\n", at);
    const end = nl < 0 ? head.length : nl;
    const cut = RIGHT_COLUMN.exec(head.slice(at, end));
    const lineEnd = cut ? at + cut.index : end;
    const line = head.slice(at, lineEnd).trim();
    if (!line || line.length > 60 || line !== line.toUpperCase() || !/\p{Lu}{2}/u.test(line) || (spans.length > 0 && AFTER_HEADER.test(line))) break;
    spans.push([at, lineEnd]);
    if (nl < 0) { at = head.length; break; }
    at = nl + 1;
  }
  return { spans, next: at };
}

/**
 * The unit that the header block names last: at the top of the text, or below the page's furniture (in the first 3,000
 * characters) when the document's number, date line or type name follows it; else the unit a report's heading names
 * first (in the first 5,000 characters); else null.
 */
export function headerIssuer(src: string, found: Mention[]): Mention | null {
  const head = src.slice(0, 3000);
  for (let at = 0, n = 0; at < head.length && n < 60; n++) {
    if (ORGAN_FIRST.test(head.slice(at, at + 40))) {
      const { spans, next } = block(head, at);
      const below = head.slice(next, next + 80);
      if (spans.length >= 2 && (at === 0 || AFTER_HEADER.test(below))) {
        const named = found.filter((f) => !f.address && spans.some(([a, b]) => f.at >= a && f.at < b));
        if (named.length) return named.at(-1)!;
      }
    }
    const nl = head.indexOf("\n", at);
    if (nl < 0) break;
    at = nl + 1;
  }
  const h = HEADING.exec(src.slice(0, 5000));
  if (!h) return null;
  const [a, b] = [h.index + h[0].length - h[1]!.length, h.index + h[0].length];
  return found.find((f) => !f.address && f.at >= a && f.at < b) ?? null;
}
