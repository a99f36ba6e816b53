/**
 * Shared pieces of the register pages: the petitioner's identity as the reader may see it, a form
 * value as one line, paging and export links, the unit's mediation teams, a delete that asks twice.
 */
import { useState } from "preact/hooks";
import { IDENTITY_MASK } from "../../registers/vocabulary.ts";
import { get, qs } from "./api.ts";
import { type FieldSpec, type FormValue, type FormValues } from "./register-forms.ts";
import { num, t, tf, tl, useLoad } from "./ui.tsx";

export type RecordRow = import("../../registers/record.service.ts").RegisterRecord;

export const PAGE = 50;
export const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A petitioner's detail as the reader may see it: a tố cáo's identity masked for those who do not
 * handle it shows as a clear lock note, never as if it were the person's name.
 */
export function Identity({ value }: { value: string | null }) {
  if (value === IDENTITY_MASK) return <span class="masked" title={t("Thông tin người tố cáo chỉ người được giao giải quyết mới xem được (Luật Tố cáo 2018, Điều 47).")}>{t("Đã ẩn theo Luật Tố cáo")}</span>;
  return <>{value ?? "—"}</>;
}

/** A form value as one line of text (for comparing two versions). */
export function flat(v: FormValue | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? t("Có") : t("Không");
  if (v.length === 0) return "";
  if (typeof v[0] === "string") return (v as string[]).filter(Boolean).join("; ");
  return (v as FormValues[]).map((r) => Object.values(r).map(flat).filter(Boolean).join(" — ")).join("; ");
}


/** Previous / next page links for a list of `total` items. */
export function Pager({ total, offset, to }: { total: number; offset: number; to: (offset: number) => string }) {
  if (total <= PAGE) return null;
  return (
    <nav class="pager" aria-label={t("Phân trang")}>
      {offset > 0 ? <a href={to(Math.max(0, offset - PAGE))}>{t("← Trang trước")}</a> : <span />}
      <span>{offset + 1}–{Math.min(total, offset + PAGE)} / {num(total)}</span>
      {offset + PAGE < total ? <a href={to(offset + PAGE)}>{t("Trang sau →")}</a> : <span />}
    </nav>
  );
}

export function Exports({ register, filter }: { register: string; filter: Record<string, string> }) {
  const q = qs(filter);
  return (
    <p class="actions small">
      <a href={`/api/registers/${register}/export?${q}&format=xlsx`} download>{t("Xuất Excel (.xlsx)")}</a>{" · "}
      <a href={`/api/registers/${register}/export?${q}&format=csv`} download>{t("Xuất CSV")}</a>
    </p>
  );
}

/** The mediation teams of a unit, when a form has a team field (else nothing is loaded). */
export function useTeams(fields: readonly FieldSpec[], unitId: number) {
  const needed = fields.some((f) => f.kind === "team");
  return useLoad(`teams|${needed}|${unitId}`, async () => (needed
    ? (await get<{ items: RecordRow[] }>(`/api/registers/mediation_team?${qs({ unitId, limit: 1000 })}`)).items.map((r) => ({ id: r.id, title: r.title }))
    : []))[0];
}

/** Deletes after a second click (no browser dialog; keyboard and screen readers reach both). */
export function DeleteButton({ what, onDelete }: { what: string; onDelete: () => Promise<void> }) {
  const [armed, setArmed] = useState(false);
  return armed
    ? <span role="group" aria-label={t("Xác nhận xóa")}><button type="button" class="danger" onClick={onDelete}>{tf("Xóa hẳn {what}", { what })}</button> <button type="button" class="link" onClick={() => setArmed(false)}>{t("Không xóa")}</button></span>
    : <button type="button" onClick={() => setArmed(true)}>{t("Xóa…")}</button>;
}

export const COMPLEXITY_VI = { normal: tl("Bình thường"), complex: tl("Phức tạp"), especially_complex: tl("Đặc biệt phức tạp") } as const;
