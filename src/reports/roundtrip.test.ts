/**
 * Round trip: the extractor (src/extract) reads the generated narrative back to the same figures,
 * every one of them — value, "a/b" denominator and indicator — and finds no figure we did not write.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parsePeriod } from "../core/period.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import { extractFigures } from "../extract/extract.ts";
import { composeNarrative, newsSummary, type IndicatorData, type NarrativeInput, type NarrativeParagraph } from "./narrative.ts";

/** Every catalog indicator with a value, last year's value and three sub-units' values. */
function everyIndicator(period: string, previous: string): NarrativeInput {
  const kids = [{ id: 2, name: "Xã Ia Rsai" }, { id: 3, name: "Thị trấn Phú Túc" }, { id: 4, name: "Xã Chư Gu" }];
  const data = new Map<string, IndicatorData>();
  DEFAULT_CATALOG.forEach((def, i) => {
    const base = def.unit === "đồng" ? 2_631_000_000 : def.aggregation === "rate" ? 93.1 : 100 + i * 37;
    const den = def.denominator ? base + 9 : null;
    data.set(def.key, {
      indicator: def,
      current: { unitId: 1, name: "Huyện Krông Pa", value: base, denominator: den, estimated: i % 7 === 3 },
      previous: { unitId: 1, name: "Huyện Krông Pa", value: def.unit === "đồng" ? 2_400_500_000 : Math.max(1, base - (i % 3) * 5), denominator: den, estimated: false },
      children: kids.map((k, j) => ({ unitId: k.id, name: k.name, value: Math.round(base / (j + 2)), denominator: den ? Math.round(den / (j + 1.5)) : null, estimated: false })),
    });
  });
  return { unit: { id: 1, fullName: "Huyện Krông Pa", level: "district", type: "huyện" }, period: parsePeriod(period), previous: parsePeriod(previous), data, userText: {} };
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

test("the extractor reads every figure of a narrative with every indicator back, and nothing else", () => {
  for (const [period, previous] of [["2023", "2022"], ["2024Q1", "2023Q1"]] as const) {
    const n = composeNarrative(everyIndicator(period, previous));
    const paragraphs = n.sections.flatMap((s) => s.paragraphs);
    assert.ok(paragraphs.flatMap((p) => p.figures).length > 60);
    assert.deepEqual(compare(paragraphs), [], period);
  }
});

test("the extractor reads the news item's figures back", () => {
  const news = newsSummary(everyIndicator("2023", "2022"));
  const body = news.text.split("\n").filter((l) => l.startsWith("Trong năm"));
  assert.equal(body.length, 1);
  const figures = extractFigures(body[0]!).filter((f) => f.indicator !== null);
  assert.ok(figures.some((f) => f.indicator === "dialogues.held"));
  assert.ok(figures.some((f) => f.indicator === "mediation.successful" && f.of !== null));
});
