/**
 * Consistency check: does a narrative agree with the stored data? Extracts the figures of the
 * text, and for each indicator it names compares what the text says with the rolled-up value of
 * the unit and period (rollupValue). A breakdown ("3 lượt; … 16 lượt") agrees when one of its
 * figures or their sum equals the stored total. Qualified figures are compared as they read:
 * "hơn 20" agrees with 23, "khoảng 100" with 95–105.
 */
import type { Ctx } from "../context.ts";
import type { Actor } from "../accounts/actor.ts";
import { rollupValue } from "../figures/rollup.service.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import { isDomainError } from "../core/errors.ts";
import { extractReport, type ExtractedFigure } from "./extract.ts";
import { formatVietnameseNumber } from "./number.ts";

export interface ConsistencyIssue {
  indicator: string;
  /** The sentence of the text holding the figure, and its offsets in the text as given. */
  sentence: string;
  start: number;
  end: number;
  figure: ExtractedFigure;
  storedValue: number;
  message: string;
}

export interface ConsistencyReport {
  unit: string;
  period: string;
  /** Indicators compared (those the text names and the data holds). */
  checked: number;
  issues: ConsistencyIssue[];
}

/** Pure: does the text's figure agree with a stored value, reading its qualifier? */
export function agrees(f: Pick<ExtractedFigure, "value" | "qualifier">, stored: number): boolean {
  const eq = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  switch (f.qualifier) {
    case "hơn":
    case "trên":
    case "trở lên":
      return stored >= f.value;
    case "gần":
      return stored <= f.value && stored >= f.value * 0.8;
    case "khoảng":
      return Math.abs(stored - f.value) <= Math.max(1, Math.abs(f.value) * 0.1);
    default:
      return eq(f.value, stored);
  }
}

/** Pure: the sentence of `text` around [start, end), with its offsets. */
export function sentenceAround(text: string, start: number, end: number): { sentence: string; start: number; end: number } {
  const isEnd = (i: number) => {
    const c = text[i];
    if (c === "\n" || c === ";" || c === "!" || c === "?") return true;
    return c === "." && !(/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 1] ?? ""));
  };
  let s = start;
  while (s > 0 && start - s < 1000 && !isEnd(s - 1)) s--;
  let e = end;
  while (e < text.length && e - end < 1000 && !isEnd(e)) e++;
  if (e < text.length && text[e] !== "\n") e++;
  while (s < e && /\s/.test(text[s]!)) s++;
  return { sentence: text.slice(s, e).trim(), start: s, end: e };
}

const LABELS = new Map(DEFAULT_CATALOG.map((d) => [d.key, d]));

/** Pure: the Vietnamese message for one disagreement: what the text says, what the data says. */
export function issueMessage(f: ExtractedFigure, stored: number, storedOf: number | null = null): string {
  const written = f.text.replace(/\s+/g, " ").trim();
  const def = LABELS.get(f.indicator ?? "");
  const data = formatVietnameseNumber(stored) + (f.of !== null && storedOf !== null ? "/" + formatVietnameseNumber(storedOf) : "");
  return `Văn bản ghi ${written}${def ? ` (${def.label.charAt(0).toLowerCase() + def.label.slice(1)})` : ""}, số liệu là ${data}.`;
}

/** Compares the figures of `text` with the stored data of a unit (GSO code) and period. */
export async function checkConsistency(ctx: Ctx, actor: Actor, q: { unit: string; period: string; text: string }): Promise<ConsistencyReport> {
  const { figures } = extractReport(q.text, { period: q.period });
  const byIndicator = new Map<string, ExtractedFigure[]>();
  for (const f of figures) {
    if (!f.indicator) continue;
    const def = LABELS.get(f.indicator);
    // A share ("đạt 41,3%") of a counted indicator is not its value.
    if (f.unit === "%" && def?.aggregation !== "rate") continue;
    (byIndicator.get(f.indicator) ?? byIndicator.set(f.indicator, []).get(f.indicator)!).push(f);
  }
  const issues: ConsistencyIssue[] = [];
  let checked = 0;
  for (const [indicator, list] of byIndicator) {
    let stored: number | null;
    let storedOf: number | null = null;
    try {
      const v = await rollupValue(ctx, actor, { unitCode: q.unit, indicator, period: q.period });
      stored = v.value;
      storedOf = v.denominator?.value ?? null;
    } catch (e) {
      if (isDomainError(e) && e.code === "INDICATOR_NOT_FOUND") continue; // an admin removed it
      throw e;
    }
    if (stored === null) continue;
    checked++;
    const sum = list.reduce((a, f) => a + f.value, 0);
    const ok = list.some((f) => agrees(f, stored) && (f.of === null || storedOf === null || f.of === storedOf)) || (list.length > 1 && agrees({ value: sum, qualifier: null }, stored));
    if (ok) continue;
    for (const f of list) {
      const s = sentenceAround(q.text, f.start, f.end);
      const message = issueMessage(f, stored, storedOf);
      issues.push({ indicator, sentence: s.sentence, start: s.start, end: s.end, figure: f, storedValue: stored, message });
    }
  }
  issues.sort((a, b) => a.figure.start - b.figure.start);
  return { unit: q.unit, period: q.period, checked, issues };
}

/** Human-readable report of a check, for the CLI. */
export function formatIssues(r: ConsistencyReport): string {
  if (r.issues.length === 0) return `Đã so sánh ${r.checked} chỉ tiêu: văn bản khớp với số liệu của đơn vị ${r.unit}, kỳ ${r.period}.\n`;
  const lines = [`Đã so sánh ${r.checked} chỉ tiêu; ${r.issues.length} chỗ không khớp với số liệu của đơn vị ${r.unit}, kỳ ${r.period}:`];
  for (const i of r.issues) lines.push(`- ${i.message}\n  Câu: ${i.sentence}`);
  return lines.join("\n") + "\n";
}
