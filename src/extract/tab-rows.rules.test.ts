import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";
import { extractFigures } from "./extract.ts";

/**
 * Plain-text tables pasted with tabs (made-up rows): a two- or three-cell row is read as "label: number unit";
 * lines with more cells or digits in the label stay as they were. Shown as "value[/of] unit → indicator".
 */
const cases: Array<[string, string, string[]]> = [
  ["a label and a bare number: the label names what is counted",
    "Kết quả phát động quần chúng năm nay\nSố hộ ký cam kết\t1.850\nSố buổi tuyên truyền\t32",
    ["1850 hộ → campaign.participants", "32 buổi → campaign.sessions"]],
  ["a label, a number and its unit in a third cell",
    "Kết quả vận động nhân dân làm đường\nNgày công đóng góp\t9\tngày công", ["9 ngày công → contrib.labor_days"]],
  ["a row with more cells is left to the table reader",
    "Chỉ tiêu\t2023\t2024\nSố hộ\t12\t15\t18", []],
];

describe("extractor: rows of a table pasted with tabs (made-up rows)", () => {
  for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(seenFigures(text), expected));
});

describe("extractor: a row's serial number in a table pasted with tabs (made-up rows)", () => {
  test("'1\\tXã A\\t05\\t03': the row's number before its label cell is no count of communes", () => {
    const text = "STT\tĐơn vị\tSố mô hình\tSố điển hình\n1\tXã Ea Tul\t05\t03\n2\tThị trấn Liên Sơn\t04\t02";
    const starts = [text.indexOf("1\tXã"), text.indexOf("2\tThị")];
    assert.deepEqual(extractFigures(text).filter((f) => starts.includes(f.start)).map((f) => `${f.value} ${f.unit}`), []);
  });
  test("a number with its unit at a line's start, with no more cells after, is still read", () => {
    assert.deepEqual(seenFigures("Kết quả\n120\tmô hình Dân vận khéo"), ["120 mô hình → dvk.models"]);
  });
});
