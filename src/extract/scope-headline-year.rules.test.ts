/**
 * Scope rules for a headline that writes its year bare, without "năm" ("Ea Kar 2023: …", "Tổng kết công tác dân vận
 * 2024"): the place before it is the headline's place and the year is the period. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;
const district = "\nNăm qua, Ban Dân vận Huyện ủy tham mưu ban hành 9 văn bản; toàn huyện có 42 mô hình Dân vận khéo.";

describe("scope: a place and a bare year opening the headline", () => {
  test("'Ea Kar 2023: …' names huyện Ea Kar and the year 2023", () => {
    const s = scope(`Ea Kar 2023: Dân vận khéo lan tỏa khắp thôn buôn${district}`);
    assert.equal(s.unit, "huyện Ea Kar");
    assert.equal(s.period, "2023");
  });
  test("a dash after the year, as after a colon: 'Chư Sê 2022 - một năm …'", () => {
    const s = scope(`Chư Sê 2022 - một năm nhiều dấu ấn công tác dân vận${district}`);
    assert.equal(s.unit, "huyện Chư Sê");
    assert.equal(s.period, "2022");
  });
  test("a bare year closing the headline: 'Tổng kết công tác dân vận 2024'", () => {
    const t = "Tổng kết công tác dân vận 2024\nChiều 19/12, Ban Dân vận Huyện ủy Ea Kar tổ chức hội nghị tổng kết. Toàn huyện có 42 mô hình Dân vận khéo.";
    assert.equal(scope(t).period, "2024");
  });
});

describe("scope: numbers in a headline that are no bare year", () => {
  test("a count before its noun ('Trao 2024 suất quà …') names no period", () => {
    const t = "Trao 2024 suất quà cho hộ nghèo\nSáng 9/2, Ủy ban MTTQ huyện Ea Kar trao quà cho hộ nghèo các xã.";
    assert.equal(scope(t).period, null);
  });
  test("the years of a span or a date ('(15/10/1930 – 15/10/2025)', 'nhiệm kỳ 2025 - 2030') name no period", () => {
    assert.equal(scope("Kỷ niệm 95 năm Ngày truyền thống công tác Dân vận (15/10/1930 – 15/10/2025)\nSáng 14/10, Huyện ủy Ea Kar tổ chức lễ kỷ niệm.").period, null);
    assert.equal(scope("Đại hội Hội Nông dân xã Ea Ô nhiệm kỳ 2025 - 2030\nSáng 9/5, Hội Nông dân xã tổ chức đại hội với 120 đại biểu.").period, null);
  });
  test("a season's year ('Vui Tết 2025: …') names no period", () => {
    const t = "Vui Tết 2025: Ea Kar trao quà cho hộ nghèo\nSáng 20/1, Ủy ban MTTQ huyện trao 300 suất quà.";
    assert.equal(scope(t).period, null);
  });
});

describe("scope: a topic, then a place and a bare year, opening the headline", () => {
  test("'Dân vận Krông Pa 2024: …' names huyện Krông Pa and the year 2024", () => {
    const s = scope(`Dân vận Krông Pa 2024: nhiều dấu ấn trong lòng dân${district}`);
    assert.equal(s.unit, "huyện Krông Pa");
    assert.equal(s.period, "2024");
  });
  test("'Công tác dân vận Ea Kar: …' names huyện Ea Kar", () => {
    assert.equal(scope(`Công tác dân vận Ea Kar: lấy dân làm gốc${district}`).unit, "huyện Ea Kar");
  });
  test("guard: 'Dân vận khéo …' opening the headline names no place", () => {
    assert.equal(scope(`Dân vận khéo góp phần xây dựng nông thôn mới${district}`).unit, null);
  });
});
