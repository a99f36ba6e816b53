/**
 * The audit trail: every mutating service calls `audit` inside its own transaction, naming the unit
 * the change concerns. Reading it (`readAudit`) follows the reader's scope — the rows of units in
 * their subtree, across the lineage — and shows of each row only what the reader may read of its
 * entity: user rows need the right to manage users; a feature redacts its own entities' rows
 * (petitions: the denouncer's identity, Luật Tố cáo 2018 Điều 47) through `auditViews`.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { prepared } from "../db/prepared.ts";
import type { Actor } from "../accounts/actor.ts";
import { abilitiesOf, requireAbility, unitsInScope } from "../accounts/policy.ts";
import { hierarchyOf, type Ctx } from "../context.ts";

/**
 * Writes one audit row (who, when, what, before, after) in the caller's transaction. `unitId` is the
 * unit the row concerns (the record's unit, the user's unit, the province of a setting); null for
 * national matters, which only national administrators read.
 */
export async function audit(
  trx: Kysely<DB>,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
  unitId: number | null,
): Promise<void> {
  const v = auditValues(actor, action, entity, before, after, unitId);
  await insertAudit(trx, v.at, v.user_id, v.action, v.entity, entityId === null ? null : String(entityId), v.before, v.after, v.unit_id);
}

/** An audit row's values but its entity's id (for a statement that writes an entity and its audit row at once). */
export function auditValues(actor: Actor, action: string, entity: string, before: unknown, after: unknown, unitId: number | null) {
  return {
    at: new Date().toISOString(), user_id: actor.kind === "user" ? actor.userId : null, action, entity,
    before: before === undefined || before === null ? null : JSON.stringify(before), after: after === undefined || after === null ? null : JSON.stringify(after), unit_id: unitId,
  };
}

/** Every write audits: the insert is prepared once (src/db/prepared.ts). */
const insertAudit = prepared(8, (db, at: string, userId: number | null, action: string, entity: string, entityId: string | null, before: string | null, after: string | null, unitId: number | null) =>
  db.insertInto("audit_log").values({ at, user_id: userId, action, entity, entity_id: entityId, before, after, unit_id: unitId }));

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitId: number | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  limit?: number | undefined;
}

/**
 * How a feature shows its entities' rows to a reader: the rows as the reader may see them (values
 * redacted), rows they may not see at all left out. Registered by the feature that owns the entity.
 */
export type AuditView = (ctx: Ctx, actor: Actor, rows: AuditEntry[]) => Promise<AuditEntry[]>;
const views = new Map<string, AuditView>();

/** Registers how rows of some entities are shown (a feature's own redaction rules). */
export function registerAuditView(entities: readonly string[], view: AuditView): void {
  for (const e of entities) views.set(e, view);
}

/** Abilities a reader needs, besides scope, to see rows of an entity at all. */
const NEEDS: Readonly<Record<string, ReturnType<typeof abilitiesOf>[number]>> = { user: "users.manage", units: "units.manage" };

/** Audit rows, newest first, unscoped: for tests and internal checks, never for a user's request. */
export async function listAudit(db: Kysely<DB>, filter: AuditFilter): Promise<AuditEntry[]> {
  let q = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(filter.limit ?? 100);
  if (filter.entity) q = q.where("entity", "=", filter.entity);
  if (filter.entityId) q = q.where("entity_id", "=", filter.entityId);
  return (await q.execute()).map(toEntry);
}

function toEntry(r: { id: number; at: string; user_id: number | null; action: string; entity: string; entity_id: string | null; unit_id: number | null; before: string | null; after: string | null }): AuditEntry {
  return {
    id: r.id, at: r.at, userId: r.user_id, action: r.action, entity: r.entity, entityId: r.entity_id, unitId: r.unit_id,
    before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null,
  };
}

/**
 * The audit rows a user may read, newest first: rows of units in their scope (national rows, with
 * no unit, only for national readers), of entities they may read, redacted as the entity's view
 * says. The limit counts rows in scope, so a larger limit never reaches outside it.
 */
export async function readAudit(ctx: Ctx, actor: Actor, filter: AuditFilter): Promise<AuditEntry[]> {
  requireAbility(actor, "audit.read");
  const h = await hierarchyOf(ctx);
  const units = unitsInScope(h, actor, ctx.today());
  const abilities = new Set(abilitiesOf(actor));
  const hidden = Object.entries(NEEDS).filter(([, a]) => !abilities.has(a)).map(([e]) => e);
  const limit = filter.limit ?? 100;
  let q = ctx.db.selectFrom("audit_log").selectAll().orderBy("id", "desc");
  if (filter.entity) q = q.where("entity", "=", filter.entity);
  if (filter.entityId) q = q.where("entity_id", "=", filter.entityId);
  if (hidden.length) q = q.where("entity", "not in", hidden);
  if (units) q = q.where("unit_id", "in", units.length ? units : [-1]);
  const out: AuditEntry[] = [];
  // Views may drop rows; read further pages until the limit is met or the log ends.
  for (let offset = 0; out.length < limit; offset += limit) {
    const rows = (await q.limit(limit).offset(offset).execute()).map(toEntry);
    const byEntity = new Map<string, AuditEntry[]>();
    for (const r of rows) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
    const shown = new Map<number, AuditEntry>();
    for (const [entity, list] of byEntity) {
      const view = views.get(entity);
      for (const r of view ? await view(ctx, actor, list) : list) shown.set(r.id, r);
    }
    for (const r of rows) {
      const s = shown.get(r.id);
      if (s && out.length < limit) out.push(s);
    }
    if (rows.length < limit) break;
  }
  return out;
}
