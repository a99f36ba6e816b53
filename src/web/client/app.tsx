/**
 * The danvan web application: sign-in, then a shell whose navigation shows only what the user's
 * abilities (from /api/me) allow, and the page the URL hash names.
 */
import { render } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, api, get, type Ability, type Me } from "./api.ts";
import { ErrorBox, currentLang, roleLabel, setCutoffDay, setLang, setServerToday, t, tf, tl, useRoute, type Lang } from "./ui.tsx";
import { lazyView } from "./ui.tsx";
import { DashboardPage } from "./dashboard.tsx";
import { InboxBadge } from "./inbox.tsx";

// The dashboard (the landing page) comes with the first file; every other page is its own file,
// fetched the first time it is opened.
const EntryPage = lazyView<{ me: Me }>(() => import("./entry.tsx").then((m) => m.EntryPage));
const ReviewPage = lazyView<{ me: Me }>(() => import("./review.tsx").then((m) => m.ReviewPage));
const ImportPage = lazyView<{ me: Me }>(() => import("./extras.tsx").then((m) => m.ImportPage));
const CsvImportPage = lazyView<{ me: Me }>(() => import("./import-csv.tsx").then((m) => m.CsvImportPage));
const ReportsPage = lazyView<{ me: Me }>(() => import("./extras.tsx").then((m) => m.ReportsPage));
const RegistersPage = lazyView<{ me: Me }>(() => import("./registers.tsx").then((m) => m.RegistersPage));
const UnitsAdmin = lazyView<{ me: Me }>(() => import("./admin.tsx").then((m) => m.UnitsAdmin));
const UsersAdmin = lazyView<{ me: Me }>(() => import("./admin.tsx").then((m) => m.UsersAdmin));
const IndicatorsAdmin = lazyView<{ me: Me }>(() => import("./admin.tsx").then((m) => m.IndicatorsAdmin));
const PortalPage = lazyView<{ me: Me }>(() => import("./portal.tsx").then((m) => m.PortalPage));
const OversightPage = lazyView<{ me: Me }>(() => import("./oversight.tsx").then((m) => m.OversightPage));
const AccountPage = lazyView<{ me: Me }>(() => import("./admin.tsx").then((m) => m.AccountPage));
const InboxPage = lazyView<object>(() => import("./inbox.tsx").then((m) => m.InboxPage));

interface Page {
  path: string;
  label: string;
  ability: Ability;
  /** Shown in the navigation only with this ability (the page itself opens with `ability`). */
  nav?: Ability;
  group?: string;
  view: (me: Me) => preact.JSX.Element;
}

const PAGES: Page[] = [
  { path: "/", label: tl("Tổng quan"), ability: "figures.read", view: (me) => <DashboardPage me={me} /> },
  // Readers (reviewers, viewers) open a unit's form read-only from the review queue, the dashboard and reports.
  { path: "/entry", label: tl("Nhập số liệu"), ability: "figures.read", nav: "figures.write", view: (me) => <EntryPage me={me} /> },
  { path: "/review", label: tl("Duyệt báo cáo"), ability: "submissions.review", view: (me) => <ReviewPage me={me} /> },
  { path: "/import", label: tl("Nhập từ văn bản"), ability: "import", view: (me) => <ImportPage me={me} /> },
  { path: "/import/csv", label: tl("Nhập tệp CSV, dataValueSets"), ability: "import", group: "hidden", view: (me) => <CsvImportPage me={me} /> },
  { path: "/reports", label: tl("Báo cáo"), ability: "figures.read", view: (me) => <ReportsPage me={me} /> },
  { path: "/registers", label: tl("Sổ theo dõi"), ability: "figures.read", view: (me) => <RegistersPage me={me} /> },
  { path: "/portal", label: tl("Công khai"), ability: "figures.read", view: (me) => <PortalPage me={me} /> },
  { path: "/oversight", label: tl("Giám sát"), ability: "figures.read", view: (me) => <OversightPage me={me} /> },
  { path: "/admin/units", label: tl("Đơn vị", "page"), ability: "units.manage", group: "Quản trị", view: (me) => <UnitsAdmin me={me} /> },
  { path: "/admin/users", label: tl("Người dùng", "page"), ability: "users.manage", group: "Quản trị", view: (me) => <UsersAdmin me={me} /> },
  { path: "/account", label: tl("Tài khoản"), ability: "figures.read", group: "hidden", view: (me) => <AccountPage me={me} /> },
  { path: "/inbox", label: tl("Hộp thư"), ability: "figures.read", group: "hidden", view: () => <InboxPage /> },
  { path: "/admin/indicators", label: tl("Chỉ tiêu", "page"), ability: "indicators.manage", group: "Quản trị", view: (me) => <IndicatorsAdmin me={me} /> },
];

function SignIn({ onDone }: { onDone: (me: Me) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // After too many wrong passwords the server refuses sign-in for a while: say so, count down,
  // and keep the button off until then (a click would only be refused again).
  const [lockedUntil, setLockedUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (lockedUntil <= Date.now()) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [lockedUntil]);
  const locked = lockedUntil > now;
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    setBusy(true);
    setError(null);
    try {
      await api("POST", "/api/session", { username: String(f.get("username") ?? "").trim(), password: String(f.get("password") ?? "") });
      onDone(await get<Me>("/api/me"));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      const wait = err instanceof ApiError && err.code === "RATE_LIMITED" ? Number((err.details as { retryAfter?: number } | undefined)?.retryAfter ?? 0) : 0;
      setNow(Date.now());
      setLockedUntil(wait > 0 ? Date.now() + wait * 1000 : 0);
    } finally {
      setBusy(false);
    }
  };
  const left = Math.max(0, Math.ceil((lockedUntil - now) / 1000));
  return (
    <main class="signin" id="main">
      <h1>danvan</h1>
      <p class="lead">{t("Công tác dân vận và thực hiện dân chủ ở cơ sở")}</p>
      <form onSubmit={submit} aria-describedby={error ? "signin-error" : undefined}>
        <label for="username">{t("Tên đăng nhập")}</label>
        <input id="username" name="username" autocomplete="username" required autoFocus />
        <label for="password">{t("Mật khẩu")}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        {error && (
          <div class={locked ? "error locked" : "error"} role="alert" id="signin-error">
            {locked && <strong>{t("Tạm khóa đăng nhập")}</strong>}
            <p>{error}</p>
            {locked && <p class="countdown">{tf("Có thể thử lại sau {n} giây.", { n: left })}</p>}
          </div>
        )}
        <button type="submit" class="primary" disabled={busy || locked}>{busy ? t("Đang đăng nhập…") : t("Đăng nhập")}</button>
      </form>
    </main>
  );
}

function Shell({ me, onSignOut, onLang }: { me: Me; onSignOut: () => void; onLang: (l: Lang) => void }) {
  const route = useRoute();
  const [menu, setMenu] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const allowed = PAGES.filter((p) => me.abilities.includes(p.nav ?? p.ability));
  const page = PAGES.find((p) => p.path === route.path) ?? (route.path.startsWith("/review/") ? PAGES[2] : undefined);
  useEffect(() => {
    setMenu(false);
    mainRef.current?.focus({ preventScroll: true });
  }, [route.path]);
  const link = (p: Page) => (
    <a href={`#${p.path}`} aria-current={page === p ? "page" : undefined}>{t(p.label, "page")}</a>
  );
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>{t("Bỏ qua, tới nội dung chính")}</a>
      <header class="top">
        <a class="brand" href="#/">danvan</a>
        <button class="menu-toggle" aria-expanded={menu} aria-controls="nav" onClick={() => setMenu(!menu)}>Menu</button>
        <nav id="nav" class={menu ? "open" : ""} aria-label={t("Điều hướng chính")}>
          <ul>
            {allowed.filter((p) => !p.group).map((p) => <li>{link(p)}</li>)}
            {allowed.some((p) => p.group === "Quản trị") && (
              <li class="group"><span>{t("Quản trị")}:</span>
                <ul>{allowed.filter((p) => p.group === "Quản trị").map((p) => <li>{link(p)}</li>)}</ul>
              </li>
            )}
          </ul>
        </nav>
        <div class="who">
          <InboxBadge />
          <a class="user" href="#/account" title={`${t("Tài khoản")}: ${roleLabel(me.user.role)}`}>{me.user.displayName}</a>
          <span class="unit">{me.unit?.fullName} · {roleLabel(me.user.role)}</span>
          <button class="link" lang={currentLang() === "vi" ? "en" : "vi"} onClick={() => onLang(currentLang() === "vi" ? "en" : "vi")}>
            {currentLang() === "vi" ? "English" : "Tiếng Việt"}
          </button>
          <button class="link" onClick={onSignOut}>{t("Đăng xuất")}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {!page ? <ErrorBox error={t("Không có trang này.")} />
          : !me.abilities.includes(page.ability) ? <ErrorBox error={t("Bạn không có quyền xem trang này.")} />
          : page.view(me)}
      </main>
    </>
  );
}

function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [, setLangState] = useState(currentLang());
  const signIn = (m: Me) => {
    setServerToday(m.today);
    setCutoffDay(m.cutoffDay);
    setMe(m);
  };
  useEffect(() => {
    get<Me>("/api/me").then(signIn, () => setMe(null));
  }, []);
  if (me === undefined) return <p class="boot" role="status">{t("Đang tải…")}</p>;
  if (me === null) return <SignIn onDone={signIn} />;
  return (
    <Shell
      me={me}
      onLang={(l) => void setLang(l).then(() => setLangState(l), () => undefined)}
      onSignOut={async () => {
        await api("DELETE", "/api/session").catch(() => undefined);
        // A fresh page: nothing of this user (their outbox, cached data) stays in memory.
        location.hash = "";
        location.reload();
      }}
    />
  );
}

// English users wait for their dictionary (a small separate file) before the first paint.
void setLang(currentLang()).catch(() => undefined).then(() => render(<App />, document.getElementById("app")!));
