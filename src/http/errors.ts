/** Errors become HTTP responses here and nowhere else: `{ error: { code, message, details } }`. */
import { z } from "zod";
import { isDomainError } from "../core/errors.ts";
import { storageFault } from "../db/errors.ts";

const STATUS: Array<[RegExp, number]> = [
  [/_NOT_FOUND$/, 404],
  [/^(FORBIDDEN|OUT_OF_SCOPE|CSRF_REJECTED|PETITION_CONFIDENTIAL)$/, 403],
  [/^CONFLICT$/, 409],
  [/^(UNAUTHENTICATED|BAD_CREDENTIALS)$/, 401],
  [/^USER_SELF_LOCKOUT$/, 409],
  [/^(PERIOD_LOCKED|SUBMISSION_ILLEGAL_TRANSITION|.*_EXISTS)$/, 409],
  [/_TOO_LARGE$/, 413],
  [/^UNSUPPORTED_MEDIA_TYPE$/, 415],
  [/^RATE_LIMITED$/, 429],
  [/^SERVER_BUSY$/, 503],
  [/^REGISTER_(ILLEGAL_TRANSITION|EXTENSION_NOT_ALLOWED)$/, 409],
];

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** The cause to write to the server log (faults and bugs), never sent to the client. */
  log?: unknown;
}

const retryHeader = (details: unknown): Record<string, string> => {
  const s = (details as { retryAfter?: unknown } | undefined)?.retryAfter;
  return typeof s === "number" && s > 0 ? { "retry-after": String(Math.ceil(s)) } : {};
};

/** Maps any thrown value to a status and the stable wire shape; unknown errors do not leak. */
export function toErrorResponse(e: unknown): ErrorResponse {
  if (isDomainError(e)) {
    const status = STATUS.find(([re]) => re.test(e.code))?.[1] ?? 400;
    return { status, headers: retryHeader(e.details), body: { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } } };
  }
  if (e instanceof z.ZodError) {
    const issues = e.issues.map((i) => {
      const code = (i as { params?: { code?: unknown } }).params?.code;
      return { path: i.path.join("."), message: i.message, ...(typeof code === "string" ? { code } : {}) };
    });
    const first = issues[0];
    return {
      status: 400, headers: {},
      body: { error: { code: "VALIDATION", message: `Dữ liệu gửi lên không hợp lệ${first ? `: ${first.path ? `${first.path}: ` : ""}${first.message}` : "."}`, details: issues } },
    };
  }
  const fault = storageFault(e);
  if (fault) {
    return {
      status: fault.status, log: e, headers: fault.retryAfter ? { "retry-after": String(fault.retryAfter) } : {},
      body: { error: { code: fault.code, message: fault.message, ...(fault.retryAfter ? { details: { retryAfter: fault.retryAfter } } : {}) } },
    };
  }
  return { status: 500, log: e, headers: {}, body: { error: { code: "INTERNAL", message: "Lỗi hệ thống. Vui lòng thử lại sau." } } };
}
