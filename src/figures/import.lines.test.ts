import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { Readable } from "node:stream";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { DomainError } from "../core/errors.ts";
import { categoryIndex } from "./figure.input.ts";
import { importHash } from "./exchange.service.ts";
import { importChunks } from "./import.service.ts";
import { checkedOnThread } from "./import.lines.ts";
import type { Checked } from "./import.checker.ts";
import { indicatorMap } from "../indicators/indicator.service.ts";

/** A CSV of `n` monthly lines over old communes, with estimates, area totals and comments here and there; `extra` appended. */
function csv(codes: string[], n: number, extra = ""): string {
  const out = ["unit_code,indicator,period,value,kind,status,comment,as_of"];
  let k = 0;
  outer: for (const ind of ["reception.turns", "dialogues.held"]) {
    for (let m = 1; m <= 12; m++) {
      for (const c of codes) {
        out.push(`${c},${ind},2024${String(m).padStart(2, "0")},${(k * 7) % 13},own,${k % 5 ? "reported" : "estimated"},${k % 9 ? "" : `"ghi chú, dòng ${k}"`},2024-12-31`);
        if (++k >= n) break outer;
      }
    }
  }
  return out.join("\n") + "\n" + extra;
}
/** The text as a network body or a file arrives: 64 KB pieces. */
const pieces = (text: string) => Readable.from((function* () { for (let i = 0; i < text.length; i += 65536) yield Buffer.from(text.slice(i, i + 65536)); })());

describeEachDatabase("an import read and checked on a thread of its own", (get) => {
  let ctx: Ctx;
  let codes: string[];
  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    codes = [...h.all()].filter((u) => u.level === "commune" && u.validTo === "2025-06-30").map((u) => u.code).slice(0, 1000);
  });
  const run = (text: string, thread: boolean, dryRun = false) => {
    const hash = importHash();
    return importChunks(ctx, SYSTEM, { csv: pieces(text), hash, thread }, "csv", () => hash.digest("hex"), undefined, { dryRun });
  };
  const refused = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      assert.ok(e instanceof DomainError, String(e));
      return { code: e.code, details: e.details };
    }
    assert.fail("the import was not refused");
  };

  test("bad lines get the errors they get here, line for line: a repeat chunks apart, a repeat within a chunk, an unknown unit, a bad value", async () => {
    const bad = csv(codes, 12_000, `${codes[0]},reception.turns,202401,5,own,reported,,2024-12-31\n${codes[1]},dialogues.held,202412,1,own,reported,,2024-12-31\n${codes[1]},dialogues.held,202412,2,own,reported,,2024-12-31\n99999,reception.turns,202401,1,own,reported,,2024-12-31\n${codes[2]},reception.turns,202401,1.2.3,own,reported,,2024-12-31\n`);
    const there = await refused(run(bad, true));
    assert.equal(there.code, "IMPORT_INVALID");
    assert.deepEqual(there, await refused(run(bad, false)));
    const errors = (there.details as { errors: Array<{ code: string }> }).errors.map((e) => e.code);
    // Line 2's key again (two chunks later), a key repeated in the last chunk, an unknown unit, a bad value.
    assert.deepEqual(errors, ["DUPLICATE_LINE", "DUPLICATE_LINE", "UNIT_NOT_FOUND", "VALUE_INVALID"]);
  });

  test("a file read there stores what a file read here stores: read again here, every line is unchanged", async () => {
    const text = csv(codes, 11_000);
    const r = await run(text, true);
    assert.equal(r.inserted, 11_000);
    const again = await run(text, false, true);
    assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 11_000]);
  });

  test("a file that is not UTF-8 is refused as it is here (TEXT_INVALID), nothing written", async () => {
    const hash = importHash();
    const bytes = Buffer.concat([Buffer.from(`unit_code,indicator,period,value\n${codes[0]},reception.turns,202402,1\n`), Buffer.from([0xff, 0xfe, 0x0a])]);
    const there = await refused(importChunks(ctx, SYSTEM, { csv: [bytes], hash, thread: true }, "csv", () => hash.digest("hex")));
    assert.equal(there.code, "TEXT_INVALID");
  });

  test("the command line's bundle checks the lines as the sources do", async () => {
    const h = await hierarchyOf(ctx);
    const init = { actor: SYSTEM, today: ctx.today(), indicators: await indicatorMap(ctx.db), categories: await categoryIndex(ctx.db), locked: new Set<string>(), chunkLines: 5000 };
    const text = csv(codes, 6_000, `99999,reception.turns,202401,1,own,reported,,2024-12-31\n`);
    const read = async (at?: URL) => {
      const out: string[] = [];
      for await (const c of checkedOnThread(h, init, pieces(text), { update: () => undefined }, at) as AsyncIterable<Checked>) {
        out.push(`${c.lines}:${c.good.map((g) => `${g.line}|${g.key}|${g.f.value}|${g.f.status}|${g.f.comment}`).join(";")}:${c.bad.map((b) => `${b.line}|${(b.error as DomainError).code}`).join(";")}`);
      }
      return out;
    };
    const fromSources = await read();
    assert.equal(fromSources.length, 2, "two chunks");
    execFileSync(process.execPath, ["scripts/build-cli.mjs", "--quiet"]);
    assert.deepEqual(await read(new URL("../../dist/cli/import-lines.js", import.meta.url)), fromSources);
  });
});
