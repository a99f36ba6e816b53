/**
 * Reading the petition register: the filtered list, the overdue list (with warnings) and the
 * on-time rate, each for a unit and everything under it (and the units merged into it).
 */
import { z } from "zod";
import { sql } from "kysely";
import type { Actor } from "../accounts/actor.ts";
import type { Ctx } from "../context.ts";
import { idParam } from "../core/input.ts";
import { addDays } from "./calendar.ts";
import { isoDate, listingRoot, searchPattern, unitsUnder } from "./common.ts";
import { daysBetween, onTimeRate, PETITION_STATES, PETITION_TYPES } from "./petition-rules.ts";
import { forReader, toPetition, type Petition } from "./petition.service.ts";

export const PetitionFilterSchema = z.object({
  unitId: idParam.optional(),
  type: z.enum(PETITION_TYPES).optional(),
  state: z.enum(PETITION_STATES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(200).optional(),
  overdue: z.union([z.boolean(), z.enum(["1", "0", "true", "false"]).transform((s) => s === "1" || s === "true")]).optional(),
  limit: z.coerce.number().int().min(1).max(100000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PetitionFilter = z.input<typeof PetitionFilterSchema>;

/** Petitions under a unit (its subtree and the units merged into it), filtered; newest first. */
export async function listPetitions(ctx: Ctx, actor: Actor, filter: PetitionFilter = {}): Promise<{ total: number; items: Petition[] }> {
  const f = PetitionFilterSchema.parse(filter);
  const { h, rootId } = await listingRoot(ctx, actor, f.unitId);
  const units = unitsUnder(h, rootId, ctx.today());
  const db = ctx.db;
  const today = ctx.today();
  const base = () => {
    let q = db.selectFrom("petitions");
    if (units) q = q.where("unit_id", "in", units.length ? units : [-1]);
    if (f.type) q = q.where("type", "=", f.type);
    if (f.state) q = q.where("state", "=", f.state);
    if (f.from) q = q.where("received_on", ">=", f.from);
    if (f.to) q = q.where("received_on", "<=", f.to);
    if (f.overdue !== undefined) q = f.overdue ? q.where("due_on", "<", today) : q.where((eb) => eb.or([eb("due_on", "is", null), eb("due_on", ">=", today)]));
    if (f.q?.trim()) {
      const s = searchPattern(f.q);
      q = q.where(sql<boolean>`${sql.ref(s.column)} like ${s.pattern} escape '\\'`);
    }
    return q;
  };
  const { n } = await base().select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await base().selectAll().orderBy("received_on", "desc").orderBy("id", "desc").limit(f.limit).offset(f.offset).execute();
  return { total: Number(n), items: await forReader(ctx, actor, rows.map(toPetition)) };
}

export interface OverdueItem {
  petition: Petition;
  unitName: string;
  stage: "accept" | "notify" | "resolve";
  dueOn: string;
  /** Days past the deadline (positive) or days left (negative) for warnings. */
  daysOverdue: number;
}

/**
 * Open petitions past their deadline as of `asOf` (default today), oldest deadline first; with
 * `withinDays`, also those falling due within that many days (the warnings).
 */
export async function overduePetitions(ctx: Ctx, actor: Actor, opts: { unitId?: number | undefined; asOf?: string | undefined; withinDays?: number | undefined; limit?: number | undefined; offset?: number | undefined } = {}): Promise<{ asOf: string; overdue: number; dueSoon: number; items: OverdueItem[] }> {
  const { h, rootId } = await listingRoot(ctx, actor, opts.unitId);
  const asOf = opts.asOf ?? ctx.today();
  const until = opts.withinDays ? addDays(asOf, opts.withinDays) : addDays(asOf, -1);
  const units = unitsUnder(h, rootId, asOf);
  const db = ctx.db;
  // Only open petitions have a due_on: the partial index petitions_due serves both queries. The
  // unary + keeps SQLite from probing the unit index instead (it would read every petition of the units).
  const base = () => {
    const q = db.selectFrom("petitions").where("due_on", "is not", null).where("due_on", "<=", until);
    return units ? q.where(sql<number>`+unit_id`, "in", units.length ? units : [-1]) : q;
  };
  const c = await base().select((eb) => [
    eb.fn.countAll<number>().as("n"),
    eb.fn.sum<number>(eb.case().when("due_on", "<", asOf).then(1).else(0).end()).as("late"),
  ]).executeTakeFirstOrThrow();
  let q = base().selectAll().orderBy("due_on").orderBy("id");
  if (opts.limit) q = q.limit(opts.limit);
  if (opts.offset) q = q.offset(opts.offset);
  const rows = await q.execute();
  const shown = await forReader(ctx, actor, rows.map(toPetition));
  const items = rows.map((r, i) => ({
    petition: shown[i]!, unitName: h.at(r.unit_id, asOf).fullName, stage: r.due_stage as OverdueItem["stage"], dueOn: r.due_on!,
    daysOverdue: daysBetween(r.due_on!, asOf),
  }));
  const overdue = Number(c.late ?? 0);
  return { asOf, overdue, dueSoon: Number(c.n) - overdue, items };
}

/** On-time rate of a unit (and everything under it) for a date range: see petition-rules.ts. */
export async function petitionOnTimeRate(ctx: Ctx, actor: Actor, opts: { unitId?: number | undefined; from: string; to: string }): Promise<ReturnType<typeof onTimeRate> & { from: string; to: string; asOf: string }> {
  const { h, rootId } = await listingRoot(ctx, actor, opts.unitId);
  const asOf = opts.to < ctx.today() ? opts.to : ctx.today();
  const units = unitsUnder(h, rootId, asOf);
  const db = ctx.db;
  let q = db.selectFrom("petitions").select(["received_on", "accepted_on", "accept_due", "resolve_due", "resolved_on", "closed_on"])
    .where("received_on", "<=", opts.to).where((eb) => eb.or([eb("closed_on", "is", null), eb("closed_on", ">=", opts.from)]));
  if (units) q = q.where("unit_id", "in", units.length ? units : [-1]);
  const rows = (await q.execute()).map((r) => ({ receivedOn: r.received_on, acceptedOn: r.accepted_on, acceptDue: r.accept_due, resolveDue: r.resolve_due, resolvedOn: r.resolved_on, closedOn: r.closed_on }));
  return { from: opts.from, to: opts.to, asOf, ...onTimeRate(rows, opts.from, opts.to, asOf) };
}
