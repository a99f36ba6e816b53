/**
 * New or edited record of a record register (reception, mediation, oversight, Dân vận khéo,
 * commendations): fields from its spec, a draft kept on this computer, the version check.
 */
import { useState } from "preact/hooks";
import { ConflictPanel, conflictOf, type ConflictRow } from "./conflict.tsx";
import { ApiError, api, type Me } from "./api.ts";
import { emptyValues, REGISTER_FORMS, serverFieldErrors, toInput, valuesOf, type FieldErrors, type FormValue, type FormValues } from "./register-forms.ts";
import { Fields, Notice, focusFirst, refuseInvalid, setFlash, type Msg } from "./register-fields.tsx";
import { Loading, go, href, t, tf, today } from "./ui.tsx";
import { flat, message, useTeams } from "./register-shared.tsx";

type RecordRow = import("../../registers/record.service.ts").RegisterRecord;

/**
 * New or edited record of a register. The values typed are kept on this computer until saved, so a
 * dropped connection or a closed tab loses nothing.
 */
export function RecordEditor({ me, register, record }: { me: Me; register: string; record?: RecordRow }) {
  const form = REGISTER_FORMS[register]!;
  const draftKey = `danvan.draft.${me.user.userId}.${register}.${record?.id ?? "new"}`;
  const initial = () => (record ? valuesOf(form.fields, record.data as Record<string, unknown>, today()) : emptyValues(form.fields, today()));
  const [restored] = useState(() => localStorage.getItem(draftKey));
  const [values, setValues] = useState<FormValues>(() => (restored ? (JSON.parse(restored) as FormValues) : initial()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [msg, setMsg] = useState<Msg>(restored ? { ok: true, text: t("Đã khôi phục bản nháp chưa lưu trên máy này.") } : null);
  const [busy, setBusy] = useState(false);
  /** The version this edit is based on (the record's, or the server's after choosing in a conflict). */
  const [base, setBase] = useState(record?.version);
  const [conflict, setConflict] = useState<{ current: RecordRow; version: number } | null>(null);
  const teams = useTeams(form.fields, record?.unitId ?? me.user.unitId);
  const set = (name: string, v: FormValue) => {
    const next = { ...values, [name]: v };
    setValues(next);
    localStorage.setItem(draftKey, JSON.stringify(next));
  };
  const save = async (e?: Event, version = base) => {
    e?.preventDefault();
    const { input, errors: local } = toInput(form.fields, values);
    if (refuseInvalid(local, setErrors, setMsg)) return;
    setBusy(true);
    setMsg(null);
    try {
      const body = { ...input, unitId: record?.unitId ?? me.user.unitId, ...(record ? { version } : {}) };
      const saved = record ? await api<RecordRow>("PUT", `/api/registers/${register}/${record.id}`, body) : await api<RecordRow>("POST", `/api/registers/${register}`, body);
      localStorage.removeItem(draftKey);
      setFlash(record ? t("Đã lưu thay đổi.") : tf("Đã vào sổ bản ghi #{id}.", { id: saved.id }));
      go("/registers", { reg: register, id: saved.id });
    } catch (err) {
      const c = conflictOf<RecordRow>(err);
      if (c) {
        setConflict(c);
        return;
      }
      const fe = err instanceof ApiError ? serverFieldErrors(err.details) : null;
      if (fe) {
        setErrors(fe);
        focusFirst(fe);
      }
      const offline = err instanceof ApiError && err.code === "NETWORK";
      setMsg({ ok: false, text: offline ? t("Mất kết nối: chưa lưu được. Dữ liệu vẫn được giữ trên máy này; bấm Lưu lại khi có mạng.") : message(err) });
    } finally {
      setBusy(false);
    }
  };
  const discard = () => {
    localStorage.removeItem(draftKey);
    setValues(initial());
    setErrors({});
    setMsg(null);
  };
  const theirs = conflict ? valuesOf(form.fields, conflict.current.data as Record<string, unknown>, today()) : null;
  const rows: ConflictRow[] = theirs ? form.fields.map((f) => ({ label: t(f.label, f.kind === "rows" || f.kind === "texts" ? "list" : undefined), mine: flat(values[f.name]), theirs: flat(theirs[f.name]) })) : [];
  const keepMine = () => {
    const v = conflict!.version;
    setBase(v);
    setConflict(null);
    void save(undefined, v);
  };
  const takeTheirs = () => {
    localStorage.removeItem(draftKey);
    setValues(theirs!);
    setBase(conflict!.version);
    setConflict(null);
    setMsg({ ok: true, text: t("Đã lấy bản trên máy chủ; sửa tiếp rồi lưu nếu cần.") });
  };
  return (
    <form class="admin-form record-form" onSubmit={save} noValidate>
      <h2>{record ? tf("Sửa {noun}", { noun: t(form.noun) }) : tf("Thêm {noun}", { noun: t(form.noun) })}</h2>
      {teams.state === "loading" ? <Loading /> : (
        <div class="fields">
          <Fields fields={form.fields} values={values} set={set} errors={errors} teams={teams.state === "ok" ? teams.data : []} />
        </div>
      )}
      {conflict && <ConflictPanel rows={rows} onMine={keepMine} onTheirs={takeTheirs} busy={busy} />}
      <Notice msg={msg} />
      <p class="actions">
        <button type="submit" class="primary" disabled={busy || !!conflict}>{busy ? t("Đang lưu…") : t("Lưu")}</button>
        <a href={href("/registers", { reg: register, id: record?.id })}>{t("Hủy")}</a>
        {restored && <button type="button" class="link" onClick={discard}>{t("Bỏ bản nháp")}</button>}
      </p>
    </form>
  );
}
