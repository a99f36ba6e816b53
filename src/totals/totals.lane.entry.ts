/**
 * What a rebuild's thread runs (src/totals/totals.thread.ts): the arithmetic of each indicator-year (totals.lane.ts)
 * while the caller's thread reads the next group's figures and writes the last group's totals. Messages arrive in
 * order: the hierarchy once, then per group `begin`, its batches and `finish`, which is answered with the rows. An
 * error in a batch is answered at its group's `finish`.
 */
import { parentPort } from "node:worker_threads";
import { Hierarchy } from "../core/hierarchy.ts";
import { toThreadError } from "../core/errors.ts";
import { buffersOf, GroupSum } from "./totals.lane.ts";
import type { LaneMessage } from "./totals.thread.ts";

const port = parentPort!;
let h: Hierarchy | null = null;
let now = "";
let sum: GroupSum | null = null;
let failed: unknown = null;
port.on("message", (m: LaneMessage) => {
  try {
    if (m.op === "init") {
      h = new Hierarchy(m.units, m.edges, m.changes);
      now = m.now;
    } else if (m.op === "begin") {
      sum = new GroupSum(h!, now, m.indicator, m.year);
      failed = null;
    } else if (m.op === "batch") {
      try {
        if (!failed) sum!.add(m.batch);
      } finally {
        port.postMessage({ added: true });
      }
    } else if (m.op === "finish") {
      if (failed) throw failed;
      const rows = sum!.finish(m.extra);
      sum = null;
      port.postMessage({ id: m.id, rows }, buffersOf(rows));
    } else if (m.op === "close") {
      port.close();
    }
  } catch (e) {
    if (m.op === "finish") port.postMessage({ id: m.id, error: toThreadError(e) });
    else failed = e;
  }
});
port.postMessage({ ready: true });
