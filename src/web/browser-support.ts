/**
 * For browser tests and the web benchmark: the real server in-process on a free port over a fresh
 * demo database, and Debian's chromium driven by playwright-core (never a downloaded browser);
 * `browserSuite` gives a browser test file its setup (chromium, the server, signed-in pages, script
 * errors, screenshots) in one line.
 */
import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { after, before } from "node:test";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { loadFeatures } from "../features.ts";
import { extraRoutes } from "../plugins.ts";
import { createApp } from "../http/app.ts";
import { openDatabase, migrate } from "../db/database.ts";
import { makeContext, type Ctx } from "../context.ts";
import { loadConfig } from "../config.ts";
import { seedDemo } from "../demo/seed.ts";
import { clientBundle } from "./plugin.ts";

await loadFeatures();

export const CHROMIUM = process.env.DANVAN_CHROMIUM ?? "/usr/bin/chromium";

export interface WebServer {
  url: string;
  ctx: Ctx;
  close(): Promise<void>;
}

/** Starts danvan with the demo data (SQLite in memory, cheap password hashes) on a free port. */
export async function startDemoServer(today = "2026-11-25"): Promise<WebServer> {
  const database = openDatabase({ sqlitePath: ":memory:" });
  await migrate(database);
  const ctx = makeContext(database, loadConfig({ DANVAN_PASSWORD_COST: "10" }), () => today);
  await seedDemo(ctx);
  const app = createApp(ctx, extraRoutes);
  await clientBundle();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    ctx,
    close: async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await database.close();
    },
  };
}

/** Launches the system chromium headless, or returns null when it is not installed. */
export async function launchChromium(): Promise<Browser | null> {
  if (!existsSync(CHROMIUM)) return null;
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** Where browser tests put their screenshots (look at them). */
export const SHOTS = "test-output/screenshots";

/** A browser test file's shared state, filled in by its before hook. */
export interface BrowserSuite {
  /** Null when chromium is not installed: the tests skip. */
  browser: Browser | null;
  server: WebServer;
  /** Browser contexts to close after the suite (the ones `signedIn` opens are added by it). */
  contexts: BrowserContext[];
  /** Script errors thrown in the signed-in pages ("user: message"). */
  pageErrors: string[];
  /** A page signed in as a demo account through the sign-in form, as a user would. */
  signedIn(username: string, width?: number): Promise<Page>;
  /** A full-page screenshot, test-output/screenshots/<prefix><name>.png. */
  shot(page: Page, name: string): Promise<Buffer>;
}

/**
 * Registers a browser test file's hooks: before, chromium (or a SKIPPED note when it is missing),
 * the screenshots folder, the demo server, then `setup`; after, every context, the browser and the
 * server closed. `width`: signedIn's default viewport width; `shotPrefix`: the screenshots' prefix.
 */
export function browserSuite(opts: { width?: number; shotPrefix?: string; setup?: (suite: BrowserSuite) => Promise<void> } = {}): BrowserSuite {
  const suite: BrowserSuite = {
    browser: null,
    server: undefined as unknown as WebServer, // set by the before hook
    contexts: [],
    pageErrors: [],
    async signedIn(username, width = opts.width ?? 1366) {
      const ctx = await suite.browser!.newContext({ viewport: { width, height: 900 }, locale: "vi-VN" });
      suite.contexts.push(ctx);
      const page = await ctx.newPage();
      page.on("pageerror", (e) => suite.pageErrors.push(`${username}: ${e.message}`));
      // A request the server has not answered in 10 s is printed while the test waits (a stalled
      // page then names what it waits for).
      const open = new Map<unknown, { what: string; t: number; said?: boolean }>();
      page.on("request", (r) => open.set(r, { what: `${r.method()} ${r.url()}`, t: performance.now() }));
      page.on("requestfinished", (r) => open.delete(r));
      page.on("requestfailed", (r) => open.delete(r));
      const watch = setInterval(() => {
        for (const e of open.values()) if (!e.said && performance.now() - e.t > 10_000) (e.said = true), console.log(`# ${username}: no answer yet to ${e.what}`);
      }, 2000);
      watch.unref();
      page.on("close", () => clearInterval(watch));
      await page.goto(suite.server.url + "/");
      await page.getByLabel("Tên đăng nhập").fill(username);
      await page.getByLabel("Mật khẩu").fill("danvan-demo");
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.locator("header.top").waitFor();
      return page;
    },
    shot: (page, name) => page.screenshot({ path: `${SHOTS}/${opts.shotPrefix ?? ""}${name}.png`, fullPage: true }),
  };
  before(async () => {
    suite.browser = await launchChromium();
    if (!suite.browser) {
      console.log("# SKIPPED: chromium not found (install Debian's chromium package at /usr/bin/chromium)");
      return;
    }
    mkdirSync(SHOTS, { recursive: true });
    suite.server = await startDemoServer();
    await opts.setup?.(suite);
  });
  after(async () => {
    for (const c of suite.contexts) await c.close();
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** Fails when the page scrolls sideways (what a phone user would have to do to read it). */
export async function assertNoOverflow(p: Page, what: string): Promise<void> {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`${what}: ${overflow}px wider than the screen`);
}
