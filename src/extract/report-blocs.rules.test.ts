import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Phrasings of the reports of Party committees' mass-mobilization blocs and Ban Dân vận (made-up sentences, round
 * on whole commune, district and province reports): documents a committee drew up to make a higher one's concrete,
 * lists of documents with a word after each kind. Shown as a reviewer sees them: "value[/of] unit → indicator".
 */
const cases: Array<[string, string, string[]]> = [
  ["documents a committee made a higher one's concrete by ('cụ thể hóa bằng/thành') are its own",
    "Đảng ủy đã cụ thể hóa bằng 06 văn bản để lãnh đạo, chỉ đạo. Khối dân vận cụ thể hóa thành 03 kế hoạch để triển khai.",
    ["6 văn bản → docs.issued", "3 kế hoạch → docs.issued"]],
  ["a commune's schemes drawn from a district's: the district's are carried out, the commune's issued",
    "Góp phần thực hiện 04 Đề án của Ban Thường vụ Huyện ủy đã cụ thể hóa thành 04 Đề án của Ban Thường vụ Đảng ủy xã.",
    ["4 đề án → -", "4 đề án → docs.issued"]],
  ["a higher level's documents made concrete are not issued",
    "Đảng ủy đã cụ thể hoá 05 văn bản của cấp trên. Triển khai, cụ thể hóa 08 văn bản chỉ đạo của Huyện ủy.",
    ["5 văn bản → -", "8 văn bản → -"]],
  ["a list of documents issued with a word after a kind ('02 Nghị quyết chuyên đề, 04 Kế hoạch và 01 Chương trình')",
    "Tham mưu ban hành 02 Nghị quyết chuyên đề, 04 Kế hoạch và 01 Chương trình hành động.",
    ["2 nghị quyết → docs.issued", "4 kế hoạch → docs.issued", "1 chương trình → docs.issued"]],
];

describe("report blocs: documents", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seenFigures(text), want));
});

/** Counts by level or per unit after a hamlet's word, which elsewhere names the hamlet ("thôn 5"). */
const levels: Array<[string, string, string[]]> = [
  ["a count after 'cấp thôn' in a breakdown by level is a count, not hamlet 20",
    "Đăng ký xây dựng 24 mô hình “Dân vận khéo” (cấp xã 04 mô hình, cấp thôn 20 mô hình).",
    ["24 mô hình → dvk.models", "4 mô hình → dvk.models", "20 mô hình → dvk.models"]],
  ["a count per hamlet ('mỗi ấp 2 buổi') is a count",
    "Tổ chức tuyên truyền tại các ấp, mỗi ấp 2 buổi.", ["2 buổi → campaign.sessions"]],
  ["a hamlet named by its number stays a name", "Xây dựng 01 mô hình điểm ở thôn 3.", ["1 mô hình → -"]],
];

describe("report blocs: counts after a hamlet's word", () => {
  for (const [name, text, want] of levels) test(name, () => assert.deepEqual(seenFigures(text), want));
});

/** A report's account of its unit ("I. Đặc điểm tình hình"): the villages it holds are their total. */
const own: Array<[string, string, string[]]> = [
  ["a commune that has N villages, named with its name, in the report's account of it",
    "Xã Hòa Sơn có 12 thôn, buôn; 2.345 hộ với 10.120 khẩu.", ["12 thôn → villages.total", "2345 hộ → -", "10120 khẩu → -"]],
  ["a district that now has N residential groups", "Huyện hiện có 168 thôn, buôn, tổ dân phố.", ["168 thôn → villages.total"]],
  ["villages that reached something are not the total", "Xã Hòa Sơn có 9 thôn đạt danh hiệu thôn văn hóa.", ["9 thôn → -"]],
  ["a count per commune is not the total", "Mỗi xã có 2 thôn làm điểm.", ["2 thôn → -"]],
];

describe("report blocs: the unit's own villages", () => {
  for (const [name, text, want] of own) test(name, () => assert.deepEqual(seenFigures(text), want));
});
