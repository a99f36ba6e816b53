/**
 * Measures what scanning costs the reader: every dev-corpus text is typeset (.docx, Times 14 pt,
 * LibreOffice → PDF), read from its PDF text layer, and from a 200 dpi scan of it turned 1.2° with
 * noise (OCR by tesseract); each is scored against the same gold by value (scan-fixture.ts).
 *   node --import tsx bench/extract-scan.measure.ts [corpus-dir]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractDocument, extractReport } from "../src/extract/extract.ts";
import { readDocument } from "../src/extract/read.ts";
import { scannedPdfOf, scoreByValue, tools, totalScore, type GoldFigure } from "../src/extract/scan-fixture.ts";

const dir = process.argv[2] ?? new URL("../../shared/dev-corpus", import.meta.url).pathname;
const t = tools();
if (!t.libreoffice || !t.pdftoppm || !t.tesseract) { console.log("SKIPPED: needs libreoffice, pdftoppm, tesseract-ocr + tesseract-ocr-vie", t); process.exit(0); }
const rows = { text: [] as ReturnType<typeof scoreByValue>[], pdf: [] as ReturnType<typeof scoreByValue>[], scan: [] as ReturnType<typeof scoreByValue>[] };
let scanPages = 0, scanSeconds = 0;
for (const f of readdirSync(join(dir, "gold")).filter((x) => x.endsWith(".json")).sort()) {
  const gold = (JSON.parse(readFileSync(join(dir, "gold", f), "utf8")) as { figures: GoldFigure[] }).figures;
  const text = readFileSync(join(dir, "texts", f.replace(".json", ".txt")), "utf8");
  const { clean, scan, pages } = await scannedPdfOf(text);
  rows.text.push(scoreByValue(gold, extractReport(text).figures));
  rows.pdf.push(scoreByValue(gold, extractDocument(await readDocument(clean, f + ".pdf", { ocr: "off" })).figures));
  const t0 = performance.now();
  const r = extractDocument(await readDocument(scan, f + ".scan.pdf"));
  scanSeconds += (performance.now() - t0) / 1000; scanPages += pages;
  rows.scan.push(scoreByValue(gold, r.figures));
  const s = rows.scan.at(-1)!;
  console.log(`${f}: text F1 ${rows.text.at(-1)!.f1.toFixed(3)}  pdf F1 ${rows.pdf.at(-1)!.f1.toFixed(3)}  scan F1 ${s.f1.toFixed(3)} (${pages} pages, min confidence ${Math.min(...r.figures.map((x) => x.confidence ?? 1)).toFixed(2)})`);
}
for (const k of ["text", "pdf", "scan"] as const) {
  const s = totalScore(rows[k]);
  console.log(`${k.padEnd(5)} figure F1 ${s.f1.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})  indicator F1 ${s.indicatorF1.toFixed(3)}`);
}
console.log(`OCR: ${(scanSeconds / scanPages).toFixed(1)} s per scanned page (${scanPages} pages)`);
