/**
 * CLI start-up benchmark (not a test): wall time of one-line answers, `danvan value` (goal: under
 * 0.5 s on a quiet machine) and `danvan help`, run as a user would run them (./bin/danvan, a new
 * process each time, the prebuilt bundle dist/cli, built by the warm-up run if needed) on a seeded
 * SQLite file. Median of --runs runs after one warm-up run, beside a bare `node` and a bare
 * `node --import tsx` (what every command paid before the bundle). Each line also gives the
 * median CPU time (user + system) of the process, which a busy machine inflates less than the
 * wall time, and the load average before and after.
 * Usage: npm run bench:cli [-- --runs 7]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const RUNS = Number(values.runs);
const root = join(import.meta.dirname, "..");
const bin = join(root, "bin/danvan");
const dir = mkdtempSync(join(tmpdir(), "danvan-bench-cli-"));
const env = { ...process.env, DANVAN_SQLITE: join(dir, "db.sqlite") };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** CPU seconds (user + system) of this process's waited-for children, from /proc (Linux; else NaN). */
function childrenCpu(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100; // cutime, cstime (fields 16, 17) in clock ticks (100 Hz)
  } catch {
    return NaN;
  }
}

function time(label: string, file: string, args: string[]): void {
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t = performance.now();
    const c = childrenCpu();
    execFileSync(file, args, { env, cwd: root, stdio: ["ignore", "ignore", "ignore"] });
    if (i > 0) ms.push(performance.now() - t);
    if (i > 0) cpu.push((childrenCpu() - c) * 1000);
  }
  console.log(`${label.padEnd(40)} median ${median(ms).toFixed(0).padStart(5)} ms (min ${Math.min(...ms).toFixed(0)}, max ${Math.max(...ms).toFixed(0)}), CPU ${median(cpu).toFixed(0)} ms, over ${RUNS} runs`);
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

try {
  execFileSync(bin, ["init"], { env, cwd: root, stdio: "ignore" });
  console.log(`load average before: ${load()} (${cpus().length} cores)`);
  time("node (bare)", process.execPath, ["-e", "0"]);
  time("node --import tsx (the old floor)", process.execPath, ["--import", "tsx", "-e", "0"]);
  time("danvan value (goal < 500 ms)", bin, ["value", "--unit", "637", "--indicator", "dialogues.held", "--period", "2023"]);
  time("danvan help", bin, ["help"]);
  console.log(`load average after: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
