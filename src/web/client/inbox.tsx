/**
 * The inbox: what needs the user (returned reports with the reviewer's reason, approvals, reports
 * waiting for review, reports past their deadline, petitions and boards' recommendations near or past
 * their answer date, reminders), each
 * opening its unit and period; and the unread count in the header.
 */
import { useEffect, useState } from "preact/hooks";
import { api, get } from "./api.ts";
import type { Inbox, InboxItem, InboxKind } from "../../inbox/inbox.service.ts";
import { Show, go, href, t, tf, tl, useLoad, useRoute } from "./ui.tsx";

const KIND: Record<InboxKind, string> = {
  returned: tl("Bị trả lại"), approved: tl("Đã phê duyệt"), awaiting_review: tl("Chờ duyệt"), overdue: tl("Quá hạn nộp"),
  sub_units_overdue: tl("Đơn vị chưa nộp"), petition_due: tl("Đơn sắp đến hạn"), petition_overdue: tl("Đơn quá hạn"),
  finding_due: tl("Kiến nghị sắp đến hạn trả lời"), finding_overdue: tl("Kiến nghị quá hạn trả lời"), reminder: tl("Nhắc việc"),
};

/** Told by the inbox when items were read, so the header's count follows at once. */
const CHANGED = "danvan:inbox";

/** The hash link an item opens. */
export function itemHref(i: InboxItem): string {
  const o = i.open;
  if (o.page === "petition") return href("/registers", { reg: "petitions", id: o.petitionId });
  if (o.page === "dashboard") return href("/", { unit: o.unitId, period: o.period });
  if (o.page === "oversight") return href("/oversight", {});
  return href(`/${o.page}`, { unit: o.unitId, period: o.period });
}

/** dd/mm/yyyy of a day, or of a time in Vietnam (UTC+7). */
function when(at: string): string {
  const d = at.length > 10 ? new Date(Date.parse(at) + 7 * 3_600_000).toISOString() : at;
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

/** The unread count beside the inbox link in the header (asked for every minute and after reading). */
export function InboxBadge() {
  const [n, setN] = useState<number | null>(null);
  const { path } = useRoute();
  useEffect(() => {
    let live = true;
    const load = () => get<{ unread: number }>("/api/inbox/count").then((c) => live && setN(c.unread), () => undefined);
    void load();
    const id = setInterval(load, 60_000);
    addEventListener(CHANGED, load);
    return () => {
      live = false;
      clearInterval(id);
      removeEventListener(CHANGED, load);
    };
  }, [path]);
  const label = n ? tf("Hộp thư, {n} mục chưa đọc", { n }) : t("Hộp thư");
  return (
    <a class="inbox-link" href="#/inbox" aria-label={label} title={label} aria-current={path === "/inbox" ? "page" : undefined}>
      <span aria-hidden="true">✉</span> <span class="inbox-text">{t("Hộp thư")}</span>
      {n ? <span class="inbox-count" aria-hidden="true">{n > 99 ? "99+" : n}</span> : null}
    </a>
  );
}

function Item({ i, onOpen }: { i: InboxItem; onOpen: (i: InboxItem) => void }) {
  return (
    <li class={`inbox-item ${i.kind}${i.read ? "" : " unread"}`} data-kind={i.kind}>
      <a href={itemHref(i)} onClick={(e) => { e.preventDefault(); onOpen(i); }}>
        <span class="kind">{t(KIND[i.kind])}{i.read ? "" : <span class="sr-only"> ({t("chưa đọc")})</span>}</span>
        <strong class="title">{i.title}</strong>
        {i.detail && <span class="detail">{i.kind === "returned" ? <>{t("Lý do:")} <q>{i.detail}</q></> : i.detail}</span>}
        <span class="meta">{i.unit.fullName}{i.periodLabel ? ` · ${i.periodLabel}` : ""} · {when(i.at)}</span>
      </a>
    </li>
  );
}

export function InboxPage() {
  const { params } = useRoute();
  const show = params.get("show") === "unread" ? "unread" : "all";
  const kind = params.get("kind") ?? "";
  const [s, reload] = useLoad("inbox", () => get<Inbox>("/api/inbox"));
  const [error, setError] = useState<string | null>(null);
  const open = async (i: InboxItem) => {
    if (!i.read) {
      // Read first (so the count is right on the next page); a failure never keeps the user from the item.
      await api("POST", "/api/inbox/read", { keys: [i.key] }).catch(() => undefined);
      dispatchEvent(new Event(CHANGED));
    }
    location.hash = itemHref(i).slice(1);
  };
  const readAll = async () => {
    setError(null);
    try {
      await api("POST", "/api/inbox/read", { all: true });
      dispatchEvent(new Event(CHANGED));
      await reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div class="inbox">
      <div class="page-head"><h1>{t("Hộp thư")}</h1></div>
      {error && <p class="error" role="alert">{error}</p>}
      <Show s={s}>{(box) => {
        const kinds = [...new Set(box.items.map((i) => i.kind))];
        const items = box.items.filter((i) => (show === "all" || !i.read) && (!kind || i.kind === kind));
        return (
          <>
            <div class="controls inbox-filters">
              <label for="inbox-show">{t("Hiển thị")}</label>
              <select id="inbox-show" value={show} onChange={(e) => go("/inbox", { show: (e.target as HTMLSelectElement).value, kind })}>
                <option value="all">{tf("Tất cả ({n})", { n: box.total })}</option>
                <option value="unread">{tf("Chưa đọc ({n})", { n: box.unread })}</option>
              </select>
              <label for="inbox-kind">{t("Loại")}</label>
              <select id="inbox-kind" value={kind} onChange={(e) => go("/inbox", { show, kind: (e.target as HTMLSelectElement).value })}>
                <option value="">{t("Mọi loại")}</option>
                {kinds.map((k) => <option value={k}>{t(KIND[k])}</option>)}
              </select>
              {box.unread > 0 && <button onClick={readAll}>{t("Đánh dấu tất cả đã đọc")}</button>}
            </div>
            {items.length === 0 ? <p class="muted">{box.total === 0 ? t("Hộp thư trống: không có việc gì cần bạn lúc này.") : t("Không có mục nào theo bộ lọc này.")}</p> : (
              <ul class="inbox-list" aria-label={t("Các mục trong hộp thư")}>
                {items.map((i) => <Item i={i} onOpen={open} />)}
              </ul>
            )}
          </>
        );
      }}</Show>
    </div>
  );
}
