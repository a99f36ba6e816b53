/**
 * The period: a past year given only as the starting point of a comparison ("Năm 2016, toàn tỉnh chỉ có 9 mô hình, đến nay
 * đã có 350") dates no figures of the report; a quarter titled with its year after a comma ("QUÝ I, NĂM 2024") is that
 * year's. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const period = (t: string) => extractReport(t).scope.period;
const BODY = "Các cấp ủy đã tổ chức 14 cuộc đối thoại với nhân dân, tiếp nhận 52 đơn thư, hòa giải thành 40/46 vụ việc.";

describe("scope: a past year as a comparison's starting point", () => {
  test("'Năm 2016 … chỉ có …, đến nay …' in a text dated later: not the period", () => {
    assert.equal(period(`Phong trào dân vận khéo ở Quảng Ngãi\nNăm 2016, toàn tỉnh chỉ có 12 mô hình dân vận khéo, đến nay đã có 410 mô hình. ${BODY}\nTại hội nghị tổng kết công tác dân vận năm 2024, Ban Dân vận Tỉnh ủy biểu dương 20 tập thể.`), "2024");
  });
  test("the same starting point with only the meeting's date: no period rather than the past year", () => {
    assert.equal(period(`Phong trào dân vận khéo ở Quảng Ngãi\nNăm 2016, toàn tỉnh chỉ có 12 mô hình dân vận khéo, đến nay đã có 410 mô hình. ${BODY}\nNgày 18/12/2024, Ban Dân vận Tỉnh ủy tổ chức hội nghị.`), null);
  });
  test("'Nếu như năm 2015 … thì đến năm 2024 …': the later year", () => {
    assert.equal(period(`Dân vận khéo lan tỏa ở Quảng Ngãi\nNếu như năm 2015, toàn tỉnh mới có 20 mô hình thì đến năm 2024 đã có 410 mô hình. ${BODY}`), "2024");
  });
  test("'Năm 2016 … chỉ có …, đến năm 2023 …': the later year", () => {
    assert.equal(period(`Dân vận khéo ở Quảng Ngãi\nNăm 2016, toàn tỉnh chỉ có 12 mô hình; đến năm 2023 đã có 390 mô hình. ${BODY}`), "2023");
  });
  test("a year of figures followed by 'đến nay' without a contrast stays the period", () => {
    assert.equal(period(`Dân vận khéo ở Quảng Ngãi\nNăm 2024, toàn tỉnh xây dựng 40 mô hình dân vận khéo, đến nay các mô hình đều phát huy hiệu quả. ${BODY}`), "2024");
  });
  test("a year of figures, then '; đến năm 2025' as a goal: the year stays the period", () => {
    assert.equal(period(`Dân vận khéo ở Quảng Ngãi\nNăm 2024, toàn tỉnh xây dựng 40 mô hình; đến năm 2025 phấn đấu đạt 400 mô hình. ${BODY}`), "2024");
    assert.equal(period(`Dân vận khéo ở Quảng Ngãi\nNăm 2024, toàn tỉnh xây dựng 40 mô hình, đến năm 2025 sẽ có 400 mô hình. ${BODY}`), "2024");
  });
  test("a year of figures followed by a later target stays the period", () => {
    assert.equal(period(`Dân vận khéo ở Quảng Ngãi\nNăm 2024, toàn tỉnh có 350 mô hình, phấn đấu đến năm 2025 có 400 mô hình. ${BODY}`), "2024");
  });
});

describe("scope: a quarter and its year after a comma", () => {
  test("'QUÝ I, NĂM 2024' in a title", () => {
    assert.equal(period(`THÔNG BÁO KẾT QUẢ ĐỐI THOẠI VỚI NHÂN DÂN QUÝ I, NĂM 2024\nBan Thường vụ Thị ủy tổ chức đối thoại. ${BODY}`), "2024Q1");
  });
  test("'quí II, năm 2023' in the older spelling", () => {
    assert.equal(period(`Báo cáo công tác dân vận quí II, năm 2023\nTrong quý, ${BODY}`), "2023Q2");
  });
});
