/**
 * The period report form of a unit: indicators grouped by report section, disaggregations, last
 * period's value beside each field, inline checks, autosave through the outbox (which survives a
 * dropped connection; the editing state and saves are in entry-edits.ts), narrative sections, and
 * submit / withdraw. Enter moves to the next field.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { SECTIONS } from "../../indicators/catalog.ts";
import { NARRATIVE_KEYS } from "../../reports/narrative.ts";
import { api, type FormData, type Me, type Submission } from "./api.ts";
import { consumeFocusStatus, enterToNext, fieldId, fieldKey, requestFocusStatus, unsavedFields } from "./entry-model.ts";
import { num, statusLabel, t, tf } from "./ui.tsx";
import { ConflictPanel } from "./conflict.tsx";
import { figureConflicts, held, keepMine, refusals, useOutbox, useSyncChanges } from "./entry-sync.ts";
import { SaveState } from "./entry-status.tsx";
import { FigureExtras, FlagNote, RuleComment } from "./entry-figure.tsx";
import { useReportEdits } from "./entry-edits.ts";

/** Which disaggregations the form offers for an indicator (any category is accepted by the API). */
const DISAGG: Record<string, string> = {
  "petitions.received": "petition_type", "petitions.resolved": "petition_type", "dissemination.conferences": "level",
  "awards.collectives": "topic", "awards.individuals": "topic", "dvk.exemplars": "recipient",
};

/** Narrative sections of the report, under the keys the report writer reads (src/reports/narrative.ts). */
export const NARRATIVE: Array<[string, string]> = Object.entries(NARRATIVE_KEYS);

/** What the report's state means to someone who reads the form (a reviewer, a viewer), not to its reporter. */
function ReaderNote({ status }: { status: Submission["status"] }) {
  if (status === "submitted") return <p>{t("Đơn vị đã nộp; báo cáo đang chờ duyệt.")}</p>;
  if (status === "approved") return <p>{t("Báo cáo đã được phê duyệt.")}</p>;
  if (status === "returned") return <p>{t("Báo cáo đã được trả lại cho đơn vị; chờ đơn vị sửa và nộp lại.")}</p>;
  return <p>{t("Đơn vị chưa nộp báo cáo kỳ này; số liệu còn có thể thay đổi.")}</p>;
}

/** The form of one unit's report for one period: its state, the fields by section, the narrative, submit / withdraw. */
export function ReportForm({ me, form, counted, reload }: { me: Me; form: FormData; counted: Map<string, number>; reload: () => void }) {
  const [box, boxState] = useOutbox(me.user.userId);
  useSyncChanges();
  const { unitId, period, sub, conflict, okey, raw, setRaw, notes, est, narrative, now, indicators, parsed, fieldErrs, cross, broken,
    blockingRule, dirty, onInput, onCommit, onNote, onEst, onNarrative, resolveNarrative, theirs } = useReportEdits(form, box);
  const writes = me.abilities.includes("figures.write");
  const locked = sub.status === "submitted" || sub.status === "approved" || !writes;
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (consumeFocusStatus()) statusRef.current?.focus();
  }, []);

  // What is not saved, and why: the status names every such field.
  const queued = new Set(box.pending().map((p) => p.key));
  const unsaved = unsavedFields({
    form, raw, held: (k) => held.get(okey(k)), keys: [...held.keys()].filter((x) => x.startsWith(`${unitId}|${period}|`)).map((x) => x.split("|").slice(2).join("|")),
    dirty: (k) => dirty(k), conflict: (k) => figureConflicts().get(okey(k)), refused: (k) => boxState.errors.get(okey(k)),
    queued: (k) => queued.has(okey(k)), offline: boxState.status === "pending", fieldErrs, blockingRule: (ind) => blockingRule(ind),
  });
  // The narrative is saved through the same outbox: a refusal or a wait is said too.
  const nKey = `${unitId}|${period}|narrative`;
  const nRefused = boxState.errors.get(nKey);
  if (nRefused || queued.has(nKey)) {
    unsaved.push({ fid: `n-${NARRATIVE[0]![0]}`, label: t("Đánh giá chung và phương hướng"), raw: "", why: nRefused ?? (boxState.status === "pending" ? t("chờ kết nối, sẽ tự gửi lại") : t("đang gửi")), kind: nRefused ? "error" : boxState.status === "pending" ? "pending" : "saving" });
  }
  const errorsHere = unsaved.filter((u) => u.kind === "error");

  const act = async (action: "submit" | "withdraw") => {
    setActionError(null);
    if (action === "submit") {
      if (errorsHere.length || cross.size) return setActionError(tf("Còn {n} giá trị chưa lưu hoặc chưa hợp lệ (xem danh sách ở đầu biểu mẫu); sửa rồi nộp lại.", { n: Math.max(errorsHere.length, cross.size) }));
      now();
      setBusy(t("Đang gửi số liệu…"));
      await box.flush();
      if (box.pending().some((p) => p.unitId === unitId && p.period === period)) {
        setBusy(null);
        return setActionError(t("Chưa gửi được hết số liệu lên máy chủ (mất kết nối?). Báo cáo sẽ nộp được khi số liệu đã lưu."));
      }
      if ([...box.state().errors.keys()].some((k) => k.startsWith(`${unitId}|${period}|`)) || figureConflicts().size) {
        setBusy(null);
        return setActionError(t("Có số liệu máy chủ không nhận; sửa rồi nộp lại."));
      }
    }
    setBusy(action === "submit" ? t("Đang nộp báo cáo…") : t("Đang rút lại…"));
    try {
      await api<Submission>("POST", `/api/submissions/${unitId}/${period}/${action}`, {});
      requestFocusStatus();
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
    const rule = disagg === "" ? blockingRule(indicator) : undefined;
    const warn = disagg === "" ? broken.get(indicator)?.find((x) => x.allowed) : undefined;
    const refusal = refusals.get(okey(k));
    const err = fieldErrs.get(k) ?? rule?.text ?? (disagg === "" ? cross.get(indicator) : undefined) ?? boxState.errors.get(okey(k));
    const fid = fieldId(indicator, disagg);
    const c = figureConflicts().get(okey(k));
    const stored = held.get(okey(k));
    // A rule that a comment may explain asks for it here (on the rule's left side, or where the server refused).
    const askWhy = disagg === "" && ((rule?.rule.allowWithComment && rule.rule.left === indicator) || (!rule && refusal?.code === "RULE_VIOLATED" && (refusal.details as { allowWithComment?: boolean } | undefined)?.allowWithComment));
    const flagId = `${fid}-flag`;
    return (
      <div class={`field${err ? " invalid" : ""}${stored?.flag && !dirty(k) ? " flagged" : ""}`}>
        <label for={fid}>{label}</label>
        <input
          id={fid} class="num" inputMode="decimal" autocomplete="off" value={raw.get(k) ?? ""} disabled={locked}
          aria-invalid={err ? true : undefined}
          aria-describedby={[...describedBy, err ? `${fid}-err` : "", warn ? `${fid}-warn` : "", stored?.flag ? flagId : ""].filter(Boolean).join(" ") || undefined}
          onInput={(e) => onInput(k, (e.target as HTMLInputElement).value)}
          onChange={(e) => onCommit(k, (e.target as HTMLInputElement).value)}
          onKeyDown={enterToNext}
        />
        {err && <span class="field-error" id={`${fid}-err`}>{err}</span>}
        {warn && !err && <span class="field-warn" id={`${fid}-warn`}>{warn.text}</span>}
        {!dirty(k) && <FlagNote stored={stored} id={flagId} />}
        {askWhy && <RuleComment fid={fid} message={err ?? ""} initial={notes.get(k) ?? ""} locked={locked} onSend={(why) => { box.dismiss(okey(k)); onNote(k, why, 0); }} />}
        {c && (
          <ConflictPanel headingId={`${fid}-conflict`} note={c.current?.updatedAt ? tf("Giá trị trên máy chủ được lưu lúc {at}.", { at: new Date(c.current.updatedAt).toLocaleString("vi-VN") }) : undefined}
            rows={[{ label, mine: num(c.mine.value), theirs: c.current ? num(c.current.value) : "" }]} onMine={() => keepMine(box, okey(k))} onTheirs={() => theirs(k)} />
        )}
      </div>
    );
  };

  return (
    <form class="report" onSubmit={(e) => e.preventDefault()} aria-busy={busy ? true : undefined}>
      <div class={`status-banner ${sub.status}`} role={sub.status === "returned" ? "alert" : undefined} tabIndex={-1} ref={statusRef}>
        <strong>{t("Trạng thái:")} {statusLabel(sub.status)}</strong>
        {sub.status === "returned" && sub.returnReason && <p class="reason">{t("Lý do trả lại:")} <q>{sub.returnReason}</q></p>}
        {writes ? <>
          {sub.status === "submitted" && <p>{t("Số liệu đã khóa trong khi chờ duyệt. Muốn sửa, hãy rút lại báo cáo.")}</p>}
          {sub.status === "approved" && <p>{t("Báo cáo đã được phê duyệt; số liệu đã khóa.")}</p>}
        </> : <ReaderNote status={sub.status} />}
      </div>
      {writes && <SaveState s={boxState} unsaved={unsaved} />}
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
              <div class={`indicator${held.get(okey(k))?.flag ? " flagged" : ""}`} data-indicator={ind.key}>
                {field(ind.key, "", `${ind.label} (${ind.unit})`, n === undefined ? [prevId] : [prevId, countId])}
                <span class="prev" id={prevId}>{form.previous.label}: <strong>{num(form.previousValues[ind.key])}</strong></span>
                <FigureExtras fid={fieldId(ind.key, "")} label={ind.label} stored={held.get(okey(k))} comment={notes.get(k) ?? ""} estimated={est.has(k)} locked={locked}
                  onComment={(c) => onNote(k, c)} onEstimated={(on) => onEst(k, on)} />
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
