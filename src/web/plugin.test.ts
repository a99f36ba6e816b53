import { test } from "node:test";
import assert from "node:assert/strict";
import { Hono } from "hono";
import type { Env } from "../http/routes.ts";
import type { Ctx } from "../context.ts";
import { clientBundle, webRoutes } from "./plugin.ts";

// The page and its assets need no database: a context is only passed through to the dashboard routes.
const app = new Hono<Env>();
webRoutes(app, {} as Ctx);

test("the page links its script and styles under content-hashed names and preloads what the first page needs", async () => {
  const res = await app.request("/");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("cache-control"), "no-cache");
  const html = await res.text();
  assert.match(html, /<html lang="vi">/);
  assert.match(html, /<script type="module" src="\/assets\/app\.[A-Z0-9]{8}\.js"><\/script>/);
  assert.match(html, /href="\/assets\/style\.[A-Z0-9]{8}\.css"/);
  assert.match(html, /<link rel="preload" href="\/api\/me" as="fetch" crossorigin>/);
  const b = await clientBundle();
  for (const c of b.initial.slice(1)) assert.ok(html.includes(`<link rel="modulepreload" href="/assets/${c.name}">`), c.name);
});

test("the first page's scripts are a fraction of the whole; every other page is a chunk served on demand", async () => {
  const b = await clientBundle();
  const gz = (xs: Iterable<{ gzip: Uint8Array }>) => [...xs].reduce((s, a) => s + a.gzip.byteLength, 0);
  const scripts = [...b.files.values()].filter((f) => f.name.endsWith(".js"));
  assert.ok(gz(b.initial) * 2 < gz(scripts), `first page ${gz(b.initial)} B of ${gz(scripts)} B gzipped`);
  assert.ok(gz(b.initial) < 40 * 1024, `first page ${gz(b.initial)} B gzipped`);
  for (const f of scripts) assert.equal((await app.request(`/assets/${f.name}`)).status, 200, f.name);
  // A chunk imported only dynamically (a page opened later) is not preloaded.
  const html = await (await app.request("/")).text();
  assert.ok(scripts.some((f) => !b.initial.includes(f) && !html.includes(f.name)));
});

test("assets are cached for a year, sent gzipped when the browser accepts it", async () => {
  const html = await (await app.request("/")).text();
  const js = html.match(/\/assets\/app\.[A-Z0-9]+\.js/)![0];
  const gz = await app.request(js, { headers: { "accept-encoding": "gzip, deflate" } });
  assert.equal(gz.headers.get("content-encoding"), "gzip");
  assert.match(gz.headers.get("cache-control")!, /max-age=31536000, immutable/);
  assert.match(gz.headers.get("content-type")!, /javascript/);
  const gzBytes = (await gz.arrayBuffer()).byteLength;
  const plain = await app.request(js);
  assert.equal(plain.headers.get("content-encoding"), null);
  assert.ok((await plain.arrayBuffer()).byteLength > gzBytes);
  assert.equal((await app.request("/assets/app.00000000.js")).status, 404);
});
