/**
 * Public portal, staff side (issue 15): what the Law on Grassroots Democracy still asks of the
 * unit (notices inside their minimum posting period, taken down early, required ones missing), the
 * unit's public notices with a form to add one or revise one and each one's history (portal-history.tsx), its consultations (portal-consult.tsx: open,
 * household code slips, paper ballots, close and publish), and the
 * feedback residents sent on the public page (deadline, publish an answer). Labels of the law's
 * categories and forms come from the pure src/portal/notice-rules.ts. A province (or national) user
 * picks a commune with the unit picker, as on the boards page, and sees that commune's page (read
 * only where the API refuses its writes).
 */
import { useState } from "preact/hooks";
import { FORM_RULES, NOTICE_CATEGORIES, NOTICE_CATEGORY_KEYS, NOTICE_FORMS, STATUS_LABELS, type NoticeStatus } from "../../portal/notice-rules.ts";
import { api, get, qs, type Me } from "./api.ts";
import { ErrorBox, Show, t, tf, today, useLoad, useSubmit } from "./ui.tsx";
import { dmy } from "./labels.ts";
import { Consultations, type IssuedCodes } from "./portal-consult.tsx";
import { CodeSheet } from "./portal-codes.tsx";
import { NoticeHistory } from "./portal-history.tsx";
import { CanWrite, canWriteOf, ReadOnlyBanner, ReadOnlyNote, useCanWrite } from "./write-access.tsx";
import { loadUnitTree, UnitPicker } from "./unit-picker.tsx";

interface Issue { code: string; message: string; noticeId: number | null }
interface NoticeRow {
  id: number; title: string; body: string; category: keyof typeof NOTICE_CATEGORIES; form: keyof typeof FORM_RULES; postedOn: string; minimumEndsOn: string; status: NoticeStatus;
  removedOn: string | null; revisedOn: string | null; consultationId: number | null; version: number;
}
interface FeedbackRow { id: number; topic: string; kind: string; receivedOn: string; dueOn: string | null; answer: string | null; place: string | null; lat: number | null; lon: number | null }

/** A link that opens the point on openstreetmap.org (nothing of theirs is loaded in our pages). */
export const osmLink = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;

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

/**
 * Revising a notice's title or text: a correction keeps the first posting day; a material change is
 * posted afresh from today and the law's minimum runs again (src/portal/notice-rules.ts revision()).
 * The earlier text stays in the audit log; the public page says "cập nhật ngày …".
 */
function EditNotice({ n, close, done }: { n: NoticeRow; close: () => void; done: () => Promise<void> }) {
  const { error, busy, submit } = useSubmit((f) => api("PUT", `/api/portal/notices/${n.id}`, {
    title: String(f.get("title") ?? ""), body: String(f.get("body") ?? ""), ...(f.get("material") === "on" ? { material: true } : {}), version: n.version,
  }), async () => {
    close();
    await done();
  });
  return (
    <form onSubmit={submit} class="admin-form portal-edit" aria-labelledby={`edit-${n.id}`}>
      <h3 id={`edit-${n.id}`}>{tf("Sửa thông báo: {title}", { title: n.title })}</h3>
      <div class="fields">
        <div class="field wide"><label for={`e-title-${n.id}`}>{t("Tiêu đề")}</label><input id={`e-title-${n.id}`} name="title" required maxLength={300} value={n.title} /></div>
        <div class="field wide"><label for={`e-body-${n.id}`}>{t("Nội dung công khai")}</label><textarea id={`e-body-${n.id}`} name="body" required rows={6} maxLength={20000}>{n.body}</textarea></div>
        <div class="field wide"><label class="check"><input type="checkbox" name="material" /> {t("Thay đổi cơ bản (số liệu, nội dung mới): công khai lại từ hôm nay, thời hạn tối thiểu tính lại")}</label></div>
      </div>
      <p class="muted small">{t("Sửa lỗi nhỏ giữ ngày công khai đầu tiên. Trang công khai ghi \"cập nhật ngày …\"; bản trước được lưu trong nhật ký thay đổi.")}</p>
      {error && <ErrorBox error={error} />}
      <button type="submit" class="primary" disabled={busy}>{t("Lưu bản sửa")}</button> <button type="button" onClick={close}>{t("Hủy")}</button>
    </form>
  );
}

/** `published`: bumped when a result is published elsewhere on the page (the list reads again). */
function Notices({ unitId, published }: { unitId: number; published: number }) {
  const writer = useCanWrite();
  const [s, reload] = useLoad(`notices-${unitId}-${published}`, () => get<NoticeRow[]>(`/api/portal/notices?${qs({ unitId })}`));
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [history, setHistory] = useState<number | null>(null);
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
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{t("Chưa có thông báo.")}</p> : (<>
        <div class="table-wrap"><table class="portal-notices">
          <thead><tr><th scope="col">{t("Tiêu đề")}</th><th scope="col">{t("Ngày công khai")} → {t("Giữ ít nhất đến")}</th><th scope="col">{t("Tình trạng")}</th><th scope="col"><span class="sr-only">{t("Thao tác")}</span></th></tr></thead>
          <tbody>{rows.map((n) => (
            <tr key={n.id}>
              <td>{n.title}<br /><small class="muted">{NOTICE_CATEGORIES[n.category].label} · {FORM_RULES[n.form].label}{n.revisedOn ? ` · ${tf("cập nhật ngày {date}", { date: dmy(n.revisedOn) })}` : ""}</small></td>
              <td>{dmy(n.postedOn)}{n.minimumEndsOn !== n.postedOn ? ` → ${dmy(n.minimumEndsOn)}` : ""}</td><td>{STATUS_LABELS[n.status]}{n.removedOn ? ` (${tf("gỡ ngày {date}", { date: dmy(n.removedOn) })})` : ""}</td>
              <td class="portal-actions">{writer && n.consultationId === null && <button type="button" onClick={() => { setHistory(null); setEditing(n.id); }} aria-label={tf("Sửa thông báo: {title}", { title: n.title })}>{t("Sửa")}</button>}{" "}
                <button type="button" onClick={() => { setEditing(null); setHistory(n.id); }} aria-label={tf("Lịch sử thông báo: {title}", { title: n.title })}>{t("Lịch sử")}</button>{" "}
                {!writer ? null : n.removedOn
                ? <button type="button" onClick={() => setRemoved(n, null)} aria-label={tf("Công khai lại: {title}", { title: n.title })}>{t("Công khai lại")}</button>
                : <button type="button" onClick={() => setRemoved(n, today())} aria-label={tf("Gỡ khỏi trang công khai: {title}", { title: n.title })}>{t("Gỡ")}</button>}</td>
            </tr>
          ))}</tbody>
        </table></div>
        {rows.filter((r) => r.id === editing).map((n) => <EditNotice key={n.id} n={n} close={() => setEditing(null)} done={reload} />)}
        {rows.filter((r) => r.id === history).map((n) => <NoticeHistory key={`${n.id}-${n.version}`} id={n.id} title={n.title} close={() => setHistory(null)} />)}
      </>)}</Show>
      {writer ? <NewNotice unitId={unitId} done={reload} /> : <ReadOnlyNote>{t("Thông báo công khai do cán bộ có quyền nhập liệu của xã, phường thêm, sửa và gỡ.")}</ReadOnlyNote>}
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
  const writer = useCanWrite();
  const [s, reload] = useLoad(`feedback-${unitId}`, () => get<FeedbackRow[]>(`/api/portal/feedback?${qs({ unitId })}`));
  return (
    <section aria-labelledby="portal-feedback">
      <h2 id="portal-feedback">{t("Phản ánh, kiến nghị gửi qua cổng công khai")}</h2>
      <Show s={s}>{(rows) => rows.length === 0 ? <p class="muted">{t("Chưa có phản ánh, kiến nghị nào.")}</p> : (
        <ul>{rows.map((f) => (
          <li>
            <strong>{f.topic}</strong> — {tf("nhận {date}", { date: dmy(f.receivedOn) })}{f.dueOn ? `, ${tf("hạn {date}", { date: dmy(f.dueOn) })}` : ""}
            {(f.place || (f.lat !== null && f.lon !== null)) && (
              <p class="portal-place">{t("Nơi phản ánh")}: {f.place ?? ""}{f.place && f.lat !== null ? " · " : ""}
                {f.lat !== null && f.lon !== null && <a href={osmLink(f.lat, f.lon)} target="_blank" rel="noopener noreferrer">{tf("Xem trên bản đồ OpenStreetMap ({lat}, {lon})", { lat: f.lat, lon: f.lon })}</a>}</p>
            )}
            {writer && <Answer row={f} done={reload} />}
          </li>
        ))}</ul>
      )}</Show>
      {!writer && <ReadOnlyNote>{t("Câu trả lời phản ánh, kiến nghị do cán bộ có quyền nhập liệu của xã, phường công khai.")}</ReadOnlyNote>}
    </section>
  );
}

/** The unit whose page is shown: the user's own, or (province, country) a unit picked in its area. */
interface Viewed { id: number; code: string; name: string; commune: boolean }

/** Everything the staff page shows for one unit; keyed by the unit so a new pick loads afresh. */
function UnitSections({ u, onCodes }: { u: Viewed; onCodes: (s: IssuedCodes) => void }) {
  const [published, setPublished] = useState(0);
  return (
    <>
      {u.code && <p><a href={`/cong-khai/${u.code}`} target="_blank" rel="noopener">{tf("Xem trang công khai của {unit}", { unit: u.name || u.code })}</a></p>}
      <Compliance unitId={u.id} />
      <Notices unitId={u.id} published={published} />
      <Consultations unitId={u.id} onCodes={onCodes} onPublished={() => setPublished((n) => n + 1)} />
      <Feedback unitId={u.id} />
    </>
  );
}

/** A province (or the country): pick a commune in the area to see its notices, consultations and feedback. */
function UnitChooser({ home, viewed, pick }: { home: Viewed; viewed: Viewed; pick: (v: Viewed) => void }) {
  const choose = async (id: number) => {
    const n = (await loadUnitTree()).nodes.get(id);
    pick(n ? { id, code: n.code, name: n.name, commune: n.level === "commune" } : home);
  };
  return (
    <section aria-labelledby="portal-unit-h" class="portal-unit">
      <h2 id="portal-unit-h">{t("Công khai của một xã, phường")}</h2>
      <div class="admin-form"><UnitPicker id="portal-unit" name="unitId" label={t("Xã, phường")} value={viewed.id} onChange={(id) => void choose(id)} /></div>
      {viewed.id === home.id
        ? <p class="muted">{t("Thông báo, lấy ý kiến và phản ánh của xã, phường: chọn một xã, phường trong cây đơn vị. Dưới đây là những gì đơn vị của bạn công khai.")}</p>
        : <p class="muted">{tf("Đang xem: {unit}.", { unit: viewed.name })} <button type="button" class="link" onClick={() => pick(home)}>{t("Về đơn vị của tôi")}</button></p>}
    </section>
  );
}

export function PortalPage({ me }: { me: Me }) {
  const home: Viewed = { id: me.user.unitId, code: me.unit?.code ?? "", name: me.unit?.fullName ?? "", commune: me.unit?.level === "commune" };
  const [viewed, setViewed] = useState<Viewed>(home);
  // Household codes just issued: the page becomes their printable sheet until closed.
  const [sheet, setSheet] = useState<IssuedCodes | null>(null);
  if (sheet) {
    return <main id="main" class="portal-staff"><CodeSheet sheet={sheet} unitCode={viewed.code} unitName={viewed.name} close={() => setSheet(null)} /></main>;
  }
  const writer = canWriteOf(me);
  return (
    <CanWrite.Provider value={writer}>
    <main id="main" class="portal-staff">
      <h1>{t("Công khai")}</h1>
      {!writer && <ReadOnlyBanner me={me} />}
      {!home.commune && <UnitChooser home={home} viewed={viewed} pick={setViewed} />}
      <UnitSections key={viewed.id} u={viewed} onCodes={setSheet} />
    </main>
    </CanWrite.Provider>
  );
}
