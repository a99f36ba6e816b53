/**
 * The bench's HTTP clients: requests on a shared keep-alive agent, and saves offered at a set rate
 * whatever the answers (an open load), from a few connections or from many users' own.
 */
import http from "node:http";

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
export const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
export const fmt = (x: number) => Math.round(x).toLocaleString("en");

export const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
export function request(port: number, method: string, path: string, body?: unknown, cookie?: string, via = agent): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request({ host: "127.0.0.1", port, method, path, agent: via, headers: { ...(data ? { "content-type": "application/json", "content-length": data.length } : {}), ...(cookie ? { cookie } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - t0 }));
    });
    req.on("error", reject);
    if (data) req.write(data);
    req.end();
  });
}

interface Offered {
  /** Latencies from when each save was due: answered 200, answered 503. */
  saved: number[];
  refused: number[];
  errors: number;
  secs: number;
}

/**
 * Saves arriving at `rate` a second for `seconds`, whatever the answers, one in flight per slot (an
 * agent; the same agent may fill several). A save due while every slot is busy waits its turn, and
 * each latency runs from when the save was due, so a server falling behind shows in the p99 (no
 * coordinated omission).
 */
async function offer(port: number, login: string, rate: number, seconds: number, slots: http.Agent[], body: () => unknown): Promise<Offered> {
  const free = [...slots];
  const out: Offered = { saved: [], refused: [], errors: 0, secs: 0 };
  const due: number[] = [];
  let settled!: () => void;
  const drained = new Promise<void>((res) => (settled = res));
  let sent = 0;
  let done = false;
  const fire = (at: number) => {
    const via = free.pop()!;
    request(port, "POST", "/api/figures", body(), login, via).then((res) => {
      if (res.status === 200) out.saved.push(performance.now() - at);
      else if (res.status === 503) out.refused.push(performance.now() - at);
      else out.errors++;
    }, () => out.errors++).finally(() => {
      free.push(via);
      const next = due.shift();
      if (next !== undefined) fire(next);
      else if (done && free.length === slots.length) settled();
    });
  };
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  while (performance.now() < end) {
    const now = Math.floor(((performance.now() - t0) * rate) / 1000);
    for (; sent < now; sent++) {
      const at = t0 + (sent * 1000) / rate;
      if (free.length) fire(at);
      else due.push(at);
    }
    await new Promise((res) => setTimeout(res, 1));
  }
  done = true;
  if (free.length < slots.length) await drained;
  out.secs = (performance.now() - t0) / 1000;
  return out;
}

/**
 * An open load, as users on a deadline day: the closed clients above measure how many saves a
 * second the server can take, but their p99 is bound by their own number (200 waiting clients /
 * saves a second). At most `clients` in flight.
 */
export async function offeredSaves(port: number, login: string, rate: number, seconds: number, clients: number, body: () => unknown): Promise<string> {
  const o = await offer(port, login, rate, seconds, Array.from({ length: clients }, () => agent), body);
  const lat = o.saved;
  const errors = o.errors + o.refused.length;
  return `${fmt(rate)}/s offered: ${fmt(lat.length / o.secs)}/s answered, p50 ${ms(pct(lat, 0.5))}, p99 ${ms(pct(lat, 0.99))}, max ${ms(Math.max(...lat))}${errors ? `, ${errors} errors` : ""}`;
}

/**
 * A deadline day past the server's capacity: saves offered at `rate` a second from `conns` users'
 * connections (one each, opened before), whatever the answers. The server refuses what it is too far
 * behind to take (503 SERVER_BUSY, src/http/shed.ts); the saves it takes should still be answered
 * in seconds. Prints the saves answered a second and their p50/p99 from when each was due, and the
 * refusals a second and when they were answered.
 */
export async function overload(port: number, login: string, rate: number, seconds: number, conns: number, body: () => unknown): Promise<string> {
  const agents = Array.from({ length: conns }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  for (let i = 0; i < conns; i += 200) await Promise.all(agents.slice(i, i + 200).map((a) => request(port, "GET", "/health", undefined, undefined, a)));
  const o = await offer(port, login, rate, seconds, agents, body);
  for (const a of agents) a.destroy();
  const { saved, refused } = o;
  return `${fmt(rate)}/s offered from ${fmt(conns)} connections: ${fmt(saved.length / o.secs)}/s saved, p50 ${ms(pct(saved, 0.5))}, p99 ${ms(pct(saved, 0.99))}; ${fmt(refused.length / o.secs)}/s refused (503), answered p50 ${refused.length ? ms(pct(refused, 0.5)) : "—"}${o.errors ? `; ${o.errors} errors` : ""}`;
}
