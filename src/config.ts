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
  /** "1" loads demo data and demo accounts into an empty database (npm start sets it). */
  DANVAN_DEMO: z.enum(["0", "1"]).default("0"),
  /** Hours a sign-in lasts. */
  DANVAN_SESSION_HOURS: z.coerce.number().positive().default(12),
  /** log2 of the scrypt cost for new password hashes (15 = 32 MiB of memory per hash). */
  DANVAN_PASSWORD_COST: z.coerce.number().int().min(10).max(20).default(15),
  /** Set cookies with the Secure flag (behind HTTPS). */
  DANVAN_SECURE_COOKIES: z.enum(["0", "1"]).default("0"),
});

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  sqlitePath: string;
  demo: boolean;
  sessionHours: number;
  passwordCost: number;
  secureCookies: boolean;
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
    demo: e.DANVAN_DEMO === "1",
    sessionHours: e.DANVAN_SESSION_HOURS,
    passwordCost: e.DANVAN_PASSWORD_COST,
    secureCookies: e.DANVAN_SECURE_COOKIES === "1",
  });
}
