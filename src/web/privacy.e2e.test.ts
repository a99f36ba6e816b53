/**
 * Issue 13 in a real browser on the demo data: a tố cáo's denouncer masked for the province's
 * reviewer and shown to the commune that handles it, an administrator assigning a handler, and two
 * people editing the same register record and the same report narrative — the second save shows
 * both versions side by side instead of overwriting. Screenshots at 1366 and 360 px in
 * test-output/screenshots/ (privacy-*).
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { browserSuite, SHOTS } from "./browser-support.ts";
import { hierarchyOf } from "../context.ts";

const MASK = "Đã ẩn theo Luật Tố cáo";
let quyNhon = 0;
let toCao = { id: 0, petitioner: "" };
const web = browserSuite({
  shotPrefix: "privacy-",
  setup: async ({ server }) => {
    quyNhon = (await hierarchyOf(server.ctx)).resolveCode("21583", "2026-01-01").id;
    const r = await server.ctx.db.selectFrom("petitions").select(["id", "petitioner"]).where("type", "=", "to_cao").where("unit_id", "=", quyNhon).orderBy("id").executeTakeFirstOrThrow();
    toCao = { id: r.id, petitioner: r.petitioner };
  },
});
const { pageErrors, signedIn, shot } = web;

after(() => {
  assert.deepEqual(pageErrors, [], "no script errors in the pages");
});

const skip = () => !web.browser;

test("Luật Tố cáo 2018 Điều 47: the province's reviewer sees the denouncer masked in the list and the detail; the commune that handles it sees the name", async (t) => {
  if (skip()) return t.skip("chromium not found");
  for (const width of [1366, 360]) {
    const rev = await signedIn("gialai", width);
    await rev.goto(web.server.url + "/#/registers?reg=petitions&type=to_cao");
    const row = rev.locator("tbody tr").filter({ hasText: MASK }).first();
    await row.waitFor();
    assert.ok(!(await rev.content()).includes(toCao.petitioner), "the name is nowhere in the reviewer's page");
    await shot(rev, `list-masked-${width}`);
    await rev.goto(web.server.url + `/#/registers?reg=petitions&id=${toCao.id}`);
    await rev.getByRole("heading", { level: 2 }).filter({ hasText: MASK }).waitFor();
    assert.ok((await rev.locator("dl.facts .masked").count()) >= 1);
    await rev.getByRole("heading", { name: "Người được giao giải quyết" }).waitFor();
    assert.equal(await rev.getByRole("button", { name: "Giao giải quyết" }).count(), 0, "a reviewer cannot assign handlers");
    assert.ok(!(await rev.content()).includes(toCao.petitioner));
    await shot(rev, `detail-masked-${width}`);
    await rev.locator("article.record").screenshot({ path: `${SHOTS}/privacy-detail-masked-top-${width}.png` });
    await rev.close();
  }
  const rep = await signedIn("quynhon");
  await rep.goto(web.server.url + `/#/registers?reg=petitions&id=${toCao.id}`);
  await rep.getByRole("heading", { level: 2 }).filter({ hasText: toCao.petitioner }).waitFor();
  assert.equal(await rep.locator(".masked").count(), 0);
});

test("an administrator assigns a handler to a tố cáo, who then sees the denouncer", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const admin = await signedIn("admin");
  await admin.goto(web.server.url + `/#/registers?reg=petitions&id=${toCao.id}`);
  await admin.getByRole("heading", { level: 2 }).filter({ hasText: MASK }).waitFor();
  await admin.getByLabel("Giao thêm").selectOption({ label: "Ban Tuyên giáo và Dân vận Tỉnh ủy Gia Lai (demo) (gialai)" });
  await admin.getByRole("button", { name: "Giao giải quyết" }).click();
  await admin.getByText(/Đã giao Ban Tuyên giáo và Dân vận Tỉnh ủy Gia Lai \(demo\) giải quyết đơn\./).waitFor();
  await admin.locator(".handlers li", { hasText: "gialai" }).waitFor();
  await shot(admin, "handlers-assigned-1366");
  const rev = await signedIn("gialai");
  await rev.goto(web.server.url + `/#/registers?reg=petitions&id=${toCao.id}`);
  await rev.getByRole("heading", { level: 2 }).filter({ hasText: toCao.petitioner }).waitFor();
});

test("two people edit the same mediation team: the second save shows both versions side by side; keeping theirs saves it knowingly", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const team = await web.server.ctx.db.selectFrom("register_records").select(["id", "title"]).where("register", "=", "mediation_team").where("unit_id", "=", quyNhon).orderBy("id").executeTakeFirstOrThrow();
  for (const width of [1366, 360]) {
    const a = await signedIn("quynhon", width);
    const b = await signedIn("quynhon", width);
    for (const p of [a, b]) {
      await p.goto(web.server.url + `/#/registers?reg=mediation_team&id=${team.id}&edit=1`);
      await p.getByLabel("Tên tổ").waitFor();
    }
    await a.getByLabel("Thôn, tổ dân phố").fill(`Khu phố 1 (người A, ${width})`);
    await a.getByRole("button", { name: "Lưu" }).click();
    await a.getByText("Đã lưu thay đổi.").waitFor();
    await b.getByLabel("Thôn, tổ dân phố").fill(`Khu phố 2 (người B, ${width})`);
    await b.getByRole("button", { name: "Lưu" }).click();
    const panel = b.locator("section.conflict");
    await panel.waitFor();
    await panel.getByText(`Khu phố 1 (người A, ${width})`).waitFor();
    await panel.getByText(`Khu phố 2 (người B, ${width})`).waitFor();
    assert.equal(await panel.locator("tr.differs").count(), 1, "one differing row: the village");
    await shot(b, `conflict-record-${width}`);
    await panel.screenshot({ path: `${SHOTS}/privacy-conflict-record-panel-${width}.png` });
    const stored = async () => JSON.parse((await web.server.ctx.db.selectFrom("register_records").select("data").where("id", "=", team.id).executeTakeFirstOrThrow()).data).input.village;
    assert.equal(await stored(), `Khu phố 1 (người A, ${width})`, "nothing overwritten before the choice");
    await panel.getByRole("button", { name: "Giữ bản của tôi" }).click();
    await b.getByText("Đã lưu thay đổi.").waitFor();
    assert.equal(await stored(), `Khu phố 2 (người B, ${width})`);
    await a.close();
    await b.close();
  }
});

test("two people write the same report narrative: the later autosave shows both texts; taking the server's puts it in the form", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const a = await signedIn("quynhon");
  const b = await signedIn("quynhon", 360);
  for (const p of [a, b]) {
    await p.goto(web.server.url + "/#/entry?period=2026Q2");
    await p.getByLabel("Ưu điểm").waitFor();
  }
  await a.getByLabel("Ưu điểm").fill("Bản của người A: tổ chức tốt đối thoại");
  await a.locator(".save-state[data-state=saved]").waitFor();
  await a.waitForFunction(() => document.querySelector(".save-state")?.getAttribute("data-state") === "saved");
  const saved = async () => (await web.server.ctx.db.selectFrom("submissions").select("narrative").where("unit_id", "=", quyNhon).where("period", "=", "2026Q2").executeTakeFirst())?.narrative ?? "";
  for (let i = 0; i < 50 && !(await saved()).includes("người A"); i++) await a.waitForTimeout(100);
  await b.getByLabel("Ưu điểm").fill("Bản của người B viết sau");
  const panel = b.locator("section.conflict");
  await panel.waitFor();
  await panel.getByText("Bản của người A: tổ chức tốt đối thoại").waitFor();
  await panel.getByText("Bản của người B viết sau").waitFor();
  await shot(b, "conflict-narrative-360");
  await panel.screenshot({ path: `${SHOTS}/privacy-conflict-narrative-panel-360.png` });
  assert.ok((await saved()).includes("người A"), "A's text is not overwritten");
  await panel.getByRole("button", { name: "Dùng bản trên máy chủ" }).click();
  assert.equal(await b.getByLabel("Ưu điểm").inputValue(), "Bản của người A: tổ chức tốt đối thoại");
  assert.equal(await panel.count(), 0);
  await b.getByLabel("Ưu điểm").fill("Bản của người A: tổ chức tốt đối thoại; B bổ sung sau khi xem");
  for (let i = 0; i < 50 && !(await saved()).includes("B bổ sung"); i++) await b.waitForTimeout(100);
  assert.ok((await saved()).includes("B bổ sung"), "B's next edit saves on top of A's");
});

test("an administrator is warned on the petitions page that this year's and next year's holidays are not announced", async (t) => {
  if (skip()) return t.skip("chromium not found");
  const admin = await signedIn("admin");
  await admin.goto(web.server.url + "/#/registers?reg=petitions");
  await admin.locator(".calendar-warning").getByText(/Năm 2027 chưa có lịch nghỉ lễ, Tết chính thức/).waitFor();
  await shot(admin, "calendar-warning-1366");
  const rep = await signedIn("quynhon");
  await rep.goto(web.server.url + "/#/registers?reg=petitions");
  await rep.locator("tbody tr").first().waitFor();
  assert.equal(await rep.locator(".calendar-warning").count(), 0, "only administrators are told");
});
