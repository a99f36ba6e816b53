/**
 * Pure: a news page's furniture around the report, cut before reading: lists of other articles (a section
 * marker line such as "Tin liên quan", "Các tin khác", "Xem thêm", then short headline lines, mostly dated
 * "(12/01/2024)" or "12/01/2024 10:30"; or, with no marker, a run of dated headline lines), polls and link
 * lists under their marker, breadcrumbs and menus ("Trang chủ > Tin tức > …"), footer lines ("Bản quyền thuộc …",
 * "Địa chỉ: …", "Giấy phép số …"). Other articles' headlines carry numbers and places that are not the
 * report's. Found by the shape of the lines, never by what a headline says; the report's own lists ("- Xã A:
 * 12 cuộc") and headings ("Kết quả đạt được") open no section. Linear in the length of the text.
 */
import { rx } from "./lexicon.ts";
import type { Prepared } from "./normalize.ts";

interface Line { start: number; end: number; text: string; key: string }

/** A section of other pages' links: what names it, alone on its line (or before ":" and a headline). */
const MARKER = rx("^(các |những )?(tin|bài|bài viết|tin bài|tin tức|tin ảnh|video)( (khác|liên quan|cùng chuyên mục|cùng danh mục|cùng chủ đề|cùng loại|cùng lĩnh vực|mới|mới hơn|cũ hơn|mới nhất|mới cập nhật|đã đưa|đã đăng|trước|tiếp theo|nổi bật|tiêu điểm|đọc nhiều|xem nhiều|được quan tâm|nhiều người đọc|nóng|nhất))+$");
const MARKER_ALONE = rx("^(xem thêm|đọc thêm|xem tiếp|có thể bạn quan tâm|bạn có thể quan tâm|đọc nhiều|xem nhiều|đọc nhiều nhất|xem nhiều nhất|nổi bật|tiêu điểm|cùng chuyên mục|chuyên mục khác|liên quan|thăm dò ý kiến|bình chọn|liên kết website|liên kết web|liên kết|website liên kết|lượt truy cập|thống kê truy cập)$");
/** A footer line: copyright, the publisher's address and numbers, its licence, the reprint notice. */
const FOOTER = rx("^[\\s©•*·-]*(bản quyền|©|copyright|địa chỉ\\s*:|trụ sở\\s*:|điện thoại\\s*:|đt\\s*:|tel\\s*:|fax\\s*:|e-?mail\\s*:|giấy phép (số|thiết lập|hoạt động|xuất bản)|giấy phép\\s*:|chịu trách nhiệm|ghi rõ nguồn|cơ quan chủ quản|trưởng ban biên tập|tổng biên tập\\s*:|đường dây nóng|hotline|email của bạn sẽ không|gửi bình luận|viết bình luận|ý kiến bạn đọc|thiết kế bởi|phát triển bởi|số lượt truy cập|đang truy cập|đang trực tuyến|đang online)");
const DATE = /\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/u;
/** A date and time closing a headline: " (12/01/2024)", " - 20/02/2024 09:00", " 12/01/2024 10:30". */
const DATE_END = /[\s\-–—|(]*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(\s+\d{1,2}:\d{2}(:\d{2})?)?\s*\)?\s*$/u;
/** What a line of the date alone may hold besides: the time, a weekday, "(GMT+7)", "Cập nhật". */
const DATE_WORDS = /\d{1,2}:\d{2}(:\d{2})?|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\(?gmt\s*\+\s*\d+\)?|\b(am|pm)\b|[^\p{L}\p{M}\s]/gu;
/** A report's list item: "- Xã A: 12 cuộc", "+ …", "1. …", "a) …" (a run of dated lines opens no section with them). */
const ITEM_LEAD = /^\s*([-+–]|\d{1,2}[.)]|[a-zđ][.)])\s/u;

function words(s: string): number {
  return s.trim() ? s.trim().split(/\s+/u).length : 0;
}

/** A line of a date (and time) alone: "15/03/2024 10:30", "Cập nhật ngày: 07/01/2022 06:09:40". */
function dateOnly(l: Line): boolean {
  return l.key.length <= 60 && DATE.test(l.key) && words(l.key.replace(DATE_WORDS, " ")) <= 4;
}

/** A headline's shape: one short statement of a few words, no closing full stop, no second sentence. */
function title(l: Line): boolean {
  // Lengths first: every test below is on one short line (a page's longest lines stay linear).
  if (l.text.length > 250 || dateOnly(l)) return false;
  const t = l.text.replace(DATE_END, "").replace(/^[\s•·*»>-]+/u, "").trim();
  if (t.length < 12 || t.length > 180 || words(t) < 4 || /[.:;,]$/u.test(t)) return false;
  return !/[.!?]\s+[\p{Lu}"“]/u.test(t);
}

/** A paragraph of prose: long, or a sentence (closed by its stop, or two of them) past a headline's length. */
function prose(l: Line): boolean {
  const t = l.text.trim();
  return t.length > 200 || ((/[.!?…]$/u.test(t) || /[.!?]\s+[\p{Lu}]/u.test(t)) && t.length > 80);
}

/**
 * The paragraph of prose right after headline `j` (past a date line, a byline or a kicker), or -1: a headline
 * between is the report's (a link, then its date, then the report's headline and body). A long line with a date
 * line of its own is a headline.
 */
function proseAfter(lines: Line[], j: number): number {
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

function nextLine(lines: Line[], k: number): number {
  let n = k + 1;
  while (n < lines.length && !lines[n]!.key.trim()) n++;
  return n;
}

/**
 * How headline `k` carries its date: at the line's end, on the next line, or not at all, with the date's form
 * (digits as 0: "end (00/00/0000)", "next 00/00/0000 00:00", "next cập nhật ngày: 00/00/0000").
 */
function shape(lines: Line[], k: number): string {
  const n = nextLine(lines, k);
  const end = lines[k]!.key.length <= 250 ? DATE_END.exec(lines[k]!.key) : null;
  if (end) return `end ${end[0].trim().replace(/\d/gu, "0")}`;
  return n < lines.length && dateOnly(lines[n]!) ? `next ${lines[n]!.key.trim().replace(/\d/gu, "0")}` : "none";
}

/**
 * Whether the paragraph at `p` is a link's teaser, not the report's body: another headline dated the same way,
 * another section or the page's end follows it (the body goes on in paragraphs).
 */
function teaser(lines: Line[], p: number, how: string): boolean {
  const q = nextLine(lines, p);
  if (q >= lines.length) return true;
  const l = lines[q]!;
  return marker(l) || markerWithTitle(l) || (title(l) && !prose(l) && shape(lines, q) === how);
}

function marker(l: Line): boolean {
  if (l.key.length > 80) return false;
  const t = l.key.replace(/^[\s•·*»>|-]+|[\s:»>|]+$/gu, "");
  return t.length <= 40 && (MARKER.test(t) || MARKER_ALONE.test(t));
}

/** "Xem thêm: <headline>", "Tin liên quan: <headline>" on one line. */
function markerWithTitle(l: Line): boolean {
  const c = l.key.indexOf(":");
  if (c < 0 || c > 40) return false;
  const head: Line = { ...l, key: l.key.slice(0, c), text: l.text.slice(0, c) };
  const rest: Line = { ...l, key: l.key.slice(c + 1), text: l.text.slice(c + 1) };
  return marker(head) && title(rest);
}

/** A breadcrumb or a menu: three or more short labels between ">", "»", "›", "|" or " / ", no digits. */
function crumbs(l: Line): boolean {
  if (l.key.length > 200) return false;
  const parts = l.key.trim().split(/\s*[>»›|]\s*|\s+\/\s+/u).filter((s) => s.trim());
  return parts.length >= 3 && l.key.length <= 200 && parts.every((s) => words(s) <= 6 && !/\d/u.test(s));
}

/** A pager: page numbers in a row ("1 2 3", "« 1 2 3 »"), or with a paging word ("Trang 2/5", "Trang sau"). */
function pager(l: Line): boolean {
  // A table's row of column numbers ("1\t2\t3") is the table's, not a pager.
  if (l.key.length > 80 || !/\d/u.test(l.key) || l.key.includes("\t")) return false;
  const toks = l.key.replace(/[«»‹›<>|…·]/gu, " $& ").trim().split(/\s+/u);
  if (!toks.every((t) => PAGER_TOKEN.test(t))) return false;
  const nums = toks.filter((t) => /^\d+$/u.test(t)).map(Number);
  if (toks.some((t) => /^[\p{L}«»‹›<>]/u.test(t) || t.includes("/"))) return true;
  return nums.length >= 2 && nums.every((n, k) => k === 0 || n === nums[k - 1]! + 1);
}
const PAGER_TOKEN = rx("^(trang|tiếp|sau|trước|đầu|cuối|theo|next|prev|first|last|\\d{1,3}(/\\d{1,3})?|[«»‹›<>|…·.,-]+)$");
/** A menu's label alone on its line: short, no digits, no closing stop. */
function menuItem(l: Line): boolean {
  const t = l.key.trim();
  return t.length > 0 && t.length <= 30 && words(t) <= 4 && !/[\d.:;,!?]$|\d/u.test(t) && !ITEM_LEAD.test(l.text);
}
const NAV = rx("^(trang chủ|giới thiệu|tin tức|liên hệ|sơ đồ (trang|site|cổng)|hỏi đáp|thư viện|văn bản|tài liệu|đăng nhập|tìm kiếm|sự kiện|lịch công tác|hình ảnh|video|góp ý|english|rss|thủ tục hành chính|dịch vụ công)\\b");

/** The last line of a menu one label a line from `i` (four or more, two of them a site's sections), or -1. */
function menuEnd(lines: Line[], i: number): number {
  if (i > 0 && menuItem(lines[i - 1]!)) return -1; // one scan a run (linear)
  let k = i;
  let nav = 0;
  while (k < lines.length && menuItem(lines[k]!)) { if (NAV.test(lines[k]!.key.trim())) nav++; k++; }
  return k - i >= 4 && nav >= 2 ? k - 1 : -1;
}

/**
 * Whether the dated headlines of lines i..last are the report's own events: lines between its paragraphs (a
 * paragraph before them, one after the last of them, no teaser between) or after a line that leads into them (":").
 */
function ownEvents(lines: Line[], i: number, last: number): boolean {
  let p = i - 1;
  while (p >= 0 && !lines[p]!.key.trim()) p--;
  if (p < 0) return false;
  if (/:\s*$/u.test(lines[p]!.text) && !marker(lines[p]!)) return true;
  if (!prose(lines[p]!)) return false;
  let end = i;
  for (let k = i; k <= last; k++) {
    // A date with its time is a page's stamp on a link, never the report's own event.
    if (/\d{1,2}:\d{2}/u.test(lines[k]!.key) && (dateOnly(lines[k]!) || DATE_END.test(lines[k]!.key))) return false;
    if (title(lines[k]!) || dateOnly(lines[k]!)) end = k;
  }
  for (let k = i; k <= end; k++) if (prose(lines[k]!)) return false;
  const after = nextLine(lines, end);
  return after < lines.length && prose(lines[after]!);
}

/** Whether the line after paragraph `p` is another headline dated the way `how` says: the paragraph has a sibling link. */
function sibling(lines: Line[], p: number, how: string): boolean {
  const q = nextLine(lines, p);
  return q < lines.length && title(lines[q]!) && !prose(lines[q]!) && shape(lines, q) === how;
}

/**
 * The last line of a list of headlines from line `j` on (each a headline, with its date at its end or on the
 * next line; short label lines of a poll between), or j - 1 when none. A list of dated headlines ends at the
 * first undated one; any list ends at the report's headline (the body follows it) and at another marker.
 * `top`: the list's marker comes before any paragraph of the page ("Tin mới" of a site's menu above the report).
 */
function listEnd(lines: Line[], j: number, needDates: boolean, top = false): number {
  let last = j - 1;
  let prev = -1; // the last line with words
  // How the list's headlines carry their dates: at the line's end, on the next line, or not at all. A headline
  // dated otherwise is no item of it (the report's own headline and date line after a sidebar's list).
  let dated: string | null = null;
  let teasers = 0;
  for (let k = j; k < lines.length; k++) {
    const l = lines[k]!;
    if (!l.key.trim()) continue;
    const after = prev;
    prev = k;
    if (marker(l) || markerWithTitle(l)) break;
    if (pager(l) && last >= j) { last = k; continue; }
    const item = after === last && last >= j; // right after an item of the list
    if (dateOnly(l) && item) { last = k; continue; }
    if (title(l)) {
      const how = shape(lines, k);
      if ((dated !== null && how !== dated) || (needDates && (how === "none" || ITEM_LEAD.test(l.text)))) break;
      // A headline the body follows is the report's (one with its date at its end is another page's link),
      // unless that paragraph is a link's teaser.
      const p = how.startsWith("end") ? -1 : proseAfter(lines, k);
      // An undated headline and one paragraph that ends the page, in a list whose items had no teaser (or right
      // under an empty marker): the report's headline and body.
      // A first item under a marker above the page's prose, whose paragraph no other link follows (the page ends or
      // another section opens), is the report's headline and body: a list of one link is no list.
      if (p >= 0 && (!teaser(lines, p, how) || (top && dated === null && !sibling(lines, p, how))
        || (teasers === 0 && how === "none" && nextLine(lines, p) >= lines.length))) break;
      dated = how;
      last = k;
      continue;
    }
    if (item && dated !== null && prose(l) && teaser(lines, k, dated)) { last = k; teasers++; continue; }
    // A poll's options, a link's short label: no digits, a few words.
    if (!needDates && !/\d/u.test(l.key) && words(l.key) <= 5 && l.key.trim().length <= 40) { last = k; continue; }
    break;
  }
  return last;
}

/**
 * The breadcrumb lines near the page's top ("Trang chủ » Các xã, thị trấn » Xã Ea Tul"): cut with the furniture,
 * yet the section they name may be the only place the page names its unit (scope-unit.ts reads them).
 */
export function breadcrumbs(text: string, key: string): string[] {
  const out: string[] = [];
  for (let at = 0, n = 0; at < Math.min(text.length, 3000) && n < 40; n++) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const l: Line = { start: at, end, text: text.slice(at, end), key: key.slice(at, end) };
    if (crumbs(l)) out.push(l.text);
    at = end + 1;
  }
  return out;
}

/** The [start, end) ranges of `text` (prepared) that are page furniture, each whole lines with their newline. */
export function furnitureRanges(text: string, key: string): Array<[number, number]> {
  const lines: Line[] = [];
  for (let at = 0; at <= text.length;) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    lines.push({ start: at, end, text: text.slice(at, end), key: key.slice(at, end) });
    at = end + 1;
  }
  const out: Array<[number, number]> = [];
  const cut = (a: number, b: number) => {
    const from = lines[a]!.start;
    const to = Math.min(text.length, lines[b]!.end + 1);
    const prev = out[out.length - 1];
    if (prev && prev[1] >= from) prev[1] = Math.max(prev[1], to);
    else out.push([from, to]);
  };
  let proseSeen = false; // a paragraph of the page before line i
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.key.trim()) continue;
    if (marker(l) || markerWithTitle(l)) {
      const last = listEnd(lines, i + 1, false, !proseSeen);
      cut(i, Math.max(i, last));
      i = Math.max(i, last);
      continue;
    }
    if (l.text.length <= 250 && FOOTER.test(l.key)) { cut(i, i); continue; }
    if (crumbs(l) || pager(l)) { cut(i, i); continue; }
    const menu = menuEnd(lines, i);
    if (menu >= 0) { cut(i, menu); i = menu; continue; }
    // No marker: two or more headlines in a row, each with its date.
    if (title(l) && !ITEM_LEAD.test(l.text)) {
      const last = listEnd(lines, i, true);
      let items = 0;
      for (let k = i; k <= last; k++) if (title(lines[k]!)) items++;
      if (items >= 2) {
        if (!ownEvents(lines, i, last)) cut(i, last);
        i = last; // the report's own run is read whole, not again from its second line
        continue;
      }
    }
    if (prose(l)) proseSeen = true;
  }
  return out;
}

/**
 * The text with its furniture cut out, and where a position of it lies in the text as given (null: none cut);
 * `p`: `raw` prepared (the caller reads it too when nothing is cut).
 */
export function cutFurniture(raw: string, p: Prepared): { text: string; back(at: number): number } | null {
  const ranges = furnitureRanges(p.text, p.key);
  if (!ranges.length) return null;
  const starts: number[] = []; // where each kept piece starts in the cut text
  const from: number[] = []; // and in `raw`
  let text = "";
  let at = 0;
  const keep = (a: number, b: number) => {
    if (b <= a) return;
    starts.push(text.length);
    from.push(a);
    text += raw.slice(a, b);
  };
  for (const [s, e] of ranges) {
    const [rs, re] = p.toOriginal(s, e);
    keep(at, rs);
    at = Math.max(at, re);
  }
  keep(at, raw.length);
  if (!starts.length) return { text: "", back: (x) => x };
  return {
    text,
    back(x: number): number {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= x) lo = mid;
        else hi = mid - 1;
      }
      return from[lo]! + (x - starts[lo]!);
    },
  };
}
