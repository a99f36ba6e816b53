/** Administrators' changes to the hierarchy: new units, and lineage events (merge, split, rename, move). */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { LEVEL_DEPTH, type UnitLevel, type UnitNode } from "../core/hierarchy.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { addDays } from "../submissions/deadlines.ts";
import { bumpHierarchyVersion, insertEdge, insertUnit } from "./unit.repository.ts";
import { reconcileHierarchy } from "../totals/totals.hierarchy.ts";
import { id, isoDate } from "../core/input.ts";

const date = isoDate;

export const NewUnitSchema = z.object({
  code: z.string().trim().min(1).max(10),
  name: z.string().trim().min(1).max(120),
  type: z.string().trim().min(1).max(40),
  level: z.enum(["province", "district", "commune", "village"]),
  parentId: id,
  validFrom: date,
});

/** Adds a unit under a parent, valid from a date. */
export async function createUnit(ctx: Ctx, actor: Actor, input: z.input<typeof NewUnitSchema>): Promise<UnitNode> {
  requireAbility(actor, "units.manage");
  const u = NewUnitSchema.parse(input);
  const h = await hierarchyOf(ctx);
  const parent = h.require(u.parentId);
  requireScope(h, actor, [parent.id], ctx.today());
  if (LEVEL_DEPTH[u.level as UnitLevel] <= LEVEL_DEPTH[parent.level]) {
    throw new DomainError("UNIT_LEVEL_INVALID", `Đơn vị cấp "${u.level}" không thể trực thuộc "${parent.fullName}".`);
  }
  if (!h.isValidAt(parent.id, u.validFrom)) throw new DomainError("UNIT_NOT_VALID_AT_DATE", `Đơn vị cha "${parent.fullName}" không có hiệu lực vào ngày ${u.validFrom}.`);
  if (h.findByCode(u.code, u.validFrom)) throw new DomainError("UNIT_EXISTS", `Mã "${u.code}" đã được dùng vào ngày ${u.validFrom}.`);
  const fullName = `${u.type.charAt(0).toUpperCase()}${u.type.slice(1)} ${u.name}`.normalize("NFC");
  return inTransaction(ctx, async (tx) => {
    const newUnit = { code: u.code, name: u.name.normalize("NFC"), fullName, type: u.type, level: u.level, parentId: parent.id, validFrom: u.validFrom, validTo: null, structure: null };
    const id = await insertUnit(tx.db, newUnit);
    await bumpHierarchyVersion(tx.db);
    await reconcileHierarchy(tx, h);
    await audit(tx.db, actor, "unit.create", "unit", id, null, newUnit, id);
    return { id, ...newUnit };
  });
}

export const LineageInputSchema = z.object({
  kind: z.enum(["merge", "split", "rename", "move", "upgrade"]),
  /** First day of the new arrangement; predecessors end the day before. */
  date,
  from: z.array(id).min(1),
  to: z.array(id).min(1),
  relation: z.enum(["whole", "partial"]).default("whole"),
  /** For splits: the share of the predecessor's figures each successor takes (same order as `to`). */
  shares: z.array(z.number().min(0).max(1)).optional(),
});

/** Records a lineage event, closing the predecessors the day before it. */
export async function recordLineage(ctx: Ctx, actor: Actor, input: z.input<typeof LineageInputSchema>): Promise<{ edges: number }> {
  requireAbility(actor, "units.manage");
  const ev = LineageInputSchema.parse(input);
  const h = await hierarchyOf(ctx);
  const dayBefore = addDays(ev.date, -1);
  requireScope(h, actor, [...ev.from, ...ev.to], ctx.today());
  for (const f of ev.from) if (!h.isValidAt(f, dayBefore)) throw new DomainError("UNIT_NOT_VALID_AT_DATE", `Đơn vị tiền thân "${h.require(f).fullName}" phải còn hiệu lực ngày ${dayBefore}.`);
  for (const t of ev.to) if (!h.isValidAt(t, ev.date)) throw new DomainError("UNIT_NOT_VALID_AT_DATE", `Đơn vị kế thừa "${h.require(t).fullName}" phải có hiệu lực từ ngày ${ev.date}.`);
  // A unit closed as its own successor would end the day before it starts (every figure of it lost to scope).
  const self = ev.from.find((f) => ev.to.includes(f));
  if (self !== undefined) throw new DomainError("VALIDATION", `Đơn vị "${h.require(self).fullName}" không thể vừa là tiền thân vừa là kế thừa của chính nó.`, { unitId: self });
  if (ev.kind === "split" && ev.from.length !== 1) throw new DomainError("VALIDATION", "Chia tách: đúng một đơn vị tiền thân.");
  if (ev.shares && (ev.shares.length !== ev.to.length || Math.abs(ev.shares.reduce((a, b) => a + b, 0) - 1) > 1e-9)) {
    throw new DomainError("VALIDATION", "Tỷ lệ phân bổ phải có cho từng đơn vị kế thừa và cộng lại bằng 1.");
  }
  const relation = ev.kind === "split" ? "partial" : ev.relation;
  return inTransaction(ctx, async (tx) => {
    let n = 0;
    for (const f of ev.from) {
      for (const [i, t] of ev.to.entries()) {
        await insertEdge(tx.db, { fromId: f, toId: t, date: ev.date, kind: ev.kind, relation, share: ev.shares?.[i] ?? null });
        n++;
      }
      await tx.db.updateTable("units").set({ valid_to: dayBefore }).where("id", "=", f).where("valid_to", "is", null).execute();
    }
    await bumpHierarchyVersion(tx.db);
    await reconcileHierarchy(tx, h);
    await audit(tx.db, actor, `lineage.${ev.kind}`, "lineage", null, null, ev, ev.to[0]!);
    return { edges: n };
  });
}

export const SharesInputSchema = z.object({
  /** The predecessor unit that was split. */
  fromId: id,
  /** Each successor's share of its figures; together 1. */
  shares: z.array(z.object({ toId: id, share: z.number().min(0).max(1) })).min(2),
});

/**
 * Records how an old unit's figures divide between the units it was split into (the official
 * table gives no shares). Until then its figures count, not allocated, at the nearest unit holding
 * all successors; afterwards each successor takes its share. Shares go to the existing edges.
 */
export async function setSplitShares(ctx: Ctx, actor: Actor, input: z.input<typeof SharesInputSchema>): Promise<{ edges: number }> {
  requireAbility(actor, "units.manage");
  const ev = SharesInputSchema.parse(input);
  const h = await hierarchyOf(ctx);
  const from = h.require(ev.fromId);
  requireScope(h, actor, [ev.fromId, ...ev.shares.map((s) => s.toId)], ctx.today());
  const edges = h.successors(ev.fromId);
  const given = new Set(ev.shares.map((s) => s.toId));
  const missing = edges.filter((e) => !given.has(e.toId));
  const unknown = ev.shares.filter((s) => !edges.some((e) => e.toId === s.toId));
  if (edges.length < 2 || missing.length || unknown.length || given.size !== ev.shares.length) {
    throw new DomainError("VALIDATION", `Cần tỷ lệ cho đúng từng đơn vị kế thừa của "${from.fullName}": ${edges.map((e) => h.require(e.toId).fullName).join(", ") || "(không có)"}.`, {
      successors: edges.map((e) => e.toId),
    });
  }
  if (Math.abs(ev.shares.reduce((a, s) => a + s.share, 0) - 1) > 1e-9) throw new DomainError("VALIDATION", "Các tỷ lệ phải cộng lại bằng 1.");
  return inTransaction(ctx, async (tx) => {
    for (const s of ev.shares) {
      await tx.db.updateTable("lineage").set({ share: s.share }).where("from_id", "=", ev.fromId).where("to_id", "=", s.toId).execute();
    }
    await bumpHierarchyVersion(tx.db);
    await reconcileHierarchy(tx, h);
    await audit(tx.db, actor, "lineage.shares", "unit", ev.fromId, edges.map((e) => ({ toId: e.toId, share: e.share })), ev.shares, ev.fromId);
    return { edges: ev.shares.length };
  });
}
