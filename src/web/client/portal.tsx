/**
 * Public portal, staff side (issue 15): what the Law on Grassroots Democracy still asks of the
 * unit (notices inside their minimum posting period, taken down early, required ones missing), the
 * unit's public notices with a form to add one, its consultations (close and publish), and the
 * feedback residents sent on the public page (deadline, publish an answer). Labels of the law's
 * categories and forms come from the pure src/portal/notice-rules.ts.
 */
import { useState } from "preact/hooks";
import { FORM_RULES, NOTICE_CATEGORIES, NOTICE_CATEGORY_KEYS, NOTICE_FORMS, STATUS_LABELS, type NoticeStatus } from "../../portal/notice-rules.ts";
import { api, get, qs, type Me } from "./api.ts";
import { ErrorBox, Show, t, tf, today, useLoad, useSubmit } from "./ui.tsx";
import { dmy } from "./labels.ts";

interface Issue { code: string; message: string; noticeId: number | null }
interface NoticeRow { id: number; title: string; category: keyof typeof NOTICE_CATEGORIES; form: keyof typeof FORM_RULES; postedOn: string; minimumEndsOn: string; status: NoticeStatus; removedOn: string | null; version: number }
interface ConsultationRow { id: number; community: string; question: string; state: "open" | "closed"; closesOn: string; households: number; result: { passed: boolean; yes: number } | null }
interface FeedbackRow { id: number; topic: string; kind: string; receivedOn: string; dueOn: string | null; answer: string | null }

function Compliance({ unitId }: { unitId: number }) {
  const [s] = useLoad(`compliance-${unitId}`, () => get<{ issues: Issue[] }>(`/api/portal/notices/compliance?${qs({ unitId })}`));
  return (
    <section aria-labelledby="portal-todo">
      <h2 id="portal-todo">{t("Việc cần làm theo Luật Thực hiện dân chủ ở cơ sở")}</h2>
      <Show s={s}>{(d) => d.issues.length === 0 ? <p class="muted">{t("Không có việc nào.")}</p> : (
        <ul class="portal-issues">{d.issues.map((i) => <li data-code={i.code}>{i.message}</li>)}</ul>
      )}</Show>
    </section>
  );
}

function NewNotice({ unitId, done }: { unitId: number; done: () => Promise<void> }) {
  const { error, busy, submit } = useSubmit((f) => api("POST", "/api/portal/notices", {
    unitId, category: f.get("category"), form: f.get("form"), title: f.get("title"), body: f.get("body"), postedOn: f.get("postedOn"), publishedBy: f.get("publishedBy"),
  }), done);
  return (
    <form onSubmit={submit} class="admin-form portal-new">
      <h3>{t("Thêm thông báo công khai")}</h3>
      <div class="fields">
        <div class="field wide"><label for="n-category">{t("Nội dung")}</label>
          <select id="n-category" name="category">{NOTICE_CATEGORY_KEYS.map((k) => <option value={k}>{NOTICE_CATEGORIES[k].label}</option>)}</select></div>
        <div class="field"><label for="n-form">{t("Hình thức")}</label>
          <select id="n-form" name="form">{NOTICE_FORMS.map((k) => <option value={k}>{FORM_RULES[k].label}{FORM_RULES[k].minDays ? ` (≥ ${FORM_RULES[k].minDays})` : ""}</option>)}</select></div>
        <div class="field"><label for="n-posted">{t("Ngày công khai")}</label><input id="n-posted" name="postedOn" type="date" required value={today()} /></div>
        <div class="field wide"><label for="n-title">{t("Tiêu đề")}</label><input id="n-title" name="title" required maxLength={300} /></div>
        <div class="field wide"><label for="n-body">{t("Nội dung công khai")}</label><textarea id="n-body" name="body" required rows={4} maxLength={20000} /></div>
        <div class="field wide"><label for="n-by">{t("Cơ quan công khai")}</label><input id="n-by" name="publishedBy" required maxLength={200} /></div>
      </div>
      {error && <ErrorBox error={error} />}
      <button type="submit" class="primary" disabled={busy}>{t("Công khai")}</button>
    </form>
  );
}

function Notices({ unitId }: { unitId: number }) {
  const [s, reload] = useLoad(`notices-${unitId}`, () => get<NoticeRow[]>(`/api/portal/notices?${qs({ unitId })}`));
  const [error, setError] = useState<string | null>(null);
  // Taking a notice down (today) or posting it again: the server says when that is before the law's minimum.
  const setRemoved = async (n: NoticeRow, removedOn: string | null) => {
    setError(null);
    try {
      await api("PUT", `/api/portal/notices/${n.id}`, { removedOn, version: n.version });
      await reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section aria-labelledby="portal-notices">
      <h2 id="portal-notices">{t("Thông báo công khai")}</h2>
      {error && <ErrorBox error={error} />}
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{t("Chưa có thông báo.")}</p> : (
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">{t("Tiêu đề")}</th><th scope="col">{t("Ngày công khai")} → {t("Giữ ít nhất đến")}</th><th scope="col">{t("Tình trạng")}</th><th scope="col"><span class="sr-only">{t("Thao tác")}</span></th></tr></thead>
          <tbody>{rows.map((n) => (
            <tr>
              <td>{n.title}<br /><small class="muted">{NOTICE_CATEGORIES[n.category].label} · {FORM_RULES[n.form].label}</small></td>
              <td>{dmy(n.postedOn)}{n.minimumEndsOn !== n.postedOn ? ` → ${dmy(n.minimumEndsOn)}` : ""}</td><td>{STATUS_LABELS[n.status]}{n.removedOn ? ` (${tf("gỡ ngày {date}", { date: dmy(n.removedOn) })})` : ""}</td>
              <td>{n.removedOn
                ? <button type="button" onClick={() => setRemoved(n, null)} aria-label={tf("Công khai lại: {title}", { title: n.title })}>{t("Công khai lại")}</button>
                : <button type="button" onClick={() => setRemoved(n, today())} aria-label={tf("Gỡ khỏi trang công khai: {title}", { title: n.title })}>{t("Gỡ")}</button>}</td>
            </tr>
          ))}</tbody>
        </table></div>
      )}</Show>
      <NewNotice unitId={unitId} done={reload} />
    </section>
  );
}

function Consultations({ unitId }: { unitId: number }) {
  const [s, reload] = useLoad(`consultations-${unitId}`, () => get<ConsultationRow[]>(`/api/portal/consultations?${qs({ unitId })}`));
  const [error, setError] = useState<string | null>(null);
  const close = async (id: number) => {
    setError(null);
    try {
      await api("POST", `/api/portal/consultations/${id}/close`, {});
      await reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <section aria-labelledby="portal-consult">
      <h2 id="portal-consult">{t("Lấy ý kiến, Nhân dân bàn và quyết định")}</h2>
      {error && <ErrorBox error={error} />}
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{t("Chưa có cuộc lấy ý kiến nào.")}</p> : (
        <ul>{rows.map((c) => (
          <li>
            <strong>{c.question}</strong> — {c.community}.{" "}
            {c.state === "open"
              ? <>{tf("Đang lấy ý kiến đến {date}.", { date: dmy(c.closesOn) })} <button type="button" onClick={() => close(c.id)}>{t("Kết thúc và công bố kết quả")}</button></>
              : c.result && (c.result.passed ? t("Được thông qua.") : t("Không được thông qua."))}
          </li>
        ))}</ul>
      )}</Show>
    </section>
  );
}

function Answer({ row, done }: { row: FeedbackRow; done: () => Promise<void> }) {
  const [text, setText] = useState(row.answer ?? "");
  const [error, setError] = useState<string | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api("POST", `/api/portal/feedback/${row.id}/answer`, { answer: text });
      await done();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={save}>
      <label for={`answer-${row.id}`}>{tf("Trả lời công khai: {topic}", { topic: row.topic })}</label>
      <textarea id={`answer-${row.id}`} rows={2} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} required maxLength={5000} />
      {error && <ErrorBox error={error} />}
      <button type="submit">{t("Công khai câu trả lời")}</button>
    </form>
  );
}

function Feedback({ unitId }: { unitId: number }) {
  const [s, reload] = useLoad(`feedback-${unitId}`, () => get<FeedbackRow[]>(`/api/portal/feedback?${qs({ unitId })}`));
  return (
    <section aria-labelledby="portal-feedback">
      <h2 id="portal-feedback">{t("Phản ánh, kiến nghị gửi qua cổng công khai")}</h2>
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{t("Chưa có phản ánh, kiến nghị nào.")}</p> : (
        <ul>{rows.map((f) => (
          <li>
            <strong>{f.topic}</strong> — {tf("nhận {date}", { date: dmy(f.receivedOn) })}{f.dueOn ? `, ${tf("hạn {date}", { date: dmy(f.dueOn) })}` : ""}
            <Answer row={f} done={reload} />
          </li>
        ))}</ul>
      )}</Show>
    </section>
  );
}

export function PortalPage({ me }: { me: Me }) {
  const unitId = me.user.unitId;
  const code = me.unit?.code;
  return (
    <main id="main" class="portal-staff">
      <h1>{t("Công khai")}</h1>
      {code && <p><a href={`/cong-khai/${code}`} target="_blank" rel="noopener">{tf("Xem trang công khai của {unit}", { unit: me.unit?.fullName ?? code })}</a></p>}
      <Compliance unitId={unitId} />
      <Notices unitId={unitId} />
      <Consultations unitId={unitId} />
      <Feedback unitId={unitId} />
    </main>
  );
}
