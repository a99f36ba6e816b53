/** Helpers every register service shares: dates, units and scope, search keys, filters. */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { dateVi, foldDiacritics, matchKey, nfc } from "../core/text.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, type Ctx } from "../context.ts";

/** A real calendar day (the one date type of every edge, src/core/input.ts). */
export { isoDate } from "../core/input.ts";
/** The message of a text over its limit, in the words of the form's counter. */
function tooLong(max: number) {
  return { error: (iss: { input?: unknown }) => `Dài quá: tối đa ${max.toLocaleString("vi-VN")} ký tự (đang có ${String(iss.input ?? "").length.toLocaleString("vi-VN")}).` };
}
/** Trimmed NFC text (every string crossing the edge). */
export const text = (max: number) => z.string().trim().max(max, tooLong(max)).transform(nfc);
export const requiredText = (max: number) => z.string().trim().min(1, "Không được để trống").max(max, tooLong(max)).transform(nfc);
export const optionalText = (max: number) => z.string().trim().max(max, tooLong(max)).transform(nfc).nullable().optional().transform((v) => (v ? v : null));

/** Throws REGISTER_FUTURE_DATE for a date after today. */
export function notInFuture(date: string, today: string, what: string): void {
  if (date > today) throw new DomainError("REGISTER_FUTURE_DATE", `${what} (${date}) không thể sau ngày hôm nay (${today}).`, { date, today });
}

/** Throws REGISTER_DATE_ORDER when `later` is before `earlier`. */
export function notBefore(later: string, earlier: string, what: string, ref: string): void {
  if (later < earlier) throw new DomainError("REGISTER_DATE_ORDER", `${what} (${dateVi(later)}) không thể trước ${ref} (${dateVi(earlier)}).`, { date: later, before: earlier });
}

/** The unit a record belongs to; it must exist and be in force on the record's date. */
export function unitAt(h: Hierarchy, unitId: number, date: string): UnitNode {
  const u = h.require(unitId);
  if (!h.isValidAt(unitId, date)) {
    throw new DomainError("REGISTER_UNIT_NOT_VALID", `Đơn vị "${u.fullName}" không tồn tại vào ngày ${date} (hiệu lực ${u.validFrom ?? "…"} → ${u.validTo ?? "nay"}).`, { unitId, date });
  }
  return h.at(unitId, date);
}

/** Write access: the ability and the unit in the actor's scope. */
export async function canWrite(ctx: Ctx, actor: Actor, unitId: number): Promise<Hierarchy> {
  requireAbility(actor, "figures.write");
  const h = await hierarchyOf(ctx);
  h.require(unitId);
  requireScope(h, actor, [unitId], ctx.today());
  return h;
}

/** Read access to one unit's records. */
export async function canRead(ctx: Ctx, actor: Actor, unitId: number): Promise<Hierarchy> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  h.require(unitId);
  requireScope(h, actor, [unitId], ctx.today());
  return h;
}

/**
 * Every unit whose records count under `rootId` seen on `date`: its subtree, and units of other
 * structures placed inside it through the lineage (a 2024 commune under its 2025 province).
 * Null when that is every unit (no filter needed).
 */
export function unitsUnder(h: Hierarchy, rootId: number, date: string): number[] | null {
  const root = h.require(rootId);
  if (root.parentId === null) return null;
  let byKey = underCache.get(h);
  if (!byKey) underCache.set(h, (byKey = new Map()));
  const key = `${rootId}|${date}`;
  let out = byKey.get(key);
  if (!out) {
    out = [];
    for (const u of h.all()) {
      if (h.isAncestorOrSelf(rootId, u.id) || h.isAncestorOrSelf(rootId, h.placeAt(u.id, date).unitId)) out.push(u.id);
    }
    byKey.set(key, out);
  }
  return out;
}
// The hierarchy is immutable; a new one (after a unit change) starts a new cache.
const underCache = new WeakMap<Hierarchy, Map<string, number[]>>();

/** The root a listing starts from: the one asked for (in scope), else the actor's unit, else the country. */
export async function listingRoot(ctx: Ctx, actor: Actor, unitId: number | undefined): Promise<{ h: Hierarchy; rootId: number }> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  let rootId = unitId ?? (actor.kind === "user" ? actor.unitId : undefined);
  if (rootId === undefined) {
    const top = [...h.all()].find((u) => u.parentId === null && h.isValidAt(u.id, ctx.today()));
    if (!top) throw new DomainError("UNIT_NOT_FOUND", "Chưa có đơn vị hành chính nào.");
    rootId = top.id;
  }
  h.require(rootId);
  requireScope(h, actor, [rootId], ctx.today());
  return { h, rootId };
}

/** The two search columns: tone-placement-insensitive, and without diacritics. */
export function searchColumns(parts: ReadonlyArray<string | null | undefined>): { search_key: string; search_fold: string } {
  const key = matchKey(parts.filter(Boolean).join(" | "));
  return { search_key: key, search_fold: foldDiacritics(key) };
}

/**
 * Which column a query searches and the LIKE pattern: a query typed without diacritics ("hoa giai")
 * matches on the folded column; one with them ("hoà giải") matches exactly on the key.
 */
export function searchPattern(q: string): { column: "search_key" | "search_fold"; pattern: string } {
  const k = matchKey(q);
  const folded = foldDiacritics(k);
  const escaped = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return folded === k ? { column: "search_fold", pattern: escaped(folded) } : { column: "search_key", pattern: escaped(k) };
}

/** Splits a list of ids into chunks the databases accept as bound parameters. */
export function chunks<T>(xs: readonly T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export const nowIso = () => new Date().toISOString();
export const userIdOf = (actor: Actor) => (actor.kind === "user" ? actor.userId : null);
