import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Reports and news of the Fatherland Front and the mass organisations on the cases they mediate, the petitions they
 * take and settle, and the sessions they hold that are neither propaganda nor briefings.
 * Compact view: "value[/of] unit → indicator". Every sentence is made up.
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["cases mediated, then those settled after 'và' ('hòa giải 26 vụ và hòa giải thành 21 vụ'): the first count is the cases",
    "Các chi hội đã tham gia hòa giải 26 vụ và hòa giải thành 21 vụ mâu thuẫn trong hội viên. Hội Cựu chiến binh tham gia hòa giải 30 vụ việc và thành công 24 vụ việc.",
    ["26 vụ → mediation.cases", "21 vụ → mediation.successful", "30 vụ → mediation.cases", "24 vụ → mediation.successful"]],
  ["petitions resolved after those received, joined by 'và' ('tiếp nhận 58 đơn thư và giải quyết xong 49 đơn'), are resolved",
    "Mặt trận huyện tiếp nhận 58 đơn thư và giải quyết xong 49 đơn. Các cấp Hội tiếp nhận 40 đơn và đã giải quyết 35 đơn. Hội tiếp nhận 12 vụ khiếu nại và giải quyết xong 9 vụ.",
    ["58 đơn → petitions.received", "49 đơn → petitions.resolved", "40 đơn → petitions.received", "35 đơn → petitions.resolved", "12 vụ → -", "9 vụ → petitions.resolved"]],
  ["a count taken up to resolve ('giải quyết 64 vụ'), then those finished ('giải quyết xong 51 vụ'): the first is not yet resolved",
    "Hội đã giải quyết 64 vụ khiếu nại của hội viên và giải quyết xong 51 vụ. Phối hợp giải quyết 45 đơn thư, đã giải quyết dứt điểm 38 đơn.",
    ["64 vụ → -", "51 vụ → petitions.resolved", "45 đơn → -", "38 đơn → petitions.resolved"]],
  ["sessions of another activity (reception, mediation, club meetings), named right after 'buổi' or by the verb before it, are no propaganda sessions though propaganda opens the sentence",
    "Các cơ sở Hội tổ chức 15 buổi tuyên truyền pháp luật cho hội viên, tham gia tiếp công dân được 36 buổi cho 52 lượt người, tham gia 42 buổi hòa giải ở cơ sở, duy trì 80 buổi sinh hoạt câu lạc bộ. Tổ chức 25 buổi tập huấn, tuyên truyền luật cho hội viên.",
    ["15 buổi → campaign.sessions", "36 buổi → -", "52 lượt → reception.people", "42 buổi → -", "80 buổi → -", "25 buổi → campaign.sessions"]],
  ["the people after 'cho' are a briefing meeting's audience only when the count just before them is of its meetings, not of classes or club meetings",
    "Tổ chức 18 hội nghị tuyên truyền, phổ biến pháp luật cho 2.300 lượt người, duy trì 40 buổi sinh hoạt chi hội cho 900 lượt hội viên; mở 6 lớp tập huấn, bồi dưỡng nghiệp vụ cho 310 lượt cán bộ.",
    ["18 hội nghị → dissemination.conferences", "2300 lượt → dissemination.attendees", "40 buổi → -", "900 lượt → -", "6 lớp → -", "310 lượt → -"]],
  ["meetings that introduce new law ('hội nghị giới thiệu văn bản pháp luật', 'giới thiệu Luật …') disseminate it",
    "Các cấp Hội tổ chức 9 hội nghị giới thiệu văn bản pháp luật mới với 1.150 lượt hội viên dự. Huyện đoàn tổ chức 3 hội nghị giới thiệu Luật Thanh niên cho đoàn viên.",
    ["9 hội nghị → dissemination.conferences", "1150 lượt → dissemination.attendees", "3 hội nghị → dissemination.conferences"]],
  ["grassroots heads a briefing meeting counted just before was held for ('cho 150 chi hội trưởng', 'cho 85 trưởng thôn') are its audience",
    "Tổ chức 5 hội nghị quán triệt Nghị quyết cho 150 chi hội trưởng; 3 hội nghị tuyên truyền chính sách cho 85 trưởng thôn, tổ trưởng. Mở 2 hội nghị tập huấn cho 64 tổ trưởng tổ hòa giải.",
    ["5 hội nghị → dissemination.conferences", "150 chi hội trưởng → dissemination.attendees", "3 hội nghị → dissemination.conferences", "85 trưởng thôn → dissemination.attendees",
      "2 hội nghị → dissemination.conferences", "64 tổ trưởng → dissemination.attendees"]],
  ["meetings listed by how they were held under a heading line that names the dialogue ('4. Hội nghị đối thoại' over '- Định kỳ: 12 hội nghị') are dialogues; the people at them stay without a key",
    "4. Hội nghị đối thoại\n- Định kỳ: 12 hội nghị, 1.450 lượt người dự\n- Đột xuất: 3 hội nghị, 280 lượt người dự",
    ["12 hội nghị → dialogues.held", "1450 lượt → -", "3 hội nghị → dialogues.held", "280 lượt → -"]],
  ["the outcome of a mediation opening the next clause with 'kết quả' ('; kết quả thành 52 vụ', '; kết quả: thành công 30 vụ') is the cases settled, and its share too",
    "Các chi hội tham gia hòa giải 64 vụ việc; kết quả thành 52 vụ, chiếm 81,3%. Tổ hòa giải các thôn hòa giải 36 vụ việc; kết quả: thành công 30 vụ.",
    ["64 vụ → mediation.cases", "52 vụ → mediation.successful", "81.3 % → mediation.successful", "36 vụ → mediation.cases", "30 vụ → mediation.successful"]],
  ["petitions received in a list under a heading on mediation ('Công tác hòa giải:' over '- Tiếp nhận: 40 đơn') are the cases brought to it; under a petition desk's heading they stay received",
    "Công tác hòa giải ở cơ sở:\n- Tiếp nhận: 40 đơn\n- Hòa giải thành: 35 đơn\n\nCông tác tiếp công dân, giải quyết đơn thư:\n- Tiếp nhận: 52 đơn\n- Đã giải quyết: 47 đơn",
    ["40 đơn → mediation.cases", "35 đơn → mediation.successful", "52 đơn → petitions.received", "47 đơn → petitions.resolved"]],
  ["dialogue forums ('12 diễn đàn đối thoại giữa lãnh đạo … với đoàn viên') are dialogues held; other forums stay without a key",
    "Đoàn Thanh niên phối hợp tổ chức 12 diễn đàn đối thoại giữa lãnh đạo địa phương với đoàn viên, thanh niên; 5 diễn đàn khởi nghiệp.",
    ["12 diễn đàn → dialogues.held", "5 diễn đàn → -"]],
  ["members received at the desk, named by who they are ('tiếp 30 hội viên, nông dân đến kiến nghị'), are the people received; members met otherwise stay without a key",
    "Hội Nông dân huyện tiếp 30 hội viên, nông dân đến kiến nghị. Đoàn xã tiếp 12 đoàn viên đến phản ánh về việc làm. Hội tổ chức gặp mặt 50 hội viên.",
    ["30 hội viên → reception.people", "12 đoàn viên → reception.people", "50 hội viên → -"]],
  ["petitions settled, bare after ';' ('chuyển hòa giải 40 đơn; thành 35 đơn'), are the mediation's successes, as in the clause after a comma",
    "Qua tiếp nhận, Hội đã chuyển hòa giải 40 đơn; thành 35 đơn. Ban công tác Mặt trận đưa ra hòa giải 22 đơn; hòa giải thành công 19 đơn.",
    ["40 đơn → mediation.cases", "35 đơn → mediation.successful", "22 đơn → mediation.cases", "19 đơn → mediation.successful"]],
];

describe("fronts and mass organisations: cases, petitions, sessions", () => {
  for (const [name, sentence, expected] of cases) {
    test(name, () => assert.deepEqual(seen(sentence), expected));
  }
});
