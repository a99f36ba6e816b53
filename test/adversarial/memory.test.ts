/**
 * The zip bomb under a memory ceiling: the server runs as a child process (memory-server.ts) and its
 * resident memory is sampled from /proc while a reporter sends a 100 MB-unpacked .docx (a few hundred
 * KB on the wire) to the report reader, alone and inside a .zip of reports. Each is refused with
 * EXTRACT_TOO_LARGE, the RSS stays under the ceiling and the server answers afterwards.
 */
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { docxBomb, zipOf } from "./bad-input-cases.ts";
import { Tally } from "./harness.ts";

const CEILING_MB = 600;
let child: ChildProcess | undefined;
after(() => {
  if (child?.pid && child.exitCode === null) process.kill(child.pid, "SIGKILL");
});

const rssMb = (pid: number): number => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

test("a .docx bomb to /api/extract: refused (413 EXTRACT_TOO_LARGE) with the server's RSS under 600 MB, and the server still answers", { timeout: 120_000 }, async (t) => {
  if (process.platform !== "linux") return t.skip("RSS is read from /proc");
  child = spawn(process.execPath, ["--import", "tsx", "--no-warnings", new URL("./memory-server.ts", import.meta.url).pathname], { stdio: ["ignore", "pipe", "inherit"] });
  const pid = child.pid!;
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child!.stdout! }).once("line", resolve);
    child!.once("exit", (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  const { port, username } = JSON.parse(first) as { port: number; username: string };
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password: "mat-khau-thu" }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;

  let peak = rssMb(pid);
  const idle = peak;
  const sampler = setInterval(() => { peak = Math.max(peak, rssMb(pid)); }, 20);
  const tally = new Tally("memory ceiling", "sqlite");
  try {
    const bomb = docxBomb(100);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
      return { status: res.status, text: await res.text() };
    };
    for (let i = 0; i < 3; i++) {
      const r = await post("/api/extract", { fileBase64: bomb.toString("base64"), name: "bom.docx" });
      tally.check(r.status === 413 && r.text.includes("EXTRACT_TOO_LARGE"), `bomb ${i + 1} → ${r.status} ${r.text.slice(0, 200)}`);
    }
    const batch = await post("/api/extract/batch", { fileBase64: zipOf([["1.txt", Buffer.from("Tổ chức 19 cuộc đối thoại.")], ["2.docx", bomb]]).toString("base64"), name: "lo.zip" });
    tally.check(batch.status === 200 && batch.text.includes("EXTRACT_TOO_LARGE") && batch.text.includes("1.txt"), `bomb in a .zip → ${batch.status} ${batch.text.slice(0, 300)}`);
    const health = await fetch(`${base}/health`);
    tally.check(health.status === 200, `the server answers afterwards: ${health.status}`);
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, rssMb(pid));
  tally.check(peak < CEILING_MB, `peak RSS ${peak.toFixed(0)} MB ≥ ${CEILING_MB} MB`);
  console.log(`# adversarial memory ceiling: server RSS idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB (ceiling ${CEILING_MB} MB)`);
  tally.finish();
});
