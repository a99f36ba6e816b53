/**
 * The unit tree of the unit picker (GET /api/units/tree): the units of the user's scope in force on
 * a date (province → district → commune, no villages). When the user's own unit was not in force
 * that day — a province formed on 1 July 2025 looking at 2024 — the tree lists the units then in
 * force whose figures went into it (the old provinces, their districts and communes), hung under
 * the user's unit, so a reviewer reading a 2024 report picks the communes as they were in 2024.
 */
import type { UnitNode } from "../core/hierarchy.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, unitsInScope } from "../accounts/policy.ts";
import { hierarchyOf, type Ctx } from "../context.ts";

/** One unit as the picker reads it: id, parent (null for the root), level, full name on the date, code. */
export type TreeRow = readonly [number, number | null, string, string, string];

export interface UnitTree {
  /** The user's unit (the country for the system). */
  root: number;
  /** The day the tree describes. */
  asOf: string;
  units: TreeRow[];
}

/** The units in the actor's scope in force on `asOf` (default today), as a tree under the actor's unit, sorted by code. */
export async function unitTree(ctx: Ctx, actor: Actor, asOf?: string): Promise<UnitTree> {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  const date = asOf ?? ctx.today();
  const root = actor.kind === "user" ? actor.unitId : h.findByCode("VN", date)!.id;
  let units: UnitNode[];
  if (h.isValidAt(root, date)) units = h.subtree(root, date);
  else {
    // Not in force that day: the units then in force that the scope holds through the lineage.
    const ids = unitsInScope(h, actor, ctx.today()) ?? [...h.all()].map((u) => u.id);
    units = [h.require(root), ...ids.filter((id) => id !== root && h.isValidAt(id, date)).map((id) => h.require(id))];
  }
  units = units.filter((u) => u.level !== "village").map((u) => h.at(u.id, date));
  units.sort((a, b) => a.code.localeCompare(b.code));
  const held = new Set(units.map((u) => u.id));
  return {
    root, asOf: date,
    units: units.map((u) => [u.id, u.id === root ? null : u.parentId !== null && held.has(u.parentId) ? u.parentId : root, u.level, u.fullName, u.code] as const),
  };
}
