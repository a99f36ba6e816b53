/** All SQL about units and lineage; maps rows to the core's types in one place. */
import type { Kysely, Selectable } from "kysely";
import type { DB, UnitsTable, LineageTable, UnitChangesTable } from "../db/schema.ts";
import { Hierarchy, PlacementCalendar, type LineageEdge, type LineageKind, type UnitChange, type UnitLevel, type UnitNode } from "../core/hierarchy.ts";
import { readSettingValue } from "../db/point.ts";

/** Row → core unit. */
export function toUnit(r: Selectable<UnitsTable>): UnitNode {
  return {
    id: r.id, code: r.code, name: r.name, fullName: r.full_name, type: r.type, level: r.level as UnitLevel,
    parentId: r.parent_id, validFrom: r.valid_from, validTo: r.valid_to,
  };
}

/** Row → core lineage edge. */
export function toEdge(r: Selectable<LineageTable>): LineageEdge {
  return { fromId: r.from_id, toId: r.to_id, date: r.date, kind: r.kind as LineageKind, relation: r.relation, share: r.share };
}

/** Row → core name change. */
const toChange = (c: Selectable<UnitChangesTable>): UnitChange => ({ unitId: c.unit_id, date: c.date, fullName: c.full_name, type: c.type });

/** Loads every unit and lineage edge (the whole country is ~14,000 rows). */
export async function loadUnitsAndLineage(db: Kysely<DB>): Promise<{ units: UnitNode[]; edges: LineageEdge[]; changes: UnitChange[] }> {
  const [units, edges, changes] = await Promise.all([
    db.selectFrom("units").selectAll().orderBy("id").execute(),
    db.selectFrom("lineage").selectAll().orderBy("id").execute(),
    db.selectFrom("unit_changes").selectAll().orderBy("id").execute(),
  ]);
  return {
    units: units.map(toUnit),
    edges: edges.map(toEdge),
    changes: changes.map(toChange),
  };
}

/**
 * The placement change days (distinct lineage dates and last days), without loading the units:
 * enough to tell whether the maintained totals answer a question.
 */
export async function loadPlacementCalendar(db: Kysely<DB>): Promise<PlacementCalendar> {
  const [edges, ends] = await Promise.all([
    db.selectFrom("lineage").select("date").distinct().execute(),
    db.selectFrom("units").select("valid_to").distinct().where("valid_to", "is not", null).execute(),
  ]);
  return new PlacementCalendar(edges.map((r) => r.date), ends.flatMap((r) => (r.valid_to === null ? [] : [r.valid_to])));
}

/**
 * The unit rows that ever carried a GSO code, with their name changes, as a small Hierarchy (no
 * parents, no lineage): enough to name the unit a code means on a date.
 */
export async function loadUnitsByCode(db: Kysely<DB>, code: string): Promise<Hierarchy> {
  const units = (await db.selectFrom("units").selectAll().where("code", "=", code).orderBy("id").execute()).map(toUnit);
  const ids = units.map((u) => u.id);
  const changes = ids.length ? await db.selectFrom("unit_changes").selectAll().where("unit_id", "in", ids).orderBy("id").execute() : [];
  return new Hierarchy(units, [], changes.map(toChange));
}

export interface NewUnit {
  code: string;
  name: string;
  fullName: string;
  type: string;
  level: UnitLevel;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  structure: string | null;
}

/** Inserts a unit and returns its id. */
export async function insertUnit(db: Kysely<DB>, u: NewUnit): Promise<number> {
  const r = await db
    .insertInto("units")
    .values({ code: u.code, name: u.name, full_name: u.fullName, type: u.type, level: u.level, parent_id: u.parentId,
      valid_from: u.validFrom, valid_to: u.validTo, structure: u.structure })
    .returning("id")
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts a lineage edge. */
export async function insertEdge(db: Kysely<DB>, e: LineageEdge): Promise<void> {
  await db.insertInto("lineage").values({ from_id: e.fromId, to_id: e.toId, date: e.date, kind: e.kind, relation: e.relation, share: e.share }).execute();
}

/** Reads the counter that changes whenever units or lineage change. */
export async function readHierarchyVersion(db: Kysely<DB>): Promise<string> {
  return (await readSettingValue(db, "hierarchy_version")) ?? "0";
}

/** Marks the hierarchy as changed (inside the transaction that changed it). */
export async function bumpHierarchyVersion(db: Kysely<DB>): Promise<void> {
  const v = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await db
    .insertInto("settings")
    .values({ key: "hierarchy_version", value: v })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: v }))
    .execute();
}
