/**
 * Import a CSV or dataValueSets file from the web: the server's dry run first
 * (POST /api/figures/import?dryRun=1) says what the file would add (mới), replace (thay đổi,
 * old → new) and leave as it is (giữ nguyên), or which lines are wrong and why, by line number;
 * the import itself runs only when the user confirms, all or nothing. Large files show how far the
 * upload and the server's check got (XMLHttpRequest upload progress, then the server's NDJSON
 * progress lines).
 */
import { useState } from "preact/hooks";
import { get, type Me } from "./api.ts";
import { num, t, tf, useLoad } from "./ui.tsx";
import { parsePeriod, periodLabel } from "../../core/period.ts";

/** "quý III năm 2026" (the code itself when it is not a period). */
const periodName = (id: string) => { try { return periodLabel(parsePeriod(id)); } catch { return id; } };

type ImportResult = import("../../figures/import.service.ts").ImportResult;
type LineError = import("../../figures/import.service.ts").LineError;
type Outcome = { ok: true; result: ImportResult } | { ok: false; message: string; errors: LineError[]; errorCount: number };
type Progress = { phase: "upload" | "check"; done: number; total: number };

/** The two ways into the import pages. */
export function ImportTabs({ current }: { current: "text" | "csv" }) {
  return (
    <nav class="tabs import-tabs" aria-label={t("Cách nhập số liệu")}>
      <a href="#/import" aria-current={current === "text" ? "page" : undefined}>{t("Từ văn bản")}</a>
      <a href="#/import/csv" aria-current={current === "csv" ? "page" : undefined}>{t("Tệp CSV, dataValueSets")}</a>
    </nav>
  );
}

/** About how many lines a CSV file has, from its size and its first 256 KB. */
async function estimateLines(f: File): Promise<number> {
  const head = await f.slice(0, 262_144).text();
  const n = (head.match(/\n/g) ?? []).length + 1;
  return f.size <= 262_144 ? n : Math.round((n * f.size) / 262_144);
}

/** Sends the file; hears the upload's progress, then the server's check line by line. */
function send(file: File, dryRun: boolean, onProgress: (p: Progress) => void, lines: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/figures/import?dryRun=${dryRun ? 1 : 0}&progress=1`);
    xhr.withCredentials = true;
    const json = /\.json$/i.test(file.name) || file.type === "application/json";
    xhr.setRequestHeader("content-type", json ? "application/json" : "text/csv");
    let seen = 0;
    let last: Record<string, unknown> | null = null;
    const read = () => {
      const text = xhr.responseText;
      let nl: number;
      while ((nl = text.indexOf("\n", seen)) >= 0) {
        const line = JSON.parse(text.slice(seen, nl)) as Record<string, unknown>;
        seen = nl + 1;
        const p = line.progress as { lines: number } | undefined;
        if (p) onProgress({ phase: "check", done: p.lines, total: Math.max(lines, p.lines) });
        else last = line;
      }
    };
    xhr.upload.onprogress = (e) => onProgress({ phase: "upload", done: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onprogress = read;
    xhr.onload = () => {
      try {
        if (xhr.getResponseHeader("content-type")?.startsWith("application/json")) last = JSON.parse(xhr.responseText) as Record<string, unknown>;
        else read();
      } catch {
        last = null;
      }
      const l = last as { result?: ImportResult; error?: { message: string; details?: { errors?: LineError[]; errorCount?: number } } } | null;
      if (l?.result) resolve({ ok: true, result: l.result });
      else resolve({ ok: false, message: l?.error?.message ?? tf("Lỗi {status}", { status: xhr.status }), errors: l?.error?.details?.errors ?? [], errorCount: l?.error?.details?.errorCount ?? 0 });
    };
    xhr.onerror = () => resolve({ ok: false, message: t("Mất kết nối tới máy chủ."), errors: [], errorCount: 0 });
    xhr.send(file);
  });
}

const SHOWN_ERRORS = 100;

export function CsvImportPage({ me }: { me: Me }) {
  void me;
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [dry, setDry] = useState<Outcome | null>(null);
  const [done, setDone] = useState<Outcome | null>(null);
  const [cat] = useLoad("catalog", () => get<{ indicators: Array<{ key: string; label: string }> }>("/api/indicators"));
  const label = (k: string) => (cat.state === "ok" ? cat.data.indicators.find((i) => i.key === k)?.label : undefined) ?? k;
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? t("Đang kiểm tra tệp trên máy chủ…") : t("Đang nhập số liệu…"));
    setDone(null);
    if (dryRun) setDry(null);
    const lines = await estimateLines(file);
    setProgress({ phase: "upload", done: 0, total: file.size });
    const r = await send(file, dryRun, setProgress, lines);
    setProgress(null);
    setBusy(null);
    if (dryRun) setDry(r);
    else {
      setDone(r);
      if (r.ok) setDry(null);
    }
  };
  const counts = (r: ImportResult) => tf("{lines} dòng: {inserted} mới, {updated} thay đổi, {unchanged} giữ nguyên", { lines: num(r.lines), inserted: num(r.inserted), updated: num(r.updated), unchanged: num(r.unchanged) });
  const errorsOf = (r: Extract<Outcome, { ok: false }>) => (
    <div class="error import-errors" role="alert">
      <p><strong>{r.message}</strong></p>
      {r.errors.length > 0 && (
        <ul>{r.errors.slice(0, SHOWN_ERRORS).map((e) => <li>{tf("Dòng {line}: {message}", { line: e.line, message: e.message })}</li>)}</ul>
      )}
      {r.errorCount > Math.min(r.errors.length, SHOWN_ERRORS) && <p>{tf("… và {n} dòng lỗi khác.", { n: num(r.errorCount - Math.min(r.errors.length, SHOWN_ERRORS)) })}</p>}
    </div>
  );
  return (
    <div class="import import-csv">
      <div class="page-head"><h1>{t("Nhập tệp CSV, dataValueSets")}</h1></div>
      <ImportTabs current="csv" />
      <section>
        <p class="muted">{t("Cột của tệp CSV: unit_code, indicator, period, value (tuỳ chọn: disaggregation, kind, status, comment). Tệp được kiểm tra trước, chưa ghi gì; chỉ nhập khi bạn xác nhận, và nhập tất cả hoặc không dòng nào.")}</p>
        <label for="csv-file">{t("Tệp số liệu (.csv hoặc .json dataValueSets)")}</label>
        <input id="csv-file" type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => { setFile((e.target as HTMLInputElement).files?.[0] ?? null); setDry(null); setDone(null); }} />
        <p class="actions"><button type="button" class="primary" disabled={!file || !!busy} onClick={() => void run(true)}>{t("Kiểm tra trước")}</button></p>
      </section>
      {busy && <p class="loading" role="status"><span class="spinner" aria-hidden="true" />{busy}{progress ? ` ${progress.phase === "upload" ? tf("Đã gửi {p}%", { p: Math.round((100 * progress.done) / Math.max(1, progress.total)) }) : tf("Đã kiểm tra {n} dòng", { n: num(progress.done) })}` : ""}</p>}
      {busy && progress && <progress max={progress.total} value={Math.min(progress.done, progress.total)} aria-label={progress.phase === "upload" ? t("Tiến độ gửi tệp") : t("Tiến độ kiểm tra")} />}
      {done && (done.ok ? <p class="ok" role="status">{tf("Đã nhập {counts}.", { counts: counts(done.result) })}</p> : errorsOf(done))}
      {dry && !dry.ok && errorsOf(dry)}
      {dry && dry.ok && (
        <section class="dry-run" aria-labelledby="h-dry">
          <h2 id="h-dry">{tf("Kết quả kiểm tra: {n} dòng, chưa ghi gì", { n: num(dry.result.lines) })}</h2>
          <ul class="dry-counts">
            <li class="new"><strong>{num(dry.result.inserted)}</strong> {t("mới")}</li>
            <li class="changed"><strong>{num(dry.result.updated)}</strong> {t("thay đổi")}</li>
            <li class="same"><strong>{num(dry.result.unchanged)}</strong> {t("giữ nguyên")}</li>
          </ul>
          {dry.result.changes.length > 0 && (
            <div class="table-wrap">
              <table class="changes">
                <caption>{t("Giá trị sẽ thay đổi (cũ → mới)")}</caption>
                <thead><tr><th scope="col">{t("Dòng")}</th><th scope="col">{t("Đơn vị")}</th><th scope="col">{t("Chỉ tiêu")}</th><th scope="col">{t("Kỳ")}</th><th scope="col" class="n">{t("Cũ → mới")}</th></tr></thead>
                <tbody>{dry.result.changes.slice(0, 200).map((c) => (
                  <tr><td data-label={t("Dòng")}>{c.line}</td><td data-label={t("Đơn vị")}>{c.unitName} <small class="muted">{c.unitCode}</small></td><td data-label={t("Chỉ tiêu")}>{label(c.indicator)}{c.disagg ? ` (${c.disagg})` : ""}</td><td data-label={t("Kỳ")}>{periodName(c.period)}</td><td class="n" data-label={t("Cũ → mới")}>{num(c.before)} → <strong>{num(c.after)}</strong></td></tr>
                ))}</tbody>
              </table>
              {dry.result.updated > 200 && <p class="muted small">{tf("Hiện 200 trên {n} giá trị thay đổi.", { n: num(dry.result.updated) })}</p>}
            </div>
          )}
          <p class="actions">
            <button type="button" class="primary" disabled={!!busy || dry.result.lines === 0} onClick={() => void run(false)}>{tf("Nhập {n} dòng", { n: dry.result.lines })}</button>
            <button type="button" disabled={!!busy} onClick={() => setDry(null)}>{t("Hủy")}</button>
          </p>
        </section>
      )}
    </div>
  );
}
