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
  test("a headline, a name in capitals or a word that ends a sentence still ends the line", () => {
    assert.equal(joined("Hội nghị tổng kết công tác dân vận\nSáng 12/1, Ban Dân vận Huyện ủy tổ chức."), "Hội nghị tổng kết công tác dân vận\nSáng 12/1, Ban Dân vận Huyện ủy tổ chức.");
    assert.equal(joined("Dân vận khéo ở xã\nKẾT QUẢ NỔI BẬT"), "Dân vận khéo ở xã\nKẾT QUẢ NỔI BẬT");
    assert.equal(joined("Nhân dân đồng tình ủng hộ\nBan Dân vận Huyện ủy tổng kết."), "Nhân dân đồng tình ủng hộ\nBan Dân vận Huyện ủy tổng kết.");
  });
});
