/**
 * For browser tests and the web benchmark: the real server in-process on a free port over a fresh
 * demo database, and Debian's chromium driven by playwright-core (never a downloaded browser).
 */
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium, type Browser } from "playwright-core";
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
