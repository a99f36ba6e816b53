import { test, before } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt, figureCount } from "../test-support/fixture.ts";
import { createApp } from "./app.ts";
import type { Ctx } from "../context.ts";
import { hierarchyOf } from "../context.ts";

describeEachDatabase("HTTP API", (get) => {
  let ctx: Ctx;
  let app: ReturnType<typeof createApp>;
  let cookie = "";
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method,
      headers: { cookie, ...(body !== undefined && typeof body !== "string" ? { "content-type": "application/json" } : {}), ...headers },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });

  before(async () => {
    ctx = await seededContext(get());
    app = createApp(ctx);
    const reporter = await userAt(ctx, "reporter", "25288", "2024-06-01");
    const res = await call("POST", "/api/session", { username: (reporter as { username: string }).username, password: "mat-khau-thu" });
    assert.equal(res.status, 200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    assert.match(setCookie, /HttpOnly/i);
    cookie = setCookie.split(";")[0]!;
  });

  test("serves its OpenAPI description", async () => {
    const res = await app.request("/api/openapi.json");
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, "3.1.0");
    for (const p of ["/api/values", "/api/figures", "/api/figures/import", "/api/submissions/{unitId}/{period}/{action}", "/api/units"]) assert.ok(doc.paths[p], p);
  });

  test("JSON answers are gzipped for browsers that accept it, and plain otherwise", async () => {
    const gz = await call("GET", "/api/indicators", undefined, { "accept-encoding": "gzip, deflate" });
    assert.equal(gz.headers.get("content-encoding"), "gzip");
    const zipped = new Uint8Array(await gz.arrayBuffer());
    const json = JSON.parse(gunzipSync(zipped).toString("utf8")) as { indicators: unknown[] };
    assert.ok(json.indicators.length >= 38);
    const plain = await call("GET", "/api/indicators");
    assert.equal(plain.headers.get("content-encoding"), null);
    const text = await plain.text();
    assert.ok(zipped.byteLength * 3 < Buffer.byteLength(text), `${zipped.byteLength} gzipped vs ${Buffer.byteLength(text)} plain`);
  });

  test("without a session: 401 UNAUTHENTICATED; wrong password: 401 BAD_CREDENTIALS", async () => {
    const res = await app.request("/api/me");
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, "UNAUTHENTICATED");
    const bad = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "nobody", password: "x" }) });
    assert.equal(bad.status, 401);
  });

  test("/api/me sends the user's abilities so the UI does not guess", async () => {
    const me = (await (await call("GET", "/api/me")).json()) as { abilities: string[]; unit: { fullName: string }; cutoffDay: number };
    assert.ok(me.abilities.includes("figures.write"));
    assert.equal(me.cutoffDay, 1, "the settings' cut-off day (calendar months by default): the client's periods end where the server's do");
    assert.ok(!me.abilities.includes("submissions.review"));
    assert.equal(me.unit.fullName, "Xã Lộc Thuận");
  });

  test("saves a figure and reads the rolled-up value; errors have a stable code and change nothing", async () => {
    const ok = await call("POST", "/api/figures", { unitCode: "25288", indicator: "reception.turns", period: "2024Q1", value: 7 });
    assert.equal(ok.status, 200);
    const v = (await (await call("GET", "/api/values?unitCode=25288&indicator=reception.turns&period=2024")).json()) as { value: number };
    assert.equal(v.value, 7);
    const before = await figureCount(ctx);
    const malformed = await call("POST", "/api/figures", "{not json", { "content-type": "application/json" });
    assert.equal(malformed.status, 400);
    assert.equal(((await malformed.json()) as { error: { code: string } }).error.code, "JSON_MALFORMED");
    const other = await call("POST", "/api/figures", { unitCode: "25297", indicator: "reception.turns", period: "2024Q1", value: 7 });
    assert.equal(other.status, 403);
    assert.equal(((await other.json()) as { error: { code: string } }).error.code, "OUT_OF_SCOPE");
    const unknown = await call("GET", "/api/values?unitCode=25288&indicator=nope&period=2024");
    assert.equal(unknown.status, 404);
    assert.equal(await figureCount(ctx), before);
  });

  test("CSV import is all-or-nothing and reports every bad line", async () => {
    const before = await figureCount(ctx);
    const csv = [
      "unit_code,indicator,period,value",
      "25288,mediation.cases,2024Q3,4",
      "25288,mediation.cases,2024Q3,5",
      "25288,mediation.successful,2024Q3,-1",
      "25288,nope,2024Q3,1",
      "25288,mediation.successful,2024Q9,1",
      "25297,mediation.successful,2024Q3,1",
      "25288,contrib.trees,2024Q3,1.234",
    ].join("\n");
    const res = await call("POST", "/api/figures/import", csv, { "content-type": "text/csv" });
    assert.equal(res.status, 400);
    const err = ((await res.json()) as { error: { code: string; details: { errors: Array<{ line: number; code: string }> } } }).error;
    assert.equal(err.code, "IMPORT_INVALID");
    assert.deepEqual(err.details.errors.map((e) => [e.line, e.code]), [
      [3, "DUPLICATE_LINE"], [4, "VALUE_NEGATIVE"], [5, "INDICATOR_NOT_FOUND"], [6, "PERIOD_INVALID"], [7, "OUT_OF_SCOPE"], [8, "VALUE_NOT_WHOLE"],
    ]);
    assert.equal(await figureCount(ctx), before);
    const good = await call("POST", "/api/figures/import", "unit_code,indicator,period,value\n25288,mediation.cases,2024Q3,4\n25288,mediation.successful,2024Q3,3\n", { "content-type": "text/csv" });
    assert.equal(good.status, 200);
    assert.equal(await figureCount(ctx), before + 2);
  });

  test("dataValueSets export re-imports to the same figures", async () => {
    const h = await hierarchyOf(ctx);
    const unitId = h.resolveCode("25288", "2024-12-31").id;
    const exported = (await (await call("GET", `/api/figures/export?unitId=${unitId}&period=2024&format=json`)).json()) as { dataValues: Array<{ dataElement: string; value: string; orgUnit: string; period: string }> };
    assert.ok(exported.dataValues.some((d) => d.dataElement === "mediation.cases" && d.value === "4" && d.orgUnit === "25288" && d.period === "2024Q3"));
    const before = await figureCount(ctx);
    const res = await call("POST", "/api/figures/import", exported, {});
    assert.equal(res.status, 200);
    const r = (await res.json()) as { updated: number; unchanged: number };
    assert.deepEqual([r.updated, r.unchanged], [0, exported.dataValues.length], "the same figures again change nothing");
    assert.equal(await figureCount(ctx), before);
    const bad = await call("POST", "/api/figures/import", { dataValues: [{ period: "2024" }] }, {});
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, "JSON_MALFORMED");
  });
});
