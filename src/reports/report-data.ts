/**
 * What a report is written from, gathered through the other features' services: rolled-up figures
 * of the unit, of the same period a year earlier and of its sub-units (src/figures/rollup.service);
 * the figures that contradict each other; the sub-units' report timeliness (src/submissions) and
 * the petitions register (src/registers) for the drafts; the next period's deadline.
 */
import { monthPeriod, nineMonthPeriod, periodLabel, periodRange, quarterPeriod, sixMonthPeriod, yearPeriod, type Period } from "../core/period.ts";
import type { Hierarchy, UnitNode } from "../core/hierarchy.ts";
import type { Basis } from "../core/totals.ts";
import { isDomainError } from "../core/errors.ts";
import type { Actor } from "../accounts/actor.ts";
import type { Ctx } from "../context.ts";
import { listIndicators } from "../indicators/indicator.service.ts";
import { rollupChildren, rollupValue, type RolledValue } from "../figures/rollup.service.ts";
import { submissionStatusOfChildren } from "../submissions/submission.service.ts";
import { DEFAULT_DEADLINES, dueDate, type DeadlineRules } from "../submissions/deadlines.ts";
import { getSettings } from "../settings/settings.service.ts";
import { overduePetitions, petitionOnTimeRate } from "../registers/petition.queries.ts";
import { figureSources } from "../plugins.ts";
import { formatNumber } from "./format.ts";
import { indicatorsWithFigures } from "./report.repository.ts";
import { inSentence, localLabel, voiceOf } from "./wording.ts";
import type { DraftSignals, IndicatorData, IndicatorInfo, UnitValue } from "./writer.ts";

/** One line of the figure table: indicator | this period | same period last year | change. */
export interface FigureRow {
  key: string;
  label: string;
  unit: string;
  current: number | null;
  /** Denominator this period, for "34/37" indicators. */
  currentOf: number | null;
  previous: number | null;
  previousOf: number | null;
  change: number | null;
  estimated: boolean;
  rate: boolean;
}

/**
 * A row of the spreadsheet. unit: a sub-unit; own: the unit's figures no sub-unit holds; subtotal:
 * a district under a province (its communes above it); total: the unit's figure; detail / difference:
 * what the parts add up to and the gap, where an area total was reported.
 */
export interface SheetRow {
  label: string;
  code: string;
  kind: "unit" | "own" | "subtotal" | "total" | "detail" | "difference";
  values: Array<number | null>;
}

/** Two figures of a report that cannot both be right, and which one the report uses. */
export interface Discrepancy {
  indicator: string;
  label: string;
  kind: "parts" | "subperiod";
  /** The figure the report uses. */
  used: number;
  /** The figure that contradicts it. */
  other: number;
  /** One sentence: which figure is used and why (docs/ROLLUP.md). */
  explanation: string;
}

export interface Gathered {
  data: Map<string, IndicatorData>;
  figures: FigureRow[];
  sheet: { columns: IndicatorInfo[]; rows: SheetRow[] };
  discrepancies: Discrepancy[];
}

const toValue = (r: RolledValue, h: Hierarchy, asOf: string): UnitValue => ({
  unitId: r.unit.id, name: r.unit.fullName, type: h.at(r.unit.id, asOf).type, value: r.value, denominator: r.denominator?.value ?? null, estimated: r.estimated,
});

/** The cumulative periods inside a period whose totals cannot exceed it (9 months within the year…). */
function cumulativeWithin(p: Period): Period[] {
  if (p.type === "year") return [nineMonthPeriod(p.year), sixMonthPeriod(p.year, 1)];
  if (p.type === "nine_months") return [sixMonthPeriod(p.year, 1)];
  return [];
}

const amount = (v: number, unit: string) => (unit === "đồng" ? `${formatNumber(v)} đồng` : `${formatNumber(v)} ${unit}`);

/**
 * Rolls up every indicator with figures for the unit, its sub-units and the year before (in the
 * basis asked: approved reports only, submitted too, or all figures; default the setting), and
 * finds contradictions: a reported area total its parts do not add up to, and a cumulative
 * sub-period (9 months, 6 months) above the period's own total.
 */
export async function gatherFigures(ctx: Ctx, actor: Actor, h: Hierarchy, unit: UnitNode, period: Period, previous: Period, asOf: string, rows: "children" | "communes", basis?: Basis): Promise<Gathered> {
  // Indicators someone reported, and those the registers count from their records.
  const present = await indicatorsWithFigures(ctx.db, [period.year, previous.year]);
  for (const s of figureSources) for (const key of s.indicators) present.add(key);
  const indicators = (await listIndicators(ctx.db)).filter((i) => present.has(i.key));
  const data = new Map<string, IndicatorData>();
  const area = new Map<string, RolledValue["area"]>();
  const kids = new Map<number, { name: string; code: string }>();
  const discrepancies: Discrepancy[] = [];
  const v = voiceOf(unit, asOf >= "2025-07-01");
  for (const ind of indicators) {
    const q = { unitId: unit.id, indicator: ind.key, asOf, basis };
    const cur = await rollupChildren(ctx, actor, { ...q, period: period.id });
    const prev = await rollupValue(ctx, actor, { ...q, period: previous.id });
    for (const k of cur.children) kids.set(k.unit.id, { name: k.unit.fullName, code: k.unit.code });
    const a = cur.total.area;
    area.set(ind.key, a);
    const partsDiffer = !!a && a.difference !== null && a.difference !== 0;
    data.set(ind.key, {
      indicator: ind, current: toValue(cur.total, h, asOf), previous: prev.value === null ? null : toValue(prev, h, asOf),
      children: cur.children.map((c) => toValue(c, h, asOf)), partsDiffer,
    });
    if (partsDiffer && a.computedSum !== null) {
      discrepancies.push({
        indicator: ind.key, label: ind.label, kind: "parts", used: a.areaTotal, other: a.computedSum,
        explanation: `${ind.label}: báo cáo dùng số liệu toàn địa bàn do ${inSentence(unit.fullName, unit.type)} báo cáo (${amount(a.areaTotal, ind.unit)}); số liệu của ${v.subunits ?? "các đơn vị trực thuộc"} cộng lại là ${amount(a.computedSum, ind.unit)}, chênh lệch ${amount(Math.abs(a.areaTotal - a.computedSum), ind.unit)}. Theo quy tắc tổng hợp, số liệu toàn địa bàn của cấp trên được dùng thay cho số liệu của cấp dưới; cần đối chiếu lại.`,
      });
    }
    const total = cur.total.value;
    // A sub-period above the period, unless the parts already explain the gap; the longest one is enough.
    if (total !== null && ind.aggregation === "sum" && !partsDiffer) {
      for (const sub of cumulativeWithin(period)) {
        const s = await rollupValue(ctx, actor, { ...q, period: sub.id });
        if (s.value !== null && s.value > total) {
          discrepancies.push({
            indicator: ind.key, label: ind.label, kind: "subperiod", used: total, other: s.value,
            explanation: `${ind.label}: số liệu ${periodLabel(period)} (${amount(total, ind.unit)}) thấp hơn số liệu ${periodLabel(sub)} (${amount(s.value, ind.unit)}). Báo cáo dùng số liệu ${periodLabel(period)} (số liệu của kỳ dài hơn được dùng thay cho số liệu các kỳ nằm trong nó); cần kiểm tra lại một trong hai số.`,
          });
          break;
        }
      }
    }
  }

  const figures: FigureRow[] = [];
  for (const d of data.values()) {
    const cur = d.current.value;
    const prev = d.previous?.value ?? null;
    if (cur === null && prev === null) continue;
    const local = localLabel(d.indicator.label, d.indicator.unit, v);
    figures.push({
      key: d.indicator.key, label: local.label, unit: local.unit, current: cur, currentOf: d.indicator.denominator ? d.current.denominator : null,
      previous: prev, previousOf: d.indicator.denominator ? d.previous?.denominator ?? null : null, change: cur !== null && prev !== null && d.indicator.aggregation !== "rate" ? cur - prev : null, estimated: d.current.estimated,
      rate: d.indicator.aggregation === "rate",
    });
  }

  const columns = [...data.values()].filter((d) => d.current.value !== null || d.children.some((c) => c.value !== null)).map((d) => ({ ...d.indicator, ...localLabel(d.indicator.label, d.indicator.unit, v) }));
  const sheetRows: SheetRow[] = [];
  const ownRow = (label: string, code: string, totals: Array<number | null>, parts: SheetRow[]): SheetRow | null => {
    // The unit's own figures (or figures not allocated to any part): total minus the parts, where that is not zero.
    const values = columns.map((c, i) => {
      if (c.aggregation === "rate" || totals[i] === null || area.get(c.key)) return null;
      const sum = parts.reduce((s, r) => s + (r.values[i] ?? 0), 0);
      const rest = totals[i]! - sum;
      return Math.abs(rest) > 1e-9 ? rest : null;
    });
    return values.some((x) => x !== null) ? { label, code, kind: "own", values } : null;
  };
  const unitRows = (ids: Array<[number, { name: string; code: string }]>, valueOf: (c: IndicatorInfo, id: number) => number | null): SheetRow[] =>
    ids.map(([id, k]) => ({ label: k.name, code: k.code, kind: "unit" as const, values: columns.map((c) => valueOf(c, id)) }));
  const totals = columns.map((c) => data.get(c.key)!.current.value);
  if (rows === "communes" && unit.level === "province" && [...kids.keys()].some((id) => h.at(id, asOf).level === "district")) {
    // An old province: each district's communes, then the district's subtotal.
    for (const [districtId, k] of kids) {
      const per = new Map<string, Map<number, number | null>>();
      const communes = new Map<number, { name: string; code: string }>();
      for (const c of columns) {
        const r = await rollupChildren(ctx, actor, { unitId: districtId, indicator: c.key, period: period.id, asOf, basis });
        per.set(c.key, new Map(r.children.map((x) => [x.unit.id, x.value])));
        for (const x of r.children) communes.set(x.unit.id, { name: x.unit.fullName, code: x.unit.code });
      }
      const parts = unitRows([...communes], (c, id) => per.get(c.key)?.get(id) ?? null);
      const subtotal = columns.map((c) => data.get(c.key)!.children.find((x) => x.unitId === districtId)?.value ?? null);
      const own = ownRow(`Số liệu chung của ${k.name}`, k.code, subtotal, parts);
      sheetRows.push(...parts, ...(own ? [own] : []), { label: `Cộng ${k.name}`, code: k.code, kind: "subtotal", values: subtotal });
    }
    const subtotals = sheetRows.filter((r) => r.kind === "subtotal");
    const own = ownRow(`Số liệu chung của ${unit.fullName}`, unit.code, totals, subtotals);
    if (own) sheetRows.push(own);
  } else {
    sheetRows.push(...unitRows([...kids], (c, id) => data.get(c.key)!.children.find((x) => x.unitId === id)?.value ?? null));
    const own = ownRow(`Số liệu chung của ${unit.fullName}`, unit.code, totals, sheetRows);
    if (own) sheetRows.push(own);
  }
  sheetRows.push({ label: `Tổng cộng ${unit.fullName}`, code: unit.code, kind: "total", values: totals });
  if (columns.some((c) => area.get(c.key))) {
    sheetRows.push({ label: "Cộng từ số liệu chi tiết", code: "", kind: "detail", values: columns.map((c) => { const a = area.get(c.key); return a ? a.computedSum : data.get(c.key)!.current.value; }) });
    sheetRows.push({ label: "Chênh lệch (toàn địa bàn − chi tiết)", code: "", kind: "difference", values: columns.map((c) => area.get(c.key)?.difference ?? null) });
  }
  return { data, figures, sheet: { columns, rows: sheetRows }, discrepancies };
}

/** The period after this one (the next report a phương hướng looks to). */
export function nextPeriod(p: Period): Period {
  switch (p.type) {
    case "year":
      return yearPeriod(p.year + 1);
    case "six_months":
      return p.startMonth === 1 ? sixMonthPeriod(p.year, 2) : sixMonthPeriod(p.year + 1, 1);
    case "nine_months":
      return quarterPeriod(p.year, 4);
    case "quarter":
      return p.endMonth === 12 ? quarterPeriod(p.year + 1, 1) : quarterPeriod(p.year, p.endMonth / 3 + 1);
    case "month":
      return p.endMonth === 12 ? monthPeriod(p.year + 1, 1) : monthPeriod(p.year, p.endMonth + 1);
  }
}

/** Deadline rules and cut-off day from the settings. */
export async function deadlineSettings(ctx: Ctx): Promise<{ rules: DeadlineRules; cutoffDay: number }> {
  const s = await getSettings(ctx.db);
  return { rules: { ...DEFAULT_DEADLINES, ...s.deadlines }, cutoffDay: s.cutoffDay };
}

/** What the drafts need besides the figures: late sub-units, petitions past their deadline, the next deadline. */
export async function gatherSignals(ctx: Ctx, actor: Actor, h: Hierarchy, unit: UnitNode, period: Period, superior: string | null): Promise<DraftSignals> {
  const { rules, cutoffDay } = await deadlineSettings(ctx);
  const range = periodRange(period, cutoffDay);
  let submissions: DraftSignals["submissions"] = null;
  try {
    const s = await submissionStatusOfChildren(ctx, actor, unit.id, period.id);
    if (s.rows.length) {
      const late = s.rows.filter((r) => r.timeliness === "late");
      const missing = s.rows.filter((r) => r.timeliness === "missing");
      // Only where the workflow was used for the period (some report came in); otherwise nobody was late.
      if (s.rows.some((r) => r.submittedAt !== null)) {
        submissions = { total: s.rows.length, late: late.length, missing: missing.length, names: [...late, ...missing].map((r) => inSentence(r.unit.fullName, h.get(r.unit.id)?.type ?? "")) };
      }
    }
  } catch (e) {
    if (!isDomainError(e)) throw e; // out of the actor's reach: the drafts say nothing of it
  }
  let petitions: DraftSignals["petitions"] = null;
  try {
    const r = await petitionOnTimeRate(ctx, actor, { unitId: unit.id, from: range.start, to: range.end });
    const next = nextPeriod(period);
    const nextRange = periodRange(next, cutoffDay);
    const days = Math.round((Date.parse(nextRange.end) - Date.parse(range.end)) / 86_400_000);
    const due = await overduePetitions(ctx, actor, { unitId: unit.id, asOf: range.end, withinDays: days, limit: 1 });
    if (r.resolved || r.openPastDeadline || due.dueSoon) {
      petitions = { resolved: r.resolved, onTime: r.resolvedOnTime, openPastDeadline: r.openPastDeadline, rate: r.rate, dueNext: due.dueSoon };
    }
  } catch (e) {
    if (!isDomainError(e)) throw e;
  }
  return { submissions, petitions, nextDue: dueDate(nextPeriod(period), rules, cutoffDay), superior };
}
