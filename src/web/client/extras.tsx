/**
 * Pages over features other parts of danvan provide (report reader, report writer).
 * Each page asks /api/openapi.json whether its endpoint exists and otherwise says so plainly.
 */
import { useState } from "preact/hooks";
import { api, get, hasEndpoint, qs, type Me } from "./api.ts";
import { parseNumber } from "./validate.ts";
import { PeriodPicker, Show, go, href, lastEndedQuarter, t, tf, tl, useLoad, useRoute } from "./ui.tsx";

function Pending({ what, endpoint }: { what: string; endpoint: string }) {
  return (
    <div class="placeholder" role="note">
      <p><strong>{what}</strong> {t("đang được xây dựng.")}</p>
      <p class="muted">{t("Trang này sẽ hoạt động khi máy chủ có")} <code>{endpoint}</code>.</p>
    </div>
  );
}

type Extracted = import("../../extract/extract.ts").ExtractResult;
type DocResult = import("../../extract/extract.ts").DocumentResult;
type BatchItem = import("../../extract/batch.ts").BatchItem;
type Row = Extracted["figures"][number] & { accept: boolean; raw: string; doc: number };
/** One document of the review queue, with the unit and period its figures are saved under. */
type Doc = { name: string; hash: string; source: string; scope: Extracted["scope"]; unitCode: string; period: string; kind: string };

/** The text with every extracted figure highlighted (rejected ones struck through). */
function Highlighted({ text, rows }: { text: string; rows: Array<Row & { at: number }> }) {
  const parts: preact.JSX.Element[] = [];
  let at = 0;
  rows.forEach((r) => {
    if (r.start < at) return;
    parts.push(<>{text.slice(at, r.start)}</>);
    parts.push(<mark class={r.accept ? "" : "rejected"} id={`fig-${r.at}`} title={r.indicator ?? t("chưa gán chỉ tiêu")}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  });
  parts.push(<>{text.slice(at)}</>);
  return <div class="extract-text">{parts}</div>;
}

const READABLE = ".docx,.txt,.xlsx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.zip";

async function base64Of(f: File): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Reads a .zip of reports through POST /api/extract/batch, hearing each document as the server reads it. */
async function readZip(f: File, onItem: (item: BatchItem, done: number, total: number) => void): Promise<void> {
  const res = await fetch("/api/extract/batch", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ fileBase64: await base64Of(f), name: f.name }) });
  if (!res.ok || !res.body) {
    const err = ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message;
    throw new Error(err ?? tf("Lỗi {status}", { status: res.status }));
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buf += value;
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as { item?: BatchItem; done?: number; total?: number; error?: { message: string } };
      buf = buf.slice(nl + 1);
      if (line.error) throw new Error(line.error.message);
      if (line.item) onItem(line.item, line.done!, line.total!);
    }
    if (done) break;
  }
}

/**
 * Paste an old report, or choose files (several, a folder's worth, or a .zip of reports: .docx,
 * .xlsx, .pdf, scans, .txt); every figure read from them lands in one review queue, each with its
 * document, page and passage. The same document chosen twice is read once. Figures read by OCR and
 * figures of a table row for another place start unchecked: a person checks them against the page.
 */
export function ImportPage({ me }: { me: Me }) {
  void me;
  const [ok] = useLoad("extract", () => hasEndpoint("/api/extract"));
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [docs, setDocs] = useState<Doc[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [skipped, setSkipped] = useState<Array<{ name: string; why: string }>>([]);
  const [shown, setShown] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [cat] = useLoad("catalog", () => get<{ indicators: Array<{ key: string; label: string; denominator: string | null }> }>("/api/indicators"));
  const read = async () => {
    setBusy(t("Đang đọc số liệu trong văn bản…"));
    setMsg(null);
    const newDocs: Doc[] = [];
    const newRows: Row[] = [];
    const skip: Array<{ name: string; why: string }> = [];
    const hashes = new Set<string>();
    const add = (name: string, r: Extracted & Partial<Pick<DocResult, "document" | "text">>, source: string) => {
      const hash = r.document?.hash ?? "";
      if (hash && hashes.has(hash)) return void skip.push({ name, why: t("trùng với một văn bản đã chọn, bỏ qua") });
      if (hash) hashes.add(hash);
      const d = newDocs.length;
      // A report often repeats a figure (or gives last year's beside it): only the first mention of
      // each indicator is taken by default; the user can choose another.
      const seen = new Set<string>();
      for (const f of r.figures) {
        const accept = f.indicator !== null && !seen.has(f.indicator) && f.confidence === undefined && !f.place;
        if (f.indicator) seen.add(f.indicator);
        newRows.push({ ...f, accept, raw: String(f.value).replace(".", ","), doc: d });
      }
      newDocs.push({ name, hash, source, scope: r.scope, unitCode: r.scope.unitCode ?? "", period: r.scope.period ?? "", kind: r.document?.kind ?? "text" });
    };
    try {
      if (files.length === 0) {
        add(t("văn bản dán vào"), await api<Extracted>("POST", "/api/extract", { text }), text);
      } else {
        const total = files.length;
        for (let i = 0; i < files.length; i++) {
          const f = files[i]!;
          setProgress({ done: i, total });
          setBusy(tf("Đang đọc {done}/{total}: {name}", { done: i + 1, total, name: f.name }));
          try {
            if (/\.zip$/i.test(f.name)) {
              await readZip(f, (item, done, n) => {
                setBusy(tf("Đang đọc {done}/{total}: {name}", { done, total: n, name: item.name }));
                if (item.status === "ok") add(item.name, item.result, item.result.text);
                else skip.push({ name: item.name, why: item.status === "duplicate" ? t("trùng với một văn bản đã chọn, bỏ qua") : item.error.message });
              });
            } else {
              // Every file goes as bytes (a .txt too): the server reads its kind and hashes it.
              const r = await api<DocResult>("POST", "/api/extract", { fileBase64: await base64Of(f), name: f.name });
              add(f.name, r, r.text);
            }
          } catch (e) {
            skip.push({ name: f.name, why: e instanceof Error ? e.message : String(e) });
          }
        }
        setProgress({ done: total, total });
      }
      setDocs(newDocs);
      setRows(newRows);
      setSkipped(skip);
      setShown(0);
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const updateDoc = (i: number, patch: Partial<Doc>) => setDocs(docs.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const save = async () => {
    const chosen = rows.filter((r) => r.accept && r.indicator);
    const lines: Array<{ unitCode: string; period: string; indicator: string | null; value: number | null; kind: string; source: object }> = [];
    const dens = new Map(cat.state === "ok" ? cat.data.indicators.map((x) => [x.key, x.denominator]) : []);
    for (let d = 0; d < docs.length; d++) {
      const doc = docs[d]!;
      const mine = chosen.filter((r) => r.doc === d);
      if (mine.length === 0) continue;
      if (!doc.unitCode || !doc.period) return setMsg({ ok: false, text: t("Cần mã đơn vị và kỳ báo cáo trước khi lưu.") + (docs.length > 1 ? ` (${doc.name})` : "") });
      const periodOf = (r: Row) => r.period ?? doc.period;
      const dup = mine.find((r, i) => mine.findIndex((x) => x.indicator === r.indicator && periodOf(x) === periodOf(r)) !== i);
      if (dup) return setMsg({ ok: false, text: tf("Chỉ tiêu \"{indicator}\" được chọn nhiều lần (\"{text}\"); chỉ giữ một số liệu cho mỗi chỉ tiêu.", { indicator: dup.indicator ?? "", text: dup.text }) });
      const bad = mine.find((r) => Number.isNaN(parseNumber(r.raw)) || parseNumber(r.raw) === null);
      if (bad) return setMsg({ ok: false, text: tf("Giá trị \"{value}\" không phải là số.", { value: bad.raw }) });
      const source = (r: Row) => ({ type: "extract", document: doc.name, text: r.text.slice(0, 2000), start: r.start, end: r.end, ...(r.page ? { page: r.page } : {}), ...(doc.hash ? { hash: doc.hash } : {}), ...(r.confidence !== undefined ? { ocrConfidence: r.confidence, reviewed: true } : {}) });
      const docLines = mine.map((r) => ({ unitCode: doc.unitCode, period: periodOf(r), indicator: r.indicator, value: parseNumber(r.raw), kind: "area", source: source(r) }));
      // "34/37 vụ": the 37 is the denominator's figure (mediation cases) unless another row gives it.
      for (const r of mine) {
        const den = r.indicator ? dens.get(r.indicator) : null;
        if (r.of !== null && den && !docLines.some((l) => l.indicator === den && l.period === periodOf(r))) docLines.push({ unitCode: doc.unitCode, period: periodOf(r), indicator: den, value: r.of, kind: "area", source: source(r) });
      }
      lines.push(...docLines);
    }
    if (lines.length === 0) return;
    setBusy(tf("Đang lưu {n} số liệu…", { n: lines.length }));
    try {
      await api("POST", "/api/figures", lines);
      const one = docs.length === 1 ? docs[0]! : null;
      setMsg({ ok: true, text: one ? tf("Đã lưu {n} số liệu của {unit}, kỳ {period}.", { n: lines.length, unit: one.scope.unit ?? one.unitCode, period: one.period })
        : tf("Đã lưu {n} số liệu từ {d} văn bản.", { n: lines.length, d: new Set(chosen.map((r) => r.doc)).size }) });
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };
  const onFiles = (e: Event) => {
    const list = Array.from((e.target as HTMLInputElement).files ?? []);
    setFiles(list);
  };
  const doc = docs[shown];
  const many = docs.length > 1;
  return (
    <div class="import"><div class="page-head"><h1>{t("Nhập từ văn bản")}</h1></div>
      <Show s={ok}>{(has) => !has ? <Pending what={t("Đọc số liệu từ báo cáo cũ")} endpoint="POST /api/extract" /> : (
        <>
          <section>
            <label for="imp-text">{t("Dán nội dung báo cáo")}</label>
            <textarea id="imp-text" rows={8} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} disabled={files.length > 0} />
            <label for="imp-file">{t("hoặc chọn tệp: một hay nhiều báo cáo, hoặc tệp .zip (.docx, .xlsx, .pdf, bản quét, .txt)")}</label>
            <input id="imp-file" type="file" multiple accept={READABLE} onChange={onFiles} />
            <p class="actions"><button class="primary" disabled={!!busy || (!text.trim() && files.length === 0)} onClick={read}>{t("Đọc số liệu")}</button></p>
          </section>
          {busy && <p class="loading" role="status"><span class="spinner" aria-hidden="true" />{busy}</p>}
          {busy && progress && progress.total > 1 && <progress max={progress.total} value={progress.done} aria-label={t("Tiến độ đọc")} />}
          {msg && <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p>}
          {skipped.length > 0 && (
            <details open><summary>{tf("{n} tệp không đọc", { n: skipped.length })}</summary>
              <ul class="skipped">{skipped.map((s) => <li><strong>{s.name}</strong>: {s.why}</li>)}</ul>
            </details>
          )}
          {docs.length > 0 && (
            <section aria-labelledby="h-found">
              <h2 id="h-found">{tf("Tìm thấy {n} số liệu", { n: rows.length })}{many ? " " + tf("trong {d} văn bản", { d: docs.length }) : doc?.scope.unit ? ` — ${doc.scope.unit}` : ""}</h2>
              <div class="table-wrap">
                <table class="docs">
                  <thead><tr><th scope="col">{t("Văn bản")}</th><th scope="col">{t("Đơn vị đọc được")}</th><th scope="col">{t("Mã đơn vị")}</th><th scope="col">{t("Kỳ")}</th><th scope="col">{t("Số liệu")}</th></tr></thead>
                  <tbody>{docs.map((d, i) => (
                    <tr class={i === shown ? "current" : ""}>
                      <td>{many ? <button class="link" onClick={() => setShown(i)} aria-pressed={i === shown}>{d.name}</button> : d.name}</td>
                      <td>{d.scope.unit ?? "—"}</td>
                      <td><input id={i === 0 ? "imp-unit" : undefined} aria-label={many ? `${t("Mã đơn vị")} — ${d.name}` : t("Mã đơn vị")} value={d.unitCode} onInput={(e) => updateDoc(i, { unitCode: (e.target as HTMLInputElement).value })} size={8} /></td>
                      <td><input aria-label={many ? `${t("Kỳ")} — ${d.name}` : t("Kỳ")} value={d.period} onInput={(e) => updateDoc(i, { period: (e.target as HTMLInputElement).value })} size={8} placeholder="2023" /></td>
                      <td class="num">{rows.filter((r) => r.doc === i).length}</td>
                    </tr>
                  ))}</tbody>
                </table>
              </div>
              {doc && doc.source ? <Highlighted text={doc.source} rows={rows.map((r, at) => ({ ...r, at })).filter((r) => r.doc === shown)} /> : null}
              <div class="table-wrap">
                <table class="extract">
                  <thead><tr><th scope="col">{t("Lấy")}</th>{many && <th scope="col">{t("Văn bản")}</th>}<th scope="col">{t("Đoạn văn")}</th><th scope="col">{t("Giá trị")}</th><th scope="col">{t("Chỉ tiêu")}</th></tr></thead>
                  <tbody>{rows.map((r, i) => (
                    <tr class={r.accept ? "" : "rejected"} data-duplicate={r.accept && r.indicator && rows.some((x, j) => j !== i && x.doc === r.doc && x.accept && x.indicator === r.indicator && x.period === r.period) ? "true" : undefined}>
                      <td><input type="checkbox" checked={r.accept} aria-label={tf("Lấy số liệu \"{text}\"", { text: r.text })} onChange={() => update(i, { accept: !r.accept })} /></td>
                      {many && <td>{docs[r.doc]!.name}</td>}
                      <td>
                        <a href={`#fig-${i}`} onClick={(e) => { e.preventDefault(); setShown(r.doc); setTimeout(() => document.getElementById(`fig-${i}`)?.scrollIntoView({ block: "center" }), 0); }}>{r.text}</a>
                        {r.page ? <span class="muted"> {tf("tr. {page}", { page: r.page })}</span> : null}
                        {r.place ? <span class="muted"> · {r.place}</span> : null}
                        {r.period ? <span class="muted"> · {r.period}</span> : null}
                        {r.confidence !== undefined ? <span class="badge warn" title={t("Số liệu nhận dạng từ bản quét: hãy đối chiếu với bản gốc trước khi lấy.")}> {tf("OCR {p}%", { p: Math.round(r.confidence * 100) })}</span> : null}
                      </td>
                      <td><input class="num" value={r.raw} aria-label={t("Giá trị")} size={10} onInput={(e) => update(i, { raw: (e.target as HTMLInputElement).value })} />{r.of !== null ? ` / ${r.of}` : ""} {r.unit ?? ""}</td>
                      <td>
                        <select aria-label={t("Chỉ tiêu")} value={r.indicator ?? ""} onChange={(e) => update(i, { indicator: (e.target as HTMLSelectElement).value || null })}>
                          <option value="">{t("— không gán —")}</option>
                          {cat.state === "ok" && cat.data.indicators.map((x) => <option value={x.key}>{x.label}</option>)}
                        </select>
                      </td>
                    </tr>
                  ))}</tbody>
                </table>
              </div>
              <p class="actions"><button class="primary" disabled={!!busy} onClick={save}>{tf("Lưu {n} số liệu đã chọn", { n: rows.filter((r) => r.accept && r.indicator).length })}</button></p>
            </section>
          )}
        </>
      )}</Show>
    </div>
  );
}

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
            <a href={href("/entry", { unit: params.get("unit"), period })}>{t("Sửa phần thuyết minh")}</a>
          </p>
          <p class="muted small">{tf("{issuer}, ngày văn bản {date}: {why}", { issuer: p.issuer.title, date: p.date.split("-").reverse().join("/"), why: p.dateNote })} {t(BASIS_NOTE[p.basis])}</p>
          {msg && <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p>}
          {p.missing.length > 0 && !p.issued && (
            <div class="note" role="note" aria-labelledby="h-missing">
              <h2 id="h-missing" class="small">{tf("Chưa ban hành được: còn {n} phần chưa xong", { n: p.missing.length })}</h2>
              <ul>{p.missing.map((m) => <li><a href={`#sec-${m.key}`} onClick={(e) => { e.preventDefault(); document.getElementById(`sec-${m.key}`)?.scrollIntoView({ block: "start" }); }}>{m.heading}</a> — {m.status === "draft" ? t("bản nháp chưa được chấp nhận") : t("chưa có số liệu và nội dung")}</li>)}</ul>
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
