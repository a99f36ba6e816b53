/**
 * Pure: reads the figures of a Vietnamese report (../shared/spec/indicators.md, "How a figure is
 * read") and its scope, into the extractor's output contract. No database, no I/O; linear in
 * the length of the text (each number looks at a bounded window around it).
 */
import { keyOf, prepare } from "./normalize.ts";
import { isLetter, qualifierBefore, scanAmount, scanNumberWords, scanNumeral } from "./number.ts";
import { indicatorFor, rx, MONEY, MONEY_SCALED, NAME_BEFORE_1, NAME_BEFORE_2, NOT_UNIT, SHARE_LEFT, STOP_WORDS, UNITS, YEAR_BEFORE } from "./rules.ts";
import { detectScope, type Scope } from "./scope.ts";
import type { DocumentKind, ReportDocument } from "./document.ts";
import { tableFigures } from "./grid.ts";
import { labelNoun, levelItemsLead, listHeading, statementStart } from "./items.ts";

/** One figure, as the output contract prints it; start/end point into the input as given. */
export interface ExtractedFigure {
  start: number;
  end: number;
  text: string;
  value: number;
  of: number | null;
  unit: string | null;
  qualifier: string | null;
  indicator: string | null;
  /** Page of a PDF or scan (1-based), and the figure's box on it (x0, y0, x1, y1, y downwards). */
  page?: number;
  box?: [number, number, number, number];
  /** OCR confidence (0–1) of the weakest word of the figure: such figures are saved only after review. */
  confidence?: number;
  /** From a table: the place its row or column names and the period its header names (null: the document's). */
  place?: string | null;
  period?: string | null;
  /** From a table: its index in the document and the cell's row and column. */
  table?: { index: number; row: number; col: number };
}

export interface ExtractResult {
  scope: Scope;
  figures: ExtractedFigure[];
}

/** What the reader says of a document besides its figures (for files other than plain text). */
export interface DocumentInfo {
  name: string;
  kind: DocumentKind;
  hash: string;
  pages: number;
  ocrPages: number[];
  tables: number;
}

export interface DocumentResult extends ExtractResult {
  document: DocumentInfo;
  /** The text the spans point into (as read from the file). */
  text: string;
  /** Where each page's text lies in `text`. */
  pages: Array<{ page: number; start: number; end: number }>;
}

export interface ExtractHints {
  /** Overrides what the text says (the user knows better). */
  unit?: string | undefined;
  period?: string | undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9;
const WINDOW = 260;
const UNIT_WORDS = new Set(UNITS.map(([s]) => s).filter((s) => !s.includes(" ")));

/** The word ending at `i` (spaces skipped), or "" when punctuation comes first. */
function wordBefore(key: string, i: number): { word: string; start: number } {
  let j = i;
  while (j > 0 && isSpace(key.charCodeAt(j - 1))) j--;
  let s = j;
  while (s > 0 && isLetter(key.charCodeAt(s - 1))) s--;
  return { word: key.slice(s, j), start: s };
}

/** Start of the clause holding `i`: after the last sentence mark (or also comma, for a segment). */
function clauseStart(key: string, i: number, comma: boolean): number {
  const lo = Math.max(0, i - WINDOW);
  for (let j = i - 1; j >= lo; j--) {
    const c = key.charCodeAt(j);
    if (c === 10 || c === 33 || c === 63) return j + 1; // \n ! ?
    // ";" ends a sentence, except before "trong đó", which goes on with the sentence before.
    if (c === 59 && (comma || !/^\s*trong đó/.test(key.slice(j + 1, j + 14)))) return j + 1;
    if (comma && (c === 58 || c === 0x2026)) return j + 1; // ":" and "…" end a segment, not a sentence
    // "..." is an ellipsis like "…": it ends a segment, not a sentence, unless a line break follows.
    if (c === 46 && (key.charCodeAt(j - 1) === 46 || key.charCodeAt(j + 1) === 46) && key.charCodeAt(j + 1) !== 10) {
      if (comma) return j + 1;
      continue;
    }
    if (c === 46 && !(isDigit(key.charCodeAt(j - 1)) && isDigit(key.charCodeAt(j + 1)))) return j + 1;
    if (comma && (c === 44 || c === 40 || c === 41)) return j + 1;
  }
  return lo;
}

/** The noun phrase after `i`: up to the next comma, sentence mark or digit (at most 60 chars). */
function phraseAfter(key: string, i: number): string {
  let j = i;
  const hi = Math.min(key.length, i + 60);
  while (j < hi) {
    const c = key.charCodeAt(j);
    if (c === 44 || c === 46 || c === 59 || c === 58 || c === 10 || c === 33 || c === 63 || c === 40 || c === 0x2026 || isDigit(c)) break;
    j++;
  }
  return key.slice(i, j).trim();
}

/** The line holding [i, end), at most 80 chars each side (bounded scans: linear time overall). */
function lineAround(key: string, i: number, end: number): string {
  let a = i;
  while (a > 0 && i - a < 80 && key.charCodeAt(a - 1) !== 10) a--;
  let b = end;
  while (b < key.length && b - end < 80 && key.charCodeAt(b) !== 10) b++;
  return key.slice(a, b);
}

/** The rest of the sentence after `i` (at most `cap` chars). */
function sentenceTail(key: string, i: number, cap = 120): string {
  const hi = Math.min(key.length, i + cap);
  let j = i;
  while (j < hi) {
    const c = key.charCodeAt(j);
    if (c === 10 || c === 59 || c === 33 || c === 63 || c === 58 || c === 0x2026) break;
    if (c === 46 && !(isDigit(key.charCodeAt(j - 1)) && isDigit(key.charCodeAt(j + 1)))) break;
    j++;
  }
  return key.slice(i, j);
}

interface Unit { unit: string | null; end: number; /** A noun of the list, not a guess. */ known?: boolean }

/** The counted noun at `p` (spaces skipped), or null when the number counts nothing. */
function unitAt(text: string, key: string, p: number, scaled: boolean): Unit | null | "reject" {
  let j = p;
  while (isSpace(key.charCodeAt(j))) j++;
  const rest = key.slice(j, j + 40);
  if (NOT_UNIT.test(rest)) return "reject";
  if (MONEY.test(rest) || (scaled && MONEY_SCALED.test(rest))) return { unit: "đồng", end: j + 4, known: true };
  for (const [surface, unit] of UNITS) {
    if (rest.startsWith(surface) && !isLetter(rest.charCodeAt(surface.length))) return { unit, end: j + surface.length, known: true };
  }
  if (!isLetter(key.charCodeAt(j))) return scaled ? { unit: null, end: p } : null;
  if (j === p) return "reject"; // glued to letters that are not a unit: "12A", "5G", "Covid19"
  let e = j;
  while (e < key.length && isLetter(key.charCodeAt(e))) e++;
  const word = key.slice(j, e);
  // A capitalised word that is not a known counted noun is a name ("Đội công tác 253 Krông Pa").
  if (STOP_WORDS.has(word) || text[j] !== key[j]) return scaled ? { unit: null, end: p } : null;
  // Vietnamese nouns are mostly two syllables ("bệnh viện", "khẩu trang"): take the second too.
  if (key.charCodeAt(e) === 32 && isLetter(key.charCodeAt(e + 1)) && text[e + 1] === key[e + 1]) {
    let e2 = e + 1;
    while (e2 < key.length && isLetter(key.charCodeAt(e2))) e2++;
    if (!STOP_WORDS.has(key.slice(e + 1, e2))) return { unit: key.slice(j, e2), end: e2 };
  }
  return { unit: word, end: e };
}

interface Candidate {
  start: number;
  end: number;
  value: number;
  of: number | null;
  unit: string | null;
  qualifier: string | null;
  percent: boolean;
  indicator: string | null;
  seg: string;
  right: string;
  sentenceStart: number;
  /** For the low end of a range, where its high end starts (read next, though glued: "30-40%"). */
  rangeHigh?: number;
}

/** "lượt/52 người": a lower-case word before "/", and a known counted noun after the number. */
function slashAfterNoun(text: string, key: string, i: number): boolean {
  const w = wordBefore(key, i - 1);
  if (!w.word || text[w.start] !== key[w.start]) return false;
  if (UNIT_WORDS.has(w.word)) return true;
  const n = scanNumeral(key, i);
  const u = unitAt(text, key, n.end, false);
  return typeof u === "object" && u !== null && u.known === true;
}

/** Reads one number at `i`; returns the figure, or the position to continue from. */
function readAt(text: string, key: string, i: number, rangeHigh = false): Candidate | number {
  const n0 = scanNumeral(key, i);
  const prevC = rangeHigh ? 32 : key.charCodeAt(i - 1);
  // Glued to a word or a code: "Hôm nay3,397", "Covid-19", "02-NQ/HU", "I/2024", URLs.
  if (i > 0 && ((isLetter(prevC) && !gluedAfterWord(text, key, i, n0.end)) || prevC === 95 || prevC === 61 || prevC === 35 || prevC === 64 || prevC === 46
    || ((prevC === 47 || prevC === 45 || prevC === 8211) && (isLetter(key.charCodeAt(i - 2)) || isDigit(key.charCodeAt(i - 2)))))) {
    // "45 lượt/52 người", "215 lượt công dân/260 người": after a counted noun, "/" starts another figure.
    if (!(prevC === 47 && isLetter(key.charCodeAt(i - 2)) && slashAfterNoun(text, key, i))) return skipCode(key, n0.end);
  }
  const after = key.charCodeAt(n0.end);
  const after2 = key.charCodeAt(n0.end + 1);
  // Times "22:45", "8h30"; document numbers "17-CT/TU", "45/BC-UBND"; dates "26/12/2023".
  if (after === 58 && isDigit(after2)) return skipCode(key, n0.end);
  if (after === 104 /* h */ && (isDigit(after2) || !isLetter(after2))) return skipCode(key, n0.end);
  // A range: "từ 20 – 30 triệu đồng", "30-40%", "từ 3 đến 5 người": the low end is a figure too, in the
  // unit and scale of the high end ("2023 - 2024" are years; "20 – 30/3" is a date).
  const range = rangeAt(text, key, i, n0);
  if (range !== null) return range;
  if ((after === 45 || after === 8211) && (isLetter(after2) || isDigit(after2))) return skipCode(key, n0.end);
  if (after === 46 && isDigit(after2)) return skipCode(key, n0.end); // "1.2", section numbers
  // Section numbering at the start of a line: "1. Công tác…", "2) …".
  {
    let b = i;
    while (b > 0 && isSpace(key.charCodeAt(b - 1))) b--;
    if ((b === 0 || key.charCodeAt(b - 1) === 10) && (after === 46 || after === 41) && !isDigit(after2)) return n0.end + 1;
  }
  // Phone numbers and long codes.
  if (!n0.grouped && !n0.decimal && (n0.digits.length >= 9 || (n0.digits[0] === "0" && n0.digits.length >= 6))) return n0.end;
  const prev = wordBefore(key, i);
  const prev2 = prev.word ? wordBefore(key, prev.start) : { word: "", start: prev.start };
  const bigram = prev2.word + " " + prev.word;
  // "Hướng dẫn 13" names a document; "có văn bản hướng dẫn 223 đơn", "kết luận 2 cuộc thanh tra" count things.
  if (NAME_BEFORE_2.has(bigram) && bigram !== "tổng số"
    && !(VERB_NAMES.has(bigram) && text[prev2.start] === key[prev2.start] && countedNounAfter(text, key, n0.end))) return n0.end;
  if (NAME_BEFORE_1.has(prev.word) && !(prev.word === "số" && prev2.word === "tổng") && !countAfterName(text, key, prev.word, prev2.word, n0.end)) return n0.end;
  // After an abbreviation in capitals the number is part of a name or code: "NQ 04", "Đoàn KT-QP 79";
  // unless a counted noun follows: "KN 15 đơn" (khiếu nại), "Hội LHPN 08 xã".
  if (prev.word.length >= 2) {
    const w = text.slice(prev.start, prev.start + prev.word.length);
    if (w === w.toUpperCase() && w !== w.toLowerCase() && !countedNounAfter(text, key, n0.end)) return n0.end;
  }
  const isYearLike = !n0.grouped && !n0.decimal && n0.digits.length === 4 && n0.value >= 1900 && n0.value <= 2100;
  if (isYearLike && (YEAR_BEFORE.has(prev.word) || prevC === 47)) return n0.end;

  let of: number | null = null;
  let amount = scanAmount(key, i);
  let end = amount.end;
  if (after === 47 /* / */) {
    if (!isDigit(after2)) return skipCode(key, n0.end); // "45/BC-UBND"
    const b = scanNumeral(key, n0.end + 1);
    const c = key.charCodeAt(b.end);
    // "26/12/2023", "30/2020/NĐ-CP"; but a counted noun glued by a bad copy is read: "34/37vụ".
    if (c === 47 || c === 45 || (isLetter(c) && !countedNounAfter(text, key, b.end))) return skipCode(key, b.end);
    const dateLike = n0.value >= 1 && n0.value <= 31 && b.value >= 1 && b.value <= 12 && !n0.grouped && !b.grouped;
    // "12/2023" is a month; "1.610/2.010 lượt người", "161/2010 người" are a part of a whole.
    if (!b.grouped && b.digits.length === 4 && b.value >= 1900 && b.value <= 2100
      && !(n0.value > 12 && countedNounAfter(text, key, b.end))) return b.end;
    // "105/130 mô hình tập thể và 4/4 mô hình cá nhân": after "và", a counted noun makes it a pair, not a day.
    const pairAfterAnd = prev.word === "và" && countedNounAfter(text, key, b.end);
    if (dateLike && !pairAfterAnd && (prevC === 40 || YEAR_BEFORE.has(prev.word) || /^(ngày|sáng|chiều|tối|hôm|đêm|trưa|lúc|từ|đến)$/.test(prev.word))) return b.end;
    of = b.value;
    amount = { ...amount, end: b.end, value: n0.value, scaled: false };
    end = b.end;
  }
  let percent = false;
  {
    let j = end;
    while (isSpace(key.charCodeAt(j))) j++;
    if (key.charCodeAt(j) === 37 /* % */) { percent = true; end = j + 1; }
  }
  let unit: string | null = percent ? "%" : null;
  let ruleUnit: string | null = unit;
  let spanEnd = end;
  let u = unitAt(text, key, end, amount.scaled || percent);
  // "381/960 ngày": days achieved against days required, a count (a lone "3 ngày" is a duration).
  if (u === "reject" && of !== null && !percent) {
    const m = /^\s*ngày(?![\p{L}\p{M}]| (công|hội)|\s*\d)/u.exec(key.slice(end, end + 12));
    if (m) u = { unit: "ngày", end: end + m[0].length, known: true };
  }
  if (u === "reject") return end;
  let lead: { start: number; unit: string; noun: string } | null = null;
  if (u === null && !percent) {
    // "Số cuộc đối thoại: 19", "tổng số đơn tiếp nhận là 45": the counted noun comes first.
    lead = leadingNoun(key, i) ?? labelNoun(key, i, end);
    // "giảm 1/3 so với cùng kỳ", "chiếm 2/3": a fraction after a change or a share is a figure with no unit.
    if (!lead && of !== null && of <= 10 && of > n0.value && /^(tăng|giảm|chiếm|bằng|khoảng|gần|hơn)$/.test(prev.word)) {
      return finish(key, i, { end, amountEnd: amount.end, spanEnd: end, value: amount.value, of, unit: null, ruleUnit: null, percent, lead: null });
    }
    if (!lead) return end;
    unit = lead.unit;
    ruleUnit = unit;
  } else if (u === null) {
    // a bare percentage
  } else if (percent) {
    ruleUnit = u.unit; // "100% thôn, buôn": the share counts villages
  } else {
    // "vận động được 35 triệu": millions and billions with no noun after are money.
    unit = u.unit ?? (amount.scaled && amount.value >= 1e6 && /^\s*(tỷ|tỉ|tr)/.test(key.slice(n0.end, n0.end + 8)) ? "đồng" : null);
    ruleUnit = unit;
    spanEnd = u.end;
  }
  // A year followed by anything but a known counted noun is a year ("Tết Bính Ngọ 2026 thêm ấm áp").
  if (isYearLike && of === null && !amount.scaled && !percent && !(u && u.known)) return end;
  // A number inside a short quoted name: phiên chợ “0 đồng”, mô hình “5 không”.
  if (prevC === 0x201c || prevC === 34) {
    const close = key.slice(spanEnd, spanEnd + 25).search(/[”"]/);
    if (close >= 0 && !/[,.;:]/.test(key.slice(spanEnd, spanEnd + close))) return end;
  }
  // Page furniture: a percentage alone on its line (zoom level), visitor and view counters.
  const line = lineAround(key, i, end);
  if ((percent && /^[\s\d.,%]*$/.test(line)) || PAGE_FURNITURE.test(line)) return end;
  return finish(key, i, { end, amountEnd: amount.end, spanEnd, value: amount.value, of, unit, ruleUnit, percent, lead });
}

interface Reading {
  /** End of the number (with its % sign), end of the amount, end of the span (with its noun). */
  end: number;
  amountEnd: number;
  spanEnd: number;
  value: number;
  of: number | null;
  unit: string | null;
  ruleUnit: string | null;
  percent: boolean;
  lead: { start: number; unit: string; noun: string } | null;
}

/** Lower-case words a bad copy glues to the number after them: "giảm79 vụ", "được120 lượt". */
const GLUE_WORDS = new Set([...STOP_WORDS, ...["tiếp", "nhận", "thành", "công", "quyết", "dự", "hiến", "đón", "xây", "trao", "tặng", "tổng", "số"].map(keyOf)]);

/**
 * A number glued to the word before it by a bad copy ("giảm79 vụ", "thành công34/37 vụ"): read when that
 * word is a lower-case Vietnamese word of the genre and a counted noun or a percent follows; codes and
 * names ("Covid19", "H5N1", "KT3") stay unread.
 */
function gluedAfterWord(text: string, key: string, i: number, numeralEnd: number): boolean {
  let s = i;
  while (s > 0 && isLetter(key.charCodeAt(s - 1))) s--;
  const word = key.slice(s, i);
  // Lower case, or capitalised as a sentence's first word ("Tiếp79 lượt"); codes are in capitals.
  if (!GLUE_WORDS.has(word) || text.slice(s + 1, i) !== word.slice(1)) return false;
  let j = numeralEnd;
  if (key.charCodeAt(j) === 47 && isDigit(key.charCodeAt(j + 1))) j = scanNumeral(key, j + 1).end;
  if (/^\s?%/.test(key.slice(j, j + 2))) return true;
  const amount = scanAmount(key, i);
  const u = unitAt(text, key, j > numeralEnd ? j : amount.end, amount.scaled);
  return typeof u === "object" && u !== null && u.known === true;
}

/** Known counted noun (not a measure) right after `p`: "15 đơn", "08 xã". */
function countedNounAfter(text: string, key: string, p: number): boolean {
  const u = unitAt(text, key, p, false);
  return typeof u === "object" && u !== null && u.known === true && u.unit !== null && !MEASURES.has(u.unit);
}

/** The connector of a range after a number: "–", "-", "~" (spaced or not), or "đến"/"tới". */
const RANGE = /^(\s*[-–~]\s*|\s+(?:đến|tới)\s+)(?=\d)/u;

/**
 * At a range's low end, the low end as a figure read with the high end's unit, scale and key; the
 * position to go on from when the range is of years or of something that is not a figure; null when
 * no range starts here.
 */
function rangeAt(text: string, key: string, i: number, n0: ReturnType<typeof scanNumeral>): Candidate | number | null {
  const m = RANGE.exec(key.slice(n0.end, n0.end + 8));
  if (!m) return null;
  const j = n0.end + m[0].length;
  const n1 = scanNumeral(key, j);
  const yearLike = (n: ReturnType<typeof scanNumeral>) => !n.grouped && !n.decimal && n.digits.length === 4 && n.value >= 1900 && n.value <= 2100;
  const spaced = /\s/.test(m[0]);
  if (yearLike(n0) || yearLike(n1)) return spaced ? n0.end : null; // "2023 - 2024"; "2021-2025" goes on as a code
  if (!spaced && /^[-–]/.test(m[0]) && (n0.digits[0] === "0" || n1.value <= n0.value)) return null; // codes: "02-03", "17-5"
  if (n1.value <= n0.value) return spaced ? n0.end : null;
  const high = readAt(text, key, j, true);
  if (typeof high === "number") return spaced ? n0.end : null;
  if (high.of !== null || high.start !== j) return n0.end;
  const scale = n1.value === 0 ? 1 : high.value / n1.value;
  const low = finish(key, i, { end: n0.end, amountEnd: n0.end, spanEnd: n0.end, value: Math.round(n0.value * scale * 1e6) / 1e6, of: null, unit: high.unit, ruleUnit: high.percent ? "%" : high.unit, percent: high.percent, lead: null });
  return { ...low, indicator: high.indicator, rangeHigh: j };
}

/** The figure read at `i`: its qualifier, its context and the indicator the context gives it. */
function finish(key: string, i: number, r: Reading): Candidate {
  const { end, spanEnd, of, unit, ruleUnit, percent, lead } = r;
  const amount = { end: r.amountEnd, value: r.value };
  const q = qualifierBefore(key, i);
  let qualifier = q?.qualifier ?? null;
  let start = lead ? lead.start : q ? q.start : i;
  if (!qualifier && /^\s*trở lên/.test(key.slice(spanEnd, spanEnd + 12))) qualifier = "trở lên";
  if (q && q.qualifier === "trên" && /^\s*(địa bàn|toàn)/.test(key.slice(spanEnd, spanEnd + 10))) { qualifier = null; start = i; }
  const sentenceStart = clauseStart(key, i, false);
  let segStart = clauseStart(key, i, true);
  // A list item ("tham mưu 07 kế hoạch, 03 hướng dẫn") continues the verb of the item before it.
  let listHead = -1;
  // Not out of parentheses ("(6 tháng đầu năm 2019 đã tiếp 1.012 lượt)" is its own clause), nor
  // when the clause opens with a period ("6 tháng đầu năm…"); the items before must open with a number.
  const listable = (at: number) => at > sentenceStart && key.charCodeAt(at - 1) !== 40 && !PERIOD_LEAD.test(key.slice(at, at + 20));
  if (listable(segStart) && LIST_ITEM.test(key.slice(segStart, q ? q.start : i))) {
    for (let k = 0; k < 4; k++) {
      segStart = clauseStart(key, segStart - 1, true);
      listHead = segStart;
      if (!listable(segStart) || !/^\s*(và\s+|với\s+)?\d/.test(key.slice(segStart, segStart + 12))) break;
    }
  }
  const right = lead ? lead.noun : phraseAfter(key, percent ? end : amount.end);
  const tail = sentenceTail(key, percent ? end : amount.end);
  // A noun written before the number ("Số vụ việc phải hòa giải: 45") is part of what the number's clause says.
  let seg = lead ? key.slice(Math.min(segStart, lead.start), i) : key.slice(segStart, q ? q.start : i);
  if (listHead >= 0) {
    // The verb of a list is what precedes its first number: "giảm 146 lượt tiếp, 127 lượt người".
    const firstNumber = seg.search(/\d/);
    if (firstNumber >= 0) seg = seg.slice(0, firstNumber);
    const qq = qualifierBefore(seg, seg.length);
    if (qq) seg = seg.slice(0, qq.start);
  }
  const before = key.slice(sentenceStart, lead ? i : q ? q.start : i);
  const from = percent ? end : amount.end;
  const input = {
    unit: ruleUnit, percent, right, seg, before, tail, wide: key.slice(Math.max(0, i - 400), i),
    rest: sentenceTail(key, from, 400), breakdown: inBreakdown(key, sentenceStart, lead ? lead.start : q ? q.start : i),
    pair: of !== null, statement: key.slice(statementStart(key, sentenceStart), sentenceStart) + before,
  };
  let indicator = indicatorFor(input);
  if (indicator === null) {
    // A list after a heading ("Tỷ lệ giải quyết đơn thư:\n- Cấp huyện đạt 95%;\n- Cấp xã 92%"): each item
    // belongs to the heading's indicator.
    const heading = listHeading(key, sentenceStart);
    if (heading) indicator = indicatorFor({ ...input, before: heading + " " + before, seg: heading + " " + seg });
  }
  if (indicator === null) {
    // Items by level ("Đối thoại: cấp huyện 5 cuộc, cấp xã 45 cuộc"; "cấp huyện đối thoại 5 cuộc; cấp xã 45
    // cuộc"): each item is read with what the sentence said before the items.
    const lead = levelItemsLead(key, segStart);
    if (lead) indicator = indicatorFor({ ...input, before: lead + " " + before, seg: lead + " " + seg });
  }
  return { start, end: spanEnd, value: amount.value, of, unit, qualifier, percent, indicator, seg, right, sentenceStart };
}

/** What precedes a number that continues a list: nothing, or the other half of a pair ("05 lượt đoàn/"). */
const LIST_ITEM = /^\s*(và\s+|với\s+)?(\d[\d.,]*\s*[\p{L}\p{M} ]{0,20}\/\s*)?$/u;

/** A clause that opens with a period phrase: "6 tháng đầu năm 2019 đã tiếp…". */
const PERIOD_LEAD = /^\s*\d{1,2}\s+(tháng|năm|quý)\b/u;

/** Names of documents that are also verbs: in lower case and before a counted noun they count ("hướng dẫn 223 đơn"). */
const VERB_NAMES = new Set(["hướng dẫn", "kết luận", "báo cáo", "thông báo"].map((w) => w.normalize("NFC")));

/** Measures after a place word are quantities, not names: "nông thôn 1.600m2", "tuyến đường 5 km". */
const MEASURES = new Set(["m2", "m²", "m3", "km", "km2", "ha", "m", "tấn", "tạ", "kg", "lít", "ngày công"]);
const PLACE_WORDS = new Set(["thôn", "xóm", "ấp", "bản", "làng", "khu", "khóm", "buôn", "tổ", "đường", "tuyến", "phường", "quận", "lô", "hẻm", "ngõ", "kiệt", "ngách"].map((w) => w.normalize("NFC")));

/** After a word that names ("thôn 5"), the number is a count all the same when a measure follows, or in "nông thôn". */
function countAfterName(text: string, key: string, word: string, word2: string, numeralEnd: number): boolean {
  // "phát sinh trong kỳ 291 vụ việc", "cùng kỳ 85 lượt", "tiếp dân định kỳ 381/960 ngày": kỳ is the period here.
  if (word === "kỳ" && (word2 === "trong" || word2 === "cùng" || word2 === "mỗi" || word2 === "định")) return true;
  // "Bộ đội Biên phòng 15 đồng chí": the border guard, not room 15.
  if (word === "phòng" && word2 === "biên") return true;
  // "trình độ chuyên môn Luật 241 người": a law is named by its subject, never by a count of people.
  if (word === "luật" && countedNounAfter(text, key, numeralEnd)) return true;
  if (!PLACE_WORDS.has(word)) return false;
  if (word === "thôn" && word2 === "nông") return true;
  const u = unitAt(text, key, numeralEnd, false);
  return typeof u === "object" && u !== null && u.unit !== null && MEASURES.has(u.unit);
}

/** True when the number sits in parentheses right after another count: "55 mô hình (29 tập thể, 26 cá nhân)". */
function inBreakdown(key: string, sentenceStart: number, i: number): boolean {
  const lo = Math.max(sentenceStart, i - 60);
  const at = key.slice(lo, i).lastIndexOf("(");
  if (at < 0) return false;
  const open = lo + at;
  if (key.slice(open, i).includes(")")) return false;
  return /\d[\d.,]*\s*[\p{L}\p{M} ,]{2,30}$/u.test(key.slice(Math.max(sentenceStart, open - 40), open).trimEnd());
}

const PAGE_FURNITURE = rx("truy cập|lượt xem|lượt đọc|lượt tải|đã xem|lượt thích|bình luận|đánh giá bài viết|cỡ chữ|trực tuyến:|online");

const LEADING = /(?<![\p{L}\p{M}])(?:tổng )?số (?:lượng )?([\p{L}\p{M} ,]{2,60}?)\s*(?:là|:|đạt|có|được)\s*$/u;

/** A counted noun written before the number ("Số cuộc đối thoại: 19"), or null. */
function leadingNoun(key: string, i: number): { start: number; unit: string; noun: string } | null {
  const from = Math.max(0, i - 70);
  const m = LEADING.exec(key.slice(from, i));
  if (!m) return null;
  const noun = m[1]!.trim();
  for (const [surface, unit] of UNITS) {
    if (noun.startsWith(surface) && !isLetter(noun.charCodeAt(surface.length))) return { start: from + m.index, unit, noun };
  }
  return null;
}

/** A number word that can open a count ("hai cuộc", "một trăm hộ"), on the key text. */
const WORD_START = /(?:hai|ba|bốn|sáu|bảy|tám|chín|mười|một trăm|một mươi|năm trăm|năm mươi) /g;
/** Words before a number word that make it vague, an ordinal or a name: "hàng trăm", "thứ hai", "đợt ba". */
const NOT_BEFORE_WORD = new Set(["hàng", "vài", "mấy", "dăm", "một", "thứ", "lần", "mươi", "trăm"]);

/** Reads a count written in words ("hai cuộc đối thoại"): only before a known counted noun. */
function readWordAt(text: string, key: string, i: number): Candidate | number {
  const w = scanNumberWords(key, i);
  if (!w) return i + 1;
  // "Ba Vì", "Hai Bà Trưng": a capitalised number word inside a name (a sentence may open with one).
  if (text[i] !== key[i] && clauseStart(key, i, false) < i - 1 && !/^\s*$/.test(key.slice(clauseStart(key, i, false), i))) return w.end;
  const prev = wordBefore(key, i);
  if (NOT_BEFORE_WORD.has(prev.word) || NAME_BEFORE_1.has(prev.word)) return w.end;
  let j = w.end;
  while (isSpace(key.charCodeAt(j))) j++;
  if (text[j] !== key[j]) return w.end; // the noun in lower case: "Năm Căn" is a name
  const u = unitAt(text, key, w.end, false);
  if (typeof u !== "object" || u === null || !u.known || u.unit === null) return w.end;
  return finish(key, i, { end: w.end, amountEnd: w.end, spanEnd: u.end, value: w.value, of: null, unit: u.unit, ruleUnit: u.unit, percent: false, lead: null });
}

/** Skips the rest of a code-like token (letters, digits, "/", "-", ".") after a rejected number. */
function skipCode(key: string, j: number): number {
  let k = j;
  while (k < key.length) {
    const c = key.charCodeAt(k);
    if (isDigit(c) || c === 47 || c === 45 || c === 46 || c === 58 || isLetter(c)) k++;
    else break;
  }
  return Math.max(k, j);
}

/** Reads every figure of `raw`; spans point into `raw` as given. */
export function extractFigures(raw: string): ExtractedFigure[] {
  const p = prepare(raw);
  return figuresOf(raw, p.text, p.key, p.toOriginal);
}

function figuresOf(raw: string, text: string, key: string, toOriginal: (s: number, e: number) => [number, number]): ExtractedFigure[] {
  const cands: Candidate[] = [];
  const digit = /\d/g;
  const words = new RegExp(WORD_START.source, "g");
  let nextWord = -1; // the next number word at or after `i`, found once per stretch of text
  let i = 0;
  while (i < key.length) {
    digit.lastIndex = i;
    const m = digit.exec(key);
    if (nextWord !== Infinity && nextWord < i) {
      // A number word that starts a word ("hai", not the end of "thứ hai" glued, nor "chai").
      words.lastIndex = i;
      let w: RegExpExecArray | null;
      while ((w = words.exec(key)) && w.index > 0 && isLetter(key.charCodeAt(w.index - 1)));
      nextWord = w ? w.index : Infinity;
    }
    if (!m && nextWord === Infinity) break;
    const isWord = !m || nextWord < m.index;
    const at = isWord ? nextWord : m.index;
    const r = isWord ? readWordAt(text, key, at) : readAt(text, key, at);
    if (typeof r === "number") {
      i = Math.max(r, at + 1);
      continue;
    }
    cands.push(r);
    i = Math.max(r.end, at + 1);
    if (r.rangeHigh !== undefined) {
      const high = readAt(text, key, r.rangeHigh, true);
      if (typeof high !== "number") {
        cands.push(high);
        i = Math.max(high.end, i);
      }
    }
  }
  // A share right after a keyed count takes its key: "19/46 trường đạt chuẩn, đạt 41,3%".
  for (let k = 1; k < cands.length; k++) {
    const c = cands[k]!;
    const prev = cands[k - 1]!;
    const shareLabel = SHARE_LABEL.test(key.slice(Math.max(0, c.start - 20), c.start)) && !/[\n.!?]/.test(key.slice(prev.end, c.start).replace(/(\d)[.,](\d)/g, "$1$2"));
    if (c.percent && c.indicator === null && ((SHARE_LEFT.test(c.seg) && prev.sentenceStart === c.sentenceStart) || shareLabel) && prev.indicator && !prev.percent) {
      // Also "đã giải quyết 30/35 đơn, đạt 85,7%" (petitions.resolved); only a percentage named
      // "tỷ lệ" after the resolved count ("giải quyết 238/316 vụ việc, đạt tỷ lệ 88,9%") is the
      // catalog's resolution rate.
      c.indicator = prev.indicator === "petitions.resolved" && RATE.test(c.seg) ? "petitions.resolution_rate" : prev.indicator;
    }
    // "Hội nghị đối thoại định kỳ: 4 cuộc; đột xuất: 2 cuộc": an item under a short label, in the unit of the
    // keyed item before it on the same line, is the same kind of count.
    // "… 120 lượt với 135 người; định kỳ: 24 lượt/30 người": the item of that unit a few items back.
    if (c.indicator === null && !c.percent) {
      const label = SHORT_LABEL.exec(key.slice(Math.max(0, c.start - 40), c.start));
      for (let b = k - 1; label && b >= 0 && b >= k - 4; b--) {
        const p = cands[b]!;
        const between = key.slice(p.end, c.start);
        if (between.length > 160 || /[\n.!?]/.test(between.replace(/(\d)\.(\d)/g, "$1$2"))) break;
        if (p.unit !== c.unit || p.percent) continue;
        if (p.indicator && !NEGATED_LABEL.test(label[0])) c.indicator = p.indicator;
        break;
      }
    }
    // "03 lượt (03 định kỳ)", "12 cuộc, trong đó 8 định kỳ, 4 đột xuất": a breakdown by how the count was held
    // is in the count's unit and key.
    if (c.unit !== null && HELD_HOW.test(c.unit) && !c.percent && !prev.percent && prev.unit !== null && !HELD_HOW.test(prev.unit)
      && BREAKDOWN_GAP.test(key.slice(prev.end, c.start))) {
      c.unit = prev.unit;
      c.indicator = prev.indicator;
    }
    // "05 lượt đoàn/75 lượt người": the people of a reception count written as its pair.
    if (c.indicator === null && prev.indicator === "reception.turns" && !c.percent && PAIR.test(key.slice(prev.end, c.start))
      && (c.unit === "người" || PEOPLE.test(c.right))) {
      c.indicator = "reception.people";
    }
  }
  return cands.map((c) => {
    const [s, e] = toOriginal(c.start, c.end);
    return { start: s, end: e, text: raw.slice(s, e), value: c.value, of: c.of, unit: c.unit, qualifier: c.qualifier, indicator: c.indicator };
  });
}

const RATE = rx("tỷ lệ");
/** "…; tỷ lệ: 88,9%": a share under a label, after the count it is a share of. */
const SHARE_LABEL = rx("(tỷ lệ|tỉ lệ|đạt)\\s*:\\s*$");
const HELD_HOW = rx("^(định kỳ|đột xuất|thường xuyên|trực tiếp)$");
const BREAKDOWN_GAP = rx("^([^\\d\\n;]{0,40}(\\(|trong đó|bao gồm|gồm)[\\s:,]*|[\\s,;]*)$");
const NEGATED_LABEL = rx("\\b(không|chưa|còn|tồn|giảm|tăng)\\b");
/** A short label that opens an item: "; đột xuất: ", ", định kỳ: ". */
const SHORT_LABEL = /[;,]\s*[\p{L}\p{M} ]{2,30}:\s*$/u;
const PAIR = /^[\p{L}\p{M} ]{0,20}\/\s*$/u;
const PEOPLE = rx("^lượt (người|công dân)");

/** The indicator and unit prose reading gives the number at `at` of a sentence (for table cells). */
function readSentence(sentence: string, at: number): { indicator: string | null; unit: string | null } | null {
  const f = extractFigures(sentence).find((x) => x.start <= at && at < x.end);
  return f ? { indicator: f.indicator, unit: f.unit } : null;
}

/**
 * Reads a document of any kind: prose figures, table figures (which replace what prose reading
 * found inside numeric cells), each with its page, box and OCR confidence where there are some.
 */
export function extractDocument(doc: ReportDocument, hints: ExtractHints = {}): DocumentResult {
  const base = extractReport(doc.text, hints);
  const cellsRead: Array<[number, number]> = [];
  const fromTables: ExtractedFigure[] = [];
  doc.tables.forEach((t, index) => {
    for (const g of tableFigures(t, readSentence)) {
      cellsRead.push([g.start, g.end]);
      fromTables.push({ start: g.start, end: g.end, text: doc.text.slice(g.start, g.end), value: g.value, of: g.of, unit: g.unit, qualifier: g.qualifier, indicator: g.indicator, place: g.place, period: g.period, table: { index, row: g.row, col: g.col } });
    }
  });
  const prose = base.figures.filter((f) => !cellsRead.some(([a, b]) => f.start < b && a < f.end));
  const figures = [...prose, ...fromTables].sort((a, b) => a.start - b.start);
  if (doc.words.length) {
    let w = 0;
    for (const f of figures) {
      while (w < doc.words.length && doc.words[w]!.end <= f.start) w++;
      let conf = Infinity;
      let box: [number, number, number, number] | null = null;
      let page = 0;
      for (let k = w; k < doc.words.length && doc.words[k]!.start < f.end; k++) {
        const word = doc.words[k]!;
        if (word.conf !== undefined) conf = Math.min(conf, word.conf);
        if (!page) page = word.page;
        if (word.page !== page) continue;
        box = box ? [Math.min(box[0], word.box[0]), Math.min(box[1], word.box[1]), Math.max(box[2], word.box[2]), Math.max(box[3], word.box[3])] : [...word.box];
      }
      if (page) f.page = page;
      if (box) f.box = box.map((v) => Math.round(v * 10) / 10) as [number, number, number, number];
      if (conf !== Infinity) f.confidence = conf;
    }
  } else if (doc.pages.length) {
    for (const f of figures) f.page = doc.pages.find((p) => f.start >= p.start && f.start <= p.end)?.page ?? 1;
  }
  return {
    scope: base.scope,
    figures,
    document: { name: doc.name, kind: doc.kind, hash: doc.hash, pages: doc.pages.length || 1, ocrPages: doc.ocrPages, tables: doc.tables.length },
    text: doc.text,
    pages: doc.pages,
  };
}

/** Reads a report: its scope and its figures (the output contract). */
export function extractReport(raw: string, hints: ExtractHints = {}): ExtractResult {
  const p = prepare(raw);
  const figures = figuresOf(raw, p.text, p.key, p.toOriginal);
  const scope = detectScope(p.text, p.key, hints);
  return { scope, figures };
}
