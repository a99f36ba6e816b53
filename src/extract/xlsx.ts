/**
 * .xlsx input: every sheet is one table (row × column grid, merged cells as spans), read with
 * exceljs after the ZIP passed OFFICE_LIMITS. Numbers are written the Vietnamese way in the text
 * ("2.213", "93,1%") so that the same reader reads them as it reads typed tables.
 */
import ExcelJS from "exceljs";
import { DomainError } from "../core/errors.ts";
import type { Table, TableCell } from "./document.ts";
import { formatVietnameseNumber } from "./number.ts";
import { OFFICE_LIMITS, readZip } from "./zip.ts";

const colOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const addr = (a: string) => { const m = /^([A-Z]+)(\d+)$/.exec(a); return m ? { row: Number(m[2]), col: colOf(m[1]!) } : null; };

/** A cell's value as report text. */
function cellText(c: ExcelJS.Cell): string {
  const v = c.value;
  if (v === null || v === undefined) return "";
  const num = (n: number) => (/%/.test(c.numFmt ?? "") ? formatVietnameseNumber(Math.round(n * 1e6) / 1e4) + "%" : formatVietnameseNumber(Math.round(n * 1e6) / 1e6));
  if (typeof v === "number") return num(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "có" : "không";
  if (v instanceof Date) return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return typeof v.result === "number" ? num(v.result) : v.result === undefined || v.result === null ? "" : String(v.result);
    if ("text" in v) return String(v.text);
  }
  return String(v);
}

/** Reads a workbook into text (one block per sheet, its name first) and one table per sheet. */
export async function readXlsx(buf: Buffer, name: string): Promise<{ text: string; tables: Table[] }> {
  try {
    readZip(buf, name, OFFICE_LIMITS, (e) => e.endsWith(".xml") || e.endsWith(".rels"));
  } catch (e) {
    if (e instanceof DomainError && e.code === "EXTRACT_ZIP") throw unreadable();
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  let text = "";
  const tables: Table[] = [];
  wb.eachSheet((ws) => {
    const spans = new Map<string, { rows: number; cols: number }>();
    const covered = new Set<string>();
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = range.split(":").map(addr);
      if (!a || !b) continue;
      spans.set(`${a.row},${a.col}`, { rows: b.row - a.row + 1, cols: b.col - a.col + 1 });
      for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) covered.add(`${r},${c}`);
    }
    if (text) text += "\n\n";
    text += ws.name;
    const caption = ws.name;
    text += "\n";
    const start = text.length;
    const cells: TableCell[] = [];
    let firstRow = -1;
    let line = 0;
    ws.eachRow({ includeEmpty: false }, (row, rn) => {
      if (firstRow < 0) firstRow = rn;
      if (line++ > 0) text += "\n";
      let first = true;
      row.eachCell({ includeEmpty: false }, (c, cn) => {
        if (covered.has(`${rn},${cn}`)) return;
        const t = cellText(c).replace(/\s+/g, " ").trim();
        if (!t) return;
        if (!first) text += " | ";
        first = false;
        const s = text.length;
        text += t;
        const sp = spans.get(`${rn},${cn}`);
        cells.push({ text: t, start: s, end: text.length, row: rn - firstRow, col: cn - 1, rowSpan: sp?.rows ?? 1, colSpan: sp?.cols ?? 1 });
      });
    });
    tables.push({ cells, caption, start, end: text.length, sheet: ws.name });
  });
  return { text, tables };
}

const unreadable = () => new DomainError("EXTRACT_XLSX", "Không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng.");
