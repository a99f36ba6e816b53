/**
 * Pure: the words of the reports, as data: which words count things (cuộc, lượt, người, vụ…), which words
 * before a number make it a name, a date or a document number, which after it make it no figure. Written
 * from the genre, not from any one text. Every pattern is written in ordinary spelling and folded with
 * keyOf (hòa = hoà, lower case).
 */
import { keyOf } from "./normalize.ts";

/** A regex over key text; `\b` means a Vietnamese word boundary. */
export function rx(src: string): RegExp {
  // Rules build many of their patterns where they test them, once per figure: each source is folded and compiled once.
  let re = compiled.get(src);
  if (!re) compiled.set(src, (re = compile(src)));
  return re;
}
/** Patterns by their source (non-global, so sharing one between callers keeps no state). */
const compiled = new Map<string, RegExp>();
function compile(src: string): RegExp {
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
  ["lượt người", "lượt"], ["lượt", "lượt"], ["chỉ tiêu", "chỉ tiêu"], ["hội quán", "hội quán"], ["công lao động", "công"], ["đồng chí", "đồng chí"], ["hoà giải viên", "hoà giải viên"], ["ngày hội", "ngày hội"], ["kỳ họp", "kỳ họp"], ["khoá học", "khoá"], ["khoá", "khoá"], ["lớp học", "lớp"], ["người", "người"], ["ngày công", "ngày công"], ["ngày lao động", "ngày công"], ["cựu quân nhân", "quân nhân"], ["cựu chiến binh", "cựu chiến binh"], ["quân nhân", "quân nhân"],
  ["hạ sĩ quan", "hạ sĩ quan"], ["chiến sĩ", "chiến sĩ"], ["binh sĩ", "binh sĩ"],
  // The other spelling of the same ranks ("175 chiến sỹ"): the same counted soldiers.
  // Ranks of the soldiers counted ("100 binh nhất, 5 trung sĩ").
  ["binh nhất", "binh nhất"], ["binh nhì", "binh nhì"], ["hạ sĩ", "hạ sĩ"], ["trung sĩ", "trung sĩ"], ["thượng sĩ", "thượng sĩ"],
  ["hạ sỹ quan", "hạ sĩ quan"], ["chiến sỹ", "chiến sĩ"], ["binh sỹ", "binh sĩ"], ["tân binh", "tân binh"], ["tín đồ", "tín đồ"], ["chức sắc", "chức sắc"],
  // Religious dignitaries and believers ("1 Giám mục", "277 linh mục", "1.200 giáo dân"): people, even in capitals.
  ["giám mục", "giám mục"], ["linh mục", "linh mục"], ["mục sư", "mục sư"], ["tu sĩ", "tu sĩ"], ["chức việc", "chức việc"], ["giáo dân", "giáo dân"], ["phật tử", "phật tử"], ["già làng", "già làng"],
  ["chi hội trưởng", "chi hội trưởng"], ["tổ trưởng", "tổ trưởng"], ["trưởng thôn", "trưởng thôn"], ["người dân", "người"], ["quần chúng", "quần chúng"], ["đồng bào", "đồng bào"],
  ["tập thể", "tập thể"], ["cá nhân", "cá nhân"], ["hội nghị", "hội nghị"], ["văn bản", "văn bản"], ["thông báo", "thông báo"],
  ["kế hoạch", "kế hoạch"], ["nghị quyết", "nghị quyết"], ["chỉ thị", "chỉ thị"], ["quyết định", "quyết định"], ["công văn", "công văn"],
  ["hướng dẫn", "hướng dẫn"], ["kết luận", "kết luận"], ["chương trình", "chương trình"], ["chiến dịch", "chiến dịch"], ["phong trào", "phong trào"], ["đề án", "đề án"], ["báo cáo", "báo cáo"],
  ["quy chế", "quy chế"], ["quy định", "quy định"], ["tờ trình", "tờ trình"],
  ["sản phẩm", "sản phẩm"], ["nội dung", "nội dung"], ["mô hình", "mô hình"], ["gương điển hình", "điển hình"], ["gương mặt", "điển hình"], ["tấm gương", "gương"], ["gương", "gương"], ["điển hình", "điển hình"], ["công trình", "công trình"],
  ["dự án", "dự án"], ["hộ gia đình", "hộ"], ["hộ", "hộ"], ["gia đình", "gia đình"], ["học sinh", "học sinh"], ["sinh viên", "sinh viên"],
  ["hội viên", "hội viên"], ["đoàn viên", "đoàn viên"], ["đảng viên", "đảng viên"], ["thành viên", "thành viên"], ["đội viên", "đội viên"], ["tổ viên", "tổ viên"], ["báo cáo viên", "báo cáo viên"], ["tuyên truyền viên", "tuyên truyền viên"], ["uỷ viên", "uỷ viên"], ["cán bộ", "cán bộ"],
  ["công chức", "công chức"], ["tổ chức", "tổ chức"], ["doanh nghiệp", "doanh nghiệp"], ["hợp tác xã", "hợp tác xã"], ["cơ sở", "cơ sở"],
  ["cơ quan", "cơ quan"], ["đơn vị", "đơn vị"], ["công dân", "công dân"], ["vụ việc", "vụ"], ["vụ", "vụ"], ["đơn thư", "đơn"], ["đơn", "đơn"],
  ["căn nhà", "căn"], ["căn", "căn"], ["ngôi nhà", "ngôi"], ["ngôi", "ngôi"], ["nhà", "nhà"], ["giống cây", "cây"], ["cây số", "km"], ["cây", "cây"],
  ["mái ấm", "mái ấm"], ["chỉ vàng", "chỉ"], ["suất quà", "suất"], ["suất", "suất"], ["phần quà", "phần quà"], ["tấn", "tấn"], ["tạ", "tạ"], ["kg", "kg"], ["m2", "m2"], ["m²", "m²"],
  ["m3", "m3"], ["mét vuông", "m2"], ["sào", "sào"], ["mẫu đất", "mẫu"], ["km2", "km2"], ["km", "km"], ["ha", "ha"], ["héc-ta", "ha"], ["hécta", "ha"], ["mét", "m"], ["m", "m"],
  ["lít", "lít"], ["con", "con"], ["chiếc", "chiếc"], ["bộ", "bộ"], ["tin, bài", "tin bài"], ["tin bài", "tin bài"], ["tin", "tin"], ["bài", "bài"],
  ["chi hội", "chi hội"], ["chi bộ", "chi bộ"], ["chi uỷ", "chi uỷ"], ["cấp uỷ", "cấp uỷ"], ["tổ dân phố", "tổ dân phố"], ["khu phố", "khu phố"], ["tổ", "tổ"], ["đội", "đội"],
  ["đoàn thể", "đoàn thể"], ["đoàn", "đoàn"], ["cuộc", "cuộc"], ["buổi", "buổi"], ["đợt", "đợt"], ["lớp", "lớp"], ["trường hợp", "trường hợp"], ["trường", "trường"], ["xã", "xã"], ["phường", "phường"],
  ["xã viên", "xã viên"], ["thị trấn", "thị trấn"], ["khu dân cư", "khu dân cư"], ["thôn", "thôn"], ["buôn", "buôn"], ["làng", "làng"], ["bản", "bản"], ["ấp", "ấp"], ["huyện", "huyện"],
  ["tỉnh", "tỉnh"], ["ý kiến", "ý kiến"], ["kiến nghị", "kiến nghị"], ["lao động", "lao động"], ["bằng khen", "bằng khen"],
  ["giấy khen", "giấy khen"], ["kỷ niệm chương", "kỷ niệm chương"], ["câu lạc bộ", "câu lạc bộ"], ["nhóm", "nhóm"], ["lần", "lần"], ["phiên", "phiên"], ["điểm", "điểm"],
  // Abbreviations in capitals that count things: residential areas, street groups, cooperatives, clubs.
  ["kdc", "khu dân cư"], ["tdp", "tổ dân phố"], ["htx", "hợp tác xã"], ["clb", "câu lạc bộ"],
  // Models written short in report tables and lists ("xây dựng 65 MH DVK"): the same models.
  ["mh", "mô hình"],
  // Documents written short ("ban hành 04 VB lãnh đạo, chỉ đạo"): the same documents.
  ["vb", "văn bản"],
  // Veterans ("16 CCB đạt danh hiệu"): people.
  ["ccb", "cựu chiến binh"],
  ["tỷ đồng", "đồng"], ["vnđ", "đồng"], ["vnd", "đồng"], ["usd", "USD"], ["đ/c", "đồng chí"], ["đ", "đồng"],
];
export const UNITS: ReadonlyArray<[string, string]> = UNIT_LIST.map(([s, u]) => [keyOf(s), u] as [string, string]).sort((a, b) => b[0].length - a[0].length);

/** "đồng" is money unless it starts another word (đồng bào, đồng chí…). */
export const MONEY = rx("^đồng(?! ?(bào|chí|thời|ý|hành|bằng|lòng|đội|tiền|ruộng|cỏ|hồ|tâm|nghiệp))");
/** After millions or billions, "đồng tiền" is money too: "1,8 tỷ đồng tiền Quỹ". */
/** And "triệu động", "tỷ động": "đồng" typed with the wrong tone ("động viên", "động lực"… are other words). */
export const MONEY_SCALED = rx("^(đồng tiền|động\\b(?! (viên|lực|vật|sản|thái|đất|cơ|tác|não)))");

/** Words after a number that make it a date, a time, an age, a period, a rating: not figures. */
export const NOT_UNIT = rx(
  "^(tuổi|lần lượt|sao\\b|giờ|phút|giây|tháng|năm\\b|tuần|thế kỷ|lần thứ|tầng|độ c|°|ngày(?! (công|hội|lao động))|nhiệm kỳ|h\\d|g\\d|" +
    "đánh giá|lượt xem|lượt truy cập|bình luận|lượt thích|lượt chia sẻ|trong \\d|ký tự|mục\\b(?! (sư|tiêu))|điều\\b|khoản\\b|trang\\b|" +
    // "Quỹ Vì người nghèo 4 cấp", "chính quyền 2 cấp": a kind of organisation, not a count ("25 cấp ủy" is one).
    "cấp\\b(?! uỷ)|" +
    // Coordinates: "107047 - 107050 độ Kinh đông", "16020 vĩ độ Bắc".
    // (Also across a line's wrap: "107050 độ\nKinh đông".)
    "độ\\s+(kinh|vĩ|vỹ)|(kinh|vĩ|vỹ)\\s+độ)",
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
    "đội công", "mã số", "số hiệu", "hộp thư", "tổ công", "khu vực", "cụm dân", "đoàn kinh", "nhà số", "xe số", "độ tuổi",
    // A plenum of the Central Committee: "Nghị quyết Trung ương 6 khóa XII", "Hội nghị Trung ương 8 Ban Chấp hành".
    "trung ương"].map(keyOf),
);

/** Words before a four-digit number that make it a year. */
export const YEAR_BEFORE = new Set("năm từ đến tới khoá niên kỳ đoạn và hết cuối đầu giữa".split(" ").map(keyOf));
