/**
 * Pure: the words a report's period is read by (scope-period.ts): the periods named ("quý I năm 2024", "6 tháng đầu năm",
 * "9 tháng", "năm 2023", "tháng 3/2024"), and the words around them that make a year a plan's, a comparison's, an event's,
 * a law's or a span's rather than the figures' own.
 */
import { rx } from "./lexicon.ts";

export const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
/** Space within a line (two spaces or a no-break space as well as one): a period's words never span lines (rx folds case, so no "\\S"). */
const SP = "[ \\t\\u00a0\\u202f]";
/** A year's separator after a period's words, when the year follows: "9 tháng/2024", "6 tháng - 2024", "quý III.2024". */
const YEAR_SEP = `(?:/|–|-|\\.)(?=${SP}*\\d{4})`;
export const PERIOD = rx(
  // "quý", and "quí" in the older spelling; "Q1/2024" with its year; "QUÝ I, NĂM 2024" in a title.
  `\\b(?:qu(?:ý|í)${SP}+|q(?=[1-4]\\s*(?:/|năm|-|–)\\s*\\d{4}))(iv|iii|ii|i|1|2|3|4)\\b(?:${SP}*(?:,${SP}*năm|/|năm|-|–|\\.(?=\\d{4}))${SP}*(\\d{4}))?` +
    // "6 tháng đầu năm", "6 tháng/2024", "6 tháng qua", "sơ kết 6 tháng thực hiện" (see below), but not "sau 6 tháng triển khai";
    // "nửa đầu năm 2024".
    `|\\b((?:0?6|sáu)${SP}+tháng|nửa(?=${SP}+(?:đầu|cuối)${SP}+năm))(?=\\s*(?:đầu|cuối|năm|qua|thực hiện|\\d|[,.;:)/–-]|$))${SP}*(đầu|cuối)?${SP}*(?:năm|${YEAR_SEP})?${SP}*(\\d{4})?` +
    `|\\b(0?9|chín)${SP}+tháng(?=\\s*(?:đầu|năm|qua|thực hiện|\\d|[,.;:)/–-]|$))${SP}*(?:đầu${SP}+)?(?:năm|${YEAR_SEP})?${SP}*(\\d{4})?` +
    `|\\bnăm${SP}+(\\d{4})(?!\\s*[-–]\\s*\\d{4})` +
    `|\\btháng${SP}+(\\d{1,2})${SP}*(?:/|năm|-|\\.(?=\\d{4}))${SP}*(\\d{4})` +
    // "3 tháng đầu năm (2024)" is the first quarter, "3 tháng cuối năm" the last.
    `|\\b(0?3|ba)${SP}+tháng${SP}+(đầu|cuối)${SP}+năm(?:${SP}*(?:${YEAR_SEP})?${SP}*(\\d{4}))?`,
);
/** Not one year ("sơ kết 01 năm thực hiện"): a review of one year covers that year. */
export const MULTI_YEAR = rx("\\b(tổng kết|sơ kết|nhìn lại|qua|sau) (?!0*1 )\\d+ năm|(?<![\\d])(?!0*1 )\\d+ năm thực hiện|giai đoạn \\d{4}|nhiệm kỳ \\d{4}|\\d{4}\\s*[-–]\\s*\\d{4}");
// Also up to a day that ends no period: "Từ đầu năm đến ngày 8.8", "từ đầu năm đến ngày 20/10".
export const YTD = rx("từ đầu năm (đến|tới) nay|kể từ đầu năm|từ đầu năm \\d{4} (đến|tới) nay|từ đầu năm (đến|tới) (hết )?ngày \\d");
/** Also "so" right before the year, "so với" shortened: "tăng 1.400 hộ so năm 2016" (the year compared with). */
/** Also a pledge's year: "phấn đấu đến năm 2025 có 400 mô hình". */
export const FUTURE = rx("nhiệm vụ|phương hướng|kế hoạch|trọng tâm|chủ đề|mục tiêu|dự kiến|chuẩn bị|đến năm|so với|cùng kỳ|từ năm|phấn đấu|\\bso\\s*$");
/** Work launched for a year: "Triển khai công tác vận động Quỹ … năm 2020", "(phát động và) ký kết phong trào thi đua năm 2023". */
export const LAUNCH = rx("triển khai|ký kết");
/** Work set out for a period: "đề ra 11 nội dung thực hiện trong quý II năm 2022". */
export const SET_OUT_FOR = rx("(đề ra|xác định|thống nhất)[^.;:\\n]{0,60}(thực hiện|triển khai|tập trung) trong\\s*$");
/** The report's own quarter, named without its number: "Trong quý, kết nạp được 24 hội viên". */
export const THIS_QUARTER = rx("\\btrong quý(?!\\s*(iv|iii|ii|i|[1-4])\\b)(?=\\s*[,:]|\\s+(đã|có|kết nạp|tổ chức|toàn|các|tiếp|vận động))");
/**
 * The name of a campaign or an annual event just before its year ("Tháng Thanh niên năm 2025", "Ngày hội Đại đoàn kết
 * toàn dân tộc năm 2024", "Tháng cao điểm “Vì người nghèo” năm 2024", "Chiến dịch … Mùa hè xanh năm 2024"): the year names
 * the event, not the figures' period. The name runs to the year without a review's or a list's words between.
 */
export const EVENT_NAME = rx(
  "(\\btháng (thanh niên|dân vận|cao điểm|hành động|nhân đạo)|\\bngày hội|\\bchiến dịch|\\btết (quân|vì|trồng)|\\bhội (thi|diễn)|\\blễ ra quân)" +
    "(?:(?!sơ kết|tổng kết|công tác|\\bvà\\b|,)[^.;:\\n\\d]){0,50}$",
);
/** Some months of a year before "năm 2023" (six and nine are read as periods before): "10 tháng đầu ", "11 tháng ". */
export const MONTHS_OF = rx("(?<![\\p{L}\\d])(\\d{1,2}|hai|bốn|bảy|tám|mười|mười một) tháng (đầu )?$");
/** An open quotation before a year, its name without a review's words ("“Tổng kết công tác dân vận năm 2024”" stays a period). */
export const QUOTE_OPEN = rx("[“\"«](?:(?!sơ kết|tổng kết|báo cáo|kết quả)[^”\"»\\n]){0,90}$");
export const RESULTS = rx("kết quả|sơ kết|tổng kết|báo cáo|đánh giá");
/** A law's or a resolution's own year: "Luật Hòa giải ở cơ sở năm 2013", "Nghị quyết số 25-NQ/TW năm 2019". */
export const DOCUMENT_YEAR = rx(
  "(?<!pháp )\\b(bộ luật|luật|hiến pháp|pháp lệnh)(\\s+(?!(trong|qua|và|của|đã|được|cho|tại)\\b)[\\p{L}\\p{M}\\p{N}]+){0,8}\\s*$" +
    "|\\b(nghị quyết|nghị định|chỉ thị|quyết định|thông tư|kết luận|quy định|hướng dẫn)\\s+(số\\s*)?\\d+[^\\s,;]*\\s*$",
);
/** The end of a span of years: the second year of "từ năm 2014 đến năm 2018", "năm 2014 – năm 2018". */
export const SPAN_END = rx("\\d{4}\\s*(đến|tới|[-–])\\s*$");
export const REVIEW = rx("sơ kết|tổng kết|báo cáo|kết quả|hội nghị|trong|công tác|đánh giá|giao ban");
/** The period a review names, in the same clause: "hội nghị tổng kết công tác dân vận và … năm 2020". */
export const REVIEWED = rx("(sơ kết|tổng kết)[^.;:\\n]{0,100}$");

/**
 * A report's type name alone on its line, then its summary line, and a short second one when it wraps: "BÁO CÁO\nKết quả
 * công tác dân vận quý I năm 2024", "BÁO CÁO SƠ KẾT\nCông tác dân vận\nquý I năm 2024" (folded; not the body's first line).
 */
export const REPORT_HEADING = /(?:^|\n)[ \t]*(?:dự thảo[ \t]+)?báo cáo(?:[ \t]+(?:sơ kết|tổng kết|kết quả))?[ \t]*\n[ \t]*([^\n]{10,200}(?:\n[ \t]*(?!thực hiện|căn cứ|kính gửi|phần|i\.|\()[^\n]{3,80}(?=\n|$))?)/u;
/** The tasks of a period reviewed, just before it: "(đánh giá) kết quả thực hiện nhiệm vụ ", "sơ kết tình hình thực hiện các nhiệm vụ ". */
export const TASKS_REVIEWED = rx("(sơ kết|tổng kết|đánh giá|kết quả|báo cáo)(\\s+(tình hình|kết quả|việc))?\\s+thực hiện(\\s+(các|những))?\\s+nhiệm vụ(\\s+(chính trị|công tác))?\\s*$");
/** A review of a whole year: "tổng kết", or the results of "năm qua" ("Kết quả công tác dân vận năm qua và phương hướng …"). */
export const YEAR_REVIEWED = rx("tổng kết|kết quả[^.\\n]{0,60}\\bnăm (vừa )?qua\\b");
export const WHOLE_YEAR = rx("cả năm \\d{4}");
export const COMPARED = rx("(so với|cùng kỳ)[^.;\\n]{0,15}$|\\bso\\s*$");
export const PAST_YEAR = rx("\\b(năm (vừa )?qua|trong năm|cả năm)\\b");

/** Duties done, before the year they were done in: "hoàn thành xuất sắc nhiệm vụ ", "hoàn thành tốt nhiệm vụ ". */
export const DUTY_DONE = rx("hoàn thành( tốt| xuất sắc| tốt và xuất sắc)? nhiệm vụ\\s*$");

/** The date line of a saved page: " date 2025-09-27". */
export const SAVED_DATE = /^\s*date (\d{4})-\d{2}/u;

/** The term of a committee named with its meeting, no review between: "Ban Chấp hành … lần thứ I, nhiệm kỳ 2025-2030". */
export const COMMITTEE_TERM = rx("ban chấp hành(?:(?!tổng kết|sơ kết)[^.;\n]){0,60}nhiệm kỳ \\d{4}\\s*[-–]\\s*\\d{4}");

/** An event dated by a span of days: "Trong 2 ngày 21 và 22/9", "ngày 21-22/9/2021", "từ ngày 20 đến 22/9". */
export const EVENT_DAYS = rx("trong (0?[2-5]|hai|ba|bốn|năm) ngày\\b|ngày \\d{1,2}\\s*(và|-|–|đến)\\s*(ngày\\s*)?\\d{1,2}\\s*/\\s*\\d{1,2}");
