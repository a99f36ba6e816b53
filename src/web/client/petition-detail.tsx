/**
 * One petition: its details (the denouncer's identity only for its handlers), the legal steps the
 * server allows, handlers, corrections and attachments.
 */
import { useState } from "preact/hooks";
import { ACTION_NAMES, PETITION_STATE_LABELS, PETITION_TYPE_LABELS, type PetitionAction } from "../../registers/petition-rules.ts";
import { ConflictPanel, conflictOf } from "./conflict.tsx";
import { api, get, type Me } from "./api.ts";
import { dmy } from "./labels.ts";
import { Notice, cap, takeFlash, type Msg } from "./register-fields.tsx";
import { PrintButton } from "./print.tsx";
import { Show, href, t, tf, tl, today, useLoad } from "./ui.tsx";
import { Attachments } from "./register-attachments.tsx";
import { COMPLEXITY_VI, Identity, message } from "./register-shared.tsx";

type Petition = import("../../registers/petition.service.ts").Petition;
type Handler = import("../../registers/privacy.ts").Handler;

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

export function PetitionDetail({ me, id }: { me: Me; id: number }) {
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
