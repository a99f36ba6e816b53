/**
 * What the dashboard's totals count, said on the page: the basis (approved reports only, submitted
 * or approved, everything including drafts) with a switch, the approved share of the focus
 * indicator, how many sub-units have not submitted; and the words for a period still in progress,
 * which is not compared with finished ones.
 */
import type { Dashboard, IndicatorRow } from "./api.ts";
import { num, pct, t, tf, tl } from "./ui.tsx";

export const BASIS_VI: Record<string, string> = {
  approved: tl("Đã phê duyệt"),
  submitted: tl("Đã nộp (kể cả chờ duyệt)"),
  all: tl("Tất cả (kể cả bản nháp)"),
};

/** The sub-units whose report for the period is not in (draft, returned, or never started). */
export function notSubmitted(d: Dashboard): number {
  return d.submissions ? d.submissions.rows.filter((r) => r.status !== "submitted" && r.status !== "approved").length : 0;
}

export function BasisBar({ d, focus, onBasis }: { d: Dashboard; focus: IndicatorRow; onBasis: (b: string) => void }) {
  const c = focus.current;
  const share = c.approved !== null && c.all ? c.approved / c.all : c.all === 0 || c.all === null ? null : 0;
  const missing = notSubmitted(d);
  const communes = d.submissions?.rows.every((r) => r.unit.level === "commune") ?? false;
  return (
    <section class="basis" aria-labelledby="h-basis">
      <h2 id="h-basis" class="sr-only">{t("Cơ sở số liệu")}</h2>
      <fieldset class="basis-switch">
        <legend>{t("Số liệu tính theo")}</legend>
        {Object.entries(BASIS_VI).map(([k, label]) => (
          <label class="radio"><input type="radio" name="basis" value={k} checked={d.basis === k} onChange={() => onBasis(k)} /> {t(label)}</label>
        ))}
      </fieldset>
      <p class="basis-state" data-basis={d.basis}>
        {tf("Đang tính: {basis}.", { basis: t(BASIS_VI[d.basis] ?? d.basis).toLowerCase() })}{" "}
        {share !== null && (
          <span class="approved-share">
            {tf("Phần đã phê duyệt của \"{indicator}\": {pct} ({approved} / {all} {unit}).", { indicator: focus.label, pct: pct(share), approved: num(c.approved ?? 0), all: num(c.all), unit: focus.unit })}
          </span>
        )}{" "}
        {d.submissions && (
          <strong class="not-submitted">{missing === 0 ? t("Mọi đơn vị trực thuộc đã nộp.") : communes ? tf("{n} xã chưa nộp", { n: missing }) : tf("{n} đơn vị chưa nộp", { n: missing })}</strong>
        )}
      </p>
    </section>
  );
}

/** In place of "▼ −98 % so với kỳ trước" while the period runs. */
export function NotCompared({ previous }: { previous: string }) {
  return <span class="delta none partial" title={tf("Chưa so với {period}: kỳ này chưa kết thúc.", { period: previous })}>{t("chưa trọn kỳ, chưa so sánh")}</span>;
}

export function partialNote(d: Dashboard, today: string): string {
  return tf("{period} chưa kết thúc: số liệu tính đến {date}, chưa so sánh với kỳ trước và cùng kỳ như một kỳ đã trọn.", { period: d.period.label, date: today.split("-").reverse().join("/") });
}
