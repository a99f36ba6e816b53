import { test, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describeEachDatabase, PG_URL } from "../test-support/db.ts";
import { openDatabase } from "../db/database.ts";
import { loadConfig } from "../config.ts";
import { seededContext, figureCount } from "../test-support/fixture.ts";
import { hierarchyOf, makeContext, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { csvChunks, importHash } from "./exchange.service.ts";
import { importChunks } from "./import.service.ts";
import { rollupValue } from "./rollup.service.ts";
import { rebuildTotals } from "../totals/totals.rebuild.ts";
import { DomainError } from "../core/errors.ts";
import { saveFigures } from "./figure.service.ts";
import { sql } from "kysely";

/** A CSV of monthly figures for `n` old communes' lines, streamed in small pieces like a network body. */
function csv(codes: string[], lines: number, extra = ""): { text: string; stream: () => Readable } {
  const out = ["unit_code,indicator,period,value,as_of"];
  let n = 0;
  outer: for (const ind of ["reception.turns", "dialogues.held", "mediation.cases"]) {
    for (let m = 1; m <= 12; m++) {
      for (const c of codes) {
        out.push(`${c},${ind},2024${String(m).padStart(2, "0")},${(n * 7) % 13},2024-12-31`);
        if (++n >= lines) break outer;
      }
    }
  }
  const text = out.join("\n") + "\n" + extra;
  return { text, stream: () => Readable.from((function* () { for (let i = 0; i < text.length; i += 65536) yield Buffer.from(text.slice(i, i + 65536)); })()) };
}

describeEachDatabase("streaming import", (get) => {
  let ctx: Ctx;
  let codes: string[];

  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    codes = [...h.all()].filter((u) => u.level === "commune" && u.validTo === "2025-06-30").map((u) => u.code).slice(0, 2000);
  });

  const run = (s: Readable) => {
    const hash = importHash();
    return importChunks(ctx, SYSTEM, csvChunks(s, hash), "csv", () => hash.digest("hex"));
  };

  test("a bad line at the end of a big file: every error reported, nothing written", async () => {
    const { stream } = csv(codes, 60_000, `${codes[0]},reception.turns,202401,5,2024-12-31\n99999,reception.turns,202401,1,2024-12-31\n`);
    await assert.rejects(run(stream()), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, "IMPORT_INVALID");
      const d = e.details as { errors: Array<{ line: number; code: string; message: string }>; errorCount: number };
      assert.equal(d.errorCount, 2);
      assert.equal(d.errors[0]!.code, "DUPLICATE_LINE", "the same key as line 2, many chunks earlier");
      assert.match(d.errors[0]!.message, /dòng 2\b/);
      assert.equal(d.errors[1]!.code, "UNIT_NOT_FOUND");
      return true;
    });
    assert.equal(await figureCount(ctx), 0);
  });

  test("comments come back exactly as the file has them: tabs, line breaks, backslashes, \\N", async () => {
    const comments = ["tab\there", "hai dòng\nmột ghi chú", "C:\\bao-cao\\2024", "\\N", "a\r\nb \\t cuối"];
    const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
    const text = ["unit_code,indicator,period,value,comment,as_of", ...comments.map((c, i) => `${codes[i]},docs.issued,202402,${i + 1},${q(c)},2024-12-31`)].join("\n") + "\n";
    const r = await run(Readable.from([Buffer.from(text)]));
    assert.equal(r.inserted, comments.length);
    const rows = await ctx.db.selectFrom("figures").select(["value", "comment"]).where("indicator", "=", "docs.issued").where("period", "=", "202402").orderBy("value").execute();
    assert.deepEqual(rows.map((x) => x.comment), comments);
    await ctx.db.deleteFrom("figures").where("indicator", "=", "docs.issued").execute();
    await rebuildTotals(ctx);
  });

  /** PostgreSQL: how often figures' statistics were taken, once the server's counters show `inserted` rows inserted into it (they reach the view within a second). */
  const pgStats = async (inserted = 0) => {
    for (let i = 0; ; i++) {
      await sql`select pg_stat_clear_snapshot()`.execute(ctx.db);
      const r = await sql<{ analyses: string; ins: string }>`select analyze_count as analyses, n_tup_ins as ins from pg_stat_user_tables where relid = 'figures'::regclass`.execute(ctx.db);
      const now = { analyses: Number(r.rows[0]!.analyses), inserted: Number(r.rows[0]!.ins) };
      if (now.inserted >= inserted || i > 50) return now;
      await new Promise((res) => setTimeout(res, 100));
    }
  };

  test("a write that fails in the middle of a file ends the import with its error, nothing written, and the rest of the file is not read (the import answered only at the end of the file, and never for a file without end)", async () => {
    const database = get();
    if (database.dialect === "sqlite") await sql`create trigger boom before insert on figures when new.value = 424242 begin select raise(abort, 'boom'); end`.execute(ctx.db);
    else {
      await sql`create function boom() returns trigger language plpgsql as $$ begin if new.value = 424242 then raise exception 'boom'; end if; return new; end $$`.execute(ctx.db);
      await sql`create trigger boom before insert on figures for each row execute function boom()`.execute(ctx.db);
    }
    try {
      const before = await figureCount(ctx);
      let read = 0;
      // A file that never ends: an import that waited for its end would never answer.
      async function* endless() {
        yield `unit_code,indicator,period,value\n${codes[0]},reception.turns,202311,424242\n`;
        for (let i = 0; ; i++) {
          read++;
          yield Array.from({ length: 100 }, (_, k) => `${codes[(i * 100 + k) % codes.length]},dialogues.held,2023${String(1 + (i % 12)).padStart(2, "0")},1\n`).join("");
        }
      }
      const hash = importHash();
      await assert.rejects(importChunks(ctx, SYSTEM, csvChunks(endless(), hash), "csv", () => hash.digest("hex")), /boom/);
      assert.equal(await figureCount(ctx), before);
      const after = read;
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(read, after, "the file is no longer read");
    } finally {
      await sql`drop trigger boom${sql.raw(database.dialect === "sqlite" ? "" : " on figures")}`.execute(ctx.db);
      if (database.dialect === "postgres") await sql`drop function boom()`.execute(ctx.db);
    }
  });

  test("a big file streams in, and its totals are what a rebuild gives", async () => {
    const { stream, text } = csv(codes, 60_000);
    const pg = ctx.database.dialect === "postgres";
    const before = pg ? await pgStats() : null;
    const r = await run(stream());
    assert.equal(r.lines, 60_000);
    assert.equal(r.inserted, 60_000);
    if (before) {
      // Statistics taken while the import fills the table (at 20,000 and 40,000 lines), besides the
      // vacuum after it: planned from the empty table's, each chunk's reads scanned the whole table.
      const after = await pgStats(before.inserted + 60_000);
      assert.equal(after.analyses - before.analyses, 3);
    }
    const sum = text.split("\n").slice(1).filter(Boolean).filter((l) => l.includes(",reception.turns,")).reduce((s, l) => s + Number(l.split(",")[3]), 0);
    const v = await rollupValue(ctx, SYSTEM, { unitCode: "VN", indicator: "reception.turns", period: "2024" });
    assert.equal(v.value, sum);
    const snap = async () => (await ctx.db.selectFrom("totals").selectAll().orderBy(["indicator", "period", "structure", "unit_id", "disagg"]).execute()).map((x) => JSON.stringify(x));
    const kept = await snap();
    await rebuildTotals(ctx);
    assert.deepEqual(await snap(), kept);
    const again = await run(csv(codes, 100).stream());
    assert.equal(again.inserted, 0, "a second import of the same keys adds nothing");
    assert.equal(again.updated + again.unchanged, 100, "each line either changes its figure or leaves it as it was");
  });
});

test("the command-line import keeps its memory flat: 200,000 lines under a 128 MB heap (the whole file in memory needs far more)", { timeout: 600_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "danvan-import-"));
  const file = join(dir, "big.csv");
  const db = join(dir, "db.sqlite");
  const init = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "init"], { env: { ...process.env, DANVAN_SQLITE: db }, encoding: "utf8" });
  assert.equal(init.status, 0, init.stderr);
  const codes = spawnSync(process.execPath, ["-e", `const D=require("better-sqlite3");const d=new D(${JSON.stringify(db)});console.log(d.prepare("select code from units where level='commune' and valid_to='2025-06-30' limit 5000").all().map(r=>r.code).join(","))`], { encoding: "utf8" }).stdout.trim().split(",");
  const w = createWriteStream(file);
  w.write("unit_code,indicator,period,value,as_of\n");
  let n = 0;
  for (const ind of ["reception.turns", "reception.people", "dialogues.held", "mediation.cases"]) {
    for (let m = 1; m <= 12 && n < 200_000; m++) {
      for (const c of codes) {
        if (n++ >= 200_000) break;
        w.write(`${c},${ind},2024${String(m).padStart(2, "0")},${n % 17},2024-12-31\n`);
      }
    }
  }
  await new Promise((r) => w.end(r));
  const r = spawnSync(process.execPath, ["--max-old-space-size=128", "--import", "tsx", "src/main.ts", "import", file], { env: { ...process.env, DANVAN_SQLITE: db }, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr.slice(-2000));
  assert.match(r.stdout, /Đã nhập 200000 dòng \(200000 mới, 0 thay đổi, 0 giữ nguyên\)/);
  writeFileSync(join(dir, "done"), "");
});

describeEachDatabase("a big import beside saves", (get, dialect) => {
  // SQLite has one writer: no save runs while an import's transaction is open.
  if (dialect === "sqlite") return;
  test("a save of an indicator-year that a big import recomputes waits for the import's commit, so the totals equal a rebuild", async () => {
    const ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    const code = [...h.all()].find((u) => u.level === "commune" && u.validTo === "2025-06-30")!.code;
    // The import pauses after its totals are recomputed, when it records its line count.
    await sql`create function danvan_test_pause() returns trigger language plpgsql as $$ begin perform pg_sleep(3); return new; end $$`.execute(ctx.db);
    await sql`create trigger danvan_test_pause before update on import_batches for each row execute function danvan_test_pause()`.execute(ctx.db);
    // A second handle on the same database, as another server or the server beside a command-line
    // import (within one process an import runs alone in the committer); ready before the import.
    const other = openDatabase({ url: PG_URL!, pgSchema: get().schema! });
    const octx = makeContext(other, loadConfig({ DANVAN_PASSWORD_COST: "10" }), () => "2026-11-25");
    await hierarchyOf(octx);
    // The year's own figure, imported as a big import would (its indicator-year recomputed at the end)…
    const text = `unit_code,indicator,period,value,as_of\n${code},reception.turns,2024,100,2024-12-31\n`;
    const hash = importHash();
    const imported = importChunks(ctx, SYSTEM, csvChunks(Readable.from([Buffer.from(text)]), hash), "csv", () => hash.digest("hex"), undefined, { bulkAfter: 0 });
    const paused = async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where wait_event = 'PgSleep' and query like '%import_batches%'`.execute(ctx.db)).rows[0]!.n > 0;
    for (let i = 0; i < 200 && !(await paused()); i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(await paused(), "the import reached its pause");
    // …and a month of the same unit-year saved meanwhile: the year's own figure stands for the year.
    try {
      await Promise.all([imported, saveFigures(octx, SYSTEM, [{ unitCode: code, asOf: "2024-12-31", indicator: "reception.turns", period: "202403", value: 7 }])]);
    } finally {
      await other.close();
    }
    const q = { unitCode: "VN", indicator: "reception.turns", period: "2024" };
    const kept = (await rollupValue(ctx, SYSTEM, q)).value;
    await rebuildTotals(ctx);
    assert.equal(kept, (await rollupValue(ctx, SYSTEM, q)).value, "the kept national total is what a rebuild gives");
    assert.equal(kept, 100, `kept ${kept}`);
  });

  test("two servers saving the same indicator-years in opposite orders never deadlock, and the totals equal a rebuild", async () => {
    const ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    const [a, b] = [...h.all()].filter((u) => u.level === "commune" && u.validTo === "2025-06-30").map((u) => u.code);
    // Server A's first figure (value 777) pauses its insert: A has written nothing else yet, while B
    // saves both indicators in the other order. Taking each indicator-year as its save came (A holds
    // reception.turns, B dialogues.held, each then asking for the other's) deadlocked here.
    await sql`create function danvan_test_pause_insert() returns trigger language plpgsql as $$ begin perform pg_sleep(1.5); return new; end $$`.execute(ctx.db);
    await sql`create trigger danvan_test_pause_insert before insert on figures for each row when (new.value = 777) execute function danvan_test_pause_insert()`.execute(ctx.db);
    const other = openDatabase({ url: PG_URL!, pgSchema: get().schema! });
    const octx = makeContext(other, loadConfig({ DANVAN_PASSWORD_COST: "10" }), () => "2026-11-25");
    await hierarchyOf(octx);
    const deadlocks = async () => (await sql<{ n: number }>`select deadlocks::int as n from pg_stat_database where datname = current_database()`.execute(ctx.db)).rows[0]!.n;
    const before = await deadlocks();
    const fig = (unitCode: string, indicator: string, value: number) => ({ unitCode, asOf: "2024-12-31", indicator, period: "202405", value });
    try {
      const first = saveFigures(ctx, SYSTEM, [fig(a!, "reception.turns", 777), fig(a!, "dialogues.held", 3)]);
      const paused = async () => (await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where wait_event = 'PgSleep'`.execute(ctx.db)).rows[0]!.n > 0;
      for (let i = 0; i < 200 && !(await paused()); i++) await new Promise((r) => setTimeout(r, 10));
      await Promise.all([first, saveFigures(octx, SYSTEM, [fig(b!, "dialogues.held", 5), fig(b!, "reception.turns", 4)])]);
    } finally {
      await other.close();
    }
    // pg_stat_database is updated by the statistics collector after the transactions end.
    await sql`select pg_stat_clear_snapshot()`.execute(ctx.db);
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(await deadlocks(), before, "no deadlock was detected");
    for (const indicator of ["reception.turns", "dialogues.held"]) {
      const q = { unitCode: "VN", indicator, period: "2024" };
      const kept = (await rollupValue(ctx, SYSTEM, q)).value;
      await rebuildTotals(ctx);
      assert.equal(kept, (await rollupValue(ctx, SYSTEM, q)).value, `${indicator}: the kept national total is what a rebuild gives`);
    }
  });
});
