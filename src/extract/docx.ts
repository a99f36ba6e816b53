/**
 * .docx input: mammoth turns the document into simple HTML (paragraphs, lists, tables with their
 * merged cells as colspan/rowspan); this file lays that HTML out as report text, paragraphs
 * separated by a blank line and each table row on a line of cells, and keeps each table as a grid
 * of cells pointing into the text. The ZIP is checked against OFFICE_LIMITS before mammoth sees it.
 */
import mammoth from "mammoth";
import { DomainError } from "../core/errors.ts";
import type { Table, TableCell } from "./document.ts";
import { OFFICE_LIMITS, readZip } from "./zip.ts";

const ENT: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, b: string) =>
    b[0] === "#" ? String.fromCodePoint(b[1] === "x" || b[1] === "X" ? parseInt(b.slice(2), 16) : parseInt(b.slice(1), 10)) : ENT[b.toLowerCase()] ?? m);

const BLOCK = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li"]);

interface RawCell { text: string; rowSpan: number; colSpan: number }

/** Pure: lays out mammoth's HTML as text and tables. */
export function htmlToDocument(html: string): { text: string; tables: Table[] } {
  let text = "";
  const tables: Table[] = [];
  let depth = 0; // table nesting
  let rows: RawCell[][] = [];
  let cell: RawCell | null = null;
  let lastPara = "";
  let para = "";
  const tag = /<(\/?)([a-zA-Z0-9]+)([^>]*)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  const attr = (a: string, n: string) => Number(new RegExp(`${n}="(\\d+)"`).exec(a)?.[1] ?? 1);
  while ((m = tag.exec(html))) {
    if (m[4] !== undefined) {
      const t = decode(m[4]);
      if (cell) cell.text += t;
      else para += t;
      continue;
    }
    const close = m[1] === "/";
    const name = m[2]!.toLowerCase();
    if (name === "table") {
      if (!close) {
        depth++;
        if (depth === 1) { rows = []; flushPara(); }
      } else {
        depth--;
        if (depth === 0) emitTable();
      }
      continue;
    }
    if (depth > 1) { // a table inside a cell: its text joins the cell's
      if (cell && (name === "td" || name === "th" || name === "p") && close) cell.text += " ";
      continue;
    }
    if (depth === 1) {
      if (name === "tr" && !close) rows.push([]);
      else if ((name === "td" || name === "th") && !close) cell = { text: "", rowSpan: attr(m[3]!, "rowspan"), colSpan: attr(m[3]!, "colspan") };
      else if ((name === "td" || name === "th") && close && cell) { rows[rows.length - 1]?.push(cell); cell = null; }
      else if (cell && close && BLOCK.has(name)) cell.text += "\n";
      else if (cell && name === "br") cell.text += "\n";
      continue;
    }
    if (BLOCK.has(name) && close) flushPara();
    else if (name === "br") para += "\n";
  }
  flushPara();
  return { text, tables };

  function flushPara() {
    const t = para.replace(/[ \t]+/g, " ").trim();
    para = "";
    if (!t) return;
    if (text) text += "\n\n";
    text += t;
    lastPara = t;
  }
  function emitTable() {
    if (text) text += "\n\n";
    const start = text.length;
    const cells: TableCell[] = [];
    const taken = new Set<string>();
    rows.forEach((r, ri) => {
      if (ri > 0) text += "\n";
      let col = 0;
      r.forEach((c, k) => {
        while (taken.has(`${ri},${col}`)) col++;
        for (let a = 0; a < c.rowSpan; a++) for (let b = 0; b < c.colSpan; b++) taken.add(`${ri + a},${col + b}`);
        if (k > 0) text += " | ";
        const s = text.length;
        text += c.text.replace(/\s*\n\s*/g, " ").replace(/[ \t]+/g, " ").trim();
        cells.push({ text: text.slice(s), start: s, end: text.length, row: ri, col, rowSpan: c.rowSpan, colSpan: c.colSpan });
        col += c.colSpan;
      });
    });
    tables.push({ cells, caption: lastPara, start, end: text.length });
    lastPara = "";
  }
}

/** Reads a .docx into text and tables; EXTRACT_TOO_LARGE past the limits, EXTRACT_DOCX when unreadable. */
export async function readDocx(buf: Buffer, name: string): Promise<{ text: string; tables: Table[] }> {
  // Every XML part is inflated under the limits first (media are never read): a zip bomb stops here.
  try {
    readZip(buf, name, OFFICE_LIMITS, (e) => e.endsWith(".xml") || e.endsWith(".rels"));
  } catch (e) {
    if (e instanceof DomainError && e.code === "EXTRACT_ZIP") throw unreadable();
    throw e;
  }
  try {
    const r = await mammoth.convertToHtml({ buffer: buf }, { convertImage: mammoth.images.imgElement(async () => ({ src: "" })), ignoreEmptyParagraphs: true });
    return htmlToDocument(r.value);
  } catch {
    throw unreadable();
  }
}

const unreadable = () => new DomainError("EXTRACT_DOCX", "Không đọc được tệp Word (.docx): tệp hỏng hoặc không đúng định dạng.");
