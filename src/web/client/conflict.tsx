/**
 * A save refused because someone else saved first (409 CONFLICT): both versions side by side, the
 * differing rows marked, and the user chooses — keep theirs (overwrite, knowingly) or take the one
 * on the server. Never a silent overwrite.
 */
import { useEffect, useRef } from "preact/hooks";
import { ApiError } from "./api.ts";
import { t } from "./i18n.ts";

/** The record the server holds now and its version, when `e` is a CONFLICT; else null. */
export function conflictOf<T>(e: unknown): { current: T; version: number } | null {
  if (!(e instanceof ApiError) || e.code !== "CONFLICT") return null;
  const d = e.details as { current?: T; version?: number } | undefined;
  return d?.current !== undefined && typeof d.version === "number" ? { current: d.current, version: d.version } : null;
}

export interface ConflictRow {
  label: string;
  mine: string;
  theirs: string;
}

/** Both versions, row by row; `onMine` saves the user's over the server's, `onTheirs` takes the server's. */
export function ConflictPanel({ rows, onMine, onTheirs, busy, headingId = "h-conflict", note }: { rows: ConflictRow[]; onMine: () => void; onTheirs: () => void; busy?: boolean; headingId?: string; note?: string }) {
  const differing = rows.filter((r) => r.mine !== r.theirs);
  const ref = useRef<HTMLElement>(null);
  // Shown where the user is looking, even when the form is long.
  useEffect(() => ref.current?.scrollIntoView({ block: "nearest" }), []);
  return (
    <section class="conflict" role="alert" aria-labelledby={headingId} ref={ref}>
      <h3 id={headingId}>{t("Có người khác đã lưu bản ghi này trong lúc bạn sửa")}</h3>
      <p>{t("Bản của bạn chưa được lưu. So sánh hai bản rồi chọn bản giữ lại; các dòng khác nhau được đánh dấu.")}</p>
      {note && <p class="muted">{note}</p>}
      <div class="table-wrap">
        <table>
          <thead><tr><th scope="col">{t("Mục")}</th><th scope="col">{t("Bản của bạn (chưa lưu)")}</th><th scope="col">{t("Bản đang lưu trên máy chủ")}</th></tr></thead>
          <tbody>{(differing.length ? differing : rows).map((r) => (
            <tr class={r.mine !== r.theirs ? "differs" : ""}><th scope="row">{r.label}</th><td>{r.mine || "—"}</td><td>{r.theirs || "—"}</td></tr>
          ))}</tbody>
        </table>
      </div>
      <p class="actions">
        <button type="button" class="primary" disabled={busy} onClick={onMine}>{t("Giữ bản của tôi")}</button>
        <button type="button" disabled={busy} onClick={onTheirs}>{t("Dùng bản trên máy chủ")}</button>
      </p>
    </section>
  );
}
