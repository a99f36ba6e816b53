/**
 * Pure types: a report as read from any input (text, .docx, .xlsx, PDF, scan), before its
 * figures are read. One text for the prose reader, the tables found in it as grids of cells
 * (each cell pointing into that text), the pages the text came from, and for OCR the confidence
 * of each word. Every span the reader reports points into `text`.
 */

export type DocumentKind = "text" | "docx" | "xlsx" | "pdf" | "scan" | "image";

/** One cell of a table, as laid out (a merged cell appears once, with its spans). */
export interface TableCell {
  text: string;
  /** Offsets of the cell's text in the document text. */
  start: number;
  end: number;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Table {
  cells: TableCell[];
  /** The paragraph just above the table ("Biểu số liệu … năm 2023"), which may name unit or period. */
  caption: string;
  /** Offsets of the whole table in the document text. */
  start: number;
  end: number;
  /** The sheet of a workbook, when there is one. */
  sheet?: string | undefined;
}

/** Where a page's text lies in the document text (1-based page numbers). */
export interface PageRange {
  page: number;
  start: number;
  end: number;
}

/** A word placed on a page (PDF text items, OCR words): its text span, box and OCR confidence. */
export interface PlacedWord {
  start: number;
  end: number;
  page: number;
  /** x0, y0, x1, y1 in page units (PDF points or image pixels), y downwards. */
  box: [number, number, number, number];
  /** 0–1, OCR only. */
  conf?: number | undefined;
}

export interface ReportDocument {
  name: string;
  kind: DocumentKind;
  text: string;
  tables: Table[];
  pages: PageRange[];
  /** Placed words in text order (PDF and OCR); empty for text and Office files. */
  words: PlacedWord[];
  /** sha-256 of the input bytes (hex): the same document imported twice is recognised. */
  hash: string;
  /** Pages read by OCR (1-based); empty when none. */
  ocrPages: number[];
}

/** A plain-text document (no tables, one page). */
export function textDocument(name: string, text: string, hash: string): ReportDocument {
  return { name, kind: "text", text, tables: [], pages: [], words: [], hash, ocrPages: [] };
}
