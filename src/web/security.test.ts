/**
 * Attacks a browser can carry out, in a real browser (Debian's chromium): a page on another port of
 * the same host (same *site*, so SameSite=Lax cookies travel) submitting a text/plain form or a
 * no-cors fetch at the API with the signed-in user's cookie; and the sign-in page's lockout message
 * after too many wrong passwords.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "playwright-core";
import { browserSuite, SHOTS } from "./browser-support.ts";
import { hierarchyOf } from "../context.ts";

let evil: Server | undefined;
let evilUrl = "";
const web = browserSuite({
  // The attacker's site: another port of the same host.
  setup: async ({ server }) => {
    const e = createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(req.url === "/fetch" ? fetchPage(server.url) : formPage(server.url));
    });
    evil = e;
    await new Promise<void>((r) => e.listen(0, "127.0.0.1", () => r()));
    evilUrl = `http://127.0.0.1:${(e.address() as AddressInfo).port}`;
  },
});

after(async () => {
  await new Promise((r) => (evil ? evil.close(() => r(undefined)) : r(undefined)));
});

// The figure the attacker tries to write for Quy Nhơn (the demo reporter "quynhon").
const ATTACK = { unitCode: "21583", indicator: "reception.turns", period: "2026Q3", value: 999 };

/** The attacker's page: an auto-submitting text/plain form whose field name carries the JSON. */
function formPage(target: string): string {
  const json = JSON.stringify({ ...ATTACK, comment: "" }).slice(0, -2); // …"comment":"  — the '=' and value close it
  const attr = json.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<!doctype html><meta charset="utf-8"><title>Khuyến mãi</title>
<form id="f" method="POST" action="${target}/api/figures" enctype="text/plain"><input name="${attr}" value='"}'></form>
<script>document.getElementById("f").submit()</script>`;
}

/** The attacker's page: a no-cors fetch with credentials (answers are opaque, but the request is sent). */
function fetchPage(target: string): string {
  return `<!doctype html><meta charset="utf-8"><title>Tin tức</title><p id="s">…</p>
<script>
fetch(${JSON.stringify(target + "/api/figures")}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" },
  body: ${JSON.stringify(JSON.stringify({ ...ATTACK, value: 998 }))} }).finally(() => { document.getElementById("s").textContent = "done"; });
</script>`;
}

/** A fresh page, not signed in (the tests sign in through the form themselves, with wrong passwords too). */
async function newPage(): Promise<Page> {
  const c = await web.browser!.newContext({ viewport: { width: 1000, height: 800 }, locale: "vi-VN" });
  web.contexts.push(c);
  return c.newPage();
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(web.server.url + "/");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

async function attackFigures(): Promise<number[]> {
  const h = await hierarchyOf(web.server.ctx);
  const unitId = h.resolveCode(ATTACK.unitCode, "2026-09-30").id;
  const rows = await web.server.ctx.db.selectFrom("figures").select("value")
    .where("unit_id", "=", unitId).where("period", "=", ATTACK.period).where("indicator", "=", ATTACK.indicator).execute();
  return rows.map((r) => Number(r.value)).filter((v) => v === 998 || v === 999);
}

test("a signed-in user visiting a page on another port: its text/plain form and no-cors fetch write nothing", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const page = await web.signedIn("quynhon", 1000);
  // Sanity: the cookie is there, and a same-origin save from the app itself works.
  assert.equal((await page.evaluate(async () => (await fetch("/api/me")).status)), 200);

  const answers: Array<{ url: string; status: number }> = [];
  page.on("response", (r) => {
    if (r.url().startsWith(web.server.url + "/api/figures")) answers.push({ url: r.url(), status: r.status() });
  });
  await page.goto(evilUrl + "/form");
  await page.waitForURL(web.server.url + "/api/figures");
  const body = await page.locator("body").innerText();
  assert.match(body, /CSRF_REJECTED|UNSUPPORTED_MEDIA_TYPE/);
  assert.deepEqual(answers.map((a) => a.status), [403]);

  await page.goto(evilUrl + "/fetch");
  await page.locator("#s", { hasText: "done" }).waitFor();
  assert.deepEqual(await attackFigures(), []);
});

test("the sign-in page says clearly that sign-in is locked after too many wrong passwords, and for how long", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const page = await newPage();
  await signIn(page, "gialai", "sai-mat-khau-1");
  for (let i = 2; i <= 5; i++) {
    await page.getByRole("alert").waitFor();
    await page.getByLabel("Mật khẩu").fill(`sai-mat-khau-${i}`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    if (i < 5) await page.getByRole("alert").filter({ hasText: "không đúng" }).waitFor();
  }
  const alert = page.getByRole("alert").filter({ hasText: "Tạm khóa đăng nhập" });
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /sai quá nhiều lần/);
  assert.match(text, /thử lại sau 1 phút/);
  assert.match(text, /Có thể thử lại sau (60|59|58) giây/);
  assert.ok(await page.getByRole("button", { name: "Đăng nhập" }).isDisabled());
  await page.screenshot({ path: `${SHOTS}/signin-locked.png` });
  // Even the right password is refused until the lock ends.
  const status = await page.evaluate(async () => (await fetch("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "gialai", password: "danvan-demo" }) })).status);
  assert.equal(status, 429);
});
