/**
 * Test and benchmark support (never used by the product): makes the documents the archive reader
 * is measured on from report text. A .docx in Times New Roman 14 pt (the reports' format),
 * LibreOffice's PDF of it, and a "scan" of that PDF: pages rasterised by pdftoppm at 200 dpi,
 * turned a little and sprinkled with noise (seeded, so a run is repeatable), and packed as image
 * pages into a PDF with no text layer. Needs libreoffice and pdftoppm (see `tools()`).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { Document, Packer, Paragraph, TextRun } from "docx";

/** Which of the external programs are installed. */
export function tools(): { libreoffice: boolean; pdftoppm: boolean; tesseract: boolean } {
  const has = (cmd: string, arg: string) => { try { execFileSync(cmd, [arg], { stdio: "pipe", timeout: 20_000 }); return true; } catch { return false; } };
  let vie = false;
  try { vie = /^vie$/m.test(execFileSync("tesseract", ["--list-langs"], { encoding: "utf8", stdio: "pipe" })); } catch { /* missing */ }
  return { libreoffice: has("soffice", "--version"), pdftoppm: has("pdftoppm", "-v"), tesseract: vie };
}

/** A .docx of the text, one paragraph per line, Times New Roman 14 pt. */
export async function docxOfText(text: string): Promise<Buffer> {
  const doc = new Document({
    styles: { default: { document: { run: { font: "Times New Roman", size: 28 } } } },
    sections: [{ children: text.split("\n").map((t) => new Paragraph({ children: [new TextRun(t)] })) }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

/** Converts Office bytes to PDF with LibreOffice (headless). */
export function toPdf(bytes: Buffer, ext: "docx" | "xlsx" | "txt"): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "danvan-pdf-"));
  try {
    const src = join(dir, `in.${ext}`);
    writeFileSync(src, bytes);
    execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, src], { stdio: "pipe", timeout: 180_000 });
    return readFileSync(join(dir, "in.pdf"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface Gray { width: number; height: number; pixels: Uint8Array }

/** Rasterises every page of a PDF in grey at `dpi`. */
export function rasterise(pdf: Buffer, dpi = 200): Gray[] {
  const dir = mkdtempSync(join(tmpdir(), "danvan-ras-"));
  try {
    writeFileSync(join(dir, "in.pdf"), pdf);
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", join(dir, "in.pdf"), join(dir, "p")], { stdio: "pipe", timeout: 180_000 });
    return readdirSync(dir).filter((f) => f.endsWith(".pgm")).sort().map((f) => parsePgm(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads a binary PGM (P5, 8 bits). */
export function parsePgm(b: Buffer): Gray {
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(b.subarray(0, 64).toString("latin1"));
  if (!head) throw new Error("not a P5 PGM");
  const width = Number(head[1]), height = Number(head[2]);
  return { width, height, pixels: new Uint8Array(b.subarray(head[0].length, head[0].length + width * height)) };
}

/** Turns a page by `skewDeg` and adds grain and specks, the way a flatbed scan of paper looks. */
export function degrade(img: Gray, { skewDeg = 1.2, noise = 18, specks = 0.002, seed = 7 } = {}): Gray {
  let s = seed >>> 0;
  const rand = () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const { width: w, height: h, pixels: src } = img;
  const out = new Uint8Array(w * h);
  const a = (skewDeg * Math.PI) / 180, cos = Math.cos(a), sin = Math.sin(a), cx = w / 2, cy = h / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = Math.round(cos * (x - cx) + sin * (y - cy) + cx);
      const sy = Math.round(-sin * (x - cx) + cos * (y - cy) + cy);
      let v = sx >= 0 && sy >= 0 && sx < w && sy < h ? src[sy * w + sx]! : 255;
      v += ((rand() + rand() + rand() - 1.5) / 1.5) * noise;
      if (rand() < specks) v = rand() < 0.5 ? 0 : 255;
      out[y * w + x] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
  return { width: w, height: h, pixels: out };
}

/** A PDF whose pages are the given grey images (no text layer), at `dpi`. */
export function imagePdf(pages: Gray[], dpi = 200): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let len = 0;
  const push = (b: Buffer | string) => { const buf = typeof b === "string" ? Buffer.from(b, "latin1") : b; parts.push(buf); len += buf.length; };
  const obj = (n: number, body: Buffer | string, stream?: Buffer) => {
    offsets[n] = len;
    push(`${n} 0 obj\n`);
    push(body);
    if (stream) { push("\nstream\n"); push(stream); push("\nendstream"); }
    push("\nendobj\n");
  };
  push("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  const n = pages.length;
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  obj(2, `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 3} 0 R`).join(" ")}] /Count ${n} >>`);
  pages.forEach((p, i) => {
    const W = (p.width * 72) / dpi, H = (p.height * 72) / dpi;
    const page = 3 + i * 3, img = page + 1, content = page + 2;
    obj(page, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${W.toFixed(2)} ${H.toFixed(2)}] /Resources << /XObject << /Im0 ${img} 0 R >> >> /Contents ${content} 0 R >>`);
    const data = deflateSync(p.pixels);
    obj(img, `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>`, data);
    const c = Buffer.from(`q ${W.toFixed(2)} 0 0 ${H.toFixed(2)} 0 0 cm /Im0 Do Q`, "latin1");
    obj(content, `<< /Length ${c.length} >>`, c);
  });
  const xref = len;
  const total = 3 + n * 3;
  push(`xref\n0 ${total}\n0000000000 65535 f \n`);
  for (let k = 1; k < total; k++) push(`${String(offsets[k]).padStart(10, "0")} 00000 n \n`);
  push(`trailer\n<< /Size ${total} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

/** The scan of report text: .docx → PDF → 200 dpi grey pages, turned and noisy → image-only PDF. */
export async function scannedPdfOf(text: string, opts: { skewDeg?: number; noise?: number; seed?: number } = {}): Promise<{ clean: Buffer; scan: Buffer; pages: number }> {
  const clean = toPdf(await docxOfText(text), "docx");
  const pages = rasterise(clean, 200).map((p, i) => degrade(p, { ...opts, seed: (opts.seed ?? 7) + i }));
  return { clean, scan: imagePdf(pages, 200), pages: pages.length };
}

export interface GoldFigure { value: number; of: number | null; indicator: string | null }
type Scored = { tp: number; fp: number; fn: number; itp: number; ifp: number; ifn: number };

/**
 * Scores figures read from a PDF or scan against gold figures of the same text by value (and
 * "of"), as multisets: spans cannot be compared across a re-typeset text. Indicator matches count
 * (value, of, indicator) triples, like the corpus scorer's indicator F1.
 */
export function scoreByValue(gold: GoldFigure[], pred: GoldFigure[]): Scored & { f1: number; indicatorF1: number } {
  const k = (f: GoldFigure) => `${f.value}|${f.of ?? ""}`;
  const ki = (f: GoldFigure) => `${k(f)}|${f.indicator}`;
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const inter = (a: Map<string, number>, b: Map<string, number>) => [...a].reduce((n, [x, c]) => n + Math.min(c, b.get(x) ?? 0), 0);
  const g = count(gold.map(k)), p = count(pred.map(k));
  const tp = inter(g, p);
  const gi = count(gold.filter((f) => f.indicator).map(ki)), pi = count(pred.filter((f) => f.indicator).map(ki));
  const itp = inter(gi, pi);
  const s = { tp, fp: pred.length - tp, fn: gold.length - tp, itp, ifp: [...pi.values()].reduce((a, b) => a + b, 0) - itp, ifn: [...gi.values()].reduce((a, b) => a + b, 0) - itp };
  const f1 = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return { ...s, f1: f1(s.tp, s.fp, s.fn), indicatorF1: f1(s.itp, s.ifp, s.ifn) };
}

/** Adds up several scores and gives their F1s. */
export function totalScore(xs: Scored[]): Scored & { f1: number; indicatorF1: number } {
  const t = xs.reduce((a, b) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, itp: a.itp + b.itp, ifp: a.ifp + b.ifp, ifn: a.ifn + b.ifn }), { tp: 0, fp: 0, fn: 0, itp: 0, ifp: 0, ifn: 0 });
  const f1 = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return { ...t, f1: f1(t.tp, t.fp, t.fn), indicatorF1: f1(t.itp, t.ifp, t.ifn) };
}
