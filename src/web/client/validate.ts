/**
 * Pure: reading numbers the way Vietnamese users type them and checking a report form's values
 * before they are saved or submitted. Messages are what the user reads beside the field.
 */

import { t, tf } from "./i18n.ts";

/** Units whose values may have decimals (mirrors isWholeNumber in src/indicators/indicator.service.ts). */
const DECIMAL_UNITS = new Set(["%", "m²", "ha", "km", "tấn"]);

export interface FieldIndicator {
  key: string;
  label: string;
  unit: string;
  aggregation: string;
  denominator: string | null;
}

export const isWhole = (i: Pick<FieldIndicator, "unit" | "aggregation">) => i.aggregation === "sum" && !DECIMAL_UNITS.has(i.unit);

/**
 * Parses "1.234", "1.234,5", "93,1", "12" (dot groups thousands, comma marks decimals, as in the
 * reports); also a plain "1.5". Empty → null; unreadable → NaN.
 */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, "");
  if (s === "") return null;
  let norm: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) norm = s.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+(,\d+)?$/.test(s)) norm = s.replace(",", ".");
  else if (/^-?\d+\.\d+$/.test(s)) norm = s;
  else return NaN;
  return Number(norm);
}

/** The problem with one value on its own, or null. */
export function fieldError(ind: FieldIndicator, value: number | null): string | null {
  if (value === null) return null;
  if (Number.isNaN(value)) return t("Không phải là số (ví dụ: 1.234 hoặc 93,1).");
  if (value < 0) return t("Không được là số âm.");
  if (value > 1e15) return t("Số quá lớn (tối đa 10^15).");
  if (isWhole(ind) && !Number.isInteger(value)) return tf("Phải là số nguyên (đếm số {unit}).", { unit: ind.unit });
  if (ind.aggregation === "rate" && value > 100) return t("Tỷ lệ phải từ 0 đến 100%.");
  return null;
}

const fmt = (v: number) => v.toLocaleString("vi-VN");

/**
 * Problems between fields: a part above its whole ("34/37": successful mediations above cases),
 * disaggregated parts adding up to more than the total. `values` maps indicator key → total,
 * `parts` maps indicator key → the sum of its disaggregated values.
 */
export function crossErrors(
  indicators: readonly FieldIndicator[],
  values: ReadonlyMap<string, number | null>,
  parts: ReadonlyMap<string, number> = new Map(),
  /** "part|whole" pairs a validation rule already checks (with its own message and comment rule). */
  covered: ReadonlySet<string> = new Set(),
): Map<string, string> {
  const out = new Map<string, string>();
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  for (const ind of indicators) {
    const v = values.get(ind.key);
    if (v === null || v === undefined || Number.isNaN(v)) continue;
    if (ind.denominator && !covered.has(`${ind.key}|${ind.denominator}`)) {
      const d = values.get(ind.denominator);
      const den = byKey.get(ind.denominator);
      if (d !== null && d !== undefined && !Number.isNaN(d) && v > d) {
        out.set(ind.key, tf("{part} ({value}) lớn hơn {whole} ({total}).", { part: ind.label, value: fmt(v), whole: den?.label ?? ind.denominator, total: fmt(d) }));
        continue;
      }
    }
    const p = parts.get(ind.key);
    if (p !== undefined && p > v) out.set(ind.key, tf("Tổng các phân tổ ({parts}) lớn hơn tổng số ({total}).", { parts: fmt(p), total: fmt(v) }));
  }
  return out;
}

/** A validation rule of the catalog as the form checks it (src/indicators/rules.ts). */
export interface FormRule {
  key: string;
  left: string;
  op: "<=" | ">=" | "==";
  right: string;
  message: string;
  severity: "error" | "warning";
  allowWithComment: boolean;
}

/** A rule broken by the typed totals. */
export interface BrokenRule {
  rule: FormRule;
  /** The rule's message with both values ("… (Vụ việc hòa giải thành: 5; Vụ việc …: 3)"). */
  text: string;
  /** Saved anyway: a warning, or an error a comment explains. */
  allowed: boolean;
}

const holds = (op: FormRule["op"], l: number, r: number) => (op === "<=" ? l <= r : op === ">=" ? l >= r : l === r);

/**
 * The rules the typed totals break, by indicator (both sides of each rule). `comments` maps an
 * indicator to its comment: a rule that allows it is explained by a comment on either side.
 */
export function brokenRules(
  rules: readonly FormRule[],
  indicators: readonly FieldIndicator[],
  values: ReadonlyMap<string, number | null>,
  comments: ReadonlyMap<string, string>,
): Map<string, BrokenRule[]> {
  const out = new Map<string, BrokenRule[]>();
  const label = new Map(indicators.map((i) => [i.key, i.label]));
  for (const rule of rules) {
    const l = values.get(rule.left);
    const r = values.get(rule.right);
    if (l === null || l === undefined || r === null || r === undefined || Number.isNaN(l) || Number.isNaN(r) || holds(rule.op, l, r)) continue;
    const explained = rule.allowWithComment && !!(comments.get(rule.left)?.trim() || comments.get(rule.right)?.trim());
    const b: BrokenRule = {
      rule, allowed: rule.severity === "warning" || explained,
      text: `${t(rule.message)} (${label.get(rule.left) ?? rule.left}: ${fmt(l)}; ${label.get(rule.right) ?? rule.right}: ${fmt(r)})`,
    };
    for (const k of [rule.left, rule.right]) out.set(k, [...(out.get(k) ?? []), b]);
  }
  return out;
}
