/**
 * The residents' boards' staff page in a real browser on the demo data (phường Quy Nhơn), at 1366
 * and 360 px: the overdue recommendation of the GSĐTCĐ is listed; a commune official entered as a
 * member is refused with the law's article in Vietnamese and nothing is written; an eligible member
 * is added; the authority's answer is recorded and published, and the commune's public page then
 * shows it with the TTND's head (public office) but none of the petitioners of the demo.
 * Screenshots in test-output/screenshots/ (oversight-*).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserSuite, SHOTS, assertNoOverflow } from "../web/browser-support.ts";
import { DEMO_TTND_HEAD } from "../demo/oversight-demo.ts";
import { DEMO_FEEDBACK_PERSON } from "../demo/portal-demo.ts";

const web = browserSuite({ shotPrefix: "oversight-" });
const { contexts, shot } = web;

/** The staff page, signed in as the commune (quynhon). */
async function signedIn(width: number): Promise<Page> {
  const p = await web.signedIn("quynhon", width);
  await p.goto(web.server.url + "/#/oversight");
  await p.getByRole("heading", { name: "Nhân dân kiểm tra, giám sát" }).waitFor();
  return p;
}
const members = async () => Number((await web.server.ctx.db.selectFrom("oversight_members").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

test("the staff page at 1366 px: overdue answer listed, an ineligible member refused with its article, an eligible one added, the answer recorded and published", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const p = await signedIn(1366);
  const overdue = p.locator(".ov-overdue li").first();
  await overdue.getByText(/kiểm tra độ dày mặt đường/).waitFor();
  await overdue.getByText(/quá hạn \d+ ngày/).waitFor();
  const ttnd = p.locator('section.ov-board[data-kind="ttnd"]');
  await ttnd.locator('li[data-code="ND59_D13_K2_MOI_THON"]').waitFor();
  // A commune official cannot sit on the TTND (Điều 37): refused, said in Vietnamese, nothing written.
  const before = await members();
  // Keyboard: the add form opens from its summary with Enter.
  await ttnd.getByText("Thêm thành viên", { exact: true }).first().focus();
  await p.keyboard.press("Enter");
  await ttnd.getByLabel("Họ và tên", { exact: true }).fill("Cán Bộ Phường");
  await ttnd.getByLabel("Thôn, tổ dân phố", { exact: true }).fill("Tổ dân phố 6");
  await ttnd.getByLabel("Ngày bắt đầu", { exact: true }).fill("2026-11-20");
  await ttnd.getByLabel("Đang là cán bộ, công chức cấp xã").check();
  await ttnd.getByRole("button", { name: "Thêm thành viên" }).click();
  await ttnd.getByText(/không thể là thành viên: đang là cán bộ, công chức cấp xã \(Luật Thực hiện dân chủ ở cơ sở 2022 Điều 37/).waitFor();
  assert.equal(await members(), before);
  // Keyboard only: uncheck with Space, send with Enter.
  await ttnd.getByLabel("Đang là cán bộ, công chức cấp xã").focus();
  await p.keyboard.press("Space");
  await ttnd.getByLabel("Họ và tên", { exact: true }).fill("Mai Văn Tín");
  await ttnd.getByLabel("Họ và tên", { exact: true }).press("Enter");
  await ttnd.getByRole("cell", { name: "Mai Văn Tín", exact: true }).waitFor();
  assert.equal(await members(), before + 1);
  await ttnd.locator('li[data-code="ND59_D13_K2_MOI_THON"]').waitFor({ state: "detached" });
  // The GSĐTCĐ's overdue recommendation gets its answer, published.
  const gs = p.locator('section.ov-board[data-kind="gsdtcd"]');
  const item = gs.locator('.ov-findings li[data-status="overdue"]');
  await item.getByLabel("Câu trả lời của cơ quan có thẩm quyền").fill("Nhà thầu đã đổ bù lớp bê tông đoạn cuối hẻm theo thiết kế.");
  await item.getByLabel("Ngày trả lời").fill("2026-11-24");
  await item.getByLabel("Công khai kiến nghị và câu trả lời").check();
  await item.getByRole("button", { name: "Ghi câu trả lời" }).click();
  await gs.locator('.ov-findings li[data-status="answered_late"]').waitFor();
  await p.getByText("Không có kiến nghị nào quá hạn.").waitFor();
  await shot(p, "staff-1366");
  const audit = await web.server.ctx.db.selectFrom("audit_log").select("action").where("action", "like", "oversight.%").execute();
  assert.ok(audit.some((a) => a.action === "oversight.finding.answer"));
  const html = await (await p.request.get(web.server.url + "/cong-khai/21583")).text();
  assert.match(html, /Nhà thầu đã đổ bù lớp bê tông/);
  assert.match(html, new RegExp(`${DEMO_TTND_HEAD} — Trưởng ban`));
  assert.ok(!html.includes(DEMO_FEEDBACK_PERSON.name) && !html.includes(DEMO_FEEDBACK_PERSON.phone), "no petitioner on the public page");
});

test("the staff page at 360 px: the boards, members and forms fit the width (no horizontal scrolling of the page)", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const p = await signedIn(360);
  await p.locator('section.ov-board[data-kind="gsdtcd"]').waitFor();
  await p.getByRole("cell", { name: "Mai Văn Tín", exact: true }).waitFor();
  await assertNoOverflow(p, "the staff page at 360 px");
  await shot(p, "staff-360");
  const pub = await web.browser.newContext({ viewport: { width: 360, height: 900 }, javaScriptEnabled: false });
  contexts.push(pub);
  const pp = await pub.newPage();
  await pp.goto(web.server.url + "/cong-khai/21583");
  await pp.getByRole("heading", { name: "Nhân dân kiểm tra, giám sát" }).waitFor();
  await pp.screenshot({ path: `${SHOTS}/oversight-public-360.png`, fullPage: true });
});

test("a province user picks a commune on the boards page (1366 and 360 px) and sees its boards, without the forms its account may not send", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  for (const width of [1366, 360]) {
    const p = await web.signedIn("gialai", width);
    await p.goto(web.server.url + "/#/oversight");
    await p.getByRole("heading", { name: "Nhân dân kiểm tra, giám sát" }).waitFor();
    await p.getByText(/chọn một xã, phường trong cây đơn vị/).waitFor();
    assert.equal(await p.locator("section.ov-board").count(), 0, "no boards before a commune is picked");
    await p.getByRole("combobox", { name: "Xã, phường" }).fill("quy nhon");
    await p.getByRole("treeitem", { name: /^Phường Quy Nhơn 21583/ }).click();
    await p.getByText(/Đã chọn: .*Phường Quy Nhơn/).waitFor();
    await p.locator('section.ov-board[data-kind="ttnd"]').waitFor();
    await p.locator('section.ov-board[data-kind="gsdtcd"]').getByText(/kiểm tra độ dày mặt đường/).first().waitFor();
    // A reviewer may only read (the API refuses its writes): no form it could not send, and a note saying who writes.
    await p.getByRole("note").filter({ hasText: "Tài khoản của bạn chỉ được xem trang này (tỉnh, thành phố)" }).waitFor();
    for (const summary of ["Thêm Ban", "Thêm thành viên", "Thêm nội dung giám sát", "Thêm kiến nghị"]) assert.equal(await p.getByText(summary, { exact: true }).count(), 0, summary);
    assert.equal(await p.getByRole("button", { name: /Thôi làm thành viên|Sửa câu trả lời|Ghi câu trả lời/ }).count(), 0);
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow} px`);
    await shot(p, `province-${width}`);
  }
  assert.deepEqual(web.pageErrors, []);
});
