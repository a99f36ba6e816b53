/**
 * The period of news on the Front and the mass organisations after 2025: a year-end meeting of an executive committee
 * named with its term, duties done in a year, a goal's year in a headline. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const period = (t: string) => extractReport(t).scope.period;

describe("scope: the period of the Front's and the mass organisations' news", () => {
  test("a meeting of an executive committee named with its term reviews the year it names; duties done in a year are no plan", () => {
    assert.equal(period(" date 2026-01-20 Sáng 18-1, Hội Cựu chiến binh tỉnh tổ chức hội nghị Ban Chấp hành mở rộng lần thứ II, nhiệm kỳ 2025-2030.\n\n"
      + "Năm 2025, các cấp Hội đã tập trung chăm lo đời sống hội viên, chủ động phối hợp với chính quyền cơ sở.\n\n"
      + "Hội tặng giấy khen cho 12 tập thể hoàn thành xuất sắc nhiệm vụ năm 2025.\n\nNăm 2026, Hội tiếp tục đổi mới phương thức hoạt động."), "2025");
  });
  test("duties pledged for the next year ('phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2026') do not take the place of the year reviewed", () => {
    assert.equal(period(" date 2026-01-15 Hội Nông dân tỉnh phấn đấu hoàn thành xuất sắc nhiệm vụ năm 2026.\n\nNăm 2025, Hội kết nạp 1.200 hội viên."), "2025");
  });
  test("a congress that reviews its term still has no standard period", () => {
    assert.equal(period(" date 2025-10-12 Sáng 10/10, Hội Nông dân xã Tân Lập tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.\n\n"
      + "Nhiệm kỳ qua, Hội kết nạp 320 hội viên; năm 2025 vận động hội viên hiến 2.000 m2 đất."), null);
  });
  test("a year after the saved page's, a goal in the headline, is no period", () => {
    assert.equal(period(" date 2025-10-02 Thanh niên xã Tân Lập chung sức xây dựng xã nông thôn mới kiểu mẫu năm 2030\n\n"
      + "Sáng 1/10, Đoàn xã tổ chức Đại hội; nhiệm kỳ qua kết nạp 150 đoàn viên, trồng 3.000 cây xanh."), null);
  });
  test("a year someone was born or a body was founded dates no figures ('sinh năm 1958', 'thành lập vào năm 1990')", () => {
    assert.equal(period("Ông Nguyễn Văn Hùng, sinh năm 1958, ở thôn 3, xã Ia Mơ, đã hiến 500 m2 đất để làm đường giao thông nông thôn."), null);
    assert.equal(period("Chi hội ra đời năm 2015, đến nay có 45 hội viên, vận động 20 hộ hiến 600 m2 đất."), null);
    assert.equal(period("Hội được thành lập vào năm 1990. Năm 2024, Hội vận động hội viên hiến 300 m2 đất."), "2024");
  });
});
