/**
 * Storage faults in one place: an error from better-sqlite3 or pg is recognised here (disk full,
 * busy, read-only, unreachable) and given a stable code and a Vietnamese message. The HTTP edge
 * (src/http/errors.ts) and the CLI use it; the real cause goes to the server log, not to users.
 */

export type StorageFaultCode = "STORAGE_FULL" | "BUSY" | "STORAGE_READONLY" | "STORAGE_UNAVAILABLE" | "STORAGE_ERROR";

export interface StorageFault {
  code: StorageFaultCode;
  /** Vietnamese, for people; says that nothing was written. */
  message: string;
  /** 503 for faults that pass (full disk freed, lock released, server back), 500 otherwise. */
  status: 503 | 500;
  /** Seconds after which a retry is sensible (Retry-After). */
  retryAfter?: number;
  /** The engine's own code and message, for the log. */
  cause: string;
}

const MESSAGES: Record<StorageFaultCode, string> = {
  STORAGE_FULL: "Ổ đĩa của máy chủ đã đầy nên chưa lưu được; dữ liệu chưa được ghi. Hãy báo quản trị viên giải phóng dung lượng rồi thử lại.",
  BUSY: "Cơ sở dữ liệu đang bận (một thao tác khác, ví dụ nhập số liệu lớn, đang ghi); dữ liệu chưa được ghi. Vui lòng thử lại sau ít giây.",
  STORAGE_READONLY: "Cơ sở dữ liệu đang ở chế độ chỉ đọc nên chưa lưu được; dữ liệu chưa được ghi. Hãy báo quản trị viên.",
  STORAGE_UNAVAILABLE: "Không kết nối được cơ sở dữ liệu; dữ liệu chưa được ghi. Vui lòng thử lại sau.",
  STORAGE_ERROR: "Lỗi đọc/ghi cơ sở dữ liệu; dữ liệu chưa được ghi. Hãy báo quản trị viên.",
};

// PostgreSQL SQLSTATE codes (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const PG: Record<string, StorageFaultCode> = {
  "53100": "STORAGE_FULL", // disk_full
  "53000": "BUSY", // insufficient_resources
  "53200": "BUSY", // out_of_memory
  "53300": "BUSY", // too_many_connections
  "55P03": "BUSY", // lock_not_available (lock_timeout)
  "57014": "BUSY", // query_canceled (statement_timeout)
  "40001": "BUSY", // serialization_failure
  "40P01": "BUSY", // deadlock_detected
  "25006": "STORAGE_READONLY", // read_only_sql_transaction (a standby)
  "57P01": "STORAGE_UNAVAILABLE", // admin_shutdown
  "57P02": "STORAGE_UNAVAILABLE", // crash_shutdown
  "57P03": "STORAGE_UNAVAILABLE", // cannot_connect_now
  "08000": "STORAGE_UNAVAILABLE", "08003": "STORAGE_UNAVAILABLE", "08006": "STORAGE_UNAVAILABLE", "08001": "STORAGE_UNAVAILABLE",
  "58030": "STORAGE_ERROR", // io_error
  "XX001": "STORAGE_ERROR", "XX002": "STORAGE_ERROR", // data_corrupted, index_corrupted
};

const BY_MESSAGE: Array<[RegExp, StorageFaultCode]> = [
  [/readonly database/i, "STORAGE_READONLY"],
  [/database or disk is full|No space left on device/i, "STORAGE_FULL"],
  [/database is locked/i, "BUSY"],
  [/unable to open database file|Connection terminated|connection timeout|Client has encountered a connection error|ECONNREFUSED/i, "STORAGE_UNAVAILABLE"],
];

const NET = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);

function sqliteCode(code: string): StorageFaultCode | null {
  if (code === "SQLITE_FULL" || code === "SQLITE_IOERR_NOSPC") return "STORAGE_FULL";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "BUSY";
  if (code.startsWith("SQLITE_READONLY")) return "STORAGE_READONLY";
  if (code.startsWith("SQLITE_CANTOPEN")) return "STORAGE_UNAVAILABLE";
  if (code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB" || code === "SQLITE_PROTOCOL") return "STORAGE_ERROR";
  return null;
}

/** The storage fault an error stands for, or null when it is not one (a bug, bad input…). */
export function storageFault(e: unknown): StorageFault | null {
  if (!(e instanceof Error)) return null;
  const code = (e as { code?: unknown }).code;
  if (typeof code !== "string") {
    // Errors re-thrown without their code (the migrator's) still carry the engine's words.
    for (const [re, kind] of BY_MESSAGE) if (re.test(e.message)) return make(kind, e.message);
    return null;
  }
  const kind = code.startsWith("SQLITE_") ? sqliteCode(code) : (PG[code] ?? (NET.has(code) ? "STORAGE_UNAVAILABLE" : null));
  return kind ? make(kind, `${code}: ${e.message}`) : null;
}

function make(code: StorageFaultCode, cause: string): StorageFault {
  const transient = code !== "STORAGE_ERROR";
  return {
    code, message: MESSAGES[code], status: transient ? 503 : 500, cause,
    ...(code === "BUSY" ? { retryAfter: 5 } : code === "STORAGE_UNAVAILABLE" ? { retryAfter: 30 } : code === "STORAGE_FULL" ? { retryAfter: 300 } : {}),
  };
}

/**
 * What to tell whoever starts danvan when the database cannot be opened or migrated: the file (or
 * server) and the cause, in one line, instead of a stack trace.
 */
export function describeOpenFailure(e: unknown, where: string): string {
  const f = storageFault(e);
  const raw = e instanceof Error ? e.message : String(e);
  const c = e instanceof Error ? (e as Error & { code?: unknown }).code : undefined;
  const code = typeof c === "string" ? `${c}: ` : "";
  const why: Record<StorageFaultCode, string> = {
    STORAGE_READONLY: "tệp hoặc thư mục chứa nó chỉ cho đọc, không cho ghi. Hãy cấp quyền ghi cho tài khoản chạy danvan (cả thư mục, vì SQLite ghi thêm tệp -wal và -shm bên cạnh)",
    STORAGE_UNAVAILABLE: "không mở hoặc không kết nối được. Kiểm tra đường dẫn, quyền truy cập và (với PostgreSQL) máy chủ CSDL",
    STORAGE_FULL: "ổ đĩa đã đầy. Hãy giải phóng dung lượng",
    BUSY: "một tiến trình khác đang giữ khóa ghi. Hãy thử lại sau",
    STORAGE_ERROR: "tệp bị hỏng hoặc không phải CSDL SQLite",
  };
  return `Không mở được cơ sở dữ liệu ${where}: ${f ? why[f.code] : "lỗi không xác định"} (${code}${raw}).`;
}

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
