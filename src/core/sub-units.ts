/**
 * A unit's sub-units as they were on a day (pure): what a dashboard compares and counts for a
 * period "as reported". A unit in force that day has its children of that day. A unit formed later
 * — a province or commune of 1 July 2025 looked at for 2024 — has no children then; its sub-units as
 * reported are the units then in force whose figures went into it: its predecessors through the
 * lineage (old Gia Lai and Bình Định for today's Gia Lai, the three old communes for today's Xã Lộc
 * Ninh), going further back through units that were themselves formed after the day.
 */
import type { Hierarchy, UnitNode } from "./hierarchy.ts";

/** The sub-units of `id` as they were on `date` (named as then), sorted by code; none for a unit ended before it. */
export function subUnitsOn(h: Hierarchy, id: number, date: string): UnitNode[] {
  const u = h.require(id);
  const byCode = (a: UnitNode, b: UnitNode) => a.code.localeCompare(b.code) || a.id - b.id;
  if (h.isValidAt(id, date)) return h.childrenOf(id, date).sort(byCode);
  if (u.validFrom === null || date >= u.validFrom) return [];
  const found = new Map<number, UnitNode>();
  const seen = new Set<number>([id]);
  const back = (x: number) => {
    for (const e of h.predecessors(x)) {
      if (seen.has(e.fromId)) continue;
      seen.add(e.fromId);
      const from = h.require(e.fromId);
      if (h.isValidAt(from.id, date)) found.set(from.id, h.at(from.id, date));
      else if (from.validFrom !== null && date < from.validFrom) back(from.id);
    }
  };
  back(id);
  return [...found.values()].sort(byCode);
}
