/**
 * A record's or petition's attachments: the list (names hidden where the law says), upload, delete.
 */
import { useState } from "preact/hooks";
import { api, get, qs, type Me } from "./api.ts";
import { Notice, type Msg } from "./register-fields.tsx";
import { Loading, Show, num, t, tf, useLoad } from "./ui.tsx";
import { Identity, message } from "./register-shared.tsx";

type Attachment = import("../../registers/attachments.ts").AttachmentMeta;

export function Attachments({ me, register, id, canAdd = true }: { me: Me; register: string; id: number; canAdd?: boolean }) {
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
