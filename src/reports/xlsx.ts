/**
 * The report's figures as an Excel workbook (exceljs): sub-units × indicators with the total row
 * and, where an area total was reported, the sum of the detail and the difference; the comparison
 * with the same period a year earlier; and the news item ready to publish. Numbers stay numbers;
 * the display format ("#,##0") shows 22.590 in a Vietnamese-locale Excel.
 */
import ExcelJS from "exceljs";
import { periodLabel } from "../core/period.ts";
import { formatDateLong, upper } from "./format.ts";
import type { ReportModel } from "./report.service.ts";

const WHOLE = "#,##0";
const PERCENT = '0.0"%"';
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Renders the model to .xlsx bytes. */
export async function renderXlsx(m: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "danvan";
  wb.created = new Date(`${m.date}T00:00:00Z`);
  const label = periodLabel(m.period);
  const asOf = formatDateLong(m.asOf, "state");

  // 1. Units × indicators.
  const ws = wb.addWorksheet("Số liệu", { views: [{ state: "frozen", xSplit: 2, ySplit: 3 }] });
  const cols = m.sheet.columns;
  ws.addRow([upper(`Số liệu công tác dân vận ${label} - ${m.unit.fullName}`)]).font = { bold: true, size: 13 };
  ws.addRow([`Theo cơ cấu đơn vị hành chính ${asOf}`]).font = { italic: true };
  const head = ws.addRow(["Mã", "Đơn vị", ...cols.map((c) => `${c.label} (${c.unit})`)]);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  head.height = 60;
  for (const r of m.sheet.rows) {
    const row = ws.addRow([r.code, r.label, ...r.values]);
    if (r.kind === "total") row.font = { bold: true };
    if (r.kind === "difference" || r.kind === "detail") row.font = { italic: true };
  }
  ws.getColumn(1).width = 8;
  ws.getColumn(2).width = 34;
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 3);
    col.width = 16;
    col.numFmt = c.aggregation === "rate" ? PERCENT : WHOLE;
  });
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: cols.length + 2 } };

  // 2. This period against the same period a year earlier.
  const cmp = wb.addWorksheet("So sánh cùng kỳ", { views: [{ state: "frozen", ySplit: 1 }] });
  const ch = cmp.addRow(["Chỉ tiêu", "Đơn vị tính", capital(label), capital(periodLabel(m.previous)), "Tăng (+), giảm (-)", "Ghi chú"]);
  ch.font = { bold: true };
  ch.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  for (const f of m.figures) {
    const note = [f.currentOf ? `${f.current ?? ""}/${f.currentOf}` : "", f.estimated ? "ước thực hiện" : ""].filter(Boolean).join("; ");
    cmp.addRow([f.label, f.unit, f.current, f.previous, f.change, note]);
  }
  cmp.getColumn(1).width = 50;
  cmp.getColumn(2).width = 12;
  for (const i of [3, 4, 5]) {
    cmp.getColumn(i).width = 16;
    cmp.getColumn(i).numFmt = WHOLE;
  }
  m.figures.forEach((f, i) => {
    if (f.rate) for (const c of [3, 4]) cmp.getRow(i + 2).getCell(c).numFmt = PERCENT;
  });
  cmp.getColumn(6).width = 24;

  // 3. The news item, paragraph by paragraph, and its HTML.
  const news = wb.addWorksheet("Tin bài");
  news.getColumn(1).width = 110;
  const lines = m.news.text.trimEnd().split("\n").filter((l) => l.trim());
  lines.forEach((l, i) => {
    const row = news.addRow([l]);
    row.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) row.font = { bold: true, size: 13 };
  });
  news.addRow([]);
  news.addRow(["HTML:"]).font = { italic: true };
  news.addRow([m.news.html]).alignment = { wrapText: true, vertical: "top" };

  return new Uint8Array(await wb.xlsx.writeBuffer());
}
