/**
 * Plugs the report reader into the edges: `danvan extract [--json] PATH...` (files of any kind,
 * folders and .zip files of reports; standard input when no path or "-"),
 * `danvan check --unit CODE --period ID FILE`, `POST /api/extract`, `POST /api/extract/batch`
 * (a .zip, answered as NDJSON with progress) and `POST /api/extract/check`. `extract` never opens
 * the database (fast start).
 */
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { extraCommands, extraRoutes, type Io } from "../plugins.ts";
import { route } from "../http/routes.ts";
import { DomainError, isDomainError } from "../core/errors.ts";
import { extractDocument, extractReport, type DocumentResult, type ExtractResult } from "./extract.ts";
import { checkText } from "./input.ts";
import { readDocument, type ReadOptions } from "./read.ts";
import { expand, inputsOf, readBatch, type BatchInput, type BatchItem } from "./batch.ts";
import { checkConsistency, formatIssues } from "./consistency.ts";
import { withContext } from "../cli/with-context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { requireAbility } from "../accounts/policy.ts";
import { parsePeriod } from "../core/period.ts";

const HintsSchema = z.object({
  unit: z.string().trim().min(1).max(120).optional(),
  period: z.string().trim().min(4).max(12).regex(/^\d{4}([QS][1-4]|N9|\d{2})?$/, "Kỳ dạng 2023, 2023Q1, 2023S1, 2023N9").optional(),
});
const OcrSchema = z.enum(["auto", "off", "force"]);

/** Pasted text: 2 million characters is a report of ~1,000 pages; longer is not a report. */
export const MAX_TEXT_CHARS = 2_000_000;
const pasted = z.string().max(MAX_TEXT_CHARS, { error: `Văn bản dài quá ${MAX_TEXT_CHARS.toLocaleString("vi-VN")} ký tự (khoảng 1.000 trang); hãy chia nhỏ báo cáo.` });

/** Body of POST /api/extract: plain text, or a file in base64 (.docx, .xlsx, .pdf, a scan), and optional hints. */
export const ExtractBodySchema = HintsSchema.extend({
  text: pasted.optional(),
  /** Kept for older clients: a .docx in base64. */
  docxBase64: z.string().max(14_000_000, { error: "Tệp Word quá lớn (tối đa 10 MB)." }).optional(),
  /** Any readable file in base64; the kind is read from its content. */
  fileBase64: z.string().max(70_000_000, { error: "Tệp quá lớn (tối đa 50 MB)." }).optional(),
  /** The file's name, kept with the figures' provenance. */
  name: z.string().trim().min(1).max(300).optional(),
  /** OCR of pages without a text layer: auto (default), off, force. */
  ocr: OcrSchema.optional(),
}).refine((b) => [b.text, b.docxBase64, b.fileBase64].filter((x) => x !== undefined).length === 1, { message: "Gửi đúng một trong: text, fileBase64 (hoặc docxBase64)." });

/** Body of POST /api/extract/batch: a .zip of reports in base64. */
export const BatchBodySchema = HintsSchema.extend({
  fileBase64: z.string().min(1).max(70_000_000, { error: "Tệp quá lớn (tối đa 50 MB)." }),
  name: z.string().trim().min(1).max(300).optional(),
  ocr: OcrSchema.optional(),
});

export const CheckBodySchema = z.object({
  unit: z.string().trim().min(1).max(10),
  period: z.string().trim().min(4).max(12),
  text: pasted.min(1),
});

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const num = (v: number) => (Number.isInteger(v) ? v.toLocaleString("vi-VN") : String(v).replace(".", ","));

/** The readable Vietnamese table printed without --json. */
export function formatTable(name: string, r: ExtractResult | DocumentResult): string {
  const s = r.scope;
  const doc = "document" in r ? r.document : null;
  const lines = [
    `Tệp: ${name}${doc ? `   (${doc.kind}, ${doc.pages} trang${doc.ocrPages.length ? `, nhận dạng chữ ${doc.ocrPages.length} trang` : ""}${doc.tables ? `, ${doc.tables} bảng` : ""})` : ""}`,
    `Đơn vị: ${s.unit ?? "(không rõ)"}${s.unitCode ? ` [${s.unitCode}]` : ""}   Cấp: ${s.level ?? "-"}   Kỳ: ${s.period ?? "-"}   Loại: ${s.kind ?? "-"}`,
    `Số liệu tìm thấy: ${r.figures.length}`,
    `${pad("Vị trí", 13)} ${pad("Giá trị", 16)} ${pad("Đơn vị tính", 12)} ${pad("Chỉ tiêu", 28)} Đoạn văn`,
  ];
  for (const f of r.figures) {
    const value = (f.qualifier && f.qualifier !== "trở lên" ? f.qualifier + " " : "") + num(f.value) + (f.of !== null ? "/" + num(f.of) : "") + (f.qualifier === "trở lên" ? " trở lên" : "");
    const where = [f.page ? `tr.${f.page}` : "", f.place ?? "", f.period ?? "", f.confidence !== undefined ? `OCR ${Math.round(f.confidence * 100)}%` : ""].filter(Boolean).join(", ");
    lines.push(`${pad(`${f.start}-${f.end}`, 13)} ${pad(value, 16)} ${pad(f.unit ?? "-", 12)} ${pad(f.indicator ?? "-", 28)} ${f.text.replace(/\s+/g, " ")}${where ? `  [${where}]` : ""}`);
  }
  return lines.join("\n") + "\n";
}

/** A single document's JSON: plain text keeps the two-key contract; other kinds add what they are. */
function jsonOf(r: DocumentResult): ExtractResult | DocumentResult {
  return r.document.kind === "text" ? { scope: r.scope, figures: r.figures } : r;
}

function fail(e: unknown, io: Io): number {
  if (isDomainError(e)) {
    io.stderr(`Lỗi [${e.code}]: ${e.message}\n`);
    return 2;
  }
  io.stderr(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}

const isDir = (p: string) => { try { return statSync(p).isDirectory(); } catch { return false; } };

/** The inputs of the command line: files, folders, .zip files, or standard input. */
async function cliInputs(paths: string[], io: Io): Promise<{ inputs: BatchInput[]; batch: boolean }> {
  const inputs: BatchInput[] = [];
  let batch = paths.length > 1;
  for (const p of paths.length ? paths : ["-"]) {
    if (p === "-") { inputs.push(...expand("(đầu vào chuẩn)", await io.readStdin())); continue; }
    if (isDir(p)) batch = true;
    const list = inputsOf(p);
    if (list.length !== 1 || list[0]!.name !== p) batch = true;
    inputs.push(...list);
  }
  return { inputs, batch };
}

extraCommands.extract = {
  async run(argv, io) {
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean" }, unit: { type: "string" }, period: { type: "string" }, ocr: { type: "string" } } });
      const hints = HintsSchema.parse({ unit: values.unit, period: values.period });
      const opts: ReadOptions = { ocr: values.ocr === undefined ? "auto" : OcrSchema.parse(values.ocr) };
      const { inputs, batch } = await cliInputs(positionals, io);
      if (!batch) {
        const input = inputs[0]!;
        const r = extractDocument(await readDocument(input.bytes, input.name === "(đầu vào chuẩn)" ? "Đầu vào chuẩn" : input.name, opts), hints);
        io.stdout(values.json ? JSON.stringify(jsonOf(r)) + "\n" : formatTable(input.name, r));
        return 0;
      }
      if (inputs.length === 0) throw new DomainError("EXTRACT_EMPTY", "Không có báo cáo nào đọc được trong thư mục hoặc tệp nén (.txt, .docx, .xlsx, .pdf, ảnh).");
      let errors = 0;
      await readBatch(inputs, hints, opts, (done, total, item) => {
        const what = item.status === "ok" ? `${item.result.figures.length} số liệu` : item.status === "duplicate" ? `trùng với ${item.duplicateOf}, bỏ qua` : `lỗi [${item.error.code}] ${item.error.message}`;
        io.stderr(`[${done}/${total}] ${item.name}: ${what}\n`);
        if (item.status === "error") errors++;
        if (values.json) io.stdout(JSON.stringify(batchLine(item)) + "\n");
        else if (item.status === "ok") io.stdout(formatTable(item.name, item.result) + "\n");
      });
      return errors ? 1 : 0;
    } catch (e) {
      if (e instanceof z.ZodError) {
        io.stderr(`Lỗi [VALIDATION]: ${e.issues.map((x) => x.message).join("; ")}\n`);
        return 2;
      }
      if (e instanceof TypeError && /parseArgs|option/i.test(e.message)) {
        io.stderr(`Lỗi [VALIDATION]: ${e.message}\n`);
        return 2;
      }
      return fail(e, io);
    }
  },
};

/** One line of a batch's JSON output: the document's name and status, and its result when read. */
function batchLine(item: BatchItem): object {
  return item.status === "ok" ? { name: item.name, hash: item.hash, status: "ok", ...jsonOf(item.result) } : item;
}

extraCommands.check = {
  async run(argv, io, env) {
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { unit: { type: "string" }, period: { type: "string" }, json: { type: "boolean" } } });
      if (!values.unit || !values.period) throw new DomainError("VALIDATION", "Cần --unit MÃ và --period KỲ (ví dụ: check --unit 637 --period 2023 baocao.txt).");
      const period = parsePeriod(values.period).id;
      const { inputs } = await cliInputs(positionals.slice(0, 1), io);
      const input = { text: (await readDocument(inputs[0]!.bytes, inputs[0]!.name)).text };
      return await withContext(env, io, async (ctx) => {
        const r = await checkConsistency(ctx, SYSTEM, { unit: values.unit!, period, text: input!.text });
        io.stdout(values.json ? JSON.stringify(r) + "\n" : formatIssues(r));
        return r.issues.length ? 1 : 0;
      });
    } catch (e) {
      if (e instanceof TypeError && /parseArgs|option/i.test(e.message)) {
        io.stderr(`Lỗi [VALIDATION]: ${e.message}\n`);
        return 2;
      }
      return fail(e, io);
    }
  },
};

extraRoutes.push((app, ctx) => {
  route(app, { method: "post", path: "/api/extract", tag: "extract", summary: "Đọc số liệu và phạm vi từ một báo cáo (text, hoặc fileBase64: .docx, .xlsx, .pdf, bản quét/ảnh qua OCR; với tệp trả thêm text — vị trí tính theo văn bản này —, trang, bảng, mã băm của tệp)", body: ExtractBodySchema },
    async ({ actor, body }) => {
      requireAbility(actor, "import");
      const hints = { unit: body.unit, period: body.period };
      if (body.text !== undefined) {
        checkText(body.text);
        return extractReport(body.text, hints);
      }
      const buf = Buffer.from((body.fileBase64 ?? body.docxBase64)!, "base64");
      const doc = await readDocument(buf, body.name ?? "Tệp", { ocr: body.ocr ?? "auto" });
      // The spans point into the text read from the file, which the client cannot see otherwise.
      return extractDocument(doc, hints);
    });
  route(app, { method: "post", path: "/api/extract/batch", tag: "extract", summary: "Đọc một tệp .zip nhiều báo cáo; trả về NDJSON: mỗi dòng một báo cáo (tên, mã băm, trạng thái ok | duplicate | error, kết quả), theo tiến độ", body: BatchBodySchema },
    async ({ actor, body }) => {
      requireAbility(actor, "import");
      const inputs = expand(body.name ?? "tệp.zip", Buffer.from(body.fileBase64, "base64"));
      const enc = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(enc.encode(JSON.stringify({ total: inputs.length }) + "\n"));
          await readBatch(inputs, { unit: body.unit, period: body.period }, { ocr: body.ocr ?? "auto" }, (done, total, item) => {
            controller.enqueue(enc.encode(JSON.stringify({ done, total, item: item.status === "ok" ? { ...item, result: item.result } : item }) + "\n"));
          }).catch((e: unknown) => controller.enqueue(enc.encode(JSON.stringify({ error: isDomainError(e) ? { code: e.code, message: e.message } : { code: "INTERNAL", message: "Lỗi hệ thống." } }) + "\n")));
          controller.close();
        },
      });
      return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8" } });
    });
  route(app, { method: "post", path: "/api/extract/check", tag: "extract", summary: "So số liệu trong văn bản với số liệu đã lưu của đơn vị trong kỳ", body: CheckBodySchema },
    async ({ actor, body }) => {
      checkText(body.text);
      return checkConsistency(ctx, actor, { unit: body.unit, period: parsePeriod(body.period).id, text: body.text });
    });
});
