/**
 * Administration: units (browse, search, add, record merges and other lineage events), users and
 * their roles, the indicator catalog. Each form posts to the API and shows its Vietnamese error.
 */
import { useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { SECTIONS } from "../../indicators/catalog.ts";
import { api, get, qs, type Indicator, type Me, type UnitView, type UserInfo } from "./api.ts";
import { ROLE_VI, Show, go, href, roleLabel, t, tf, useLoad, useRoute } from "./ui.tsx";
import { UnitPicker } from "./unit-picker.tsx";

/** The first day of the structure without districts (Nghị quyết 202/2025/QH15): no district is added from then on. */
const NO_DISTRICTS_FROM = "2025-07-01";

/** The level of a new unit and its first day: "Huyện" is offered only for a day before 1 July 2025. */
function LevelAndDate() {
  const [from, setFrom] = useState("");
  const [level, setLevel] = useState("commune");
  const districts = from !== "" && from < NO_DISTRICTS_FROM;
  const options: Array<[string, string]> = [["commune", t("Xã")], ["village", t("Thôn, tổ dân phố")], ["province", t("Tỉnh")], ...(districts ? [["district", t("Huyện")] as [string, string]] : [])];
  const shown = options.some(([k]) => k === level) ? level : "commune";
  return (
    <>
      <div class="field">
        <label for="a-level">{t("Cấp")}</label>
        <select id="a-level" name="level" value={shown} onChange={(e) => setLevel((e.target as HTMLSelectElement).value)} aria-describedby="a-level-h">{options.map(([v, l]) => <option value={v}>{l}</option>)}</select>
        <small id="a-level-h">{t("Từ 01/7/2025 không còn cấp huyện.")}</small>
      </div>
      <div class="field">
        <label for="a-validFrom">{t("Hiệu lực từ ngày")}</label>
        <input id="a-validFrom" name="validFrom" type="date" required value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
      </div>
    </>
  );
}

/** A form that posts its fields as JSON (after `shape`) and reports success or the API's error. */
function PostForm({ title, path, shape, done, children, submit }: {
  title: string; path: string; submit: string; children: ComponentChildren;
  shape: (f: Record<string, string>) => unknown; done: (r: unknown) => string;
}) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: Event) => {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    const f = Object.fromEntries(Array.from(el.elements as unknown as ArrayLike<HTMLInputElement>).filter((x) => x.name).map((x) => [x.name, x.value.trim()]));
    setBusy(true);
    setMsg(null);
    try {
      const r = await api("POST", path, shape(f));
      setMsg({ ok: true, text: done(r) });
      el.reset();
    } catch (err) {
      setMsg({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="admin-form" onSubmit={onSubmit} aria-busy={busy ? true : undefined}>
      <h2>{title}</h2>
      <div class="fields">{children}</div>
      {msg && <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p>}
      <button type="submit" class="primary" disabled={busy}>{submit}</button>
    </form>
  );
}

const Field = ({ name, label, type = "text", required = true, hint, value }: { name: string; label: string; type?: string; required?: boolean; hint?: string; value?: string }) => (
  <div class="field">
    <label for={`a-${name}`}>{label}</label>
    <input id={`a-${name}`} name={name} type={type} required={required} value={value} aria-describedby={hint ? `a-${name}-h` : undefined} />
    {hint && <small id={`a-${name}-h`}>{hint}</small>}
  </div>
);
const Select = ({ name, label, options }: { name: string; label: string; options: Array<[string, string]> }) => (
  <div class="field">
    <label for={`a-${name}`}>{label}</label>
    <select id={`a-${name}`} name={name}>{options.map(([v, l]) => <option value={v}>{l}</option>)}</select>
  </div>
);
const ids = (s: string) => s.split(/[\s,;]+/).filter(Boolean).map(Number);
const dmy = (d: string | null) => (d ? d.split("-").reverse().join("/") : t("nay"));

export function UnitsAdmin({ me }: { me: Me }) {
  const { params } = useRoute();
  const parent = Number(params.get("parent")) || undefined;
  const q = params.get("q") ?? "";
  const asOf = params.get("asOf") ?? "";
  const [s] = useLoad(`${parent}|${q}|${asOf}`, async () => ({
    units: await get<UnitView[]>(`/api/units?${qs({ parentId: parent, q, asOf, limit: 200 })}`),
    parent: parent ? await get<{ unit: UnitView; ancestors: UnitView[]; predecessors: Array<{ unit: UnitView; kind: string; date: string }> }>(`/api/units/${parent}`) : null,
  }));
  return (
    <div class="admin">
      <div class="page-head"><h1>{t("Đơn vị", "page")}</h1></div>
      <form class="inline" role="search" onSubmit={(e) => { e.preventDefault(); const f = new window.FormData(e.target as HTMLFormElement); go("/admin/units", { q: String(f.get("q")), asOf: String(f.get("asOf")) }); }}>
        <label for="uq">{t("Tìm theo tên hoặc mã")}</label>
        <input id="uq" name="q" type="search" value={q} />
        <label for="uasof">{t("Tại ngày")}</label>
        <input id="uasof" name="asOf" type="date" value={asOf} />
        <button type="submit">{t("Tìm")}</button>
      </form>
      <Show s={s}>{(d) => (
        <>
          {d.parent && (
            <nav aria-label={t("Đơn vị cấp trên")} class="crumbs">
              <a href="#/admin/units">{t("Cả nước")}</a>
              {[...d.parent.ancestors].reverse().slice(1).map((a) => <> › <a href={href("/admin/units", { parent: a.id, asOf })}>{a.fullName}</a></>)}
              {" › "}<strong>{d.parent.unit.fullName}</strong>
              {d.parent.predecessors.length > 0 && <p class="muted">{tf("Hình thành ngày {date} từ: {units}.", { date: dmy(d.parent.predecessors[0]!.date), units: d.parent.predecessors.map((p) => p.unit.fullName).join(", ") })}</p>}
            </nav>
          )}
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">{t("Mã")}</th><th scope="col">{t("Tên")}</th><th scope="col">ID</th><th scope="col">{t("Hiệu lực")}</th><th scope="col" class="n">{t("Trực thuộc")}</th></tr></thead>
              <tbody>
                {d.units.map((u) => (
                  <tr>
                    <td>{u.code}</td>
                    <td>{u.childCount ? <a href={href("/admin/units", { parent: u.id, asOf })}>{u.fullName}</a> : u.fullName}</td>
                    <td>{u.id}</td>
                    <td>{dmy(u.validFrom)} → {dmy(u.validTo)}</td>
                    <td class="n">{u.childCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}</Show>
      <div class="grid2">
        <PostForm title={t("Thêm đơn vị")} path="/api/units" submit={t("Thêm đơn vị")}
          shape={(f) => ({ code: f.code, name: f.name, type: f.type, level: f.level, parentId: Number(f.parentId), validFrom: f.validFrom })}
          done={(r) => tf("Đã thêm {unit} (ID {id}).", { unit: (r as UnitView).fullName, id: (r as UnitView).id })}>
          <Field name="code" label={t("Mã (GSO)")} />
          <Field name="name" label={t("Tên")} />
          <Field name="type" label={t("Loại (xã, phường, thôn…)")} />
          <Field name="parentId" label={t("ID đơn vị cấp trên")} type="number" value={parent ? String(parent) : undefined} />
          <LevelAndDate />
        </PostForm>
        <PostForm title={t("Ghi nhận sáp nhập, chia tách, đổi tên")} path="/api/lineage" submit={t("Ghi nhận")}
          shape={(f) => ({ kind: f.kind, date: f.date, from: ids(f.from ?? ""), to: ids(f.to ?? "") })}
          done={(r) => tf("Đã ghi {n} quan hệ kế thừa.", { n: (r as { edges: number }).edges })}>
          <Select name="kind" label={t("Loại thay đổi")} options={[["merge", t("Sáp nhập")], ["split", t("Chia tách")], ["rename", t("Đổi tên")], ["move", t("Chuyển đơn vị cấp trên")], ["upgrade", t("Nâng cấp (xã → phường)")]]} />
          <Field name="date" label={t("Ngày bắt đầu cơ cấu mới")} type="date" />
          <Field name="from" label={t("ID đơn vị tiền thân")} hint={t("Nhiều ID cách nhau bằng dấu phẩy")} />
          <Field name="to" label={t("ID đơn vị kế thừa")} hint={t("Nhiều ID cách nhau bằng dấu phẩy")} />
        </PostForm>
      </div>
      <p class="muted small">{tf("Phạm vi quản trị: {unit}.", { unit: me.unit?.fullName ?? "" })}</p>
    </div>
  );
}

/** Roles from the least to the most powerful. */
const LEAST_ROLE_FIRST = ["viewer", "reporter", "reviewer", "admin"] as const;

/** One user's row, with its edit form opened in place (role, unit, lock, password reset). */
function UserRow({ me, u, reload }: { me: Me; u: UserInfo & { unitName: string | null }; reload: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const self = u.id === me.user.userId;
  const save = async (e: Event) => {
    e.preventDefault();
    const f = new window.FormData(e.target as HTMLFormElement);
    const password = String(f.get("password") ?? "");
    const patch = {
      displayName: String(f.get("displayName") ?? "").trim(),
      email: String(f.get("email") ?? "").trim(),
      ...(self ? {} : { role: String(f.get("role")), unitId: Number(f.get("unitId")), active: f.get("active") === "on" }),
      ...(password ? { password } : {}),
    };
    try {
      await api("PATCH", `/api/users/${u.id}`, patch);
      await reload();
      setMsg({ ok: true, text: password ? tf("Đã lưu; mật khẩu của {user} đã được đặt lại, các phiên đăng nhập của họ đã kết thúc.", { user: u.username }) : t("Đã lưu.") });
    } catch (err) {
      setMsg({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  const id = (n: string) => `u${u.id}-${n}`;
  return (
    <>
      <tr class={u.active ? "" : "rejected"}>
        <td>{u.username}</td><td>{u.displayName}</td><td>{roleLabel(u.role)}</td><td title={`ID ${u.unitId}`}>{u.unitName ?? u.unitId}</td><td>{u.active ? t("Hoạt động") : t("Đã khóa")}</td>
        <td><button type="button" class="link" aria-expanded={open} aria-controls={id("form")} onClick={() => setOpen(!open)}>{open ? t("Đóng") : t("Sửa")}<span class="sr-only"> {u.username}</span></button></td>
      </tr>
      {open && (
        <tr><td colSpan={6}>
          <form id={id("form")} class="inline" onSubmit={save} aria-label={tf("Sửa người dùng {user}", { user: u.username })}>
            <label for={id("name")}>{t("Họ tên")}</label><input id={id("name")} name="displayName" value={u.displayName} required />
            {!self && <>
              <label for={id("role")}>{t("Vai trò")}</label>
              <select id={id("role")} name="role" value={u.role}>{Object.keys(ROLE_VI).map((k) => <option value={k}>{roleLabel(k)}</option>)}</select>
              <UnitPicker id={id("unit")} name="unitId" label={t("Đơn vị")} value={u.unitId} />
              <label class="check"><input type="checkbox" name="active" checked={u.active} /> {t("Đang hoạt động (bỏ chọn để khóa)")}</label>
            </>}
            <label for={id("email")}>{t("E-mail nhận nhắc việc")}</label><input id={id("email")} name="email" type="email" value={u.email ?? ""} autocomplete="off" />
            <label for={id("pw")}>{t("Đặt lại mật khẩu")}</label><input id={id("pw")} name="password" type="password" autocomplete="new-password" placeholder={t("để trống nếu không đổi")} />
            <button type="submit" class="primary">{t("Lưu")}</button>
          </form>
          {self && <p class="muted small">{t("Đây là tài khoản của bạn: vai trò, đơn vị và trạng thái do quản trị viên khác thay đổi.")}</p>}
          {msg && <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p>}
        </td></tr>
      )}
    </>
  );
}

export function UsersAdmin({ me }: { me: Me }) {
  const [s, reload] = useLoad("users", () => get<Array<UserInfo & { unitName: string | null }>>("/api/users"));
  return (
    <div class="admin">
      <div class="page-head"><h1>{t("Người dùng", "page")}</h1></div>
      <Show s={s}>{(users) => (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{t("Tên đăng nhập")}</th><th scope="col">{t("Họ tên")}</th><th scope="col">{t("Vai trò")}</th><th scope="col">{t("Đơn vị")}</th><th scope="col">{t("Trạng thái")}</th><th scope="col"><span class="sr-only">{t("Sửa")}</span></th></tr></thead>
            <tbody>{users.map((u) => <UserRow key={u.id} me={me} u={u} reload={reload} />)}</tbody>
          </table>
        </div>
      )}</Show>
      <PostForm title={t("Thêm người dùng")} path="/api/users" submit={t("Thêm người dùng")}
        shape={(f) => ({ username: f.username, displayName: f.displayName, password: f.password, role: f.role, unitId: Number(f.unitId), email: f.email })}
        done={(r) => { reload(); return tf("Đã thêm {user}.", { user: (r as UserInfo).username }); }}>
        <Field name="username" label={t("Tên đăng nhập")} hint={t("3–40 ký tự: chữ thường không dấu, số, . _ -")} />
        <Field name="displayName" label={t("Họ tên / tên cơ quan")} />
        <Field name="password" label={t("Mật khẩu ban đầu")} type="password" hint={t("Tối thiểu 10 ký tự, không phải mật khẩu phổ biến")} />
        {/* The least role first, so a new account is not an administrator by default. */}
        <Select name="role" label={t("Vai trò")} options={LEAST_ROLE_FIRST.map((k): [string, string] => [k, roleLabel(k)])} />
        <UnitPicker id="a-unitId" name="unitId" label={t("Đơn vị")} value={me.user.unitId} />
        <Field name="email" label={t("E-mail nhận nhắc việc")} type="email" required={false} hint={t("Không bắt buộc; để trống: chỉ nhắc trong ứng dụng")} />
      </PostForm>
    </div>
  );
}

/** Every user: their account and a change of their own password. */
export function AccountPage({ me }: { me: Me }) {
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const el = e.target as HTMLFormElement;
    const f = new window.FormData(el);
    if (f.get("password") !== f.get("again")) return setMsg({ ok: false, text: t("Hai lần nhập mật khẩu mới không khớp.") });
    try {
      await api("PUT", "/api/me/password", { current: f.get("current"), password: f.get("password") });
      setMsg({ ok: true, text: t("Đã đổi mật khẩu.") });
      el.reset();
    } catch (err) {
      setMsg({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div class="admin">
      <div class="page-head"><h1>{t("Tài khoản")}</h1></div>
      <dl class="facts">
        <dt>{t("Tên đăng nhập")}</dt><dd>{me.user.username}</dd>
        <dt>{t("Họ tên")}</dt><dd>{me.user.displayName}</dd>
        <dt>{t("Vai trò")}</dt><dd>{roleLabel(me.user.role)}</dd>
        <dt>{t("Đơn vị")}</dt><dd>{me.unit?.fullName ?? me.user.unitId}</dd>
      </dl>
      <form class="admin-form" onSubmit={submit}>
        <h2>{t("Đổi mật khẩu")}</h2>
        <div class="fields">
          <div class="field"><label for="pw-cur">{t("Mật khẩu hiện tại")}</label><input id="pw-cur" name="current" type="password" autocomplete="current-password" required /></div>
          <div class="field"><label for="pw-new">{t("Mật khẩu mới")}</label><input id="pw-new" name="password" type="password" autocomplete="new-password" minLength={10} required aria-describedby="pw-h" /><small id="pw-h">{t("Tối thiểu 10 ký tự, không phải mật khẩu phổ biến")}</small></div>
          <div class="field"><label for="pw-again">{t("Nhập lại mật khẩu mới")}</label><input id="pw-again" name="again" type="password" autocomplete="new-password" required /></div>
        </div>
        {msg && <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p>}
        <button type="submit" class="primary">{t("Đổi mật khẩu")}</button>
      </form>
    </div>
  );
}

export function IndicatorsAdmin({ me }: { me: Me }) {
  void me;
  const [s, reload] = useLoad("indicators", () => get<{ indicators: Indicator[] }>("/api/indicators"));
  return (
    <div class="admin">
      <div class="page-head"><h1>{t("Chỉ tiêu", "page")}</h1></div>
      <Show s={s}>{(d) => (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">{t("Mã")}</th><th scope="col">{t("Tên chỉ tiêu")}</th><th scope="col">{t("Đơn vị tính")}</th><th scope="col">{t("Cách cộng")}</th><th scope="col">{t("Nhóm")}</th></tr></thead>
            <tbody>{d.indicators.map((i) => (
              <tr><td><code>{i.key}</code></td><td>{i.label}{i.builtin ? "" : ` ${t("(riêng)")}`}</td><td>{i.unit}</td>
                <td>{i.aggregation === "rate" ? t("tỷ lệ (không cộng)") : i.denominator ? tf("cộng; tỷ lệ trên {denominator}", { denominator: i.denominator }) : t("cộng")}</td>
                <td>{t(SECTIONS[i.section as keyof typeof SECTIONS] ?? i.section)}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}</Show>
      <PostForm title={t("Thêm chỉ tiêu riêng")} path="/api/indicators" submit={t("Thêm chỉ tiêu")}
        shape={(f) => ({ key: f.key, label: f.label, unit: f.unit, aggregation: f.aggregation, section: f.section, denominator: f.denominator || null })}
        done={(r) => { reload(); return tf("Đã thêm chỉ tiêu {key}.", { key: (r as Indicator).key }); }}>
        <Field name="key" label={t("Mã chỉ tiêu")} hint={t("Dạng nhom.ten, chữ thường không dấu (ví dụ youth.volunteers)")} />
        <Field name="label" label={t("Tên chỉ tiêu")} />
        <Field name="unit" label={t("Đơn vị tính")} />
        <Select name="aggregation" label={t("Cách cộng")} options={[["sum", t("Cộng dồn")], ["rate", t("Tỷ lệ báo cáo (không cộng)")]]} />
        <Select name="section" label={t("Nhóm trong báo cáo")} options={Object.entries(SECTIONS).map(([k, l]): [string, string] => [k, t(l)])} />
        <Field name="denominator" label={t("Mẫu số (nếu có)")} required={false} hint={t("Mã chỉ tiêu tổng, cho số dạng 34/37")} />
      </PostForm>
    </div>
  );
}
