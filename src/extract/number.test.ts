import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { formatVietnameseNumber, readVietnameseNumber, scanNumberWords } from "./number.ts";
import { extractFigures } from "./extract.ts";
import { prepare } from "./normalize.ts";

describe("number reader: the reading rules of the reports", () => {
  const cases: Array<[string, number, number | null, string | null, boolean]> = [
    ["22.590", 22590, null, null, false],
    ["1.381.610", 1381610, null, null, false],
    ["93,1%", 93.1, null, null, true],
    ["41,3 %", 41.3, null, null, true],
    ["05", 5, null, null, false],
    ["03/15", 3, 15, null, false],
    ["34/37", 34, 37, null, false],
    ["2 tỷ 631 triệu", 2631000000, null, null, false],
    ["hơn 2 tỷ 631 triệu", 2631000000, null, "hơn", false],
    ["1,5 tỷ", 1500000000, null, null, false],
    ["3,4 tỷ", 3400000000, null, null, false],
    // Scaled decimals are whole amounts, not 8199999999.999999.
    ["8,2 tỷ", 8200000000, null, null, false],
    ["4,1 triệu", 4100000, null, null, false],
    ["600 nghìn", 600000, null, null, false],
    ["35 ngàn", 35000, null, null, false],
    ["1 triệu 500 nghìn", 1500000, null, null, false],
    // "vạn" is ten thousand ("hàng vạn người", "30 vạn người").
    ["30 vạn", 300000, null, null, false],
    ["trên 1,5 vạn", 15000, null, "trên", false],
    ["2 vạn 5 nghìn", 25000, null, null, false],
    ["khoảng 5.300", 5300, null, "khoảng", false],
    ["gần như 100%", 100, null, "gần", true],
    ["trên 90%", 90, null, "trên", true],
    ["gần 40", 40, null, "gần", false],
    ["5. 230", 5230, null, null, false],
    ["1.234.567,89", 1234567.89, null, null, false],
  ];
  for (const [s, value, of, qualifier, percent] of cases) {
    test(`"${s}" reads ${value}${of !== null ? "/" + of : ""}`, () => {
      assert.deepEqual(readVietnameseNumber(s), { value, of, qualifier, percent });
    });
  }
  test("text that is not one number reads as null", () => {
    for (const s of ["", "abc", "năm 2023 và 2024", "12 cuộc", "hàng trăm", "1 2"]) assert.equal(readVietnameseNumber(s), null, s);
  });
  test("NFD input and upper case read the same", () => {
    assert.deepEqual(readVietnameseNumber("HƠN 2 TỶ 631 TRIỆU".normalize("NFD")), { value: 2631000000, of: null, qualifier: "hơn", percent: false });
  });
});

describe("number reader: properties", () => {
  test("a number written the Vietnamese way reads back to itself", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (int, cents, dec) => {
      const n = dec ? int + cents / 100 : int;
      const r = readVietnameseNumber(formatVietnameseNumber(n));
      return r !== null && Math.abs(r.value - n) < 1e-6 && r.of === null;
    }), { numRuns: 2000 });
  });
  test("a zero-padded a/b pair reads back", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 999 }), (a, b) => {
      const r = readVietnameseNumber(`${String(a).padStart(2, "0")}/${b}`);
      return r !== null && r.value === a && r.of === b;
    }));
  });
  test("scale words compose: N tỷ M triệu", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 1, max: 999 }), (t, m) => {
      return readVietnameseNumber(`${t} tỷ ${m} triệu`)?.value === t * 1e9 + m * 1e6;
    }));
  });
  test("random strings never throw", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      readVietnameseNumber(s);
      return true;
    }), { numRuns: 3000 });
  });
});

const genre = fc.constantFrom(
  "tiếp ", "71 lượt công dân", " với ", "98 người", ", ", "; ", ". ", "\r\n", "hòa giải thành công ", "34/37 vụ", "hơn ",
  "2 tỷ 631 triệu đồng", "&nbsp;", "&amp;", "<p>", "</p>", "93,1%", "ngày 26/12/2023", "17-CT/TU", "Đội công tác 253", "khoảng ",
  "04 đợt", "Hoà".normalize("NFD"), "năm 2023", "đối thoại 3 lượt", "0 trong 0 đánh giá", "hội nghị", " ", "\u0301", "&#", "<", "1.", "5. 230 hộ",
);

describe("extractor: properties", () => {
  const spansHold = (s: string) => {
    for (const f of extractFigures(s)) {
      if (!(f.start >= 0 && f.start <= f.end && f.end <= s.length)) return false;
      if (s.slice(f.start, f.end) !== f.text) return false;
      if (!Number.isFinite(f.value)) return false;
    }
    return true;
  };
  test("spans lie inside the text and slice to the figure's text (genre fragments, NFD, HTML, CRLF)", () => {
    fc.assert(fc.property(fc.array(genre, { maxLength: 40 }), (parts) => spansHold(parts.join(""))), { numRuns: 1500 });
  });
  test("arbitrary unicode never throws and keeps the span contract", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => spansHold(s)), { numRuns: 1500 });
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(..."0123456789.,/%-: hơnvụlượt&;<>\r\n\u0300\u0301đ"), maxLength: 200 }), (s) => spansHold(s)), { numRuns: 3000 });
  });
  test("the prepared key has the length of the prepared text (offsets stay valid)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
      const p = prepare(s);
      return p.key.length === p.text.length;
    }), { numRuns: 1500 });
  });
});

describe("extractor: large input", () => {
  // Linear, not quadratic: ten times the text takes about ten times as long (a quadratic reader
  // takes a hundred times). Timed against the same reader on 1 MB in the same run, so a busy
  // machine slows both alike.
  const timed = (text: string) => {
    const t0 = performance.now();
    const n = extractFigures(text).length;
    return { ms: performance.now() - t0, n };
  };
  test("a 10 MB report is read in linear time", () => {
    const para = "Trong năm, huyện đã tổ chức được 19 cuộc đối thoại, tiếp 71 lượt công dân với 98 người; hòa giải thành công 34/37 vụ, vận động hơn 2 tỷ 631 triệu đồng. Ngày 26/12/2023 theo Kế hoạch 17-CT/TU. ";
    const reps = (mb: number) => Math.ceil((mb * 1_000_000) / para.length);
    timed(para.repeat(reps(0.2))); // warm up
    const small = timed(para.repeat(reps(1)));
    const big = timed(para.repeat(reps(10)));
    assert.equal(big.n, 5 * reps(10));
    assert.ok(big.ms < 25 * small.ms, `10 MB took ${Math.round(big.ms)} ms, 1 MB ${Math.round(small.ms)} ms`);
  });
  test("a 10 MB run without sentence marks or spaces does not blow up", () => {
    const junk = (k: number) => "1".repeat(200_000 * k) + "a".repeat(300_000 * k) + "5/".repeat(100_000 * k) + " hơn".repeat(50_000 * k)
      + "Số cuộc đối thoại: 19 ".repeat(5_000 * k) + "\n100%\n".repeat(10_000 * k) + " ".repeat(100_000 * k) + "7 " + "<p>&amp;".repeat(10_000 * k);
    timed(junk(1));
    const small = timed(junk(1));
    const big = timed(junk(10));
    assert.ok(big.ms < 25 * small.ms + 50, `10 MB took ${Math.round(big.ms)} ms, 1 MB ${Math.round(small.ms)} ms`);
  });
});

describe("numbers written in words", () => {
  const cases: Array<[string, number | null]> = [
    ["hai cuộc", 2], ["mười lăm lượt", 15], ["ba mươi mốt vụ", 31], ["bốn mươi tư hộ", 44], ["một trăm hộ", 100],
    ["hai trăm linh năm người", 205], ["ba trăm hai mươi buổi", 320], ["năm mươi người", 50],
    ["năm học", null], ["một số đơn vị", null], ["cuộc", null],
  ];
  for (const [s, value] of cases) {
    test(`"${s}" reads ${value}`, () => assert.equal(scanNumberWords(s, 0)?.value ?? null, value));
  }
});
