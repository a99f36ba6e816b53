/**
 * Throughput of the report reader on one core: MB of report text per second (goal ≥ 5 MB/s).
 * Input: the dev-corpus texts repeated to about 10 MB. Prints the median of several runs.
 *   node --import tsx bench/extract.bench.ts [corpus-dir]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractReport } from "../src/extract/extract.ts";

const dir = process.argv[2] ?? new URL("../../shared/dev-corpus/texts", import.meta.url).pathname;
const texts = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => readFileSync(join(dir, f), "utf8"));
const one = texts.join("\n\n");
const big = one.repeat(Math.ceil(10_000_000 / one.length));
const mb = Buffer.byteLength(big, "utf8") / 1e6;

const runs: number[] = [];
extractReport(one); // warm-up: unit lists, regexes, JIT
for (let i = 0; i < 7; i++) {
  const t0 = performance.now();
  const r = extractReport(big);
  const s = (performance.now() - t0) / 1000;
  runs.push(mb / s);
  if (i === 0) console.log(`input ${mb.toFixed(1)} MB (${texts.length} texts × ${Math.ceil(10_000_000 / one.length)}), ${r.figures.length} figures`);
}
runs.sort((a, b) => a - b);
console.log(`extract: median ${runs[3]!.toFixed(2)} MB/s (min ${runs[0]!.toFixed(2)}, max ${runs[6]!.toFixed(2)}) over ${runs.length} runs; goal ≥ 5 MB/s`);
