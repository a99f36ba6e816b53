/**
 * The unit: a signer's title under the organ ("T/M BAN DÂN VẬN HUYỆN ỦY\nTRƯỞNG BAN") is no unit's name; a province
 * whose name has a dash, written without spaces, in a headline ("Bà Rịa-Vũng Tàu: …"). Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const unit = (t: string) => extractReport(t).scope.unit;
const BODY = "Trong năm, đã tổ chức 12 cuộc đối thoại với nhân dân, tiếp nhận 45 đơn thư, hòa giải thành 30/34 vụ việc.";

describe("scope: a signer's title under the organ", () => {
  test("'T/M BAN DÂN VẬN HUYỆN ỦY\\nTRƯỞNG BAN' names no unit", () => {
    assert.equal(unit(`BÁO CÁO\nKết quả công tác dân vận năm 2024\n${BODY}\nNơi nhận:\n- Lưu VT.\nT/M BAN DÂN VẬN HUYỆN ỦY\nTRƯỞNG BAN\nNguyễn Văn A`), null);
  });
  test("'T/M BAN THƯỜNG VỤ ĐẢNG ỦY XÃ\\nPHÓ BÍ THƯ' names no unit", () => {
    assert.equal(unit(`BÁO CÁO\nKết quả công tác dân vận năm 2024\n${BODY}\nT/M BAN THƯỜNG VỤ ĐẢNG ỦY XÃ\nPHÓ BÍ THƯ\nTrần Thị B`), null);
  });
  test("the signer's block naming the district still gives it", () => {
    assert.equal(unit(`BÁO CÁO\nKết quả công tác dân vận năm 2024\n${BODY}\nBAN DÂN VẬN HUYỆN ỦY KRÔNG PA\nTRƯỞNG BAN\nNguyễn Văn A`), "huyện Krông Pa");
  });
});

describe("scope: a province's dashed name written without spaces", () => {
  test("'Bà Rịa-Vũng Tàu:' opening the headline", () => {
    assert.equal(unit(`Bà Rịa-Vũng Tàu: Tổng kết công tác dân vận năm 2023\nBan Dân vận Tỉnh ủy tổ chức tổng kết năm 2023. ${BODY}`), "tỉnh Bà Rịa - Vũng Tàu");
  });
  test("spaced, as before", () => {
    assert.equal(unit(`Bà Rịa - Vũng Tàu: Tổng kết công tác dân vận năm 2023\nBan Dân vận Tỉnh ủy tổ chức tổng kết năm 2023. ${BODY}`), "tỉnh Bà Rịa - Vũng Tàu");
  });
});

describe("scope: the bodies a document is sent to", () => {
  test("a provincial board among the recipients does not make a district's report the province's", () => {
    assert.equal(unit(`BÁO CÁO\nKết quả công tác dân vận năm 2024\n${BODY}\nNơi nhận:\n- Ban Dân vận Tỉnh ủy;\n- Lưu VT.\nBAN DÂN VẬN HUYỆN ỦY KRÔNG PA\nTRƯỞNG BAN\nNguyễn Văn A`), "huyện Krông Pa");
  });
  test("'Kính gửi: Ban Dân vận Tỉnh ủy' above a commune's report", () => {
    assert.equal(unit(`ĐẢNG ỦY XÃ IA HRÚ\nBAN CHỈ ĐẠO\nSố 12-BC/BCĐ\nBÁO CÁO\nKết quả công tác dân vận năm 2024\nKính gửi: Ban Dân vận Huyện ủy Chư Pưh\n${BODY}`), "xã Ia Hrú");
  });
});

describe("scope: a headline's place after an occasion, or closed by a number", () => {
  test("'Kỷ niệm … Ngày Bến Tre Đồng khởi: Mỏ Cày Nam …': the district after the colon", () => {
    assert.equal(unit(`Kỷ niệm 65 năm Ngày Bến Tre Đồng khởi: Mỏ Cày Nam phát huy truyền thống\nNhân dịp kỷ niệm, Huyện ủy tổ chức tổng kết công tác dân vận năm 2024. ${BODY}`), "huyện Mỏ Cày Nam");
  });
  test("a headline opening with its place keeps it over the part after the colon", () => {
    assert.equal(unit(`Krông Pa: Hội Nông dân tổng kết năm 2024\nHội Nông dân huyện tổ chức tổng kết. ${BODY}`), "huyện Krông Pa");
  });
  test("'Thường Phước 1: …' in a commune's text", () => {
    assert.equal(unit(`Thường Phước 1: Tổng kết công tác dân vận năm 2024\nNgày 20/12, Đảng ủy xã tổ chức hội nghị tổng kết công tác dân vận năm 2024. ${BODY}`), "xã Thường Phước 1");
  });
  test("'THƯỜNG PHƯỚC 1: …' in capitals", () => {
    assert.equal(unit(`THƯỜNG PHƯỚC 1: Tổng kết công tác dân vận năm 2024\nNgày 20/12, Đảng ủy xã tổ chức hội nghị tổng kết công tác dân vận năm 2024. ${BODY}`), "xã Thường Phước 1");
  });
  test("an occasion's part before the colon with no place after it names none", () => {
    assert.equal(unit(`Kỷ niệm 95 năm Ngày truyền thống công tác Dân vận: Nhiều hoạt động ý nghĩa\nCác cấp ủy tổ chức gặp mặt. ${BODY}`), null);
  });
});

describe("scope: a town's own organs named bare", () => {
  test("a town's dialogue, the province's leaders among the guests and advising: the town", () => {
    assert.equal(unit(`UBND thị xã Buôn Hồ đối thoại với nhân dân\nSáng 12/9, UBND thị xã tổ chức đối thoại. Tham dự có lãnh đạo Ban Dân vận Tỉnh ủy Đắk Lắk, UBND tỉnh Đắk Lắk. ${BODY} Phó Chủ tịch UBND tỉnh Đắk Lắk đề nghị thị xã tiếp tục đối thoại.`), "thị xã Buôn Hồ");
  });
  test("a ward's report that names its town bare stays the ward's", () => {
    assert.equal(unit(`Đảng ủy phường Thống Nhất tổng kết công tác dân vận năm 2024\nĐảng ủy phường tổ chức tổng kết. Dự có lãnh đạo Thị ủy, UBND thị xã Buôn Hồ. ${BODY} Đại diện thị xã ghi nhận kết quả của phường.`), "phường Thống Nhất");
  });
});

describe("scope: organs in persons' titles count half", () => {
  test("a district board's conference, the province's leaders as guests and speaking: the district", () => {
    assert.equal(unit(`Ban Dân vận Huyện ủy Krông Pa\nTổng kết công tác dân vận năm 2024\nNgày 26/12, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết. Dự có lãnh đạo Ban Dân vận Tỉnh ủy Gia Lai, UBND tỉnh Gia Lai. ${BODY} Phó Bí thư Tỉnh ủy Gia Lai phát biểu chỉ đạo.`), "huyện Krông Pa");
  });
  test("a province's conference chaired by its own titled leaders, district secretaries speaking: the province", () => {
    assert.equal(unit(`Gia Lai tổng kết công tác dân vận năm 2024\nNgày 26/12, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết. Phó Bí thư Thường trực Tỉnh ủy Gia Lai, Trưởng Ban Dân vận Tỉnh ủy chủ trì. ${BODY} Bí thư Huyện ủy Krông Pa, Bí thư Huyện ủy Ia Pa phát biểu tham luận.`), "tỉnh Gia Lai");
  });
});
