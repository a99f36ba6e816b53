/**
 * Web benchmark (not a test): prints
 *  1. the size of the JavaScript and CSS sent to the browser (raw and gzip): for the first page
 *     (the entry and its static imports) and for every page;
 *  2. the dashboard's load time in chromium on the demo data, from navigation to the first
 *     figures on screen (median of several runs): cold (new browser profile, nothing cached) and
 *     warm (assets cached, as on a second visit); goal < 1 s;
 *  3. the same cold load on a slow mobile line (DevTools' "Fast 3G" profile);
 *  4. the /api/dashboard call alone (median ms);
 *  5. the public portal's first page (/cong-khai/21583, phường Quy Nhơn): its weight (raw and gzip,
 *     everything it loads: one HTML document, no script) and its time to the first content painted
 *     on the slow line, cold, without JavaScript (median); goal < 50 KB.
 * Usage: npm run bench:web [-- --runs 7 --user gialai --period 2026Q3]
 */
import { parseArgs } from "node:util";
import { launchChromium, startDemoServer } from "../src/web/browser-support.ts";
import { clientBundle } from "../src/web/plugin.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" }, user: { type: "string", default: "gialai" }, period: { type: "string", default: "2026Q3" } } });
const RUNS = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const b = await clientBundle();
const sum = (xs: Iterable<{ body: Uint8Array; gzip: Uint8Array }>, k: "body" | "gzip") => [...xs].reduce((s, a) => s + a[k].byteLength, 0);
const scripts = [...b.files.values()].filter((f) => f.name.endsWith(".js"));
console.log(`JS sent for the first page: ${kb(sum(b.initial, "body"))} raw, ${kb(sum(b.initial, "gzip"))} gzip (${b.initial.length} files); all pages: ${kb(sum(scripts, "body"))} raw, ${kb(sum(scripts, "gzip"))} gzip (${scripts.length} files); CSS: ${kb(b.css.body.length)} raw, ${kb(b.css.gzip.length)} gzip`);

const browser = await launchChromium();
if (!browser) {
  console.log("SKIPPED: chromium not found at /usr/bin/chromium");
  process.exit(0);
}
const server = await startDemoServer();
const target = `${server.url}/#/?period=${values.period}`;

async function signedInContext() {
  const ctx = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const r = await ctx.request.post(`${server.url}/api/session`, { data: { username: values.user, password: "danvan-demo" } });
  if (!r.ok()) throw new Error(`sign-in failed: ${r.status()}`);
  return ctx;
}

/** Milliseconds from navigation start to the first key figure painted. */
async function load(page: import("playwright-core").Page): Promise<number> {
  await page.goto(target, { waitUntil: "commit" });
  await page.locator(".card .value").first().waitFor();
  return page.evaluate(() => performance.now());
}

const cold: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const ctx = await signedInContext();
  cold.push(await load(await ctx.newPage()));
  await ctx.close();
}
// The same, cold, on a slow mobile line as in many communes (Chrome DevTools' "Fast 3G" profile:
// 1.44 Mbit/s down, 675 kbit/s up, 563 ms round trip), where what is sent matters most.
const slow: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c = await signedInContext();
  const page = await c.newPage();
  const cdp = await c.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: 184_320, uploadThroughput: 84_375 });
  slow.push(await load(page));
  await c.close();
}
const warm: number[] = [];
const ctx = await signedInContext();
await load(await ctx.newPage());
for (let i = 0; i < RUNS; i++) {
  const page = await ctx.newPage();
  warm.push(await load(page));
  await page.close();
}
const api: number[] = [];
const unit = (await (await ctx.request.get(`${server.url}/api/me`)).json()) as { user: { unitId: number } };
for (let i = 0; i < RUNS; i++) {
  const s = performance.now();
  await ctx.request.get(`${server.url}/api/dashboard?unitId=${unit.user.unitId}&period=${values.period}`);
  api.push(performance.now() - s);
}
console.log(`Dashboard (${values.user}, ${values.period}) to first figures: cold median ${Math.round(median(cold))} ms [${cold.map(Math.round).join(", ")}], warm median ${Math.round(median(warm))} ms [${warm.map(Math.round).join(", ")}] (goal < 1000 ms)`);
console.log(`Same, cold, on a slow line (Fast 3G: 1.44 Mbit/s, 563 ms RTT): median ${Math.round(median(slow))} ms [${slow.map(Math.round).join(", ")}]`);
console.log(`GET /api/dashboard alone: median ${Math.round(median(api))} ms`);
// The public portal: one server-rendered page, no script, no other request.
const portalUrl = `${server.url}/cong-khai/21583`;
const raw = await (await fetch(portalUrl)).arrayBuffer();
const gz = await fetch(portalUrl, { headers: { "accept-encoding": "gzip" } });
const { gzipSync } = await import("node:zlib");
const portalSlow: number[] = [];
let requests = 0;
for (let i = 0; i < RUNS; i++) {
  const c = await browser.newContext({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
  const page = await c.newPage();
  page.on("request", () => requests++);
  const cdp = await c.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 562.5, downloadThroughput: 184_320, uploadThroughput: 84_375 });
  await page.goto(portalUrl, { waitUntil: "load" });
  portalSlow.push(await page.evaluate(() => performance.getEntriesByType("paint").find((e) => e.name === "first-contentful-paint")?.startTime ?? performance.now()));
  await c.close();
}
console.log(`Public portal ${new URL(portalUrl).pathname}: ${kb(raw.byteLength)} raw, ${kb(gzipSync(Buffer.from(raw)).byteLength)} gzip (sent ${gz.headers.get("content-encoding") ?? "uncompressed"}), ${requests / RUNS} request(s) per load, no script (goal < 50 KB)`);
console.log(`Public portal, cold, slow line (Fast 3G), 360 px, JavaScript off, to first content: median ${Math.round(median(portalSlow))} ms [${portalSlow.map(Math.round).join(", ")}]`);
await ctx.close();
await browser.close();
await server.close();
