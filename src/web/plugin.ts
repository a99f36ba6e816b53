/**
 * The web application: the client (src/web/client) is bundled by esbuild once per process, in
 * memory and minified, and served under content-hashed names with long cache headers, so an old
 * laptop on a slow line downloads it once. `/` serves the page; the client routes by URL hash.
 */
import { basename } from "node:path";
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
  /** The entry script (the shell and the dashboard). */
  js: Asset;
  css: Asset;
  /** Every file by name: the entry, the stylesheet and the chunks pages load when first opened. */
  files: ReadonlyMap<string, Asset>;
  /** The scripts the first page needs: the entry and what it imports statically (preloaded by the page). */
  initial: readonly Asset[];
  html: string;
}

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

function asset(name: string, body: Uint8Array): Asset {
  return {
    name, type: name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8",
    body: new Uint8Array(body), gzip: new Uint8Array(gzipSync(body, { level: 9 })),
  };
}

/** The HTML shell: everything else is drawn by the client. */
function shell(js: Asset, css: Asset, chunks: readonly Asset[]): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>danvan – Công tác dân vận</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${css.name}">
<link rel="preload" href="/api/me" as="fetch" crossorigin>
${chunks.map((c) => `<link rel="modulepreload" href="/assets/${c.name}">\n`).join("")}<script type="module" src="/assets/${js.name}"></script>
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
    // Pages other than the dashboard, the chart library and the English dictionary are chunks
    // fetched when first needed; names carry the content hash, so they are cached for a year.
    splitting: true,
    entryNames: "[name].[hash]",
    chunkNames: "chunk.[hash]",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    outdir: "/assets",
    legalComments: "none",
    logLevel: "silent",
    metafile: true,
  });
  const files = new Map(r.outputFiles.map((f) => [basename(f.path), asset(basename(f.path), f.contents)]));
  const js = [...files.values()].find((f) => /^app\.\w+\.js$/.test(f.name));
  const css = [...files.values()].find((f) => /^style\.\w+\.css$/.test(f.name));
  if (!js || !css) throw new Error("esbuild không tạo được tệp app.js/style.css");
  // The entry's static imports, transitively (dynamic imports are the chunks loaded later).
  const outputs = new Map(Object.entries(r.metafile.outputs).map(([path, o]) => [basename(path), o]));
  const initial: Asset[] = [];
  const visit = (name: string) => {
    const a = files.get(name);
    if (!a || initial.includes(a)) return;
    initial.push(a);
    for (const i of outputs.get(name)?.imports ?? []) if (i.kind === "import-statement") visit(basename(i.path));
  };
  visit(js.name);
  return { js, css, files, initial, html: shell(js, css, initial.slice(1)) };
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
    const a = b.files.get(name);
    if (!a) return c.text("Không tìm thấy tệp.", 404);
    return send(c, a);
  });
}

extraRoutes.push(webRoutes);
