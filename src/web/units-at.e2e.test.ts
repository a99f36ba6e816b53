/**
 * The unit switch follows the period (in a real browser, chromium through playwright-core, on the demo
 * data at 1366 and 360 px): the demo reviewer of Gia Lai (the province formed on 1 July 2025) looking
 * at a 2024 period is offered the units as they were then — old Gia Lai's and Bình Định's districts
 * and communes — and for 2026 the new communes, on the dashboard and the report form.
 * Screenshots go to test-output/screenshots/units-at-*.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserSuite, assertNoOverflow } from "./browser-support.ts";
import { hierarchyOf } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { transition } from "../submissions/submission.service.ts";
import { createUnit } from "../units/unit.service.ts";
import { getSettings, updateSettings } from "../settings/settings.service.ts";

const WIDTHS = [1366, 360] as const;
let anKheTown = 0;
let anBinh2024 = "";
const web = browserSuite({
  shotPrefix: "units-at-",
  setup: async ({ server }) => {
    const h = await hierarchyOf(server.ctx);
    anKheTown = h.resolveCode("623", "2024-01-01").id;
    // Reports waiting for Gia Lai's reviewer: one of 2024 by a ward of the old town An Khê, one of 2026 by a new ward.
    const anBinh = h.resolveCode("23614", "2024-12-31");
    anBinh2024 = anBinh.fullName;
    await transition(server.ctx, SYSTEM, anBinh.id, "2024Q4", "submit");
    await transition(server.ctx, SYSTEM, h.resolveCode("23617", "2026-01-01").id, "2026Q3", "submit");
  },
});
const { pageErrors, signedIn, shot } = web;

after(() => {
  assert.deepEqual(pageErrors, []);
});

/** Opens the page's unit switch, types `query` and returns the names of the units the tree offers; `close`: folds the switch again. */
async function offered(p: Page, query: string, opts: { close?: boolean; shot?: string; summary?: string } = {}): Promise<string[]> {
  await p.getByText(opts.summary ?? "Đổi đơn vị", { exact: true }).click();
  await p.getByRole("combobox", { name: "Đơn vị" }).fill(query);
  const tree = p.getByRole("tree", { name: "Đơn vị" });
  await p.getByRole("status").filter({ hasText: /khớp|Không tìm thấy/ }).waitFor();
  const names = (await tree.getByRole("treeitem").allInnerTexts()).map((s) => s.replace(/^[▸▾]\s*/, "").replace(/\s+/g, " ").trim());
  if (opts.shot) await shot(p, opts.shot);
  if (opts.close) await p.getByText(opts.summary ?? "Đổi đơn vị", { exact: true }).click();
  return names;
}

for (const width of WIDTHS) {
  test(`unit switch at ${width} px: Gia Lai's reviewer gets the 2024 districts and communes for a 2024 period, the new communes for 2026`, async (t) => {
    if (!web.browser) return t.skip("chromium not found");
    const p = await signedIn("gialai", width);
    // Dashboard, quarter IV of 2024: the old town An Khê (a district) and the old city of Quy Nhơn, not the 2025 wards.
    await p.goto(web.server.url + "/#/?period=2024Q4");
    await p.locator("main h1", { hasText: "Gia Lai" }).waitFor();
    // The sub-units compared as reported: the two provinces of 2024 that became Gia Lai, not the 2025 wards.
    const kids = p.locator("section", { has: p.getByRole("heading", { name: /So sánh đơn vị trực thuộc/ }) });
    // The page keeps the default period's bars on screen while 2024's load (and the heading is Gia Lai's
    // in both): the note only 2024's data carries says they have arrived.
    await kids.getByText("cơ cấu ngày 31/12/2024").waitFor();
    assert.deepEqual((await kids.locator(".bar-label").allInnerTexts()).sort(), ["Tỉnh Bình Định", "Tỉnh Gia Lai"]);
    const old = await offered(p, "an khe");
    assert.ok(old.includes("Thị xã An Khê 623"), `2024: ${old.join(" | ")}`);
    assert.ok(!old.includes("Phường An Khê 23617"), `2024 offers no 2025 ward: ${old.join(" | ")}`);
    await shot(p, `dashboard-2024-${width}`);
    await assertNoOverflow(p, `dashboard 2024 switch ${width}`);
    await p.getByRole("tree", { name: "Đơn vị" }).getByRole("treeitem", { name: /^Thị xã An Khê\s*623/ }).click();
    await p.locator("main h1", { hasText: "Thị xã An Khê" }).waitFor();
    assert.match(p.url(), new RegExp(`unit=${anKheTown}\\b`));
    // The same page for quarter III of 2026: the new wards, no district.
    await p.goto(web.server.url + "/#/?period=2026Q3");
    await p.locator("main h1", { hasText: "Gia Lai" }).waitFor();
    await kids.getByText("Xem tất cả 135 đơn vị").waitFor();
    assert.equal(await kids.getByText("cơ cấu ngày").count(), 0, "2026: today's wards, no note");
    const now = await offered(p, "an khe", { close: true, shot: `dashboard-2026-${width}` });
    assert.ok(now.includes("Phường An Khê 23617"), `2026: ${now.join(" | ")}`);
    assert.ok(!now.includes("Thị xã An Khê 623"), `2026 offers no 2024 district: ${now.join(" | ")}`);
    // The report form follows its period too.
    await p.goto(web.server.url + "/#/entry?period=2024Q4");
    await p.locator("main h1 small", { hasText: "2024" }).waitFor();
    const form2024 = await offered(p, "quy nhon", { close: true, shot: `entry-2024-${width}` });
    assert.ok(form2024.includes("Thành phố Quy Nhơn 540"), `form 2024: ${form2024.join(" | ")}`);
    assert.ok(!form2024.some((s) => s.startsWith("Phường Quy Nhơn Đông")), `form 2024: ${form2024.join(" | ")}`);
    await p.goto(web.server.url + "/#/entry?period=2026Q3");
    await p.locator("main h1 small", { hasText: "2026" }).waitFor();
    const form2026 = await offered(p, "quy nhon", { shot: `entry-2026-${width}` });
    assert.ok(form2026.includes("Phường Quy Nhơn Đông 21601"), `form 2026: ${form2026.join(" | ")}`);
    assert.ok(!form2026.includes("Thành phố Quy Nhơn 540"), `form 2026: ${form2026.join(" | ")}`);
  });
}

/** The queue's unit cells once the list has been read again to `n` rows (`atLeast`: n or more; the earlier list may show a moment). */
async function queueUnits(p: Page, n: number, atLeast = false): Promise<string[]> {
  await p.waitForFunction(([want, more]) => {
    const got = document.querySelectorAll("table.queue td.unit").length;
    return more ? got >= want : got === want;
  }, [n, atLeast] as const);
  return p.locator("table.queue td.unit").allInnerTexts();
}

for (const width of WIDTHS) {
  test(`review queue at ${width} px: for 2024Q4 Gia Lai's reviewer filters by the 2024 districts and sees their wards' reports`, async (t) => {
    if (!web.browser) return t.skip("chromium not found");
    const p = await signedIn("gialai", width);
    // The queue of every period holds the 2024 report of a ward of the old Gia Lai.
    await p.goto(web.server.url + "/#/review");
    assert.ok((await queueUnits(p, 2, true)).includes(anBinh2024));
    // The period filter, to quarter IV of 2024.
    await p.getByLabel("Lọc theo kỳ").check();
    await p.waitForURL(/inPeriod=2026Q3\b/);
    await p.locator("#q-period-y").selectOption("2024");
    await p.locator("#q-period-p").selectOption("Q4");
    await p.waitForURL(/inPeriod=2024Q4\b/);
    // The sub-unit filter offers the 2024 units: the town An Khê, not the 2025 ward.
    const names = await offered(p, "an khe", { summary: "Lọc theo đơn vị trực thuộc" });
    assert.ok(names.includes("Thị xã An Khê 623"), `2024: ${names.join(" | ")}`);
    assert.ok(!names.includes("Phường An Khê 23617"), `2024 offers no 2025 ward: ${names.join(" | ")}`);
    await shot(p, `queue-2024-${width}`);
    await assertNoOverflow(p, `queue 2024 switch ${width}`);
    await p.getByRole("tree", { name: "Đơn vị" }).getByRole("treeitem", { name: /^Thị xã An Khê\s*623/ }).click();
    await p.waitForURL(new RegExp(`sub=${anKheTown}\\b`));
    assert.match(p.url(), /inPeriod=2024Q4\b/);
    const left = await queueUnits(p, 1);
    assert.deepEqual(left, [anBinh2024]);
    await shot(p, `queue-2024-ankhe-${width}`);
    await assertNoOverflow(p, `queue 2024 ${width}`);
  });
}

test("with a cut-off day the unit switch offers the units in force on the period's real last day", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const ctx = web.server.ctx;
  const h = await hierarchyOf(ctx);
  // A commune formed on 20/6/2026; with periods cut off on the 20th quarter II ends on 19/6, without it.
  await createUnit(ctx, SYSTEM, { code: "99620", name: "Thử Cắt Kỳ", type: "xã", level: "commune", parentId: h.resolveCode("52", "2026-01-01").id, validFrom: "2026-06-20" });
  const before = await getSettings(ctx.db);
  await updateSettings(ctx, SYSTEM, { ...before, cutoffDay: 20 });
  try {
    const p = await signedIn("gialai", 1366);
    await p.goto(web.server.url + "/#/?period=2026Q2");
    await p.locator("main h1", { hasText: "Gia Lai" }).waitFor();
    const q2 = await offered(p, "thu cat ky", { close: true });
    assert.deepEqual(q2, [], `quarter II (to 19/6) offers no unit formed on 20/6: ${q2.join(" | ")}`);
    // The dashboard counts in the same structure and does not ask the new commune to have filed.
    await p.getByText("Số liệu tính theo cơ cấu đơn vị hành chính ngày 19/06/2026.").waitFor();
    const filing = p.locator("section", { has: p.getByRole("heading", { name: /Tình hình nộp báo cáo/ }) });
    await filing.locator("li.missing button").click();
    await filing.locator(".late-list li").first().waitFor();
    const missing = await filing.locator(".late-list li").allInnerTexts();
    assert.ok(!missing.some((s) => s.includes("Thử Cắt Kỳ")), `quarter II: ${missing.length} missing, none formed on 20/6`);
    await p.goto(web.server.url + "/#/?period=2026Q3");
    await p.locator("main h1 small", { hasText: "2026" }).filter({ hasText: /III/ }).waitFor();
    const q3 = await offered(p, "thu cat ky");
    assert.ok(q3.includes("Xã Thử Cắt Kỳ 99620"), `quarter III: ${q3.join(" | ")}`);
    await p.getByText("Số liệu tính theo cơ cấu đơn vị hành chính ngày 19/09/2026.").waitFor();
  } finally {
    await updateSettings(ctx, SYSTEM, { ...before, cutoffDay: before.cutoffDay });
  }
});
