import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import http from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../test-support/ports.ts";

/** GET on `agent`; whether it went on a connection opened before. */
const get = (agent: http.Agent, port: number, path: string) => new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
  const req = http.get({ host: "127.0.0.1", port, path, agent }, (res) => {
    res.resume();
    res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
  });
  req.on("error", reject);
});

test("danvan serve keeps a user's connection open between requests several seconds apart (Node's 5 s default closed it, and a save sent as it closed got a reset)", { timeout: 120_000 }, async () => {
  const port = await freePort();
  const env = { ...process.env, DANVAN_SQLITE: join(mkdtempSync(join(tmpdir(), "danvan-serve-")), "db.sqlite"), PORT: String(port) };
  const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], { env, stdio: ["ignore", "ignore", "pipe"] });
  try {
    await new Promise<void>((resolve, reject) => {
      let err = "";
      server.stderr!.on("data", (b: Buffer) => (err += b.toString()).includes("danvan đang chạy") && resolve());
      server.once("exit", () => reject(new Error(err)));
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    assert.deepEqual(await get(agent, port, "/health"), { status: 200, reused: false });
    await new Promise((r) => setTimeout(r, 6500));
    assert.deepEqual(await get(agent, port, "/health"), { status: 200, reused: true }, "the same connection after 6.5 s");
    agent.destroy();
  } finally {
    server.kill("SIGTERM");
  }
});
