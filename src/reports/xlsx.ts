/**
 * The report's figures as a print-ready Excel workbook (exceljs): sub-units × indicators with the
 * total (SUM formulas with their values cached, so the file reads right before it is recalculated),
 * the comparison with the same period a year earlier, and the news article as text. Every sheet
 * prints landscape, one page wide, its header row repeated, with borders and a frozen header.
 * Numbers stay numbers; their format writes the thousands with "." whatever the reader's machine
 * (1.217; money in millions of đồng); rates keep one decimal in the reader's own decimal mark.
 */
import ExcelJS from "exceljs";
import { periodLabel } from "../core/period.ts";
import { formatDateLong, upper } from "./format.ts";
import type { ReportModel } from "./report.service.ts";
import type { SheetRow } from "./report-data.ts";

/** Thousands grouped with "." in any locale (literal dots by magnitude; up to 999.999.999). */
export const VN_WHOLE = '[>=1000000]#"."###"."###;[>=1000]#"."###;0';
const PERCENT = '0.0"%"';
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const thin = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** Letters of a 1-based column number ("A", "AB"). */
function col(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Landscape A4, one page wide, the header rows repeated on every page. */
function printSetup(ws: ExcelJS.Worksheet, headerRow: number): void {
  ws.pageSetup = {
    paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true,
    printTitlesRow: `${headerRow}:${headerRow}`, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "&CTrang &P/&N" };
}

/** A cell holding a formula whose value is cached, or the plain value when they would differ. */
function formulaOr(value: number | null, formula: string, expected: number | null): ExcelJS.CellValue {
  if (value === null) return null;
  return expected !== null && Math.abs(expected - value) < 1e-6 ? { formula, result: value } : value;
}

/** Renders the model to .xlsx bytes. */
export async function renderXlsx(m: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "danvan";
  wb.created = new Date(`${m.date}T00:00:00Z`);
  const label = periodLabel(m.period);
  const asOf = formatDateLong(m.asOf, "state");
  const money = (key: string, unit: string) => unit === "đồng" || key === "contrib.money_vnd";
  const shown = (c: { key: string; unit: string }, v: number | null) => (v === null ? null : money(c.key, c.unit) ? v / 1e6 : v);

  // 1. Units × indicators.
  const ws = wb.addWorksheet("Số liệu", { views: [{ state: "frozen", xSplit: 2, ySplit: 3 }] });
  const cols = m.sheet.columns.filter((c) => m.sheet.rows.some((r) => r.values[m.sheet.columns.indexOf(c)] !== null));
  const idx = cols.map((c) => m.sheet.columns.indexOf(c));
  ws.addRow([upper(`Số liệu công tác dân vận ${label} - ${m.unit.fullName}`)]).font = { bold: true, size: 13 };
  ws.addRow([`Theo cơ cấu đơn vị hành chính ${asOf}`]).font = { italic: true };
  const head = ws.addRow(["Mã", "Đơn vị", ...cols.map((c) => `${c.label} (${money(c.key, c.unit) ? "triệu đồng" : c.unit})`)]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  head.height = 75;
  const first = 4;
  const rows = m.sheet.rows;
  const rowNo = (i: number) => first + i;
  // The rows a total adds: its unit and own rows back to the previous subtotal; a total adds subtotals when there are any.
  const partsOf = (i: number): number[] => {
    const r = rows[i]!;
    const out: number[] = [];
    if (r.kind === "subtotal") {
      for (let j = i - 1; j >= 0 && rows[j]!.kind !== "subtotal"; j--) if (rows[j]!.kind === "unit" || rows[j]!.kind === "own") out.unshift(j);
    } else if (r.kind === "total" || r.kind === "detail") {
      const subs = rows.flatMap((x, j) => (x.kind === "subtotal" && j < i ? [j] : []));
      const after = subs.length ? subs[subs.length - 1]! : -1;
      if (subs.length) out.push(...subs);
      for (let j = after + 1; j < i; j++) if (rows[j]!.kind === "unit" || rows[j]!.kind === "own") out.push(j);
    }
    return out;
  };
  const ref = (parts: number[], c: number) => parts.map((j) => `${col(c)}${rowNo(j)}`);
  const sumFormula = (parts: number[], c: number) => {
    // Contiguous runs as ranges ("C4:C20"), the rest one by one.
    const runs: string[] = [];
    let s = 0;
    while (s < parts.length) {
      let e = s;
      while (e + 1 < parts.length && parts[e + 1] === parts[e]! + 1) e++;
      runs.push(e > s ? `${col(c)}${rowNo(parts[s]!)}:${col(c)}${rowNo(parts[e]!)}` : ref([parts[s]!], c)[0]!);
      s = e + 1;
    }
    return `SUM(${runs.join(",")})`;
  };
  const totalRow = rows.findIndex((r) => r.kind === "total");
  const detailRow = rows.findIndex((r) => r.kind === "detail");
  rows.forEach((r: SheetRow, i) => {
    const cells = cols.map((c, k) => {
      const v = shown(c, r.values[idx[k]!]!);
      const cc = k + 3;
      if (c.aggregation === "rate" || v === null) return v;
      if (r.kind === "subtotal" || r.kind === "total" || r.kind === "detail") {
        const parts = partsOf(i);
        if (!parts.length) return v;
        const sum = parts.reduce((s, j) => s + (shown(c, rows[j]!.values[idx[k]!]!) ?? 0), 0);
        return formulaOr(v, sumFormula(parts, cc), sum);
      }
      if (r.kind === "difference" && totalRow >= 0 && detailRow >= 0) {
        const t = shown(c, rows[totalRow]!.values[idx[k]!]!);
        const d = shown(c, rows[detailRow]!.values[idx[k]!]!);
        return formulaOr(v, `${col(cc)}${rowNo(totalRow)}-${col(cc)}${rowNo(detailRow)}`, t !== null && d !== null ? t - d : null);
      }
      return v;
    });
    const row = ws.addRow([r.code, r.label, ...cells]);
    if (r.kind === "total" || r.kind === "subtotal") row.font = { bold: true };
    if (r.kind === "difference" || r.kind === "detail" || r.kind === "own") row.font = { italic: true };
  });
  const last = first + rows.length - 1;
  for (let rn = 3; rn <= last; rn++) for (let cn = 1; cn <= cols.length + 2; cn++) ws.getCell(rn, cn).border = BORDER;
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 34;
  cols.forEach((c, i) => {
    const column = ws.getColumn(i + 3);
    column.width = 15;
    column.numFmt = c.aggregation === "rate" ? PERCENT : VN_WHOLE;
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: cols.length + 2 } };
  printSetup(ws, 3);

  // 2. This period against the same period a year earlier.
  const cmp = wb.addWorksheet("So sánh cùng kỳ", { views: [{ state: "frozen", ySplit: 1 }] });
  const notes = m.figures.map((f) => [f.currentOf ? `${f.current ?? ""}/${f.currentOf}` : "", f.estimated ? "ước thực hiện" : ""].filter(Boolean).join("; "));
  const withNotes = notes.some(Boolean);
  const ch = cmp.addRow(["Chỉ tiêu", "Đơn vị tính", capital(label), capital(periodLabel(m.previous)), "Tăng (+), giảm (-)", ...(withNotes ? ["Ghi chú"] : [])]);
  ch.font = { bold: true };
  ch.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  m.figures.forEach((f, i) => {
    const rn = i + 2;
    const cur = shown(f, f.current);
    const prev = shown(f, f.previous);
    const change = f.change === null || cur === null || prev === null ? null : { formula: `C${rn}-D${rn}`, result: cur - prev };
    const row = cmp.addRow([f.label, money(f.key, f.unit) ? "triệu đồng" : f.unit, cur, prev, change, ...(withNotes ? [notes[i]] : [])]);
    for (const c of [3, 4, 5]) row.getCell(c).numFmt = f.rate ? PERCENT : VN_WHOLE;
  });
  cmp.getColumn(1).width = 50;
  cmp.getColumn(2).width = 12;
  for (const i of [3, 4, 5]) cmp.getColumn(i).width = 16;
  if (withNotes) cmp.getColumn(6).width = 24;
  for (let rn = 1; rn <= m.figures.length + 1; rn++) for (let cn = 1; cn <= (withNotes ? 6 : 5); cn++) cmp.getCell(rn, cn).border = BORDER;
  printSetup(cmp, 1);

  // 3. The news article, paragraph by paragraph, as text.
  const news = wb.addWorksheet("Tin bài");
  news.getColumn(1).width = 110;
  [m.news.title, ...m.news.paragraphs].forEach((l, i) => {
    const row = news.addRow([l]);
    row.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) row.font = { bold: true, size: 13 };
  });
  news.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
