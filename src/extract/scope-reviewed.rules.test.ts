/**
 * Periods reviewed as "the tasks carried out" ("đánh giá kết quả thực hiện nhiệm vụ 6 tháng đầu năm", "sơ kết tình hình
 * thực hiện nhiệm vụ 9 tháng"): the word "nhiệm vụ" there names the work reviewed, not a plan. Sentences are made up.
 */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";

const period = (t: string) => extractReport(t).scope.period;
/** A portal's menu that pushes the first sentence past the title's weight. */
const MENU = "Trang chủ | Giới thiệu | Tin tức | Hoạt động địa phương | Mặt trận - Đoàn thể | Chính trị - Xã hội | Văn hóa - Thể thao | Kinh tế | Quốc phòng - An ninh | Thông báo | Lịch công tác | Văn bản chỉ đạo | Thủ tục hành chính | Liên hệ | Sơ đồ trang | Hỏi đáp\n";

describe("scope: a period whose tasks are reviewed ('kết quả thực hiện nhiệm vụ 9 tháng')", () => {
  test("the period reviewed takes the year of the plan for the rest of the year", () => {
    assert.equal(period(`${MENU}Ngày 4/10, Đảng ủy xã Phú Lâm tổ chức hội nghị sơ kết tình hình thực hiện nhiệm vụ 9 tháng đầu năm, triển khai nhiệm vụ trọng tâm 3 tháng cuối năm 2025. Hội nghị đã thảo luận, thống nhất các giải pháp.`), "2025N9");
    assert.equal(period(`${MENU}Ngày 9/7/2024, Ủy ban MTTQ xã Phú Lâm tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm. Hội nghị đã thảo luận, thống nhất các giải pháp.`), "2024S1");
  });
  test("tasks set out for a period stay a plan", () => {
    assert.equal(period(`${MENU}Ngày 4/1/2025, Đảng ủy xã Phú Lâm triển khai thực hiện nhiệm vụ quý I năm 2025. Hội nghị đã thảo luận, thống nhất các giải pháp.`), null);
  });
});

describe("scope: a period that ends the year, reviewed early in the next, dated only by the document's date line", () => {
  const head = (date: string, title: string) => `HUYỆN ỦY KBANG\nBAN DÂN VẬN\nKbang, ngày ${date}\nBÁO CÁO\n${title}\nTrong kỳ, các cấp tổ chức 18 cuộc đối thoại.`;
  test("'ngày 06 tháng 01 năm 2025 … quý IV' is the fourth quarter of 2024; so is the second half", () => {
    assert.equal(period(head("06 tháng 01 năm 2025", "Kết quả công tác dân vận quý IV")), "2024Q4");
    assert.equal(period(head("06 tháng 01 năm 2025", "Sơ kết công tác dân vận 6 tháng cuối năm")), "2024S2");
  });
  test("a quarter dated within its year keeps that year", () => {
    assert.equal(period(head("18 tháng 12 năm 2024", "Kết quả công tác dân vận quý IV")), "2024Q4");
    assert.equal(period(head("18 tháng 3 năm 2025", "Kết quả công tác dân vận quý I")), "2025Q1");
  });
});

describe("scope: the period of a report's heading below the page's furniture ('BÁO CÁO\\nKết quả … quý I năm 2024')", () => {
  test("the heading's period over the plans' and targets' years of the body", () => {
    assert.equal(period(`${MENU}${MENU}BÁO CÁO\nKết quả công tác dân vận quý I năm 2024\nThực hiện Chương trình công tác năm 2024, Ban Dân vận Huyện ủy Kbang báo cáo như sau: Các cấp tổ chức 14 cuộc đối thoại. Năm 2024 toàn huyện đăng ký 60 mô hình; năm 2024 phát động thi đua với 30 đơn vị đăng ký.`), "2024Q1");
  });
  test("a body opening 'Thực hiện Kế hoạch …' on the next line does not make the heading's half year 'six months of carrying out'", () => {
    assert.equal(period(`${MENU}BÁO CÁO\nKết quả công tác dân vận 6 tháng đầu năm 2024\nThực hiện Kế hoạch công tác năm 2024, Ban Dân vận Huyện ủy Kbang báo cáo: các cấp tổ chức 14 cuộc đối thoại. Phương hướng 6 tháng cuối năm: phấn đấu năm 2024 có 60 mô hình.`), "2024S1");
    assert.equal(period("Sau 6 tháng thực hiện, mô hình đã giúp 14 hộ thoát nghèo ở xã Đông, huyện Kbang."), null);
  });
  test("the type name with its kind ('BÁO CÁO SƠ KẾT'), or a summary wrapped onto a short second line", () => {
    const body = "Thực hiện Chương trình công tác năm 2024, Ban Dân vận Huyện ủy Kbang báo cáo như sau: Các cấp tổ chức 14 cuộc đối thoại. Năm 2024 toàn huyện đăng ký 60 mô hình; năm 2024 phát động thi đua với 30 đơn vị đăng ký.";
    assert.equal(period(`${MENU}${MENU}BÁO CÁO SƠ KẾT\nCông tác dân vận quý I năm 2024\n${body}`), "2024Q1");
    assert.equal(period(`${MENU}${MENU}BÁO CÁO\nKết quả công tác dân vận\nquý I năm 2024\n${body}`), "2024Q1");
  });
});

