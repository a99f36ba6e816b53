/**
 * Pure: turns text placed on pages (PDF text items, OCR words) into one report text. Chunks are
 * grouped into lines by position, lines into paragraphs (a line that wraps joins the next with a
 * space, so a sentence is not cut at the margin), and runs of lines that split into aligned cells
 * into tables (row × column grids; a header cell over several columns spans them). Every chunk
 * keeps where it landed in the text, its page, box and OCR confidence.
 */
import type { PageRange, PlacedWord, Table, TableCell } from "./document.ts";

export interface Chunk {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** 0–1 (OCR). */
  conf?: number | undefined;
  /** OCR: the line and paragraph the recogniser put the word in (it deskews; positions alone would not). */
  line?: string | undefined;
  par?: string | undefined;
}

export interface PlacedPage {
  page: number;
  chunks: Chunk[];
}

export interface Laid {
  text: string;
  pages: PageRange[];
  words: PlacedWord[];
  tables: Table[];
}

interface Line { chunks: Chunk[]; top: number; bottom: number; x0: number; x1: number; h: number; cells: Chunk[][]; par?: string | undefined }

const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function linesOf(chunks: Chunk[]): Line[] {
  const cs = chunks.filter((c) => c.text.trim() !== "" && c.x1 >= c.x0 && c.y1 >= c.y0);
  if (cs.length === 0) return [];
  if (cs.every((c) => c.line !== undefined)) {
    // OCR: the recogniser's own lines, in its reading order; wider gaps between cells (justified scans).
    const byLine = new Map<string, Chunk[]>();
    for (const c of cs) (byLine.get(c.line!) ?? byLine.set(c.line!, []).get(c.line!)!).push(c);
    return [...byLine.values()].map((l) => ({ ...makeLine(l, 2.5), par: l[0]!.par }));
  }
  const h = median(cs.map((c) => c.y1 - c.y0)) || 10;
  cs.sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const lines: Line[] = [];
  let cur: Chunk[] = [];
  let yc = -Infinity;
  for (const c of cs) {
    const cy = (c.y0 + c.y1) / 2;
    if (cur.length && cy - yc > 0.5 * h) { lines.push(makeLine(cur)); cur = []; }
    if (cur.length === 0) yc = cy;
    cur.push(c);
  }
  if (cur.length) lines.push(makeLine(cur));
  return lines;
}

function makeLine(chunks: Chunk[], cellGap = 1.3): Line {
  chunks.sort((a, b) => a.x0 - b.x0);
  const h = median(chunks.map((c) => c.y1 - c.y0)) || 10;
  const cells: Chunk[][] = [[chunks[0]!]];
  for (let i = 1; i < chunks.length; i++) {
    const gap = chunks[i]!.x0 - chunks[i - 1]!.x1;
    // A gap of more than about two spaces separates table cells; prose words sit closer.
    if (gap > Math.max(cellGap * h, 6)) cells.push([chunks[i]!]);
    else cells[cells.length - 1]!.push(chunks[i]!);
  }
  return {
    chunks, cells, h,
    top: Math.min(...chunks.map((c) => c.y0)), bottom: Math.max(...chunks.map((c) => c.y1)),
    x0: chunks[0]!.x0, x1: Math.max(...chunks.map((c) => c.x1)),
  };
}

/** Runs of lines that form a table: [from, to) indexes. */
function tableRuns(lines: Line[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.cells.length < 2) { i++; continue; }
    let j = i;
    while (j < lines.length && lines[j]!.cells.length >= 2) j++;
    const wide = lines.slice(i, j).filter((l) => l.cells.length >= 3).length;
    if (wide >= 2 || j - i >= 3) {
      // A header line of one merged cell right above the run belongs to it ("Kết quả năm 2023").
      runs.push([i, j]);
    }
    i = j;
  }
  return runs;
}

/** Lays out pages into one text; see the module comment. */
export function layOut(pages: PlacedPage[]): Laid {
  let text = "";
  const words: PlacedWord[] = [];
  const ranges: PageRange[] = [];
  const tables: Table[] = [];
  const emitChunk = (c: Chunk, page: number) => {
    const t = c.text.replace(/\s+/g, " ").trim();
    const start = text.length;
    text += t;
    words.push({ start, end: text.length, page, box: [c.x0, c.y0, c.x1, c.y1], ...(c.conf !== undefined ? { conf: c.conf } : {}) });
  };
  const emitCell = (cell: Chunk[], page: number) => {
    cell.forEach((c, k) => {
      if (k > 0 && !text.endsWith(" ")) text += " ";
      emitChunk(c, page);
    });
  };
  for (const p of pages) {
    if (text.length) text += "\n\n";
    const pageStart = text.length;
    const lines = linesOf(p.chunks);
    const runs = tableRuns(lines);
    const prose = lines.filter((_, k) => !runs.some(([a, b]) => k >= a && k < b));
    const left = Math.min(...prose.map((l) => l.x0));
    const right = Math.max(...prose.map((l) => l.x1));
    let prev: Line | null = null;
    let caption = "";
    for (let k = 0; k < lines.length; k++) {
      const run = runs.find(([a]) => a === k);
      if (run) {
        if (text.length > pageStart) text += "\n";
        tables.push(tableOf(lines.slice(run[0], run[1]), caption, p.page));
        k = run[1] - 1;
        prev = null;
        continue;
      }
      const l = lines[k]!;
      if (prev) {
        const gap = l.top - prev.bottom;
        const full = prev.x1 > right - 0.12 * (right - left);
        const indented = l.x0 > left + 1.2 * l.h;
        const same = l.par !== undefined ? l.par === prev.par : gap < 0.9 * l.h && full && !indented;
        text += same ? " " : "\n";
      } else if (text.length > pageStart) text += "\n";
      const lineStart = text.length;
      l.cells.forEach((cell, ci) => {
        if (ci > 0) text += " ";
        emitCell(cell, p.page);
      });
      caption = text.slice(lineStart);
      prev = l;
    }
    ranges.push({ page: p.page, start: pageStart, end: text.length });
  }
  return { text, pages: ranges, words, tables };

  function tableOf(rows: Line[], cap: string, page: number): Table {
    // Columns from the row with the most cells; a cell covering several column centres spans them.
    const template = rows.reduce((a, b) => (b.cells.length > a.cells.length ? b : a));
    const centres = template.cells.map((c) => (c[0]!.x0 + Math.max(...c.map((x) => x.x1))) / 2);
    const tableStart = text.length;
    const cells: TableCell[] = [];
    rows.forEach((r, ri) => {
      if (ri > 0) text += "\n";
      r.cells.forEach((cell, ci) => {
        const x0 = cell[0]!.x0;
        const x1 = Math.max(...cell.map((c) => c.x1));
        const covered = centres.map((c, i) => [c, i] as const).filter(([c]) => c >= x0 - 2 && c <= x1 + 2).map(([, i]) => i);
        const mid = (x0 + x1) / 2;
        let col = covered[0] ?? centres.reduce((best, c, i) => (Math.abs(c - mid) < Math.abs(centres[best]! - mid) ? i : best), 0);
        const span = Math.max(1, covered.length);
        if (ci > 0) text += " | ";
        const start = text.length;
        emitCell(cell, page);
        if (cells.some((c) => c.row === ri && c.col === col)) col = Math.min(centres.length - 1, col + 1);
        cells.push({ text: text.slice(start), start, end: text.length, row: ri, col, rowSpan: 1, colSpan: span });
      });
    });
    return { cells, caption: cap, start: tableStart, end: text.length };
  }
}
