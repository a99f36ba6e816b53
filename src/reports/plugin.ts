/**
 * Plugs the reports into the edges: `danvan report …` on the command line, and
 * GET /api/reports (the file), GET /api/reports/preview (sections as JSON for the web UI),
 * POST /api/reports/issue (gives the report its number) in the API.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { extraCommands, extraRoutes } from "../plugins.ts";
import { route } from "../http/routes.ts";
import { withContext } from "../cli/with-context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { buildReport, contentDisposition, issueReport, renderReport, REPORT_FORMATS, ReportQuerySchema, type ReportModel } from "./report.service.ts";
import { NARRATIVE_KEYS } from "./narrative.ts";

const FileQuery = ReportQuerySchema.extend({ format: z.enum(REPORT_FORMATS).default("docx") });

/** What the web UI's preview needs: the sections (with the keys users edit), the news item, the figures. */
function preview(m: ReportModel) {
  return {
    unit: m.unit, period: m.period.id, asOf: m.asOf, date: m.date, style: m.style, numberLine: m.numberLine, issuer: m.issuer,
    title: m.narrative.title, summary: m.narrative.summary, sections: m.narrative.sections, hasEstimates: m.narrative.hasEstimates,
    editableKeys: NARRATIVE_KEYS, news: m.news, figures: m.figures,
  };
}

extraRoutes.push((app, ctx) => {
  route(app, { method: "get", path: "/api/reports", tag: "reports", summary: "Báo cáo của đơn vị trong kỳ: .docx (mẫu Đảng hoặc Nhà nước), .xlsx, văn bản (txt) hoặc tin bài (html)", query: FileQuery },
    async ({ actor, query }) => {
      const file = await renderReport(await buildReport(ctx, actor, query), query.format);
      return new Response(file.body, { headers: { "content-type": file.contentType, "content-disposition": contentDisposition(file.fileName) } });
    });
  route(app, { method: "get", path: "/api/reports/preview", tag: "reports", summary: "Xem trước báo cáo: các phần (kể cả phần người dùng tự viết), tin bài, bảng số liệu", query: ReportQuerySchema },
    async ({ actor, query }) => preview(await buildReport(ctx, actor, query)));
  route(app, { method: "post", path: "/api/reports/issue", tag: "reports", summary: "Cấp số văn bản cho báo cáo (Đảng: theo nhiệm kỳ; Nhà nước: theo năm); cấp lại giữ số cũ", body: ReportQuerySchema },
    async ({ actor, body }) => {
      const m = await issueReport(ctx, actor, body);
      return { number: m.number, numberLine: m.numberLine, date: m.date, issuer: m.issuer.title };
    });
});

const HELP = `  report --unit MÃ --period KỲ --format docx|xlsx|txt|html --out TỆP [--as-of NGÀY] [--body party|state]
         [--date NGÀY] [--issue] [--signer "Họ tên"] [--place "Địa danh"]
                                     viết báo cáo (docx mẫu Đảng/Nhà nước, xlsx, văn bản, tin bài html);
                                     --issue cấp số văn bản; --out - ghi ra màn hình`;

extraCommands.report = {
  help: HELP,
  async run(argv, io, env) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: {
          unit: { type: "string" }, period: { type: "string" }, format: { type: "string" }, out: { type: "string" }, "as-of": { type: "string" },
          body: { type: "string" }, date: { type: "string" }, issue: { type: "boolean" }, signer: { type: "string" }, place: { type: "string" },
        },
      });
    } catch (e) {
      io.stderr(`${(e as Error).message}\n${HELP}\n`);
      return 2;
    }
    const v = parsed.values;
    const format = v.format ?? (v.out?.match(/\.(docx|xlsx|txt|html)$/)?.[1] ?? "docx");
    if (!v.unit || !v.period || !v.out || !(REPORT_FORMATS as readonly string[]).includes(format)) {
      io.stderr(`Cần --unit, --period, --out và --format docx|xlsx|txt|html.\n${HELP}\n`);
      return 2;
    }
    const out = v.out;
    return withContext(env, io, async (ctx) => {
      const q = { unitCode: v.unit, period: v.period, asOf: v["as-of"], body: v.body, date: v.date, signer: v.signer, place: v.place };
      const model = v.issue ? await issueReport(ctx, SYSTEM, q) : await buildReport(ctx, SYSTEM, q);
      const file = await renderReport(model, format as (typeof REPORT_FORMATS)[number]);
      if (out === "-") io.stdout(new TextDecoder().decode(file.body));
      else writeFileSync(out, file.body);
      io.stderr(`${model.unit.fullName}, ${model.narrative.summary.charAt(0).toLowerCase() + model.narrative.summary.slice(1)}: ${out === "-" ? "" : `đã ghi ${out} `}(${file.body.length} byte${model.number !== null ? `, ${model.numberLine}` : ""}).\n`);
      return 0;
    });
  },
};
