/**
 * Pure: the shapes of a news page's lines that furniture.ts reads a page's furniture by: a headline, a paragraph of
 * prose, a date line, a list's marker, a breadcrumb, a pager, a menu's label, a footer line; and how a headline
 * carries its date. Found by the lines' shape, never by what they say.
 */
import { rx } from "./lexicon.ts";

export interface Line { start: number; end: number; text: string; key: string }

/** A section of other pages' links: what names it, alone on its line (or before ":" and a headline). */
export const MARKER = rx("^(các |những )?(tin|bài|bài viết|tin bài|tin tức|tin ảnh|video)( (khác|liên quan|cùng chuyên mục|cùng danh mục|cùng chủ đề|cùng loại|cùng lĩnh vực|mới|mới hơn|cũ hơn|mới nhất|mới cập nhật|đã đưa|đã đăng|trước|tiếp theo|nổi bật|tiêu điểm|đọc nhiều|xem nhiều|được quan tâm|nhiều người đọc|nóng|nhất))+$");
export const MARKER_ALONE = rx("^(xem thêm|đọc thêm|xem tiếp|có thể bạn quan tâm|bạn có thể quan tâm|đọc nhiều|xem nhiều|đọc nhiều nhất|xem nhiều nhất|nổi bật|tiêu điểm|cùng chuyên mục|chuyên mục khác|liên quan|thăm dò ý kiến|bình chọn|liên kết website|liên kết web|liên kết|website liên kết|lượt truy cập|thống kê truy cập)$");
/** A footer line: copyright, the publisher's address and numbers, its licence, the reprint notice. */
export const FOOTER = rx("^[\\s©•*·-]*(bản quyền|©|copyright|địa chỉ\\s*:|trụ sở\\s*:|điện thoại\\s*:|đt\\s*:|tel\\s*:|fax\\s*:|e-?mail\\s*:|giấy phép (số|thiết lập|hoạt động|xuất bản)|giấy phép\\s*:|chịu trách nhiệm|ghi rõ nguồn|cơ quan chủ quản|trưởng ban biên tập|tổng biên tập\\s*:|đường dây nóng|hotline|email của bạn sẽ không|gửi bình luận|viết bình luận|ý kiến bạn đọc|thiết kế bởi|phát triển bởi|số lượt truy cập|đang truy cập|đang trực tuyến|đang online)");
export const DATE = /\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/u;
/** A date and time closing a headline: " (12/01/2024)", " - 20/02/2024 09:00", " 12/01/2024 10:30". */
export const DATE_END = /[\s\-–—|(]*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*\)?\s*$/u;
/** What a line of the date alone may hold besides: the time, a weekday, "(GMT+7)", "Cập nhật". */
export const DATE_WORDS = /\d{1,2}:\d{2}(:\d{2})?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\(?gmt\s*\+\s*\d+\)?|\b(am|pm)\b|[^\p{L}\p{M}\s]/gu;
/** A report's list item: "- Xã A: 12 cuộc", "+ …", "1. …", "a) …" (a run of dated lines opens no section with them). */
export const ITEM_LEAD = /^\s*([-+–]|\d{1,2}[.)]|[a-zđ][.)])\s/u;

export function words(s: string): number {
  return s.trim() ? s.trim().split(/\s+/u).length : 0;
}

/** A line of a date (and time) alone: "15/03/2024 10:30", "Cập nhật ngày: 07/01/2022 06:09:40". */
export function dateOnly(l: Line): boolean {
  return l.key.length <= 60 && DATE.test(l.key) && words(l.key.replace(DATE_WORDS, " ")) <= 4;
}

/** A headline's shape: one short statement of a few words, no closing full stop, no second sentence. */
export function title(l: Line): boolean {
  // Lengths first: every test below is on one short line (a page's longest lines stay linear).
  if (l.text.length > 250 || dateOnly(l)) return false;
  const t = l.text.replace(DATE_END, "").replace(/^[\s•·*»>-]+/u, "").trim();
  if (t.length < 12 || t.length > 180 || words(t) < 4 || /[.:;,]$/u.test(t)) return false;
  return !/[.!?]\s+[\p{Lu}"“]/u.test(t);
}

/** A paragraph of prose: long, or a sentence (closed by its stop, or two of them) past a headline's length. */
export function prose(l: Line): boolean {
  const t = l.text.trim();
  return t.length > 200 || ((/[.!?…]$/u.test(t) || /[.!?]\s+[\p{Lu}]/u.test(t)) && t.length > 80);
}

/**
 * The paragraph of prose right after headline `j` (past a date line, a byline or a kicker), or -1: a headline
 * between is the report's (a link, then its date, then the report's headline and body). A long line with a date
 * line of its own is a headline.
 */
export function proseAfter(lines: Line[], j: number): number {
  for (let k = j + 1, seen = 0; k < lines.length && seen < 4; k++) {
    const l = lines[k]!;
    if (!l.key.trim()) continue;
    if (prose(l)) return shape(lines, k).startsWith("next") ? -1 : k;
    if (marker(l) || markerWithTitle(l)) continue; // a link between the headline and the body
    if (!dateOnly(l) && (title(l) || words(l.key) > 6)) return -1;
    seen++;
  }
  return -1;
}

export function nextLine(lines: Line[], k: number): number {
  let n = k + 1;
  while (n < lines.length && !lines[n]!.key.trim()) n++;
  return n;
}

/**
 * How headline `k` carries its date: at the line's end, on the next line, or not at all, with the date's form
 * (digits as 0: "end (00/00/0000)", "next 00/00/0000 00:00", "next cập nhật ngày: 00/00/0000").
 */
export function shape(lines: Line[], k: number): string {
  const n = nextLine(lines, k);
  const end = lines[k]!.key.length <= 250 ? DATE_END.exec(lines[k]!.key) : null;
  if (end) return `end ${end[0].trim().replace(/\d/gu, "0")}`;
  return n < lines.length && dateOnly(lines[n]!) ? `next ${lines[n]!.key.trim().replace(/\d/gu, "0")}` : "none";
}

/**
 * Whether the paragraph at `p` is a link's teaser, not the report's body: another headline dated the same way,
 * another section or the page's end follows it (the body goes on in paragraphs).
 */
export function teaser(lines: Line[], p: number, how: string): boolean {
  const q = nextLine(lines, p);
  if (q >= lines.length) return true;
  const l = lines[q]!;
  return marker(l) || markerWithTitle(l) || (title(l) && !prose(l) && shape(lines, q) === how);
}

export function marker(l: Line): boolean {
  if (l.key.length > 80) return false;
  const t = l.key.replace(/^[\s•·*»>|-]+|[\s:»>|]+$/gu, "");
  return t.length <= 40 && (MARKER.test(t) || MARKER_ALONE.test(t));
}

/** "Xem thêm: <headline>", "Tin liên quan: <headline>" on one line. */
export function markerWithTitle(l: Line): boolean {
  const c = l.key.indexOf(":");
  if (c < 0 || c > 40) return false;
  const head: Line = { ...l, key: l.key.slice(0, c), text: l.text.slice(0, c) };
  const rest: Line = { ...l, key: l.key.slice(c + 1), text: l.text.slice(c + 1) };
  return marker(head) && title(rest);
}

/** A breadcrumb or a menu: three or more short labels between ">", "»", "›", "|" or " / ", no digits. */
export function crumbs(l: Line): boolean {
  if (l.key.length > 200) return false;
  const parts = l.key.trim().split(/\s*[>»›|]\s*|\s+\/\s+/u).filter((s) => s.trim());
  return parts.length >= 3 && l.key.length <= 200 && parts.every((s) => words(s) <= 6 && !/\d/u.test(s));
}

/** A pager: page numbers in a row ("1 2 3", "« 1 2 3 »"), or with a paging word ("Trang 2/5", "Trang sau"). */
export function pager(l: Line): boolean {
  // A table's row of column numbers ("1\t2\t3") is the table's, not a pager.
  if (l.key.length > 80 || !/\d/u.test(l.key) || l.key.includes("\t")) return false;
  const toks = l.key.replace(/[«»‹›<>|…·]/gu, " $& ").trim().split(/\s+/u);
  if (!toks.every((t) => PAGER_TOKEN.test(t))) return false;
  const nums = toks.filter((t) => /^\d+$/u.test(t)).map(Number);
  if (toks.some((t) => /^[\p{L}«»‹›<>]/u.test(t) || t.includes("/"))) return true;
  return nums.length >= 2 && nums.every((n, k) => k === 0 || n === nums[k - 1]! + 1);
}
export const PAGER_TOKEN = rx("^(trang|tiếp|sau|trước|đầu|cuối|theo|next|prev|first|last|\\d{1,3}(/\\d{1,3})?|[«»‹›<>|…·.,-]+)$");
/** A menu's label alone on its line: short, no digits, no closing stop. */
export function menuItem(l: Line): boolean {
  const t = l.key.trim();
  return t.length > 0 && t.length <= 30 && words(t) <= 4 && !/[\d.:;,!?]$|\d/u.test(t) && !ITEM_LEAD.test(l.text);
}
export const NAV = rx("^(trang chủ|giới thiệu|tin tức|liên hệ|sơ đồ (trang|site|cổng)|hỏi đáp|thư viện|văn bản|tài liệu|đăng nhập|tìm kiếm|sự kiện|lịch công tác|hình ảnh|video|góp ý|english|rss|thủ tục hành chính|dịch vụ công)\\b");

/** The last line of a menu one label a line from `i` (four or more, two of them a site's sections), or -1. */
export function menuEnd(lines: Line[], i: number): number {
  if (i > 0 && menuItem(lines[i - 1]!)) return -1; // one scan a run (linear)
  let k = i;
  let nav = 0;
  while (k < lines.length && menuItem(lines[k]!)) { if (NAV.test(lines[k]!.key.trim())) nav++; k++; }
  return k - i >= 4 && nav >= 2 ? k - 1 : -1;
}
