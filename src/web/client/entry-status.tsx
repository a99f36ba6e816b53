/**
 * The report form's save status: "Đã lưu" only when every field holds what the server holds;
 * otherwise which fields are not saved and why (not a number, negative, a rule broken, refused by
 * the server, someone else saved first, waiting for the connection), each a link to its field.
 */
import type { OutboxState } from "./outbox.ts";
import { t, tf } from "./ui.tsx";

export interface Unsaved {
  /** The field's element id (the link moves focus there). */
  fid: string;
  label: string;
  /** What the user typed, as typed. */
  raw: string;
  why: string;
  /** error: the user must act; pending: waits for the connection; saving: on its way. */
  kind: "error" | "pending" | "saving";
}

export function SaveState({ s, unsaved }: { s: OutboxState; unsaved: Unsaved[] }) {
  const errors = unsaved.filter((u) => u.kind === "error");
  const pending = unsaved.filter((u) => u.kind === "pending");
  const state = errors.length ? "error" : pending.length || s.status === "pending" ? "pending" : unsaved.length || s.status === "saving" ? "saving" : "saved";
  const text = state === "saved" ? t("Đã lưu")
    : state === "saving" ? t("Đang lưu…")
    : state === "pending" ? t("Chưa lưu – sẽ gửi lại")
    : tf("Chưa lưu {n} giá trị:", { n: errors.length });
  const listed = state === "error" ? errors : state === "pending" ? pending : [];
  return (
    <div class={`save-state ${state}`} role="status" aria-live="polite" data-state={state}>
      <p>{text}{state === "pending" && s.waiting > 0 ? ` (${s.waiting})` : ""}</p>
      {listed.length > 0 && (
        <ul class="unsaved">
          {listed.map((u) => (
            <li>
              <a href={`#${u.fid}`} onClick={(e) => { e.preventDefault(); document.getElementById(u.fid)?.focus(); }}>{u.label}</a>
              {u.raw !== "" ? `: “${u.raw}”` : ""} — {u.why}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
