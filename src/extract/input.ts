/**
 * Pure: plain text as report text (UTF-8, with or without BOM; UTF-16 with BOM). Binary or empty
 * input is refused with a Vietnamese message and a stable code, never a crash. Other kinds of
 * files (.docx, .xlsx, PDF, scans) are read by read.ts.
 */
import { DomainError } from "../core/errors.ts";

/**
 * Decodes bytes as report text (pure). EXTRACT_BINARY for binary data (NUL bytes, invalid
 * UTF-8, control characters), EXTRACT_EMPTY when there is no text.
 */
export function decodeText(buf: Buffer, name = "dữ liệu vào"): string {
  let text: string;
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) text = buf.subarray(2).toString("utf16le");
  else if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) text = Buffer.from(buf.subarray(2)).swap16().toString("utf16le");
  else {
    if (buf.includes(0)) throw binary(name);
    // Decoded exactly as Node reads a file as UTF-8 (a BOM is kept): offsets then match what
    // other tools see when they read the same file.
    text = buf.toString("utf8");
    // A few stray bytes are tolerated (copy-paste damage); many mean the file is not text.
    let bad = 0;
    for (let i = text.indexOf("\ufffd"); i >= 0 && bad <= 8; i = text.indexOf("\ufffd", i + 1)) bad++;
    if (bad > 8 && bad * 200 > text.length) throw binary(name);
  }
  checkText(text, name);
  return text;
}

/** Refuses text that is empty or binary (control characters other than tab and line breaks). */
export function checkText(text: string, name = "dữ liệu vào"): void {
  if (text.trim() === "") throw new DomainError("EXTRACT_EMPTY", `${name}: không có nội dung để đọc (văn bản trống).`, { name });
  let ctl = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0) ctl++;
  }
  if (ctl > 0 && ctl * 50 > n) throw binary(name);
}

const binary = (name: string) =>
  new DomainError("EXTRACT_BINARY", `${name}: không phải văn bản (tệp nhị phân). Hãy dùng tệp văn bản UTF-8 hoặc tệp Word .docx.`, { name });
