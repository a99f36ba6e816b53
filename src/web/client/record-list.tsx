/**
 * A record register's list (search without diacritics too, kind and date filters, paging) and the
 * reception obligations not met this month.
 */
import { DVK_STATE_LABELS, VALUE_LABELS, type DvkState } from "../../registers/vocabulary.ts";
import { get, qs, type Me } from "./api.ts";
import { REGISTER_FORMS } from "./register-forms.ts";
import { dmy } from "./labels.ts";
import { Show, go, href, num, t, tf, tl, today, useLoad, useRoute } from "./ui.tsx";
import { Exports, PAGE, Pager } from "./register-shared.tsx";

type RecordRow = import("../../registers/record.service.ts").RegisterRecord;

/** Reception: the head's obligations this month that are not met yet (KL 215, Luật Tiếp công dân). */
function Obligations({ unitId }: { unitId: number }) {
  const month = today().slice(0, 7);
  const [s] = useLoad(`obl|${unitId}|${month}`, () => get<{ unmet: Array<{ who: string; rule: string; span: string; held: number; required: number; final: boolean }> }>(
    `/api/registers/reception/obligations?${qs({ unitId, month })}`).catch(() => ({ unmet: [] })));
  if (s.state !== "ok" || s.data.unmet.length === 0) return null;
  return (
    <div class="note" role="note">
      <strong>{tf("Nghĩa vụ tiếp công dân tháng {month} chưa đủ:", { month: `${month.slice(5)}/${month.slice(0, 4)}` })}</strong>
      <ul>{s.data.unmet.map((o) => <li>{o.who}: {o.rule} — {o.span.replace(/\d{4}-\d{2}-\d{2}/g, dmy)}: {tf("đã tiếp {held}/{required} ngày", { held: o.held, required: o.required })}{o.final ? "" : ` ${t("(chưa hết kỳ)")}`}</li>)}</ul>
    </div>
  );
}

/** A record register's list: search (without diacritics too), kind and date filters, paging. */
export function Records({ me, register }: { me: Me; register: string }) {
  const { params } = useRoute();
  const form = REGISTER_FORMS[register]!;
  const kinds = form.fields.find((f) => f.name === "kind" && f.kind === "select");
  const f = { q: params.get("q") ?? "", kind: params.get("kind") ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" };
  const offset = Number(params.get("offset")) || 0;
  const [s] = useLoad(`${register}|${JSON.stringify(f)}|${offset}`, () => get<{ total: number; items: RecordRow[] }>(`/api/registers/${register}?${qs({ ...f, limit: PAGE, offset })}`));
  const filter = (e: Event) => {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    const v = (n: string) => (el.elements.namedItem(n) as HTMLInputElement | null)?.value ?? "";
    go("/registers", { reg: register, q: v("q"), kind: v("kind"), from: v("from"), to: v("to") });
  };
  return (
    <>
      {register === "reception" && <Obligations unitId={me.user.unitId} />}
      <div class="page-actions">
        {me.abilities.includes("figures.write") && <a class="button primary" href={href("/registers", { reg: register, new: 1 })}>{tf("+ Thêm {item}", { item: t(form.noun) })}</a>}
      </div>
      <form class="inline filters" role="search" onSubmit={filter}>
        <label for="rq">{t("Tìm")}</label><input id="rq" name="q" type="search" value={f.q} placeholder={t("Tên, nội dung (gõ không dấu cũng được)")} />
        {kinds && kinds.kind === "select" && (
          <><label for="rkind">{t("Loại")}</label>
            <select id="rkind" name="kind" value={f.kind}><option value="">{t("Tất cả")}</option>{Object.entries(kinds.options).map(([k, l]) => <option value={k}>{t(l)}</option>)}</select></>
        )}
        <label for="rfrom">{t("Từ ngày")}</label><input id="rfrom" name="from" type="date" value={f.from} />
        <label for="rto">{t("Đến ngày")}</label><input id="rto" name="to" type="date" value={f.to} />
        <button type="submit">{t("Lọc")}</button>
      </form>
      <Show s={s}>{(d) => d.items.length === 0 ? <p class="muted">{f.q || f.kind || f.from || f.to ? t("Không có bản ghi nào khớp bộ lọc.") : t("Sổ chưa có bản ghi nào.")}</p> : (
        <>
          <div class="table-wrap">
            <table>
              <caption class="muted">{tf("{n} bản ghi", { n: num(d.total) })}</caption>
              <thead><tr><th scope="col">{t("Ngày")}</th><th scope="col">{t("Nội dung")}</th><th scope="col">{t("Loại")}</th><th scope="col">{t("Tình trạng")}</th><th scope="col">{t("Cảnh báo")}</th></tr></thead>
              <tbody>{d.items.map((r) => (
                <tr class={r.warnings.length ? "overdue" : ""}>
                  <td>{dmy(r.date)}</td>
                  <td><a href={href("/registers", { reg: register, id: r.id })}>{r.title}</a></td>
                  <td>{VALUE_LABELS[r.kind] ? t(VALUE_LABELS[r.kind]!) : r.kind}</td>
                  <td>{r.state ? t((register === "dvk" ? DVK_STATE_LABELS[r.state as DvkState] : STATE_LABELS[r.state] ?? VALUE_LABELS[r.state]) ?? r.state) : "—"}</td>
                  <td>{r.warnings.map((w) => <span class="flag" title={w}>{w.split(";")[0]}</span>)}</td>
                </tr>
              ))}</tbody>
            </table>
          </div>
          <Pager total={d.total} offset={offset} to={(o) => href("/registers", { reg: register, ...f, offset: o })} />
          <Exports register={register} filter={f} />
        </>
      )}</Show>
    </>
  );
}
const STATE_LABELS: Record<string, string> = { done: tl("Đã giải quyết xong"), follow_up: tl("Còn việc theo dõi"), acted_on: tl("Kiến nghị đã được thực hiện"), pending: tl("Kiến nghị chưa thực hiện xong") };
