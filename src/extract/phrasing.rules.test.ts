import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractFigures } from "./extract.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". Every sentence is made up. */
const seen = (s: string) =>
  extractFigures(s).map((f) => `${f.value}${f.of !== null ? "/" + f.of : ""} ${f.unit ?? "-"} → ${f.indicator ?? "-"}`);

const cases: Array<[string, string, string[]]> = [
  ["religious dignitaries and believers are counted people, whatever their capitals",
    "Giáo phận có 2 Giám mục, 150 Linh mục và 12 mục sư.", ["2 giám mục → -", "150 linh mục → -", "12 mục sư → -"]],
  ["a campaign's people named as believers",
    "Đợt phát động thu hút 1.200 giáo dân và 300 phật tử tham gia.", ["1200 giáo dân → campaign.participants", "300 phật tử → campaign.participants"]],
  ["a place named Lương is not a salary",
    "Nhân dân xã Kim Lương đóng góp 200 triệu đồng làm đường.", ["200000000 đồng → contrib.money_vnd"]],
  ["a salary stays out of the money mobilised",
    "Hỗ trợ tiền lương 200 triệu đồng cho người lao động.", ["200000000 đồng → -"]],
  ["the worth of a work whose contributed part is named after it is not money mobilised",
    "Làm 1,5 km đường bê tông trị giá 2 tỷ đồng, Nhân dân đóng góp 600 triệu đồng.", ["1.5 km → -", "2000000000 đồng → -", "600000000 đồng → contrib.money_vnd"]],
  ["money allocated out of a total counted before it is a part of that total",
    "Quỹ đã tiếp nhận 5 tỷ đồng ủng hộ; trong đó, đã phân bổ 4 tỷ đồng làm nhà cho hộ nghèo.", ["5000000000 đồng → contrib.money_vnd", "4000000000 đồng → -"]],
  ["a part donated of a total donated keeps the key",
    "Vận động 500 triệu đồng, trong đó doanh nghiệp ủng hộ 300 triệu đồng.", ["500000000 đồng → contrib.money_vnd", "300000000 đồng → contrib.money_vnd"]],
  ["communes that reached the new-rural standard, said at the end of a long clause",
    "Đến nay, 9/15 xã có đồng bào dân tộc thiểu số sinh sống trên địa bàn đã đạt chuẩn nông thôn mới.", ["9/15 xã → new_rural.communes"]],
  ["households given a house are the houses",
    "MTTQ hỗ trợ 25 hộ nghèo làm nhà đại đoàn kết; sửa chữa nhà ở cho 8 hộ gia đình chính sách.", ["25 hộ → contrib.houses", "8 hộ → contrib.houses"]],
  ["households short of a house are not houses built",
    "Toàn xã còn 40 hộ nghèo khó khăn về nhà ở.", ["40 hộ → -"]],
  ["households beside a count of the houses themselves are not counted twice",
    "Xây 12 căn nhà đại đoàn kết cho 12 hộ nghèo.", ["12 căn → contrib.houses", "12 hộ → -"]],
  ["petitions received under a mediation label are mediation cases",
    "Hòa giải ở cơ sở: tiếp nhận 40 đơn, hòa giải thành 35 đơn.", ["40 đơn → mediation.cases", "35 đơn → mediation.successful"]],
  ["petitions received under a reception label stay petitions",
    "Công tác tiếp dân: tiếp nhận 40 đơn, đã giải quyết 35 đơn.", ["40 đơn → petitions.received", "35 đơn → petitions.resolved"]],
  ["the part of petitions handled is neither received nor resolved",
    "Thanh tra đã tiếp nhận và xử lý 50/52 đơn, đạt 96%.", ["50/52 đơn → -", "96 % → -"]],
  ["the part of petitions received and resolved is resolved",
    "Các xã đã tiếp nhận và giải quyết 45/52 đơn.", ["45/52 đơn → petitions.resolved"]],
  ["models counted in the sentence after one naming Dân vận khéo",
    "Năm 2024, huyện tiếp tục xây dựng mô hình Dân vận khéo. Toàn huyện có 48 mô hình được công nhận.", ["48 mô hình → dvk.models"]],
  ["collectives and individuals recognised as exemplars after a sentence naming Dân vận khéo",
    "Các xã đẩy mạnh phong trào Dân vận khéo. Có 15 tập thể và 20 cá nhân được công nhận là điển hình.", ["15 tập thể → dvk.exemplars", "20 cá nhân → dvk.exemplars"]],
  ["other models after a sentence naming Dân vận khéo are not its models",
    "Phong trào Dân vận khéo được đẩy mạnh. Huyện có 48 mô hình kinh tế hộ hiệu quả.", ["48 mô hình → -"]],
  ["meetings named by a list of nouns that holds a dialogue are dialogues",
    "Tổ chức 4 hội nghị tiếp xúc, đối thoại với 320 đại biểu.", ["4 hội nghị → dialogues.held", "320 đại biểu → -"]],
];

describe("extractor: phrasings of the archive (made-up sentences)", () => {
  for (const [name, sentence, want] of cases) test(name, () => assert.deepEqual(seen(sentence), want));
});
