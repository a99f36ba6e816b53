/**
 * Pure (reads the bundled unit lists once, cached): the scope of a report — the unit it reports
 * on, its level, the period its figures cover and the kind of text. Units are matched against
 * the lists of BOTH the 2024 (3-level) and the 2025 (2-level) structure, because old reports name
 * districts that no longer exist. When the unit itself is not named, it is inferred from the
 * places the text names (communes of one district → that district).
 */
import { keyOf } from "./normalize.ts";
import type { ExtractHints } from "./extract.ts";
import { type Level, type Scope, type AdminUnit } from "./scope-types.ts";
import { unitIndex, label, FORMER_PROVINCES } from "./scope-units.ts";
import { detectUnit } from "./scope-unit.ts";
import { detectPeriod } from "./scope-period.ts";
import { detectKind } from "./scope-kind.ts";

export type { ReportKind, Level, Scope } from "./scope-types.ts";

/** The year the text speaks of: its period's, else the latest year its dates write ("10/1/2024", "năm 2023"). */
function textYear(key: string, year: number | null): number | null {
  if (year !== null) return year;
  const years = [...key.slice(0, 4000).matchAll(/(?:\/|năm )((?:19|20)\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  return years.length ? Math.max(...years) : null;
}

/**
 * Detects the scope of a prepared text (`text` NFC, `key` its folded form); `crumbs`: the page's breadcrumb lines, cut
 * from the text with its furniture.
 */
export function detectScope(text: string, key: string, hints: ExtractHints = {}, crumbs: string[] = []): Scope {
  const period = hints.period ?? detectPeriod(key);
  const year = period ? Number(period.slice(0, 4)) : null;
  const era: 2024 | 2025 = year !== null && (year < 2025 || (year === 2025 && /Q[12]|S1/.test(period ?? ""))) ? 2024 : 2025;
  let unit: AdminUnit | null = null;
  let level: Level | null = null;
  if (hints.unit) {
    const idx = unitIndex();
    const list = /^\d+$/.test(hints.unit) ? idx.byCode.get(hints.unit) : idx.byKey.get(keyOf(hints.unit));
    unit = list?.find((u) => u.era === era) ?? list?.[0] ?? null;
    level = unit?.level ?? null;
  }
  let named: string | undefined;
  if (!unit) ({ unit, level, named } = detectUnit(text, key, era, crumbs));
  const former = unit && !named ? FORMER_PROVINCES[unit.code] : undefined;
  const when = former ? textYear(key, year) : null;
  if (former && when !== null && when < former.until) named = former.label;
  return {
    unit: named ?? (unit ? label(unit) : null),
    unitCode: unit?.code ?? null,
    level: unit?.level ?? level,
    period,
    kind: detectKind(key, period),
  };
}
