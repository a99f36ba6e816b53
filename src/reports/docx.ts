/**
 * The report as a Word document (docx library). Layout per the issuing body's rules: Party
 * (Hướng dẫn 36-HD/VPTW) — issuer top left under its superior, "ĐẢNG CỘNG SẢN VIỆT NAM" top right
 * (15 pt bold, underlined); State (Nghị định 30/2020) — "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập
 * - Tự do - Hạnh phúc". Both: A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman
 * 14 pt, italic place-date line, "BÁO CÁO" title with its summary line, signature and nơi nhận,
 * page numbers from page 2, and the figure table as an appendix.
 */
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, Table, TableBorders, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, convertMillimetersToTwip,
} from "docx";
import { formatDateLong, formatMoney, formatNumber, formatPercent, placeDateLine, upper } from "./format.ts";
import { periodLabel } from "../core/period.ts";
import type { ReportModel } from "./report.service.ts";

const FONT = "Times New Roman";
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) };
const CONTENT = A4.width - MARGIN.left - MARGIN.right;
/** Half-points, as Word counts font sizes. */
const pt = (n: number) => n * 2;

interface RunOpts { size?: number; bold?: boolean; italics?: boolean; underline?: boolean }
const run = (text: string, o: RunOpts = {}) =>
  new TextRun({ text, font: FONT, size: pt(o.size ?? 14), bold: o.bold ?? false, italics: o.italics ?? false, ...(o.underline ? { underline: {} } : {}) });

/** A centred line (header blocks, title). */
const center = (text: string, o: RunOpts & { after?: number; before?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: o.before ?? 0, after: o.after ?? 0 }, children: text.split("\n").flatMap((t, i) => (i ? [new TextRun({ break: 1 }), run(t, o)] : [run(t, o)])) });

/** A short rule under a centred block: a bottom border on an empty paragraph, narrowed by indents. */
const rule = (cellWidth: number, length: number) =>
  new Paragraph({
    spacing: { before: 0, after: 60, line: 80, lineRule: LineRuleType.EXACT },
    indent: { left: Math.max(0, (cellWidth - length) / 2), right: Math.max(0, (cellWidth - length) / 2) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 2 })],
  });

const cell = (width: number, children: Paragraph[]) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, children });

/** The two-column header: issuer and number on the left; motto and place-date on the right. */
function header(m: ReportModel): Table {
  const left = Math.round(CONTENT * 0.4);
  const right = CONTENT - left;
  const place = placeDateLine(m.issuer.place, m.date, m.style);
  let l: Paragraph[];
  let r: Paragraph[];
  if (m.style === "party") {
    l = [
      ...(m.issuer.superior ? [center(m.issuer.superior, { size: 14 })] : []),
      center(m.issuer.name, { size: 14, bold: true }),
      center("*", { size: 14 }),
      center(m.numberLine, { size: 14 }),
    ];
    r = [center("ĐẢNG CỘNG SẢN VIỆT NAM", { size: 15, bold: true, underline: true, after: 240 }), center(place, { size: 14, italics: true })];
  } else {
    const lines = m.issuer.name.split("\n");
    l = [...lines.map((t) => center(t, { size: 13, bold: true })), rule(left, 1400), center(m.numberLine, { size: 13, before: 60 })];
    r = [
      center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true }),
      center("Độc lập - Tự do - Hạnh phúc", { size: 14, bold: true }),
      rule(right, 3200),
      center(place, { size: 14, italics: true, before: 120 }),
    ];
  }
  return new Table({
    layout: TableLayoutType.FIXED, borders: TableBorders.NONE, width: { size: CONTENT, type: WidthType.DXA }, columnWidths: [left, right],
    rows: [new TableRow({ children: [cell(left, l), cell(right, r)] })],
  });
}

/** A body paragraph: justified, first line indented, 6 pt after. */
const body = (text: string) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO }, children: [run(text)] });

const heading = (text: string, o: { center?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, indent: o.center ? {} : { firstLine: 567 }, keepNext: true,
    spacing: { before: 120, after: o.after ?? 120 }, children: [run(text, { bold: true })],
  });

/** No line break inside "2 tỷ 631 triệu đồng" or between "34/37" and "vụ" (no-break spaces; same length). */
function keepFiguresTogether(text: string, figures: ReadonlyArray<{ start: number; end: number; unit: string }>): string {
  let out = text;
  for (const f of figures) {
    const span = out.slice(f.start, f.end);
    const kept = f.unit === "đồng" ? span.replace(/ /g, "\u00a0") : span.replace(" ", "\u00a0");
    out = out.slice(0, f.start) + kept + out.slice(f.end);
  }
  return out;
}

function narrativeBlocks(m: ReportModel): Paragraph[] {
  const out: Paragraph[] = [];
  for (const s of m.narrative.sections) {
    if (!s.visible) continue;
    if (s.depth === 0) {
      out.push(heading(s.number, { center: true, after: 0 }), heading(s.heading, { center: true }));
    } else if (s.number) {
      out.push(heading(`${s.number}. ${s.depth === 1 ? upper(s.heading) : s.heading}`));
    }
    for (const p of s.paragraphs) out.push(body(keepFiguresTogether(p.text, p.figures)));
  }
  if (m.narrative.hasEstimates) {
    out.push(new Paragraph({ indent: { firstLine: 567 }, spacing: { after: 120 }, children: [run("Ghi chú: số liệu ghi \"(ước thực hiện)\" là số ước thực hiện đến hết kỳ báo cáo.", { italics: true, size: 13 })] }));
  }
  return out;
}

/** Nơi nhận on the left; authority, title and signer on the right. */
function signature(m: ReportModel): Table {
  const left = Math.round(CONTENT * 0.45);
  const right = CONTENT - left;
  const party = m.style === "party";
  const rec = m.issuer.recipients.map((x, i, all) => new Paragraph({ children: [run(`- ${x}${i === all.length - 1 ? "." : party ? "," : ";"}`, { size: 12 })] }));
  const l = [new Paragraph({ children: [run("Nơi nhận:", { size: party ? 14 : 12, bold: true, italics: true, underline: party })] }), ...rec];
  const r = [
    ...(m.issuer.authority ? [center(m.issuer.authority, { bold: true })] : []),
    center(m.issuer.signerTitle, { bold: true }),
    ...(party ? [] : [center("(Ký, ghi rõ họ tên, đóng dấu)", { italics: true, size: 12 })]),
    new Paragraph({ spacing: { before: 1400 }, children: [] }),
    center(m.signer ?? "", { bold: true }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED, borders: TableBorders.NONE, width: { size: CONTENT, type: WidthType.DXA }, columnWidths: [left, right],
    rows: [new TableRow({ cantSplit: true, children: [cell(left, l), cell(right, r)] })],
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const grid = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

function tableCell(width: number, text: string, o: { bold?: boolean; align?: "left" | "right" | "center" } = {}) {
  const alignment = o.align === "right" ? AlignmentType.RIGHT : o.align === "center" ? AlignmentType.CENTER : AlignmentType.LEFT;
  return new TableCell({
    width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, margins: { left: 80, right: 80, top: 30, bottom: 30 },
    children: [new Paragraph({ alignment, children: [run(text, { size: 12, bold: o.bold ?? false })] })],
  });
}

/** "34/37 (91,9%)", "2.631.000.000", "93,1%". */
function cellValue(v: number | null, of: number | null, rate: boolean): string {
  if (v === null) return "";
  if (rate) return formatPercent(v);
  if (of) return `${formatNumber(v)}/${formatNumber(of)} (${formatPercent((v / of) * 100)})`;
  return formatNumber(v);
}

/** The appendix: indicator | this period | same period last year | change. */
function figureTable(m: ReportModel): Array<Paragraph | Table> {
  if (m.figures.length === 0) return [];
  const w = [700, 3300, 1100, 1500, 1500, CONTENT - 700 - 3300 - 1100 - 3000];
  // Money reads better in millions in a table ("84.291 triệu đồng").
  const scale = (f: { unit: string }, v: number | null) => (v === null || f.unit !== "đồng" ? v : Math.round(v / 1e5) / 10);
  const cur = periodLabel(m.period);
  const prev = periodLabel(m.previous);
  const head = new TableRow({
    tableHeader: true,
    children: ["STT", "Chỉ tiêu", "Đơn vị tính", capital(cur), capital(prev), "Tăng (+), giảm (-)"].map((t, i) => tableCell(w[i]!, t, { bold: true, align: "center" })),
  });
  const rows = m.figures.map((f, i) => new TableRow({
    cantSplit: true,
    children: [
      tableCell(w[0]!, String(i + 1), { align: "center" }),
      tableCell(w[1]!, f.label),
      tableCell(w[2]!, f.unit === "đồng" ? "triệu đồng" : f.unit, { align: "center" }),
      tableCell(w[3]!, cellValue(scale(f, f.current), f.currentOf, f.rate) + (f.estimated ? " (*)" : ""), { align: "right" }),
      tableCell(w[4]!, cellValue(scale(f, f.previous), null, f.rate), { align: "right" }),
      tableCell(w[5]!, signed(scale(f, f.change)), { align: "right" }),
    ],
  }));
  const ref = m.number === null ? "Kèm theo Báo cáo" : `Kèm theo Báo cáo ${m.numberLine.replace(/^Số:? /, "số ")}`;
  const money = m.figures.find((f) => f.key === "contrib.money_vnd" && f.current !== null);
  return [
    new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [run("PHỤ LỤC", { bold: true })] }),
    center(upper(`Số liệu công tác dân vận ${cur}`), { bold: true }),
    center(`(${ref}, ${formatDateLong(m.date, m.style)} của ${m.issuer.title})`, { italics: true, after: 200 }),
    new Table({ layout: TableLayoutType.FIXED, width: { size: CONTENT, type: WidthType.DXA }, columnWidths: w, borders: grid, rows: [head, ...rows] }),
    ...(m.figures.some((f) => f.estimated) ? [new Paragraph({ spacing: { before: 80 }, children: [run("(*) Số ước thực hiện.", { italics: true, size: 12 })] })] : []),
    ...(money ? [new Paragraph({ spacing: { before: 80 }, children: [run(`Kinh phí vận động, xã hội hóa ${cur}: ${formatMoney(money.current!)}.`, { italics: true, size: 12 })] })] : []),
  ];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const signed = (v: number | null) => (v === null ? "" : v > 0 ? `+${formatNumber(v)}` : v < 0 ? `-${formatNumber(-v)}` : "0");

/** Renders the model to .docx bytes. */
export async function renderDocx(m: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const pageNumber = new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(13) })] })] });
  const doc = new Document({
    creator: "danvan",
    title: `${m.narrative.title} ${m.narrative.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [{
      properties: { page: { size: A4, margin: { ...MARGIN, header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10) } }, titlePage: true },
      headers: { default: pageNumber, first: new Header({ children: [] }) },
      children: [
        header(m),
        center(m.narrative.title, { size: 16, bold: true, before: 360 }),
        center(m.narrative.summary, { size: 14, bold: true }),
        m.style === "party" ? center("-----", { size: 14, after: 240 }) : rule(CONTENT, 1800),
        ...(m.style === "party" ? [] : [new Paragraph({ spacing: { after: 120 }, children: [] })]),
        ...narrativeBlocks(m),
        new Paragraph({ spacing: { before: 120 }, children: [] }),
        signature(m),
        ...figureTable(m),
      ],
    }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
