/**
 * The body that issues a Party document, named in its header under the superior body ("ĐẢNG BỘ HUYỆN A\nĐẢNG ỦY XÃ
 * B"), reports, whatever the bodies above that its text cites or works with. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const scope = (t: string) => { const s = extractReport(t).scope; return [s.unit, s.level]; };
const BODY = "Thực hiện Hướng dẫn số 08-HD/BDVHU của Ban Dân vận Huyện ủy, báo cáo như sau:\nĐảng ủy ban hành 6 văn bản. Phối hợp với Ban Dân vận Huyện ủy, UBND huyện tổ chức 2 hội nghị. Cử 4 cán bộ dự lớp tập huấn của Huyện ủy.\nUBND xã tiếp 30 lượt công dân. Hội Nông dân huyện hỗ trợ 40 triệu đồng.";

describe("scope: the issuing body under the superior body in a Party document's header", () => {
  test("a commune's Party committee under its district's Party organisation: the commune", () => {
    assert.deepEqual(scope(`ĐẢNG BỘ HUYỆN CHƯ PƯH\nĐẢNG ỦY XÃ IA HRÚ\n*\nSố 21-BC/ĐU\nBÁO CÁO\nKết quả công tác dân vận năm 2024\n${BODY}`), ["xã Ia Hrú", "commune"]);
  });
  test("a district's committee under its province's, the communes listed in the lead: the district", () => {
    assert.deepEqual(scope("ĐẢNG BỘ TỈNH ĐẮK LẮK\nHUYỆN ỦY KRÔNG NĂNG\n*\nBÁO CÁO\nKết quả công tác dân vận năm 2024\nTrong năm, xã Ea Hồ tổ chức 11 cuộc đối thoại, xã Phú Lộc 9 cuộc, xã Ea Tóh 7 cuộc; xã Ea Hồ được khen thưởng."), ["huyện Krông Năng", "district"]);
  });
  test("a board under the superior's line, naming no unit, leaves the text to its own organs", () => {
    assert.deepEqual(scope(`ĐẢNG BỘ HUYỆN CHƯ PƯH\nBAN DÂN VẬN\nBÁO CÁO\nKết quả công tác dân vận năm 2024\nToàn huyện tổ chức 12 cuộc đối thoại.`), ["huyện Chư Pưh", "district"]);
  });
  test("a state document: the People's Committee and its commune, under the district's or beside the motto", () => {
    assert.deepEqual(scope(`UBND HUYỆN CHƯ PƯH\nUBND XÃ IA HRÚ\nSố: 30/BC-UBND\nBÁO CÁO\nKết quả thực hiện dân chủ ở cơ sở năm 2024\n${BODY}`), ["xã Ia Hrú", "commune"]);
    assert.deepEqual(scope(`ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nXÃ IA HRÚ Độc lập - Tự do - Hạnh phúc\nSố: 30/BC-UBND\nBÁO CÁO\nKết quả thực hiện dân chủ ở cơ sở năm 2024\n${BODY}`), ["xã Ia Hrú", "commune"]);
  });
  test("a district's board whose report names one of its communes again and again stays the district's", () => {
    assert.deepEqual(scope("HUYỆN ỦY CHƯ PƯH\nBAN DÂN VẬN\nBÁO CÁO\nKết quả công tác dân vận năm 2024\nXã Ia Hrú tổ chức 5 cuộc đối thoại; xã Ia Hrú có 3 mô hình; UBND xã Ia Hrú tiếp 20 lượt công dân."), ["huyện Chư Pưh", "district"]);
  });
  test("a header below the page's furniture, its number or date line after it; a report's heading naming its unit", () => {
    const menu = "Trang chủ | Giới thiệu | Tin tức | Hoạt động | Mặt trận - Đoàn thể | Văn hóa - Xã hội | Kinh tế | Quốc phòng - An ninh | Thông báo | Lịch công tác | Văn bản | Thủ tục hành chính | Liên hệ | Hỏi đáp | Tra cứu | Dịch vụ công | Góp ý | Bản đồ | Công khai ngân sách | Thư viện ảnh | Video | Liên kết | Thống kê truy cập\n";
    assert.deepEqual(scope(`${menu}ỦY BAN NHÂN DÂN\nXÃ IA HRÚ\nSố: 30/BC-UBND\nBÁO CÁO\nKết quả thực hiện dân chủ ở cơ sở năm 2024\n${BODY}`), ["xã Ia Hrú", "commune"]);
    assert.deepEqual(scope(`${menu}BÁO CÁO\nKết quả thực hiện dân chủ ở cơ sở năm 2024 của xã Ia Hrú\n${BODY}`), ["xã Ia Hrú", "commune"]);
  });
  test("capitals in the furniture with no number, date line or type name after them head nothing", () => {
    assert.deepEqual(scope(`HỘI NÔNG DÂN VIỆT NAM\nBAN CHẤP HÀNH\nTin tức\nHội Nông dân huyện Chư Pưh tổng kết công tác năm 2024; toàn huyện kết nạp 300 hội viên. Xã Ia Hrú có 50 hội viên mới; xã Ia Hrú được khen.`), ["huyện Chư Pưh", "district"]);
  });
});

