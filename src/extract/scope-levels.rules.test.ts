/**
 * Scope rules for texts whose subject is a whole level ("Mặt trận cấp huyện", "các cấp Hội"), whose sites are listed
 * under different parents, and whose units are named only in another thing's name (a contest's, a donor's): the unit
 * the text reports from is above them. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => extractReport(t).scope;

describe("scope: a whole level as the subject reports from the level above", () => {
  test("'Mặt trận cấp huyện tổ chức …' beside a district singled out: the province", () => {
    const t = "Mặt trận cấp huyện tổ chức 20 cuộc giám sát\nQuý II, Mặt trận cấp huyện tổ chức 20 cuộc giám sát, cấp xã tổ chức 31 cuộc. Về phản biện xã hội, huyện Krông Pa là điểm sáng khi Mặt trận huyện tổ chức phản biện dự thảo Đề án phát triển du lịch huyện Krông Pa.\nMặt trận huyện Krông Pa tổ chức hội nghị phản biện.\nỦy ban MTTQ Việt Nam tỉnh đã hướng dẫn Mặt trận các cấp giám sát.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("a district's own contest 'cấp huyện' is no whole level: the district", () => {
    const t = "Hội Nông dân huyện Krông Pa tổ chức Hội thi hòa giải viên giỏi cấp huyện\nNgày 12/5, Hội Nông dân huyện Krông Pa tổ chức Hội thi hòa giải viên giỏi cấp huyện năm 2023 với 14 đội thi. Hội thi cấp huyện giúp hội viên nắm vững pháp luật.";
    assert.equal(scope(t).unit, "huyện Krông Pa");
  });
});

describe("scope: an organ that gives, after 'do' or as the funds' source, does not speak", () => {
  test("'nhà do Ban Vận động … tỉnh hỗ trợ', 'bằng nguồn của … tỉnh A', no receipt named: the district that builds", () => {
    const t = "Năm nay, ngoài 40 nhà đại đoàn kết do Ban Vận động Quỹ Vì người nghèo tỉnh hỗ trợ, huyện Krông Pa còn được doanh nghiệp giúp 1,5 tỷ đồng. Huyện Krông Pa sẽ hoàn thành 60 nhà trong quý IV, bằng nguồn của Ban Vận động Quỹ Vì người nghèo tỉnh Gia Lai và các nhà hảo tâm.";
    assert.equal(scope(t).unit, "huyện Krông Pa");
  });
  test("the province's own organs that act stay the province's", () => {
    const t = "Năm 2023, Ủy ban MTTQ Việt Nam tỉnh Gia Lai đã vận động xây dựng 400 nhà đại đoàn kết do Quỹ Vì người nghèo tỉnh hỗ trợ cho các hộ nghèo ở huyện Krông Pa và huyện Ia Pa.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
});

describe("scope: a unit in a contest's name, levels listed by kind", () => {
  test("a city's association copying a contest named after one of its districts: the city", () => {
    const t = "Đến nay, Hội Nông dân thành phố Cần Thơ đã ban hành hướng dẫn Hội Nông dân Quận, huyện đến Chi hội nhân rộng mô hình Hội thi hòa giải viên giỏi Huyện Phong Điền năm 2020. Các cấp Hội đã hòa giải thành 120/150 vụ việc.";
    assert.equal(scope(t).unit, "thành phố Cần Thơ");
  });
  test("a contest named after a district, in a text no organ speaks from: the city named", () => {
    const t = "Năm 2023, thành phố Cần Thơ có 85 tổ hòa giải, hòa giải thành 120 vụ việc. Nhiều tổ học tập Hội thi hòa giải viên giỏi Huyện Phong Điền năm 2020 và Hội thi hòa giải viên giỏi Huyện Phong Điền năm 2022.";
    assert.equal(scope(t).unit, "thành phố Cần Thơ");
  });
  test("a contest named after a district, in a province's news: the province", () => {
    const t = "Hội Nông dân tỉnh Gia Lai: 120 vụ hòa giải thành\nNăm 2023, Hội Nông dân tỉnh Gia Lai đã phối hợp hòa giải thành 120 vụ việc. Nhiều cơ sở Hội học tập Hội thi hòa giải viên giỏi huyện Krông Pa năm 2022, Hội thi hòa giải viên giỏi huyện Krông Pa năm 2023.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
});

describe("scope: sites listed across districts", () => {
  test("'xã A (huyện B), xã C (huyện D), xã E (huyện F)' beside communes' organs named in general: the province", () => {
    const t = "Năm 2023, Tỉnh Hội đã xây dựng 3 mô hình điểm tham gia hòa giải tại 3 cơ sở Hội: xã Tơ Tung (huyện Kbang), xã Ia Tiêm (huyện Chư Sê), xã Ia Rsai (huyện Krông Pa). Mỗi mô hình có Ban chỉ đạo do Phó Chủ tịch UBND xã làm trưởng ban, Chủ tịch Hội Nông dân xã làm phó ban. Các mô hình đã hòa giải thành 37 vụ.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("a commune's text naming two neighbours of other districts stays the commune's", () => {
    const t = "Đảng ủy xã Ia Tiêm tổ chức hội nghị dân vận\nNgày 5/6, Đảng ủy xã Ia Tiêm tổ chức hội nghị. Dự có đại diện xã Tơ Tung (huyện Kbang) và xã Ia Rsai (huyện Krông Pa). UBND xã Ia Tiêm đã vận động 40 hộ hiến đất.";
    assert.equal(scope(t).unit, "xã Ia Tiêm");
  });
});

describe("scope: a mass organisation's committee named by its level", () => {
  test("'Tỉnh Hội' speaks twice, a commune's association is an example: the province's level", () => {
    const t = "Năm 2023, Tỉnh Hội đã chỉ đạo xây dựng 12 mô hình điểm; Tỉnh Hội cũng mở 5 lớp tập huấn. Tại xã Ia Tiêm, Hội Nông dân xã đã phối hợp với UBND xã hòa giải thành 15 vụ việc.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("'Huyện đoàn' speaks: the district named", () => {
    const t = "Năm 2023, Huyện đoàn đã tổ chức 12 buổi đối thoại; Huyện đoàn cũng mở 5 lớp tập huấn cho thanh niên huyện Krông Pa. Tại xã Phú Túc, Đoàn xã đã phối hợp với UBND xã ra mắt 2 mô hình.";
    assert.equal(scope(t).unit, "huyện Krông Pa");
  });
});

describe("scope: a unit singled out as an example does not speak for the text", () => {
  test("'Điển hình như huyện A, Hội Nông dân huyện …' under a newspaper's code: the province", () => {
    const t = "Hiến đất làm đường ở nông thôn\n(GLO) - Năm 2023, các cấp Hội Nông dân đã vận động 2.000 hộ hiến đất làm đường giao thông nông thôn. Điển hình như huyện Krông Pa, Hội Nông dân huyện đã vận động 400 hộ hiến 12.000 m2 đất.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("'Huyện A là điểm sáng khi …' beside the province's association: the province", () => {
    const t = "Năm 2023, các cấp Hội Nông dân đã vận động 2.000 hộ hiến đất làm đường giao thông nông thôn. Huyện Krông Pa là điểm sáng khi Hội Nông dân huyện vận động 400 hộ hiến 12.000 m2 đất. Hội Nông dân tỉnh đã khen thưởng 20 tập thể.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("'Nhiều địa phương làm tốt như huyện A, …' under a newspaper's code: the province", () => {
    const t = "Hiến đất làm đường\n(GLO) - Năm 2023, hội viên nông dân đã hiến 20.000 m2 đất làm đường giao thông nông thôn. Nhiều địa phương làm tốt như huyện Krông Pa với trên 300 hộ hiến đất, riêng huyện Krông Pa đã làm 12 km đường.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("a district's own text naming its communes as examples stays the district's", () => {
    const t = "Huyện Krông Pa: hiến đất làm đường\nNăm 2023, Ban Dân vận Huyện ủy Krông Pa đã vận động 400 hộ hiến đất. Nhiều địa phương làm tốt như xã Ia Rsai, xã Phú Cần với trên 100 hộ hiến đất.";
    assert.equal(scope(t).unit, "huyện Krông Pa");
  });
  test("'nhân rộng mô hình … của xã A ra 40 cơ sở' under a newspaper's code: the province", () => {
    const t = "Nhân rộng tổ tự quản về an ninh\n(GLO) - Năm 2023, các cấp Hội Nông dân đã nhân rộng mô hình tổ tự quản về an ninh trật tự của xã Ia Rsai ra 40 cơ sở, thành lập 120 tổ với 1.500 thành viên.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("a commune's association copying a neighbour's model stays the commune's", () => {
    const t = "Hội Nông dân xã Ia Tiêm nhân rộng mô hình trồng rau\nNăm 2023, Hội Nông dân xã Ia Tiêm đã học tập kinh nghiệm mô hình trồng rau an toàn của xã Ia Rsai, giúp 40 hộ có thu nhập ổn định.";
    assert.equal(scope(t).unit, "xã Ia Tiêm");
  });
  test("a district's own text that calls itself a bright spot stays the district's", () => {
    const t = "Krông Pa: điểm sáng dân vận khéo\nNăm 2023, Ban Dân vận Huyện ủy Krông Pa đã chỉ đạo xây dựng 120 mô hình dân vận khéo. Huyện Krông Pa là điểm sáng của tỉnh khi toàn huyện có 4.000 hộ hiến đất.";
    assert.equal(scope(t).unit, "huyện Krông Pa");
  });
});

describe("scope: organs or units of the levels below named in the plural within a level", () => {
  test("'Mặt trận các cấp trong tỉnh', '180/200 xã, phường trong tỉnh' beside one commune's organ: the province", () => {
    const t = "Năm 2023, Mặt trận các cấp trong tỉnh đã vận động 2.000 hộ hiến đất làm đường; 180/200 xã, phường trong tỉnh có mô hình tự quản. Tại xã Ia Tiêm, UBND xã đã hỗ trợ 40 hộ nghèo sửa nhà.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
  test("'các cấp Hội Nông dân trong huyện', 'các chi hội trong huyện': the district", () => {
    const t = "Năm 2023, các cấp Hội Nông dân trong huyện đã vận động 400 hộ hiến đất; các chi hội trong huyện có 30 tổ tự quản. Tại xã Ia Rsai, UBND xã đã hỗ trợ 40 hộ nghèo sửa nhà.";
    assert.equal(scope(t).unit, "huyện Krông Pa");
  });
  test("'huyện thứ hai trong tỉnh Gia Lai' names a province, no organ within it", () => {
    const t = "Năm 2023, các xã của Krông Pa là huyện thứ hai trong tỉnh Gia Lai có 20 xã đạt chuẩn; UBND xã Ia Rsai đã hỗ trợ 40 hộ nghèo, Đảng ủy xã Ia Rsai khen 5 tập thể.";
    assert.equal(scope(t).level, "commune");
  });
});

describe("scope: the districts listed by their kinds", () => {
  test("'các huyện, thị xã, thành phố', '17 huyện, thị xã' beside one district's board: the province", () => {
    const t = "Năm 2023, các huyện, thị xã, thành phố đã xây dựng 1.200 mô hình dân vận khéo; 17 huyện, thị xã đều có mô hình tiêu biểu. Ban Dân vận Huyện ủy Krông Pa ra mắt 40 mô hình.";
    assert.equal(scope(t).unit, "tỉnh Gia Lai");
  });
});

describe("scope: a level read from its organs named bare only", () => {
  test("'Hội Nông dân huyện phối hợp với UBND xã A tổ chức đối thoại' with hội viên of xã A, no district named: the commune", () => {
    const t = "Hội Nông dân huyện tổ chức đối thoại với hội viên xã Ia Rsai\nSáng 5/6, tại xã Ia Rsai, Hội Nông dân huyện phối hợp với UBND xã Ia Rsai tổ chức hội nghị đối thoại. Tại hội nghị có 12 ý kiến của hội viên.";
    assert.equal(scope(t).unit, "xã Ia Rsai");
  });
  test("a district's board named with its level ('Ban Dân vận Huyện ủy') keeps the district its commune is in", () => {
    const t = "Ban Dân vận Huyện ủy tổ chức đối thoại với Nhân dân xã Ia Rsai\nSáng 5/6, tại xã Ia Rsai, Ban Dân vận Huyện ủy phối hợp với UBND xã Ia Rsai tổ chức hội nghị đối thoại. Tại hội nghị có 12 ý kiến.";
    assert.equal(scope(t).level, "district");
  });
});
