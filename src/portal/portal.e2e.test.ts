/**
 * Issue 15 in a real browser on the demo data, without JavaScript in the pages: three households of
 * Tổ dân phố 5 (phường Quy Nhơn) take part in the demo decision — two online through the public
 * form (one at 1366 px, one at 360 px), one on a paper ballot entered by staff — the staff close it,
 * and the public page shows the result with the right counts and the law's verdict (more than 50%
 * of ALL 40 households must agree: 2 do not make it). A resident's feedback appears in the staff
 * petitions list with its deadline; the answer appears under the tracking code. Screenshots in
 * test-output/screenshots/ (portal-*).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import type { BrowserContext, Page } from "playwright-core";
import { browserSuite, SHOTS } from "../web/browser-support.ts";
import { DEMO_CONSULTATION_QUESTION } from "../demo/portal-demo.ts";

let cid = 0;
let staff: BrowserContext;
const web = browserSuite({
  shotPrefix: "portal-",
  setup: async ({ server, browser, contexts }) => {
    cid = (await server.ctx.db.selectFrom("consultations").select("id").where("question", "=", DEMO_CONSULTATION_QUESTION).executeTakeFirstOrThrow()).id;
    staff = await browser!.newContext();
    contexts.push(staff);
    const r = await staff.request.post(`${server.url}/api/session`, { data: { username: "quynhon", password: "danvan-demo" } });
    assert.equal(r.status(), 200);
  },
});
const { contexts, shot } = web;

async function resident(width: number): Promise<Page> {
  // JavaScript off: the public pages must work without it.
  const ctx = await web.browser!.newContext({ viewport: { width, height: 900 }, locale: "vi-VN", javaScriptEnabled: false });
  contexts.push(ctx);
  return ctx.newPage();
}

/** The phường's staff member signed in, on the portal staff page. */
async function portalStaff(width: number): Promise<Page> {
  const ctx = await web.browser!.newContext({ viewport: { width, height: 900 }, locale: "vi-VN" });
  contexts.push(ctx);
  const p = await ctx.newPage();
  await p.goto(web.server.url + "/");
  await p.getByLabel("Tên đăng nhập").fill("quynhon");
  await p.getByLabel("Mật khẩu").fill("danvan-demo");
  await p.getByRole("button", { name: "Đăng nhập" }).click();
  await p.locator("header.top").waitFor();
  await p.goto(web.server.url + "/#/portal");
  return p;
}

const api = async (method: "post" | "get", path: string, data?: unknown) => {
  const r = method === "post" ? await staff.request.post(web.server.url + path, { data: data ?? {} }) : await staff.request.get(web.server.url + path);
  assert.equal(r.status(), 200, `${method} ${path}: ${await r.text()}`);
  return r.json();
};
/** A person reads the page before sending (the form refuses answers sent within 4 s). */
const read = (page: Page) => page.waitForTimeout(4200);

test("the demo's public page: results of the approved quarter with period and basis, and the news article staff published from the report writer", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  for (const width of [1366, 360]) {
    const p = await resident(width);
    await p.goto(web.server.url + "/cong-khai/21583");
    await p.getByText("Chỉ số liệu trong báo cáo đã được phê duyệt").waitFor();
    await p.getByText(/quý IV năm 2025/i).first().waitFor();
    await shot(p, `unit-${width}`);
    await p.getByRole("link", { name: /đánh giá kết quả công tác dân vận quý IV năm 2025/ }).click();
    await p.getByText(/hòa giải thành công/).waitFor();
    await shot(p, `news-${width}`);
  }
  const rows = await web.server.ctx.db.selectFrom("audit_log").select("action").where("entity", "=", "portal_news").execute();
  assert.deepEqual(rows.map((r) => r.action), ["news.publish"]);
});

test("three households decide (two online, one on paper); after closing the portal shows the counts and the law's verdict", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  // Households 1–3 lost their papers: staff print new codes (the old ones stop working).
  const { codes } = (await api("post", `/api/portal/consultations/${cid}/codes`, { reissue: ["Hộ số 1", "Hộ số 2", "Hộ số 3"] })) as { codes: Array<{ label: string; code: string }> };
  const path = `/cong-khai/21583/lay-y-kien/${cid}`;
  for (const [i, width, choice] of [[0, 1366, "Tán thành"], [1, 360, "Không tán thành"]] as const) {
    const p = await resident(width);
    await p.goto(web.server.url + "/cong-khai/21583");
    await p.getByRole("link", { name: DEMO_CONSULTATION_QUESTION }).click();
    await p.getByLabel("Mã hộ gia đình").fill(codes[i]!.code);
    await p.getByLabel(choice, { exact: true }).check();
    await read(p);
    await p.getByRole("button", { name: "Gửi ý kiến" }).click();
    await p.getByText(`Đã ghi nhận ý kiến của ${codes[i]!.label}`).waitFor();
    assert.equal(await p.locator("[data-count]").count(), 0, "no counts before closing");
    await shot(p, `voted-${width}`);
  }
  await api("post", `/api/portal/consultations/${cid}/ballots`, { code: codes[2]!.code, choice: "yes" });
  const closed = (await api("post", `/api/portal/consultations/${cid}/close`, {})) as { result: { yes: number; no: number; passed: boolean } };
  assert.deepEqual([closed.result.yes, closed.result.no, closed.result.passed], [2, 1, false]);
  for (const width of [1366, 360]) {
    const p = await resident(width);
    await p.goto(web.server.url + path);
    await p.getByText("KHÔNG ĐƯỢC THÔNG QUA", { exact: true }).waitFor();
    assert.equal(await p.locator('[data-count="yes"]').textContent(), "2");
    assert.equal(await p.locator('[data-count="no"]').textContent(), "1");
    assert.equal(await p.locator('[data-count="abstain"]').textContent(), "0");
    await p.getByText("3 (2 / 1)").waitFor();
    await p.getByText(/2\/40 hộ tán thành.*chưa đủ hai phần ba tổng số hộ gia đình tán thành \(cần ít nhất 27 hộ/).waitFor();
    assert.equal(await p.getByRole("button", { name: "Gửi ý kiến" }).count(), 0, "closed: no voting form");
    await shot(p, `result-${width}`);
    // The result is a public notice of the phường.
    await p.goto(web.server.url + "/cong-khai/21583");
    await p.getByRole("link", { name: new RegExp(`^Kết quả Nhân dân bàn và quyết định: ${DEMO_CONSULTATION_QUESTION.slice(0, 20)}`) }).click();
    await p.getByText(/Không được thông qua/).first().waitFor();
    // The font-size switch is plain links.
    await p.getByRole("link", { name: "Cỡ chữ rất lớn" }).click();
    assert.equal(await p.locator("body").getAttribute("class"), "s3");
    await shot(p, `notice-large-${width}`);
  }
});

test("feedback sent on the public page appears in the staff petitions list with its deadline; its answer appears under the tracking code", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const p = await resident(360);
  await p.goto(web.server.url + "/cong-khai/21583");
  await p.getByRole("link", { name: /Gửi phản ánh, kiến nghị đến phường Quy Nhơn/ }).click();
  await p.getByLabel("Loại").selectOption("kien_nghi");
  await p.getByLabel(/Tiêu đề/).fill("Đề nghị lắp biển báo giảm tốc trước trường tiểu học");
  await p.getByLabel("Nội dung").fill("Xe chạy nhanh giờ tan học, đề nghị lắp biển báo và gờ giảm tốc.");
  await p.getByLabel("Họ và tên").fill("Đặng Thị Kiều Oanh");
  await p.getByLabel(/Số điện thoại/).fill("0935 777 888");
  await p.getByLabel("Vĩ độ").fill("13,7712");
  await p.getByLabel("Kinh độ").fill("109.2241");
  await shot(p, "feedback-form-360");
  await read(p);
  await p.getByRole("button", { name: "Gửi" }).click();
  const code = (await p.locator("#tracking-code").textContent())!.trim();
  assert.match(code, /^PA-/);
  await shot(p, "feedback-sent-360");
  const list = (await api("get", "/api/registers/petitions?q=biển báo giảm tốc")) as { items: Array<{ id: number; type: string; petitioner: string; dueOn: string | null }> };
  assert.equal(list.items.length, 1);
  assert.equal(list.items[0]!.type, "kien_nghi");
  assert.equal(list.items[0]!.petitioner, "Đặng Thị Kiều Oanh");
  assert.equal(list.items[0]!.dueOn, "2026-12-09", "the deadline the installation set: 10 working days");
  const qn = (await web.server.ctx.db.selectFrom("units").select("id").where("code", "=", "21583").orderBy("id", "desc").executeTakeFirstOrThrow()).id;
  const fb = (await api("get", `/api/portal/feedback?unitId=${qn}`)) as Array<{ id: number; petitionId: number; lat: number }>;
  const mine = fb.find((f) => f.petitionId === list.items[0]!.id)!;
  assert.equal(mine.lat, 13.7712);
  await api("post", `/api/portal/feedback/${mine.id}/answer`, { answer: "Phường đã đề nghị Sở Xây dựng lắp biển báo trong tháng 12." });
  await p.goto(web.server.url + "/cong-khai");
  await p.getByLabel("Mã theo dõi").fill(code.toLowerCase());
  await p.getByRole("button", { name: "Tra cứu" }).click();
  await p.locator("#answer").getByText("Phường đã đề nghị Sở Xây dựng lắp biển báo trong tháng 12.").waitFor();
  assert.equal(await p.locator("#status").textContent(), "Đã trả lời");
  const html = await p.content();
  assert.ok(!html.includes("Đặng Thị Kiều Oanh") && !html.includes("0935 777 888"), "nothing personal under the tracking code");
  await shot(p, "tracking-360");
});

test("the staff page lists what the law still asks, the notices, the closed decision and the feedback with its deadline; a notice added there is public", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  for (const width of [1366, 360]) {
    const p = await portalStaff(width);
    await p.locator('.portal-issues li[data-code="DCCS_D13_K2_NIEM_YET_30_NGAY"]').first().waitFor();
    await p.getByText("Không được thông qua.").waitFor();
    await p.getByText(/hạn 0\d\/12\/2026/).first().waitFor();
    if (width === 1366) {
      const nf = p.locator("form.portal-new");
      await nf.getByLabel("Nội dung", { exact: true }).selectOption("thanh_tra");
      await nf.getByLabel("Hình thức").selectOption("niem_yet");
      await nf.getByLabel("Tiêu đề", { exact: true }).fill("Kết luận kiểm tra việc thu, chi Quỹ Vì người nghèo");
      await nf.getByLabel("Nội dung công khai").fill("Thu, chi đúng mục đích; công khai đầy đủ.");
      await nf.getByLabel("Cơ quan công khai").fill("Ủy ban nhân dân phường Quy Nhơn");
      await nf.getByRole("button", { name: "Công khai", exact: true }).click();
      await p.getByRole("cell", { name: /^Kết luận kiểm tra việc thu, chi/ }).waitFor();
      const r = await p.request.get(web.server.url + "/cong-khai/21583");
      assert.match(await r.text(), /Kết luận kiểm tra việc thu, chi Quỹ Vì người nghèo/);
      // Taken down from the staff page: no longer public, and the row says when.
      await p.getByRole("button", { name: "Gỡ khỏi trang công khai: Kết luận kiểm tra việc thu, chi Quỹ Vì người nghèo" }).click();
      await p.getByRole("button", { name: "Công khai lại: Kết luận kiểm tra việc thu, chi Quỹ Vì người nghèo" }).waitFor();
      await p.getByText(/gỡ ngày 25\/11\/2026/).waitFor();
      assert.doesNotMatch(await (await p.request.get(web.server.url + "/cong-khai/21583")).text(), /Kết luận kiểm tra việc thu, chi Quỹ Vì người nghèo/);
    }
    await shot(p, `staff-${width}`);
  }
});

test("the public page prints without JavaScript: no font-size switch, breadcrumbs or forms on paper, the notices and the decision still there, on A4", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const p = await resident(360);
  await p.goto(web.server.url + "/cong-khai/21583");
  await p.getByRole("link", { name: "Cỡ chữ rất lớn" }).waitFor();
  await p.emulateMedia({ media: "print" });
  assert.equal(await p.getByRole("link", { name: "Cỡ chữ rất lớn" }).isVisible(), false, "no size switch on paper");
  assert.equal(await p.locator("nav").first().isVisible(), false, "no breadcrumbs on paper");
  assert.equal(await p.locator("form").first().isVisible(), false, "no forms on paper");
  assert.ok(await p.getByText("Tình hình thực hiện dự toán ngân sách", { exact: false }).first().isVisible(), "the notices print");
  assert.ok(await p.getByText(DEMO_CONSULTATION_QUESTION.slice(0, 30), { exact: false }).first().isVisible(), "the decision prints");
  const pdf = await p.pdf({ format: "A4", printBackground: false });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  assert.ok(pages >= 1 && pages <= 4, `${pages} A4 pages`);
  await shot(p, "print-360");
});

test("a commune-wide decision (Điều 21 khoản 1): 2 of the phường's 3 tổ dân phố approve — staff and residents see it passed with the villages' count, and each village's result", async (t) => {
  if (!web.browser) return t.skip("chromium not found");
  const qn = (await web.server.ctx.db.selectFrom("units").select("id").where("code", "=", "21583").orderBy("id", "desc").executeTakeFirstOrThrow()).id;
  const today = web.server.ctx.today();
  const question = "Đóng góp lắp đèn chiếu sáng các tuyến hẻm toàn phường";
  const d = (await api("post", "/api/portal/commune-decisions", { unitId: qn, matter: "dong_gop_cong_trinh", question, documents: "Dự toán 90 triệu đồng; mỗi hộ 200.000 đồng.", villages: 3, opensOn: today })) as { id: number };
  // Each tổ dân phố of 3 households votes on paper: 2 agree in the first two (two thirds), 1 in the third.
  const villages: number[] = [];
  for (const [community, yes] of [["Tổ dân phố 1", 2], ["Tổ dân phố 2", 2], ["Tổ dân phố 3", 1]] as const) {
    const c = (await api("post", "/api/portal/consultations", { unitId: qn, community, kind: "decide", matter: "dong_gop_cong_trinh", question: `${question} (${community})`, documents: "Dự toán", form: "phieu", opensOn: today, closesOn: today, households: 3, communeDecisionId: d.id })) as { id: number };
    villages.push(c.id);
    const { codes } = (await api("post", `/api/portal/consultations/${c.id}/codes`)) as { codes: Array<{ code: string }> };
    for (const [i, k] of codes.entries()) await api("post", `/api/portal/consultations/${c.id}/ballots`, { code: k.code, choice: i < yes ? "yes" : "no" });
    await api("post", `/api/portal/consultations/${c.id}/close`);
  }
  for (const width of [1366, 360]) {
    const p = await portalStaff(width);
    // Each tổ dân phố's decision in the list names the commune-wide one it is part of; its link leads there.
    const village = p.locator(`li[data-consultation="${villages[1]}"]`);
    await village.getByText("Thuộc quyết định toàn xã:").waitFor();
    await village.screenshot({ path: `${SHOTS}/portal-commune-village-${width}.png` });
    await village.getByRole("link", { name: question, exact: true }).click();
    await p.waitForFunction((id) => document.activeElement?.getAttribute("data-commune-decision") === String(id), d.id);
    assert.equal(new URL(p.url()).hash, "#/portal", "the link does not change the page");
    const row = p.locator(`li[data-commune-decision="${d.id}"]`);
    if (width === 1366) {
      await row.getByText("3/3 thôn, tổ dân phố đã kết thúc biểu quyết; cần ít nhất 2 thôn, tổ dân phố tán thành.").waitFor();
      await row.getByRole("button", { name: `Kết thúc và công bố kết quả toàn xã: ${question}` }).click();
    }
    await row.getByText("Được thông qua. 2/3 thôn, tổ dân phố tán thành (cần ít nhất 2).").waitFor();
    // The published result is in the notices list at once, without reloading the page.
    await p.getByRole("cell", { name: new RegExp(`^Kết quả Nhân dân toàn phường bàn và quyết định: ${question}`) }).waitFor({ timeout: 5000 });
    await shot(p, `commune-staff-${width}`);
    const r = await resident(width);
    await r.goto(web.server.url + "/cong-khai/21583");
    await r.getByText("đã kết thúc: được thông qua (2/3 thôn, tổ dân phố tán thành)").waitFor();
    await r.getByRole("link", { name: question, exact: true }).click();
    await r.getByText("ĐƯỢC THÔNG QUA", { exact: true }).waitFor();
    assert.equal(await r.locator('[data-count="villages-yes"]').textContent(), "2");
    assert.equal(await r.locator('[data-count="villages"]').textContent(), "3");
    await r.getByRole("cell", { name: "không tán thành (1/3 hộ)" }).waitFor();
    await r.getByText(/từ hai phần ba tổng số thôn, tổ dân phố trở lên tán thành \(cần ít nhất 2; Luật Thực hiện dân chủ ở cơ sở 2022 Điều 21 khoản 1/).waitFor();
    await shot(r, `commune-public-${width}`);
  }
  const audit = await web.server.ctx.db.selectFrom("audit_log").select("action").where("entity", "=", "commune_decision").execute();
  assert.deepEqual(audit.map((a) => a.action).sort(), ["commune_decision.close", "commune_decision.create"]);
});
