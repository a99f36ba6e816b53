/**
 * Pure: optimistic concurrency. Every record a form edits carries a version; a save names the
 * version it was made from, in the body (`version`) or as an HTTP If-Match header ("3", W/"3" or 3).
 * A stale save is refused with CONFLICT (409) and the current record in `details.current`.
 */
import { DomainError } from "./errors.ts";

/** The version an If-Match header names, undefined without one; throws VALIDATION when unreadable. */
export function parseIfMatch(header: string | null | undefined): number | undefined {
  if (header === null || header === undefined || header.trim() === "" || header.trim() === "*") return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m) throw new DomainError("VALIDATION", `If-Match phải là số phiên bản của bản ghi (ví dụ "3"), nhận "${header}".`, { header });
  return Number(m[1]);
}

/** The version a save names: the body's when present, else the If-Match header's. */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | null | undefined): number | undefined {
  const header = parseIfMatch(ifMatch);
  if (bodyVersion !== undefined && header !== undefined && bodyVersion !== header) {
    throw new DomainError("VALIDATION", `Phiên bản trong nội dung (${bodyVersion}) khác phiên bản trong If-Match (${header}).`, { version: bodyVersion, ifMatch: header });
  }
  return bodyVersion ?? header;
}
