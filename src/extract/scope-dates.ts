/**
 * Pure: the dates a report's page carries (its own date, a byline's, a reporting span of days) and the
 * standard periods they make, for scope-period.ts.
 */
import { parsePeriod, periodContains } from "../core/period.ts";

/**
 * The document's date: the " date 2024-01" line of a saved page, "ngày 10/1/2024" ("Sáng 10/1/2024"), "ngày 10 tháng 1 năm 2024", or a
 * news page's date line "12/10/2021 | 17:55 GMT+7" (a line that opens with the date, then a bar, a dash, a time or its end).
 */
export const DOC_DATE = /(?:^|\n)\s*date (\d{4})-(\d{2})|(?:ngày|(?:sáng|chiều|tối|trưa)(?:\s*ngày)?)\s*\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|ngày\s*\d{1,2}\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})|(?:^|\n)[ \t]*\d{1,2}\/(\d{1,2})\/(\d{4})(?=[ \t]*(?:[|–-]|\d{1,2}[:h]\d|\n|$))/u;
/**
 * A short date line with a label, a weekday or a time around the date: "Cập nhật: 15/07/2024 08:30", "Ngày đăng
 * 18/07/2024 | 11:39", "Thứ 5, 19.11.2020 | 09:25:22", "09:12, 06/12/2016", "08:45 | 09/10/2023", "Cập nhật: 20-12-2023 |
 * 19:45:52".
 */
const DATE_LINE = /(?:^|\n)[ \t]*\(?\s*(?:(?:cập nhật|ngày đăng|đăng ngày|đăng lúc|ngày cập nhật|ngày xuất bản|xuất bản|thứ [\p{L}\d]+|chủ nhật)(?: ngày| lúc)?\s*[:,]?\s*(?:\d{1,2}:\d{2}(?::\d{2})?\s*[-–|,]?\s*)?|\d{1,2}:\d{2}(?::\d{2})?\s*[,|]?\s*)\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?=[ \t]*\)?[ \t]*(?:[|–,-][^\n]{0,40}|\d{1,2}:\d{2}(?::\d{2})?[^\n]{0,20}|\(gmt[^\n]{0,10})?(?:\n|$))/u;
/**
 * Other date lines: an author's line closed by a bar and the date ("Tác giả: Thu Hà | 10/07/2023"), a date with the month
 * as a word after an optional weekday ("10 Tháng 7, 2023", "Thứ Hai, 10 tháng 07 năm 2023 09:15"): month, year.
 */
const OTHER_LINES = [
  /(?:^|\n)[^\n|]{1,50}\|\s*\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})[ \t]*(?=\n|$)/u,
  /(?:^|\n)[ \t]*(?:(?:thứ [\p{L}\d]+|chủ nhật),?\s*)?(?:ngày\s*)?\d{1,2}\s+tháng\s+(\d{1,2}),?\s*(?:năm\s*)?(\d{4})(?=[ \t]*(?:[|–,-][^\n]{0,40}|\d{1,2}:\d{2}(?::\d{2})?[^\n]{0,20})?(?:\n|$))/u,
];
/** A date line written year first: "2023-07-10 09:15" (year, month). */
const ISO_LINE = /(?:^|\n)[ \t]*(\d{4})-(\d{1,2})-\d{1,2}(?=[ \t]*(?:\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*(?:\n|$))/u;

/** The year and month of the document's date (DOC_DATE, else a date line, else a time-and-date stamp), or null. */
export function docDate(head: string): { year: number; month: number } | null {
  const d = DOC_DATE.exec(head);
  if (d) return { year: Number(d[1] ?? d[4] ?? d[6] ?? d[8]), month: Number(d[2] ?? d[3] ?? d[5] ?? d[7]) };
  const l = DATE_LINE.exec(head) ?? STAMP.exec(head) ?? OTHER_LINES.map((re) => re.exec(head)).find((m) => m);
  if (l) return { year: Number(l[2]), month: Number(l[1]) };
  const iso = ISO_LINE.exec(head);
  return iso ? { year: Number(iso[1]), month: Number(iso[2]) } : null;
}

/** A page's stamp of a time, then a date, anywhere in its first lines: "… Ngày hội Đại đoàn kết 09:21 19/06/2023 (Mặt trận) -", "16:05 | 08/07/2022". */
const STAMP = /(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?:\s*[,|]\s*|\s+)\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)/u;

/** A full date closing its line, a time or a bracket after it at most: "- 12/10/2024", "(15.10.2023)", "12-10-2024 08:30". */
const DAY_MONTH_YEAR = /(?<!\d)\d{1,2}\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?!\d)(?:[\s,|-]*\d{1,2}:\d{2}(?::\d{2})?)?[\s).\]]*$/u;

/**
 * The page's date at its top (docDate), else closing one of its two last lines (not its first) when that line is short,
 * a byline's or a source's: "Minh Long - 12/10/2024", "Theo Báo Gia Lai (15.10.2023)" (not "Đã giải quyết 12/10/2021 đơn").
 */
export function pageDate(head: string): { year: number; month: number } | null {
  const top = docDate(head.slice(0, 600));
  if (top) return top;
  // Past the first line, a headline that another page's date may close.
  const first = head.indexOf("\n");
  if (first < 0) return null;
  const lines = head.slice(Math.max(first + 1, head.length - 300)).split("\n").map((l) => l.trim()).filter(Boolean).slice(-2).reverse();
  for (const line of lines) {
    const m = line.length <= 80 ? DAY_MONTH_YEAR.exec(line) : null;
    if (m) return { year: Number(m[2]), month: Number(m[1]) };
  }
  return null;
}

export const SPAN = /từ\s*(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*(?:đến|tới|-|–)\s*(?:hết\s*)?(?:ngày\s*)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u;

/** The standard period a span of days covers ("1/1–30/6", or "15/12–14/6" by the cut-off), else null. */
export function spanPeriod([d1, m1, y1, d2, m2, y2]: number[]): string | null {
  let startMonth: number, startYear = y1!;
  const lastDay = new Date(Date.UTC(y2!, m2!, 0)).getUTCDate();
  if (d1 === 1 && d2 === lastDay) startMonth = m1!;
  else if ((d1 === 15 || d1 === 16) && (d2 === 14 || d2 === 15)) { startMonth = m1! + 1; if (startMonth === 13) { startMonth = 1; startYear++; } }
  else return null;
  if (startYear !== y2 || m2! < startMonth) return null;
  const [a, b, y] = [startMonth, m2!, y2!];
  if (a === 1 && b === 12) return String(y);
  if (a === 1 && b === 9) return `${y}N9`;
  if (b - a === 5 && (a === 1 || a === 7)) return `${y}S${a === 1 ? 1 : 2}`;
  if (b - a === 2 && a % 3 === 1) return `${y}Q${(a + 2) / 3}`;
  if (a === b) return `${y}${String(a).padStart(2, "0")}`;
  return null;
}

/** True when the standard period `id` holds the other, shorter one `inner` ("2024S1" holds "2024Q1", "2024" holds "202406"). */
export function holdsPeriod(id: string, inner: string): boolean {
  try {
    return id !== inner && periodContains(parsePeriod(id), parsePeriod(inner));
  } catch {
    return false; // a year the product does not take (checkYear): not a period to report
  }
}
