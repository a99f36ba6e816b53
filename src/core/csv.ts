/**
 * Pure: CSV cells every export writes the same way. A text cell that a spreadsheet would read as a
 * formula (starting with = + - @, a tab or a carriage return: "=HYPERLINK(…)", "+cmd|' /C calc'!A0")
 * gets a leading apostrophe, so opening an export never runs what someone typed into a record;
 * numbers stay numbers. Cells with a comma, semicolon, quote or line break are quoted.
 */

export type CsvValue = string | number | null | undefined;

/** Pure: true when a spreadsheet would take the text for a formula. */
export const looksLikeFormula = (s: string): boolean => /^[=+\-@\t\r]/.test(s);

/** One CSV cell: neutralised when it looks like a formula, quoted when it needs it. */
export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (typeof v === "string" && looksLikeFormula(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows → CSV text; `bom` for Excel (UTF-8 with BOM reads Vietnamese), `eol` the line ending. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<CsvValue>>, opts: { bom?: boolean; eol?: string } = {}): string {
  const eol = opts.eol ?? "\r\n";
  return (opts.bom ? "\uFEFF" : "") + rows.map((r) => r.map(csvCell).join(",")).join(eol) + eol;
}
