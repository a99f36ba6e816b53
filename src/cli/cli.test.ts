/**
 * The command line's edge: the same refusals as the API (TEXT_INVALID, DATE_INVALID, the password
 * policy) with exit code 2, and nothing written.
 */
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { runCli } from "./cli.ts";
import { loadConfig } from "../config.ts";
import { hierarchyOf, inTransaction } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { FEATURES, loadFigureSources } from "../features.ts";
import { REGISTER_NAMES } from "../registers/help.ts";
import { REGISTER_KEYS } from "../registers/records.ts";
import { openConfigured } from "./open.ts";
import { createRecord } from "../registers/record.service.ts";
import { writeTotalsState } from "../totals/totals.rebuild.ts";

let dir: string;
let env: Record<string, string | undefined>;

async function run(argv: string[], stdin = "", extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: "", stderr: "" };
  const code = await runCli(argv, { ...env, ...extraEnv }, { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), readStdin: async () => Buffer.from(stdin) });
  return { code, ...out };
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "danvan-cli-"));
  env = { DANVAN_SQLITE: join(dir, "db.sqlite"), DANVAN_PASSWORD_COST: "10" };
  assert.equal((await run(["init"])).code, 0);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `danvan ARGS` from the sources and reports which feature commands and routes got loaded in the process. */
function loadedBy(args: string[]): { code: number | null; stdout: string; commands: string[]; routes: number } {
  const probe = join(dir, "probe.mjs");
  writeFileSync(probe, `import { extraCommands, extraRoutes } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, "../plugins.ts")).href)};
process.on("exit", () => process.stderr.write("\\nPROBE " + JSON.stringify({ commands: Object.keys(extraCommands), routes: extraRoutes.length }) + "\\n"));\n`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--import", pathToFileURL(probe).href, join(import.meta.dirname, "../main.ts"), ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  const seen = /^PROBE (.*)$/m.exec(r.stderr);
  assert.ok(seen, r.stderr);
  return { code: r.status, stdout: r.stdout, ...(JSON.parse(seen[1]!) as { commands: string[]; routes: number }) };
}

test("help lists every feature's commands without loading any feature (a feature command loads its own)", () => {
  const help = loadedBy(["help"]);
  assert.equal(help.code, 0);
  for (const c of FEATURES.flatMap((f) => f.commands)) assert.match(help.stdout, new RegExp(`^  ${c} `, "m"), `${c} in help`);
  assert.deepEqual(help.commands, [], "no feature's commands loaded");
  assert.equal(help.routes, 0, "no feature's routes loaded");
  // The probe sees what a command loads: `reminders` (its usage) loads the inbox and nothing else.
  const one = loadedBy(["reminders"]);
  assert.equal(one.code, 2);
  assert.deepEqual(one.commands, ["reminders"]);
});

test("the registers' help names every register", () => {
  assert.equal(REGISTER_NAMES, REGISTER_KEYS.join(", "));
});

test("import: a NUL in the file is refused like an upload (exit 2, TEXT_INVALID, the line), nothing imported", async () => {
  const bad = await run(["import", "-", "--format", "csv"], "unit_code,indicator,period,value,comment\n25288,mediation.cases,2024Q3,4,a\u0000b\n");
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stderr, /TEXT_INVALID.*dòng 2/);
  const count = await run(["value", "--unit", "25288", "--indicator", "mediation.cases", "--period", "2024Q3"]);
  assert.equal(count.stdout.trim(), "");
  const good = await run(["import", "-", "--format", "csv"], "unit_code,indicator,period,value\n25288,mediation.cases,2024Q3,4\n");
  assert.equal(good.code, 0, good.stderr);
});

test("import --dry-run lists what would change and writes nothing", async () => {
  const dry = await run(["import", "-", "--format", "csv", "--dry-run"], "unit_code,indicator,period,value\n25288,mediation.cases,2024Q3,7\n25288,mediation.cases,2024Q4,2\n");
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /Chạy thử, chưa ghi gì: 2 dòng sẽ có 1 mới, 1 thay đổi, 0 giữ nguyên/);
  assert.match(dry.stdout, /25288 mediation.cases 2024Q3: 4 → 7/);
  const kept = await run(["value", "--unit", "25288", "--indicator", "mediation.cases", "--period", "2024Q3"]);
  assert.equal(kept.stdout.trim(), "4");
});

test("bin/danvan import with a heap cap that is no number: exit 2, a Vietnamese reason, nothing imported; with a cap the import runs", () => {
  const danvan = (heap: string, value: string) => spawnSync(join(import.meta.dirname, "../../bin/danvan"), ["import", "-", "--format", "csv"], {
    input: `unit_code,indicator,period,value\n25288,mediation.cases,2024Q1,${value}\n`, env: { ...process.env, ...env, DANVAN_TSX: "1", DANVAN_IMPORT_HEAP_MB: heap }, encoding: "utf8",
  });
  const bad = danvan("nhiều", "3");
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /DANVAN_IMPORT_HEAP_MB phải là một số nguyên/);
  const ok = danvan("128", "5");
  assert.equal(ok.status, 0, ok.stderr);
  const v = spawnSync(join(import.meta.dirname, "../../bin/danvan"), ["value", "--unit", "25288", "--indicator", "mediation.cases", "--period", "2024Q1"], { env: { ...process.env, ...env, DANVAN_TSX: "1" }, encoding: "utf8" });
  assert.equal(v.stdout.trim(), "5", "the capped import wrote its line; the refused one nothing");
});

test("date options are real days: --as-of 2026-02-30 or 9999-99-99 is exit 2 with DATE_INVALID", async () => {
  for (const argv of [
    ["value", "--unit", "52", "--indicator", "reception.turns", "--period", "2024", "--as-of", "2026-02-30"],
    ["export", "--unit", "52", "--period", "2024", "--as-of", "9999-99-99"],
  ]) {
    const r = await run(argv);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /DATE_INVALID.*--as-of/);
  }
});

test("user-add applies the password policy (exit 2, Vietnamese reason) and creates nobody", async () => {
  const weak = await run(["user-add", "--username", "canbo.moi", "--name", "Cán bộ mới", "--role", "viewer", "--unit", "52"], "", { DANVAN_NEW_PASSWORD: "matkhau123" });
  assert.equal(weak.code, 2, weak.stderr);
  assert.match(weak.stderr, /phổ biến/);
  const ok = await run(["user-add", "--username", "canbo.moi", "--name", "Cán bộ mới", "--role", "viewer", "--unit", "52"], "", { DANVAN_NEW_PASSWORD: "ba-con-ca-vang-bo-loi" });
  assert.equal(ok.code, 0, ok.stderr);
});

test("value, run as a user runs it: from the maintained totals, and computed afresh with the registers' counts when the totals cannot answer", async () => {
  await loadFigureSources();
  const ctx = await openConfigured(loadConfig(env));
  try {
    const unitId = (await hierarchyOf(ctx)).resolveCode("25288", "2024-12-31").id;
    await createRecord(ctx, SYSTEM, "reception", { unitId, kind: "dialogue", date: "2024-08-10", leaderName: "Lê Văn B", leaderTitle: "bi_thu", participants: "Nhân dân thôn 3" });
  } finally {
    await ctx.database.close();
  }
  // A new process, as ./bin/danvan starts one (the sources through tsx: the bundle is bin/danvan's business).
  const value = () => execFileSync(join(import.meta.dirname, "../../bin/danvan"), ["value", "--unit", "25288", "--indicator", "dialogues.held", "--period", "2024Q3"], { env: { ...process.env, ...env, DANVAN_TSX: "1" }, encoding: "utf8" }).trim();
  assert.equal(value(), "1", "from the totals");
  const again = await openConfigured(loadConfig(env));
  try {
    await inTransaction(again, (tx) => writeTotalsState(tx, { ready: false, epoch: "" }));
  } finally {
    await again.database.close();
  }
  assert.equal(value(), "1", "afresh: the dialogue in the register still counts");
});
