/**
 * The checks every write path runs after writing, inside its transaction (form, API, CSV and
 * dataValueSets imports, text import): validation rules between indicators of the same unit,
 * period and breakdown, and plausibility against the unit's own history. A broken rule refuses the
 * write (the caller throws) unless the rule lets a comment explain it; what is accepted but doubtful
 * is flagged for the reviewer.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import { previousPeriod, type Period } from "../core/period.ts";
import { holds, implausible, rulesOf } from "../indicators/rules.ts";
import { indicatorAppliesTo, type Indicator, type Rule } from "../indicators/indicator.service.ts";

/** A figure just written, as the checks see it. */
export interface Written {
  unitId: number;
  indicator: Indicator;
  period: Period;
  disagg: string;
  value: number;
  comment: string | null;
  /**
   * The stored values of the figure's earlier periods (`historyPeriods`), read in the same
   * transaction before it was written (saves read them with the row they replace); without it,
   * `implausibleValues` reads them.
   */
  history?: ReadonlyMap<string, number>;
}

/** A rule broken by figures of one unit, period and breakdown. */
export interface Broken {
  rule: Rule;
  unitId: number;
  period: string;
  disagg: string;
  left: { indicator: string; value: number };
  right: { indicator: string; value: number };
  /** Refused (an error nobody explained); otherwise accepted, flagged. */
  refused: boolean;
}

const CHUNK = 500;
/** The largest value `implausible` can never call an outlier (see rules.ts). */
const OUTLIER_FLOOR = 5;

/**
 * The rules broken after these writes, read from the stored figures (both sides must be stored for
 * a rule to apply). A rule that allows a comment is accepted when either side carries one.
 */
export async function brokenRules(db: Kysely<DB>, h: Hierarchy, rules: readonly Rule[], written: readonly Written[]): Promise<Broken[]> {
  const wanted = new Map<string, { unitId: number; period: string; disagg: string; rules: Set<Rule> }>();
  for (const w of written) {
    for (const r of rulesOf(rules, w.indicator.key)) {
      if (r.scopeUnitId !== null && !indicatorAppliesTo(h, { scopeUnitId: r.scopeUnitId }, w.unitId)) continue;
      const k = `${w.unitId}|${w.period.id}|${w.disagg}`;
      const e = wanted.get(k) ?? wanted.set(k, { unitId: w.unitId, period: w.period.id, disagg: w.disagg, rules: new Set() }).get(k)!;
      e.rules.add(r);
    }
  }
  if (wanted.size === 0) return [];
  const groups = [...wanted.values()];
  const indicators = [...new Set(groups.flatMap((g) => [...g.rules].flatMap((r) => [r.left, r.right])))];
  const stored = new Map<string, { value: number; comment: string | null }>();
  for (let i = 0; i < groups.length; i += CHUNK) {
    const part = groups.slice(i, i + CHUNK);
    const rows = await db.selectFrom("figures").select(["unit_id", "indicator", "period", "disagg", "value", "comment"])
      .where("unit_id", "in", [...new Set(part.map((g) => g.unitId))]).where("period", "in", [...new Set(part.map((g) => g.period))])
      .where("indicator", "in", indicators).execute();
    for (const r of rows) stored.set(`${r.unit_id}|${r.period}|${r.disagg}|${r.indicator}`, { value: r.value, comment: r.comment });
  }
  const out: Broken[] = [];
  for (const g of groups) {
    for (const rule of g.rules) {
      const l = stored.get(`${g.unitId}|${g.period}|${g.disagg}|${rule.left}`);
      const r = stored.get(`${g.unitId}|${g.period}|${g.disagg}|${rule.right}`);
      if (!l || !r || holds(rule.op, l.value, r.value)) continue;
      const explained = rule.allowWithComment && !!(l.comment?.trim() || r.comment?.trim());
      out.push({
        rule, unitId: g.unitId, period: g.period, disagg: g.disagg, left: { indicator: rule.left, value: l.value }, right: { indicator: rule.right, value: r.value },
        refused: rule.severity === "error" && !explained,
      });
    }
  }
  return out;
}

/**
 * Flags "rule" on both sides of each accepted broken rule: one statement per rule and 1,000 of its
 * unit-period-breakdowns, not one per breakdown (an import may break a rule thousands of times).
 */
export async function flagBroken(db: Kysely<DB>, broken: readonly Broken[]): Promise<void> {
  const byRule = new Map<Rule, Broken[]>();
  for (const b of broken) (byRule.get(b.rule) ?? byRule.set(b.rule, []).get(b.rule)!).push(b);
  for (const [rule, list] of byRule) {
    for (let i = 0; i < list.length; i += 1000) {
      const rows = sql.join(list.slice(i, i + 1000).map((b) => sql`(cast(${b.unitId} as integer), ${b.period}, ${b.disagg})`));
      await db.updateTable("figures").set({ flag: "rule" }).where("indicator", "in", [rule.left, rule.right])
        .where(sql<boolean>`(unit_id, period, disagg) in (values ${rows})`).execute();
    }
  }
}

/** The earlier periods of the same kind whose values the outlier check compares with (the last 8). */
export function historyPeriods(period: Period): string[] {
  const prev: string[] = [];
  let p = period;
  for (let i = 0; i < 8; i++) prev.push((p = previousPeriod(p)).id);
  return prev;
}

/** Only a value above 5 can be an outlier (more than 5 times the largest earlier value, itself at least 1): most commune figures need no history. */
export function needsHistory(w: { indicator: Indicator; value: number }): boolean {
  return w.indicator.aggregation !== "rate" && w.value > OUTLIER_FLOOR;
}

/**
 * Why each written value is implausible (index → message): above what any unit could report, or
 * far above the unit's own last 8 periods of the same kind.
 */
export async function implausibleValues(db: Kysely<DB>, written: readonly Written[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const asks = written.map((w) => historyPeriods(w.period));
  const stored = new Map<string, number>();
  for (const w of written) for (const [p, v] of w.history ?? []) stored.set(`${w.unitId}|${w.indicator.key}|${w.disagg}|${p}`, v);
  // What this request wrote counts as stored (a history read before a later write of it is older).
  for (const w of written) stored.set(`${w.unitId}|${w.indicator.key}|${w.disagg}|${w.period.id}`, w.value);
  const sums = written.filter((w) => !w.history && needsHistory(w));
  if (sums.length) {
    for (let i = 0; i < sums.length; i += CHUNK) {
      const part = sums.slice(i, i + CHUNK);
      const periods = [...new Set(part.flatMap((w) => asks[written.indexOf(w)]!))];
      const rows = await db.selectFrom("figures").select(["unit_id", "indicator", "period", "disagg", "value"])
        .where("unit_id", "in", [...new Set(part.map((w) => w.unitId))]).where("indicator", "in", [...new Set(part.map((w) => w.indicator.key))])
        .where("period", "in", periods).execute();
      for (const r of rows) stored.set(`${r.unit_id}|${r.indicator}|${r.disagg}|${r.period}`, r.value);
    }
  }
  written.forEach((w, i) => {
    if (w.indicator.aggregation === "rate") return;
    const history = asks[i]!.map((p) => stored.get(`${w.unitId}|${w.indicator.key}|${w.disagg}|${p}`)).filter((v): v is number => v !== undefined);
    const why = implausible(w.value, w.indicator.unit, history);
    if (why) out.set(i, why);
  });
  return out;
}
