// Worker thread: reads the text layer of a PDF with pdf.js (positions of every text item, per
// page). Plain JavaScript so that it starts without the TypeScript loader; it runs apart from the
// server's heap with a memory ceiling (see pdf.ts), so a hostile PDF ends this worker, not the
// process. Message out: PdfOut in pdf.ts.
import { parentPort, workerData } from "node:worker_threads";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

async function main() {
  const { data, maxPages } = workerData;
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0, stopAtErrors: false }).promise;
  const pages = [];
  const n = Math.min(doc.numPages, maxPages);
  for (let i = 1; i <= n; i++) {
    const page = await doc.getPage(i);
    const vp = page.getViewport({ scale: 1 });
    const tc = await page.getTextContent();
    const chunks = [];
    for (const it of tc.items) {
      if (!("str" in it) || !it.str) continue;
      const [, , c, d, e, f] = it.transform;
      const size = Math.hypot(c, d) || it.height || 10;
      const y1 = vp.height - f;
      chunks.push({ text: it.str, x0: e, y0: y1 - size, x1: e + it.width, y1 });
    }
    pages.push({ page: i, width: vp.width, height: vp.height, chunks });
    page.cleanup();
  }
  const numPages = doc.numPages;
  await doc.destroy();
  return { ok: true, numPages, pages };
}

main().then((r) => parentPort.postMessage(r), (e) => parentPort.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) }));
