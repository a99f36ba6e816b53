/**
 * The petition register's list: search, type, step and overdue filters, deadlines, paging.
 */
import { PETITION_STATE_LABELS, PETITION_TYPE_LABELS } from "../../registers/petition-rules.ts";
import { get, qs, type Me } from "./api.ts";
import { dmy } from "./labels.ts";
import { Show, go, href, num, t, tf, today, useLoad, useRoute } from "./ui.tsx";
import { Exports, Identity, PAGE, Pager } from "./register-shared.tsx";

type Petition = import("../../registers/petition.service.ts").Petition;

/** For administrators: the years (this one and the next) whose holidays have not been announced yet. */
function CalendarWarnings() {
  const [s] = useLoad("calendar-status", () => get<{ warnings: string[] }>("/api/registers/calendar/status"));
  if (s.state !== "ok" || s.data.warnings.length === 0) return null;
  return <div class="note calendar-warning" role="note">{s.data.warnings.map((w) => <p><strong class="flag">{t("Lịch nghỉ lễ")}</strong> {w}</p>)}</div>;
}

export function Petitions({ me }: { me: Me }) {
  const { params } = useRoute();
  const f = { q: params.get("q") ?? "", type: params.get("type") ?? "", state: params.get("state") ?? "", overdue: params.get("overdue") ?? "" };
  const offset = Number(params.get("offset")) || 0;
  const [s] = useLoad(`${JSON.stringify(f)}|${offset}`, () => get<{ total: number; items: Petition[] }>(`/api/registers/petitions?${qs({ ...f, limit: PAGE, offset })}`));
  const now = today();
  const filter = (e: Event) => {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    const v = (n: string) => (el.elements.namedItem(n) as HTMLInputElement | null)?.value ?? "";
    go("/registers", { reg: "petitions", q: v("q"), type: v("type"), state: v("state"), overdue: (el.elements.namedItem("overdue") as HTMLInputElement).checked ? "1" : "" });
  };
  return (
    <>
      {me.abilities.includes("units.manage") && <CalendarWarnings />}
      <div class="page-actions">
        {me.abilities.includes("figures.write") && <a class="button primary" href={href("/registers", { reg: "petitions", new: 1 })}>{t("+ Vào sổ đơn thư mới")}</a>}
      </div>
      <form class="inline filters" role="search" onSubmit={filter}>
        <label for="pq">{t("Tìm")}</label><input id="pq" name="q" type="search" value={f.q} placeholder={t("Người gửi, nội dung, số đơn")} />
        <label for="ptype-f">{t("Loại")}</label>
        <select id="ptype-f" name="type" value={f.type}><option value="">{t("Tất cả")}</option>{Object.entries(PETITION_TYPE_LABELS).map(([k, l]) => <option value={k}>{t(l)}</option>)}</select>
        <label for="pstate">{t("Bước")}</label>
        <select id="pstate" name="state" value={f.state}><option value="">{t("Tất cả")}</option>{Object.entries(PETITION_STATE_LABELS).map(([k, l]) => <option value={k}>{t(l)}</option>)}</select>
        <label class="check"><input type="checkbox" name="overdue" checked={f.overdue === "1"} /> {t("Chỉ đơn quá hạn")}</label>
        <button type="submit">{t("Lọc")}</button>
      </form>
      <Show s={s}>{(d) => d.items.length === 0 ? <p class="muted">{Object.values(f).some(Boolean) ? t("Không có đơn nào khớp bộ lọc.") : t("Sổ chưa có đơn nào.")}</p> : (
        <>
          <div class="table-wrap">
            <table class="petitions cards-sm">
              <caption class="muted">{tf("{n} đơn", { n: num(d.total) })}</caption>
              <thead><tr><th scope="col">{t("Ngày nhận")}</th><th scope="col">{t("Loại")}</th><th scope="col">{t("Người gửi")}</th><th scope="col">{t("Nội dung")}</th><th scope="col">{t("Bước")}</th><th scope="col">{t("Hạn")}</th></tr></thead>
              <tbody>{d.items.map((p) => {
                const overdue = !p.closedOn && !!p.dueOn && p.dueOn < now;
                return (
                  <tr class={overdue ? "overdue" : ""}>
                    <td data-label={t("Ngày nhận")}>{dmy(p.receivedOn)}</td><td data-label={t("Loại")}>{t(PETITION_TYPE_LABELS[p.type])}</td>
                    <td class="sender" data-label={t("Người gửi")}><a href={href("/registers", { reg: "petitions", id: p.id })}>{p.identityHidden ? <Identity value={p.petitioner} /> : p.petitioner}</a></td>
                    <td class="clip" data-label={t("Nội dung")}>{p.content}</td><td data-label={t("Bước")}>{t(PETITION_STATE_LABELS[p.state])}</td>
                    <td class="due" data-label={t("Hạn")}>{dmy(p.dueOn)}{overdue && <> <strong class="flag">{t("Quá hạn")}</strong></>}</td>
                  </tr>
                );
              })}</tbody>
            </table>
          </div>
          <Pager total={d.total} offset={offset} to={(o) => href("/registers", { reg: "petitions", ...f, offset: o })} />
          <Exports register="petitions" filter={f} />
        </>
      )}</Show>
    </>
  );
}
