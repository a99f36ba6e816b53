/**
 * End-to-end in a real browser (Debian's chromium through playwright-core) against the real server
 * on the demo data: sign-in and role-based navigation, a figure entered at a commune showing up in
 * the province's dashboard, autosave through a dropped connection, inline checks, and the report
 * workflow submit → return (reason seen by the reporter) → resubmit → approve. Saves screenshots
 * of the main pages at desktop and 360 px widths to test-output/screenshots/.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { browserSuite, assertNoOverflow } from "./browser-support.ts";
import { hierarchyOf } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { rollupValue } from "../figures/rollup.service.ts";
import { compareWithReported } from "../registers/figures.ts";

let quyNhonId = 0;
const web = browserSuite({
  width: 1280,
  setup: async ({ server }) => {
    quyNhonId = (await hierarchyOf(server.ctx)).resolveCode("21583", "2026-01-01").id;
  },
});
const { contexts, pageErrors, signedIn, shot } = web;

const skip = () => !web.browser;

test("sign-in: a wrong password is refused in Vietnamese; each role sees only what it may do", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const ctx = await web.browser!.newContext({ viewport: { width: 360, height: 740 } });
  contexts.push(ctx);
  const page = await ctx.newPage();
  await page.goto(web.server.url + "/");
  await shot(page, "signin-360");
  await page.getByLabel("Tên đăng nhập").fill("quynhon");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").innerText(), /mật khẩu|đăng nhập/i);

  const navOf = async (user: string) => {
    const p = await signedIn(user);
    const links = await p.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link").allInnerTexts();
    await p.close();
    return links;
  };
  const reporter = await navOf("quynhon");
  assert.ok(reporter.includes("Nhập số liệu"));
  assert.ok(!reporter.includes("Duyệt báo cáo") && !reporter.includes("Người dùng"), reporter.join(","));
  const reviewer = await navOf("gialai");
  assert.ok(reviewer.includes("Duyệt báo cáo") && !reviewer.includes("Nhập số liệu"), reviewer.join(","));
  const viewer = await navOf("xem");
  assert.deepEqual(viewer.filter((l) => ["Nhập số liệu", "Duyệt báo cáo", "Đơn vị", "Người dùng"].includes(l)), []);
  const admin = await navOf("admin");
  for (const l of ["Đơn vị", "Người dùng", "Chỉ tiêu", "Duyệt báo cáo"]) assert.ok(admin.includes(l), l);
});

test("a link followed the moment the page appears is not lost (on a slow laptop the click can come before the page listens)", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const p = await signedIn("quynhon");
  // The hash changes in the same task the header is drawn in: before the page's effects run.
  await p.addInitScript(() => {
    new MutationObserver((_, o) => {
      if (!document.querySelector("header.top")) return;
      o.disconnect();
      location.hash = "#/registers?reg=petitions&new=1";
    }).observe(document, { childList: true, subtree: true });
  });
  await p.reload();
  await p.getByLabel("Người gửi").waitFor({ timeout: 10_000 });
  assert.equal(await p.evaluate(() => location.hash), "#/registers?reg=petitions&new=1");
});

test("users: an administrator adds a user, locks the account, and the user can no longer sign in", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const admin = await signedIn("admin");
  await admin.goto(web.server.url + "/#/admin/users");
  await admin.getByLabel("Tên đăng nhập").fill("canbo.e2e");
  await admin.getByLabel("Họ tên / tên cơ quan").fill("Cán bộ thử nghiệm");
  await admin.getByLabel("Mật khẩu ban đầu").fill("mat-khau-e2e");
  assert.equal(await admin.getByLabel("Vai trò").inputValue(), "viewer", "a new account starts with the least role");
  await admin.getByLabel("Vai trò").selectOption("reporter");
  const search = admin.getByRole("combobox", { name: "Đơn vị" });
  await search.pressSequentially("quy nhon");
  await admin.getByRole("tree", { name: "Đơn vị" }).getByRole("treeitem", { name: /^Phường Quy Nhơn\b/ }).first().waitFor();
  await search.press("Enter");
  await admin.getByText(/^Đã chọn: Phường Quy Nhơn — /).waitFor();
  await admin.getByRole("button", { name: "Thêm người dùng" }).click();
  await admin.getByText("Đã thêm canbo.e2e.").waitFor();
  await admin.getByRole("button", { name: "Sửa canbo.e2e" }).click();
  await admin.getByRole("form", { name: "Sửa người dùng canbo.e2e" }).getByLabel(/Đang hoạt động/).uncheck();
  await admin.getByRole("form", { name: "Sửa người dùng canbo.e2e" }).getByRole("button", { name: "Lưu" }).click();
  await admin.getByText("Đã lưu.").waitFor();
  await admin.locator("tr", { hasText: "canbo.e2e" }).getByText("Đã khóa").waitFor();
  await shot(admin, "admin-users-desktop");

  const ctx = await web.browser!.newContext();
  contexts.push(ctx);
  const p = await ctx.newPage();
  await p.goto(web.server.url + "/");
  await p.getByLabel("Tên đăng nhập").fill("canbo.e2e");
  await p.getByLabel("Mật khẩu").fill("mat-khau-e2e");
  await p.getByRole("button", { name: "Đăng nhập" }).click();
  await p.getByRole("alert").getByText("Tên đăng nhập hoặc mật khẩu không đúng.").waitFor();
});

test("a figure entered at a commune shows in the province's dashboard; autosave survives a dropped connection", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const rep = await signedIn("quynhon");
  await rep.goto(web.server.url + "/#/entry?period=2026Q4");
  const turns = rep.getByLabel("Lượt tiếp công dân (lượt)");
  await turns.fill("12");
  await turns.press("Enter");
  await rep.locator(".save-state[data-state=saved]").waitFor();

  // Inline checks: a count with decimals, and more successful mediations than cases.
  const cases = rep.getByLabel("Vụ việc đưa ra hòa giải ở cơ sở (vụ)");
  const ok = rep.getByLabel("Vụ việc hòa giải thành (vụ)");
  await cases.fill("3,5");
  await rep.locator(".field-error").getByText("Phải là số nguyên").waitFor();
  await cases.fill("3");
  await ok.fill("5");
  await rep.getByText(/Số vụ hòa giải thành không thể nhiều hơn số vụ việc hòa giải\. \(Vụ việc hòa giải thành: 5; Vụ việc đưa ra hòa giải ở cơ sở: 3\)/).first().waitFor();
  assert.equal(await ok.getAttribute("aria-invalid"), "true");
  await ok.fill("2");
  await rep.locator(".save-state[data-state=saved]").waitFor();

  // The connection drops while typing: the value waits in the outbox and is sent when it is back.
  await rep.context().setOffline(true);
  const people = rep.getByLabel("Số người được tiếp (người)");
  await people.fill("15");
  await people.press("Enter");
  await rep.getByText("Chưa lưu – sẽ gửi lại").waitFor();
  await rep.context().setOffline(false);
  await rep.locator(".save-state[data-state=saved]").waitFor({ timeout: 15_000 });
  const saved = await rollupValue(web.server.ctx, SYSTEM, { unitId: quyNhonId, indicator: "reception.people", period: "2026Q4" });
  assert.equal(saved.value, 15);

  // The petitions register counts what the commune received this quarter; one click takes the count.
  const received = (await compareWithReported(web.server.ctx, SYSTEM, quyNhonId, "2026Q4")).items.find((i) => i.indicator === "petitions.received")!;
  assert.ok(received.hasRecords && received.counted > 0, "the demo register holds petitions received at Quy Nhơn in 2026Q4");
  const petitionsRow = rep.locator('.indicator[data-indicator="petitions.received"]');
  assert.match(await petitionsRow.locator(".counted").innerText(), new RegExp(`Sổ theo dõi đếm được: ${received.counted}\\b`));
  await petitionsRow.getByRole("button", { name: /^Dùng số này/ }).click();
  assert.equal(await rep.getByLabel("Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận (đơn)").inputValue(), String(received.counted));
  await rep.locator(".save-state[data-state=saved]").waitFor();
  await petitionsRow.getByRole("button", { name: /^Dùng số này/ }).waitFor({ state: "detached" });

  // Narrative, then a reload: everything is still there.
  await rep.getByLabel("Ưu điểm", { exact: true }).fill("Tiếp dân đúng lịch, đối thoại kịp thời.");
  await rep.locator(".save-state[data-state=saved]").waitFor();
  await rep.waitForTimeout(1200);
  await rep.locator(".save-state[data-state=saved]").waitFor();
  await rep.reload();
  await rep.getByLabel("Lượt tiếp công dân (lượt)").waitFor();
  assert.equal(await rep.getByLabel("Lượt tiếp công dân (lượt)").inputValue(), "12");
  assert.equal(await rep.getByLabel("Ưu điểm", { exact: true }).inputValue(), "Tiếp dân đúng lịch, đối thoại kịp thời.");
  await shot(rep, "entry-desktop");

  const rev = await signedIn("gialai");
  await rev.goto(web.server.url + "/#/?period=2026Q4&focus=reception.turns");
  const card = rev.locator('.card[data-indicator="reception.turns"] .value');
  await card.waitFor();
  // The commune's 12 is in the province's bar chart, and the province's card shows the roll-up
  // (other communes' register records count where they reported nothing).
  // Bars are sorted by value and only the first 15 show until the user asks for all.
  const more = rev.getByRole("button", { name: /^Xem tất cả \d+ đơn vị$/ });
  if (await more.count()) await more.click();
  const bar = rev.locator(".bars li").filter({ has: rev.getByRole("link", { name: "Phường Quy Nhơn", exact: true }) });
  assert.match(await bar.innerText(), /\b12\b/);
  const gialai = (await hierarchyOf(web.server.ctx)).resolveCode("52", "2026-01-01").id;
  const total = await rollupValue(web.server.ctx, SYSTEM, { unitId: gialai, indicator: "reception.turns", period: "2026Q4" });
  assert.ok(total.value !== null && total.value >= 12);
  assert.equal(Number((await card.innerText()).match(/^[\d.]+/)![0].replace(/\./g, "")), total.value);
  await rev.goto(web.server.url + "/#/?period=2026Q3");
  await rev.locator(".card .value").first().waitFor();
  await rev.locator(".chart canvas").waitFor();
  await rev.locator(".reform table").first().waitFor();
  await shot(rev, "dashboard-province-desktop");
});

test("report workflow: submit, return with a reason the reporter sees, resubmit, approve", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const rep = await signedIn("quynhon");
  await rep.goto(web.server.url + "/#/entry?period=2026Q4");
  await rep.getByRole("button", { name: "Nộp báo cáo" }).click();
  await rep.getByText("Trạng thái: Đã nộp, chờ duyệt").waitFor();
  assert.equal(await rep.getByLabel("Lượt tiếp công dân (lượt)").isDisabled(), true);

  const rev = await signedIn("gialai");
  await rev.goto(web.server.url + "/#/review");
  await rev.getByRole("link", { name: /Xem và duyệt báo cáo Phường Quy Nhơn kỳ Quý IV\/2026/ }).click();
  await rev.getByRole("button", { name: "Trả lại…" }).click();
  await rev.getByRole("button", { name: "Gửi trả lại" }).click();
  await rev.getByText("Cần ghi lý do trả lại").waitFor();
  await rev.getByLabel("Lý do trả lại").fill("Đề nghị bổ sung số đơn thư tiếp nhận trong quý.");
  await shot(rev, "review-return-desktop");
  await rev.getByRole("button", { name: "Gửi trả lại" }).click();
  await rev.getByText("Đã ghi nhận quyết định.").waitFor();

  await rep.reload();
  await rep.getByText("Lý do trả lại:").waitFor();
  assert.match(await rep.locator(".status-banner").innerText(), /Đề nghị bổ sung số đơn thư tiếp nhận trong quý\./);
  await shot(rep, "entry-returned-desktop");
  await rep.goto(web.server.url + "/#/?period=2026Q4");
  assert.match(await rep.locator(".status-banner").innerText(), /Bị trả lại — lý do: .?Đề nghị bổ sung số đơn thư/);
  await rep.getByRole("link", { name: "Mở biểu mẫu báo cáo" }).click();
  // A figure other than the register's count is allowed, and said so beside the field and to the reviewer.
  const { counted } = (await compareWithReported(web.server.ctx, SYSTEM, quyNhonId, "2026Q4")).items.find((i) => i.indicator === "petitions.received")!;
  await rep.getByLabel("Đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh tiếp nhận (đơn)").fill(String(counted + 1));
  await rep.locator('.indicator[data-indicator="petitions.received"] .counted.differs').getByText("khác số đã nhập").waitFor();
  await rep.getByRole("button", { name: "Nộp báo cáo" }).click();
  await rep.getByText("Trạng thái: Đã nộp, chờ duyệt").waitFor();

  await rev.goto(web.server.url + "/#/review");
  await rev.getByRole("link", { name: /Xem và duyệt báo cáo Phường Quy Nhơn kỳ Quý IV\/2026/ }).click();
  const row = rev.locator('tr[data-indicator="petitions.received"]');
  await row.waitFor();
  const [reportedCell, , countedCell] = (await row.locator("td").allInnerTexts()).map((x) => x.replace(/\s+/g, " ").trim());
  assert.equal(reportedCell, String(counted + 1));
  assert.equal(countedCell, `${counted}≠ khác số báo cáo`);
  await rev.getByRole("note").getByText(/chỉ tiêu có số báo cáo khác số sổ theo dõi đếm được/).waitFor();
  await rev.getByRole("button", { name: "Phê duyệt" }).click();
  await rev.getByText("Đã ghi nhận quyết định.").waitFor();
  await rep.reload();
  await rep.getByText("Trạng thái: Đã phê duyệt").waitFor();
});

test("registers: a petition entered through the form gets its deadline, moves one legal step, and is found by search", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const rep = await signedIn("quynhon");
  await rep.goto(web.server.url + "/#/registers");
  await rep.getByRole("link", { name: "+ Vào sổ đơn thư mới" }).click();
  await rep.getByLabel("Người gửi").fill("Trần Thị Bình");
  await rep.getByLabel("Nội dung").fill("Phản ánh đường liên thôn xuống cấp");
  await rep.getByLabel("Loại đơn").selectOption("khieu_nai");
  await rep.getByRole("button", { name: "Vào sổ" }).click();
  await rep.getByText(/Đã vào sổ đơn #\d+; hạn thụ lý: \d\d\/\d\d\/\d{4}\./).waitFor();
  // Only the steps the law allows from "Tiếp nhận" are offered.
  const offered = await rep.getByLabel("Việc").locator("option").allInnerTexts();
  assert.deepEqual(offered, ["— Chọn —", "Phân loại", "Chuyển đơn", "Rút đơn"]);
  await rep.getByLabel("Việc").selectOption({ label: "Phân loại" });
  await rep.getByRole("button", { name: "Ghi bước" }).click();
  await rep.getByText(/Đã ghi bước "Phân loại"/).waitFor();
  assert.match(await rep.locator("p", { hasText: "Bước hiện tại" }).innerText(), /Phân loại/);
  await shot(rep, "petition-detail-desktop");
  await rep.getByRole("link", { name: "← Về sổ đơn thư" }).click();
  await rep.getByRole("searchbox", { name: "Tìm" }).fill("duong lien thon");
  await rep.getByRole("button", { name: "Lọc" }).click();
  await rep.locator("tbody tr", { hasText: "Trần Thị Bình" }).waitFor();
  await shot(rep, "registers-desktop");
});

test("registers: a mediation team is saved with the law's warning; a case for it is checked, saved, corrected and found", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const rep = await signedIn("quynhon");
  await rep.goto(web.server.url + "/#/registers?reg=mediation_team");
  await rep.getByRole("link", { name: "+ Thêm tổ hòa giải" }).click();
  await rep.getByLabel("Tên tổ").fill("Tổ hòa giải khu phố 5 (e2e)");
  await rep.getByRole("button", { name: "+ Thêm hòa giải viên" }).click();
  await rep.getByRole("button", { name: "+ Thêm hòa giải viên" }).click();
  await rep.locator("#f-members-0-name").fill("Ông Phạm Văn Hùng");
  await rep.locator("#f-members-1-name").fill("Ông Võ Văn Sơn");
  await rep.getByRole("button", { name: "Lưu" }).click();
  await rep.getByText(/Đã vào sổ bản ghi #\d+\./).waitFor();
  await rep.getByText(/cần ít nhất 3 người/).waitFor();

  const cases = async () => (await web.server.ctx.db.selectFrom("register_records").select((eb) => eb.fn.countAll<number>().as("n")).where("register", "=", "mediation_case").executeTakeFirstOrThrow()).n;
  const before = Number(await cases());
  await rep.goto(web.server.url + "/#/registers?reg=mediation_case&new=1");
  await rep.getByLabel("Tổ hòa giải", { exact: true }).selectOption({ label: "Tổ hòa giải khu phố 5 (e2e)" });
  await rep.getByRole("button", { name: "Lưu" }).click();
  // Checked in the browser: the empty fields are marked and the first one has the focus; nothing is sent.
  await rep.getByText(/Còn 3 ô chưa hợp lệ/).waitFor();
  // The focus moves a task after the message is drawn (focusFirst's setTimeout): wait for it, then say where it is.
  await rep.waitForFunction(() => document.activeElement?.id === "f-mediators-0", undefined, { timeout: 5000 }).catch(() => undefined);
  assert.equal(await rep.evaluate(() => document.activeElement?.id), "f-mediators-0");
  assert.equal(await rep.locator("#f-parties").getAttribute("aria-invalid"), "true");
  await rep.getByRole("textbox", { name: "Hòa giải viên 1" }).fill("Bà Lê Thị Hạnh");
  await rep.getByLabel("Các bên").fill("Hộ ông A và hộ bà B, khu phố 5");
  await rep.getByLabel("Nội dung vụ việc").fill("Tranh chấp lối đi chung giữa hai hộ liền kề");
  await rep.getByLabel("Kết quả").selectOption("thanh");
  // Checked by the server: a settled case needs the date it ended.
  await rep.getByRole("button", { name: "Lưu" }).click();
  await rep.getByText("Vụ việc đã có kết quả hòa giải thì phải có ngày kết thúc hòa giải.").waitFor();
  assert.equal(Number(await cases()), before);
  await rep.getByLabel("Ngày kết thúc hòa giải").fill(web.server.ctx.today());
  await rep.getByRole("button", { name: "Lưu" }).click();
  await rep.getByText(/Đã vào sổ bản ghi #\d+\./).waitFor();
  assert.equal(Number(await cases()), before + 1);
  await rep.getByRole("link", { name: "Sửa" }).click();
  await rep.getByLabel("Thỏa thuận đạt được").fill("Hai hộ thống nhất cắm lại mốc ranh giới");
  await shot(rep, "register-form-desktop");
  await rep.getByRole("button", { name: "Lưu" }).click();
  await rep.getByText("Đã lưu thay đổi.").waitFor();
  await rep.getByText("Hai hộ thống nhất cắm lại mốc ranh giới").waitFor();
  await shot(rep, "register-record-desktop");
  await rep.goto(web.server.url + "/#/registers?reg=mediation_case&q=loi di chung giua hai ho");
  await rep.locator("tbody tr", { hasText: "Tranh chấp lối đi chung giữa hai hộ liền kề" }).waitFor();
  assert.equal(await rep.locator("tbody tr").count(), 1);
});

test("reports: the preview shows the narrative the reporter wrote, and the .docx downloads", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const rep = await signedIn("quynhon");
  await rep.goto(web.server.url + "/#/reports?period=2026Q4");
  await rep.locator("article.doc").waitFor();
  assert.match(await rep.locator("article.doc").innerText(), /Tiếp dân đúng lịch, đối thoại kịp thời\./);
  await shot(rep, "reports-desktop");
  const [dl] = await Promise.all([rep.waitForEvent("download"), rep.getByRole("link", { name: "Tải về Word (.docx)" }).click()]);
  assert.match(dl.suggestedFilename(), /^Báo cáo .*\.docx$/);
  const path = await dl.path();
  assert.equal(readFileSync(path).subarray(0, 2).toString(), "PK");
});

test("reports: a draft is marked until accepted; an empty section is written in the page; issuing waits for both", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const rep = await signedIn("quynhon");
  await rep.goto(web.server.url + "/#/reports?period=2026Q3");
  const lessons = rep.locator("#sec-lessons");
  await lessons.waitFor();
  await lessons.getByText("Bản nháp từ số liệu — chưa được chấp nhận").waitFor();
  assert.equal(await rep.getByRole("button", { name: "Ban hành" }).isDisabled(), true);
  await lessons.getByRole("button", { name: "Chấp nhận bản nháp" }).click();
  await rep.getByText("Đã chấp nhận bản nháp.").waitFor();
  await lessons.getByText("Đã chấp nhận bản nháp").waitFor();
  assert.equal(await rep.locator("#h-missing + ul").getByRole("link", { name: "Bài học kinh nghiệm" }).count(), 0);
  const ethnic = rep.locator("#sec-ethnic_religion");
  await ethnic.getByRole("button", { name: "Viết phần này" }).click();
  await ethnic.getByLabel("Nội dung phần \"Công tác dân tộc, tôn giáo\"").fill("Đồng bào các dân tộc yên tâm lao động sản xuất.");
  await ethnic.getByRole("button", { name: "Lưu" }).click();
  await ethnic.getByText("Đồng bào các dân tộc yên tâm lao động sản xuất.").waitFor();
  await shot(rep, "reports-drafts-desktop");
});

test("import: a dev-corpus report is read, its figures highlighted, and the accepted ones saved with their source", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const corpus = "/work/shared/dev-corpus/texts/000.txt";
  if (!existsSync(corpus)) return t.skip("dev corpus not found");
  const text = readFileSync(corpus, "utf8");
  const admin = await signedIn("admin");
  await admin.goto(web.server.url + "/#/import");
  await admin.getByLabel("Dán nội dung báo cáo").fill(text);
  await admin.getByRole("button", { name: "Đọc số liệu" }).click();
  await admin.getByRole("heading", { name: /Tìm thấy \d+ số liệu/ }).waitFor();
  assert.ok(await admin.locator(".extract-text mark").count() > 5);
  assert.notEqual(await admin.getByLabel("Mã đơn vị").inputValue(), "");
  // Reject the first accepted figure: it is not saved.
  const first = admin.locator("table.extract tbody tr").filter({ has: admin.locator("input[type=checkbox]:checked") }).first();
  await first.locator("input[type=checkbox]").uncheck();
  await shot(admin, "import-desktop");
  const label = await admin.getByRole("button", { name: /^Lưu \d+ số liệu đã chọn$/ }).innerText();
  const n = Number(label.match(/\d+/)![0]);
  await admin.getByRole("button", { name: /^Lưu \d+ số liệu đã chọn$/ }).click();
  // Figures stored already for the unit and period are replaced only once the user agrees.
  const ask = admin.getByRole("alertdialog");
  await Promise.race([ask.waitFor(), admin.getByText(/Đã lưu \d+ số liệu/).waitFor()]);
  if (await ask.isVisible()) await ask.getByRole("button", { name: new RegExp(`^Ghi đè và lưu ${n} số liệu$`) }).click();
  // "34/37 vụ" also gives the number of mediation cases, saved beside the successful ones (and counted on the button).
  await admin.getByText(new RegExp(`Đã lưu ${n} số liệu`)).waitFor();
  const rows = await web.server.ctx.db.selectFrom("figures").select(["indicator", "value", "source"]).where("source", "like", '%"type":"extract"%').execute();
  assert.equal(rows.length, n);
  assert.deepEqual(rows.filter((r) => r.indicator.startsWith("mediation.")).map((r) => [r.indicator, r.value]).sort(), [["mediation.cases", 37], ["mediation.successful", 34]]);
});

test("import: a month the reader names is kept as the product's period id, so what is stored for it is shown", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const admin = await signedIn("admin");
  await admin.goto(web.server.url + "/#/import");
  await admin.getByLabel("Dán nội dung báo cáo").fill("Báo cáo kết quả công tác dân vận tháng 10 năm 2026 của phường Quy Nhơn\nTrong tháng, Đảng ủy phường đã tiếp 12 lượt công dân.");
  await admin.getByRole("button", { name: "Đọc số liệu" }).click();
  await admin.getByRole("heading", { name: /Tìm thấy \d+ số liệu/ }).waitFor();
  assert.equal(await admin.getByLabel("Kỳ", { exact: true }).inputValue(), "202610");
});

test("main pages at 360 px: nothing wider than the screen", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const pages: Array<[string, string, string]> = [
    ["gialai", "/#/?period=2026Q3", "dashboard-360"],
    ["quynhon", "/#/entry?period=2026Q3", "entry-360"],
    ["gialai", "/#/review", "review-360"],
    ["admin", "/#/admin/units", "admin-units-360"],
    ["quynhon", "/#/registers", "registers-360"],
    ["quynhon", "/#/registers?reg=reception&new=1", "register-form-360"],
  ];
  for (const [user, path, name] of pages) {
    const p = await signedIn(user, 360);
    await p.goto(web.server.url + path);
    await p.locator("main h1").waitFor();
    await p.waitForLoadState("networkidle");
    await shot(p, name);
    await assertNoOverflow(p, name);
    await p.close();
  }
  const admin = await signedIn("admin");
  await admin.goto(web.server.url + "/#/admin/units");
  await admin.locator("main table").waitFor();
  await shot(admin, "admin-units-desktop");
  assert.deepEqual(pageErrors, []);
});

test("accessibility: the main pages have no serious or critical WCAG 2.1 A/AA violations (axe-core)", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
  const pages: Array<[string | null, string, string]> = [
    [null, "/", "main form"],
    ["gialai", "/#/?period=2026Q3", "main h1"],
    ["quynhon", "/#/entry?period=2026Q3", "main h1"],
    ["gialai", "/#/review", "main h1"],
    ["quynhon", "/#/registers", "main table"],
    ["quynhon", "/#/registers?reg=reception&new=1", "main form"],
    ["quynhon", "/#/registers?reg=dvk", "main h1"],
    ["admin", "/#/import", "main h1"],
    ["quynhon", "/#/reports?period=2026Q3", "article.doc"],
    ["admin", "/#/admin/units", "main table"],
    ["admin", "/#/admin/users", "main table"],
    ["admin", "/#/admin/indicators", "main table"],
    ["quynhon", "/#/account", "main form"],
  ];
  const problems: string[] = [];
  for (const [user, path, ready] of pages) {
    // axe is injected as a script, which the app's Content-Security-Policy would (rightly) block.
    const c = await web.browser!.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    contexts.push(c);
    if (user) assert.ok((await c.request.post(`${web.server.url}/api/session`, { data: { username: user, password: "danvan-demo" } })).ok());
    const p = await c.newPage();
    await p.goto(web.server.url + path);
    await p.locator(ready).first().waitFor();
    await p.waitForLoadState("networkidle");
    await p.addScriptTag({ path: axePath });
    const violations = await p.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
      return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
    });
    for (const v of violations) problems.push(`${path}: ${v}`);
    await p.close();
  }
  assert.deepEqual(problems, []);
});
