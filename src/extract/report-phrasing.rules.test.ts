import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractFigures } from "./extract.ts";

/**
 * Phrasings of district and commune reports (made-up sentences): items by level and by label, breakdowns
 * after "trong đó", rates by place, meetings and people named by who they are, precision guards. Shown as a
 * reviewer sees them: "value[/of] unit → indicator".
 */
const seen = (s: string) =>
  extractFigures(s).map((f) => `${f.value}${f.of !== null ? "/" + f.of : ""} ${f.unit ?? "-"} → ${f.indicator ?? "-"}`);

const cases: Array<[string, string, string[]]> = [
  ["the first item by level after 'trong đó' is read with the count it breaks down",
    "Năm qua tổ chức 60 cuộc tiếp xúc, đối thoại với Nhân dân, trong đó cấp huyện 8 cuộc, cấp xã 52 cuộc.",
    ["60 cuộc → dialogues.held", "8 cuộc → dialogues.held", "52 cuộc → dialogues.held"]],
  ["people at a briefing named by who they are, who took part or were briefed",
    "Tham gia hội nghị quán triệt có gần 400 cán bộ. Tại hội nghị, 250 đại biểu đã được quán triệt Nghị quyết.",
    ["400 cán bộ → dissemination.attendees", "250 đại biểu → dissemination.attendees"]],
  ["people who took part in a meeting that launched a campaign did not attend a briefing",
    "Hội nghị quán triệt và phát động phong trào thi đua có 200 đại biểu tham gia.", ["200 đại biểu → -"]],
  ["soldiers back home in the other spelling of their rank",
    "Đón 120 chiến sỹ hoàn thành nghĩa vụ quân sự trở về địa phương.", ["120 chiến sĩ → military.returnees"]],
  ["members of a cooperative are people, not communes",
    "Hợp tác xã có 25 xã viên tham gia; 3 xã đạt chuẩn nông thôn mới.", ["25 xã viên → -", "3 xã → new_rural.communes"]],
  ["collectives and individuals recognised under a heading on Dân vận khéo exemplars",
    "Về điển hình Dân vận khéo\nCó 14 tập thể và 6 cá nhân được công nhận.", ["14 tập thể → dvk.exemplars", "6 cá nhân → dvk.exemplars"]],
  ["collectives and individuals who only took part after a Dân vận khéo heading keep no key",
    "Về điển hình Dân vận khéo\nCó 14 tập thể và 6 cá nhân tham gia hội thi.", ["14 tập thể → -", "6 cá nhân → -"]],
  ["medals counted in capitals are counted things",
    "Trao gần 50 Kỷ niệm chương cho các cá nhân.", ["50 kỷ niệm chương → -"]],
  ["petitions that ask for mediation are mediation cases",
    "Tổ hòa giải tiếp nhận 18 đơn yêu cầu hòa giải; đã hòa giải thành 15 đơn.", ["18 đơn → mediation.cases", "15 đơn → mediation.successful"]],
  ["mediation items named by a label alone",
    "Số vụ việc hòa giải: 30 vụ; thành: 26 vụ; không thành: 4 vụ.", ["30 vụ → mediation.cases", "26 vụ → mediation.successful", "4 vụ → -"]],
  ["a mediation rate named in its own clause before a petitions rate",
    "Tỷ lệ hòa giải thành đạt 89%, tỷ lệ giải quyết đơn thư đạt 96%.", ["89 % → mediation.successful", "96 % → petitions.resolution_rate"]],
  ["communes listed with the other kinds of commune reached the new-rural standard",
    "Đến nay có 14 xã, thị trấn đạt chuẩn nông thôn mới.", ["14 xã → new_rural.communes"]],
  ["the people a dissemination meeting reached, after 'cho'",
    "Tổ chức 30 hội nghị tuyên truyền, phổ biến pháp luật cho 2.400 lượt người; trao quà cho 50 người.",
    ["30 hội nghị → dissemination.conferences", "2400 lượt → dissemination.attendees", "50 người → -"]],
  ["land given in a list of contributions is land donated; land named otherwise is not",
    "Vận động hội viên đóng góp 300 triệu đồng, 500 ngày công và 150m2 đất làm đường; trồng 2 ha lúa.",
    ["300000000 đồng → contrib.money_vnd", "500 ngày công → contrib.labor_days", "150 m2 → contrib.land_m2", "2 ha → -"]],
  ["models proposed for an award through a list of bodies are not yet recognised",
    "Phong trào Dân vận khéo có 120 mô hình; Ban Dân vận đề xuất Ban Thường vụ, Thường trực Huyện ủy xét khen thưởng 9 mô hình và 2 điển hình.",
    ["120 mô hình → dvk.models", "9 mô hình → -", "2 điển hình → -"]],
  ["ad-hoc meetings counted right after periodic dialogues are dialogues too",
    "Các xã tổ chức 20 hội nghị đối thoại định kỳ và 3 hội nghị đột xuất; tổ chức 4 hội nghị đột xuất về phòng chống thiên tai.",
    ["20 hội nghị → dialogues.held", "3 hội nghị → dialogues.held", "4 hội nghị → -"]],
  ["meetings counted under a label naming periodic meetings with the people are dialogues",
    "Hội nghị định kỳ giữa cấp ủy, chính quyền với Nhân dân: tổ chức 9 hội nghị với 900 lượt người dự.", ["9 hội nghị → dialogues.held", "900 lượt → -"]],
  ["group heads are people of a campaign, not groups",
    "Có 30 chi hội trưởng, 85 tổ trưởng tổ tự quản tham gia phát động.", ["30 chi hội trưởng → campaign.participants", "85 tổ trưởng → campaign.participants"]],
  ["the kinds of the documents issued, after 'trong đó', are documents issued; those of a higher level carried out are not",
    "Tham mưu ban hành 8 văn bản chỉ đạo, trong đó có 3 kế hoạch và 5 hướng dẫn. Thực hiện 12 văn bản của tỉnh, trong đó 4 kế hoạch.",
    ["8 văn bản → docs.issued", "3 kế hoạch → docs.issued", "5 hướng dẫn → docs.issued", "12 văn bản → -", "4 kế hoạch → -"]],
  ["the people of mobilisation sessions, after 'với'; of sessions that only inform, no key",
    "Tổ chức 30 buổi tuyên truyền, vận động tại các thôn với 2.100 lượt người nghe. Tổ chức 12 buổi tuyên truyền pháp luật với 800 lượt người.",
    ["30 buổi → campaign.sessions", "2100 lượt → campaign.participants", "12 buổi → campaign.sessions", "800 lượt → -"]],
  ["the people at a review or a celebration did not attend a briefing; at a briefing on a congress's resolution they did",
    "Hội nghị tổng kết công tác dân vận có 150 đại biểu tham dự. Hội nghị quán triệt Nghị quyết Đại hội Đảng bộ có 320 đảng viên tham dự.",
    ["150 đại biểu → -", "320 đảng viên → dissemination.attendees"]],
  ["soldiers back home counted by rank, the rank written before its count",
    "Đón 40 quân nhân hoàn thành nghĩa vụ quân sự, trong đó hạ sỹ quan 12, chiến sỹ 28.",
    ["40 quân nhân → military.returnees", "12 hạ sĩ quan → military.returnees", "28 chiến sĩ → military.returnees"]],
  ["times a leader held a dialogue, counted in 'lần' as in 'lượt'; a rule of twice a year is no count",
    "Bí thư Huyện ủy đối thoại 3 lần với Nhân dân; quy chế yêu cầu đối thoại 2 lần/năm.", ["3 lần → dialogues.turns", "2 lần → -"]],
  ["rates by place after a keyed rate, and a bare share in parentheses after its count, take the key",
    "Tỷ lệ hòa giải thành đạt trên 85%, trong đó xã Tân Lập đạt 95%, xã Hòa Bình đạt 90%. Hòa giải thành 45/50 vụ việc (90%). Tổ chức 12 hội nghị (tăng 20%).",
    ["85 % → mediation.successful", "95 % → mediation.successful", "90 % → mediation.successful", "45/50 vụ → mediation.successful", "90 % → mediation.successful", "12 hội nghị → -", "20 % → -"]],
  ["bare models a sentence or two after one naming Dân vận khéo, counted with others or said to work",
    "Phong trào “Dân vận khéo” tiếp tục lan tỏa. Cấp ủy quan tâm chỉ đạo. Kết quả, có 64 mô hình tập thể và 31 điển hình cá nhân; 22 mô hình tập thể hoạt động hiệu quả; 9 mô hình kinh tế.",
    ["64 mô hình → dvk.models", "31 điển hình → dvk.exemplars", "22 mô hình → dvk.models", "9 mô hình → -"]],
  ["visitors received are not citizens at the desk; technical training meetings disseminate no policy",
    "Tiếp 15 đoàn khách với 120 người đến thăm và làm việc. Tổ chức 3 hội nghị tập huấn kỹ thuật trồng cà phê; 4 hội nghị tuyên truyền pháp luật.",
    ["15 đoàn → -", "120 người → -", "3 hội nghị → -", "4 hội nghị → dissemination.conferences"]],
  ["the people a briefing reached, after 'cho' or 'đến'; a directive's number before 'đến' is no range",
    "Tổ chức học tập, quán triệt Nghị quyết cho 2.345 cán bộ, đảng viên. Quán triệt Chỉ thị 18 đến 1.200 đảng viên.",
    ["2345 cán bộ → dissemination.attendees", "1200 đảng viên → dissemination.attendees"]],
  ["communes that reached the new-rural standard so far, after 'nâng tổng số lên', are not all communes",
    "Năm 2023 có thêm 2 xã đạt chuẩn nông thôn mới, nâng tổng số lên 10 xã. Toàn huyện có tổng số 14 xã.",
    ["2 xã → new_rural.communes", "10 xã → new_rural.communes", "14 xã → communes.total"]],
];

describe("extractor: phrasings of district reports (made-up sentences)", () => {
  for (const [name, sentence, want] of cases) test(name, () => assert.deepEqual(seen(sentence), want));
});
