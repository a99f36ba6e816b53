/**
 * Pure: is a byte string a real Office Open XML package (.docx)? A zip whose central directory
 * reads end to end, within limits (entries, declared and actual uncompressed size — a small file
 * that inflates to gigabytes is refused), holding the parts a Word document needs:
 * [Content_Types].xml declaring the main document, _rels/.rels and word/document.xml, each
 * inflating to XML. A file that only starts with "PK" and names word/document.xml somewhere in its
 * bytes is not one. No I/O besides zlib.
 */
import { inflateRawSync } from "node:zlib";

export const ZIP_LIMITS = {
  /** A Word document has a few dozen parts; thousands means something else. */
  maxEntries: 2000,
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressed: 100 * 1024 * 1024,
  /** Largest part inflated to check it (the ones we read are XML). */
  maxPartBytes: 20 * 1024 * 1024,
  /** Uncompressed / compressed beyond this is a zip bomb, not a document. */
  maxRatio: 200,
} as const;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Why a file is refused (Vietnamese, for the user), or null when it is a well-formed .docx. */
export function docxProblem(b: Uint8Array, limits = ZIP_LIMITS): string | null {
  const entries = readCentralDirectory(b, limits);
  if (typeof entries === "string") return entries;
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (e.flags & 1) return "tệp Word bị mã hóa";
    if (e.method !== 0 && e.method !== 8) return "tệp nén theo cách không hỗ trợ";
    if (e.size > 0 && e.compressedSize > 0 && e.size / e.compressedSize > limits.maxRatio) return "tệp nén bất thường (tỷ lệ giải nén quá lớn)";
  }
  if (total > limits.maxTotalUncompressed) return "nội dung giải nén quá lớn";
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const part of ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]) {
    const e = byName.get(part);
    if (!e) return `thiếu phần "${part}" của tệp Word`;
    const xml = partText(b, e, limits);
    if (xml === null || !/^\s*(<\?xml[^>]*\?>\s*)?</.test(xml)) return `phần "${part}" không phải XML`;
    if (part === "[Content_Types].xml" && !xml.includes("wordprocessingml.document.main+xml")) return "tệp không khai báo nội dung văn bản Word";
  }
  return null;
}

/** The central directory's entries, or why it cannot be read. */
export function readCentralDirectory(b: Uint8Array, limits = ZIP_LIMITS): ZipEntry[] | string {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65535, at the end of the file.
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "không phải tệp nén hợp lệ (thiếu mục lục)";
  const count = dv.getUint16(eocd + 10, true);
  const size = dv.getUint32(eocd + 12, true);
  const start = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || start === 0xffffffff) return "tệp nén ZIP64 không được hỗ trợ";
  if (count > limits.maxEntries) return `tệp nén có quá nhiều phần (${count})`;
  if (start + size > eocd) return "mục lục tệp nén bị hỏng";
  const out: ZipEntry[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== 0x02014b50) return "mục lục tệp nén bị hỏng";
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const e: ZipEntry = {
      flags: dv.getUint16(p + 8, true), method: dv.getUint16(p + 10, true), compressedSize: dv.getUint32(p + 20, true), size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true), name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen)),
    };
    if (e.localOffset + 30 > start) return "mục lục tệp nén bị hỏng";
    out.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** A part's bytes inflated and decoded, or null when its local header or data is broken. */
function partText(b: Uint8Array, e: ZipEntry, limits: typeof ZIP_LIMITS): string | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const o = e.localOffset;
  if (o + 30 > b.length || dv.getUint32(o, true) !== 0x04034b50) return null;
  const data = o + 30 + dv.getUint16(o + 26, true) + dv.getUint16(o + 28, true);
  if (data + e.compressedSize > b.length || e.size > limits.maxPartBytes) return null;
  const raw = b.subarray(data, data + e.compressedSize);
  try {
    const out = e.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: limits.maxPartBytes });
    if (out.length !== e.size) return null;
    return new TextDecoder("utf-8", { fatal: true }).decode(out);
  } catch {
    return null;
  }
}
