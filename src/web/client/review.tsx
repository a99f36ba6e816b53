/**
 * Review: the submitted reports of sub-units waiting for a decision; one report opened read-only
 * with last period's values beside this period's; approve, or return with a reason the reporter
 * will see on their form.
 */
import { useState } from "preact/hooks";
import { SECTIONS } from "../../indicators/catalog.ts";
import { api, get, qs, type FormData, type Me, type Submission } from "./api.ts";
import { useCounted } from "./entry.tsx";
import { NARRATIVE } from "./entry-form.tsx";
import { parsePeriod, periodLabel } from "../../core/period.ts";
import { ErrorBox, PeriodPicker, Show, go, href, lastEndedQuarter, num, statusLabel, t, tf, tl, useLoad, useRoute } from "./ui.tsx";
import { periodShort } from "./labels.ts";
import { UnitSwitch } from "./unit-picker.tsx";

/** "quý II năm 2026" (the code itself when it is not a period). */
const periodName = (id: string) => { try { return periodLabel(parsePeriod(id)); } catch { return id; } };

/** The unit's form (read-only where the role does not write) and its report, for one period. */
function UnitLinks({ unit, period }: { unit: { id: number; fullName: string }; period: string }) {
  const of = <span class="sr-only"> {tf("của {unit} kỳ {period}", { unit: unit.fullName, period: periodName(period) })}</span>;
  return (
    <span class="unit-links">
      <a href={href("/entry", { unit: unit.id, period })}>{t("Biểu mẫu")}{of}</a>
      {" · "}
      <a href={href("/reports", { unit: unit.id, period })}>{t("Báo cáo")}{of}</a>
    </span>
  );
}

const dateVi = (iso: string | null) => (iso ? new Date(iso).toLocaleString("vi-VN", { dateStyle: "short", timeStyle: "short" }) : "—");

type QueueItem = Submission & { waitingSince: string | null; waitingDays: number };
type QueueState = "submitted" | "returned" | "approved";

/**
 * The queue's filters, kept in the address (so "back to the list" and "next" keep them): state,
 * sub-unit, sort and the period (`inPeriod`; `period` names the report opened).
 */
function useFilters() {
  const { params } = useRoute();
  const state = (["submitted", "returned", "approved"].includes(params.get("state") ?? "") ? params.get("state") : "submitted") as QueueState;
  const inPeriod = params.get("inPeriod") ?? "";
  return { state, sub: params.get("sub") ?? "", sort: params.get("sort") === "newest" ? "newest" : "oldest", inPeriod: /^\d{4}\w{0,3}$/.test(inPeriod) ? inPeriod : "" };
}
type Filters = ReturnType<typeof useFilters>;

/** The filters as address parameters (defaults left out). */
const kept = (f: Filters) => ({ state: f.state === "submitted" ? undefined : f.state, sub: f.sub, sort: f.sort === "oldest" ? undefined : f.sort, inPeriod: f.inPeriod });

/** Opens the longest waiting report other than `after` ("unitId/period"); says so when none is left. */
async function openNext(f: Filters, after?: string): Promise<string | null> {
  const { next } = await get<{ next: QueueItem | null }>(`/api/reviews/next?${qs({ state: f.state, unitId: f.sub, period: f.inPeriod, after })}`);
  if (!next) return t("Không còn báo cáo nào chờ duyệt theo bộ lọc này.");
  go("/review", { ...kept(f), unit: next.unit.id, period: next.period });
  return null;
}

function NextButton({ after }: { after?: string }) {
  const f = useFilters();
  const [msg, setMsg] = useState<string | null>(null);
  return (
    <>
      <button class="primary next" onClick={async () => setMsg(await openNext(f, after).catch((e: unknown) => (e instanceof Error ? e.message : String(e))))}>
        {after ? t("Báo cáo tiếp theo →") : t("Mở báo cáo chờ lâu nhất")}
      </button>
      {msg && <p class="muted" role="status">{msg}</p>}
    </>
  );
}

const STATES: Array<[QueueState, string]> = [["submitted", tl("Chờ duyệt")], ["returned", tl("Đã trả lại")], ["approved", tl("Đã phê duyệt")]];

function Queue({ me }: { me: Me }) {
  const f = useFilters();
  const [s] = useLoad(`queue|${f.state}|${f.sub}|${f.sort}|${f.inPeriod}`, () => get<QueueItem[]>(`/api/reviews?${qs({ state: f.state, unitId: f.sub, sort: f.sort, period: f.inPeriod })}`));
  const set = (k: string, v: string) => go("/review", { ...kept(f), [k]: v });
  return (
    <>
      <div class="controls queue-filters">
        <div><label for="q-state">{t("Trạng thái")}</label>
          <select id="q-state" value={f.state} onChange={(e) => set("state", (e.target as HTMLSelectElement).value)}>
            {STATES.map(([k, l]) => <option value={k}>{t(l)}</option>)}
          </select></div>
        <div><label for="q-sort">{t("Sắp xếp")}</label>
          <select id="q-sort" value={f.sort} onChange={(e) => set("sort", (e.target as HTMLSelectElement).value)}>
            <option value="oldest">{t("Chờ lâu nhất trước")}</option>
            <option value="newest">{t("Mới nhất trước")}</option>
          </select></div>
        <div class="check"><label><input type="checkbox" checked={!!f.inPeriod} onChange={() => set("inPeriod", f.inPeriod ? "" : lastEndedQuarter())} /> {t("Lọc theo kỳ")}</label></div>
        {f.inPeriod && <PeriodPicker id="q-period" value={f.inPeriod} onChange={(p) => set("inPeriod", p)} noFuture />}
        {f.state === "submitted" && <div><NextButton /></div>}
        {/* Any unit in scope, at any depth; the user's own unit is "every unit". A period that has
            ended offers the units of its last day (2024: the districts and communes then). */}
        <UnitSwitch id="q-unit" period={f.inPeriod || null} summary={t("Lọc theo đơn vị trực thuộc")} value={Number(f.sub) || me.user.unitId} onPick={(id) => set("sub", id === me.user.unitId ? "" : String(id))} />
        {f.sub && <a href={href("/review", { ...kept(f), sub: undefined })}>{t("Tất cả đơn vị")}</a>}
      </div>
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{f.state === "submitted" ? t("Không có báo cáo nào đang chờ duyệt.") : t("Không có báo cáo nào theo bộ lọc này.")}</p> : (
        <div class="table-wrap">
          <table class="queue">
            <caption class="sr-only">{t("Báo cáo chờ duyệt")}</caption>
            <thead><tr><th scope="col">{t("Đơn vị")}</th><th scope="col">{t("Kỳ")}</th><th scope="col">{f.state === "submitted" ? t("Nộp lúc") : t("Quyết định lúc")}</th><th scope="col" class="n">{t("Số ngày chờ")}</th><th scope="col"><span class="sr-only">{t("Thao tác")}</span></th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td class="unit">{r.unit.fullName}</td><td data-label={t("Kỳ")}>{periodShort(r.period)}</td><td data-label={f.state === "submitted" ? t("Nộp lúc") : t("Quyết định lúc")}>{dateVi(r.waitingSince)}</td><td class="n" data-label={t("Số ngày chờ")}>{r.waitingDays}</td>
                  <td><a href={href("/review", { ...kept(f), unit: r.unit.id, period: r.period })}>{f.state === "submitted" ? t("Xem và duyệt") : t("Xem")}<span class="sr-only"> {tf("báo cáo {unit} kỳ {period}", { unit: r.unit.fullName, period: periodShort(r.period) })}</span></a>
                    {" · "}<UnitLinks unit={r.unit} period={r.period} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}</Show>
    </>
  );
}

function Decision({ form, done }: { form: FormData; done: () => Promise<void> }) {
  const [reason, setReason] = useState("");
  const [returning, setReturning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (action: "approve" | "return") => {
    if (action === "return" && !reason.trim()) return setError(t("Cần ghi lý do trả lại để đơn vị biết phải sửa gì."));
    setBusy(true);
    setError(null);
    try {
      await api("POST", `/api/submissions/${form.unit.id}/${form.period.id}/${action}`, action === "return" ? { reason } : {});
      await done();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  if (form.submission.status !== "submitted") return <p class="muted">{tf("Báo cáo đang ở trạng thái \"{status}\", không cần duyệt.", { status: statusLabel(form.submission.status) })}</p>;
  return (
    <div class="decision" aria-busy={busy ? true : undefined}>
      {error && <p class="error" role="alert">{error}</p>}
      {returning ? (
        <>
          <label for="reason">{t("Lý do trả lại")}</label>
          <textarea id="reason" rows={3} value={reason} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} required />
          <div class="actions">
            <button class="primary" disabled={busy} onClick={() => act("return")}>{t("Gửi trả lại")}</button>
            <button disabled={busy} onClick={() => setReturning(false)}>{t("Hủy")}</button>
          </div>
        </>
      ) : (
        <div class="actions">
          <button class="primary" disabled={busy} onClick={() => act("approve")}>{t("Phê duyệt")}</button>
          <button disabled={busy} onClick={() => setReturning(true)}>{t("Trả lại")}…</button>
        </div>
      )}
    </div>
  );
}

function Detail({ unitId, period }: { unitId: number; period: string }) {
  const [s, reload] = useLoad(`${unitId}|${period}`, () => get<FormData>(`/api/dashboard/form?${qs({ unitId, period })}`));
  const counted = useCounted(unitId, period);
  const [doneMsg, setDoneMsg] = useState<string | null>(null);
  const flt = useFilters();
  return (
    <Show s={s}>{(f) => {
      const values = new Map(f.figures.filter((x) => x.disagg === "").map((x) => [x.indicator, x.value]));
      // What the unit's registers count, beside what it reported: a reviewer sees where they differ.
      const cols = counted.size ? 4 : 3;
      const groups = Object.entries(SECTIONS).map(([k, label]) => ({ label, rows: f.indicators.filter((i) => i.section === k && (values.has(i.key) || f.previousValues[i.key] !== null || (counted.get(i.key) ?? 0) > 0)) })).filter((g) => g.rows.length);
      const differs = (key: string) => counted.has(key) && values.has(key) && values.get(key) !== counted.get(key);
      const flagged = [...counted.keys()].filter(differs).length;
      return (
        <article class="review-detail">
          <h2>{f.unit.fullName} — {f.period.label}</h2>
          <p>{t("Trạng thái:")} <strong>{statusLabel(f.submission.status)}</strong>{f.submission.submittedAt ? tf(", nộp lúc {time}", { time: dateVi(f.submission.submittedAt) }) : ""}</p>
          <p><UnitLinks unit={f.unit} period={f.period.id} /></p>
          <UnitSwitch id="rv-unit" period={f.period.id} value={f.unit.id} onPick={(id) => go("/review", { ...kept(flt), unit: id, period })} />
          {doneMsg && <p class="ok" role="status">{doneMsg}</p>}
          <div class="actions"><NextButton after={`${unitId}/${period}`} /></div>
          <Decision form={f} done={async () => { await reload(); setDoneMsg(t("Đã ghi nhận quyết định.")); }} />
          {flagged > 0 && <p class="note" role="note">{tf("{n} chỉ tiêu có số báo cáo khác số sổ theo dõi đếm được (đánh dấu ≠).", { n: flagged })}</p>}
          <div class="table-wrap">
            <table class="all">
              <thead><tr><th scope="col">{t("Chỉ tiêu")}</th><th scope="col" class="n">{f.period.label}</th><th scope="col" class="n">{f.previous.label}</th>{counted.size > 0 && <th scope="col" class="n">{t("Sổ theo dõi đếm được")}</th>}</tr></thead>
              {groups.map((g) => (
                <tbody>
                  <tr class="sec"><th colSpan={cols} scope="rowgroup">{t(g.label)}</th></tr>
                  {g.rows.map((i) => (
                    <tr data-indicator={i.key} class={differs(i.key) ? "differs" : undefined}>
                      <th scope="row">{i.label} <small>({i.unit})</small></th><td class="n">{num(values.get(i.key))}</td><td class="n">{num(f.previousValues[i.key])}</td>
                      {counted.size > 0 && <td class="n">{num(counted.get(i.key))}{differs(i.key) && <span class="flag"> ≠<span class="sr-only"> {t("khác số báo cáo")}</span></span>}</td>}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </div>
          {NARRATIVE.filter(([k]) => f.submission.narrative[k]?.trim()).map(([k, label]) => (
            <section class="narr"><h3>{t(label)}</h3><p>{f.submission.narrative[k]}</p></section>
          ))}
        </article>
      );
    }}</Show>
  );
}

export function ReviewPage({ me }: { me: Me }) {
  const { params } = useRoute();
  const unit = Number(params.get("unit"));
  const period = params.get("period");
  const f = useFilters();
  return (
    <div class="review">
      <div class="page-head"><h1>{t("Duyệt báo cáo")}</h1></div>
      {unit && period ? (
        <>
          <p><a href={href("/review", kept(f))}>{t("← Danh sách chờ duyệt")}</a></p>
          {Number.isFinite(unit) ? <Detail unitId={unit} period={period} /> : <ErrorBox error={t("Đường dẫn không hợp lệ.")} />}
        </>
      ) : <Queue me={me} />}
    </div>
  );
}
