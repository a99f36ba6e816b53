/**
 * Pure: tables that reach the reader as plain text, found as grids of cells (document.ts Table) for the table reader
 * (grid.ts), so a table read from text follows the same rules as one read from a .docx:
 *  - one cell a line, as a word processor's "save as text" writes a table: under a header that opens with the
 *    serial's column ("TT", "STT", "Số TT") and names 2–9 more columns, each run of as many lines that opens with a
 *    serial ("1", "2.1", "II", "a") is a row; the table ends at the first run that does not;
 *  - rows pasted with tabs, one a line, under a header line of tab-separated names with no number but a year.
 * Cells point into the text as given.
 */
import type { Table, TableCell } from "./document.ts";
import type { Prepared } from "./normalize.ts";

const SERIAL_HEAD = /^[ \t]*(?:s[ốo]?\s?tt|tt|số thứ tự)[ \t]*$/u;
const SERIAL_CELL = /^[ \t]*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[ivx]{1,5}\.?|[a-zđ][.)]?)[ \t]*$/u;
/** A header's cell: short, a name, not a sentence. */
const HEAD_CELL = /^[ \t]*[\p{L}(][^\n.;:]{0,39}$/u;
/** A tab header's cell: a name, maybe with a year ("Năm 2024"), no other number. */
const TAB_HEAD_CELL = /^[ ]*(?:[\p{L}(][^\d\n]{0,39}?(?:(?:19|20)\d\d[^\d\n]{0,10})?)?$/u;
const MAX_COLUMNS = 10;
const MAX_CELL = 160;

interface Line { start: number; text: string; key: string }

/** The tables of `raw` written as plain text (none when it has no such table); `p`: `raw` prepared. */
export function textTables(raw: string, p: Prepared): Table[] {
  if (!p.text.includes("\t") && !/(?:^|\n)[ \t]*(?:s[ốo]?\s?tt|tt|số thứ tự)[ \t]*\n/u.test(p.key)) return [];
  const lines: Line[] = [];
  for (let o = 0; o <= p.text.length;) {
    const e = p.text.indexOf("\n", o);
    const end = e < 0 ? p.text.length : e;
    lines.push({ start: o, text: p.text.slice(o, end), key: p.key.slice(o, end) });
    o = end + 1;
  }
  const tables: Table[] = [];
  const cell = (l: Line, from: number, to: number, row: number, col: number): TableCell => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(l.text[a]!)) a++;
    while (b > a && /\s/.test(l.text[b - 1]!)) b--;
    const [s, e] = a < b ? p.toOriginal(l.start + a, l.start + b) : p.toOriginal(l.start + a, l.start + a);
    return { text: raw.slice(s, e), start: s, end: e, row, col, rowSpan: 1, colSpan: 1 };
  };
  const caption = (i: number) => {
    for (let j = i - 1; j >= 0 && j >= i - 3; j--) if (lines[j]!.text.trim()) return lines[j]!.text.trim();
    return "";
  };
  const close = (cells: TableCell[], i: number) => {
    if (cells.length) tables.push({ cells, caption: caption(i), start: cells[0]!.start, end: Math.max(...cells.map((c) => c.end)) });
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (SERIAL_HEAD.test(l.key)) {
      let k = 1;
      while (i + k < lines.length && k < MAX_COLUMNS && !SERIAL_CELL.test(lines[i + k]!.key) && HEAD_CELL.test(lines[i + k]!.key)) k++;
      if (k < 3 || i + k >= lines.length || !SERIAL_CELL.test(lines[i + k]!.key)) continue;
      const cells: TableCell[] = [];
      for (let c = 0; c < k; c++) cells.push(cell(lines[i + c]!, 0, lines[i + c]!.text.length, 0, c));
      let r = i + k;
      let row = 1;
      while (r + k <= lines.length && SERIAL_CELL.test(lines[r]!.key) && lines.slice(r, r + k).every((x) => x.text.length <= MAX_CELL)) {
        for (let c = 0; c < k; c++) cells.push(cell(lines[r + c]!, 0, lines[r + c]!.text.length, row, c));
        r += k;
        row++;
      }
      close(cells, i);
      i = r - 1;
      continue;
    }
    // Tab rows under a header line of names.
    const head = l.text.split("\t");
    if (head.length < 2 || head.length > MAX_COLUMNS + 2 || !head.every((c) => TAB_HEAD_CELL.test(c)) || head.filter((c) => c.trim()).length < 2) continue;
    let r = i + 1;
    while (r < lines.length && lines[r]!.text.includes("\t") && lines[r]!.text.length <= MAX_CELL * 2) r++;
    // A block of tab lines with no number holds no table: it is passed over whole (each of its lines is not tried again).
    if (r - i < 2 || !lines.slice(i + 1, r).some((x) => /\t[ ]*\d/.test(x.text))) { i = r - 1; continue; }
    const cells: TableCell[] = [];
    for (let j = i; j < r; j++) {
      const x = lines[j]!;
      let from = 0;
      x.text.split("\t").forEach((t, c) => { cells.push(cell(x, from, from + t.length, j - i, c)); from += t.length + 1; });
    }
    close(cells, i);
    i = r - 1;
  }
  return tables;
}
