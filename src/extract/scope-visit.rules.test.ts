/**
 * Scope rules found on a study set of public news texts (round 8): a city's short name in running text is
 * not a byline, and a visiting delegation's city, named only in its head's titles, does not speak for the
 * text. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: the city a ward belongs to is not the ward's text", () => {
  test("'TPHCM' after an organ in running text is the ward's city, not a byline", () => {
    const s = scope("Sáng 12-9, lãnh đạo phường Hòa Hưng đã gặp gỡ bà con khu phố 3.\n"
      + "Bên ly trà sáng, lãnh đạo phường đã trao đổi cởi mở với người dân, cán bộ khu phố về chủ trương, chính sách của Đảng, "
      + "pháp luật của Nhà nước, nhất là những chính sách về an sinh xã hội, cải cách hành chính và trật tự đô thị trong thời gian qua.\n"
      + "Theo đó, mỗi hộ gia đình tích cực tham gia trồng ít nhất một chậu hoa hoặc cây xanh, góp phần tạo mỹ quan đô thị, "
      + "giữ gìn vệ sinh môi trường và xây dựng nếp sống văn minh tại khu dân cư.\n"
      + "Chào mừng Đại hội đại biểu Đảng bộ TPHCM lần thứ I, phường Hòa Hưng ra mắt công trình “Phố xanh”.\n"
      + "Lãnh đạo phường Hòa Hưng ghi nhận 12 ý kiến của người dân.");
    assert.deepEqual([s.unit, s.level], ["phường Hòa Hưng", "commune"]);
  });
  test("'TPHCM' written glued after the city's committee, or as a byline, still names the city", () => {
    assert.equal(scope("Sáng 5/1, Thành ủy TPHCM tổ chức hội nghị tổng kết công tác dân vận năm 2023; toàn thành phố có 900 mô hình.").unit, "thành phố Hồ Chí Minh");
    assert.equal(scope("TPHCM - Sáng 5/1, Ban Dân vận Thành ủy tổng kết năm 2023; toàn thành phố có 900 mô hình.").unit, "thành phố Hồ Chí Minh");
  });
});
