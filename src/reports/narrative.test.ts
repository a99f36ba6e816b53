import { test } from "node:test";
import assert from "node:assert/strict";
import { parsePeriod } from "../core/period.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import { composeNarrative, narrativeText, newsSummary, writtenFigures, type IndicatorData, type NarrativeInput, type UnitValue } from "./narrative.ts";

const unit = { id: 1, fullName: "Huyện Krông Pa", level: "district" as const, type: "huyện" };
const kids = [
  { id: 2, name: "Xã Ia Rsai" },
  { id: 3, name: "Xã Chư Gu" },
  { id: 4, name: "Thị trấn Phú Túc" },
];

/** Builds an input from { key: [this year, last year, [children…], denominator?, estimated?] }. */
function input(values: Record<string, { cur: number | null; prev?: number | null; kids?: Array<number | null>; den?: number | null; kidDen?: number[]; est?: boolean }>, userText: Record<string, string> = {}): NarrativeInput {
  const data = new Map<string, IndicatorData>();
  for (const [key, v] of Object.entries(values)) {
    const def = DEFAULT_CATALOG.find((d) => d.key === key)!;
    const val = (unitId: number, name: string, value: number | null, den: number | null, estimated = false): UnitValue => ({ unitId, name, value, denominator: den, estimated });
    data.set(key, {
      indicator: def,
      current: val(1, unit.fullName, v.cur, v.den ?? null, v.est ?? false),
      previous: v.prev === undefined ? null : val(1, unit.fullName, v.prev, null),
      children: (v.kids ?? []).map((x, i) => val(kids[i]!.id, kids[i]!.name, x, v.kidDen?.[i] ?? null)),
    });
  }
  return { unit, period: parsePeriod("2023"), previous: parsePeriod("2022"), data, userText };
}

test("figures are written with their noun, verb and comparison with the year before", () => {
  const n = composeNarrative(input({
    "dialogues.held": { cur: 19, prev: 16 },
    "mediation.successful": { cur: 34, den: 37, prev: 34 },
    "mediation.cases": { cur: 37 },
    "reception.turns": { cur: 71, prev: 80 },
    "reception.people": { cur: 98 },
    "contrib.money_vnd": { cur: 2_631_000_000 },
    "contrib.land_m2": { cur: 22590 },
  }));
  const text = narrativeText(n);
  assert.match(text, /tổ chức được 19 cuộc đối thoại của người đứng đầu với Nhân dân, tăng 3 cuộc so với năm 2022/);
  assert.match(text, /hòa giải thành công 34\/37 vụ, đạt 91,9%, bằng năm 2022/);
  assert.match(text, /tiếp 71 lượt công dân với 98 người, giảm 9 lượt so với năm 2022/);
  assert.match(text, /vận động xã hội hóa được 2 tỷ 631 triệu đồng/);
  assert.match(text, /hiến 22\.590 m2 đất/);
  // The mediation cases are written once, as the denominator of 34/37.
  assert.doesNotMatch(text, /tiếp nhận 37 vụ/);
});

test("every written figure's span points at its text, and carries its indicator", () => {
  const n = composeNarrative(input({ "dialogues.held": { cur: 19, prev: 16 }, "mediation.successful": { cur: 34, den: 37 }, "mediation.cases": { cur: 37 } }));
  const figs = writtenFigures(n);
  for (const f of figs) assert.equal(f.paragraph.slice(f.start, f.end), f.text);
  assert.deepEqual(figs.map((f) => [f.text, f.value, f.of, f.indicator]), [
    ["19 cuộc đối thoại của người đứng đầu với Nhân dân", 19, null, "dialogues.held"],
    ["3 cuộc", 3, null, null],
    ["34/37 vụ", 34, 37, "mediation.successful"],
    ["91,9%", 91.9, null, "mediation.successful"],
  ]);
});

test("sections without figures or text are left out; zero is not written", () => {
  const n = composeNarrative(input({ "dialogues.held": { cur: 19 }, "dvk.models": { cur: 0 } }));
  const text = narrativeText(n);
  assert.doesNotMatch(text, /\b0 mô hình/);
  assert.doesNotMatch(text, /Hoạt động của Ban Dân vận/i);
  assert.doesNotMatch(text, /Ưu điểm/);
  assert.match(text, /\nI\. CÔNG TÁC DÂN VẬN CỦA HỆ THỐNG CHÍNH TRỊ/);
  // Numbering follows the visible sections: the first visible subsection is "1.".
  assert.match(text, /1\. Công tác dân vận của chính quyền/);
  const hidden = n.sections.find((s) => s.key === "strengths")!;
  assert.equal(hidden.visible, false);
  assert.equal(hidden.editableKey, "strengths");
});

test("users' own sections are kept as written, in their place in the outline", () => {
  const n = composeNarrative(input({ "dialogues.held": { cur: 19 } }, { weaknesses: "Một số cơ sở còn chậm báo cáo.\n\nNguyên nhân: thiếu cán bộ.", tasks: "Tiếp tục đổi mới phương thức." }));
  const text = narrativeText(n);
  assert.match(text, /II\. ĐÁNH GIÁ CHUNG\n\n1\. Hạn chế, nguyên nhân\nMột số cơ sở còn chậm báo cáo\.\nNguyên nhân: thiếu cán bộ\./);
  assert.match(text, /PHẦN THỨ HAI\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n+Tiếp tục đổi mới phương thức\./);
});

test("the best and weakest sub-units are named with their own figures", () => {
  const n = composeNarrative(input({
    "reception.turns": { cur: 40, kids: [25, 3, 12] },
    "mediation.successful": { cur: 15, den: 20, kids: [10, 2, 3], kidDen: [10, 5, 5] },
  }));
  const text = narrativeText(n);
  assert.match(text, /Xã Ia Rsai tiếp 25 lượt công dân, nhiều nhất; Xã Chư Gu tiếp 3 lượt công dân, ít nhất\./);
  assert.match(text, /Xã Ia Rsai hòa giải thành công 10\/10 vụ, đạt 100%, cao nhất; Xã Chư Gu hòa giải thành công 2\/5 vụ, đạt 40%, thấp nhất\./);
  const f = writtenFigures(n).find((x) => x.text === "25 lượt công dân")!;
  assert.equal(f.unitId, 2);
});

test("estimated figures say so, and the news item carries the headline figures", () => {
  const inp = input({ "dialogues.held": { cur: 19, est: true }, "petitions.received": { cur: 35 }, "petitions.resolved": { cur: 30, den: 35 } });
  const text = narrativeText(composeNarrative(inp));
  assert.match(text, /19 cuộc đối thoại của người đứng đầu với Nhân dân \(ước thực hiện\)/);
  assert.match(text, /tiếp nhận 35 đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh; đã giải quyết 30\/35 đơn, đạt 85,7%/);
  const news = newsSummary(inp);
  assert.equal(news.title, "Huyện Krông Pa: kết quả công tác dân vận năm 2023");
  assert.match(news.text, /19 cuộc đối thoại/);
  assert.match(news.html, /^<article>\n<h1>Huyện Krông Pa: kết quả công tác dân vận năm 2023<\/h1>/);
});
