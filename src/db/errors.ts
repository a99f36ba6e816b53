/** Database errors the services handle themselves (a race two users lose cleanly, never a 500). */

const codeOf = (e: unknown): unknown => (e as { code?: unknown } | null)?.code;

/** True for a unique-constraint violation on either database (two requests inserting the same key). */
export function isUniqueViolation(e: unknown): boolean {
  const code = codeOf(e);
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** True for a PostgreSQL serialization failure or deadlock (the transaction may simply be retried). */
export function isRetryable(e: unknown): boolean {
  const code = codeOf(e);
  return code === "40001" || code === "40P01" || code === "SQLITE_BUSY";
}

/**
 * A database error without the values it carries: PostgreSQL puts the failing row ("Failing row
 * contains (…)") and key values into `detail`, and the server logs unexpected errors. Services that
 * write personal data (petitioners) rethrow this instead, so no name or address reaches the log.
 */
export function withoutValues(e: unknown): unknown {
  if (!(e instanceof Error) || (e as { name?: string }).name === "DomainError") return e;
  const clean = new Error(e.message.replace(/\(.*\)=\(.*\)/g, "(…)=(…)"));
  (clean as Error & { code?: unknown }).code = codeOf(e);
  clean.name = e.name;
  return clean;
}
