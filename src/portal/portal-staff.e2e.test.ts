/**
 * The portal's second round in a real browser on the demo data (phường Quy Nhơn), at 1366 and 360 px:
 * staff open a household decision from the staff page (a wrong date is refused in Vietnamese and
 * nothing is written), issue the codes and get the printable slips (A4, 8 a page, with the code,
 * the question, the closing date and the portal address), enter a paper ballot, re-issue a lost
 * code, close a meeting with its attendance (no quorum: not passed);
 * revise a published notice (the public page says "Cập nhật ngày", the old text stays in the
 * audit row); a resident with JavaScript fills the feedback location with "Dùng vị trí của tôi",
 * the page loads nothing from elsewhere, and staff see the place with an OpenStreetMap link.
 * Screenshots in test-output/screenshots/ (portal-staff-*).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { assertNoOverflow, browserSuite, SHOTS } from "../web/browser-support.ts";

const web = browserSuite({ shotPrefix: "portal-staff-" });
const { contexts, shot } = web;
const QUESTION = "Làm mái che sân sinh hoạt tổ dân phố 7, mỗi hộ đóng góp 300.000 đồng";

async function staffPage(width: number): Promise<Page> {
  const p = await web.signedIn("quynhon", width);
  await p.goto(web.server.url + "/#/portal");
  await p.getByRole("heading", { name: "Lấy ý kiến, Nhân dân bàn và quyết định" }).waitFor();
  return p;
}
const consultations = async () => (await web.server.ctx.db.selectFrom("consultations").select(["id", "question"]).execute());
const actions = async (entity: string, since = 0) => (await web.server.ctx.db.selectFrom("audit_log").select("action").where("entity", "=", entity).where("id", ">", since).execute()).map((a) => a.action);
const lastAudit = async () => Number((await web.server.ctx.db.selectFrom("audit_log").select((eb) => eb.fn.max("id").as("m")).executeTakeFirstOrThrow()).m ?? 0);
const overflow = (p: Page) => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("staff open a decision from the staff page, print the household code slips (A4, 8 a page) and enter a paper ballot", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const p = await staffPage(1366);
  const before = (await consultations()).length;
  const since = await lastAudit();
  await p.getByText("Mở cuộc lấy ý kiến, bàn và quyết định").click();
  const form = p.locator(".portal-new-consult form");
  await form.getByLabel("Thôn, tổ dân phố", { exact: true }).fill("Tổ dân phố 7");
  await form.getByLabel("Nội dung lấy ý kiến").fill(QUESTION);
  await form.getByText(/Chọn nội dung quyết định: đóng góp xây dựng công trình và thu, chi các khoản đóng góp cần từ hai phần ba/).waitFor();
  await form.getByLabel("Nội dung quyết định (Điều 15)").selectOption("dong_gop_cong_trinh");
  await form.getByLabel("Hình thức").selectOption("phieu");
  await form.getByLabel("Ngày bắt đầu").fill("2026-11-25");
  await form.getByLabel("Ngày kết thúc").fill("2026-11-20");
  await form.getByLabel("Số hộ gia đình trong thôn, tổ dân phố").fill("16");
  await form.getByLabel("Tài liệu gửi kèm (nội dung, đường dẫn)").fill("Dự toán 3.000.000 đồng; bản vẽ tại nhà văn hóa tổ 7.");
  // A contribution (Điều 15 khoản 1): two thirds of 16 households is 10 ⅔, so 11 (Luật Điều 21 khoản 1).
  await form.getByText(/Được thông qua khi ít nhất 11 hộ tán thành \(từ hai phần ba tổng số hộ trở lên.*Luật Thực hiện dân chủ ở cơ sở 2022 Điều 21 khoản 1/).waitFor();
  await form.getByRole("button", { name: "Mở lấy ý kiến" }).click();
  await form.getByText("Ngày kết thúc không được trước ngày bắt đầu.").waitFor();
  assert.equal((await consultations()).length, before, "nothing written");
  await form.getByLabel("Ngày kết thúc").fill("2026-12-05");
  await form.getByRole("button", { name: "Mở lấy ý kiến" }).click();
  const item = p.locator(".portal-consults > li", { hasText: QUESTION });
  await item.getByText("Đã phát 0/16 mã; 0 hộ đã biểu quyết.").waitFor();
  const cid = (await consultations()).find((c) => c.question === QUESTION)!.id;
  await shot(p, "consult-created-1366");

  await item.getByRole("button", { name: "Phát mã cho 16 hộ và in phiếu" }).click();
  await p.getByRole("heading", { name: "Phiếu mã hộ gia đình: 16 phiếu" }).waitFor();
  const slips = p.locator(".slip");
  assert.equal(await slips.count(), 16);
  const first = slips.first();
  assert.match((await first.textContent())!, new RegExp(`Hộ số 1.*Tổ dân phố 7, Phường Quy Nhơn.*${QUESTION}.*Mã hộ: [2-9A-Z]{4}-[2-9A-Z]{4}.*đến hết ngày 05/12/2026.*/cong-khai/21583/lay-y-kien/${cid}`));
  const codes = await slips.locator(".slip-code strong").allTextContents();
  assert.equal(new Set(codes).size, 16);
  await p.screenshot({ path: `${SHOTS}/portal-staff-slips-1366.png` });
  // Printed: only the slips, on A4, eight to a page.
  await p.emulateMedia({ media: "print" });
  assert.equal(await p.locator("header.top").isVisible(), false);
  assert.equal(await p.getByRole("button", { name: "In phiếu" }).isVisible(), false);
  await shot(p, "slips-print");
  const pdf = await p.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  writeFileSync(`${SHOTS}/portal-staff-slips.pdf`, pdf);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length;
  assert.equal(pages, 2, "16 slips: two A4 pages of 8");
  await p.emulateMedia({ media: "screen" });
  await p.getByRole("button", { name: "Đã in xong, đóng" }).click();

  await item.getByText("Nhập phiếu giấy", { exact: true }).click();
  await item.getByLabel("Mã hộ in trên phiếu").fill(codes[0]!.toLowerCase());
  await item.getByLabel("Ý kiến của hộ").selectOption("yes");
  await item.getByRole("button", { name: "Ghi phiếu giấy" }).click();
  await item.getByText("Đã ghi phiếu giấy của Hộ số 1.").waitFor();
  await item.getByText("Đã phát 16/16 mã; 1 hộ đã biểu quyết.").waitFor();
  await item.getByLabel("Mã hộ in trên phiếu").fill("ABCD-EFGH");
  await item.getByRole("button", { name: "Ghi phiếu giấy" }).click();
  await item.getByText(/Mã hộ không đúng/).waitFor();
  await shot(p, "consult-ballot-1366");
  assert.deepEqual((await actions("consultation", since)).sort(), ["consultation.codes", "consultation.create"]);
  assert.deepEqual(await actions("household_code", since), ["consultation.paper_ballot"]);
  assert.deepEqual(web.pageErrors, []);
});

test("at 360 px: the consultation form and the list fit the width; a lost code is re-issued on its own slip", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const p = await staffPage(360);
  const item = p.locator(".portal-consults > li", { hasText: QUESTION });
  await item.getByText("Đã phát 16/16 mã; 1 hộ đã biểu quyết.").waitFor();
  await p.getByText("Mở cuộc lấy ý kiến, bàn và quyết định").click();
  await p.locator(".portal-new-consult form").getByLabel("Nội dung quyết định (Điều 15)").selectOption("huong_uoc");
  await p.locator(".portal-new-consult form").getByLabel("Hình thức").selectOption("hoi_nghi");
  await p.locator(".portal-new-consult form").getByLabel("Số hộ gia đình trong thôn, tổ dân phố").fill("41");
  await p.getByText(/Hội nghị chỉ thông qua được khi có đại diện của ít nhất 21 hộ tham dự; nếu không đủ, phát phiếu/).waitFor();
  assert.ok((await overflow(p)) <= 1, `the page scrolls sideways by ${await overflow(p)} px`);
  await shot(p, "consult-360");
  await p.locator("section[aria-labelledby=portal-notices]").screenshot({ path: `${SHOTS}/portal-staff-notices-360.png` });
  await p.locator("section[aria-labelledby=portal-consult]").screenshot({ path: `${SHOTS}/portal-staff-consult-section-360.png` });
  await item.getByLabel("Cấp lại mã cho hộ mất phiếu (số thứ tự hộ)").fill("3");
  await item.getByRole("button", { name: "Cấp lại và in phiếu" }).click();
  await p.getByRole("heading", { name: "Phiếu mã hộ gia đình: 1 phiếu" }).waitFor();
  assert.equal(await p.locator(".slip").getAttribute("data-label"), "Hộ số 3");
  assert.ok((await overflow(p)) <= 1);
  await shot(p, "slip-360");
  await p.getByRole("button", { name: "Đã in xong, đóng" }).click();
  await item.getByLabel("Cấp lại mã cho hộ mất phiếu (số thứ tự hộ)").fill("17");
  await item.getByRole("button", { name: "Cấp lại và in phiếu" }).click();
  await item.getByText("Ghi số thứ tự hộ từ 1 đến 16, cách nhau bằng dấu phẩy (ví dụ 3, 7).").waitFor();
  // A meeting (hội nghị) on a hương ước closes with its attendance: 20 of 41 households cannot pass it (Luật Điều 19 khoản 1 điểm b, Điều 21 khoản 1; NĐ 59 Điều 4 khoản 1 điểm b: ballots instead).
  await p.getByText("Mở cuộc lấy ý kiến, bàn và quyết định").click();
  const form = p.locator(".portal-new-consult form");
  await form.getByLabel("Nội dung quyết định (Điều 15)").selectOption("huong_uoc");
  await form.getByLabel("Hình thức").selectOption("hoi_nghi");
  await form.getByLabel("Số hộ gia đình trong thôn, tổ dân phố").fill("41");
  await form.getByLabel("Thôn, tổ dân phố", { exact: true }).fill("Tổ dân phố 9");
  await form.getByLabel("Nội dung lấy ý kiến").fill("Sửa đổi hương ước tổ dân phố 9");
  await form.getByLabel("Ngày kết thúc").fill("2026-11-25");
  await form.getByLabel("Tài liệu gửi kèm (nội dung, đường dẫn)").fill("Dự thảo hương ước sửa đổi.");
  await form.getByRole("button", { name: "Mở lấy ý kiến" }).click();
  const meeting = p.locator(".portal-consults > li", { hasText: "Sửa đổi hương ước tổ dân phố 9" });
  await meeting.getByLabel("Số hộ có đại diện tham dự hội nghị").fill("20");
  await meeting.getByRole("button", { name: "Kết thúc và công bố kết quả: Sửa đổi hương ước tổ dân phố 9" }).click();
  await meeting.getByText("Không được thông qua.").waitFor();
  const cid = (await consultations()).find((c) => c.question === "Sửa đổi hương ước tổ dân phố 9")!.id;
  const html = await (await p.request.get(`${web.server.url}/cong-khai/21583/lay-y-kien/${cid}`)).text();
  assert.match(html, /Cuộc họp không đủ đại diện hộ gia đình để thông qua: 20\/41 hộ tham dự, cần trên 50%; tổ chức phát phiếu lấy ý kiến hộ gia đình/);
});

test("a published notice's text is revised from the staff page: the public page shows the new text and 'Cập nhật ngày', the old text stays in the audit row", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const n = await web.server.ctx.db.selectFrom("public_notices").selectAll().where("category", "=", "ngan_sach").executeTakeFirstOrThrow();
  const p = await staffPage(1366);
  await p.getByRole("button", { name: `Sửa thông báo: ${n.title}` }).click();
  const form = p.locator("form.portal-edit");
  await form.getByLabel("Nội dung công khai").fill(`${n.body} Đính chính: tổng chi thường xuyên ghi đúng là 4,2 tỷ đồng.`);
  await shot(p, "notice-edit-1366");
  await form.getByRole("button", { name: "Lưu bản sửa" }).click();
  await p.getByRole("cell", { name: new RegExp(`${n.title.slice(0, 30)}.*cập nhật ngày 25/11/2026`) }).waitFor();
  for (const width of [1366, 360]) {
    const pub = await web.browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
    contexts.push(pub);
    const pp = await pub.newPage();
    await pp.goto(`${web.server.url}/cong-khai/21583`);
    await pp.getByText(/cập nhật ngày 25\/11\/2026/).first().waitFor();
    await pp.getByRole("link", { name: n.title }).click();
    await pp.getByText("Cập nhật ngày 25/11/2026.").waitFor();
    await pp.getByText(/tổng chi thường xuyên ghi đúng là 4,2 tỷ đồng/).waitFor();
    await pp.getByRole("cell", { name: n.posted_on.split("-").reverse().join("/") }).waitFor(); // a correction keeps the first posting day
    await shot(pp, `notice-revised-${width}`);
  }
  const row = await web.server.ctx.db.selectFrom("audit_log").select(["before", "after"]).where("entity", "=", "public_notice").where("action", "=", "notice.update").executeTakeFirstOrThrow();
  assert.equal((JSON.parse(row.before!) as { body: string }).body, n.body);
});

test("staff read a notice's history: the correction keeps the posting day, a material change posts it afresh and the 30 days run again, each with who and when, at 1366 and 360 px", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const n = await web.server.ctx.db.selectFrom("public_notices").selectAll().where("category", "=", "ngan_sach").executeTakeFirstOrThrow();
  const who = (await web.server.ctx.db.selectFrom("users").select("display_name").where("username", "=", "quynhon").executeTakeFirstOrThrow()).display_name;
  const p = await staffPage(1366);
  await p.getByRole("button", { name: `Sửa thông báo: ${n.title}` }).click();
  const form = p.locator("form.portal-edit");
  await form.getByLabel("Nội dung công khai").fill("Dự toán điều chỉnh: tổng chi 12,5 tỷ đồng (Nghị quyết HĐND phường ngày 20/11/2026).");
  await form.getByLabel(/Thay đổi cơ bản/).check();
  await form.getByRole("button", { name: "Lưu bản sửa" }).click();
  await form.waitFor({ state: "detached" });
  // Posted afresh today, the notice moves to the top of the list: wait for it there before using its buttons.
  await p.getByRole("row", { name: new RegExp(n.title) }).getByText("25/11/2026 → 25/12/2026").waitFor();
  await p.getByRole("button", { name: `Lịch sử thông báo: ${n.title}` }).click();
  const hist = p.locator("section.portal-history");
  await hist.getByRole("heading", { name: `Lịch sử thông báo: ${n.title}` }).waitFor();
  const material = hist.locator("li[data-kind=revised_material]");
  await material.getByText("Thay đổi cơ bản: công khai lại, thời hạn tối thiểu tính lại").waitFor();
  const posted = n.posted_on.split("-").reverse().join("/");
  await material.getByText(`Công khai lại từ 25/11/2026 (trước: ${posted}); thời hạn tối thiểu tính lại, giữ ít nhất đến hết 25/12/2026.`).waitFor();
  assert.match((await material.locator(".portal-history-head").innerText()), new RegExp(`\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d · ${who.replace(/[()]/g, "\\$&")}`));
  assert.equal(await material.locator("[data-field=body] del").innerText(), n.body, "the text before the change");
  assert.match(await material.locator("[data-field=body] ins").innerText(), /12,5 tỷ đồng/, "and after it");
  await hist.locator("li[data-kind=corrected]").getByText("Sửa lỗi, giữ ngày công khai").waitFor();
  assert.equal(await hist.locator("li[data-kind=corrected] [data-field=postedOn]").count(), 0, "a correction keeps the posting day");
  await hist.screenshot({ path: `${SHOTS}/portal-staff-history-1366.png` });
  const small = await staffPage(360);
  await small.getByRole("button", { name: `Lịch sử thông báo: ${n.title}` }).click();
  await small.locator("section.portal-history li[data-kind=revised_material]").waitFor();
  await assertNoOverflow(small, "notice history at 360 px");
  await small.locator("section.portal-history").screenshot({ path: `${SHOTS}/portal-staff-history-360.png` });
  await small.getByRole("button", { name: "Đóng lịch sử" }).click();
  assert.equal(await small.locator("section.portal-history").count(), 0);
});

test("the province reviewer (gialai) sees the portal page without the forms the API refuses it, with a note in Vietnamese; the commune reporter (quynhon) keeps them", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  for (const width of [1366, 360]) {
    const p = await web.signedIn("gialai", width);
    await p.goto(web.server.url + "/#/portal");
    await p.getByRole("heading", { name: "Lấy ý kiến, Nhân dân bàn và quyết định" }).waitFor();
    await p.getByRole("note").filter({ hasText: "Tài khoản của bạn chỉ được xem trang này (tỉnh, thành phố)" }).waitFor();
    await p.getByText("Thông báo công khai do cán bộ có quyền nhập liệu của xã, phường thêm, sửa và gỡ.").waitFor();
    await p.getByText("Mở lấy ý kiến, phát mã hộ, nhập phiếu giấy và kết thúc kiểm phiếu do cán bộ có quyền nhập liệu của xã, phường thực hiện.").waitFor();
    await p.getByText("Câu trả lời phản ánh, kiến nghị do cán bộ có quyền nhập liệu của xã, phường công khai.").waitFor();
    assert.equal(await p.getByRole("heading", { name: "Thêm thông báo công khai" }).count(), 0);
    assert.equal(await p.getByText("Mở cuộc lấy ý kiến, bàn và quyết định").count(), 0);
    assert.equal(await p.getByRole("button", { name: /^(Công khai|Gỡ|Sửa|Công khai câu trả lời|Mở lấy ý kiến)$/ }).count(), 0);
    await assertNoOverflow(p, `portal page of gialai at ${width} px`);
    await shot(p, `readonly-gialai-${width}`);
    if (width === 1366) {
      // What the form would have sent is indeed refused for this account.
      const res = await p.request.post(`${web.server.url}/api/portal/notices`, { data: { unitId: (await web.server.ctx.db.selectFrom("users").select("unit_id").where("username", "=", "gialai").executeTakeFirstOrThrow()).unit_id,
        category: "khac", form: "website", title: "Thử", body: "Thử", postedOn: "2026-11-25", publishedBy: "Tỉnh" } });
      assert.equal(res.status(), 403);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, "FORBIDDEN");
    }
  }
  const q = await staffPage(360);
  await q.getByRole("heading", { name: "Thêm thông báo công khai" }).waitFor();
  await q.getByText("Mở cuộc lấy ý kiến, bàn và quyết định").waitFor();
  assert.equal(await q.locator(".portal-readonly, .portal-readonly-banner").count(), 0, "the commune reporter is told nothing of the kind");
  assert.deepEqual(web.pageErrors, []);
});

test("a province reviewer (gialai) picks a commune on the portal staff page (1366 and 360 px) and sees its notices, consultations and feedback, read only", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  for (const width of [1366, 360]) {
    const p = await web.signedIn("gialai", width);
    await p.goto(web.server.url + "/#/portal");
    await p.getByRole("heading", { name: "Công khai của một xã, phường" }).waitFor();
    await p.getByText(/chọn một xã, phường trong cây đơn vị/).waitFor();
    // Before a pick: the province's own page, none of Quy Nhơn's notices or feedback.
    assert.equal(await p.getByText("Phương án bồi thường, hỗ trợ mở rộng đường Trần Hưng Đạo", { exact: false }).count(), 0);
    await p.getByRole("combobox", { name: "Xã, phường" }).fill("quy nhon");
    await p.getByRole("treeitem", { name: /^Phường Quy Nhơn 21583/ }).click();
    await p.getByText(/Đang xem: Phường Quy Nhơn/).waitFor();
    await p.locator("table.portal-notices").getByText("Phương án bồi thường, hỗ trợ mở rộng đường Trần Hưng Đạo", { exact: false }).waitFor();
    await p.locator(".portal-consults > li").first().waitFor();
    await p.getByText("Đèn chiếu sáng hẻm 12 Nguyễn Huệ bị hỏng").waitFor();
    assert.equal(await p.getByRole("link", { name: /Xem trang công khai của Phường Quy Nhơn/ }).getAttribute("href"), "/cong-khai/21583");
    // Still read only: the API refuses this account's writes, so no form and the notes say who writes.
    assert.equal(await p.getByRole("heading", { name: "Thêm thông báo công khai" }).count(), 0);
    assert.equal(await p.getByRole("button", { name: /^(Công khai|Gỡ|Sửa|Công khai câu trả lời|Mở lấy ý kiến)$/ }).count(), 0);
    await p.getByText("Câu trả lời phản ánh, kiến nghị do cán bộ có quyền nhập liệu của xã, phường công khai.").waitFor();
    await assertNoOverflow(p, `portal page of gialai with Quy Nhơn picked at ${width} px`);
    await shot(p, `province-picked-${width}`);
    // Back to the province's own page.
    await p.getByRole("button", { name: "Về đơn vị của tôi" }).click();
    await p.getByText(/chọn một xã, phường trong cây đơn vị/).waitFor();
    assert.equal(await p.locator("table.portal-notices").getByText("Phương án bồi thường", { exact: false }).count(), 0);
  }
  assert.deepEqual(web.pageErrors, []);
});

test("feedback location: 'Dùng vị trí của tôi' fills the coordinates where JavaScript runs (hidden without it), nothing is loaded from elsewhere, staff see the place with an OpenStreetMap link", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const off = await web.browser.newContext({ viewport: { width: 360, height: 900 }, javaScriptEnabled: false });
  contexts.push(off);
  const po = await off.newPage();
  await po.goto(`${web.server.url}/cong-khai/21583/phan-anh`);
  await po.getByLabel("Vĩ độ").waitFor();
  assert.equal(await po.getByRole("button", { name: "Dùng vị trí của tôi" }).isVisible(), false, "no button without JavaScript");
  await shot(po, "feedback-nojs-360");

  for (const width of [360, 1366]) {
    const ctx = await web.browser.newContext({ viewport: { width, height: 900 }, locale: "vi-VN", geolocation: { latitude: 13.77181, longitude: 109.22313 }, permissions: ["geolocation"] });
    contexts.push(ctx);
    const p = await ctx.newPage();
    const elsewhere: string[] = [];
    p.on("request", (r) => { if (!r.url().startsWith(web.server.url)) elsewhere.push(r.url()); });
    const errors: string[] = [];
    p.on("pageerror", (e) => errors.push(e.message));
    await p.goto(`${web.server.url}/cong-khai/21583/phan-anh`);
    await p.getByRole("button", { name: "Dùng vị trí của tôi" }).click();
    await p.getByText(/Đã điền vị trí/).waitFor();
    assert.equal(await p.getByLabel("Vĩ độ").inputValue(), "13.77181");
    assert.equal(await p.getByLabel("Kinh độ").inputValue(), "109.22313");
    await shot(p, `feedback-located-${width}`);
    if (width === 1366) {
      await p.getByLabel(/Tiêu đề/).fill("Hố ga mất nắp trước chợ");
      await p.getByLabel("Nội dung").fill("Hố ga mất nắp, nguy hiểm cho người đi bộ buổi tối.");
      await p.getByLabel("Họ và tên").fill("Phạm Thị Thu");
      await p.getByLabel("Địa chỉ hoặc mốc dễ nhận biết").fill("Trước cổng chợ Đầm, phía đường Tăng Bạt Hổ");
      await p.waitForTimeout(4200); // a person reads before sending (the form refuses answers within 4 s)
      await p.getByRole("button", { name: "Gửi", exact: true }).click();
      await p.locator("#tracking-code").waitFor();
    }
    assert.deepEqual(elsewhere, [], "the public pages load nothing from another site");
    assert.deepEqual(errors, []);
  }
  const s = await staffPage(1366);
  const li = s.locator("section[aria-labelledby=portal-feedback] li", { hasText: "Hố ga mất nắp trước chợ" });
  await li.getByText("Nơi phản ánh: Trước cổng chợ Đầm, phía đường Tăng Bạt Hổ").waitFor();
  const link = li.getByRole("link", { name: "Xem trên bản đồ OpenStreetMap (13.77181, 109.22313)" });
  assert.equal(await link.getAttribute("href"), "https://www.openstreetmap.org/?mlat=13.77181&mlon=109.22313#map=18/13.77181/109.22313");
  await shot(s, "feedback-staff-1366");
  const html = await (await s.request.get(`${web.server.url}/cong-khai/21583`)).text();
  assert.ok(!html.includes("chợ Đầm") && !html.includes("13.77181"), "the place stays internal");
});
