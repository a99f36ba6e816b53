import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { createApp } from "../http/app.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { extraCommands, extraRoutes } from "../plugins.ts";
import "./plugin.ts";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, migrate } from "../db/database.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { createPetition } from "./petition.service.ts";

describeEachDatabase("registers API and CLI", (get) => {
  let ctx: Ctx;
  let app: ReturnType<typeof createApp>;
  let cookie = "";
  let loc = 0;
  let other = 0;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { cookie, ...(body !== undefined && !(body instanceof Uint8Array) ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: body instanceof Uint8Array ? (body as unknown as BodyInit) : JSON.stringify(body) } : {}),
    });
  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  before(async () => {
    ctx = await seededContext(get());
    app = createApp(ctx, extraRoutes);
    const h = await hierarchyOf(ctx);
    loc = h.resolveCode("25270", "2026-01-01").id;
    other = h.resolveCode("00004", "2026-01-01").id;
    const reporter = await userAt(ctx, "reporter", "25270");
    const res = await call("POST", "/api/session", { username: (reporter as { username: string }).username, password: "mat-khau-thu" });
    cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  });

  test("petitions through the API: entered, listed overdue, an illegal step is 409 with a stable code", async () => {
    const res = await call("POST", "/api/registers/petitions", { unitId: loc, type: "to_cao", receivedOn: "2026-11-02", petitioner: "Phạm Văn D", content: "Tố cáo cán bộ thôn" });
    assert.equal(res.status, 200);
    const p = (await res.json()) as { id: number; acceptDue: string };
    assert.equal(p.acceptDue, "2026-11-11", "Luật Tố cáo 2018 Điều 24: 7 working days");
    const overdue = (await (await call("GET", "/api/registers/petitions/overdue")).json()) as { items: Array<{ petition: { id: number }; daysOverdue: number }> };
    assert.deepEqual(overdue.items.map((i) => [i.petition.id, i.daysOverdue]), [[p.id, 14]]);
    const bad = await call("POST", `/api/registers/petitions/${p.id}/actions`, { action: "decide", date: "2026-11-20" });
    assert.equal(bad.status, 409);
    assert.equal(await errorCode(bad), "REGISTER_ILLEGAL_TRANSITION");
    const out = await call("POST", "/api/registers/petitions", { unitId: other, type: "to_cao", receivedOn: "2026-11-02", petitioner: "X", content: "Y" });
    assert.equal(out.status, 403);
    const future = await call("POST", "/api/registers/petitions", { unitId: loc, type: "to_cao", receivedOn: "2027-01-02", petitioner: "X", content: "Y" });
    assert.equal(await errorCode(future), "REGISTER_FUTURE_DATE");
  });

  test("a 2026 award at district level is 400 REGISTER_LEVEL_ABOLISHED with a Vietnamese message; nothing is written", async () => {
    const award = { unitId: loc, subject: "ca_nhan", recipient: "Bà Trần Thị E", topic: "qcdc", level: "huyen", form: "Giấy khen", decisionNo: "3/QĐ-UBND", date: "2026-04-01" };
    const before = ((await (await call("GET", "/api/registers/commendation")).json()) as { total: number }).total;
    const res = await call("POST", "/api/registers/commendation", award);
    assert.equal(res.status, 400);
    const body = (await res.json()) as { error: { code: string; message: string; details: { field: string } } };
    assert.equal(body.error.code, "REGISTER_LEVEL_ABOLISHED");
    assert.match(body.error.message, /không còn cấp huyện/);
    assert.equal(body.error.details.field, "level");
    assert.equal(((await (await call("GET", "/api/registers/commendation")).json()) as { total: number }).total, before);
    assert.equal((await call("POST", "/api/registers/commendation", { ...award, level: "xa" })).status, 200);
  });

  test("attachments are uploaded as the request body and come back byte for byte; a disguised file is refused", async () => {
    const p = ((await (await call("GET", "/api/registers/petitions")).json()) as { items: Array<{ id: number }> }).items[0]!;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const up = await call("POST", `/api/registers/petitions/${p.id}/attachments?filename=${encodeURIComponent("ảnh đơn.png")}`, png, { "content-type": "application/octet-stream" });
    assert.equal(up.status, 200);
    const meta = (await up.json()) as { id: number; mime: string };
    assert.equal(meta.mime, "image/png");
    const down = await call("GET", `/api/registers/attachments/${meta.id}`);
    assert.equal(down.headers.get("content-type"), "image/png");
    assert.deepEqual(new Uint8Array(await down.arrayBuffer()), png);
    const exe = await call("POST", `/api/registers/petitions/${p.id}/attachments?filename=don.pdf`, new Uint8Array([0x4d, 0x5a, 0, 0]), { "content-type": "application/octet-stream" });
    assert.equal(exe.status, 400);
    assert.equal(await errorCode(exe), "REGISTER_ATTACHMENT_TYPE");
  });

  test("records of any register: warnings on save, search without diacritics, export to xlsx; unknown register is 404", async () => {
    const team = await call("POST", "/api/registers/mediation_team", { unitId: loc, date: "2026-03-01", name: "Tổ hòa giải khu phố Hòa Bình", members: [{ name: "A", gender: "nu" }] });
    assert.equal(team.status, 200);
    assert.equal(((await team.json()) as { warnings: string[] }).warnings.length, 1);
    const found = (await (await call("GET", "/api/registers/mediation_team?q=hoa%20binh")).json()) as { total: number };
    assert.equal(found.total, 1);
    const x = await call("GET", "/api/registers/mediation_team/export?format=xlsx");
    assert.equal(x.headers.get("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert.deepEqual([...new Uint8Array(await x.arrayBuffer()).slice(0, 2)], [0x50, 0x4b]);
    const csv = await (await call("GET", "/api/registers/petitions/export")).text();
    assert.match(csv, /Phạm Văn D/);
    const none = await call("GET", "/api/registers/sổ-lạ");
    assert.equal(none.status, 404);
    assert.equal(await errorCode(none), "REGISTER_NOT_FOUND");
    const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    for (const p of ["/api/registers/petitions", "/api/registers/petitions/overdue", "/api/registers/{register}/export", "/api/registers/figures/compare"]) assert.ok(doc.paths[p], p);
  });
});

test("CLI: `petitions overdue`, `registers export` and a clear error for an unknown register", async () => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-reg-"));
  try {
    const file = join(dir, "db.sqlite");
    const database = openDatabase({ sqlitePath: file });
    await migrate(database);
    const ctx = await seededContext(database, new Date().toISOString().slice(0, 10));
    const unitId = (await hierarchyOf(ctx)).resolveCode("25270", "2026-01-01").id;
    await createPetition(ctx, SYSTEM, { unitId, type: "khieu_nai", receivedOn: "2026-01-05", petitioner: "Võ Thị E", content: "Khiếu nại thu hồi đất" });
    await database.close();
    const run = async (cmd: "petitions" | "registers", argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await extraCommands[cmd]!.run(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), readStdin: async () => Buffer.alloc(0) }, { DANVAN_SQLITE: file });
      return { code, out: out.join(""), err: err.join("") };
    };
    const o = await run("petitions", ["overdue", "--unit", "25270"]);
    assert.equal(o.code, 0, o.err);
    assert.match(o.out, /Võ Thị E/);
    assert.match(o.out, /2026-01-15/);
    const x = await run("registers", ["export", "petitions", "--format", "xlsx", "--out", join(dir, "don.xlsx")]);
    assert.equal(x.code, 0, x.err);
    assert.deepEqual([...readFileSync(join(dir, "don.xlsx")).subarray(0, 2)], [0x50, 0x4b]);
    const bad = await run("registers", ["list", "no_such_register"]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /REGISTER_NOT_FOUND/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
