/**
 * Administration: units (browse, search, add, record merges and other lineage events), users and
 * their roles, the indicator catalog. Each form posts to the API and shows its Vietnamese error.
 */
import { useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { SECTIONS } from "../../indicators/catalog.ts";
import { api, get, qs, type Indicator, type Me, type UnitView, type UserInfo } from "./api.ts";
import { ROLE_VI, Show, go, href, t, useLoad, useRoute } from "./ui.tsx";

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
const dmy = (d: string | null) => (d ? d.split("-").reverse().join("/") : "nay");

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
      <div class="page-head"><h1>{t("Đơn vị")}</h1></div>
      <form class="inline" role="search" onSubmit={(e) => { e.preventDefault(); const f = new window.FormData(e.target as HTMLFormElement); go("/admin/units", { q: String(f.get("q")), asOf: String(f.get("asOf")) }); }}>
        <label for="uq">Tìm theo tên hoặc mã</label>
        <input id="uq" name="q" type="search" value={q} />
        <label for="uasof">Tại ngày</label>
        <input id="uasof" name="asOf" type="date" value={asOf} />
        <button type="submit">Tìm</button>
      </form>
      <Show s={s}>{(d) => (
        <>
          {d.parent && (
            <nav aria-label="Đơn vị cấp trên" class="crumbs">
              <a href="#/admin/units">Cả nước</a>
              {[...d.parent.ancestors].reverse().slice(1).map((a) => <> › <a href={href("/admin/units", { parent: a.id, asOf })}>{a.fullName}</a></>)}
              {" › "}<strong>{d.parent.unit.fullName}</strong>
              {d.parent.predecessors.length > 0 && <p class="muted">Hình thành ngày {dmy(d.parent.predecessors[0]!.date)} từ: {d.parent.predecessors.map((p) => p.unit.fullName).join(", ")}.</p>}
            </nav>
          )}
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">Mã</th><th scope="col">Tên</th><th scope="col">ID</th><th scope="col">Hiệu lực</th><th scope="col" class="n">Trực thuộc</th></tr></thead>
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
        <PostForm title="Thêm đơn vị" path="/api/units" submit="Thêm đơn vị"
          shape={(f) => ({ code: f.code, name: f.name, type: f.type, level: f.level, parentId: Number(f.parentId), validFrom: f.validFrom })}
          done={(r) => `Đã thêm ${(r as UnitView).fullName} (ID ${(r as UnitView).id}).`}>
          <Field name="code" label="Mã (GSO)" />
          <Field name="name" label="Tên" />
          <Field name="type" label="Loại (xã, phường, thôn…)" />
          <Select name="level" label="Cấp" options={[["commune", "Xã"], ["village", "Thôn, tổ dân phố"], ["province", "Tỉnh"], ["district", "Huyện"]]} />
          <Field name="parentId" label="ID đơn vị cấp trên" type="number" value={parent ? String(parent) : undefined} />
          <Field name="validFrom" label="Hiệu lực từ ngày" type="date" />
        </PostForm>
        <PostForm title="Ghi nhận sáp nhập, chia tách, đổi tên" path="/api/lineage" submit="Ghi nhận"
          shape={(f) => ({ kind: f.kind, date: f.date, from: ids(f.from ?? ""), to: ids(f.to ?? "") })}
          done={(r) => `Đã ghi ${(r as { edges: number }).edges} quan hệ kế thừa.`}>
          <Select name="kind" label="Loại thay đổi" options={[["merge", "Sáp nhập"], ["split", "Chia tách"], ["rename", "Đổi tên"], ["move", "Chuyển đơn vị cấp trên"], ["upgrade", "Nâng cấp (xã → phường)"]]} />
          <Field name="date" label="Ngày bắt đầu cơ cấu mới" type="date" />
          <Field name="from" label="ID đơn vị tiền thân" hint="Nhiều ID cách nhau bằng dấu phẩy" />
          <Field name="to" label="ID đơn vị kế thừa" hint="Nhiều ID cách nhau bằng dấu phẩy" />
        </PostForm>
      </div>
      <p class="muted small">Phạm vi quản trị: {me.unit?.fullName}.</p>
    </div>
  );
}

/** One user's row, with its edit form opened in place (role, unit, lock, password reset). */
function UserRow({ me, u, reload }: { me: Me; u: UserInfo & { unitName: string | null }; reload: () => void }) {
  const [open, setOpen] = useState(false);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const self = u.id === me.user.userId;
  const save = async (e: Event) => {
    e.preventDefault();
    const f = new window.FormData(e.target as HTMLFormElement);
    const password = String(f.get("password") ?? "");
    const patch = {
      displayName: String(f.get("displayName") ?? "").trim(),
      ...(self ? {} : { role: String(f.get("role")), unitId: Number(f.get("unitId")), active: f.get("active") === "on" }),
      ...(password ? { password } : {}),
    };
    try {
      await api("PATCH", `/api/users/${u.id}`, patch);
      setMsg({ ok: true, text: password ? `Đã lưu; mật khẩu của ${u.username} đã được đặt lại, các phiên đăng nhập của họ đã kết thúc.` : "Đã lưu." });
      reload();
    } catch (err) {
      setMsg({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  const id = (n: string) => `u${u.id}-${n}`;
  return (
    <>
      <tr class={u.active ? "" : "rejected"}>
        <td>{u.username}</td><td>{u.displayName}</td><td>{ROLE_VI[u.role]}</td><td title={`ID ${u.unitId}`}>{u.unitName ?? u.unitId}</td><td>{u.active ? "Hoạt động" : "Đã khóa"}</td>
        <td><button type="button" class="link" aria-expanded={open} aria-controls={id("form")} onClick={() => setOpen(!open)}>{open ? "Đóng" : "Sửa"}<span class="sr-only"> {u.username}</span></button></td>
      </tr>
      {open && (
        <tr><td colSpan={6}>
          <form id={id("form")} class="inline" onSubmit={save} aria-label={`Sửa người dùng ${u.username}`}>
            <label for={id("name")}>Họ tên</label><input id={id("name")} name="displayName" value={u.displayName} required />
            {!self && <>
              <label for={id("role")}>Vai trò</label>
              <select id={id("role")} name="role" value={u.role}>{Object.entries(ROLE_VI).map(([k, l]) => <option value={k}>{l}</option>)}</select>
              <label for={id("unit")}>ID đơn vị</label><input id={id("unit")} name="unitId" type="number" value={u.unitId} size={8} />
              <label class="check"><input type="checkbox" name="active" checked={u.active} /> Đang hoạt động (bỏ chọn để khóa)</label>
            </>}
            <label for={id("pw")}>Đặt lại mật khẩu</label><input id={id("pw")} name="password" type="password" autocomplete="new-password" placeholder="để trống nếu không đổi" />
            <button type="submit" class="primary">Lưu</button>
          </form>
          {self && <p class="muted small">Đây là tài khoản của bạn: vai trò, đơn vị và trạng thái do quản trị viên khác thay đổi.</p>}
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
      <div class="page-head"><h1>{t("Người dùng")}</h1></div>
      <Show s={s}>{(users) => (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Tên đăng nhập</th><th scope="col">Họ tên</th><th scope="col">Vai trò</th><th scope="col">Đơn vị</th><th scope="col">Trạng thái</th><th scope="col"><span class="sr-only">Sửa</span></th></tr></thead>
            <tbody>{users.map((u) => <UserRow key={u.id} me={me} u={u} reload={reload} />)}</tbody>
          </table>
        </div>
      )}</Show>
      <PostForm title="Thêm người dùng" path="/api/users" submit="Thêm người dùng"
        shape={(f) => ({ username: f.username, displayName: f.displayName, password: f.password, role: f.role, unitId: Number(f.unitId) })}
        done={(r) => { reload(); return `Đã thêm ${(r as UserInfo).username}.`; }}>
        <Field name="username" label="Tên đăng nhập" hint="3–40 ký tự: chữ thường không dấu, số, . _ -" />
        <Field name="displayName" label="Họ tên / tên cơ quan" />
        <Field name="password" label="Mật khẩu ban đầu" type="password" hint="Tối thiểu 8 ký tự" />
        <Select name="role" label="Vai trò" options={Object.entries(ROLE_VI)} />
        <Field name="unitId" label="ID đơn vị" type="number" value={String(me.user.unitId)} hint="Tìm ID ở trang Đơn vị" />
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
    if (f.get("password") !== f.get("again")) return setMsg({ ok: false, text: "Hai lần nhập mật khẩu mới không khớp." });
    try {
      await api("PUT", "/api/me/password", { current: f.get("current"), password: f.get("password") });
      setMsg({ ok: true, text: "Đã đổi mật khẩu." });
      el.reset();
    } catch (err) {
      setMsg({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div class="admin">
      <div class="page-head"><h1>{t("Tài khoản")}</h1></div>
      <dl class="facts">
        <dt>Tên đăng nhập</dt><dd>{me.user.username}</dd>
        <dt>Họ tên</dt><dd>{me.user.displayName}</dd>
        <dt>Vai trò</dt><dd>{ROLE_VI[me.user.role]}</dd>
        <dt>Đơn vị</dt><dd>{me.unit?.fullName ?? me.user.unitId}</dd>
      </dl>
      <form class="admin-form" onSubmit={submit}>
        <h2>Đổi mật khẩu</h2>
        <div class="fields">
          <div class="field"><label for="pw-cur">Mật khẩu hiện tại</label><input id="pw-cur" name="current" type="password" autocomplete="current-password" required /></div>
          <div class="field"><label for="pw-new">Mật khẩu mới</label><input id="pw-new" name="password" type="password" autocomplete="new-password" minLength={8} required aria-describedby="pw-h" /><small id="pw-h">Tối thiểu 8 ký tự</small></div>
          <div class="field"><label for="pw-again">Nhập lại mật khẩu mới</label><input id="pw-again" name="again" type="password" autocomplete="new-password" required /></div>
        </div>
        {msg && <p class={msg.ok ? "ok" : "error"} role={msg.ok ? "status" : "alert"}>{msg.text}</p>}
        <button type="submit" class="primary">Đổi mật khẩu</button>
      </form>
    </div>
  );
}

export function IndicatorsAdmin({ me }: { me: Me }) {
  void me;
  const [s, reload] = useLoad("indicators", () => get<{ indicators: Indicator[] }>("/api/indicators"));
  return (
    <div class="admin">
      <div class="page-head"><h1>{t("Chỉ tiêu")}</h1></div>
      <Show s={s}>{(d) => (
        <div class="table-wrap">
          <table>
            <thead><tr><th scope="col">Mã</th><th scope="col">Tên chỉ tiêu</th><th scope="col">Đơn vị tính</th><th scope="col">Cách cộng</th><th scope="col">Nhóm</th></tr></thead>
            <tbody>{d.indicators.map((i) => (
              <tr><td><code>{i.key}</code></td><td>{i.label}{i.builtin ? "" : " (riêng)"}</td><td>{i.unit}</td>
                <td>{i.aggregation === "rate" ? "tỷ lệ (không cộng)" : i.denominator ? `cộng; tỷ lệ trên ${i.denominator}` : "cộng"}</td>
                <td>{SECTIONS[i.section as keyof typeof SECTIONS] ?? i.section}</td></tr>
            ))}</tbody>
          </table>
        </div>
      )}</Show>
      <PostForm title="Thêm chỉ tiêu riêng" path="/api/indicators" submit="Thêm chỉ tiêu"
        shape={(f) => ({ key: f.key, label: f.label, unit: f.unit, aggregation: f.aggregation, section: f.section, denominator: f.denominator || null })}
        done={(r) => { reload(); return `Đã thêm chỉ tiêu ${(r as Indicator).key}.`; }}>
        <Field name="key" label="Mã chỉ tiêu" hint="Dạng nhom.ten, chữ thường không dấu (ví dụ youth.volunteers)" />
        <Field name="label" label="Tên chỉ tiêu" />
        <Field name="unit" label="Đơn vị tính" />
        <Select name="aggregation" label="Cách cộng" options={[["sum", "Cộng dồn"], ["rate", "Tỷ lệ báo cáo (không cộng)"]]} />
        <Select name="section" label="Nhóm trong báo cáo" options={Object.entries(SECTIONS)} />
        <Field name="denominator" label="Mẫu số (nếu có)" required={false} hint="Mã chỉ tiêu tổng, cho số dạng 34/37" />
      </PostForm>
    </div>
  );
}
