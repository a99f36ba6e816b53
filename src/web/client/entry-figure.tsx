/**
 * What the report form shows beside a figure: its comment and "ước thực hiện" mark, its history
 * (who, when, old → new, from where; loaded when opened), the plausibility warning or rule flag the
 * server set, and the box for the comment a rule asks for before a value it doubts is saved.
 */
import { useEffect, useState } from "preact/hooks";
import { get } from "./api.ts";
import type { Held } from "./entry-sync.ts";
import { num, t, tf } from "./ui.tsx";

interface Change {
  at: string;
  by: string | null;
  action: "create" | "update" | "delete" | "import";
  before: number | null;
  after: number | null;
  comment: string | null;
  source: { type?: string; document?: string; format?: string } | null;
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()} ${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
};

function sourceLabel(s: Change["source"], action: Change["action"]): string {
  const type = s?.type ?? (action === "import" ? "import" : null);
  if (type === "form") return t("biểu mẫu");
  if (type === "extract") return s?.document ? tf("đọc từ văn bản {name}", { name: s.document }) : t("đọc từ văn bản");
  if (type === "import") return s?.format ? tf("nhập tệp ({format})", { format: s.format }) : t("nhập tệp");
  if (type === "register") return t("đếm từ sổ theo dõi");
  if (type === "demo") return t("dữ liệu mẫu");
  return type ?? "";
}

function History({ id }: { id: number }) {
  const [s, setS] = useState<{ state: "loading" } | { state: "ok"; changes: Change[] } | { state: "error"; msg: string }>({ state: "loading" });
  useEffect(() => {
    let live = true;
    get<{ changes: Change[] }>(`/api/figures/${id}/history`).then(
      (r) => live && setS({ state: "ok", changes: r.changes }),
      (e: unknown) => live && setS({ state: "error", msg: e instanceof Error ? e.message : String(e) }),
    );
    return () => void (live = false);
  }, [id]);
  if (s.state === "loading") return <p class="muted">{t("Đang tải…")}</p>;
  if (s.state === "error") return <p class="error">{s.msg}</p>;
  if (s.changes.length === 0) return <p class="muted">{t("Chưa có thay đổi nào được ghi lại.")}</p>;
  return (
    <ol class="history">
      {s.changes.map((c) => (
        <li>
          <span class="when">{when(c.at)}</span> · <strong>{c.by ?? t("hệ thống")}</strong>:{" "}
          {c.action === "delete" ? tf("xóa {old}", { old: num(c.before) }) : c.before === null ? tf("ghi {new}", { new: num(c.after) }) : <>{num(c.before)} → {num(c.after)}</>}
          {sourceLabel(c.source, c.action) ? <span class="muted"> ({sourceLabel(c.source, c.action)})</span> : null}
          {c.comment ? <span class="muted"> — “{c.comment}”</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** Comment, "ước thực hiện" and history of one figure, folded away until opened. */
export function FigureExtras({ fid, label, stored, comment, estimated, locked, onComment, onEstimated }: {
  fid: string; label: string; stored: Held | undefined; comment: string; estimated: boolean; locked: boolean;
  onComment: (s: string) => void; onEstimated: (on: boolean) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details class="fig-more" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>
        {t("Ghi chú, lịch sử")}<span class="sr-only"> — {label}</span>
        {estimated && <span class="badge">{t("ước thực hiện")}</span>}
        {comment.trim() && <span class="badge note">{t("có ghi chú")}</span>}
      </summary>
      <div class="fig-more-body">
        <label class="check"><input type="checkbox" checked={estimated} disabled={locked} onChange={(e) => onEstimated((e.target as HTMLInputElement).checked)} /> {t("Ước thực hiện (kỳ chưa kết thúc, số ước tính)")}</label>
        <label for={`${fid}-note`}>{t("Ghi chú cho số liệu này")}</label>
        <textarea id={`${fid}-note`} rows={2} maxLength={2000} disabled={locked} value={comment} onInput={(e) => onComment((e.target as HTMLTextAreaElement).value)} />
        <h4>{t("Lịch sử thay đổi")}</h4>
        {open && stored ? <History key={stored.version} id={stored.id} /> : !stored ? <p class="muted">{t("Chưa lưu lần nào.")}</p> : null}
      </div>
    </details>
  );
}

/** The server's doubt about a saved figure: a plausibility warning, or a rule accepted with a comment. */
export function FlagNote({ stored, id }: { stored: Held | undefined; id: string }) {
  if (!stored?.flag) return null;
  const text = stored.warning ?? (stored.flag === "implausible" ? t("Giá trị bất thường so với mức có thể hoặc các kỳ trước; hãy kiểm tra lại.") : t("Số liệu vi phạm quy tắc kiểm tra, đã lưu kèm ghi chú giải trình."));
  return <span class="flag-note" id={id} role="note"><span aria-hidden="true">⚠ </span>{t("Đã lưu, đánh dấu cần xem lại:")} {text}</span>;
}

/** The comment a rule asks for: "resolved > received" is right only with petitions left from the last period. */
export function RuleComment({ fid, message, initial, locked, onSend }: { fid: string; message: string; initial: string; locked: boolean; onSend: (comment: string) => void }) {
  const [text, setText] = useState(initial);
  return (
    <div class="rule-comment">
      <label for={`${fid}-why`}>{t("Ghi chú giải trình (bắt buộc để lưu số liệu này)")}</label>
      <textarea id={`${fid}-why`} rows={2} maxLength={2000} disabled={locked} value={text} aria-describedby={`${fid}-err`} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <button type="button" disabled={locked || !text.trim()} onClick={() => onSend(text.trim())}>{t("Lưu kèm ghi chú")}<span class="sr-only"> — {message}</span></button>
    </div>
  );
}
