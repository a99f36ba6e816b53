/**
 * Writes refused at the door while the server is too far behind. On a deadline day more saves can
 * arrive than the server answers, and each then waits for all before it. Either signal refuses a
 * new API write at once with 503 SERVER_BUSY and Retry-After (nothing of it runs; the web form's
 * outbox keeps the edit and sends it again after that wait):
 * - the writer's: its oldest waiting work has waited past the limit (`Committer.busy`). The
 *   committer refuses such a write itself, but only after the request was read into a web Request,
 *   its session checked, its body parsed and validated: under overload that wasted work ate the
 *   server (3,000 connections at 2,500 saves/s: 103–172 saved a second, refusals after 4–8 s);
 * - the main thread's, where it is the bottleneck and the writer's queue stays short: read as CoDel
 *   reads a queue, in the last interval even the quickest write answered with success took longer
 *   than the limit from arrival to answer. A burst the server works through keeps some answers
 *   quick; one slow write among quick ones is not a queue; with nothing answered in an interval
 *   there is nothing to read, and nothing is refused for it. Demo server, 3,000 connections
 *   offering 4,000 saves/s: saved p50 1.1 s and p99 2.3 s against 8 and 15 s without it, 1,760 saved
 *   a second against 2,280. (A limit on the writes in flight, by Little's law, refused too much: its
 *   refusals took the event loop and the rate it measured fell with them, 758 saved a second.)
 * Both run on Node's request, before Hono or the API see it; the refusal goes straight to the socket.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { busyMessage, type Busy } from "../db/committer.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);
/**
 * Never refused here: posts that write nothing (reading a pasted report), and imports, which the
 * committer runs alone and queues behind the work before them rather than refusing.
 */
const PASS = new Set(["/api/extract", "/api/extract/check", "/api/figures/import"]);

/** Something that can say it is too far behind to take a write (the committer). */
export interface WriteGate {
  busy(): Busy | null;
}

/** Whether a request is a write to the API (the door's business). */
export function isApiWrite(req: IncomingMessage): boolean {
  if (SAFE.has(req.method ?? "GET")) return false;
  const url = req.url ?? "";
  if (!url.startsWith("/api/")) return false;
  const q = url.indexOf("?");
  return !PASS.has(q < 0 ? url : url.slice(0, q));
}

/** The quickest successful write of each interval, against the limit (see above). */
export class Sojourns {
  private windowStart: number;
  private quickest = Infinity;
  private answered = 0;
  private behindNow = false;

  constructor(private readonly limitMs: number, private readonly intervalMs = 500, private readonly now: () => number = () => performance.now()) {
    this.windowStart = now();
  }

  /** Whether the last whole interval's quickest write took longer than the limit. */
  behind(): boolean {
    const now = this.now();
    if (now - this.windowStart >= this.intervalMs) {
      this.behindNow = this.answered > 0 && this.quickest > this.limitMs;
      this.quickest = Infinity;
      this.answered = 0;
      this.windowStart = now;
    }
    return this.behindNow;
  }

  /** A write answered with success after `ms` from its arrival. */
  done(ms: number): void {
    this.answered++;
    if (ms < this.quickest) this.quickest = ms;
  }
}

/**
 * `listener` behind the door: API writes get 503 SERVER_BUSY at once while `gate` is busy or, with
 * `limitMs` (> 0), while writes take longer than that from arrival to answer.
 */
export function shedWrites(gate: WriteGate, listener: RequestListener, limitMs = 0): RequestListener {
  const sojourns = limitMs > 0 ? new Sojourns(limitMs) : null;
  const retryAfter = Math.max(1, Math.ceil(limitMs / 1000));
  return (req: IncomingMessage, res: ServerResponse) => {
    if (!isApiWrite(req)) return listener(req, res);
    const busy = gate.busy() ?? (sojourns?.behind() ? { waiting: null, retryAfter } : null);
    if (!busy) {
      if (sojourns) {
        const start = performance.now();
        res.once("finish", () => res.statusCode < 300 && sojourns.done(performance.now() - start));
      }
      return listener(req, res);
    }
    const body = JSON.stringify({ error: { code: "SERVER_BUSY", message: busyMessage(busy), details: { retryAfter: busy.retryAfter } } });
    res.writeHead(503, {
      "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "retry-after": String(busy.retryAfter),
      "cache-control": "no-store", "x-content-type-options": "nosniff",
    });
    res.end(body);
  };
}
