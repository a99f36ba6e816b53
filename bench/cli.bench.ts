/**
 * CLI start-up benchmark (not a test): wall time of one-line answers, `danvan value` (goal: under
 * 0.5 s on a quiet machine) and `danvan help`, run as a user would run them (./bin/danvan, a new
 * process each time) on a seeded SQLite file. Median of --runs runs after one warm-up run, beside
 * the time a bare `node --import tsx` takes on the same machine (the floor of any command).
 * Usage: npm run bench:cli [-- --runs 7]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const RUNS = Number(values.runs);
const root = join(import.meta.dirname, "..");
const bin = join(root, "bin/danvan");
const dir = mkdtempSync(join(tmpdir(), "danvan-bench-cli-"));
const env = { ...process.env, DANVAN_SQLITE: join(dir, "db.sqlite") };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(label: string, file: string, args: string[]): void {
  const ms: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    execFileSync(file, args, { env, cwd: root, stdio: ["ignore", "ignore", "ignore"] });
    if (i > 0) ms.push(performance.now() - t);
  }
  console.log(`${label.padEnd(48)} median ${median(ms).toFixed(0)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}) over ${RUNS} runs`);
}

try {
  execFileSync(bin, ["init"], { env, cwd: root, stdio: "ignore" });
  time("node --import tsx (the floor)", process.execPath, ["--import", "tsx", "-e", "0"]);
  time("danvan value (goal < 500 ms)", bin, ["value", "--unit", "637", "--indicator", "dialogues.held", "--period", "2023"]);
  time("danvan help (loads every feature)", bin, ["help"]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
