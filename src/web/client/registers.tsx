/**
 * The registers: petitions (intake, the legal steps the server allows, deadlines and overdue flags)
 * and the record registers (reception and dialogues, mediation, campaigns and oversight, Dân vận
 * khéo, commendations): lists with search, filters and paging, entry and edit forms, detail pages
 * with attachments. URL: #/registers?reg=KEY[&id=N[&edit=1]|&new=1][&q=…].
 */
import { useEffect, useState } from "preact/hooks";
import { ACTION_NAMES, PETITION_STATE_LABELS, PETITION_TYPE_LABELS, type PetitionAction } from "../../registers/petition-rules.ts";
import { DVK_NEXT, DVK_STATE_LABELS, IDENTITY_MASK, LEVELS, VALUE_LABELS, type DvkState } from "../../registers/vocabulary.ts";
import { ConflictPanel, conflictOf, type ConflictRow } from "./conflict.tsx";
import { ApiError, api, get, hasEndpoint, qs, type Me } from "./api.ts";
import { emptyValues, REGISTER_FORMS, serverFieldErrors, toInput, valuesOf, type FieldErrors, type FieldSpec, type FormValue, type FormValues } from "./register-forms.ts";
import { dmy } from "./labels.ts";
import { Fields, Notice, cap, focusFirst, setFlash, takeFlash, type Msg } from "./register-fields.tsx";
import { PetitionIntake } from "./petition-form.tsx";
import { PrintButton } from "./print.tsx";
import { Loading, Show, go, href, num, t, tf, tl, today, useLoad, useRoute } from "./ui.tsx";

type Petition = import("../../registers/petition.service.ts").Petition;
type RecordRow = import("../../registers/record.service.ts").RegisterRecord;
type Attachment = import("../../registers/attachments.ts").AttachmentMeta;
type Handler = import("../../registers/privacy.ts").Handler;

const PAGE = 50;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A petitioner's detail as the reader may see it: a tố cáo's identity masked for those who do not
 * handle it shows as a clear lock note, never as if it were the person's name.
 */
function Identity({ value }: { value: string | null }) {
  if (value === IDENTITY_MASK) return <span class="masked" title={t("Thông tin người tố cáo chỉ người được giao giải quyết mới xem được (Luật Tố cáo 2018, Điều 47).")}>{t("Đã ẩn theo Luật Tố cáo")}</span>;
  return <>{value ?? "—"}</>;
}

/** A form value as one line of text (for comparing two versions). */
function flat(v: FormValue | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? t("Có") : t("Không");
  if (v.length === 0) return "";
  if (typeof v[0] === "string") return (v as string[]).filter(Boolean).join("; ");
  return (v as FormValues[]).map((r) => Object.values(r).map(flat).filter(Boolean).join(" — ")).join("; ");
}


/** Previous / next page links for a list of `total` items. */
function Pager({ total, offset, to }: { total: number; offset: number; to: (offset: number) => string }) {
  if (total <= PAGE) return null;
  return (
    <nav class="pager" aria-label={t("Phân trang")}>
      {offset > 0 ? <a href={to(Math.max(0, offset - PAGE))}>{t("← Trang trước")}</a> : <span />}
      <span>{offset + 1}–{Math.min(total, offset + PAGE)} / {num(total)}</span>
      {offset + PAGE < total ? <a href={to(offset + PAGE)}>{t("Trang sau →")}</a> : <span />}
    </nav>
  );
}

function Exports({ register, filter }: { register: string; filter: Record<string, string> }) {
  const q = qs(filter);
  return (
    <p class="actions small">
      <a href={`/api/registers/${register}/export?${q}&format=xlsx`} download>{t("Xuất Excel (.xlsx)")}</a>{" · "}
      <a href={`/api/registers/${register}/export?${q}&format=csv`} download>{t("Xuất CSV")}</a>
    </p>
  );
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
  const [msg, setMsg] = useState<Msg>(restored ? { ok: true, text: t("Đã khôi phục bản nháp chưa lưu trên máy này.") } : null);
  const [busy, setBusy] = useState(false);
  /** The version this edit is based on (the record's, or the server's after choosing in a conflict). */
  const [base, setBase] = useState(record?.version);
  const [conflict, setConflict] = useState<{ current: RecordRow; version: number } | null>(null);
  const teams = useTeams(form.fields, record?.unitId ?? me.user.unitId);
  const set = (name: string, v: FormValue) => {
    const next = { ...values, [name]: v };
    setValues(next);
    localStorage.setItem(draftKey, JSON.stringify(next));
  };
  const save = async (e?: Event, version = base) => {
    e?.preventDefault();
    const { input, errors: local } = toInput(form.fields, values);
    setErrors(local);
    if (Object.keys(local).length) {
      setMsg({ ok: false, text: tf("Còn {n} ô chưa hợp lệ; xem các ô được đánh dấu.", { n: Object.keys(local).length }) });
      return focusFirst(local);
    }
    setBusy(true);
    setMsg(null);
    try {
      const body = { ...input, unitId: record?.unitId ?? me.user.unitId, ...(record ? { version } : {}) };
      const saved = record ? await api<RecordRow>("PUT", `/api/registers/${register}/${record.id}`, body) : await api<RecordRow>("POST", `/api/registers/${register}`, body);
      localStorage.removeItem(draftKey);
      setFlash(record ? t("Đã lưu thay đổi.") : tf("Đã vào sổ bản ghi #{id}.", { id: saved.id }));
      go("/registers", { reg: register, id: saved.id });
    } catch (err) {
      const c = conflictOf<RecordRow>(err);
      if (c) {
        setConflict(c);
        return;
      }
      const fe = err instanceof ApiError ? serverFieldErrors(err.details) : null;
      if (fe) {
        setErrors(fe);
        focusFirst(fe);
      }
      const offline = err instanceof ApiError && err.code === "NETWORK";
      setMsg({ ok: false, text: offline ? t("Mất kết nối: chưa lưu được. Dữ liệu vẫn được giữ trên máy này; bấm Lưu lại khi có mạng.") : message(err) });
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
  const theirs = conflict ? valuesOf(form.fields, conflict.current.data as Record<string, unknown>, today()) : null;
  const rows: ConflictRow[] = theirs ? form.fields.map((f) => ({ label: t(f.label, f.kind === "rows" || f.kind === "texts" ? "list" : undefined), mine: flat(values[f.name]), theirs: flat(theirs[f.name]) })) : [];
  const keepMine = () => {
    const v = conflict!.version;
    setBase(v);
    setConflict(null);
    void save(undefined, v);
  };
  const takeTheirs = () => {
    localStorage.removeItem(draftKey);
    setValues(theirs!);
    setBase(conflict!.version);
    setConflict(null);
    setMsg({ ok: true, text: t("Đã lấy bản trên máy chủ; sửa tiếp rồi lưu nếu cần.") });
  };
  return (
    <form class="admin-form record-form" onSubmit={save} noValidate>
      <h2>{record ? tf("Sửa {noun}", { noun: t(form.noun) }) : tf("Thêm {noun}", { noun: t(form.noun) })}</h2>
      {teams.state === "loading" ? <Loading /> : (
        <div class="fields">
          <Fields fields={form.fields} values={values} set={set} errors={errors} teams={teams.state === "ok" ? teams.data : []} />
        </div>
      )}
      {conflict && <ConflictPanel rows={rows} onMine={keepMine} onTheirs={takeTheirs} busy={busy} />}
      <Notice msg={msg} />
      <p class="actions">
        <button type="submit" class="primary" disabled={busy || !!conflict}>{busy ? t("Đang lưu…") : t("Lưu")}</button>
        <a href={href("/registers", { reg: register, id: record?.id })}>{t("Hủy")}</a>
        {restored && <button type="button" class="link" onClick={discard}>{t("Bỏ bản nháp")}</button>}
      </p>
    </form>
  );
}

// ---- record detail ---------------------------------------------------------------------------

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

function Attachments({ me, register, id, canAdd = true }: { me: Me; register: string; id: number; canAdd?: boolean }) {
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
        method: "POST", credentials: "same-origin", headers: { "content-type": "application/octet-stream" }, body: file,
      }).catch(() => null);
      if (!res) throw new Error(t("Mất kết nối: chưa tải tệp lên được."));
      if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? tf("Lỗi {status}", { status: res.status }));
      input.value = "";
      await reload();
      setMsg({ ok: true, text: tf("Đã đính kèm \"{file}\".", { file: file.name }) });
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    } finally {
      setBusy(false);
    }
  };
  const remove = async (a: Attachment) => {
    try {
      await api("DELETE", `/api/registers/attachments/${a.id}`);
      await reload();
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    }
  };
  return (
    <section aria-labelledby="h-att">
      <h3 id="h-att">{t("Tệp đính kèm")}</h3>
      <Show s={s}>{(list) => list.length === 0 ? <p class="muted">{t("Chưa có tệp nào.")}</p> : (
        <ul class="attachments">{list.map((a) => (
          a.hidden ? <li><Identity value={a.filename} /> <span class="muted small">({num(Math.ceil(a.size / 1024))} KB)</span></li> : (
          <li><a href={`/api/registers/attachments/${a.id}`} download={a.filename}>{a.filename}</a> <span class="muted small">({num(Math.ceil(a.size / 1024))} KB)</span>
            {me.abilities.includes("figures.write") && <button type="button" class="link" aria-label={tf("Xóa tệp {file}", { file: a.filename })} onClick={() => remove(a)}>{t("Xóa")}</button>}</li>)
        ))}</ul>
      )}</Show>
      {me.abilities.includes("figures.write") && canAdd && (
        <p class="no-print"><label for="att-file">{t("Đính kèm tệp (PDF, ảnh JPEG/PNG, Word .docx; tối đa 10 MB)")}</label>
          <input id="att-file" type="file" accept=".pdf,.jpg,.jpeg,.png,.docx" disabled={busy} onChange={upload} /></p>
      )}
      {busy && <Loading label={t("Đang tải tệp lên…")} />}
      <Notice msg={msg} />
    </section>
  );
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
              <select id="dvk-level" value={level} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)}>{Object.entries(LEVELS).map(([k, l]) => <option value={k}>{t(l)}</option>)}</select></>
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

/** Deletes after a second click (no browser dialog; keyboard and screen readers reach both). */
function DeleteButton({ what, onDelete }: { what: string; onDelete: () => Promise<void> }) {
  const [armed, setArmed] = useState(false);
  return armed
    ? <span role="group" aria-label={t("Xác nhận xóa")}><button type="button" class="danger" onClick={onDelete}>{tf("Xóa hẳn {what}", { what })}</button> <button type="button" class="link" onClick={() => setArmed(false)}>{t("Không xóa")}</button></span>
    : <button type="button" onClick={() => setArmed(true)}>{t("Xóa…")}</button>;
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

// ---- petitions -------------------------------------------------------------------------------

const COMPLEXITY_VI = { normal: tl("Bình thường"), complex: tl("Phức tạp"), especially_complex: tl("Đặc biệt phức tạp") } as const;

/** For administrators: the years (this one and the next) whose holidays have not been announced yet. */
function CalendarWarnings() {
  const [s] = useLoad("calendar-status", () => get<{ warnings: string[] }>("/api/registers/calendar/status"));
  if (s.state !== "ok" || s.data.warnings.length === 0) return null;
  return <div class="note calendar-warning" role="note">{s.data.warnings.map((w) => <p><strong class="flag">{t("Lịch nghỉ lễ")}</strong> {w}</p>)}</div>;
}

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

/** What each action asks for besides its date. */
const ACTION_FIELDS: Partial<Record<PetitionAction, Array<{ name: "reason" | "to" | "decisionNo" | "summary"; label: string; required?: boolean }>>> = {
  reject: [{ name: "reason", label: tl("Lý do không thụ lý"), required: true }],
  transfer: [{ name: "to", label: tl("Chuyển đến cơ quan"), required: true }],
  decide: [{ name: "decisionNo", label: tl("Số quyết định") }, { name: "summary", label: tl("Tóm tắt kết quả giải quyết") }],
  extend: [{ name: "decisionNo", label: tl("Số quyết định gia hạn"), required: true }],
};

/**
 * Who handles a tố cáo (they alone see the denouncer, Luật Tố cáo 2018 Điều 47): the list, and for an
 * administrator or a handler, assigning another user in scope or taking an assignment back.
 */
function Handlers({ id, onChange }: { id: number; onChange: () => Promise<void> }) {
  const [s, reload] = useLoad(`handlers|${id}`, () => get<{ handlers: Handler[]; canAssign: boolean; candidates: Handler[] }>(`/api/registers/petitions/${id}/handlers`));
  const [pick, setPick] = useState("");
  const [msg, setMsg] = useState<Msg>(null);
  const change = async (userId: number, assigned: boolean, name: string) => {
    try {
      await api("POST", `/api/registers/petitions/${id}/handlers`, { userId, assigned });
      await reload();
      await onChange();
      setPick("");
      setMsg({ ok: true, text: assigned ? tf("Đã giao {user} giải quyết đơn.", { user: name }) : tf("Đã thôi giao {user}.", { user: name }) });
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    }
  };
  return (
    <section aria-labelledby="h-handlers" class="handlers">
      <h3 id="h-handlers">{t("Người được giao giải quyết")}</h3>
      <p class="muted small">{t("Thông tin người tố cáo (họ tên, địa chỉ, điện thoại, tệp đính kèm) chỉ người nhập đơn, cán bộ được giao của đơn vị và người được giao dưới đây xem được (Luật Tố cáo 2018, Điều 47).")}</p>
      <Show s={s}>{(d) => (
        <>
          {d.handlers.length === 0 ? <p class="muted">{t("Chưa giao riêng cho ai.")}</p> : (
            <ul>{d.handlers.map((h) => (
              <li>{h.displayName} <span class="muted small">({h.username})</span>
                {d.canAssign && <button type="button" class="link" onClick={() => change(h.userId, false, h.displayName)}>{t("Thôi giao")}<span class="sr-only"> {h.displayName}</span></button>}</li>
            ))}</ul>
          )}
          {d.canAssign && d.candidates.length > 0 && (
            <form key={d.handlers.map((h) => h.userId).join(",")} class="inline" onSubmit={(e) => { e.preventDefault(); const c = d.candidates.find((x) => String(x.userId) === pick); if (c) void change(c.userId, true, c.displayName); }}>
              <label for="h-pick">{t("Giao thêm")}</label>
              <select id="h-pick" value={pick} onChange={(e) => setPick((e.target as HTMLSelectElement).value)}>
                <option value="">{t("— Chọn người dùng —")}</option>{d.candidates.map((c) => <option value={String(c.userId)}>{c.displayName} ({c.username})</option>)}
              </select>
              <button type="submit" disabled={!pick}>{t("Giao giải quyết")}</button>
            </form>
          )}
        </>
      )}</Show>
      <Notice msg={msg} />
    </section>
  );
}

const FLAG_LABEL: Record<string, string> = { complexity: tl("Tính chất"), remote: tl("Vùng sâu, vùng xa"), manyPeople: tl("Đông người") };
const flagText = (k: string, v: unknown) => (k === "complexity" ? t(COMPLEXITY_VI[v as Petition["complexity"]] ?? String(v)) : v ? t("Có") : t("Không"));

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
    if (missing) return setMsg({ ok: false, text: tf("Cần ghi \"{field}\".", { field: t(missing.label) }) });
    try {
      await api("POST", `/api/registers/petitions/${id}/actions`, { action, date, ...extra });
      await reload();
      setMsg({ ok: true, text: tf("Đã ghi bước \"{step}\" ngày {date}.", { step: t(ACTION_NAMES[action]), date: dmy(date) }) });
      setAction("");
      setExtra({});
    } catch (err) {
      setMsg({ ok: false, text: message(err) });
    }
  };
  const [conflict, setConflict] = useState<{ patch: Partial<Petition>; current: Petition; version: number } | null>(null);
  /** Bumped when handlers change, so the attachments list is read again with the new rights. */
  const [gen, setGen] = useState(0);
  const setFlags = async (patch: Partial<Petition>, version = s.state === "ok" ? s.data.version : 0) => {
    try {
      await api("PUT", `/api/registers/petitions/${id}`, { ...patch, version });
      setConflict(null);
      await reload();
      setMsg({ ok: true, text: t("Đã lưu; hạn xử lý được tính lại.") });
    } catch (err) {
      const c = conflictOf<Petition>(err);
      if (c) return setConflict({ patch, ...c });
      setMsg({ ok: false, text: message(err) });
    }
  };
  const now = today();
  return (
    <Show s={s}>{(p) => {
      const overdue = !p.closedOn && !!p.dueOn && p.dueOn < now;
      const steps: Array<[string, string | null]> = [
        [t("Tiếp nhận"), p.receivedOn], [t("Phân loại"), p.classifiedOn], [t("Thụ lý"), p.acceptedOn], [t("Thông báo thụ lý"), p.notifiedOn], [t("Xác minh"), p.verifyingOn],
        [t("Đối thoại"), p.dialogueOn], [t("Quyết định giải quyết"), p.decidedOn], [t("Thi hành"), p.enforcedOn], [t("Rút đơn"), p.withdrawnOn], [t("Lưu hồ sơ"), p.archivedOn],
      ];
      return (
        <article class="record admin-form">
          <p class="no-print back"><a href={href("/registers", { reg: "petitions" })}>{t("← Về sổ đơn thư")}</a> <PrintButton /></p>
          <h2>{cap(tf("Đơn {type} #{id}", { type: t(PETITION_TYPE_LABELS[p.type]).toLowerCase(), id: p.id }))}{p.number ? ` (${tf("số {no}", { no: p.number })})` : ""} — <Identity value={p.petitioner} /></h2>
          <Notice msg={msg} />
          {conflict && (
            <ConflictPanel
              rows={Object.keys(conflict.patch).map((k) => ({ label: t(FLAG_LABEL[k] ?? k), mine: flagText(k, (conflict.patch as Record<string, unknown>)[k]), theirs: flagText(k, (conflict.current as unknown as Record<string, unknown>)[k]) }))}
              onMine={() => void setFlags(conflict.patch, conflict.version)}
              onTheirs={() => { setConflict(null); void reload(); }} />
          )}
          <p class={overdue ? "error" : "muted"}>
            {t("Bước hiện tại:")} <strong>{t(PETITION_STATE_LABELS[p.state])}</strong>
            {p.dueOn ? <> · {p.dueStage === "accept" ? t("Hạn thụ lý:") : p.dueStage === "notify" ? t("Hạn thông báo thụ lý:") : t("Hạn giải quyết:")} <strong>{dmy(p.dueOn)}</strong>{overdue && <strong class="flag"> {t("Quá hạn")}</strong>}</> : null}
          </p>
          <dl class="facts">
            <dt>{t("Nội dung")}</dt><dd>{p.content}</dd>
            <dt>{t("Người gửi")}</dt><dd><Identity value={p.petitioner} /></dd>
            <dt>{t("Địa chỉ")}</dt><dd><Identity value={p.address} /></dd>
            <dt>{t("Điện thoại")}</dt><dd><Identity value={p.phone} /></dd>
            <dt>{t("Tính chất")}</dt><dd>{t(COMPLEXITY_VI[p.complexity])}{p.remote ? ` · ${t("vùng sâu, vùng xa")}` : ""}{p.manyPeople ? ` · ${t("đông người")}` : ""}{p.secondTime ? ` · ${t("khiếu nại lần hai")}` : ""}</dd>
            <dt>{t("Hạn thụ lý")}</dt><dd>{dmy(p.acceptDue)}</dd>
            {p.notifyDue && <><dt>{t("Hạn thông báo thụ lý")}</dt><dd>{dmy(p.notifyDue)}</dd></>}
            <dt>{t("Hạn giải quyết")}</dt><dd>{p.resolveDue ? dmy(p.resolveDue) : p.acceptedOn ? "—" : t("tính từ ngày thụ lý")}</dd>
            {p.extensions.length > 0 && <><dt>{t("Gia hạn")}</dt><dd>{p.extensions.map((x) => tf("QĐ {no} ngày {date}", { no: x.number, date: dmy(x.date) })).join("; ")}</dd></>}
            {p.notAcceptedReason && <><dt>{t("Lý do không thụ lý")}</dt><dd>{p.notAcceptedReason}</dd></>}
            {p.transferredTo && <><dt>{t("Chuyển đến")}</dt><dd>{p.transferredTo}</dd></>}
            {p.decisionNo && <><dt>{t("Quyết định")}</dt><dd>{p.decisionNo}{p.decisionSummary ? ` — ${p.decisionSummary}` : ""}</dd></>}
          </dl>
          <h3>{t("Các bước đã thực hiện")}</h3>
          <ol class="timeline">{steps.filter(([, d]) => d).map(([l, d]) => <li><strong>{l}</strong> — {dmy(d)}</li>)}</ol>
          {write && p.actions.length > 0 && (
            <form class="inline step" onSubmit={act} aria-labelledby="h-act">
              <h3 id="h-act" class="wide">{t("Bước tiếp theo")}</h3>
              <label for="p-action">{t("Việc")}</label>
              <select id="p-action" value={action} onChange={(e) => { setAction((e.target as HTMLSelectElement).value as PetitionAction); setExtra({}); }}>
                <option value="">{t("— Chọn —")}</option>{p.actions.map((a) => <option value={a}>{t(ACTION_NAMES[a])}</option>)}
              </select>
              <label for="p-date">{t("Ngày")}</label><input id="p-date" type="date" value={date} max={now} onInput={(e) => setDate((e.target as HTMLInputElement).value)} />
              {action && (ACTION_FIELDS[action] ?? []).map((f) => (
                <><label for={`p-${f.name}`}>{t(f.label)}</label>
                  <input id={`p-${f.name}`} value={extra[f.name] ?? ""} required={f.required} onInput={(e) => setExtra({ ...extra, [f.name]: (e.target as HTMLInputElement).value })} /></>
              ))}
              <button type="submit" class="primary" disabled={!action}>{t("Ghi bước")}</button>
            </form>
          )}
          {write && !p.closedOn && (
            <details class="flags no-print">
              <summary>{t("Sửa tính chất vụ việc (hạn được tính lại)")}</summary>
              <div class="inline">
                <label for="p-complexity">{t("Tính chất")}</label>
                <select id="p-complexity" value={p.complexity} onChange={(e) => setFlags({ complexity: (e.target as HTMLSelectElement).value as Petition["complexity"] })}>
                  {Object.entries(COMPLEXITY_VI).map(([k, l]) => <option value={k}>{t(l)}</option>)}
                </select>
                <label class="check"><input type="checkbox" checked={p.remote} onChange={(e) => setFlags({ remote: (e.target as HTMLInputElement).checked })} /> {t("Vùng sâu, vùng xa")}</label>
                <label class="check"><input type="checkbox" checked={p.manyPeople} onChange={(e) => setFlags({ manyPeople: (e.target as HTMLInputElement).checked })} /> {t("Đông người")}</label>
              </div>
            </details>
          )}
          {p.type === "to_cao" && <Handlers id={p.id} onChange={async () => { setGen((g) => g + 1); await reload(); }} />}
          <Attachments key={`att-${gen}`} me={me} register="petitions" id={p.id} canAdd={!p.identityHidden} />
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
    if (!REGISTER_FORMS[reg]) return <p class="error" role="alert">{tf("Không có sổ \"{register}\".", { register: reg })}</p>;
    if (isNew) return <RecordEditor key={`new-${reg}`} me={me} register={reg} />;
    return id ? <RecordDetail key={`${reg}-${id}-${params.get("edit")}`} me={me} register={reg} id={id} edit={params.get("edit") === "1"} /> : <Records me={me} register={reg} />;
  };
  return (
    <div><div class="page-head"><h1>{t("Sổ theo dõi")}</h1></div>
      <Show s={s}>{(regs) => !regs ? <p class="placeholder">{t("Máy chủ chưa có sổ theo dõi.")}</p> : (
        <>
          <nav class="tabs" aria-label={t("Các sổ")}>
            {regs.map((r) => <a href={href("/registers", { reg: r.key })} aria-current={r.key === reg ? "page" : undefined}>{t(r.label, "register")}</a>)}
          </nav>
          {view()}
        </>
      )}</Show>
    </div>
  );
}
