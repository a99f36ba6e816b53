import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractReport } from "./extract.ts";
import { seenFigures } from "../test-support/figures-seen.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". Every sentence is made up. */
const seen = (s: string) => seenFigures(s);

const cases: Array<[string, string, string[]]> = [
  ["a share of disputes said to be settled after its noun, with no count in its clause",
    "Hơn 90% mâu thuẫn được hòa giải thành ngay tại cơ sở.", ["90 % → mediation.successful"]],
  ["a share that is not settled stays without a key",
    "Có 10% vụ việc hòa giải không thành.", ["10 % → -"]],
  ["a rate under a heading on the result of settling petitions",
    "Kết quả giải quyết đơn: đạt 95,5%.", ["95.5 % → petitions.resolution_rate"]],
  ["households that got the houses counted a few lines before are the same houses",
    "Huyện đoàn trao 249 triệu đồng hỗ trợ xây dựng 3 ngôi nhà nhân ái.\nĐại diện Huyện đoàn bàn giao kinh phí cho gia đình bà H., thôn Nà Nâm.\nCụ thể, 3 hộ được hỗ trợ xây dựng nhà gồm các gia đình ở thôn Nà Ngài và thôn Làng Chẽ.",
    ["249000000 đồng → contrib.money_vnd", "3 ngôi → contrib.houses", "3 hộ → -"]],
  ["a count after 'trực tuyến' (online) is no route's name",
    "Tiếp nhận trực tiếp 1.956 hồ sơ, tiếp nhận trực tuyến 743 hồ sơ; xe buýt tuyến 12 chở 40 khách.", ["1956 hồ sơ → -", "743 hồ sơ → -", "40 khách → -"]],
  ["an emulation title reached is not an award",
    "Năm 2023, có 15 tập thể đạt danh hiệu Tập thể lao động xuất sắc, 40 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở.", ["15 tập thể → -", "40 cá nhân → -"]],
  ["an emulation title recognised for a list is not an award either",
    "UBND huyện công nhận danh hiệu Lao động tiên tiến cho 120 cá nhân và Tập thể lao động tiên tiến cho 18 tập thể.", ["120 cá nhân → -", "18 tập thể → -"]],
  ["a commendation given with an emulation title stays an award",
    "Chủ tịch UBND huyện tặng Giấy khen và danh hiệu Chiến sĩ thi đua cơ sở cho 5 cá nhân.", ["5 cá nhân → awards.individuals"]],
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
  ["a breakdown under a label in quotes, items closed by the parenthesis",
    "Điển hình “Dân vận khéo”: 35 (tập thể: 20, cá nhân: 15).", ["35 điển hình → dvk.exemplars", "20 tập thể → dvk.exemplars", "15 cá nhân → dvk.exemplars"]],
  ["an item named by how the meeting was held, with no colon, takes the key of the item before it",
    "Hội nghị giữa Thường trực Đảng ủy với Nhân dân định kỳ 3 cuộc, đột xuất 1 cuộc.", ["3 cuộc → dialogues.held", "1 cuộc → dialogues.held"]],
  ["sessions named by a noun list holding a dialogue, and ad-hoc sessions with the people",
    "Các xã tổ chức 36 buổi tiếp xúc, đối thoại định kỳ và 5 buổi đột xuất với Nhân dân.", ["36 buổi → dialogues.held", "5 buổi → dialogues.held"]],
  ["sessions of a campaign stay campaign sessions",
    "Tổ chức 24 buổi tuyên truyền, vận động Nhân dân hưởng ứng phong trào.", ["24 buổi → campaign.sessions"]],
  ["bare houses given as support are houses",
    "Hỗ trợ xây dựng 8 nhà với tổng kinh phí 400 triệu đồng.", ["8 nhà → contrib.houses", "400000000 đồng → contrib.money_vnd"]],
  ["bare houses repaired in a list that a support opened are houses",
    "Hỗ trợ xây mới 12 nhà, sửa chữa 8 nhà với tổng kinh phí 780 triệu đồng.", ["12 nhà → contrib.houses", "8 nhà → contrib.houses", "780000000 đồng → contrib.money_vnd"]],
  ["bare houses that are nobody's support are not",
    "Trên địa bàn xây dựng 80 nhà với tổng kinh phí 40 tỷ đồng.", ["80 nhà → -", "40000000000 đồng → -"]],
  ["money achieved against a plan, both amounts with a scale word, is one pair",
    "Quỹ vận động được 2,5 tỷ/2 tỷ đồng trong năm.", ["2500000000/2000000000 đồng → contrib.money_vnd"]],
  ["money per household after the slash stays money per unit",
    "Hỗ trợ 5 triệu/hộ cho 20 hộ nghèo.", ["5000000 đồng → -", "20 hộ → -"]],
  ["rounds of inspection and of supervision are counted as such",
    "Năm qua, huyện tổ chức 2 đợt kiểm tra và 3 đợt giám sát việc thực hiện dân chủ ở cơ sở.", ["2 đợt → inspection.teams", "3 đợt → oversight.count"]],
  ["rounds of a campaign stay campaign rounds",
    "Phát động quần chúng được 4 đợt.", ["4 đợt → campaign.rounds"]],
  ["cases of citizens received are turns at the desk",
    "UBND xã tiếp 25 trường hợp công dân đến kiến nghị; tiếp công dân đột xuất 3 trường hợp.", ["25 trường hợp → reception.turns", "3 trường hợp → reception.turns"]],
  ["cases handled elsewhere are not receptions",
    "Công an xã xử lý 25 trường hợp vi phạm; tiếp nhận 4 trường hợp chuyển đến.", ["25 trường hợp → -", "4 trường hợp → -"]],
  ["people commended named by their role are individuals commended",
    "Chủ tịch UBND tỉnh tặng Bằng khen cho 51 già làng, trưởng thôn, cá nhân tiêu biểu; tặng Giấy khen cho 20 trưởng thôn.", ["51 già làng → awards.individuals", "20 trưởng thôn → awards.individuals"]],
  ["heads of a front's committee, party cells' secretaries and team leaders commended are individuals commended",
    "Dịp này, huyện khen thưởng 15 trưởng ban công tác mặt trận, 9 bí thư chi bộ và 6 tổ trưởng tổ tự quản tiêu biểu.", ["15 trưởng ban → awards.individuals", "9 bí thư → awards.individuals", "6 tổ trưởng → awards.individuals"]],
  ["people given gifts, or only proposed for praise, are not commended",
    "Tặng quà cho 30 già làng; đề nghị khen thưởng 12 trưởng thôn.", ["30 già làng → -", "12 trưởng thôn → -"]],
  ["collectives and individuals commended at the end of a long sentence ('được … khen thưởng') are awards",
    "Tại hội nghị tổng kết, 6 tập thể và 11 cá nhân có thành tích xuất sắc trong việc xây dựng và thực hiện quy chế dân chủ ở cơ sở giai đoạn vừa qua được Ủy ban nhân dân huyện Krông Pa khen thưởng.", ["6 tập thể → awards.collectives", "11 cá nhân → awards.individuals"]],
  ["collectives and individuals only proposed at the end of a long sentence are not awards yet",
    "Tại hội nghị tổng kết, 6 tập thể và 11 cá nhân có thành tích xuất sắc trong việc xây dựng và thực hiện quy chế dân chủ ở cơ sở giai đoạn vừa qua được đề nghị Ủy ban nhân dân tỉnh khen thưởng.", ["6 tập thể → -", "11 cá nhân → -"]],
  ["soldiers who stay in the army are not back home",
    "Đến nay 228 quân nhân xuất ngũ trở về địa phương, 12 quân nhân tiếp tục theo học các trường trong quân đội.", ["228 quân nhân → military.returnees", "12 quân nhân → -"]],
  ["soldiers back home who carry on the army's virtues are back home",
    "Huyện đón 45 quân nhân hoàn thành nghĩa vụ quân sự trở về địa phương, tiếp tục phát huy phẩm chất Bộ đội Cụ Hồ.", ["45 quân nhân → military.returnees"]],
  ["soldiers sent off to enlist beside those back from service are not back home; 'the rest stayed' is another group",
    "Năm 2015, huyện giao 260 quân nhân lên đường nhập ngũ, đến nay có 241 quân nhân hoàn thành NVQS được trở về địa phương, số còn lại tiếp tục ở lại quân đội.", ["260 quân nhân → -", "241 quân nhân → military.returnees"]],
  ["'trong số N' counts again what was counted, it is no document number",
    "Huyện tiếp nhận 120 đơn. Trong số 120 đơn, có 90 đơn thuộc thẩm quyền.", ["120 đơn → petitions.received", "120 đơn → petitions.received", "90 đơn → -"]],
  ["a document's number after 'số' stays a name",
    "Thực hiện Quyết định số 376 của UBND tỉnh, huyện tiếp nhận 20 đơn.", ["20 đơn → petitions.received"]],
  ["a list of rates after a heading inside the sentence takes the heading's key",
    "Tỷ lệ hòa giải thành của một số xã cao như: Tân Lập (95%); Hòa Bình (93,5%); Phú Mỹ (90%).", ["95 % → mediation.successful", "93.5 % → mediation.successful", "90 % → mediation.successful"]],
  ["rates of a list after an inline heading that names no indicator stay rates",
    "Tỷ lệ hộ nghèo của một số xã còn cao như: Tân Lập (15%); Hòa Bình (12%).", ["15 % → -", "12 % → -"]],
  ["an average per year is no sum, and the share after it is the share of the count before the parenthesis",
    "Hòa giải thành 900/1.000 vụ việc (trung bình 300 vụ việc/năm), đạt tỷ lệ 90%.", ["900/1000 vụ → mediation.successful", "300 vụ → -", "90 % → mediation.successful"]],
  ["houses counted by place after 'Trong đó' keep the key of the houses they break down",
    "Mặt trận tỉnh hỗ trợ xây dựng 20 nhà đại đoàn kết cho 20 hộ nghèo. Trong đó, huyện Tân Lập 12 nhà, huyện Hòa Bình 5 nhà và huyện Phú Mỹ 3 nhà.", ["20 nhà → contrib.houses", "20 hộ → -", "12 nhà → contrib.houses", "5 nhà → contrib.houses", "3 nhà → contrib.houses"]],
  ["items by place after 'Trong đó' with words after them keep the rules' reading",
    "Huyện tiếp nhận 120 đơn. Trong đó, xã Tân Lập 30 đơn không thuộc thẩm quyền.", ["120 đơn → petitions.received", "30 đơn → -"]],
  ["a sentence that opens with a proposal makes each of its items a proposal",
    "Đề nghị tặng danh hiệu chiến sĩ thi đua cho 5 cá nhân; bằng khen của Chủ tịch UBND tỉnh cho 9 cá nhân, 3 tập thể.", ["5 cá nhân → -", "9 cá nhân → -", "3 tập thể → -"]],
  ["a sentence that only names the award goes on with the proposal of the sentence before it",
    "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho 9 cá nhân. Bằng khen của Thủ tướng Chính phủ cho 2 cá nhân.", ["9 cá nhân → -", "2 cá nhân → -"]],
  ["a sentence that only names the award after a sentence of awards given is an award",
    "Chủ tịch UBND huyện tặng Giấy khen cho 9 cá nhân. Bằng khen của Chủ tịch UBND tỉnh cho 2 cá nhân.", ["9 cá nhân → awards.individuals", "2 cá nhân → awards.individuals"]],
  ["a proposal in a later item leaves the commendations before it",
    "Tặng Giấy khen cho 13 tập thể; đề nghị tặng Bằng khen cho 2 tập thể.", ["13 tập thể → awards.collectives", "2 tập thể → -"]],
  ["models only proposed for an award are not counted again as models",
    "Công nhận 40 mô hình Dân vận khéo, đồng thời đề nghị UBND huyện khen thưởng 8 mô hình Dân vận khéo.", ["40 mô hình → dvk.models", "8 mô hình → -"]],
  ["collectives and individuals written before their counts in a breakdown of models are figures of those models",
    "Phong trào Dân vận khéo: tổng số 45 mô hình, trong đó tập thể 30, cá nhân 15.", ["45 mô hình → dvk.models", "30 tập thể → dvk.models", "15 cá nhân → dvk.models"]],
  ["collectives and individuals before their counts in parentheses after a labelled count of models",
    "Phong trào Dân vận khéo:\n- Mô hình: 45 (tập thể 30, cá nhân 15)\n- Điển hình: 21 (tập thể 12, cá nhân 9)", ["45 mô hình → dvk.models", "30 tập thể → dvk.models", "15 cá nhân → dvk.models", "21 điển hình → dvk.exemplars", "12 tập thể → dvk.exemplars", "9 cá nhân → dvk.exemplars"]],
  ["collectives and individuals before their counts in a breakdown of awards are awards",
    "Khen thưởng 20 tập thể, cá nhân, gồm tập thể 12, cá nhân 8.", ["20 tập thể → -", "12 tập thể → awards.collectives", "8 cá nhân → awards.individuals"]],
  ["rates under a heading on successful mediation, without the word 'tỷ lệ'",
    "Kết quả hòa giải thành:\n- Xã Tân Lập: 95%;\n- Xã Hòa Bình: 92%.", ["95 % → mediation.successful", "92 % → mediation.successful"]],
  ["items named by how the meetings were held, after a heading inside the sentence that names the meetings with the people",
    "Hội nghị giữa cấp ủy, chính quyền với Nhân dân: định kỳ 4 cuộc; đột xuất 2 cuộc.", ["4 cuộc → dialogues.held", "2 cuộc → dialogues.held"]],
  ["items named by how they were held under a heading on meetings with voters stay unkeyed",
    "Tiếp xúc cử tri: định kỳ 4 cuộc; đột xuất 2 cuộc.", ["4 cuộc → -", "2 cuộc → -"]],
  ["a plan's figures are figures without a key",
    "Kế hoạch tổ chức 10 hội nghị đối thoại với Nhân dân trong năm tới.", ["10 hội nghị → -"]],
  ["the figures of a sentence headed by a plan and a colon are the plan's",
    "Chỉ tiêu năm 2025: xây dựng 20 mô hình Dân vận khéo, tổ chức 12 cuộc đối thoại.", ["20 mô hình → -", "12 cuộc → -"]],
  ["what was done against a plan named first keeps its key",
    "Kế hoạch năm 2024 giao 150 quân nhân, đã đón 148 quân nhân xuất ngũ trở về địa phương.", ["150 quân nhân → -", "148 quân nhân → military.returnees"]],
  ["figures done under a plan keep their key",
    "Thực hiện kế hoạch, huyện tổ chức 10 hội nghị đối thoại; triển khai 27 cuộc giám sát theo kế hoạch.", ["10 hội nghị → dialogues.held", "27 cuộc → oversight.count"]],
  ["a party cell's committee is a counted noun, in capitals too",
    "Đảng ủy kiểm tra 01 Chi ủy và 02 đảng viên; thành lập 01 chi ủy cơ sở.", ["1 chi uỷ → -", "2 đảng viên → -", "1 chi uỷ → -"]],
  ["residential areas written by their abbreviation are counted nouns",
    "Mô hình được triển khai tại 150/160 KDC; 12 TDP và 5 HTX tham gia.", ["150/160 khu dân cư → -", "12 tổ dân phố → -", "5 hợp tác xã → -"]],
  ["the numbers of a slogan are its name, not counts",
    "Thực hiện phong trào “5 đoàn kết, 3 trong sạch”, mô hình 4 an, phong trào 5 tốt tại 20 thôn.", ["20 thôn → -"]],
  ["pilot communes of a programme are not communes that reached its standard",
    "Triển khai mô hình ở 6 xã điểm nông thôn mới; 4 xã điểm đã đạt chuẩn nông thôn mới.", ["6 xã → -", "4 xã → new_rural.communes"]],
  ["citizens guided elsewhere or whose petitions were taken for handling are no second count of turns received",
    "Tiếp 45 lượt công dân. Qua phân loại, bộ phận tiếp công dân đã tiếp nhận đơn để xử lý với 4 trường hợp; giải thích, hướng dẫn 3 lượt công dân đến cơ quan có thẩm quyền.",
    ["45 lượt → reception.turns", "4 trường hợp → -", "3 lượt → -"]],
  ["citizens who came for one kind of petition, after 'trong đó', are a part of those received; a breakdown by how they were held keeps the key",
    "Tiếp 45 lượt công dân, trong đó có 12 lượt khiếu nại. Tiếp 40 lượt công dân. Trong đó, tiếp định kỳ 30 lượt, đột xuất 10 lượt.",
    ["45 lượt → reception.turns", "12 lượt → -", "40 lượt → reception.turns", "30 lượt → reception.turns", "10 lượt → reception.turns"]],
  ["a count written after its noun and a word of direction, closing its clause",
    "Xã tiếp nhận 1.195 văn bản đến; ban hành văn bản đi 282; Chỉ thị 17 được quán triệt.", ["1195 văn bản → -", "282 văn bản → docs.issued"]],
  ["money mobilised for investment in facilities is money mobilised; the state's investment is not",
    "Toàn huyện đã huy động đầu tư xây dựng nhà văn hóa hơn 30,5 tỷ đồng; nhà nước đầu tư 5 tỷ đồng.", ["30500000000 đồng → contrib.money_vnd", "5000000000 đồng → -"]],
  ["a headline's rounded money takes the key of the body's figure it rounds",
    "Hơn 30 tỷ đồng xây dựng thiết chế văn hóa\nToàn huyện đã huy động hơn 30,5 tỷ đồng xây dựng nhà văn hóa.", ["30000000000 đồng → contrib.money_vnd", "30500000000 đồng → contrib.money_vnd"]],
  ["a prize's rank after 'giải' is no count, and a number after a hamlet's name is part of the name",
    "Ấp Văn Hiên 2 giành giải nhất; giải 3 thuộc ấp Tổng Cui Nhỏ; các tổ hòa giải 40 vụ việc.", ["40 vụ → mediation.cases"]],
  ["a hamlet's name followed by a count keeps the count",
    "Ban Công tác Mặt trận thôn Phú Danh 20 hộ đã hiến 500 m2 đất.", ["20 hộ → -", "500 m2 → contrib.land_m2"]],
  ["coordinates in degrees are no quantities",
    "Nằm trong toạ độ địa lý 107047 - 107050 độ Kinh đông và 16020 - 16024 vỹ độ Bắc, xã có 2.782 hộ.", ["2782 hộ → -"]],
  ["a population after 'dân số' is counted, and villages a commune is divided into are its villages",
    "Dân số 2.782 hộ, 11.376 khẩu; địa giới hành chính được chia thành 5 thôn dân cư.", ["2782 hộ → -", "11376 khẩu → -", "5 thôn → villages.total"]],
  ["villages counted for something else are no total",
    "Xã có 5 thôn đạt chuẩn văn hóa.", ["5 thôn → -"]],
  ["awards whose verb comes after a long organ name written with an abbreviated city ('UBND TP.Hội An')",
    "Đến nay, đã có 199 tập thể và 107 cá nhân đã được UBND TP.Hội An và Ban Dân vận Thành ủy Hội An khen thưởng, biểu dương.",
    ["199 tập thể → awards.collectives", "107 cá nhân → awards.individuals"]],
  ["a sentence that ends after the abbreviation keeps no award from the next one",
    "Có 199 tập thể và 107 cá nhân tham gia hội thi ở TP. Hội An được khen thưởng sau.", ["199 tập thể → -", "107 cá nhân → -"]],
  ["models over the fields of life in a paragraph about Dân vận khéo models named well before",
    "Các cấp triển khai phong trào thi đua “Dân vận khéo” với nhiều hình thức phong phú, nhiều mô hình trở thành mô hình, điển hình “Dân vận khéo”. "
      + "Qua đó, công tác dân vận chính quyền có chuyển biến tích cực, chú trọng cải cách thủ tục hành chính, giải quyết kịp thời đơn thư của công dân, phát huy quyền làm chủ của Nhân dân, "
      + "huy động mọi nguồn lực trong cán bộ, đảng viên, công chức và các tầng lớp Nhân dân tham gia các phong trào thi đua yêu nước, các cuộc vận động do chính quyền, Mặt trận và đoàn thể phát động. "
      + "Thông qua các phong trào thi đua, các cấp, các ngành đến nay đã xây dựng 59 mô hình trên các lĩnh vực của đời sống xã hội.",
    ["59 mô hình → dvk.models"]],
  ["models over the fields of life in a paragraph that does not name Dân vận khéo stay without a key",
    "Các cấp đẩy mạnh phong trào thi đua yêu nước. Đến nay đã xây dựng 59 mô hình trên các lĩnh vực của đời sống xã hội.", ["59 mô hình → -"]],
  ["a count right after an ellipsis typed as dots is read; a number glued to one dot is still a code's part",
    "Các chi hội vận động được....64 triệu đồng ủng hộ Quỹ. Thực hiện mục 2.3 của kế hoạch.",
    ["64000000 đồng → contrib.money_vnd"]],
];

describe("extractor: phrasings of the archive (made-up sentences)", () => {
  for (const [name, sentence, want] of cases) test(name, () => assert.deepEqual(seen(sentence), want));
});

describe("extractor: the period from the document's date when the text names no year", () => {
  test("a half year reviewed, dated in d/m/y", () => {
    assert.equal(extractReport("Huyện A sơ kết công tác dân vận 6 tháng đầu năm\nNgày 5/7/2024, Ban Dân vận Huyện ủy tổ chức hội nghị.").scope.period, "2024S1");
  });
  test("nine months reviewed", () => {
    assert.equal(extractReport("Ngày 10/10/2024, Ban Dân vận Huyện ủy sơ kết công tác dân vận 9 tháng. 9 tháng qua, huyện tổ chức 12 cuộc đối thoại.").scope.period, "2024N9");
  });
  test("a quarter without its year takes the year of a news page's date line (d/m/y | time)", () => {
    assert.equal(extractReport("Mặt trận tổ chức 13 cuộc giám sát\n\n12/10/2021 | 17:55 GMT+7\n\nTrong quý III, Mặt trận cấp huyện tổ chức 13 cuộc giám sát.").scope.period, "2021Q3");
  });
  test("a d/m/y pair inside a sentence is no date line", () => {
    assert.equal(extractReport("Trong quý III, Mặt trận cấp huyện tổ chức 13 cuộc giám sát.\nĐã giải quyết 12/10/2021 đơn.").scope.period, null);
  });
  test("a year-end review dated by the time of day ('Sáng 15/1/2025') early in the next year is the year before's", () => {
    assert.equal(extractReport("Sáng 15/1/2025, Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết. Trong năm qua, huyện tổ chức 12 cuộc đối thoại.").scope.period, "2024");
  });
  test("the last half year reviewed early in the next year is the year before's", () => {
    assert.equal(extractReport("Ngày 15/1/2025, Ban Dân vận Huyện ủy sơ kết công tác dân vận 6 tháng cuối năm.").scope.period, "2024S2");
  });
});

describe("extractor: a district the unit lists no longer hold (merged since), named as the text's own", () => {
  test("named in the headline and again, beside a commune now listed under the unit it joined", () => {
    assert.equal(extractReport("Ủy ban MTTQ huyện Đất Đỏ: bàn giao 02 nhà đại đoàn kết tại xã Phước Hội\nBan vận động Quỹ Vì người nghèo huyện Đất Đỏ bàn giao 01 nhà cho hộ nghèo tại xã Phước Hội.").scope.unit, "huyện Đất Đỏ");
  });
  test("a listed district named at the text's level keeps it", () => {
    assert.equal(extractReport("Ủy ban MTTQ huyện Đất Đỏ phối hợp với huyện Xuyên Mộc: huyện Xuyên Mộc bàn giao 02 nhà đại đoàn kết tại xã Bưng Riềng; UBND huyện Xuyên Mộc tiếp 30 lượt công dân.").scope.unit, "huyện Xuyên Mộc");
  });
});

describe("extractor: a unit's name that opens with a committee word", () => {
  test("'TP. Hội An': the capitalised 'Hội' after the type is the name's first word", () => {
    assert.equal(extractReport("Ủy ban MTTQ TP. Hội An vận động 2 tỷ đồng trong năm 2024.").scope.unit, "thành phố Hội An");
  });
  test("'Huyện đoàn Krông Pa': the committee word in lower case stays the committee's", () => {
    assert.equal(extractReport("Huyện đoàn Krông Pa tổ chức 12 buổi tuyên truyền trong năm 2024.").scope.unit, "huyện Krông Pa");
  });
});

describe("extractor: a commune named with its district in a byline or a headline", () => {
  test("a closing byline '(commune, district)' names the commune a commune's text speaks of", () => {
    assert.equal(extractReport("Năm 2024, UBND xã đã tiếp 30 lượt công dân.\nPV (Ia Sao, Ia Grai)").scope.unit, "xã Ia Sao");
  });
  test("a headline 'commune (district):' names the commune", () => {
    assert.equal(extractReport("Ia Sao (Ia Grai): Năm 2024, UBND xã đã tiếp 30 lượt công dân.").scope.unit, "xã Ia Sao");
  });
  test("a district's text keeps its district", () => {
    assert.equal(extractReport("Năm 2024, Huyện ủy đã tổ chức 12 cuộc đối thoại; UBND huyện tiếp 120 lượt công dân.\nPV (Ia Sao, Ia Grai)").scope.unit, "huyện Ia Grai");
  });
});
