/**
 * The period report form of a unit: indicators grouped by report section, disaggregations, last
 * period's value beside each field, inline checks, autosave through the outbox (which survives a
 * dropped connection), narrative sections, and submit / withdraw. Enter moves to the next field.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { SECTIONS } from "../../indicators/catalog.ts";
import { NARRATIVE_KEYS } from "../../reports/narrative.ts";
import { ApiError, api, get, isNetworkError, qs, type Comparison, type Figure, type FormData, type Me, type Submission } from "./api.ts";
import { Outbox, type OutboxState, type OutItem } from "./outbox.ts";
import { crossErrors, fieldError, parseNumber } from "./validate.ts";
import { ErrorBox, PeriodPicker, Show, go, lastEndedQuarter, num, statusLabel, t, tf, useLoad, useRoute } from "./ui.tsx";
import { ConflictPanel, conflictOf } from "./conflict.tsx";

/** Which disaggregations the form offers for an indicator (any category is accepted by the API). */
const DISAGG: Record<string, string> = {
  "petitions.received": "petition_type", "petitions.resolved": "petition_type", "dissemination.conferences": "level",
  "awards.collectives": "topic", "awards.individuals": "topic", "dvk.exemplars": "recipient",
};

/** Narrative sections of the report, under the keys the report writer reads (src/reports/narrative.ts). */
export const NARRATIVE: Array<[string, string]> = Object.entries(NARRATIVE_KEYS);

/** Figure ids by unit|period|indicator|disagg, so a cleared field can delete its figure. */
const ids = new Map<string, number>();
const idKey = (i: { unitId: number; period: string; indicator: string; disagg: string }) => `${i.unitId}|${i.period}|${i.indicator}|${i.disagg}`;
const fieldKey = (indicator: string, disagg: string) => `${indicator}|${disagg}`;

/**
 * Narrative versions: the version each report's text was loaded or last saved at, and the saves this
 * page made itself (from → to), so a change typed while an earlier one was in flight is sent on top
 * of our own save — while a save by someone else still comes back as a conflict.
 */
const narrativeBase = new Map<string, number>();
const ownSaves = new Map<string, Map<number, number>>();
/** Narrative saves refused because someone else saved first: report key → both versions. */
const narrativeConflicts = new Map<string, { mine: Record<string, string>; current: Submission; version: number }>();
const conflictListeners = new Set<() => void>();

let outbox: Outbox | undefined;
const listeners = new Set<(s: OutboxState) => void>();
/** The outbox of the signed-in user (one per browser profile and user). */
function outboxOf(userId: number): Outbox {
  if (!outbox) {
    outbox = new Outbox({
      storage: localStorage,
      storageKey: `danvan.outbox.${userId}`,
      retryable: isNetworkError,
      message: (e) => (e instanceof Error ? e.message : String(e)),
      onChange: (s) => listeners.forEach((l) => l(s)),
      send: async (item: OutItem) => {
        if (item.kind === "figure") {
          const r = await api<{ figures: Figure[] }>("POST", "/api/figures", {
            unitId: item.unitId, indicator: item.indicator, period: item.period, disagg: item.disagg, value: item.value, source: { type: "form" },
          });
          for (const f of r.figures) ids.set(idKey({ unitId: f.unitId, period: f.period, indicator: f.indicator, disagg: f.disagg }), f.id);
        } else if (item.kind === "delete") {
          const id = ids.get(idKey(item));
          if (id === undefined) return;
          try {
            await api("DELETE", `/api/figures/${id}`);
          } catch (e) {
            if (!(e instanceof ApiError && e.code === "FIGURE_NOT_FOUND")) throw e;
          }
          ids.delete(idKey(item));
        } else {
          const key = `${item.unitId}|${item.period}`;
          let v = item.version ?? narrativeBase.get(key) ?? 0;
          for (let seen = 0, next = ownSaves.get(key)?.get(v); next !== undefined && seen < 1000; seen++, next = ownSaves.get(key)?.get(v)) v = next;
          try {
            const saved = await api<Submission>("PUT", `/api/submissions/${item.unitId}/${item.period}/narrative`, item.narrative, { "if-match": `"${v}"` });
            if (!ownSaves.has(key)) ownSaves.set(key, new Map());
            ownSaves.get(key)!.set(v, saved.version);
            narrativeBase.set(key, saved.version);
          } catch (e) {
            const c = conflictOf<Submission>(e);
            if (c) {
              narrativeConflicts.set(key, { mine: item.narrative, ...c });
              conflictListeners.forEach((l) => l());
            }
            throw e;
          }
        }
      },
    });
    addEventListener("online", () => void outbox?.flush());
    void outbox.flush();
  }
  return outbox;
}

function useOutbox(userId: number): [Outbox, OutboxState] {
  const box = outboxOf(userId);
  const [s, setS] = useState(box.state());
  useEffect(() => {
    listeners.add(setS);
    return () => void listeners.delete(setS);
  }, []);
  return [box, s];
}

function SaveState({ s }: { s: OutboxState }) {
  const text = s.status === "saved" ? t("Đã lưu") : s.status === "saving" ? t("Đang lưu…") : s.status === "pending" ? t("Chưa lưu – sẽ gửi lại") : t("Có giá trị chưa lưu được");
  return <p class={`save-state ${s.status}`} role="status" aria-live="polite" data-state={s.status}>{text}{s.waiting > 0 && s.status !== "saving" ? ` (${s.waiting})` : ""}</p>;
}

/** Moves focus to the next field on Enter, like a paper form filled top to bottom. */
function enterToNext(e: KeyboardEvent) {
  if (e.key !== "Enter") return;
  e.preventDefault();
  const fields = Array.from(document.querySelectorAll<HTMLInputElement>("form.report input.num:not([disabled])"));
  const i = fields.indexOf(e.target as HTMLInputElement);
  fields[i + 1]?.focus();
}

/** What the unit's registers count for the period, by indicator (only those with records). */
export function useCounted(unitId: number, period: string): Map<string, number> {
  const [s] = useLoad(`counted|${unitId}|${period}`, () => get<{ items: Comparison[] }>(`/api/registers/figures/compare?${qs({ unitId, period })}`));
  return useMemo(() => new Map(s.state === "ok" ? s.data.items.filter((i) => i.hasRecords).map((i) => [i.indicator, i.counted]) : []), [s]);
}

function ReportForm({ me, form, counted, reload }: { me: Me; form: FormData; counted: Map<string, number>; reload: () => void }) {
  const [box, boxState] = useOutbox(me.user.userId);
  const unitId = form.unit.id;
  const period = form.period.id;
  const sub = form.submission;
  const locked = sub.status === "submitted" || sub.status === "approved" || !me.abilities.includes("figures.write");
  const narrativeKey = `${unitId}|${period}`;
  if (!narrativeBase.has(narrativeKey) || (narrativeBase.get(narrativeKey)! < sub.version)) narrativeBase.set(narrativeKey, sub.version);
  const [, redraw] = useState(0);
  useEffect(() => {
    const l = () => redraw((n) => n + 1);
    conflictListeners.add(l);
    return () => void conflictListeners.delete(l);
  }, []);
  const conflict = narrativeConflicts.get(narrativeKey);

  const initial = useMemo(() => {
    const v = new Map<string, string>();
    for (const f of form.figures) {
      ids.set(idKey(f), f.id);
      v.set(fieldKey(f.indicator, f.disagg), num(f.value));
    }
    let narrative = { ...sub.narrative };
    for (const p of box.pending()) {
      if (p.unitId !== unitId || p.period !== period) continue;
      if (p.kind === "figure") v.set(fieldKey(p.indicator, p.disagg), num(p.value));
      else if (p.kind === "delete") v.delete(fieldKey(p.indicator, p.disagg));
      else narrative = { ...p.narrative };
    }
    return { v, narrative };
  }, [form]);
  const [raw, setRaw] = useState(initial.v);
  const [narrative, setNarrative] = useState<Record<string, string>>(initial.narrative);
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  /** Debounced saves not yet queued: key → [timer, the save]; submit runs them at once. */
  const timers = useRef(new Map<string, [ReturnType<typeof setTimeout>, () => void]>());
  const later = (k: string, fn: () => void, ms: number) => {
    clearTimeout(timers.current.get(k)?.[0]);
    timers.current.set(k, [setTimeout(() => { timers.current.delete(k); fn(); }, ms), fn]);
  };
  const now = () => {
    for (const [tm, fn] of timers.current.values()) {
      clearTimeout(tm);
      fn();
    }
    timers.current.clear();
  };

  const indicators = form.indicators;
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const parsed = new Map<string, number | null>();
  const fieldErrs = new Map<string, string>();
  const parts = new Map<string, number>();
  for (const [k, s] of raw) {
    const [ind, disagg] = k.split("|") as [string, string];
    const v = parseNumber(s);
    const def = byKey.get(ind);
    const err = def ? fieldError(def, v) : null;
    if (err) fieldErrs.set(k, err);
    if (disagg === "") parsed.set(ind, v);
    else if (v !== null && !Number.isNaN(v)) parts.set(ind, (parts.get(ind) ?? 0) + v);
  }
  const cross = crossErrors(indicators, parsed, parts);

  const queue = (k: string, s: string) => {
    const [indicator, disagg] = k.split("|") as [string, string];
    const v = parseNumber(s);
    const def = byKey.get(indicator);
    if (!def || fieldError(def, v)) return;
    const base = { key: `${unitId}|${period}|${k}`, unitId, indicator, period, disagg };
    box.put(v === null ? { kind: "delete", ...base } : { kind: "figure", ...base, value: v });
  };
  const onInput = (k: string, s: string) => {
    setRaw((old) => new Map(old).set(k, s));
    later(k, () => queue(k, s), 700);
  };
  const onCommit = (k: string, s: string) => {
    clearTimeout(timers.current.get(k)?.[0]);
    timers.current.delete(k);
    queue(k, s);
  };
  const onNarrative = (k: string, s: string) => {
    const next = { ...narrative, [k]: s };
    setNarrative(next);
    later("narrative", () => box.put({ kind: "narrative", key: `${unitId}|${period}|narrative`, unitId, period, narrative: next, version: narrativeBase.get(narrativeKey) ?? 0 }), 800);
  };
  /** After a conflict: save ours over the version now on the server, or take the server's text. */
  const resolveNarrative = (keepMine: boolean) => {
    if (!conflict) return;
    narrativeConflicts.delete(narrativeKey);
    narrativeBase.set(narrativeKey, conflict.version);
    box.dismiss(`${unitId}|${period}|narrative`);
    if (keepMine) box.put({ kind: "narrative", key: `${unitId}|${period}|narrative`, unitId, period, narrative: narrative, version: conflict.version });
    else setNarrative({ ...conflict.current.narrative });
    redraw((n) => n + 1);
  };

  const act = async (action: "submit" | "withdraw") => {
    setActionError(null);
    if (action === "submit") {
      if (fieldErrs.size || cross.size) return setActionError(t("Còn giá trị chưa hợp lệ (xem các ô được đánh dấu); sửa rồi nộp lại."));
      now();
      setBusy(t("Đang gửi số liệu…"));
      await box.flush();
      if (box.pending().some((p) => p.unitId === unitId && p.period === period)) {
        setBusy(null);
        return setActionError(t("Chưa gửi được hết số liệu lên máy chủ (mất kết nối?). Báo cáo sẽ nộp được khi số liệu đã lưu."));
      }
      if (box.state().errors.size) {
        setBusy(null);
        return setActionError(t("Có số liệu máy chủ không nhận; sửa rồi nộp lại."));
      }
    }
    setBusy(action === "submit" ? t("Đang nộp báo cáo…") : t("Đang rút lại…"));
    try {
      await api<Submission>("POST", `/api/submissions/${unitId}/${period}/${action}`, {});
      reload();
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const sectionKeys = Object.keys(SECTIONS);
  const groups = Object.entries(SECTIONS).map(([k, label]) => ({
    key: k, label, rows: indicators.filter((i) => i.section === k || (k === "other" && !sectionKeys.includes(i.section))),
  })).filter((g) => g.rows.length);

  const field = (indicator: string, disagg: string, label: string, describedBy: string[]) => {
    const k = fieldKey(indicator, disagg);
    const err = fieldErrs.get(k) ?? (disagg === "" ? cross.get(indicator) : undefined) ?? boxState.errors.get(`${unitId}|${period}|${k}`);
    const fid = `f-${indicator}-${disagg}`.replace(/[^a-zA-Z0-9_-]/g, "_");
    return (
      <div class={`field${err ? " invalid" : ""}`}>
        <label for={fid}>{label}</label>
        <input
          id={fid} class="num" inputMode="decimal" autocomplete="off" value={raw.get(k) ?? ""} disabled={locked}
          aria-invalid={err ? true : undefined} aria-describedby={[...describedBy, err ? `${fid}-err` : ""].filter(Boolean).join(" ") || undefined}
          onInput={(e) => onInput(k, (e.target as HTMLInputElement).value)}
          onChange={(e) => onCommit(k, (e.target as HTMLInputElement).value)}
          onKeyDown={enterToNext}
        />
        {err && <span class="field-error" id={`${fid}-err`}>{err}</span>}
      </div>
    );
  };

  return (
    <form class="report" onSubmit={(e) => e.preventDefault()} aria-busy={busy ? true : undefined}>
      <div class={`status-banner ${sub.status}`} role={sub.status === "returned" ? "alert" : undefined}>
        <strong>{t("Trạng thái:")} {statusLabel(sub.status)}</strong>
        {sub.status === "returned" && sub.returnReason && <p class="reason">{t("Lý do trả lại:")} <q>{sub.returnReason}</q></p>}
        {sub.status === "submitted" && <p>{t("Số liệu đã khóa trong khi chờ duyệt. Muốn sửa, hãy rút lại báo cáo.")}</p>}
        {sub.status === "approved" && <p>{t("Báo cáo đã được phê duyệt; số liệu đã khóa.")}</p>}
      </div>
      <SaveState s={boxState} />
      {groups.map((g) => (
        <fieldset class="section">
          <legend>{t(g.label)}</legend>
          {g.rows.map((ind) => {
            const prevId = `prev-${ind.key.replace(/\W/g, "_")}`;
            const countId = `count-${ind.key.replace(/\W/g, "_")}`;
            const cat = form.categories.find((c) => c.key === DISAGG[ind.key]);
            const k = fieldKey(ind.key, "");
            const typed = parsed.get(ind.key) ?? null;
            // A register that counts nothing this period is worth a word only against a typed figure.
            const c = counted.get(ind.key);
            const n = c === 0 && typed === null ? undefined : c;
            const differs = n !== undefined && typed !== null && !Number.isNaN(typed) && typed !== n;
            return (
              <div class="indicator" data-indicator={ind.key}>
                {field(ind.key, "", `${ind.label} (${ind.unit})`, n === undefined ? [prevId] : [prevId, countId])}
                <span class="prev" id={prevId}>{form.previous.label}: <strong>{num(form.previousValues[ind.key])}</strong></span>
                {n !== undefined && (
                  <span class={`counted${differs ? " differs" : ""}`}>
                    <span id={countId}>{t("Sổ theo dõi đếm được:")} <strong>{num(n)}</strong>{differs ? ` — ${t("khác số đã nhập")}` : ""}</span>
                    {!locked && typed !== n && (
                      <button type="button" class="link" onClick={() => { setRaw((old) => new Map(old).set(k, num(n))); onCommit(k, num(n)); }}>
                        {t("Dùng số này")}<span class="sr-only"> {tf("cho {indicator}", { indicator: ind.label })}</span>
                      </button>
                    )}
                  </span>
                )}
                {cat && (
                  <details class="disagg" open={cat.options.some((o) => raw.get(fieldKey(ind.key, `${cat.key}=${o.key}`)))}>
                    <summary>{tf("Chi tiết theo {category}", { category: cat.label.toLowerCase() })}</summary>
                    <div class="parts">{cat.options.map((o) => field(ind.key, `${cat.key}=${o.key}`, o.label, []))}</div>
                  </details>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
      <fieldset class="section narrative">
        <legend>{t("Đánh giá chung và phương hướng")}</legend>
        {conflict && (
          <ConflictPanel rows={NARRATIVE.map(([k, label]) => ({ label: t(label), mine: narrative[k] ?? "", theirs: conflict.current.narrative[k] ?? "" }))}
            onMine={() => resolveNarrative(true)} onTheirs={() => resolveNarrative(false)} />
        )}
        {NARRATIVE.map(([k, label]) => (
          <div class="field wide">
            <label for={`n-${k}`}>{t(label)}</label>
            <textarea id={`n-${k}`} rows={2} disabled={locked} value={narrative[k] ?? ""} onInput={(e) => onNarrative(k, (e.target as HTMLTextAreaElement).value)} />
          </div>
        ))}
      </fieldset>
      <div class="actions">
        {actionError && <p class="error" role="alert">{actionError}</p>}
        {busy && <p class="loading" role="status"><span class="spinner" aria-hidden="true" />{busy}</p>}
        {me.abilities.includes("submissions.submit") && (sub.status === "draft" || sub.status === "returned") && (
          <button type="button" class="primary" disabled={!!busy} onClick={() => act("submit")}>{t("Nộp báo cáo")}</button>
        )}
        {me.abilities.includes("submissions.submit") && sub.status === "submitted" && (
          <button type="button" disabled={!!busy} onClick={() => act("withdraw")}>{t("Rút lại để sửa")}</button>
        )}
      </div>
    </form>
  );
}

export function EntryPage({ me }: { me: Me }) {
  const { params } = useRoute();
  const unitId = Number(params.get("unit")) || me.user.unitId;
  const period = params.get("period") || lastEndedQuarter();
  const [s, reload] = useLoad(`${unitId}|${period}`, () => get<FormData>(`/api/dashboard/form?${qs({ unitId, period })}`));
  // Asked for beside the form, not after it: one round trip on a slow line, not two in a row.
  const counted = useCounted(unitId, period);
  return (
    <div class="entry">
      <div class="page-head">
        <h1>{t("Nhập số liệu")}{s.state === "ok" ? <small> — {s.data.unit.fullName}, {s.data.period.label}</small> : null}</h1>
        <div class="controls"><PeriodPicker id="entry-period" value={period} onChange={(p) => go("/entry", { unit: params.get("unit"), period: p })} /></div>
      </div>
      {s.state === "error" ? <ErrorBox error={s.error} /> : <Show s={s}>{(form) => <ReportForm key={`${form.unit.id}|${form.period.id}|${form.submission.status}`} me={me} form={form} counted={counted} reload={reload} />}</Show>}
    </div>
  );
}
