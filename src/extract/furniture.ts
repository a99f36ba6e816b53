/**
 * Pure: a news page's furniture around the report, cut before reading: lists of other articles (a section
 * marker line such as "Tin liên quan", "Các tin khác", "Xem thêm", then short headline lines, mostly dated
 * "(12/01/2024)" or "12/01/2024 10:30"; or, with no marker, a run of dated headline lines), polls and link
 * lists under their marker, breadcrumbs and menus ("Trang chủ > Tin tức > …"), footer lines ("Bản quyền thuộc …",
 * "Địa chỉ: …", "Giấy phép số …"). Other articles' headlines carry numbers and places that are not the
 * report's. Found by the shape of the lines, never by what a headline says; the report's own lists ("- Xã A:
 * 12 cuộc") and headings ("Kết quả đạt được") open no section. Linear in the length of the text.
 */
import type { Prepared } from "./normalize.ts";
import { DATE_END, FOOTER, ITEM_LEAD, type Line, crumbs, dateOnly, marker, markerWithTitle, menuEnd, nextLine, pager, prose, proseAfter, shape, teaser, title, words } from "./furniture-lines.ts";

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
