/**
 * Scope rules found on a study set of news items of mass organisations and of communes after the 2025 merger (issue
 * 16): the units a new commune was made of, named in the clause of its founding ("được thành lập trên cơ sở sáp nhập
 * thị trấn A, xã B và xã C"), do not report; an organ above that only judges ("… đánh giá cao") does not speak; a
 * city's organs with only its province named (a newspaper) speak for the city of the province's name; "Dự có …" opens
 * a guests' clause; a headline's members and bare place ("Nông dân Chợ Gạo …") name the place. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: a new commune's predecessors named in its founding clause", () => {
  test("a town merged into a commune whose name several provinces hold does not take its place", () => {
    const s = scope("Xã Tân Hòa sơ kết công tác Mặt trận quý III năm 2025\nNgày 2/10/2025, Ủy ban MTTQ xã Tân Hòa tổ chức hội nghị sơ kết. Xã Tân Hòa được thành lập trên cơ sở sáp nhập thị trấn Cầu Quan, xã Long Thới và xã Tân Hòa. Trong quý, Mặt trận vận động 80 triệu đồng.");
    assert.deepEqual([s.unit, s.level], ["xã Tân Hòa", "commune"]);
  });
  test("'hợp nhất từ', 'sáp nhập từ' and the organs of the predecessors", () => {
    assert.equal(scope("Hội Nông dân xã Tân Hòa tổng kết năm 2025\nNgày 18/12/2025, Hội Nông dân xã Tân Hòa tổ chức tổng kết. Hội được hợp nhất từ Hội Nông dân thị trấn Cầu Quan và các xã Long Thới, Tân Hòa. Năm 2025, Hội kết nạp 75 hội viên.").unit, "xã Tân Hòa");
    assert.equal(scope("Hội LHPN xã Tân Hòa tổng kết năm 2025\nNgày 19/12/2025, Hội LHPN xã Tân Hòa tổng kết công tác Hội. Xã được sáp nhập từ thị trấn Cầu Quan và xã Long Thới. Năm 2025, Hội kết nạp 50 hội viên.").unit, "xã Tân Hòa");
  });
  test("a merger written the other way names the new unit after 'thành': it still reports", () => {
    assert.equal(scope("Ngày 2/10/2025, Đảng ủy xã Tân Hòa sơ kết công tác dân vận quý III. Năm 2025, tỉnh sáp nhập thị trấn Cầu Quan, xã Long Thới thành xã Tân Hòa; xã có 6 mô hình dân vận khéo.").unit, "xã Tân Hòa");
  });
  test("'sau sáp nhập' before the organ that reports is no founding clause", () => {
    assert.equal(scope("Sau sáp nhập, Hội Nông dân thị trấn Cầu Quan tổng kết công tác Hội năm 2024, kết nạp 40 hội viên.").unit, "thị trấn Cầu Quan");
  });
});

describe("scope: an organ above that only judges the unit's work", () => {
  test("'Ban Dân vận Tỉnh ủy … đánh giá cao' under a district's headline: the district reports", () => {
    const BODY = "Những năm qua, toàn huyện xây dựng 40 mô hình dân vận khéo";
    assert.equal(scope(`Huyện Tiên Yên: Lan tỏa mô hình dân vận khéo\n${BODY}. Trưởng Ban Dân vận Tỉnh ủy Quảng Ninh đánh giá cao kết quả này.`).unit, "huyện Tiên Yên");
    assert.equal(scope(`Huyện Tiên Yên: Lan tỏa mô hình dân vận khéo\n${BODY}. Ban Dân vận Tỉnh ủy Quảng Ninh ghi nhận những kết quả huyện đạt được.`).unit, "huyện Tiên Yên");
  });
  test("a province's organ that acts in its own text still speaks", () => {
    assert.equal(scope("Ban Dân vận Tỉnh ủy Quảng Ninh sơ kết công tác dân vận 6 tháng đầu năm 2024. Ban Dân vận Tỉnh ủy đánh giá cao huyện Tiên Yên với 40 mô hình dân vận khéo.").unit, "tỉnh Quảng Ninh");
  });
});

describe("scope: a meeting's own judgement is no judge from above", () => {
  test("'Ban Dân vận Huyện ủy A tổ chức hội nghị, các đại biểu đánh giá cao': the organ that meets speaks", () => {
    assert.equal(scope("Sơ kết mô hình dân vận khéo\nBan Dân vận Huyện ủy Tiên Yên tổ chức hội nghị sơ kết, các đại biểu đánh giá cao 40 mô hình dân vận khéo. Tham dự có lãnh đạo Ban Dân vận Tỉnh ủy Quảng Ninh.").unit, "huyện Tiên Yên");
  });
});

describe("scope: a city that bears its province's name", () => {
  const BODY = "Ngày 10/7/2024, Ban Dân vận Thành ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2024. Toàn thành phố có 35 mô hình dân vận khéo.";
  test("the city's organs speak and only the newspaper names a place: the city of the province's name", () => {
    assert.deepEqual([scope(`${BODY}\nTheo Báo Bạc Liêu`).unit, scope(`${BODY}\nTheo Báo Bạc Liêu`).level], ["thành phố Bạc Liêu", "district"]);
    assert.equal(scope(`CMO - ${BODY}`).unit, "thành phố Cà Mau");
  });
  test("a province's organs keep the province", () => {
    assert.equal(scope("Ngày 10/7/2024, Ban Dân vận Tỉnh ủy sơ kết công tác dân vận 6 tháng đầu năm 2024. Toàn tỉnh có 350 mô hình dân vận khéo.\nTheo Báo Bạc Liêu").unit, "tỉnh Bạc Liêu");
  });
});

describe("scope: the guests' clause opened by a bare 'Dự'", () => {
  test("'Dự có lãnh đạo Ban Dân vận Tỉnh ủy A' names guests: the city that meets reports", () => {
    assert.equal(scope("Thành phố Sóc Trăng: Sơ kết công tác dân vận năm 2024\nNgày 20/12/2024, Ban Dân vận Thành ủy tổ chức hội nghị. Dự có lãnh đạo Ban Dân vận Tỉnh ủy Sóc Trăng. Năm 2024, thành phố có 42 mô hình dân vận khéo.").unit, "thành phố Sóc Trăng");
  });
});

describe("scope: a headline that opens with a mass organisation's members and a bare place", () => {
  const BODY = "Ngày 8/7/2024, hội nghị sơ kết 6 tháng đầu năm 2024 được tổ chức; các cấp Hội kết nạp 150 hội viên.";
  test("'Nông dân Chợ Gạo …', 'Phụ nữ Bắc Hà …', 'Tuổi trẻ Lục Ngạn …' name the district", () => {
    assert.equal(scope(`Nông dân Chợ Gạo thi đua sản xuất giỏi\n${BODY}`).unit, "huyện Chợ Gạo");
    assert.equal(scope(`Phụ nữ Bắc Hà chung tay xây dựng nông thôn mới\n${BODY}`).unit, "huyện Bắc Hà");
    assert.equal(scope(`Tuổi trẻ Lục Ngạn ra quân tình nguyện\n${BODY}`).unit, "huyện Lục Ngạn");
  });
});
