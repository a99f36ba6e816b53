/**
 * Intake of a petition (sổ đơn thư). What is typed is kept on this computer as a draft
 * (localStorage, per user) from the first key press: a reload, a closed tab or a save that failed
 * offline loses nothing, and the draft is cleared once the server has the petition. Each field
 * says in Vietnamese what is wrong with it, texts with a limit count their characters, and a
 * refusal from the server is put back at its field. Deadlines are computed by the server.
 */
import { useState } from "preact/hooks";
import { ApiError, api, type Me } from "./api.ts";
import { dmy } from "./labels.ts";
import { Fields, Notice, focusFirst, refuseInvalid, setFlash, type Msg } from "./register-fields.tsx";
import { emptyValues, PETITION_FORM, petitionInput, serverFieldErrors, type FieldErrors, type FormValue, type FormValues } from "./register-forms.ts";
import { go, href, t, tf, today } from "./ui.tsx";

type Petition = import("../../registers/petition.service.ts").Petition;

/** The draft's key: one per user, so a shared computer never shows one person's draft to another. */
export const petitionDraftKey = (userId: number) => `danvan.draft.${userId}.petitions.new`;

function readDraft(key: string): FormValues | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? ({ ...emptyValues(PETITION_FORM.fields, today()), ...(JSON.parse(raw) as FormValues) }) : null;
  } catch {
    return null;
  }
}
function writeDraft(key: string, values: FormValues | null) {
  try {
    if (values) localStorage.setItem(key, JSON.stringify(values));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the form still works, only the draft is not kept.
  }
}

export function PetitionIntake({ me }: { me: Me }) {
  const key = petitionDraftKey(me.user.userId);
  const [restored, setRestored] = useState(() => readDraft(key) !== null);
  const [values, setValues] = useState<FormValues>(() => readDraft(key) ?? emptyValues(PETITION_FORM.fields, today()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [msg, setMsg] = useState<Msg>(restored ? { ok: true, text: t("Đã khôi phục bản nháp chưa lưu trên máy này.") } : null);
  const [busy, setBusy] = useState(false);
  const set = (name: string, v: FormValue) => {
    const next = { ...values, [name]: v };
    setValues(next);
    writeDraft(key, next);
    // A field corrected is no longer marked (the others keep their message until the next save).
    if (errors[name]) setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => k !== name)));
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const { input, errors: local } = petitionInput(values, today());
    if (refuseInvalid(local, setErrors, setMsg)) return;
    setBusy(true);
    setMsg(null);
    try {
      const p = await api<Petition>("POST", "/api/registers/petitions", { ...input, unitId: me.user.unitId });
      writeDraft(key, null);
      const due = { id: p.id, date: dmy(p.dueOn) };
      setFlash(p.dueStage === "accept" ? tf("Đã vào sổ đơn #{id}; hạn thụ lý: {date}.", due) : tf("Đã vào sổ đơn #{id}; hạn xử lý: {date}.", due));
      go("/registers", { reg: "petitions", id: p.id });
    } catch (err) {
      const fe = err instanceof ApiError ? serverFieldErrors(err.details) : null;
      if (fe) {
        setErrors(fe);
        focusFirst(fe);
      }
      const offline = err instanceof ApiError && err.code === "NETWORK";
      setMsg({
        ok: false,
        text: offline ? t("Mất kết nối: chưa lưu được. Dữ liệu vẫn được giữ trên máy này; bấm Lưu lại khi có mạng.")
          : fe ? tf("Máy chủ chưa nhận đơn: còn {n} ô chưa hợp lệ; xem các ô được đánh dấu.", { n: Object.keys(fe).length })
          : err instanceof Error ? err.message : String(err),
      });
    } finally {
      setBusy(false);
    }
  };
  const discard = () => {
    writeDraft(key, null);
    setValues(emptyValues(PETITION_FORM.fields, today()));
    setErrors({});
    setRestored(false);
    setMsg(null);
  };
  return (
    <form class="admin-form record-form petition-form" onSubmit={add} noValidate>
      <h2>{t("Vào sổ đơn thư mới")}</h2>
      <p class="muted small">{t("Nội dung đang nhập được giữ trên máy này cho tới khi vào sổ xong, kể cả khi mất mạng hay tải lại trang.")}</p>
      <div class="fields">
        <Fields fields={PETITION_FORM.fields} values={values} set={set} errors={errors} teams={[]} />
      </div>
      <Notice msg={msg} />
      <p class="actions">
        <button type="submit" class="primary" disabled={busy}>{busy ? t("Đang lưu…") : t("Vào sổ")}</button>
        <a href={href("/registers", { reg: "petitions" })}>{t("Hủy")}</a>
        {restored && <button type="button" class="link" onClick={discard}>{t("Bỏ bản nháp")}</button>}
      </p>
    </form>
  );
}
