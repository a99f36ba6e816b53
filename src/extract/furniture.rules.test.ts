/**
 * Page furniture (furniture.ts): a news page's lists of other articles, breadcrumbs, menus, polls, link lists and
 * footers give no figures and do not move the scope; the report's own lists and headings stay. Reports and
 * furniture are made up, in the style of Party and Front portals.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";
import { furnitureRanges } from "./furniture.ts";
import { prepare } from "./normalize.ts";

const REPORT = `Ban Dân vận Huyện ủy Ea Kar tổng kết công tác dân vận năm 2023
Cập nhật ngày: 15/01/2024 08:30
Sáng 12/01, Ban Dân vận Huyện ủy Ea Kar tổ chức hội nghị tổng kết công tác dân vận năm 2023, triển khai nhiệm vụ năm 2024.
Năm 2023, toàn huyện có 146 mô hình, điển hình “Dân vận khéo”, trong đó 98 mô hình và 48 điển hình. Các cấp đã tổ chức 72 cuộc tiếp xúc, đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân.
Mặt trận và các đoàn thể vận động xây dựng 35 nhà đại đoàn kết cho hộ nghèo, tổng trị giá hơn 1,7 tỷ đồng. Nhân dân hiến 12.500 m2 đất để mở rộng đường giao thông nông thôn.
Dịp này, Ban Thường vụ Huyện ủy tặng giấy khen cho 8 tập thể và 15 cá nhân có thành tích xuất sắc.
HOÀNG MAI`;

const RELATED = `Tin liên quan
Huyện Krông Năng trao 20 nhà đại đoàn kết cho hộ nghèo (12/01/2024)
Xã Cư Huê đối thoại với 150 đoàn viên, thanh niên (10/01/2024)
Thị xã Buôn Hồ vận động 2,3 tỷ đồng Quỹ Vì người nghèo (05/01/2024)`;
const SAME_SECTION = `Tin cùng chuyên mục
• Phường Tân Lập hòa giải thành 18/20 vụ việc
14/03/2024 08:15
• Huyện Lắk khen thưởng 45 mô hình dân vận khéo năm 2023
13/03/2024 16:45`;
const SIDEBAR = `Bài đọc nhiều
Huyện M'Drắk: 300 hộ thoát nghèo năm 2022 (02/01/2023)
Xã Ea Tih tổ chức 8 buổi tuyên truyền pháp luật (30/12/2022)
`;
const CRUMBS = `Trang chủ | Giới thiệu | Tin tức - Sự kiện | Liên hệ
Trang chủ > Tin tức > Huyện Krông Bông > Dân vận
`;
const FOOTER = `Bản quyền thuộc Ban Dân vận Tỉnh ủy Khánh Hòa
Địa chỉ: 12 Lê Thánh Tôn, phường Nha Trang, tỉnh Khánh Hòa
Điện thoại: 0258.3822.123 - Fax: 0258.3822.456
Giấy phép số 123/GP-TTĐT ngày 15/5/2020 của Sở Thông tin và Truyền thông
Ghi rõ nguồn khi phát hành lại thông tin từ website này`;
const POLL = `Thăm dò ý kiến
Bạn đánh giá thế nào về giao diện website?
Đẹp
Bình thường
Liên kết website
Cổng thông tin điện tử huyện Cam Lâm
Trang thông tin điện tử thị xã Ninh Hòa`;
const NO_MARKER = `Huyện Cư Kuin ra mắt 12 tổ hòa giải ở cơ sở - 20/02/2024 09:00
Xã Hòa Hiệp tiếp 40 lượt công dân trong quý IV - 18/02/2024 14:20
Phường Thành Nhất trao 100 suất quà Tết cho hộ nghèo - 16/02/2024 10:10`;

const read = (t: string) => {
  const r = extractReport(t);
  return { scope: r.scope, figures: r.figures.map((f) => [f.text, f.value, f.indicator]) };
};
const bare = read(REPORT);

describe("furniture: other articles' headlines give no figures and do not move the scope", () => {
  test("a marked list of dated headlines after the body ('Tin liên quan', 'Tin cùng chuyên mục')", () => {
    assert.deepEqual(read(`${REPORT}\n${RELATED}\n`), bare);
    assert.deepEqual(read(`${REPORT}\n\n${SAME_SECTION}\n`), bare);
  });
  test("a list of dated headlines each with its teaser paragraph ('Bài viết khác')", () => {
    const teasers = "Bài viết khác\nHuyện Krông Búk tổ chức 15 hội nghị đối thoại với Nhân dân\n20/11/2023 08:00\nNăm 2023, Ban Thường vụ Huyện ủy Krông Búk chỉ đạo tổ chức 15 hội nghị đối thoại, tiếp nhận 230 ý kiến, kiến nghị của Nhân dân về đất đai.\nXã Ea Ngai ra mắt 4 mô hình dân vận khéo\n18/11/2023 15:30\nỦy ban MTTQ Việt Nam xã Ea Ngai phối hợp với các đoàn thể ra mắt 4 mô hình dân vận khéo, thu hút hơn 300 hội viên tham gia.";
    assert.deepEqual(read(`${REPORT}\n${teasers}\n`), bare);
  });
  test("a list before the report's headline ends at the headline the body follows", () => {
    assert.deepEqual(read(`${SIDEBAR}${REPORT}`), bare);
    // The spans still point into the page as given.
    const page = `${SIDEBAR}${CRUMBS}${REPORT}\n${RELATED}\n`;
    for (const f of extractReport(page).figures) assert.equal(page.slice(f.start, f.end), f.text);
  });
  test("dated headlines in a row with no marker, and a one-line 'Xem thêm: …' between paragraphs", () => {
    assert.deepEqual(read(`${REPORT}\n${NO_MARKER}\n`), bare);
    const [head, ...rest] = REPORT.split("\n");
    const inline = [head, ...rest.slice(0, 3), "Xem thêm: Huyện Krông Pắc vận động 2.500 hội viên tham gia bảo hiểm y tế", ...rest.slice(3)].join("\n");
    assert.deepEqual(read(inline), bare);
  });
  test("breadcrumbs, menus, polls, link lists and footers: a report that names no unit gets none from them", () => {
    const report = "Sơ kết công tác Mặt trận 6 tháng đầu năm\nNgày 05/7, Ủy ban MTTQ Việt Nam xã tổ chức hội nghị sơ kết công tác Mặt trận 6 tháng đầu năm 2024.\nTrong 6 tháng, Mặt trận xã đã vận động Quỹ Vì người nghèo được 85 triệu đồng, hỗ trợ sửa chữa 3 căn nhà cho hộ khó khăn.\nTHU HÀ";
    const alone = read(report);
    assert.equal(alone.scope.unit, null);
    assert.deepEqual(read(`${CRUMBS}${report}`), alone);
    assert.deepEqual(read(`${report}\n${POLL}\n${FOOTER}\n`), alone);
    assert.deepEqual(read(`${CRUMBS}${REPORT}\n${POLL}\n${FOOTER}\n`), bare);
  });
});

describe("furniture: the report's own lists and headings stay", () => {
  test("a heading and '- Xã A: 12 cuộc' items, beside a list of other articles", () => {
    const report = "Kết quả tiếp xúc, đối thoại năm 2023\nNăm 2023, các xã tổ chức các cuộc tiếp xúc, đối thoại với Nhân dân.\nKết quả cụ thể\n- Xã Ea Đar: 12 cuộc đối thoại\n- Xã Cư Ni: 8 cuộc đối thoại\n- Thị trấn Ea Kar: 5 cuộc đối thoại";
    const r = extractReport(`${report}\n${RELATED}\n`).figures.map((f) => f.value);
    assert.deepEqual(r, [12, 8, 5]);
  });
  test("a report's dated items ('- Ngày …') and its heading 'Kết quả đạt được', beside a marked list", () => {
    const report = "Xã Ea Păl tổ chức đối thoại năm 2023\nKết quả đạt được\n- Hội nghị đối thoại với 120 hộ dân thôn 1 (12/01/2023)\n- Hội nghị đối thoại với 95 hộ dân thôn 2 (20/06/2023)";
    const r = extractReport(`${report}\n\n${SAME_SECTION}\n`).figures.map((f) => f.value);
    assert.deepEqual(r, [120, 95]);
  });
  test("the report's headline and its date line after a list of headlines dated the same way", () => {
    const page = `Tin mới\nXã Ea Sô trao 5 căn nhà nhân ái\n14/03/2024 08:15\nXã Cư Bông tiếp 30 lượt công dân\n13/03/2024 16:45\n${REPORT}`;
    assert.deepEqual(read(page), bare);
  });
});

describe("furniture: a site's marker above the report", () => {
  const body = "Năm 2023, Hội Nông dân huyện đã vận động 120 hộ hội viên hiến 3.000 m2 đất để làm đường giao thông nông thôn ở các xã.";
  test("'Tin mới' over the report's headline, its date line and its one paragraph, then another section", () => {
    const page = `Tin mới nhất\nKrông Búk: Hội Nông dân huyện tổng kết năm 2023\nThứ hai, 15/01/2024\n${body}\nTin liên quan\nXã Cư Pơng trao 5 căn nhà (12/01/2024)`;
    const r = extractReport(page);
    assert.equal(r.scope.unit, "huyện Krông Búk");
    assert.deepEqual(r.figures.map((f) => f.value), [120, 3000]);
  });
  test("'Tin mới' over the report's headline, its date line and its one paragraph ending the page", () => {
    const r = extractReport(`Tin mới\nHuyện Ea Kar tổng kết công tác dân vận năm 2023\n15/01/2024 08:30\n${body}`);
    assert.equal(r.scope.unit, "huyện Ea Kar");
    assert.deepEqual(r.figures.map((f) => f.value), [120, 3000]);
  });
  test("a link with its teaser that another link follows, under the same marker, is still cut", () => {
    const list = `Tin mới\nXã Cư Pơng trao 5 căn nhà đại đoàn kết\n14/01/2024 08:15\nSáng 13/1, Ủy ban MTTQ xã Cư Pơng trao 5 căn nhà đại đoàn kết cho các hộ nghèo trên địa bàn, mỗi căn trị giá 60 triệu đồng.\nXã Ea Sin tiếp 30 lượt công dân\n13/01/2024 16:45\nTrong quý IV, lãnh đạo xã Ea Sin đã tiếp 30 lượt công dân, tiếp nhận và giải quyết dứt điểm 12 đơn thư của Nhân dân.`;
    const values = extractReport(`${list}\n${REPORT}`).figures.map((f) => f.value);
    assert.ok(!values.includes(5) && !values.includes(60), String(values));
  });
});

describe("furniture: the report's own dated lines, a headline under an empty marker, pagers and menus", () => {
  test("the report's own events, unbulleted lines each ending in a date between its paragraphs, stay", () => {
    const report = "Ban Dân vận Huyện ủy Ea Kar tổng kết công tác dân vận năm 2023\nNăm 2023, Ban Dân vận Huyện ủy Ea Kar đã tham mưu tổ chức nhiều hoạt động đối thoại với Nhân dân trên địa bàn các xã.\nTổ chức hội nghị đối thoại với 120 hộ dân xã Ea Đar (12/01/2023)\nTổ chức hội nghị đối thoại với 95 hộ dân xã Cư Ni (20/06/2023)\nTổ chức hội nghị đối thoại với 80 hộ dân thị trấn Ea Kar (15/09/2023)\nQua đối thoại, các cấp ủy, chính quyền đã tiếp nhận và giải quyết 45 ý kiến, kiến nghị của Nhân dân.";
    assert.deepEqual(extractReport(report).figures.map((f) => f.value), [120, 95, 80, 45]);
    // Links stamped with a time, then a comment box's sentence, are no events of the report.
    const links = "Xã Cư Ni tổ chức 12 cuộc đối thoại với Nhân dân - 20/02/2024 09:00\nXã Ea Đar tiếp 40 lượt công dân trong quý IV - 18/02/2024 14:20\nEmail của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu bằng dấu sao.";
    assert.deepEqual(read(`${REPORT.replace(/\nHOÀNG MAI$/u, "")}\n${links}`), read(REPORT.replace(/\nHOÀNG MAI$/u, "")));
    const led = "Năm 2023, Ban Dân vận Huyện ủy Ea Kar tổ chức các hội nghị đối thoại như sau:\nĐối thoại với 120 hộ dân xã Ea Đar (12/01/2023)\nĐối thoại với 95 hộ dân xã Cư Ni (20/06/2023)";
    assert.deepEqual(extractReport(led).figures.map((f) => f.value), [120, 95]);
  });
  test("a list of undated links with no teaser before the report's headline and its one paragraph", () => {
    const page = "Tin khác\n- Xã Cư Ni tổ chức 12 cuộc đối thoại với Nhân dân\n- Xã Ea Đar tiếp 40 lượt công dân trong quý IV\nBan Dân vận Huyện ủy Krông Bông tổng kết công tác dân vận năm 2023\nNăm 2023, Ban Dân vận Huyện ủy Krông Bông tham mưu tổ chức 72 cuộc tiếp xúc, đối thoại giữa người đứng đầu cấp ủy với Nhân dân.";
    const r = extractReport(page);
    assert.deepEqual(r.figures.map((f) => [f.value, f.indicator]), [[72, "dialogues.held"]]);
    assert.equal(r.scope.unit, "huyện Krông Bông");
  });
  test("a headline right under an empty list marker is the report's, its one paragraph its body", () => {
    const page = "Tin liên quan\n\nBan Dân vận Huyện ủy Ea Kar tổng kết công tác dân vận năm 2023\nNăm 2023, Ban Dân vận Huyện ủy đã tham mưu tổ chức 72 cuộc tiếp xúc, đối thoại giữa người đứng đầu cấp ủy với Nhân dân.\n";
    const r = extractReport(page);
    assert.deepEqual(r.figures.map((f) => [f.value, f.indicator]), [[72, "dialogues.held"]]);
    assert.equal(r.scope.unit, "huyện Ea Kar");
  });
  test("a table's row of column numbers is no pager", () => {
    const p = prepare("Kết quả đối thoại năm 2023\nTT\tĐơn vị\tSố cuộc\n1\t2\t3\n1\tXã Ea Phê\t12 cuộc");
    assert.deepEqual(furnitureRanges(p.text, p.key), []);
  });
  test("a menu one item a line and a pager give no place and no figure", () => {
    const report = "Ban Dân vận Huyện ủy tổng kết năm 2023\nNăm 2023, Ban Dân vận Huyện ủy đã tham mưu tổ chức 72 cuộc tiếp xúc, đối thoại giữa người đứng đầu cấp ủy với Nhân dân.";
    const alone = read(report);
    assert.equal(alone.scope.unit, null);
    assert.deepEqual(read(`Trang chủ\nGiới thiệu\nTin tức\nXã Cư Ni\nXã Ea Đar\nLiên hệ\n${report}`), alone);
    // A pager between the items of a list of other articles does not end the list.
    const list = "Tin khác\nXã Cư Ni tổ chức đối thoại với Nhân dân (12/01/2024)\nXã Ea Đar tiếp 30 lượt công dân (10/01/2024)\nTrang 1 2 3 Trang sau\nXã Ea Tih trao 5 căn nhà đại đoàn kết (08/01/2024)\n« 1 2 3 »";
    assert.deepEqual(read(`${report}\n${list}`), alone);
  });
});

describe("furniture: a breadcrumb is cut, the section it names is read for the scope", () => {
  const body = "Tổng kết công tác Mặt trận năm 2023\nNgày 20/12/2023, Ủy ban MTTQ xã tổ chức hội nghị tổng kết công tác Mặt trận năm 2023, triển khai phương hướng nhiệm vụ năm 2024. Năm 2023, Mặt trận xã vận động Nhân dân hiến 2.000 m2 đất làm đường.";
  test("'Trang chủ » Các xã, thị trấn » Xã Ea Tul' over a text that names no place", () => {
    const r = extractReport(`Trang chủ » Các xã, thị trấn » Xã Ea Tul\n${body}`);
    assert.equal(r.scope.unit, "xã Ea Tul");
    assert.deepEqual(r.figures.map((f) => f.value), [2000]);
  });
  test("a menu naming several units, or a breadcrumb naming none, gives no unit", () => {
    assert.equal(extractReport(`Trang chủ | Xã Ea Tul | Xã Ea Pốk | Xã Ea Kiết\n${body}`).scope.unit, null);
    assert.equal(extractReport(`Trang chủ > Tin tức > Tin hoạt động\n${body}`).scope.unit, null);
  });
});
