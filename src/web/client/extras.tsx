/**
 * Pages over features other parts of danvan provide (report reader, report writer).
 * Each page asks /api/openapi.json whether its endpoint exists and otherwise says so plainly.
 */
import { useState } from "preact/hooks";
import { api, get, hasEndpoint, qs, type Me } from "./api.ts";
import { UnitSwitch } from "./unit-picker.tsx";
import { JumpLink, PeriodPicker, Show, go, href, lastEndedQuarter, t, tf, tl, useLoad, useRoute } from "./ui.tsx";

export function Pending({ what, endpoint }: { what: string; endpoint: string }) {
  return (
    <div class="placeholder" role="note">
      <p><strong>{what}</strong> {t("đang được xây dựng.")}</p>
      <p class="muted">{t("Trang này sẽ hoạt động khi máy chủ có")} <code>{endpoint}</code>.</p>
    </div>
  );
}

export { ImportPage } from "./import-page.tsx";

type ReportSection = import("../../reports/narrative.ts").NarrativeSection;
type Preview = {
  title: string; summary: string; numberLine: string; hasEstimates: boolean; issued: boolean; date: string; dateNote: string;
  issuer: { title: string };
  unit: { level: string };
  asOf: string;
  basis: "approved" | "submitted" | "all";
  sections: ReportSection[];
  missing: Array<{ key: string; heading: string; status: "empty" | "draft" }>;
  discrepancies: Array<{ indicator: string; explanation: string }>;
  news: { title: string; paragraphs: string[] };
};

/**
 * A download that shows its progress ("Đang tạo …") while the server writes the file, and the
 * server's Vietnamese error in the page instead of a failed browser download.
 */
function Download({ url, label, what, class: cls }: { url: string; label: string; what: string; class: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(url, { credentials: "same-origin" }).catch(() => null);
      if (!res) throw new Error(t("Mất kết nối tới máy chủ; chưa tải được tệp."));
      if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message ?? tf("Lỗi {status}", { status: res.status }));
      const cd = res.headers.get("content-disposition") ?? "";
      const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
      const name = utf8 ? decodeURIComponent(utf8) : /filename="?([^";]+)"?/.exec(cd)?.[1] ?? "bao-cao";
      const blobUrl = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = blobUrl;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(blobUrl), 10_000);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <a class={cls} href={url} onClick={run} aria-busy={busy ? true : undefined}>{label}</a>
      {busy && <span class="loading" role="status"><span class="spinner" aria-hidden="true" />{tf("Đang tạo {what}…", { what })}</span>}
      {error && <span class="error" role="alert">{error}</span>}
    </>
  );
}

const BASIS_NOTE: Record<"approved" | "submitted" | "all", string> = {
  approved: tl("Số liệu: chỉ báo cáo đã duyệt."),
  submitted: tl("Số liệu: báo cáo đã nộp và đã duyệt."),
  all: tl("Số liệu: tất cả số liệu đã nhập."),
};

const STATUS_NOTE: Record<string, string> = {
  draft: tl("Bản nháp từ số liệu — chưa được chấp nhận"),
  empty: tl("Chưa có số liệu và nội dung"),
  accepted: tl("Đã chấp nhận bản nháp"),
  written: tl("Do người viết"),
  data: tl("Viết từ số liệu"),
};

/** One section of the preview: its text, its status and what a person can do with it. */
function SectionView({ x, canWrite, decide }: { x: ReportSection; canWrite: boolean; decide: (section: string, action: "accept" | "write" | "reset", text?: string) => Promise<void> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const H = x.depth === 0 ? "h3" : "h4";
  const leaf = x.kind === "data" || x.kind === "judgement";
  const state = leaf ? x.status : "";
  return (
    <section class={`doc-sec d${x.depth}${state === "draft" || state === "empty" ? " pending" : ""}`} id={`sec-${x.key}`} aria-labelledby={`h-${x.key}`}>
      {x.key !== "tasks" && <H id={`h-${x.key}`}>{x.number ? `${x.number}. ` : ""}{x.heading}</H>}
      {x.key === "tasks" && <h4 id={`h-${x.key}`} class="sr-only">{x.heading}</h4>}
      {leaf && <p class={`sec-status ${state}`}>{t(STATUS_NOTE[state] ?? "")}{x.stale ? ` — ${t("số liệu đã thay đổi từ khi chấp nhận; hãy xem lại")}` : ""}</p>}
      {x.paragraphs.map((para) => <p class={para.source}>{para.text}</p>)}
      {leaf && canWrite && editing === null && (
        <p class="actions sec-actions">
          {state === "draft" && <button class="primary" onClick={() => decide(x.key, "accept", x.draft ?? "")}>{t("Chấp nhận bản nháp")}</button>}
          <button onClick={() => setEditing(x.decided || state === "draft" ? x.paragraphs.map((p) => p.text).join("\n\n") : "")}>{state === "empty" ? t("Viết phần này") : t("Sửa")}</button>
          {x.decided && <button onClick={() => decide(x.key, "reset")}>{x.draft ? t("Quay lại bản nháp") : t("Xóa nội dung đã viết")}</button>}
        </p>
      )}
      {editing !== null && (
        <div class="sec-edit">
          <label for={`edit-${x.key}`}>{tf("Nội dung phần \"{heading}\"", { heading: x.heading })}</label>
          <textarea id={`edit-${x.key}`} rows={8} value={editing} onInput={(e) => setEditing((e.target as HTMLTextAreaElement).value)} />
          <p class="actions">
            <button class="primary" disabled={!editing.trim()} onClick={async () => { await decide(x.key, "write", editing); setEditing(null); }}>{t("Lưu")}</button>
            <button onClick={() => setEditing(null)}>{t("Hủy")}</button>
          </p>
        </div>
      )}
    </section>
  );
}

/**
 * Report preview and downloads (.docx, .pdf, .xlsx, news page). Drafts written from the data are
 * marked until a person accepts or rewrites them; empty sections and figures that contradict each
 * other are listed; "Ban hành" (issue) is offered once nothing is missing.
 */
export function ReportsPage({ me }: { me: Me }) {
  const { params } = useRoute();
  const unitId = Number(params.get("unit")) || me.user.unitId;
  const period = params.get("period") || lastEndedQuarter();
  const body = params.get("body") === "state" ? "state" : "party";
  const q = qs({ unitId, period, body });
  const [s, reload] = useLoad(q, async () => ((await hasEndpoint("/api/reports/preview")) ? get<Preview>(`/api/reports/preview?${q}`) : null));
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const canWrite = me.abilities.includes("figures.write");
  const canIssue = me.abilities.includes("submissions.submit");
  const decide = async (section: string, action: "accept" | "write" | "reset", text?: string) => {
    setMsg(null);
    try {
      await api("POST", "/api/reports/sections", { unitId, period, body, section, action, ...(text !== undefined ? { text } : {}) });
      await reload();
      setMsg({ ok: true, text: action === "accept" ? t("Đã chấp nhận bản nháp.") : action === "write" ? t("Đã lưu nội dung.") : t("Đã quay lại bản nháp.") });
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  const issue = async () => {
    setBusy(true);
    setMsg(null);
    try {
      const r = await api<{ numberLine: string }>("POST", "/api/reports/issue", { unitId, period, body });
      await reload();
      setMsg({ ok: true, text: tf("Đã ban hành: {number}.", { number: r.numberLine }) });
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="reports"><div class="page-head"><h1>{t("Báo cáo")}</h1>
      <div class="controls">
        <PeriodPicker id="rep-period" value={period} onChange={(p) => go("/reports", { unit: params.get("unit"), period: p, body })} />
        <UnitSwitch id="rep-unit" period={period} value={unitId} onPick={(id) => go("/reports", { unit: id === me.user.unitId ? undefined : id, period, body })} />
        <label for="rep-body">{t("Thể thức")}</label>
        <select id="rep-body" value={body} onChange={(e) => go("/reports", { unit: params.get("unit"), period, body: (e.target as HTMLSelectElement).value })}>
          <option value="party">{t("Văn bản Đảng (HD 36-HD/VPTW)")}</option><option value="state">{t("Văn bản Nhà nước (NĐ 30/2020)")}</option>
        </select>
      </div></div>
      <Show s={s}>{(p) => !p ? <Pending what={t("Viết báo cáo và tải về .docx, .xlsx")} endpoint="GET /api/reports" /> : (
        <>
          <p class="actions">
            <Download class="button primary" url={`/api/reports?${q}&format=docx`} label={t("Tải về Word (.docx)")} what={t("văn bản Word")} />
            <Download class="button" url={`/api/reports?${q}&format=pdf`} label={t("Tải về PDF")} what={t("tệp PDF")} />
            <Download class="button" url={`/api/reports?${q}&format=xlsx`} label={t("Tải bảng số liệu (.xlsx)")} what={t("bảng số liệu")} />
            {p.unit.level === "province" && p.asOf < "2025-07-01" && <Download class="button" url={`/api/reports?${q}&format=xlsx&rows=communes`} label={t("Bảng số liệu theo từng xã (.xlsx)")} what={t("bảng số liệu")} />}
            <Download class="button" url={`/api/reports?${q}&format=html`} label={t("Tải tin bài (.html)")} what={t("tin bài")} />
            <a href={href("/entry", { unit: params.get("unit"), period })}>{canWrite ? t("Sửa phần thuyết minh") : t("Xem phần thuyết minh")}</a>
          </p>
          <p class="muted small">{tf("{issuer}, ngày văn bản {date}: {why}", { issuer: p.issuer.title, date: p.date.split("-").reverse().join("/"), why: p.dateNote })} {t(BASIS_NOTE[p.basis])}</p>
          {msg && <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p>}
          {p.missing.length > 0 && !p.issued && (
            <div class="note" role="note" aria-labelledby="h-missing">
              <h2 id="h-missing" class="small">{tf("Chưa ban hành được: còn {n} phần chưa xong", { n: p.missing.length })}</h2>
              <ul>{p.missing.map((m) => <li><JumpLink to={`sec-${m.key}`}>{m.heading}</JumpLink> — {m.status === "draft" ? t("bản nháp chưa được chấp nhận") : t("chưa có số liệu và nội dung")}</li>)}</ul>
            </div>
          )}
          {p.discrepancies.length > 0 && (
            <div class="note" role="note" aria-labelledby="h-diff">
              <h2 id="h-diff" class="small">{tf("Số liệu vênh nhau ({n}): cần đối chiếu", { n: p.discrepancies.length })}</h2>
              <ul>{p.discrepancies.map((d) => <li>{d.explanation}</li>)}</ul>
            </div>
          )}
          {canIssue && (
            <p class="actions">
              {p.issued ? <span class="ok">{tf("Đã ban hành: {number}.", { number: p.numberLine })}</span>
                : <button class="primary" disabled={busy || p.missing.length > 0} onClick={issue} title={p.missing.length ? t("Cần viết hoặc chấp nhận mọi phần trước khi ban hành") : undefined}>{t("Ban hành")}</button>}
            </p>
          )}
          <article class="doc">
            <p class="muted small">{p.numberLine}</p>
            <h2 class="doc-title">{p.title}</h2>
            <p class="doc-summary">{p.summary}</p>
            {p.hasEstimates && <p class="note">{t("Báo cáo có số liệu ước thực hiện.")}</p>}
            {p.sections.map((x) => <SectionView x={x} canWrite={canWrite && !p.issued} decide={decide} />)}
          </article>
          <section class="news-preview" aria-labelledby="h-news">
            <h2 id="h-news">{t("Tin bài")}</h2>
            <h3>{p.news.title}</h3>
            {p.news.paragraphs.map((x) => <p>{x}</p>)}
          </section>
        </>
      )}</Show>
    </div>
  );
}
