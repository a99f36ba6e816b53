/**
 * Import from text: paste an old report, or choose files (several, a folder's worth, or a .zip of
 * reports: .docx, .xlsx, .pdf, scans, .txt); every figure read from them lands in one review queue,
 * each with its document, page and passage, and the value stored now for the same unit, period and
 * indicator beside it. The unit and period default to the user's unit and the current period. The
 * save button counts exactly the figures it saves (a "34/37" gives two), and an overwrite of a
 * stored value is asked about first, listing old → new. A long paste (megabytes) is read by the
 * server in parts of ~200 KB, one request after another, with a progress bar: the page stays
 * responsive, and the review table and highlighted text show one page of figures at a time.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { api, get, hasEndpoint, qs, type Figure, type Me, type UnitView } from "./api.ts";
import { parseNumber } from "./validate.ts";
import { Show, lastEndedQuarter, num, periodEnd, t, tf, useLoad } from "./ui.tsx";
import { Pending } from "./extras.tsx";
import { periodShort } from "./labels.ts";
import { ImportTabs } from "./import-csv.tsx";

type Extracted = import("../../extract/extract.ts").ExtractResult;
type DocResult = import("../../extract/extract.ts").DocumentResult;
type BatchItem = import("../../extract/batch.ts").BatchItem;
type Row = Extracted["figures"][number] & { accept: boolean; raw: string; doc: number };
/** One document of the review queue, with the unit and period its figures are saved under. */
type Doc = { name: string; hash: string; source: string; scope: Extracted["scope"]; unitCode: string; period: string; kind: string };

/** Figures reviewed per page (a 2 MB report gives thousands). */
const PAGE = 50;
/** Pasted text longer than this is read in parts (the server reads ~1 MB/s; each part ~0.2 s). */
const PART = 200_000;
/** Text before a part sent with it (headings give figures their indicator), its figures left out. */
const CONTEXT = 4_000;

/** Where a line starts at or before `i`. */
const lineStart = (s: string, i: number) => (i <= 0 ? 0 : s.lastIndexOf("\n", i - 1) + 1);

/**
 * Reads a pasted text through POST /api/extract in parts cut at line starts (each sent with the
 * text just before it, for context), hearing progress after each; offsets are in the whole text.
 */
export async function readInParts(text: string, onPart: (done: number, total: number) => void, stopped: () => boolean = () => false): Promise<Extracted> {
  const cuts = [0];
  while (cuts[cuts.length - 1]! + PART < text.length) {
    const last = cuts[cuts.length - 1]!;
    const cut = lineStart(text, last + PART);
    cuts.push(cut > last ? cut : last + PART);
  }
  cuts.push(text.length);
  const total = cuts.length - 1;
  let scope: Extracted["scope"] | null = null;
  const figures: Extracted["figures"] = [];
  for (let i = 0; i < total; i++) {
    onPart(i, total);
    if (stopped()) throw new Error(t("Đã dừng đọc; chưa lưu gì."));
    const start = cuts[i]!;
    const from = i === 0 ? 0 : lineStart(text, Math.max(0, start - CONTEXT));
    const part = text.slice(from, cuts[i + 1]);
    if (!part.trim()) continue;
    const r = await api<Extracted>("POST", "/api/extract", { text: part });
    scope ??= r.scope;
    for (const f of r.figures) if (f.start + from >= start) figures.push({ ...f, start: f.start + from, end: f.end + from });
  }
  onPart(total, total);
  return { scope: scope!, figures };
}

/** The text with every extracted figure highlighted (rejected ones struck through); a long text only around `rows`. */
function Highlighted({ text, rows }: { text: string; rows: Array<Row & { at: number }> }) {
  const parts: preact.JSX.Element[] = [];
  if (text.length > PART && rows.length) {
    // Only the stretch of a long text that holds the figures shown (the whole would take seconds to lay out).
    const from = lineStart(text, rows[0]!.start);
    const to = text.indexOf("\n", rows[rows.length - 1]!.end);
    const cut = text.slice(0, to < 0 ? text.length : to);
    return <HighlightedRange text={cut} from={from} rows={rows} />;
  }
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

function HighlightedRange({ text, from, rows }: { text: string; from: number; rows: Array<Row & { at: number }> }) {
  const parts: preact.JSX.Element[] = [<span class="muted">{from > 0 ? "… " : ""}</span>];
  let at = from;
  rows.forEach((r) => {
    if (r.start < at) return;
    parts.push(<>{text.slice(at, r.start)}</>);
    parts.push(<mark class={r.accept ? "" : "rejected"} id={`fig-${r.at}`} title={r.indicator ?? t("chưa gán chỉ tiêu")}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  });
  parts.push(<>{text.slice(at)}</>, <span class="muted"> …</span>);
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
  const [ok] = useLoad("extract", () => hasEndpoint("/api/extract"));
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [docs, setDocs] = useState<Doc[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [skipped, setSkipped] = useState<Array<{ name: string; why: string }>>([]);
  const [shown, setShown] = useState(0);
  const [page, setPage] = useState(0);
  const cancelled = useRef(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [cat] = useLoad("catalog", () => get<{ indicators: Array<{ key: string; label: string; denominator: string | null }> }>("/api/indicators"));
  const read = async () => {
    setBusy(t("Đang đọc số liệu trong văn bản…"));
    setMsg(null);
    setProgress(null);
    cancelled.current = false;
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
      // What the text does not say defaults to the user's own unit and the current period.
      newDocs.push({ name, hash, source, scope: r.scope, unitCode: r.scope.unitCode ?? me.unit?.code ?? "", period: r.scope.period ?? lastEndedQuarter(), kind: r.document?.kind ?? "text" });
    };
    try {
      if (files.length === 0) {
        add(t("văn bản dán vào"), await readInParts(text, (done, total) => {
          if (total > 1) {
            setProgress({ done, total });
            setBusy(tf("Đang đọc phần {done}/{total} của văn bản…", { done: Math.min(done + 1, total), total }));
          }
        }, () => cancelled.current), text);
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
      setPage(0);
    } catch (e) {
      setMsg({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const updateDoc = (i: number, patch: Partial<Doc>) => setDocs(docs.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const dens = new Map(cat.state === "ok" ? cat.data.indicators.map((x) => [x.key, x.denominator]) : []);
  if (cat.state === "ok") labels = new Map(cat.data.indicators.map((x) => [x.key, x.label]));
  const plan = planLines(docs, rows, dens);
  const stored = useStored(docs);
  /** The saves that would replace a different stored value: asked about first. */
  const overwrites = "lines" in plan ? plan.lines.filter((l) => { const v = stored.get(storedKey(l)); return v !== undefined && v !== l.value; }) : [];
  const [confirm, setConfirm] = useState(false);
  const save = async (confirmed = false) => {
    if ("error" in plan) return setMsg({ ok: false, text: plan.error });
    const lines = plan.lines;
    if (lines.length === 0) return;
    if (overwrites.length && !confirmed) return setConfirm(true);
    setConfirm(false);
    setBusy(tf("Đang lưu {n} số liệu…", { n: lines.length }));
    try {
      const r = await api<{ figures: Figure[] }>("POST", "/api/figures", lines);
      const n = r.figures.length;
      const one = docs.length === 1 ? docs[0]! : null;
      setMsg({ ok: true, text: one ? tf("Đã lưu {n} số liệu của {unit}, kỳ {period}.", { n, unit: one.scope.unit ?? one.unitCode, period: periodShort(one.period) })
        : tf("Đã lưu {n} số liệu từ {d} văn bản.", { n, d: new Set(lines.map((l) => l.doc)).size }) });
      stored.reload();
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
  // One page of the review table (a long report gives thousands of figures); duplicates counted once, not per row.
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const onPage = rows.map((r, at) => ({ ...r, at })).slice(page * PAGE, page * PAGE + PAGE);
  const chosenCount = new Map<string, number>();
  for (const r of rows) if (r.accept && r.indicator) chosenCount.set(`${r.doc}|${r.indicator}|${r.period}`, (chosenCount.get(`${r.doc}|${r.indicator}|${r.period}`) ?? 0) + 1);
  const pager = pages > 1 && (
    <nav class="pager" aria-label={t("Trang số liệu")}>
      <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>{t("← Trang trước")}</button>
      <span>{tf("Trang {p}/{n} (số liệu {from}–{to})", { p: page + 1, n: pages, from: page * PAGE + 1, to: Math.min(rows.length, page * PAGE + PAGE) })}</span>
      <button type="button" disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>{t("Trang sau →")}</button>
    </nav>
  );
  return (
    <div class="import"><div class="page-head"><h1>{t("Nhập từ văn bản")}</h1></div>
      <ImportTabs current="text" />
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
          {busy && progress && progress.total > 1 && <p class="actions"><button type="button" onClick={() => { cancelled.current = true; }}>{t("Dừng đọc")}</button></p>}
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
              {doc && doc.source ? <Highlighted text={doc.source} rows={(doc.source.length > PART ? onPage : rows.map((r, at) => ({ ...r, at }))).filter((r) => r.doc === shown)} /> : null}
              {pager}
              <div class="table-wrap">
                <table class="extract">
                  <thead><tr><th scope="col">{t("Lấy")}</th>{many && <th scope="col">{t("Văn bản")}</th>}<th scope="col">{t("Đoạn văn")}</th><th scope="col">{t("Giá trị")}</th><th scope="col">{t("Chỉ tiêu")}</th><th scope="col">{t("Đang lưu")}</th></tr></thead>
                  <tbody>{onPage.map(({ at: i, ...r }) => (
                    <tr class={r.accept ? "" : "rejected"} data-duplicate={r.accept && r.indicator && (chosenCount.get(`${r.doc}|${r.indicator}|${r.period}`) ?? 0) > 1 ? "true" : undefined}>
                      <td><input type="checkbox" checked={r.accept} aria-label={tf("Lấy số liệu \"{text}\"", { text: r.text })} onChange={() => update(i, { accept: !r.accept })} /></td>
                      {many && <td>{docs[r.doc]!.name}</td>}
                      <td>
                        <a href={`#fig-${i}`} onClick={(e) => { e.preventDefault(); setShown(r.doc); setTimeout(() => document.getElementById(`fig-${i}`)?.scrollIntoView({ block: "center" }), 0); }}>{r.text}</a>
                        {r.page ? <span class="muted"> {tf("tr. {page}", { page: r.page })}</span> : null}
                        {r.place ? <span class="muted"> · {r.place}</span> : null}
                        {r.period ? <span class="muted"> · {periodShort(r.period)}</span> : null}
                        {r.confidence !== undefined ? <span class="badge warn" title={t("Số liệu nhận dạng từ bản quét: hãy đối chiếu với bản gốc trước khi lấy.")}> {tf("OCR {p}%", { p: Math.round(r.confidence * 100) })}</span> : null}
                      </td>
                      <td><input class="num" value={r.raw} aria-label={t("Giá trị")} size={10} onInput={(e) => update(i, { raw: (e.target as HTMLInputElement).value })} />{r.of !== null ? ` / ${r.of}` : ""} {r.unit ?? ""}</td>
                      <td>
                        <select aria-label={t("Chỉ tiêu")} value={r.indicator ?? ""} onChange={(e) => update(i, { indicator: (e.target as HTMLSelectElement).value || null })}>
                          <option value="">{t("— không gán —")}</option>
                          {cat.state === "ok" && cat.data.indicators.map((x) => <option value={x.key}>{x.label}</option>)}
                        </select>
                      </td>
                      <StoredCell value={r.indicator ? stored.get(`${docs[r.doc]?.unitCode}|${r.period ?? docs[r.doc]?.period}|${r.indicator}`) : undefined} typed={parseNumber(r.raw)} accepted={r.accept} />
                    </tr>
                  ))}</tbody>
                </table>
              </div>
              {pager}
              {confirm && overwrites.length > 0 && (
                <section class="conflict overwrite" role="alertdialog" aria-labelledby="h-overwrite" aria-describedby="overwrite-list">
                  <h3 id="h-overwrite">{tf("{n} số liệu sẽ thay giá trị đang lưu", { n: overwrites.length })}</h3>
                  <ul id="overwrite-list">{overwrites.map((l) => (
                    <li>{labelOf(l.indicator)} ({stored.names.get(l.unitCode) ?? l.unitCode}, {periodShort(l.period)}): <strong>{num(stored.get(storedKey(l)))}</strong> → <strong>{num(l.value)}</strong></li>
                  ))}</ul>
                  <p class="actions">
                    <button type="button" class="primary" onClick={() => void save(true)}>{tf("Ghi đè và lưu {n} số liệu", { n: "lines" in plan ? plan.lines.length : 0 })}</button>
                    <button type="button" onClick={() => setConfirm(false)}>{t("Hủy, xem lại")}</button>
                  </p>
                </section>
              )}
              {"lines" in plan && plan.lines.length > rows.filter((r) => r.accept && r.indicator).length && (
                <p class="muted">{t("Số liệu dạng \"34/37\" cho cả số thứ hai (ví dụ: số vụ việc hòa giải), được lưu cùng.")}</p>
              )}
              <p class="actions"><button class="primary" disabled={!!busy || confirm} onClick={() => void save()}>{tf("Lưu {n} số liệu đã chọn", { n: "lines" in plan ? plan.lines.length : rows.filter((r) => r.accept && r.indicator).length })}</button></p>
            </section>
          )}
        </>
      )}</Show>
    </div>
  );
}


type Line = { unitCode: string; period: string; indicator: string; value: number; kind: string; source: object; doc: number };
const storedKey = (l: { unitCode: string; period: string; indicator: string }) => `${l.unitCode}|${l.period}|${l.indicator}`;
let labels = new Map<string, string>();
const labelOf = (k: string) => labels.get(k) ?? k;

/** The figures a save would send, exactly (a "34/37" adds its denominator), or why it cannot. */
function planLines(docs: Doc[], rows: Row[], dens: Map<string, string | null>): { lines: Line[] } | { error: string } {
  const chosen = rows.filter((r) => r.accept && r.indicator);
  const lines: Line[] = [];
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const mine = chosen.filter((r) => r.doc === d);
    if (mine.length === 0) continue;
    if (!doc.unitCode || !doc.period) return { error: t("Cần mã đơn vị và kỳ báo cáo trước khi lưu.") + (docs.length > 1 ? ` (${doc.name})` : "") };
    const periodOf = (r: Row) => r.period ?? doc.period;
    const dup = mine.find((r, i) => mine.findIndex((x) => x.indicator === r.indicator && periodOf(x) === periodOf(r)) !== i);
    if (dup) return { error: tf("Chỉ tiêu \"{indicator}\" được chọn nhiều lần (\"{text}\"); chỉ giữ một số liệu cho mỗi chỉ tiêu.", { indicator: dup.indicator ?? "", text: dup.text }) };
    const bad = mine.find((r) => Number.isNaN(parseNumber(r.raw)) || parseNumber(r.raw) === null);
    if (bad) return { error: tf("Giá trị \"{value}\" không phải là số.", { value: bad.raw }) };
    const source = (r: Row) => ({ type: "extract", document: doc.name, text: r.text.slice(0, 2000), start: r.start, end: r.end, ...(r.page ? { page: r.page } : {}), ...(doc.hash ? { hash: doc.hash } : {}), ...(r.confidence !== undefined ? { ocrConfidence: r.confidence, reviewed: true } : {}) });
    const docLines: Line[] = mine.map((r) => ({ unitCode: doc.unitCode, period: periodOf(r), indicator: r.indicator!, value: parseNumber(r.raw)!, kind: "area", source: source(r), doc: d }));
    // "34/37 vụ": the 37 is the denominator's figure (mediation cases) unless another row gives it.
    for (const r of mine) {
      const den = r.indicator ? dens.get(r.indicator) : null;
      if (r.of !== null && den && !docLines.some((l) => l.indicator === den && l.period === periodOf(r))) docLines.push({ unitCode: doc.unitCode, period: periodOf(r), indicator: den, value: r.of, kind: "area", source: source(r), doc: d });
    }
    lines.push(...docLines);
  }
  return { lines };
}

/**
 * The values stored now for the documents' units and periods (unit code|period|indicator → value)
 * and the units' names by code, read again when a unit or period changes and after a save.
 */
function useStored(docs: Doc[]): Map<string, number> & { reload: () => void; names: ReadonlyMap<string, string> } {
  const [stored, setStored] = useState(new Map<string, number>());
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [n, setN] = useState(0);
  const targets = [...new Set(docs.map((d) => `${d.unitCode.trim()}|${d.period.trim()}`))].filter((x) => !x.startsWith("|") && !x.endsWith("|"));
  const key = targets.join(",");
  useEffect(() => {
    let live = true;
    const timer = setTimeout(async () => {
      const out = new Map<string, number>();
      const named = new Map<string, string>();
      for (const tgt of targets) {
        const [code, period] = tgt.split("|") as [string, string];
        try {
          const unit = (await get<UnitView[]>(`/api/units?${qs({ q: code, limit: 20, asOf: /^\d{4}/.test(period) ? periodEnd(period) : undefined })}`)).find((u) => u.code === code);
          if (unit === undefined) continue;
          const id = unit.id;
          named.set(code, unit.fullName);
          for (const f of await get<Figure[]>(`/api/figures?${qs({ unitId: id, period })}`)) {
            if (f.period === period && f.disagg === "") out.set(`${code}|${period}|${f.indicator}`, f.value);
          }
        } catch {
          // A code or period not (yet) valid: nothing is shown as stored for it.
        }
      }
      if (live) {
        setStored(out);
        setNames(named);
      }
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, n]);
  return Object.assign(stored, { reload: () => setN((x) => x + 1), names });
}

/** The value stored now beside a read figure: the same, another (to be replaced), or none. */
function StoredCell({ value, typed, accepted }: { value: number | undefined; typed: number | null; accepted: boolean }) {
  if (value === undefined) return <td class="stored none">{t("chưa có")}</td>;
  const differs = typed !== null && !Number.isNaN(typed) && typed !== value;
  return (
    <td class={`stored${differs ? " differs" : ""}`}>
      {num(value)}
      {differs && accepted ? <span class="badge warn"> {t("sẽ bị thay")}</span> : null}
      {!differs ? <span class="muted"> ({t("trùng")})</span> : null}
    </td>
  );
}
