/**
 * The password policy, applied when a password is set (create, reset, change), never at sign-in:
 * at least 10 characters, not a common password (assets/passwords/common.txt, ~4,700 lines with
 * Vietnamese ones) nor one with digits or symbols stuck on, not the user's own name.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { foldDiacritics } from "../core/text.ts";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

let common: Set<string> | undefined;
/** The shipped list of common passwords, folded like the passwords they are compared with. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL("../../assets/passwords/common.txt", import.meta.url), "utf8").split("\n").map(fold).filter((l) => l.length > 0),
  );
  return common;
}

/** Lower case, no diacritics, no spaces or punctuation: "Mật-khẩu 123" → "matkhau123". */
function fold(s: string): string {
  return foldDiacritics(s.normalize("NFC")).replace(/[^a-z0-9]/g, "");
}

/** Why a password is refused, in Vietnamese, or null when it is acceptable. */
export function passwordProblem(password: string, who: { username?: string; displayName?: string } = {}): string | null {
  const chars = [...password.normalize("NFC")];
  if (chars.length < PASSWORD_MIN) return `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.`;
  if (chars.length > PASSWORD_MAX) return `Mật khẩu dài tối đa ${PASSWORD_MAX} ký tự.`;
  if (new Set(chars).size < 4) return "Mật khẩu quá đơn giản: cần ít nhất 4 ký tự khác nhau.";
  const f = fold(password);
  const list = commonPasswords();
  // A common word with digits or symbols stuck on ("matkhau2026!", "123456a@") is as weak as the word.
  const stem = f.replace(/[0-9]+$/, "");
  if (list.has(f) || (stem.length >= 4 && list.has(stem)) || list.has(password.toLowerCase())) {
    return "Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn một cụm từ dài, khó đoán hơn (ví dụ ghép ba, bốn từ).";
  }
  for (const name of [who.username, who.displayName]) {
    const n = name ? fold(name) : "";
    if (n.length >= 3 && f.includes(n)) return "Mật khẩu không được chứa tên đăng nhập hay họ tên của người dùng.";
  }
  return null;
}

/** A new password (zod): the policy without the user's name, which the services check. */
export const newPassword = z
  .string({ error: "Cần nhập mật khẩu." })
  .refine((p) => passwordProblem(p) === null, { error: (iss) => passwordProblem(String(iss.input)) ?? "Mật khẩu không hợp lệ.", params: { code: "PASSWORD_WEAK" } });
