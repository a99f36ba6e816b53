/**
 * What a big import's reading thread runs (src/figures/import.lines.ts): the CSV parsed as the file's blocks arrive
 * (sent a window ahead of what it has taken), each chunk of lines checked as `LineChecker` checks them in the caller's thread, and
 * posted as columns; it waits while AHEAD chunks are not yet written. A chunk's repeated line is bad there, as it is
 * in the caller's thread; repeats across chunks are found by the writer.
 */
import { parentPort } from "node:worker_threads";
import { toThreadError } from "../core/errors.ts";
import { Dictionary } from "../core/dictionary.ts";
import { Hierarchy } from "../core/hierarchy.ts";
import { csvChunks } from "./exchange.service.ts";
import { LineChecker } from "./import.checker.ts";
import { AHEAD, type CheckedColumns, type LinesAnswer, type LinesMessage } from "./import.lines.ts";

const port = parentPort!;
const post = (m: LinesAnswer, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
/** Blocks of the file not yet read, and the reader waiting for one. */
const blocks: Array<Uint8Array | string | null> = [];
let blockWaiter: (() => void) | null = null;
let acked = 0;
let ackWaiter: (() => void) | null = null;
let started = false;

/** Blocks taken so far (told to the sender, which keeps a window of blocks ahead). */
let took = 0;

async function* bytes(): AsyncIterable<Uint8Array | string> {
  for (;;) {
    if (blocks.length === 0) {
      post({ took });
      await new Promise<void>((r) => (blockWaiter = r));
    }
    const b = blocks.shift()!;
    if (b === null) return;
    took++;
    yield b;
  }
}

async function run(checker: LineChecker, chunkLines: number): Promise<void> {
  let sent = 0;
  const noHash = { update: () => undefined };
  for await (const chunk of csvChunks(bytes(), noHash, chunkLines)) {
    const { good, bad } = checker.checkChunk(chunk);
    const n = good.length;
    const indicators = new Dictionary();
    const periods = new Dictionary();
    const disaggs = new Dictionary();
    const c: CheckedColumns = {
      lines: chunk.length, line: new Int32Array(n), unit: new Int32Array(n), indicator: new Uint32Array(n), period: new Uint32Array(n),
      disagg: new Uint32Array(n), flags: new Uint8Array(n), value: new Float64Array(n), indicators: indicators.list, periods: periods.list,
      disaggs: disaggs.list, comment: null, bad: bad.map((b) => ({ line: b.line, error: toThreadError(b.error) })),
    };
    const comments: Array<string | null> = [];
    good.forEach(({ f, line }, k) => {
      c.line[k] = line;
      c.unit[k] = f.unit.id;
      c.indicator[k] = indicators.code(f.indicator.key);
      c.period[k] = periods.code(f.period.id);
      c.disagg[k] = disaggs.code(f.disagg);
      c.flags[k] = (f.kind === "area" ? 1 : 0) | (f.status === "estimated" ? 2 : 0);
      c.value[k] = f.value;
      comments.push(f.comment);
    });
    if (comments.some((x) => x !== null)) c.comment = comments;
    while (sent - acked >= AHEAD) await new Promise<void>((r) => (ackWaiter = r));
    sent++;
    post({ chunk: c, took }, [c.line, c.unit, c.indicator, c.period, c.disagg, c.flags, c.value].map((a) => a.buffer as ArrayBuffer));
  }
  post({ done: true });
}

port.on("message", (m: LinesMessage) => {
  if (m.op === "init") {
    if (started) return;
    started = true;
    const checker = new LineChecker(new Hierarchy(m.units, m.edges, m.changes), m.actor, m.today, m.indicators, m.categories, m.locked);
    run(checker, m.chunkLines).catch((e: unknown) => post({ fatal: toThreadError(e) }));
  } else if (m.op === "data" || m.op === "end") {
    blocks.push(m.op === "data" ? m.data : null);
    const w = blockWaiter;
    blockWaiter = null;
    w?.();
  } else if (m.op === "ack") {
    acked++;
    const w = ackWaiter;
    ackWaiter = null;
    w?.();
  }
});
