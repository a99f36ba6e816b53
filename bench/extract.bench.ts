/**
 * Throughput of the report reader on one core, for each kind of input:
 *  - text: MB of report text per second (goal ≥ 5 MB/s); the dev-corpus texts repeated to ~10 MB;
 *  - PDF with a text layer: pages per second (pdf.js in its worker, layout, reading), on the
 *    dev-corpus texts typeset by LibreOffice (needs libreoffice);
 *  - scanned PDF: seconds per page (pdftoppm at 200 dpi + tesseract vie + reading), on a scan of
 *    one dev-corpus text (needs poppler-utils, tesseract-ocr, tesseract-ocr-vie).
 * Prints medians; sections whose programs are missing say SKIPPED.
 *   node --import tsx bench/extract.bench.ts [corpus-texts-dir]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractDocument, extractReport } from "../src/extract/extract.ts";
import { readDocument } from "../src/extract/read.ts";
import { docxOfText, scannedPdfOf, toPdf, tools } from "../src/extract/scan-fixture.ts";

const dir = process.argv[2] ?? new URL("../../shared/dev-corpus/texts", import.meta.url).pathname;
const texts = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(dir, f), "utf8"));
const one = texts.join("\n\n");
const big = one.repeat(Math.ceil(10_000_000 / one.length));
const mb = Buffer.byteLength(big, "utf8") / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const runs: number[] = [];
extractReport(one); // warm-up: unit lists, regexes, JIT
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  const r = extractReport(big);
  runs.push(mb / ((performance.now() - t0) / 1000));
  if (i === 0) console.log(`input ${mb.toFixed(1)} MB (${texts.length} texts × ${Math.ceil(10_000_000 / one.length)}), ${r.figures.length} figures`);
}
runs.sort((a, b) => a - b);
console.log(`text: median ${median(runs).toFixed(2)} MB/s (min ${runs[0]!.toFixed(2)}, max ${runs.at(-1)!.toFixed(2)}) over ${runs.length} runs; goal ≥ 5 MB/s`);

// Shapes a scan per number once made slow, each read three times (median MB/s): a table pasted as
// text, one tab-separated row a line (a copy of the whole text per row took 70 s on 20,000 rows);
// one sentence listing 20,000 places and one listing 20,000 counts (a look back to the previous
// "(", ";" or line start per number made them quadratic: 6.5 s for 200 KB, stop 32).
const shapes: Array<[string, string]> = [
  ["tab-separated rows (20,000 rows)", Array.from({ length: 20_000 }, (_, i) => `Số hộ ký cam kết thôn ${i % 97}\t${1 + (i % 900)}\thộ`).join("\n")],
  ["one sentence of 20,000 places", "Các xã " + Array.from({ length: 20_000 }, (_, i) => `Ia Pa ${i}`).join(", ") + " đã hoàn thành."],
  ["one sentence of 20,000 counts", Array.from({ length: 20_000 }, (_, i) => `${i + 1} hộ`).join(", ") + "."],
];
for (const [what, text] of shapes) {
  const mbOf = Buffer.byteLength(text, "utf8") / 1e6;
  const xs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    extractReport(text);
    xs.push(mbOf / ((performance.now() - t0) / 1000));
  }
  console.log(`text of ${what}, ${mbOf.toFixed(2)} MB: median ${median(xs).toFixed(2)} MB/s over ${xs.length} runs`);
}

const t = tools();
if (!t.libreoffice) console.log("pdf: SKIPPED (libreoffice not installed)");
else {
  const pdfs: Buffer[] = [];
  for (const text of texts) pdfs.push(toPdf(await docxOfText(text), "docx"));
  const rates: number[] = [];
  for (let k = 0; k < 3; k++) {
    let pages = 0;
    const t0 = performance.now();
    for (const [i, pdf] of pdfs.entries()) pages += extractDocument(await readDocument(pdf, `${i}.pdf`, { ocr: "off" })).document.pages;
    rates.push(pages / ((performance.now() - t0) / 1000));
    if (k === 0) console.log(`pdf input: ${pdfs.length} PDFs, ${pages} pages`);
  }
  console.log(`pdf: median ${median(rates).toFixed(1)} pages/s over ${rates.length} runs (text layer, worker start included per file)`);
}
if (!(t.libreoffice && t.pdftoppm && t.tesseract)) console.log("scan: SKIPPED (needs libreoffice, poppler-utils, tesseract-ocr, tesseract-ocr-vie)");
else {
  const { scan, pages } = await scannedPdfOf(texts[0]!);
  const secs: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    extractDocument(await readDocument(scan, "scan.pdf"));
    secs.push((performance.now() - t0) / 1000 / pages);
  }
  console.log(`scan: median ${median(secs).toFixed(2)} s per scanned page over ${secs.length} runs (200 dpi, tesseract vie, one thread)`);
}
