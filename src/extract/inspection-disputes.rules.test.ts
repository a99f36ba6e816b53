import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/** "value[/of] unit → indicator", as a reviewer sees each figure. Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  // An inspectorate's inspections ("cuộc thanh tra", "đoàn thanh tra") are the catalog's "Đoàn/cuộc kiểm tra".
  ["inspections named after the count", "Thanh tra huyện đã tiến hành 8 cuộc thanh tra hành chính tại 14 đơn vị.",
    ["8 cuộc → inspection.teams", "14 đơn vị → -"]],
  ["inspections named by the verb right before the count", "Thanh tra sở thanh tra 9 cuộc về quản lý đất đai.",
    ["9 cuộc → inspection.teams"]],
  ["teams of an inspectorate", "UBND huyện thành lập 3 đoàn thanh tra công vụ.", ["3 đoàn → inspection.teams"]],
  ["not the people's inspection board", "Ban Thanh tra nhân dân xã tiến hành 11 cuộc thanh tra.", ["11 cuộc → -"]],
  ["inspections carried over and concluded: read as figures, no key", "Kết luận 6 cuộc thanh tra từ năm trước chuyển sang.",
    ["6 cuộc → -"]],
  ["a pair of inspections concluded is a figure, no key", "Đã ban hành kết luận 4/5 cuộc thanh tra.", ["4/5 cuộc → -"]],
  ["inspections ended are where they stand, not held", "Thanh tra tỉnh tiến hành 10 cuộc thanh tra, đã kết thúc 7 cuộc.",
    ["10 cuộc → inspection.teams", "7 cuộc → -"]],
  // Parts of a count of inspections or supervisions by how they were planned take its key; those carried over do not.
  ["inspections by how they were planned, after their count",
    "Thanh tra huyện đã triển khai 8 cuộc thanh tra. Trong đó, 1 cuộc từ kỳ trước chuyển sang; 1 cuộc đột xuất và 6 cuộc triển khai theo kế hoạch.",
    ["8 cuộc → inspection.teams", "1 cuộc → -", "1 cuộc → inspection.teams", "6 cuộc → inspection.teams"]],
  ["supervisions by how they were planned", "Tổ chức 12 cuộc giám sát, trong đó 10 cuộc theo kế hoạch, 2 cuộc đột xuất.",
    ["12 cuộc → oversight.count", "10 cuộc → oversight.count", "2 cuộc → oversight.count"]],
  ["another meeting counted between stops the parts", "Tổ chức 12 cuộc giám sát, 6 cuộc họp dân, trong đó 4 cuộc đột xuất.",
    ["12 cuộc → oversight.count", "6 cuộc → -", "4 cuộc → -"]],
  // Under a heading that names the inspection ("Công tác thanh tra", "Công tác kiểm tra"), a bare count of it.
  ["a bare count under an inspectorate's heading", "7. Công tác thanh tra\nTriển khai 6 cuộc, ban hành kết luận 5 cuộc.",
    ["6 cuộc → inspection.teams", "5 cuộc → -"]],
  ["teams formed under a heading on inspection", "8. Công tác kiểm tra\nBan Thường vụ thành lập 2 đoàn.", ["2 đoàn → inspection.teams"]],
  ["an inspectorate's propaganda is no inspection", "Thanh tra tỉnh phối hợp tổ chức 4 cuộc tuyên truyền pháp luật.", ["4 cuộc → -"]],
  // Petitions sent on to another body, named after the verb, are neither received nor resolved here.
  ["petitions sent on to a body to resolve them", "Thường trực Đảng ủy tiếp nhận 3 đơn, đã chuyển UBND xã giải quyết 3 đơn.",
    ["3 đơn → petitions.received", "3 đơn → -"]],
  ["petitions sent on to consider and resolve, a comma between", "Mặt trận chuyển đến cơ quan chức năng xem xét, giải quyết 5 đơn.", ["5 đơn → -"]],
  ["petitions sent up", "Tiếp nhận 20 đơn, đã giải quyết 18 đơn, chuyển cấp trên 2 đơn.",
    ["20 đơn → petitions.received", "18 đơn → petitions.resolved", "2 đơn → -"]],
  ["a change for the better is no sending on", "Mặt trận có chuyển biến tích cực, tiếp nhận 12 đơn.", ["12 đơn → petitions.received"]],
  // Petitions by where their resolution stands, the competence's breakdown, and the papers of handling them.
  ["petitions not yet resolved or at an instance of resolution", "Theo trình tự giải quyết, có 7 đơn chưa được giải quyết, 12 đơn giải quyết lần đầu, 5 đơn giải quyết lần 2.",
    ["7 đơn → -", "12 đơn → -", "5 đơn → -"]],
  ["the competence's breakdown in parentheses is no resolution",
    "Số đơn thuộc thẩm quyền giải quyết 80 đơn (khiếu nại 50, tố cáo 30). Đến nay đã giải quyết được 70 đơn (khiếu nại 45, tố cáo 25), đạt tỷ lệ 87,5%.",
    ["80 đơn → -", "50 đơn → -", "30 đơn → -", "70 đơn → petitions.resolved", "45 đơn → petitions.resolved", "25 đơn → petitions.resolved", "87.5 % → petitions.resolution_rate"]],
  ["papers of handling petitions are no leadership documents",
    "Đã ban hành 9 văn bản hướng dẫn công dân, 21 văn bản chuyển đơn đến cơ quan có thẩm quyền.",
    ["9 văn bản → -", "21 văn bản → -"]],
  ["inspection conclusions are no leadership documents", "Thanh tra tỉnh đã thực hiện 40 cuộc thanh tra hành chính và ban hành 36 kết luận thanh tra.",
    ["40 cuộc → inspection.teams", "36 kết luận → -"]],
  ["a committee's documents are still read", "Huyện ủy ban hành 25 văn bản lãnh đạo, chỉ đạo công tác dân vận.", ["25 văn bản → docs.issued"]],
  // Teams of another organ received ("tiếp 3 đoàn kiểm tra của cấp trên") are hosted, not formed.
  ["inspection teams received are hosted", "Tiếp 3 đoàn kiểm tra của cấp trên.", ["3 đoàn → -"]],
  ["supervision teams received are hosted", "UBND xã tiếp nhận 2 đoàn giám sát của HĐND huyện.", ["2 đoàn → -"]],
  ["delegations at a petition desk are still turns", "Tiếp 125 lượt công dân, 5 đoàn đông người.",
    ["125 lượt → reception.turns", "5 đoàn → reception.turns"]],
  // Supervisions counted in times or sessions, and bare items that name only the organisation's role.
  ["times of supervising", "Ủy ban MTTQ xã tổ chức giám sát 5 lần về công tác bảo vệ môi trường.", ["5 lần → oversight.count"]],
  ["sessions of supervising", "Ban Thường trực tổ chức 03 buổi giám sát tại UBND xã.", ["3 buổi → oversight.count"]],
  ["a bare item naming the role after supervisions", "Hội Nông dân phối hợp giám sát 7 cuộc, chủ trì 2 cuộc.",
    ["7 cuộc → oversight.count", "2 cuộc → oversight.count"]],
  ["a bare item after a semicolon, the role and its partner", "Phối hợp với Thường trực HĐND giám sát 04 cuộc; tham gia cùng các Ban HĐND 06 cuộc.",
    ["4 cuộc → oversight.count", "6 cuộc → oversight.count"]],
  ["a bare item naming the role after inspections", "Hội Cựu chiến binh kiểm tra 5 cuộc, phối hợp 3 cuộc.",
    ["5 cuộc → inspection.teams", "3 cuộc → inspection.teams"]],
  ["social criticism named in between keeps no key", "Ủy ban MTTQ tổ chức giám sát 21 cuộc, phản biện xã hội 4 cuộc.",
    ["21 cuộc → oversight.count", "4 cuộc → -"]],
  ["voters' meetings in times keep no key", "Đại biểu HĐND tiếp xúc cử tri 4 lần.", ["4 lần → -"]],
  ["trips out to inspect are no inspections held", "Cán bộ xuống kiểm tra 15 buổi tại cơ sở.", ["15 buổi → -"]],
  // Disputes counted by the quarrel itself in a passage on mediation.
  ["disputes received, then settled", "Các tổ hòa giải tiếp nhận 46 mâu thuẫn, tranh chấp; hòa giải thành 41 mâu thuẫn.",
    ["46 mâu thuẫn → mediation.cases", "41 mâu thuẫn → mediation.successful"]],
  ["disputes settled by a mass organisation", "Hội Phụ nữ tham gia hòa giải thành công 9 mâu thuẫn gia đình.",
    ["9 mâu thuẫn → mediation.successful"]],
  ["disputes not settled keep no key", "Tổ hòa giải đã hòa giải 15 mâu thuẫn, trong đó thành 12 mâu thuẫn, không thành 3 mâu thuẫn.",
    ["15 mâu thuẫn → mediation.cases", "12 mâu thuẫn → mediation.successful", "3 mâu thuẫn → -"]],
  ["cases of a mediation counted as 'trường hợp' in their own clause",
    "Hội Phụ nữ phối hợp hòa giải 11 trường hợp mâu thuẫn gia đình, thành công 10 trường hợp.",
    ["11 trường hợp → mediation.cases", "10 trường hợp → mediation.successful"]],
  ["cases counselled beside a mediation keep no key", "Hội Phụ nữ tham gia hòa giải, tư vấn cho 12 trường hợp bị bạo lực gia đình.",
    ["12 trường hợp → -"]],
  ["disputes resolved with no mediation", "Xã đã giải quyết 7 tranh chấp đất đai.", ["7 tranh chấp → -"]],
  ["a court's disputes", "Tòa án hòa giải thành 30 tranh chấp dân sự.", ["30 tranh chấp → -"]],
  // Delegates who stand for a count of members or villages are a meeting's structure, not a briefing's audience.
  ["delegates standing for members, a comma between",
    "Sáng 5/3, Hội Nông dân xã tổ chức hội nghị chi hội điểm. Đến dự có lãnh đạo huyện, cùng 38/40 đại biểu chính thức, đại diện cho 160 hội viên về dự Hội nghị.",
    ["38/40 đại biểu → -", "160 hội viên → -"]],
  ["delegates standing for the people of villages",
    "Xã B tổ chức Hội nghị đối thoại năm 2025. Tham dự Hội nghị có các đồng chí Bí thư chi bộ, Trưởng thôn và 48 đại biểu đại diện Nhân dân 16 thôn trên địa bàn xã tham dự.",
    ["48 đại biểu → -", "16 thôn → -"]],
  // Turns written "lượt người", then the people of those turns: the first are the turns.
  ["turns in 'lượt người' with the people after them", "Bí thư Đảng ủy xã tiếp 18 lượt người dân với 21 người.",
    ["18 lượt → reception.turns", "21 người → reception.people"]],
  ["turns in 'lượt người' paired with the people by a slash", "Ban Tiếp công dân tiếp 30 lượt người/35 người.",
    ["30 lượt → reception.turns", "35 người → reception.people"]],
  ["people who came to the desk to petition, the desk named after them", "Trong năm có 52 người đến trụ sở UBND xã kiến nghị, phản ánh.",
    ["52 người → reception.people"]],
  ["people who came to the seat for another reason", "Có 200 người đến trụ sở xã dự lễ khai giảng.", ["200 người → -"]],
  ["people who came for one kind of petition after 'trong đó' are a part", "Lãnh đạo huyện đã tiếp 45 lượt công dân, trong đó có 30 người đến khiếu nại về đất đai.",
    ["45 lượt → reception.turns", "30 người → -"]],
  ["'lượt người' alone stays the people received", "Đã tiếp 65 lượt người đến kiến nghị, phản ánh.", ["65 lượt → reception.people"]],
  // Soldiers back home named by what they are or do next are a subset, not those back home.
  ["returnees who are party members", "Năm nay xã có 120 quân nhân xuất ngũ, trong đó 15 đồng chí là đảng viên.",
    ["120 quân nhân → military.returnees", "15 đồng chí → -"]],
  ["returnees who registered for training", "Đón 90 quân nhân xuất ngũ, 25 đồng chí đăng ký học nghề.",
    ["90 quân nhân → military.returnees", "25 đồng chí → -"]],
  ["returnees by rank stay returnees", "Xã tổ chức gặp mặt 24 quân nhân xuất ngũ, trong đó 10 hạ sĩ, 12 trung sĩ.",
    ["24 quân nhân → military.returnees", "10 hạ sĩ → military.returnees", "12 trung sĩ → military.returnees"]],
  ["a briefing's audience is still read", "Hội nghị quán triệt Nghị quyết có 250 đại biểu tham dự.", ["250 đại biểu → dissemination.attendees"]],
];

describe("extractor: inspections by an inspectorate, supervisions in times and bare items, disputes mediated, delegates who stand for others, turns before their people, returnees by what they do next", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});
