/**
 * Pure: prepares raw report text for reading. Reports arrive as NFD or NFC, with CRLF, HTML
 * tags and entities pasted from web pages, spaces typed twice, zero-width characters, a pair's slash
 * or a range's dash typed with spaces, thousands grouped by thin spaces. The reader works on one clean NFC string, but every
 * span it reports must point into the text AS GIVEN, so the preparation keeps an offset map.
 * One pass, linear time; the common case (clean NFC text) keeps no map at all.
 */

export interface Prepared {
  /** Clean NFC text: tags become a space or a newline, entities are decoded, CR and invisible characters removed, spaces typed twice inside a sentence made one. */
  text: string;
  /** Lower case, one tone placement (hòa = hoà), same length as `text`: rules match on this. */
  key: string;
  /** Maps a span of `text` back to the original string. */
  toOriginal(start: number, end: number): [number, number];
}

const ENTITIES: Record<string, string> = {
  nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", ndash: "–", mdash: "—", hellip: "…",
  ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’", laquo: "«", raquo: "»", bull: "•", middot: "·", sup2: "²",
};
const BLOCK_TAG = /^<\/?(p|br|div|li|ul|ol|tr|td|th|table|h[1-6]|section|article|header|footer|blockquote)\b/i;
const TAG = /^<\/?[a-zA-Z!][^<>]{0,300}>/;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});/;
const NEEDS_WORK = /[&<\r\u00a0\u0300-\u036f\u200b-\u200d\u2060\ufeff\u2009\u202f]|\S {2}|\d {1,2}\/ {0,2}\d|\d\/ {1,2}\d|\d[-–] \d/;
/** A pair's slash with spaces typed around it, between two numbers: "34/ 37", "34 / 37". */
const SPACED_SLASH = /^ {0,2}\/ {0,2}(?=\d)/;
/** A thin space grouping thousands ("1 200", as a French-set word processor writes it): a dot, as Vietnamese writes it. */
const THIN_THOUSANDS = /^[\u2009\u202f]\d{3}(?!\d)/;
const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** A year right before a range's dash, and the spaces and year after it ("2023- 2025"). */
const YEAR_BEFORE = /(?:^|\D)(?:19|20)\d\d$/;
const YEAR_AFTER = /^( {1,2})(?:19|20)\d\d(?!\d)/;
/** Characters pasted web pages carry that show nothing: zero-width spaces and joiners, the word joiner, a byte order mark. */
const isInvisible = (c: number) => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
/** A column's cell after a gap: a number ending its line, or followed by the next gap ("Tiếp công dân    83"). */
const COLUMN_CELL = /^[\d.,/%]+(?:[ \u00a0]*(?:$|[\n\r\t])|[ \u00a0]{2,}[\d(])/;
/** A number right before a gap that opens its line or a tab's cell ("  12  Xã A"); or any, to find where it starts. */
const CELL_OPENS_LINE = /[\n\t][ \u00a0]*[\d.,/%]+$/;
const NUMBER_BEFORE = /[\d.,/%]+$/;
const isSpace = (c: number) => c === 32 || c === 0xa0;
const isBlank = (c: number) => isSpace(c) || c === 9 || c === 10 || c === 13;

/** The characters the preparation may change or look around (see prepare's loop); any other is copied as it is. */
const SPECIAL = new Uint8Array(0x10000);
for (const c of [13, 32, 38, 45, 47, 60, 0xa0, 0x2009, 0x202f, 0x2013, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) SPECIAL[c] = 1;
for (let c = 0x300; c <= 0x36f; c++) SPECIAL[c] = 1;

/** True for code points of combining diacritical marks (NFD tone and vowel marks). */
const isMark = (c: number) => c >= 0x300 && c <= 0x36f;

function decodeEntity(body: string): string | null {
  if (body[0] === "#") {
    const n = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return null;
    const ch = String.fromCodePoint(n);
    return ch === "\u00a0" ? " " : ch;
  }
  return ENTITIES[body.toLowerCase()] ?? null;
}

// Old-style tone placement (òa, óe, ủy) folded to the new style (oà, oé, uỷ), as matchKey does;
// both are two NFC code units, so the fold keeps every offset.
const TONES_O = "òóõỏọ";
const TONES_A = "àáãảạ";
const TONES_E = "èéẽẻẹ";
const TONES_U = "ùúũủụ";
const TONES_Y = "ỳýỹỷỵ";
const TONE_FOLD = /[òóõỏọ][ae]|[ùúũủụ]y/g;
function foldPair(m: string): string {
  const i = TONES_O.indexOf(m[0]!);
  if (i >= 0) return "o" + (m[1] === "a" ? TONES_A[i] : TONES_E[i]);
  return "u" + TONES_Y[TONES_U.indexOf(m[0]!)];
}

/** Lower case + one tone placement; keeps the length (one code unit per code unit). */
export function keyOf(text: string): string {
  let low = text.toLowerCase();
  if (low.length !== text.length) {
    let out = "";
    for (const ch of text) {
      const l = ch.toLowerCase();
      out += l.length === ch.length ? l : ch;
    }
    low = out;
  }
  return low.replace(TONE_FOLD, foldPair);
}

/** The Icelandic eth typed for the Vietnamese đ ("Cờ Ðỏ": U+00D0 for U+0110), one code unit for one. */
const lookAlikes = (s: string) => (/[\u00d0\u00f0]/.test(s) ? s.replace(/\u00d0/g, "Đ").replace(/\u00f0/g, "đ") : s);

/** Prepares `raw` (any string) for reading; see Prepared. */
export function prepare(raw: string): Prepared {
  if (!NEEDS_WORK.test(raw) && raw.normalize("NFC") === raw) {
    const text = lookAlikes(raw);
    return { text, key: keyOf(text), toOriginal: (s, e) => [s, e] };
  }
  const n = raw.length;
  let starts = new Int32Array(n + 1);
  let ends = new Int32Array(n + 1);
  const parts: string[] = [];
  let o = 0; // length of the output so far
  const ensure = (extra: number) => {
    if (o + extra < starts.length) return;
    const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2 + extra); b.set(a); return b; };
    starts = grow(starts);
    ends = grow(ends);
  };
  const emit = (s: string, from: number, to: number) => {
    ensure(s.length);
    parts.push(s);
    for (let k = 0; k < s.length; k++) { starts[o + k] = from; ends[o + k] = to; }
    o += s.length;
  };
  let run = 0; // start of a run of characters copied unchanged
  const flush = (i: number) => {
    if (i > run) {
      ensure(i - run);
      parts.push(raw.slice(run, i));
      for (let k = run; k < i; k++) { starts[o] = k; ends[o] = k + 1; o++; }
    }
  };
  let cellAt = -1; // where the last column's cell after a kept gap starts
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    // Most characters need nothing (a letter or a digit, no combining mark after it): one table look.
    if (SPECIAL[c] === 0 && !(i + 1 < n && isMark(raw.charCodeAt(i + 1)))) { i++; continue; }
    // A single space between words, the commonest of those: nothing to do either.
    if (c === 32) {
      const d = raw.charCodeAt(i + 1);
      if (d !== 32 && d !== 0xa0 && d !== 47 && raw.charCodeAt(i + 2) !== 47 && !isMark(d)) { i++; continue; }
    }
    if (c === 13 /* \r */) {
      flush(i);
      if (raw.charCodeAt(i + 1) === 10) { i++; run = i; continue; }
      emit("\n", i, i + 1); i++; run = i; continue;
    }
    if (isSpace(c) && i > 0 && !isBlank(raw.charCodeAt(i - 1)) && isSpace(raw.charCodeAt(i + 1))) {
      // Spaces typed twice inside a sentence ("tiếp  71  lượt") are one space; a column's gap before its cell is kept.
      let j = i + 2;
      while (j < n && j - i < 40 && isSpace(raw.charCodeAt(j))) j++;
      // A number after a kept gap, or opening its line, is a cell too: the gap after it is the next column's.
      const back = i < 24 ? `\n${raw.slice(0, i)}` : raw.slice(i - 24, i);
      const number = NUMBER_BEFORE.exec(back);
      const cellBefore = number !== null && (i - number[0].length === cellAt || CELL_OPENS_LINE.test(back));
      if (COLUMN_CELL.test(raw.slice(j, j + 24))) cellAt = j;
      else if (j < n && !isBlank(raw.charCodeAt(j)) && !cellBefore) {
        flush(i); emit(" ", i, j); i = j; run = i; continue;
      }
    }
    if ((c === 47 ? raw.charCodeAt(i + 1) === 32 : c === 32 && (raw.charCodeAt(i + 1) === 47 || raw.charCodeAt(i + 2) === 47)) && i > 0 && isDigitCode(raw.charCodeAt(i - 1))) {
      const m = SPACED_SLASH.exec(raw.slice(i, i + 6));
      if (m && m[0].length > 1) { flush(i); emit("/", i, i + m[0].length); i += m[0].length; run = i; continue; }
    }
    if ((c === 45 || c === 8211) && raw.charCodeAt(i + 1) === 32 && i >= 4 && YEAR_BEFORE.test(raw.slice(i - 5, i)) && YEAR_AFTER.test(raw.slice(i + 1, i + 8))) {
      // A range of years typed with a space after its dash ("2023- 2025") reads as typed without ("2023-2025").
      const m = YEAR_AFTER.exec(raw.slice(i + 1, i + 8))!;
      flush(i); emit(raw[i]!, i, i + 1 + m[1]!.length); i += 1 + m[1]!.length; run = i; continue;
    }
    if ((c === 0x2009 || c === 0x202f) && i > 0 && isDigitCode(raw.charCodeAt(i - 1)) && THIN_THOUSANDS.test(raw.slice(i, i + 5))) {
      flush(i); emit(".", i, i + 1); i++; run = i; continue;
    }
    if (c === 0xa0 || c === 0x2009 || c === 0x202f) { flush(i); emit(" ", i, i + 1); i++; run = i; continue; }
    if (isInvisible(c)) { flush(i); i++; run = i; continue; }
    if (c === 60 /* < */) {
      const m = TAG.exec(raw.slice(i, i + 320));
      if (m) {
        flush(i);
        let to = i + m[0].length;
        // Scripts, styles and comments of a pasted web page hold no report text.
        const hidden = /^<(script|style|!--)/i.exec(m[0]);
        if (hidden) {
          const close = new RegExp(hidden[1] === "!--" ? "-->" : `</${hidden[1]}\\s*>`, "gi");
          close.lastIndex = i + 4;
          const c = close.exec(raw);
          to = c ? c.index + c[0].length : n;
        }
        emit(BLOCK_TAG.test(m[0]) || hidden ? "\n" : " ", i, to);
        i = to; run = i; continue;
      }
    } else if (c === 38 /* & */) {
      const m = ENTITY.exec(raw.slice(i, i + 12));
      const d = m ? decodeEntity(m[1]!) : null;
      if (m && d !== null) { flush(i); emit(d, i, i + m[0].length); i += m[0].length; run = i; continue; }
    } else if (i + 1 < n && isMark(raw.charCodeAt(i + 1))) {
      // A base letter with combining marks: compose it (NFD → NFC), mapped to the whole cluster.
      let j = i + 1;
      while (j < n && isMark(raw.charCodeAt(j))) j++;
      flush(i);
      emit(raw.slice(i, j).normalize("NFC"), i, j);
      i = j; run = i; continue;
    } else if (isMark(c)) {
      flush(i); emit(raw[i]!, i, i + 1); i++; run = i; continue;
    }
    i++;
  }
  flush(n);
  let text = parts.join("");
  // Anything NFC still changes (rare scripts) is left as is: offsets matter more than form.
  if (text.normalize("NFC").length === text.length) text = text.normalize("NFC");
  text = lookAlikes(text);
  const st = starts;
  const en = ends;
  const total = o;
  return {
    text,
    key: keyOf(text),
    toOriginal: (s, e) => {
      if (total === 0) return [0, 0];
      const a = st[Math.min(s, total - 1)]!;
      const b = e <= s ? a : en[Math.min(e, total) - 1]!;
      return [a, b];
    },
  };
}

/** What ends a line that a sentence goes on from: a letter, a digit, a comma, a closing parenthesis or quote, "%", a dash. */
const WRAP_END = /(?:[\p{L}\p{M}\d,)%”"]|\s[–-])$/u;
/** What the next line opens with when it goes on: a lower-case letter, a parenthesis, a number (a pair, a share) with words or "%" after it. */
const WRAP_START = /^[ \t]*(\p{Ll}|\(|\d[\d.,/]*\s*(\p{L}|%))/u;
/**
 * A line that ends with a word no sentence or title ends with — a preposition, a conjunction, a type or title word
 * ("ủng hộ của", "tại", "xã", "đồng chí") — goes on even in a capitalised word: "… ủng hộ của\nCông ty A 50 triệu đồng".
 */
const WRAP_OPEN_END = /(?:^|[^\p{L}\p{M}])(?:của|và|với|tại|ở|cho|các|những|về|theo|từ|đến|trong|là|được|do|nhằm|để|như|cùng|thuộc|gồm|xã|phường|huyện|tỉnh|quận|thị trấn|thị xã|thành phố|đồng chí|ông|bà)$/u;
/** A name in quotes opening the line: "“Vì người nghèo”", "\"Dân vận khéo\"". */
const QUOTE_START = /^[ \t]*[“"«]\s*\p{L}/u;
/** The shortest line (characters) taken for one wrapped at a page's width (a headline is most often shorter). */
const WRAPPED_WIDTH = 40;
/** An abbreviation in capitals opening the line, then lower case or a number: "NVQS được trở về", "ANQP, 37 mô hình". */
const ABBREVIATION_START = /^[ \t]*\p{Lu}{2,6}(?![\p{L}\p{M}])[,;]?\s+[\p{Ll}\d]/u;
/** Words a number alone on the next line goes on from: "đạt trên\n98,4%", "tổng số\n1.250". */
const NUMBER_OPEN_END = /(?:^|[^\p{L}\p{M}])(?:trên|hơn|gần|khoảng|đạt|là|được|với|có|số|gồm)$/u;
/** A quote opened on the line and not closed: "Kỷ niệm chương “Vì giai cấp nông dân\nViệt Nam”". */
function quoteOpen(line: string): boolean {
  let open = 0, plain = 0;
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 0x201c) open++;
    else if (c === 0x201d) open = Math.max(0, open - 1);
    else if (c === 34) plain++;
  }
  return open > 0 || plain % 2 === 1;
}
/** A capitalised word (not a title in capitals): "Công ty", "Huyện ủy", "Ủy ban". */
const CAPITALISED_START = /^[ \t]*\p{Lu}[\p{Ll}\p{M}]/u;
/** A list item's mark, which opens a line of its own even in lower case: "a) …", "ii. …". */
const LOWER_LIST_MARK = /^[ \t]*(([a-zđ]|[ivx]{1,5})[.)]|\d{1,2}[.)])\s/u;

/**
 * A plain text's lines hard-wrapped inside a sentence (as an e-mail or a copied page gives them), joined: a line
 * break after a line ending with no sentence mark, before a line that goes on in lower case (or in a capitalised
 * word after a word no sentence ends with: WRAP_OPEN_END), becomes a space in both strings (one code unit for one:
 * spans keep their offsets). A blank line, a sentence's end, ":" and ";", a list item and a title in capitals still
 * end their line (PDF text is joined by layout.ts already).
 */
export function joinWrapped(text: string, key: string): { text: string; key: string } {
  const breaks: number[] = [];
  let lineStart = 0;
  for (let j = text.indexOf("\n"); j >= 0; j = text.indexOf("\n", j + 1)) {
    const line = text.slice(lineStart, j).trimEnd();
    const next = text.slice(j + 1, text.indexOf("\n", j + 1) >>> 0);
    lineStart = j + 1;
    // A line as wide as a page's, ending in lower case, goes on in a name in quotes or an abbreviation ("hoàn thành\nNVQS");
    // after a comma or an open word, so does a shorter one ("vận động quỹ “Đền ơn đáp nghĩa”,\n“Vì người nghèo” được …");
    // a quote left open goes on in any word.
    const wide = line.length >= WRAPPED_WIDTH && /\p{Ll}$/u.test(line);
    const goesOn = WRAP_START.test(next) || (WRAP_OPEN_END.test(line) && CAPITALISED_START.test(next))
      || ((wide || line.endsWith(",") || WRAP_OPEN_END.test(line)) && QUOTE_START.test(next))
      || (wide && ABBREVIATION_START.test(next)) || (/^[ \t]*\p{L}/u.test(next) && quoteOpen(line));
    // A line of a number alone ("100%", a zoom level or a cell) goes on nothing, unless the line before asks for one ("đạt trên").
    const numberAlone = /^[\s\d.,/%]*$/.test(next) && !NUMBER_OPEN_END.test(line);
    // A table's row pasted with tabs, opening with its serial number ("1\tXã A\t05"), opens a line of its own.
    if (!WRAP_END.test(line) || !/\p{Ll}/u.test(line) || !goesOn || LOWER_LIST_MARK.test(next) || numberAlone || /^[ ]*\d{1,3}\t/.test(next)) continue;
    breaks.push(j);
  }
  return joinBreaks(text, key, breaks);
}

/** The line breaks at `breaks` (ascending) made spaces in both strings: one code unit for one, so spans keep their offsets. */
export function joinBreaks(text: string, key: string, breaks: readonly number[]): { text: string; key: string } {
  if (breaks.length === 0) return { text, key };
  const join = (s: string) => {
    const parts: string[] = [];
    let from = 0;
    for (const j of breaks) { parts.push(s.slice(from, j), " "); from = j + 1; }
    parts.push(s.slice(from));
    return parts.join("");
  };
  return { text: join(text), key: join(key) };
}
