/**
 * Plugs the report reader into the edges: `danvan extract [--json] FILE...` (standard input when
 * no file or "-"), `danvan check --unit CODE --period ID FILE`, `POST /api/extract` and
 * `POST /api/extract/check`. `extract` never opens the database (fast start).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { extraCommands, extraRoutes, type Io } from "../plugins.ts";
import { route } from "../http/routes.ts";
import { DomainError, isDomainError } from "../core/errors.ts";
import { extractReport, type ExtractResult } from "./extract.ts";
import { checkText, docxToText, readReport } from "./input.ts";
import { checkConsistency, formatIssues } from "./consistency.ts";
import { withContext } from "../cli/with-context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { parsePeriod } from "../core/period.ts";

const HintsSchema = z.object({
  unit: z.string().trim().min(1).max(120).optional(),
  period: z.string().trim().min(4).max(12).regex(/^\d{4}([QS][1-4]|N9|\d{2})?$/, "Kỳ dạng 2023, 2023Q1, 2023S1, 2023N9").optional(),
});

/** Pasted text: 2 million characters is a report of ~1,000 pages; longer is not a report. */
export const MAX_TEXT_CHARS = 2_000_000;
const pasted = z.string().max(MAX_TEXT_CHARS, { error: `Văn bản dài quá ${MAX_TEXT_CHARS.toLocaleString("vi-VN")} ký tự (khoảng 1.000 trang); hãy chia nhỏ báo cáo.` });

/** Body of POST /api/extract: plain text or a .docx in base64 (a file of at most 10 MB), and optional hints. */
export const ExtractBodySchema = HintsSchema.extend({
  text: pasted.optional(),
  docxBase64: z.string().max(14_000_000, { error: "Tệp Word quá lớn (tối đa 10 MB)." }).optional(),
}).refine((b) => (b.text === undefined) !== (b.docxBase64 === undefined), { message: "Gửi đúng một trong hai: text hoặc docxBase64." });

export const CheckBodySchema = z.object({
  unit: z.string().trim().min(1).max(10),
  period: z.string().trim().min(4).max(12),
  text: pasted.min(1),
});

async function textOfBody(b: z.infer<typeof ExtractBodySchema>): Promise<string> {
  if (b.text !== undefined) {
    checkText(b.text);
    return b.text;
  }
  const buf = Buffer.from(b.docxBase64!, "base64");
  const text = await docxToText(buf);
  checkText(text, "Tệp Word");
  return text;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const num = (v: number) => (Number.isInteger(v) ? v.toLocaleString("vi-VN") : String(v).replace(".", ","));

/** The readable Vietnamese table printed without --json. */
export function formatTable(name: string, r: ExtractResult): string {
  const s = r.scope;
  const lines = [
    `Tệp: ${name}`,
    `Đơn vị: ${s.unit ?? "(không rõ)"}${s.unitCode ? ` [${s.unitCode}]` : ""}   Cấp: ${s.level ?? "-"}   Kỳ: ${s.period ?? "-"}   Loại: ${s.kind ?? "-"}`,
    `Số liệu tìm thấy: ${r.figures.length}`,
    `${pad("Vị trí", 13)} ${pad("Giá trị", 16)} ${pad("Đơn vị tính", 12)} ${pad("Chỉ tiêu", 28)} Đoạn văn`,
  ];
  for (const f of r.figures) {
    const value = (f.qualifier && f.qualifier !== "trở lên" ? f.qualifier + " " : "") + num(f.value) + (f.of !== null ? "/" + num(f.of) : "") + (f.qualifier === "trở lên" ? " trở lên" : "");
    lines.push(`${pad(`${f.start}-${f.end}`, 13)} ${pad(value, 16)} ${pad(f.unit ?? "-", 12)} ${pad(f.indicator ?? "-", 28)} ${f.text.replace(/\s+/g, " ")}`);
  }
  return lines.join("\n") + "\n";
}

async function readInputs(files: string[], io: Io): Promise<Array<{ name: string; text: string }>> {
  const out: Array<{ name: string; text: string }> = [];
  for (const f of files.length ? files : ["-"]) {
    let buf: Buffer;
    if (f === "-") buf = await io.readStdin();
    else {
      try {
        buf = readFileSync(f);
      } catch {
        throw new DomainError("EXTRACT_FILE_NOT_FOUND", `Không đọc được tệp "${f}".`, { file: f });
      }
    }
    out.push({ name: f === "-" ? "(đầu vào chuẩn)" : f, text: await readReport(buf, f === "-" ? "Đầu vào chuẩn" : f) });
  }
  return out;
}

function fail(e: unknown, io: Io): number {
  if (isDomainError(e)) {
    io.stderr(`Lỗi [${e.code}]: ${e.message}\n`);
    return 2;
  }
  io.stderr(`Lỗi: ${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
}

extraCommands.extract = {
  help: "  extract [--json] [--unit MÃ|TÊN] [--period KỲ] [TỆP...]\n                                     đọc số liệu và phạm vi từ báo cáo (.txt/.docx; không có tệp hoặc \"-\": đầu vào chuẩn;\n                                     --json: mỗi tệp một đối tượng JSON trên một dòng)",
  async run(argv, io) {
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean" }, unit: { type: "string" }, period: { type: "string" } } });
      const hints = HintsSchema.parse({ unit: values.unit, period: values.period });
      const inputs = await readInputs(positionals, io);
      if (values.json) {
        // One object per input, one per line (a single input prints exactly one object).
        for (const i of inputs) io.stdout(JSON.stringify(extractReport(i.text, hints)) + "\n");
      } else {
        for (const i of inputs) io.stdout(formatTable(i.name, extractReport(i.text, hints)));
      }
      return 0;
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

extraCommands.check = {
  help: "  check --unit MÃ --period KỲ [--json] TỆP\n                                     so số liệu trong văn bản với số liệu đã lưu của đơn vị, liệt kê câu không khớp\n                                     (mã thoát 1 khi có chỗ không khớp)",
  async run(argv, io, env) {
    try {
      const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { unit: { type: "string" }, period: { type: "string" }, json: { type: "boolean" } } });
      if (!values.unit || !values.period) throw new DomainError("VALIDATION", "Cần --unit MÃ và --period KỲ (ví dụ: check --unit 637 --period 2023 baocao.txt).");
      const period = parsePeriod(values.period).id;
      const [input] = await readInputs(positionals.slice(0, 1), io);
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
  route(app, { method: "post", path: "/api/extract", tag: "extract", summary: "Đọc số liệu và phạm vi từ văn bản báo cáo (text hoặc docxBase64; với .docx trả thêm text: văn bản đã đọc, vị trí tính theo văn bản này)", body: ExtractBodySchema },
    async ({ body }) => {
      const text = await textOfBody(body);
      const result = extractReport(text, { unit: body.unit, period: body.period });
      // For a .docx the spans point into the text read from it, which the client cannot see otherwise.
      return body.docxBase64 !== undefined ? { ...result, text } : result;
    });
  route(app, { method: "post", path: "/api/extract/check", tag: "extract", summary: "So số liệu trong văn bản với số liệu đã lưu của đơn vị trong kỳ", body: CheckBodySchema },
    async ({ actor, body }) => {
      checkText(body.text);
      return checkConsistency(ctx, actor, { unit: body.unit, period: parsePeriod(body.period).id, text: body.text });
    });
});
