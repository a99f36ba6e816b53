/**
 * The report as a Word document (docx library), laid out by the issuing body's rules.
 * Party (Hướng dẫn 36-HD/VPTW): superior body and issuer top left (14 pt, the issuer bold), "*",
 * the number; "ĐẢNG CỘNG SẢN VIỆT NAM" top right (15 pt bold, underlined); title 16 pt.
 * State (Nghị định 30/2020): issuer top left (13 pt bold, ruled), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT
 * NAM" (12 pt bold) / "Độc lập - Tự do - Hạnh phúc" (13 pt bold, ruled); "BÁO CÁO" 14 pt; nơi nhận
 * 11 pt. Both: A4, margins 20/20/30/15 mm, Times New Roman 14 pt, language vi-VN, the header's
 * columns sized to their text with names never broken, page numbers at the top from page 2, and
 * the figure table as an appendix numbered on its own.
 */
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, SectionType, Table, TableBorders, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, convertMillimetersToTwip,
} from "docx";
import { formatDateLong, formatMoney, formatNumber, formatPercent, upper } from "./format.ts";
import { periodLabel } from "../core/period.ts";
import { EMPTY_NOTE, headingLine } from "./narrative.ts";
import { breakSegments, nameSegments, textWidth, twips, type Font } from "./layout.ts";
import { figureNotes } from "./render.ts";
import type { ReportModel } from "./report.service.ts";

const FONT = "Times New Roman";
const LANG = { value: "vi-VN" };
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) };
const CONTENT = Math.round(A4.width - MARGIN.left - MARGIN.right);
/** Left and right padding of the header cells, twips. */
const CELL_PAD = 60;
/** Half-points, as Word counts font sizes. */
const pt = (n: number) => n * 2;

interface RunOpts { size?: number; bold?: boolean; italics?: boolean; underline?: boolean }
const run = (text: string, o: RunOpts = {}) =>
  new TextRun({ text, font: FONT, size: pt(o.size ?? 14), bold: o.bold ?? false, italics: o.italics ?? false, language: LANG, ...(o.underline ? { underline: {} } : {}) });

/** A centred paragraph; "\n" breaks the line. */
const center = (text: string, o: RunOpts & { after?: number; before?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: o.before ?? 0, after: o.after ?? 0 }, children: text.split("\n").flatMap((t, i) => (i ? [new TextRun({ break: 1 }), run(t, o)] : [run(t, o)])) });

/** Lines of unbreakable word groups as one centred paragraph: no-break spaces inside a group, a line break between lines. */
const lines = (ls: string[][], o: RunOpts & { after?: number; before?: number } = {}) => center(ls.map((segs) => segs.map((s) => s.replace(/ /g, "\u00a0")).join(" ")).join("\n"), o);

/** A short rule under a centred block: a bottom border on an empty paragraph, narrowed by indents. */
const rule = (cellWidth: number, length: number) =>
  new Paragraph({
    spacing: { before: 0, after: 60, line: 80, lineRule: LineRuleType.EXACT },
    indent: { left: Math.max(0, Math.round((cellWidth - length) / 2)), right: Math.max(0, Math.round((cellWidth - length) / 2)) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [run("", { size: 2 })],
  });

const cell = (width: number, children: Paragraph[]) =>
  new TableCell({ width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE, margins: { left: CELL_PAD, right: CELL_PAD, top: 0, bottom: 0 }, children });

/** Width in twips of the widest line, set in `font`. */
const widest = (ls: string[][], font: Font) => Math.max(0, ...ls.map((l) => twips(textWidth(l.join(" "), font))));

/** The place-date line as word groups: the place's name stays whole. */
function placeDateSegments(place: string, date: string): string[] {
  const [, d, m, y] = /ngày (\d+) tháng (\d+) năm (\d+)/.exec(formatDateLong(date))!;
  const name = nameSegments(place);
  name[name.length - 1] += ",";
  return [...name, `ngày ${d}`, `tháng ${m}`, `năm ${y}`];
}

export interface HeaderLayout {
  /** Column widths, twips. */
  left: number;
  right: number;
  /** Each block's lines, each line its unbreakable word groups. */
  superior: string[][];
  name: string[][];
  place: string[][];
}

/**
 * Sizes the header's two columns to their text: the right column holds its fixed lines ("ĐẢNG CỘNG
 * SẢN VIỆT NAM", the State motto); the left takes the rest, up to what the issuer's lines need,
 * and the issuer's name breaks only between word groups.
 */
export function headerLayout(m: Pick<ReportModel, "style" | "issuer" | "date" | "numberLine">): HeaderLayout {
  const party = m.style === "party";
  const sizes = party ? { sup: { size: 14 }, name: { size: 14, bold: true }, num: { size: 14 } } : { sup: { size: 13 }, name: { size: 13, bold: true }, num: { size: 13 } };
  const fixedRight = party ? twips(textWidth("ĐẢNG CỘNG SẢN VIỆT NAM", { size: 15, bold: true }))
    : Math.max(twips(textWidth("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true })), twips(textWidth("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true })));
  const rightMin = fixedRight + 2 * CELL_PAD + 120;
  const leftMax = CONTENT - rightMin;
  const inner = (leftMax - 2 * CELL_PAD) / 20;
  const superior = m.issuer.words.superior ? breakSegments(m.issuer.words.superior, sizes.sup, inner) : [];
  const name = m.issuer.words.name.flatMap((l) => breakSegments(l, sizes.name, inner));
  const need = Math.max(widest(superior, sizes.sup), widest(name, sizes.name), twips(textWidth(m.numberLine, sizes.num))) + 2 * CELL_PAD + 120;
  const left = Math.min(leftMax, Math.max(need, Math.round(CONTENT * (party ? 0.4 : 0.36))));
  const right = CONTENT - left;
  const place = breakSegments(placeDateSegments(m.issuer.place, m.date), { size: party ? 14 : 13, italics: true }, (right - 2 * CELL_PAD) / 20);
  return { left, right, superior, name, place };
}

/** The two-column header: issuer and number on the left; title of the Party or the State and place-date on the right. */
function header(m: Pick<ReportModel, "style" | "issuer" | "date" | "numberLine">): Table {
  const L = headerLayout(m);
  let l: Paragraph[];
  let r: Paragraph[];
  if (m.style === "party") {
    l = [
      ...(L.superior.length ? [lines(L.superior, { size: 14 })] : []),
      lines(L.name, { size: 14, bold: true }),
      center("*", { size: 14 }),
      center(m.numberLine, { size: 14 }),
    ];
    r = [center("ĐẢNG CỘNG SẢN VIỆT NAM", { size: 15, bold: true, underline: true, after: 240 }), lines(L.place, { size: 14, italics: true })];
  } else {
    const nameWidth = widest(L.name, { size: 13, bold: true });
    l = [lines(L.name, { size: 13, bold: true }), rule(L.left - 2 * CELL_PAD, Math.round(nameWidth * 0.45)), center(m.numberLine, { size: 13, before: 60 })];
    r = [
      center("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { size: 12, bold: true }),
      center("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true }),
      rule(L.right - 2 * CELL_PAD, twips(textWidth("Độc lập - Tự do - Hạnh phúc", { size: 13, bold: true }))),
      lines(L.place, { size: 13, italics: true, before: 120 }),
    ];
  }
  return new Table({
    layout: TableLayoutType.FIXED, borders: TableBorders.NONE, width: { size: CONTENT, type: WidthType.DXA }, columnWidths: [L.left, L.right],
    rows: [new TableRow({ children: [cell(L.left, l), cell(L.right, r)] })],
  });
}

/** A body paragraph: justified, first line indented, 6 pt after. */
const body = (text: string, o: RunOpts = {}) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 567 }, spacing: { before: 0, after: 120, line: 288, lineRule: LineRuleType.AUTO }, children: [run(text, o)] });

const heading = (text: string, o: { center?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, indent: o.center ? {} : { firstLine: 567 }, keepNext: true,
    spacing: { before: 120, after: o.after ?? 120 }, children: text.split("\n").flatMap((t, i) => (i ? [new TextRun({ break: 1 }), run(t, { bold: true })] : [run(t, { bold: true })])),
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

/** The text with the issuer's unit names kept on one line (no-break spaces inside them). */
const keepNames = (m: ReportModel, text: string) => m.issuer.names.reduce((t, n) => t.split(n).join(n.replace(/ /g, "\u00a0")), text);

function narrativeBlocks(m: ReportModel): Paragraph[] {
  const out: Paragraph[] = [];
  for (const s of m.narrative.sections) {
    // PHẦN THỨ HAI's heading stands for its single body.
    if (s.key !== "tasks") out.push(heading(headingLine(s), { center: s.depth === 0 }));
    if (s.kind !== "data" && s.kind !== "judgement") continue;
    if (!s.paragraphs.length) out.push(body(EMPTY_NOTE, { italics: true }));
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
  const rec = m.issuer.recipients.map((x, i, all) => new Paragraph({ children: [run(keepNames(m, `- ${x}${i === all.length - 1 ? "." : party ? "," : ";"}`), { size: party ? 12 : 11 })] }));
  const l = [new Paragraph({ children: [run("Nơi nhận:", { size: party ? 14 : 12, bold: !party, italics: !party, underline: party })] }), ...rec];
  const size = party ? 14 : 14;
  const r = [
    ...(m.issuer.authority ? [center(m.issuer.authority, { bold: true, size })] : []),
    center(m.issuer.signerTitle, { bold: true, size }),
    ...(!party && !m.signer ? [center("(Ký, ghi rõ họ tên, đóng dấu)", { italics: true, size: 12 })] : []),
    new Paragraph({ spacing: { before: 1400 }, children: [] }),
    center(m.signer ?? "", { bold: true, size }),
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

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A share ("34/37") changes in percentage points; a count by its difference. */
function changeValue(f: ReportModel["figures"][number], change: number | null): string {
  if (f.currentOf && f.previousOf && f.current !== null && f.previous !== null) {
    const pts = Math.round(((f.current / f.currentOf) * 100 - (f.previous / f.previousOf) * 100) * 10) / 10;
    return `${pts > 0 ? "+" : pts < 0 ? "-" : ""}${formatNumber(Math.abs(pts))} điểm %`;
  }
  return signed(change);
}
const signed = (v: number | null) => (v === null ? "" : v > 0 ? `+${formatNumber(v)}` : v < 0 ? `-${formatNumber(-v)}` : "0");

/** The appendix: indicator | this period | same period last year | change, then notes on the figures. */
function appendix(m: ReportModel): Array<Paragraph | Table> {
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
      tableCell(w[4]!, cellValue(scale(f, f.previous), f.previousOf, f.rate), { align: "right" }),
      tableCell(w[5]!, changeValue(f, scale(f, f.change)), { align: "right" }),
    ],
  }));
  const ref = `Kèm theo Báo cáo ${m.numberLine.replace(/^Số:? /, "số ")}`;
  const money = m.figures.find((f) => f.key === "contrib.money_vnd" && f.current !== null);
  const note = (t: string) => new Paragraph({ spacing: { before: 80 }, alignment: AlignmentType.JUSTIFIED, children: [run(t, { italics: true, size: 12 })] });
  const notes = figureNotes(m);
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(m.style === "party" ? "PHỤ LỤC" : "Phụ lục", { bold: true })] }),
    center(upper(`Số liệu công tác dân vận ${cur}`), { bold: true }),
    center(keepNames(m, `(${ref} ${formatDateLong(m.date, m.style)} của ${m.issuer.title})`), { italics: true, after: 200 }),
    new Table({ layout: TableLayoutType.FIXED, width: { size: CONTENT, type: WidthType.DXA }, columnWidths: w, borders: grid, rows: [head, ...rows] }),
    ...(m.figures.some((f) => f.estimated) ? [note("(*) Số ước thực hiện.")] : []),
    ...(money ? [note(`Kinh phí vận động, xã hội hóa ${cur}: ${formatMoney(money.current!)}.`)] : []),
    ...(notes.length ? [note("Ghi chú về số liệu:"), ...notes.map((n) => note(`- ${n}`))] : []),
  ];
}

/** The page number centred at the top (Party 14 pt, State 13 pt), not on a section's first page. */
function pageNumberHeader(m: ReportModel): Header {
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(m.style === "party" ? 14 : 13), language: LANG })] })] });
}

/** A page of headers only, one per issuer (to check the layout of many names at once). */
export async function headerSample(items: Array<Pick<ReportModel, "style" | "issuer" | "date" | "numberLine">>): Promise<Uint8Array<ArrayBuffer>> {
  const page = { size: A4, margin: MARGIN };
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: pt(14), language: LANG } } } },
    sections: [{ properties: { page }, children: items.flatMap((m) => [header(m), new Paragraph({ spacing: { after: 480 }, children: [] })]) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** Renders the model to .docx bytes. */
export async function renderDocx(m: ReportModel): Promise<Uint8Array<ArrayBuffer>> {
  const page = { size: A4, margin: { ...MARGIN, header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10) } };
  const party = m.style === "party";
  const extra = appendix(m);
  const doc = new Document({
    creator: "danvan",
    title: `${m.narrative.title} ${m.narrative.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14), language: LANG } } } },
    sections: [
      {
        properties: { page, titlePage: true },
        headers: { default: pageNumberHeader(m), first: new Header({ children: [] }) },
        children: [
          header(m),
          center(m.narrative.title, { size: party ? 16 : 14, bold: true, before: 360 }),
          center(m.narrative.summary, { size: 14, bold: true }),
          party ? center("-----", { size: 14, after: 240 }) : rule(CONTENT, 1800),
          ...(party ? [] : [new Paragraph({ spacing: { after: 120 }, children: [] })]),
          ...narrativeBlocks(m),
          new Paragraph({ spacing: { before: 120 }, children: [] }),
          signature(m),
        ],
      },
      // The appendix starts a page and numbers its own pages (the first unnumbered).
      ...(extra.length ? [{
        properties: { page: { ...page, pageNumbers: { start: 1 } }, titlePage: true, type: SectionType.NEXT_PAGE },
        headers: { default: pageNumberHeader(m), first: new Header({ children: [] }) },
        children: extra,
      }] : []),
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
