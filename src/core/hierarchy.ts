/**
 * The administrative hierarchy over time, in memory. Every unit row has a validity interval and a
 * fixed parent; a unit that changes parent or territory becomes a new row linked by lineage edges.
 * A GSO code names a unit only together with a date (codes were reused in the 2025 reform).
 */
import { DomainError } from "./errors.ts";

export type UnitLevel = "country" | "province" | "district" | "commune" | "village";

/** Depth of each level, used for sorting and for level checks. */
export const LEVEL_DEPTH: Record<UnitLevel, number> = { country: 0, province: 1, district: 2, commune: 3, village: 4 };

export interface UnitNode {
  id: number;
  code: string;
  name: string;
  fullName: string;
  type: string;
  level: UnitLevel;
  parentId: number | null;
  /** First day valid (inclusive), ISO date; null = since always. */
  validFrom: string | null;
  /** Last day valid (inclusive), ISO date; null = still valid. */
  validTo: string | null;
}

export type LineageKind = "merge" | "split" | "rename" | "move" | "upgrade";

export interface LineageEdge {
  fromId: number;
  toId: number;
  /** The first day the successor holds the territory. */
  date: string;
  kind: LineageKind;
  /** whole, partial, partial_area… (the GSO conversion table's note). */
  relation: string;
  /** Share of the predecessor's figures the successor takes, when an administrator records it. */
  share: number | null;
}

/** A change of name or type that keeps the unit (e.g. a xã becoming a phường, same code). */
export interface UnitChange {
  unitId: number;
  date: string;
  fullName: string;
  type: string;
}

/** Where a unit's figures count in the structure of a given date. */
export interface Placement {
  unitId: number;
  /** False when the figures could not be given to a unit of their own level (splits, abolished districts). */
  exact: boolean;
  /**
   * For a unit split between successors whose shares an administrator recorded (summing to 1):
   * the successors and the share of each figure they take. `unitId` is then their nearest common
   * ancestor, and the figures count at the successors.
   */
  shares?: Array<{ unitId: number; share: number }>;
}

/** The ISO date `n` days after `d` (before, for a negative `n`). */
function shiftDay(d: string, n: number): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** What comparing structures needs: the days on which figures start being placed differently. */
export interface PlacementDates {
  /** The days a placement changes (lineage dates, the day after a unit's last day), sorted. */
  placementChangeDates(): readonly string[];
  /** True when figures are placed the same on both dates (no placement change between them). */
  samePlacements(a: string, b: string): boolean;
}

/**
 * The placement change days alone, built from the distinct lineage dates and last days, without
 * the units (what a one-line answer from the maintained totals needs). Hierarchy keeps one too.
 */
export class PlacementCalendar implements PlacementDates {
  private readonly dates: string[];

  constructor(lineageDates: Iterable<string>, lastDays: Iterable<string>) {
    const set = new Set(lineageDates);
    for (const d of lastDays) set.add(shiftDay(d, 1));
    this.dates = [...set].sort();
  }

  placementChangeDates(): string[] {
    return this.dates;
  }

  /** One day in each span of days that place figures alike (the day before the first change, then each change's day); none without changes. */
  epochDays(): string[] {
    return this.dates.length ? [shiftDay(this.dates[0]!, -1), ...this.dates] : [];
  }

  /** The number of placement changes on or before `date`: two dates with the same index place every figure alike. */
  epochIndex(date: string): number {
    const dates = this.dates;
    let l = 0;
    let r = dates.length;
    while (l < r) {
      const m = (l + r) >> 1;
      if (dates[m]! <= date) l = m + 1;
      else r = m;
    }
    return l;
  }

  samePlacements(a: string, b: string): boolean {
    return this.epochIndex(a) === this.epochIndex(b);
  }
}

const validAt = (u: UnitNode, date: string) => (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || date <= u.validTo);

/** An immutable, indexed view of units and lineage; build once, query many times. */
export class Hierarchy implements PlacementDates {
  private readonly byId = new Map<number, UnitNode>();
  private readonly children = new Map<number, number[]>();
  private readonly byCode = new Map<string, UnitNode[]>();
  private readonly succ = new Map<number, LineageEdge[]>();
  private readonly pred = new Map<number, LineageEdge[]>();
  private readonly ancestorCache = new Map<number, number[]>();
  private readonly placeCache = new Map<string, Map<number, Placement>>();
  private readonly changes = new Map<number, UnitChange[]>();
  private placements: PlacementCalendar | null = null;
  /** What it was built from (plain data: a thread builds the same hierarchy from it). */
  readonly input: { units: readonly UnitNode[]; edges: readonly LineageEdge[]; changes: readonly UnitChange[] };

  constructor(units: readonly UnitNode[], edges: readonly LineageEdge[], changes: readonly UnitChange[] = []) {
    this.input = { units, edges, changes };
    for (const c of [...changes].sort((a, b) => a.date.localeCompare(b.date))) {
      (this.changes.get(c.unitId) ?? this.changes.set(c.unitId, []).get(c.unitId)!).push(c);
    }
    for (const u of units) {
      this.byId.set(u.id, u);
      const list = this.byCode.get(u.code);
      if (list) list.push(u);
      else this.byCode.set(u.code, [u]);
    }
    for (const u of units) {
      if (u.parentId !== null) {
        const c = this.children.get(u.parentId);
        if (c) c.push(u.id);
        else this.children.set(u.parentId, [u.id]);
      }
    }
    for (const e of edges) {
      (this.succ.get(e.fromId) ?? this.succ.set(e.fromId, []).get(e.fromId)!).push(e);
      (this.pred.get(e.toId) ?? this.pred.set(e.toId, []).get(e.toId)!).push(e);
    }
  }

  /** Number of unit rows. */
  get size(): number {
    return this.byId.size;
  }

  /** The unit with this id (its name and type as first recorded), or undefined. */
  get(id: number): UnitNode | undefined {
    return this.byId.get(id);
  }

  /** The unit with its name and type as they were on a date (renames and xã → phường keep the unit). */
  at(id: number, date: string): UnitNode {
    const u = this.require(id);
    const list = this.changes.get(id);
    if (!list) return u;
    let cur = u;
    for (const c of list) if (c.date <= date) cur = { ...cur, fullName: c.fullName, type: c.type };
    return cur;
  }

  /** Name and type changes recorded for a unit, oldest first. */
  changesOf(id: number): readonly UnitChange[] {
    return this.changes.get(id) ?? [];
  }

  /** The unit with this id; throws UNIT_NOT_FOUND. */
  require(id: number): UnitNode {
    const u = this.byId.get(id);
    if (!u) throw new DomainError("UNIT_NOT_FOUND", `Không tìm thấy đơn vị có mã nội bộ ${id}.`, { unitId: id });
    return u;
  }

  /** All unit rows. */
  all(): IterableIterator<UnitNode> {
    return this.byId.values();
  }

  /** True when the unit is in force on the date. */
  isValidAt(id: number, date: string): boolean {
    const u = this.byId.get(id);
    return !!u && validAt(u, date);
  }

  /** The unit a GSO code names on a date, or undefined. */
  findByCode(code: string, date: string): UnitNode | undefined {
    const u = this.byCode.get(code)?.find((x) => validAt(x, date));
    return u && this.at(u.id, date);
  }

  /** Every unit row that ever carried this code, oldest first. */
  findAllByCode(code: string): UnitNode[] {
    return [...(this.byCode.get(code) ?? [])].sort((a, b) => (a.validFrom ?? "").localeCompare(b.validFrom ?? ""));
  }

  /** The unit a code names on a date; throws UNIT_NOT_FOUND naming the date. */
  resolveCode(code: string, date: string): UnitNode {
    const u = this.findByCode(code, date);
    if (!u) {
      const other = this.findAllByCode(code);
      const hint = other.length
        ? ` Mã này có hiệu lực: ${other.map((o) => `${o.fullName} (${o.validFrom ?? "…"} → ${o.validTo ?? "nay"})`).join("; ")}.`
        : "";
      throw new DomainError("UNIT_NOT_FOUND", `Không có đơn vị mã "${code}" vào ngày ${date}.${hint}`, { code, date });
    }
    return u;
  }

  /** Direct children of a unit (its own structure). */
  childrenOf(id: number, date?: string): UnitNode[] {
    const ids = this.children.get(id) ?? [];
    const list = ids.map((c) => this.byId.get(c)!);
    return date ? list.filter((u) => validAt(u, date)).map((u) => this.at(u.id, date)) : list;
  }

  /** Ancestors from the parent up to the root (its own structure). */
  ancestorsOf(id: number): number[] {
    let a = this.ancestorCache.get(id);
    if (!a) {
      a = [];
      let p = this.byId.get(id)?.parentId ?? null;
      while (p !== null) {
        a.push(p);
        p = this.byId.get(p)?.parentId ?? null;
      }
      this.ancestorCache.set(id, a);
    }
    return a;
  }

  /** True when `anc` is `id` or one of its ancestors. */
  isAncestorOrSelf(anc: number, id: number): boolean {
    return anc === id || this.ancestorsOf(id).includes(anc);
  }

  /** Units of the subtree of `id` (itself included) valid on a date. */
  subtree(id: number, date?: string): UnitNode[] {
    const out: UnitNode[] = [];
    const stack = [id];
    while (stack.length) {
      const cur = stack.pop()!;
      const u = this.byId.get(cur);
      if (!u) continue;
      if (!date || validAt(u, date)) out.push(u);
      for (const c of this.children.get(cur) ?? []) stack.push(c);
    }
    return out;
  }

  /** Lineage edges leaving a unit (to its successors). */
  successors(id: number): LineageEdge[] {
    return this.succ.get(id) ?? [];
  }

  /** Lineage edges arriving at a unit (from its predecessors). */
  predecessors(id: number): LineageEdge[] {
    return this.pred.get(id) ?? [];
  }

  /**
   * Where the figures of unit `id` count in the structure in force on `date`: itself when valid;
   * else its successors (or, looking back, predecessors) through the lineage; when they are
   * several, the nearest unit holding all of them, marked not exact; with no lineage, where its
   * parent goes.
   */
  placeAt(id: number, date: string): Placement {
    let cache = this.placeCache.get(date);
    if (!cache) this.placeCache.set(date, (cache = new Map()));
    const hit = cache.get(id);
    if (hit) return hit;
    const result = this.computePlacement(id, date, new Set());
    cache.set(id, result);
    return result;
  }

  private computePlacement(id: number, date: string, seen: Set<number>): Placement {
    const u = this.require(id);
    if (validAt(u, date)) return { unitId: id, exact: true };
    if (seen.has(id)) return { unitId: id, exact: false };
    seen.add(id);
    const forward = u.validTo !== null && date > u.validTo;
    const edges = forward ? this.successors(id) : this.predecessors(id);
    if (edges.length === 0) {
      if (u.parentId === null) return { unitId: id, exact: false };
      const p = this.computePlacement(u.parentId, date, seen);
      return { unitId: p.unitId, exact: false };
    }
    const targets = edges.map((e) => this.computePlacement(forward ? e.toId : e.fromId, date, seen));
    const ids = [...new Set(targets.map((t) => t.unitId))];
    if (ids.length === 1) return { unitId: ids[0]!, exact: targets.every((t) => t.exact) };
    const nca = this.nearestCommonAncestor(ids);
    const shareSum = edges.reduce((sum, e) => sum + (e.share ?? Number.NaN), 0);
    if (forward && Math.abs(shareSum - 1) < 1e-6 && targets.every((t) => t.exact && !t.shares)) {
      const byUnit = new Map<number, number>();
      edges.forEach((e, i) => byUnit.set(targets[i]!.unitId, (byUnit.get(targets[i]!.unitId) ?? 0) + e.share!));
      return { unitId: nca, exact: true, shares: [...byUnit].map(([unitId, share]) => ({ unitId, share })) };
    }
    return { unitId: nca, exact: false };
  }

  /**
   * The days on which some unit's figures start to count elsewhere: lineage dates and the day after
   * a unit ends. Between two such days every placement is the same, so totals computed in the
   * structure of one day hold for every day until the next (see src/core/totals.ts).
   */
  placementChangeDates(): string[] {
    return this.calendar().placementChangeDates();
  }

  private calendar(): PlacementCalendar {
    if (!this.placements) {
      const lineageDates: string[] = [];
      for (const list of this.succ.values()) for (const e of list) lineageDates.push(e.date);
      const lastDays: string[] = [];
      for (const u of this.byId.values()) if (u.validTo !== null) lastDays.push(u.validTo);
      this.placements = new PlacementCalendar(lineageDates, lastDays);
    }
    return this.placements;
  }

  /** One day in each span of days that place figures alike; none without changes. */
  epochDays(): string[] {
    return this.calendar().epochDays();
  }

  /** The number of placement changes on or before `date`: two dates with the same index place every figure alike. */
  epochIndex(date: string): number {
    return this.calendar().epochIndex(date);
  }

  /** True when figures are placed the same on both dates (no placement change between them). */
  samePlacements(a: string, b: string): boolean {
    return this.calendar().samePlacements(a, b);
  }

  /** The deepest unit that is an ancestor-or-self of all the given units. */
  nearestCommonAncestor(ids: number[]): number {
    const chains = ids.map((i) => [i, ...this.ancestorsOf(i)]);
    const first = chains[0]!;
    for (const cand of first) if (chains.every((c) => c.includes(cand))) return cand;
    return first[first.length - 1]!;
  }
}
