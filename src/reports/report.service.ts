/**
 * Builds a report — figures (report-data.ts), the users' own and accepted sections, drafts, the
 * issuer and its number — and issues it. Everything about the issuer is read at the document's
 * date, which by default falls in the period's reporting window (its deadline, a setting). A report
 * with no data, or of a period not begun, is refused (REPORT_NO_DATA); a report is issued only when
 * every section of the outline has figures or a person's text (REPORT_INCOMPLETE otherwise).
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { parsePeriod, periodLabel, periodRange, reportedDay, samePeriodLastYear, type Period } from "../core/period.ts";
import type { UnitNode } from "../core/hierarchy.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { audit } from "../audit/audit.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { queryUnit } from "../figures/rollup.service.ts";
import { getSubmission } from "../submissions/submission.service.ts";
import { dueDate } from "../submissions/deadlines.ts";
import { getSettings } from "../settings/settings.service.ts";
import { composeNarrative, type Narrative, type NarrativeInput, type NarrativeSection, type ReportUnit, type DecidedText } from "./narrative.ts";
import { newsArticle, type NewsArticle } from "./news.ts";
import { issuerFor, numberSeries, type Issuer } from "./document.ts";
import { documentNumberLine, formatDateShort, type DocStyle } from "./format.ts";
import { deleteSection, findIssuedNumber, insertNextNumber, isUniqueViolation, listSections, putSection } from "./report.repository.ts";
import { deadlineSettings, gatherFigures, gatherSignals, type Discrepancy, type FigureRow, type SheetRow } from "./report-data.ts";
import { getReportSettings } from "./report-settings.ts";
import type { IndicatorInfo } from "./writer.ts";
import { idParam, isoDate } from "../core/input.ts";

export type { FigureRow, SheetRow, Discrepancy } from "./report-data.ts";


export const ReportQuerySchema = z.object({
  /** Internal unit id; or give `unitCode` (read at `asOf`). */
  unitId: idParam.optional(),
  unitCode: z.string().trim().min(1).max(10).optional(),
  /** Period id: 2023, 2023S1, 2023N9, 2023Q1, 202303. */
  period: z.string().trim().min(1).max(12),
  /** The structure to count in: default the period's last day (as reported); a later date gives "as now". */
  asOf: isoDate.optional(),
  /** Party format (Hướng dẫn 36) or State format (Nghị định 30/2020). */
  body: z.enum(["party", "state"], { error: "Thể thức phải là \"party\" (văn bản Đảng, HD 36-HD/VPTW) hoặc \"state\" (văn bản Nhà nước, NĐ 30/2020)." }).default("party"),
  /** The document's date: default in the period's reporting window (report settings: the deadline or the period's end). */
  date: isoDate.optional(),
  /** Place in the place-date line; default the unit's name. */
  place: z.string().trim().min(1).max(80).optional(),
  /** The signer's name under the signature. */
  signer: z.string().trim().min(1).max(80).optional(),
  /** Who chaired the meeting, for the news article ("đồng chí …, Phó Bí thư …"); default the signer with the issuer's title. */
  chair: z.string().trim().min(1).max(160).optional(),
  /** Which figures count: approved reports only, submitted ones too, or all; default the installation's setting. */
  basis: z.enum(["approved", "submitted", "all"], { error: "Cơ sở số liệu: \"approved\" (đã duyệt), \"submitted\" (đã nộp) hoặc \"all\" (tất cả)." }).optional(),
  /** Spreadsheet rows: the sub-units, or (an old province) every commune under its district. */
  rows: z.enum(["children", "communes"], { error: "Dòng bảng số liệu: \"children\" (đơn vị trực thuộc) hoặc \"communes\" (từng xã)." }).default("children"),
});
export type ReportQuery = z.input<typeof ReportQuerySchema>;

export const REPORT_FORMATS = ["docx", "pdf", "xlsx", "txt", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportModel {
  unit: ReportUnit & { code: string };
  period: Period;
  previous: Period;
  asOf: string;
  date: string;
  /** Why the document carries its date (shown in the preview). */
  dateNote: string;
  style: DocStyle;
  issuer: Issuer;
  number: number | null;
  numberLine: string;
  signer: string | null;
  narrative: Narrative;
  news: NewsArticle;
  figures: FigureRow[];
  sheet: { columns: IndicatorInfo[]; rows: SheetRow[] };
  /** Figures that contradict each other, and which one the report uses. */
  discrepancies: Discrepancy[];
  /** Which figures count: approved reports only, submitted too, or all. */
  basis: "approved" | "submitted" | "all";
}

interface Resolved {
  q: z.infer<typeof ReportQuerySchema>;
  unit: UnitNode;
  period: Period;
  asOf: string;
  date: string;
  dateNote: string;
  issuer: Issuer;
  termStart: string;
}

const day = (iso: string) => formatDateShort(iso);

/** Validates the query and resolves the unit, its structure date, the document's date and its issuer. */
async function resolve(ctx: Ctx, actor: Actor, raw: unknown): Promise<Resolved> {
  const parsed = ReportQuerySchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("VALIDATION", `Yêu cầu báo cáo không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const q = parsed.data;
  requireAbility(actor, "figures.read");
  const period = parsePeriod(q.period);
  const today = ctx.today();
  const range = periodRange(period);
  if (range.start > today) {
    throw new DomainError("REPORT_NO_DATA", `Kỳ ${periodLabel(period)} chưa bắt đầu (hôm nay là ${day(today)}): chưa có gì để báo cáo.`, { period: period.id, today });
  }
  const { rules, cutoffDay } = await deadlineSettings(ctx);
  // "As reported", as the dashboard and the unit picker: the period's last day after the cut-off day, or today.
  const asOf = q.asOf ?? reportedDay(period, cutoffDay, today);
  const h = await hierarchyOf(ctx);
  let unit = queryUnit(h, q, asOf);
  requireScope(h, actor, [unit.id], today);
  unit = h.at(unit.id, asOf);
  const settings = await getReportSettings(ctx.db);
  let date: string;
  let dateNote: string;
  if (q.date) {
    date = q.date;
    dateNote = "Ngày do người viết chọn.";
  } else {
    const end = periodRange(period, cutoffDay).end;
    date = settings.documentDate === "period_end" ? end : dueDate(period, rules, cutoffDay);
    dateNote = settings.documentDate === "period_end" ? `Ngày cuối kỳ báo cáo (${day(end)}).` : `Hạn nộp báo cáo ${periodLabel(period)} (${day(date)}).`;
    if (date > today) {
      date = today;
      dateNote = `Hôm nay (hạn nộp hoặc ngày cuối kỳ chưa đến).`;
    }
    // An "as now" report of a unit formed after the period is issued by that unit, today.
    if (unit.validFrom !== null && date < unit.validFrom) {
      date = today;
      dateNote = `Hôm nay: ${unit.fullName} được thành lập từ ${day(unit.validFrom)}, sau kỳ báo cáo.`;
    }
  }
  if ((unit.validTo !== null && date > unit.validTo) || (unit.validFrom !== null && date < unit.validFrom)) {
    const when = unit.validTo !== null && date > unit.validTo ? `đã kết thúc hoạt động từ ${day(unit.validTo)}` : `chỉ có từ ${day(unit.validFrom!)}`;
    throw new DomainError("REPORT_DATE_INVALID", `Ngày văn bản ${day(date)} không dùng được: ${unit.fullName} ${when}, nên không có cơ quan nào ban hành văn bản vào ngày đó. Bỏ --date để dùng ngày trong kỳ báo cáo.`, { date, unitId: unit.id });
  }
  if (date < range.start) {
    throw new DomainError("REPORT_DATE_INVALID", `Ngày văn bản ${day(date)} trước khi kỳ ${periodLabel(period)} bắt đầu (${day(range.start)}).`, { date, period: period.id });
  }
  const parent = unit.parentId !== null && h.isValidAt(unit.parentId, date) ? h.at(unit.parentId, date) : unit.parentId !== null ? h.at(unit.parentId, asOf) : null;
  const issuer = issuerFor(unit, parent, q.body, date);
  if (q.place) issuer.place = q.place;
  return { q, unit, period, asOf, date, dateNote, issuer, termStart: settings.partyTermStart };
}

/** Builds the whole report model (no number is taken: see issueReport). */
export async function buildReport(ctx: Ctx, actor: Actor, raw: unknown): Promise<ReportModel> {
  return modelOf(ctx, actor, await resolve(ctx, actor, raw));
}

async function modelOf(ctx: Ctx, actor: Actor, r: Resolved): Promise<ReportModel> {
  const { unit, period, asOf } = r;
  const previous = samePeriodLastYear(period);
  const h = await hierarchyOf(ctx);
  const basis = r.q.basis ?? (await getSettings(ctx.db)).basis;
  const g = await gatherFigures(ctx, actor, h, unit, period, previous, asOf, r.q.rows, basis);
  const submission = await getSubmission(ctx, actor, unit.id, period.id);
  const decided: Record<string, DecidedText> = {};
  for (const s of await listSections(ctx.db, unit.id, period.id)) decided[s.section] = { text: s.text, kind: s.kind, draft: s.draft };
  const hasText = Object.values(submission.narrative).some((t) => t.trim()) || Object.keys(decided).length > 0;
  if (!g.figures.some((f) => f.current !== null) && !hasText) {
    throw new DomainError("REPORT_NO_DATA", `${unit.fullName} chưa có số liệu nào của ${periodLabel(period)} (và chưa có phần thuyết minh): không viết được báo cáo. Hãy nhập số liệu hoặc chọn kỳ khác.`, { unitId: unit.id, period: period.id });
  }
  const ru: ReportUnit = { id: unit.id, name: unit.name, fullName: unit.fullName, level: unit.level, type: unit.type };
  const signals = await gatherSignals(ctx, actor, h, unit, period, r.issuer.superiorBody);
  const input: NarrativeInput = {
    unit: ru, period, previous, data: g.data, userText: submission.narrative, decided, style: r.q.body, ban: r.issuer.ban,
    reformed: asOf >= "2025-07-01", signals,
  };
  const narrative = composeNarrative(input);
  const issued = await findIssuedNumber(ctx.db, unit.id, period.id, r.q.body, "BC");
  const date = issued?.issuedOn ?? r.date;
  const signer = r.q.signer ?? null;
  const chair = r.q.chair ?? (signer ? `đồng chí ${signer}, ${r.issuer.signerRole}` : null);
  const tasks = narrative.sections.find((s) => s.key === "tasks")?.paragraphs.map((p) => p.text) ?? [];
  return {
    unit: { ...ru, code: unit.code }, period, previous, asOf, date, dateNote: issued ? `Ngày đã ban hành (${day(issued.issuedOn)}).` : r.dateNote,
    style: r.q.body, issuer: r.issuer, number: issued?.number ?? null, numberLine: documentNumberLine(r.q.body, issued?.number ?? null, "BC", r.issuer.symbol),
    signer, narrative, news: newsArticle({ ...input, body: r.issuer.title, date, chair, tasks }), figures: g.figures, sheet: g.sheet, discrepancies: g.discrepancies, basis,
  };
}

/** "Ưu điểm (bản nháp chưa được chấp nhận); 2. Công tác dân tộc, tôn giáo (chưa có nội dung)". */
function missingList(n: Narrative): string {
  return n.missing.map((m) => `${m.heading} (${m.status === "draft" ? "bản nháp chưa được chấp nhận" : "chưa có số liệu và nội dung"})`).join("; ");
}

/**
 * Gives the report its number (Party: next in the issuer's series for the committee term; State:
 * next in the calendar year) and returns the numbered report. Issuing again keeps the number.
 * Refused while a section of the outline is empty or an unaccepted draft. The number is taken in a
 * transaction with its audit row; two clerks never get the same one.
 */
export async function issueReport(ctx: Ctx, actor: Actor, raw: unknown): Promise<ReportModel> {
  requireAbility(actor, "submissions.submit");
  const r = await resolve(ctx, actor, raw);
  const model = await modelOf(ctx, actor, r);
  if (model.narrative.missing.length) {
    throw new DomainError("REPORT_INCOMPLETE", `Chưa ban hành được báo cáo: còn ${model.narrative.missing.length} phần chưa xong — ${missingList(model.narrative)}. Hãy viết hoặc chấp nhận các phần này.`, {
      sections: model.narrative.missing,
    });
  }
  const style = r.q.body;
  for (let attempt = 0; ; attempt++) {
    try {
      await inTransaction(ctx, async (tx) => {
        if (await findIssuedNumber(tx.db, r.unit.id, r.period.id, style, "BC")) return;
        const series = numberSeries(style, r.date, r.termStart);
        const n = await insertNextNumber(tx.db, {
          issuer: `${style}:${r.issuer.symbol}:${r.unit.id}`, series, doc_type: "BC", unit_id: r.unit.id, period: r.period.id, style,
          issued_on: r.date, created_at: new Date().toISOString(), created_by: actor.kind === "user" ? actor.userId : null,
        });
        await audit(tx.db, actor, "report.issue", "report", `${r.unit.id}/${r.period.id}/${style}`, null, {
          number: n.number, series, line: documentNumberLine(style, n.number, "BC", r.issuer.symbol), date: r.date,
        }, r.unit.id);
      });
      break;
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 4) throw e;
    }
  }
  const issued = (await findIssuedNumber(ctx.db, r.unit.id, r.period.id, style, "BC"))!;
  if (issued.issuedOn === model.date) return { ...model, number: issued.number, numberLine: documentNumberLine(style, issued.number, "BC", r.issuer.symbol), dateNote: `Ngày đã ban hành (${day(issued.issuedOn)}).` };
  return modelOf(ctx, actor, r);
}

export const SectionDecisionSchema = ReportQuerySchema.pick({ unitId: true, unitCode: true, period: true, asOf: true, body: true, date: true, basis: true }).extend({
  /** The section (outline key: strengths, weaknesses, lessons, proposals, tasks, overview…). */
  section: z.string().trim().min(1).max(40),
  /** accept: take the draft as shown; write: a person's own text; reset: back to the draft. */
  action: z.enum(["accept", "write", "reset"], { error: "Thao tác: \"accept\" (chấp nhận bản nháp), \"write\" (tự viết) hoặc \"reset\" (quay lại bản nháp)." }),
  /** accept: the draft as the person saw it (refused if the data have changed it since); write: the text. */
  text: z.string().max(20_000).optional(),
});

/**
 * Records a person's decision on one section of a unit's report for a period: accepting the draft
 * as they saw it, writing their own text, or going back to the draft. Audited.
 */
export async function decideSection(ctx: Ctx, actor: Actor, raw: unknown): Promise<ReportModel> {
  const parsed = SectionDecisionSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError("VALIDATION", `Yêu cầu không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const d = parsed.data;
  requireAbility(actor, "figures.write");
  const r = await resolve(ctx, actor, d);
  const model = await modelOf(ctx, actor, r);
  const s = model.narrative.sections.find((x) => x.key === d.section && x.editableKey !== null);
  if (!s) {
    const keys = model.narrative.sections.filter((x) => x.editableKey).map((x) => x.key).join(", ");
    throw new DomainError("VALIDATION", `Báo cáo này không có phần "${d.section}". Các phần: ${keys}.`, { section: d.section });
  }
  let text: string | null = null;
  if (d.action === "accept") {
    if (s.draft === null) throw new DomainError("REPORT_NO_DRAFT", `Phần "${s.heading}" không có bản nháp để chấp nhận (chưa có số liệu để viết nháp): hãy tự viết.`, { section: s.key });
    if (d.text !== undefined && d.text.normalize("NFC").trim() !== s.draft.trim()) {
      throw new DomainError("REPORT_DRAFT_CHANGED", `Bản nháp phần "${s.heading}" đã thay đổi theo số liệu mới; hãy xem lại bản nháp rồi chấp nhận.`, { section: s.key, draft: s.draft });
    }
    text = s.draft;
  } else if (d.action === "write") {
    text = (d.text ?? "").normalize("NFC").trim();
    if (!text) throw new DomainError("VALIDATION", `Nội dung phần "${s.heading}" đang trống.`, { section: s.key });
  }
  await record(ctx, actor, r, [{ section: s, action: d.action, text }]);
  return modelOf(ctx, actor, r);
}

/** Stores decisions on sections, each with its audit row, in one transaction. */
async function record(ctx: Ctx, actor: Actor, r: Resolved, decisions: Array<{ section: NarrativeSection; action: "accept" | "write" | "reset"; text: string | null }>): Promise<void> {
  const by = actor.kind === "user" ? actor.userId : null;
  await inTransaction(ctx, async (tx) => {
    for (const { section: s, action, text } of decisions) {
      const key = `${r.unit.id}/${r.period.id}/${s.key}`;
      if (action === "reset") {
        const before = await deleteSection(tx.db, r.unit.id, r.period.id, s.key);
        await audit(tx.db, actor, "report.section.reset", "report", key, before, null, r.unit.id);
        continue;
      }
      const after = { section: s.key, text: text!, kind: action === "accept" ? "accepted" as const : "written" as const, draft: s.draft, updatedAt: new Date().toISOString(), updatedBy: by };
      const before = await putSection(tx.db, r.unit.id, r.period.id, after);
      await audit(tx.db, actor, `report.section.${action}`, "report", key, before, after, r.unit.id);
    }
  });
}

/** Accepts the drafts of a report as they stand: every one (CLI `--accept all`) or the sections listed. */
export async function acceptDrafts(ctx: Ctx, actor: Actor, raw: unknown, sections: string[] | "all"): Promise<string[]> {
  requireAbility(actor, "figures.write");
  const r = await resolve(ctx, actor, raw);
  const model = await modelOf(ctx, actor, r);
  if (sections !== "all") {
    const unknown = sections.filter((k) => !model.narrative.sections.some((s) => s.key === k && s.editableKey));
    if (unknown.length) throw new DomainError("VALIDATION", `Báo cáo này không có phần: ${unknown.join(", ")}.`, { sections: unknown });
  }
  const chosen = model.narrative.sections.filter((s) => s.status === "draft" && s.draft !== null && (sections === "all" || sections.includes(s.key)));
  await record(ctx, actor, r, chosen.map((s) => ({ section: s, action: "accept" as const, text: s.draft })));
  return chosen.map((s) => s.key);
}

/** Writes a person's own text for sections (CLI `--write KEY=FILE`). */
export async function writeSections(ctx: Ctx, actor: Actor, raw: unknown, texts: Record<string, string>): Promise<void> {
  requireAbility(actor, "figures.write");
  const r = await resolve(ctx, actor, raw);
  const model = await modelOf(ctx, actor, r);
  const decisions = Object.entries(texts).map(([key, t]) => {
    const s = model.narrative.sections.find((x) => x.key === key && x.editableKey);
    if (!s) throw new DomainError("VALIDATION", `Báo cáo này không có phần "${key}". Các phần: ${model.narrative.sections.filter((x) => x.editableKey).map((x) => x.key).join(", ")}.`, { section: key });
    const text = t.normalize("NFC").trim();
    if (!text) throw new DomainError("VALIDATION", `Nội dung phần "${s.heading}" đang trống.`, { section: key });
    return { section: s, action: "write" as const, text };
  });
  await record(ctx, actor, r, decisions);
}
