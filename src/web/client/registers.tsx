/**
 * The registers: petitions (intake, the legal steps the server allows, deadlines and overdue flags)
 * and the record registers (reception and dialogues, mediation, campaigns and oversight, Dân vận
 * khéo, commendations): lists with search, filters and paging, entry and edit forms, detail pages
 * with attachments. URL: #/registers?reg=KEY[&id=N[&edit=1]|&new=1][&q=…].
 */
import { useEffect, useState } from "preact/hooks";
import { ACTION_NAMES, PETITION_STATE_LABELS, PETITION_TYPE_LABELS, type PetitionAction } from "../../registers/petition-rules.ts";
import { DVK_NEXT, DVK_STATE_LABELS, LEVELS, VALUE_LABELS, type DvkState } from "../../registers/vocabulary.ts";
import { ApiError, api, get, hasEndpoint, qs, type Me } from "./api.ts";
import { emptyValues, REGISTER_FORMS, serverFieldErrors, toInput, valuesOf, type FieldErrors, type FieldSpec, type FormValue, type FormValues } from "./register-forms.ts";
import { Loading, Show, go, href, num, t, today, useLoad, useRoute } from "./ui.tsx";

type Petition = import("../../registers/petition.service.ts").Petition;
type RecordRow = import("../../registers/record.service.ts").RegisterRecord;
type Attachment = import("../../registers/attachments.ts").AttachmentMeta;

const PAGE = 50;
export const dmy = (d: string | null | undefined) => (d ? d.slice(0, 10).split("-").reverse().join("/") : "—");
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** A message for the next page (after a save moves the user to the record). */
let flash: string | null = null;
const takeFlash = () => {
  const f = flash;
  flash = null;
  return f;
};

type Msg = { ok: boolean; text: string } | null;
const Notice = ({ msg }: { msg: Msg }) => (msg ? <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p> : null);

/** Previous / next page links for a list of `total` items. */
function Pager({ total, offset, to }: { total: number; offset: number; to: (offset: number) => string }) {
  if (total <= PAGE) return null;
  return (
    <nav class="pager" aria-label="Phân trang">
      {offset > 0 ? <a href={to(Math.max(0, offset - PAGE))}>← Trang trước</a> : <span />}
      <span>{offset + 1}–{Math.min(total, offset + PAGE)} / {num(total)}</span>
      {offset + PAGE < total ? <a href={to(offset + PAGE)}>Trang sau →</a> : <span />}
    </nav>
  );
}

function Exports({ register, filter }: { register: string; filter: Record<string, string> }) {
  const q = qs(filter);
  return (
    <p class="actions small">
      <a href={`/api/registers/${register}/export?${q}&format=xlsx`} download>Xuất Excel (.xlsx)</a>{" · "}
      <a href={`/api/registers/${register}/export?${q}&format=csv`} download>Xuất CSV</a>
    </p>
  );
}

// ---- the form renderer -----------------------------------------------------------------------

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const fid = (path: string) => `f-${path.replace(/\./g, "-")}`;

interface FieldsProps {
  fields: readonly FieldSpec[];
  values: FormValues;
  set: (name: string, v: FormValue) => void;
  errors: FieldErrors;
  prefix?: string;
  teams: Array<{ id: number; title: string }>;
}

/** Renders a form's fields; lists of rows nest. Errors sit under their field and are announced. */
function Fields({ fields, values, set, errors, prefix = "", teams }: FieldsProps) {
  return (
    <>
      {fields.map((f) => {
        const path = prefix + f.name;
        const id = fid(path);
        const err = errors[path];
        const a11y = { id, "aria-invalid": err ? true : undefined, "aria-describedby": err ? `${id}-err` : undefined };
        const v = values[f.name];
        const str = typeof v === "string" ? v : "";
        const label = <label for={id}>{f.label}{"required" in f && f.required ? <span aria-hidden="true"> *</span> : null}</label>;
        const error = err ? <span class="field-error" id={`${id}-err`}>{err}</span> : null;
        const onText = (e: Event) => set(f.name, (e.target as HTMLInputElement).value);
        switch (f.kind) {
          case "text": case "date": case "count":
            return (
              <div class={`field${err ? " invalid" : ""}`}>{label}
                <input {...a11y} type={f.kind === "date" ? "date" : "text"} inputMode={f.kind === "count" ? "numeric" : undefined}
                  class={f.kind === "count" ? "num" : undefined} value={str} onInput={onText} required={"required" in f && f.required} />{error}
              </div>
            );
          case "textarea":
            return <div class={`field wide${err ? " invalid" : ""}`}>{label}<textarea {...a11y} rows={2} value={str} onInput={onText} required={f.required} />{error}</div>;
          case "select":
            return (
              <div class="field">{label}
                <select {...a11y} value={str} onChange={onText}>{Object.entries(f.options).map(([k, l]) => <option value={k}>{l}</option>)}</select>{error}
              </div>
            );
          case "team":
            return (
              <div class="field">{label}
                <select {...a11y} value={str} onChange={onText}>
                  <option value="">— Không thuộc tổ nào —</option>
                  {teams.map((tm) => <option value={String(tm.id)}>{tm.title}</option>)}
                </select>{error}
              </div>
            );
          case "check":
            return <div class="field"><label class="check"><input type="checkbox" id={id} checked={v === true} onChange={(e) => set(f.name, (e.target as HTMLInputElement).checked)} /> {f.label}</label></div>;
          case "texts": {
            const items = Array.isArray(v) ? (v as string[]) : [];
            return (
              <fieldset class={`list wide${err ? " invalid" : ""}`} aria-describedby={err ? `${id}-err` : undefined}>
                <legend>{f.label}</legend>
                {items.map((x, i) => (
                  <div class="list-item">
                    <input id={`${id}-${i}`} aria-label={`${cap(f.item)} ${i + 1}`} value={x} onInput={(e) => set(f.name, items.map((y, j) => (j === i ? (e.target as HTMLInputElement).value : y)))} />
                    <button type="button" class="link" aria-label={`Bỏ ${f.item} ${i + 1}`} onClick={() => set(f.name, items.filter((_, j) => j !== i))}>Bỏ</button>
                  </div>
                ))}
                <button type="button" onClick={() => set(f.name, [...items, ""])}>+ Thêm {f.item}</button>{error}
              </fieldset>
            );
          }
          case "rows": {
            const rows = Array.isArray(v) ? (v as FormValues[]) : [];
            return (
              <fieldset class="rows wide">
                <legend>{f.label}</legend>
                {f.hint && <p class="muted small">{f.hint}</p>}
                {rows.map((r, i) => (
                  <fieldset class="row-item">
                    <legend>{cap(f.item)} {i + 1}</legend>
                    <div class="fields">
                      <Fields fields={f.fields} values={r} errors={errors} prefix={`${path}.${i}.`} teams={teams}
                        set={(name, x) => set(f.name, rows.map((y, j) => (j === i ? { ...y, [name]: x } : y)))} />
                    </div>
                    <button type="button" class="link" onClick={() => set(f.name, rows.filter((_, j) => j !== i))}>Bỏ {f.item} {i + 1}</button>
                  </fieldset>
                ))}
                <button type="button" onClick={() => set(f.name, [...rows, emptyValues(f.fields, today())])}>+ Thêm {f.item}</button>
              </fieldset>
            );
          }
        }
      })}
    </>
  );
}

/** Focuses the first field with an error (keyboard and screen-reader users land on it). */
function focusFirst(errors: FieldErrors) {
  const first = Object.keys(errors)[0];
  if (first) setTimeout(() => (document.getElementById(fid(first)) ?? document.getElementById(`${fid(first)}-0`))?.focus(), 0);
}

/** The mediation teams of a unit, when a form has a team field (else nothing is loaded). */
function useTeams(fields: readonly FieldSpec[], unitId: number) {
  const needed = fields.some((f) => f.kind === "team");
  return useLoad(`teams|${needed}|${unitId}`, async () => (needed
    ? (await get<{ items: RecordRow[] }>(`/api/registers/mediation_team?${qs({ unitId, limit: 1000 })}`)).items.map((r) => ({ id: r.id, title: r.title }))
    : []))[0];
}

/**
 * New or edited record of a register. The values typed are kept on this computer until saved, so a
 * dropped connection or a closed tab loses nothing.
 */
function RecordEditor({ me, register, record }: { me: Me; register: string; record?: RecordRow }) {
  const form = REGISTER_FORMS[register]!;
  const draftKey = `danvan.draft.${me.user.userId}.${register}.${record?.id ?? "new"}`;
  const initial = () => (record ? valuesOf(form.fields, record.data as Record<string, unknown>, today()) : emptyValues(form.fields, today()));
  const [restored] = useState(() => localStorage.getItem(draftKey));
  const [values, setValues] = useState<FormValues>(() => (restored ? (JSON.parse(restored) as FormValues) : initial()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [msg, setMsg] = useState<Msg>(restored ? { ok: true, text: "Đã khôi phục bản nháp chưa lưu trên máy này." } : null);
  const [busy, setBusy] = useState(false);
  const teams = useTeams(form.fields, record?.unitId ?? me.user.unitId);
  const set = (name: string, v: FormValue) => {
    const next = { ...values, [name]: v };
    setValues(next);
    localStorage.setItem(draftKey, JSON.stringify(next));
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const { input, errors: local } = toInput(form.fields, values);
    setErrors(local);
    if (Object.keys(local).length) {
      setMsg({ ok: false, text: `Còn ${Object.keys(local).length} ô chưa hợp lệ; xem các ô được đánh dấu.` });
      return focusFirst(local);
    }
    setBusy(true);
    setMsg(null);
    try {
      const body = { ...input, unitId: record?.unitId ?? me.user.unitId };
      const saved = record ? await api<RecordRow>("PUT", `/api/registers/${register}/${record.id}`, body) : await api<RecordRow>("POST", `/api/registers/${register}`, body);
      localStorage.removeItem(draftKey);
      flash = record ? "Đã lưu thay đổi." : `Đã vào sổ bản ghi #${saved.id}.`;
      go("/registers", { reg: register, id: saved.id });
    } catch (err) {
      const fe = err instanceof ApiError ? serverFieldErrors(err.details) : null;
      if (fe) {
        setErrors(fe);
        focusFirst(fe);
      }
      const offline = err instanceof ApiError && err.code === "NETWORK";
      setMsg({ ok: false, text: offline ? "Mất kết nối: chưa lưu được. Dữ liệu vẫn được giữ trên máy này; bấm Lưu lại khi có mạng." : message(err) });
    } finally {
      setBusy(false);
    }
  };
  const discard = () => {
    localStorage.removeItem(draftKey);
    setValues(initial());
    setErrors({});
    setMsg(null);
  };
  return (
    <form class="admin-form record-form" onSubmit={save} noValidate>
      <h2>{record ? `Sửa ${form.noun}` : `Thêm ${form.noun}`}</h2>
      {teams.state === "loading" ? <Loading /> : (
        <div class="fields">
          <Fields fields={form.fields} values={values} set={set} errors={errors} teams={teams.state === "ok" ? teams.data : []} />
        </div>
      )}
      <Notice msg={msg} />
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>{busy ? "Đang lưu…" : "Lưu"}</button>
        <a href={href("/registers", { reg: register, id: record?.id })}>Hủy</a>
        {restored && <button type="button" class="link" onClick={discard}>Bỏ bản nháp</button>}
      </p>
    </form>
  );
}

// ---- record detail ---------------------------------------------------------------------------

function show(f: FieldSpec, v: unknown, teams: ReadonlyMap<number, string>): preact.JSX.Element | string {
  if (v === null || v === undefined || v === "") return "—";
  switch (f.kind) {
    case "select": return f.options[String(v)] ?? VALUE_LABELS[String(v)] ?? String(v);
    case "check": return v ? "Có" : "Không";
    case "date": return dmy(String(v));
    case "count": return num(Number(v));
    case "team": return <a href={href("/registers", { reg: "mediation_team", id: Number(v) })}>{teams.get(Number(v)) ?? `Tổ hòa giải #${String(v)}`}</a>;
    case "texts": return Array.isArray(v) && v.length ? <ul>{v.map((x) => <li>{String(x)}</li>)}</ul> : "—";
    case "rows": {
      const rows = Array.isArray(v) ? (v as Array<Record<string, unknown>>) : [];
      if (!rows.length) return "—";
      return (
        <div class="table-wrap"><table>
          <thead><tr>{f.fields.map((s) => <th scope="col">{s.label}</th>)}</tr></thead>
          <tbody>{rows.map((r) => <tr>{f.fields.map((s) => <td>{show(s, r[s.name], teams)}</td>)}</tr>)}</tbody>
        </table></div>
      );
    }
    default: return String(v);
  }
}

function Attachments({ me, register, id }: { me: Me; register: string; id: number }) {
  const [s, reload] = useLoad(`att|${register}|${id}`, () => get<Attachment[]>(`/api/registers/${register}/${id}/attachments`));
  const [msg, setMsg] = useState<Msg>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    setMsg(null);
    try {
      const res = await fetch(`/api/registers/${register}/${id}/attachments?${qs({ filename: file.name })}`, {
        method: "POST", credentials: "same-origin", headers: { "content-type": file.type || "application/octet-stream" }, body: file,
      }).catch(() => null);
      if (!res) throw new Error("Mất kết nối: chưa tải tệp lên được.");
      if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? `Lỗi ${res.status}`);
      setMsg({ ok: true, text: `Đã đính kèm "${file.name}".` });
      input.value = "";
      reload();
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: Attachment) => {
    try {
      await api("DELETE", `/api/registers/attachments/${a.id}`);
      reload();
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    }
  };
  return (
    <section aria-labelledby="h-att">
      <h3 id="h-att">Tệp đính kèm</h3>
      <Show s={s}>{(list) => list.length === 0 ? <p class="muted">Chưa có tệp nào.</p> : (
        <ul class="attachments">{list.map((a) => (
          <li><a href={`/api/registers/attachments/${a.id}`} download={a.filename}>{a.filename}</a> <span class="muted small">({num(Math.ceil(a.size / 1024))} KB)</span>
            {me.abilities.includes("figures.write") && <button type="button" class="link" aria-label={`Xóa tệp ${a.filename}`} onClick={() => remove(a)}>Xóa</button>}</li>
        ))}</ul>
      )}</Show>
      {me.abilities.includes("figures.write") && (
        <p><label for="att-file">Đính kèm tệp (PDF, ảnh JPEG/PNG, Word .docx; tối đa 10 MB)</label>
          <input id="att-file" type="file" accept=".pdf,.jpg,.jpeg,.png,.docx" disabled={busy} onChange={upload} /></p>
      )}
      {busy && <Loading label="Đang tải tệp lên…" />}
      <Notice msg={msg} />
    </section>
  );
}

/** The Dân vận khéo path: steps taken, and the next step (criteria at assessment, level at recognition). */
function DvkPath({ me, record, reload }: { me: Me; record: RecordRow; reload: () => void }) {
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
      setMsg({ ok: true, text: `Đã chuyển sang bước "${DVK_STATE_LABELS[to as DvkState]}".` });
      reload();
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    }
  };
  const history = record.progress?.history ?? [];
  return (
    <section aria-labelledby="h-dvk">
      <h3 id="h-dvk">Quá trình thực hiện</h3>
      <ol class="timeline">{history.map((h) => (
        <li><strong>{DVK_STATE_LABELS[h.state]}</strong> — {dmy(h.date)}{h.level ? ` · ${LEVELS[h.level as keyof typeof LEVELS] ?? h.level}` : ""}
          {h.form ? ` · ${h.form}` : ""}{h.decisionNo ? ` (QĐ ${h.decisionNo})` : ""}{h.note ? ` · ${h.note}` : ""}</li>
      ))}</ol>
      {record.progress?.criteria && (
        <ul class="criteria">{Object.entries(record.progress.criteria).map(([c, ok]) => <li>{ok ? "✔" : "✘"} {c}</li>)}</ul>
      )}
      {me.abilities.includes("figures.write") && next.length > 0 && (
        <form class="inline step" onSubmit={advance}>
          <label for="dvk-to">Bước tiếp theo</label>
          <select id="dvk-to" value={to} onChange={(e) => setTo((e.target as HTMLSelectElement).value as DvkState)}>{next.map((s) => <option value={s}>{DVK_STATE_LABELS[s]}</option>)}</select>
          <label for="dvk-date">Ngày</label><input id="dvk-date" type="date" value={date} max={today()} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
          {to === "assessed" && criteria.state === "ok" && (
            <fieldset class="wide"><legend>Tiêu chí của tỉnh (đánh dấu tiêu chí đạt)</legend>
              {criteria.data.map((c) => <label class="check"><input type="checkbox" checked={met[c] === true} onChange={(e) => setMet({ ...met, [c]: (e.target as HTMLInputElement).checked })} /> {c}</label>)}
            </fieldset>
          )}
          {(to === "recognised" || to === "commended" || to === "outstanding") && (
            <><label for="dvk-level">Cấp</label>
              <select id="dvk-level" value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>{Object.entries(LEVELS).map(([k, l]) => <option value={k}>{l}</option>)}</select></>
          )}
          {to === "commended" && (
            <><label for="dvk-form">Hình thức</label><input id="dvk-form" value={form} onInput={(e) => setForm((e.target as HTMLInputElement).value)} />
              <label for="dvk-dec">Số quyết định</label><input id="dvk-dec" value={decisionNo} onInput={(e) => setDecisionNo((e.target as HTMLInputElement).value)} /></>
          )}
          <label for="dvk-note">Ghi chú</label><input id="dvk-note" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
          <button type="submit" class="primary">Chuyển bước</button>
        </form>
      )}
      <Notice msg={msg} />
    </section>
  );
}

/** Deletes after a second click (no browser dialog; keyboard and screen readers reach both). */
function DeleteButton({ what, onDelete }: { what: string; onDelete: () => Promise<void> }) {
  const [armed, setArmed] = useState(false);
  return armed
    ? <span role="group" aria-label="Xác nhận xóa"><button type="button" class="danger" onClick={onDelete}>Xóa hẳn {what}</button> <button type="button" class="link" onClick={() => setArmed(false)}>Không xóa</button></span>
    : <button type="button" onClick={() => setArmed(true)}>Xóa…</button>;
}

function RecordDetail({ me, register, id, edit }: { me: Me; register: string; id: number; edit: boolean }) {
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
        <p><a href={href("/registers", { reg: register })}>← Về danh sách</a></p>
        <h2>{r.title}</h2>
        <Notice msg={msg} />
        {r.warnings.map((w) => <p class="note" role="note"><strong class="flag">Cảnh báo</strong> {w}</p>)}
        <dl class="facts">
          {form.fields.map((f) => <><dt>{f.label}</dt><dd>{show(f, (r.data as Record<string, unknown>)[f.name], teamNames)}</dd></>)}
          <dt>Vào sổ lúc</dt><dd>{new Date(r.createdAt).toLocaleString("vi-VN")}</dd>
        </dl>
        {write && (
          <p class="actions">
            <a class="button primary" href={href("/registers", { reg: register, id: r.id, edit: 1 })}>Sửa</a>
            <DeleteButton what="bản ghi này" onDelete={async () => {
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

/** Reception: the head's obligations this month that are not met yet (KL 215, Luật Tiếp công dân). */
function Obligations({ unitId }: { unitId: number }) {
  const month = today().slice(0, 7);
  const [s] = useLoad(`obl|${unitId}|${month}`, () => get<{ unmet: Array<{ who: string; rule: string; span: string; held: number; required: number; final: boolean }> }>(
    `/api/registers/reception/obligations?${qs({ unitId, month })}`).catch(() => ({ unmet: [] })));
  if (s.state !== "ok" || s.data.unmet.length === 0) return null;
  return (
    <div class="note" role="note">
      <strong>Nghĩa vụ tiếp công dân tháng {month.slice(5)}/{month.slice(0, 4)} chưa đủ:</strong>
      <ul>{s.data.unmet.map((o) => <li>{o.who}: {o.rule} — {o.span}: đã tiếp {o.held}/{o.required} ngày{o.final ? "" : " (chưa hết kỳ)"}</li>)}</ul>
    </div>
  );
}

/** A record register's list: search (without diacritics too), kind and date filters, paging. */
function Records({ me, register }: { me: Me; register: string }) {
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
        {me.abilities.includes("figures.write") && <a class="button primary" href={href("/registers", { reg: register, new: 1 })}>+ Thêm {form.noun}</a>}
      </div>
      <form class="inline filters" role="search" onSubmit={filter}>
        <label for="rq">Tìm</label><input id="rq" name="q" type="search" value={f.q} placeholder="Tên, nội dung (gõ không dấu cũng được)" />
        {kinds && kinds.kind === "select" && (
          <><label for="rkind">Loại</label>
            <select id="rkind" name="kind" value={f.kind}><option value="">Tất cả</option>{Object.entries(kinds.options).map(([k, l]) => <option value={k}>{l}</option>)}</select></>
        )}
        <label for="rfrom">Từ ngày</label><input id="rfrom" name="from" type="date" value={f.from} />
        <label for="rto">Đến ngày</label><input id="rto" name="to" type="date" value={f.to} />
        <button type="submit">Lọc</button>
      </form>
      <Show s={s}>{(d) => d.items.length === 0 ? <p class="muted">{f.q || f.kind || f.from || f.to ? "Không có bản ghi nào khớp bộ lọc." : "Sổ chưa có bản ghi nào."}</p> : (
        <>
          <div class="table-wrap">
            <table>
              <caption class="muted">{num(d.total)} bản ghi</caption>
              <thead><tr><th scope="col">Ngày</th><th scope="col">Nội dung</th><th scope="col">Loại</th><th scope="col">Tình trạng</th><th scope="col">Cảnh báo</th></tr></thead>
              <tbody>{d.items.map((r) => (
                <tr class={r.warnings.length ? "overdue" : ""}>
                  <td>{dmy(r.date)}</td>
                  <td><a href={href("/registers", { reg: register, id: r.id })}>{r.title}</a></td>
                  <td>{VALUE_LABELS[r.kind] ?? r.kind}</td>
                  <td>{r.state ? (register === "dvk" ? DVK_STATE_LABELS[r.state as DvkState] : STATE_LABELS[r.state] ?? VALUE_LABELS[r.state]) ?? r.state : "—"}</td>
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
const STATE_LABELS: Record<string, string> = { done: "Đã giải quyết xong", follow_up: "Còn việc theo dõi", acted_on: "Kiến nghị đã được thực hiện", pending: "Kiến nghị chưa thực hiện xong" };

// ---- petitions -------------------------------------------------------------------------------

const COMPLEXITY_VI = { normal: "Bình thường", complex: "Phức tạp", especially_complex: "Đặc biệt phức tạp" } as const;

function Petitions({ me }: { me: Me }) {
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
      <div class="page-actions">
        {me.abilities.includes("figures.write") && <a class="button primary" href={href("/registers", { reg: "petitions", new: 1 })}>+ Vào sổ đơn thư mới</a>}
      </div>
      <form class="inline filters" role="search" onSubmit={filter}>
        <label for="pq">Tìm</label><input id="pq" name="q" type="search" value={f.q} placeholder="Người gửi, nội dung, số đơn" />
        <label for="ptype-f">Loại</label>
        <select id="ptype-f" name="type" value={f.type}><option value="">Tất cả</option>{Object.entries(PETITION_TYPE_LABELS).map(([k, l]) => <option value={k}>{l}</option>)}</select>
        <label for="pstate">Bước</label>
        <select id="pstate" name="state" value={f.state}><option value="">Tất cả</option>{Object.entries(PETITION_STATE_LABELS).map(([k, l]) => <option value={k}>{l}</option>)}</select>
        <label class="check"><input type="checkbox" name="overdue" checked={f.overdue === "1"} /> Chỉ đơn quá hạn</label>
        <button type="submit">Lọc</button>
      </form>
      <Show s={s}>{(d) => d.items.length === 0 ? <p class="muted">{Object.values(f).some(Boolean) ? "Không có đơn nào khớp bộ lọc." : "Sổ chưa có đơn nào."}</p> : (
        <>
          <div class="table-wrap">
            <table>
              <caption class="muted">{num(d.total)} đơn</caption>
              <thead><tr><th scope="col">Ngày nhận</th><th scope="col">Loại</th><th scope="col">Người gửi</th><th scope="col">Nội dung</th><th scope="col">Bước</th><th scope="col">Hạn</th></tr></thead>
              <tbody>{d.items.map((p) => {
                const overdue = !p.closedOn && !!p.dueOn && p.dueOn < now;
                return (
                  <tr class={overdue ? "overdue" : ""}>
                    <td>{dmy(p.receivedOn)}</td><td>{PETITION_TYPE_LABELS[p.type]}</td>
                    <td><a href={href("/registers", { reg: "petitions", id: p.id })}>{p.petitioner}</a></td>
                    <td class="clip">{p.content}</td><td>{PETITION_STATE_LABELS[p.state]}</td>
                    <td>{dmy(p.dueOn)}{overdue && <strong class="flag"> Quá hạn</strong>}</td>
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

/** Intake of a petition (deadlines are computed by the server from the law and the calendar). */
function PetitionIntake({ me }: { me: Me }) {
  const [msg, setMsg] = useState<Msg>(null);
  const [busy, setBusy] = useState(false);
  const add = async (e: Event) => {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    const v = (n: string) => ((el.elements.namedItem(n) as HTMLInputElement | null)?.value ?? "").trim();
    const flag = (n: string) => (el.elements.namedItem(n) as HTMLInputElement).checked;
    if (!v("petitioner") || !v("content")) return setMsg({ ok: false, text: "Cần ghi người gửi và nội dung đơn." });
    setBusy(true);
    try {
      const p = await api<Petition>("POST", "/api/registers/petitions", {
        unitId: me.user.unitId, type: v("ptype"), receivedOn: v("receivedOn"), petitioner: v("petitioner"), content: v("content"),
        number: v("number") || null, address: v("address") || null, complexity: v("complexity"), remote: flag("remote"), manyPeople: flag("many"), secondTime: flag("second"),
      });
      flash = `Đã vào sổ đơn #${p.id}; hạn ${p.dueStage === "accept" ? "thụ lý" : "xử lý"}: ${dmy(p.dueOn)}.`;
      go("/registers", { reg: "petitions", id: p.id });
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="admin-form" onSubmit={add}>
      <h2>Vào sổ đơn thư mới</h2>
      <div class="fields">
        <div class="field"><label for="ptype">Loại đơn</label><select id="ptype" name="ptype">{Object.entries(PETITION_TYPE_LABELS).map(([k, l]) => <option value={k}>{l}</option>)}</select></div>
        <div class="field"><label for="receivedOn">Ngày tiếp nhận</label><input id="receivedOn" name="receivedOn" type="date" required value={today()} max={today()} /></div>
        <div class="field"><label for="number">Số đơn</label><input id="number" name="number" /></div>
        <div class="field"><label for="petitioner">Người gửi</label><input id="petitioner" name="petitioner" required /></div>
        <div class="field"><label for="address">Địa chỉ</label><input id="address" name="address" /></div>
        <div class="field"><label for="complexity">Tính chất vụ việc</label><select id="complexity" name="complexity">{Object.entries(COMPLEXITY_VI).map(([k, l]) => <option value={k}>{l}</option>)}</select></div>
      </div>
      <div class="field wide"><label for="content">Nội dung</label><textarea id="content" name="content" rows={3} required /></div>
      <div class="inline">
        <label class="check"><input type="checkbox" name="remote" /> Vùng sâu, vùng xa</label>
        <label class="check"><input type="checkbox" name="many" /> Đông người</label>
        <label class="check"><input type="checkbox" name="second" /> Khiếu nại lần hai</label>
      </div>
      <Notice msg={msg} />
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>{busy ? "Đang lưu…" : "Vào sổ"}</button>
        <a href={href("/registers", { reg: "petitions" })}>Hủy</a>
      </p>
    </form>
  );
}

/** What each action asks for besides its date. */
const ACTION_FIELDS: Partial<Record<PetitionAction, Array<{ name: "reason" | "to" | "decisionNo" | "summary"; label: string; required?: boolean }>>> = {
  reject: [{ name: "reason", label: "Lý do không thụ lý", required: true }],
  transfer: [{ name: "to", label: "Chuyển đến cơ quan", required: true }],
  decide: [{ name: "decisionNo", label: "Số quyết định" }, { name: "summary", label: "Tóm tắt kết quả giải quyết" }],
  extend: [{ name: "decisionNo", label: "Số quyết định gia hạn", required: true }],
};

function PetitionDetail({ me, id }: { me: Me; id: number }) {
  const [s, reload] = useLoad(`pet|${id}`, () => get<Petition & { actions: PetitionAction[] }>(`/api/registers/petitions/${id}`));
  const [msg, setMsg] = useState<Msg>(() => {
    const f = takeFlash();
    return f ? { ok: true, text: f } : null;
  });
  const [action, setAction] = useState<PetitionAction | "">("");
  const [date, setDate] = useState(today());
  const [extra, setExtra] = useState<Record<string, string>>({});
  const write = me.abilities.includes("figures.write");
  const act = async (e: Event) => {
    e.preventDefault();
    if (!action) return;
    const missing = (ACTION_FIELDS[action] ?? []).find((f) => f.required && !extra[f.name]?.trim());
    if (missing) return setMsg({ ok: false, text: `Cần ghi "${missing.label}".` });
    try {
      await api("POST", `/api/registers/petitions/${id}/actions`, { action, date, ...extra });
      setMsg({ ok: true, text: `Đã ghi bước "${ACTION_NAMES[action]}" ngày ${dmy(date)}.` });
      setAction("");
      setExtra({});
      reload();
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    }
  };
  const setFlags = async (patch: Partial<Petition>) => {
    try {
      await api("PUT", `/api/registers/petitions/${id}`, patch);
      setMsg({ ok: true, text: "Đã lưu; hạn xử lý được tính lại." });
      reload();
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    }
  };
  const now = today();
  return (
    <Show s={s}>{(p) => {
      const overdue = !p.closedOn && !!p.dueOn && p.dueOn < now;
      const steps: Array<[string, string | null]> = [
        ["Tiếp nhận", p.receivedOn], ["Phân loại", p.classifiedOn], ["Thụ lý", p.acceptedOn], ["Thông báo thụ lý", p.notifiedOn], ["Xác minh", p.verifyingOn],
        ["Đối thoại", p.dialogueOn], ["Quyết định giải quyết", p.decidedOn], ["Thi hành", p.enforcedOn], ["Rút đơn", p.withdrawnOn], ["Lưu hồ sơ", p.archivedOn],
      ];
      return (
        <article class="record admin-form">
          <p><a href={href("/registers", { reg: "petitions" })}>← Về sổ đơn thư</a></p>
          <h2>Đơn {PETITION_TYPE_LABELS[p.type].toLowerCase()} #{p.id}{p.number ? ` (số ${p.number})` : ""} — {p.petitioner}</h2>
          <Notice msg={msg} />
          <p class={overdue ? "error" : "muted"}>
            Bước hiện tại: <strong>{PETITION_STATE_LABELS[p.state]}</strong>
            {p.dueOn ? <> · Hạn {p.dueStage === "accept" ? "thụ lý" : p.dueStage === "notify" ? "thông báo thụ lý" : "giải quyết"}: <strong>{dmy(p.dueOn)}</strong>{overdue && <strong class="flag"> Quá hạn</strong>}</> : null}
          </p>
          <dl class="facts">
            <dt>Nội dung</dt><dd>{p.content}</dd>
            <dt>Địa chỉ</dt><dd>{p.address ?? "—"}</dd>
            <dt>Tính chất</dt><dd>{COMPLEXITY_VI[p.complexity]}{p.remote ? " · vùng sâu, vùng xa" : ""}{p.manyPeople ? " · đông người" : ""}{p.secondTime ? " · khiếu nại lần hai" : ""}</dd>
            <dt>Hạn thụ lý</dt><dd>{dmy(p.acceptDue)}</dd>
            {p.notifyDue && <><dt>Hạn thông báo thụ lý</dt><dd>{dmy(p.notifyDue)}</dd></>}
            <dt>Hạn giải quyết</dt><dd>{p.resolveDue ? dmy(p.resolveDue) : p.acceptedOn ? "—" : "tính từ ngày thụ lý"}</dd>
            {p.extensions.length > 0 && <><dt>Gia hạn</dt><dd>{p.extensions.map((x) => `QĐ ${x.number} ngày ${dmy(x.date)}`).join("; ")}</dd></>}
            {p.notAcceptedReason && <><dt>Lý do không thụ lý</dt><dd>{p.notAcceptedReason}</dd></>}
            {p.transferredTo && <><dt>Chuyển đến</dt><dd>{p.transferredTo}</dd></>}
            {p.decisionNo && <><dt>Quyết định</dt><dd>{p.decisionNo}{p.decisionSummary ? ` — ${p.decisionSummary}` : ""}</dd></>}
          </dl>
          <h3>Các bước đã thực hiện</h3>
          <ol class="timeline">{steps.filter(([, d]) => d).map(([l, d]) => <li><strong>{l}</strong> — {dmy(d)}</li>)}</ol>
          {write && p.actions.length > 0 && (
            <form class="inline step" onSubmit={act} aria-labelledby="h-act">
              <h3 id="h-act" class="wide">Bước tiếp theo</h3>
              <label for="p-action">Việc</label>
              <select id="p-action" value={action} onChange={(e) => { setAction((e.target as HTMLSelectElement).value as PetitionAction); setExtra({}); }}>
                <option value="">— Chọn —</option>{p.actions.map((a) => <option value={a}>{ACTION_NAMES[a]}</option>)}
              </select>
              <label for="p-date">Ngày</label><input id="p-date" type="date" value={date} max={now} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
              {action && (ACTION_FIELDS[action] ?? []).map((f) => (
                <><label for={`p-${f.name}`}>{f.label}</label>
                  <input id={`p-${f.name}`} value={extra[f.name] ?? ""} required={f.required} onInput={(e) => setExtra({ ...extra, [f.name]: (e.target as HTMLInputElement).value })} /></>
              ))}
              <button type="submit" class="primary" disabled={!action}>Ghi bước</button>
            </form>
          )}
          {write && !p.closedOn && (
            <details class="flags">
              <summary>Sửa tính chất vụ việc (hạn được tính lại)</summary>
              <div class="inline">
                <label for="p-complexity">Tính chất</label>
                <select id="p-complexity" value={p.complexity} onChange={(e) => setFlags({ complexity: (e.target as HTMLSelectElement).value as Petition["complexity"] })}>
                  {Object.entries(COMPLEXITY_VI).map(([k, l]) => <option value={k}>{l}</option>)}
                </select>
                <label class="check"><input type="checkbox" checked={p.remote} onChange={(e) => setFlags({ remote: (e.target as HTMLInputElement).checked })} /> Vùng sâu, vùng xa</label>
                <label class="check"><input type="checkbox" checked={p.manyPeople} onChange={(e) => setFlags({ manyPeople: (e.target as HTMLInputElement).checked })} /> Đông người</label>
              </div>
            </details>
          )}
          <Attachments me={me} register="petitions" id={p.id} />
        </article>
      );
    }}</Show>
  );
}

// ---- the page --------------------------------------------------------------------------------

export function RegistersPage({ me }: { me: Me }) {
  const { params } = useRoute();
  const reg = params.get("reg") ?? "petitions";
  const id = Number(params.get("id")) || 0;
  const isNew = params.get("new") === "1" && me.abilities.includes("figures.write");
  const [s] = useLoad("registers", async () => ((await hasEndpoint("/api/registers"))
    ? (await get<{ registers: Array<{ key: string; label: string }> }>("/api/registers")).registers : null));
  const view = () => {
    if (reg === "petitions") return isNew ? <PetitionIntake me={me} /> : id ? <PetitionDetail key={id} me={me} id={id} /> : <Petitions me={me} />;
    if (!REGISTER_FORMS[reg]) return <p class="error" role="alert">Không có sổ "{reg}".</p>;
    if (isNew) return <RecordEditor key={`new-${reg}`} me={me} register={reg} />;
    return id ? <RecordDetail key={`${reg}-${id}-${params.get("edit")}`} me={me} register={reg} id={id} edit={params.get("edit") === "1"} /> : <Records me={me} register={reg} />;
  };
  return (
    <div><div class="page-head"><h1>{t("Sổ theo dõi")}</h1></div>
      <Show s={s}>{(regs) => !regs ? <p class="placeholder">Máy chủ chưa có sổ theo dõi.</p> : (
        <>
          <nav class="tabs" aria-label="Các sổ">
            {regs.map((r) => <a href={href("/registers", { reg: r.key })} aria-current={r.key === reg ? "page" : undefined}>{r.label}</a>)}
          </nav>
          {view()}
        </>
      )}</Show>
    </div>
  );
}
