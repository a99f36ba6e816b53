/**
 * normalize.ts prepare: runs of spaces typed inside a sentence ("tiếp  71  lượt") read as one space; a column's gap
 * before a number that ends its line or its cell ("Tiếp công dân    83") is kept. Spans still point into the text as
 * given. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";
import { prepare } from "./normalize.ts";
import { seenFigures } from "../test-support/figures-seen.ts";

const seen = (s: string) => extractReport(s).figures.map((f) => `${f.text} → ${f.indicator ?? "-"}`);

describe("prepare: spaces doubled inside a sentence", () => {
  test("a sentence typed with doubled spaces reads as typed with single ones", () => {
    assert.deepEqual(seen("Trong năm,  Thường trực Huyện ủy  đã tiếp  71  lượt  công dân  và tổ chức  19  cuộc đối thoại."),
      ["71  lượt → reception.turns", "19  cuộc → dialogues.held"]);
    assert.deepEqual(seen("Các tổ hòa  giải đã hòa giải thành  34/37  vụ việc."), ["34/37  vụ việc → mediation.successful"]);
    assert.deepEqual(seen("Nhân dân hiến  1.200  m2 đất  để làm đường giao thông."), ["1.200  m2 → contrib.land_m2"]);
  });
  test("the scope is read through doubled spaces", () => {
    const s = extractReport("BÁO CÁO\nKết quả công tác dân vận  6 tháng đầu năm  2024 của  huyện  Krông Pa\nHuyện đã tiếp 40 lượt công dân.").scope;
    assert.equal(s.period, "2024S1");
  });
  test("a column's gap before a number ending its line or cell stays a gap", () => {
    assert.deepEqual(seenFigures("Tiếp công dân    83\nHòa giải thành  29/33"), ["83 lượt → reception.turns", "29/33 vụ → mediation.successful"]);
    assert.equal(prepare("Tiếp công dân    83\nHòa giải thành  29/33  (vụ)\n  12  Xã A").text, "Tiếp công dân    83\nHòa giải thành  29/33  (vụ)\n  12  Xã A");
  });
  test("zero-width spaces and joiners pasted from a page are not read as text", () => {
    assert.deepEqual(seen("Huyện đã tiếp\u200b 71 lượt công\u200b dân và hòa giải\u200b thành 34/37 vụ việc."),
      ["71 lượt → reception.turns", "34/37 vụ việc → mediation.successful"]);
    const raw = "tiếp\u200b 71\u2060 lượt";
    const p = prepare(raw);
    assert.equal(p.text, "tiếp 71 lượt");
    const [a, b] = p.toOriginal(5, 12);
    assert.equal(raw.slice(a, b), "71\u2060 lượt");
  });
  test("a pair typed with spaces around its slash, and thousands grouped by a thin space, read as typed plainly", () => {
    assert.deepEqual(seen("Các tổ đã hòa giải thành 34/ 37 vụ, xã A hòa giải thành 12 / 15 vụ."), ["34/ 37 vụ → mediation.successful", "12 / 15 vụ → mediation.successful"]);
    assert.deepEqual(seen("Nhân dân hiến 1\u202f200 m2 đất, vận động 2\u2009500 ngày công."), ["1\u202f200 m2 → contrib.land_m2", "2\u2009500 ngày công → contrib.labor_days"]);
    assert.equal(prepare("ngày 12 / 3, số 5 /QĐ, 1\u202f25").text, "ngày 12/3, số 5 /QĐ, 1 25");
  });
  test("a range of years typed with a space after its dash is a range, not a count", () => {
    assert.deepEqual(seen("Trong giai đoạn 2023- 2025 tỉnh đã tiếp 12 lượt công dân; nhiệm kỳ 2020– 2025 có 5 xã đạt chuẩn nông thôn mới."),
      ["12 lượt → reception.turns", "5 xã → new_rural.communes"]);
    assert.equal(prepare("giai đoạn 2023- 2025, tổ 5- 7 người").text, "giai đoạn 2023-2025, tổ 5- 7 người");
  });
  test("spans point into the text as given, and indentation is kept", () => {
    const raw = "   Đã tiếp  71  lượt công dân.";
    const p = prepare(raw);
    assert.equal(p.text, "   Đã tiếp 71 lượt công dân.");
    const at = p.text.indexOf("71 lượt");
    const [a, b] = p.toOriginal(at, at + "71 lượt".length);
    assert.equal(raw.slice(a, b), "71  lượt");
  });
});
