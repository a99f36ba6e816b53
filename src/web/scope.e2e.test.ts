/**
 * A province works across its units (issue 12), in a real browser (chromium through playwright-core)
 * on the demo data at 1366 and 360 px: a provincial reviewer switches to any unit in scope from the
 * unit tree (searched without accents) on the dashboard, the report form (read-only), the review
 * queue and reports, while a commune reporter is offered no switch; a reviewer reading a submitted
 * form reads what the state means to a reviewer, not the reporter's "withdraw to change"; after the
 * 2025 reform no "Cấp huyện" is offered for an award or a Dân vận khéo step, before it still is, and
 * an old district-level award still shows. Screenshots go to test-output/screenshots/scope-*.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserSuite, assertNoOverflow } from "./browser-support.ts";
import { hierarchyOf } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { transition } from "../submissions/submission.service.ts";
import { advanceDvk, createRecord, dvkCriteriaFor } from "../registers/record.service.ts";

const WIDTHS = [1366, 360] as const;
let quyNhonId = 0;
let dvkId = 0;
let oldAwardId = 0;
const web = browserSuite({
  shotPrefix: "scope-",
  setup: async ({ server }) => {
    const h = await hierarchyOf(server.ctx);
    quyNhonId = h.resolveCode("21583", "2026-01-01").id;
    // A submitted report to read, a Dân vận khéo model waiting for recognition, and a 2024 award by a district.
    await transition(server.ctx, SYSTEM, quyNhonId, "2026Q2", "submit").catch(() => undefined);
    const m = await createRecord(server.ctx, SYSTEM, "dvk", { unitId: quyNhonId, kind: "model", subject: "tap_the", name: "Mô hình “Dân vận khéo” tổ dân phố 5", field: "kinh_te", date: "2026-02-02" });
    await advanceDvk(server.ctx, SYSTEM, m.id, { to: "in_progress", date: "2026-02-10" });
    const criteria = await dvkCriteriaFor(server.ctx, SYSTEM, quyNhonId);
    await advanceDvk(server.ctx, SYSTEM, m.id, { to: "assessed", date: "2026-03-01", criteria: Object.fromEntries(criteria.map((c) => [c, true])) });
    dvkId = m.id;
    const krongPa = h.resolveCode("637", "2024-01-01").id;
    oldAwardId = (await createRecord(server.ctx, SYSTEM, "commendation", { unitId: krongPa, subject: "tap_the", recipient: "Hội Nông dân xã Phú Cần", topic: "dvk", level: "huyen", form: "Giấy khen", decisionNo: "15/QĐ-UBND", date: "2024-05-02" })).id;
  },
});
const { pageErrors, signedIn, shot } = web;

after(() => {
  assert.deepEqual(pageErrors, []);
});

const skip = () => !web.browser;
/** Opens the page's unit switch, searches without accents and picks Phường Quy Nhơn from the tree. */
async function pickQuyNhon(p: Page, summary = "Đổi đơn vị"): Promise<void> {
  await p.getByText(summary, { exact: true }).click();
  const box = p.getByRole("combobox", { name: "Đơn vị" });
  await box.fill("quy nhon");
  await p.getByRole("tree", { name: "Đơn vị" }).getByRole("treeitem", { name: /^Phường Quy Nhơn\s*21583/ }).click();
}

for (const width of WIDTHS) {
  test(`unit switch at ${width} px: a provincial reviewer picks a commune from the tree on the dashboard, the form (read-only), the review queue and reports; a commune reporter gets no switch`, async (t) => {
    if (skip()) return t.skip("chromium not found");
    const p = await signedIn("gialai", width);
    // Dashboard.
    await p.goto(web.server.url + "/#/?period=2026Q3");
    await p.locator("main h1", { hasText: "Gia Lai" }).waitFor();
    await pickQuyNhon(p);
    await p.locator("main h1", { hasText: "Phường Quy Nhơn" }).waitFor();
    assert.match(p.url(), new RegExp(`unit=${quyNhonId}\\b`));
    await shot(p, `dashboard-switched-${width}`);
    await assertNoOverflow(p, `dashboard ${width}`);
    // The report form, read-only for a reviewer.
    await p.goto(web.server.url + "/#/entry?period=2026Q3");
    await p.locator("main h1 small", { hasText: "Gia Lai" }).waitFor();
    await p.getByText("Đổi đơn vị", { exact: true }).click();
    await shot(p, `entry-switch-open-${width}`);
    await assertNoOverflow(p, `form switch ${width}`);
    await p.getByRole("combobox", { name: "Đơn vị" }).fill("quy nhon");
    await p.getByRole("tree", { name: "Đơn vị" }).getByRole("treeitem", { name: /^Phường Quy Nhơn\s*21583/ }).click();
    await p.locator("main h1 small", { hasText: "Phường Quy Nhơn" }).waitFor();
    const field = p.getByLabel("Lượt tiếp công dân (lượt)");
    await field.waitFor();
    assert.equal(await field.isDisabled(), true);
    // The review queue, narrowed to the unit picked.
    await p.goto(web.server.url + "/#/review");
    await p.locator("table.queue, .review p.muted").first().waitFor();
    await pickQuyNhon(p, "Lọc theo đơn vị trực thuộc");
    await p.waitForURL(new RegExp(`sub=${quyNhonId}\\b`));
    // The list is read again for the unit: only its reports are left (the earlier list may show a moment).
    await p.waitForFunction(() => {
      const cells = Array.from(document.querySelectorAll("table.queue td.unit")).map((td) => td.textContent);
      return cells.length > 0 && cells.every((x) => x === "Phường Quy Nhơn");
    });
    await shot(p, `queue-switched-${width}`);
    // Reports.
    await p.goto(web.server.url + "/#/reports?period=2026Q2");
    await p.getByRole("heading", { name: "Báo cáo", exact: true }).waitFor();
    await pickQuyNhon(p);
    await p.waitForURL(new RegExp(`unit=${quyNhonId}\\b`));
    await p.getByRole("link", { name: "Xem phần thuyết minh" }).waitFor();
    assert.match(await p.getByRole("link", { name: "Xem phần thuyết minh" }).getAttribute("href") ?? "", new RegExp(`unit=${quyNhonId}\\b`));
    await shot(p, `reports-switched-${width}`);
    // A commune reporter's scope is one unit: no switch.
    const r = await signedIn("quynhon", width);
    await r.goto(web.server.url + "/#/?period=2026Q3");
    await r.locator("main h1", { hasText: "Phường Quy Nhơn" }).waitFor();
    await r.waitForLoadState("networkidle");
    assert.equal(await r.locator("details.unit-switch").count(), 0);
    await shot(r, `reporter-dashboard-${width}`);
  });

  test(`a reviewer's read-only form at ${width} px says what the report's state means to a reviewer, not the reporter's banner`, async (t) => {
    if (skip()) return t.skip("chromium not found");
    const p = await signedIn("gialai", width);
    await p.goto(web.server.url + `/#/entry?unit=${quyNhonId}&period=2026Q2`);
    const banner = p.locator(".status-banner");
    await banner.waitFor();
    const text = await banner.innerText();
    assert.doesNotMatch(text, /rút lại/i, text);
    assert.match(text, /Đơn vị đã nộp; báo cáo đang chờ duyệt\./);
    assert.equal(await p.locator(".save-state").count(), 0, "no save status for someone who saves nothing");
    await shot(p, `reviewer-form-${width}`);
    await assertNoOverflow(p, `reviewer form ${width}`);
    await p.getByRole("link", { name: "Mở ở trang duyệt" }).click();
    await p.getByRole("button", { name: "Phê duyệt" }).waitFor();
    // From one report under review to another unit's, same period, with the same switch.
    await p.getByText("Đổi đơn vị", { exact: true }).click();
    await p.getByRole("combobox", { name: "Đơn vị" }).fill("quy nhon tay");
    await p.getByRole("tree", { name: "Đơn vị" }).getByRole("treeitem", { name: /^Phường Quy Nhơn Tây/ }).click();
    await p.getByRole("heading", { name: /^Phường Quy Nhơn Tây — .*II.*2026/ }).waitFor();
    // The reporter still reads how to change a submitted report.
    const r = await signedIn("quynhon", width);
    await r.goto(web.server.url + "/#/entry?period=2026Q2");
    await r.locator(".status-banner", { hasText: "Muốn sửa, hãy rút lại báo cáo." }).waitFor();
  });
}

test("after 1 July 2025 an award's level and a Dân vận khéo step offer no 'Cấp huyện'; before, they do; an old district award still shows", async (t) => {
  if (skip()) return t.skip("chromium not found");
  for (const width of WIDTHS) {
    const p = await signedIn("quynhon", width);
    await p.goto(web.server.url + "/#/registers?reg=commendation&new=1");
    const level = p.getByLabel("Cấp khen");
    await level.waitFor();
    assert.deepEqual(await level.locator("option").allInnerTexts(), ["Cấp xã", "Cấp tỉnh", "Trung ương"]);
    await shot(p, `award-levels-${width}`);
    await assertNoOverflow(p, `award form ${width}`);
    await p.getByLabel("Ngày quyết định").fill("2024-06-01");
    assert.ok((await level.locator("option").allInnerTexts()).includes("Cấp huyện"), "a 2024 award may be by a district");
    // The Dân vận khéo model's recognition: the level follows the step's date.
    await p.goto(web.server.url + `/#/registers?reg=dvk&id=${dvkId}`);
    const step = p.locator("#dvk-level");
    await step.waitFor();
    assert.deepEqual((await step.locator("option").allInnerTexts()).filter((x) => /huyện/i.test(x)), []);
    await shot(p, `dvk-step-${width}`);
    await assertNoOverflow(p, `dvk ${width}`);
    await p.locator("#dvk-date").fill("2025-06-30");
    assert.ok((await step.locator("option").allInnerTexts()).includes("Cấp huyện"));
    await p.locator("#dvk-date").fill("2025-07-01");
    assert.deepEqual((await step.locator("option").allInnerTexts()).filter((x) => /huyện/i.test(x)), []);
  }
  const admin = await signedIn("admin");
  await admin.goto(web.server.url + `/#/registers?reg=commendation&id=${oldAwardId}`);
  await admin.getByText("Cấp huyện", { exact: true }).waitFor();
});
