/**
 * Writes refused at the door while the server's writer is too far behind. On a deadline day more
 * saves can arrive than the server answers. The committer refuses a write whose turn would come
 * too late (SERVER_BUSY, src/db/committer.ts), but only after the request was read into a web
 * Request, its session checked, its body parsed and validated: under overload that wasted work ate
 * the server (measured: 3,000 users' connections at 2,500 saves/s, 103 saved a second, refusals
 * answered after 7.7 s). Here the same test runs on Node's request before any of that, and the
 * refusal is written straight to the socket; the web form's outbox keeps the edit and sends it
 * again after Retry-After.
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

/** `listener` behind the door: API writes get 503 SERVER_BUSY at once while `gate` is busy. */
export function shedWrites(gate: WriteGate, listener: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const busy = isApiWrite(req) ? gate.busy() : null;
    if (!busy) return listener(req, res);
    const body = JSON.stringify({ error: { code: "SERVER_BUSY", message: busyMessage(busy), details: { retryAfter: busy.retryAfter } } });
    res.writeHead(503, {
      "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "retry-after": String(busy.retryAfter),
      "cache-control": "no-store", "x-content-type-options": "nosniff",
    });
    res.end(body);
  };
}
