/**
 * The dashboard of a unit for a period: key figures with their change against the previous period
 * and the same period a year earlier, a trend chart, sub-units compared as bars, who has filed
 * their report, and the same place before and after the 2025 reform. One API call per view.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { SECTIONS } from "../../indicators/catalog.ts";
import { get, qs, type Dashboard, type IndicatorRow, type Me } from "./api.ts";
import { Delta, PeriodPicker, compact, Show, TIMELINESS_VI, go, href, lastEndedQuarter, num, pct, periodInProgress, statusLabel, t, tf, useLoad, useRoute } from "./ui.tsx";
import { BasisBar, NotCompared, partialNote } from "./dashboard-basis.tsx";
import { PrintButton } from "./print.tsx";
import { UnitSwitch } from "./unit-picker.tsx";

/** The figures most reports lead with; the cards show these first. */
const KEY = ["reception.turns", "petitions.received", "petitions.resolved", "dialogues.held", "mediation.cases", "mediation.successful", "campaign.sessions", "dvk.models", "contrib.money_vnd", "contrib.labor_days"];

function Card({ r, d, partial }: { r: IndicatorRow; d: Dashboard; partial: boolean }) {
  const share = r.current.approved !== null && r.current.all ? r.current.approved / r.current.all : null;
  return (
    <li class="card" data-indicator={r.key}>
      <a href={href("/", { unit: d.unit.id, period: d.period.id, focus: r.key })}>
        <span class="label">{r.label}</span>
        <span class="value" title={num(r.current.value)}>{compact(r.current.value)} <small>{r.unit}</small></span>
        {r.current.ratio !== null && <span class="ratio">{tf("{pct} tổng số", { pct: pct(r.current.ratio) })}</span>}
        {r.current.estimated && <span class="badge">{t("ước thực hiện")}</span>}
        {share !== null && d.basis !== "approved" && <span class="share">{tf("đã phê duyệt {pct}", { pct: pct(share) })}</span>}
        {partial ? <NotCompared previous={d.previous.label} /> : <>
          <Delta cur={r.current.value} before={r.previous.value} label={t("so với kỳ trước")} title={`${d.previous.label}: ${num(r.previous.value)}`} />
          <Delta cur={r.current.value} before={r.lastYear.value} label={t("so với cùng kỳ")} title={`${d.lastYear.label}: ${num(r.lastYear.value)}`} />
        </>}
      </a>
    </li>
  );
}

function TrendChart({ d, today }: { d: Dashboard; today: string }) {
  const box = useRef<HTMLDivElement>(null);
  const pts = d.focus.trend;
  // A period in progress is not a point of the line (it would fall towards zero): it is drawn apart.
  const partial = pts.map((p) => periodInProgress(p.id, today));
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const width = () => Math.max(280, el.clientWidth);
    let plot: { setSize: (s: { width: number; height: number }) => void; destroy: () => void } | null = null;
    let ro: ResizeObserver | null = null;
    let live = true;
    // The chart library is its own file: the key figures above it paint without waiting for it.
    void import("uplot").then(({ default: uPlot }) => {
      if (!live) return;
      const p = new uPlot({
        width: width(), height: 220,
        scales: { x: { time: false } },
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        series: [{}, { label: t("Xu hướng"), stroke: "#b3261e", width: 2, fill: "rgba(179,38,30,0.08)", points: { size: 7 }, spanGaps: false },
          { label: t("Chưa trọn kỳ"), stroke: "#8a5300", width: 0, points: { size: 9, fill: "#fff", stroke: "#8a5300", width: 2 } }],
        axes: [
          { values: (_u, splits) => splits.map((i) => pts[i]?.id ?? ""), space: 52, incrs: [1, 2, 3, 4, 6, 12] },
          { values: (_u, splits) => splits.map((v) => num(v)), size: 60 },
        ],
      }, [pts.map((_, i) => i), pts.map((x, i) => (partial[i] ? null : x.value)), pts.map((x, i) => (partial[i] ? x.value : null))], el);
      plot = p;
      ro = new ResizeObserver(() => p.setSize({ width: width(), height: 220 }));
      ro.observe(el);
    }, () => undefined);
    return () => {
      live = false;
      ro?.disconnect();
      plot?.destroy();
    };
  }, [d]);
  return (
    <figure class="chart">
      <div ref={box} aria-hidden="true" />
      {partial.some(Boolean) && <p class="muted small legend-partial"><span aria-hidden="true">○ </span>{t("Kỳ chưa kết thúc: số liệu đến nay, không nối vào đường xu hướng.")}</p>}
      <figcaption class="sr-only">
        <table>
          <caption>{t("Xu hướng")}</caption>
          <tbody>{pts.map((p, i) => <tr><th scope="row">{p.label}</th><td>{num(p.value)}{partial[i] ? ` (${t("chưa trọn kỳ")})` : ""}</td></tr>)}</tbody>
        </table>
      </figcaption>
    </figure>
  );
}

function Bars({ d, unitOf }: { d: Dashboard; unitOf: string }) {
  const rows = [...d.focus.children].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, 15);
  return (
    <>
      <ol class="bars">
        {shown.map((r) => (
          <li>
            <a href={href("/", { unit: r.unit.id, period: d.period.id, focus: d.focus.indicator })} class="bar-label">{r.unit.fullName}</a>
            <span class="bar" style={{ width: `${((r.value ?? 0) / max) * 100}%` }} aria-hidden="true" />
            <span class="bar-value">{compact(r.value)} {r.value !== null ? unitOf : ""}{r.ratio !== null ? ` (${pct(r.ratio)})` : ""}</span>
            <a class="bar-form" href={href("/entry", { unit: r.unit.id, period: d.period.id })}>{t("Biểu mẫu")}<span class="sr-only"> {tf("của {unit}", { unit: r.unit.fullName })}</span></a>
          </li>
        ))}
      </ol>
      {rows.length > 15 && <button class="link" onClick={() => setAll(!all)}>{all ? t("Thu gọn") : tf("Xem tất cả {n} đơn vị", { n: rows.length })}</button>}
    </>
  );
}

function Submissions({ s }: { s: NonNullable<Dashboard["submissions"]> }) {
  const [open, setOpen] = useState<string | null>(null);
  const keys = ["on_time", "late", "missing", "not_due"] as const;
  return (
    <>
      <p>{t("Hạn nộp:")} <strong>{s.due.split("-").reverse().join("/")}</strong></p>
      <ul class="counts">
        {keys.map((k) => (
          <li class={k}>
            <button class="count" aria-expanded={open === k} onClick={() => setOpen(open === k ? null : k)} disabled={s.counts[k] === 0}>
              <strong>{s.counts[k]}</strong> {t(TIMELINESS_VI[k]!)}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <ul class="late-list">
          {s.rows.filter((r) => r.timeliness === open).map((r) => (
            <li>{r.unit.fullName} — {statusLabel(r.status)}{r.submittedAt ? tf(", nộp {date}", { date: r.submittedAt.slice(0, 10).split("-").reverse().join("/") }) : ""}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Reform({ d, unitOf }: { d: Dashboard; unitOf: string }) {
  const r = d.focus.reform;
  if (!r) return <p class="muted">{t("Đơn vị này không có số liệu trước/sau sắp xếp để so sánh.")}</p>;
  const side = (title: string, s: typeof r.before) => (
    <div class="side">
      <h3>{title}</h3>
      <table>
        <thead><tr><th scope="col">{t("Đơn vị")}</th><th scope="col" class="n">{r.period.label}</th></tr></thead>
        <tbody>
          {s.rows.map((x) => <tr><td>{x.unit.fullName}</td><td class="n">{num(x.value)}</td></tr>)}
        </tbody>
        {s.rows.length > 1 && <tfoot><tr><th scope="row">{t("Cộng")}</th><td class="n">{num(s.total)} {unitOf}</td></tr></tfoot>}
      </table>
    </div>
  );
  return (
    <>
      <p class="muted">{tf("Cùng một địa bàn, kỳ {period}: theo cơ cấu trước 1/7/2025 (như đã báo cáo) và theo cơ cấu hiện nay (số liệu cũ được chuyển sang đơn vị kế thừa).", { period: r.period.label })}</p>
      <div class="reform">
        {side(t("Trước sắp xếp (30/6/2025)"), r.before)}
        {side(tf("Sau sắp xếp ({date})", { date: r.after.asOf.split("-").reverse().join("/") }), r.after)}
      </div>
      {r.before.total !== null && r.after.total !== null && r.before.total !== r.after.total && (
        <p class="note">{tf("Chênh lệch {n}: một phần địa bàn được chia tách hoặc chuyển sang đơn vị khác.", { n: num(r.after.total - r.before.total) })}</p>
      )}
    </>
  );
}

export function DashboardPage({ me }: { me: Me }) {
  const { params } = useRoute();
  const unitId = Number(params.get("unit")) || me.user.unitId;
  const period = params.get("period") || lastEndedQuarter();
  const focus = params.get("focus") || "reception.turns";
  const basis = params.get("basis");
  const [showEmpty, setShowEmpty] = useState(false);
  const [s] = useLoad(`${unitId}|${period}|${focus}|${basis}`, () => get<Dashboard>(`/api/dashboard?${qs({ unitId, period, indicator: focus, basis })}`));
  const nav = (p: Record<string, string | number>) => go("/", { unit: unitId, period, focus, basis, ...p });
  return (
    <Show s={s}>{(d) => {
      const f = d.indicators.find((i) => i.key === d.focus.indicator)!;
      const partial = periodInProgress(d.period.id, me.today);
      const cards = KEY.map((k) => d.indicators.find((i) => i.key === k)).filter((r): r is IndicatorRow => !!r && r.current.value !== null);
      const sections = Object.entries(SECTIONS).map(([k, label]) => ({ label, rows: d.indicators.filter((i) => i.section === k && (showEmpty || i.current.value !== null || i.previous.value !== null || i.lastYear.value !== null)) })).filter((x) => x.rows.length);
      return (
        <div class="dashboard">
          <div class="page-head">
            <h1>{d.unit.fullName} <small>— {d.period.label}</small>{partial && <span class="badge partial">{t("chưa trọn kỳ")}</span>}</h1>
            <div class="controls">
              <PeriodPicker id="dash-period" value={d.period.id} onChange={(p) => nav({ period: p })} />
              <UnitSwitch id="dash-unit" period={d.period.id} value={d.unit.id} onPick={(id) => nav({ unit: id })} />
              {unitId !== me.user.unitId && <a href={href("/", { period, focus })}>{t("← Về đơn vị của tôi")}</a>}
              <PrintButton />
            </div>
          </div>
          {!me.abilities.includes("figures.write") && unitId !== me.user.unitId && (
            <p class="unit-links"><a href={href("/entry", { unit: unitId, period: d.period.id })}>{t("Xem biểu mẫu báo cáo")}</a> · <a href={href("/reports", { unit: unitId, period: d.period.id })}>{t("Xem báo cáo")}</a></p>
          )}
          {(d.report.status !== "draft" || me.abilities.includes("figures.write")) && (
            <p class={`status-banner ${d.report.status}`}>
              {tf("Báo cáo {period} của đơn vị:", { period: d.period.label })} <strong>{statusLabel(d.report.status)}</strong>
              {d.report.status === "returned" && d.report.returnReason ? <> — {t("lý do:")} <q>{d.report.returnReason}</q></> : null}
              {me.abilities.includes("figures.write") && <> · <a href={href("/entry", { unit: unitId === me.user.unitId ? undefined : unitId, period: d.period.id })}>{t("Mở biểu mẫu báo cáo")}</a></>}
            </p>
          )}
          <BasisBar d={d} focus={f} onBasis={(b) => nav({ basis: b })} />
          {partial && <p class="note partial" role="note">{partialNote(d, me.today)}</p>}
          <section aria-labelledby="h-key">
            <h2 id="h-key">{t("Chỉ tiêu chính")}</h2>
            {cards.length ? <ul class="cards">{cards.map((r) => <Card r={r} d={d} partial={partial} />)}</ul> : <p class="muted">{t("Chưa có số liệu kỳ này.")}</p>}
          </section>
          <div class="grid2">
            <section aria-labelledby="h-trend">
              <h2 id="h-trend">{t("Xu hướng")}: {f.label}</h2>
              <label for="focus">{t("Chỉ tiêu theo dõi")}</label>
              <select id="focus" value={f.key} onChange={(e) => nav({ focus: (e.target as HTMLSelectElement).value })}>
                {d.indicators.map((i) => <option value={i.key}>{i.label}</option>)}
              </select>
              <TrendChart d={d} today={me.today} />
            </section>
            <section aria-labelledby="h-kids">
              <h2 id="h-kids">{t("So sánh đơn vị trực thuộc")}: {f.label}</h2>
              {d.focus.childrenAsOf !== d.asOf && <p class="muted small">{tf("Các đơn vị như đã báo cáo kỳ này (cơ cấu ngày {date}), có số liệu chuyển vào {unit}.", { date: d.focus.childrenAsOf.split("-").reverse().join("/"), unit: d.unit.fullName })}</p>}
              {d.focus.children.length ? <Bars d={d} unitOf={f.unit} /> : <p class="muted">{t("Đơn vị không có đơn vị trực thuộc.")}</p>}
            </section>
          </div>
          {d.submissions && (
            <section aria-labelledby="h-subs">
              <h2 id="h-subs">{t("Tình hình nộp báo cáo")} {d.period.label}</h2>
              <Submissions s={d.submissions} />
            </section>
          )}
          <section aria-labelledby="h-reform">
            <h2 id="h-reform">{t("Trước và sau sắp xếp đơn vị hành chính 2025")}: {f.label}</h2>
            <Reform d={d} unitOf={f.unit} />
          </section>
          <section aria-labelledby="h-all">
            <h2 id="h-all">{t("Tất cả chỉ tiêu")}</h2>
            <label class="check no-print"><input type="checkbox" checked={showEmpty} onChange={() => setShowEmpty(!showEmpty)} /> {t("Hiện cả chỉ tiêu chưa có số liệu")}</label>
            <div class="table-wrap">
              <table class="all cards-sm">
                <caption class="muted">{tf("Kỳ này: {current}; kỳ trước: {previous}; cùng kỳ: {lastYear}.", { current: d.period.label, previous: d.previous.label, lastYear: d.lastYear.label })}</caption>
                <thead><tr><th scope="col">{t("Chỉ tiêu")}</th><th scope="col" class="n">{t("Kỳ này")}{partial ? <small> ({t("chưa trọn kỳ")})</small> : null}</th><th scope="col" class="n">{t("Kỳ trước")}</th><th scope="col" class="n">{t("Cùng kỳ")}</th></tr></thead>
                {sections.map((sec) => (
                  <tbody>
                    <tr class="sec"><th colSpan={4} scope="rowgroup">{t(sec.label)}</th></tr>
                    {sec.rows.map((r) => (
                      <tr>
                        <th scope="row"><a href={href("/", { unit: unitId, period, focus: r.key })}>{r.label}</a> <small>({r.unit})</small></th>
                        <td class="n" data-label={t("Kỳ này")}>{num(r.current.value)}{r.current.ratio !== null ? <small> ({pct(r.current.ratio)})</small> : null}</td>
                        <td class="n" data-label={t("Kỳ trước")}>{num(r.previous.value)}</td>
                        <td class="n" data-label={t("Cùng kỳ")}>{num(r.lastYear.value)}</td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            </div>
          </section>
          <p class="muted small">{tf("Số liệu tính theo cơ cấu đơn vị hành chính ngày {date}.", { date: d.asOf.split("-").reverse().join("/") })}</p>
        </div>
      );
    }}</Show>
  );
}
