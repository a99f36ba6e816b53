/**
 * Issue 13, privacy and record integrity, through the HTTP API as the demo's people would meet it:
 * a commune reporter, the province's reviewer and administrator, another province's reviewer, a
 * national administrator. Each test names what failed before its fix.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { Document, Packer, Paragraph } from "docx";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { createApp } from "../http/app.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "../accounts/actor.ts";
import { extraRoutes } from "../plugins.ts";
import { createPetition } from "./petition.service.ts";
import "./plugin.ts";
import "../reports/plugin.ts";
import { saveFigures } from "../figures/figure.service.ts";
import { complete } from "../reports/report-fixture.ts";

const MASK = "Đã ẩn theo Luật Tố cáo";
const DENOUNCER = { petitioner: "Trần Thị Tố Giác", address: "Số 9 đường Lê Lợi, tổ 3", phone: "0912 345 678" };

describeEachDatabase("privacy, audit scope and record integrity (issue 13)", (get) => {
  let ctx: Ctx;
  let app: ReturnType<typeof createApp>;
  let province = 0; // Gia Lai (from 1/7/2025)
  let commune = 0; // Phường Quy Nhơn
  let otherProvince = 0; // Hà Nội
  const users: Record<string, Actor & { kind: "user" }> = {};
  const cookies: Record<string, string> = {};
  const call = (who: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { cookie: cookies[who] ?? "", ...(body !== undefined ? { "content-type": body instanceof Uint8Array ? "application/octet-stream" : "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: body instanceof Uint8Array ? (body as unknown as BodyInit) : JSON.stringify(body) } : {}),
    });
  const json = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T;
  const code = async (res: Response) => (await json<{ error: { code: string } }>(res)).error.code;
  let toCao = 0;

  before(async () => {
    ctx = await seededContext(get());
    app = createApp(ctx, extraRoutes);
    const h = await hierarchyOf(ctx);
    province = h.resolveCode("52", "2026-01-01").id;
    commune = h.resolveCode("21583", "2026-01-01").id;
    otherProvince = h.resolveCode("01", "2026-01-01").id;
    const make: Array<[string, Parameters<typeof userAt>[1], string]> = [
      ["national", "admin", "VN"], ["provAdmin", "admin", "52"], ["provReviewer", "reviewer", "52"], ["reporter", "reporter", "21583"],
      ["colleague", "reporter", "21583"], ["viewer", "viewer", "52"], ["otherReviewer", "reviewer", "01"], ["otherAdmin", "admin", "01"],
    ];
    for (const [name, role, unitCode] of make) {
      const a = (await userAt(ctx, role, unitCode)) as Actor & { kind: "user" };
      users[name] = a;
      const res = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: a.username, password: "mat-khau-thu" }) });
      cookies[name] = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    }
    const res = await call("reporter", "POST", "/api/registers/petitions", {
      unitId: commune, type: "to_cao", receivedOn: "2026-10-20", content: "Tố cáo cán bộ địa chính nhận tiền để xác nhận nguồn gốc đất", ...DENOUNCER,
    });
    assert.equal(res.status, 200);
    toCao = (await json<{ id: number }>(res)).id;
  });

  // ---- 1. the audit log follows the reader's scope ---------------------------------------------

  test("audit: another province's reviewer reads none of this province's rows, by entity, by id or with limit=1000 (before: every row)", async () => {
    const byId = await json<unknown[]>(await call("otherReviewer", "GET", `/api/audit?entity=petition&entityId=${toCao}`));
    assert.deepEqual(byId, []);
    const all = await json<Array<{ unitId: number | null; entity: string; entityId: string }>>(await call("otherReviewer", "GET", "/api/audit?limit=1000"));
    assert.ok(!all.some((r) => r.entity === "petition" && r.entityId === String(toCao)), "the petition's row is out of scope");
    const h = await hierarchyOf(ctx);
    for (const r of all) assert.ok(r.unitId !== null && h.isAncestorOrSelf(otherProvince, r.unitId), `row ${JSON.stringify(r)} is outside Hà Nội`);
  });

  test("audit: user rows (accounts, sign-ins) need the right to manage users: a reviewer gets none (before: all of them)", async () => {
    const rows = await json<unknown[]>(await call("provReviewer", "GET", "/api/audit?entity=user&limit=1000"));
    assert.deepEqual(rows, []);
    const admin = await json<Array<{ entity: string }>>(await call("provAdmin", "GET", "/api/audit?entity=user&limit=1000"));
    assert.ok(admin.length > 0 && admin.every((r) => r.entity === "user"), "the province's administrator reads its users' rows");
  });

  test("audit: the province reads rows of its old communes too (lineage): a 2024 commune of Bình Định is now in Gia Lai", async () => {
    const h = await hierarchyOf(ctx);
    const oldProvince = h.resolveCode("52", "2025-06-30");
    const oldCommune = h.subtree(oldProvince.id).find((u) => u.level === "commune" && u.validTo !== null)!;
    const p = await createPetition(ctx, SYSTEM, { unitId: oldCommune.id, type: "kien_nghi", receivedOn: "2025-06-02", petitioner: "Lê Văn Cũ", content: "Kiến nghị sửa đường thôn" });
    const rows = await json<Array<{ unitId: number }>>(await call("provReviewer", "GET", `/api/audit?entity=petition&entityId=${p.id}`));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.unitId, oldCommune.id);
    assert.deepEqual(await json(await call("otherReviewer", "GET", `/api/audit?entity=petition&entityId=${p.id}`)), []);
  });

  // ---- 2. the denouncer's identity (Luật Tố cáo 2018 Điều 47) ------------------------------------

  test("Luật Tố cáo 2018 Điều 47: the province's reviewer sees the tố cáo masked in the list, the detail, the overdue list, the export and the audit log (before: name, address, phone)", async () => {
    const list = await call("provReviewer", "GET", `/api/registers/petitions?unitId=${commune}&type=to_cao`);
    assert.equal(list.headers.get("cache-control"), "no-store");
    const item = (await json<{ items: Array<Record<string, unknown>> }>(list)).items.find((p) => p.id === toCao)!;
    assert.equal(item.petitioner, MASK);
    assert.equal(item.address, MASK);
    assert.equal(item.phone, MASK);
    assert.equal(item.identityHidden, true);
    const detail = await json<Record<string, unknown>>(await call("provReviewer", "GET", `/api/registers/petitions/${toCao}`));
    assert.equal(detail.petitioner, MASK);
    const overdue = await call("provReviewer", "GET", `/api/registers/petitions/overdue?unitId=${commune}&withinDays=60`);
    const od = await json<{ items: Array<{ petition: Record<string, unknown> }> }>(overdue);
    assert.ok(od.items.some((i) => i.petition.id === toCao));
    for (const res of [
      await call("provReviewer", "GET", `/api/registers/petitions/export?unitId=${commune}&format=csv`),
      await call("provReviewer", "GET", `/api/audit?entity=petition&entityId=${toCao}`),
      await call("national", "GET", `/api/audit?limit=1000`),
      await call("viewer", "GET", `/api/registers/petitions/overdue?unitId=${commune}&withinDays=60`),
    ]) {
      const text = await res.text();
      for (const v of Object.values(DENOUNCER)) assert.ok(!text.includes(v), `"${v}" leaked in ${res.url}`);
      assert.equal(res.headers.get("cache-control"), "no-store");
    }
    assert.ok(JSON.stringify(od).includes(MASK));
  });

  test("Luật Tố cáo 2018 Điều 47: the denouncer's name finds nothing for a non-handler, and cannot be changed by them", async () => {
    const found = await json<{ total: number }>(await call("provReviewer", "GET", `/api/registers/petitions?q=${encodeURIComponent("Tố Giác")}`));
    assert.equal(found.total, 0);
    const p = await json<{ version: number }>(await call("provAdmin", "GET", `/api/registers/petitions/${toCao}`));
    const res = await call("provAdmin", "PUT", `/api/registers/petitions/${toCao}`, { petitioner: "Người khác", version: p.version });
    assert.equal(res.status, 403);
    assert.equal(await code(res), "PETITION_CONFIDENTIAL");
  });

  test("Luật Tố cáo 2018 Điều 47: the commune officers who handle it see it (the one who entered it, a reporter of the commune by the role setting)", async () => {
    for (const who of ["reporter", "colleague"]) {
      const p = await json<Record<string, unknown>>(await call(who, "GET", `/api/registers/petitions/${toCao}`));
      assert.equal(p.petitioner, DENOUNCER.petitioner, who);
      assert.equal(p.phone, DENOUNCER.phone, who);
      assert.equal(p.identityHidden, undefined);
    }
  });

  test("Luật Tố cáo 2018 Điều 47: a tố cáo's attachments are for its handlers; an administrator assigns the national one as handler, who then sees the denouncer", async () => {
    const pdf = new TextEncoder().encode("%PDF-1.4\n% đơn tố cáo viết tay\n");
    const up = await call("reporter", "POST", `/api/registers/petitions/${toCao}/attachments?filename=${encodeURIComponent("don-to-cao-Tran-Thi.pdf")}`, pdf, { "content-type": "application/pdf" });
    assert.equal(up.status, 200);
    const file = await json<{ id: number }>(up);
    const list = await json<Array<{ filename: string; hidden?: boolean }>>(await call("provReviewer", "GET", `/api/registers/petitions/${toCao}/attachments`));
    assert.deepEqual(list.map((a) => [a.filename, a.hidden]), [[MASK, true]]);
    const down = await call("provReviewer", "GET", `/api/registers/attachments/${file.id}`);
    assert.equal(down.status, 403);
    assert.equal(await code(down), "PETITION_CONFIDENTIAL");
    assert.equal((await call("reporter", "GET", `/api/registers/attachments/${file.id}`)).status, 200);

    // A reviewer cannot assign; the province's administrator can, and the assignment is audited.
    assert.equal((await call("provReviewer", "POST", `/api/registers/petitions/${toCao}/handlers`, { userId: users.provReviewer!.userId })).status, 403);
    const cands = await json<{ canAssign: boolean; candidates: Array<{ userId: number }> }>(await call("provAdmin", "GET", `/api/registers/petitions/${toCao}/handlers`));
    assert.equal(cands.canAssign, true);
    assert.ok(cands.candidates.some((c) => c.userId === users.national!.userId));
    assert.ok(!cands.candidates.some((c) => c.userId === users.otherReviewer!.userId), "another province's reviewer cannot handle it");
    const assigned = await call("provAdmin", "POST", `/api/registers/petitions/${toCao}/handlers`, { userId: users.national!.userId });
    assert.equal(assigned.status, 200);
    const seen = await json<Record<string, unknown>>(await call("national", "GET", `/api/registers/petitions/${toCao}`));
    assert.equal(seen.petitioner, DENOUNCER.petitioner);
    const out = await call("provAdmin", "POST", `/api/registers/petitions/${toCao}/handlers`, { userId: users.otherReviewer!.userId });
    assert.equal(out.status, 403);
    const audit = await json<Array<{ action: string }>>(await call("provAdmin", "GET", `/api/audit?entity=petition&entityId=${toCao}`));
    assert.ok(audit.some((r) => r.action === "petition.handler.assign"));
  });

  // ---- 3. national settings and catalog are national administrators' -----------------------------

  test("a provincial administrator cannot change national settings (register deadlines, Dân vận khéo criteria) or add to the national catalog (before: they could)", async () => {
    const s = await json<{ version: number }>(await call("provAdmin", "GET", "/api/registers/settings"));
    const res = await call("provAdmin", "PUT", "/api/registers/settings", { deadlines: { toCaoResolve: { days: 90, unit: "calendar", basis: "tỉnh tự đặt" } }, version: s.version });
    assert.equal(res.status, 403);
    const ind = await json<{ scopeUnitId: number | null }>(await call("provAdmin", "POST", "/api/indicators", { key: "gialai.hoi_quan", label: "Số hội quán", unit: "hội quán" }));
    assert.equal(ind.scopeUnitId, province, "the province's own indicator");
    const other = await json<{ indicators: Array<{ key: string }> }>(await call("otherAdmin", "GET", "/api/indicators"));
    assert.ok(!other.indicators.some((i) => i.key === "gialai.hoi_quan"), "another province does not get it");
    const mine = await json<{ indicators: Array<{ key: string }> }>(await call("provReviewer", "GET", "/api/indicators"));
    assert.ok(mine.indicators.some((i) => i.key === "gialai.hoi_quan"));
    const national = await call("national", "PUT", "/api/registers/settings", { toCaoHandlerRoles: ["reporter"], version: s.version });
    assert.equal(national.status, 200);
  });

  test("a province's own Dân vận khéo criteria apply within it, replacing the national ones; another province cannot set them", async () => {
    const own = ["Gắn với chuyển đổi số ở thôn, làng", "Được Nhân dân đồng tình"];
    assert.equal((await call("otherAdmin", "PUT", `/api/registers/settings/province/${province}`, { dvkCriteria: own })).status, 403);
    const res = await call("provAdmin", "PUT", `/api/registers/settings/province/${province}`, { dvkCriteria: own });
    assert.equal(res.status, 200);
    assert.deepEqual(await json(await call("reporter", "GET", `/api/registers/dvk/criteria?unitId=${commune}`)), own);
    const hanoiCommune = (await hierarchyOf(ctx)).resolveCode("00004", "2026-01-01").id;
    assert.notDeepEqual(await json(await call("otherAdmin", "GET", `/api/registers/dvk/criteria?unitId=${hanoiCommune}`)), own);
  });

  // ---- 4. lost updates -------------------------------------------------------------------------

  test("a stale petition save gets 409 CONFLICT with the current petition, instead of overwriting the newer one (before: the newer edit was lost)", async () => {
    const created = await json<{ id: number; version: number }>(await call("reporter", "POST", "/api/registers/petitions", { unitId: commune, type: "khieu_nai", receivedOn: "2026-11-02", petitioner: "Phan Văn Một", content: "Khiếu nại bồi thường" }));
    const first = await call("reporter", "PUT", `/api/registers/petitions/${created.id}`, { content: "Khiếu nại bồi thường (bản của người thứ nhất)", version: created.version });
    assert.equal(first.status, 200);
    const stale = await call("colleague", "PUT", `/api/registers/petitions/${created.id}`, { content: "Bản cũ của người thứ hai", version: created.version });
    assert.equal(stale.status, 409);
    const body = await json<{ error: { code: string; details: { current: { content: string; version: number } } } }>(stale);
    assert.equal(body.error.code, "CONFLICT");
    assert.equal(body.error.details.current.content, "Khiếu nại bồi thường (bản của người thứ nhất)");
    const now = await json<{ content: string }>(await call("reporter", "GET", `/api/registers/petitions/${created.id}`));
    assert.equal(now.content, "Khiếu nại bồi thường (bản của người thứ nhất)");
    const ifMatch = await call("colleague", "PUT", `/api/registers/petitions/${created.id}`, { content: "Qua If-Match" }, { "if-match": `"${body.error.details.current.version}"` });
    assert.equal(ifMatch.status, 200);
    assert.equal((await call("colleague", "PUT", `/api/registers/petitions/${created.id}`, { content: "Không có phiên bản" })).status, 400);
  });

  test("a stale register record save and a stale narrative save get 409 CONFLICT (before: silently overwritten)", async () => {
    const rec = await json<{ id: number; version: number }>(await call("reporter", "POST", "/api/registers/mediation_team", { unitId: commune, date: "2026-03-01", name: "Tổ hòa giải khu phố 1", members: [] }));
    const base = { unitId: commune, date: "2026-03-01", members: [] };
    assert.equal((await call("reporter", "PUT", `/api/registers/mediation_team/${rec.id}`, { ...base, name: "Tổ hòa giải KP1 (mới)", version: rec.version })).status, 200);
    const stale = await call("colleague", "PUT", `/api/registers/mediation_team/${rec.id}`, { ...base, name: "Tên cũ", version: rec.version });
    assert.equal(stale.status, 409);
    assert.equal((await json<{ error: { details: { current: { title: string } } } }>(stale)).error.details.current.title, "Tổ hòa giải KP1 (mới)");

    const path = `/api/submissions/${commune}/2026Q3/narrative`;
    assert.equal((await call("reporter", "PUT", path, { uu_diem: "Bản đầu" }, { "if-match": "0" })).status, 200);
    assert.equal((await call("reporter", "PUT", path, { uu_diem: "Bản hai" }, { "if-match": "1" })).status, 200);
    const old = await call("colleague", "PUT", path, { uu_diem: "Bản cũ" }, { "if-match": "1" });
    assert.equal(old.status, 409);
    assert.equal((await json<{ error: { details: { current: { narrative: Record<string, string> } } } }>(old)).error.details.current.narrative.uu_diem, "Bản hai");
  });

  // ---- 5. races end cleanly on both engines ------------------------------------------------------

  test("the same username created 20 times in parallel: one 200, the others 409 USER_EXISTS, no 500 (before: 500s on PostgreSQL)", async () => {
    const res = await Promise.all(Array.from({ length: 20 }, () => call("national", "POST", "/api/users", { username: "trung.ten", displayName: "Trùng tên", password: "mat-khau-dai", role: "viewer", unitId: commune })));
    const statuses = res.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, ...Array(19).fill(409)]);
    for (const r of res.filter((x) => x.status === 409)) assert.equal(await code(r), "USER_EXISTS");
  });

  test("first narrative saves of one report in parallel: one saved, the others 409 CONFLICT, no 500 (before: 500s)", async () => {
    const res = await Promise.all(Array.from({ length: 6 }, (_, i) => call("reporter", "PUT", `/api/submissions/${commune}/2026Q2/narrative`, { uu_diem: `Bản ${i}` }, { "if-match": "0" })));
    const statuses = res.map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409]);
  });

  test("14 report numbers of one series issued in parallel: all answered, each report its own number, no 500 (before: 500s on PostgreSQL)", async () => {
    const periods = ["202601", "202602", "202603", "202604", "202605", "202606", "202607", "202608", "202609", "202610", "2026Q1", "2026Q2", "2026Q3", "2026N9"];
    // A report is issued only with figures and every section written or accepted (src/reports): make each one so.
    await saveFigures(ctx, SYSTEM, [...periods, "2026S1"].map((period) => ({ unitCode: "21583", indicator: "reception.turns", period, value: 5, asOf: "2026-01-01" })));
    for (const period of [...periods, "2026S1"]) await complete(ctx, { unitId: commune, period });
    const res = await Promise.all(periods.map((period) => call("reporter", "POST", "/api/reports/issue", { unitId: commune, period })));
    assert.deepEqual(res.map((r) => r.status), periods.map(() => 200));
    const numbers = (await Promise.all(res.map((r) => json<{ number: number }>(r)))).map((m) => m.number).sort((a, b) => a - b);
    assert.deepEqual(numbers, periods.map((_, i) => i + 1));
    // Issuing the same report again in parallel keeps its one number.
    const again = await Promise.all([0, 1, 2].map(() => call("reporter", "POST", "/api/reports/issue", { unitId: commune, period: "2026S1", date: "2026-08-01" })));
    assert.deepEqual(again.map((r) => r.status), [200, 200, 200]);
    assert.equal(new Set((await Promise.all(again.map((r) => json<{ number: number }>(r)))).map((m) => m.number)).size, 1);
  });

  // ---- 6. attachments ---------------------------------------------------------------------------

  test("attachments: a name with a right-to-left override is refused; a fake .docx (PK header and text) is refused; a real one is kept", async () => {
    const rec = await json<{ id: number }>(await call("reporter", "POST", "/api/registers/mediation_team", { unitId: commune, date: "2026-03-02", name: "Tổ hòa giải KP2", members: [] }));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const bidi = await call("reporter", "POST", `/api/registers/mediation_team/${rec.id}/attachments?filename=${encodeURIComponent("hoso\u202Egnp.exe")}`, png);
    assert.equal(bidi.status, 400);
    assert.equal(await code(bidi), "REGISTER_ATTACHMENT_NAME");
    const fake = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("word/document.xml <w:document>not a zip</w:document>")]);
    const bad = await call("reporter", "POST", `/api/registers/mediation_team/${rec.id}/attachments?filename=bien-ban.docx`, fake);
    assert.equal(bad.status, 400);
    assert.equal(await code(bad), "REGISTER_ATTACHMENT_TYPE");
    const real = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Biên bản hòa giải")] }] })));
    const ok = await call("reporter", "POST", `/api/registers/mediation_team/${rec.id}/attachments?filename=bien-ban.docx`, real);
    assert.equal(ok.status, 200);
    assert.equal((await json<{ mime: string }>(ok)).mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });

  test("deleting a record deletes its attachments with an audit row for each (before: none)", async () => {
    const rec = await json<{ id: number }>(await call("reporter", "POST", "/api/registers/mediation_team", { unitId: commune, date: "2026-03-03", name: "Tổ hòa giải KP3", members: [] }));
    const pdf = new TextEncoder().encode("%PDF-1.4\n");
    const files = [];
    for (const n of ["a.pdf", "b.pdf"]) files.push(await json<{ id: number }>(await call("reporter", "POST", `/api/registers/mediation_team/${rec.id}/attachments?filename=${n}`, pdf)));
    assert.equal((await call("reporter", "DELETE", `/api/registers/mediation_team/${rec.id}`)).status, 200);
    for (const f of files) {
      const rows = await json<Array<{ action: string; before: { filename: string } }>>(await call("provAdmin", "GET", `/api/audit?entity=attachment&entityId=${f.id}`));
      assert.deepEqual(rows.map((r) => r.action), ["attachment.delete", "attachment.create"]);
      assert.equal((await call("reporter", "GET", `/api/registers/attachments/${f.id}`)).status, 404);
    }
  });

  // ---- 7. exports never carry a live formula -------------------------------------------------------

  test("the figures CSV export neutralises formulas like the register exports (before: =HYPERLINK… went out as is)", async () => {
    const save = await call("reporter", "POST", "/api/figures", { unitId: commune, indicator: "mediation.cases", period: "2026Q1", value: 3, comment: "=HYPERLINK(\"http://x\",\"bấm\")" });
    assert.equal(save.status, 200);
    const csv = await (await call("reporter", "GET", `/api/figures/export?unitId=${commune}&period=2026Q1&format=csv`)).text();
    const line = csv.split("\n").find((l) => l.includes("mediation.cases"))!;
    assert.ok(line.includes("\"'=HYPERLINK("), line);
    assert.ok(!/,=HYPERLINK|,"=HYPERLINK/.test(csv));
  });

  // ---- 8. holidays after 2030 ------------------------------------------------------------------------

  test("the calendar after 2030 has its lunar holidays (Tết 2031 on 23/1, computed) and the API warns an administrator that a year has no announced schedule (before: no Tết at all after 2030)", async () => {
    const cal = await json<{ provisional: boolean; warning: string | null; days: Array<{ date: string; reason: string | null }> }>(await call("provAdmin", "GET", "/api/registers/calendar?year=2031"));
    assert.ok(cal.days.some((d) => d.date === "2031-01-23" && d.reason === "Tết Nguyên Đán"));
    assert.equal(cal.provisional, true);
    assert.match(cal.warning ?? "", /2031 chưa có lịch nghỉ/);
    const status = await json<{ years: Array<{ year: number; announced: boolean }>; warnings: string[] }>(await call("provAdmin", "GET", "/api/registers/calendar/status"));
    assert.deepEqual(status.years.map((y) => [y.year, y.announced]), [[2026, false], [2027, false]]);
    assert.equal(status.warnings.length, 2);
  });
});
