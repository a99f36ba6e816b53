/**
 * Scope rules found on a study set of public news texts (helper ws): a meeting that a body above the provinces holds
 * in a city is not the city's. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: a central body's meeting held in a city names no unit", () => {
  const cases: Array<[string, string, [string | null, string | null]]> = [
    ["the venue before the central body",
      "Sáng 21/3, tại thành phố Huế, Ban Dân vận Trung ương tổ chức hội nghị tập huấn nghiệp vụ công tác dân vận cho cán bộ các tỉnh miền Trung. "
      + "Dự hội nghị có 150 đại biểu các tỉnh, thành phố.",
      [null, null]],
    ["a bare city as the venue",
      "Ngày 9/10 tại Hà Nội, Ủy ban Trung ương MTTQ Việt Nam đã tổ chức hội nghị góp ý dự thảo luật. Dự có đại diện 20 tỉnh, thành phố.",
      [null, null]],
    ["the central body first, the city after its meeting",
      "Chiều 4/6, Trung ương Hội Nông dân Việt Nam tổ chức hội nghị sơ kết 6 tháng đầu năm 2024 tại thành phố Cần Thơ. "
      + "Tham dự có lãnh đạo Hội Nông dân 13 tỉnh, thành phố khu vực đồng bằng sông Cửu Long.",
      [null, null]],
    ["a cluster of provinces meeting in one of them",
      "Ngày 2/8, Cụm thi đua số 4 gồm các tỉnh Tây Nguyên tổ chức hội nghị sơ kết 6 tháng đầu năm tại thành phố Buôn Ma Thuột, tỉnh Đắk Lắk.",
      [null, null]],
  ];
  for (const [name, text, want] of cases) test(name, () => {
    const s = scope(text);
    assert.deepEqual([s.unit, s.level], want);
  });
  test("false friend: a central delegation working with a province leaves the province", () => {
    const s = scope("Sáng 15/5, đoàn công tác Ban Dân vận Trung ương làm việc với Ban Thường vụ Tỉnh ủy Quảng Trị về công tác dân vận năm 2024. "
      + "Tỉnh ủy Quảng Trị đã ban hành 12 văn bản lãnh đạo công tác dân vận.");
    assert.deepEqual([s.unit, s.level], ["tỉnh Quảng Trị", "province"]);
  });
  test("false friend: a city's own body meeting in the city is the city's", () => {
    const s = scope("Sáng 7/12, tại thành phố Vinh, Ban Dân vận Tỉnh ủy Nghệ An tổ chức hội nghị tổng kết công tác dân vận năm 2023.");
    assert.deepEqual([s.unit, s.level], ["tỉnh Nghệ An", "province"]);
  });
});
