/**
 * normalize.ts joinWrapped: a hard wrap before a capitalised word, when the line before ends with a word no sentence
 * or title ends with. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";
import { joinWrapped, prepare } from "./normalize.ts";

const joined = (s: string) => { const p = prepare(s); return joinWrapped(p.text, p.key).text; };
const seen = (s: string) => extractReport(s).figures.map((f) => `${f.text} → ${f.indicator ?? "-"}`);

describe("joinWrapped: a wrap before a capitalised word inside a sentence", () => {
  test("after a preposition or a type word the sentence goes on in a name", () => {
    assert.deepEqual(seen("Ủy ban MTTQ xã đã tiếp nhận ủng hộ của\nCông ty Phú Tài 50 triệu đồng để xây nhà."), ["50 triệu đồng → contrib.money_vnd"]);
    assert.deepEqual(seen("Nhân dân thôn 3 đã tự nguyện hiến đất cho\nNhà văn hóa thôn với 1.200 m2."), ["1.200 m2 → contrib.land_m2"]);
    assert.equal(joined("Chi hội Phụ nữ ở 4/4 thôn xã\nTrà Tân tổ chức lễ kỷ niệm."), "Chi hội Phụ nữ ở 4/4 thôn xã Trà Tân tổ chức lễ kỷ niệm.");
  });
  test("after a comma or an open word the sentence goes on in a name in quotes", () => {
    assert.deepEqual(seen("Mặt trận xã đã vận động quỹ “Đền ơn đáp nghĩa”,\n“Vì người nghèo” được hơn 250 triệu đồng."), ["hơn 250 triệu đồng → contrib.money_vnd"]);
    assert.equal(joined("Phát động phong trào thi đua\n“Dân vận khéo” năm 2024."), "Phát động phong trào thi đua\n“Dân vận khéo” năm 2024.");
  });
  test("a line as wide as a page's goes on in a name in quotes or an abbreviation in capitals", () => {
    assert.deepEqual(seen("Năm 2024, toàn huyện đã có 126 mô hình, điển hình\n“Dân vận khéo” được công nhận."), ["126 mô hình → dvk.models"]);
    assert.deepEqual(seen("Năm nay xã đón 24 quân nhân đã hoàn thành xong\nNVQS trở về địa phương."), ["24 quân nhân → military.returnees"]);
    assert.equal(joined("Hội nghị tổng kết công tác dân vận\nUBND xã tổ chức."), "Hội nghị tổng kết công tác dân vận\nUBND xã tổ chức.");
  });
  test("a quote left open goes on in any word; a line ending in a dash goes on in lower case", () => {
    assert.deepEqual(seen("Tặng Kỷ niệm chương “Vì sự nghiệp Dân\nvận” cho 4 cá nhân."), ["4 cá nhân → awards.individuals"]);
    assert.deepEqual(seen("Tặng Kỷ niệm chương “Vì giai cấp nông dân\nViệt Nam” cho 3 cá nhân."), ["3 cá nhân → awards.individuals"]);
    assert.deepEqual(seen("Quận trao cho mỗi hộ số tiền 500.000đ –\nmột phần quà của Quận đoàn."), ["500.000đ → -"]);
  });
  test("coordinates stay no figures across a wrap between 'độ' and 'Kinh đông'", () => {
    assert.deepEqual(seen("Xã nằm trong toạ độ địa lý 106012 - 106018 độ\nKinh đông, dài 7 km."), ["7 km → -"]);
  });
  test("a number alone on its line goes on from a word that asks for one", () => {
    assert.deepEqual(seen("Tỷ lệ giải quyết đơn thư đạt trên\n95%."), ["trên\n95% → petitions.resolution_rate"]);
  });
  test("a headline, a name in capitals or a word that ends a sentence still ends the line", () => {
    assert.equal(joined("Hội nghị tổng kết công tác dân vận\nSáng 12/1, Ban Dân vận Huyện ủy tổ chức."), "Hội nghị tổng kết công tác dân vận\nSáng 12/1, Ban Dân vận Huyện ủy tổ chức.");
    assert.equal(joined("Dân vận khéo ở xã\nKẾT QUẢ NỔI BẬT"), "Dân vận khéo ở xã\nKẾT QUẢ NỔI BẬT");
    assert.equal(joined("Nhân dân đồng tình ủng hộ\nBan Dân vận Huyện ủy tổng kết."), "Nhân dân đồng tình ủng hộ\nBan Dân vận Huyện ủy tổng kết.");
  });
});
