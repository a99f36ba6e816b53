/**
 * What a user hits every day (issue 12), in a real browser (chromium through playwright-core) on the
 * demo data: the unit of a new account is picked from a searchable tree (unaccented, either tone
 * placement, keyboard only, the whole country without freezing); a reviewer opens a sub-unit's form
 * (read-only) and report from the review queue and the dashboard; "Cấp huyện" is offered only for
 * periods before the 2025 reform; a CSV import is checked first (new / changed / unchanged, errors
 * by line) and written on confirmation; a 2.25 MB paste is read without freezing the page.
 * Screenshots go to test-output/screenshots/units-import-*.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserSuite, assertNoOverflow } from "./browser-support.ts";
import { hierarchyOf } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { transition } from "../submissions/submission.service.ts";
import { deleteFigure } from "../figures/figure.service.ts";

let quyNhonId = 0;
const web = browserSuite({
  shotPrefix: "units-import-",
  setup: async ({ server }) => {
    quyNhonId = (await hierarchyOf(server.ctx)).resolveCode("21583", "2026-01-01").id;
  },
});
const { pageErrors, signedIn, shot } = web;

after(() => {
  assert.deepEqual(pageErrors, []);
});

const skip = () => !web.browser;
/** Milliseconds from typing `text` into the focused field to the next painted frame (in the page). */
const typeAndTime = (p: Page, text: string) => p.evaluate(async (s) => {
  const el = document.activeElement as HTMLInputElement;
  const t0 = performance.now();
  el.value = s;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}, text);

for (const width of [1366, 360] as const) {
  test(`users at ${width} px: the unit is picked from a tree searched without accents and in either tone placement, keyboard only`, async (t) => {
    if (skip()) return t.skip("chromium not found");
    const p = await signedIn("admin", width);
    await p.goto(web.server.url + "/#/admin/users");
    const search = p.getByRole("combobox", { name: "Đơn vị" });
    await search.waitFor();
    // The tree starts at the country, open on the provinces of the current structure (34 since 1 July 2025).
    const tree = p.getByRole("tree", { name: "Đơn vị" });
    await tree.getByRole("treeitem", { name: /Gia Lai/ }).waitFor();
    assert.equal(await tree.locator("[role=treeitem][aria-level='2']").count(), 34);
    await search.focus();
    // Keyboard: down to a province, right opens it, its communes follow; left closes it.
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("ArrowDown");
    await p.keyboard.press("ArrowRight");
    await tree.locator("[role=treeitem][aria-level='3']").first().waitFor();
    assert.equal(await tree.locator("[role=treeitem][aria-level='2'][aria-expanded=true]").count(), 1);
    await p.keyboard.press("ArrowLeft");
    assert.equal(await tree.locator("[role=treeitem][aria-level='3']").count(), 0);
    // Unaccented, and either tone placement, over the whole country (3,321 communes): measured.
    const times: number[] = [];
    times.push(await typeAndTime(p, "quy nhon"));
    await tree.getByRole("treeitem", { name: /^Phường Quy Nhơn\b/ }).first().waitFor();
    assert.ok(await tree.getByRole("treeitem", { name: /Gia Lai/ }).count() >= 1, "the match is shown under its province");
    times.push(await typeAndTime(p, "hoà"));
    const hoaNew = await tree.locator("[role=treeitem]").allInnerTexts();
    assert.ok(hoaNew.some((x) => /Hòa/.test(x)), "“hoà” finds “Hòa”");
    times.push(await typeAndTime(p, "hoa"));
    assert.ok((await tree.locator("[role=treeitem]").allInnerTexts()).some((x) => /Hòa|Hoà/.test(x)), "“hoa” finds “Hòa”");
    times.push(await typeAndTime(p, "a"));
    console.log(`# unit search over the country at ${width} px: ${times.map((x) => x.toFixed(0)).join(", ")} ms per keystroke (to the painted frame)`);
    assert.ok(Math.max(...times) < 400, `a keystroke took ${Math.max(...times).toFixed(0)} ms`);
    // Pick Quy Nhơn with the keyboard only and create the account.
    await search.fill("");
    await search.pressSequentially("quy nhon");
    await tree.getByRole("treeitem", { name: /^Phường Quy Nhơn\b/ }).first().waitFor();
    await p.keyboard.press("Enter");
    await p.getByText(/^Đã chọn: Phường Quy Nhơn — /).waitFor();
    const name = `qn${width}`;
    await p.getByLabel("Tên đăng nhập", { exact: true }).fill(name);
    await p.getByLabel("Họ tên / tên cơ quan").fill(`Cán bộ ${width}`);
    await p.getByLabel("Mật khẩu ban đầu").fill("mot-mat-khau-dai-2026");
    await shot(p, `unit-picker-${width}`);
    await assertNoOverflow(p, `users ${width}`);
    await p.getByLabel("Mật khẩu ban đầu").press("Enter");
    await p.getByText(`Đã thêm ${name}.`).waitFor();
    const u = await web.server.ctx.db.selectFrom("users").select(["unit_id", "role"]).where("username", "=", name).executeTakeFirstOrThrow();
    assert.equal(u.unit_id, quyNhonId);
    assert.equal(u.role, "viewer");
  });
}

test("a reviewer opens a sub-unit's form (read-only) and its report from the review queue and the dashboard", async (t) => {
  if (skip()) return t.skip("chromium not found");
  await transition(web.server.ctx, SYSTEM, quyNhonId, "2026Q2", "submit").catch(() => undefined);
  const rev = await signedIn("gialai");
  await rev.goto(web.server.url + "/#/review");
  await rev.getByRole("link", { name: "Biểu mẫu của Phường Quy Nhơn kỳ quý II năm 2026" }).click();
  const field = rev.getByLabel("Lượt tiếp công dân (lượt)");
  await field.waitFor();
  assert.equal(await field.isDisabled(), true);
  await rev.getByText(/Chỉ xem/).first().waitFor();
  assert.equal(await rev.getByText("Bạn không có quyền xem trang này.").count(), 0);
  await shot(rev, "review-form-readonly");
  await rev.goBack();
  await rev.getByRole("link", { name: "Báo cáo của Phường Quy Nhơn kỳ quý II năm 2026" }).click();
  await rev.getByRole("heading", { name: "Báo cáo", exact: true }).waitFor();
  await rev.getByRole("link", { name: "Xem phần thuyết minh" }).click();
  await rev.getByLabel("Lượt tiếp công dân (lượt)").waitFor();
  assert.equal(await rev.getByText("Bạn không có quyền xem trang này.").count(), 0);
  // The dashboard's sub-unit rows lead to each sub-unit's form.
  await rev.goto(web.server.url + "/#/?period=2026Q3");
  await rev.getByRole("link", { name: "Biểu mẫu của Phường Quy Nhơn" }).click();
  await rev.getByLabel("Lượt tiếp công dân (lượt)").waitFor();
  assert.match(await rev.locator("main h1").innerText(), /Phường Quy Nhơn/);
  assert.equal(await rev.getByLabel("Lượt tiếp công dân (lượt)").isDisabled(), true);
  // From a sub-unit's dashboard too.
  await rev.goto(web.server.url + `/#/?unit=${quyNhonId}&period=2026Q3`);
  await rev.getByRole("link", { name: "Xem biểu mẫu báo cáo" }).click();
  await rev.getByLabel("Lượt tiếp công dân (lượt)").waitFor();
  // The nav still shows no "Nhập số liệu" for a reviewer.
  assert.equal(await rev.locator("#nav").getByRole("link", { name: "Nhập số liệu" }).count(), 0);
  // At 360 px the links stay in sight: the queue and the dashboard's sub-unit rows, reached by keyboard.
  const small = await signedIn("gialai", 360);
  await small.goto(web.server.url + "/#/review");
  const link = small.getByRole("link", { name: "Biểu mẫu của Phường Quy Nhơn kỳ quý II năm 2026" });
  await link.waitFor();
  assert.ok(await link.isVisible());
  await shot(small, "review-queue-360");
  await assertNoOverflow(small, "review queue 360");
  await small.goto(web.server.url + "/#/?period=2026Q3");
  const row = small.getByRole("link", { name: "Biểu mẫu của Phường Quy Nhơn" });
  await row.waitFor();
  await row.focus();
  await small.keyboard.press("Enter");
  await small.getByLabel("Lượt tiếp công dân (lượt)").waitFor();
  await shot(small, "review-form-readonly-360");
  await assertNoOverflow(small, "read-only form 360");
});

test("after 1 July 2025 'Cấp huyện' is not offered as a breakdown or a level; before, it is", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const admin = await signedIn("admin");
  await admin.goto(web.server.url + `/#/entry?unit=${quyNhonId}&period=2026Q3`);
  const breakdown = admin.locator('.indicator[data-indicator="dissemination.conferences"] details.disagg');
  await breakdown.waitFor();
  const labels = await breakdown.locator("label").allTextContents();
  assert.ok(labels.some((x) => /Cấp xã/.test(x)), labels.join("|"));
  assert.ok(!labels.some((x) => /huyện/i.test(x)), `2026 form offers: ${labels.join("|")}`);
  const krongPa = (await hierarchyOf(web.server.ctx)).resolveCode("637", "2024-01-01").id;
  await admin.goto(web.server.url + `/#/entry?unit=${krongPa}&period=2024Q4`);
  // The same element of the 2026 form is on the page until the 2024 one replaces it.
  await admin.locator("h1 small", { hasText: /Krông Pa/ }).waitFor();
  await breakdown.waitFor();
  assert.ok((await breakdown.locator("label").allTextContents()).some((x) => /Cấp huyện/.test(x)), "a 2024 form still offers the district level");
  // A unit added from 1 July 2025 cannot be a district.
  await admin.goto(web.server.url + "/#/admin/units");
  await admin.getByLabel("Hiệu lực từ ngày").fill("2026-01-01");
  assert.deepEqual((await admin.getByLabel("Cấp", { exact: true }).locator("option").allInnerTexts()).filter((x) => /Huyện/.test(x)), []);
  await admin.getByLabel("Hiệu lực từ ngày").fill("2024-01-01");
  assert.deepEqual((await admin.getByLabel("Cấp", { exact: true }).locator("option").allInnerTexts()).filter((x) => /Huyện/.test(x)), ["Huyện"]);
});

/** A period of Quy Nhơn that is not locked and has stored figures. */
async function openPeriod(): Promise<{ period: string; figures: Array<{ id: number; indicator: string; value: number; kind: string; status: string; comment: string | null }> }> {
  for (const period of ["2026Q3", "2026Q2", "2026Q1", "2025Q4"]) {
    const sub = await web.server.ctx.db.selectFrom("submissions").select("status").where("unit_id", "=", quyNhonId).where("period", "=", period).executeTakeFirst();
    if (sub && (sub.status === "submitted" || sub.status === "approved")) continue;
    const figures = await web.server.ctx.db.selectFrom("figures").select(["id", "indicator", "value", "kind", "status", "comment"]).where("unit_id", "=", quyNhonId).where("period", "=", period).where("disagg", "=", "").execute();
    if (figures.length >= 3) return { period, figures };
  }
  throw new Error("no open period with figures");
}

for (const width of [1366, 360] as const) {
  test(`CSV import at ${width} px: the dry run lists new, changed (old → new) and unchanged, errors by line; nothing is written until confirmed`, async (t) => {
    if (skip()) return t.skip("chromium not found");
    const { period, figures } = await openPeriod();
    const [a, b, c] = figures as [typeof figures[0], typeof figures[0], typeof figures[0]];
    await deleteFigure(web.server.ctx, SYSTEM, c.id);
    const p = await signedIn("quynhon", width);
    await p.goto(web.server.url + "/#/import");
    await p.getByRole("link", { name: "Tệp CSV, dataValueSets" }).click();
    const file = p.getByLabel("Tệp số liệu (.csv hoặc .json dataValueSets)");
    // Errors first: each with its line number, and nothing can be imported.
    const bad = `unit_code,indicator,period,value\n21583,${a.indicator},${period},abc\n21583,khong.co,${period},5\n`;
    await file.setInputFiles({ name: "loi.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await p.getByRole("button", { name: "Kiểm tra trước" }).click();
    const errors = p.getByRole("alert");
    await errors.getByText(/2 dòng lỗi/).waitFor();
    assert.match(await errors.innerText(), /Dòng 2: .*“?abc/);
    assert.match(await errors.innerText(), /Dòng 3: /);
    assert.equal(await p.getByRole("button", { name: /^Nhập \d+ dòng$/ }).count(), 0);
    // Then a good file: one changed, one unchanged (same value, kind, status and comment), one new.
    const line = (f: typeof a, v: number) => `21583,${f.indicator},${period},${v},${f.kind},${f.status},"${(f.comment ?? "").replace(/"/g, '""')}"`;
    const good = `unit_code,indicator,period,value,kind,status,comment\n${line(a, a.value + 7)}\n${line(b, b.value)}\n${line(c, c.value + 1)}\n`;
    await file.setInputFiles({ name: "so-lieu.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await p.getByRole("button", { name: "Kiểm tra trước" }).click();
    const summary = p.locator(".dry-run");
    await summary.waitFor();
    const text = await summary.innerText();
    assert.match(text, /1\s*mới/);
    assert.match(text, /1\s*thay đổi/);
    assert.match(text, /1\s*giữ nguyên/);
    assert.match(text, new RegExp(`${a.value}\\s*→\\s*${a.value + 7}`));
    // The changed row names the unit as people know it, not only by its code.
    assert.match(await summary.locator("table.changes tbody tr").first().innerText(), /Phường Quy Nhơn/);
    // A dry run writes nothing.
    assert.equal((await web.server.ctx.db.selectFrom("figures").select("value").where("id", "=", a.id).executeTakeFirstOrThrow()).value, a.value);
    await shot(p, `csv-dry-run-${width}`);
    await assertNoOverflow(p, `csv ${width}`);
    await p.getByRole("button", { name: "Nhập 3 dòng" }).click();
    await p.getByText(/Đã nhập 3 dòng: 1 mới, 1 thay đổi, 1 giữ nguyên/).waitFor();
    assert.equal((await web.server.ctx.db.selectFrom("figures").select("value").where("id", "=", a.id).executeTakeFirstOrThrow()).value, a.value + 7);
    const added = await web.server.ctx.db.selectFrom("figures").select("value").where("unit_id", "=", quyNhonId).where("period", "=", period).where("indicator", "=", c.indicator).where("disagg", "=", "").executeTakeFirstOrThrow();
    assert.equal(added.value, c.value + 1);
  });
}

test("CSV import of a large file shows its progress and checks every line", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const { period, figures } = await openPeriod();
  const ind = figures[0]!.indicator;
  // 40,000 lines: every commune of the country would be out of scope, so one unit and many repeated lines → errors counted.
  const lines = ["unit_code,indicator,period,value"];
  for (let i = 0; i < 40_000; i++) lines.push(`21583,${ind},${period},${i}`);
  const p = await signedIn("quynhon");
  await p.goto(web.server.url + "/#/import/csv");
  await p.evaluate(() => {
    (window as unknown as { seen: string[] }).seen = [];
    new MutationObserver(() => {
      const pr = document.querySelector("progress");
      if (pr) (window as unknown as { seen: string[] }).seen.push(`${pr.getAttribute("value")}/${pr.getAttribute("max")}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await p.getByLabel("Tệp số liệu (.csv hoặc .json dataValueSets)").setInputFiles({ name: "lon.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await p.getByRole("button", { name: "Kiểm tra trước" }).click();
  await p.getByRole("alert").getByText(/39\.?999 dòng lỗi trên 40\.?000 dòng/).waitFor({ timeout: 60_000 });
  const seen = await p.evaluate(() => (window as unknown as { seen: string[] }).seen);
  assert.ok(seen.length >= 2, `progress seen: ${seen.join(", ")}`);
  assert.match(await p.getByRole("alert").innerText(), /Dòng 3: Trùng với dòng 2/);
});

test("a 2.25 MB paste is read off the page's main thread, with progress; the page answers a click within a second", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const para = "Trong quý, Ban Dân vận phối hợp tổ chức 12 hội nghị tuyên truyền, tiếp 71 lượt công dân; hòa giải thành 34/37 vụ việc; vận động Nhân dân hiến 2.500 m² đất, đóng góp 1.200 ngày công.\n";
  // A report's prose with figures here and there (one paragraph of figures in ten), 2.25 MB in all.
  const prose = "Cấp ủy, chính quyền các cấp tiếp tục quan tâm lãnh đạo, chỉ đạo công tác dân vận; phong trào thi đua \"Dân vận khéo\" được triển khai sâu rộng, gắn với việc thực hiện các nhiệm vụ chính trị của địa phương.\n";
  let text = "BÁO CÁO\nKết quả công tác dân vận quý III năm 2026 của Đảng ủy phường Quy Nhơn\n\n";
  const block = para + prose.repeat(9);
  while (Buffer.byteLength(text) < 2_250_000) text += block;
  const p = await signedIn("quynhon");
  await p.goto(web.server.url + "/#/import");
  const area = p.getByLabel("Dán nội dung báo cáo");
  await area.waitFor();
  // Pasted at once (as a paste does), not typed.
  await area.evaluate((el, s) => {
    (el as HTMLTextAreaElement).value = s;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
  // Long tasks (main thread busy > 50 ms) from the click on "Đọc số liệu" until the figures are shown.
  await p.evaluate(() => {
    const w = window as unknown as { longest: number; clicks: number[] };
    w.longest = 0;
    w.clicks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.longest = Math.max(w.longest, e.duration); }).observe({ type: "longtask", buffered: false });
  });
  await p.getByRole("button", { name: "Đọc số liệu" }).click();
  await p.locator("progress").first().waitFor({ timeout: 20_000 });
  // While reading: a click on another control is handled within a second (the old page hung for
  // over 60 s; a busy CI machine measured 206 ms, so 200 ms was the machine, not the page).
  const lag = await p.evaluate(() => new Promise<number>((resolve) => {
    const b = document.createElement("button");
    b.textContent = "thử";
    document.body.append(b);
    const t0 = performance.now();
    b.addEventListener("click", () => { resolve(performance.now() - t0); b.remove(); });
    setTimeout(() => b.click(), 0);
  }));
  await p.getByRole("heading", { name: /Tìm thấy [\d.]+ số liệu/ }).waitFor({ timeout: 120_000 });
  const longest = await p.evaluate(() => (window as unknown as { longest: number }).longest);
  console.log(`# 2.25 MB paste: click answered after ${lag.toFixed(0)} ms; longest main-thread task ${longest.toFixed(0)} ms`);
  assert.ok(lag < 1000, `click took ${lag} ms`);
  // No freeze (the page used to hang for over 60 s). The longest task is the first page of figures
  // being drawn: ~600 ms measured on a machine at load 30, so the bound leaves room for slow machines.
  assert.ok(longest < 2000, `the page froze for ${longest.toFixed(0)} ms`);
  // The figures can be reviewed page by page; a checkbox answers at once.
  // Timed inside the page, from the click to the next frame drawn with the new state: Playwright's
  // own waits before a click (scrolling, stability) took over a second on a loaded CI machine.
  const box = p.locator("table.extract tbody input[type=checkbox]").first();
  const before = await box.isChecked();
  const answer = await box.evaluate((el) => new Promise<{ ms: number; checked: boolean }>((resolve) => {
    const input = el as HTMLInputElement;
    const t0 = performance.now();
    input.click();
    requestAnimationFrame(() => setTimeout(() => resolve({ ms: performance.now() - t0, checked: input.checked }), 0));
  }));
  assert.equal(answer.checked, !before, "the checkbox changed");
  assert.ok(answer.ms < 1000, `the checkbox answered after ${answer.ms.toFixed(0)} ms`);
  await shot(p, "paste-large");
});
