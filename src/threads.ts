/**
 * The product's own worker threads (an import's reading, a rebuild's sums): from the command line's bundle, the
 * bundle's plain-JavaScript entry (scripts/build-cli.mjs builds `dist/cli/<name>.js`; a thread starts with ~11 MB);
 * from the sources, their `.worker.mjs` loader through tsx (~56 MB). Their heaps are kept small, so an import with both
 * stays near 300 MB of RSS (src/figures/import.lines.ts).
 */
import { Worker } from "node:worker_threads";

declare const __DANVAN_BUNDLE__: boolean | undefined;

const LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 96 };

/** Starts the thread `bundled` (the bundle's entry name) or `source` (its loader); `at`: another entry (tests). */
export function startThread(bundled: string, source: URL, at?: URL): Worker {
  const entry = at ?? (typeof __DANVAN_BUNDLE__ !== "undefined" ? new URL(`../dist/cli/${bundled}.js`, import.meta.url) : source);
  return new Worker(entry, { resourceLimits: LIMITS });
}
