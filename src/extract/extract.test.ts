import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { extractFigures, extractReport } from "./extract.ts";
import { seenFigures } from "../test-support/figures-seen.ts";

/** Compact view of what a reviewer sees: "value[/of] unit → indicator". */
const seen = (s: string) => seenFigures(s, { qualifier: true });

const cases: Array<[string, string[]]> = [
  // leadership and dissemination
  ["Ban Thường vụ Huyện ủy đã ban hành 12 văn bản lãnh đạo, chỉ đạo về công tác dân vận.", ["12 văn bản → docs.issued"]],
  ["Ban Dân vận tham mưu 07 kế hoạch, 03 hướng dẫn thực hiện Kết luận 120-KL/TW.", ["7 kế hoạch → docs.issued", "3 hướng dẫn → docs.issued"]],
  ["Triển khai thực hiện 09 văn bản của Trung ương và của tỉnh về công tác dân vận.", ["9 văn bản → -"]],
  ["Các cấp ủy tổ chức 215 hội nghị quán triệt, học tập Nghị quyết với 12.450 lượt cán bộ, đảng viên tham dự.", ["215 hội nghị → dissemination.conferences", "12450 lượt → dissemination.attendees"]],
  ["Tổ chức 46 hội nghị tuyên truyền pháp luật, thu hút hơn 3.200 người tham dự.", ["46 hội nghị → dissemination.conferences", "hơn 3200 người → dissemination.attendees"]],
  // reception, petitions, dialogues
  ["Lãnh đạo UBND huyện đã tiếp 126 lượt công dân với 141 người đến phản ánh, kiến nghị.", ["126 lượt → reception.turns", "141 người → reception.people"]],
  ["Trong kỳ, các cơ quan tiếp công dân 58 lượt, 3 lượt đoàn đông người.", ["58 lượt → reception.turns", "3 lượt → reception.turns"]],
  ["Tiếp nhận 212 đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh; đã giải quyết 198/212 đơn, đạt 93,4%.", ["212 đơn → petitions.received", "198/212 đơn → petitions.resolved", "93.4 % → petitions.resolution_rate"]],
  ["Tỷ lệ giải quyết đơn thư đạt 96,5%.", ["96.5 % → petitions.resolution_rate"]],
  ["Có 15 đơn đủ điều kiện giải quyết, 4 đơn tồn đọng từ kỳ trước.", ["15 đơn → -", "4 đơn → -"]],
  ["Người đứng đầu cấp ủy, chính quyền các xã tổ chức được 42 cuộc đối thoại với Nhân dân.", ["42 cuộc → dialogues.held"]],
  ["Chủ tịch UBND huyện đã đối thoại 6 lượt với hộ dân bị thu hồi đất.", ["6 lượt → dialogues.turns"]],
  // oversight, inspection
  ["MTTQ và các đoàn thể tổ chức 31 cuộc giám sát, 12 cuộc khảo sát việc thực hiện quy chế dân chủ.", ["31 cuộc → oversight.count", "12 cuộc → oversight.count"]],
  ["Thường trực HĐND huyện giám sát được 8 cuộc.", ["8 cuộc → oversight.count"]],
  ["Ban Thường vụ thành lập 03 đoàn giám sát chuyên đề và 05 đoàn kiểm tra việc thực hiện Quy chế dân chủ.", ["3 đoàn → oversight.teams", "5 đoàn → inspection.teams"]],
  // mass mobilisation
  ["Phát động quần chúng được 06 đợt, 124 buổi, thu hút khoảng 9.800 lượt người dân tham gia.", ["6 đợt → campaign.rounds", "124 buổi → campaign.sessions", "khoảng 9800 lượt → campaign.participants"]],
  ["Các xã thành lập 18 đội công tác phát động quần chúng, tổ chức phát động tại 45/52 thôn, buôn.", ["18 đội → campaign.teams", "45/52 thôn → campaign.villages_reached"]],
  ["Cán bộ dân vận tổ chức 96 buổi thâm nhập cơ sở, nắm tình hình Nhân dân.", ["96 buổi → outreach.sessions"]],
  // mediation
  ["Các tổ hòa giải đã tiếp nhận 52 vụ việc, hòa giải thành 47 vụ, đạt 90,4%.", ["52 vụ → mediation.cases", "47 vụ → mediation.successful", "90.4 % → mediation.successful"]],
  ["Hoà giải thành công 28/31 vụ việc mâu thuẫn, tranh chấp trong Nhân dân.", ["28/31 vụ → mediation.successful"]],
  // Dân vận khéo
  ["Toàn huyện xây dựng 142 mô hình Dân vận khéo trên các lĩnh vực.", ["142 mô hình → dvk.models"]],
  ["Huyện đã công nhận 27 điển hình Dân vận khéo cấp huyện.", ["27 điển hình → dvk.exemplars"]],
  ["Có 64 mô hình, điển hình “Dân vận khéo” được công nhận.", ["64 mô hình → dvk.models"]],
  // contributions
  ["Nhân dân hiến hơn 15.200 m2 đất, đóng góp 1.250 ngày công để làm đường giao thông nông thôn.", ["hơn 15200 m2 → contrib.land_m2", "1250 ngày công → contrib.labor_days"]],
  ["Vận động xã hội hóa được 3,4 tỷ đồng xây dựng 12 căn nhà đại đoàn kết cho hộ nghèo.", ["3400000000 đồng → contrib.money_vnd", "12 căn → contrib.houses"]],
  ["Các đoàn thể ủng hộ 850 triệu đồng, trao tặng 1.200 cây giống cho Nhân dân.", ["850000000 đồng → contrib.money_vnd", "1200 cây → contrib.trees"]],
  ["Hỗ trợ mỗi hộ 50 triệu đồng/căn; thu nhập bình quân đạt 52 triệu đồng/người/năm.", ["50000000 đồng → -", "52000000 đồng → -"]],
  ["Người dân hiến gần 2 ha đất để mở rộng đường.", ["gần 2 ha → contrib.land_m2"]],
  // socio-economic
  ["Đến nay có 11/13 xã đạt chuẩn nông thôn mới, 2/13 xã đạt chuẩn nông thôn mới nâng cao.", ["11/13 xã → new_rural.communes", "2/13 xã → new_rural.advanced"]],
  ["Toàn tỉnh có 57 sản phẩm OCOP đạt từ 3 sao trở lên.", ["57 sản phẩm → ocop.products"]],
  ["Có 38/61 trường đạt chuẩn quốc gia, đạt 62,3%.", ["38/61 trường → schools.standard", "62.3 % → schools.standard"]],
  ["Huyện tổ chức đón 96 quân nhân hoàn thành nghĩa vụ quân sự trở về địa phương.", ["96 quân nhân → military.returnees"]],
  ["Tổng số toàn huyện có 14 xã, thị trấn với 168 thôn, buôn, tổ dân phố.", ["14 xã → communes.total", "168 thôn → -"]],
  // awards
  ["UBND tỉnh tặng Bằng khen cho 12 tập thể và 25 cá nhân có thành tích xuất sắc trong phong trào thi đua Dân vận khéo.", ["12 tập thể → awards.collectives", "25 cá nhân → awards.individuals"]],
  ["Biểu dương 30 tập thể và cá nhân tiêu biểu.", ["30 tập thể → -"]],
  ["Tiếp 45 lượt/52 người đến kiến nghị, phản ánh.", ["45 lượt → reception.turns", "52 người → reception.people"]],
  ["Các tổ hòa giải đã tiếp nhận và hòa giải 45 vụ việc; số vụ hòa giải không thành là 5 vụ.", ["45 vụ → mediation.cases", "5 vụ → -"]],
  ["Chủ tịch UBND các xã tổ chức 12 buổi đối thoại và 3 hội nghị đối thoại với Nhân dân.", ["12 buổi → dialogues.held", "3 hội nghị → dialogues.held"]],
  ["Toàn huyện có 9/11 xã đạt chuẩn NTM, 1 xã đạt NTM kiểu mẫu.", ["9/11 xã → new_rural.communes", "1 xã → -"]],
  ["Xây mới 15 nhà đại đoàn kết, sửa chữa 4 nhà văn hóa thôn.", ["15 nhà → contrib.houses", "4 nhà → -"]],
  ["Tặng 250 suất quà trị giá 125 triệu đồng cho hộ nghèo.", ["250 suất → -", "125000000 đồng → contrib.money_vnd"]],
  ["Các khu dân cư tổ chức 126 Ngày hội Đại đoàn kết toàn dân tộc, 2 kỳ họp và mở 3 khoá tập huấn.", ["126 ngày hội → -", "2 kỳ họp → -", "3 khoá → -"]],
  ["Mặt trận vận động được 35 triệu, hỗ trợ 3 ngày.", ["35000000 đồng → contrib.money_vnd"]],
  ["Xây dựng nông thôn mới đạt 100% kế hoạch; 100% xã, thị trấn có nhà văn hóa; hơn 75% mô hình phát huy hiệu quả.", ["100 % → -", "100 % → -", "hơn 75 % → -"]],
  ["Đã giải quyết 95% đơn thư thuộc thẩm quyền; 80% xã đạt chuẩn nông thôn mới.", ["95 % → petitions.resolution_rate", "80 % → new_rural.communes"]],
  ["Số cuộc đối thoại: 19; tổng số đơn thư tiếp nhận là 45; số hội viên: 1.250.", ["19 cuộc → dialogues.held", "45 đơn → petitions.received", "1250 hội viên → -"]],
  ["Nhân dân ủng hộ Quỹ Vì người nghèo hơn 9 tỷ đồng; trong đó cấp tỉnh hơn 4 tỷ đồng, cấp huyện 5,6 tỷ đồng.", ["hơn 9000000000 đồng → contrib.money_vnd", "hơn 4000000000 đồng → contrib.money_vnd", "5600000000 đồng → contrib.money_vnd"]],
  ["Hỗ trợ xây mới 59 nhà đại đoàn kết cho hộ nghèo; hỗ trợ sửa chữa 27 nhà; khám bệnh cho 45 trường hợp.", ["59 nhà → contrib.houses", "27 nhà → contrib.houses", "45 trường hợp → -"]],
  ["Duy trì phiên chợ “0 đồng” và mô hình “3 không”; Tết Bính Ngọ 2026 thêm ấm áp.", []],
  ["So với cùng kỳ giảm 146 lượt tiếp, 127 lượt người; có 05 lượt đoàn/75 lượt người được tiếp.", ["146 lượt → -", "127 lượt → -", "5 lượt → reception.turns", "75 lượt → reception.people"]],
  ["Tiếp nhận 836 đơn thư khiếu nại, tố cáo và đã giải quyết đạt hơn 92% yêu cầu của công dân.", ["836 đơn → petitions.received", "hơn 92 % → petitions.resolution_rate"]],
  // the same indicators, phrased differently
  ["Huyện ủy ban hành 03 Nghị quyết chuyên đề; tham mưu cấp ủy ban hành 25 văn bản.", ["3 nghị quyết → docs.issued", "25 văn bản → docs.issued"]],
  ["Tổ chức quán triệt tại 45 hội nghị với 3.500 lượt người tham gia.", ["45 hội nghị → dissemination.conferences", "3500 lượt → dissemination.attendees"]],
  ["Chủ tịch UBND huyện tiếp công dân định kỳ, đột xuất 45 lượt; tổ chức tiếp 125 lượt người.", ["45 lượt → reception.turns", "125 lượt → reception.people"]],
  ["Các cơ quan nhận được 56 đơn thư, đã giải quyết xong 50/56 đơn.", ["56 đơn → petitions.received", "50/56 đơn → petitions.resolved"]],
  ["Người đứng đầu đối thoại trực tiếp với Nhân dân 21 cuộc; tổ chức 14 cuộc tiếp xúc, đối thoại.", ["21 cuộc → dialogues.held", "14 cuộc → dialogues.held"]],
  ["Khảo sát 5 cuộc; phát động quần chúng bảo vệ an ninh Tổ quốc tại 35/35 thôn; bám cơ sở 120 buổi.", ["5 cuộc → oversight.count", "35/35 thôn → campaign.villages_reached", "120 buổi → outreach.sessions"]],
  ["Tuyên dương 20 điển hình Dân vận khéo; trồng 5.000 cây xanh; bàn giao 12 căn nhà tình nghĩa.", ["20 điển hình → dvk.exemplars", "5000 cây → contrib.trees", "12 căn → contrib.houses"]],
  ["Hỗ trợ làm mới 30 nhà ở cho hộ nghèo; đón 185 quân nhân xuất ngũ; tặng Giấy khen cho 15 tập thể, 30 cá nhân.", ["30 nhà → contrib.houses", "185 quân nhân → military.returnees", "15 tập thể → awards.collectives", "30 cá nhân → awards.individuals"]],
  ["Bí thư Huyện ủy đối thoại trực tiếp với 120 người dân về giải phóng mặt bằng.", ["120 người → -"]],
  ["Hiến 5.000m2 đất, 2ha vườn; vận động 35tr đồng và 120.000đ mỗi suất.", ["5000 m2 → contrib.land_m2", "2 ha → contrib.land_m2", "35000000 đồng → contrib.money_vnd", "120000 đồng → -"]],
  ["Các cơ quan đã tiếp 215 lượt công dân/260 người; tổ chức 23 cuộc đối thoại với 1.450 lượt người dân tham gia.", ["215 lượt → reception.turns", "260 người → reception.people", "23 cuộc → dialogues.held", "1450 lượt → -"]],
  // differences and plain counts
  ["Tiếp 85 lượt công dân, tăng 15 lượt so với cùng kỳ năm 2023.", ["85 lượt → reception.turns", "15 lượt → -"]],
  ["Tỷ lệ hộ nghèo giảm còn 3,2%, giảm 1,5% so với năm trước.", ["3.2 % → -", "1.5 % → -"]],
  ["Tuyên truyền được 4 nội dung trọng tâm cho 230 hộ gia đình.", ["4 nội dung → -", "230 hộ → -"]],
  ["Xây dựng 5,6 km đường bê tông và 2 cây cầu dân sinh.", ["5.6 km → -", "2 cây → -"]],
  // what follows the counted noun says whether a mediation succeeded
  ["Các tổ hòa giải thụ lý 120 vụ việc; có 98 vụ việc hòa giải thành công, 15 vụ việc hòa giải không thành và 7 vụ việc chưa giải quyết xong.",
    ["120 vụ → mediation.cases", "98 vụ → mediation.successful", "15 vụ → -", "7 vụ → -"]],
  ["Tỷ lệ hòa giải thành đạt 88,6%.", ["88.6 % → mediation.successful"]],
  // "tổ" is a residential group only when nothing qualifies it
  ["Toàn huyện có 210 tổ hòa giải và 168 thôn, buôn.", ["210 tổ → -", "168 thôn → villages.total"]],
  // "Dân vận khéo" anywhere in the sentence, or before a sentence that breaks the figure down
  ["Đẩy mạnh phong trào thi đua “Dân vận khéo”, toàn huyện xây dựng 215 mô hình, điển hình. Trong đó, 160 mô hình tập thể và 55 điển hình cá nhân.",
    ["215 mô hình → dvk.models", "160 mô hình → dvk.models", "55 điển hình → dvk.exemplars"]],
  ["Lĩnh vực kinh tế có 310 mô hình, văn hóa – xã hội có 205 mô hình, quốc phòng – an ninh có 118 mô hình, xây dựng hệ thống chính trị có 96 mô hình được công nhận là mô hình dân vận khéo.",
    ["310 mô hình → dvk.models", "205 mô hình → dvk.models", "118 mô hình → dvk.models", "96 mô hình → dvk.models"]],
  // awards: a breakdown of models in parentheses counts models by who they are; a proposal is not an award
  ["Công nhận 40 mô hình (22 tập thể, 18 cá nhân) là mô hình Dân vận khéo tiêu biểu và khen thưởng 10 mô hình.", ["40 mô hình → dvk.models", "22 tập thể → dvk.models", "18 cá nhân → dvk.models", "10 mô hình → dvk.models"]],
  ["Đề nghị UBND tỉnh tặng Bằng khen cho 6 tập thể, 9 cá nhân.", ["6 tập thể → -", "9 cá nhân → -"]],
  // loans and capital are not contributions; money given to a loan fund is
  ["Quỹ Hỗ trợ nông dân toàn huyện hơn 3,2 tỷ đồng, cho 150 hộ vay; dư nợ ủy thác 45,6 tỷ đồng. Vận động hội viên ủng hộ Quỹ Hỗ trợ nông dân 120 triệu đồng.",
    ["hơn 3200000000 đồng → -", "150 hộ → -", "45600000000 đồng → -", "120000000 đồng → contrib.money_vnd"]],
  ["Giải ngân 12 dự án, số tiền 2 tỷ 150 triệu cho 96 hộ vay; xây dựng 8 mô hình kinh tế, trong đó 1 mô hình chế biến với tổng số vốn 2,5 tỷ đồng do Hội vận động.",
    ["12 dự án → -", "2150000000 đồng → -", "96 hộ → -", "8 mô hình → -", "1 mô hình → -", "2500000000 đồng → -"]],
  // training in techniques is not dissemination; a briefing "cho N lượt cán bộ" is
  ["Phối hợp mở 35 lớp tập huấn chuyển giao khoa học kỹ thuật có 1.850 lượt hội viên dự.", ["35 lớp → -", "1850 lượt → -"]],
  ["Học tập, quán triệt Nghị quyết cho 8.200 lượt cán bộ, đảng viên.", ["8200 lượt → dissemination.attendees"]],
  // complaint cases resolved, and the rate named "tỷ lệ" after them
  ["Các cơ quan đã tiếp nhận 410 đơn khiếu nại, tố cáo. Trong đó: đã giải quyết được 96/104 vụ việc thuộc thẩm quyền, đạt tỷ lệ 92,3%; còn 8 vụ việc đang xác minh.",
    ["410 đơn → petitions.received", "96/104 vụ → petitions.resolved", "92.3 % → petitions.resolution_rate", "8 vụ → -"]],
  // "kỳ" as the period, measures after a place word, days achieved against days required
  ["Số vụ việc khiếu nại phát sinh trong kỳ 57 vụ việc.", ["57 vụ → -"]],
  ["Chủ tịch UBND các xã tiếp công dân định kỳ 240/264 ngày theo quy định.", ["240/264 ngày → -"]],
  ["Nhân dân hiến đất làm đường giao thông nông thôn 2.400m2; làm mới tuyến đường 3,5 km.", ["2400 m2 → contrib.land_m2", "3.5 km → -"]],
  // a comparison in parentheses is its own clause; the people of a reception pair
  ["Tiếp 320 lượt/355 lượt người, giảm 25 lượt (6 tháng đầu năm 2023 tiếp 345 lượt/372 lượt người).",
    ["320 lượt → reception.turns", "355 lượt → reception.people", "25 lượt → -", "345 lượt → reception.turns", "372 lượt → reception.people"]],
  ["Có 03 lượt đoàn/48 lượt người khiếu nại đông người.", ["3 lượt → reception.turns", "48 lượt → reception.people"]],
  ["Tiếp 98 lượt công dân, 4 đoàn đông người.", ["98 lượt → reception.turns", "4 đoàn → reception.turns"]],
  // "4 cấp" names a kind of fund; counts written in words
  ["Quỹ Vì người nghèo 4 cấp vận động được 12 tỷ đồng.", ["12000000000 đồng → contrib.money_vnd"]],
  ["Tổ chức hai cuộc đối thoại và ba đợt phát động quần chúng; hàng trăm người dân tham gia.", ["2 cuộc → dialogues.held", "3 đợt → campaign.rounds"]],
  ["Giúp hộ nghèo 3.000 cây giống; xây dựng 6 mái ấm tình thương cho hội viên nghèo.", ["3000 cây → contrib.trees", "6 mái ấm → contrib.houses"]],
  // "..." goes on with the sentence; targets and plans are not results; the eligible subset of petitions
  ["Hỗ trợ 450 trường hợp phát triển sản xuất, khám chữa bệnh... với trị giá gần 320 triệu đồng.", ["450 trường hợp → -", "gần 320000000 đồng → contrib.money_vnd"]],
  ["Năm tới, phấn đấu vận động đạt 900 triệu đồng và xây dựng 10 căn nhà đại đoàn kết.", ["900000000 đồng → -", "10 căn → -"]],
  ["Tiếp nhận 150 đơn; trong đó 96 đơn thuộc thẩm quyền, đã giải quyết 90/96 đơn thuộc thẩm quyền.", ["150 đơn → petitions.received", "96 đơn → -", "90/96 đơn → petitions.resolved"]],
  // petitions: the kinds abbreviated (KN, TC), the eligible subset named before the count, those still pending,
  // and "đã được giải quyết" after the noun list
  ["Tiếp nhận 240 đơn; trong đó, KN 15 đơn, TC 11 đơn, kiến nghị, phản ánh 214 đơn.",
    ["240 đơn → petitions.received", "15 đơn → petitions.received", "11 đơn → petitions.received", "214 đơn → petitions.received"]],
  ["Số đơn thuộc thẩm quyền 156 đơn; không thuộc thẩm quyền 84 đơn.", ["156 đơn → -", "84 đơn → -"]],
  ["Đã giải quyết 40 đơn, còn 7 đơn đang trong quá trình giải quyết.", ["40 đơn → petitions.resolved", "7 đơn → -"]],
  ["Trong kỳ, 320 đơn kiến nghị, phản ánh, đã được giải quyết dứt điểm.", ["320 đơn → petitions.resolved"]],
  ["Tiếp nhận 320 đơn, đã giải quyết 300 đơn.", ["320 đơn → petitions.received", "300 đơn → petitions.resolved"]],
  // people received counted as "công dân"; delegates of a conference as "đồng chí"; a name in capitals before a count
  ["Lãnh đạo huyện đã tiếp tổng số hơn 60 công dân đến kiến nghị.", ["hơn 60 công dân → reception.people"]],
  ["Hội nghị quán triệt Nghị quyết có gần 300 đồng chí tham dự.", ["gần 300 đồng chí → dissemination.attendees"]],
  ["Hội thi có 09 đội đến từ Hội LHPN 08 xã, thị trấn tham gia.", ["9 đội → -", "8 xã → -"]],
  // a national target programme is a name, not a target; labour written "công lao động"
  ["Tham gia chương trình mục tiêu quốc gia xây dựng nông thôn mới, hội viên đóng góp 520 ngày công, hiến 3.400m2 đất.",
    ["520 ngày công → contrib.labor_days", "3400 m2 → contrib.land_m2"]],
  ["Hội viên nạo vét 2.100m kênh mương, đóng góp 2.300 công lao động và 18 triệu đồng.", ["2100 m → -", "2300 công → contrib.labor_days", "18000000 đồng → contrib.money_vnd"]],
  // money that is not mobilised: the commune's budget, each item's value, a fund's balance, credit programmes
  ["Tổng kinh phí huy động hơn 2,1 tỷ đồng (kinh phí cấp xã 95 triệu đồng; Nhân dân đóng góp 1,2 tỷ đồng).",
    ["hơn 2100000000 đồng → contrib.money_vnd", "95000000 đồng → -", "1200000000 đồng → contrib.money_vnd"]],
  ["Trao 8 căn nhà đại đoàn kết, mỗi căn trị giá 70 triệu đồng (ở miền núi) và 60 triệu đồng (ở đồng bằng).", ["8 căn → contrib.houses", "70000000 đồng → -", "60000000 đồng → -"]],
  ["Trao 8 căn nhà, mỗi căn trị giá 70 triệu đồng, tổng trị giá 560 triệu đồng do Mặt trận vận động.", ["8 căn → contrib.houses", "70000000 đồng → -", "560000000 đồng → contrib.money_vnd"]],
  ["Hội vận động ủng hộ 300 triệu đồng, nâng tổng số quỹ Vì người nghèo trong huyện lên trên 2,4 tỷ đồng.", ["300000000 đồng → contrib.money_vnd", "trên 2400000000 đồng → -"]],
  ["Hội xây dựng Quỹ hội được gần 1,8 tỷ đồng, bình quân hơn 1,1 triệu đồng/hội viên.", ["gần 1800000000 đồng → -", "hơn 1100000 đồng → -"]],
  ["Thông qua nguồn vốn Trung ương, Hội thực hiện 04 dự án, hỗ trợ 102 hội viên, số tiền 1 tỷ 500 triệu đồng.", ["4 dự án → -", "102 hội viên → -", "1500000000 đồng → -"]],
  // households registered in a contest are not people taking part in a campaign
  ["Có 12.300 lượt hộ nông dân đăng ký thi đua sản xuất kinh doanh giỏi trong phong trào do Hội phát động.", ["12300 lượt → -"]],
  // nouns read as counted nouns though capitalised or opening with a function word
  ["Ban Dân vận vận động thành lập được 2 Hội quán và 15 Chi hội nghề nghiệp.", ["2 hội quán → -", "15 chi hội → -"]],
  ["Chương trình công tác năm với 34 chỉ tiêu thi đua; toàn tỉnh đạt và vượt 11/11 chỉ tiêu đề ra.", ["34 chỉ tiêu → -", "11/11 chỉ tiêu → -"]],
  // ranges: both ends are figures, the low end in the high end's unit and scale; years, dates and ratings are not
  ["Mỗi hộ được vay từ 20 – 30 triệu đồng; tỷ lệ giảm 30-40%; mỗi tổ từ 3 đến 5 người, 5-10 hộ.",
    ["20000000 đồng → -", "30000000 đồng → -", "30 % → -", "40 % → -", "3 người → -", "5 người → -", "5 hộ → -", "10 hộ → -"]],
  ["Giai đoạn 2021 – 2025, ngày 20 – 30/3, Chỉ thị 02-03, từ 3 đến 4 sao, ngày 17-5.", []],
  ["Các xã vận động được từ 1,5 đến 2 tỷ đồng xây dựng nhà đại đoàn kết.", ["1500000000 đồng → contrib.money_vnd", "2000000000 đồng → contrib.money_vnd"]],
  // phrasings that recur across provinces (made-up sentences): exemplars by who they are, mediation in petitions,
  // a list of rates under one heading, meetings with the people, money with houses, a campaign's people, soldiers by rank
  ["Toàn huyện có 45 điển hình Dân vận khéo. Trong đó, có 12 tập thể và 9 cá nhân.", ["45 điển hình → dvk.exemplars", "12 tập thể → dvk.exemplars", "9 cá nhân → dvk.exemplars"]],
  ["Các tổ hòa giải tiếp nhận và chuyển hòa giải 40 đơn, thành 35 đơn.", ["40 đơn → mediation.cases", "35 đơn → mediation.successful"]],
  ["Tỷ lệ giải quyết đơn thư:\n- Cấp huyện đạt 95%;\n- Cấp xã đạt 92,5%.", ["95 % → petitions.resolution_rate", "92.5 % → petitions.resolution_rate"]],
  ["Thường trực Huyện ủy tổ chức 12 hội nghị định kỳ, đột xuất với Nhân dân; 8 hội nghị tiếp xúc cử tri.", ["12 hội nghị → dialogues.held", "8 hội nghị → -"]],
  // What the houses are worth is not money mobilised (unless said to be mobilised for them: see report-phrasing).
  ["Bàn giao 12 căn nhà đại đoàn kết trị giá 600 triệu đồng.", ["12 căn → contrib.houses", "600000000 đồng → -"]],
  ["Đợt phát động thu hút 2.500 tín đồ và 120 chi hội trưởng tham gia; 300 hộ đăng ký thi đua.", ["2500 tín đồ → campaign.participants", "120 chi hội trưởng → campaign.participants", "300 hộ → -"]],
  ["Huyện đón 120 đồng chí hoàn thành nghĩa vụ quân sự trở về địa phương; trong đó có 35 hạ sĩ quan.", ["120 đồng chí → military.returnees", "35 hạ sĩ quan → military.returnees"]],
  ["Ban Thường vụ thành lập 5 tổ kiểm tra và 2 tổ giám sát; có 30 tổ hòa giải.", ["5 tổ → inspection.teams", "2 tổ → oversight.teams", "30 tổ → -"]],
  // petitions: the parts of an eligible or competent subset, and the outcomes of those resolved, are not received
  ["Tiếp nhận 900 đơn, trong đó có 700 đơn đủ điều kiện xử lý với 50 đơn khiếu nại, 30 đơn tố cáo và 620 đơn kiến nghị.",
    ["900 đơn → petitions.received", "700 đơn → -", "50 đơn → -", "30 đơn → -", "620 đơn → -"]],
  ["Qua xử lý, có 300 đơn thuộc thẩm quyền (khiếu nại, tố cáo 40 đơn; kiến nghị, phản ánh 260 đơn); giải quyết theo thẩm quyền 280 đơn.",
    ["300 đơn → -", "40 đơn → -", "260 đơn → -", "280 đơn → petitions.resolved"]],
  ["Có 700 đơn đủ điều kiện xử lý, trong đó đã giải quyết 650 đơn.", ["700 đơn → -", "650 đơn → petitions.resolved"]],
  ["Đã giải quyết 60 đơn khiếu nại; trong đó có 5 đơn khiếu nại đúng, 8 đơn được rút, 47 đơn khiếu nại sai.",
    ["60 đơn → petitions.resolved", "5 đơn → -", "8 đơn → -", "47 đơn → -"]],
  // the people at a meeting with the committee are not an audience briefed; ad-hoc meetings after periodic ones
  ["Tổ chức 20 hội nghị định kỳ giữa người đứng đầu cấp ủy, chính quyền với trên 4.000 lượt nhân dân tham gia; tổ chức 9 hội nghị đột xuất với gần 900 lượt nhân dân tham gia.",
    ["20 hội nghị → dialogues.held", "trên 4000 lượt → -", "9 hội nghị → dialogues.held", "gần 900 lượt → -"]],
  // land donated written in metres; money "đồng tiền" after a scale; exemplars called "gương điển hình"
  ["Có 9 hộ hiến đất với tổng gần 800m đất các loại; đường rộng 5m.", ["9 hộ → -", "gần 800 m → contrib.land_m2", "5 m → -"]],
  ["Mặt trận huy động được hơn 2,5 tỷ đồng tiền Quỹ Vì người nghèo.", ["hơn 2500000000 đồng → contrib.money_vnd"]],
  ["Huyện tuyên dương 40 gương điển hình trong phong trào thi đua “Dân vận khéo”.", ["40 điển hình → dvk.exemplars"]],
  // opinions raised at a dialogue are not dialogue turns; the people of a campaign's session named just before
  ["Tại buổi đối thoại đã có 13 lượt ý kiến kiến nghị với cấp ủy, chính quyền.", ["13 lượt → -"]],
  ["Tại buổi phát động, Công an xã tuyên truyền về phòng chống tội phạm. Buổi tuyên truyền thu hút gần 80 lượt người tham gia.", ["gần 80 lượt → campaign.participants"]],
  // the part of an "a/b" pair is never the total; members of a committee are counted
  ["Đến nay, toàn huyện có 10/17 xã tổ chức xong đại hội; hiệp thương cử bổ sung 7 Ủy viên.", ["10/17 xã → -", "7 uỷ viên → -"]],
  // "lượt đoàn viên" are not delegations received; the border guard is not a room number
  ["Vận động 5.000 lượt đoàn viên, hội viên tham gia ra quân vệ sinh môi trường.", ["5000 lượt → -"]],
  ["Đón 95 quân nhân xuất ngũ; trong đó Bộ CHQS tỉnh 30 đồng chí, Bộ đội Biên phòng 15 đồng chí.",
    ["95 quân nhân → military.returnees", "30 đồng chí → military.returnees", "15 đồng chí → military.returnees"]],
  // a count inside a programme's name is its goal, not a result
  ["Hưởng ứng đề án trồng 1 tỷ cây xanh, hội viên đã trồng gần 300 cây các loại.", ["1000000000 cây → -", "gần 300 cây → contrib.trees"]],
  // money for houses whose kind the passage named before
  ["Khởi công sửa chữa nhà đại đoàn kết cho 3 hộ nghèo. Theo đó, 3 căn nhà được sửa chữa thuộc về hộ ông A và hộ bà B, kinh phí sửa chữa là 150 triệu đồng.",
    ["3 hộ → -", "3 căn → contrib.houses", "150000000 đồng → contrib.money_vnd"]],
  // dialogues counted by level after the word that names them; soldiers back home named as former soldiers or by a heading
  ["Đối thoại với Nhân dân: cấp huyện tổ chức 5 cuộc, cấp xã tổ chức 45 cuộc.", ["5 cuộc → dialogues.held", "45 cuộc → dialogues.held"]],
  ["Cấp huyện đối thoại 5 cuộc; cấp xã 45 cuộc.", ["5 cuộc → dialogues.held", "45 cuộc → dialogues.held"]],
  ["Xã đón 39 cựu quân nhân hoàn thành nghĩa vụ quân sự.", ["39 quân nhân → military.returnees"]],
  ["Lễ đón quân nhân hoàn thành nghĩa vụ quân sự trở về địa phương.\n22 đồng chí quân nhân tại buổi lễ.", ["22 đồng chí → military.returnees"]],
  ["Huyện tổ chức lễ giao quân; 45 đồng chí quân nhân lên đường nhập ngũ.", ["45 đồng chí → -"]],
  // houses listed bare before a conjunction; people at a dialogue are neither received nor briefed
  ["MTTQ vận động xây mới 10 nhà và sửa chữa 5 nhà cho hộ nghèo.", ["10 nhà → contrib.houses", "5 nhà → contrib.houses"]],
  ["Tổ chức tiếp xúc, đối thoại với Nhân dân được 12 cuộc với 1.500 người tham dự.", ["12 cuộc → dialogues.held", "1500 người → -"]],
  ["Bí thư Đảng ủy xã đối thoại với nhân dân thôn Đông. Tại Hội nghị đã có 7 người dân tham gia với 10 ý kiến.", ["7 người → -", "10 ý kiến → -"]],
  // petitions: a document name that is also a verb counts in lower case; those to resolve, urged or within competence are not resolved
  ["Có văn bản hướng dẫn 223 đơn; ban hành kết luận 2 cuộc thanh tra; thực hiện Hướng dẫn 13 của Ban.", ["223 đơn → -", "2 cuộc → -"]],
  ["Tổng số đơn phải giải quyết là 150 đơn, đã giải quyết xong 137 đơn; có công văn đôn đốc giải quyết 40 đơn.",
    ["150 đơn → -", "137 đơn → petitions.resolved", "40 đơn → -"]],
  ["Số đơn thuộc thẩm quyền giải quyết là 376 đơn; đã giải quyết 300 đơn thuộc thẩm quyền.", ["376 đơn → -", "300 đơn → petitions.resolved"]],
  // "và 4/4" before a counted noun is a pair, not the fourth of April
  ["Xây dựng được 105/130 mô hình tập thể và 4/4 mô hình cá nhân Dân vận khéo.", ["105/130 mô hình → dvk.models", "4/4 mô hình → dvk.models"]],
  // Two counts of one noun, written once after the second; a scale word belongs to the second alone.
  ["Nhân dân hiến lần lượt là 1.000 và 1.100m2 đất để mở đường.", ["1000 m2 → contrib.land_m2", "1100 m2 → contrib.land_m2"]],
  ["Hai xã có 12 và 15 hộ tham gia.", ["2 xã → -", "12 hộ → -", "15 hộ → -"]],
  ["Hai đợt có 2 và 3 nghìn người tham gia.", ["2 đợt → -", "3000 người → -"]],
];

describe("extractor: figures, counted nouns and indicators in the genre", () => {
  for (const [sentence, want] of cases) {
    test(sentence, () => assert.deepEqual(seen(sentence), want));
  }
});

const none: string[] = [
  "Ngày 26/12/2023, Ban Dân vận Tỉnh ủy tổ chức hội nghị.",
  "Sáng nay (15/3), hội nghị diễn ra tại hội trường.",
  "Hội nghị ngày 5 tháng 3 năm 2024 lúc 8 giờ 30 phút.",
  "Cập nhật lúc 22:45 ngày 22/04/2024.",
  "Thực hiện Chỉ thị số 17-CT/TU và Hướng dẫn 36-HD/VPTW, Nghị định 30/2020/NĐ-CP.",
  "Theo Kế hoạch số 45/KH-UBND và Báo cáo 112/BC-HU của Huyện ủy.",
  "Đội công tác 253 phối hợp với thôn 5 và tổ dân phố 12.",
  "Trẻ em 5 tuổi được phổ cập; sản phẩm đạt từ 3 đến 4 sao.",
  "Đạt chuẩn phổ cập mức độ 3; kỳ họp thứ 9, Đại hội lần thứ XIII, đợt 2.",
  "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
  "Đang truy cập17 Hôm nay3,397 Tổng lượt truy cập1,381,610",
  "Liên hệ: điện thoại 0263 3822 456, di động 0912.345.678.",
  "1. Công tác lãnh đạo, chỉ đạo\n2. Kết quả thực hiện\n1.1. Tuyên truyền",
  "Nhiệm kỳ 2020-2025, năm học 2023 - 2024, giai đoạn 2021 – 2025.",
  "Kỷ niệm 80 năm Ngày truyền thống, 6 tháng đầu năm, 3 năm qua, tổng kết 10 năm.",
  "Quý I/2024 và tháng 12/2023 là thời điểm quan trọng.",
  "Dịch Covid-19 ảnh hưởng; xây nhà 2 tầng; Quốc lộ 14 đi qua.",
  "Hàng trăm hộ dân tham gia, hàng tỷ đồng được huy động.",
  "Thời gian chờ: 60 giây",
  "Số lượt xem: 1.234 | Đã xem: 12 lần | Lượt đọc: 45 | Đang trực tuyến: 25 người",
  "Số lượt người xem:\n1392\nLượt truy cập\n  20.455",
  "Học sinh lớp 12A, mạng 5G phủ sóng, chuyển đổi số 4.0.",
  "Đăng lúc: 17:00:00 02/01/2024 (GMT+7)\n100%\nSố:      /BC-UBND",
  "Đoàn KT-QP 79 phối hợp; thực hiện NQ 04 và Chương trình 135, Trường THCS số 2, Phường 12, Quận 1.",
  "ĐT: 0262.3812.345 - Fax: 0262 3812 346. Lượt xem: 2517 | Bình luận (0) | Chia sẻ 12",
  "Lúc 7h30, 14g00; từ 01/7 đến 30/6; ngày 5-3-2024; tháng 3-2024; từ 1/7/2025.",
  "Cụ bà 102 tuổi; người từ 18 tuổi trở lên; sản phẩm OCOP 4 sao; dịch vụ công mức độ 4.",
  "Thứ hai, xã Ba Vì, huyện Năm Căn, một số đơn vị, vài ba người; Hai là, mười năm qua; hỗ trợ 3 ngày.",
];

describe("extractor: numbers that are not figures", () => {
  for (const s of none) test(s, () => assert.deepEqual(seen(s), []));
});

describe("extractor: spans point into the text as given", () => {
  const base = "Hòa giải thành công 34/37 vụ, đóng góp hơn 2 tỷ 631 triệu đồng.";
  test("NFD input and old tone placement give the same figures, spans into the NFD string", () => {
    const nfd = base.normalize("NFD").replace("Hòa", "Hoà".normalize("NFD"));
    const a = extractFigures(base);
    const b = extractFigures(nfd);
    assert.deepEqual(b.map((f) => [f.value, f.of, f.indicator]), a.map((f) => [f.value, f.of, f.indicator]));
    for (const f of b) assert.equal(nfd.slice(f.start, f.end), f.text);
    assert.equal(b[0]!.text.normalize("NFC"), "34/37 vụ");
  });
  test("CRLF, HTML tags and entities are read through, spans keep the original offsets", () => {
    const html = "<p>Tiếp&nbsp;71 lượt công dân</p>\r\n<p>Đã hòa giải thành 5&nbsp;vụ &amp; 3 cuộc đối thoại</p>";
    const figs = extractFigures(html);
    assert.deepEqual(figs.map((f) => [f.value, f.indicator]), [[71, "reception.turns"], [5, "mediation.successful"], [3, "dialogues.held"]]);
    assert.equal(figs[1]!.text, "5&nbsp;vụ");
    for (const f of figs) assert.equal(html.slice(f.start, f.end), f.text);
  });
  test("scripts, styles and comments of a pasted web page are not read", () => {
    const html = "<html><head><style>p{margin:12px}</style><script>var a = 15; if (x<3) y=2;</script></head><body><!-- 5 cuộc --><p>Tiếp 71 lượt công dân</p></body></html>";
    const figs = extractFigures(html);
    assert.deepEqual(figs.map((f) => [html.slice(f.start, f.end), f.indicator]), [["71 lượt", "reception.turns"]]);
  });
  test("a qualifier is part of the span and of the figure", () => {
    const [f] = extractFigures("thu hút khoảng 5.300 lượt quần chúng tham gia phát động");
    assert.equal(f!.text, "khoảng 5.300 lượt");
    assert.equal(f!.qualifier, "khoảng");
  });
});

describe("scope: unit, level, period and kind", () => {
  test("a district named in the text, a year review", () => {
    const s = extractReport("Hội nghị tổng kết công tác dân vận năm 2023 của huyện Krông Pa.\nNăm 2023, toàn huyện tổ chức 19 cuộc đối thoại. Nhiệm vụ năm 2024 là…").scope;
    assert.deepEqual(s, { unit: "huyện Krông Pa", unitCode: "637", level: "district", period: "2023", kind: "tong_ket" });
  });
  test("the district is inferred from the communes the text names", () => {
    const s = extractReport("Ban Dân vận Huyện ủy kiểm tra tại xã Đắk Phơi, xã Bông Krang, xã Buôn Tría và thị trấn Liên Sơn.").scope;
    assert.equal(s.unit, "huyện Lắk");
    assert.equal(s.level, "district");
  });
  test("quarters, six and nine months", () => {
    assert.equal(extractReport("Sơ kết công tác dân vận quý II năm 2024").scope.period, "2024Q2");
    assert.equal(extractReport("Kết quả công tác dân vận quý I/2024 của huyện").scope.period, "2024Q1");
    assert.equal(extractReport("Báo cáo sơ kết 6 tháng đầu năm 2024").scope.period, "2024S1");
    assert.equal(extractReport("Hội nghị sơ kết công tác dân vận 9 tháng năm 2025").scope.period, "2025N9");
    assert.equal(extractReport("Báo cáo sơ kết 6 tháng đầu năm 2024").scope.kind, "so_ket");
  });
  test("a 2025 commune (after the reform) is found in the 2025 list", () => {
    const s = extractReport("Sơ kết công tác dân vận 9 tháng năm 2025 của Đảng ủy xã Lộc Ninh, tỉnh Đồng Nai. Đảng ủy xã Lộc Ninh đã tổ chức 5 cuộc đối thoại.").scope;
    assert.equal(s.unit, "xã Lộc Ninh");
    assert.equal(s.level, "commune");
  });
  test("a month in the title; year-to-date figures have no standard period", () => {
    assert.equal(extractReport("Báo cáo công tác dân vận tháng 3/2024 của Ban Dân vận Huyện ủy").scope.period, "202403");
    assert.equal(extractReport("Từ đầu năm đến nay, các cấp Hội đã vận động được 2 tỷ đồng. Năm 2024 là năm bản lề.").scope.period, null);
    assert.equal(extractReport("Sơ kết công tác dân vận quý I năm 2023\nTheo báo cáo từ đầu năm đến nay, các cấp ủy quan tâm.").scope.period, "2023Q1");
    assert.equal(extractReport("Báo cáo kết quả công tác dân vận 5 năm (2019-2024) của tỉnh Đắk Lắk.").scope.period, null);
  });
  test("a multi-year review has no standard period, unless its title names the year", () => {
    assert.equal(extractReport("Tổng kết 10 năm thực hiện Chỉ thị 49-CT/TW (2014-2024)\nNăm 2024 toàn huyện đã tổ chức 120 cuộc đối thoại.").scope.period, null);
    assert.equal(extractReport("Hội nghị tổng kết công tác dân vận năm 2023 và 5 năm thực hiện Quyết định 23\nNăm 2023, huyện tổ chức 12 cuộc đối thoại.").scope.period, "2023");
  });
  test("the year a review names wins over next year's tasks in a title the page repeats", () => {
    const t = "Triển khai công tác dân vận năm 2022\n\nTin tức\n\nTriển khai công tác dân vận năm 2022\n\n" +
      "Ngày 12/01/2022, Huyện ủy tổ chức hội nghị tổng kết công tác dân vận và thực hiện quy chế dân chủ ở cơ sở năm 2021, triển khai phương hướng, nhiệm vụ năm 2022. " +
      "Trong năm 2021, các cấp đã tổ chức 42 cuộc đối thoại. Năm 2022, tập trung thực hiện 8 nhiệm vụ trọng tâm trong năm 2022.";
    assert.equal(extractReport(t).scope.period, "2021");
  });
  test("future tasks do not decide the period; a half year without its year takes the text's year", () => {
    const s = extractReport("Sáng 8/7, Ban Dân vận Tỉnh ủy tổ chức Hội nghị sơ kết công tác dân vận 6 tháng đầu năm, triển khai phương hướng, nhiệm vụ 6 tháng cuối năm 2024.").scope;
    assert.deepEqual([s.period, s.level, s.kind], ["2024S1", "province", "so_ket"]);
  });
  test("a Party committee or a capitalised dateline names the unit", () => {
    assert.equal(extractReport("Chiều 15/10, Huyện ủy Tuy Phước tổ chức hội nghị sơ kết 9 tháng đầu năm 2023.").scope.unit, "huyện Tuy Phước");
    assert.equal(extractReport("LỘC NINH: Một số kết quả công tác dân vận quý I/2024\nHuyện ủy tổ chức 5 cuộc đối thoại.").scope.unitCode, "692");
  });
  test("a provincial text that names its province without \"tỉnh\"", () => {
    const s = extractReport("Ngày 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết. Năm 2023, hệ thống dân vận Bình Phước đã tổ chức 50 cuộc đối thoại.").scope;
    assert.deepEqual([s.unit, s.unitCode, s.level], ["tỉnh Bình Phước", "70", "province"]);
  });
  test("a formal report: the date of the document is not its period", () => {
    const s = extractReport("HUYỆN ỦY KRÔNG BÚK\nSố 125-BC/HU\nKrông Búk, ngày 10 tháng 12 năm 2024\nBÁO CÁO\ntổng kết công tác dân vận năm 2024, phương hướng, nhiệm vụ năm 2025\nBan Thường vụ Huyện ủy đã ban hành 14 văn bản.").scope;
    assert.deepEqual([s.unit, s.period, s.kind], ["huyện Krông Búk", "2024", "tong_ket"]);
    assert.equal(extractReport("Hà Nội, ngày 05 tháng 01 năm 2025\nBÁO CÁO tổng kết công tác dân vận năm 2024").scope.period, "2024");
  });
  test("\"an toàn xã hội\" is not a commune's organ; a second syllable typed in lower case", () => {
    assert.equal(extractReport("Đến nay huyện Chư Păh đã xây dựng 274 mô hình, giữ vững an ninh chính trị, trật tự an toàn xã hội.").scope.unit, "huyện Chư Păh");
    assert.equal(extractReport("Sáng 30/6, Hội CCB huyện Đô lương tổ chức tổng kết phong trào.").scope.unit, "huyện Đô Lương");
  });
  test("a headline that opens with the place name in ordinary case; abbreviations TP. and TX", () => {
    assert.equal(extractReport("Thới Bình tổng kết 7 năm thực hiện Đề án Quỹ hỗ trợ nông dân\nQuỹ đã giải ngân 29 dự án.").scope.unit, "huyện Thới Bình");
    assert.equal(extractReport("Sáng 5/1, Thành ủy TP. Pleiku tổ chức tổng kết công tác dân vận năm 2023.").scope.unit, "thành phố Pleiku");
    assert.equal(extractReport("Ban Dân vận Thị ủy TX Buôn Hồ sơ kết 6 tháng đầu năm 2024.").scope.unit, "thị xã Buôn Hồ");
  });
  test("the organs of the text's own level, named without a place, choose among the places", () => {
    const s = extractReport("Hội nông dân huyện sơ kết mô hình tại xã Hướng Hiệp. Hội nông dân huyện đã trao giấy khen cho 25 tập thể.").scope;
    assert.deepEqual([s.unit, s.level], ["huyện Đa Krông", "district"]);
  });
  test("a district the lists no longer hold is reported as the text names it", () => {
    const s = extractReport("Sáng 7/7, Ban Dân vận Huyện ủy Đất Đỏ sơ kết công tác dân vận 6 tháng đầu năm 2022.").scope;
    assert.deepEqual([s.unit, s.unitCode, s.level, s.period], ["huyện Đất Đỏ", null, "district", "2022S1"]);
  });
  test("a year things are launched for, or a target's year, loses to the year a sentence of figures opens with", () => {
    const t = "Huyện A: Triển khai công tác vận động Quỹ Vì người nghèo năm 2020.\nVừa qua, Ban vận động ban hành kế hoạch vận động Quỹ năm 2020. Năm 2019, Quỹ các cấp trong huyện vận động trên 869 triệu đồng, xây dựng 35 căn nhà. Năm 2020, Ban vận động tiếp tục triển khai, phấn đấu vận động đạt 800 triệu đồng.";
    assert.equal(extractReport(t).scope.period, "2019");
  });
  test("a quarter in the older spelling \"quí\"", () => {
    assert.equal(extractReport("Trong quí II năm 2016, Ban Dân vận Huyện ủy đã lãnh đạo Mặt trận bàn giao 28 căn nhà Đại đoàn kết.").scope.period, "2016Q2");
  });
  test("\"sau 6 tháng triển khai\" is not a half year", () => {
    assert.equal(extractReport("Thực hiện nhiệm vụ năm 2019. Sau 6 tháng triển khai, mô hình thu được 800kg gạo.").scope.period, "2019");
  });
  test("a newspaper's byline code names its province when it names only one; TP.HCM", () => {
    assert.equal(extractReport("(GLO)- Sáng 5/1, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết năm 2023.").scope.unit, "tỉnh Gia Lai");
    assert.equal(extractReport("BPO - Chiều 10/7, Ban Dân vận Tỉnh ủy sơ kết 6 tháng đầu năm 2024.").scope.unitCode, "70");
    // Initials several provinces share: the press's code names one ("QNO" is Báo Quảng Nam's); another names none.
    assert.equal(extractReport("QNO - Sáng nay, Ban Dân vận Tỉnh ủy tổng kết.").scope.unit, "tỉnh Quảng Nam");
    assert.equal(extractReport("TNO - Sáng nay, Ban Dân vận Tỉnh ủy tổng kết.").scope.unit, null, "Thái Nguyên or Tây Ninh: no guess");
    assert.equal(extractReport("Ngày 5/1, Ban Dân vận Thành ủy TP.HCM tổ chức tổng kết công tác dân vận năm 2023.").scope.unit, "thành phố Hồ Chí Minh");
  });
  test("abbreviations with a dot name the unit: TP.Hội An, H. Krông Pa, P. Tân Khánh, Tp.HCM; not a person's initial", () => {
    assert.equal(extractReport("Sáng 15/10, tại TP.Hội An diễn ra hội nghị tổng kết phong trào thi đua Dân vận khéo.").scope.unit, "thành phố Hội An");
    assert.equal(extractReport("Năm 2023, các xã trên địa bàn H. Krông Pa tổ chức 19 cuộc đối thoại.").scope.unit, "huyện Krông Pa");
    assert.equal(extractReport("Ngày 5/1, Ban Dân vận Thành ủy Tp.HCM tổ chức tổng kết công tác dân vận năm 2023.").scope.unit, "thành phố Hồ Chí Minh");
    assert.equal(extractReport("Sáng 19/1, Ủy ban MTTQ Việt Nam P. Tân Khánh khởi công sửa chữa 2 căn nhà đại đoàn kết.").scope.unit, "phường Tân Khánh");
    assert.equal(extractReport("Hội nghị tổng kết công tác dân vận. Ảnh: H. Long").scope.unit, null);
  });
  test("the Front of a commune names the level: a ward wins over the city its newspaper names", () => {
    const s = extractReport("Phường Tân Khánh khởi công sửa chữa 2 căn nhà Đại đoàn kết\nNgày 19-1, Ủy ban MTTQ Việt Nam phường Tân Khánh, TPHCM tổ chức Lễ khởi công. Lãnh đạo phường Tân Khánh đã thăm hỏi các gia đình.").scope;
    assert.deepEqual([s.unit, s.level], ["phường Tân Khánh", "commune"]);
  });
  test("a district named by its number; a commune whose name several provinces hold is not placed in one", () => {
    assert.equal(extractReport("Sáng 8/1, Ủy ban MTTQ quận 10, TP HCM tổ chức Ngày hội Vì người nghèo, vận động hơn 5 tỷ đồng.").scope.unit, "quận 10");
    const s = extractReport("Vào ngày 05/8/2024 tại Hội trường UBND xã tổ chức Hội nghị Đại biểu HĐND tỉnh tiếp xúc cử tri tại xã Hồng Thái, có hơn 50 cử tri tham dự. Đại biểu HĐND tỉnh thông báo kỳ họp của HĐND tỉnh.").scope;
    assert.deepEqual([s.unit, s.unitCode, s.level], ["xã Hồng Thái", null, "commune"]);
  });
  test("a name written together or without some marks is the listed unit, named as written: xã ĐăkPơ, huyện Đakrông", () => {
    const s = extractReport("Xã ĐăkPơ tổng kết công tác dân vận năm 2023\nNăm 2023, Đảng ủy xã ĐăkPơ đã xây dựng 12 mô hình Dân vận khéo.").scope;
    assert.deepEqual([s.unit, s.unitCode, s.level], ["xã ĐăkPơ", "23995", "commune"]);
    const t = extractReport("Ủy ban MTTQ huyện Đakrông đã vận động 1,8 tỷ đồng.").scope;
    assert.deepEqual([t.unit, t.unitCode], ["huyện Đakrông", "467"]);
  });
  test("a unit written with its address: the commune is reported on, its district only places it", () => {
    const s = extractReport("Hội Nông dân xã Yên Hòa huyện Cẩm Xuyên đã giúp 3 hộ cải tạo vườn.").scope;
    assert.deepEqual([s.unit, s.unitCode, s.level], ["xã Yên Hòa", "18679", "commune"]);
    const t = extractReport("Ủy ban MTTQ thị trấn Tân Nghĩa, huyện Hàm Tân tổ chức hội nghị tiếp xúc cử tri; có 8 cử tri phát biểu.").scope;
    assert.deepEqual([t.unit, t.level], ["thị trấn Tân Nghĩa", "commune"]);
  });
  test("a city's own organs make its report the city's, not its province's", () => {
    const s = extractReport("Ban Dân vận Thành ủy Pleiku tổng kết công tác dân vận năm 2023. Toàn thành phố có 45 mô hình. Ban Dân vận Tỉnh ủy Gia Lai biểu dương; tỉnh Gia Lai, tỉnh Gia Lai.").scope;
    assert.deepEqual([s.unit, s.level], ["thành phố Pleiku", "district"]);
    const h = extractReport("Thành ủy Hà Nội chỉ đạo; toàn thành phố tổ chức 42 hội nghị đối thoại. UBND thành phố Hà Nội báo cáo.").scope;
    assert.deepEqual([h.unit, h.level], ["thành phố Hà Nội", "province"]);
  });
  test("a unit written by its initials after its type: Thành phố PRTC, tỉnh BR-VT", () => {
    assert.equal(extractReport("Thành phố PRTC tổ chức đón 290 quân nhân hoàn thành nghĩa vụ quân sự.").scope.unit, "thành phố Phan Rang-Tháp Chàm");
    assert.equal(extractReport("Ủy ban MTTQ tỉnh BR-VT vận động 5 tỷ đồng xây 100 nhà đại đoàn kết.").scope.unit, "tỉnh Bà Rịa - Vũng Tàu");
  });
  test("a commune the lists no longer hold is named when the text speaks from a commune", () => {
    const s = extractReport("Hội Nông dân xã Sơn Thọ phát động thi đua. Hội Nông dân xã Sơn Thọ huy động gần 100 ngày công; toàn xã có 10 vườn mẫu.").scope;
    assert.deepEqual([s.unit, s.unitCode, s.level], ["xã Sơn Thọ", null, "commune"]);
  });
  test("a year that starts a span (từ năm 2000 đến nay) is no period", () => {
    assert.equal(extractReport("Từ năm 2000 đến nay, huyện đã huy động hơn 1,8 tỷ đồng tiền Quỹ Vì người nghèo.").scope.period, null);
    assert.equal(extractReport("Kể từ năm 2019, Quỹ đã giúp 120 hộ. Năm 2023, Quỹ vận động được 500 triệu đồng.").scope.period, "2023");
  });
  test("the level comes from the organs when no place is named", () => {
    const s = extractReport("Ban Dân vận Tỉnh ủy tổ chức tổng kết công tác dân vận năm 2019 của toàn tỉnh.").scope;
    assert.deepEqual([s.unit, s.level, s.period], [null, "province", "2019"]);
  });
});
