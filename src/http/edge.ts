/**
 * What the HTTP edge lets through, in one table and three small middlewares: cross-site write
 * refusal (CSRF), security headers on API answers, and the per-endpoint body rules (media types,
 * size) that `route()` applies.
 */
import type { MiddlewareHandler } from "hono";
import { DomainError } from "../core/errors.ts";
import type { Env } from "./routes.ts";

const MB = 1024 * 1024;

/** Body rules of an endpoint: the media types it reads and the most bytes it takes. */
export interface BodyPolicy {
  accepts: readonly string[];
  maxBytes: number;
}

/** An ordinary JSON body: 1 MB is ~5,000 figures or a long narrative with room to spare. */
export const JSON_BODY: BodyPolicy = { accepts: ["application/json"], maxBytes: 1 * MB };

/** Attachment uploads: the file itself is the body; its type is read from its first bytes. */
const FILE_TYPES = [
  "application/octet-stream", "application/pdf", "image/jpeg", "image/png",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

/**
 * Endpoints whose body is not an ordinary JSON object (keyed by the route's declared path).
 * Everything else with a body schema takes JSON_BODY.
 */
const BODY_POLICIES: Record<string, BodyPolicy> = {
  "/api/figures": { accepts: ["application/json"], maxBytes: 8 * MB },
  // CSV streams through in chunks (memory stays flat), so a national file fits; dataValueSets JSON
  // is read whole and keeps its own limit (DATA_VALUE_SETS_MAX_BYTES).
  "/api/figures/import": { accepts: ["text/csv", "application/json"], maxBytes: 2048 * MB },
  // Pasted text (≤ 2 million characters, see src/extract/plugin.ts) or a .docx of ≤ 10 MB in base64.
  "/api/extract": { accepts: ["application/json"], maxBytes: 16 * MB },
  "/api/extract/check": { accepts: ["application/json"], maxBytes: 8 * MB },
  "/api/registers/{register}/{id}/attachments": { accepts: FILE_TYPES, maxBytes: 10 * MB },
};

/** dataValueSets JSON is parsed whole: a whole province's year, not a country's history. */
export const DATA_VALUE_SETS_MAX_BYTES = 50 * MB;

/** The body rules of a route, or null when it reads no body. */
export function bodyPolicy(path: string, hasJsonBody: boolean): BodyPolicy | null {
  return BODY_POLICIES[path] ?? (hasJsonBody ? JSON_BODY : null);
}

/** The media type of a Content-Type header, lower case without parameters ("" when absent). */
export function mediaType(header: string | undefined): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Throws UNSUPPORTED_MEDIA_TYPE unless the request declares one of the accepted types. */
export function requireMediaType(header: string | undefined, policy: BodyPolicy): string {
  const type = mediaType(header);
  if (!policy.accepts.includes(type)) {
    throw new DomainError("UNSUPPORTED_MEDIA_TYPE", `Kiểu dữ liệu gửi lên "${type || "(không khai báo)"}" không được nhận ở đây; cần ${policy.accepts.join(" hoặc ")}.`, {
      contentType: type || null, accepts: policy.accepts,
    });
  }
  return type;
}

/** "12 MB" for messages. */
export const megabytes = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses writes a browser sends on behalf of another site or origin (CSRF). A form on another
 * port of the same host is the same *site*, so SameSite cookies travel with it: the check is on
 * the origin. Browsers say where a request comes from in Sec-Fetch-Site (or, older ones, Origin);
 * a request with neither is not from a browser (curl, scripts, the CLI) and passes. Same rules as
 * Go's http.CrossOriginProtection.
 */
export function originGuard(trustedOrigins: readonly string[]): MiddlewareHandler {
  const trusted = new Set(trustedOrigins);
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header("origin")?.toLowerCase();
      const site = c.req.header("sec-fetch-site")?.toLowerCase();
      const fromTrusted = origin !== undefined && trusted.has(origin);
      let ok: boolean;
      if (site !== undefined) ok = site === "same-origin" || site === "none" || fromTrusted;
      else if (origin === undefined) ok = true;
      else ok = fromTrusted || hostOf(origin) === (c.req.header("host") ?? "").toLowerCase();
      if (!ok) {
        throw new DomainError("CSRF_REJECTED", "Yêu cầu ghi dữ liệu đến từ một trang khác nên bị từ chối. Hãy thao tác ngay trên trang danvan.", {
          origin: origin ?? null, secFetchSite: site ?? null,
        });
      }
    }
    await next();
  };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Headers on every API answer: no MIME sniffing (an attachment is never run as a page), no
 * framing, no referrer, and no caching anywhere (answers carry personal data; a shared office
 * computer's cache or a proxy must not keep them).
 */
export function apiHeaders(): MiddlewareHandler<Env> {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set("x-content-type-options", "nosniff");
    h.set("x-frame-options", "DENY");
    h.set("referrer-policy", "no-referrer");
    h.set("cross-origin-resource-policy", "same-origin");
    if (!h.has("content-security-policy")) h.set("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
    h.set("cache-control", "no-store");
  };
}
