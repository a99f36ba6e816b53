/**
 * Codes residents type and the offline anti-spam token (no I/O; node:crypto only).
 * - Household codes: 8 characters from an alphabet without look-alikes (0/O, 1/I/L), printed on
 *   paper by the village as "ABCD-EFGH"; only a hash is stored, salted with the consultation.
 * - Tracking codes for feedback: "PA-" + 10 such characters; only a hash is stored.
 * - The form token: the time the form was served, signed (HMAC) with the installation's secret;
 *   a submission is refused when sent sooner than a person could fill the form, or hours later.
 *   With a hidden field a person never fills (the honeypot), this stops simple bots offline.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function randomChars(n: number): string {
  const bytes = randomBytes(n * 2);
  let out = "";
  for (let i = 0; out.length < n; i++) {
    const b = bytes[i % bytes.length]!;
    if (b < 248) out += ALPHABET[b % ALPHABET.length]; // 248 = 8·31: no bias
    if (i > n * 8) return out + randomChars(n - out.length);
  }
  return out;
}

/** Upper case, separators dropped: what a resident types becomes the printed code. */
export function normalizeCode(s: string): string {
  return s.toUpperCase().replace(/[\s-]/g, "");
}

export function newHouseholdCode(): string {
  const c = randomChars(8);
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

export function householdCodeHash(consultationId: number, code: string): string {
  return createHash("sha256").update(`hh:${consultationId}:${normalizeCode(code)}`).digest("base64url");
}

export function newTrackingCode(): string {
  const c = randomChars(10);
  return `PA-${c.slice(0, 5)}-${c.slice(5)}`;
}

export function trackingHash(code: string): string {
  const n = normalizeCode(code).replace(/^PA/, "");
  return createHash("sha256").update(`track:${n}`).digest("base64url");
}

/** Well-formed codes only reach the database. */
export const HOUSEHOLD_CODE_RE = /^[2-9A-Z]{4}-?[2-9A-Z]{4}$/i;
export const TRACKING_CODE_RE = /^PA-?[2-9A-Z]{5}-?[2-9A-Z]{5}$/i;

export interface TokenPolicy {
  /** Sooner than this after the form was served: a bot. */
  minMs: number;
  /** Later than this: the form is stale, serve it again. */
  maxMs: number;
}
export const FORM_TOKEN_POLICY: TokenPolicy = { minMs: 4000, maxMs: 6 * 3600_000 };

const sign = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");

/** The hidden field of a public form: when it was served, signed. */
export function formToken(secret: string, servedAtMs: number): string {
  const payload = `${servedAtMs}.${randomBytes(6).toString("base64url")}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenProblem = "missing" | "forged" | "too_fast" | "expired";

/** Null when the token is genuine and was served between min and max ago. */
export function checkFormToken(secret: string, token: string | undefined, nowMs: number, policy = FORM_TOKEN_POLICY): TokenProblem | null {
  if (!token) return "missing";
  const parts = token.split(".");
  if (parts.length !== 3 || !/^\d{1,15}$/.test(parts[0]!)) return "forged";
  const expected = Buffer.from(sign(secret, `${parts[0]}.${parts[1]}`));
  const got = Buffer.from(parts[2]!);
  if (expected.length !== got.length || !timingSafeEqual(expected, got)) return "forged";
  const age = nowMs - Number(parts[0]);
  if (age < policy.minMs) return "too_fast";
  if (age > policy.maxMs) return "expired";
  return null;
}
