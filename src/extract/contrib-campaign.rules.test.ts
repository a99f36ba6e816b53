import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["money written in number words takes its scale word",
    "Năm 2024, xã vận động được gần bốn tỷ đồng; huyện ủng hộ hơn hai triệu đồng.",
    ["4000000000 đồng → contrib.money_vnd", "2000000 đồng → contrib.money_vnd"]],
  ["the parts of money mobilised, listed by level after 'trong đó' in clauses of their own, are mobilised",
    "Năm 2024, MTTQ các cấp vận động được 8,5 tỷ đồng; trong đó, cấp tỉnh 3 tỷ đồng; cấp huyện 2,5 tỷ đồng; cấp xã 3 tỷ đồng.",
    ["8500000000 đồng → contrib.money_vnd", "3000000000 đồng → contrib.money_vnd", "2500000000 đồng → contrib.money_vnd", "3000000000 đồng → contrib.money_vnd"]],
  ["money spent after 'trong đó' stays no money mobilised",
    "Quỹ vận động được 5 tỷ đồng; trong đó, đã chi hỗ trợ 4 tỷ đồng; cấp tỉnh giải ngân 1 tỷ đồng.",
    ["5000000000 đồng → contrib.money_vnd", "4000000000 đồng → -", "1000000000 đồng → -"]],
  ["the total worth of land and labour the people gave for a road is money mobilised; a house's worth stays a worth",
    "Vận động Nhân dân hiến đất, đóng góp ngày công làm đường giao thông nông thôn, tổng giá trị ước tính trên 6 tỷ đồng. Bàn giao 7 căn nhà Đại đoàn kết, trị giá 300 triệu đồng.",
    ["6000000000 đồng → contrib.money_vnd", "7 căn → contrib.houses", "300000000 đồng → -"]],
  ["people named by their role after mobilisation sessions are the campaign's people",
    "Tổ chức 20 buổi tuyên truyền, vận động với 450 chi hội trưởng tham dự; 15 buổi phát động cho 600 lượt người có uy tín.",
    ["20 buổi → campaign.sessions", "450 chi hội trưởng → campaign.participants", "15 buổi → campaign.sessions", "600 lượt → campaign.participants"]],
  ["the people of propaganda sessions, said after the villages they were held in, are the campaign's people",
    "Các đoàn công tác tổ chức 145 buổi sinh hoạt, tuyên truyền tại 45 thôn, buôn, với 8.200 lượt người tham gia.",
    ["145 buổi → campaign.sessions", "45 thôn → -", "8200 lượt → campaign.participants"]],
  ["comrades commended are individuals awarded; comrades attending a commendation are not",
    "Kỷ niệm chương “Vì sự nghiệp Dân vận” được trao cho 25 đồng chí. Hội nghị tổng kết, khen thưởng có 120 đồng chí tham dự.",
    ["25 đồng chí → awards.individuals", "120 đồng chí → dissemination.attendees"]],
  ["communes that reached the new rural standard, an aside in parentheses between, and the share in it",
    "Đến nay, tỉnh có 374/449 xã (chiếm khoảng 83% tổng số xã) đạt chuẩn nông thôn mới.",
    ["374/449 xã → new_rural.communes", "83 % → new_rural.communes"]],
  ["a rate of schools or communes that reached a standard is that count's share; other rates of them stay rates",
    "Tỷ lệ trường đạt chuẩn quốc gia đạt 78,5%; tỷ lệ xã đạt chuẩn nông thôn mới nâng cao 20%; tỷ lệ xã có đường ô tô đến trung tâm 100%.",
    ["78.5 % → schools.standard", "20 % → new_rural.advanced", "100 % → -"]],
  ["households that signed a commitment, counted bare after a label naming them under a campaign's heading, are its people",
    "3. Công tác phát động quần chúng\nKết quả:\n- Số buổi tuyên truyền: 156 buổi.\n- Số hộ ký cam kết: 3.200 hộ.",
    ["156 buổi → campaign.sessions", "3200 hộ → campaign.participants"]],
  ["exemplars and models counted bare in a later paragraph under a section heading on Dân vận khéo are its own; not under another movement's",
    "2. Phong trào thi đua yêu nước\nNăm 2023, toàn huyện có 36 điển hình tiêu biểu được biểu dương.\n\n4. Phong trào thi đua “Dân vận khéo”\nCác cấp ủy, chính quyền, Mặt trận và các đoàn thể quan tâm lãnh đạo, chỉ đạo phong trào, gắn với nhiệm vụ chính trị của từng địa phương, đơn vị; công tác tuyên truyền được đổi mới, nhiều cách làm hay được nhân rộng, tạo sự đồng thuận trong Nhân dân.\nVề điển hình: có 30 điển hình, trong đó 12 tập thể, 18 cá nhân.",
    ["36 điển hình → -", "30 điển hình → dvk.exemplars", "12 tập thể → dvk.exemplars", "18 cá nhân → dvk.exemplars"]],
  ["communes registered for or still short of the new rural standard stay without a key; a part of those that reached it, its standard not named again, keeps it",
    "Năm 2024 có 12 xã đăng ký đạt chuẩn nông thôn mới; còn 3 xã chưa đạt chuẩn NTM. Toàn huyện có 15/18 xã đạt chuẩn nông thôn mới, trong đó 5 xã đạt chuẩn nâng cao, 2 xã đạt chuẩn kiểu mẫu.",
    ["12 xã → -", "3 xã → -", "15/18 xã → new_rural.communes", "5 xã → new_rural.advanced", "2 xã → -"]],
  ["schools that reached the national standard so far, counted after 'nâng tổng số … lên', keep the key",
    "Công nhận thêm 3 trường đạt chuẩn quốc gia, nâng tổng số trường đạt chuẩn lên 45/60 trường.",
    ["3 trường → schools.standard", "45/60 trường → schools.standard"]],
  ["what a fund holds now is no money mobilised",
    "Quỹ Vì người nghèo huyện hiện có 1,2 tỷ đồng; năm 2024 vận động được 800 triệu đồng.",
    ["1200000000 đồng → -", "800000000 đồng → contrib.money_vnd"]],
  ["the people who attended propaganda sessions, said in a clause of their own opened by 'có', are the campaign's people",
    "Tổ chức 45 buổi tuyên truyền, vận động đồng bào không nghe theo kẻ xấu, có 2.300 lượt người tham dự.",
    ["45 buổi → campaign.sessions", "2300 lượt → campaign.participants"]],
  ["returnees broken down by the force they served in, the army first, are returnees",
    "Đón 145 quân nhân xuất ngũ (Quân đội 120, Công an 25) trở về địa phương.",
    ["145 quân nhân → military.returnees", "120 quân nhân → military.returnees", "25 quân nhân → military.returnees"]],
  ["a work's cost with the people's share of it after is a cost; houses for the poor built with a total are money mobilised",
    "Xây dựng nhà văn hóa thôn với kinh phí 800 triệu đồng, trong đó Nhân dân đóng góp 200 triệu đồng. Xây dựng 5 căn nhà đại đoàn kết với tổng kinh phí 250 triệu đồng, trong đó Nhân dân đóng góp 50 triệu đồng.",
    ["800000000 đồng → -", "200000000 đồng → contrib.money_vnd", "5 căn → contrib.houses", "250000000 đồng → contrib.money_vnd", "50000000 đồng → contrib.money_vnd"]],
];

describe("extractor: contributions, campaigns, awards and standards reached", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
