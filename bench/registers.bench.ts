/**
 * Registers benchmark (not a test): how long the overdue-petition list takes for a province with
 * 100,000 petitions (plus petitions of other provinces), median ms over several runs; SQLite,
 * and PostgreSQL when DANVAN_TEST_PG_URL is set. Deadlines are stored
 * at write time and the list reads them through a partial index on open petitions' due date.
 * Usage: npm run bench:registers [-- --rows 100000 --runs 7]
 */
import { parseArgs } from "node:util";
import { freshDatabase, PG_URL } from "../src/test-support/db.ts";
import { seededContext } from "../src/test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../src/context.ts";
import { SYSTEM } from "../src/accounts/actor.ts";
import type { Database } from "../src/db/database.ts";
import { petitionRow, type PetitionDraft } from "../src/registers/petition.service.ts";
import { overduePetitions } from "../src/registers/petition.queries.ts";
import { DEFAULT_DEADLINE_RULES, PETITION_TYPES } from "../src/registers/petition-rules.ts";
import { addDays, workCalendar } from "../src/registers/calendar.ts";
import { VN_LUNAR } from "../src/registers/lunar.ts";

const { values } = parseArgs({ options: { rows: { type: "string", default: "100000" }, others: { type: "string", default: "20000" }, runs: { type: "string", default: "7" } } });
const ROWS = Number(values.rows);
const OTHERS = Number(values.others);
const RUNS = Number(values.runs);
const TODAY = "2026-11-25";
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Writes n petitions spread over the given communes: about 1 in 8 still open, most of those overdue. */
async function fill(ctx: Ctx, communes: number[], n: number, seed: number): Promise<void> {
  const cal = workCalendar({ extraDaysOff: [], extraWorkdays: [] }, VN_LUNAR);
  let batch: Array<ReturnType<typeof petitionRow>> = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++) {
      const k = (i * 7919 + seed) % 1_000_003;
      const received = addDays("2025-07-01", k % 500);
      const open = k % 8 === 0;
      const accepted = k % 3 === 0 ? addDays(received, 5) : null;
      const decided = !open && accepted ? addDays(accepted, 20 + (k % 30)) : null;
      const p: PetitionDraft = {
        unitId: communes[k % communes.length]!, number: `${i}`, type: PETITION_TYPES[k % 4]!, receivedOn: received, petitioner: `Công dân ${i}`,
        address: null, phone: null, content: "Nội dung đơn", complexity: k % 5 === 0 ? "complex" : "normal", remote: k % 7 === 0, manyPeople: false, secondTime: false,
        withdrawn: false, state: open ? (accepted ? "verifying" : "received") : decided ? "decided" : "not_accepted", classifiedOn: null, acceptedOn: accepted,
        notAcceptedReason: open || decided ? null : "Không thuộc thẩm quyền", transferredTo: null, notifiedOn: accepted, extensions: [], verifyingOn: null,
        dialogueOn: null, decidedOn: decided, decisionNo: null, decisionSummary: null, enforcedOn: null, archivedOn: null, withdrawnOn: null,
        resolvedOn: decided, closedOn: open ? null : (decided ?? addDays(received, 7)), createdAt: TODAY, updatedAt: TODAY,
      };
      batch.push(petitionRow(p, DEFAULT_DEADLINE_RULES, cal));
      if (batch.length >= 500) {
        await trx.insertInto("petitions").values(batch).execute();
        batch = [];
      }
    }
    if (batch.length) await trx.insertInto("petitions").values(batch).execute();
  });
}

async function bench(name: string, database: Database): Promise<void> {
  const ctx = await seededContext(database, TODAY);
  const h = await hierarchyOf(ctx);
  const provinces = [...h.all()].filter((u) => u.level === "province" && h.isValidAt(u.id, TODAY));
  const province = h.resolveCode("75", TODAY); // Đồng Nai (took in Bình Phước in 2025)
  const communesOf = (id: number) => h.subtree(id, TODAY).filter((u) => u.level === "commune").map((u) => u.id);
  const mine = communesOf(province.id);
  const others = provinces.filter((p) => p.id !== province.id).flatMap((p) => communesOf(p.id));
  const t0 = performance.now();
  await fill(ctx, mine, ROWS, 1);
  await fill(ctx, others, OTHERS, 2);
  console.log(`[${name}] wrote ${ROWS.toLocaleString("en")} petitions in ${province.fullName} (${mine.length} communes) + ${OTHERS.toLocaleString("en")} elsewhere in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const [label, opts] of [["full overdue list", {}], ["first 100 + counts", { limit: 100 }], ["with 7-day warnings", { withinDays: 7 }]] as const) {
    const times: number[] = [];
    let r: Awaited<ReturnType<typeof overduePetitions>> | undefined;
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      r = await overduePetitions(ctx, SYSTEM, { unitId: province.id, ...opts });
      times.push(performance.now() - s);
    }
    console.log(`[${name}] overdue list, ${label}: median ${median(times).toFixed(1)} ms over ${RUNS} runs (${r!.overdue.toLocaleString("en")} overdue, ${r!.dueSoon} due soon, ${r!.items.length} returned)`);
  }
  await database.close();
}

await bench("sqlite", await freshDatabase("sqlite"));
if (PG_URL) await bench("postgres", await freshDatabase("postgres"));
else console.log("[postgres] skipped: set DANVAN_TEST_PG_URL");
