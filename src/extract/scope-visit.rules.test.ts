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

describe("scope: a visiting delegation's unit is not the host's", () => {
  test("a city's organ named only in the title of the delegation's head does not make the city speak", () => {
    const s = scope("Hội Nông dân thành phố làm việc với Hội Nông dân xã Thới Lai\n"
      + "Chiều 5/9, đoàn công tác Hội Nông dân thành phố Cần Thơ có buổi làm việc với Hội Nông dân xã Thới Lai.\n"
      + "Đoàn do ông Trần Văn A, Phó Chủ tịch Ủy ban MTTQ Việt Nam thành phố, Chủ tịch Hội Nông dân thành phố Cần Thơ làm trưởng đoàn.\n"
      + "Hội Nông dân xã Thới Lai hiện có 20 chi hội với 900 hội viên. Đoàn nghe báo cáo kết quả hoạt động của Hội Nông dân xã từ ngày 1/7/2025 đến nay.");
    assert.deepEqual([s.unit, s.level], ["xã Thới Lai", "commune"]);
  });
});

describe("scope: the organs of guests and visitors do not speak for the host", () => {
  test("a district's steering committee keeps its level over the provincial organs among its guests", () => {
    const s = scope("Ban Chỉ đạo thực hiện QCDC huyện Mang Yang tổng kết năm 2023\nSáng 10/1, Ban Chỉ đạo thực hiện QCDC huyện tổ chức hội nghị tổng kết. "
      + "Dự hội nghị có đồng chí Nguyễn Văn A, Phó Chủ tịch UBND tỉnh; lãnh đạo Ban Dân vận Tỉnh ủy, Ủy ban MTTQ tỉnh. Năm 2023, toàn huyện có 20 mô hình.");
    assert.deepEqual([s.unit, s.level], ["huyện Mang Yang", "district"]);
  });
  test("a provincial delegation working with a commune ('đoàn công tác … tỉnh … làm việc với … xã A'): the commune's text", () => {
    const s = scope("Đoàn công tác Ủy ban MTTQ tỉnh làm việc tại xã Ia Hrú\nChiều 5/9, đoàn công tác Ủy ban MTTQ Việt Nam tỉnh Gia Lai làm việc với "
      + "Ủy ban MTTQ Việt Nam xã Ia Hrú. Năm 2025, Ủy ban MTTQ xã vận động 300 triệu đồng.");
    assert.deepEqual([s.unit, s.level], ["xã Ia Hrú", "commune"]);
  });
});

describe("scope: a donor named in its giving clause is not the unit that receives", () => {
  test("the province that receives, named bare and once later, over the donor named in full ('do … tỉnh A hỗ trợ')", () => {
    const s = scope("Tiếp nhận 300 tấn gạo hỗ trợ Nhân dân khắc phục hậu quả bão\n\nSáng 10/10/2024, Ủy ban MTTQ Việt Nam tỉnh tổ chức lễ tiếp nhận 300 tấn gạo "
      + "do Ủy ban MTTQ Việt Nam tỉnh Bình Dương hỗ trợ Nhân dân bị ảnh hưởng bởi bão số 3. Tại buổi lễ, đại diện lãnh đạo tỉnh cảm ơn sự quan tâm, chia sẻ. "
      + "Số gạo sẽ được phân bổ kịp thời cho 2.000 hộ dân ở các huyện của tỉnh Yên Bái.");
    assert.deepEqual([s.unit, s.level], ["tỉnh Yên Bái", "province"]);
  });
  test("the province that receives, named later without its type word, over the donor named only in its giving clause", () => {
    const s = scope("Tiếp nhận 300 tấn gạo hỗ trợ Nhân dân\n\nSáng 10/10/2024, Ủy ban MTTQ Việt Nam tỉnh tổ chức lễ tiếp nhận 300 tấn gạo "
      + "do Ủy ban MTTQ Việt Nam tỉnh Bình Dương hỗ trợ Nhân dân bị ảnh hưởng bởi bão số 3. Số gạo sẽ được phân bổ cho 2.000 hộ dân Yên Bái.");
    assert.deepEqual([s.unit, s.level], ["tỉnh Yên Bái", "province"]);
  });
  test("the donor named after a receipt in the sentence before, and its representative who hands the gift over", () => {
    const s = scope("Tiếp nhận kinh phí hỗ trợ khắc phục hậu quả bão\n\nChiều 10/10/2024, Ủy ban MTTQ Việt Nam tỉnh tổ chức lễ tiếp nhận kinh phí hỗ trợ Nhân dân bị ảnh hưởng bởi bão số 3. "
      + "Số tiền 5 tỷ đồng do Ủy ban MTTQ Việt Nam tỉnh Bình Dương hỗ trợ. Đại diện Ủy ban MTTQ Việt Nam tỉnh Bình Dương trao biển tượng trưng. Thay mặt Nhân dân tỉnh Yên Bái, lãnh đạo tỉnh cảm ơn.");
    assert.equal(s.unit, "tỉnh Yên Bái");
  });
  test("a donor that acts itself is the unit", () => {
    const s = scope("Sáng 10/10/2024, Ủy ban MTTQ Việt Nam tỉnh Bình Dương trao 5 tỷ đồng hỗ trợ Nhân dân tỉnh Yên Bái khắc phục hậu quả bão số 3. "
      + "Ủy ban MTTQ Việt Nam tỉnh Bình Dương đã vận động được 20 tỷ đồng.");
    assert.equal(s.unit, "tỉnh Bình Dương");
  });
  test("a headline that opens with the donor giving to a unit the body's lead has receiving: that unit", () => {
    const s = scope("Ủy ban MTTQ tỉnh Đồng Nai hỗ trợ 20 nhà đại đoàn kết cho huyện Mường Lát\nSáng 10/10, Ủy ban MTTQ huyện Mường Lát tổ chức lễ tiếp nhận 20 nhà đại đoàn kết do Ủy ban MTTQ tỉnh Đồng Nai hỗ trợ, trị giá 1 tỷ đồng.");
    assert.deepEqual([s.unit, s.level], ["huyện Mường Lát", "district"]);
    const t = scope("Hội Nông dân tỉnh Thanh Hóa trao vốn cho hội viên huyện Mường Lát\nSáng 5/6, Hội Nông dân huyện Mường Lát tiếp nhận 200 triệu đồng do Hội Nông dân tỉnh trao, hỗ trợ 20 hộ hội viên.");
    assert.deepEqual([t.unit, t.level], ["huyện Mường Lát", "district"]);
  });
  test("a headline's giver whom no one receives from in the lead is the unit", () => {
    const s = scope("Ủy ban MTTQ tỉnh Thanh Hóa trao 100 nhà đại đoàn kết cho hộ nghèo\nNăm 2024, Ủy ban MTTQ tỉnh Thanh Hóa vận động 5 tỷ đồng, trao 100 nhà cho hộ nghèo các huyện Mường Lát, Quan Sơn.");
    assert.equal(s.unit, "tỉnh Thanh Hóa");
  });
});

describe("scope: the commune a district's meeting was held in is not the district's text", () => {
  test("'tại xã A, Ban Dân vận Huyện ủy tổ chức …' with the district unnamed: the district's level, no commune", () => {
    const s = scope("SƠ KẾT CÔNG TÁC DÂN VẬN 6 THÁNG ĐẦU NĂM 2022\nSáng ngày 07/07/2022, tại xã Tân Lợi, Ban dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm. "
      + "Tham dự có Phó Bí thư thường trực Huyện ủy, Trưởng khối vận các xã, thị trấn trên địa bàn huyện. Trong 6 tháng đầu năm toàn huyện đã đăng ký 39 mô hình.");
    assert.deepEqual([s.unit, s.level], [null, "district"]);
  });
  test("the same at the hall of the commune's people's committee", () => {
    const s = scope("Sáng 7/7, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2022 tại Hội trường UBND xã Tân Lợi. "
      + "Trong 6 tháng đầu năm toàn huyện đã đăng ký 39 mô hình, các xã, thị trấn tổ chức 20 hội nghị.");
    assert.deepEqual([s.unit, s.level], [null, "district"]);
  });
  test("a commune's own meeting held in it keeps the commune", () => {
    const s = scope("Sáng 5/6, tại xã Ea Tul, Đảng ủy xã tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2023. Toàn xã có 12 mô hình.");
    assert.deepEqual([s.unit, s.level], ["xã Ea Tul", "commune"]);
  });
});
