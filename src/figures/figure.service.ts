/** Saving and reading figures: validation, scope, locks and audit around the repository. */
import { z } from "zod";
import { sql, type Kysely, type QueryCreator, type Selectable } from "kysely";
import type { DB, FiguresTable } from "../db/schema.ts";
import { DomainError } from "../core/errors.ts";
import { count, id, isoDate, valueProblem } from "../core/input.ts";
import { parsePeriod, periodContains, periodLabel, periodRange, periodsWithin, yearPeriod, type Period } from "../core/period.ts";
import { dateVi } from "../core/text.ts";
import { disaggKey, parseDisagg } from "../core/rollup.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import { audit, auditValues } from "../audit/audit.ts";
import { prepared } from "../db/prepared.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { indicatorAppliesTo, indicatorMap, isWholeNumber, listCategories, listRules, type Indicator } from "../indicators/indicator.service.ts";
import { brokenRules, historyPeriods, implausibleValues, needsHistory, type Written } from "./checks.ts";
import { findFigure, findFigureAndLock, figuresOfUnit, toFigure, type Figure } from "./figure.repository.ts";
import { lockUnitYears, noteFigureChange, type FigureBefore } from "../totals/totals.tracker.ts";
import { periodEndDate, placementParts } from "../core/totals.ts";

/** Where a figure came from when it was read out of a text (kept as provenance). */
export const SourceSchema = z.object({
  /** What the source is: "extract", "import", "register", "demo", "form". */
  type: z.string().max(40),
  document: z.string().max(500).optional(),
  text: z.string().max(2000).optional(),
  start: count.optional(),
  end: count.optional(),
});

export const FigureInputSchema = z.object({
  /** Internal unit id; or give `unitCode` (read at `asOf`, default the period's last day). */
  unitId: id.optional(),
  unitCode: z.string().trim().min(1).max(10).optional(),
  asOf: isoDate.optional(),
  indicator: z.string().min(1).max(80),
  period: z.string().min(1).max(12),
  /** Disaggregation: { category: option } or "cat=opt;…"; empty for the total. */
  disagg: z.union([z.string().max(200), z.record(z.string(), z.string())]).default(""),
  /** own: activities of the unit's own bodies; area: total for the whole unit, sub-units included. */
  kind: z.enum(["own", "area"]).default("own"),
  value: z.number({ error: "Giá trị phải là một số" }),
  /** estimated = "ước thực hiện". */
  status: z.enum(["reported", "estimated"]).default("reported"),
  comment: z.string().max(2000).nullable().optional(),
  source: SourceSchema.nullable().optional(),
  /**
   * The version of the stored figure this value was made from (0: none was stored). When given, a
   * newer stored figure refuses the save with CONFLICT (409) and the current figure, instead of
   * being overwritten. Omit it to replace whatever is stored (imports, scripts).
   */
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type FigureInput = z.input<typeof FigureInputSchema>;

/** Resolves the unit of an input: by id, or by code at a date (a code alone is ambiguous). */
export function resolveUnit(h: Hierarchy, input: { unitId?: number | undefined; unitCode?: string | undefined; asOf?: string | undefined }, period: Period): UnitNode {
  if (input.unitId !== undefined) return h.require(input.unitId);
  if (input.unitCode) return h.resolveCode(input.unitCode, input.asOf ?? periodRange(period).end);
  throw new DomainError("VALIDATION", "Thiếu đơn vị (unitId hoặc unitCode).");
}

/** Every standard period that contains `p` (itself included). */
export function periodsContaining(p: Period): string[] {
  return periodsWithin(yearPeriod(p.year)).filter((x) => periodContains(x, p)).map((x) => x.id);
}

/**
 * The reports whose totals a figure of `unitId` for `p` counts in: the unit's own report for `p`
 * or any period holding it, and — through the lineage — the reports of the units it became, for
 * periods whose structure places it there (Jan–Jun 2025 of an old commune count in the new
 * commune's 2025 report).
 */
export function reportsCovering(h: Hierarchy, unitId: number, p: Period): Array<{ unitId: number; period: string }> {
  const out = periodsContaining(p).map((period) => ({ unitId, period }));
  for (const P of periodsWithin(yearPeriod(p.year)).filter((x) => periodContains(x, p))) {
    for (const part of placementParts(h, unitId, periodEndDate(P))) if (part.at !== unitId && part.exact) out.push({ unitId: part.at, period: P.id });
  }
  return out;
}

/** Throws PERIOD_LOCKED when a submitted or approved report counts the figure (the unit's own, or through the lineage). */
export async function assertNotLocked(db: Kysely<DB>, h: Hierarchy, unitId: number, p: Period): Promise<void> {
  const covering = reportsCovering(h, unitId, p);
  const r = await db.selectFrom("submissions").select(["unit_id", "period", "status"])
    .where("unit_id", "in", [...new Set(covering.map((c) => c.unitId))]).where("period", "in", [...new Set(covering.map((c) => c.period))])
    .where("status", "in", ["submitted", "approved"]).execute();
  const hit = r.find((x) => covering.some((c) => c.unitId === x.unit_id && c.period === x.period));
  if (hit) {
    const what = hit.status === "approved" ? "đã được phê duyệt" : "đã nộp, đang chờ duyệt";
    const whose = hit.unit_id === unitId ? "của đơn vị" : `của ${h.at(hit.unit_id, periodEndDate(parsePeriod(hit.period))).fullName} (đơn vị kế thừa, số liệu này được tính vào đó)`;
    throw new DomainError("PERIOD_LOCKED", `Báo cáo kỳ ${hit.period} ${whose} ${what}; số liệu bị khóa cho đến khi được mở lại.`, { period: hit.period, status: hit.status, unitId: hit.unit_id });
  }
}

export interface ValidFigure {
  unit: UnitNode;
  indicator: Indicator;
  period: Period;
  disagg: string;
  kind: "own" | "area";
  value: number;
  status: "reported" | "estimated";
  comment: string | null;
  source: unknown;
}

/** Checks one input against the catalog and the hierarchy; returns it normalized or throws. */
export function validateFigure(
  h: Hierarchy,
  indicators: Map<string, Indicator>,
  categories: Map<string, Set<string>>,
  raw: z.infer<typeof FigureInputSchema>,
  today?: string,
): ValidFigure {
  const indicator = indicators.get(raw.indicator);
  if (!indicator) throw new DomainError("INDICATOR_NOT_FOUND", `Không có chỉ tiêu "${raw.indicator}" trong danh mục.`, { indicator: raw.indicator });
  const period = parsePeriod(raw.period);
  const unit = resolveUnit(h, raw, period);
  const range = periodRange(period);
  // Nothing can have happened yet in a period that has not started.
  if (today !== undefined && range.start > today) {
    throw new DomainError("PERIOD_NOT_STARTED", `Kỳ ${periodLabel(period)} chưa bắt đầu (từ ${dateVi(range.start)}); chưa thể ghi số liệu cho kỳ này.`, { period: period.id, start: range.start });
  }
  if (!indicatorAppliesTo(h, indicator, unit.id)) {
    throw new DomainError("INDICATOR_NOT_FOUND", `Chỉ tiêu "${indicator.label}" là chỉ tiêu riêng của tỉnh khác, không dùng cho "${unit.fullName}".`, { indicator: indicator.key });
  }
  if ((unit.validFrom !== null && unit.validFrom > range.end) || (unit.validTo !== null && unit.validTo < range.start)) {
    throw new DomainError("UNIT_NOT_VALID_IN_PERIOD", `Đơn vị "${unit.fullName}" không tồn tại trong kỳ ${period.id} (hiệu lực ${unit.validFrom ?? "…"} → ${unit.validTo ?? "nay"}).`, { unitId: unit.id, period: period.id });
  }
  const v = raw.value;
  if (v < 0 && Number.isFinite(v)) throw new DomainError("VALUE_NEGATIVE", `Giá trị không được âm (${v}).`, { value: v });
  // Finite, at most 10^15 and exact in a double: sums of a whole country stay finite and exact.
  const problem = valueProblem(v, 0);
  if (problem) throw new DomainError("VALUE_INVALID", problem, { value: String(v) });
  if (isWholeNumber(indicator) && !Number.isInteger(v)) {
    throw new DomainError("VALUE_NOT_WHOLE", `Chỉ tiêu "${indicator.label}" đếm số ${indicator.unit}, phải là số nguyên (nhận ${v}).`, { value: v });
  }
  if (indicator.aggregation === "rate" && v > 100) throw new DomainError("VALUE_INVALID", `Tỷ lệ phải từ 0 đến 100% (nhận ${v}).`, { value: v });
  const d = typeof raw.disagg === "string" ? parseDisagg(raw.disagg) : new Map(Object.entries(raw.disagg));
  for (const [c, o] of d) {
    if (!categories.get(c)?.has(o)) throw new DomainError("DISAGG_INVALID", `Phân tổ "${c}=${o}" không có trong danh mục.`, { disagg: `${c}=${o}` });
  }
  return {
    unit, indicator, period, disagg: disaggKey(d), kind: raw.kind, value: v, status: raw.status,
    comment: raw.comment ? raw.comment.normalize("NFC") : null, source: raw.source ?? null,
  };
}

/** Category → its option keys, for validation. */
export async function categoryIndex(db: Kysely<DB>): Promise<Map<string, Set<string>>> {
  return new Map((await listCategories(db)).map((c) => [c.key, new Set(c.options.map((o) => o.key))]));
}

/**
 * Saves figures (insert or replace) in one transaction: all are saved or none. Each change
 * writes an audit row with the value before and after.
 */
export async function saveFigures(ctx: Ctx, actor: Actor, inputs: unknown[]): Promise<Figure[]> {
  requireAbility(actor, "figures.write");
  const parsed = inputs.map((i, n) => {
    const r = FigureInputSchema.safeParse(i);
    if (!r.success) throw new DomainError("VALIDATION", `Số liệu thứ ${n + 1} không hợp lệ: ${r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`, { index: n });
    return r.data;
  });
  const h = await hierarchyOf(ctx);
  return inTransaction(ctx, async (tx) => {
    const [indicators, categories, rules] = await Promise.all([indicatorMap(tx.db), categoryIndex(tx.db), listRules(tx.db)]);
    const saved: Figure[] = [];
    const written: Written[] = [];
    const seen = new Set<string>();
    for (const [n, raw] of parsed.entries()) {
      let f: ValidFigure;
      try {
        f = validateFigure(h, indicators, categories, raw, ctx.today());
      } catch (e) {
        if (e instanceof DomainError && parsed.length > 1) throw new DomainError(e.code, `Số liệu thứ ${n + 1}: ${e.message}`, e.details);
        throw e;
      }
      requireScope(h, actor, [f.unit.id], ctx.today());
      const key = `${f.unit.id}|${f.indicator.key}|${f.period.id}|${f.disagg}`;
      if (seen.has(key)) throw new DomainError("DUPLICATE", `Số liệu thứ ${n + 1} trùng với một số liệu trước đó trong cùng lần lưu.`, { index: n });
      seen.add(key);
      const one = await upsertOne(tx, h, actor, f, raw.version, n);
      saved.push(one.figure);
      written.push({ unitId: f.unit.id, indicator: f.indicator, period: f.period, disagg: f.disagg, value: f.value, comment: f.comment, ...(one.history ? { history: one.history } : {}) });
    }
    // Checks between figures and against history, once all of the request is written.
    const broken = await brokenRules(tx.db, h, rules, written);
    const refused = broken.find((b) => b.refused);
    if (refused) {
      const index = written.findIndex((w) => w.unitId === refused.unitId && w.period.id === refused.period && w.disagg === refused.disagg && (w.indicator.key === refused.rule.left || w.indicator.key === refused.rule.right));
      throw new DomainError("RULE_VIOLATED", `${parsed.length > 1 ? `Số liệu thứ ${index + 1}: ` : ""}${refused.rule.message} (${indicators.get(refused.left.indicator)?.label ?? refused.left.indicator}: ${refused.left.value}; ${indicators.get(refused.right.indicator)?.label ?? refused.right.indicator}: ${refused.right.value})`, {
        index, rule: refused.rule.key, left: refused.left, right: refused.right, allowWithComment: refused.rule.allowWithComment,
      });
    }
    const odd = await implausibleValues(tx.db, written);
    for (const [i, f] of saved.entries()) {
      const w = written[i]!;
      const rule = broken.find((b) => b.unitId === w.unitId && b.period === w.period.id && b.disagg === w.disagg && (b.left.indicator === w.indicator.key || b.right.indicator === w.indicator.key));
      const why = odd.get(i) ?? rule?.rule.message;
      const flag = odd.has(i) ? "implausible" : rule ? "rule" : null;
      if (flag !== f.flag) await tx.db.updateTable("figures").set({ flag }).where("id", "=", f.id).execute();
      saved[i] = { ...f, flag, ...(why ? { warning: why } : {}) };
    }
    return saved;
  });
}

/** The stored figure as the totals need it before a change. */
const beforeOf = (f: Figure): FigureBefore => ({ id: f.id, period: parsePeriod(f.period), disagg: f.disagg, kind: f.kind, value: f.value, estimated: f.status === "estimated" });

/** Refuses a save made from an older version of the figure than the stored one. */
function checkVersion(current: Figure | undefined, expected: number | undefined, index: number): void {
  if (expected === undefined || (current?.version ?? 0) === expected) return;
  throw new DomainError(
    "CONFLICT",
    current
      ? `Số liệu này vừa được ${current.updatedBy === null ? "cập nhật" : "người khác cập nhật"} (${current.value}); giá trị của bạn chưa được lưu. Hãy xem hai giá trị rồi chọn.`
      : "Số liệu này đã bị xóa sau khi bạn mở biểu mẫu; giá trị của bạn chưa được lưu.",
    { index, current: current ?? null },
  );
}

/** Writes one figure; returns it, and the values of its earlier periods when the outlier check needs them (read with the row). */
async function upsertOne(tx: Ctx, h: Hierarchy, actor: Actor, f: ValidFigure, expected: number | undefined, index: number): Promise<{ figure: Figure; history?: Map<string, number> }> {
  const now = new Date().toISOString();
  const key = { unitId: f.unit.id, indicator: f.indicator.key, year: f.period.year };
  const row = {
    unit_id: f.unit.id, indicator: f.indicator.key, period: f.period.id, year: f.period.year, start_month: f.period.startMonth,
    end_month: f.period.endMonth, disagg: f.disagg, kind: f.kind, value: f.value, status: f.status, comment: f.comment,
    source: f.source ? JSON.stringify(f.source) : null, batch_id: null,
    updated_by: actor.kind === "user" ? actor.userId : null, updated_at: now,
  };
  // Another server may write the same figure between our read and our write (PostgreSQL): the
  // write only lands on the row we read (insert if none, update if the version is unchanged);
  // otherwise we read again, and the totals are told what we really replace.
  const writing = audited({ unitId: f.unit.id, indicator: f.indicator.key, period: f.period.id, disagg: f.disagg, kind: f.kind, value: f.value, status: f.status, comment: f.comment });
  let written: Selectable<FiguresTable> | undefined;
  let before: Figure | undefined;
  let history: Map<string, number> | undefined;
  for (let attempt = 0; !written; attempt++) {
    if (attempt > 20) throw new DomainError("BUSY", "Số liệu này đang được ghi liên tục từ nơi khác; vui lòng thử lại.");
    if (attempt === 0) {
      // The row, its history and its lock in one statement; the lock's details only when it may hold.
      const covering = reportsCovering(h, f.unit.id, f.period);
      const earlier = needsHistory(f) ? historyPeriods(f.period) : [];
      const found = await findFigureAndLock(tx.db, f.unit.id, f.indicator.key, f.period.id, f.disagg, earlier, [...new Set(covering.map((c) => c.unitId))], [...new Set(covering.map((c) => c.period))]);
      if (found.locked) await assertNotLocked(tx.db, h, f.unit.id, f.period);
      before = found.figure;
      if (earlier.length) history = found.history;
    } else before = await findFigure(tx.db, f.unit.id, f.indicator.key, f.period.id, f.disagg);
    checkVersion(before, expected, index);
    noteFigureChange(tx, key, f.period, f.disagg, before ? beforeOf(before) : null, attempt > 0);
    const fields = [row.unit_id, row.indicator, row.period, row.year, row.start_month, row.end_month, row.disagg, row.kind, row.value, row.status, row.comment, row.source, row.updated_by, row.updated_at] as const;
    if (tx.database.dialect === "postgres") {
      // PostgreSQL: the figure and its audit row in one statement (one round trip fewer per save).
      const v = auditValues(actor, before ? "figure.update" : "figure.create", "figure", before ? audited(before) : null, writing, f.unit.id);
      const auditArgs = [v.at, v.user_id, v.action, v.entity, v.before, v.after, v.unit_id] as const;
      [written] = before ? await updateFigureAudited(tx.db, ...fields, before.version + 1, before.id, before.version, ...auditArgs) : await insertFigureAudited(tx.db, ...fields, ...auditArgs);
      continue;
    }
    [written] = before ? await updateFigure(tx.db, ...fields, before.version + 1, before.id, before.version) : await insertFigure(tx.db, ...fields);
    if (written) await audit(tx.db, actor, before ? "figure.update" : "figure.create", "figure", written.id, before ? audited(before) : null, writing, f.unit.id);
  }
  const after = toFigure(written);
  return history ? { figure: after, history } : { figure: after };
}

/** A figure as its audit rows show it (the figure before, or the one being written). */
const audited = (x: Pick<Figure, "unitId" | "indicator" | "period" | "disagg" | "kind" | "value" | "status" | "comment">) =>
  ({ unitId: x.unitId, indicator: x.indicator, period: x.period, disagg: x.disagg, kind: x.kind, value: x.value, status: x.status, comment: x.comment });

/** A figure row's written fields, in the order the prepared writes take them. */
type RowArgs = [unitId: number, indicator: string, period: string, year: number, startMonth: number, endMonth: number, disagg: string, kind: string, value: number, status: string, comment: string | null, source: string | null, updatedBy: number | null, updatedAt: string];
const rowOf = (a: RowArgs) => ({
  unit_id: a[0], indicator: a[1], period: a[2], year: a[3], start_month: a[4], end_month: a[5], disagg: a[6], kind: a[7], value: a[8], status: a[9], comment: a[10], source: a[11], batch_id: null, updated_by: a[12], updated_at: a[13],
});
// Every save writes one of these: prepared once (src/db/prepared.ts). The insert lands only if no
// row exists, the update only on the version read.
const insertFigure = prepared(14, (db, ...a: RowArgs) =>
  db.insertInto("figures").values(rowOf(a)).onConflict((oc) => oc.columns(["unit_id", "indicator", "period", "disagg"]).doNothing()).returningAll());
const updateFigure = prepared(17, (db, ...a: [...RowArgs, version: number, id: number, expected: number]) =>
  db.updateTable("figures").set({ ...rowOf(a.slice(0, 14) as RowArgs), version: a[14] }).where("id", "=", a[15]).where("version", "=", a[16]).returningAll());

/** An audit row's values but its entity id, in the order the audited writes take them. */
type AuditArgs = [at: string, userId: number | null, action: string, entity: string, before: string | null, after: string | null, unitId: number | null];
/** PostgreSQL: the audit row of the figure a CTE named "w" wrote (none when it wrote nothing). */
const auditOfWritten = (q: QueryCreator<DB & { w: Selectable<FiguresTable> }>, a: AuditArgs) =>
  q.insertInto("audit_log").columns(["at", "user_id", "action", "entity", "entity_id", "before", "after", "unit_id"])
    .expression((eb) => eb.selectFrom("w").select([
      eb.val(a[0]).as("at"), sql<number | null>`cast(${a[1]} as integer)`.as("user_id"), eb.val(a[2]).as("action"), eb.val(a[3]).as("entity"),
      sql<string>`cast(w.id as text)`.as("entity_id"), eb.val(a[4]).as("before"), eb.val(a[5]).as("after"), sql<number | null>`cast(${a[6]} as integer)`.as("unit_id"),
    ]));
const insertFigureAudited = prepared(21, (db, ...a: [...RowArgs, ...AuditArgs]) => db
  .with("w", (q) => q.insertInto("figures").values(rowOf(a.slice(0, 14) as RowArgs)).onConflict((oc) => oc.columns(["unit_id", "indicator", "period", "disagg"]).doNothing()).returningAll())
  .with("a", (q) => auditOfWritten(q, a.slice(14) as AuditArgs))
  .selectFrom("w").selectAll());
const updateFigureAudited = prepared(24, (db, ...a: [...RowArgs, version: number, id: number, expected: number, ...AuditArgs]) => db
  .with("w", (q) => q.updateTable("figures").set({ ...rowOf(a.slice(0, 14) as RowArgs), version: a[14] }).where("id", "=", a[15]).where("version", "=", a[16]).returningAll())
  .with("a", (q) => auditOfWritten(q, a.slice(17) as AuditArgs))
  .selectFrom("w").selectAll());

/** Deletes one figure (audited); the period must not be locked. */
export async function deleteFigure(ctx: Ctx, actor: Actor, figureId: number): Promise<void> {
  requireAbility(actor, "figures.write");
  const h = await hierarchyOf(ctx);
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db.selectFrom("figures").selectAll().where("id", "=", figureId).executeTakeFirst();
    if (!row) throw new DomainError("FIGURE_NOT_FOUND", `Không có số liệu #${figureId}.`);
    requireScope(h, actor, [row.unit_id], ctx.today());
    await assertNotLocked(tx.db, h, row.unit_id, parsePeriod(row.period));
    await lockUnitYears(tx, [{ indicator: row.indicator, year: row.year }]);
    noteFigureChange(tx, { unitId: row.unit_id, indicator: row.indicator, year: row.year }, parsePeriod(row.period), row.disagg, beforeOf(toFigure(row)));
    // Only the row as read: a save from another server in between would otherwise be deleted unseen.
    const gone = await tx.db.deleteFrom("figures").where("id", "=", figureId).where("version", "=", row.version).executeTakeFirst();
    if (Number(gone.numDeletedRows) !== 1) throw new DomainError("CONFLICT", "Số liệu này vừa được người khác cập nhật; hãy tải lại rồi xóa.", { current: null });
    await audit(tx.db, actor, "figure.delete", "figure", figureId, { unitId: row.unit_id, indicator: row.indicator, period: row.period, value: row.value }, null, row.unit_id);
  });
}

/** The figures a unit recorded for a period and every shorter period inside it. */
export async function listUnitFigures(ctx: Ctx, actor: Actor, unitId: number, period: string): Promise<Figure[]> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  h.require(unitId);
  requireScope(h, actor, [unitId], ctx.today());
  return figuresOfUnit(ctx.db, unitId, periodsWithin(parsePeriod(period)).map((p) => p.id));
}

/** One change in a figure's history. */
export interface FigureChange {
  at: string;
  /** Who changed it (display name), null for the system (imports run from the command line, demo data). */
  by: string | null;
  action: "create" | "update" | "delete" | "import";
  before: number | null;
  after: number | null;
  comment: string | null;
  /** Where the value came from: form, import (batch), extract (document), … */
  source: unknown;
}

/** A figure's history, newest first: who changed it, when, old → new, from where. Anyone who may read the unit's figures may read it. */
export async function figureHistory(ctx: Ctx, actor: Actor, figureId: number): Promise<{ figure: Figure; changes: FigureChange[] }> {
  requireAbility(actor, "figures.read");
  const row = await ctx.db.selectFrom("figures").selectAll().where("id", "=", figureId).executeTakeFirst();
  if (!row) throw new DomainError("FIGURE_NOT_FOUND", `Không có số liệu #${figureId}.`);
  const h = await hierarchyOf(ctx);
  requireScope(h, actor, [row.unit_id], ctx.today());
  const figure = toFigure(row);
  const audits = await ctx.db.selectFrom("audit_log").leftJoin("users", "users.id", "audit_log.user_id")
    .select(["audit_log.at", "audit_log.action", "audit_log.before", "audit_log.after", "users.display_name"])
    .where("audit_log.entity", "=", "figure").where("audit_log.entity_id", "=", String(figureId)).orderBy("audit_log.id", "desc").limit(200).execute();
  const value = (j: string | null) => (j ? ((JSON.parse(j) as { value?: number }).value ?? null) : null);
  const changes: FigureChange[] = audits.map((a) => ({
    at: a.at, by: a.display_name ?? null, action: a.action === "figure.create" ? "create" : a.action === "figure.delete" ? "delete" : "update",
    before: value(a.before), after: value(a.after), comment: a.after ? ((JSON.parse(a.after) as { comment?: string | null }).comment ?? null) : null, source: null,
  }));
  // An import writes one audit row per file, not per figure: its batch is the figure's last change.
  if (row.batch_id !== null) {
    const b = await ctx.db.selectFrom("import_batches").leftJoin("users", "users.id", "import_batches.user_id")
      .select(["import_batches.created_at", "import_batches.format", "users.display_name"]).where("import_batches.id", "=", row.batch_id).executeTakeFirst();
    if (b) changes.unshift({ at: b.created_at, by: b.display_name ?? null, action: "import", before: null, after: row.value, comment: row.comment, source: { type: "import", batch: row.batch_id, format: b.format } });
  }
  if (changes[0] && changes[0].action !== "import") changes[0].source = figure.source;
  return { figure, changes };
}
