import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seenFigures } from "../test-support/figures-seen.ts";

/**
 * Petitions and cases by how they were handled (made-up sentences): sent on elsewhere, taken up for
 * resolution, received at a desk beside a dialogue, settled out of a total, counted by their owners.
 * Shown as a reviewer sees them: "value[/of] unit → indicator".
 */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["petitions sent on to the competent body are not received ones",
    "Năm nay, Ban tiếp công dân đã chuyển 37 đơn đến các cơ quan chức năng.", ["37 đơn → -"]],
  ["petitions sent on, in the breakdown of those received, are not received again; those taken up not resolved",
    "Quý I, phòng tiếp nhận 80 đơn. Trong đó, đã chuyển 30 đơn đến cơ quan có thẩm quyền, thụ lý giải quyết 50 đơn.",
    ["80 đơn → petitions.received", "30 đơn → -", "50 đơn → -"]],
  ["petitions outside the body's competence sent on are not received ones",
    "Trong quý, huyện chuyển 9 đơn không thuộc thẩm quyền; tiếp nhận 60 đơn kiến nghị.", ["9 đơn → -", "60 đơn → petitions.received"]],
  ["petitions taken up for resolution are not resolved ones",
    "Trong năm, Ủy ban xã đã thụ lý giải quyết 18 đơn của công dân.", ["18 đơn → -"]],
  ["petitions resolved out of those taken up stay resolved",
    "Ủy ban xã đã giải quyết 14/18 đơn thụ lý.", ["14/18 đơn → petitions.resolved"]],
  ["turns received at the desk keep their key when a dialogue follows in another clause",
    "Lãnh đạo xã đã tiếp 32 lượt công dân tại Trụ sở tiếp công dân và đối thoại với 75 hộ dân.", ["32 lượt → reception.turns", "75 hộ → -"]],
  ["turns of a dialogue stay the dialogue's",
    "Chủ tịch xã đối thoại 6 lượt với người dân về bồi thường.", ["6 lượt → dialogues.turns"]],
  ["cases settled out of a total with the noun written twice are a part of a whole",
    "Các tổ hòa giải thành 27 vụ/31 vụ, đạt 87%.", ["27/31 vụ → mediation.successful", "87 % → mediation.successful"]],
  ["turns and people written with a slash stay two figures",
    "Tiếp 12 lượt/15 lượt người.", ["12 lượt → reception.turns", "15 lượt → reception.people"]],
  ["owners are counted by the whole of what they own",
    "Đoàn kiểm tra làm việc với 45 chủ cơ sở kinh doanh và 310 chủ tàu cá.", ["45 chủ cơ sở → -", "310 chủ tàu cá → -"]],
  ["owners who signed a campaign's commitment beside households are its people",
    "Phát động phong trào toàn dân bảo vệ biên giới. Có 2.400 hộ dân và 310 chủ phương tiện đã ký cam kết.",
    ["2400 hộ → campaign.participants", "310 chủ phương tiện → campaign.participants"]],
  ["owners who signed, the kinds of what they own listed after them, are a campaign's people",
    "Phát động phong trào toàn dân bảo vệ biên giới. Có 2.400 hộ dân và 120 chủ phương tiện ghe, thuyền đã ký cam kết.",
    ["2400 hộ → campaign.participants", "120 chủ phương tiện → campaign.participants"]],
];

describe("extractor: petitions by how they were handled (made-up sentences)", () => {
  for (const [name, sentence, expected] of cases) test(name, () => assert.deepEqual(seen(sentence), expected));
});
