/**
 * The report form's reading of what is typed: values checked per field and against the catalog's
 * validation rules, which fields hold something the server does not, and the list of unsaved fields
 * with the reason for each (what the status shows). Also Enter to the next visible field, and the
 * focus put on the report's status after a submit. No server calls here.
 */
import type { FormData } from "./api.ts";
import type { FigureConflict, Held } from "./entry-sync.ts";
import type { Unsaved } from "./entry-status.tsx";
import { brokenRules, crossErrors, fieldError, parseNumber, type BrokenRule } from "./validate.ts";
import { num, t, tf } from "./ui.tsx";

export const fieldKey = (indicator: string, disagg: string) => `${indicator}|${disagg}`;
export const fieldId = (indicator: string, disagg: string) => `f-${indicator}-${disagg}`.replace(/[^a-zA-Z0-9_-]/g, "_");

/** Set by a submit or withdraw: the re-drawn form puts the focus on its status. */
let focusStatus = false;
export const requestFocusStatus = () => void (focusStatus = true);
export function consumeFocusStatus(): boolean {
  const f = focusStatus;
  focusStatus = false;
  return f;
}

/**
 * Moves focus to the next field on Enter, like a paper form filled top to bottom: only fields the
 * user can see (never into a folded breakdown, which would take the next figure for another indicator).
 */
export function enterToNext(e: KeyboardEvent) {
  if (e.key !== "Enter") return;
  e.preventDefault();
  const el = e.target as HTMLInputElement;
  const fields = Array.from(el.form?.querySelectorAll<HTMLInputElement>("input.num:not([disabled])") ?? [])
    .filter((f) => f === el || (!f.closest("details:not([open])") && f.getClientRects().length > 0));
  fields[fields.indexOf(el) + 1]?.focus();
}

/** Everything the typed values break: per field, parts above their total, and the rules between totals. */
export function checkValues(indicators: FormData["indicators"], rules: FormData["rules"], raw: ReadonlyMap<string, string>, notes: ReadonlyMap<string, string>) {
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const parsed = new Map<string, number | null>();
  const fieldErrs = new Map<string, string>();
  const parts = new Map<string, number>();
  for (const [k, s] of raw) {
    const [ind, disagg] = k.split("|") as [string, string];
    const v = parseNumber(s);
    const def = byKey.get(ind);
    const err = def ? fieldError(def, v) : null;
    if (err) fieldErrs.set(k, err);
    if (disagg === "") parsed.set(ind, v);
    else if (v !== null && !Number.isNaN(v)) parts.set(ind, (parts.get(ind) ?? 0) + v);
  }
  const comments = new Map([...notes].filter(([k]) => k.endsWith("|")).map(([k, c]) => [k.slice(0, -1), c]));
  const broken = brokenRules(rules, indicators, new Map([...parsed].map(([k, v]) => [k, fieldErrs.has(fieldKey(k, "")) ? null : v])), comments);
  const covered = new Set(rules.map((r) => `${r.left}|${r.right}`));
  return { parsed, fieldErrs, cross: crossErrors(indicators, parsed, parts, covered), broken };
}

/** True when a field holds something the server does not (value, or a total's comment / mark). */
export function isDirty(h: Held | undefined, k: string, raw: ReadonlyMap<string, string>, notes: ReadonlyMap<string, string>, est: ReadonlySet<string>): boolean {
  const v = parseNumber(raw.get(k) ?? "");
  if (v === null) return h !== undefined;
  if (!h || Number.isNaN(v) || v !== h.value) return true;
  return k.endsWith("|") && ((notes.get(k)?.trim() || null) !== (h.comment ?? null) || est.has(k) !== (h.status === "estimated"));
}

/** The fields not saved, each with why, in the order of the form. */
export function unsavedFields(x: {
  form: FormData; raw: ReadonlyMap<string, string>; keys: string[]; held: (k: string) => Held | undefined; dirty: (k: string) => boolean;
  conflict: (k: string) => FigureConflict | undefined; refused: (k: string) => string | undefined; queued: (k: string) => boolean; offline: boolean;
  fieldErrs: ReadonlyMap<string, string>; blockingRule: (indicator: string) => BrokenRule | undefined;
}): Unsaved[] {
  const byKey = new Map(x.form.indicators.map((i) => [i.key, i]));
  const options = new Map<string, string>(x.form.categories.flatMap((c) => c.options.map((o) => [`${c.key}=${o.key}`, o.label] as [string, string])));
  const labelOf = (ind: string, disagg: string) => `${byKey.get(ind)?.label ?? ind}${disagg && options.has(disagg) ? ` — ${options.get(disagg)}` : ""}`;
  const out: Unsaved[] = [];
  for (const k of new Set([...x.raw.keys(), ...x.keys])) {
    const [ind, disagg] = k.split("|") as [string, string];
    const c = x.conflict(k);
    const refused = x.refused(k);
    if (!x.dirty(k) && !c && !refused) continue;
    const rule = disagg === "" ? x.blockingRule(ind) : undefined;
    const why = x.fieldErrs.get(k) ?? (c ? tf("người khác vừa lưu giá trị {v}; hãy chọn giữ giá trị nào (ngay dưới ô).", { v: c.current ? num(c.current.value) : t("(đã xóa)") }) : undefined)
      ?? (rule ? rule.text + (rule.rule.allowWithComment ? " " + t("Cần ghi chú giải trình để lưu.") : "") : undefined) ?? refused;
    const kind = why ? "error" : x.queued(k) && x.offline ? "pending" : "saving";
    out.push({ fid: fieldId(ind, disagg), label: labelOf(ind, disagg), raw: x.raw.get(k) ?? "", why: why ?? (kind === "pending" ? t("chờ kết nối, sẽ tự gửi lại") : t("đang gửi")), kind });
  }
  const order = new Map(x.form.indicators.map((i, n) => [fieldId(i.key, ""), n * 100]));
  const rank = (fid: string) => order.get(fid) ?? (order.get(fid.replace(/-[^-]*$/, "-")) ?? 0) + 1;
  return out.sort((a, b) => rank(a.fid) - rank(b.fid));
}
