/**
 * What a user hits every day (issue 12), in a real chromium at 1366 and 360 px on the demo data:
 * the petition form keeps a draft through a reload and a failed save offline, says at each field in
 * Vietnamese what is wrong and counts characters against the server's limits; no raw period id or
 * ISO date on the main pages; the petition list and the dashboard table are cards at 360 px with
 * nothing cut off; the dashboard, the report form and a petition print without navigation or
 * buttons, black on white; every interactive target is 24 × 24 px or more (WCAG 2.5.8) on the main
 * pages for every role. Screenshots and PDFs go to test-output/screenshots/daily-*.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { browserSuite, SHOTS, assertNoOverflow } from "./browser-support.ts";
import { SMALL_TARGETS_SCRIPT } from "./target-size.ts";

const WIDTHS = [1366, 360] as const;
const web = browserSuite({ shotPrefix: "daily-" });
const { pageErrors, signedIn, shot } = web;

after(() => {
  assert.deepEqual(pageErrors, [], "no script error on any page");
});

const skip = () => !web.browser;
const main = (p: Page) => p.locator("#main").first();
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
    await p.goto(`${web.server.url}/#/registers?reg=petitions&new=1`);
    await p.getByLabel("Người gửi").waitFor();
    // Keyboard only: submit empty; each required field says so, the first one gets the focus.
    await tabTo(p, "f-petitioner");
    await p.keyboard.press("Enter");
    await p.locator("#f-petitioner-err").waitFor();
    assert.equal(await p.locator("#f-petitioner-err").innerText(), "Không được để trống.");
    assert.equal(await p.locator("#f-content-err").innerText(), "Không được để trống.");
    // The focus moves a task after the fields are marked (focusFirst's setTimeout): wait for it, then say where it is.
    await p.waitForFunction(() => document.activeElement?.id === "f-petitioner", undefined, { timeout: 5000 }).catch(() => undefined);
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
    await assertNoOverflow(p, `petition form ${width}`);
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
    const row = await web.server.ctx.db.selectFrom("petitions").select(["content", "phone"]).where("petitioner", "=", who).executeTakeFirstOrThrow();
    assert.equal(row.content, "Đường liên thôn xuống cấp, xin sửa trước mùa mưa.");
    await p.goto(`${web.server.url}/#/registers?reg=petitions&new=1`);
    await p.getByLabel("Người gửi").waitFor();
    assert.equal(await p.getByLabel("Người gửi").inputValue(), "");
    assert.doesNotMatch(await main(p).innerText(), /Đã khôi phục bản nháp/);
  });
}

/** The right edge of each element matched, and the screen's width. */
const rights = (p: Page, selector: string) => p.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));

for (const width of WIDTHS) {
  test(`at ${width} px the petition list and the dashboard table show every column on screen (cards on a phone), with no sideways scroll`, async (t) => {
    if (skip()) return t.skip("chromium not found");
    const p = await signedIn("quynhon", width);
    await p.goto(`${web.server.url}/#/registers?reg=petitions&overdue=1`);
    await p.locator("#main table tbody tr").first().waitFor();
    await assertNoOverflow(p, `petition list ${width}`);
    // The deadline and its "Quá hạn" flag are on screen, not behind a table scroller.
    for (const r of await rights(p, "#main table tbody tr td:last-child .flag")) assert.ok(r <= width, `overdue flag at ${r}px of ${width}`);
    assert.ok((await p.locator("#main table tbody tr td:last-child .flag").count()) > 0);
    const wrapScroll = await p.locator("#main table").first().evaluate((tb) => tb.parentElement!.scrollWidth - tb.parentElement!.clientWidth);
    assert.ok(wrapScroll <= 1, `petition table scrolls sideways by ${wrapScroll}px`);
    if (width === 360) assert.equal(await p.locator("#main table thead").first().evaluate((h) => h.getBoundingClientRect().height <= 1), true, "the header row gives way to labelled cards");
    if (width === 360) assert.equal(await p.locator("#main table tbody tr td:last-child").first().evaluate((td) => getComputedStyle(td, "::before").display !== "none" && td.getAttribute("data-label")), "Hạn");
    await shot(p, `petitions-${width}`);

    await p.goto(`${web.server.url}/#/?period=2025Q4`);
    await p.locator("table.all tbody tr td").first().waitFor();
    await assertNoOverflow(p, `dashboard ${width}`);
    for (const col of ["Kỳ này", "Kỳ trước", "Cùng kỳ"]) {
      const cells = p.locator(`table.all td[data-label="${col}"]`);
      assert.ok((await cells.count()) > 0, col);
      for (const r of await cells.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) assert.ok(r <= width, `${col} at ${r}px of ${width}`);
    }
    const dashScroll = await p.locator("table.all").evaluate((tb) => tb.parentElement!.scrollWidth - tb.parentElement!.clientWidth);
    assert.ok(dashScroll <= 1, `dashboard table scrolls sideways by ${dashScroll}px`);
    if (width === 360) assert.equal(await p.locator("table.all thead").evaluate((h) => h.getBoundingClientRect().height <= 1), true, "the header row gives way to labelled cards");
    await shot(p, `dashboard-${width}`);
    await p.locator("table.all tbody").nth(1).screenshot({ path: `${SHOTS}/daily-dashboard-table-${width}.png` });
  });
}

/** Runs a function in the page (tsx names inner functions through a helper the page lacks). */
const inPage = async <T>(p: Page, fn: () => T): Promise<T> => (await p.evaluate(`(() => { const __name = (f) => f; return (${fn.toString()})(); })()`)) as T;

/** In print: no header, navigation, buttons or filters shown; black text on white; sections kept whole. */
async function printView(p: Page, name: string) {
  await p.emulateMedia({ media: "print" });
  const seen = await inPage(p, () => {
    const visible = (e: Element) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e); return r.width > 0 && r.height > 0 && s.visibility !== "hidden"; };
    const shown = Array.from(document.querySelectorAll("header, nav, button, select, a.button, input[type=file], input[type=checkbox], .tabs, .page-actions, form.filters")).filter(visible);
    const colours = Array.from(document.querySelectorAll("#main *")).filter(visible).map((e) => getComputedStyle(e).color).filter((c) => c !== "rgb(0, 0, 0)");
    return { shown: shown.map((e) => `${e.tagName.toLowerCase()}.${e.className} «${(e.textContent ?? "").trim().slice(0, 30)}»`), colours: [...new Set(colours)], bg: getComputedStyle(document.body).backgroundColor, root: getComputedStyle(document.documentElement).backgroundColor };
  });
  assert.deepEqual(seen.shown, [], `${name}: shown in print`);
  assert.deepEqual(seen.colours, [], `${name}: text not black in print`);
  assert.ok(["rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"].includes(seen.bg) && seen.root === "rgb(255, 255, 255)", `${name}: background ${seen.bg} / ${seen.root}`);
  await p.screenshot({ path: `${SHOTS}/daily-print-${name}.png`, fullPage: true });
  const pdf = await p.pdf({ format: "A4", printBackground: true });
  writeFileSync(`${SHOTS}/daily-print-${name}.pdf`, pdf);
  assert.ok(pdf.length > 5000, `${name}: a PDF`);
  await p.emulateMedia({ media: "screen" });
}

test("print: the dashboard, the report form (figures as read-only values, breakdowns shown) and a petition print without navigation or buttons, black on white", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const p = await signedIn("quynhon", 1366);
  await p.goto(`${web.server.url}/#/?period=2025Q4`);
  await p.locator("table.all tbody tr td").first().waitFor();
  await printView(p, "dashboard");
  assert.equal(await p.getByRole("button", { name: "In" }).count(), 1);

  await p.goto(`${web.server.url}/#/entry?period=2025Q4`);
  await p.getByLabel("Lượt tiếp công dân (lượt)").waitFor();
  assert.equal(await p.getByRole("button", { name: "In" }).count(), 1);
  await p.emulateMedia({ media: "print" });
  // The folded breakdowns print their figures.
  const folded = p.locator("details.disagg .parts input").first();
  assert.ok(await folded.isVisible(), "a breakdown's figures are printed");
  // Figures read as values, without a field's box.
  assert.equal(await p.getByLabel("Lượt tiếp công dân (lượt)").evaluate((e) => getComputedStyle(e).borderTopWidth), "0px");
  await printView(p, "entry");

  await p.goto(`${web.server.url}/#/registers?reg=petitions`);
  await p.locator("table.petitions tbody tr td.sender a").first().click();
  await p.getByText("Các bước đã thực hiện").waitFor();
  await p.emulateMedia({ media: "print" });
  const text = await main(p).innerText();
  assert.doesNotMatch(text, /Đính kèm tệp|Bước tiếp theo|Về sổ đơn thư|Sổ tiếp công dân/);
  assert.match(text, /Bước hiện tại:[\s\S]*Nội dung[\s\S]*Các bước đã thực hiện/);
  await printView(p, "petition");
});

/** The main pages of each role (what its navigation offers). */
const PAGES: Record<string, string[]> = {
  quynhon: ["/", "/entry", "/reports", "/registers", "/registers?reg=petitions&new=1", "/registers?reg=reception", "/registers?reg=mediation_case&new=1", "/portal", "/inbox", "/account"],
  gialai: ["/", "/review", "/reports", "/registers", "/portal", "/inbox", "/account"],
  xem: ["/", "/reports", "/registers", "/inbox"],
  admin: ["/", "/entry", "/review", "/registers", "/registers?reg=petitions&new=1", "/portal", "/inbox", "/account"],
};
const RAW = /\b(?:20\d\d(?:Q[1-4]|S[12]|N9|M\d\d)|\d{4}-\d{2}-\d{2})\b/g;

for (const width of WIDTHS) {
  test(`every role's main pages at ${width} px: no raw period id or ISO date shown, every button, link and field 24 × 24 px or more (WCAG 2.5.8)`, async (t) => {
    if (skip()) return t.skip("chromium not found");
    const raw: string[] = [];
    const small: string[] = [];
    for (const [user, pages] of Object.entries(PAGES)) {
      const p = await signedIn(user, width);
      for (const path of pages) {
        await p.goto(`${web.server.url}/#${path}`);
        await main(p).locator(".loading").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => undefined);
        await p.waitForTimeout(400);
        for (const m of new Set((await main(p).innerText()).match(RAW) ?? [])) raw.push(`${user} ${path}: ${m}`);
        for (const s of (await p.evaluate(SMALL_TARGETS_SCRIPT)) as string[]) small.push(`${user} ${path}: ${s}`);
      }
      // The report form with its breakdowns unfolded (their summaries and fields count too).
      if (pages.includes("/entry")) {
        await p.goto(`${web.server.url}/#/entry?period=2025Q4`);
        await p.getByLabel("Lượt tiếp công dân (lượt)").waitFor();
        for (const s of (await p.evaluate(SMALL_TARGETS_SCRIPT)) as string[]) small.push(`${user} /entry 2025Q4: ${s}`);
      }
      await p.context().close();
    }
    assert.deepEqual(raw, [], "raw period ids or ISO dates on screen");
    assert.deepEqual(small, [], "targets under 24 × 24 px");
  });
}
