/** Errors become HTTP responses here and nowhere else: `{ error: { code, message, details } }`. */
import { z } from "zod";
import { isDomainError } from "../core/errors.ts";

const STATUS: Array<[RegExp, number]> = [
  [/_NOT_FOUND$/, 404],
  [/^(FORBIDDEN|OUT_OF_SCOPE|PETITION_CONFIDENTIAL)$/, 403],
  [/^CONFLICT$/, 409],
  [/^(UNAUTHENTICATED|BAD_CREDENTIALS)$/, 401],
  [/^USER_SELF_LOCKOUT$/, 409],
  [/^(PERIOD_LOCKED|SUBMISSION_ILLEGAL_TRANSITION|.*_EXISTS)$/, 409],
  [/^PAYLOAD_TOO_LARGE$/, 413],
  [/^REGISTER_(ILLEGAL_TRANSITION|EXTENSION_NOT_ALLOWED)$/, 409],
];

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Maps any thrown value to a status and the stable wire shape; unknown errors do not leak. */
export function toErrorResponse(e: unknown): { status: number; body: ErrorBody } {
  if (isDomainError(e)) {
    const status = STATUS.find(([re]) => re.test(e.code))?.[1] ?? 400;
    return { status, body: { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } } };
  }
  if (e instanceof z.ZodError) {
    return {
      status: 400,
      body: { error: { code: "VALIDATION", message: "Dữ liệu gửi lên không hợp lệ.", details: e.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } },
    };
  }
  return { status: 500, body: { error: { code: "INTERNAL", message: "Lỗi hệ thống. Vui lòng thử lại sau." } } };
}
