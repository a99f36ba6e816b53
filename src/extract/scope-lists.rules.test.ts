/**
 * Scope rules for units named in a list after a plural type word ("các xã A, B và C"), and for communes of one
 * district in a text no organ speaks from (the district, as the dev corpus's gold takes it). Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: communes listed after 'các xã' name their district", () => {
  test("a newspaper's byline and a lead listing communes of one district: the district", () => {
    const t = "Hiến đất làm đường ở vùng đồng bào\n(GLO)- Thời gian qua, Nhân dân các xã Ia Sao, Ia Hrung, Ia Dêr, Ia Bă đã tự nguyện hiến hơn 20.000 m2 đất để mở rộng đường giao thông nông thôn. Riêng xã Ia Sao có 45 hộ hiến đất.";
    assert.equal(scope(t).unit, "huyện Ia Grai");
  });
  test("every name of the list is read with the type word before it, over the province named in passing", () => {
    const t = "Thời gian qua, các xã Ea Hồ, Phú Lộc, Ea Tóh và Ea Puk đã vận động Nhân dân hiến 12.000 m2 đất làm đường giao thông nông thôn, góp phần xây dựng nông thôn mới của tỉnh Đắk Lắk.";
    assert.equal(scope(t).unit, "huyện Krông Năng");
  });
  test("one commune the story names again and again, beside a neighbour, is the story's own", () => {
    const t = "Dân vận khéo ở Ia Sao\n(GLO)- Những năm qua, xã Ia Sao đã vận động Nhân dân hiến 5.000 m2 đất làm đường. Ông Rơ Châm Hnư ở làng Ia Sao cho biết xã Ia Sao đã giúp nhiều hộ. Xã Ia Sao giáp xã Ia Hrung.";
    assert.equal(scope(t).unit, "xã Ia Sao");
  });
  test("a province's text citing communes of one district stays the province's", () => {
    const t = "Năm 2023, toàn tỉnh Đắk Lắk có 2.100 mô hình Dân vận khéo. Tiêu biểu như các xã Ea Hồ, Phú Lộc và Ea Tóh đã vận động Nhân dân hiến 12.000 m2 đất làm đường.";
    assert.equal(scope(t).unit, "tỉnh Đắk Lắk");
  });
});

describe("scope: a commune the lists no longer hold, with its city in brackets, in a text no organ speaks from", () => {
  test("'phố 3, phường Phúc Thành (thành phố Ninh Bình)' named twice: the ward, not the province its city is named after", () => {
    const t = "Kinh nghiệm của một Bí thư chi bộ\nÔng Trần Văn Bình đã cùng Ban công tác Mặt trận vận động nhân dân phố 3, phường Phúc Thành (thành phố Ninh Bình) dọn vệ sinh môi trường mỗi tuần. Mô hình được Ban chỉ đạo phong trào Dân vận khéo phường Phúc Thành công nhận.";
    assert.equal(scope(t).unit, "phường Phúc Thành");
  });
  test("a city that bears its province's name is the city: 'thành phố Ninh Bình có 40 mô hình'", () => {
    assert.equal(scope("Năm 2023, thành phố Ninh Bình có 40 mô hình Dân vận khéo.").unit, "thành phố Ninh Bình");
    assert.equal(scope("Năm 2023, thành phố Hà Nội có 900 mô hình Dân vận khéo.").unit, "thành phố Hà Nội");
  });
});

describe("scope: a list of units acting in the lead is the level as a whole, no organiser", () => {
  test("'các xã A, B, C đã tổ chức …': the district its committee names, not the list's last commune", () => {
    const t = "Năm 2024, các xã Ea Hồ, Phú Lộc, Ea Tóh đã tổ chức 38 cuộc đối thoại với Nhân dân. Huyện ủy Krông Năng ghi nhận kết quả này. Nổi bật là xã Ea Hồ với 11 cuộc.";
    assert.equal(scope(t).unit, "huyện Krông Năng");
  });
  test("the list's parts one by one after a semicolon ('…; xã A tổ chức 11 cuộc') organise nothing either", () => {
    const t = "ĐẢNG BỘ TỈNH ĐẮK LẮK\nHUYỆN ỦY KRÔNG NĂNG\nSố 98-BC/HU\nBÁO CÁO\nKết quả công tác dân vận năm 2024\nTrong năm, các xã Ea Hồ, Phú Lộc, Ea Tóh, Ea Puk đã tổ chức 38 cuộc đối thoại; xã Ea Hồ tổ chức 11 cuộc, xã Phú Lộc 9 cuộc, xã Ea Tóh 7 cuộc.";
    assert.equal(scope(t).unit, "huyện Krông Năng");
  });
  test("one commune's organ acting in the lead stays the organiser", () => {
    const t = "Năm 2024, Đảng ủy xã Ea Hồ đã tổ chức 11 cuộc đối thoại với Nhân dân; các xã Phú Lộc, Ea Tóh học tập cách làm này. Huyện ủy Krông Năng ghi nhận.";
    assert.equal(scope(t).unit, "xã Ea Hồ");
  });
});
