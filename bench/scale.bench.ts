/**
 * National scale, measured as users meet it: over HTTP against a server process, on SQLite and
 * PostgreSQL, after loading N figures through the product's own CSV import.
 *
 * The data: real 2024 commune codes monthly (2022 → June 2025), the new communes monthly after
 * the reform (July 2025 → November 2026), 30 catalog indicators, petitions received by type and
 * awards by level as breakdowns, area totals of old districts for one indicator-year (as archives
 * give them). Below the full shape communes are sampled; above it earlier years are added.
 *
 * Prints, per engine: country dashboard (one year), one national total, Gia Lai dashboard, Gia Lai
 * by its communes (again, and right after a save of what it counts), /health while country dashboards run, saves/s with C concurrent clients (p50,
 * p99, max), saves arriving at a set rate (open load: answered/s, p50, p99 from when each was due), a deadline day past
 * capacity (1.25 × that rate from 3,000 connections: saved/s and their p99, refused/s), a national read during those writes, CSV import (figures/s, peak RSS), the server's
 * RSS during the country dashboard; and the load average. `--only import` also prints, on SQLite, what
 * the engine alone takes to store the same rows (bench/import-floor.ts).
 *
 * Usage: npm run bench:scale -- [--figures 1000000] [--engines sqlite,postgres] [--clients 200]
 *        [--seconds 15] [--save-runs 1] [--reuse] [--only import|saves|deadline] [--rate-sqlite 2000] [--rate-postgres 1000]   (PostgreSQL: DANVAN_BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/test)
 * A server on SQLite saves figures on its write thread; DANVAN_WRITE_THREAD=0 in the environment saves on its main thread.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import SQLite from "better-sqlite3";
import { agent, fmt, median, ms, offeredSaves, overload, pct, request } from "./http-load.ts";
import { sqliteFloor } from "./import-floor.ts";
import { goalTable, type Measured } from "./scale-goals.ts";

const { values: opt } = parseArgs({
  options: {
    figures: { type: "string", default: "1000000" }, engines: { type: "string", default: "sqlite,postgres" },
    clients: { type: "string", default: "200" }, seconds: { type: "string", default: "15" }, reuse: { type: "boolean", default: false },
    runs: { type: "string", default: "7" }, dir: { type: "string", default: "/tmp/danvan-scale" },
    /**
     * "import": only the CSV import row (a fresh database each time, the other rows skipped); "saves": only the closed
     * saves and the national read during them; "deadline": only the deadline day past capacity (both with --reuse, on
     * the database loaded before).
     */
    only: { type: "string" }, "import-runs": { type: "string", default: "1" }, "save-runs": { type: "string", default: "1" },
    /** The open load's saves a second, per engine (the issue's goals). */
    "rate-sqlite": { type: "string", default: "2000" }, "rate-postgres": { type: "string", default: "1000" },
  },
});
const N = Number(opt.figures);
const CLIENTS = Number(opt.clients);
const SECONDS = Number(opt.seconds);
const RUNS = Number(opt.runs);
const SAVE_RUNS = Number(opt["save-runs"]);
const RATE = { sqlite: Number(opt["rate-sqlite"]), postgres: Number(opt["rate-postgres"]) };
/** Users' connections in the overload row (each user's browser holds its own). */
const OVERLOAD_CONNECTIONS = 3000;
const PG_BASE = process.env.DANVAN_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ROOT = process.cwd();
const PASSWORD = "chay-thu-quy-mo-2026";

const INDICATORS = [
  "docs.issued", "dissemination.conferences", "dissemination.attendees", "reception.turns", "reception.people", "petitions.received", "petitions.resolved",
  "dialogues.held", "dialogues.turns", "oversight.count", "oversight.teams", "inspection.teams", "campaign.rounds", "campaign.sessions", "campaign.teams",
  "campaign.participants", "outreach.sessions", "mediation.cases", "mediation.successful", "dvk.models", "dvk.exemplars", "contrib.money_vnd",
  "contrib.land_m2", "contrib.labor_days", "contrib.trees", "contrib.houses", "ocop.products", "military.returnees", "awards.collectives", "awards.individuals",
];
const BREAKDOWNS: Record<string, string[]> = {
  "petitions.received": ["petition_type=khieu_nai", "petition_type=to_cao", "petition_type=kien_nghi", "petition_type=phan_anh"],
  "awards.individuals": ["level=tinh", "level=xa"],
};
/** Indicators no validation rule ties to another: random values saved under load stay consistent. */
const FREE = INDICATORS.filter((i) => !i.startsWith("mediation.") && !i.startsWith("petitions."));
const ROW_PER_UNIT_MONTH = INDICATORS.length + Object.values(BREAKDOWNS).reduce((a, b) => a + b.length, 0);


function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

interface Units {
  oldCommunes: string[];
  newCommunes: string[];
  oldDistricts: string[];
  vnId: number;
  giaLaiId: number;
}

/** Reads unit codes from an initialised SQLite database (the same lists on both engines). */
function readUnits(file: string): Units {
  const d = new SQLite(file, { readonly: true });
  const codes = (where: string) => (d.prepare(`select code from units where ${where} order by id`).all() as Array<{ code: string }>).map((r) => r.code);
  const out = {
    oldCommunes: codes("level = 'commune' and valid_to = '2025-06-30'"),
    newCommunes: codes("level = 'commune' and valid_from = '2025-07-01'"),
    oldDistricts: codes("level = 'district' and valid_to = '2025-06-30'"),
    vnId: (d.prepare("select id from units where parent_id is null").get() as { id: number }).id,
    giaLaiId: (d.prepare("select id from units where code = '52' and valid_from = '2025-07-01'").get() as { id: number }).id,
  };
  d.close();
  return out;
}

/** Writes the CSV of N figures; returns the number of lines written and the new communes given figures. */
async function generate(file: string, units: Units): Promise<{ lines: number; filed: string[] }> {
  const months = (from: [number, number], to: [number, number]) => {
    const out: string[] = [];
    for (let y = from[0], m = from[1]; y < to[0] || (y === to[0] && m <= to[1]); m === 12 ? (y++, (m = 1)) : m++) out.push(`${y}${String(m).padStart(2, "0")}`);
    return out;
  };
  let firstYear = 2022;
  const full = (fy: number) => units.oldCommunes.length * months([fy, 1], [2025, 6]).length * ROW_PER_UNIT_MONTH + units.newCommunes.length * months([2025, 7], [2026, 11]).length * ROW_PER_UNIT_MONTH;
  while (full(firstYear) < N) firstYear--;
  const fraction = N / full(firstYear);
  const oldMonths = months([firstYear, 1], [2025, 6]);
  const newMonths = months([2025, 7], [2026, 11]);
  const r = rng(2026);
  const w = createWriteStream(file);
  const write = (s: string) => (w.write(s) ? undefined : new Promise<void>((res) => w.once("drain", () => res())));
  await write("unit_code,indicator,period,value,disaggregation,kind,as_of\n");
  let n = 0;
  const emit = async (code: string, ms: string[], asOf: string) => {
    let buf = "";
    for (const m of ms) {
      const month: Record<string, number> = {};
      for (const ind of INDICATORS) {
        // Consistent as real reports are (the catalog's rules refuse 30 successful mediations of 14 cases).
        const cap = ind === "mediation.successful" ? month["mediation.cases"]! : ind === "petitions.resolved" ? month["petitions.received"]! : 39;
        const v = ind === "contrib.money_vnd" ? Math.floor(r() * 500) * 100_000 : Math.floor(r() * (cap + 1));
        month[ind] = v;
        buf += `${code},${ind},${m},${v},,own,${asOf}\n`;
        for (const d of BREAKDOWNS[ind] ?? []) buf += `${code},${ind},${m},${Math.floor(r() * 10)},${d},own,${asOf}\n`;
        n += 1 + (BREAKDOWNS[ind]?.length ?? 0);
      }
    }
    await write(buf);
  };
  const pick = rng(7);
  for (const c of units.oldCommunes) if (pick() < fraction && n < N) await emit(c, oldMonths, "2025-06-30");
  const filed: string[] = [];
  for (const c of units.newCommunes) if (pick() < fraction && n < N) filed.push(c), await emit(c, newMonths, "2026-11-30");
  // Area totals of old districts (archived reports): they set their communes' figures aside.
  for (const d of units.oldDistricts.slice(0, 200)) {
    await write(`${d},dialogues.held,2023,${20 + Math.floor(r() * 60)},,area,2023-12-31\n`);
    n++;
  }
  await new Promise((res) => w.end(res));
  return { lines: n, filed };
}

function run(cmd: string[], env: Record<string, string>): { code: number; out: string; err: string; rssKb: number; secs: number; cpu: number } {
  const r = spawnSync("/usr/bin/time", ["-f", "%M %e %U %S", ...cmd], { env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, cwd: ROOT });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const [rss, secs, user, sys] = last.split(" ").map(Number);
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr, rssKb: rss ?? 0, secs: secs ?? 0, cpu: (user ?? 0) + (sys ?? 0) };
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  // As `npm start` and `bin/danvan serve` run it (their young generation's size included).
  const child = spawn(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", "src/main.ts", "serve"], { env: { ...process.env, ...env, PORT: String(port) }, cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  await new Promise<void>((resolve, reject) => {
    let err = "";
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      if (err.includes("danvan đang chạy")) resolve();
    });
    child.once("exit", (c) => reject(new Error(`server exited ${c}: ${err.slice(-2000)}`)));
  });
  child.stderr!.resume();
  return child;
}

const rssOf = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

/** The CPU time (user + system, all threads) a process has used so far, in ms. */
const cpuMsOf = (pid: number) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
};

async function timed(runs: number, f: () => Promise<{ status: number; ms: number; body: string }>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await f();
    if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${r.body.slice(0, 300)}`);
    xs.push(r.ms);
  }
  return median(xs);
}

async function benchEngine(engine: "sqlite" | "postgres", units: Units, csv: string, lines: number, filed: string[]): Promise<{ out: Record<string, string>; got: Measured }> {
  const dir = join(opt.dir!, engine);
  mkdirSync(dir, { recursive: true });
  // A --dir of one's own gets a PostgreSQL database of its own too (benches run side by side).
  const tag = opt.dir === "/tmp/danvan-scale" ? "" : `${opt.dir!.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "").toLowerCase().slice(-20)}_`;
  const dbName = `danvan_scale_${tag}${N}`;
  const env: Record<string, string> = engine === "sqlite" ? { DANVAN_SQLITE: join(dir, `danvan-${N}.sqlite`) } : { DATABASE_URL: PG_BASE.replace(/\/[^/]*$/, `/${dbName}`) };
  Object.assign(env, { DANVAN_RATE_DASHBOARD: "0", DANVAN_RATE_IMPORT: "0", DANVAN_RATE_REPORTS: "0", DANVAN_PASSWORD_COST: "10", DANVAN_SIGNIN_MAX_FAILURES_IP: "100000" });
  const out: Record<string, string> = {};
  /** The same measures as numbers, for the goals' table. */
  const got: Measured = {};
  const marker = join(dir, `loaded-${N}`);
  /** A fresh database loaded through the CLI import: its time and the import process's peak RSS. */
  const load = async () => {
    if (engine === "sqlite") rmSync(env.DANVAN_SQLITE!, { force: true }), rmSync(`${env.DANVAN_SQLITE}-wal`, { force: true }), rmSync(`${env.DANVAN_SQLITE}-shm`, { force: true });
    else {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      await c.query(`drop database if exists ${dbName}`);
      await c.query(`create database ${dbName}`);
      await c.end();
    }
    const init = run([process.execPath, "--import", "tsx", "src/main.ts", "user-add", "--username", "bench", "--name", "Bench", "--role", "admin", "--unit", "VN"], { ...env, DANVAN_NEW_PASSWORD: PASSWORD });
    if (init.code !== 0) throw new Error(init.err);
    // As a user runs it: `danvan import` (the CLI bundle, built first so the build is not measured).
    run([process.execPath, "scripts/build-cli.mjs", "--quiet"], {});
    const imp = run(["bin/danvan", "import", csv], env);
    if (imp.code !== 0) throw new Error(imp.err.slice(-3000));
    return imp;
  };
  if (opt.only === "import") {
    // Only the import row: `--import-runs` fresh loads, medians of figures/s and peak RSS.
    const rates: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < Number(opt["import-runs"]); i++) {
      const imp = await load();
      rates.push(lines / imp.secs);
      rss.push(imp.rssKb / 1024);
      // On a shared machine the process's own CPU seconds say more than the clock (PostgreSQL's are not in them).
      console.log(`# ${engine} import ${i + 1}: ${fmt(lines / imp.secs)} figures/s (${imp.secs.toFixed(1)} s; ${imp.cpu.toFixed(1)} CPU-s in the import process), peak RSS ${fmt(imp.rssKb / 1024)} MB; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
      if (engine === "sqlite") {
        const f = sqliteFloor(env.DANVAN_SQLITE!, join(dir, "floor.sqlite"));
        const secs = (f.figuresMs + f.totalsMs + f.commitMs) / 1000;
        console.log(`#   SQLite alone, the same rows copied with the import's statements: figures ${(f.figuresMs / 1000).toFixed(1)} s, ${fmt(f.totals)} totals rows ${(f.totalsMs / 1000).toFixed(1)} s, commit ${(f.commitMs / 1000).toFixed(1)} s: ${secs.toFixed(1)} s, at most ${fmt(f.figures / secs)} figures/s`);
      }
    }
    out.import = `${fmt(median(rates))} figures/s, peak RSS ${fmt(median(rss))} MB (medians of ${rates.length})`;
    got.importPerSecond = median(rates);
    got.importRssMb = median(rss);
    writeFileSync(marker, out.import);
    writeFileSync(`${marker}.json`, JSON.stringify({ importPerSecond: got.importPerSecond, importRssMb: got.importRssMb }));
    return { out, got };
  }
  if (!opt.reuse || !existsSync(marker)) {
    const imp = await load();
    out.import = `${fmt(lines / imp.secs)} figures/s (${fmt(lines)} in ${imp.secs.toFixed(0)} s), peak RSS ${fmt(imp.rssKb / 1024)} MB`;
    got.importPerSecond = lines / imp.secs;
    got.importRssMb = imp.rssKb / 1024;
    writeFileSync(marker, out.import);
    writeFileSync(`${marker}.json`, JSON.stringify({ importPerSecond: got.importPerSecond, importRssMb: got.importRssMb }));
  } else {
    out.import = `${readFileSync(marker, "utf8")} (earlier run)`;
    // The earlier run's figures, when it kept them as numbers.
    if (existsSync(`${marker}.json`)) Object.assign(got, JSON.parse(readFileSync(`${marker}.json`, "utf8")) as Measured);
  }

  const port = 3900 + (engine === "sqlite" ? 1 : 2);
  const server = await startServer(env, port);
  try {
    const login = await new Promise<string>((resolve, reject) => {
      const data = Buffer.from(JSON.stringify({ username: "bench", password: PASSWORD }));
      const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/api/session", agent, headers: { "content-type": "application/json", "content-length": data.length } }, (res) => {
        res.resume();
        const c = res.headers["set-cookie"]?.[0]?.split(";")[0];
        c ? resolve(c) : reject(new Error(`sign-in ${res.statusCode}`));
      });
      req.on("error", reject);
      req.end(data);
    });
    const get = (path: string) => () => request(port, "GET", path, undefined, login);
    const countryDash = get(`/api/dashboard?unitId=${units.vnId}&period=2025`);
    const gl = get(`/api/dashboard?unitId=${units.giaLaiId}&period=2025`);
    const national = get(`/api/values?unitCode=VN&indicator=reception.turns&period=2025`);
    const glKids = get(`/api/values/children?unitCode=52&asOf=2025-12-31&indicator=reception.turns&period=2025`);
    await countryDash(); // warm the caches once, as a running server is
    const all = opt.only !== "saves" && opt.only !== "deadline";
    if (all) {
      let peakRss = 0;
      const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid!))), 50);
      out.countryDashboard = ms((got.countryDashboardMs = await timed(RUNS, countryDash)));
      clearInterval(rssTimer);
      // Dashboards quicker than the timer's period would leave no sample.
      peakRss = Math.max(peakRss, rssOf(server.pid!));
      out.serverRss = `${fmt((got.serverRssMb = peakRss))} MB`;
      out.nationalTotal = ms((got.nationalTotalMs = await timed(RUNS * 3, national)));
      out.giaLaiDashboard = ms((got.giaLaiDashboardMs = await timed(RUNS, gl)));
      out.giaLaiCommunes = ms((got.giaLaiCommunesMs = await timed(RUNS * 3, glKids)));
      // The same question right after a save of what it counts (phường Quy Nhơn's December): the
      // communes' totals are computed again, not taken from what the server kept.
      const afterSave: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const saved = await request(port, "POST", "/api/figures", { unitCode: "21583", asOf: "2025-12-31", indicator: "reception.turns", period: "202512", value: 20 + i }, login);
        if (saved.status !== 200) throw new Error(`save ${saved.status}: ${saved.body.slice(0, 300)}`);
        const r = await glKids();
        if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${r.body.slice(0, 300)}`);
        afterSave.push(r.ms);
      }
      out.giaLaiCommunesAfterSave = ms(median(afterSave));
      // /health while country dashboards run back to back.
      let busy = true;
      const background = (async () => {
        while (busy) await countryDash();
      })();
      const health: number[] = [];
      const tEnd = performance.now() + 3000;
      while (performance.now() < tEnd) {
        health.push((await request(port, "GET", "/health")).ms);
        await new Promise((r) => setTimeout(r, 20));
      }
      busy = false;
      await background;
      out.healthDuringDashboard = `median ${ms((got.healthMedianMs = median(health)))}, max ${ms(Math.max(...health))}`;
    }
    // Saves with C clients for S seconds, and a national read during them; `--save-runs` times (the
    // row gives the median run by saves/s, each run's rate and the server's CPU per save after it).
    const r = rng(99);
    /**
     * A save of a month of 2026 by a random new commune among those holding figures, as on a
     * deadline day: it replaces a month with the year's other months beside it. (Communes without
     * figures, most of them below the full shape, saved into empty years: a cheaper save.)
     */
    const save = () => ({
      unitCode: filed[Math.floor(r() * filed.length)]!, asOf: "2026-11-30", indicator: FREE[Math.floor(r() * FREE.length)]!,
      period: `2026${String(1 + Math.floor(r() * 11)).padStart(2, "0")}`, value: Math.floor(r() * 50),
    });
    const closedRun = async () => {
      const lat: number[] = [];
      const reads: number[] = [];
      let errors = 0;
      const stopAt = performance.now() + SECONDS * 1000;
      const client = async () => {
        while (performance.now() < stopAt) {
          const res = await request(port, "POST", "/api/figures", save(), login);
          if (res.status !== 200) errors++;
          else lat.push(res.ms);
        }
      };
      const reader = (async () => {
        while (performance.now() < stopAt) {
          reads.push((await national()).ms);
          await new Promise((res) => setTimeout(res, 50));
        }
      })();
      // The clients' connections are opened first, as a server in use has them: 200 connections opened
      // in the same instant add seconds to the first requests (measured), which is not a save's cost.
      await Promise.all(Array.from({ length: CLIENTS }, () => request(port, "GET", "/health")));
      const cpu0 = cpuMsOf(server.pid!);
      const t0 = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, client));
      const secs = (performance.now() - t0) / 1000;
      const cpu = (cpuMsOf(server.pid!) - cpu0) / Math.max(1, lat.length);
      await reader;
      return { rate: lat.length / secs, lat, reads, errors, cpu };
    };
    const deadline = () => overload(port, login, Math.round(RATE[engine] * 1.25), SECONDS, OVERLOAD_CONNECTIONS, save);
    if (opt.only === "deadline") {
      out.overload = await deadline();
      return { out, got };
    }
    const runs: Array<Awaited<ReturnType<typeof closedRun>>> = [];
    for (let i = 0; i < SAVE_RUNS; i++) runs.push(await closedRun());
    const mid = [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)]!;
    const each = runs.length > 1 ? `; runs ${runs.map((x) => `${fmt(x.rate)}/s (${x.cpu.toFixed(2)} ms)`).join(", ")}` : "";
    out.saves = `${fmt(mid.rate)}/s, p50 ${ms(pct(mid.lat, 0.5))}, p99 ${ms(pct(mid.lat, 0.99))}, max ${ms(Math.max(...mid.lat))}, server CPU ${mid.cpu.toFixed(2)} ms a save${mid.errors ? `, ${mid.errors} errors` : ""}${each}`;
    out.readDuringWrites = `median ${ms(median(mid.reads))}, max ${ms(Math.max(...mid.reads))}`;
    Object.assign(got, { savesPerSecond: mid.rate, savesP99Ms: pct(mid.lat, 0.99), readDuringWritesMs: median(mid.reads) });
    if (all) {
      out.savesOffered = await offeredSaves(port, login, RATE[engine], SECONDS, CLIENTS, save);
      out.overload = await deadline();
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  return { out, got };
}

async function main() {
  mkdirSync(opt.dir!, { recursive: true });
  const unitsDb = join(opt.dir!, "units.sqlite");
  if (!existsSync(unitsDb)) {
    const r = run([process.execPath, "--import", "tsx", "src/main.ts", "init"], { DANVAN_SQLITE: unitsDb });
    if (r.code !== 0) throw new Error(r.err);
  }
  const units = readUnits(unitsDb);
  const csv = join(opt.dir!, `figures-${N}.csv`);
  const countFile = `${csv}.lines`;
  const filedFile = `${csv}.communes`;
  let lines: number;
  let filed: string[];
  if (!existsSync(countFile) || !existsSync(filedFile)) {
    ({ lines, filed } = await generate(csv, units));
    writeFileSync(countFile, String(lines));
    writeFileSync(filedFile, filed.join("\n"));
  } else (lines = Number(readFileSync(countFile, "utf8"))), (filed = readFileSync(filedFile, "utf8").split("\n"));
  console.log(`# ${fmt(lines)} figures (${units.oldCommunes.length} old and ${units.newCommunes.length} new communes, ${INDICATORS.length} indicators, monthly, breakdowns, area totals); saves by the ${filed.length} new communes holding figures; ${CLIENTS} clients; load average at start ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  const rows: Array<[string, string]> = [
    ["country dashboard, one year", "countryDashboard"], ["one national total (one indicator, one year)", "nationalTotal"], ["Gia Lai dashboard (province)", "giaLaiDashboard"],
    ["Gia Lai by its communes", "giaLaiCommunes"], ["Gia Lai by its communes, right after a save there", "giaLaiCommunesAfterSave"], ["/health while the country dashboard runs", "healthDuringDashboard"], [`saves over HTTP, ${CLIENTS} concurrent clients`, "saves"], ["saves arriving at the goal's rate (open load)", "savesOffered"],
    ["a deadline day past capacity (1.25 × that rate, one connection per user)", "overload"],
    ["a national read during those writes", "readDuringWrites"], ["CSV import", "import"], ["server RSS during the country dashboard", "serverRss"],
  ];
  const results: Record<string, Record<string, string>> = {};
  const measured: Partial<Record<"sqlite" | "postgres", Measured>> = {};
  for (const engine of opt.engines!.split(",") as Array<"sqlite" | "postgres">) {
    const r = await benchEngine(engine, units, csv, lines, filed);
    results[engine] = r.out;
    measured[engine] = r.got;
    console.log(`# ${engine} done; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  }
  const engines = Object.keys(results);
  console.log(`\n| measure at ${fmt(lines)} figures | ${engines.join(" | ")} |\n|---|${engines.map(() => "---").join("|")}|`);
  for (const [label, key] of rows) console.log(`| ${label} | ${engines.map((e) => results[e]![key] ?? "—").join(" | ")} |`);
  console.log(`\n${goalTable(measured, lines)}`);
  console.log(`\nload average at end: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  agent.destroy();
}

await main();
