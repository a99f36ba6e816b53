/**
 * The one error type the domain throws. `code` is stable (clients branch on it); `message` is
 * Vietnamese, for people; `details` carries structured context (bad lines, offending ids).
 * The HTTP and CLI edges turn it into a response or an exit status in one place each.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** True when `e` is a DomainError (also across module copies). */
export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError || (e instanceof Error && e.name === "DomainError" && "code" in e);
}

/** An error as it crosses between threads: a DomainError keeps its code and details, a storage fault its code. */
export interface ThreadError {
  name: string;
  message: string;
  code?: string | undefined;
  details?: unknown;
}

/** An error as it can be posted to another thread. */
export function toThreadError(e: unknown): ThreadError {
  const x = e as { name?: unknown; message?: unknown; code?: unknown; details?: unknown };
  return {
    name: typeof x?.name === "string" ? x.name : "Error",
    message: typeof x?.message === "string" ? x.message : String(e),
    code: typeof x?.code === "string" ? x.code : undefined,
    ...(x?.details !== undefined ? { details: x.details } : {}),
  };
}

/** The error a thread posted, as thrown on this side. */
export function fromThreadError(e: ThreadError): Error {
  if (e.name === "DomainError" && e.code) return new DomainError(e.code, e.message, e.details);
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
}
