/**
 * The report narrative (pure: no database, no I/O), composed from rolled-up figures.
 *
 * Every report has the whole outline (outline.ts). Sections about the work are written from the
 * figures (clauses.ts) plus what people wrote; the sections that need judgement (ưu điểm, hạn chế,
 * bài học, kiến nghị, phương hướng) get a draft from the data (drafts.ts), marked as a draft until
 * a person accepts or rewrites it. A section with neither figures nor text says so, and the report
 * cannot be issued while any section is empty or an unaccepted draft (`missing`).
 */
import { periodLabel, type Period } from "../core/period.ts";
import { upper } from "./format.ts";
import { outlineOf, sectionFor, type NarrativeKey, type SectionKind } from "./outline.ts";
import { TOPICS, writeOthers, topicParagraphs } from "./clauses.ts";
import { draftSections } from "./drafts.ts";
import { userParagraphs, Writer, type NarrativeInput, type NarrativeParagraph, type WrittenFigure } from "./writer.ts";

export { NARRATIVE_KEYS, JUDGEMENT_KEYS, nextPeriodLabel, type NarrativeKey } from "./outline.ts";
export type { IndicatorData, IndicatorInfo, NarrativeInput, NarrativeParagraph, ReportUnit, UnitValue, WrittenFigure, DraftSignals, DecidedText } from "./writer.ts";

/**
 * heading: PHẦN or a group heading; data: written from figures; written / accepted: a person's text
 * or an accepted draft; draft: awaiting a person; empty: nothing yet.
 */
export type SectionStatus = "heading" | "data" | "written" | "accepted" | "draft" | "empty";

export interface NarrativeSection {
  key: string;
  /** 0: PHẦN; 1: I, II…; 2: 1, 2… */
  depth: 0 | 1 | 2;
  /** "PHẦN THỨ NHẤT", "II", "3"…; "" for the single body of PHẦN THỨ HAI. */
  number: string;
  heading: string;
  kind: SectionKind;
  paragraphs: NarrativeParagraph[];
  /** The key a person writes this section under (submission narrative or the report's own text), if any. */
  editableKey: NarrativeKey | null;
  status: SectionStatus;
  /** The draft from the data (judgement sections), as accepting it would store it; null otherwise. */
  draft: string | null;
  /** An accepted draft whose data have changed since it was accepted. */
  stale: boolean;
  /** Decided at the document stage (accepted draft or own text), which "reset" undoes; null otherwise. */
  decided: "accepted" | "written" | null;
}

export interface Narrative {
  title: string;
  /** The summary line under the title: "Tổng kết công tác dân vận năm 2023". */
  summary: string;
  sections: NarrativeSection[];
  /** True when an estimated ("ước thực hiện") figure is written. */
  hasEstimates: boolean;
  /** Sections that stop the report from being issued: empty, or a draft not yet accepted. */
  missing: Array<{ key: string; heading: string; status: "empty" | "draft" }>;
}

/** What an empty section says in a document that is not issued yet. */
export const EMPTY_NOTE = "(Phần này chưa có số liệu và chưa được viết.)";

/** The summary line under "BÁO CÁO". */
export function summaryLine(p: Period): string {
  if (p.type === "year") return `Tổng kết công tác dân vận ${periodLabel(p)}`;
  if (p.type === "six_months" || p.type === "nine_months") return `Sơ kết công tác dân vận ${periodLabel(p)}`;
  return `Kết quả công tác dân vận ${periodLabel(p)}`;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
const PARTS = ["PHẦN THỨ NHẤT", "PHẦN THỨ HAI", "PHẦN THỨ BA"];

/** The paragraphs written from the figures, by outline section. */
function dataParagraphs(input: NarrativeInput): Map<string, NarrativeParagraph[]> {
  const ctx = { style: input.style ?? "party", ban: input.ban ?? null };
  const used = new Set<string>();
  const out = new Map<string, NarrativeParagraph[]>();
  const push = (section: string, ps: Array<NarrativeParagraph | null>) => {
    for (const p of ps) if (p) (out.get(section) ?? out.set(section, []).get(section)!).push(p);
  };
  for (const topic of TOPICS) push(sectionFor(topic.section, ctx), topicParagraphs(input, topic, used));
  // A reported resolution rate without resolved/received counts still gets its sentence.
  const rate = input.data.get("petitions.resolution_rate");
  if (rate && rate.current.value !== null && !used.has("petitions.resolution_rate")) {
    push("government", [new Writer(input.period.id).t("Tỷ lệ đơn thư được giải quyết đạt ").pct(rate.current.value, "petitions.resolution_rate", input.unit.id).t(".").paragraph()]);
    used.add("petitions.resolution_rate");
  }
  // Indicators administrators added, under the section their catalog section goes to.
  const bySection = new Map<string, Set<string>>();
  for (const d of input.data.values()) {
    const s = sectionFor(d.indicator.section, ctx);
    (bySection.get(s) ?? bySection.set(s, new Set()).get(s)!).add(d.indicator.section);
  }
  for (const [section, catalogSections] of bySection) push(section, [writeOthers(input, catalogSections, used)]);
  return out;
}

/** Composes the whole narrative. */
export function composeNarrative(input: NarrativeInput): Narrative {
  const outline = outlineOf({ style: input.style ?? "party", period: input.period, ban: input.ban ?? null, commune: input.unit.level === "commune" });
  const generated = dataParagraphs(input);
  const drafts = draftSections(input);
  const counters = [0, 0, 0];
  const sections = outline.map((e): NarrativeSection => {
    let number = "";
    if (e.numbered) {
      counters[e.depth]!++;
      for (let k = e.depth + 1; k < 3; k++) counters[k] = 0;
      const n = counters[e.depth]!;
      number = e.depth === 0 ? PARTS[n - 1] ?? "" : e.depth === 1 ? ROMAN[n - 1] ?? String(n) : String(n);
    }
    const base = { key: e.key, depth: e.depth, number, heading: e.heading, kind: e.kind, editableKey: e.editableKey };
    if (e.kind === "part" || e.kind === "group") return { ...base, paragraphs: [], status: "heading", draft: null, stale: false, decided: null };
    const gen = generated.get(e.key) ?? [];
    const decided = input.decided?.[e.key];
    const human = decided ? userParagraphs(decided.text) : userParagraphs(e.editableKey ? input.userText[e.editableKey] : undefined);
    const draftParas = e.kind === "judgement" ? drafts[e.key] ?? [] : [];
    const draft = draftParas.length ? draftParas.map((p) => p.text).join("\n\n") : null;
    let paragraphs: NarrativeParagraph[];
    let status: SectionStatus;
    if (human.length) {
      paragraphs = e.key === "overview" ? [...human, ...gen] : [...gen, ...human];
      status = decided?.kind === "accepted" ? "accepted" : "written";
    } else if (gen.length) {
      paragraphs = gen;
      status = "data";
    } else if (draftParas.length) {
      paragraphs = draftParas;
      status = "draft";
    } else {
      paragraphs = [];
      status = "empty";
    }
    const stale = decided?.kind === "accepted" && decided.draft !== null && draft !== null && decided.draft !== draft;
    return { ...base, paragraphs, status, draft, stale, decided: decided?.kind ?? null };
  });
  const hasEstimates = sections.some((s) => s.paragraphs.some((p) => p.figures.some((f) => f.estimated)));
  const missing = sections.filter((s) => s.status === "empty" || s.status === "draft").map((s) => ({ key: s.key, heading: s.heading, status: s.status as "empty" | "draft" }));
  return { title: "BÁO CÁO", summary: summaryLine(input.period), sections, hasEstimates, missing };
}

/** A section's heading line as documents write it ("II. CÔNG TÁC…", "1. Công tác…"). */
export function headingLine(s: NarrativeSection): string {
  if (s.depth === 0) return s.number ? `${s.number}\n${s.heading}` : s.heading;
  const h = s.depth === 1 ? upper(s.heading) : s.heading;
  return s.number ? `${s.number}. ${h}` : h;
}

/** The narrative as plain text (headings numbered, one paragraph per line; empty sections say so). */
export function narrativeText(n: Narrative): string {
  const lines = [n.title, n.summary, ""];
  for (const s of n.sections) {
    if (s.key === "tasks") continue; // PHẦN THỨ HAI's heading stands for its single body
    lines.push(headingLine(s));
    if (s.kind === "data" || s.kind === "judgement") lines.push(...(s.paragraphs.length ? s.paragraphs.map((p) => p.text) : [EMPTY_NOTE]), "");
    if (s.key === "part2") {
      const t = n.sections.find((x) => x.key === "tasks");
      if (t) lines.push(...(t.paragraphs.length ? t.paragraphs.map((p) => p.text) : [EMPTY_NOTE]), "");
    }
  }
  if (n.hasEstimates) lines.push("Ghi chú: số liệu ghi \"(ước thực hiện)\" là số ước thực hiện đến hết kỳ báo cáo.");
  return lines.join("\n").trimEnd() + "\n";
}

/** Every figure written in the narrative, with its section (for the extractor's round trip). */
export function writtenFigures(n: Narrative): Array<WrittenFigure & { section: string; paragraph: string }> {
  return n.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.figures.map((f) => ({ ...f, section: s.key, paragraph: p.text }))));
}
