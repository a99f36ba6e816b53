import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Briefings on resolutions (classes, meetings counted in "cuộc", the people they reached), trips to the grassroots and
 * documents issued (made-up sentences). Shown as a reviewer sees them: "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  // Briefings: classes, meetings by count, and the people they reached.
  ["classes studying a resolution are briefings",
    "Các chi bộ mở 24 lớp học tập nghị quyết cho đảng viên.", ["24 lớp → dissemination.conferences"]],
  ["classes of technical training are no briefing",
    "Hội tổ chức 6 lớp tập huấn kỹ thuật trồng lúa.", ["6 lớp → -"]],
  ["the audience of a briefing counted after 'với'",
    "Hội nghị quán triệt nghị quyết được tổ chức trực tuyến đến 32 điểm cầu với 1.850 đại biểu.", ["32 điểm → -", "1850 đại biểu → dissemination.attendees"]],
  ["the audience of a review counted after 'với' is no briefing's",
    "Hội nghị tổng kết công tác hội với 200 đại biểu.", ["200 đại biểu → -"]],
  ["briefings counted in 'cuộc' on a resolution, and the people reached",
    "Tổ chức 14 cuộc quán triệt, 60 cuộc tuyên truyền nghị quyết đại hội cho 5.200 hội viên.",
    ["14 cuộc → dissemination.conferences", "60 cuộc → dissemination.conferences", "5200 hội viên → dissemination.attendees"]],
  ["the people of a later clause of a statement on studying resolutions",
    "Kết quả học tập nghị quyết: Nghị quyết Trung ương 8 có 4.300 lượt quần chúng tham gia; Nghị quyết Trung ương 9 có 3.900 lượt quần chúng tham gia.",
    ["4300 lượt → dissemination.attendees", "3900 lượt → dissemination.attendees"]],
  ["the classes of a briefing and the party members who studied in them",
    "Toàn huyện quán triệt nghị quyết được 56 lớp, với 4.210/4.300 đảng viên tham gia học tập.",
    ["56 lớp → dissemination.conferences", "4210/4300 đảng viên → dissemination.attendees"]],
  ["the people after a share of the party members, who joined the study",
    "Đảng bộ tổ chức học tập, quán triệt nghị quyết được 40 lớp với 2.100 đảng viên, đạt 97% và 650 quần chúng ưu tú tham gia học tập.",
    ["40 lớp → dissemination.conferences", "2100 đảng viên → dissemination.attendees", "97 % → dissemination.attendees", "650 quần chúng → dissemination.attendees"]],
  ["classes counted after a passage on studying a resolution, and the people they were held for",
    "Việc học tập, quán triệt Nghị quyết Đại hội được chỉ đạo chặt chẽ.\nToàn huyện mở 31 lớp (03 lớp cán bộ chủ chốt, 28 lớp ở cơ sở) cho 4.020/4.150 cán bộ, đảng viên tham gia.",
    ["31 lớp → dissemination.conferences", "3 lớp → dissemination.conferences", "28 lớp → dissemination.conferences", "4020/4150 cán bộ → dissemination.attendees"]],
  ["the people of classes of training after such a passage are no briefing's audience",
    "Việc học tập, quán triệt nghị quyết được duy trì. Trung tâm mở 4 lớp bồi dưỡng lý luận chính trị cho 230 đảng viên mới.", ["4 lớp → -", "230 đảng viên → -"]],
  ["classrooms built after such a passage are no briefing",
    "Việc học tập, quán triệt nghị quyết được chú trọng. Năm nay huyện xây mới 6 lớp học mầm non.", ["6 lớp → -"]],
  ["sessions briefing on a resolution, and the people they reached",
    "Các chi bộ tổ chức 38 buổi quán triệt nghị quyết cho 1.600 lượt đảng viên.", ["38 buổi → dissemination.conferences", "1600 lượt → dissemination.attendees"]],
  ["the delegates a meeting disseminating a law was held for",
    "Phối hợp tổ chức 7 hội nghị triển khai Luật Thực hiện dân chủ ở cơ sở cho 640 đại biểu.", ["7 hội nghị → dissemination.conferences", "640 đại biểu → dissemination.attendees"]],
  ["items of a list of studies, the verb said once in the first",
    "Kết quả học tập nghị quyết: Nghị quyết Trung ương 8 có 96% đảng viên và 4.300 lượt quần chúng tham gia; Nghị quyết Trung ương 9 có 95% đảng viên và 3.900 quần chúng; Nghị quyết Trung ương 10 có 94% đảng viên và 3.700 quần chúng.",
    ["96 % → -", "4300 lượt → dissemination.attendees", "95 % → -", "3900 quần chúng → dissemination.attendees", "94 % → -", "3700 quần chúng → dissemination.attendees"]],
  ["the listeners of the meetings briefing the Party's speakers",
    "Duy trì 12 hội nghị báo cáo viên với 1.150 lượt người nghe.", ["12 hội nghị → dissemination.conferences", "1150 lượt → dissemination.attendees"]],
  ["the audience after the years of the term of the resolution briefed",
    "Tổ chức 20 cuộc tuyên truyền nghị quyết đại hội nhiệm kỳ 2020 - 2025 cho 3.100 hội viên.", ["20 cuộc → dissemination.conferences", "3100 hội viên → dissemination.attendees"]],
  // Trips to the grassroots.
  ["turns of going deep into the grassroots",
    "Cán bộ của Ban thâm nhập cơ sở 48 lượt.", ["48 lượt → outreach.sessions"]],
  ["turns out to the grassroots, with what the trips were for",
    "Lãnh đạo Ban đi cơ sở nắm tình hình 70 lượt.", ["70 lượt → outreach.sessions"]],
  ["the cadres who went out to the grassroots, counted after 'với'",
    "Cán bộ thường xuyên đi cơ sở, bám địa bàn với 130 lượt cán bộ.", ["130 lượt → outreach.sessions"]],
  ["an audience reached on a trip is no trip",
    "Đoàn đi cơ sở tuyên truyền cho 500 lượt người.", ["500 lượt → -"]],
  ["trips to the grassroots counted in 'cuộc' or 'đợt'",
    "Ban tổ chức 26 cuộc đi cơ sở nắm tình hình và 4 đợt thâm nhập thôn, bản.", ["26 cuộc → outreach.sessions", "4 đợt → outreach.sessions"]],
  // Documents.
  ["documents a committee led by",
    "Ban tham mưu cấp ủy lãnh đạo, chỉ đạo bằng 14 văn bản.", ["14 văn bản → docs.issued"]],
  ["documents issued to carry out a higher level's are issued",
    "Đảng ủy ban hành 9 văn bản triển khai thực hiện các chỉ thị của Trung ương.", ["9 văn bản → docs.issued"]],
  ["documents of a higher level carried out are not issued",
    "Đảng ủy thực hiện 5 văn bản chỉ đạo của tỉnh.", ["5 văn bản → -"]],
];

describe("briefings, trips and documents", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
