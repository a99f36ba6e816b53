/**
 * Pure: reads the figures of a Vietnamese report (../shared/spec/indicators.md, "How a figure is
 * read") and its scope, into the extractor's output contract. No database, no I/O; linear in
 * the length of the text (each number looks at a bounded window around it).
 */
import { joinWrapped, prepare, type Prepared } from "./normalize.ts";
import { joinCountWraps } from "./wrap-counts.ts";
import { tabRows } from "./tab-rows.ts";
import { textTables } from "./text-tables.ts";
import { detectScope, type Scope } from "./scope.ts";
import type { DocumentKind, ReportDocument, Table } from "./document.ts";
import { tableFigures } from "./grid.ts";
import { figuresOf } from "./read-figures.ts";
import { cutFurniture, breadcrumbs } from "./furniture.ts";

/** One figure, as the output contract prints it; start/end point into the input as given. */
export interface ExtractedFigure {
  start: number;
  end: number;
  text: string;
  value: number;
  of: number | null;
  unit: string | null;
  qualifier: string | null;
  indicator: string | null;
  /** Page of a PDF or scan (1-based), and the figure's box on it (x0, y0, x1, y1, y downwards). */
  page?: number;
  box?: [number, number, number, number];
  /** OCR confidence (0–1) of the weakest word of the figure: such figures are saved only after review. */
  confidence?: number;
  /** From a table: the place its row or column names and the period its header names (null: the document's). */
  place?: string | null;
  period?: string | null;
  /** From a table: its index in the document and the cell's row and column. */
  table?: { index: number; row: number; col: number };
}

export interface ExtractResult {
  scope: Scope;
  figures: ExtractedFigure[];
}

/** What the reader says of a document besides its figures (for files other than plain text). */
export interface DocumentInfo {
  name: string;
  kind: DocumentKind;
  hash: string;
  pages: number;
  ocrPages: number[];
  tables: number;
}

export interface DocumentResult extends ExtractResult {
  document: DocumentInfo;
  /** The text the spans point into (as read from the file). */
  text: string;
  /** Where each page's text lies in `text`. */
  pages: Array<{ page: number; start: number; end: number }>;
}

export interface ExtractHints {
  /** Overrides what the text says (the user knows better). */
  unit?: string | undefined;
  period?: string | undefined;
}
/** Reads every figure of `raw`; spans point into `raw` as given. */
export function extractFigures(raw: string): ExtractedFigure[] {
  return readPage(raw).figures;
}

/** The indicator and unit prose reading gives the number at `at` of a sentence (for table cells). */
function readSentence(sentence: string, at: number): { indicator: string | null; unit: string | null } | null {
  const f = extractFigures(sentence).find((x) => x.start <= at && at < x.end);
  return f ? { indicator: f.indicator, unit: f.unit } : null;
}

/**
 * Reads a document of any kind: prose figures, table figures (which replace what prose reading
 * found inside numeric cells), each with its page, box and OCR confidence where there are some.
 */
export function extractDocument(doc: ReportDocument, hints: ExtractHints = {}): DocumentResult {
  // A text's own tables are found by extractReport; a .docx's, a sheet's or a PDF's come with the document.
  const base = readReport(doc.text, hints, doc.kind === "text");
  const figures = withTables(doc.text, base.figures, doc.tables);
  if (doc.words.length) {
    let w = 0;
    for (const f of figures) {
      while (w < doc.words.length && doc.words[w]!.end <= f.start) w++;
      let conf = Infinity;
      let box: [number, number, number, number] | null = null;
      let page = 0;
      for (let k = w; k < doc.words.length && doc.words[k]!.start < f.end; k++) {
        const word = doc.words[k]!;
        if (word.conf !== undefined) conf = Math.min(conf, word.conf);
        if (!page) page = word.page;
        if (word.page !== page) continue;
        box = box ? [Math.min(box[0], word.box[0]), Math.min(box[1], word.box[1]), Math.max(box[2], word.box[2]), Math.max(box[3], word.box[3])] : [...word.box];
      }
      if (page) f.page = page;
      if (box) f.box = box.map((v) => Math.round(v * 10) / 10) as [number, number, number, number];
      if (conf !== Infinity) f.confidence = conf;
    }
  } else if (doc.pages.length) {
    for (const f of figures) f.page = doc.pages.find((p) => f.start >= p.start && f.start <= p.end)?.page ?? 1;
  }
  return {
    scope: base.scope,
    figures,
    document: { name: doc.name, kind: doc.kind, hash: doc.hash, pages: doc.pages.length || 1, ocrPages: doc.ocrPages, tables: doc.tables.length },
    text: doc.text,
    pages: doc.pages,
  };
}

/** Reads a report: its scope and its figures, those of its tables written as plain text too (the output contract). */
export function extractReport(raw: string, hints: ExtractHints = {}): ExtractResult {
  return readReport(raw, hints, true);
}

/** A report's scope and its figures read as prose, with those of its tables written as plain text when `tables`. */
function readReport(raw: string, hints: ExtractHints, tables: boolean): ExtractResult {
  const { p, whole, figures, crumbs } = readPage(raw);
  return { scope: detectScope(p.text, p.key, hints, crumbs), figures: tables ? withTables(raw, figures, textTables(raw, whole)) : figures };
}

/** Prose figures with the figures of `tables` (grid.ts), which replace what prose reading found inside their numeric cells. */
function withTables(text: string, prose: ExtractedFigure[], tables: readonly Table[]): ExtractedFigure[] {
  if (tables.length === 0) return prose;
  const cellsRead: Array<[number, number]> = [];
  const fromTables: ExtractedFigure[] = [];
  tables.forEach((t, index) => {
    for (const g of tableFigures(t, readSentence)) {
      cellsRead.push([g.start, g.end]);
      fromTables.push({ start: g.start, end: g.end, text: text.slice(g.start, g.end), value: g.value, of: g.of, unit: g.unit, qualifier: g.qualifier, indicator: g.indicator, place: g.place, period: g.period, table: { index, row: g.row, col: g.col } });
    }
  });
  const kept = prose.filter((f) => !cellsRead.some(([a, b]) => f.start < b && a < f.end));
  return [...kept, ...fromTables].sort((a, b) => a.start - b.start);
}

/** The figures of a prepared text, its lines hard-wrapped inside a sentence joined (normalize.ts). */
function figuresIn(raw: string, p: Prepared): ExtractedFigure[] {
  // Rows of a table pasted with tabs read as "label: number" (tab-rows.ts).
  const wrapped = joinWrapped(p.text, p.key);
  // A wrapped line that ends in a count before its noun capitalised ("được 12\nMô hình": wrap-counts.ts).
  const joined = joinCountWraps(wrapped.text, wrapped.key);
  const { text, key } = tabRows(joined.text, joined.key);
  return figuresOf(raw, text, key, p.toOriginal);
}

/**
 * A page's figures, and its text as read (prepared) for the scope. A news page's furniture (other
 * articles' headlines, menus, footers: furniture.ts) is cut before reading: its numbers are no figures
 * of the report and its places do not decide the scope. Spans point into `raw` as given.
 */
function readPage(raw: string): { p: Prepared; whole: Prepared; figures: ExtractedFigure[]; crumbs: string[] } {
  const whole = prepare(raw);
  const cut = cutFurniture(raw, whole);
  // The breadcrumbs are cut, but the section they name is read for the scope.
  const crumbs = breadcrumbs(whole.text, whole.key);
  if (!cut) return { p: whole, whole, figures: figuresIn(raw, whole), crumbs };
  const p = prepare(cut.text);
  const figures = figuresIn(cut.text, p);
  for (const f of figures) {
    const end = f.end > f.start ? cut.back(f.end - 1) + 1 : cut.back(f.end);
    f.start = cut.back(f.start);
    f.end = end;
    f.text = raw.slice(f.start, f.end);
  }
  return { p, whole, figures, crumbs };
}
