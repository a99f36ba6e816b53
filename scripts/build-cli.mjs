/**
 * Builds the command line's bundle (dist/cli/main.js) from src/main.ts with esbuild, so `danvan`
 * starts without compiling TypeScript. bin/danvan runs it when dist/ is missing or older than a
 * source; `npm ci` runs it through `prepare`. Lazy imports stay separate chunks (a command loads
 * only what it needs). Packages with native parts or workers of their own stay in node_modules.
 * Each module's import.meta.url is its source file's, so the workers
 * (src/db/sqlite-reader.worker.mjs, sqlite-checkpoint.worker.mjs, src/extract/pdf.worker.mjs), assets/ and the web client are
 * found where they are. Output is written beside the old one and the entry replaced last, by a
 * rename, so a command starting meanwhile never reads half a bundle.
 * Usage: node scripts/build-cli.mjs [--quiet]
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist/cli");
const quiet = process.argv.includes("--quiet");

/**
 * A source file's import.meta.url, as the bundle sees it: the source's own URL, found from the
 * chunk's (every chunk is in dist/cli/), so a checkout that moves keeps working.
 */
const sourceMeta = {
  name: "source-import-meta",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.(ts|tsx|mts|js|mjs)$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (/import\.meta\.(dirname|filename)/.test(text)) throw new Error(`${args.path}: dùng import.meta.url (bundle chỉ đổi import.meta.url)`);
      const fromChunk = relative(out, args.path).split(sep).join("/");
      const contents = text.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`);
      const ext = extname(args.path).slice(1);
      return { contents, loader: ext === "tsx" ? "tsx" : ext === "ts" || ext === "mts" ? "ts" : "js" };
    });
  },
};

const t0 = performance.now();
const result = await build({
  absWorkingDir: root,
  // The threads of a rebuild and of a big import run their own entries: plain JavaScript starts them ~45 MB lighter
  // than TypeScript through tsx.
  entryPoints: { main: "src/main.ts", "totals-lane": "src/totals/totals.lane.entry.ts", "import-lines": "src/figures/import.lines.entry.ts" },
  define: { __DANVAN_BUNDLE__: "true" },
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  write: false,
  outdir: out,
  chunkNames: "chunk-[hash]",
  // Native addons, packages that start workers or read their own files, and development tools.
  external: ["better-sqlite3", "pg", "pg-native", "esbuild", "pdfjs-dist", "pdfjs-dist/*", "playwright-core", "typescript", "tsx"],
  // CommonJS packages bundled into ESM still call require() for Node's built-ins.
  banner: { js: 'import { createRequire as __danvanRequire } from "node:module"; const require = __danvanRequire(import.meta.url);' },
  plugins: [sourceMeta],
  legalComments: "none",
  logLevel: "warning",
});

mkdirSync(out, { recursive: true });
/** An entry is replaced by a rename, so a command starting meanwhile never reads half of it. */
function writeAtomic(f) {
  const tmp = `${f.path}.${process.pid}.tmp`;
  writeFileSync(tmp, f.contents);
  renameSync(tmp, f.path);
}
const names = new Set();
let entry = null;
for (const f of result.outputFiles) {
  const name = relative(out, f.path);
  names.add(name);
  if (name === "main.js") entry = f;
  else if (name === "totals-lane.js" || name === "import-lines.js") writeAtomic(f);
  else writeFileSync(f.path, f.contents); // chunks are named by content: an old entry's chunks stay valid
}
if (!entry) throw new Error("esbuild không tạo được dist/cli/main.js");
writeAtomic(entry);
for (const name of readdirSync(out)) if (!names.has(name) && !name.endsWith(".tmp")) rmSync(join(out, name), { force: true });
if (!quiet) process.stderr.write(`dist/cli: ${result.outputFiles.length} tệp (${Math.round(performance.now() - t0)} ms)\n`);
