/**
 * Where a rebuild's arithmetic runs: on a thread of its own for big rebuilds (a full rebuild, a big import), so the
 * caller's thread reads figures and writes totals while the thread adds them up, or in the caller's thread for small
 * ones (a thread takes ~0.3 s to start). Both run the same code (totals.lane.ts); batches cross as columns.
 */
import type { Worker } from "node:worker_threads";
import { startThread } from "../threads.ts";
import type { Hierarchy, LineageEdge, UnitChange, UnitNode } from "../core/hierarchy.ts";
import { fromThreadError, type ThreadError } from "../core/errors.ts";
import { buffersOf, GroupSum, type FactBatch, type RowColumns } from "./totals.lane.ts";
import type { TotalDelta } from "./totals.repository.ts";

/** Messages to the thread, in order (totals.lane.entry.ts). */
export type LaneMessage =
  | { op: "init"; units: readonly UnitNode[]; edges: readonly LineageEdge[]; changes: readonly UnitChange[]; now: string }
  | { op: "begin"; indicator: string; year: number }
  | { op: "batch"; batch: FactBatch }
  | { op: "finish"; id: number; extra: readonly TotalDelta[] }
  | { op: "close" };

/** Sums indicator-years one after another: `begin`, `add` its batches, `finish` for its rows. */
export interface Lane {
  begin(indicator: string, year: number): void;
  add(batch: FactBatch): void;
  /** Resolves when the lane has room for another batch (a thread holds at most AHEAD batches not yet added up). */
  room(): Promise<void>;
  /** The group's rows; `extra`: changes to add first (area corrections). */
  finish(extra: readonly TotalDelta[]): Promise<RowColumns>;
  close(): Promise<void>;
}

/** The arithmetic in the caller's thread. */
export class LocalLane implements Lane {
  private sum: GroupSum | null = null;
  constructor(private readonly h: Hierarchy, private readonly now: string) {}
  begin(indicator: string, year: number): void {
    this.sum = new GroupSum(this.h, this.now, indicator, year);
  }
  add(batch: FactBatch): void {
    this.sum!.add(batch);
  }
  async room(): Promise<void> {}
  async finish(extra: readonly TotalDelta[]): Promise<RowColumns> {
    const rows = this.sum!.finish(extra);
    this.sum = null;
    return rows;
  }
  async close(): Promise<void> {}
}

/**
 * Batches posted to the thread and not yet added up: beyond this the caller waits, so what waits in the thread does
 * not grow with a group's size (a group of the 20M-figure bench has ~20 batches of 500 units).
 */
const AHEAD = 4;

type Answer = { id: number; rows: RowColumns } | { id: number; error: ThreadError } | { ready: true } | { added: true };

/** The arithmetic on a thread of its own. */
export class ThreadLane implements Lane {
  private readonly pending = new Map<number, { resolve: (r: RowColumns) => void; reject: (e: unknown) => void }>();
  private next = 1;
  private dead: Error | null = null;
  private inflight = 0;
  private roomWaiter: (() => void) | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (m: Answer) => {
      if ("added" in m) {
        this.inflight--;
        this.wake();
        return;
      }
      if (!("id" in m)) return;
      const p = this.pending.get(m.id)!;
      this.pending.delete(m.id);
      if ("error" in m) p.reject(fromThreadError(m.error));
      else p.resolve(m.rows);
    });
    const fail = (e: Error) => {
      if (this.dead) return;
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.wake();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the totals thread stopped (exit ${code})`)));
  }

  /** Starts a thread holding `h` (its units and lineage are copied once); `entry`: the thread's code (tests). */
  static async start(h: Hierarchy, now: string, at?: URL): Promise<ThreadLane> {
    const worker = startThread("totals-lane", new URL("./totals.lane.worker.mjs", import.meta.url), at);
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`the totals thread stopped before it was ready (exit ${code})`));
      worker.once("error", reject);
      worker.once("exit", onExit);
      worker.once("message", () => {
        worker.off("error", reject);
        worker.off("exit", onExit);
        resolve();
      });
    });
    worker.postMessage({ op: "init", ...h.input, now } satisfies LaneMessage);
    return new ThreadLane(worker);
  }

  begin(indicator: string, year: number): void {
    this.post({ op: "begin", indicator, year });
  }
  add(batch: FactBatch): void {
    this.inflight++;
    this.post({ op: "batch", batch }, buffersOf(batch));
  }
  async room(): Promise<void> {
    while (this.inflight >= AHEAD && !this.dead) await new Promise<void>((r) => (this.roomWaiter = r));
  }
  private wake(): void {
    const w = this.roomWaiter;
    this.roomWaiter = null;
    w?.();
  }
  finish(extra: readonly TotalDelta[]): Promise<RowColumns> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ op: "finish", id, extra });
    });
  }
  async close(): Promise<void> {
    if (this.dead) return;
    this.dead = new Error("the totals thread is closed");
    await this.worker.terminate();
  }
  private post(m: LaneMessage, transfer: ArrayBuffer[] = []): void {
    if (!this.dead) this.worker.postMessage(m, transfer);
  }
}
