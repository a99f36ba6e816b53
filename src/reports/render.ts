/** A report as a file: .docx, .pdf (from the .docx), .xlsx, plain text or the news page (HTML). */
import { foldDiacritics } from "../core/text.ts";
import { periodLabel } from "../core/period.ts";
import { narrativeText } from "./narrative.ts";
import { placeDateLine } from "./format.ts";
import type { ReportFormat, ReportModel } from "./report.service.ts";

export interface RenderedReport {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  txt: "text/plain; charset=utf-8",
  html: "text/html; charset=utf-8",
};

/** The file for a format. The renderers load on first use (a one-line CLI answer does not pay for them). */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  const base = format === "html" ? `Tin công tác dân vận ${periodLabel(model.period)} - ${model.unit.fullName}` : `Báo cáo công tác dân vận ${periodLabel(model.period)} - ${model.unit.fullName}`;
  const fileName = `${base}.${format}`;
  let body: Uint8Array<ArrayBuffer>;
  if (format === "docx" || format === "pdf") {
    const { renderDocx } = await import("./docx.ts");
    body = await renderDocx(model);
    if (format === "pdf") body = await (await import("./pdf.ts")).docxToPdf(body);
  } else if (format === "xlsx") body = await (await import("./xlsx.ts")).renderXlsx(model);
  else if (format === "txt") body = new TextEncoder().encode(reportText(model));
  else body = new TextEncoder().encode(model.news.html);
  return { body, contentType: CONTENT_TYPES[format], fileName };
}

/** The place-date line of the model. */
export function placeDate(m: ReportModel): string {
  return placeDateLine(m.issuer.place, m.date, m.style);
}

/** Notes on figures that contradict each other, as the documents print them. */
export function figureNotes(m: ReportModel): string[] {
  return m.discrepancies.map((d) => d.explanation);
}

/** The report as plain text: header lines, the narrative, notes on the figures, signature. */
export function reportText(m: ReportModel): string {
  const head = [m.issuer.superior, m.issuer.name.replace(/\n/g, " "), m.numberLine, m.issuer.style === "party" ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", placeDate(m), ""];
  const notes = figureNotes(m);
  const tail = [
    ...(notes.length ? ["", "Ghi chú về số liệu:", ...notes.map((n) => `- ${n}`)] : []),
    "",
    ...(m.issuer.authority ? [m.issuer.authority] : []), m.issuer.signerTitle, ...(m.signer ? [m.signer] : []),
    "",
    "Nơi nhận:", ...m.issuer.recipients.map((r) => `- ${r}`),
  ];
  return [...head.filter((x) => x !== null), narrativeText(m.narrative).trimEnd(), ...tail].join("\n") + "\n";
}

/** Content-Disposition with a Vietnamese file name (RFC 6266/5987) and an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = foldDiacritics(fileName).replace(/[^\w.\- ]+/g, "").replace(/\s+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
