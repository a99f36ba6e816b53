/**
 * Gathers what a report says — rolled-up figures of the unit, of the same period a year earlier and
 * of its sub-units, the users' own sections, the issuer and its number — and renders it as .docx,
 * .xlsx, plain text or a news item. Figures come from the roll-up service, so a unit gets its
 * sub-units' totals and, as of today, a new commune gets its predecessors' figures summed in.
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { parsePeriod, periodLabel, periodRange, samePeriodLastYear, type Period } from "../core/period.ts";
import type { UnitNode } from "../core/hierarchy.ts";
import { foldDiacritics } from "../core/text.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { audit } from "../audit/audit.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { listIndicators } from "../indicators/indicator.service.ts";
import { queryUnit, rollupChildren, rollupValue, type RolledValue } from "../figures/rollup.service.ts";
import { getSubmission } from "../submissions/submission.service.ts";
import { composeNarrative, narrativeText, newsSummary, type IndicatorData, type IndicatorInfo, type Narrative, type NarrativeInput, type NewsSummary, type ReportUnit, type UnitValue } from "./narrative.ts";
import { issuerFor, numberSeries, type Issuer } from "./document.ts";
import { documentNumberLine, placeDateLine, type DocStyle } from "./format.ts";
import { findIssuedNumber, indicatorsWithFigures, insertNextNumber, isUniqueViolation } from "./report.repository.ts";
import { renderDocx } from "./docx.ts";
import { renderXlsx } from "./xlsx.ts";
import { idParam, isoDate } from "../core/input.ts";
import { figureSources } from "../plugins.ts";


export const ReportQuerySchema = z.object({
  /** Internal unit id; or give `unitCode` (read at `asOf`). */
  unitId: idParam.optional(),
  unitCode: z.string().trim().min(1).max(10).optional(),
  /** Period id: 2023, 2023S1, 2023N9, 2023Q1, 202303. */
  period: z.string().trim().min(1).max(12),
  /** The structure to count in: default the period's last day (as reported); today gives "as now". */
  asOf: isoDate.optional(),
  /** Party format (Hướng dẫn 36) or State format (Nghị định 30/2020). */
  body: z.enum(["party", "state"]).default("party"),
  /** The document's date (place-date line, number series); default today. */
  date: isoDate.optional(),
  /** Place in the place-date line; default the unit's name. */
  place: z.string().trim().min(1).max(80).optional(),
  /** The signer's name under the signature. */
  signer: z.string().trim().min(1).max(80).optional(),
});
export type ReportQuery = z.input<typeof ReportQuerySchema>;

export const REPORT_FORMATS = ["docx", "xlsx", "txt", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One line of the figure table: indicator | this period | same period last year | change. */
export interface FigureRow {
  key: string;
  label: string;
  unit: string;
  current: number | null;
  /** Denominator this period, for "34/37" indicators. */
  currentOf: number | null;
  previous: number | null;
  change: number | null;
  estimated: boolean;
  rate: boolean;
}

export interface SheetRow {
  label: string;
  code: string;
  kind: "unit" | "total" | "detail" | "difference";
  values: Array<number | null>;
}

export interface ReportModel {
  unit: ReportUnit & { code: string };
  period: Period;
  previous: Period;
  asOf: string;
  date: string;
  style: DocStyle;
  issuer: Issuer;
  number: number | null;
  numberLine: string;
  signer: string | null;
  narrative: Narrative;
  news: NewsSummary;
  figures: FigureRow[];
  sheet: { columns: IndicatorInfo[]; rows: SheetRow[] };
}

interface Resolved {
  q: z.infer<typeof ReportQuerySchema>;
  unit: UnitNode;
  parent: UnitNode | null;
  period: Period;
  asOf: string;
  date: string;
  issuer: Issuer;
}

/** Validates the query and resolves the unit, its structure date and its issuer. */
async function resolve(ctx: Ctx, actor: Actor, raw: unknown): Promise<Resolved> {
  const parsed = ReportQuerySchema.safeParse(raw);
  if (!parsed.success) {
    throw new DomainError("VALIDATION", `Yêu cầu báo cáo không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const q = parsed.data;
  requireAbility(actor, "figures.read");
  const period = parsePeriod(q.period);
  const asOf = q.asOf ?? periodRange(period).end;
  const h = await hierarchyOf(ctx);
  let unit = queryUnit(h, q, asOf);
  requireScope(h, actor, [unit.id], ctx.today());
  unit = h.at(unit.id, asOf);
  const date = q.date ?? ctx.today();
  // A unit that no longer exists issued its documents as it was on its last day.
  const named = unit.validTo !== null && unit.validTo < date ? unit.validTo : date;
  const parent = unit.parentId !== null ? h.at(unit.parentId, asOf) : null;
  const issuer = issuerFor(unit, parent, q.body, named);
  if (q.place) issuer.place = q.place;
  return { q, unit, parent, period, asOf, date, issuer };
}

const toValue = (r: RolledValue): UnitValue => ({
  unitId: r.unit.id, name: r.unit.fullName, value: r.value, denominator: r.denominator?.value ?? null, estimated: r.estimated,
});

/** Builds the whole report model (no number is taken: see issueReport). */
export async function buildReport(ctx: Ctx, actor: Actor, raw: unknown): Promise<ReportModel> {
  return modelOf(ctx, actor, await resolve(ctx, actor, raw));
}

async function modelOf(ctx: Ctx, actor: Actor, r: Resolved): Promise<ReportModel> {
  const { unit, period, asOf } = r;
  const previous = samePeriodLastYear(period);
  // Indicators someone reported, and those the registers count from their records.
  const present = await indicatorsWithFigures(ctx.db, [period.year, previous.year]);
  for (const s of figureSources) for (const key of s.indicators) present.add(key);
  const indicators = (await listIndicators(ctx.db)).filter((i) => present.has(i.key));
  const data = new Map<string, IndicatorData>();
  const area = new Map<string, RolledValue["area"]>();
  const kids = new Map<number, { name: string; code: string }>();
  for (const ind of indicators) {
    const q = { unitId: unit.id, indicator: ind.key, asOf };
    const cur = await rollupChildren(ctx, actor, { ...q, period: period.id });
    const prev = await rollupValue(ctx, actor, { ...q, period: previous.id });
    for (const k of cur.children) kids.set(k.unit.id, { name: k.unit.fullName, code: k.unit.code });
    area.set(ind.key, cur.total.area);
    data.set(ind.key, { indicator: ind, current: toValue(cur.total), previous: prev.value === null ? null : toValue(prev), children: cur.children.map(toValue) });
  }
  const submission = await getSubmission(ctx, actor, unit.id, period.id);
  const ru: ReportUnit = { id: unit.id, fullName: unit.fullName, level: unit.level, type: unit.type };
  const input: NarrativeInput = { unit: ru, period, previous, data, userText: submission.narrative };
  const issued = await findIssuedNumber(ctx.db, unit.id, period.id, r.q.body, "BC");
  const date = issued?.issuedOn ?? r.date;

  const figures: FigureRow[] = [];
  for (const d of data.values()) {
    const cur = d.current.value;
    const prev = d.previous?.value ?? null;
    if (cur === null && prev === null) continue;
    figures.push({
      key: d.indicator.key, label: d.indicator.label, unit: d.indicator.unit, current: cur, currentOf: d.indicator.denominator ? d.current.denominator : null,
      previous: prev, change: cur !== null && prev !== null && d.indicator.aggregation !== "rate" ? cur - prev : null, estimated: d.current.estimated,
      rate: d.indicator.aggregation === "rate",
    });
  }

  const columns = [...data.values()].filter((d) => d.current.value !== null || d.children.some((c) => c.value !== null)).map((d) => d.indicator);
  const rows: SheetRow[] = [...kids].map(([id, k]) => ({
    label: k.name, code: k.code, kind: "unit" as const, values: columns.map((c) => data.get(c.key)!.children.find((x) => x.unitId === id)?.value ?? null),
  }));
  rows.push({ label: `Tổng cộng ${unit.fullName}`, code: unit.code, kind: "total", values: columns.map((c) => data.get(c.key)!.current.value) });
  if (columns.some((c) => area.get(c.key))) {
    rows.push({ label: "Cộng từ số liệu chi tiết", code: "", kind: "detail", values: columns.map((c) => { const a = area.get(c.key); return a ? a.computedSum : data.get(c.key)!.current.value; }) });
    rows.push({ label: "Chênh lệch (toàn địa bàn − chi tiết)", code: "", kind: "difference", values: columns.map((c) => area.get(c.key)?.difference ?? null) });
  }

  return {
    unit: { ...ru, code: unit.code }, period, previous, asOf, date, style: r.q.body, issuer: r.issuer,
    number: issued?.number ?? null, numberLine: documentNumberLine(r.q.body, issued?.number ?? null, "BC", r.issuer.symbol),
    signer: r.q.signer ?? null, narrative: composeNarrative(input), news: newsSummary(input), figures, sheet: { columns, rows },
  };
}

/**
 * Gives the report its number (Party: next in the issuer's series for the committee term; State:
 * next in the calendar year) and returns the numbered report. Issuing again keeps the number.
 * The number is taken in a transaction with its audit row; two clerks never get the same one.
 */
export async function issueReport(ctx: Ctx, actor: Actor, raw: unknown): Promise<ReportModel> {
  requireAbility(actor, "submissions.submit");
  const r = await resolve(ctx, actor, raw);
  const style = r.q.body;
  for (let attempt = 0; ; attempt++) {
    try {
      await inTransaction(ctx, async (tx) => {
        if (await findIssuedNumber(tx.db, r.unit.id, r.period.id, style, "BC")) return;
        const series = numberSeries(style, r.date);
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
  return modelOf(ctx, actor, r);
}

export interface RenderedReport {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  txt: "text/plain; charset=utf-8",
  html: "text/html; charset=utf-8",
};

/** The file for a format: .docx, .xlsx, the narrative as text, or the news item as HTML. */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  const base = format === "html" ? `Tin công tác dân vận ${periodLabel(model.period)} - ${model.unit.fullName}` : `Báo cáo công tác dân vận ${periodLabel(model.period)} - ${model.unit.fullName}`;
  const fileName = `${base}.${format}`;
  let body: Uint8Array<ArrayBuffer>;
  if (format === "docx") body = await renderDocx(model);
  else if (format === "xlsx") body = await renderXlsx(model);
  else if (format === "txt") body = new TextEncoder().encode(reportText(model));
  else body = new TextEncoder().encode(model.news.html);
  return { body, contentType: CONTENT_TYPES[format], fileName };
}

/** The report as plain text: header lines, the narrative, signature. */
export function reportText(m: ReportModel): string {
  const head = [m.issuer.superior, m.issuer.name.replace(/\n/g, " "), m.numberLine, m.issuer.style === "party" ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc", placeDate(m), ""];
  return [...head.filter((x) => x !== null), narrativeText(m.narrative)].join("\n");
}

/** The place-date line of the model. */
export function placeDate(m: ReportModel): string {
  return placeDateLine(m.issuer.place, m.date, m.style);
}


/** Content-Disposition with a Vietnamese file name (RFC 6266/5987) and an ASCII fallback. */
export function contentDisposition(fileName: string): string {
  const ascii = foldDiacritics(fileName).replace(/[^\w.\- ]+/g, "").replace(/\s+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
