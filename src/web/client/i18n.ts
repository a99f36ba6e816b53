/**
 * The client's two languages. Vietnamese is the source language: every UI string is written in
 * Vietnamese in the code and looked up here when English is chosen (header button, kept in
 * localStorage "danvan.lang"). Data — unit and indicator names, what users typed, the server's
 * error messages — is never translated. i18n.test.ts checks that every string passed to t(), tf()
 * or tl() has an English entry, that no entry is unused and that templates keep their {names}.
 */

export type Lang = "vi" | "en";

function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem("danvan.lang") === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}
let lang: Lang = initialLang();
export const currentLang = (): Lang => lang;
/** English, once loaded (a separate chunk: Vietnamese users never download it). */
let EN: Readonly<Record<string, string>> = {};
/** Switches language, loading the English dictionary the first time it is needed. */
export async function setLang(l: Lang): Promise<void> {
  if (l === "en" && Object.keys(EN).length === 0) EN = (await import("./i18n-en.ts")).EN;
  lang = l;
  try {
    localStorage.setItem("danvan.lang", l);
  } catch {
    // Storage disabled: the choice lasts for this page.
  }
  if (typeof document !== "undefined") document.documentElement.lang = l;
}

/**
 * Translates a Vietnamese UI string when English is chosen (falls back to the Vietnamese). A
 * context tells apart a Vietnamese word English says two ways: t("Đơn vị") is a column's "Unit",
 * t("Đơn vị", "page") the page "Units" (entry "Đơn vị|page"; without one the plain entry is used).
 */
export const t = (s: string, context?: string): string => (lang === "en" ? (context ? EN[`${s}|${context}`] : undefined) ?? EN[s] ?? s : s);

/** A template with {name} placeholders: translated by its Vietnamese template, then filled in. */
export function tf(template: string, vars: Readonly<Record<string, string | number>>): string {
  return t(template).replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** Marks a Vietnamese string kept in a table and translated with t() (same context) where it is shown. */
export const tl = <S extends string>(s: S, context?: string): S => (void context, s);

