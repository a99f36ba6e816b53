/**
 * Configuration, read from the environment once at start, validated and frozen. Nothing below
 * the entry points reads process.env.
 */
import { z } from "zod";

const schema = z.object({
  /** HTTP port of the server. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** PostgreSQL URL; when unset danvan uses embedded SQLite. */
  DATABASE_URL: z.string().min(1).optional(),
  /** SQLite file used when DATABASE_URL is unset. */
  DANVAN_SQLITE: z.string().default("data/danvan.sqlite"),
  /** SQLite: read-only connections on worker threads that serve the server's reads (0: reads on the writer's thread). */
  DANVAN_SQLITE_READERS: z.coerce.number().int().min(0).max(16).default(2),
  /** PostgreSQL: connections in the pool (reads and writes together). */
  DANVAN_PG_POOL: z.coerce.number().int().min(2).max(200).default(10),
  /**
   * PostgreSQL: transactions committing at once (each takes a connection; the rest of the pool
   * serves reads). Transactions changing one indicator-year wait for each other at their commit
   * (totals are settled under an advisory lock, taken for the whole batch in key order), so more
   * than one mostly adds lock waits.
   */
  DANVAN_PG_WRITERS: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * A server's writes wait at most about this long for their turn (ms; 0: without limit). Past it,
   * a new write is refused at once (503 SERVER_BUSY, Retry-After), changing nothing: the web form's
   * outbox keeps the edit and sends it again. A save behind a long import is answered in seconds,
   * not when the import ends. On a deadline day with more saves than the server answers, writes are
   * refused at the door while even the quickest one of the last half second took longer than this
   * (src/http/shed.ts), and the ones taken are answered quickly.
   */
  DANVAN_WRITE_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
  /**
   * "1" (default): a server on a SQLite file saves figures on a write thread of its own (src/db/write-thread.ts); "0":
   * on the thread that answers requests. At 1M figures 2,107 saves/s against 1,599 (median of three alternated
   * runs), at 20M 2,019–2,162 against 1,099–1,518 (docs/SCALING.md, stop 33).
   */
  DANVAN_WRITE_THREAD: z.enum(["0", "1"]).default("1"),
  /** "1" loads demo data and demo accounts into an empty database (npm start sets it). */
  DANVAN_DEMO: z.enum(["0", "1"]).default("0"),
  /** Hours a sign-in lasts. */
  DANVAN_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** log2 of the scrypt cost for new password hashes (15 = 32 MiB of memory per hash). */
  DANVAN_PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(15),
  /** Set cookies with the Secure flag (behind HTTPS). */
  DANVAN_SECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  /**
   * Other origins allowed to send writes from a browser, comma-separated ("https://danvan.example.vn"),
   * for a proxy that changes the Host header. Same-origin requests never need it.
   */
  DANVAN_TRUSTED_ORIGINS: z.string().default(""),
  /** "1" when behind a reverse proxy: the client's address is the last one in X-Forwarded-For. */
  DANVAN_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Report-reader calls (POST /api/extract…) one user may make per minute; 0 = no limit. */
  DANVAN_RATE_EXTRACT: z.coerce.number().int().min(0).default(120),
  /** Report builds, previews and numbers (/api/reports…) one user may ask for per minute; 0 = no limit. */
  DANVAN_RATE_REPORTS: z.coerce.number().int().min(0).default(120),
  /** Figure imports (POST /api/figures/import) one user may send per minute; 0 = no limit. */
  DANVAN_RATE_IMPORT: z.coerce.number().int().min(0).default(60),
  /** Dashboard and report-form loads (/api/dashboard…) one user may ask for per minute; 0 = no limit. */
  DANVAN_RATE_DASHBOARD: z.coerce.number().int().min(0).default(600),
  /** Writes on the public portal (votes, feedback) from one address per minute; 0 = no limit. */
  DANVAN_RATE_PORTAL: z.coerce.number().int().min(0).default(10),
  /** Tracking-code look-ups on the public portal (/cong-khai/tra-cuu) from one address per minute; 0 = no limit. */
  DANVAN_RATE_LOOKUP: z.coerce.number().int().min(0).default(30),
  /** Wrong passwords for one account (known or not) before sign-in is refused for a while. */
  DANVAN_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** Wrong passwords from one address (any account; a commune office shares one) before it is refused for a while. */
  DANVAN_SIGNIN_MAX_FAILURES_IP: z.coerce.number().int().min(1).default(50),
  /** First refusal after too many wrong passwords, in seconds; each further failure doubles it, up to an hour. */
  DANVAN_SIGNIN_LOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** SMTP server for reminder e-mails ("smtp://user:pass@mail.example.vn:587", "smtps://…:465"); unset: reminders in the app only. */
  DANVAN_SMTP_URL: z.string().regex(/^smtps?:\/\/./, "phải bắt đầu bằng smtp:// hoặc smtps://").optional(),
  /** Sender of reminder e-mails. */
  DANVAN_MAIL_FROM: z.string().min(3).default("danvan <no-reply@danvan.local>"),
  /** Address of the web application as users open it ("https://danvan.example.vn"), for links in e-mails; unset: no link. */
  DANVAN_PUBLIC_URL: z.string().regex(/^https?:\/\/./, "phải bắt đầu bằng http:// hoặc https://").optional(),
  /** Seconds between two reminder runs of a server (0: this server sends none). */
  DANVAN_REMINDER_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3600),
  /** Seconds a server holds the reminder e-mails it has claimed; after that another server sends those it has not (a server that died). */
  DANVAN_MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /**
   * Days a sent reminder e-mail stays in the outbox before the daily purge deletes it, and a failed
   * one after its last attempt (0: kept forever); ones still to be sent, retries included, are never deleted.
   */
  DANVAN_MAIL_KEEP_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
});

/** Requests per user per minute on the expensive endpoints (0 = no limit). */
export interface RateLimits {
  extract: number;
  reports: number;
  import: number;
  dashboard: number;
  portal: number;
  lookup: number;
}

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  sqlitePath: string;
  /** Reader threads (SQLite), pool size and concurrent committers (PostgreSQL). */
  storage: Readonly<{ sqliteReaders: number; pgPool: number; pgWriters: number; writeWaitMs: number; writeThread: boolean }>;
  demo: boolean;
  sessionHours: number;
  passwordCost: number;
  secureCookies: boolean;
  trustedOrigins: readonly string[];
  trustProxy: boolean;
  rateLimits: Readonly<RateLimits>;
  signIn: Readonly<{ maxFailures: number; maxFailuresPerIp: number; lockSeconds: number }>;
  /** Reminder e-mails (no smtpUrl: in-app only), the link base, the claim lease, and days sent ones are kept (0: forever). */
  mail: Readonly<{ smtpUrl: string | undefined; from: string; publicUrl: string | undefined; leaseSeconds: number; keepDays: number }>;
  reminderSeconds: number;
}

/** Parses the environment; throws a readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const r = schema.safeParse(env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Cấu hình không hợp lệ:\n${lines}`);
  }
  const e = r.data;
  return Object.freeze({
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    sqlitePath: e.DANVAN_SQLITE,
    storage: Object.freeze({ sqliteReaders: e.DANVAN_SQLITE_READERS, pgPool: e.DANVAN_PG_POOL, pgWriters: e.DANVAN_PG_WRITERS, writeWaitMs: e.DANVAN_WRITE_WAIT_MS, writeThread: e.DANVAN_WRITE_THREAD === "1" }),
    demo: e.DANVAN_DEMO === "1",
    sessionHours: e.DANVAN_SESSION_HOURS,
    passwordCost: e.DANVAN_PASSWORD_COST,
    secureCookies: e.DANVAN_SECURE_COOKIES === "1",
    trustedOrigins: Object.freeze(e.DANVAN_TRUSTED_ORIGINS.split(",").map((o) => o.trim().replace(/\/+$/, "").toLowerCase()).filter(Boolean)),
    trustProxy: e.DANVAN_TRUST_PROXY === "1",
    rateLimits: Object.freeze({ extract: e.DANVAN_RATE_EXTRACT, reports: e.DANVAN_RATE_REPORTS, import: e.DANVAN_RATE_IMPORT, dashboard: e.DANVAN_RATE_DASHBOARD, portal: e.DANVAN_RATE_PORTAL, lookup: e.DANVAN_RATE_LOOKUP }),
    signIn: Object.freeze({ maxFailures: e.DANVAN_SIGNIN_MAX_FAILURES, maxFailuresPerIp: e.DANVAN_SIGNIN_MAX_FAILURES_IP, lockSeconds: e.DANVAN_SIGNIN_LOCK_SECONDS }),
    mail: Object.freeze({ smtpUrl: e.DANVAN_SMTP_URL, from: e.DANVAN_MAIL_FROM, publicUrl: e.DANVAN_PUBLIC_URL?.replace(/\/+$/, ""), leaseSeconds: e.DANVAN_MAIL_LEASE_SECONDS, keepDays: e.DANVAN_MAIL_KEEP_DAYS }),
    reminderSeconds: e.DANVAN_REMINDER_SECONDS,
  });
}
