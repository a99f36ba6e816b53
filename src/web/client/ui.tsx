/** Small shared pieces of the client: routing by URL hash, language, number formats, common widgets. */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { ApiError } from "./api.ts";
import { t, tf, tl } from "./i18n.ts";

// ---- routing --------------------------------------------------------------------------------

export interface Route {
  path: string;
  params: URLSearchParams;
}

function readHash(hash: string): Route {
  const h = hash.replace(/^#/, "") || "/";
  const [path, q] = h.split("?");
  return { path: path || "/", params: new URLSearchParams(q ?? "") };
}

/** The current client route; re-renders on hash changes. */
export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener("hashchange", on);
    // Effects run after the page is drawn: a link followed in between (a quick click on a slow
    // laptop) fired its hashchange before anyone listened. Read the hash again now.
    on();
    return () => removeEventListener("hashchange", on);
  }, []);
  return useMemo(() => readHash(hash), [hash]);
}

/** A hash link target with query parameters (empty ones dropped). */
export function href(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== "").map(([k, v]) => [k, String(v)])).toString();
  return `#${path}${q ? `?${q}` : ""}`;
}

export const go = (path: string, params: Record<string, string | number | undefined | null> = {}) => {
  location.hash = href(path, params).slice(1);
};

/**
 * A link to another place on the same page (the element with id `to`): scrolls there and moves the
 * focus to it when it takes focus (tabIndex -1), without touching the hash the routing reads.
 */
export function JumpLink({ to, children }: { to: string; children: ComponentChildren }) {
  return (
    <a href={`#${to}`} onClick={(e) => {
      e.preventDefault();
      const el = document.getElementById(to);
      el?.scrollIntoView({ block: "start" });
      el?.focus({ preventScroll: true });
    }}>{children}</a>
  );
}

// ---- language -------------------------------------------------------------------------------

export { currentLang, setLang, t, tf, tl, type Lang } from "./i18n.ts";

// ---- numbers and periods --------------------------------------------------------------------

const nf = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
/** "1.234", "93,1"; an em dash for no data. */
export const num = (v: number | null | undefined): string => (v === null || v === undefined ? "—" : nf.format(v));
/** Large amounts the way reports write them: "19,64 tỷ", "35 triệu" (for cards and bars). */
export function compact(v: number | null | undefined): string {
  if (v === null || v === undefined) return "—";
  const a = Math.abs(v);
  if (a >= 1e9) return tf("{n} tỷ", { n: nf.format(Math.round(v / 1e7) / 100) });
  if (a >= 1e6) return tf("{n} triệu", { n: nf.format(Math.round(v / 1e4) / 100) });
  return nf.format(v);
}
export const pct = (r: number | null | undefined): string => (r === null || r === undefined ? "" : `${nf.format(Math.round(r * 1000) / 10)}%`);

/** Relative change in percent, or null when there is nothing to compare. */
export function change(cur: number | null, before: number | null): number | null {
  if (cur === null || before === null || before === 0) return null;
  return ((cur - before) / before) * 100;
}

/** "▲ +3,2% so với kỳ trước" (the compared period's full name in the tooltip and for screen readers). */
export function Delta({ cur, before, label, title }: { cur: number | null; before: number | null; label: string; title: string }) {
  const c = change(cur, before);
  if (c === null) return <span class="delta none" title={title}>— {label}</span>;
  const r = Math.round(c * 10) / 10;
  const cls = r > 0 ? "up" : r < 0 ? "down" : "flat";
  const arrow = r > 0 ? "▲" : r < 0 ? "▼" : "■";
  return <span class={`delta ${cls}`} title={title}><span aria-hidden="true">{arrow}</span> {r > 0 ? "+" : ""}{nf.format(r)}% {label}<span class="sr-only"> ({title})</span></span>;
}

const PARTS: Array<[string, () => string]> = [
  ["", () => t("Cả năm")], ["S1", () => t("6 tháng đầu năm")], ["S2", () => t("6 tháng cuối năm")], ["N9", () => t("9 tháng")],
  ["Q1", () => t("Quý I")], ["Q2", () => t("Quý II")], ["Q3", () => t("Quý III")], ["Q4", () => t("Quý IV")],
  ...Array.from({ length: 12 }, (_, i): [string, () => string] => [String(i + 1).padStart(2, "0"), () => tf("Tháng {n}", { n: i + 1 })]),
];

let serverToday: string | null = null;
/** Called once signed in: dates in forms and default periods follow the server's date. */
export const setServerToday = (d: string) => {
  serverToday = d;
};
/** Today in Vietnam: the server's date once known, else the clock read at UTC+7. */
export const today = (): string => serverToday ?? new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

let serverCutoffDay = 1;
/**
 * Called once signed in with /api/me's `cutoffDay` (settings: the day of the month periods start on;
 * 1 = calendar months). Anything but a whole day 1–28 counts as calendar months.
 */
export const setCutoffDay = (d: unknown) => {
  serverCutoffDay = typeof d === "number" && Number.isInteger(d) && d >= 1 && d <= 28 ? d : 1;
};
/** The cut-off day in force (1 until the server says otherwise). */
export const cutoffDay = (): number => serverCutoffDay;

/** The latest quarter that has ended by `day` (the usual report to look at or file). */
export function lastEndedQuarter(day = today()): string {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return q === 0 ? `${y - 1}Q4` : `${y}Q${q}`;
}

/** The kind of period of a picker's part ("" year, "S1", "N9", "Q3", "07"). */
const kindOf = (part: string): string => (part === "" ? "year" : part.startsWith("S") ? "six_months" : part === "N9" ? "nine_months" : part.startsWith("Q") ? "quarter" : "month");

/** The first month of a picker's part. */
const firstMonth = (part: string): number => (part === "" || part === "S1" || part === "N9" ? 1 : part === "S2" ? 7 : part.startsWith("Q") ? Number(part.slice(1)) * 3 - 2 : Number(part));

/** True when the period has started by `day` (nothing can be reported for a later one). */
export function periodStarted(id: string, day = today()): boolean {
  const y = Number(id.slice(0, 4));
  return `${y}-${String(firstMonth(id.slice(4))).padStart(2, "0")}-01` <= day;
}

/** The last day of a period ("2026Q4" → "2026-12-31"; calendar months). */
export function periodEnd(id: string): string {
  const y = Number(id.slice(0, 4));
  const part = id.slice(4);
  const last = part === "" || part === "S2" ? 12 : part === "S1" ? 6 : part === "N9" ? 9 : part.startsWith("Q") ? Number(part.slice(1)) * 3 : Number(part);
  return `${y}-${String(last).padStart(2, "0")}-${String(new Date(Date.UTC(y, last, 0)).getUTCDate()).padStart(2, "0")}`;
}

/** True when the period has not ended by `day`: its figures are partial (a quarter in progress). */
export function periodInProgress(id: string, day = today()): boolean {
  return periodStarted(id, day) && day <= periodEnd(id);
}

/**
 * Year and period; `kinds` limits the kinds of period offered (the report form offers those the
 * units report on), `noFuture` leaves out periods that have not started.
 */
export function PeriodPicker({ value, onChange, id, kinds, noFuture }: { value: string; onChange: (p: string) => void; id: string; kinds?: readonly string[]; noFuture?: boolean }) {
  const year = Number(value.slice(0, 4));
  const part = value.slice(4);
  const now = Number(today().slice(0, 4));
  const years = Array.from({ length: now - 2019 + (noFuture ? 1 : 2) }, (_, i) => 2019 + i).reverse();
  const offered = PARTS.filter(([k]) => k === part || ((!kinds || kinds.includes(kindOf(k))) && (!noFuture || periodStarted(`${year}${k}`))));
  /** A year whose chosen part has not started yet moves to its first part that has. */
  const pickYear = (y: string) => {
    if (!noFuture || periodStarted(`${y}${part}`)) return onChange(`${y}${part}`);
    const first = PARTS.find(([k]) => (!kinds || kinds.includes(kindOf(k))) && periodStarted(`${y}${k}`));
    onChange(`${y}${first?.[0] ?? part}`);
  };
  return (
    <fieldset class="period">
      <legend>{t("Kỳ báo cáo")}</legend>
      <label for={`${id}-y`}>{t("Năm")}</label>
      <select id={`${id}-y`} value={year} onChange={(e) => pickYear((e.target as HTMLSelectElement).value)}>
        {years.map((y) => <option value={y}>{y}</option>)}
      </select>
      <label for={`${id}-p`}>{t("Kỳ")}</label>
      <select id={`${id}-p`} value={part} onChange={(e) => onChange(`${year}${(e.target as HTMLSelectElement).value}`)}>
        {offered.map(([k, l]) => <option value={k}>{l()}</option>)}
      </select>
    </fieldset>
  );
}

// ---- async data -----------------------------------------------------------------------------

export type Loaded<T> = { state: "loading" } | { state: "error"; error: ApiError } | { state: "ok"; data: T };

/** Loads data when `key` changes; a newer request wins over an older one still in flight. */
export function useLoad<T>(key: string, load: () => Promise<T>): [Loaded<T>, () => Promise<void>] {
  const [s, setS] = useState<Loaded<T>>({ state: "loading" });
  const [n, setN] = useState(0);
  // reload() settles once the page shows the reloaded data, so a "saved" message never appears
  // beside the state from before the save.
  const waiting = useRef<Array<() => void>>([]);
  useEffect(() => {
    let live = true;
    setS((old) => (old.state === "ok" ? old : { state: "loading" }));
    const settle = () => {
      const w = waiting.current;
      waiting.current = [];
      for (const f of w) f();
    };
    load().then(
      (data) => { if (live) { setS({ state: "ok", data }); settle(); } },
      (e: unknown) => { if (live) { setS({ state: "error", error: e instanceof ApiError ? e : new ApiError("CLIENT", String(e), 0) }); settle(); } },
    );
    return () => {
      live = false;
    };
  }, [key, n]);
  return [s, () => new Promise<void>((resolve) => { waiting.current.push(resolve); setN((x) => x + 1); })];
}

/** A spinner with its text (`label` already translated; "Đang tải…" by default). */
export function Loading({ label }: { label?: string }) {
  return <p class="loading" role="status" aria-live="polite"><span class="spinner" aria-hidden="true" />{label ?? t("Đang tải…")}</p>;
}

export function ErrorBox({ error }: { error: ApiError | string }) {
  const msg = typeof error === "string" ? error : error.message;
  return <p class="error" role="alert">{msg}</p>;
}

/**
 * A page loaded from its own file the first time it is shown (the spinner meanwhile; a clear
 * message, and another try on the next visit, when the connection drops).
 */
export function lazyView<P extends object>(load: () => Promise<(props: P) => preact.JSX.Element>): (props: P) => preact.JSX.Element {
  let loaded: ((props: P) => preact.JSX.Element) | null = null;
  let pending: Promise<(props: P) => preact.JSX.Element> | null = null;
  return function Lazy(props: P) {
    const [View, setView] = useState(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (View) return;
      let live = true;
      (pending ??= load()).then(
        (v) => {
          loaded = v;
          if (live) setView(() => v);
        },
        () => {
          pending = null;
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (failed) return <ErrorBox error={t("Không tải được trang này. Kiểm tra kết nối mạng rồi mở lại trang.")} />;
    return View ? <View {...props} /> : <Loading />;
  };
}

export function Show<T>({ s, children }: { s: Loaded<T>; children: (d: T) => ComponentChildren }) {
  if (s.state === "loading") return <Loading />;
  if (s.state === "error") return <ErrorBox error={s.error} />;
  return <>{children(s.data)}</>;
}

/** Labels of coded values, in Vietnamese (show them with t()). */
export const STATUS_VI: Record<string, string> = { draft: tl("Đang soạn"), submitted: tl("Đã nộp, chờ duyệt"), approved: tl("Đã phê duyệt"), returned: tl("Bị trả lại") };
export const TIMELINESS_VI: Record<string, string> = { on_time: tl("Đúng hạn"), late: tl("Trễ hạn"), missing: tl("Chưa nộp"), not_due: tl("Chưa đến hạn") };
export const ROLE_VI: Record<string, string> = { admin: tl("Quản trị", "role"), reviewer: tl("Duyệt báo cáo", "role"), reporter: tl("Báo cáo viên", "role"), viewer: tl("Xem số liệu", "role") };
/** The translated label of a status, a timeliness or a role (the code itself when unknown). */
export const statusLabel = (k: string) => t(STATUS_VI[k] ?? k);
export const roleLabel = (k: string) => t(ROLE_VI[k] ?? k, "role");

/** A form that posts, shows the server's message on refusal, and reloads on success. */
export function useSubmit(send: (f: FormData) => Promise<unknown>, done: () => Promise<void>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    setBusy(true);
    setError(null);
    try {
      await send(new FormData(form));
      form.reset();
      await done();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, submit };
}
