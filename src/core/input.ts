/**
 * PURE: the shapes every edge accepts for dates, values and text, in one place. Every zod schema
 * uses `isoDate` for a day and `amount` / `signedValue` for a quantity, so a date is a real day of
 * the calendar and a value is one the database and the sums can hold exactly.
 *
 * Issues raised here carry `params.code` (DATE_INVALID, VALUE_INVALID); src/http/errors.ts passes
 * it on in the VALIDATION error's details, so clients can branch on it per field.
 */
import { z } from "zod";
import { DomainError } from "./errors.ts";

// zod's own messages (a too-long name, a wrong type) in Vietnamese too, for every schema: every
// edge loads this module before it parses anything.
z.config(z.locales.vi());

/** The earliest and latest day accepted anywhere (unit histories start after 1900; nothing is planned past 2199). */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2199-12-31";

/**
 * The largest value accepted: 10^15 (a thousand trillion, far above any count or sum of money in
 * VND a unit reports). It keeps every integer exact in a double (below 2^53) and a sum of a whole
 * country's units finite, so a province total never overflows to null.
 */
export const MAX_VALUE = 1e15;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD between MIN_DATE and MAX_DATE (2026-02-30 is not). */
export function isRealDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days && s >= MIN_DATE && s <= MAX_DATE;
}

/** The Vietnamese message for a date that is not a real day in range. */
export function dateMessage(s: unknown): string {
  return typeof s === "string" && DATE_RE.test(s)
    ? `Ngày "${s}" không có thật hoặc nằm ngoài khoảng ${MIN_DATE} đến ${MAX_DATE}.`
    : `Ngày phải có dạng YYYY-MM-DD (ví dụ 2026-01-31)${typeof s === "string" ? `, không phải "${s.slice(0, 40)}"` : ""}.`;
}

/** A day: YYYY-MM-DD, a real calendar date between 1900-01-01 and 2199-12-31. */
export const isoDate = z
  .string({ error: "Ngày phải có dạng YYYY-MM-DD." })
  .refine(isRealDate, { error: (iss) => dateMessage(iss.input), params: { code: "DATE_INVALID" } })
  .meta({ format: "date", description: `Ngày YYYY-MM-DD, từ ${MIN_DATE} đến ${MAX_DATE}` });

/** Why a number is not an acceptable value, or null when it is (`min` is 0 or -MAX_VALUE). */
export function valueProblem(v: number, min: number): string | null {
  if (!Number.isFinite(v)) return "Giá trị phải là một số hữu hạn.";
  if (Math.abs(v) > MAX_VALUE) return `Giá trị vượt giới hạn ${MAX_VALUE.toLocaleString("vi-VN")}.`;
  // Unreachable while MAX_VALUE < 2^53, kept so a higher cap never lets a rounded integer through.
  if (Number.isInteger(v) && !Number.isSafeInteger(v)) return `Số ${v} quá lớn để lưu chính xác.`;
  if (v < min) return "Giá trị không được âm.";
  return null;
}

const valueOf = (min: number) =>
  z
    .number({ error: "Giá trị phải là một số." })
    .refine((v) => valueProblem(v, min) === null, { error: (iss) => valueProblem(iss.input as number, min) ?? "Giá trị không hợp lệ.", params: { code: "VALUE_INVALID" } })
    .meta({ minimum: min, maximum: MAX_VALUE });

/** A quantity that cannot be negative (counts, money, people): finite, 0 ≤ v ≤ 10^15. */
export const amount = valueOf(0);
/** A quantity that may be negative (a difference, an adjustment): finite, |v| ≤ 10^15. */
export const signedValue = valueOf(-MAX_VALUE);
/** A whole count: an integer 0 ≤ n ≤ 10^15. */
export const count = amount.refine((v) => Number.isInteger(v), { error: "Giá trị phải là số nguyên.", params: { code: "VALUE_INVALID" } });

const ID_ERROR = { error: "Mã số phải là số nguyên dương." };
/** An internal id in a JSON body: a positive safe integer. */
export const id = z.number(ID_ERROR).int(ID_ERROR).positive(ID_ERROR).max(Number.MAX_SAFE_INTEGER, ID_ERROR);
/** An internal id in a path or a query string ("12"). */
export const idParam = z.preprocess(
  // Decimal digits only: "0x10", "1e3", "12abc" or " 12" are not ids (Number() would read them).
  (v) => (typeof v === "string" ? (/^[0-9]{1,16}$/.test(v) ? Number(v) : Number.NaN) : v),
  z.number(ID_ERROR).int(ID_ERROR).positive(ID_ERROR).max(Number.MAX_SAFE_INTEGER, ID_ERROR),
);

/** A character the databases cannot keep as given: NUL (PostgreSQL refuses it) or half a surrogate pair. */
export interface BadChar {
  /** Where in the input: a JSON path ("items.2.name"), a query parameter, or "line 3". */
  path: string;
  /** Offset of the character in that string (UTF-16 code units). */
  index: number;
  /** "U+0000", "U+D800". */
  char: string;
}

/** The first NUL or lone surrogate in a string, or -1. */
export function badCharIndex(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return i;
    if (c >= 0xd800 && c <= 0xdbff) {
      const n = s.charCodeAt(i + 1);
      if (n >= 0xdc00 && n <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

/** The first bad character in any string (keys included) of a parsed JSON value, or null. */
export function findBadChar(value: unknown, path = ""): BadChar | null {
  if (typeof value === "string") {
    const i = badCharIndex(value);
    return i < 0 ? null : { path, index: i, char: `U+${value.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const b = findBadChar(value[i], path ? `${path}.${i}` : String(i));
      if (b) return b;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      const bk = findBadChar(k, p);
      if (bk) return bk;
      const b = findBadChar(v, p);
      if (b) return b;
    }
  }
  return null;
}

/** The Vietnamese message for a bad character. */
export function badCharMessage(b: BadChar): string {
  const what = b.char === "U+0000" ? "ký tự rỗng (NUL)" : `ký tự Unicode lỗi (${b.char}, nửa cặp thay thế)`;
  return `Dữ liệu chứa ${what}${b.path ? ` ở "${b.path}"` : ""}, vị trí ${b.index + 1}. Hãy xóa ký tự này rồi gửi lại.`;
}

/** A date given on the command line (`--as-of 2026-01-31`): checked like `isoDate`; DATE_INVALID otherwise. */
export function dateOption(value: string | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isRealDate(value)) throw new DomainError("DATE_INVALID", `--${option}: ${dateMessage(value)}`, { option, value });
  return value;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes an uploaded file or body as UTF-8 text (a leading BOM dropped); TEXT_INVALID names the line of a bad byte, NUL or half surrogate. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    // Find the line for the message: the longest valid prefix.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const at = lenient.indexOf("\uFFFD");
    const line = lenient.slice(0, Math.max(0, at)).split("\n").length;
    throw new DomainError("TEXT_INVALID", `Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ (dòng ${line}). Hãy lưu tệp với mã hóa UTF-8 rồi gửi lại.`, { path: `dòng ${line}`, encoding: "utf-8" });
  }
  const i = badCharIndex(text);
  if (i >= 0) {
    const line = text.slice(0, i).split("\n").length;
    const col = i - text.lastIndexOf("\n", i - 1);
    const b: BadChar = { path: `dòng ${line}`, index: col - 1, char: `U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}` };
    throw new DomainError("TEXT_INVALID", badCharMessage(b), b);
  }
  return text;
}

