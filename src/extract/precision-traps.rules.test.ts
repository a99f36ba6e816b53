import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Figures that sit near a catalog's words but count something else (made-up sentences): members of a team, a party
 * cell's or the residents' meetings, a count inside the quoted name of a movement, a target set or assigned. Shown as
 * "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  // Members of a team or a group are people, not teams: "12 đội viên", "15 tổ viên", "6 báo cáo viên".
  ["members of a campaign's team ('đội viên') are no teams",
    "Đội công tác có 12 đội viên tham gia phát động quần chúng tại các buôn.",
    ["12 đội viên → -"]],
  ["members of a group ('tổ viên') and speakers ('báo cáo viên', 'tuyên truyền viên') are people",
    "Mỗi tổ tự quản có 15 tổ viên; huyện có 12 báo cáo viên và 45 tuyên truyền viên.",
    ["15 tổ viên → -", "12 báo cáo viên → -", "45 tuyên truyền viên → -"]],
  ["teams and their members side by side: the teams keep their key",
    "Thành lập 5 đoàn công tác phát động quần chúng gồm 40 đội viên; 2 đội công tác phát động quần chúng.",
    ["5 đoàn → campaign.teams", "40 đội viên → -", "2 đội → campaign.teams"]],
  // A party cell's meetings or the residents' meetings are meetings, even where a dialogue is said in them.
  ["a party cell's meetings where members talk with its secretary are no dialogues",
    "Bí thư chi bộ đối thoại với đảng viên tại 120 cuộc sinh hoạt chi bộ; các chi bộ tổ chức 36 cuộc sinh hoạt chuyên đề gắn với đối thoại.",
    ["120 cuộc → -", "36 cuộc → -"]],
  ["meetings of a party cell or of the residents counted, a dialogue said around them",
    "Thực hiện đối thoại tại 48 cuộc họp chi bộ thôn. Duy trì 24 cuộc họp dân định kỳ, qua đó đối thoại, giải đáp ý kiến của Nhân dân.",
    ["48 cuộc → -", "24 cuộc → -"]],
  ["dialogues counted as such stay dialogues, also a dialogue meeting ('cuộc họp đối thoại')",
    "Năm 2024, người đứng đầu cấp ủy, chính quyền xã tổ chức 4 cuộc đối thoại với Nhân dân; tổ chức đối thoại được 6 cuộc; 3 cuộc họp đối thoại với hộ dân.",
    ["4 cuộc → dialogues.held", "6 cuộc → dialogues.held", "3 cuộc → dialogues.held"]],
  // A count inside the quoted name of a movement or a programme is its target, not a result.
  ["the count in a movement's quoted name is no houses built",
    "Thực hiện phong trào \"Hỗ trợ xây dựng 1.000 căn nhà Đại đoàn kết\", huyện đã bàn giao 40 căn nhà Đại đoàn kết.",
    ["1000 căn → -", "40 căn → contrib.houses"]],
  ["a campaign's quoted name with a count, then what it gave",
    "Cuộc vận động “Xây dựng 500 căn nhà nhân ái” đã trao 120 căn nhà nhân ái, trị giá 6 tỷ đồng.",
    ["500 căn → -", "120 căn → contrib.houses", "6000000000 đồng → -"]],
  ["a quoted phrase with a count that is no movement's name keeps the count's key",
    "Hội viên đã hiến \"hơn 2.000 m2 đất\" để làm đường.",
    ["2000 m2 → contrib.land_m2"]],
  ["a movement's name closed before the figure, quotes mixed, leaves the figure its key",
    "Thực hiện phong trào “Dân vận khéo\" xây dựng 40 mô hình Dân vận khéo; phong trào \"Vì người nghèo\" hỗ trợ 12 nhà đại đoàn kết.",
    ["40 mô hình → dvk.models", "12 nhà → contrib.houses"]],
  // A target set or assigned is a plan, what was done after it the result.
  ["the money of a target assigned is no money mobilised; the money mobilised after it is",
    "Huyện giao chỉ tiêu vận động Quỹ Vì người nghèo 1,5 tỷ đồng, đến nay đã vận động được 1,8 tỷ đồng.",
    ["1500000000 đồng → -", "1800000000 đồng → contrib.money_vnd"]],
  ["houses of a target assigned are no houses built",
    "Được giao chỉ tiêu xây dựng 30 nhà đại đoàn kết, xã đã hoàn thành 32 nhà đại đoàn kết.",
    ["30 nhà → -", "32 nhà → contrib.houses"]],
  ["'vượt chỉ tiêu' after a result does not make it a target",
    "Vận động Quỹ Vì người nghèo được 1,2 tỷ đồng, vượt chỉ tiêu đề ra; xây dựng 12 nhà đại đoàn kết, đạt chỉ tiêu.",
    ["1200000000 đồng → contrib.money_vnd", "12 nhà → contrib.houses"]],
];

describe("extractor: figures near a catalog's words that count something else (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seen(sentence), expected));
});
