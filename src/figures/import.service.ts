/**
 * Importing figures at any size: lines arrive in chunks (from a CSV stream, a dataValueSets
 * document or a list), are checked one by one and written chunk by chunk inside one transaction,
 * so memory stays flat and the import is still all-or-nothing: one bad line anywhere and nothing
 * is written (every bad line is reported). A small import notes what each figure replaces and its
 * totals are settled by deltas before the commit; past BULK_LINES (not known until the stream gets
 * there) the notes are dropped and the touched indicator-years are recomputed once at the end
 * instead, so no delta is computed for a line of a big import. On PostgreSQL figures and totals are
 * COPied into staging tables (src/db/pg-copy.ts).
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { DomainError, isDomainError } from "../core/errors.ts";
import { storedPeriod, type Period } from "../core/period.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility } from "../accounts/policy.ts";
import { hierarchyOf, inTransaction, type Ctx } from "../context.ts";
import { categoryIndex, type ValidFigure } from "./figure.input.ts";
import type { FigureKind } from "../core/rollup.ts";
import { existingFigures, upsertFigureRows, type FigureRow } from "./figure.repository.ts";
import { noteFigureChange, type FigureBefore, type SlotKey } from "../totals/totals.tracker.ts";
import { rebuildGroups } from "../totals/totals.rebuild.ts";
import { indicatorMap, listRules } from "../indicators/indicator.service.ts";
import { implausible } from "../indicators/rules.ts";
import { brokenRules, flagBroken, type Written } from "./checks.ts";
import { LineChecker, type Checked, type RawLine } from "./import.checker.ts";
import { checkedOnThread } from "./import.lines.ts";
import { csvChunks } from "./exchange.service.ts";

export type { RawLine } from "./import.checker.ts";

export interface LineError {
  line: number;
  code: string;
  message: string;
}

export interface ImportResult {
  batchId: number;
  lines: number;
  inserted: number;
  /** Stored figures the import changes. */
  updated: number;
  /** Lines whose figure is already stored with the same value, kind, status and comment. */
  unchanged: number;
  /** Stored values the import replaces (the first 1,000), to show before saving. */
  changes: ImportChange[];
  /** True when nothing was written (a dry run: what the import would do). */
  dryRun: boolean;
}

/** A stored value an import replaces. */
export interface ImportChange {
  line: number;
  unitCode: string;
  /** The unit's full name, as people know it ("Phường Quy Nhơn"). */
  unitName: string;
  indicator: string;
  period: string;
  disagg: string;
  before: number;
  after: number;
}

/** Thrown to roll a dry run back; carries what the import would have done. */
class DryRun extends Error {
  constructor(readonly result: ImportResult) {
    super("dry run");
  }
}

/** How far an import got, for a progress line or bar. */
export interface ImportProgress {
  lines: number;
  errors: number;
}

/** Past this many lines, touched indicator-years are recomputed once at the end instead of chunk by chunk. */
const BULK_LINES = 50_000;
/** Overwritten values kept per audit row. */
const AUDIT_BATCH = 10_000;

interface Overwritten {
  unitId: number;
  indicator: string;
  period: string;
  disagg: string;
  kind: string;
  value: number;
  status: string;
  comment: string | null;
}

/**
 * Imports lines arriving in chunks, all or nothing. `digest` receives the raw bytes as they are
 * read (for the batch's hash); `progress` hears after each chunk.
 * `bulkAfter` (tests): the line count past which the touched indicator-years are recomputed
 * instead of settled line by line (BULK_LINES).
 */
export async function importChunks(ctx: Ctx, actor: Actor, chunks: AsyncIterable<RawLine[]> | CsvInput, format: string, hash: () => string, progress?: (p: ImportProgress) => void, opts: { dryRun?: boolean; bulkAfter?: number } = {}): Promise<ImportResult> {
  requireAbility(actor, "import");
  requireAbility(actor, "figures.write");
  const dryRun = opts.dryRun ?? false;
  const h = await hierarchyOf(ctx);
  const [indicators, categories, rules] = await Promise.all([indicatorMap(ctx.db), categoryIndex(ctx.db), listRules(ctx.db)]);
  const lockedRows = await ctx.db.selectFrom("submissions").select(["unit_id", "period"]).where("status", "in", ["submitted", "approved"]).execute();
  const locked = new Set(lockedRows.map((r) => `${r.unit_id}|${r.period}`));
  const checker = new LineChecker(h, actor, ctx.today(), indicators, categories, locked);
  const now = new Date().toISOString();
  const by = actor.kind === "user" ? actor.userId : null;
  let bulk = dryRun;
  const run = inTransaction(ctx, async (tx) => {
    const batch = await tx.db.insertInto("import_batches").values({ created_at: now, user_id: by, format, lines: 0, sha256: "" }).returning("id").executeTakeFirstOrThrow();
    const errors: LineError[] = [];
    let errorCount = 0;
    let lines = 0;
    let inserted = 0;
    let updated = 0;
    let unchanged = 0;
    const changes: ImportChange[] = [];
    const written: Array<{ w: Written; line: number }> = [];
    let overwritten: Overwritten[] = [];
    const groups = new Map<string, { indicator: string; year: number }>();
    // What the figures were before this import, noted for the totals only once the import is known
    // to stay small (a big one recomputes its indicator-years at the end instead: nothing is spent
    // on deltas it would throw away).
    let notes: Array<{ key: SlotKey; period: Period; disagg: string; before: FigureBefore | null }> = [];
    const fail = (line: number, e: unknown) => {
      errorCount++;
      if (errors.length < 1000) {
        if (isDomainError(e)) errors.push({ line, code: e.code, message: e.message });
        else throw e;
      } else if (!isDomainError(e)) throw e;
    };
    /** Writes one checked chunk: what each line replaces, the rows, the rules; `seen`: lines read so far. */
    const write = async (good: Array<{ f: ValidFigure; line: number; key: string }>, seen: number) => {
      // After a bad line the rest is still written, only to find every duplicate: the transaction
      // is rolled back at the end, so nothing stays (totals are no longer followed).
      if (good.length) {
        const existing = await existingFigures(tx.db, good.map(({ f }) => ({ unitId: f.unit.id, indicator: f.indicator.key, period: f.period.id, disagg: f.disagg })));
        const rows: FigureRow[] = [];
        for (const { f, line, key } of good) {
          const r = existing.get(key);
          if (r && r.batchId === batch.id) {
            fail(line, new DomainError("DUPLICATE_LINE", `Trùng với dòng ${r.line ?? "trước"} (cùng đơn vị, chỉ tiêu, kỳ, phân tổ).`));
            continue;
          }
          if (r) {
            if (r.value !== f.value || r.kind !== f.kind || r.status !== f.status || r.comment !== f.comment) {
              updated++;
              overwritten.push({ unitId: f.unit.id, indicator: f.indicator.key, period: f.period.id, disagg: f.disagg, kind: r.kind, value: r.value, status: r.status, comment: r.comment });
            } else unchanged++;
          } else inserted++;
          const group = `${f.indicator.key}|${f.period.year}`;
          if (!groups.has(group)) groups.set(group, { indicator: f.indicator.key, year: f.period.year });
          // Above what any unit could report: kept (the file says so) but flagged for the reviewer.
          const odd = f.indicator.aggregation === "rate" ? null : implausible(f.value, f.indicator.unit, []);
          rows.push({
            unit_id: f.unit.id, indicator: f.indicator.key, period: f.period.id, year: f.period.year, start_month: f.period.startMonth, end_month: f.period.endMonth,
            disagg: f.disagg, kind: f.kind, value: f.value, status: f.status, comment: f.comment,
            source: `{"type":"import","batch":${batch.id},"line":${line}}`, batch_id: batch.id, updated_by: by, updated_at: now, flag: odd ? "implausible" : null,
          });
          written.push({ w: { unitId: f.unit.id, indicator: f.indicator, period: f.period, disagg: f.disagg, value: f.value, comment: f.comment }, line });
          if (r && (r.value !== f.value || r.kind !== f.kind || r.status !== f.status || r.comment !== f.comment) && changes.length < 1000) {
            changes.push({ line, unitCode: f.unit.code, unitName: f.unit.fullName, indicator: f.indicator.key, period: f.period.id, disagg: f.disagg, before: r.value, after: f.value });
          }
        }
        {
          bulk ||= seen > (opts.bulkAfter ?? BULK_LINES) || errorCount > 0;
          if (bulk) notes = [];
          else {
            for (const r of rows) {
              const was = existing.get(`${r.unit_id}|${r.indicator}|${r.period}|${r.disagg}`);
              const period = storedPeriod(r.period);
              notes.push({ key: { unitId: r.unit_id, indicator: r.indicator, year: r.year }, period, disagg: r.disagg,
                before: was ? { id: was.id, period, disagg: r.disagg, kind: was.kind as FigureKind, value: was.value, estimated: was.status === "estimated" } : null });
            }
          }
          await upsertFigureRows(tx.db, tx.database, rows);
          // PostgreSQL plans each chunk's reads of figures (what a line replaces, the rules' other
          // side) from statistics taken before the import: on a table the import is filling they
          // say "small", and every read scans the whole table, each longer than the last (a 1M-line
          // import spent 7.5 s of 78 in them, growing with its square). Statistics taken as the
          // table grows (at 20,000 lines, then at each doubling; ANALYZE counts the transaction's
          // own rows) keep the reads on the indexes.
          if (tx.database.dialect === "postgres" && seen >= analyzeAt) {
            analyzeAt *= 2;
            await sql`analyze figures`.execute(tx.db);
          }
          // Rules between indicators of one unit, period and breakdown, on what is now stored.
          const broken = await brokenRules(tx.db, h, rules, written.map((x) => x.w));
          for (const b of broken.filter((x) => x.refused)) {
            const at = written.find((x) => x.w.unitId === b.unitId && x.w.period.id === b.period && x.w.disagg === b.disagg && (x.w.indicator.key === b.rule.left || x.w.indicator.key === b.rule.right));
            fail(at?.line ?? 0, new DomainError("RULE_VIOLATED", `${b.rule.message} (${b.left.indicator}: ${b.left.value}; ${b.right.indicator}: ${b.right.value})`, { rule: b.rule.key }));
          }
          await flagBroken(tx.db, broken.filter((x) => !x.refused));
          written.length = 0;
          if (errorCount) overwritten = [];
          else if (overwritten.length >= AUDIT_BATCH) {
            await audit(tx.db, actor, "figures.import.overwritten", "import_batch", batch.id, { overwritten }, null, actor.kind === "user" ? actor.unitId : null);
            overwritten = [];
          }
        }
      }
      progress?.({ lines: seen, errors: errorCount });
    };
    // A chunk is written while the next is read and checked: on PostgreSQL the statements' round
    // trips and the parsing overlap (SQLite answers at once: nothing changes there).
    let pending: Promise<void> = Promise.resolve();
    let analyzeAt = 20_000;
    try {
      // A big CSV file is read and checked on a thread of its own (import.lines.ts) while this one writes.
      const checked = !("csv" in chunks) ? checkHere(checker, chunks)
        : chunks.thread ? checkedOnThread(h, { actor, today: ctx.today(), indicators, categories, locked, chunkLines: threadChunkLines(ctx) }, chunks.csv, chunks.hash)
        : checkHere(checker, csvChunks(chunks.csv, chunks.hash));
      for await (const chunk of checked) {
        lines += chunk.lines;
        for (const b of chunk.bad) fail(b.line, b.error);
        await pending;
        pending = write(chunk.good, lines);
        // Its failure is met at the next await (not an unhandled rejection meanwhile).
        pending.catch(() => undefined);
      }
    } finally {
      // Whatever ends the loop (a bad file, a failed write), no write is left running on the
      // transaction's connection once it is rolled back and handed back to the pool.
      await pending.catch(() => undefined);
    }
    await pending;
    if (lines === 0) throw new DomainError("IMPORT_EMPTY", "Tệp không có dòng số liệu nào.");
    if (errorCount) {
      throw new DomainError("IMPORT_INVALID", `Không nhập: ${errorCount} dòng lỗi trên ${lines} dòng. Chưa có số liệu nào được ghi.`, { errors: errors.sort((a, b) => a.line - b.line), errorCount });
    }
    const res = { batchId: batch.id, lines, inserted, updated, unchanged, changes, dryRun };
    // A dry run says what the import would do and writes nothing (the transaction is rolled back).
    if (dryRun) throw new DryRun(res);
    // A big import recomputes the indicator-years it touched once (each total written once).
    if (bulk) await rebuildGroups(tx, [...groups.values()]);
    else for (const n of notes) noteFigureChange(tx, n.key, n.period, n.disagg, n.before);
    await tx.db.updateTable("import_batches").set({ lines, sha256: hash() }).where("id", "=", batch.id).execute();
    // The summary row keeps the values the import overwrote (what is left after earlier rows).
    await audit(tx.db, actor, "figures.import", "import_batch", batch.id, overwritten.length ? { overwritten } : null, { format, ...res, changed: overwritten.length }, actor.kind === "user" ? actor.unitId : null);
    return res;
  }, { alone: true });
  let result: ImportResult;
  try {
    result = await run;
  } catch (e) {
    if (e instanceof DryRun) return e.result;
    throw e;
  }
  // After a big load: fresh statistics, so PostgreSQL plans the next queries on the real sizes, and
  // the new pages marked all-visible, so reads answered from the covering indexes stay in them
  // (until a vacuum, an index-only scan fetches every row's table page: 20M figures loaded, 0 of
  // 496k pages marked). A vacuum reads only the pages not yet marked: those the import wrote.
  if (bulk && !dryRun && ctx.database.dialect === "postgres") {
    await sql`vacuum (analyze) figures`.execute(ctx.db);
    await sql`vacuum (analyze) totals`.execute(ctx.db);
  }
  return result;
}

/** A CSV file's bytes to import (each block also goes to `hash`); `thread`: read and check it on a thread of its own (big files). */
export interface CsvInput {
  csv: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  hash: { update(b: Uint8Array | string): unknown };
  thread: boolean;
}

/**
 * Lines a chunk holds when a thread reads the file. On SQLite 1,000: a chunk's objects (its figures, rows and what they
 * replace) then die young instead of filling the old generation (a 20M-line import: 106 full collections on its main
 * thread instead of 490, 328 s instead of 353, ~20 MB less while it reads the lines). PostgreSQL keeps 5,000 lines (each
 * chunk is a few round trips; not measured with fewer).
 */
const threadChunkLines = (ctx: Ctx): number => (ctx.database.dialect === "sqlite" ? 1000 : 5000);

/** Files this big or bigger are read and checked on a thread of their own (CsvInput.thread). */
export const THREAD_BYTES = 4 << 20;

/** Chunks of lines checked in this thread. */
async function* checkHere(checker: LineChecker, chunks: AsyncIterable<RawLine[]>): AsyncIterable<Checked> {
  for await (const chunk of chunks) yield checker.checkChunk(chunk);
}

/** Lines already in memory, as chunks. */
export async function* listChunks(lines: readonly RawLine[]): AsyncIterable<RawLine[]> {
  for (let i = 0; i < lines.length; i += 5000) yield lines.slice(i, i + 5000);
}

/** Imports a list of lines (small imports, tests, the demo). */
export async function importFigures(ctx: Ctx, actor: Actor, lines: RawLine[], format: string, sourceText: string): Promise<ImportResult> {
  return importChunks(ctx, actor, listChunks(lines), format, () => createHash("sha256").update(sourceText).digest("hex"));
}
