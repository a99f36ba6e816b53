/**
 * Import and export of figures as CSV and as DHIS2 dataValueSets JSON. Imports are
 * all-or-nothing: every bad line is reported (line number, stable code, Vietnamese message) and
 * nothing is written unless every line is good.
 */
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { DomainError, isDomainError } from "../core/errors.ts";
import { parsePeriod, periodRange, periodsWithin, type Period } from "../core/period.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inScope, requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { indicatorMap } from "../indicators/indicator.service.ts";
import { categoryIndex, FigureInputSchema, periodsContaining, validateFigure, type ValidFigure } from "./figure.service.ts";
import { storedPeriod } from "./figure.repository.ts";
import { csvCell } from "../core/csv.ts";

export const CSV_COLUMNS = ["unit_code", "indicator", "period", "value", "disaggregation", "kind", "status", "comment"] as const;

export interface LineError {
  line: number;
  code: string;
  message: string;
}

export interface ImportResult {
  batchId: number;
  lines: number;
  inserted: number;
  updated: number;
}

interface RawLine {
  line: number;
  unitCode: string;
  indicator: string;
  period: string;
  value: string | number;
  disagg: string;
  kind: string;
  status: string;
  comment: string | null;
  asOf?: string;
}

/** Parses CSV text into raw lines (header required, UTF-8, comma separated). */
export function parseFiguresCsv(text: string): RawLine[] {
  let records: string[][];
  try {
    records = parse(text.normalize("NFC").replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw new DomainError("CSV_MALFORMED", `Tệp CSV không đọc được: ${(e as Error).message}`);
  }
  const header = records.shift();
  if (!header) throw new DomainError("CSV_MALFORMED", "Tệp CSV trống.");
  const idx = (name: string) => header.indexOf(name);
  for (const req of ["unit_code", "indicator", "period", "value"]) {
    if (idx(req) < 0) throw new DomainError("CSV_MALFORMED", `Thiếu cột "${req}". Dòng tiêu đề cần: ${CSV_COLUMNS.join(",")}.`);
  }
  const get = (r: string[], name: string) => (idx(name) >= 0 ? r[idx(name)] ?? "" : "");
  return records.map((r, i) => ({
    line: i + 2, unitCode: get(r, "unit_code"), indicator: get(r, "indicator"), period: get(r, "period"), value: get(r, "value"),
    disagg: get(r, "disaggregation"), kind: get(r, "kind") || "own", status: get(r, "status") || "reported",
    comment: get(r, "comment") || null, ...(get(r, "as_of") ? { asOf: get(r, "as_of") } : {}),
  }));
}

const DataValueSetSchema = z.object({
  dataValues: z.array(z.object({
    dataElement: z.string(), period: z.string(), orgUnit: z.string(), value: z.union([z.string(), z.number()]),
    categoryOptionCombo: z.string().optional(), comment: z.string().nullable().optional(),
    kind: z.enum(["own", "area"]).optional(), status: z.enum(["reported", "estimated"]).optional(),
  }).passthrough()),
});

/** Parses DHIS2 dataValueSets JSON (dataElement = indicator key, orgUnit = unit code, period = period id). */
export function parseDataValueSets(text: string): RawLine[] {
  let json: unknown;
  try {
    json = JSON.parse(text.normalize("NFC"));
  } catch (e) {
    throw new DomainError("JSON_MALFORMED", `JSON không hợp lệ: ${(e as Error).message}`);
  }
  const r = DataValueSetSchema.safeParse(json);
  if (!r.success) throw new DomainError("JSON_MALFORMED", `Không đúng dạng dataValueSets: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return r.data.dataValues.map((d, i) => ({
    line: i + 1, unitCode: d.orgUnit, indicator: d.dataElement, period: d.period, value: d.value,
    disagg: d.categoryOptionCombo && d.categoryOptionCombo !== "default" ? d.categoryOptionCombo : "",
    kind: d.kind ?? "own", status: d.status ?? "reported", comment: d.comment ?? null,
  }));
}

function toNumber(v: string | number): number {
  if (typeof v === "number") return v;
  const s = v.trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** Validates and writes lines in one transaction, or throws IMPORT_INVALID listing every bad line. */
export async function importFigures(ctx: Ctx, actor: Actor, lines: RawLine[], format: string, sourceText: string): Promise<ImportResult> {
  requireAbility(actor, "import");
  requireAbility(actor, "figures.write");
  if (lines.length === 0) throw new DomainError("IMPORT_EMPTY", "Tệp không có dòng số liệu nào.");
  const h = await hierarchyOf(ctx);
  const [indicators, categories] = await Promise.all([indicatorMap(ctx.db), categoryIndex(ctx.db)]);
  const lockedRows = await ctx.db.selectFrom("submissions").select(["unit_id", "period"]).where("status", "in", ["submitted", "approved"]).execute();
  const locked = new Set(lockedRows.map((r) => `${r.unit_id}|${r.period}`));
  const containing = new Map<string, string[]>();
  const today = ctx.today();
  const errors: LineError[] = [];
  const good: ValidFigure[] = [];
  const seen = new Map<string, number>();
  for (const l of lines) {
    try {
      const value = toNumber(l.value);
      if (Number.isNaN(value)) throw new DomainError("VALUE_INVALID", `Giá trị "${l.value}" không phải là số (dùng dấu chấm thập phân, không phân cách hàng nghìn).`);
      const raw = FigureInputSchema.parse({
        unitCode: l.unitCode, indicator: l.indicator, period: l.period, value, disagg: l.disagg, kind: l.kind, status: l.status,
        comment: l.comment, ...(l.asOf ? { asOf: l.asOf } : {}), source: { type: "import" },
      });
      const f = validateFigure(h, indicators, categories, raw);
      if (!inScope(h, actor, f.unit.id, today)) throw new DomainError("OUT_OF_SCOPE", `Đơn vị "${f.unit.fullName}" nằm ngoài phạm vi được giao.`);
      let cont = containing.get(f.period.id);
      if (!cont) containing.set(f.period.id, (cont = periodsContaining(f.period)));
      if (cont.some((p) => locked.has(`${f.unit.id}|${p}`))) throw new DomainError("PERIOD_LOCKED", `Kỳ ${f.period.id} của "${f.unit.fullName}" đã nộp/duyệt, số liệu bị khóa.`);
      const key = `${f.unit.id}|${f.indicator.key}|${f.period.id}|${f.disagg}`;
      const prev = seen.get(key);
      if (prev !== undefined) throw new DomainError("DUPLICATE_LINE", `Trùng với dòng ${prev} (cùng đơn vị, chỉ tiêu, kỳ, phân tổ).`);
      seen.set(key, l.line);
      good.push(f);
    } catch (e) {
      if (isDomainError(e)) errors.push({ line: l.line, code: e.code, message: e.message });
      else if (e instanceof z.ZodError) errors.push({ line: l.line, code: "VALIDATION", message: e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      else throw e;
    }
  }
  if (errors.length) {
    throw new DomainError("IMPORT_INVALID", `Không nhập: ${errors.length} dòng lỗi trên ${lines.length} dòng. Chưa có số liệu nào được ghi.`, { errors: errors.slice(0, 1000), errorCount: errors.length });
  }
  return writeBatch(ctx, actor, good, format, sourceText);
}

async function writeBatch(ctx: Ctx, actor: Actor, good: ValidFigure[], format: string, sourceText: string): Promise<ImportResult> {
  const now = new Date().toISOString();
  const by = actor.kind === "user" ? actor.userId : null;
  return inTransaction(ctx, async (tx) => {
    const before = Number((await tx.db.selectFrom("figures").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const batch = await tx.db.insertInto("import_batches").values({
      created_at: now, user_id: by, format, lines: good.length, sha256: createHash("sha256").update(sourceText).digest("hex"),
    }).returning("id").executeTakeFirstOrThrow();
    const CHUNK = 1000;
    // What an import overwrites is kept in its audit row, so no earlier value is lost.
    const overwritten: Array<{ unitId: number; indicator: string; period: string; disagg: string; kind: string; value: number; status: string }> = [];
    for (let i = 0; i < good.length; i += CHUNK) {
      const slice = good.slice(i, i + CHUNK);
      const incoming = new Map(slice.map((f) => [`${f.unit.id}|${f.indicator.key}|${f.period.id}|${f.disagg}`, f]));
      const existing = await tx.db.selectFrom("figures").select(["unit_id", "indicator", "period", "disagg", "kind", "value", "status"])
        .where("unit_id", "in", [...new Set(slice.map((f) => f.unit.id))])
        .where("indicator", "in", [...new Set(slice.map((f) => f.indicator.key))])
        .where("period", "in", [...new Set(slice.map((f) => f.period.id))])
        .execute();
      for (const r of existing) {
        const f = incoming.get(`${r.unit_id}|${r.indicator}|${r.period}|${r.disagg}`);
        if (f && (f.value !== r.value || f.kind !== r.kind || f.status !== r.status)) {
          overwritten.push({ unitId: r.unit_id, indicator: r.indicator, period: r.period, disagg: r.disagg, kind: r.kind, value: r.value, status: r.status });
        }
      }
      const rows = slice.map((f) => ({
        unit_id: f.unit.id, indicator: f.indicator.key, period: f.period.id, year: f.period.year, start_month: f.period.startMonth,
        end_month: f.period.endMonth, disagg: f.disagg, kind: f.kind, value: f.value, status: f.status, comment: f.comment,
        source: JSON.stringify({ type: "import", batch: batch.id }), batch_id: batch.id, updated_by: by, updated_at: now,
      }));
      await tx.db.insertInto("figures").values(rows).onConflict((oc) => oc.columns(["unit_id", "indicator", "period", "disagg"]).doUpdateSet((eb) => ({
        kind: eb.ref("excluded.kind"), value: eb.ref("excluded.value"), status: eb.ref("excluded.status"), comment: eb.ref("excluded.comment"),
        source: eb.ref("excluded.source"), batch_id: eb.ref("excluded.batch_id"), updated_by: eb.ref("excluded.updated_by"), updated_at: eb.ref("excluded.updated_at"),
      }))).execute();
    }
    const after = Number((await tx.db.selectFrom("figures").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const result = { batchId: batch.id, lines: good.length, inserted: after - before, updated: good.length - (after - before) };
    // One audit row per import: the batch id on every figure row links each value to it.
    await audit(tx.db, actor, "figures.import", "import_batch", batch.id, overwritten.length ? { overwritten } : null, { format, ...result, changed: overwritten.length }, actor.kind === "user" ? actor.unitId : null);
    return result;
  });
}

export interface ExportQuery {
  unitId: number;
  period: string;
}

/** Figures of a unit's subtree (its own structure) for a period and the periods inside it. */
async function exportRows(ctx: Ctx, actor: Actor, q: ExportQuery) {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  h.require(q.unitId);
  requireScope(h, actor, [q.unitId], ctx.today());
  const p: Period = parsePeriod(q.period);
  const at = periodRange(p).end;
  const units = h.subtree(q.unitId).filter((u) => u.validFrom === null || u.validFrom <= at);
  const ids = units.map((u) => u.id);
  const periods = periodsWithin(p).map((x) => x.id);
  const rows = [];
  for (let i = 0; i < ids.length; i += 900) {
    rows.push(...(await ctx.db.selectFrom("figures").selectAll().where("unit_id", "in", ids.slice(i, i + 900)).where("period", "in", periods).orderBy("id").execute()));
  }
  return rows.map((r) => ({ ...r, code: h.require(r.unit_id).code, asOf: periodRange(storedPeriod(r.period)).end }));
}

/** Exports as CSV with the import's columns (re-importable as is). */
export async function exportCsv(ctx: Ctx, actor: Actor, q: ExportQuery): Promise<string> {
  const rows = await exportRows(ctx, actor, q);
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) lines.push([r.code, r.indicator, r.period, r.value, r.disagg, r.kind, r.status, r.comment].map(csvCell).join(","));
  return lines.join("\n") + "\n";
}

/** Exports as DHIS2 dataValueSets JSON. */
export async function exportDataValueSets(ctx: Ctx, actor: Actor, q: ExportQuery): Promise<{ dataValues: Array<Record<string, string>> }> {
  const rows = await exportRows(ctx, actor, q);
  return {
    dataValues: rows.map((r) => ({
      dataElement: r.indicator, period: r.period, orgUnit: r.code, value: String(r.value),
      ...(r.disagg ? { categoryOptionCombo: r.disagg } : {}), ...(r.comment ? { comment: r.comment } : {}),
      ...(r.kind !== "own" ? { kind: r.kind } : {}), ...(r.status !== "reported" ? { status: r.status } : {}),
    })),
  };
}
