/**
 * OCR through Debian's tesseract-ocr with the Vietnamese model (tesseract-ocr-vie); PDF pages are
 * rasterised with poppler's pdftoppm first. Each word keeps its box and confidence. When the
 * programs are missing the error names the packages to install (EXTRACT_OCR_MISSING).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DomainError } from "../core/errors.ts";
import type { Chunk } from "./layout.ts";

/** Resolution pages are rasterised at for OCR. */
export const OCR_DPI = 200;

function run(cmd: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // One thread: the machine is shared, and OCR of a batch runs page after page anyway.
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 64 << 20, env: { ...process.env, OMP_THREAD_LIMIT: "1" } }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout);
    });
  });
}

const missing = () =>
  new DomainError("EXTRACT_OCR_MISSING", "Không đọc được bản quét: máy chủ chưa cài phần mềm nhận dạng chữ. Cần cài các gói tesseract-ocr, tesseract-ocr-vie (và poppler-utils cho tệp PDF), ví dụ: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils.");

let available: Promise<boolean> | null = null;
/** True when tesseract with the Vietnamese model and pdftoppm can be run (checked once). */
export function ocrAvailable(): Promise<boolean> {
  available ??= (async () => {
    try {
      const langs = await run("tesseract", ["--list-langs"], 10_000);
      await run("pdftoppm", ["-v"], 10_000).catch((e: { code?: unknown }) => { if (e.code === "ENOENT") throw e; });
      return /^vie$/m.test(langs);
    } catch {
      return false;
    }
  })();
  return available;
}

/** Parses tesseract's TSV output into word chunks with a 0–1 confidence. */
export function parseTsv(tsv: string): Chunk[] {
  const out: Chunk[] = [];
  for (const line of tsv.split("\n")) {
    const f = line.split("\t");
    if (f[0] !== "5" || f.length < 12) continue;
    const text = f.slice(11).join("\t").trim();
    const conf = Number(f[10]);
    if (!text || conf < 0) continue;
    const x = Number(f[6]), y = Number(f[7]), w = Number(f[8]), h = Number(f[9]);
    out.push({ text: text.normalize("NFC"), x0: x, y0: y, x1: x + w, y1: y + h, conf: Math.round(conf) / 100, line: `${f[2]}.${f[3]}.${f[4]}`, par: `${f[2]}.${f[3]}` });
  }
  return out;
}

/** OCR of one image file (PNG, JPEG, TIFF, PNM…). */
export async function ocrImageFile(path: string): Promise<Chunk[]> {
  if (!(await ocrAvailable())) throw missing();
  try {
    return parseTsv(await run("tesseract", [path, "-", "-l", "vie", "tsv"], 180_000));
  } catch {
    throw new DomainError("EXTRACT_OCR", "Không nhận dạng được chữ trong ảnh (ảnh hỏng hoặc không đúng định dạng).");
  }
}

/** OCR of image bytes (written to a temporary file for tesseract). */
export async function ocrImage(bytes: Buffer, ext: string): Promise<Chunk[]> {
  if (!(await ocrAvailable())) throw missing();
  const dir = await mkdtemp(join(tmpdir(), "danvan-ocr-"));
  try {
    const p = join(dir, `page.${ext}`);
    await writeFile(p, bytes);
    return await ocrImageFile(p);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** OCR of some pages of a PDF (1-based), rasterised at OCR_DPI; page → words. */
export async function ocrPdfPages(pdf: Buffer, pages: number[]): Promise<Map<number, Chunk[]>> {
  if (!(await ocrAvailable())) throw missing();
  const dir = await mkdtemp(join(tmpdir(), "danvan-ocr-"));
  const out = new Map<number, Chunk[]>();
  try {
    const src = join(dir, "in.pdf");
    await writeFile(src, pdf);
    for (const n of pages) {
      await run("pdftoppm", ["-r", String(OCR_DPI), "-gray", "-f", String(n), "-l", String(n), src, join(dir, `p${n}`)], 120_000);
      const img = (await readdir(dir)).find((f) => f.startsWith(`p${n}-`) || f === `p${n}.pgm`);
      if (!img) continue;
      out.set(n, await ocrImageFile(join(dir, img)));
      await rm(join(dir, img), { force: true });
    }
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
