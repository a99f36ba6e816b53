/**
 * The public pages over HTTP on both engines, with the demo's registers and portal: a crawl of
 * every page reachable from phường Quy Nhơn's portal finds no petitioner's name, phone or address;
 * pages are small, cached and script-free; a vote and a feedback through the plain HTML forms; and
 * every public endpoint refuses bad input, oversized bodies, spam and floods without writing.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import { createApp } from "../http/app.ts";
import type { Ctx } from "../context.ts";
import { extraRoutes } from "../plugins.ts";
import "../registers/plugin.ts";
import "./plugin.ts";
import { seedDemoRegisters } from "../demo/registers-demo.ts";
import { DEMO_FEEDBACK_PERSON, seedDemoPortal } from "../demo/portal-demo.ts";
import { formToken } from "./codes.ts";
import { formSecret } from "./public.service.ts";
import { issueCodes } from "./consultation.service.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { userAt } from "../test-support/fixture.ts";
import { hierarchyOf } from "../context.ts";
import { listAudit } from "../audit/audit.ts";

const TODAY = "2026-11-25";

describeEachDatabase("public portal pages", (get) => {
  let ctx: Ctx;
  let app: ReturnType<typeof createApp>;
  let consultationId = 0;
  let ipSeq = 0;
  const ip = () => `203.0.113.${++ipSeq}`;
  const token = async (ageMs = 5000) => formToken(await formSecret(ctx), Date.now() - ageMs);
  const postForm = (path: string, fields: Record<string, string>, o: { ip?: string; headers?: Record<string, string>; raw?: BodyInit } = {}) =>
    app.request(path, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": o.ip ?? ip(), ...o.headers }, body: o.raw ?? new URLSearchParams(fields).toString() });
  const count = async (table: "petitions" | "portal_feedback") => Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  before(async () => {
    const base = await seededContext(get(), TODAY);
    ctx = { ...base, config: { ...base.config, trustProxy: true } };
    await seedDemoRegisters(ctx, () => {});
    consultationId = (await seedDemoPortal(ctx, () => {})).consultationId;
    app = createApp(ctx, extraRoutes);
  });

  test("the first page: Vietnamese HTML without scripts, < 50 KB, public cache of a minute, approved figures with their period and basis, notices and the open decision", async () => {
    const res = await app.request("/cong-khai/21583");
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "public, max-age=60");
    const html = await res.text();
    assert.ok(Buffer.byteLength(html) < 50 * 1024, `${Buffer.byteLength(html)} bytes`);
    assert.match(html, /<html lang="vi">/);
    assert.doesNotMatch(html, /<script/i);
    assert.match(html, /Quý IV năm 2025|quý IV năm 2025/i, "the period of the approved report");
    assert.match(html, /Chỉ số liệu trong báo cáo đã được phê duyệt/);
    assert.match(html, /Mức đóng góp bê tông hóa hẻm 12/);
    assert.match(html, /Tình hình thực hiện dự toán ngân sách/);
    assert.match(html, /@media print/);
    const big = await (await app.request("/cong-khai/21583?co=3")).text();
    assert.match(big, /class="s3"/);
    assert.match(big, /href="\/cong-khai\/21583\/thong-bao\/\d+\?co=3"/, "the font size follows the links");
  });

  test("crawl: no page reachable from the portal shows a petitioner's name, phone or address", async () => {
    const rows = await ctx.db.selectFrom("petitions").select(["petitioner", "phone", "address"]).execute();
    const secrets = new Set<string>();
    for (const r of rows) {
      secrets.add(r.petitioner.replace(/^(Ông|Bà) /, "").replace(/ và \d+ hộ dân$/, ""));
      if (r.phone) secrets.add(r.phone);
      if (r.address) secrets.add(r.address);
    }
    assert.ok(secrets.has(DEMO_FEEDBACK_PERSON.name) && secrets.has(DEMO_FEEDBACK_PERSON.phone) && secrets.size > 20);
    // The demo feedback's tracking page is reachable from the resident's receipt: add it.
    const tracked = await postForm("/cong-khai/21583/phan-anh", { t: await token(), kind: "kien_nghi", topic: "Sửa cống thoát nước", content: "Cống tắc", name: "Lê Văn Bí Mật", phone: "0912 000 999",
      place: "Sau nhà số 47 hẻm 9 Bí Mật", lat: "13.77123", lon: "109.22345" });
    const code = /id="tracking-code">([^<]+)</.exec(await tracked.text())![1]!;
    secrets.add("Lê Văn Bí Mật").add("0912 000 999").add("Sau nhà số 47 hẻm 9 Bí Mật").add("13.77123").add("109.22345");
    const seen = new Set<string>();
    const queue = ["/cong-khai", "/cong-khai/52", "/cong-khai/21583", `/cong-khai/tra-cuu/${code}`];
    const within = (p: string) => p === "/cong-khai" || p.startsWith("/cong-khai/21583") || p === "/cong-khai/52" || p.startsWith("/cong-khai/tra-cuu");
    while (queue.length) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      const html = await res.text();
      for (const s of secrets) assert.ok(!html.includes(s), `${path} shows "${s}"`);
      for (const m of html.matchAll(/href="([^"#]+)"/g)) {
        const next = m[1]!.replace(/&amp;/g, "&");
        if (next.startsWith("/cong-khai") && within(next.split("?")[0]!)) queue.push(next);
      }
    }
    assert.ok(seen.size >= 12, `crawled ${seen.size} pages`);
  });

  test("the feedback form may run one script, ours (the location button, hidden until it can work); no other page runs any, nothing third-party", async () => {
    const res = await app.request("/cong-khai/21583/phan-anh");
    const csp = res.headers.get("content-security-policy")!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'$/);
    const html = await res.text();
    assert.deepEqual([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]), ['<script src="/cong-khai/vi-tri.js" defer>']);
    assert.match(html, /<button type="button" id="locate" class="secondary" hidden>Dùng vị trí của tôi<\/button>/, "hidden without JavaScript");
    assert.match(html, /<label for="place">Địa chỉ hoặc mốc dễ nhận biết<\/label>/);
    assert.doesNotMatch(html, /https?:\/\//, "no address outside the portal");
    const js = await app.request("/cong-khai/vi-tri.js");
    assert.equal(js.status, 200);
    assert.match(js.headers.get("content-type")!, /^text\/javascript/);
    assert.match(await js.text(), /navigator\.geolocation\.getCurrentPosition/);
    for (const path of ["/cong-khai", "/cong-khai/21583", `/cong-khai/21583/lay-y-kien/${consultationId}`]) {
      const r = await app.request(path);
      assert.doesNotMatch(r.headers.get("content-security-policy")!, /script-src/, path);
      assert.doesNotMatch(await r.text(), /<script/i, path);
    }
  });

  test("a household votes through the plain form (changeable), the result stays hidden until closing", async () => {
    const [a] = (await issueCodes(ctx, SYSTEM, consultationId, { reissue: ["Hộ số 1"] })).codes;
    const path = `/cong-khai/21583/lay-y-kien/${consultationId}`;
    let res = await postForm(path, { t: await token(), code: a!.code, choice: "no" });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Đã ghi nhận ý kiến của Hộ số 1/);
    res = await postForm(path, { t: await token(), code: a!.code, choice: "yes" });
    const html = await res.text();
    assert.match(html, /đã thay ý kiến trước/);
    assert.doesNotMatch(html, /data-count/, "no counts before closing");
    assert.equal(res.headers.get("cache-control"), "no-store");
  });

  test("bad input on every public form is refused with a readable page and writes nothing", async () => {
    const before = [await count("petitions"), await count("portal_feedback")];
    const fb = "/cong-khai/21583/phan-anh";
    const good = async () => ({ t: await token(), kind: "phan_anh", topic: "Rác", content: "Rác ùn ứ", name: "Người Thử" });
    const cases: Array<[string, Response | Promise<Response>, number, RegExp?]> = [
      ["JSON instead of a form", app.request(fb, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), 415],
      ["oversized body", postForm(fb, {}, { raw: `t=x&content=${"a".repeat(20_000)}` }), 413],
      ["declared oversized", postForm(fb, {}, { raw: "t=x", headers: { "content-length": "999999" } }), 413],
      ["not UTF-8", postForm(fb, {}, { raw: new Uint8Array([0x74, 0x3d, 0xff, 0xfe]) as unknown as BodyInit }), 400, /UTF-8/],
      ["NUL in a field", postForm(fb, { ...(await good()), content: "a\u0000b" }), 400],
      ["honeypot filled", postForm(fb, { ...(await good()), website: "http://spam" }), 400, /tải lại trang/],
      ["sent too fast", postForm(fb, { ...(await good()), t: await token(500) }), 400, /quá nhanh/],
      ["no token", postForm(fb, { kind: "phan_anh", topic: "x", content: "y", name: "z" }), 400],
      ["unknown kind", postForm(fb, { ...(await good()), kind: "to_cao" }), 400],
      ["empty name", postForm(fb, { ...(await good()), name: " " }), 400],
      ["latitude outside Vietnam", postForm(fb, { ...(await good()), lat: "48.8", lon: "2.3" }), 400],
      ["latitude not a number", postForm(fb, { ...(await good()), lat: "abc", lon: "1" }), 400],
      ["latitude without longitude", postForm(fb, { ...(await good()), lat: "13.77" }), 400, /cả vĩ độ và kinh độ/],
      ["place of 201 characters", postForm(fb, { ...(await good()), place: "a".repeat(201) }), 400],
      ["NUL in the place", postForm(fb, { ...(await good()), place: "a\u0000b" }), 400],
      ["duplicated field", postForm(fb, {}, { raw: `${new URLSearchParams(await good()).toString()}&name=B` }), 400],
      ["feedback to a province", postForm("/cong-khai/52/phan-anh", await good()), 404],
      ["unknown unit", postForm("/cong-khai/99999/phan-anh", await good()), 404],
      ["vote with a wrong code", postForm(`/cong-khai/21583/lay-y-kien/${consultationId}`, { t: await token(), code: "ABCD-EFGH", choice: "yes" }), 400, /Mã hộ không đúng/],
      ["vote with a malformed code", postForm(`/cong-khai/21583/lay-y-kien/${consultationId}`, { t: await token(), code: "<script>", choice: "yes" }), 400],
      ["vote with no choice", postForm(`/cong-khai/21583/lay-y-kien/${consultationId}`, { t: await token(), code: "ABCD-EFGH" }), 400],
      ["vote on another unit's consultation", postForm(`/cong-khai/21586/lay-y-kien/${consultationId}`, { t: await token(), code: "ABCD-EFGH", choice: "yes" }), 404],
      ["vote on a huge id", postForm("/cong-khai/21583/lay-y-kien/99999999999999", { t: await token(), code: "ABCD-EFGH", choice: "yes" }), 404],
      ["cross-site form", postForm(fb, await good(), { headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" } }), 403],
    ];
    for (const [what, p, status, re] of cases) {
      const res = await p;
      assert.equal(res.status, status, what);
      if (status !== 403) {
        const html = await res.text();
        assert.match(html, /<html lang="vi">/, what);
        if (re) assert.match(html, re, what);
      }
    }
    for (const [what, path, status] of [["unknown tracking code", "/cong-khai/tra-cuu/PA-22222-22222", 404], ["malformed tracking code", "/cong-khai/tra-cuu/%3Cx%3E", 404],
      ["bad percent-escape", "/cong-khai/21583?co=%ED%A0%80", 400], ["unknown notice", "/cong-khai/21583/thong-bao/999999", 404], ["district-level code", "/cong-khai/540", 404]] as const) {
      assert.equal((await app.request(path)).status, status, what);
    }
    assert.deepEqual([await count("petitions"), await count("portal_feedback")], before, "nothing written");
  });

  test("rate limit: the 11th write in a minute from one address is 429 with Retry-After, another address still passes", async () => {
    const one = ip();
    const path = `/cong-khai/21583/lay-y-kien/${consultationId}`;
    for (let i = 0; i < 10; i++) assert.equal((await postForm(path, { t: await token(), code: "ABCD-EFGH", choice: "yes" }, { ip: one })).status, 400);
    const res = await postForm(path, { t: await token(), code: "ABCD-EFGH", choice: "yes" }, { ip: one });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get("retry-after")) > 0);
    assert.match(await res.text(), /quá nhiều/);
    assert.equal((await postForm(path, { t: await token(), code: "ABCD-EFGH", choice: "yes" })).status, 400, "another address is not limited");
  });

  test("rate limit: tracking-code look-ups (both forms of the address) from one address stop at 30 a minute with 429 and Retry-After; another address still looks up", async () => {
    const one = ip();
    const lookup = (path: string, from: string) => app.request(path, { headers: { "x-forwarded-for": from } });
    for (let i = 0; i < 15; i++) assert.equal((await lookup(`/cong-khai/tra-cuu/PA-22222-2222${i % 10}`, one)).status, 404);
    for (let i = 0; i < 15; i++) assert.equal((await lookup(`/cong-khai/tra-cuu?ma=PA-33333-3333${i % 10}`, one)).status, 404);
    const res = await lookup("/cong-khai/tra-cuu/PA-22222-22222", one);
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get("retry-after")) > 0);
    assert.match(await res.text(), /tra cứu mã theo dõi.*tối đa 30 lần mỗi phút/);
    assert.equal((await lookup("/cong-khai/tra-cuu/PA-22222-22222", ip())).status, 404, "another address is not limited");
  });

  test("the staff API: sign-in required, scope, the law's minimum, media type, size and strict input; deletions audited", async () => {
    const qn = (await hierarchyOf(ctx)).resolveCode("21583", TODAY).id;
    const signIn = async (code: string) => {
      const u = (await userAt(ctx, "reporter", code)) as { username: string };
      const res = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip() }, body: JSON.stringify({ username: u.username, password: "mat-khau-thu" }) });
      return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    };
    const mine = await signIn("21583");
    const other = await signIn("25270");
    const call = (cookie: string, method: string, path: string, body?: unknown, type = "application/json") =>
      app.request(path, { method, headers: { cookie, "content-type": type }, ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}) });
    // Household code slips print the configured public address (DANVAN_PUBLIC_URL), not the host a staff member opened.
    const configured = createApp({ ...ctx, config: { ...ctx.config, mail: { ...ctx.config.mail, publicUrl: "https://congkhai.example.vn" } } }, extraRoutes);
    const issued = await configured.request(`/api/portal/consultations/${consultationId}/codes`, { method: "POST", headers: { cookie: mine, "content-type": "application/json" }, body: "{}" });
    assert.equal(issued.status, 200);
    assert.equal(((await issued.json()) as { publicUrl: string | null }).publicUrl, "https://congkhai.example.vn");
    const notice = { unitId: qn, category: "thanh_tra", form: "niem_yet", title: "Kết luận thanh tra", body: "Nội dung", postedOn: "2026-11-20", publishedBy: "UBND phường" };
    assert.equal((await call("", "GET", `/api/portal/notices?unitId=${qn}`)).status, 401);
    assert.equal((await call("", "POST", "/api/portal/notices", notice)).status, 401);
    assert.equal((await call(other, "POST", "/api/portal/notices", notice)).status, 403);
    let res = await call(mine, "POST", "/api/portal/notices", { ...notice, minDays: 10 });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "NOTICE_TOO_SHORT");
    assert.equal((await call(mine, "POST", "/api/portal/notices", { ...notice, extra: 1 })).status, 400, "unknown fields refused");
    assert.equal((await call(mine, "POST", "/api/portal/notices", { ...notice, postedOn: "2026-02-30" })).status, 400);
    assert.equal((await call(mine, "POST", "/api/portal/notices", "x=1", "text/plain")).status, 415);
    assert.equal((await call(mine, "POST", "/api/portal/notices", { ...notice, body: "a".repeat(1_100_000) })).status, 413);
    assert.equal((await call(mine, "POST", `/api/portal/consultations/${consultationId}/ballots`, { code: "ABCD-EFGH", choice: "maybe" })).status, 400);
    assert.equal((await call(other, "POST", `/api/portal/consultations/${consultationId}/close`, {})).status, 403);
    res = await call(mine, "POST", "/api/portal/notices", notice);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
    const created = (await res.json()) as { id: number; minimumEndsOn: string };
    assert.equal(created.minimumEndsOn, "2026-12-20");
    const compliance = (await (await call(mine, "GET", `/api/portal/notices/compliance?unitId=${qn}`)).json()) as { issues: Array<{ noticeId: number | null }> };
    assert.ok(compliance.issues.some((i) => i.noticeId === created.id));
    assert.equal((await call(mine, "DELETE", `/api/portal/notices/${created.id}`)).status, 200);
    assert.ok((await listAudit(ctx.db, {})).some((a) => a.action === "notice.delete" && a.entityId === String(created.id)));
  });
});
