/**
 * Pure: what the indicator rules read of a figure's context (RuleInput) and the phrases they look for (R);
 * the passage-level tests built on them are in rule-passages.ts.
 */
import { rx } from "./lexicon.ts";

export interface RuleInput {
  /** The unit read after the number ("lượt", "vụ", "%"…); for "100% thôn", the noun after the %. */
  unit: string | null;
  percent: boolean;
  /** Key text of the noun phrase after the number, up to the next comma or digit. */
  right: string;
  /** Key text from the last comma (or clause start) to the number. */
  seg: string;
  /** Key text of the sentence up to the number. */
  before: string;
  /** Key text of the rest of the sentence after the number (bounded). */
  tail: string;
  /** Key text of the passage before the number (about 400 chars, across sentences). */
  wide: string;
  /** Key text of the rest of the sentence after the number, further than `tail` (up to 400 chars). */
  rest: string;
  /** The number is inside parentheses that break down a count before them: "55 mô hình (29 tập thể, 26 cá nhân)". */
  breakdown: boolean;
  /** The figure is the part of an "a/b" pair ("10/17 xã"): a part, never the total. */
  pair?: boolean;
  /** Key text from the start of the whole sentence (across ";" and ":") to the number. */
  statement?: string;
  /** Key text of the paragraph (the line) up to the number, at most about 1,500 chars. */
  paragraph?: string;
}

/** A place or a military or police unit named: "xã Ia Sao", "Lữ đoàn 572" (see R.byPlace). */
export const PLACE_OR_UNIT = "(\\b(xã|phường|thị trấn|huyện|thị xã|quận|thành phố|tỉnh)\\s+\\p{L}|\\b(lữ đoàn|sư đoàn|trung đoàn|tiểu đoàn|quân khu|quân chủng|bộ chỉ huy|bộ chqs|chqs|biên phòng|công an|hải quân|đơn vị)\\b)";

export const R = {
  // "tổ HGCS" shortens "tổ hòa giải ở cơ sở".
  hoaGiai: rx("hoà giải|\\bhgcs\\b"),
  /** A court and its cases: "vụ án", "Tòa án", "tại Tòa". */
  court: rx("\\bvụ án\\b|\\btoà án\\b|\\btại toà\\b"),
  // Also cases sent on: "5 vụ việc hướng dẫn lên cấp trên", "chuyển cơ quan chức năng".
  notSettled: rx("không thành|chưa thành|chưa giải quyết|chưa xong|đang (trong quá trình |tiến hành |được )?(hoà giải|giải quyết|xác minh)|\\btồn\\b|hướng dẫn (lên|đến|sang)|chuyển (lên |sang )?(cấp trên|cơ quan|toà án)"),
  /** An item opened by the outcome alone: "; thành công 110 vụ", "; thành 35 vụ"; or by "kết quả": "; kết quả thành 52 vụ". */
  settledItem: rx("^\\s*(kết quả\\s*:?\\s*)?(hoà giải )?(thành công|thành)\\s*:?\\s*$"),
  hoaGiaiThanh: rx("(hoà giải thành|\\bthành công\\b|\\bthành\\s*$)"),
  hoaGiaiThanhRight: rx("hoà giải thành|\\bthành công\\b"),
  /** A share whose noun is said to be settled right after it: "90% mâu thuẫn, tranh chấp được hòa giải thành". */
  settledShareAfter: rx("^\\s*[\\p{L}\\p{M} ,]{0,40}\\b(được|đã được|đã)\\s+hoà giải thành"),
  petitionSubset: rx("đủ điều kiện|tồn đọng|\\btồn\\b|kỳ trước|chuyển sang|chuyển (đến|cho|cơ quan)|trùng|không thuộc|hướng dẫn|rút đơn|đôn đốc|(phải|cần|phải được) (giải quyết|xử lý)|đang (trong quá trình |tiến hành |được )?(giải quyết|xem xét|xác minh|xử lý)|chưa giải quyết|lưu đơn|còn lại"),
  /** What is left after those resolved or settled: "đã giải quyết 21 đơn, còn 5 đơn", "hòa giải thành 14 vụ, hiện còn 2 vụ". */
  leftOver: rx("(^|[^\\p{L}\\p{M}])còn( tồn| lại| tồn đọng)?\\s*$"),
  settledBefore: rx("giải quyết|hoà giải thành|thành công"),
  // "thuộc thẩm quyền giải quyết của UBND 603 đơn": the organ's competence, not petitions resolved.
  resolvedLeft: rx("(?<!thẩm quyền )giải quyết"),
  receivedLeft: rx("tiếp nhận|nhận được|\\bnhận\\b"),
  resolvedRight: rx("(đã|được) (được )?giải quyết|giải quyết (xong|dứt điểm)"),
  // "ĐT" is how reports shorten "đối thoại" where it cannot be a road or a phone: "cuộc ĐT", "tiếp xúc, ĐT",
  // "ĐT trực tiếp", "ĐT với Nhân dân" (not "đường ĐT 741").
  dialogue: rx("đối thoại|(cuộc|hội nghị|buổi) đt\\b(?!-)|tiếp xúc,? đt\\b|\\bđt (trực tiếp|định kỳ|đột xuất|với (nhân dân|người dân|dân))\\b"),
  // "trực tiếp tiếp 120 lượt": a head receiving in person (the third word is the verb).
  reception: rx("(?<!(trực|gián|kế|liên|nối|chuyển) )(?<!(?<!trực )tiếp )\\btiếp\\b(?! (tục|nhận|thu|cận|xúc|giáp|theo|sức|tế|đón|thị|diễn|tuyến|nối|quản|sau|đến|tới|thêm|đó|cho|với))|tiếp công dân|tiếp dân|tiếp xúc, đối thoại|\\btcd\\b"),
  received: rx("(được|đến) tiếp\\b|tiếp công dân"),
  // "TCD" is how reports shorten "tiếp công dân" ("TCD 35 lượt với 40 người").
  receptionDesk: rx("tiếp công dân|tiếp dân|lượt công dân|\\btcd\\b"),
  peopleTurns: rx("^lượt (người|công dân|cử tri|hộ|đại biểu|ý kiến|kiến nghị|câu hỏi|phát biểu)"),
  // Not "231 lượt đoàn hội viên": union members (đoàn viên, hội viên) reached.
  receptionRight: rx("^lượt (công dân|đoàn(?! viên| hội viên))\\b"),
  conference: rx("hội nghị|quán triệt|tập huấn|hội thảo|học tập nghị quyết"),
  join: rx("tham gia|thu hút"),
  attend: rx("\\b(tham )?dự\\b"),
  campaign: rx("phát động"),
  /** The movement of all the people for the Fatherland's security ("phong trào toàn dân bảo vệ an ninh Tổ quốc"). */
  securityMovement: rx("toàn dân bảo vệ (an ninh tổ quốc|antq)"),
  /** A meeting launching a mass campaign or the security movement: "hội nghị phát động quần chúng", "… phát động phong trào toàn dân bảo vệ ANTQ". */
  launchMeeting: rx("hội nghị phát động (quần chúng|phong trào toàn dân bảo vệ (an ninh|antq))"),
  // "GS" and "KT" shorten "giám sát" and "kiểm tra" beside the count of "cuộc" or "đoàn" they name: "15 cuộc GS", "GS 6 cuộc"
  // (not "KT-XH", the economy).
  oversight: rx("giám sát|khảo sát|(cuộc|đoàn) gs\\b(?!-)|\\bgs\\s+(được\\s+)?cuộc\\b"),
  inspection: rx("kiểm tra|(cuộc|đoàn) kt\\b(?!-)|\\bkt\\s+(được\\s+)?cuộc\\b"),
  outreach: rx("thâm nhập|bám (sát )?(cơ sở|địa bàn|dân|thôn|buôn|bản|làng)|\\bbám\\b"),
  propaganda: rx("phát động|tuyên truyền|vận động|phổ biến"),
  // "hội nghị báo cáo viên": the briefing of the Party's speakers, a dissemination meeting too; "hội nghị giới thiệu
  // văn bản pháp luật", "giới thiệu Luật …": new law introduced.
  dissemination: rx("quán triệt|tuyên truyền|phổ biến|học tập|triển khai|lồng ghép|tập huấn|nghị quyết|chỉ thị|báo cáo viên|giới thiệu (các |những )?(văn bản|luật|bộ luật|nghị định)\\b"),
  // "cụ thể hóa bằng 06 văn bản", "cụ thể hóa thành 03 kế hoạch": the documents a committee drew up of its own.
  // "ra 3 nghị quyết" issues them; "đề ra 6 chương trình hành động", "đưa ra" set out or put forward, issuing nothing.
  issue: rx("ban hành|tham mưu|xây dựng|soạn thảo|dự thảo|(?<!(đề|đưa) )\\bra\\b|cụ thể hoá (thành|bằng)"),
  notIssue: rx("thực hiện|triển khai|tiếp nhận|\\bnhận\\b|quán triệt|học tập|của (trung ương|tỉnh|huyện|cấp trên)"),
  // A commune's own committee ("của Ban Thường vụ Đảng ủy xã") is no body above it.
  higherLevel: rx("của (trung ương|tỉnh|thành phố|cấp trên|tỉnh uỷ|bộ|ban(?! (thường vụ |chấp hành )?đảng uỷ (xã|phường|thị trấn)))"),
  dvk: rx("dân vận khéo|\\bdvk\\b"),
  /** A sentence that breaks down the figure of the sentence before it. */
  breakdown: rx("^\\s*(trong đó|cụ thể|bao gồm|gồm)\\b"),
  /** A briefing on a resolution, and the people it reached ("cho 12.500 lượt cán bộ"). */
  briefed: rx("quán triệt|học tập (nghị quyết|chỉ thị|kết luận)"),
  // Also written short: "1.450 lượt CB, ĐV", "lượt ĐVTN", "lượt HV".
  briefedRight: rx("^lượt (người|cán bộ|đảng viên|hội viên|đoàn viên|(cb|đv|cbđv|hv|đvtn)\\b)"),
  /** Turns of people named by their faith or their community: "1.500 lượt tín đồ", "800 lượt đồng bào". */
  turnsOfBelievers: rx("^lượt (tín đồ|chức sắc|chức việc|giáo dân|phật tử|quần chúng|đồng bào|già làng|người có uy tín|chi hội trưởng|trưởng thôn|tổ trưởng)"),
  crowd: rx("đông người"),
  /** A delegation that came to complain or petition: "8 đoàn gồm 178 người đến khiếu nại, phản ánh". */
  delegationCame: rx("^\\s*đoàn\\b[^,;.]{0,30}\\b(đến|tới)\\s+(khiếu nại|tố cáo|kiến nghị|phản ánh|trình bày)"),
  briefing: rx("quán triệt|tập huấn|hội thảo|học tập|tuyên truyền|phổ biến|triển khai"),
  /** Petitions within the body's competence: a subset of those received. */
  competent: rx("(thuộc|theo) thẩm quyền"),
  competenceOnly: rx("thẩm quyền giải quyết"),
  /** The competence after a breakdown in parentheses: "đơn (80 khiếu nại, 15 tố cáo) thuộc thẩm quyền". */
  competentAfterAside: rx("^[^()\\d]{0,12}\\([^)]{0,80}\\)\\s*(thuộc|theo) thẩm quyền"),
  resolvedDone: rx("(đã|được) giải quyết|giải quyết (xong|được|dứt điểm)"),
  /** How a petition was decided (founded, unfounded, withdrawn): a breakdown of those resolved. */
  outcome: rx("\\b(đúng|sai)\\b|được rút|rút đơn"),
  /** What opens a breakdown of the count before it: "… với 651 đơn khiếu nại", "(gồm 359 đơn…". */
  breakdownOpen: rx("\\b(với|gồm|bao gồm|trong đó)\\b|\\("),
  /** A count inside a programme's name is its goal: "hưởng ứng đề án trồng 1 tỷ cây xanh". */
  programme: rx("(đề án|chương trình|kế hoạch)\\s+(?!(và|với|hoặc)\\b)[^\\s,;()]+\\s*$"),
  /** Complaints and denunciations: "vụ việc khiếu nại, tố cáo" resolved are petitions resolved. */
  complaint: rx("khiếu nại|tố cáo|đơn thư|\\bđơn\\b"),
  /**
   * Commended, said at the end of a long sentence after the counts: "5 tập thể và 10 cá nhân có thành
   * tích xuất sắc về … được Ủy ban nhân dân huyện … khen thưởng" (a passive "được … khen thưởng"). A unit's
   * abbreviated type ("được UBND TP.Hội An … khen thưởng") does not end the sentence.
   */
  awardedLater: rx("\\bđược\\b(?:[^.;:\\d]|\\.(?=\\p{L})){0,200}?(khen thưởng|tặng (bằng|giấy) khen|biểu dương|tuyên dương|vinh danh)"),
  /** Before an award word, a proposal: "đề nghị khen thưởng 19 tập thể" has not been awarded yet. */
  proposal: rx("đề nghị|đề xuất|xét đề nghị"),
  /** A sentence that opens with a proposal: "Đề nghị tặng … cho 07 cá nhân; bằng khen … cho 89 cá nhân". */
  proposalOpens: rx("^\\s*([-+•*]\\s*)?(đề nghị|đề xuất)\\b"),
  /** A sentence that opens with the award itself, no verb: "Bằng khen của Thủ tướng Chính phủ cho 7 cá nhân." */
  awardNounOpens: rx("^\\s*([-+•*]\\s*)?(bằng khen|giấy khen|cờ thi đua|danh hiệu|huân chương|kỷ niệm chương)\\b"),
  /** Proposed for an award or a recognition in the clause: "đề nghị UBND huyện khen thưởng 18 mô hình". */
  // Also support asked for ("hồ sơ đề nghị hỗ trợ xóa 5 nhà"), not given at someone's request ("theo đề nghị của …").
  proposedInClause: rx("(?<!theo )(đề nghị|đề xuất)(?! của)[^,;:]{0,60}(khen thưởng|bằng khen|giấy khen|\\btặng\\b|công nhận|hỗ trợ)"),
  /** The same across commas, the count or the list of counts soon after the award: "đề xuất Ban A, Thường trực B xét khen thưởng 18 mô hình và 1 điển hình". */
  proposedBefore: rx("(đề nghị|đề xuất)[^;:.]{0,80}(khen thưởng|bằng khen|giấy khen|\\btặng\\b|công nhận)[^;:.]{0,60}$"),
  /** A plan's figure, the plan heading its clause: "Kế hoạch tổ chức 10 hội nghị" (not "theo kế hoạch" after it). */
  planned: rx("^\\s*(kế hoạch|chỉ tiêu)\\b(?!\\s+(số|đã)\\b)"),
  /** A sentence headed by a plan and a colon: "Chỉ tiêu năm 2025: xây dựng 20 mô hình". */
  plannedLabel: rx("^\\s*([-+•*]\\s*)?(kế hoạch|chỉ tiêu|phương hướng|mục tiêu)\\b[^:.;]{0,60}:"),
  /** An average per period is no sum: "trung bình 136.481 vụ, việc/năm". */
  average: rx("(trung bình|bình quân)\\s*$"),
  perPeriod: rx("^[^,;()]{0,24}/\\s*(năm|tháng|quý|ngày)\\b"),
  /** Training in techniques or trades (tập huấn chuyển giao KHKT, dạy nghề) is not dissemination of policy. */
  technical: rx("chuyển giao|kỹ thuật|\\bkhkt\\b|dạy nghề|khuyến (nông|lâm|ngư)"),
  /** Loan funds and credit: their money is lent, not mobilised. */
  loanFund: rx("quỹ (hỗ trợ nông dân|htnd|hỗ trợ phụ nữ|tín dụng|quay vòng)"),
  // Also credit the organisation vouches for: "quản lý 45 tỷ đồng vốn tín chấp".
  loanAfter: rx("\\bvay\\b|dư nợ|giải ngân|tín chấp"),
  donate: rx("vận động|ủng hộ|đóng góp|quyên góp|tài trợ"),
  award: rx("khen thưởng|bằng khen|giấy khen|biểu dương|tuyên dương|\\bkhen\\b|vinh danh|\\btặng\\b|\\btrao\\b|kỷ niệm chương|danh hiệu|cờ thi đua|huân chương"),
  /** A count of models or exemplars broken down in the same sentence: "21 điển hình, gồm 12 tập thể, 9 cá nhân". */
  brokenDown: rx("\\d\\s*(mô hình|điển hình)[^\\d;:.]{0,40}?,?\\s*(trong đó|bao gồm|gồm)\\b[^;:.\\d]*(\\d[^;:.]*)?$"),
  /** Certificates counted by their recipient: "06 giấy khen tập thể", "3 bằng khen cho cá nhân". */
  awardRecipient: rx("^(giấy khen|bằng khen)\\s+(cho\\s+(các\\s+)?)?(tập thể|cá nhân)\\b"),
  /** Certificates for both recipients together ("16 giấy khen cho các tập thể, cá nhân"): no key. */
  awardBoth: rx("^\\s*(giấy khen|bằng khen)\\s+(cho\\s+(các\\s+)?)?(tập thể|cá nhân)\\s*(,|và|hoặc|/)\\s*(các\\s+)?(tập thể|cá nhân)\\b"),
  together: rx("^(tập thể|cá nhân)\\s*(và|,|;)\\s*(cá nhân|tập thể)"),
  moneyNot: rx("\\bmỗi\\b|bình quân|thu nhập|ngân sách|giá trị (sản xuất|sản lượng)|tổng vốn|doanh thu|lợi nhuận|tổng mức đầu tư|(tiền|quỹ|mức|bảng|trả|tăng|nâng) lương|lương (cơ sở|tối thiểu|hưu|tháng|bình quân)|tổng thu|thu ngân|chi ngân|dư nợ|vay|cho vay|tín dụng|nộp thuế|\\bthuế\\b|giải ngân|đầu tư|" +
    "số vốn|nguồn vốn|vốn điều lệ|uỷ thác|kinh phí (cấp|của) (xã|phường|huyện|tỉnh|thành phố|trung ương|nhà nước)|nhà nước (cấp|đầu tư|hỗ trợ)|" +
    // A fund's balance is not money mobilised in the period: "nâng tổng số quỹ … lên 2,4 tỷ", "Quỹ hội được 1,8 tỷ".
    "nâng tổng (số )?quỹ|tổng (số )?quỹ(?! (vận động|huy động|ủng hộ|quyên góp))|quỹ hội\\b|\\bcó quỹ|tồn quỹ|số dư"),
  /** Investment that the people's contributions were mobilised for: "huy động đầu tư", "xã hội hóa nguồn vốn đầu tư". */
  mobilisedInvestment: new RegExp(rx("(huy động|vận động|xã hội hoá)( (nguồn lực|nguồn vốn|vốn|kinh phí))? đầu tư").source, "gu"),
  /** Money for each item ("mỗi căn trị giá 70 triệu đồng … và 60 triệu đồng"): not a total mobilised. */
  eachWorth: rx("\\bmỗi\\b[^;]{0,25}(trị giá|giá trị|kinh phí|số tiền|mức)[^;]{0,80}$"),
  /** Credit programmes: their money is lent ("Thông qua nguồn vốn Trung ương, … số tiền 1 tỷ 500 triệu đồng"). */
  loanSource: rx("nguồn vốn|vốn vay|\\bvay\\b|quỹ (hỗ trợ nông dân|htnd)"),
  moneyYes: rx("đối ứng|vận động|ủng hộ|đóng góp|hỗ trợ|xã hội hoá|huy động|quyên góp|tài trợ|\\btặng\\b|\\btrao\\b|\\bquỹ\\b|hiến|\\bgóp\\b|chung tay|thăm hỏi|\\bgiúp\\b|nhà hảo tâm|mạnh thường quân"),
  /** Land given: "hiến", or handed over with no compensation taken ("bàn giao … không nhận đền bù"). */
  land: rx("\\bhiến\\b|\\bkhông (nhận|yêu cầu|đòi hỏi|lấy) (tiền )?(đền bù|bồi thường|hỗ trợ)"),
  trees: rx("vận động|\\btrồng\\b|\\btặng\\b|\\btrao\\b|hỗ trợ|huy động|đóng góp|\\bmua\\b|\\bcấp\\b|ủng hộ|\\bgiúp\\b"),
  houses: rx("\\bcất\\b(?! (giữ|giấu|lên|tiếng|cánh))|làm mới|\\bdựng\\b|đại đoàn kết|\\bđđk\\b|tình nghĩa|tình thương|nhân ái|tình đồng đội|hộ nghèo|nhà ở|\\bxây\\b|sửa chữa|bàn giao|khởi công|\\bnhà\\b"),
  // "nhà ĐĐK": Đại đoàn kết abbreviated.
  houseKinds: rx("đại đoàn kết|\\bđđk\\b|tình nghĩa|tình thương|nhân ái|tình đồng đội|mái ấm|cho hộ nghèo|hộ nghèo|\\bở\\b"),
  forThePoor: rx("hộ nghèo|người nghèo|đại đoàn kết|tình nghĩa|tình thương|khó khăn|gia đình chính sách"),
  ocop: rx("\\bocop\\b|mỗi xã một sản phẩm"),
  newRural: rx("nông thôn mới|\\bntm\\b"),
  advanced: rx("nâng cao"),
  model: rx("kiểu mẫu"),
  // Also "địa giới hành chính được chia thành 5 thôn": the whole divided into its villages.
  total: rx("tổng số|toàn (huyện|tỉnh|xã|thành phố|thị xã) (hiện )?có|trên tổng số|chia thành"),
  school: rx("chuẩn quốc gia"),
  returnees: rx("hoàn thành (nghĩa vụ|nvqs\\b)|xuất ngũ|trở về địa phương|\\bđón\\b"),
  served: rx("nghĩa vụ|\\bnvqs\\b|xuất ngũ"),
  recruits: rx("nhập ngũ|giao quân|tân binh|tòng quân|khám tuyển"),
  /** A difference right before the figure, said against an earlier period or not: "tăng 15 lượt", "ít hơn cùng kỳ 18 lượt", "tăng so với năm trước 3 vụ". */
  diff: rx("(tăng|giảm|nhiều hơn|ít hơn|cao hơn|thấp hơn)(( so)?( với)? (cùng kỳ|kỳ trước|năm trước)( năm (trước|\\d{4}))?)?( thêm)?( được)?\\s*$"),
  villages: new Set(["thôn", "buôn", "làng", "bản", "ấp", "tổ dân phố", "khu phố", "tổ"]),
  docs: new Set(["văn bản", "thông báo", "kế hoạch", "nghị quyết", "chỉ thị", "quyết định", "công văn", "hướng dẫn", "kết luận",
    "chương trình", "đề án", "báo cáo", "quy chế", "quy định", "tờ trình"]),
  /** A list of documents counted before the last one: "12 nghị quyết, 18 kế hoạch và ", "02 nghị quyết chuyên đề, 04 kế hoạch và ". */
  docItemsTail: rx("(\\d[\\d.]*\\s*(văn bản|thông báo|kế hoạch|nghị quyết|chỉ thị|quyết định|công văn|hướng dẫn|kết luận|chương trình|đề án|báo cáo|quy chế|quy định|tờ trình)(\\s+\\p{L}+){0,2}\\s*(,|và|;)?\\s*)+$"),
  rate: rx("tỷ lệ"),
  /** Meetings of the committee or the government with the people, held at set times or when needed. */
  withPeople: rx("với\\s+([^\\s]+\\s+){0,3}(nhân dân|người dân|\\bdân\\b|đoàn viên|hội viên|đồng bào|doanh nghiệp|thanh niên|phụ nữ|nông dân)|giữa (cấp uỷ|chính quyền|người đứng đầu|lãnh đạo)"),
  periodic: rx("định kỳ|đột xuất|tiếp xúc"),
  voters: rx("cử tri"),
  /** People of a campaign named by who they are. */
  campaignPeople: new Set(["tín đồ", "chức sắc", "giáo dân", "phật tử", "chức việc", "già làng", "chi hội trưởng", "tổ trưởng", "trưởng thôn", "quần chúng", "đồng bào", "hội viên", "đoàn viên", "cán bộ", "đảng viên", "học sinh", "hộ", "gia đình", "nhân khẩu", "người"]),
  /** People at a conference named by who they are. */
  attendees: new Set(["đại biểu", "đảng viên", "cán bộ", "hội viên", "đoàn viên", "công chức", "uỷ viên"]),
  joined: rx("tham gia|hưởng ứng|\\bdự\\b|thu hút|có mặt"),
  registered: rx("đăng ký"),
  /** Signed or made a commitment: "3.500 hộ ký cam kết …", "ký bản cam kết", "120 trưởng thôn cam kết". */
  signed: rx("(\\bký (bản |giấy )?)?\\bcam kết"),
  /** People commended named by their role: "tặng Bằng khen cho 51 già làng, trưởng thôn, cá nhân tiêu biểu". */
  awardees: new Set(["già làng", "trưởng thôn", "trưởng bản", "trưởng ấp", "tổ trưởng", "trưởng ban", "bí thư", "người có uy tín", "chi hội trưởng", "hội viên", "đoàn viên", "đảng viên", "cán bộ", "công chức", "học sinh", "chức sắc", "chức việc"]),
  /** An emulation title ("đạt danh hiệu Chiến sĩ thi đua cơ sở"): reached, not awarded, unless a commendation comes with it. */
  emulationTitle: rx("danh hiệu|chiến sĩ thi đua|lao động tiên tiến|lao động xuất sắc"),
  awardForm: rx("huân chương|cờ thi đua"),
  /** A commendation itself, not a gift ("tặng quà", "trao học bổng" are not awards). */
  commended: rx("khen thưởng|bằng khen|giấy khen|biểu dương|tuyên dương|vinh danh|kỷ niệm chương|cờ thi đua|huân chương"),
  gift: rx("\\bquà\\b|học bổng|\\bsuất\\b|tiền mặt"),
  /** Soldiers who stay in the army, said right after their count: "12 quân nhân tiếp tục theo học các trường quân đội". */
  stayed: rx("tiếp tục (theo học|phục vụ|công tác|ở lại)|ở lại (đơn vị|quân đội|phục vụ)|tái ngũ|phục vụ lâu dài|(chuyển|trở thành) quân nhân chuyên nghiệp|theo học (các |tại )?(trường|sĩ quan|sỹ quan)"),
  /** Soldiers back home, counted by rank or as comrades. */
  soldiers: new Set(["quân nhân", "hạ sĩ quan", "chiến sĩ", "binh sĩ", "đồng chí", "công dân", "thanh niên", "người"]),
  /** Mediation counted in petitions: "chuyển hòa giải 40 đơn, thành 35 đơn". */
  settledBare: rx("\\bthành\\s*$"),
  /** Households counted in turns ("lượt hộ", "lượt gia đình"); not members ("lượt hội viên"). */
  households: rx("^lượt (hộ|gia đình)\\b"),
  /** People who came to a reception desk to speak: "52 người đến trình bày, kiến nghị". */
  cameToSay: rx("^\\s*(người\\s+)?(đến|tới)\\s+(để\\s+)?(trình bày|kiến nghị|phản ánh|khiếu nại|tố cáo|liên hệ|đề nghị)"),
  /** An item that names a place or a military or police unit: "xã Ia Sao: 12", "Lữ đoàn 572 có 20". */
  byPlace: rx(`${PLACE_OR_UNIT}[^;.]{0,40}$`),
  petition: rx("\\bđơn\\b"),
  /** The worth of a work ("đường bê tông trị giá 2 tỷ đồng"), and a contributed part named after it. */
  worth: rx("trị giá|giá trị"),
  // Money after it ("Nhân dân đóng góp 600 triệu đồng"), not a count ("vận động hỗ trợ sửa nhà cho 6 hội viên").
  contribAfter: rx("(đóng góp|ủng hộ|vận động|huy động|xã hội hoá)[^.;\\d]{0,50}\\d[\\d.,]*\\s*(tỷ|tỉ|triệu|nghìn|ngàn|đồng)"),
  /** Money allocated or spent: after "trong đó", a part of a total already counted. */
  spent: rx("\\b(phân bổ|chi|sử dụng)\\b"),
  /** "150 đại biểu đại diện cho 3.400 hội viên": a congress's delegates, and the members they stand for. */
  // "40/40 đại biểu chính thức, đại diện cho 155 hội viên", "63 đại biểu đại diện Nhân dân 21 thôn": whom they stand for, a count after.
  represents: rx("^\\s*[\\p{L}\\p{M} ,]{0,30}?\\bđại diện( cho)?\\s+([\\p{L}\\p{M}]+\\s+){0,2}?(hơn |trên |gần |khoảng )?\\d"),
  representedBy: rx("\\bđại diện( cho)?\\s*(hơn|trên|gần|khoảng)?\\s*$"),
  /** A household given a house: "hỗ trợ 25 hộ nghèo làm nhà", "sửa chữa nhà ở cho 8 hộ" (not "nhà văn hóa", "nhà vệ sinh"). */
  /** "xóa nhà tạm, nhà dột nát cho 396 hộ": the houses named before the households they were for. */
  houseForHouseholds: rx("\\b(xoá|xây|xây dựng|xây mới|sửa chữa|làm|cất|dựng)( mới| lại)?\\s+(nhà|mái ấm)\\b(?! (văn|máy|thờ|xưởng|sinh hoạt|vệ sinh|tiêu|tắm))[^.;\\d]{0,40}\\bcho\\s*(gần|hơn|trên|khoảng)?\\s*$"),
  // Not a cultural house ("nhà văn hóa"): "12 hộ hiến đất làm nhà văn hóa thôn" gave land, got no house.
  householdHouse: rx("(làm|xây|xây dựng|xây mới|sửa chữa|cất|dựng|bàn giao|hỗ trợ|tặng|trao|xoá)( mới| lại)?( [\\p{L}\\p{M}]+){0,2} (nhà|mái ấm)\\b(?! (văn|máy|thờ|xưởng|sinh hoạt|vệ sinh|tiêu|tắm))"),
  /** Words of a petition desk: under such a label petitions are not mediation cases. */
  petitionDesk: rx("khiếu nại|tố cáo|tiếp (công )?dân|phản ánh|kiến nghị"),
  /** Pilot communes of a programme or a model ("xã điểm", "xã thí điểm"). */
  pilot: rx("^xã (thí )?điểm\\b"),
  /** Communes that reached the new-rural standard, said at the end of their clause. */
  reached: rx("đạt chuẩn (nông thôn mới|ntm)"),
  /** A bare count of models or exemplars: "48 mô hình được công nhận", "87 mô hình tập thể và 40 …" (not "48 mô hình kinh tế"). */
  /** Models counted over the fields of life, as Dân vận khéo models are: "59 mô hình trên các lĩnh vực". */
  modelsInFields: rx("^mô hình\\s+(trên|ở|thuộc)\\s+(các|tất cả các|mọi|nhiều)\\s+lĩnh vực"),
  /** A paragraph about Dân vận khéo models: "trở thành mô hình, điển hình “Dân vận khéo”", "phong trào thi đua “Dân vận khéo”". */
  dvkModelsPassage: rx("(mô hình|điển hình|phong trào( thi đua)?)[,\\s]*(điển hình\\s*)?[“\"'‘]?\\s*dân vận khéo"),
  /** Models built or counted, not planned: "đã xây dựng 59 mô hình", "có 40 mô hình". */
  modelsBuilt: rx("(xây dựng|\\bcó\\b|đăng ký|công nhận|triển khai|duy trì|nhân rộng)[^,;]{0,30}$"),
  bareModels: rx("^(mô hình|điển hình)(,? (mô hình|điển hình))?( (tập thể|cá nhân))?\\s*((được|đã|đạt|tiêu biểu|có hiệu quả|hoạt động|và)\\b|$)"),
  /** Sessions of mobilising the people counted in the sentence: "45 buổi tuyên truyền, vận động", "12 buổi phát động",
   * "1.250 cuộc tuyên truyền, vận động" (not a campaign itself: "3 cuộc vận động"). */
  mobilisingSessions: rx("\\d\\s*(buổi\\s+([\\p{L}\\p{M}]+[ ,]+){0,3}|cuộc\\s+([\\p{L}\\p{M}]+[ ,]+){1,3})(vận động|phát động)"),
  /** A count of sessions just before, no other number between but the places they were held at: "120 buổi tuyên truyền,
   * thu hút ", "45 buổi với ", "145 buổi tuyên truyền tại 45 thôn, buôn, với "; also counted in "cuộc" ("12 cuộc họp dân với ",
   * "tuyên truyền được 154 cuộc, có "; the audience between: "tuyên truyền cho cán bộ, hội viên … được 356 cuộc có ";
   * their topics ending in "..." right before the verb: "… các phong trào thi đua... thu hút trên "; not a new sentence
   * after the "...": "pháp luật... Các chi hội thu hút "). */
  sessionsJustBefore: rx("(\\d\\s*buổi|\\d\\s*cuộc(?=\\s+(họp|tuyên truyền))|tuyên truyền(?:[^\\d;.]|(?:19|20)\\d\\d){0,200}\\d[\\d.]*\\s*cuộc)\\b([^\\d;.]|\\.\\.\\.(?=\\s*,?\\s*(thu hút|với|có)\\s[^\\d.]{0,12}$)){0,100}(\\btại\\s*\\d[\\d.]*\\s*(thôn|buôn|bản|làng|ấp|tổ dân phố|khu dân cư|xã)\\b[^\\d;.]{0,30})?$"),
  /** What joins sessions to the people they drew: "…, thu hút ", "… với hơn ", "…, có ", "… 356 cuộc có ". */
  drawsPeople: rx("(\\bvới|thu hút|^\\s*có|\\d\\s*(cuộc|buổi)\\s+có)\\s*(hơn|trên|gần|khoảng)?\\s*$"),
  /** Meetings held to review, to elect or to celebrate. */
  ceremony: rx("tổng kết|sơ kết|giao ban|đại hội|kỷ niệm|họp mặt|gặp mặt|tuyên dương|biểu dương|\\blễ\\b"),
  /** Visitors received, not citizens at a reception desk. */
  visitors: rx("đoàn khách|\\bkhách\\b|đến thăm|thăm và làm việc|thăm, làm việc|chúc tết|chúc mừng"),
  perUnit: rx("^[^,;]{0,20}/\\s*\\p{L}"),
  /** The kinds of commune listed after a count of communes: "35 xã, thị trấn", "12 xã, phường, thị trấn". */
  communeKinds: rx("^\\s*xã((,|\\s+và)\\s+(phường|thị trấn|đặc khu))+"),
  /** A rate named in its own clause: "tỷ lệ hộ nghèo", not a bare "tỷ lệ" or "tỷ lệ đạt". */
  ownRate: rx("(tỷ lệ|tỉ lệ)\\s+(?!(đạt|là|chiếm|trên|gần|khoảng|hơn)\\b)\\p{L}"),
  /** A label of its own right before the number: "hộ nghèo: ", "- Hòa giải thành: ". */
  ownLabel: /[\p{L}\p{M}]{2,}[\p{L}\p{M} ]{0,38}:\s*$/u,
  /** Teams hosted, not formed: "tiếp và làm việc với 5 đoàn", "phục vụ 3 đoàn", "đón 2 đoàn". */
  hostedTeams: rx("(\\blàm việc với|\\bphục vụ|\\bđón( tiếp)?|\\bđón tiếp)\\s*(hơn|trên|gần|khoảng)?\\s*$"),
  /** The verb of reception right before a count of delegations: "tiếp định kỳ 04 đoàn". */
  receivedDelegation: rx("\\btiếp( (định kỳ|đột xuất|thường xuyên|trực tiếp))?\\s*$"),
  /** The size that defines each of a kind, not a count: "mỗi lượt đoàn có từ 5 người trở lên". */
  eachHas: rx("\\bmỗi\\b[^,;.\\d]{0,30}\\b(có|gồm)\\s*(từ\\s*)?$"),
  /** Petitions processed, the verb of receiving not said with it: "đã xử lý 480 đơn". */
  processed: rx("\\b(xử lý|trả lời)\\s*(được\\s*)?$"),
  /** A count of petitions received said before in the sentence: "tiếp nhận 500 đơn; …". */
  receivedCountBefore: rx("(tiếp nhận|nhận được)[^.;\\d]{0,30}\\d[\\d.]*\\s*(đơn|đơn thư)\\b"),
  /** Petitions sorted after they were received: "qua phân loại có 40 đơn khiếu nại, 12 đơn tố cáo". */
  classified: rx("\\bqua (phân loại|xử lý|rà soát)\\b"),
  /** An item of petitions by timeliness: "đúng hạn 01 đơn", "quá hạn 03 đơn". */
  timeliness: rx("(đúng|quá|trễ|chậm) hạn[^,;\\d]{0,10}$"),
};

/** Counted nouns whose share ("100% thôn", "80% xã đạt chuẩn") keeps the count's indicator. */
export const SHARED_UNITS = new Set(["xã", "trường", "vụ"]);
