/**
 * Tables that reach the reader as plain text: a Word table pasted with tabs (a serial cell, a label, a unit cell, the
 * number), and a table saved as text with one cell a line (as a word processor's "save as text" writes it), read as
 * tables (text-tables.ts, grid.ts). Tables are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

/** "value[/of] unit → indicator" of the report's figures, its tables' included. */
const seen = (s: string) => extractReport(s).figures.map((f) => `${f.value}${f.of !== null ? "/" + f.of : ""} ${f.unit ?? "-"} → ${f.indicator ?? "-"}`);
const spans = (s: string) => extractReport(s).figures.map((f) => f.text);

describe("tables as plain text", () => {
  test("rows pasted with tabs: serial, label, unit, number", () => {
    const t = "TT\tNội dung\tĐơn vị tính\tSố lượng\n1\tTiếp công dân\tLượt\t64\n2\tHòa giải thành\tVụ\t21\n3\tMô hình Dân vận khéo\tMô hình\t17";
    assert.deepEqual(seen(t), ["64 lượt → reception.turns", "21 vụ → mediation.successful", "17 mô hình → dvk.models"]);
    assert.deepEqual(spans(t), ["64", "21", "17"]);
  });
  test("rows pasted with tabs: serial, label, number", () => {
    assert.deepEqual(seen("STT\tChỉ tiêu\tKết quả\n1\tTiếp công dân\t118\n2\tGiám sát\t9"), ["118 lượt → reception.turns", "9 cuộc → oversight.count"]);
  });
  test("one cell a line under a header: the cells are put back into rows", () => {
    const t = "Kết quả năm 2024\nTT\nNội dung\nĐơn vị tính\nSố lượng\n1\nTiếp công dân\nLượt\n64\n2\nHòa giải thành\nVụ\n21\n3\nMô hình Dân vận khéo\nMô hình\n17\nHết.";
    assert.deepEqual(seen(t), ["64 lượt → reception.turns", "21 vụ → mediation.successful", "17 mô hình → dvk.models"]);
    assert.deepEqual(spans(t), ["64", "21", "17"]);
  });
  test("an empty cell keeps its line, and the table ends where a row does not open with a serial", () => {
    const t = "STT\nNội dung\nĐVT\nKết quả\nGhi chú\n1\nTiếp công dân\nLượt\n64\n\n2\nGiám sát\nCuộc\n9\nđạt\nTrong năm, các xã đã hòa giải thành 12 vụ.";
    assert.deepEqual(seen(t), ["64 lượt → reception.turns", "9 cuộc → oversight.count", "12 vụ → mediation.successful"]);
  });
  test("a row's later columns (one year a column) count what its label does; a comparison's share is not counted", () => {
    const t = "STT\nNội dung\nĐVT\nNăm 2023\nNăm 2024\nSo sánh\n1\nTiếp công dân\nLượt\n58\n64\n110%\n2\nGiám sát\nCuộc\n7\n9\n";
    assert.deepEqual(seen(t), ["58 lượt → reception.turns", "64 lượt → reception.turns", "110 % → -", "7 cuộc → oversight.count", "9 cuộc → oversight.count"]);
  });
  test("money in millions by its unit's cell is counted in đồng", () => {
    assert.deepEqual(seen("TT\nNội dung\nĐVT\nKết quả\n1\nKinh phí vận động xây nhà đại đoàn kết\nTriệu đồng\n1.250\n2\nNhà đại đoàn kết\nCăn\n25"),
      ["1250000000 đồng → contrib.money_vnd", "25 căn → contrib.houses"]);
  });
  test("a list of one item a line with no table header is left as it is", () => {
    assert.deepEqual(seen("Các xã đã thực hiện:\n1\nTiếp công dân 64 lượt\n2\nGiám sát 9 cuộc"), ["64 lượt → reception.turns", "9 cuộc → oversight.count"]);
  });
});
