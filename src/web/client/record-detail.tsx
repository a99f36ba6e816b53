/**
 * One record of a record register: its fields, the Dân vận khéo path, attachments, edit and delete.
 */
import { useEffect, useState } from "preact/hooks";
import { DVK_NEXT, DVK_STATE_LABELS, LEVELS, levelsOn, VALUE_LABELS, type DvkState } from "../../registers/vocabulary.ts";
import { api, get, type Me } from "./api.ts";
import { REGISTER_FORMS, type FieldSpec } from "./register-forms.ts";
import { dmy } from "./labels.ts";
import { Notice, takeFlash, type Msg } from "./register-fields.tsx";
import { Show, go, href, num, t, tf, today, useLoad } from "./ui.tsx";
import { RecordEditor } from "./record-editor.tsx";
import { Attachments } from "./register-attachments.tsx";
import { DeleteButton, message, useTeams } from "./register-shared.tsx";

type RecordRow = import("../../registers/record.service.ts").RegisterRecord;

function show(f: FieldSpec, v: unknown, teams: ReadonlyMap<number, string>): preact.JSX.Element | string {
  if (v === null || v === undefined || v === "") return "—";
  switch (f.kind) {
    case "select": { const l = f.options[String(v)] ?? VALUE_LABELS[String(v)]; return l ? t(l) : String(v); }
    case "check": return v ? t("Có") : t("Không");
    case "date": return dmy(String(v));
    case "count": return num(Number(v));
    case "team": return <a href={href("/registers", { reg: "mediation_team", id: Number(v) })}>{teams.get(Number(v)) ?? tf("Tổ hòa giải #{id}", { id: String(v) })}</a>;
    case "texts": return Array.isArray(v) && v.length ? <ul>{v.map((x) => <li>{String(x)}</li>)}</ul> : "—";
    case "rows": {
      const rows = Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [];
      if (!rows.length) return "—";
      return (
        <div class="table-wrap"><table>
          <thead><tr>{f.fields.map((s) => <th scope="col">{t(s.label)}</th>)}</tr></thead>
          <tbody>{rows.map((r) => <tr>{f.fields.map((s) => <td>{show(s, r[s.name], teams)}</td>)}</tr>)}</tbody>
        </table></div>
      );
    }
    default: return String(v);
  }
}

/** The Dân vận khéo path: steps taken, and the next step (criteria at assessment, level at recognition). */
function DvkPath({ me, record, reload }: { me: Me; record: RecordRow; reload: () => Promise<void> }) {
  const state = (record.state ?? "registered") as DvkState;
  const next = DVK_NEXT[state] ?? [];
  const [to, setTo] = useState<DvkState | "">(next[0] ?? "");
  const [date, setDate] = useState(today());
  const [level, setLevel] = useState("xa");
  const [form, setForm] = useState("");
  const [decisionNo, setDecisionNo] = useState("");
  const [note, setNote] = useState("");
  const [met, setMet] = useState<Record<string, boolean>>({});
  const [msg, setMsg] = useState<Msg>(null);
  const [criteria] = useLoad(`dvk-criteria|${record.unitId}`, () => get<string[]>(`/api/registers/dvk/criteria?unitId=${record.unitId}`));
  useEffect(() => setTo(next[0] ?? ""), [state]);
  // No district level from 1 July 2025: a step dated then cannot keep "Cấp huyện".
  const levels = levelsOn(date);
  useEffect(() => {
    if (!(level in levels)) setLevel("xa");
  }, [date]);
  const advance = async (e: Event) => {
    e.preventDefault();
    try {
      const crit = criteria.state === "ok" ? Object.fromEntries(criteria.data.map((c) => [c, met[c] === true])) : {};
      await api("POST", `/api/registers/dvk/${record.id}/advance`, {
        to, date, note: note || null,
        ...(to === "assessed" ? { criteria: crit } : {}),
        ...(to === "recognised" || to === "commended" || to === "outstanding" ? { level } : {}),
        ...(to === "commended" ? { form, decisionNo } : {}),
      });
      await reload();
      setMsg({ ok: true, text: tf("Đã chuyển sang bước \"{step}\".", { step: t(DVK_STATE_LABELS[to as DvkState]) }) });
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    }
  };
  const history = record.progress?.history ?? [];
  return (
    <section aria-labelledby="h-dvk">
      <h3 id="h-dvk">{t("Quá trình thực hiện")}</h3>
      <ol class="timeline">{history.map((h) => (
        <li><strong>{t(DVK_STATE_LABELS[h.state])}</strong> — {dmy(h.date)}{h.level ? ` · ${t(LEVELS[h.level as keyof typeof LEVELS] ?? h.level)}` : ""}
          {h.form ? ` · ${h.form}` : ""}{h.decisionNo ? ` (${tf("QĐ {no}", { no: h.decisionNo })})` : ""}{h.note ? ` · ${h.note}` : ""}</li>
      ))}</ol>
      {record.progress?.criteria && (
        <ul class="criteria">{Object.entries(record.progress.criteria).map(([c, ok]) => <li>{ok ? "✔" : "✘"} {c}</li>)}</ul>
      )}
      {me.abilities.includes("figures.write") && next.length > 0 && (
        <form class="inline step" onSubmit={advance}>
          <label for="dvk-to">{t("Bước tiếp theo")}</label>
          <select id="dvk-to" value={to} onChange={(e) => setTo((e.target as HTMLSelectElement).value as DvkState)}>{next.map((s) => <option value={s}>{t(DVK_STATE_LABELS[s])}</option>)}</select>
          <label for="dvk-date">{t("Ngày")}</label><input id="dvk-date" type="date" value={date} max={today()} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
          {to === "assessed" && criteria.state === "ok" && (
            <fieldset class="wide"><legend>{t("Tiêu chí của tỉnh (đánh dấu tiêu chí đạt)")}</legend>
              {criteria.data.map((c) => <label class="check"><input type="checkbox" checked={met[c] === true} onChange={(e) => setMet({ ...met, [c]: (e.target as HTMLInputElement).checked })} /> {c}</label>)}
            </fieldset>
          )}
          {(to === "recognised" || to === "commended" || to === "outstanding") && (
            <><label for="dvk-level">{t("Cấp")}</label>
              <select id="dvk-level" value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>{Object.entries(levels).map(([k, l]) => <option value={k}>{t(l)}</option>)}</select></>
          )}
          {to === "commended" && (
            <><label for="dvk-form">{t("Hình thức")}</label><input id="dvk-form" value={form} onInput={(e) => setForm((e.target as HTMLInputElement).value)} />
              <label for="dvk-dec">{t("Số quyết định")}</label><input id="dvk-dec" value={decisionNo} onInput={(e) => setDecisionNo((e.target as HTMLInputElement).value)} /></>
          )}
          <label for="dvk-note">{t("Ghi chú")}</label><input id="dvk-note" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
          <button type="submit" class="primary">{t("Chuyển bước")}</button>
        </form>
      )}
      <Notice msg={msg} />
    </section>
  );
}

export function RecordDetail({ me, register, id, edit }: { me: Me; register: string; id: number; edit: boolean }) {
  const form = REGISTER_FORMS[register]!;
  const [s, reload] = useLoad(`rec|${register}|${id}|${edit}`, () => get<RecordRow>(`/api/registers/${register}/${id}`));
  const [msg, setMsg] = useState<Msg>(() => {
    const f = takeFlash();
    return f ? { ok: true, text: f } : null;
  });
  const write = me.abilities.includes("figures.write");
  const teams = useTeams(form.fields, s.state === "ok" ? s.data.unitId : me.user.unitId);
  const teamNames = new Map(teams.state === "ok" ? teams.data.map((x) => [x.id, x.title]) : []);
  return (
    <Show s={s}>{(r) => edit && write ? <RecordEditor me={me} register={register} record={r} /> : (
      <article class="record admin-form">
        <p><a href={href("/registers", { reg: register })}>{t("← Về danh sách")}</a></p>
        <h2>{r.title}</h2>
        <Notice msg={msg} />
        {r.warnings.map((w) => <p class="note" role="note"><strong class="flag">{t("Cảnh báo")}</strong> {w}</p>)}
        <dl class="facts">
          {form.fields.map((f) => <><dt>{t(f.label, f.kind === "rows" || f.kind === "texts" ? "list" : undefined)}</dt><dd>{show(f, (r.data as Record<string, unknown>)[f.name], teamNames)}</dd></>)}
          <dt>{t("Vào sổ lúc")}</dt><dd>{new Date(r.createdAt).toLocaleString("vi-VN")}</dd>
        </dl>
        {write && (
          <p class="actions">
            <a class="button primary" href={href("/registers", { reg: register, id: r.id, edit: 1 })}>{t("Sửa")}</a>
            <DeleteButton what={t("bản ghi này")} onDelete={async () => {
              try {
                await api("DELETE", `/api/registers/${register}/${r.id}`);
                go("/registers", { reg: register });
              } catch (err) {
                setMsg({ ok: false, text: message(err) });
              }
            }} />
          </p>
        )}
        {register === "dvk" && <DvkPath me={me} record={r} reload={reload} />}
        <Attachments me={me} register={register} id={r.id} />
      </article>
    )}</Show>
  );
}
