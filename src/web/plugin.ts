/**
 * The web application: the client (src/web/client) is bundled by esbuild once per process, in
 * memory and minified, and served under content-hashed names with long cache headers, so an old
 * laptop on a slow line downloads it once. `/` serves the page; the client routes by URL hash.
 */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Context, Hono } from "hono";
import { build } from "esbuild";
import { extraRoutes } from "../plugins.ts";
import type { Env } from "../http/routes.ts";
import { dashboardRoutes } from "../dashboard/dashboard.routes.ts";

export interface Asset {
  name: string;
  type: string;
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

export interface Bundle {
  js: Asset;
  css: Asset;
  html: string;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

function asset(base: string, ext: "js" | "css", body: Uint8Array): Asset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return {
    name: `${base}.${hash}.${ext}`, type: ext === "js" ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8",
    body: new Uint8Array(body), gzip: new Uint8Array(gzipSync(body, { level: 9 })),
  };
}

/** The HTML shell: everything else is drawn by the client. */
function shell(js: Asset, css: Asset): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>danvan – Công tác dân vận</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${css.name}">
<script type="module" src="/assets/${js.name}"></script>
</head>
<body>
<div id="app"><p class="boot">Đang tải…</p></div>
<noscript>Cần bật JavaScript để dùng danvan.</noscript>
</body>
</html>`;
}

/** Bundles the client (TSX + CSS) in memory. */
export async function buildClient(): Promise<Bundle> {
  const r = await build({
    entryPoints: { app: here("./client/app.tsx"), style: here("./client/styles.css") },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    outdir: "/assets",
    legalComments: "none",
    logLevel: "silent",
  });
  const js = r.outputFiles.find((f) => f.path.endsWith("app.js"));
  const css = r.outputFiles.find((f) => f.path.endsWith("style.css"));
  if (!js || !css) throw new Error("esbuild không tạo được tệp app.js/style.css");
  const a = asset("app", "js", js.contents);
  const c = asset("style", "css", css.contents);
  return { js: a, css: c, html: shell(a, c) };
}

let bundle: Promise<Bundle> | undefined;
/** The bundle of this process (built on first use, then cached). */
export function clientBundle(): Promise<Bundle> {
  bundle ??= buildClient();
  bundle.catch(() => (bundle = undefined));
  return bundle;
}

const SECURITY = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "content-security-policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
};

function send(c: Context<Env>, a: Asset): Response {
  const gz = (c.req.header("accept-encoding") ?? "").includes("gzip");
  return new Response(gz ? a.gzip : a.body, {
    headers: {
      "content-type": a.type, "cache-control": "public, max-age=31536000, immutable", vary: "accept-encoding",
      ...(gz ? { "content-encoding": "gzip" } : {}), ...SECURITY,
    },
  });
}

/** Registers the page, its assets and the dashboard endpoints. */
export function webRoutes(app: Hono<Env>, ctx: Parameters<typeof dashboardRoutes>[1]): void {
  dashboardRoutes(app, ctx);
  void clientBundle().catch((e) => console.error(e));
  app.get("/", async (c) => {
    const b = await clientBundle();
    return c.html(b.html, 200, { "cache-control": "no-cache", ...SECURITY });
  });
  app.get("/assets/:name", async (c) => {
    const b = await clientBundle();
    const name = c.req.param("name");
    const a = [b.js, b.css].find((x) => x.name === name);
    if (!a) return c.text("Không tìm thấy tệp.", 404);
    return send(c, a);
  });
}

extraRoutes.push(webRoutes);
