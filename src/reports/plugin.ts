/**
 * Plugs the reports into the edges: `danvan report …` on the command line, and in the API
 * GET /api/reports (the file: docx, pdf, xlsx, txt, html), GET /api/reports/preview (sections with
 * their status, drafts, contradictions, for the web UI), POST /api/reports/sections (accept a
 * draft, write or reset a section), POST /api/reports/issue (ban hành: gives the number) and
 * GET/PUT /api/reports/settings.
 */
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { extraCommands, extraRoutes, type Io } from "../plugins.ts";
import { route } from "../http/routes.ts";
import { toErrorResponse } from "../http/errors.ts";
import { withContext } from "../cli/with-context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { requireAbility } from "../accounts/policy.ts";
import { isDomainError } from "../core/errors.ts";
import { dateOption } from "../core/input.ts";
import { acceptDrafts, buildReport, decideSection, issueReport, REPORT_FORMATS, ReportQuerySchema, SectionDecisionSchema, writeSections, type ReportFormat, type ReportModel } from "./report.service.ts";
import { contentDisposition, renderReport } from "./render.ts";
import { getReportSettings, ReportSettingsSchema, updateReportSettings } from "./report-settings.ts";
import { HELP } from "./help.ts";

const FileQuery = ReportQuerySchema.extend({
  format: z.enum(REPORT_FORMATS, { error: "Định dạng: docx, pdf, xlsx, txt hoặc html." }).default("docx"),
});

/** What the web UI's preview needs: sections with their status and drafts, what stops issuing, contradictions, the article. */
function preview(m: ReportModel) {
  return {
    unit: m.unit, period: m.period.id, asOf: m.asOf, basis: m.basis, date: m.date, dateNote: m.dateNote, style: m.style, numberLine: m.numberLine, issued: m.number !== null,
    issuer: m.issuer, title: m.narrative.title, summary: m.narrative.summary, sections: m.narrative.sections, hasEstimates: m.narrative.hasEstimates,
    missing: m.narrative.missing, discrepancies: m.discrepancies, news: { title: m.news.title, paragraphs: m.news.paragraphs }, figures: m.figures,
  };
}

extraRoutes.push((app, ctx) => {
  route(app, { method: "get", path: "/api/reports", tag: "reports", summary: "Báo cáo của đơn vị trong kỳ: .docx (mẫu Đảng hoặc Nhà nước), .pdf, .xlsx, văn bản (txt) hoặc tin bài (html)", query: FileQuery },
    async ({ actor, query }) => {
      try {
        const file = await renderReport(await buildReport(ctx, actor, query), query.format);
        return new Response(file.body, { headers: { "content-type": file.contentType, "content-disposition": contentDisposition(file.fileName) } });
      } catch (e) {
        // The server lacks a program, the request is fine: 503, in the usual error shape.
        if (isDomainError(e) && e.code === "PDF_UNAVAILABLE") return Response.json(toErrorResponse(e).body, { status: 503 });
        throw e;
      }
    });
  route(app, { method: "get", path: "/api/reports/preview", tag: "reports", summary: "Xem trước báo cáo: các phần và trạng thái (số liệu, đã viết, bản nháp, trống), phần chưa xong, số liệu vênh nhau, tin bài", query: ReportQuerySchema },
    async ({ actor, query }) => preview(await buildReport(ctx, actor, query)));
  route(app, { method: "post", path: "/api/reports/sections", tag: "reports", summary: "Chấp nhận bản nháp, tự viết hoặc quay lại bản nháp của một phần báo cáo", body: SectionDecisionSchema },
    async ({ actor, body }) => preview(await decideSection(ctx, actor, body)));
  route(app, { method: "post", path: "/api/reports/issue", tag: "reports", summary: "Ban hành: cấp số văn bản (Đảng: theo nhiệm kỳ; Nhà nước: theo năm); cấp lại giữ số cũ; từ chối khi còn phần trống hoặc bản nháp", body: ReportQuerySchema },
    async ({ actor, body }) => {
      const m = await issueReport(ctx, actor, body);
      return { number: m.number, numberLine: m.numberLine, date: m.date, issuer: m.issuer.title };
    });
  route(app, { method: "get", path: "/api/reports/settings", tag: "reports", summary: "Cấu hình báo cáo: ngày văn bản mặc định, ngày bắt đầu nhiệm kỳ cấp ủy" }, async ({ actor }) => {
    requireAbility(actor, "figures.read");
    return getReportSettings(ctx.db);
  });
  route(app, { method: "put", path: "/api/reports/settings", tag: "reports", summary: "Thay cấu hình báo cáo (quản trị)", body: ReportSettingsSchema },
    ({ actor, body }) => updateReportSettings(ctx, actor, body));
});

/** Why `out` cannot be written, in Vietnamese, or null when it can. */
function unwritable(out: string): string | null {
  const path = resolvePath(out);
  const dir = dirname(path);
  if (!existsSync(dir)) return `thư mục "${dir}" không tồn tại`;
  if (!statSync(dir).isDirectory()) return `"${dir}" không phải là thư mục`;
  try {
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) return `"${path}" là một thư mục`;
      accessSync(path, constants.W_OK);
    } else accessSync(dir, constants.W_OK);
  } catch {
    return `không có quyền ghi vào "${existsSync(path) ? path : dir}"`;
  }
  return null;
}

/** Prints what still stops the report from being issued, and the figures that contradict each other. */
function warnings(m: ReportModel, io: Io): void {
  if (m.narrative.missing.length && m.number === null) {
    io.stderr(`Chưa ban hành được: ${m.narrative.missing.map((s) => `${s.heading} (${s.status === "draft" ? "bản nháp" : "trống"})`).join("; ")}.\n`);
  }
  for (const d of m.discrepancies) io.stderr(`Số liệu vênh: ${d.explanation}\n`);
}

extraCommands.report = {
  async run(argv, io, env) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          unit: { type: "string" }, period: { type: "string" }, format: { type: "string" }, out: { type: "string" }, "as-of": { type: "string" },
          body: { type: "string" }, date: { type: "string" }, issue: { type: "boolean" }, signer: { type: "string" }, place: { type: "string" },
          chair: { type: "string" }, rows: { type: "string" }, basis: { type: "string" }, accept: { type: "string" }, write: { type: "string", multiple: true },
        },
      });
    } catch (e) {
      io.stderr(`Tùy chọn không hợp lệ: ${(e as Error).message}\n${HELP}\n`);
      return 2;
    }
    const v = parsed.values;
    const format = v.format ?? (v.out?.match(/\.(docx|pdf|xlsx|txt|html)$/)?.[1] ?? "docx");
    if (!v.unit || !v.period || !v.out || !(REPORT_FORMATS as readonly string[]).includes(format)) {
      io.stderr(`Cần --unit, --period, --out và --format docx|pdf|xlsx|txt|html.\n${HELP}\n`);
      return 2;
    }
    const out = v.out;
    if (out === "-" && (format === "docx" || format === "pdf" || format === "xlsx")) {
      io.stderr(`Tệp ${format} không in ra màn hình được; hãy ghi ra tệp (--out bao-cao.${format}).\n`);
      return 2;
    }
    const cannot = out === "-" ? null : unwritable(out);
    if (cannot) {
      io.stderr(`Lỗi: không ghi được tệp "${out}": ${cannot}.\n`);
      return 2;
    }
    const texts: Record<string, string> = {};
    for (const w of v.write ?? []) {
      const m = /^([a-z_]+)=(.+)$/.exec(w);
      if (!m) {
        io.stderr(`--write cần dạng KHÓA=TỆP (ví dụ --write weaknesses=han-che.txt), nhận được "${w}".\n`);
        return 2;
      }
      try {
        texts[m[1]!] = readFileSync(m[2]!, "utf8");
      } catch {
        io.stderr(`Lỗi: không đọc được tệp "${m[2]}" cho phần ${m[1]}.\n`);
        return 2;
      }
    }
    return withContext(env, io, async (ctx) => {
      const q = { unitCode: v.unit, period: v.period, asOf: dateOption(v["as-of"], "as-of"), body: v.body, date: dateOption(v.date, "date"), signer: v.signer, place: v.place, chair: v.chair, rows: v.rows, basis: v.basis };
      if (Object.keys(texts).length) await writeSections(ctx, SYSTEM, q, texts);
      if (v.accept) {
        const keys = await acceptDrafts(ctx, SYSTEM, q, v.accept === "all" ? "all" : v.accept.split(",").map((s) => s.trim()).filter(Boolean));
        io.stderr(keys.length ? `Đã chấp nhận bản nháp: ${keys.join(", ")}.\n` : "Không có bản nháp nào cần chấp nhận.\n");
      }
      const model = v.issue ? await issueReport(ctx, SYSTEM, q) : await buildReport(ctx, SYSTEM, q);
      const file = await renderReport(model, format as ReportFormat);
      if (out === "-") io.stdout(new TextDecoder().decode(file.body));
      else {
        try {
          writeFileSync(out, file.body);
        } catch (e) {
          io.stderr(`Lỗi: không ghi được tệp "${out}": ${(e as NodeJS.ErrnoException).code === "ENOSPC" ? "đĩa đã đầy" : "không có quyền ghi hoặc thư mục không tồn tại"}.\n`);
          return 2;
        }
      }
      io.stderr(`${model.unit.fullName}, ${model.narrative.summary.charAt(0).toLowerCase() + model.narrative.summary.slice(1)}: ${out === "-" ? "" : `đã ghi ${out} `}(${file.body.length} byte${model.number !== null ? `, ${model.numberLine}` : ""}; ${model.issuer.title}, ${model.date.split("-").reverse().join("/")}).\n`);
      warnings(model, io);
      return 0;
    });
  },
};
