/**
 * The registers kept in `register_records` (reception and dialogues, mediation teams and cases,
 * campaigns and oversight, Dân vận khéo, commendations): create, correct, delete, read, list
 * with search and filters; the Dân vận khéo path; the reception obligation check.
 */
import { z } from "zod";
import { sql, type Selectable } from "kysely";
import { DomainError } from "../core/errors.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { inTransaction, type Ctx } from "../context.ts";
import { type RegisterRecordsTable } from "../db/tables/registers.ts";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { canRead, canWrite, isoDate, listingRoot, notBefore, notInFuture, nowIso, searchColumns, searchPattern, unitAt, unitsUnder, userIdOf } from "./common.ts";
import {
  advanceDvkProgress, DvkAdvanceSchema, indexRecord, REGISTER_KEYS, REGISTERS, receptionObligations, warningsOf,
  type DvkProgress, type ObligationResult, type RecordData, type RegisterKey,
} from "./records.ts";
import type { DvkState } from "./vocabulary.ts";
import { calendarOf, registerSettingsFor } from "./settings.ts";
import { periodRange, parsePeriod } from "../core/period.ts";
import { addDays } from "./calendar.ts";
import { trackRegister } from "./figures.ts";
import { idParam } from "../core/input.ts";

export interface RegisterRecord<R extends RegisterKey = RegisterKey> {
  id: number;
  register: R;
  kind: string;
  unitId: number;
  date: string;
  state: string | null;
  title: string;
  parentId: number | null;
  data: RecordData[R];
  /** Dân vận khéo only: where the model is on its path. */
  progress: DvkProgress | null;
  warnings: string[];
  createdAt: string;
  updatedAt: string;
  /** Incremented by every save; an edit names the version it was made from. */
  version: number;
}

const VersionSchema = z.object({ version: z.number().int().min(0).optional() });
/** The version a save names in its body (`version`), if any. */
export function versionIn(input: unknown): number | undefined {
  return input && typeof input === "object" ? VersionSchema.parse(input).version : undefined;
}

/** Throws REGISTER_NOT_FOUND for an unknown register name (from the URL or the CLI). */
export function registerKey(name: string): RegisterKey {
  if (!(REGISTER_KEYS as string[]).includes(name)) {
    throw new DomainError("REGISTER_NOT_FOUND", `Không có sổ "${name}". Các sổ: petitions, ${REGISTER_KEYS.join(", ")}.`, { register: name });
  }
  return name as RegisterKey;
}

interface Stored<R extends RegisterKey> {
  input: RecordData[R];
  progress?: DvkProgress;
}

function toRecord<R extends RegisterKey>(r: Selectable<RegisterRecordsTable>): RegisterRecord<R> {
  const register = r.register as R;
  const s = JSON.parse(r.data) as Stored<R>;
  return {
    id: r.id, register, kind: r.kind, unitId: r.unit_id, date: r.date, state: r.state, title: r.title, parentId: r.parent_id,
    data: s.input, progress: s.progress ?? null, warnings: warningsOf(register, s.input), createdAt: r.created_at, updatedAt: r.updated_at, version: r.version,
  };
}

async function load<R extends RegisterKey>(db: Kysely<DB>, register: R, id: number): Promise<RegisterRecord<R>> {
  const r = await db.selectFrom("register_records").selectAll().where("id", "=", id).where("register", "=", register).executeTakeFirst();
  if (!r) throw new DomainError("REGISTER_RECORD_NOT_FOUND", `Không có bản ghi #${id} trong ${REGISTERS[register].label}.`, { register, id });
  return toRecord<R>(r);
}

/** Validates an input for a register: fields, unit in force at the record's date, dates not in the future. */
async function validate<R extends RegisterKey>(ctx: Ctx, actor: Actor, register: R, input: unknown) {
  const data = REGISTERS[register].schema.parse(input) as RecordData[R];
  const h = await canWrite(ctx, actor, data.unitId);
  const ix = indexRecord(register, data);
  unitAt(h, data.unitId, ix.date);
  notInFuture(ix.date, ctx.today(), "Ngày ghi sổ");
  if (register === "mediation_case") {
    const c = data as RecordData["mediation_case"];
    if (c.resultDate) notInFuture(c.resultDate, ctx.today(), "Ngày kết thúc hòa giải");
    if (c.teamId !== null) {
      const team = await load(ctx.db, "mediation_team", c.teamId).catch(() => null);
      if (!team || !h.isAncestorOrSelf(team.unitId, c.unitId)) {
        throw new DomainError("REGISTER_RECORD_NOT_FOUND", `Không có tổ hòa giải #${c.teamId} của đơn vị này.`, { teamId: c.teamId });
      }
    }
  }
  return { data, ix };
}

/** Adds a record to a register; returns it with any warnings (e.g. a team without a woman). */
export async function createRecord<R extends RegisterKey>(ctx: Ctx, actor: Actor, register: R, input: unknown): Promise<RegisterRecord<R>> {
  const { data, ix } = await validate(ctx, actor, register, input);
  const now = nowIso();
  const stored: Stored<R> = register === "dvk"
    ? { input: data, progress: { history: [{ state: "registered", date: ix.date }], criteria: null, level: null, recognisedOn: null } }
    : { input: data };
  return inTransaction(ctx, async (tx) => {
    const db = tx.db;
    await trackRegister(tx, register, [data.unitId], [ix.date]);
    const { id } = await db.insertInto("register_records").values({
      register, kind: ix.kind, unit_id: data.unitId, date: ix.date, state: ix.state, parent_id: ix.parentId, title: ix.title,
      data: JSON.stringify(stored), ...searchColumns([ix.title, ...ix.search]), created_by: userIdOf(actor), created_at: now, updated_at: now,
    }).returning("id").executeTakeFirstOrThrow();
    const saved = await load(db, register, id);
    await audit(tx.db, actor, `${register}.create`, register, id, null, saved.data, saved.unitId);
    return saved;
  });
}

/** Throws CONFLICT (409) with the stored record when a save names another version. */
function checkRecordVersion(current: RegisterRecord, expected: number | undefined): void {
  if (expected === undefined || expected === current.version) return;
  throw new DomainError("CONFLICT", `Bản ghi #${current.id} đã được người khác sửa (phiên bản ${current.version}; bạn sửa từ phiên bản ${expected}). Xem bản hiện tại rồi chọn giữ bản nào.`, { current, version: current.version });
}

/**
 * Replaces a record's fields (the Dân vận khéo path is kept; it moves only with `advanceDvk`). The
 * input names the version it was made from (`version`); a newer stored one refuses it (CONFLICT).
 */
export async function updateRecord<R extends RegisterKey>(ctx: Ctx, actor: Actor, register: R, id: number, input: unknown, expected: number | undefined = versionIn(input)): Promise<RegisterRecord<R>> {
  const { data, ix } = await validate(ctx, actor, register, input);
  return inTransaction(ctx, async (tx) => {
    const db = tx.db;
    const before = await load(db, register, id);
    await canWrite(tx, actor, before.unitId);
    checkRecordVersion(before, expected);
    const stored: Stored<R> = before.progress ? { input: data, progress: before.progress } : { input: data };
    await trackRegister(tx, register, [before.unitId, data.unitId], [before.date, ix.date, before.progress?.recognisedOn]);
    const r = await db.updateTable("register_records").set({
      kind: ix.kind, unit_id: data.unitId, date: ix.date, state: register === "dvk" ? before.state : ix.state, parent_id: ix.parentId, title: ix.title,
      data: JSON.stringify(stored), ...searchColumns([ix.title, ...ix.search]), updated_at: nowIso(), version: before.version + 1,
    }).where("id", "=", id).where("version", "=", before.version).executeTakeFirst();
    // A parallel save got there first.
    if (Number(r.numUpdatedRows) === 0) checkRecordVersion(await load(db, register, id), before.version);
    const saved = await load(db, register, id);
    await audit(tx.db, actor, `${register}.update`, register, id, before.data, saved.data, saved.unitId);
    return saved;
  });
}

/** Deletes a record and its attachments: one audit row for the record and one for each file. */
export async function deleteRecord(ctx: Ctx, actor: Actor, register: RegisterKey, id: number, expected?: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const db = tx.db;
    const before = await load(db, register, id);
    await canWrite(tx, actor, before.unitId);
    checkRecordVersion(before, expected);
    const files = await db.selectFrom("register_attachments").select(["id", "register", "record_id", "filename", "mime", "size", "sha256", "created_at"])
      .where("register", "=", register).where("record_id", "=", id).orderBy("id").execute();
    await trackRegister(tx, register, [before.unitId], [before.date, before.progress?.recognisedOn]);
    await db.deleteFrom("register_attachments").where("register", "=", register).where("record_id", "=", id).execute();
    for (const f of files) {
      const meta = { id: f.id, register: f.register, recordId: f.record_id, filename: f.filename, mime: f.mime, size: f.size, sha256: f.sha256, createdAt: f.created_at };
      await audit(tx.db, actor, "attachment.delete", "attachment", f.id, meta, { reason: `${register}.delete`, recordId: id }, before.unitId);
    }
    await db.deleteFrom("register_records").where("id", "=", id).execute();
    await audit(tx.db, actor, `${register}.delete`, register, id, before.data, null, before.unitId);
  });
}

/** One record, if the actor may read its unit. */
export async function getRecord<R extends RegisterKey>(ctx: Ctx, actor: Actor, register: R, id: number): Promise<RegisterRecord<R>> {
  const r = await load(ctx.db, register, id);
  await canRead(ctx, actor, r.unitId);
  return r;
}

export const RecordFilterSchema = z.object({
  unitId: idParam.optional(),
  kind: z.string().max(40).optional(),
  state: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type RecordFilter = z.input<typeof RecordFilterSchema>;

/** Records of a register under a unit (its subtree and the units merged into it); newest first. */
export async function listRecords<R extends RegisterKey>(ctx: Ctx, actor: Actor, register: R, filter: RecordFilter = {}): Promise<{ total: number; items: Array<RegisterRecord<R>> }> {
  const f = RecordFilterSchema.parse(filter);
  const { h, rootId } = await listingRoot(ctx, actor, f.unitId);
  const units = unitsUnder(h, rootId, ctx.today());
  const db = ctx.db;
  const base = () => {
    let q = db.selectFrom("register_records").where("register", "=", register);
    if (units) q = q.where("unit_id", "in", units.length ? units : [-1]);
    if (f.kind) q = q.where("kind", "=", f.kind);
    if (f.state) q = q.where("state", "=", f.state);
    if (f.from) q = q.where("date", ">=", f.from);
    if (f.to) q = q.where("date", "<=", f.to);
    if (f.q?.trim()) {
      const s = searchPattern(f.q);
      q = q.where(sql<boolean>`${sql.ref(s.column)} like ${s.pattern} escape '\\'`);
    }
    return q;
  };
  const c = await base().select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base().selectAll().orderBy("date", "desc").orderBy("id", "desc").limit(f.limit).offset(f.offset).execute();
  return { total: Number(c.n), items: rows.map((r) => toRecord<R>(r)) };
}

/** Moves a Dân vận khéo model or exemplar one step on its path (criteria: the province's own). */
export async function advanceDvk(ctx: Ctx, actor: Actor, id: number, input: unknown): Promise<RegisterRecord<"dvk">> {
  const step = DvkAdvanceSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const db = tx.db;
    const before = await load(db, "dvk", id);
    const h = await canWrite(tx, actor, before.unitId);
    const progress = before.progress!;
    notInFuture(step.date, ctx.today(), "Ngày chuyển bước");
    const last = progress.history[progress.history.length - 1]!;
    notBefore(step.date, last.date, "Ngày chuyển bước", "ngày của bước trước");
    const criteria = (await registerSettingsFor(tx.db, h, before.unitId)).dvk;
    const next = advanceDvkProgress(before.state as DvkState, progress, step, criteria);
    await trackRegister(tx, "dvk", [before.unitId], [before.date, progress.recognisedOn, next.recognisedOn]);
    await db.updateTable("register_records").set({ state: step.to, data: JSON.stringify({ input: before.data, progress: next }), updated_at: nowIso(), version: before.version + 1 }).where("id", "=", id).execute();
    const saved = await load(db, "dvk", id);
    await audit(tx.db, actor, "dvk.advance", "dvk", id, { state: before.state }, { state: step.to, step }, before.unitId);
    return saved;
  });
}

/** The criteria a unit's Dân vận khéo models are assessed against (its province's, or the defaults). */
export async function dvkCriteriaFor(ctx: Ctx, actor: Actor, unitId: number): Promise<string[]> {
  const h = await canRead(ctx, actor, unitId);
  return (await registerSettingsFor(ctx.db, h, unitId)).dvk;
}

/** The reception obligations of a unit for a month ("2026-11" or "202611"): each with met or not. */
export async function obligationCheck(ctx: Ctx, actor: Actor, unitId: number, month: string): Promise<{ unitId: number; month: string; unmet: ObligationResult[]; all: ObligationResult[] }> {
  const h = await canRead(ctx, actor, unitId);
  const m = month.length === 6 ? `${month.slice(0, 4)}-${month.slice(4)}` : month;
  const p = parsePeriod(m.replace("-", ""));
  if (p.type !== "month") throw new DomainError("PERIOD_INVALID", `Cần một tháng (YYYY-MM), nhận "${month}".`);
  const range = periodRange(p);
  const s = await registerSettingsFor(ctx.db, h, unitId);
  const rows = await ctx.db.selectFrom("register_records").select(["date", "data", "kind"]).where("register", "=", "reception").where("unit_id", "=", unitId)
    .where("date", ">=", addDays(range.start, -6)).where("date", "<=", addDays(range.end, 6)).execute();
  const sessions = rows.map((r) => ({ date: r.date, kind: r.kind, leaderTitle: (JSON.parse(r.data) as Stored<"reception">).input.leaderTitle }));
  const cal = calendarOf(s);
  const all = receptionObligations(h.get(unitId)!.level, m, sessions, s.obligations, ctx.today(), cal.isWorkingDay);
  return { unitId, month: m, unmet: all.filter((o) => !o.met), all };
}
