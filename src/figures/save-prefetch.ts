/**
 * A batch of saves reads what its saves look up at once (PostgreSQL). Each save first reads its
 * figure, the figure's earlier months and whether a report locks it (findFigureAndLock): on
 * PostgreSQL each statement is a round trip and most of a save's cost is sending statements, not
 * running them. A save says before its transaction what it will look up (the committer's hint);
 * when every work of a group commit is such a save, the first lookup of the batch reads them all
 * in two statements, and each save takes its own answer from there — unless a save before it in
 * the batch wrote a figure that answer holds (the figure itself or one of its earlier months): that
 * save reads again as it always did.
 */
import { sql, type Kysely, type Selectable } from "kysely";
import type { DB, FiguresTable } from "../db/schema.ts";
import { batchHints, type BeforeCommit } from "../db/committer.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import type { Ctx } from "../context.ts";
import { lastReadCatalog } from "../indicators/indicator.service.ts";
import { historyPeriods, needsHistory } from "./checks.ts";
import { FigureInputSchema, optionSets, reportsCovering, validateFigure, type ValidFigure } from "./figure.input.ts";
import { toFigure, type Figure } from "./figure.repository.ts";
import type { z } from "zod";

/** What a save looks up: its figure, the earlier periods the outlier check reads, the reports that may lock it. */
export interface Lookup {
  unitId: number;
  indicator: string;
  period: string;
  disagg: string;
  history: readonly string[];
  lockUnits: readonly number[];
  lockPeriods: readonly string[];
}

/** What a lookup finds (as findFigureAndLock answers). */
export interface Found {
  figure: Figure | undefined;
  history: Map<string, number>;
  locked: boolean;
}

/** The lookup of a validated figure. */
export function lookupOf(h: Hierarchy, f: ValidFigure): Lookup {
  const covering = reportsCovering(h, f.unit.id, f.period);
  return {
    unitId: f.unit.id, indicator: f.indicator.key, period: f.period.id, disagg: f.disagg,
    history: needsHistory(f) ? historyPeriods(f.period) : [],
    lockUnits: [...new Set(covering.map((c) => c.unitId))], lockPeriods: [...new Set(covering.map((c) => c.period))],
  };
}

const lookupKey = (a: Lookup) => `${a.unitId}|${a.indicator}|${a.period}|${a.disagg}|${a.history.join(",")}|${a.lockUnits.join(",")}|${a.lockPeriods.join(",")}`;
const figureKey = (unitId: number, indicator: string, disagg: string, period: string) => `${unitId}|${indicator}|${disagg}|${period}`;

/**
 * What a save's inputs will look up, guessed before its transaction from the catalog this process
 * read last: an input that does not validate adds nothing (the save itself will say why), and a
 * guess the transaction's own reading does not match is simply not used.
 */
export function saveHint(h: Hierarchy, inputs: ReadonlyArray<z.infer<typeof FigureInputSchema>>, today: string): Lookup[] {
  const c = lastReadCatalog();
  if (!c) return [];
  const categories = optionSets(c.categories);
  const out: Lookup[] = [];
  for (const raw of inputs) {
    try {
      out.push(lookupOf(h, validateFigure(h, c.byKey, categories, raw, today)));
    } catch {
      // Not a figure the save will write: nothing to read for it.
    }
  }
  return out;
}

interface BatchLookups {
  answers: Promise<Map<string, Found>> | null;
  /** Figures a save of the batch wrote (figureKey): an answer holding one of them is stale. */
  written: Set<string>;
}
const ofBatch = new WeakMap<BeforeCommit, BatchLookups>();

/**
 * The lookup's answer read with the whole batch's, or undefined when the save must read it
 * itself: not PostgreSQL, a batch with other kinds of work, a lookup no save said it would make,
 * or one holding a figure a save before it in the batch wrote.
 */
export async function batchLookup(tx: Ctx, a: Lookup): Promise<Found | undefined> {
  if (tx.database.dialect !== "postgres" || !tx.beforeCommit) return undefined;
  const hints = batchHints.get(tx.beforeCommit) as ReadonlyArray<readonly Lookup[]> | undefined;
  if (!hints) return undefined;
  let state = ofBatch.get(tx.beforeCommit);
  if (!state) ofBatch.set(tx.beforeCommit, (state = { answers: null, written: new Set() }));
  if ([a.period, ...a.history].some((p) => state.written.has(figureKey(a.unitId, a.indicator, a.disagg, p)))) return undefined;
  // The first lookup of the batch, before any of its saves wrote: every save's, at once.
  state.answers ??= lookupAll(tx.db, hints.flat());
  return (await state.answers).get(lookupKey(a));
}

/** Tells the batch a save wrote this figure (later saves whose answer holds it read for themselves). */
export function noteWritten(tx: Ctx, unitId: number, indicator: string, disagg: string, period: string): void {
  const state = tx.beforeCommit && ofBatch.get(tx.beforeCommit);
  if (state) state.written.add(figureKey(unitId, indicator, disagg, period));
}

/** Every lookup's answer in two statements: the figures at all their keys, and the report pairs that lock. */
async function lookupAll(db: Kysely<DB>, lookups: readonly Lookup[]): Promise<Map<string, Found>> {
  const keys = new Map<string, [number, string, string, string]>();
  const pairs = new Map<string, [number, string]>();
  for (const a of lookups) {
    for (const p of [a.period, ...a.history]) keys.set(figureKey(a.unitId, a.indicator, a.disagg, p), [a.unitId, a.indicator, a.disagg, p]);
    for (const u of a.lockUnits) for (const p of a.lockPeriods) pairs.set(`${u}|${p}`, [u, p]);
  }
  const k = [...keys.values()];
  const l = [...pairs.values()];
  const { rows } = await sql<Selectable<FiguresTable>>`select f.* from unnest(${k.map((x) => x[0])}::int[], ${k.map((x) => x[1])}::text[], ${k.map((x) => x[2])}::text[], ${k.map((x) => x[3])}::text[]) as k(unit_id, indicator, disagg, period)
    join figures f on f.unit_id = k.unit_id and f.indicator = k.indicator and f.disagg = k.disagg and f.period = k.period`.execute(db);
  const locks = l.length === 0 ? { rows: [] } : await sql<{ unit_id: number; period: string }>`select distinct l.unit_id, l.period from unnest(${l.map((x) => x[0])}::int[], ${l.map((x) => x[1])}::text[]) as l(unit_id, period)
    join submissions s on s.unit_id = l.unit_id and s.period = l.period where s.status in ('submitted', 'approved')`.execute(db);
  const stored = new Map(rows.map((r) => [figureKey(r.unit_id, r.indicator, r.disagg, r.period), r]));
  const locked = new Set(locks.rows.map((r) => `${r.unit_id}|${r.period}`));
  const out = new Map<string, Found>();
  for (const a of lookups) {
    const at = (p: string) => stored.get(figureKey(a.unitId, a.indicator, a.disagg, p));
    const own = at(a.period);
    const history = new Map<string, number>();
    for (const p of a.history) {
      const r = at(p);
      if (r) history.set(p, r.value);
    }
    out.set(lookupKey(a), { figure: own ? toFigure(own) : undefined, history, locked: a.lockUnits.some((u) => a.lockPeriods.some((p) => locked.has(`${u}|${p}`))) });
  }
  return out;
}
