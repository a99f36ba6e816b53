/**
 * A public notice's history on the staff page (portal.tsx): who changed what and when, oldest
 * first — the first posting, corrections that keep the posting day, material changes that post it
 * afresh (the law's minimum runs again: the new "keep until" day is said), taking down and posting
 * again. Read from GET /api/portal/notices/{id}/history (src/portal/notice-history.ts, pure).
 */
import { get } from "./api.ts";
import { Show, t, tf, useLoad } from "./ui.tsx";
import { dmy, dmyTime } from "./labels.ts";
import type { HistoryEntry } from "../../portal/notice-history.ts";

export function NoticeHistory({ id, title, close }: { id: number; title: string; close: () => void }) {
  const [s] = useLoad(`notice-history-${id}`, () => get<{ entries: HistoryEntry[] }>(`/api/portal/notices/${id}/history`));
  return (
    <section class="portal-history" aria-labelledby={`history-${id}`}>
      <h3 id={`history-${id}`}>{tf("Lịch sử thông báo: {title}", { title })}</h3>
      <Show s={s}>{(d) => d.entries.length === 0 ? <p class="muted">{t("Chưa có thay đổi nào được ghi.")}</p> : (
        <ol class="portal-history-list">{d.entries.map((e) => (
          <li data-kind={e.kind}>
            <p class="portal-history-head"><strong>{e.label}</strong> <span class="muted">{tf("{when} · {who}", { when: dmyTime(e.at), who: e.who })}</span></p>
            {e.restarted && (
              <p class="portal-history-restart">{tf("Công khai lại từ {to} (trước: {from}); thời hạn tối thiểu tính lại, giữ ít nhất đến hết {ends}.", { to: dmy(e.restarted.to), from: dmy(e.restarted.from), ends: dmy(e.restarted.minimumEndsOn) })}
                {" "}<small class="muted">({e.restarted.basis})</small></p>
            )}
            {e.changes.length > 0 && (
              <dl class="portal-history-changes">{e.changes.map((c) => (
                <div data-field={c.field}>
                  <dt>{c.label}</dt>
                  <dd><span class="sr-only">{t("Trước:")} </span><del>{c.before}</del></dd>
                  <dd><span class="sr-only">{t("Sau:")} </span><ins>{c.after}</ins></dd>
                </div>
              ))}</dl>
            )}
          </li>
        ))}</ol>
      )}</Show>
      <button type="button" onClick={close}>{t("Đóng lịch sử")}</button>
    </section>
  );
}
