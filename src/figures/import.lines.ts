/**
 * A big CSV import's lines read and checked on a thread of its own (import.lines.entry.ts) while the caller's thread
 * writes the lines checked before: CSV parsing and checking were about a quarter of a 1M-line import's main thread.
 * The file's blocks are sent at most WINDOW ahead of what the thread has taken, and the thread stays at most AHEAD
 * chunks in front of the writer, so memory stays flat at any size; checked lines come back as columns and are made figures again here.
 */
import type { Actor } from "../accounts/actor.ts";
import { fromThreadError, type ThreadError } from "../core/errors.ts";
import type { Hierarchy, LineageEdge, UnitChange, UnitNode } from "../core/hierarchy.ts";
import type { Indicator } from "../indicators/indicator.service.ts";
import { storedPeriod } from "../core/period.ts";
import { startThread } from "../threads.ts";
import type { Checked } from "./import.checker.ts";

/** A chunk's lines as the thread checked them: the good ones as columns, the bad ones with their errors. */
export interface CheckedColumns {
  lines: number;
  line: Int32Array;
  unit: Int32Array;
  indicators: string[];
  indicator: Uint32Array;
  periods: string[];
  period: Uint32Array;
  disaggs: string[];
  disagg: Uint32Array;
  /** Bit 0: area (else own); bit 1: estimated (else reported). */
  flags: Uint8Array;
  value: Float64Array;
  /** Comments by good line, or null when no line has one. */
  comment: Array<string | null> | null;
  bad: Array<{ line: number; error: ThreadError }>;
}

/** What the thread checks against (plain data: the hierarchy's units and lineage, the catalog, the locked reports). */
export interface LinesInit {
  units: readonly UnitNode[];
  edges: readonly LineageEdge[];
  changes: readonly UnitChange[];
  actor: Actor;
  today: string;
  indicators: Map<string, Indicator>;
  categories: Map<string, Set<string>>;
  locked: Set<string>;
  /** Lines a chunk holds (csvChunks). */
  chunkLines: number;
}

export type LinesMessage = ({ op: "init" } & LinesInit) | { op: "data"; data: Uint8Array | string } | { op: "end" } | { op: "ack" };
/** `took`: blocks of the file the thread has taken so far (it says so when it has none left, and with each chunk). */
export type LinesAnswer = { took: number } | { chunk: CheckedColumns; took: number } | { fatal: ThreadError } | { done: true };

/** Chunks checked but not yet written that the thread may hold in front of the writer. */
export const AHEAD = 3;
/**
 * Blocks of the file (64 KB each from a file stream) sent ahead of what the thread has taken: the thread never waits
 * for the writer to be free to read it more of the file (asked a block at a time, it waited 4 of 14 s of a 1M-line
 * import's first phase, and the writer waited on it as long).
 */
const WINDOW = 32;

/**
 * Reads `input` (a CSV file's bytes; each block also goes to `hash`) on a thread that parses and checks its lines;
 * yields each chunk checked. Stops the thread when the caller stops reading.
 */
export async function* checkedOnThread(h: Hierarchy, init: Omit<LinesInit, "units" | "edges" | "changes">, input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, hash: { update(b: Uint8Array | string): unknown }, at?: URL): AsyncIterable<Checked> {
  const worker = startThread("import-lines", new URL("./import.lines.worker.mjs", import.meta.url), at);
  const source = Symbol.asyncIterator in input ? input[Symbol.asyncIterator]() : (async function* () {
    yield* input;
  })();
  const queue: Array<LinesAnswer | { failed: Error }> = [];
  let wake: (() => void) | null = null;
  const push = (m: LinesAnswer | { failed: Error }) => {
    queue.push(m);
    wake?.();
  };
  let sent = 0;
  let took = 0;
  let reading = false;
  let ended = false;
  /** Reads and sends the file's next blocks while fewer than WINDOW are waiting in the thread. */
  const pump = async () => {
    if (reading) return;
    reading = true;
    try {
      while (!ended && sent - took < WINDOW) {
        const r = await source.next();
        if (r.done) {
          ended = true;
          worker.postMessage({ op: "end" } satisfies LinesMessage);
        } else {
          hash.update(r.value);
          sent++;
          worker.postMessage({ op: "data", data: r.value } satisfies LinesMessage);
        }
      }
    } catch (e) {
      push({ failed: e instanceof Error ? e : new Error(String(e)) });
    } finally {
      reading = false;
    }
  };
  worker.on("message", (m: LinesAnswer) => {
    if ("took" in m) {
      took = m.took;
      void pump();
    }
    if (!("took" in m) || "chunk" in m) push(m);
  });
  worker.on("error", (e) => push({ failed: e }));
  worker.on("exit", (code) => push({ failed: new Error(`the import's reading thread stopped (exit ${code})`) }));
  worker.postMessage({ op: "init", ...h.input, ...init } satisfies LinesMessage);
  void pump();
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((r) => (wake = r));
      wake = null;
      const m = queue.shift()!;
      if ("failed" in m) throw m.failed;
      if ("fatal" in m) throw fromThreadError(m.fatal);
      if ("done" in m) return;
      if (!("chunk" in m)) continue;
      yield figuresOf(h, init.indicators, m.chunk);
      worker.postMessage({ op: "ack" } satisfies LinesMessage);
    }
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
    await source.return?.();
  }
}

/** A checked chunk's columns as figures again. */
function figuresOf(h: Hierarchy, indicators: Map<string, Indicator>, c: CheckedColumns): Checked {
  const good: Checked["good"] = new Array(c.line.length);
  const inds = c.indicators.map((k) => indicators.get(k)!);
  const periods = c.periods.map(storedPeriod);
  for (let i = 0; i < c.line.length; i++) {
    const unit = h.require(c.unit[i]!);
    const indicator = inds[c.indicator[i]!]!;
    const period = periods[c.period[i]!]!;
    const disagg = c.disaggs[c.disagg[i]!]!;
    const flags = c.flags[i]!;
    good[i] = {
      f: { unit, indicator, period, disagg, kind: flags & 1 ? "area" : "own", value: c.value[i]!, status: flags & 2 ? "estimated" : "reported", comment: c.comment?.[i] ?? null, source: { type: "import" } },
      line: c.line[i]!, key: `${unit.id}|${indicator.key}|${period.id}|${disagg}`,
    };
  }
  return { lines: c.lines, good, bad: c.bad.map((b) => ({ line: b.line, error: fromThreadError(b.error) })) };
}
