import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Results of the Fatherland Front and the mass organisations after 2025 (congresses of the new communes, members,
 * houses replaced, propaganda sessions and those they drew). Compact view: "value[/of] unit → indicator". Every
 * sentence is made up.
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["members drawn to propaganda sessions in turns ('lượt hội viên') are a campaign's people, as 'lượt người'; households stay without",
    "Chi hội mở 18 buổi tuyên truyền, thu hút 640 lượt hội viên tham gia. Tổ chức 9 buổi tuyên truyền thu hút 310 lượt hộ gia đình tham gia.",
    ["18 buổi → campaign.sessions", "640 lượt → campaign.participants", "9 buổi → campaign.sessions", "310 lượt → -"]],
  ["houses of a target said reached ('hoàn thành sớm mục tiêu xóa … căn', 'mục tiêu … được hoàn thành với … căn') are houses; a target alone is not",
    "Tỉnh hoàn thành sớm mục tiêu xóa 3.140 căn nhà tạm, nhà dột nát. Mục tiêu xóa nhà tạm năm 2025 đã được hoàn thành với 2.980 căn được hỗ trợ. Mục tiêu năm sau xóa 400 căn nhà tạm.",
    ["3140 căn → contrib.houses", "2980 căn → contrib.houses", "400 căn → -"]],
  ["groups listed with associations ('tổ, hội nông dân nghề nghiệp') are no residential groups; a bare 'tổ' beside villages still is",
    "Toàn huyện có 214 tổ, hội nông dân nghề nghiệp với 3.100 thành viên. Toàn xã có 45 tổ, 168 thôn.",
    ["214 tổ → -", "3100 thành viên → -", "45 tổ → villages.total", "168 thôn → villages.total"]],
  ["credit an association manages ('quản lý … tỷ đồng vốn tín chấp') is a loan portfolio, not money mobilised",
    "Hội đang quản lý hơn 45 tỷ đồng vốn tín chấp, giúp 300 hộ vay vốn; vận động hội viên ủng hộ 20 triệu đồng.",
    ["45000000000 đồng → -", "300 hộ → -", "20000000 đồng → contrib.money_vnd"]],
  ["a pair whose share is written in parentheses before its noun ('27/27 (100%) xã', '31/34 (91,2%) xã đạt chuẩn') is read with that noun",
    "Đến nay 27/27 (100%) đơn vị cấp xã đã tổ chức đại hội; 31/34 (91,2%) xã đạt chuẩn nông thôn mới; hòa giải thành 40/44 (90,9%) vụ việc.",
    ["27/27 đơn vị → -", "100 % → -", "31/34 xã → new_rural.communes", "91.2 % → new_rural.communes", "40/44 vụ → mediation.successful", "90.9 % → mediation.successful"]],
  ["a change written bare before what it is compared with ('tăng 180 so với đầu nhiệm kỳ') is a figure with no unit and no key; a year is not",
    "Hội hiện có 2.960 hội viên, tăng 180 so với đầu nhiệm kỳ; số chi hội giảm thêm 4 so với năm 2020. Năm 2025 so với năm 2024 tăng.",
    ["2960 hội viên → -", "180 - → -", "4 - → -"]],
  ["action programmes a congress sets out ('đề ra 12 chỉ tiêu và 5 chương trình hành động') are no documents issued; 'ra 3 nghị quyết' still issues",
    "Đại hội đề ra 12 chỉ tiêu chủ yếu và 5 chương trình hành động trọng tâm. Ban Thường vụ ra 3 nghị quyết chuyên đề.",
    ["12 chỉ tiêu → -", "5 chương trình → -", "3 nghị quyết → docs.issued"]],
  ["goals a congress adopts ('4 mục tiêu cụ thể') and officers counted by their capitalised titles ('2 Phó Chủ tịch') are counts; a section ('mục 3') is not",
    "Đại hội thông qua 2 mục tiêu tổng quát, 7 mục tiêu cụ thể; Ban Thường trực gồm 1 Chủ tịch và 2 Phó Chủ tịch. Thực hiện theo mục 3 của Kế hoạch.",
    ["2 mục tiêu → -", "7 mục tiêu → -", "1 chủ tịch → -", "2 phó chủ tịch → -"]],
  ["the people propaganda sessions counted just before were held for ('… buổi tuyên truyền … cho … lượt cán bộ, hội viên') are a campaign's people; the law taught or a training keeps none",
    "Hội tổ chức 86 buổi tuyên truyền về kinh tế tập thể cho 4.300 lượt cán bộ, hội viên. Tổ chức 15 buổi tuyên truyền pháp luật cho 700 lượt người. Mở 9 buổi tập huấn kỹ thuật cho 400 lượt hội viên.",
    ["86 buổi → campaign.sessions", "4300 lượt → campaign.participants", "15 buổi → campaign.sessions", "700 lượt → -", "9 buổi → -", "400 lượt → -"]],
];

describe("extractor: results of the Front and the mass organisations", () => {
  for (const [name, text, want] of cases) test(name, () => assert.deepEqual(seen(text), want));
});

/** Qualifiers shown before the value: "trở lên 60 % → -". */
const qualified: Array<[string, string, string[]]> = [
  ["a threshold said after a short noun, the count opened by 'từ' ('từ 70% số hộ nông dân trở lên') or per unit ('150.000 đồng/hội viên trở lên'), is 'trở lên'; without 'từ' it stays bare",
    "Có từ 70% số hộ nông dân trở lên đăng ký; quỹ bình quân 150.000 đồng/hội viên trở lên. Có 40% số hộ nông dân trở lên đạt danh hiệu.",
    ["trở lên 70 % → -", "trở lên 150000 đồng → -", "40 % → -"]],
];

describe("extractor: thresholds in the Front's and the mass organisations' targets", () => {
  for (const [name, text, want] of qualified) test(name, () => assert.deepEqual(seenFigures(text, { qualifier: true }), want));
});
