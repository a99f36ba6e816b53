/**
 * Round trip: the extractor (src/extract) reads the generated narrative back to the same figures,
 * every one of them — value, "a/b" denominator and indicator — and finds no figure we did not write.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parsePeriod } from "../core/period.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import { extractFigures } from "../extract/extract.ts";
import { composeNarrative, type DraftSignals, type IndicatorData, type NarrativeInput, type NarrativeParagraph, type ReportUnit } from "./narrative.ts";
import { newsArticle } from "./news.ts";

/** Every catalog indicator with a value, last year's value and three sub-units' values. */
function everyIndicator(period: string, previous: string, unit: ReportUnit = { id: 1, name: "Krông Pa", fullName: "Huyện Krông Pa", level: "district", type: "huyện" }, opts: Partial<NarrativeInput> = {}): NarrativeInput {
  const kids = [{ id: 2, name: "Xã Ia Rsai", type: "xã" }, { id: 3, name: "Thị trấn Phú Túc", type: "thị trấn" }, { id: 4, name: "Xã Chư Gu", type: "xã" }];
  const data = new Map<string, IndicatorData>();
  DEFAULT_CATALOG.forEach((def, i) => {
    const base = def.unit === "đồng" ? 2_631_000_000 : def.aggregation === "rate" ? 93.1 : 100 + i * 37;
    const den = def.denominator ? base + 9 : null;
    // Some rise and some fall, so every kind of comparison and draft is written.
    const prev = def.unit === "đồng" ? 2_400_500_000 : def.aggregation === "rate" ? 90 : i % 2 ? Math.max(1, base - (i % 3) * 25) : base + 30;
    data.set(def.key, {
      indicator: def,
      current: { unitId: unit.id, name: unit.fullName, type: unit.type, value: base, denominator: den, estimated: i % 7 === 3 },
      previous: { unitId: unit.id, name: unit.fullName, type: unit.type, value: prev, denominator: den ? prev + 40 : null, estimated: false },
      children: kids.map((k, j) => ({ unitId: k.id, name: k.name, type: k.type, value: Math.round(base / (j + 2)), denominator: den ? Math.round(den / (j + 1.5)) : null, estimated: false })),
    });
  });
  const signals: DraftSignals = {
    submissions: { total: 14, late: 2, missing: 1, names: ["xã Ia Rsai", "xã Chư Gu"] }, petitions: { resolved: 30, onTime: 25, openPastDeadline: 4, rate: 80, dueNext: 3 },
    nextDue: "2025-01-15", superior: "Ban Dân vận Tỉnh ủy Gia Lai",
  };
  return { unit, period: parsePeriod(period), previous: parsePeriod(previous), data, userText: {}, ban: "Ban Dân vận", signals, ...opts };
}

function compare(paragraphs: NarrativeParagraph[]): string[] {
  const problems: string[] = [];
  for (const p of paragraphs) {
    const got = extractFigures(p.text);
    for (const f of p.figures) {
      const g = got.find((x) => x.start < f.end && f.start < x.end);
      const want = `${f.text} = ${f.value}${f.of !== null ? `/${f.of}` : ""} [${f.indicator}]`;
      if (!g) problems.push(`not read: ${want}`);
      else if (g.value !== f.value || (g.of ?? null) !== f.of || g.indicator !== f.indicator) {
        problems.push(`${want}, read as ${g.text} = ${g.value}${g.of !== null ? `/${g.of}` : ""} [${g.indicator}] in "…${p.text.slice(Math.max(0, f.start - 50), f.end + 10)}…"`);
      }
    }
    for (const g of got) if (!p.figures.some((f) => g.start < f.end && f.start < g.end)) problems.push(`read but not written: ${g.text} in "…${p.text.slice(Math.max(0, g.start - 50), g.end + 10)}…"`);
  }
  return problems;
}

test("the extractor reads every figure of a narrative with every indicator back (drafts included), and nothing else", () => {
  const ward: ReportUnit = { id: 9, name: "Quy Nhơn", fullName: "Phường Quy Nhơn", level: "commune", type: "phường" };
  const commune: ReportUnit = { id: 8, name: "Ia Rsai", fullName: "Xã Ia Rsai", level: "commune", type: "xã" };
  const cases: Array<[string, NarrativeInput]> = [
    ["district 2023", everyIndicator("2023", "2022")],
    ["district 2024Q1", everyIndicator("2024Q1", "2023Q1")],
    ["State 2023S1", everyIndicator("2023S1", "2022S1", undefined, { style: "state", ban: null })],
    ["phường 2025", everyIndicator("2025", "2024", ward, { ban: "Ban Xây dựng Đảng", reformed: true })],
    ["xã 2024N9", everyIndicator("2024N9", "2023N9", commune, { ban: null })],
  ];
  for (const [label, input] of cases) {
    const n = composeNarrative(input);
    const paragraphs = n.sections.flatMap((s) => s.paragraphs);
    assert.ok(paragraphs.flatMap((p) => p.figures).length > 60, label);
    assert.ok(paragraphs.some((p) => p.source === "draft" && p.figures.length > 0), label);
    assert.deepEqual(compare(paragraphs), [], label);
  }
});

test("the extractor reads the news article's key figures back", () => {
  const input = everyIndicator("2023", "2022");
  const news = newsArticle({ ...input, body: "Ban Dân vận Huyện ủy Krông Pa", date: "2023-12-26", chair: null, tasks: [] });
  assert.ok(news.figures.length >= 4);
  const paragraphs = news.paragraphs.map((text) => ({ text, figures: news.figures.filter((f) => f.paragraph === text), source: "data" as const }));
  assert.deepEqual(compare(paragraphs), []);
  // Read from the article's own text, as a reader would copy it from the page.
  const read = extractFigures(news.text).filter((f) => f.indicator !== null);
  for (const key of ["dialogues.held", "reception.turns", "petitions.resolved", "mediation.successful"]) assert.ok(read.some((f) => f.indicator === key), key);
});
