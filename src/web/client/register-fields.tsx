/**
 * The register forms' renderer: fields from a form's spec (register-forms.ts), errors under their
 * field and announced, a character counter under every text with a limit (marked as soon as the
 * text runs over it), and the notices shared by the register pages.
 */
import { emptyValues, offered, tooLong, type FieldErrors, type FieldSpec, type FormValue, type FormValues } from "./register-forms.ts";
import { num, t, tf, today } from "./ui.tsx";

/** A message for the next page (after a save moves the user to the record). */
let flash: string | null = null;
export const setFlash = (text: string) => {
  flash = text;
};
export const takeFlash = () => {
  const f = flash;
  flash = null;
  return f;
};

export type Msg = { ok: boolean; text: string } | null;
export const Notice = ({ msg }: { msg: Msg }) => (msg ? <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p> : null);

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const fid = (path: string) => `f-${path.replace(/\./g, "-")}`;

interface FieldsProps {
  fields: readonly FieldSpec[];
  values: FormValues;
  set: (name: string, v: FormValue) => void;
  errors: FieldErrors;
  prefix?: string;
  teams: Array<{ id: number; title: string }>;
}

/** Renders a form's fields; lists of rows nest. Errors sit under their field and are announced. */
export function Fields({ fields, values, set, errors, prefix = "", teams }: FieldsProps) {
  return (
    <>
      {fields.map((f) => {
        const path = prefix + f.name;
        const id = fid(path);
        const v = values[f.name];
        const str = typeof v === "string" ? v : "";
        const max = f.kind === "text" || f.kind === "textarea" ? f.max : undefined;
        // A text over its limit is marked as it is typed, not only when saved.
        const over = max !== undefined && str.trim().length > max;
        const err = errors[path] ?? (over ? tooLong(str.trim().length, max) : undefined);
        const described = [max !== undefined ? `${id}-count` : "", err ? `${id}-err` : ""].filter(Boolean).join(" ");
        const a11y = { id, "aria-invalid": err ? true : undefined, "aria-describedby": described || undefined };
        const counter = max !== undefined ? <span class={`counter${over ? " over" : ""}`} id={`${id}-count`}>{tf("{n}/{max} ký tự", { n: num(str.trim().length), max: num(max) })}</span> : null;
        const label = <label for={id}>{t(f.label)}{"required" in f && f.required ? <span aria-hidden="true"> *</span> : null}</label>;
        const error = err ? <span class="field-error" id={`${id}-err`}>{err}</span> : null;
        const onText = (e: Event) => set(f.name, (e.target as HTMLInputElement).value);
        switch (f.kind) {
          case "text": case "date": case "count":
            return (
              <div class={`field${err || over ? " invalid" : ""}`}>{label}
                <input {...a11y} type={f.kind === "date" ? "date" : f.kind === "text" && f.type ? f.type : "text"} inputMode={f.kind === "count" ? "numeric" : f.kind === "text" && f.type === "tel" ? "tel" : undefined}
                  class={f.kind === "count" ? "num" : undefined} value={str} onInput={onText} required={"required" in f && f.required}
                  max={f.kind === "date" && f.notFuture ? today() : undefined} />{counter}{error}
              </div>
            );
          case "textarea":
            return <div class={`field wide${err || over ? " invalid" : ""}`}>{label}<textarea {...a11y} rows={f.rows ?? 2} value={str} onInput={onText} required={f.required} />{counter}{error}</div>;
          case "select":
            return (
              <div class="field">{label}
                <select {...a11y} value={str} onChange={onText}>
                  {Object.entries(offered(f, values)).map(([k, l]) => <option value={k}>{t(l)}</option>)}
                  {/* A stored value no longer offered on this date is shown, not chosen again (its error says why). */}
                  {str in f.options && !(str in offered(f, values)) && <option value={str} disabled>{t(f.options[str]!)}</option>}
                </select>{error}
              </div>
            );
          case "team":
            return (
              <div class="field">{label}
                <select {...a11y} value={str} onChange={onText}>
                  <option value="">{t("— Không thuộc tổ nào —")}</option>
                  {teams.map((tm) => <option value={String(tm.id)}>{tm.title}</option>)}
                </select>{error}
              </div>
            );
          case "check":
            return <div class="field"><label class="check"><input type="checkbox" id={id} checked={v === true} onChange={(e) => set(f.name, (e.target as HTMLInputElement).checked)} /> {t(f.label)}</label></div>;
          case "texts": {
            const items = Array.isArray(v) ? (v as string[]) : [];
            const item = t(f.item);
            return (
              <fieldset class={`list wide${err ? " invalid" : ""}`} aria-describedby={err ? `${id}-err` : undefined}>
                <legend>{t(f.label, "list")}</legend>
                {items.map((x, i) => (
                  <div class="list-item">
                    <input id={`${id}-${i}`} aria-label={`${cap(item)} ${i + 1}`} value={x} onInput={(e) => set(f.name, items.map((y, j) => (j === i ? (e.target as HTMLInputElement).value : y)))} />
                    <button type="button" class="link" aria-label={tf("Bỏ {item} {n}", { item, n: i + 1 })} onClick={() => set(f.name, items.filter((_, j) => j !== i))}>{t("Bỏ")}</button>
                  </div>
                ))}
                <button type="button" onClick={() => set(f.name, [...items, ""])}>{tf("+ Thêm {item}", { item })}</button>{error}
              </fieldset>
            );
          }
          case "rows": {
            const rows = Array.isArray(v) ? (v as FormValues[]) : [];
            const item = t(f.item);
            return (
              <fieldset class="rows wide">
                <legend>{t(f.label, "list")}</legend>
                {f.hint && <p class="muted small">{t(f.hint)}</p>}
                {rows.map((r, i) => (
                  <fieldset class="row-item">
                    <legend>{cap(item)} {i + 1}</legend>
                    <div class="fields">
                      <Fields fields={f.fields} values={r} errors={errors} prefix={`${path}.${i}.`} teams={teams}
                        set={(name, x) => set(f.name, rows.map((y, j) => (j === i ? { ...y, [name]: x } : y)))} />
                    </div>
                    <button type="button" class="link" onClick={() => set(f.name, rows.filter((_, j) => j !== i))}>{tf("Bỏ {item} {n}", { item, n: i + 1 })}</button>
                  </fieldset>
                ))}
                <button type="button" onClick={() => set(f.name, [...rows, emptyValues(f.fields, today())])}>{tf("+ Thêm {item}", { item })}</button>
              </fieldset>
            );
          }
        }
      })}
    </>
  );
}

/** Focuses the first field with an error (keyboard and screen-reader users land on it). */
export function focusFirst(errors: FieldErrors) {
  const first = Object.keys(errors)[0];
  if (first) setTimeout(() => (document.getElementById(fid(first)) ?? document.getElementById(`${fid(first)}-0`))?.focus(), 0);
}

/**
 * Shows the fields the page itself found invalid: marks them, says how many in the status line and
 * focuses the first. Returns true when there were any (the form is not sent).
 */
export function refuseInvalid(local: FieldErrors, setErrors: (e: FieldErrors) => void, setMsg: (m: Msg | null) => void): boolean {
  setErrors(local);
  const n = Object.keys(local).length;
  if (n === 0) return false;
  setMsg({ ok: false, text: tf("Còn {n} ô chưa hợp lệ; xem các ô được đánh dấu.", { n }) });
  focusFirst(local);
  return true;
}
