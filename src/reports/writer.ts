/**
 * What the narrative is written from and into (pure): the figures of a report, the texts people
 * wrote or accepted, the signals drafts are written from, and a paragraph writer that records
 * each figure with its span as it writes it, so the extractor can be checked against it.
 */
import type { UnitLevel } from "../core/hierarchy.ts";
import type { Period } from "../core/period.ts";
import type { DocStyle } from "./format.ts";
import { formatMoney, formatNumber, formatPercent } from "./format.ts";

export interface IndicatorInfo {
  key: string;
  label: string;
  unit: string;
  aggregation: "sum" | "rate";
  denominator: string | null;
  section: string;
}

/** One unit's value of an indicator (with its denominator's, for "34/37" figures). */
export interface UnitValue {
  unitId: number;
  /** Full name as a heading writes it ("Xã Chư Ngọc"). */
  name: string;
  /** Unit type ("xã"), to write the name inside a sentence ("xã Chư Ngọc"). */
  type: string;
  value: number | null;
  denominator: number | null;
  estimated: boolean;
}

export interface IndicatorData {
  indicator: IndicatorInfo;
  current: UnitValue;
  /** The same period a year earlier, counted in the same structure. */
  previous: UnitValue | null;
  /** Sub-units in this period (for the best and weakest). */
  children: UnitValue[];
  /** The area total reported for the unit differs from what its parts add up to (ROLLUP.md). */
  partsDiffer?: boolean;
}

export interface ReportUnit {
  id: number;
  name: string;
  fullName: string;
  level: UnitLevel;
  type: string;
}

/** A text decided at the document stage: a draft someone accepted, or their own rewrite. */
export interface DecidedText {
  text: string;
  kind: "accepted" | "written";
  /** The draft as it was when accepted (to tell when the data have changed since). */
  draft: string | null;
}

/** What drafts of the judgement sections are written from, besides the figures. */
export interface DraftSignals {
  /** Sub-units' reports for this period: how many, how many late or missing, some names. */
  submissions: { total: number; late: number; missing: number; names: string[] } | null;
  /** Petitions in the registers: resolved on time, open past their deadline, on-time rate. */
  petitions: { resolved: number; onTime: number; openPastDeadline: number; rate: number | null; dueNext: number } | null;
  /** The next period's report deadline (ISO date). */
  nextDue: string | null;
  /** The body kiến nghị go to ("Ban Tuyên giáo và Dân vận Tỉnh ủy Gia Lai"), or null at the top. */
  superior: string | null;
}

export interface NarrativeInput {
  unit: ReportUnit;
  period: Period;
  previous: Period;
  data: ReadonlyMap<string, IndicatorData>;
  /** The sections people write with their periodic report (submission narrative), by key. */
  userText: Readonly<Record<string, string>>;
  /** Texts decided for this report (accepted drafts, rewrites), by section key. */
  decided?: Readonly<Record<string, DecidedText>>;
  style?: DocStyle;
  /** The issuing Ban's name when a Ban issues the report (Party format), else null. */
  ban?: string | null;
  /** True for the 2-level structure (from 1/7/2025). */
  reformed?: boolean;
  signals?: DraftSignals;
}

/** A figure as written into the text, with its span (JavaScript string offsets into the paragraph). */
export interface WrittenFigure {
  start: number;
  end: number;
  text: string;
  value: number;
  /** Denominator of an "a/b" figure. */
  of: number | null;
  unit: string;
  /** Catalog key; null for differences ("tăng 3 cuộc"). */
  indicator: string | null;
  /** Whose figure it is: the report's unit or one of its sub-units. */
  unitId: number;
  period: string;
  estimated: boolean;
}

/** Where a paragraph comes from: figures, a person, or a draft awaiting a person. */
export type ParagraphSource = "data" | "user" | "draft";

export interface NarrativeParagraph {
  text: string;
  figures: WrittenFigure[];
  source: ParagraphSource;
}

/** Builds one paragraph, recording each figure's span as it is written. */
export class Writer {
  text = "";
  figures: WrittenFigure[] = [];
  constructor(private readonly period: string, private readonly source: ParagraphSource = "data") {}

  /** Appends plain text. */
  t(s: string): this {
    this.text += s;
    return this;
  }

  /** Writes "number noun" (or money) and records it. */
  fig(value: number, noun: string, indicator: string | null, unitId: number, opts: { of?: number | null; money?: boolean; estimated?: boolean; unit?: string } = {}): this {
    const of = opts.of ?? null;
    const written = opts.money ? formatMoney(value) : `${formatNumber(value)}${of !== null ? `/${formatNumber(of)}` : ""}${noun ? ` ${noun}` : ""}`;
    const start = this.text.length;
    this.text += written;
    this.figures.push({
      start, end: this.text.length, text: written, value, of, unit: opts.money ? "đồng" : opts.unit ?? noun.split(" ")[0] ?? noun,
      indicator, unitId, period: this.period, estimated: opts.estimated ?? false,
    });
    if (opts.estimated) this.text += " (ước thực hiện)";
    return this;
  }

  /** Writes a percentage figure ("91,9%") that belongs to a keyed count. */
  pct(pct: number, indicator: string | null, unitId: number): this {
    const written = formatPercent(pct);
    const start = this.text.length;
    this.text += written;
    this.figures.push({ start, end: this.text.length, text: written, value: Math.round(pct * 10) / 10, of: null, unit: "%", indicator, unitId, period: this.period, estimated: false });
    return this;
  }

  /** Writes a difference in percentage points ("2,1 điểm phần trăm"). */
  points(delta: number, unitId: number): this {
    const v = Math.round(Math.abs(delta) * 10) / 10;
    const written = `${formatNumber(v)} điểm phần trăm`;
    const start = this.text.length;
    this.text += written;
    this.figures.push({ start, end: this.text.length, text: written, value: v, of: null, unit: "điểm", indicator: null, unitId, period: this.period, estimated: false });
    return this;
  }

  /** Undoes everything written after `mark` (a clause that turned out to have nothing to say). */
  cut(mark: number): void {
    this.text = this.text.slice(0, mark);
    this.figures = this.figures.filter((f) => f.end <= mark);
  }

  paragraph(): NarrativeParagraph {
    return { text: this.text, figures: this.figures, source: this.source };
  }
}

/** Paragraphs of a text a person wrote (blank lines or line breaks separate them), NFC. */
export function userParagraphs(text: string | undefined): NarrativeParagraph[] {
  if (!text) return [];
  return text.normalize("NFC").split(/\n\s*\n|\r?\n/).map((s) => s.trim()).filter(Boolean).map((s) => ({ text: s, figures: [], source: "user" as const }));
}
