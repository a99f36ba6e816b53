import { test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import type { Env } from "../http/routes.ts";
import type { Ctx } from "../context.ts";
import { webRoutes } from "./plugin.ts";

// The page and its assets need no database: a context is only passed through to the dashboard routes.
const app = new Hono<Env>();
webRoutes(app, {} as Ctx);

test("the page links its script and styles under content-hashed names", async () => {
  const res = await app.request("/");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("cache-control"), "no-cache");
  const html = await res.text();
  assert.match(html, /<html lang="vi">/);
  assert.match(html, /src="\/assets\/app\.[0-9a-f]{12}\.js"/);
  assert.match(html, /href="\/assets\/style\.[0-9a-f]{12}\.css"/);
});

test("assets are cached for a year, sent gzipped when the browser accepts it, and stay small", async () => {
  const html = await (await app.request("/")).text();
  const js = html.match(/\/assets\/app\.[0-9a-f]+\.js/)![0];
  const gz = await app.request(js, { headers: { "accept-encoding": "gzip, deflate" } });
  assert.equal(gz.headers.get("content-encoding"), "gzip");
  assert.match(gz.headers.get("cache-control")!, /max-age=31536000, immutable/);
  assert.match(gz.headers.get("content-type")!, /javascript/);
  const gzBytes = (await gz.arrayBuffer()).byteLength;
  assert.ok(gzBytes < 100 * 1024, `JS is ${gzBytes} bytes gzipped`);
  const plain = await app.request(js);
  assert.equal(plain.headers.get("content-encoding"), null);
  assert.ok((await plain.arrayBuffer()).byteLength > gzBytes);
  assert.equal((await app.request("/assets/app.000000000000.js")).status, 404);
});
