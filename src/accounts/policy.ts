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
  const scope = actor.unitId;
  if (h.isAncestorOrSelf(scope, unitId)) return true;
  const s = h.get(scope);
  if (!s) return false;
  const at = s.validTo !== null && s.validTo < today ? s.validTo : s.validFrom !== null && s.validFrom > today ? s.validFrom : today;
  const placed = h.placeAt(unitId, at);
  return h.isAncestorOrSelf(scope, placed.unitId);
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
