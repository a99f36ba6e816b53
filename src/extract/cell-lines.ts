/**
 * Pure: a table saved as plain text with one cell a line, as a word processor's "save as text" writes it:
 *   "TT\nNội dung\nĐơn vị tính\nSố lượng\n1\nTiếp công dân\nLượt\n64\n2\n…"
 * Under a header that opens with the serial's column ("TT", "STT", "Số TT") and names 2–9 more columns, each run of
 * as many lines that opens with a serial ("1", "2.1", "II", "a") is one row: its line breaks become tabs (one code
 * unit for one: offsets are kept), so the row reads as a row pasted with tabs (tab-rows.ts). The table ends at the
 * first run that does not open with a serial.
 */

const SERIAL_HEAD = /^[ \t]*(?:s[ốo]?\s?tt|tt|số thứ tự)[ \t]*$/u;
const SERIAL_CELL = /^[ \t]*(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|[ivx]{1,5}\.?|[a-zđ][.)]?)[ \t]*$/u;
/** A header's cell: short, a name, not a sentence. */
const HEAD_CELL = /^[ \t]*[\p{L}(][^\n.;:]{0,39}$/u;
const MAX_COLUMNS = 10;
const MAX_CELL = 160;

/** `text` and `key` with the rows of such tables put back on one line each; line by line, one pass. */
export function cellLines(text: string, key: string): { text: string; key: string } {
  if (!/(?:^|\n)[ \t]*(?:s[ốo]?\s?tt|tt|số thứ tự)[ \t]*\n/u.test(key)) return { text, key };
  const lines = key.split("\n");
  /** Where each line starts. */
  const at: number[] = [];
  for (let i = 0, o = 0; i < lines.length; o += lines[i]!.length + 1, i++) at.push(o);
  const tabs: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!SERIAL_HEAD.test(lines[i]!)) continue;
    let k = 1;
    while (i + k < lines.length && k < MAX_COLUMNS && !SERIAL_CELL.test(lines[i + k]!) && HEAD_CELL.test(lines[i + k]!)) k++;
    if (k < 3 || i + k >= lines.length || !SERIAL_CELL.test(lines[i + k]!)) continue;
    let r = i + k;
    while (r + k <= lines.length && SERIAL_CELL.test(lines[r]!) && lines.slice(r, r + k).every((l) => l.length <= MAX_CELL)) {
      for (let c = r; c < r + k - 1; c++) tabs.push(at[c]! + lines[c]!.length);
      r += k;
    }
    i = r - 1;
  }
  if (tabs.length === 0) return { text, key };
  const swap = (s: string) => {
    const parts: string[] = [];
    let from = 0;
    for (const j of tabs) { parts.push(s.slice(from, j), "\t"); from = j + 1; }
    parts.push(s.slice(from));
    return parts.join("");
  };
  return { text: swap(text), key: swap(key) };
}
