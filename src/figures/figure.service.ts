/** Saving and reading figures: scope, locks, version checks and audit around the repository (input checks: figure.input.ts). */
import { sql, type QueryCreator, type Selectable } from "kysely";
import type { DB, FiguresTable } from "../db/schema.ts";
import { DomainError } from "../core/errors.ts";
import { parsePeriod, periodsWithin } from "../core/period.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import { audit, auditValues } from "../audit/audit.ts";
import { prepared } from "../db/prepared.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { indicatorMap, listRules } from "../indicators/indicator.service.ts";
import { brokenRules, implausibleValues, type Written } from "./checks.ts";
import { findFigure, findFigureAndLock, figuresOfUnit, toFigure, type Figure } from "./figure.repository.ts";
import { lockUnitYears, noteFigureChange, type FigureBefore } from "../totals/totals.tracker.ts";
import { assertNotLocked, categoryIndex, FigureInputSchema, validateFigure, type ValidFigure } from "./figure.input.ts";
import { batchLookup, lookupOf, noteWritten, saveHint } from "./save-prefetch.ts";

/**
 * Saves figures (insert or replace) in one transaction: all are saved or none. Each change
 * writes an audit row with the value before and after.
 */
export async function saveFigures(ctx: Ctx, actor: Actor, inputs: unknown[]): Promise<Figure[]> {
  requireAbility(actor, "figures.write");
  // A server with a write thread saves there (the thread's own context has none); inside a transaction, here.
  if (ctx.database.thread && !ctx.beforeCommit) return ctx.database.thread.call<Figure[]>("saveFigures", [actor, inputs]);
  const parsed = inputs.map((i, n) => {
    const r = FigureInputSchema.safeParse(i);
    if (!r.success) throw new DomainError("VALIDATION", `Số liệu thứ ${n + 1} không hợp lệ: ${r.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`, { index: n });
    return r.data;
  });
  const h = await hierarchyOf(ctx);
  // PostgreSQL: what the save will look up, said before it runs, so a batch of saves reads it at once (save-prefetch.ts).
  const hint = ctx.database.dialect === "postgres" && !ctx.beforeCommit ? saveHint(h, parsed, ctx.today()) : undefined;
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
  }, { hint });
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
      // The row, its history and its lock in one statement (or read with the batch's saves); the lock's details only when it may hold.
      const a = lookupOf(h, f);
      const found = (await batchLookup(tx, a)) ?? (await findFigureAndLock(tx.db, a.unitId, a.indicator, a.period, a.disagg, a.history, a.lockUnits, a.lockPeriods));
      if (found.locked) await assertNotLocked(tx.db, h, f.unit.id, f.period);
      before = found.figure;
      if (a.history.length) history = found.history;
    } else before = await findFigure(tx.db, f.unit.id, f.indicator.key, f.period.id, f.disagg);
    checkVersion(before, expected, index);
    noteFigureChange(tx, key, f.period, f.disagg, before ? beforeOf(before) : null, attempt > 0);
    const fields = [row.unit_id, row.indicator, row.period, row.year, row.start_month, row.end_month, row.disagg, row.kind, row.value, row.status, row.comment, row.source, row.updated_by, row.updated_at] as const;
    if (tx.database.dialect === "postgres") {
      // PostgreSQL: the figure and its audit row in one statement (one round trip fewer per save).
      const v = auditValues(actor, before ? "figure.update" : "figure.create", "figure", before ? audited(before) : null, writing, f.unit.id);
      const auditArgs = [v.at, v.user_id, v.action, v.entity, v.before, v.after, v.unit_id] as const;
      [written] = before ? await updateFigureAudited(tx.db, ...changes(fields), before.version + 1, before.id, before.version, ...auditArgs) : await insertFigureAudited(tx.db, ...fields, ...auditArgs);
      continue;
    }
    [written] = before ? await updateFigure(tx.db, ...changes(fields), before.version + 1, before.id, before.version) : await insertFigure(tx.db, ...fields);
    if (written) await audit(tx.db, actor, before ? "figure.update" : "figure.create", "figure", written.id, before ? audited(before) : null, writing, f.unit.id);
  }
  noteWritten(tx, f.unit.id, f.indicator.key, f.disagg, f.period.id);
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
/**
 * What an update by id writes: never the key (unit, indicator, period, breakdown) nor what the
 * period implies. Left out of the SET list, SQLite leaves the key's index alone (it rewrites every
 * index with a column named there, whatever the value).
 */
type ChangeArgs = [kind: string, value: number, status: string, comment: string | null, source: string | null, updatedBy: number | null, updatedAt: string];
const changes = (a: Readonly<RowArgs>): ChangeArgs => [a[7], a[8], a[9], a[10], a[11], a[12], a[13]];
const changedOf = (a: ChangeArgs) => ({ kind: a[0], value: a[1], status: a[2], comment: a[3], source: a[4], batch_id: null, updated_by: a[5], updated_at: a[6] });
// Every save writes one of these: prepared once (src/db/prepared.ts). The insert lands only if no
// row exists, the update only on the version read.
const insertFigure = prepared(14, (db, ...a: RowArgs) =>
  db.insertInto("figures").values(rowOf(a)).onConflict((oc) => oc.columns(["unit_id", "indicator", "period", "disagg"]).doNothing()).returningAll());
const updateFigure = prepared(10, (db, ...a: [...ChangeArgs, version: number, id: number, expected: number]) =>
  db.updateTable("figures").set({ ...changedOf(a.slice(0, 7) as ChangeArgs), version: a[7] }).where("id", "=", a[8]).where("version", "=", a[9]).returningAll());

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
const updateFigureAudited = prepared(17, (db, ...a: [...ChangeArgs, version: number, id: number, expected: number, ...AuditArgs]) => db
  .with("w", (q) => q.updateTable("figures").set({ ...changedOf(a.slice(0, 7) as ChangeArgs), version: a[7] }).where("id", "=", a[8]).where("version", "=", a[9]).returningAll())
  .with("a", (q) => auditOfWritten(q, a.slice(10) as AuditArgs))
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
