import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["the parts of money mobilised, written with a glued 'đ' and listed by place after 'trong đó', are mobilised",
    "Ban Công tác Mặt trận vận động ủng hộ quỹ khuyến học được 9.600.000đ; trong đó xã Đông được 6.000.000đ; thôn Một được 1.400.000đ; thôn Hai được 2.200.000đ.",
    ["9600000 đồng → contrib.money_vnd", "6000000 đồng → contrib.money_vnd", "1400000 đồng → contrib.money_vnd", "2200000 đồng → contrib.money_vnd"]],
  ["money spent after 'trong đó', written with a glued 'đ', stays no money mobilised",
    "Quỹ vận động được 8.000.000đ; trong đó đã chi hỗ trợ 5.000.000đ.",
    ["8000000 đồng → contrib.money_vnd", "5000000 đồng → -"]],
  ["items by place run on past the reach of their statement: each takes the key of the item before it; a clause with a verb of its own does not",
    "Ban Thường trực Ủy ban Mặt trận Tổ quốc xã phối hợp tuyên truyền, vận động cán bộ, công chức, viên chức, các cơ quan, đơn vị, lực lượng vũ trang và Nhân dân trên địa bàn ủng hộ Quỹ Vì người nghèo được 12.450.000đ; trong đó cán bộ, công chức, người hoạt động không chuyên trách và các cơ quan đóng trên địa bàn xã được 6.250.000đ; thôn Đồng Tâm được 900.000đ; thôn Hòa Bình được 1.100.000đ; thôn Tân Lập được 850.000đ; thôn Quyết Tiến được 1.200.000đ; thôn Thống Nhất được 1.050.000đ; thôn Đoàn Kết được 1.100.000đ; thôn Ba còn nợ 300.000đ.",
    ["12450000 đồng → contrib.money_vnd", "6250000 đồng → contrib.money_vnd", "900000 đồng → contrib.money_vnd", "1100000 đồng → contrib.money_vnd", "850000 đồng → contrib.money_vnd", "1200000 đồng → contrib.money_vnd", "1050000 đồng → contrib.money_vnd", "1100000 đồng → contrib.money_vnd", "300000 đồng → -"]],
  ["an amount right after a hamlet word or a hamlet's name is money, not a hamlet named by a number",
    "Vận động ủng hộ Quỹ Vì người nghèo được 140 triệu đồng; trong đó: khối cơ quan 60 triệu đồng; các thôn 80 triệu đồng. Thôn Bắc Sơn 25 triệu đồng.",
    ["140000000 đồng → contrib.money_vnd", "60000000 đồng → contrib.money_vnd", "80000000 đồng → contrib.money_vnd", "25000000 đồng → -"]],
  ["a hamlet named by a number stays a name, money counted after it",
    "Thôn 5 ủng hộ 12 triệu đồng; tổ dân phố 3 góp 7 triệu đồng.",
    ["12000000 đồng → contrib.money_vnd", "7000000 đồng → contrib.money_vnd"]],
  ["individuals who signed a campaign's commitment are its people, alone or listed before households",
    "Phát động phong trào toàn dân bảo vệ an ninh Tổ quốc tại 12 thôn, có 85 cá nhân ký cam kết không vi phạm pháp luật. Tổ chức 14 buổi phát động quần chúng; có 40 cá nhân, 260 hộ gia đình ký cam kết.",
    ["12 thôn → campaign.villages_reached", "85 cá nhân → campaign.participants", "14 buổi → campaign.sessions", "40 cá nhân → campaign.participants", "260 hộ → campaign.participants"]],
  ["individuals commended in a campaign, or signing no commitment, are no campaign's people",
    "Phát động phong trào toàn dân bảo vệ an ninh Tổ quốc; khen thưởng 6 tập thể, 9 cá nhân có thành tích. Có 30 cá nhân đăng ký mô hình, không phát động.",
    ["6 tập thể → awards.collectives", "9 cá nhân → awards.individuals", "30 cá nhân → -"]],
  ["the people who listened at propaganda sessions counted just before are the campaign's people",
    "Tổ chức 36 buổi tuyên truyền, vận động đồng bào chấp hành pháp lệnh, có trên 2.900 lượt người nghe.",
    ["36 buổi → campaign.sessions", "2900 lượt → campaign.participants"]],
  ["people listening to a dialogue, or a talk with no sessions counted, are no campaign's people",
    "Tổ chức 5 buổi đối thoại với Nhân dân, có 300 lượt người nghe. Báo cáo viên nói chuyện chuyên đề, có 450 lượt người nghe.",
    ["5 buổi → dialogues.held", "300 lượt → -", "450 lượt → -"]],
  ["a unit's type abbreviated with a dot and no space ('TP.HCM', 'TX.Ayun Pa') ends no sentence: the mobilising verb before it still holds",
    "Hội vận động nhóm thiện nguyện (TP.HCM) khám bệnh, cấp thuốc cho 520 người cao tuổi, với tổng kinh phí 38 triệu đồng. Mặt trận vận động doanh nghiệp ở TX.Ayun Pa khám bệnh cho 120 người, tổng kinh phí 60 triệu đồng.",
    ["520 người → -", "38000000 đồng → contrib.money_vnd", "120 người → -", "60000000 đồng → contrib.money_vnd"]],
  ["a sentence that ends on a unit's short name still ends at its dot",
    "Đoàn công tác làm việc tại Quận 5. Kinh phí sửa chữa trụ sở 200 triệu đồng.",
    ["200000000 đồng → -"]],
  ["the meetings of a party committee's standing board (Ban Thường vụ) with the people are dialogues held; with voters they are not",
    "Ban Thường vụ Huyện ủy tổ chức 3 hội nghị với Nhân dân các xã vùng dự án. Ban Thường vụ Đảng ủy xã tổ chức 2 hội nghị với cử tri.",
    ["3 hội nghị → dialogues.held", "2 hội nghị → -"]],
  ["those who studied in a briefing's classes ('học viên') are its people; in a training's classes they are not",
    "Mở 12 lớp quán triệt Nghị quyết Đại hội với 1.650 học viên. Mở 4 lớp tập huấn kỹ thuật chăn nuôi cho 260 học viên.",
    ["12 lớp → dissemination.conferences", "1650 học viên → dissemination.attendees", "4 lớp → -", "260 học viên → -"]],
  ["care given to households in need, with its cost, is money given as support; the cost of a programme is not",
    "Dịp Tết, phường chăm lo cho hơn 250 hộ dân có hoàn cảnh khó khăn với kinh phí khoảng 420 triệu đồng. Chương trình chăm lo sức khỏe cộng đồng có tổng kinh phí 2 tỷ đồng.",
    ["250 hộ → -", "420000000 đồng → contrib.money_vnd", "2000000000 đồng → -"]],
  ["a free programme named by its price ('Chợ 0 đồng', 'Bữa cơm 0 đồng') counts nothing; the gifts at it are counted",
    "Tổ chức chương trình Chợ 0 đồng và Bữa cơm 0 đồng, trao 320 suất quà với tổng trị giá 160 triệu đồng.",
    ["320 suất → -", "160000000 đồng → contrib.money_vnd"]],
  ["examples of the advanced ('gương điển hình tiên tiến') commended after a passage on Dân vận khéo are awarded, not its exemplars",
    "Phong trào thi đua “Dân vận khéo” tiếp tục được đẩy mạnh. Dịp này, huyện tuyên dương 36 gương điển hình tiên tiến trong phong trào thi đua yêu nước.",
    ["36 điển hình → awards.individuals"]],
  ["collectives and individuals labelled before their numbers, in parentheses after a count of Dân vận khéo exemplars, are those exemplars",
    "Phong trào thi đua “Dân vận khéo”\nSố điển hình được công nhận: 28 (tập thể 17, cá nhân 11).\nKhen thưởng: 9 (tập thể 5, cá nhân 4).",
    ["28 điển hình → dvk.exemplars", "17 tập thể → dvk.exemplars", "11 cá nhân → dvk.exemplars", "5 tập thể → awards.collectives", "4 cá nhân → awards.individuals"]],
  ["bare sessions counted in a later clause of a statement on a mass campaign are its sessions; after an emulation launched they are not",
    "Công tác phát động quần chúng: số đợt phát động: 3; số buổi: 95; số lượt người tham gia: 6.400. Phát động phong trào thi đua lao động sản xuất; số buổi: 12.",
    ["3 đợt → campaign.rounds", "95 buổi → campaign.sessions", "6400 lượt → campaign.participants", "12 buổi → -"]],
];

describe("extractor: items of what was mobilised, and a campaign's people", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
