/**
 * Reads a ZIP container (.docx, .xlsx, a .zip of reports) under hard limits, checked while
 * unzipping and before any parsing: the compressed size, the number of entries, each entry's
 * and the total uncompressed size. A zip bomb stops at the limit with EXTRACT_TOO_LARGE instead
 * of filling the heap (zlib's maxOutputLength aborts the inflation itself, not after it).
 * Only the central directory is trusted for where entries are; declared sizes are not trusted.
 */
import { inflateRawSync } from "node:zlib";
import { DomainError } from "../core/errors.ts";

export interface ZipLimits {
  /** Bytes of the ZIP file itself. */
  compressed: number;
  entries: number;
  /** Uncompressed bytes of any one entry. */
  entry: number;
  /** Uncompressed bytes of all entries read. */
  total: number;
}

/**
 * Limits for one Office document. A 300-page report's document.xml is about 5 MB; the 16 MB cap
 * keeps the XML parsers (mammoth, exceljs) well under a few hundred MB of heap.
 */
export const OFFICE_LIMITS: ZipLimits = { compressed: 50 * 2 ** 20, entries: 2000, entry: 16 * 2 ** 20, total: 100 * 2 ** 20 };
/** Limits for a .zip of reports: more entries, each entry then read under its own limits. */
export const ARCHIVE_LIMITS: ZipLimits = { compressed: 200 * 2 ** 20, entries: 1000, entry: 50 * 2 ** 20, total: 400 * 2 ** 20 };

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const MB = (n: number) => `${Math.round(n / 2 ** 20)} MB`;

/** EXTRACT_TOO_LARGE with a Vietnamese message saying which limit was passed. */
export function tooLarge(name: string, what: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError("EXTRACT_TOO_LARGE", `${name}: tệp quá lớn để đọc (${what}).`, { name, ...details });
}

const broken = (name: string) =>
  new DomainError("EXTRACT_ZIP", `${name}: tệp nén hỏng hoặc không đúng định dạng (.docx, .xlsx, .zip).`, { name });

/** True when the bytes start like a ZIP file. */
export const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The entry names of a ZIP (central directory only, nothing inflated); limits on size and count. */
export function zipNames(buf: Buffer, name: string, limits: ZipLimits): string[] {
  return directory(buf, name, limits).map((e) => e.name);
}

interface DirEntry { name: string; method: number; csize: number; local: number }

function directory(buf: Buffer, name: string, limits: ZipLimits): DirEntry[] {
  if (buf.length > limits.compressed) throw tooLarge(name, `${MB(buf.length)}, tối đa ${MB(limits.compressed)}`, { limit: limits.compressed });
  // End of central directory: within the last 64 KB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw broken(name);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw tooLarge(name, "tệp ZIP64 không được hỗ trợ");
  if (count > limits.entries) throw tooLarge(name, `${count} thành phần, tối đa ${limits.entries}`, { limit: limits.entries });
  if (cdOffset + cdSize > buf.length) throw broken(name);
  const out: DirEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw broken(name);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entryName = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    out.push({ name: entryName, method, csize, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * Inflates the entries `want` accepts (all by default), counting real uncompressed bytes against
 * the limits as it goes. EXTRACT_TOO_LARGE past a limit, EXTRACT_ZIP for a damaged file.
 */
export function readZip(buf: Buffer, name: string, limits: ZipLimits, want: (entry: string) => boolean = () => true): ZipEntry[] {
  const out: ZipEntry[] = [];
  let total = 0;
  for (const e of directory(buf, name, limits)) {
    if (e.name.endsWith("/") || !want(e.name)) continue;
    const p = e.local;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw broken(name);
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    if (start + e.csize > buf.length) throw broken(name);
    const raw = buf.subarray(start, start + e.csize);
    const room = Math.min(limits.entry, limits.total - total);
    let data: Buffer;
    if (e.method === 0) {
      if (raw.length > room) throw tooLarge(name, `thành phần "${e.name}" vượt ${MB(limits.entry)} khi giải nén`, { entry: e.name });
      data = Buffer.from(raw);
    } else if (e.method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, room) });
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
          throw tooLarge(name, total + room >= limits.total
            ? `tổng dung lượng giải nén vượt ${MB(limits.total)}`
            : `thành phần "${e.name}" vượt ${MB(limits.entry)} khi giải nén`, { entry: e.name });
        }
        throw broken(name);
      }
    } else {
      throw broken(name);
    }
    total += data.length;
    out.push({ name: e.name, data });
  }
  return out;
}
