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
