/**
 * The edge between a file's bytes and a ReportDocument: sniffs the content (PDF, ZIP-based
 * .docx/.xlsx, images for OCR, otherwise text) and hands it to the reader of that kind, under
 * each kind's size limits. Every document gets the sha-256 of its bytes, so the same document
 * imported twice is recognised.
 */
import { createHash } from "node:crypto";
import { DomainError } from "../core/errors.ts";
import { textDocument, type ReportDocument } from "./document.ts";
import { checkText, decodeText } from "./input.ts";
import { layOut } from "./layout.ts";
import { isZip, OFFICE_LIMITS, zipNames } from "./zip.ts";

// The readers of other kinds load on first use: reading plain text starts fast.
const isPdf = (b: Uint8Array) => b.length >= 5 && b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46 && b[4] === 0x2d;

export interface ReadOptions {
  /** OCR of pages without a text layer: "auto" (default), "off", "force" (every page). */
  ocr?: "auto" | "off" | "force" | undefined;
}

/** sha-256 of bytes, hex. */
export const hashOf = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const IMAGE: Array<[string, (b: Uint8Array) => boolean]> = [
  ["png", (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ["jpg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["tif", (b) => (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a)],
  ["bmp", (b) => b[0] === 0x42 && b[1] === 0x4d],
  ["pgm", (b) => b[0] === 0x50 && (b[1] === 0x35 || b[1] === 0x36) && (b[2] === 0x0a || b[2] === 0x20)],
];

/** The kind of office file a ZIP holds, by its parts (never by its name). */
function zipKind(buf: Buffer, name: string): "docx" | "xlsx" | "zip" {
  let names: string[];
  try {
    names = zipNames(buf, name, { ...OFFICE_LIMITS, compressed: Infinity, entries: 100_000 });
  } catch (e) {
    // A damaged ZIP keeps the code older clients know for a damaged Word file.
    if (e instanceof DomainError && e.code === "EXTRACT_ZIP") throw new DomainError("EXTRACT_DOCX", `${name}: không đọc được tệp Word (.docx), Excel (.xlsx) hoặc tệp nén (.zip): tệp hỏng hoặc không đúng định dạng.`, { name });
    throw e;
  }
  if (names.includes("word/document.xml")) return "docx";
  if (names.includes("xl/workbook.xml")) return "xlsx";
  return "zip";
}

/** True when the bytes are a .zip of reports (not a .docx or .xlsx). */
export function isArchive(buf: Buffer, name = "tệp"): boolean {
  return isZip(buf) && zipKind(buf, name) === "zip";
}

/** Reads one document's bytes (see the module comment). A .zip of reports is read by batch.ts. */
export async function readDocument(buf: Buffer, name: string, opts: ReadOptions = {}): Promise<ReportDocument> {
  const hash = hashOf(buf);
  if (isPdf(buf)) {
    const { readPdf } = await import("./pdf.ts");
    const r = await readPdf(buf, name, opts.ocr ?? "auto");
    const laid = layOut(r.pages);
    checkText(laid.text, name);
    return { name, kind: r.ocrPages.length === r.pages.length && r.pages.length > 0 ? "scan" : "pdf", text: laid.text, tables: laid.tables, pages: laid.pages, words: laid.words, hash, ocrPages: r.ocrPages };
  }
  if (isZip(buf)) {
    const kind = zipKind(buf, name);
    if (kind === "zip") throw new DomainError("EXTRACT_ARCHIVE", `${name}: là tệp nén nhiều báo cáo; hãy dùng chức năng nhập nhiều tệp.`, { name });
    const r = kind === "docx" ? await (await import("./docx.ts")).readDocx(buf, name) : await (await import("./xlsx.ts")).readXlsx(buf, name);
    checkText(r.text, name);
    return { name, kind, text: r.text, tables: r.tables, pages: [], words: [], hash, ocrPages: [] };
  }
  const img = IMAGE.find(([, test]) => buf.length > 8 && test(buf));
  if (img) {
    if (opts.ocr === "off") throw new DomainError("EXTRACT_BINARY", `${name}: là ảnh; cần nhận dạng chữ (OCR) để đọc.`, { name });
    const { ocrImage } = await import("./ocr.ts");
    const laid = layOut([{ page: 1, chunks: await ocrImage(buf, img[0]) }]);
    checkText(laid.text, name);
    return { name, kind: "image", text: laid.text, tables: laid.tables, pages: laid.pages, words: laid.words, hash, ocrPages: [1] };
  }
  return textDocument(name, decodeText(buf, name), hash);
}
