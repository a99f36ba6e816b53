/**
 * PDF input: the text layer read by pdf.js in a worker thread with a memory ceiling and a time
 * limit; pages without a text layer (scans of signed paper) are read by OCR when `ocr` allows.
 * Text and tables are laid out by layout.ts; each word keeps its page and box, so a figure can be
 * shown on its page.
 */
import { Worker } from "node:worker_threads";
import { DomainError } from "../core/errors.ts";
import { layOut, type Chunk, type PlacedPage } from "./layout.ts";
import { ocrPdfPages } from "./ocr.ts";
import { tooLarge } from "./zip.ts";

interface PdfChunk { text: string; x0: number; y0: number; x1: number; y1: number }
/** What pdf.worker.mjs sends back. */
type PdfOut = { ok: true; numPages: number; pages: Array<{ page: number; width: number; height: number; chunks: PdfChunk[] }> } | { ok: false; error: string };

export const PDF_LIMITS = { bytes: 50 * 2 ** 20, pages: 500, heapMb: 512, timeoutMs: 120_000 };

/** True when the bytes start like a PDF. */
export const isPdf = (b: Uint8Array) => b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;

/** A page with fewer visible characters than this in its text layer is taken for a scan. */
const SCAN_CHARS = 25;

function readLayer(buf: Buffer, name: string): Promise<Extract<PdfOut, { ok: true }>> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL("./pdf.worker.mjs", import.meta.url), {
      workerData: { data: new Uint8Array(buf), maxPages: PDF_LIMITS.pages },
      resourceLimits: { maxOldGenerationSizeMb: PDF_LIMITS.heapMb },
    });
    let done = false;
    const finish = (f: () => void) => { if (!done) { done = true; clearTimeout(timer); f(); void w.terminate(); } };
    const timer = setTimeout(() => finish(() => reject(tooLarge(name, `đọc tệp PDF quá ${PDF_LIMITS.timeoutMs / 1000} giây`))), PDF_LIMITS.timeoutMs);
    w.on("message", (m: PdfOut) => finish(() => (m.ok ? resolve(m) : reject(new DomainError("EXTRACT_PDF", `${name}: không đọc được tệp PDF (tệp hỏng hoặc có mật khẩu).`, { name, reason: m.error.slice(0, 200) })))));
    w.on("error", (e: Error & { code?: string }) => finish(() => reject(e.code === "ERR_WORKER_OUT_OF_MEMORY"
      ? tooLarge(name, `đọc tệp PDF cần quá ${PDF_LIMITS.heapMb} MB bộ nhớ`)
      : new DomainError("EXTRACT_PDF", `${name}: không đọc được tệp PDF.`, { name, reason: String(e.message).slice(0, 200) }))));
    w.on("exit", () => finish(() => reject(new DomainError("EXTRACT_PDF", `${name}: không đọc được tệp PDF.`, { name }))));
  });
}

export interface PdfRead {
  pages: PlacedPage[];
  ocrPages: number[];
  numPages: number;
}

/**
 * Reads a PDF into placed pages: the text layer where there is one, OCR elsewhere (`ocr`:
 * "auto" = scanned pages only, "off" = never, "force" = every page).
 */
export async function readPdf(buf: Buffer, name: string, ocr: "auto" | "off" | "force" = "auto"): Promise<PdfRead> {
  if (buf.length > PDF_LIMITS.bytes) throw tooLarge(name, `${Math.round(buf.length / 2 ** 20)} MB, tối đa ${PDF_LIMITS.bytes / 2 ** 20} MB`);
  const layer = await readLayer(buf, name);
  const pages: PlacedPage[] = layer.pages.map((p) => ({ page: p.page, chunks: p.chunks as Chunk[] }));
  const scanned = ocr === "off" ? [] : pages.filter((p) => ocr === "force" || p.chunks.reduce((n, c) => n + c.text.replace(/\s/g, "").length, 0) < SCAN_CHARS).map((p) => p.page);
  if (scanned.length) {
    const words = await ocrPdfPages(buf, scanned);
    for (const p of pages) if (words.has(p.page)) p.chunks = words.get(p.page)!;
  }
  return { pages, ocrPages: scanned, numPages: layer.numPages };
}

/** Lays out a read PDF (see layout.ts). */
export const layOutPdf = (r: PdfRead) => layOut(r.pages);
