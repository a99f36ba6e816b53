/**
 * Pure: the language of the reports, as data and small predicates. Which words count things
 * (cuộc, lượt, người, vụ…), which words before a number make it a name, a date or a document
 * number, and which context gives a figure its catalog indicator. Written from the genre
 * (sơ kết / tổng kết dân vận reports, provincial news), not from any one text.
 * Every pattern is written in ordinary spelling and folded with keyOf (hòa = hoà, lower case).
 */
import { keyOf } from "./normalize.ts";

/** A regex over key text; `\b` means a Vietnamese word boundary. */
export function rx(src: string): RegExp {
  const W = "[\\p{L}\\p{M}\\p{N}]";
  const folded = keyOf(src).replace(/\\p\{(\w+)\}/g, (_, n: string) => `\\p{${n.length === 1 ? n.toUpperCase() : n[0]!.toUpperCase() + n.slice(1)}}`);
  // "\b" before a letter opens a word (looks behind); anywhere else it closes one (looks ahead).
  const bounded = folded.replace(/\\b/g, (_m, at: number) => {
    const next = /^(?:\((?:\?:)?)*(.)/u.exec(folded.slice(at + 2))?.[1] ?? "";
    return /[\p{L}\p{M}\p{N}]/u.test(next) ? `(?<!${W})` : `(?!${W})`;
  });
  return new RegExp(bounded, "u");
}

/** Counted nouns after a number, with the unit reported (longest surface first). */
const UNIT_LIST: Array<[string, string]> = [
  ["lượt người", "lượt"], ["lượt", "lượt"], ["chỉ tiêu", "chỉ tiêu"], ["hội quán", "hội quán"], ["công lao động", "công"], ["đồng chí", "đồng chí"], ["hoà giải viên", "hoà giải viên"], ["ngày hội", "ngày hội"], ["kỳ họp", "kỳ họp"], ["khoá học", "khoá"], ["khoá", "khoá"], ["lớp học", "lớp"], ["người", "người"], ["ngày công", "ngày công"], ["cựu quân nhân", "quân nhân"], ["quân nhân", "quân nhân"],
  ["hạ sĩ quan", "hạ sĩ quan"], ["chiến sĩ", "chiến sĩ"], ["binh sĩ", "binh sĩ"], ["tân binh", "tân binh"], ["tín đồ", "tín đồ"], ["chức sắc", "chức sắc"],
  // Religious dignitaries and believers ("1 Giám mục", "277 linh mục", "1.200 giáo dân"): people, even in capitals.
  ["giám mục", "giám mục"], ["linh mục", "linh mục"], ["mục sư", "mục sư"], ["tu sĩ", "tu sĩ"], ["chức việc", "chức việc"], ["giáo dân", "giáo dân"], ["phật tử", "phật tử"], ["già làng", "già làng"],
  ["chi hội trưởng", "chi hội trưởng"], ["trưởng thôn", "trưởng thôn"], ["người dân", "người"], ["quần chúng", "quần chúng"], ["đồng bào", "đồng bào"],
  ["tập thể", "tập thể"], ["cá nhân", "cá nhân"], ["hội nghị", "hội nghị"], ["văn bản", "văn bản"], ["thông báo", "thông báo"],
  ["kế hoạch", "kế hoạch"], ["nghị quyết", "nghị quyết"], ["chỉ thị", "chỉ thị"], ["quyết định", "quyết định"], ["công văn", "công văn"],
  ["hướng dẫn", "hướng dẫn"], ["kết luận", "kết luận"], ["chương trình", "chương trình"], ["đề án", "đề án"], ["báo cáo", "báo cáo"],
  ["quy chế", "quy chế"], ["quy định", "quy định"], ["tờ trình", "tờ trình"],
  ["sản phẩm", "sản phẩm"], ["nội dung", "nội dung"], ["mô hình", "mô hình"], ["gương điển hình", "điển hình"], ["điển hình", "điển hình"], ["công trình", "công trình"],
  ["dự án", "dự án"], ["hộ gia đình", "hộ"], ["hộ", "hộ"], ["gia đình", "gia đình"], ["học sinh", "học sinh"], ["sinh viên", "sinh viên"],
  ["hội viên", "hội viên"], ["đoàn viên", "đoàn viên"], ["đảng viên", "đảng viên"], ["thành viên", "thành viên"], ["uỷ viên", "uỷ viên"], ["cán bộ", "cán bộ"],
  ["công chức", "công chức"], ["tổ chức", "tổ chức"], ["doanh nghiệp", "doanh nghiệp"], ["hợp tác xã", "hợp tác xã"], ["cơ sở", "cơ sở"],
  ["cơ quan", "cơ quan"], ["đơn vị", "đơn vị"], ["công dân", "công dân"], ["vụ việc", "vụ"], ["vụ", "vụ"], ["đơn thư", "đơn"], ["đơn", "đơn"],
  ["căn nhà", "căn"], ["căn", "căn"], ["ngôi nhà", "ngôi"], ["ngôi", "ngôi"], ["nhà", "nhà"], ["giống cây", "cây"], ["cây số", "km"], ["cây", "cây"],
  ["mái ấm", "mái ấm"], ["suất quà", "suất"], ["suất", "suất"], ["phần quà", "phần quà"], ["tấn", "tấn"], ["tạ", "tạ"], ["kg", "kg"], ["m2", "m2"], ["m²", "m²"],
  ["m3", "m3"], ["mét vuông", "m2"], ["km2", "km2"], ["km", "km"], ["ha", "ha"], ["héc-ta", "ha"], ["hécta", "ha"], ["mét", "m"], ["m", "m"],
  ["lít", "lít"], ["con", "con"], ["chiếc", "chiếc"], ["bộ", "bộ"], ["tin, bài", "tin bài"], ["tin bài", "tin bài"], ["tin", "tin"], ["bài", "bài"],
  ["chi hội", "chi hội"], ["chi bộ", "chi bộ"], ["tổ dân phố", "tổ dân phố"], ["khu phố", "khu phố"], ["tổ", "tổ"], ["đội", "đội"],
  ["đoàn", "đoàn"], ["cuộc", "cuộc"], ["buổi", "buổi"], ["đợt", "đợt"], ["lớp", "lớp"], ["trường hợp", "trường hợp"], ["trường", "trường"], ["xã", "xã"], ["phường", "phường"],
  ["thị trấn", "thị trấn"], ["thôn", "thôn"], ["buôn", "buôn"], ["làng", "làng"], ["bản", "bản"], ["ấp", "ấp"], ["huyện", "huyện"],
  ["tỉnh", "tỉnh"], ["ý kiến", "ý kiến"], ["kiến nghị", "kiến nghị"], ["lao động", "lao động"], ["bằng khen", "bằng khen"],
  ["giấy khen", "giấy khen"], ["câu lạc bộ", "câu lạc bộ"], ["nhóm", "nhóm"], ["lần", "lần"], ["phiên", "phiên"], ["điểm", "điểm"],
  ["tỷ đồng", "đồng"], ["vnđ", "đồng"], ["vnd", "đồng"], ["usd", "USD"], ["đ", "đồng"],
];
export const UNITS: ReadonlyArray<[string, string]> = UNIT_LIST.map(([s, u]) => [keyOf(s), u] as [string, string]).sort((a, b) => b[0].length - a[0].length);

/** "đồng" is money unless it starts another word (đồng bào, đồng chí…). */
export const MONEY = rx("^đồng(?! ?(bào|chí|thời|ý|hành|bằng|lòng|đội|tiền|ruộng|cỏ|hồ|tâm|nghiệp))");
/** After millions or billions, "đồng tiền" is money too: "1,8 tỷ đồng tiền Quỹ". */
export const MONEY_SCALED = rx("^đồng tiền");

/** Words after a number that make it a date, a time, an age, a period, a rating: not figures. */
export const NOT_UNIT = rx(
  "^(tuổi|sao\\b|giờ|phút|giây|tháng|năm\\b|tuần|thế kỷ|lần thứ|tầng|độ c|°|ngày(?! (công|hội))|nhiệm kỳ|h\\d|g\\d|" +
    "đánh giá|lượt xem|lượt truy cập|bình luận|lượt thích|lượt chia sẻ|trong \\d|ký tự|mục\\b(?! sư)|điều\\b|khoản\\b|trang\\b|" +
    // "Quỹ Vì người nghèo 4 cấp", "chính quyền 2 cấp": a kind of organisation, not a count ("25 cấp ủy" is one).
    "cấp\\b(?! uỷ))",
);

/** Function words: a number followed by one of these has no counted noun. */
export const STOP_WORDS = new Set(
  ("và của trong đến tới là có được đã các những với tại ở cho thì mà từ trên dưới theo về khi nếu bị để này đó so hoặc hay " +
    "nhưng vào ra lên xuống đều cũng còn sẽ đang vẫn chỉ rất nên vì do bằng như sau trước giữa qua nhằm gồm đạt tăng giảm trở " +
    "thuộc kể mỗi mới nay gì ai hơn gần khoảng tỷ lệ chiếm là đây kia ấy thứ hàng mấy vài chưa không cùng lại tiếp")
    .split(" ").map(keyOf),
);

/** The word right before a number that makes it an ordinal, a name, a date or a document number. */
export const NAME_BEFORE_1 = new Set(
  ("thứ đợt lần kỳ khoá số điều khoản mục phần chương trang câu hạng độ lớp phòng lô tuyến đường km thôn xóm ấp " +
    "bản làng khu khóm phường quận đội đoàn vùng top covid ngày tháng năm quý tuần hôm lúc sáng chiều tối đêm trưa hotline fax tel " +
    "sđt đt mã hộp kênh tổ buôn nhóm phiên luật biểu lục hẻm ngõ ngách kiệt").split(" ").map(keyOf),
);
export const NAME_BEFORE_2 = new Set(
  ["giai đoạn", "nhiệm kỳ", "kỳ họp", "lần thứ", "chỉ thị", "nghị quyết", "nghị định", "quyết định", "thông tư", "thông báo", "kế hoạch",
    "công văn", "hướng dẫn", "kết luận", "tờ trình", "chương trình", "đề án", "dự án", "công tác", "chuyên trách", "điện thoại",
    "di động", "dân phố", "khu phố", "tiểu khu", "quốc lộ", "tỉnh lộ", "huyện lộ", "năm học", "niên độ", "sắc lệnh", "quy định",
    "báo cáo", "văn bản", "tiểu đoàn", "trung đoàn", "sư đoàn", "quân đoàn", "quân khu", "hải đội", "chi đội", "liên đội", "phân đội",
    "đội công", "mã số", "số hiệu", "hộp thư", "tổ công", "khu vực", "cụm dân", "đoàn kinh", "nhà số", "xe số", "độ tuổi"].map(keyOf),
);

/** Words before a four-digit number that make it a year. */
export const YEAR_BEFORE = new Set("năm từ đến tới khoá niên kỳ đoạn và hết cuối đầu giữa".split(" ").map(keyOf));

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
}

const R = {
  hoaGiai: rx("hoà giải"),
  notSettled: rx("không thành|chưa thành|chưa giải quyết|chưa xong|đang (trong quá trình )?(hoà giải|giải quyết|xác minh)|\\btồn\\b"),
  hoaGiaiThanh: rx("(hoà giải thành|\\bthành công\\b|\\bthành\\s*$)"),
  hoaGiaiThanhRight: rx("hoà giải thành|\\bthành công\\b"),
  petitionSubset: rx("đủ điều kiện|tồn đọng|\\btồn\\b|kỳ trước|chuyển sang|chuyển (đến|cho|cơ quan)|trùng|không thuộc|hướng dẫn|rút đơn|đôn đốc|(phải|cần|phải được) giải quyết|đang (trong quá trình )?(giải quyết|xem xét|xác minh|xử lý)|chưa giải quyết|lưu đơn"),
  resolvedLeft: rx("giải quyết"),
  receivedLeft: rx("tiếp nhận|nhận được|\\bnhận\\b"),
  resolvedRight: rx("(đã|được) (được )?giải quyết|giải quyết (xong|dứt điểm)"),
  dialogue: rx("đối thoại"),
  reception: rx("(?<!(trực|gián|kế|liên|nối|chuyển|tiếp) )\\btiếp\\b(?! (tục|nhận|thu|cận|xúc|giáp|theo|sức|tế|đón|thị|diễn|tuyến|nối|quản|sau|đến|tới|thêm|đó|cho|với))|tiếp công dân|tiếp dân|tiếp xúc, đối thoại"),
  received: rx("(được|đến) tiếp\\b|tiếp công dân"),
  receptionDesk: rx("tiếp công dân|tiếp dân|lượt công dân"),
  peopleTurns: rx("^lượt (người|công dân|cử tri|hộ|đại biểu|ý kiến|kiến nghị|câu hỏi)"),
  receptionRight: rx("^lượt (công dân|đoàn(?! viên))\\b"),
  conference: rx("hội nghị|quán triệt|tập huấn|hội thảo|học tập nghị quyết"),
  join: rx("tham gia|thu hút"),
  attend: rx("\\b(tham )?dự\\b"),
  campaign: rx("phát động"),
  oversight: rx("giám sát|khảo sát"),
  inspection: rx("kiểm tra"),
  outreach: rx("thâm nhập|bám (sát )?(cơ sở|địa bàn|dân|thôn|buôn|bản|làng)|\\bbám\\b"),
  propaganda: rx("phát động|tuyên truyền|vận động|phổ biến"),
  dissemination: rx("quán triệt|tuyên truyền|phổ biến|học tập|triển khai|lồng ghép|tập huấn|nghị quyết|chỉ thị"),
  issue: rx("ban hành|tham mưu|xây dựng|soạn thảo|dự thảo|\\bra\\b"),
  notIssue: rx("thực hiện|triển khai|tiếp nhận|\\bnhận\\b|quán triệt|học tập|của (trung ương|tỉnh|huyện|cấp trên)"),
  higherLevel: rx("của (trung ương|tỉnh|thành phố|cấp trên|tỉnh uỷ|bộ|ban)"),
  dvk: rx("dân vận khéo|\\bdvk\\b"),
  /** A sentence that breaks down the figure of the sentence before it. */
  breakdown: rx("^\\s*(trong đó|cụ thể|bao gồm|gồm)\\b"),
  /** A briefing on a resolution, and the people it reached ("cho 12.500 lượt cán bộ"). */
  briefed: rx("quán triệt|học tập (nghị quyết|chỉ thị|kết luận)"),
  briefedRight: rx("^lượt (người|cán bộ|đảng viên|hội viên|đoàn viên)"),
  crowd: rx("đông người"),
  briefing: rx("quán triệt|tập huấn|hội thảo|học tập|tuyên truyền|phổ biến|triển khai"),
  /** Petitions within the body's competence: a subset of those received. */
  competent: rx("(thuộc|theo) thẩm quyền"),
  competenceOnly: rx("thẩm quyền giải quyết"),
  resolvedDone: rx("(đã|được) giải quyết|giải quyết (xong|được|dứt điểm)"),
  /** How a petition was decided (founded, unfounded, withdrawn): a breakdown of those resolved. */
  outcome: rx("\\b(đúng|sai)\\b|được rút|rút đơn"),
  /** What opens a breakdown of the count before it: "… với 651 đơn khiếu nại", "(gồm 359 đơn…". */
  breakdownOpen: rx("\\b(với|gồm|bao gồm|trong đó)\\b|\\("),
  /** A target or a plan, not a result: "phấn đấu vận động đạt 800 triệu đồng", "mục tiêu … đạt 500.000.000 đồng". */
  target: rx("phấn đấu|mục tiêu(?! quốc gia)|dự kiến|\\bsẽ\\b"),
  /** A count inside a programme's name is its goal: "hưởng ứng đề án trồng 1 tỷ cây xanh". */
  programme: rx("(đề án|chương trình|kế hoạch)\\s+[^\\s,;()]+\\s*$"),
  /** Complaints and denunciations: "vụ việc khiếu nại, tố cáo" resolved are petitions resolved. */
  complaint: rx("khiếu nại|tố cáo|đơn thư|\\bđơn\\b"),
  /** Before an award word, a proposal: "đề nghị khen thưởng 19 tập thể" has not been awarded yet. */
  proposal: rx("đề nghị|đề xuất|xét đề nghị"),
  /** Training in techniques or trades (tập huấn chuyển giao KHKT, dạy nghề) is not dissemination of policy. */
  technical: rx("chuyển giao|kỹ thuật|\\bkhkt\\b|dạy nghề|khuyến (nông|lâm|ngư)"),
  /** Loan funds and credit: their money is lent, not mobilised. */
  loanFund: rx("quỹ (hỗ trợ nông dân|htnd|hỗ trợ phụ nữ|tín dụng|quay vòng)"),
  loanAfter: rx("\\bvay\\b|dư nợ|giải ngân"),
  donate: rx("vận động|ủng hộ|đóng góp|quyên góp|tài trợ"),
  award: rx("khen thưởng|bằng khen|giấy khen|biểu dương|tuyên dương|\\bkhen\\b|vinh danh|\\btặng\\b|\\btrao\\b|kỷ niệm chương|danh hiệu"),
  together: rx("^(tập thể|cá nhân)\\s*(và|,|;)\\s*(cá nhân|tập thể)"),
  moneyNot: rx("\\bmỗi\\b|bình quân|thu nhập|ngân sách|giá trị (sản xuất|sản lượng)|tổng vốn|doanh thu|lợi nhuận|tổng mức đầu tư|(tiền|quỹ|mức|bảng|trả|tăng|nâng) lương|lương (cơ sở|tối thiểu|hưu|tháng|bình quân)|tổng thu|thu ngân|chi ngân|dư nợ|vay|cho vay|tín dụng|nộp thuế|\\bthuế\\b|giải ngân|đầu tư|" +
    "số vốn|nguồn vốn|vốn điều lệ|uỷ thác|kinh phí (cấp|của) (xã|phường|huyện|tỉnh|thành phố|trung ương|nhà nước)|nhà nước (cấp|đầu tư|hỗ trợ)|" +
    // A fund's balance is not money mobilised in the period: "nâng tổng số quỹ … lên 2,4 tỷ", "Quỹ hội được 1,8 tỷ".
    "tổng (số )?quỹ|quỹ hội\\b|\\bcó quỹ|tồn quỹ|số dư"),
  /** Money for each item ("mỗi căn trị giá 70 triệu đồng … và 60 triệu đồng"): not a total mobilised. */
  eachWorth: rx("\\bmỗi\\b[^;]{0,25}(trị giá|giá trị|kinh phí|số tiền|mức)[^;]{0,80}$"),
  /** Credit programmes: their money is lent ("Thông qua nguồn vốn Trung ương, … số tiền 1 tỷ 500 triệu đồng"). */
  loanSource: rx("nguồn vốn|vốn vay|\\bvay\\b|quỹ (hỗ trợ nông dân|htnd)"),
  moneyYes: rx("đối ứng|vận động|ủng hộ|đóng góp|hỗ trợ|xã hội hoá|huy động|quyên góp|tài trợ|\\btặng\\b|\\btrao\\b|\\bquỹ\\b|hiến|\\bgóp\\b|chung tay|thăm hỏi|\\bgiúp\\b"),
  land: rx("\\bhiến\\b"),
  trees: rx("vận động|\\btrồng\\b|\\btặng\\b|\\btrao\\b|hỗ trợ|huy động|đóng góp|\\bmua\\b|\\bcấp\\b|ủng hộ|\\bgiúp\\b"),
  houses: rx("cất mới|làm mới|\\bdựng\\b|đại đoàn kết|tình nghĩa|tình thương|nhân ái|tình đồng đội|hộ nghèo|nhà ở|\\bxây\\b|sửa chữa|bàn giao|khởi công|\\bnhà\\b"),
  houseKinds: rx("đại đoàn kết|tình nghĩa|tình thương|nhân ái|tình đồng đội|mái ấm|cho hộ nghèo|hộ nghèo|\\bở\\b"),
  forThePoor: rx("hộ nghèo|người nghèo|đại đoàn kết|tình nghĩa|tình thương|khó khăn|gia đình chính sách"),
  ocop: rx("\\bocop\\b|mỗi xã một sản phẩm"),
  newRural: rx("nông thôn mới|\\bntm\\b"),
  advanced: rx("nâng cao"),
  model: rx("kiểu mẫu"),
  total: rx("tổng số|toàn (huyện|tỉnh|xã|thành phố|thị xã) (hiện )?có|trên tổng số"),
  school: rx("chuẩn quốc gia"),
  returnees: rx("hoàn thành nghĩa vụ|xuất ngũ|trở về địa phương|\\bđón\\b"),
  served: rx("nghĩa vụ|xuất ngũ"),
  recruits: rx("nhập ngũ|giao quân|tân binh|tòng quân|khám tuyển"),
  diff: rx("(tăng|giảm|nhiều hơn|ít hơn)( thêm)?( được)?\\s*$"),
  villages: new Set(["thôn", "buôn", "làng", "bản", "ấp", "tổ dân phố", "khu phố", "tổ"]),
  docs: new Set(["văn bản", "thông báo", "kế hoạch", "nghị quyết", "chỉ thị", "quyết định", "công văn", "hướng dẫn", "kết luận",
    "chương trình", "đề án", "báo cáo", "quy chế", "quy định", "tờ trình"]),
  rate: rx("tỷ lệ"),
  /** Meetings of the committee or the government with the people, held at set times or when needed. */
  withPeople: rx("với\\s+([^\\s]+\\s+){0,3}(nhân dân|người dân|\\bdân\\b|đoàn viên|hội viên|đồng bào|doanh nghiệp|thanh niên|phụ nữ|nông dân)|giữa (cấp uỷ|chính quyền|người đứng đầu|lãnh đạo)"),
  periodic: rx("định kỳ|đột xuất|tiếp xúc"),
  voters: rx("cử tri"),
  /** People of a campaign named by who they are. */
  campaignPeople: new Set(["tín đồ", "chức sắc", "giáo dân", "phật tử", "chức việc", "già làng", "chi hội trưởng", "trưởng thôn", "quần chúng", "đồng bào", "hội viên", "đoàn viên", "cán bộ", "đảng viên", "học sinh", "hộ", "gia đình", "người"]),
  /** People at a conference named by who they are. */
  attendees: new Set(["đại biểu", "đảng viên", "cán bộ", "hội viên", "đoàn viên", "công chức", "uỷ viên"]),
  joined: rx("tham gia|hưởng ứng|\\bdự\\b|thu hút|có mặt"),
  registered: rx("đăng ký"),
  /** Soldiers back home, counted by rank or as comrades. */
  soldiers: new Set(["quân nhân", "hạ sĩ quan", "chiến sĩ", "binh sĩ", "đồng chí", "công dân", "thanh niên", "người"]),
  /** Mediation counted in petitions: "chuyển hòa giải 40 đơn, thành 35 đơn". */
  settledBare: rx("\\bthành\\s*$"),
  households: rx("^lượt (hộ|gia đình)"),
  /** People who came to a reception desk to speak: "52 người đến trình bày, kiến nghị". */
  cameToSay: rx("^\\s*(người\\s+)?(đến|tới)\\s+(trình bày|kiến nghị|phản ánh|khiếu nại|tố cáo)"),
  /** An item that names a place or a military or police unit: "xã Ia Sao: 12", "Lữ đoàn 572 có 20". */
  byPlace: rx("(\\b(xã|phường|thị trấn|huyện|thị xã|quận|thành phố|tỉnh)\\s+\\p{L}|\\b(lữ đoàn|sư đoàn|trung đoàn|tiểu đoàn|quân khu|quân chủng|bộ chỉ huy|bộ chqs|chqs|biên phòng|công an|hải quân|đơn vị)\\b)[^;.]{0,40}$"),
  petition: rx("\\bđơn\\b"),
  /** The worth of a work ("đường bê tông trị giá 2 tỷ đồng"), and a contributed part named after it. */
  worth: rx("trị giá|giá trị"),
  contribAfter: rx("(đóng góp|ủng hộ|vận động|huy động|xã hội hoá)[^.;\\d]{0,50}\\d"),
  /** Money allocated or spent: after "trong đó", a part of a total already counted. */
  spent: rx("\\b(phân bổ|chi|sử dụng)\\b"),
  /** A household given a house: "hỗ trợ 25 hộ nghèo làm nhà", "sửa chữa nhà ở cho 8 hộ" (not "nhà văn hóa", "nhà vệ sinh"). */
  householdHouse: rx("(làm|xây|xây dựng|xây mới|sửa chữa|cất|dựng|bàn giao|hỗ trợ|tặng|trao|xoá)( mới| lại)?( [\\p{L}\\p{M}]+){0,2} (nhà|mái ấm)\\b(?! (văn hoá|máy|thờ|xưởng|sinh hoạt|vệ sinh|tiêu|tắm))"),
  /** Words of a petition desk: under such a label petitions are not mediation cases. */
  petitionDesk: rx("khiếu nại|tố cáo|tiếp (công )?dân|phản ánh|kiến nghị"),
  /** Communes that reached the new-rural standard, said at the end of their clause. */
  reached: rx("đạt chuẩn (nông thôn mới|ntm)"),
  /** A bare count of models or exemplars: "48 mô hình được công nhận" (not "48 mô hình kinh tế"). */
  bareModels: rx("^(mô hình|điển hình)(,? (mô hình|điển hình))?( (tập thể|cá nhân))?\\s*((được|đã|đạt|tiêu biểu|có hiệu quả)\\b|$)"),
  perUnit: rx("^[^,;]{0,20}/\\s*\\p{L}"),
};

/**
 * "Dân vận khéo" named in the sentence (anywhere in it), or in the passage before a sentence that
 * breaks its figure down ("…274 mô hình, điển hình Dân vận khéo. Trong đó, 194 mô hình tập thể…").
 */
function dvkContext(f: RuleInput): boolean {
  return R.dvk.test(f.before) || R.dvk.test(f.tail) || R.dvk.test(f.rest) || (R.breakdown.test(f.before) && R.dvk.test(f.wide));
}

/** "Dân vận khéo" named in the sentence right before this one (about 200 chars before its start). */
function dvkBefore(f: RuleInput): boolean {
  const cut = f.wide.length - f.before.length;
  return cut > 0 && R.dvk.test(f.wide.slice(Math.max(0, cut - 200), cut));
}

/**
 * Soldiers back home: said in the sentence, or in the passage before when the sentence only counts them
 * ("Lễ đón quân nhân hoàn thành nghĩa vụ quân sự … 22 đồng chí quân nhân tại buổi lễ"); not recruits.
 */
function returning(f: RuleInput, sentence: string): boolean {
  if (R.recruits.test(sentence)) return false;
  if (R.returnees.test(sentence) && R.served.test(sentence)) return true;
  const passage = f.wide.slice(-300);
  return R.returnees.test(passage) && R.served.test(passage) && !R.recruits.test(passage);
}

/** "12 hội nghị định kỳ, đột xuất giữa cấp ủy, chính quyền với Nhân dân": meetings with the people (not voters). */
function meetsPeople(f: RuleInput): boolean {
  const s = f.seg + " " + f.right + " " + f.tail.slice(0, 120);
  return R.periodic.test(s) && R.withPeople.test(s) && !R.voters.test(s) && !R.conference.test(f.right.replace(keyOf("hội nghị"), ""));
}

/**
 * A petition count that breaks down a subset named before it (eligible, within the body's competence,
 * carried over…): "5.591 đơn đủ điều kiện xử lý với 651 đơn khiếu nại, 281 đơn tố cáo", "869 đơn thuộc
 * thẩm quyền (khiếu nại, tố cáo 147 đơn; kiến nghị, phản ánh 722 đơn)". Its parts are not received.
 */
function subsetBreakdown(f: RuleInput): boolean {
  const subset = (s: string) => R.petitionSubset.test(s) || R.competent.test(s);
  // In the sentence: a subset word, then what opens its breakdown, before the number.
  const m = lastMatch(rx("đủ điều kiện|thẩm quyền|tồn đọng|kỳ trước|chuyển sang"), f.before);
  if (m >= 0 && R.breakdownOpen.test(f.before.slice(m))) return true;
  // Inside parentheses opened right after a subset ("… thẩm quyền (khiếu nại 147 đơn; kiến nghị 722 đơn)").
  const open = f.wide.lastIndexOf("(");
  return open >= 0 && !f.wide.slice(open).includes(")") && subset(f.wide.slice(Math.max(0, open - 60), open));
}

/** Start of the last match of `re` in `s`, or -1 (bounded: `s` is a sentence). */
function lastMatch(re: RegExp, s: string): number {
  const g = new RegExp(re.source, "gu");
  let at = -1;
  for (let m = g.exec(s), n = 0; m && n < 50; m = g.exec(s), n++) at = m.index;
  return at;
}

/** Counted nouns whose share ("100% thôn", "80% xã đạt chuẩn") keeps the count's indicator. */
const SHARED_UNITS = new Set(["xã", "trường", "vụ"]);

/** The catalog indicator a figure's context names, or null when it does not clearly say. */
export function indicatorFor(f: RuleInput): string | null {
  const { unit, right, seg, before, percent, tail } = f;
  const near = seg + " " + right;
  const sentence = before + " " + tail;
  if (R.diff.test(seg)) return null; // "tăng 15 lượt": a difference, not a count
  if (R.target.test(before) || R.programme.test(seg)) return null;
  if (percent) {
    if ((R.rate.test(sentence) || R.resolvedLeft.test(seg)) && R.resolvedLeft.test(sentence) && R.petition.test(sentence)) return "petitions.resolution_rate";
    // "tỷ lệ hòa giải thành đạt 91,5%": the share of successful mediation.
    if (R.hoaGiaiThanh.test(seg) && R.rate.test(seg) && !R.notSettled.test(seg)) return "mediation.successful";
    if (unit === null || unit === "%") return null;
    // "100% thôn", "95% đơn được giải quyết": a share of a counted indicator. Other shares are rates.
    // "94% đơn kiến nghị, phản ánh của công dân được giải quyết xong": the verb may follow the noun list.
    if (unit === "đơn") return R.resolvedLeft.test(near) || R.resolvedRight.test(tail.slice(0, 80)) ? "petitions.resolution_rate" : null;
    if (!SHARED_UNITS.has(unit) && !R.villages.has(unit)) return null;
  }
  switch (unit) {
    case "vụ":
      if (!R.hoaGiai.test(sentence)) {
        // "đã giải quyết được 238/316 vụ việc" in a passage on complaints: cases resolved.
        const resolved = R.resolvedLeft.test(seg) && !R.receivedLeft.test(seg) && !R.notSettled.test(near) && !R.petitionSubset.test(near);
        return resolved && R.complaint.test(f.wide + " " + sentence) ? "petitions.resolved" : null;
      }
      if (R.notSettled.test(near)) return null;
      // "hòa giải thành 34 vụ", "186 vụ việc hòa giải thành công".
      return R.hoaGiaiThanh.test(seg) || R.hoaGiaiThanhRight.test(right) ? "mediation.successful" : "mediation.cases";
    case "đơn":
      // Petitions sent to mediation are mediation cases; "thành 35 đơn" after them are the successful ones.
      // "Hòa giải ở cơ sở: tiếp nhận 40 đơn": petitions received under a mediation label (not a petition desk's).
      const label = (f.statement ?? "").slice(0, Math.max(0, (f.statement ?? "").lastIndexOf(":")));
      const mediationLabel = R.hoaGiai.test(label) && !R.petitionDesk.test(label) && !R.resolvedLeft.test(seg);
      if (R.hoaGiai.test(seg) || (R.hoaGiai.test(before) && R.settledBare.test(seg)) || mediationLabel) {
        if (R.notSettled.test(near)) return null;
        return R.hoaGiaiThanh.test(seg) || R.settledBare.test(seg) || R.hoaGiaiThanhRight.test(right) ? "mediation.successful" : "mediation.cases";
      }
      if (R.petitionSubset.test(near) || R.outcome.test(right)) return null;
      // "Số đơn thuộc thẩm quyền giải quyết là 376 đơn": the competence, not what was resolved.
      if (R.competenceOnly.test(near) && !R.resolvedDone.test(near)) return null;
      if (R.resolvedRight.test(right) || (R.resolvedLeft.test(seg) && !R.receivedLeft.test(seg))) return "petitions.resolved";
      // "tiếp nhận và giải quyết 45/52 đơn": the part resolved of the whole received.
      if (f.pair && R.resolvedLeft.test(seg)) return "petitions.resolved";
      // "320 đơn kiến nghị, phản ánh, đã được giải quyết": the verb after the noun list, no other count between.
      if (!R.receivedLeft.test(seg) && !/\d/.test(tail) && R.resolvedRight.test(tail.slice(0, 60))) return "petitions.resolved";
      // "134 đơn thuộc thẩm quyền", "Số đơn thuộc thẩm quyền 156 đơn": the eligible subset of what was received.
      // "tiếp nhận và xử lý 206/206 đơn": the part is what was handled (not resolved, not received: that is the whole).
      if (f.pair && rx("(tiếp nhận|nhận được)\\s+và\\s+[\\p{L}\\p{M}]").test(seg)) return null;
      return R.competent.test(near) || subsetBreakdown(f) ? null : "petitions.received";
    case "công dân":
      if (R.returnees.test(sentence) && rx("nghĩa vụ|xuất ngũ").test(sentence)) return "military.returnees";
      // "đã tiếp hơn 60 công dân": the people received.
      return R.reception.test(before) && !R.campaign.test(near) && !R.conference.test(near) ? "reception.people" : null;
    case "đồng chí":
      if (R.returnees.test(sentence) && rx("nghĩa vụ|xuất ngũ").test(sentence)) return "military.returnees";
      // "22 đồng chí quân nhân tại buổi lễ" under a heading on soldiers back home.
      if (rx("^đồng chí (quân nhân|hạ sĩ quan|chiến sĩ|bộ đội)").test(right) && returning(f, sentence)) return "military.returnees";
      // "… đón 45 quân nhân hoàn thành nghĩa vụ trở về địa phương. Xã Ia Sao: 12 đồng chí; xã Ia Rbol: 8 đồng chí":
      // the returnees counted by the place or the unit they come back to or from.
      if (R.byPlace.test(f.statement ?? seg) && !R.conference.test(sentence) && returning(f, sentence)) return "military.returnees";
      return R.conference.test(sentence) && !R.technical.test(sentence) && R.attend.test(seg + " " + tail) ? "dissemination.attendees" : null;
    case "lượt":
    case "người":
      if (unit === "lượt" && R.dialogue.test(near)) return R.peopleTurns.test(right) ? null : "dialogues.turns";
      // "Lãnh đạo huyện đã tiếp 45 lượt công dân. Có 52 người đến trình bày": the people received, said after the turns.
      if (unit === "người" && R.cameToSay.test(tail.slice(0, 40)) && R.receptionDesk.test(f.wide.slice(-300)) && !R.dialogue.test(sentence)) return "reception.people";
      // "tiếp xúc, đối thoại … 12 cuộc với 1.500 người tham dự": people at a dialogue, not people received.
      if (unit === "người" && R.dialogue.test(before) && !R.receptionDesk.test(before)) return null;
      if (R.reception.test(before) || R.received.test(tail) || R.received.test(right) || (unit === "lượt" && R.receptionRight.test(right) && !R.campaign.test(before))) {
        if (R.campaign.test(near) || R.conference.test(near)) return null;
        return unit === "người" || right.startsWith(keyOf("lượt người")) ? "reception.people" : "reception.turns";
      }
      // "42 hội nghị định kỳ giữa người đứng đầu cấp ủy … với trên 11.000 lượt nhân dân tham gia": people at a
      // meeting with the committee, not an audience briefed.
      // A meeting named only "hội nghị" in a passage on a dialogue ("Bí thư đối thoại với nhân dân … Tại Hội nghị
      // đã có 7 người dân tham gia") is that dialogue.
      const withThePeople = R.dialogue.test(sentence) || (R.periodic.test(sentence) && R.withPeople.test(sentence))
        || (R.dialogue.test(f.wide.slice(-300)) && !R.briefing.test(sentence));
      if (R.conference.test(sentence) && !withThePeople && !R.technical.test(sentence) && !R.voters.test(sentence) && (R.attend.test(seg + " " + tail) || (R.join.test(seg + " " + tail) && !R.campaign.test(sentence)))) return "dissemination.attendees";
      // "quán triệt Nghị quyết cho 12.500 lượt cán bộ, đảng viên": the people the dissemination reached.
      if (R.briefed.test(seg) && (unit === "người" || R.briefedRight.test(right))) return "dissemination.attendees";
      // "12.300 lượt hộ đăng ký thi đua": households registered, not people taking part.
      if (R.campaign.test(sentence) && !R.households.test(right)) return "campaign.participants";
      // "Phát động quần chúng …; 1.200 lượt người tham gia": an item of a sentence that opened with the campaign.
      if (R.campaign.test(f.statement ?? "") && R.joined.test(seg + " " + tail) && !R.conference.test(sentence) && !R.households.test(right)) return "campaign.participants";
      // "Tại buổi phát động, … Buổi tuyên truyền thu hút gần 50 lượt người tham gia": the session of a campaign
      // named just before.
      if (rx("\\bbuổi\\b").test(before) && R.joined.test(seg + " " + tail) && R.campaign.test(f.wide.slice(-400)) && !R.households.test(right)) return "campaign.participants";
      if (unit === "người" && R.returnees.test(sentence) && rx("nghĩa vụ|xuất ngũ").test(sentence)) return "military.returnees";
      return null;
    case "cuộc": {
      // The noun list after the number, commas included: "14 cuộc tiếp xúc, đối thoại".
      const nouns = tail.slice(0, 40).split(/\d/)[0]!;
      if (R.dialogue.test(right) || (!R.oversight.test(right) && R.dialogue.test(seg + " " + nouns))) return "dialogues.held";
      if (meetsPeople(f)) return "dialogues.held";
      if (R.oversight.test(near)) return "oversight.count";
      if (R.inspection.test(near)) return "inspection.teams";
      return null;
    }
    case "đoàn":
    case "đội":
      // "Tiếp 125 lượt công dân, 5 đoàn đông người": delegations received.
      if (unit === "đoàn" && R.crowd.test(right) && R.reception.test(before)) return "reception.turns";
      if (R.oversight.test(right)) return "oversight.teams";
      if (R.inspection.test(right)) return "inspection.teams";
      if (R.campaign.test(right) || (R.campaign.test(sentence) && rx("công tác|phát động").test(near))) return "campaign.teams";
      return null;
    case "đợt":
      return R.campaign.test(sentence) ? "campaign.rounds" : null;
    case "buổi": {
      // "36 buổi tiếp xúc, đối thoại định kỳ và 5 buổi đột xuất với Nhân dân": the noun list, or a meeting with the people.
      const nouns = tail.slice(0, 50).split(/\d| với /)[0]!;
      if (R.dialogue.test(right) || (R.dialogue.test(nouns) && !R.voters.test(nouns)) || meetsPeople(f)) return "dialogues.held";
      if (R.outreach.test(near)) return "outreach.sessions";
      return R.propaganda.test(sentence) ? "campaign.sessions" : null;
    }
    case "hội nghị": {
      // "4 hội nghị tiếp xúc, đối thoại với 320 đại biểu": the noun list after the number, commas included.
      const nouns = tail.slice(0, 50).split(/\d| với /)[0]!;
      if (R.dialogue.test(right) || (R.dialogue.test(nouns) && !R.voters.test(nouns)) || meetsPeople(f)) return "dialogues.held";
      return R.dissemination.test(sentence) ? "dissemination.conferences" : null;
    }
    // "… mô hình Dân vận khéo. Toàn huyện có 48 mô hình được công nhận": a bare count after a sentence naming it.
    case "mô hình":
      return dvkContext(f) || (dvkBefore(f) && R.bareModels.test(right)) ? "dvk.models" : null;
    case "điển hình":
      return dvkContext(f) || (dvkBefore(f) && R.bareModels.test(right)) ? "dvk.exemplars" : null;
    case "tập thể":
    case "cá nhân": {
      if (R.together.test(tail.trimStart())) return null;
      if (f.breakdown) {
        // "công nhận 55 mô hình (29 tập thể, 26 cá nhân)": the models (or exemplars) counted by who they are;
        // other breakdowns in parentheses are left to the count they break down.
        // "khen thưởng 20 tập thể, cá nhân (12 tập thể, 8 cá nhân)": the awards by recipient.
        const open = before.lastIndexOf("(");
        const counted = before.slice(Math.max(0, open - 60), open).split(/\d/).pop() ?? "";
        const award = R.award.exec(before.slice(0, open));
        if (rx("^\\s*(tập thể|cá nhân)\\b").test(counted)) {
          if (!award || R.proposal.test(before.slice(Math.max(0, award.index - 40), award.index))) return null;
          return unit === "tập thể" ? "awards.collectives" : "awards.individuals";
        }
        if (!dvkContext(f)) return null;
        if (rx("mô hình").test(counted)) return "dvk.models";
        return rx("điển hình").test(counted) ? "dvk.exemplars" : null;
      }
      const award = R.award.exec(sentence);
      if (!award || R.proposal.test(sentence.slice(Math.max(0, award.index - 40), award.index))) {
        // "Trong đó, có 12 tập thể và 9 cá nhân" under a heading on Dân vận khéo exemplars or models:
        // the exemplars (or models) counted by who they are.
        // "… phong trào Dân vận khéo. Có 15 tập thể và 20 cá nhân được công nhận là điển hình": said after it.
        const recognised = dvkBefore(f) && rx("(công nhận|là)\\s+(mô hình|điển hình)").test(tail);
        if (award || !dvkContext(f) && !(R.dvk.test(f.wide.slice(-300)) && R.breakdown.test(before)) && !recognised) return null;
        const scope = before + " " + tail + " " + (R.breakdown.test(before) ? f.wide.slice(-300) : "");
        if (rx("điển hình").test(scope)) return "dvk.exemplars";
        return rx("mô hình").test(scope) ? "dvk.models" : null;
      }
      return unit === "tập thể" ? "awards.collectives" : "awards.individuals";
    }
    case "đồng":
      if (R.perUnit.test(right) || R.moneyNot.test(near) || R.loanAfter.test(tail.slice(0, 30))) return null;
      // "đường bê tông trị giá 2 tỷ đồng, Nhân dân đóng góp 600 triệu đồng": the worth, not the money mobilised.
      if (R.worth.test(seg) && R.contribAfter.test(tail)) return null;
      // "tiếp nhận 5 tỷ đồng; trong đó, đã phân bổ 4 tỷ đồng": a part spent of a total counted before it.
      const partOf = before.lastIndexOf(keyOf("trong đó"));
      if (partOf > 0 && R.spent.test(seg) && /\d/.test(before.slice(0, partOf))) return null;
      if (R.eachWorth.test(before) && !R.total.test(seg) && !rx("\\btổng\\b").test(seg)) return null;
      if (R.loanSource.test(before) && !R.donate.test(seg)) return null;
      // "Quỹ Hỗ trợ nông dân toàn huyện hơn 4,8 tỷ đồng": a loan fund's size, unless money is given to it.
      if (R.loanFund.test(near) && !R.donate.test(seg)) return null;
      if (R.moneyYes.test(sentence)) return "contrib.money_vnd";
      // "bàn giao 12 căn nhà đại đoàn kết trị giá 600 triệu đồng": the money the houses took.
      // The kind of house may be named in the passage before: "… nhà Đại đoàn kết cho 2 hộ nghèo. … 2 căn nhà được
      // sửa chữa …, kinh phí sửa chữa là 130 triệu đồng".
      return R.houseKinds.test(f.wide + " " + sentence) && R.houses.test(sentence) && rx("\\bnhà\\b|căn|mái ấm").test(sentence) ? "contrib.money_vnd" : null;
    case "m2":
    case "m²":
    case "ha":
      return R.land.test(sentence) ? "contrib.land_m2" : null;
    case "m":
      // "14 hộ hiến đất với tổng gần 2.000m đất": land donated written in metres (not "rộng 1m đất").
      return R.land.test(seg) && rx("^m?\\s*đất\\b").test(right) ? "contrib.land_m2" : null;
    case "ngày công":
    case "công": // "đóng góp 4.866 công lao động"
      return "contrib.labor_days";
    case "cây":
      return R.trees.test(sentence) ? "contrib.trees" : null;
    case "căn":
    case "ngôi":
    case "mái ấm":
      return R.houses.test(near) ? "contrib.houses" : null;
    case "nhà":
      // "15 nhà đại đoàn kết"; a bare "27 nhà" repaired in a passage about the poor; not "nhà văn hóa".
      if (R.houseKinds.test(right)) return "contrib.houses";
      // "xây mới 10 nhà và sửa chữa 5 nhà cho hộ nghèo": a bare "nhà" before a conjunction is bare too.
      // "Hỗ trợ xây dựng 8 nhà với tổng kinh phí …": houses given as support are for those in need.
      return rx("^nhà(\\s+(và|hoặc|cho|với)\\b|$)").test(right) && R.houses.test(seg)
        && (R.forThePoor.test(f.wide + " " + tail) || rx("hỗ trợ|\\btặng\\b|\\btrao\\b|bàn giao").test(seg)) ? "contrib.houses" : null;
    case "sản phẩm":
      return R.ocop.test(sentence) ? "ocop.products" : null;
    case "xã":
      if (R.newRural.test(right)) return R.model.test(right) ? null : R.advanced.test(right) ? "new_rural.advanced" : "new_rural.communes";
      {
        // "9/15 xã có đồng bào … sinh sống đã đạt chuẩn nông thôn mới": the standard at the end of the clause.
        const clause = tail.split(/[,;(]/)[0]!;
        if (!/\d/.test(clause) && R.reached.test(clause)) return R.model.test(clause) ? null : R.advanced.test(clause) ? "new_rural.advanced" : "new_rural.communes";
      }
      // "toàn huyện có 10/17 xã tổ chức xong đại hội": the part of a pair is not the total.
      return R.total.test(seg) && !percent && !f.pair ? "communes.total" : null;
    case "trường":
      if (R.school.test(right)) return "schools.standard";
      return R.total.test(seg) && !percent && !f.pair ? "schools.total" : null;
    case "quân nhân":
    case "hạ sĩ quan":
    case "chiến sĩ":
    case "binh sĩ":
      return R.returnees.test(sentence) || returning(f, sentence) ? "military.returnees" : null;
    default:
      // "hỗ trợ 25 hộ nghèo làm nhà đại đoàn kết": the houses, counted by the households that got them (read
      // again in read-figures.ts: not when the same houses are counted as houses beside it).
      if (unit === "hộ" && R.householdHouse.test(near + " " + tail.slice(0, 40))) return "contrib.houses";
      if (unit === "tổ" && R.inspection.test(right)) return "inspection.teams";
      if (unit === "tổ" && R.oversight.test(right) && !R.hoaGiai.test(right)) return "oversight.teams";
      // "thu hút 2.500 tín đồ tham gia", "500 hộ hưởng ứng": a campaign's people named by who they are.
      if (unit !== null && R.campaignPeople.has(unit) && (R.campaign.test(sentence) || R.campaign.test(f.statement ?? "")) && R.joined.test(seg + " " + tail) && !R.registered.test(seg + " " + tail.slice(0, 40))) return "campaign.participants";
      // "158 thanh niên hoàn thành nghĩa vụ quân sự trở về địa phương": soldiers back home named as young men.
      if (unit !== null && R.soldiers.has(unit) && R.returnees.test(sentence) && R.served.test(sentence) && !R.recruits.test(sentence)) return "military.returnees";
      // "hội nghị quán triệt … có 161/201 đại biểu tham dự": the people who attended a briefing, named by who they are.
      if (unit !== null && R.attendees.has(unit) && R.conference.test(sentence) && !R.technical.test(sentence) && !R.dialogue.test(sentence) && !R.voters.test(sentence)
        && !(R.periodic.test(sentence) && R.withPeople.test(sentence)) && R.attend.test(seg + " " + tail)) return "dissemination.attendees";
      // "715 tổ hòa giải", "31 tổ liên kết": teams, not residential groups ("45 tổ, 168 thôn").
      if (unit === "tổ" && right !== "tổ") return null;
      if (unit !== null && R.villages.has(unit)) {
        if (R.campaign.test(sentence)) return "campaign.villages_reached";
        return R.total.test(seg) && !percent && !f.pair ? "villages.total" : null;
      }
      if (unit !== null && R.docs.has(unit)) {
        if (R.issue.test(seg) && !R.notIssue.test(seg) && !R.higherLevel.test(right)) return "docs.issued";
        return null;
      }
      return null;
  }
}

/** A percentage right after "đạt", "chiếm"… shares the key of the count it follows. */
export const SHARE_LEFT = rx("(đạt|bằng|chiếm|đạt tỷ lệ|tỷ lệ|đạt tỉ lệ)\\s*$");
