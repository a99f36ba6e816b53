/**
 * The data-entry page: the report form (entry-form.tsx) of a unit for a period, with the period
 * picker, the unit switch and printing; read-only for roles that cannot change figures.
 */
import { useMemo } from "preact/hooks";
import { get, qs, type Comparison, type FormData, type Me } from "./api.ts";
import { ErrorBox, PeriodPicker, Show, go, href, lastEndedQuarter, t, useLoad, useRoute } from "./ui.tsx";
import { PrintButton } from "./print.tsx";
import { UnitSwitch } from "./unit-picker.tsx";
import { ReportForm } from "./entry-form.tsx";

/** What the unit's registers count for the period, by indicator (only those with records). */
export function useCounted(unitId: number, period: string): Map<string, number> {
  const [s] = useLoad(`counted|${unitId}|${period}`, () => get<{ items: Comparison[] }>(`/api/registers/figures/compare?${qs({ unitId, period })}`));
  return useMemo(() => new Map(s.state === "ok" ? s.data.items.filter((i) => i.hasRecords).map((i) => [i.indicator, i.counted]) : []), [s]);
}

/** The data-entry page (#/entry?unit=&period=): the signed-in user's unit and the last ended quarter unless chosen. */
export function EntryPage({ me }: { me: Me }) {
  const { params } = useRoute();
  const unitId = Number(params.get("unit")) || me.user.unitId;
  const period = params.get("period") || lastEndedQuarter();
  const [s, reload] = useLoad(`${unitId}|${period}`, () => get<FormData>(`/api/dashboard/form?${qs({ unitId, period })}`));
  // Asked for beside the form, not after it: one round trip on a slow line, not two in a row.
  const counted = useCounted(unitId, period);
  const readOnly = !me.abilities.includes("figures.write");
  return (
    <div class="entry">
      <div class="page-head">
        <h1>{readOnly ? t("Biểu mẫu báo cáo") : t("Nhập số liệu")}{s.state === "ok" ? <small> — {s.data.unit.fullName}, {s.data.period.label}</small> : null}</h1>
        <div class="controls"><PeriodPicker id="entry-period" value={period} kinds={s.state === "ok" ? s.data.reportPeriods : undefined} noFuture onChange={(p) => go("/entry", { unit: params.get("unit"), period: p })} />
          <UnitSwitch id="entry-unit" period={period} value={unitId} onPick={(id) => go("/entry", { unit: id === me.user.unitId ? undefined : id, period })} /><PrintButton /></div>
      </div>
      {readOnly && (
        <p class="note read-only" role="note">
          {t("Chỉ xem: vai trò của bạn không sửa được số liệu của biểu mẫu này.")}{" "}
          <a href={href("/reports", { unit: params.get("unit"), period })}>{t("Xem báo cáo của đơn vị")}</a>
          {me.abilities.includes("submissions.review") && <> · <a href={href("/review", { unit: unitId, period })}>{t("Mở ở trang duyệt")}</a></>}
        </p>
      )}
      {s.state === "error" ? <ErrorBox error={s.error} /> : <Show s={s}>{(form) => <ReportForm key={`${form.unit.id}|${form.period.id}|${form.submission.status}`} me={me} form={form} counted={counted} reload={reload} />}</Show>}
    </div>
  );
}
