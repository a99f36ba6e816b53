/**
 * Pure: reads numbers written the Vietnamese way (../shared/spec/indicators.md, "Reading rules"):
 * "." groups thousands, "," is the decimal mark, scale words multiply ("2 tỷ 631 triệu" =
 * 2 631 000 000, "1,5 tỷ"), zero padding is ordinary ("05"), "34/37" is a part of a whole and
 * "93,1%" a percentage; hơn/trên/khoảng/gần qualify a figure; counts may be written in words
 * ("hai", "mười lăm", "một trăm"). Works on the lower-case key text.
 */

export interface Numeral {
  end: number;
  value: number;
  /** The digits as written, without separators ("22590"). */
  digits: string;
  /** Written with "." thousands groups or a decimal comma. */
  grouped: boolean;
  decimal: boolean;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const digitRun = (s: string, i: number): number => {
  let j = i;
  while (j < s.length && isDigit(s.charCodeAt(j))) j++;
  return j;
};

/** Reads the numeral starting at `i` (a digit): "22.590", "93,1", "1.234.567,5", "5. 230". */
export function scanNumeral(s: string, i: number): Numeral {
  let j = digitRun(s, i);
  let intDigits = s.slice(i, j);
  let grouped = false;
  let decimal = false;
  let frac = "";
  // Thousands groups: exactly three digits after each ".", nothing glued after the group.
  for (;;) {
    if (s.charCodeAt(j) !== 46 /* . */) break;
    let k = j + 1;
    // A stray space after the dot ("5. 230") still joins, but only for a short first group.
    if (s.charCodeAt(k) === 32 && !grouped && intDigits.length <= 3) k++;
    const e = digitRun(s, k);
    if (e - k !== 3 || (k > j + 1 && isDigit(s.charCodeAt(e + 1)) && s.charCodeAt(e) === 46)) break;
    if (intDigits.length > 3 && !grouped) break;
    intDigits += s.slice(k, e);
    grouped = true;
    j = e;
  }
  if (s.charCodeAt(j) === 44 /* , */ && isDigit(s.charCodeAt(j + 1))) {
    const e = digitRun(s, j + 1);
    frac = s.slice(j + 1, e);
    decimal = true;
    j = e;
  } else if (!grouped && s.charCodeAt(j) === 46 && isDigit(s.charCodeAt(j + 1))) {
    // "1.5 tỷ", "2.5%": a dot before one or two digits is a decimal point when a scale or % follows.
    const e = digitRun(s, j + 1);
    if (e - j - 1 <= 2 && /^\s?(%|tỷ|tỉ|triệu|vạn|nghìn|ngàn)/.test(s.slice(e, e + 7))) {
      frac = s.slice(j + 1, e);
      decimal = true;
      j = e;
    }
  }
  const value = Number(intDigits + (frac ? "." + frac : ""));
  return { end: j, value, digits: intDigits + frac, grouped, decimal };
}

const SCALES: Array<[string, number]> = [
  ["tỷ", 1e9], ["tỉ", 1e9], ["triệu", 1e6], ["vạn", 1e4], ["nghìn", 1e3], ["ngàn", 1e3], ["tr.đ", 1e6], ["trđ", 1e6], ["tr", 1e6],
];

/** A scale word at `i` (after optional spaces): its multiplier and where it ends, or null. */
export function scanScale(key: string, i: number): { mult: number; end: number } | null {
  let j = i;
  while (key.charCodeAt(j) === 32) j++;
  for (const [w, mult] of SCALES) {
    if (key.startsWith(w, j) && !isLetter(key.charCodeAt(j + w.length))) return { mult, end: j + w.length };
  }
  return null;
}

/** True for letters of any script (Vietnamese included), for word-boundary checks. */
export function isLetter(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0) return false;
  return /\p{L}|\p{M}/u.test(String.fromCharCode(c));
}

/**
 * Reads an amount at `i`: a numeral with scale words applied, including compounds
 * ("2 tỷ 631 triệu", "1 triệu 500 nghìn"). `scaled` says whether a scale word was read.
 */
export function scanAmount(key: string, i: number): { end: number; value: number; numeral: Numeral; scaled: boolean } {
  const numeral = scanNumeral(key, i);
  let value = numeral.value;
  let end = numeral.end;
  const sc = scanScale(key, end);
  if (!sc) return { end, value, numeral, scaled: false };
  value *= sc.mult;
  end = sc.end;
  let last = sc.mult;
  // Smaller parts that follow: "2 tỷ 631 triệu", "1 triệu 500 nghìn".
  for (;;) {
    let k = end;
    while (key.charCodeAt(k) === 32) k++;
    if (!isDigit(key.charCodeAt(k))) break;
    const n = scanNumeral(key, k);
    const s2 = scanScale(key, n.end);
    // "15 ngàn 100 lượt", "2 tỷ 250 triệu" written "2 tỷ 250": three digits with no scale word are the
    // next scale down ("15 ngàn 100" = 15 100, "3 tỷ 250" = 3 250 000 000).
    if (!s2 && last >= 1000 && n.digits.length === 3 && !n.grouped && !n.decimal && !/^\s?[\d.,/%]/.test(key.slice(n.end, n.end + 2))) {
      value += n.value * (last / 1000);
      end = n.end;
      break;
    }
    if (!s2 || s2.mult >= last) break;
    value += n.value * s2.mult;
    last = s2.mult;
    end = s2.end;
  }
  // "8,2 tỷ" is 8.2 × 1e9 = 8199999999.999999 in floating point: a scaled amount that near a whole number is whole.
  const whole = Math.round(value);
  return { end, value: Math.abs(value - whole) < 1e-6 * Math.max(1, Math.abs(value)) ? whole : Math.round(value * 1e6) / 1e6, numeral, scaled: true };
}

/** Qualifiers written before a number, longest first, with the value reported. */
export const QUALIFIERS: ReadonlyArray<[string, string]> = [
  ["gần như", "gần"], ["khoảng gần", "khoảng"], ["khoảng hơn", "khoảng"], ["xấp xỉ", "khoảng"],
  ["hơn", "hơn"], ["trên", "trên"], ["khoảng", "khoảng"], ["gần", "gần"], ["ngót", "gần"],
];

/** The qualifier that ends right before `i` in `key` (spaces skipped), with its start. */
export function qualifierBefore(key: string, i: number): { start: number; qualifier: string } | null {
  let j = i;
  while (j > 0 && key.charCodeAt(j - 1) === 32) j--;
  for (const [w, q] of QUALIFIERS) {
    const s = j - w.length;
    if (s >= 0 && key.startsWith(w, s) && !isLetter(key.charCodeAt(s - 1))) return { start: s, qualifier: q };
  }
  return null;
}

export interface ReadNumber {
  value: number;
  of: number | null;
  percent: boolean;
  qualifier: string | null;
}

/**
 * Reads a whole string as one Vietnamese number ("hơn 2 tỷ 631 triệu", "93,1%", "34/37", "05");
 * null when the string is not exactly one number. Never throws.
 */
export function readVietnameseNumber(input: string): ReadNumber | null {
  const s = input.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
  let i = 0;
  let qualifier: string | null = null;
  const firstDigit = s.search(/\d/);
  if (firstDigit < 0) return null;
  if (firstDigit > 0) {
    const q = qualifierBefore(s, firstDigit);
    if (!q || q.start !== 0) return null;
    qualifier = q.qualifier;
    i = firstDigit;
  }
  const a = scanAmount(s, i);
  let j = a.end;
  let of: number | null = null;
  let percent = false;
  if (s[j] === "/" && isDigit(s.charCodeAt(j + 1))) {
    const b = scanNumeral(s, j + 1);
    of = b.value;
    j = b.end;
  }
  if (s.startsWith(" %", j)) j += 2;
  else if (s[j] === "%") j++;
  percent = j > 0 && s[j - 1] === "%";
  if (j !== s.length) return null;
  return { value: a.value, of, percent, qualifier };
}

/** Writes a number the Vietnamese way: "22.590", "93,1", "2.631.000.000". */
export function formatVietnameseNumber(n: number): string {
  const neg = n < 0;
  const [int, frac] = Math.abs(n).toString().split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (neg ? "-" : "") + grouped + (frac ? "," + frac : "");
}

const DIGIT_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 };
const LAST_WORDS: Record<string, number> = { ...DIGIT_WORDS, mốt: 1, tư: 4, lăm: 5 };

/** Reads a number written in words at `i` ("hai", "mười lăm", "ba mươi hai", "một trăm", "hai trăm linh năm"). */
export function scanNumberWords(key: string, i: number, loneFive = false): { value: number; end: number } | null {
  const words: string[] = [];
  const ends: number[] = [];
  let j = i;
  for (let k = 0; k < 6; k++) {
    let e = j;
    while (e < key.length && isLetter(key.charCodeAt(e))) e++;
    if (e === j) break;
    words.push(key.slice(j, e));
    ends.push(e);
    if (key.charCodeAt(e) !== 32) break;
    j = e + 1;
  }
  let p = 0;
  let value = 0;
  const digit = (table: Record<string, number>) => (p < words.length && words[p]! in table ? table[words[p++]!]! : null);
  /** "mười [lăm]", "ba mươi [mốt]", or a single digit word. */
  const tens = (): number | null => {
    if (words[p] === "mười") { p++; const d = digit(LAST_WORDS); return 10 + (d ?? 0); }
    const d = digit(DIGIT_WORDS);
    if (d !== null && words[p] === "mươi" && d >= 2) { p++; return d * 10 + (digit(LAST_WORDS) ?? 0); }
    return d;
  };
  const save = p;
  const h = digit(DIGIT_WORDS);
  if (h !== null && words[p] === "trăm") {
    p++;
    value = h * 100;
    if (words[p] === "linh" || words[p] === "lẻ") { p++; const d = digit(DIGIT_WORDS); if (d === null) return null; value += d; }
    else { const t = tens(); if (t !== null) value += t; }
  } else {
    p = save;
    const t = tens();
    if (t === null) return null;
    value = t;
  }
  // "một" and "năm" alone are not counts here ("một số", "trong năm"); a caller that checks the words around may take "năm".
  if (p === 1 && (words[0] === "một" || (words[0] === "năm" && !loneFive))) return null;
  return { value, end: ends[p - 1]! };
}
