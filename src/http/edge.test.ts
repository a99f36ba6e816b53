/**
 * The HTTP edge under attack-like input (issue 13): cross-origin writes, wrong media types, bodies
 * too large as they arrive, NUL and half surrogates, impossible dates, missing security headers,
 * per-user limits shared between server processes. Each refusal has a stable code and writes nothing.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { request as httpRequest } from "node:http";
import "../extract/plugin.ts";
import "../reports/plugin.ts";
import "../registers/plugin.ts";
import { extraRoutes } from "../plugins.ts";
import { describeEachDatabase, PG_URL } from "../test-support/db.ts";
import { seededContext, userAt, figureCount } from "../test-support/fixture.ts";
import { createApp } from "./app.ts";
import type { Ctx } from "../context.ts";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { sql } from "kysely";

type ErrorJson = { error: { code: string; message: string; details?: unknown } };
const codeOf = async (res: Response) => ((await res.json()) as ErrorJson).error.code;
const HOST = "127.0.0.1:3000";

describeEachDatabase("HTTP edge hardening", (get, dialect) => {
  let ctx: Ctx;
  let app: ReturnType<typeof createApp>;
  let cookie = "";
  let username = "";
  const figure = { unitCode: "25288", indicator: "reception.turns", period: "2024Q2", value: 3 };
  const call = (method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) =>
    app.request(`http://${HOST}${path}`, { method, headers: { cookie, host: HOST, ...headers }, ...(body !== undefined ? { body } : {}) });
  const json = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    call(method, path, JSON.stringify(body), { "content-type": "application/json", ...headers });

  before(async () => {
    ctx = await seededContext(get());
    app = createApp(ctx, extraRoutes);
    username = (await userAt(ctx, "reporter", "25288", "2024-06-01") as { username: string }).username;
    const res = await json("POST", "/api/session", { username, password: "mat-khau-thu" });
    assert.equal(res.status, 200);
    cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  });

  test("CSRF: a text/plain form body is refused unread (415) and writes nothing; so are form types on the import and upload endpoints", async () => {
    const before = await figureCount(ctx);
    // What <form enctype="text/plain"> on another port sends: the JSON hides in a field name.
    const plain = await call("POST", "/api/figures", JSON.stringify(figure), { "content-type": "text/plain" });
    assert.equal(plain.status, 415);
    assert.equal(await codeOf(plain), "UNSUPPORTED_MEDIA_TYPE");
    const form = await call("POST", "/api/figures", "a=1", { "content-type": "application/x-www-form-urlencoded" });
    assert.equal(form.status, 415);
    const none = await call("POST", "/api/figures", JSON.stringify(figure));
    assert.equal(none.status, 415);
    const csv = await call("POST", "/api/figures/import", "unit_code,indicator,period,value\n25288,mediation.cases,2024Q2,4\n", { "content-type": "text/plain" });
    assert.equal(await codeOf(csv), "UNSUPPORTED_MEDIA_TYPE");
    const upload = await call("POST", "/api/registers/petitions/1/attachments?filename=a.pdf", "%PDF-1.4=x", { "content-type": "text/plain" });
    assert.equal(upload.status, 415);
    assert.equal(await figureCount(ctx), before);
  });

  test("CSRF: browsers' cross-origin and cross-site writes are refused (403 CSRF_REJECTED); same-origin and non-browser clients pass", async () => {
    const before = await figureCount(ctx);
    const otherPort = await json("POST", "/api/figures", figure, { origin: "http://127.0.0.1:8081" });
    assert.equal(otherPort.status, 403);
    assert.equal(await codeOf(otherPort), "CSRF_REJECTED");
    const sameSite = await json("POST", "/api/figures", figure, { "sec-fetch-site": "same-site", origin: "http://127.0.0.1:8081" });
    assert.equal(await codeOf(sameSite), "CSRF_REJECTED");
    const crossSite = await json("POST", "/api/figures", figure, { "sec-fetch-site": "cross-site" });
    assert.equal(await codeOf(crossSite), "CSRF_REJECTED");
    const nullOrigin = await json("POST", "/api/figures", figure, { origin: "null" });
    assert.equal(await codeOf(nullOrigin), "CSRF_REJECTED");
    // Sign-in itself (login CSRF) and sign-out are writes too.
    const login = await json("POST", "/api/session", { username, password: "mat-khau-thu" }, { "sec-fetch-site": "cross-site" });
    assert.equal(await codeOf(login), "CSRF_REJECTED");
    assert.equal(await figureCount(ctx), before);
    // Reads are not affected; same-origin browsers and scripts (no Origin, no Sec-Fetch-Site) write.
    assert.equal((await call("GET", "/api/me", undefined, { "sec-fetch-site": "cross-site" })).status, 200);
    assert.equal((await json("POST", "/api/figures", figure, { "sec-fetch-site": "same-origin", origin: `http://${HOST}` })).status, 200);
    assert.equal((await json("POST", "/api/figures", { ...figure, value: 4 }, { origin: `http://${HOST}` })).status, 200);
    assert.equal((await json("POST", "/api/figures", { ...figure, value: 5 })).status, 200);
    // A deployment behind a proxy that rewrites Host lists its public origin.
    const trusted = createApp({ ...ctx, config: loadConfig({ DANVAN_PASSWORD_COST: "10", DANVAN_TRUSTED_ORIGINS: "https://danvan.example.vn/" }) }, extraRoutes);
    const viaProxy = await trusted.request(`http://${HOST}/api/figures`, { method: "POST", headers: { cookie, host: HOST, origin: "https://danvan.example.vn", "sec-fetch-site": "cross-site", "content-type": "application/json" }, body: JSON.stringify({ ...figure, value: 6 }) });
    assert.equal(viaProxy.status, 200);
  });

  test("bodies: a chunked body is refused (413) as soon as it passes the endpoint's limit, without reading the rest", async () => {
    let sent = 0;
    const total = 120 * 1024 * 1024;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent >= total) return c.close();
        sent += chunk.byteLength;
        c.enqueue(chunk);
      },
    });
    const res = await app.request(`http://${HOST}/api/users`, { method: "POST", body: stream, headers: { cookie, host: HOST, "content-type": "application/json" }, duplex: "half" } as RequestInit);
    assert.equal(res.status, 413);
    const err = ((await res.json()) as ErrorJson).error;
    assert.equal(err.code, "PAYLOAD_TOO_LARGE");
    assert.match(err.message, /tối đa 1 MB/);
    assert.ok(sent < 2 * 1024 * 1024, `read ${sent} bytes of ${total}`);
    // A declared length over the limit is refused before a byte is read (a CSV import streams, so its
    // limit is far higher: 2 GB).
    const declared = await call("POST", "/api/figures", "x", { "content-type": "application/json", "content-length": String(60 * 1024 * 1024) });
    assert.equal(declared.status, 413);
    const hugeImport = await call("POST", "/api/figures/import", "x", { "content-type": "text/csv", "content-length": String(3 * 1024 * 1024 * 1024) });
    assert.equal(hugeImport.status, 413);
    // Imports and the report reader take more than an ordinary form.
    const big = await json("POST", "/api/extract", { text: "Năm 2023, xã hòa giải thành 12 vụ. ".repeat(40_000) });
    assert.equal(big.status, 200);
    const tooLong = await json("POST", "/api/extract", { text: "a".repeat(2_000_001) });
    assert.equal(tooLong.status, 400);
    assert.match(((await tooLong.json()) as ErrorJson).error.message, /2\.000\.000 ký tự/);
  });

  test("headers: API answers are not sniffed, framed, referred or cached (errors too)", async () => {
    for (const res of [await call("GET", "/api/me"), await call("GET", "/api/nope"), await app.request("/api/me")]) {
      assert.equal(res.headers.get("x-content-type-options"), "nosniff");
      assert.equal(res.headers.get("x-frame-options"), "DENY");
      assert.equal(res.headers.get("referrer-policy"), "no-referrer");
      assert.match(res.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
      assert.equal(res.headers.get("cache-control"), "no-store");
    }
  });

  test("text: a NUL or a half surrogate is refused the same way on both engines (400 TEXT_INVALID), in bodies, query strings and CSV; nothing is written", async () => {
    const before = await figureCount(ctx);
    const nul = await json("POST", "/api/figures", { ...figure, period: "2024Q4", comment: "Ghi chú\u0000ẩn" });
    assert.equal(nul.status, 400);
    const err = ((await nul.json()) as ErrorJson).error;
    assert.equal(err.code, "TEXT_INVALID");
    assert.match(err.message, /NUL.*comment/);
    // JSON can carry a lone surrogate as an escape; the databases would replace it silently.
    const half = await call("POST", "/api/figures", `{"unitCode":"25288","indicator":"reception.turns","period":"2024Q4","value":1,"comment":"a\\ud800b"}`, { "content-type": "application/json" });
    assert.equal(await codeOf(half), "TEXT_INVALID");
    const badUtf8 = await call("POST", "/api/figures", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), { "content-type": "application/json" });
    assert.equal(await codeOf(badUtf8), "TEXT_INVALID");
    assert.equal(await codeOf(await call("GET", "/api/units?q=ab%00c")), "TEXT_INVALID");
    assert.equal(await codeOf(await call("GET", "/api/units?q=ab%ED%A0%80c")), "TEXT_INVALID");
    const csvNul = await call("POST", "/api/figures/import", "unit_code,indicator,period,value,comment\n25288,mediation.cases,2024Q4,4,x\u0000y\n", { "content-type": "text/csv" });
    const csvErr = ((await csvNul.json()) as ErrorJson).error;
    assert.equal(csvErr.code, "TEXT_INVALID");
    assert.match(csvErr.message, /dòng 2/);
    const csvBytes = new Uint8Array([...new TextEncoder().encode("unit_code,indicator,period,value\n25288,mediation.cases,2024Q4,4\n"), 0xc3, 0x28, 0x0a]);
    assert.equal(await codeOf(await call("POST", "/api/figures/import", csvBytes, { "content-type": "text/csv" })), "TEXT_INVALID");
    assert.equal(await figureCount(ctx), before);
  });

  test("dates: impossible days are refused with DATE_INVALID in the details, in queries and bodies; no report number is issued", async () => {
    for (const asOf of ["2026-02-30", "2026-13-45", "9999-99-99"]) {
      const res = await call("GET", `/api/values?unitCode=25288&indicator=reception.turns&period=2024&asOf=${asOf}`);
      assert.equal(res.status, 400, asOf);
      const err = ((await res.json()) as ErrorJson).error as { code: string; message: string; details: Array<{ path: string; code?: string }> };
      assert.equal(err.code, "VALIDATION");
      assert.deepEqual(err.details.map((d) => [d.path, d.code]), [["asOf", "DATE_INVALID"]]);
      assert.match(err.message, /Ngày/);
    }
    const numbers = async () => Number((await ctx.db.selectFrom("report_numbers").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const n = await numbers();
    const issue = await json("POST", "/api/reports/issue", { unitCode: "25288", period: "2024", date: "2026-99-99" });
    assert.equal(issue.status, 400);
    assert.equal(((await issue.json()) as { error: { details: Array<{ code?: string }> } }).error.details[0]!.code, "DATE_INVALID");
    assert.equal(await numbers(), n);
  });

  test("expensive endpoints are limited per user (429 RATE_LIMITED, Retry-After); two server processes on one database share the count", async () => {
    const limited = { ...ctx, config: loadConfig({ DANVAN_PASSWORD_COST: "10", DANVAN_RATE_EXTRACT: "3" }) };
    await sql`delete from rate_limits`.execute(ctx.db); // earlier tests here used the report reader too
    // A second process: its own connection pool on PostgreSQL; on SQLite the same file would be opened twice.
    const second = dialect === "postgres" ? openDatabase({ url: PG_URL, pgSchema: get().schema! }) : null;
    try {
      const a = createApp(limited, extraRoutes);
      const b = createApp(second ? { ...limited, db: second.db, database: second } : limited, extraRoutes);
      const ask = (x: typeof a) => x.request(`http://${HOST}/api/extract`, { method: "POST", headers: { cookie, host: HOST, "content-type": "application/json" }, body: JSON.stringify({ text: "Hòa giải thành 5 vụ." }) });
      assert.equal((await ask(a)).status, 200);
      assert.equal((await ask(b)).status, 200);
      assert.equal((await ask(a)).status, 200);
      const refused = await ask(b);
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get("retry-after")) >= 1 && Number(refused.headers.get("retry-after")) <= 60);
      const err = ((await refused.json()) as ErrorJson).error;
      assert.equal(err.code, "RATE_LIMITED");
      assert.match(err.message, /tối đa 3 lần mỗi phút/);
      // Other endpoints and other users are not affected.
      assert.equal((await a.request(`http://${HOST}/api/me`, { headers: { cookie, host: HOST } })).status, 200);
    } finally {
      await second?.close();
    }
  });
});

// The real server over a socket: node's HTTP layer must stop reading too, not only Hono.
const servers: Array<ReturnType<typeof serve>> = [];
after(async () => {
  for (const s of servers) {
    await new Promise<void>((r) => {
      s.close(() => r());
      (s as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  }
});

/** Streams `total` bytes chunked to the server; resolves with the answer and how much was sent by then. */
function upload(port: number, path: string, headers: Record<string, string>, total: number): Promise<{ status: number; sent: number; code: string }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let done = false;
    const req = httpRequest({ host: "127.0.0.1", port, method: "POST", path, headers: { ...headers, "transfer-encoding": "chunked" } });
    req.on("response", (res) => {
      const parts: Buffer[] = [];
      res.on("data", (d: Buffer) => parts.push(d));
      res.on("end", () => {
        done = true;
        resolve({ status: res.statusCode ?? 0, sent, code: (JSON.parse(Buffer.concat(parts).toString()) as ErrorJson).error.code });
        req.destroy();
      });
    });
    req.on("error", (e) => (done ? undefined : reject(e)));
    const chunk = Buffer.alloc(256 * 1024, 0x31);
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!done) req.end();
    };
    pump();
  });
}

describeEachDatabase("HTTP edge over a real socket", (get) => {
  test("a 120 MB chunked upload is cut off after the limit: 413 arrives while the client is still sending; anonymous ones get 401 unread", async () => {
    const ctx = await seededContext(get());
    const app = createApp(ctx, extraRoutes);
    const port = await new Promise<number>((resolve) => {
      servers.push(serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => resolve(info.port)));
    });
    const user = (await userAt(ctx, "reporter", "25288", "2024-06-01") as { username: string }).username;
    const login = await fetch(`http://127.0.0.1:${port}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: user, password: "mat-khau-thu" }) });
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const total = 120 * 1024 * 1024;
    const anonymous = await upload(port, "/api/figures", { "content-type": "application/json" }, total);
    assert.deepEqual([anonymous.status, anonymous.code], [401, "UNAUTHENTICATED"]);
    assert.ok(anonymous.sent < total, `client sent ${anonymous.sent} bytes before the answer`);
    const signedIn = await upload(port, "/api/figures", { "content-type": "application/json", cookie }, total);
    assert.deepEqual([signedIn.status, signedIn.code], [413, "PAYLOAD_TOO_LARGE"]);
    assert.ok(signedIn.sent < total, `client sent ${signedIn.sent} bytes before the answer`);
    assert.equal(await figureCount(ctx), 0);
  });
});
