/** The audit trail: every mutating service calls `audit` inside its own transaction. */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../accounts/actor.ts";

/** Writes one audit row (who, when, what, before, after) in the caller's transaction. */
export async function audit(
  trx: Kysely<DB>,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      at: new Date().toISOString(),
      user_id: actor.kind === "user" ? actor.userId : null,
      action,
      entity,
      entity_id: entityId === null ? null : String(entityId),
      before: before === undefined || before === null ? null : JSON.stringify(before),
      after: after === undefined || after === null ? null : JSON.stringify(after),
    })
    .execute();
}

export interface AuditEntry {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** Lists audit rows, newest first, optionally for one entity. */
export async function listAudit(db: Kysely<DB>, filter: { entity?: string; entityId?: string; limit?: number }): Promise<AuditEntry[]> {
  let q = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(filter.limit ?? 100);
  if (filter.entity) q = q.where("entity", "=", filter.entity);
  if (filter.entityId) q = q.where("entity_id", "=", filter.entityId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id, at: r.at, userId: r.user_id, action: r.action, entity: r.entity, entityId: r.entity_id,
    before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null,
  }));
}
