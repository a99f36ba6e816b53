/**
 * Authorization in one place. A user has one role and one unit; the role says what they may do,
 * the unit bounds where: its subtree, including the units that preceded it before a reform.
 */
import { DomainError } from "../core/errors.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import type { Actor, Role } from "./actor.ts";

export type Ability =
  | "figures.read" | "figures.write" | "submissions.submit" | "submissions.review"
  | "units.manage" | "users.manage" | "indicators.manage" | "audit.read" | "import";

const ABILITIES: Record<Role, readonly Ability[]> = {
  admin: ["figures.read", "figures.write", "submissions.submit", "submissions.review", "units.manage", "users.manage", "indicators.manage", "audit.read", "import"],
  reviewer: ["figures.read", "submissions.review", "audit.read"],
  reporter: ["figures.read", "figures.write", "submissions.submit", "import"],
  viewer: ["figures.read"],
};

/** What the actor may do (sent to the UI so it does not guess). */
export function abilitiesOf(actor: Actor): Ability[] {
  return actor.kind === "system" ? [...ABILITIES.admin] : [...ABILITIES[actor.role]];
}

/** Throws FORBIDDEN unless the actor has the ability. */
export function requireAbility(actor: Actor, ability: Ability): void {
  if (!abilitiesOf(actor).includes(ability)) {
    throw new DomainError("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.", { ability });
  }
}

/** True when the unit is inside the actor's scope (its subtree, now or through the lineage). */
export function inScope(h: Hierarchy, actor: Actor, unitId: number, today: string): boolean {
  if (actor.kind === "system") return true;
  return withinUnit(h, actor.unitId, unitId, today);
}

/**
 * True when `unitId` is `scope` or under it, in its own structure or through the lineage: a 2024
 * commune is within the 2025 province it went to, a 2026 ward within the 2024 district it came from
 * (placed on the scope's own last day when it has ended, its first when it has not begun).
 */
export function withinUnit(h: Hierarchy, scope: number, unitId: number, today: string): boolean {
  if (h.isAncestorOrSelf(scope, unitId)) return true;
  const s = h.get(scope);
  if (!s) return false;
  const at = s.validTo !== null && s.validTo < today ? s.validTo : s.validFrom !== null && s.validFrom > today ? s.validFrom : today;
  const placed = h.placeAt(unitId, at);
  return h.isAncestorOrSelf(scope, placed.unitId);
}

/**
 * Every unit in the actor's scope (its subtree, and units of other structures placed inside it
 * through the lineage: a 2024 commune under the 2025 province it went to); null when that is every
 * unit (the system, or a user at the top of the hierarchy).
 */
export function unitsInScope(h: Hierarchy, actor: Actor, today: string): number[] | null {
  if (actor.kind === "system" || h.get(actor.unitId)?.parentId === null) return null;
  let byKey = scopeCache.get(h);
  if (!byKey) scopeCache.set(h, (byKey = new Map()));
  const key = `${actor.unitId}|${today}`;
  let out = byKey.get(key);
  if (!out) {
    out = [];
    for (const u of h.all()) if (inScope(h, actor, u.id, today)) out.push(u.id);
    byKey.set(key, out);
  }
  return out;
}
// The hierarchy is immutable; a new one (after a unit change) starts a new cache.
const scopeCache = new WeakMap<Hierarchy, Map<string, number[]>>();

/** True for the system and for users whose unit is the top of the hierarchy (the country). */
export function isNational(h: Hierarchy, actor: Actor): boolean {
  return actor.kind === "system" || h.get(actor.unitId)?.parentId === null;
}

/** Throws FORBIDDEN unless the actor is national: national settings and catalog entries are theirs alone. */
export function requireNational(h: Hierarchy, actor: Actor, what: string): void {
  if (!isNational(h, actor)) {
    throw new DomainError("FORBIDDEN", `Chỉ quản trị viên cấp Trung ương mới thay đổi được ${what} dùng chung cả nước; tỉnh đặt mục riêng của tỉnh mình.`, { scope: "national" });
  }
}

/** The province a unit belongs to (itself when a province), or null above or outside provinces. */
export function provinceOf(h: Hierarchy, unitId: number): number | null {
  for (const id of [unitId, ...h.ancestorsOf(unitId)]) if (h.get(id)?.level === "province") return id;
  return null;
}

/** Throws OUT_OF_SCOPE unless every unit is in the actor's scope. */
export function requireScope(h: Hierarchy, actor: Actor, unitIds: Iterable<number>, today: string): void {
  for (const id of unitIds) {
    if (!inScope(h, actor, id, today)) {
      const u = h.get(id);
      throw new DomainError("OUT_OF_SCOPE", `Đơn vị "${u?.fullName ?? id}" nằm ngoài phạm vi được giao cho bạn.`, { unitId: id });
    }
  }
}
