/**
 * Several servers on one PostgreSQL send each reminder once: two real server processes run the
 * reminders every second on the same database and the same SMTP server (started in this process);
 * every reminder is one row of `notifications` and one e-mail, never two.
 */
import { freePorts } from "../test-support/ports.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { PG_URL } from "../test-support/db.ts";

const PASSWORD = "bon-chan-dung-vung-2026";

interface Server {
  child: ChildProcess;
  log: () => string;
}

async function start(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      if (err.includes("danvan đang chạy")) resolve();
    });
    child.once("exit", (c) => reject(new Error(`server exited ${c}: ${err.slice(-1500)}`)));
  });
  return { child, log: () => err };
}

type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>;

async function signIn(port: number): Promise<Call> {
  const r = await fetch(`http://127.0.0.1:${port}/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "haimay", password: PASSWORD }) });
  assert.equal(r.status, 200);
  const cookie = r.headers.get("set-cookie")!.split(";")[0]!;
  return async (method, path, body) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, json: await res.json() };
  };
}

test("two servers on one PostgreSQL, reminders every second: each reminder is sent once (one row, one e-mail)", { skip: PG_URL ? false : "PostgreSQL tests SKIPPED: set DANVAN_TEST_PG_URL", timeout: 300_000 }, async () => {
  const mails: Array<{ to: string; raw: string }> = [];
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        for (const r of session.envelope.rcptTo) mails.push({ to: r.address, raw: Buffer.concat(chunks).toString("utf8") });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const name = `danvan_rem_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = PG_URL!.replace(/\/[^/]*$/, `/${name}`);
  const env = { DATABASE_URL: url, DANVAN_PASSWORD_COST: "10", DANVAN_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DANVAN_REMINDER_SECONDS: "1" };
  const servers: Server[] = [];
  const db = new pg.Client({ connectionString: url });
  try {
    const init = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "user-add", "--username", "haimay", "--name", "Hai máy", "--role", "admin", "--unit", "VN"], { env: { ...process.env, ...env, DANVAN_NEW_PASSWORD: PASSWORD }, encoding: "utf8" });
    assert.equal(init.status, 0, init.stderr);
    await db.connect();
    // Reminders off until the accounts exist; then both servers start sending in the same second.
    await db.query(`insert into settings (key, value) values ('reminders', '{"enabled":false}')`);
    const [pa, pb] = (await freePorts(2)) as [number, number];
    servers.push(await start(env, pa), await start(env, pb));
    const a = await signIn(pa);
    const b = await signIn(pb);
    const province = (await a("GET", "/api/units?q=52")).json.find((u: { code: string }) => u.code === "52");
    const communes = ((await a("GET", `/api/units?parentId=${province.id}`)).json as Array<{ id: number; code: string }>).slice(0, 20);
    assert.equal(communes.length, 20);
    for (const [i, c] of communes.entries()) {
      const made = await a("POST", "/api/users", { username: `baocao${i}`, displayName: `Báo cáo viên ${i}`, password: PASSWORD, role: "reporter", unitId: c.id, email: `baocao${i}@example.vn` });
      assert.equal(made.status, 200, JSON.stringify(made.json));
    }
    const rv = await a("POST", "/api/users", { username: "duyet", displayName: "Duyệt tỉnh", password: PASSWORD, role: "reviewer", unitId: province.id, email: "duyet@example.vn" });
    assert.equal(rv.status, 200, JSON.stringify(rv.json));
    // Monthly reports due within 40 days or up to 40 days past: whatever today's date, reminders are owed.
    const cur = (await b("GET", "/api/inbox/settings")).json;
    const put = await b("PUT", "/api/inbox/settings", { enabled: true, periodTypes: ["month"], daysBefore: 40, lookbackDays: 40, escalateAfterDays: 7, version: cur.version });
    assert.equal(put.status, 200, JSON.stringify(put.json));

    // Until nothing new comes for 4 seconds.
    let last = -1;
    let still = 0;
    for (let i = 0; i < 60 && still < 4; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const n = Number((await db.query("select count(*) as n from notifications")).rows[0].n) + mails.length * 1000;
      still = n === last ? still + 1 : 0;
      last = n;
    }
    const rows = (await db.query("select user_id, unit_id, period, kind, emailed_at, email_error from notifications")).rows as Array<{ user_id: number; unit_id: number; period: string; kind: string; emailed_at: string | null; email_error: string | null }>;
    assert.ok(rows.length >= 21, `reminders to the 20 reporters and the reviewer (${rows.length})`);
    assert.equal(rows.filter((r) => r.email_error).length, 0);
    assert.equal(rows.filter((r) => r.emailed_at).length, rows.length, "every reminder e-mailed");
    assert.equal(mails.length, rows.length, "one e-mail per reminder, none twice");
    const subjects = mails.map((m) => `${m.to}|${/^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(m.raw)?.[1]}`);
    assert.equal(new Set(subjects).size, subjects.length, "no message sent twice");
    assert.equal(new Set(rows.filter((r) => r.kind !== "escalate").map((r) => r.user_id)).size, 20, "each reporter reminded");
    const ran = servers.map((s) => [...s.log().matchAll(/Nhắc việc: (\d+) thông báo mới/g)].reduce((n, m) => n + Number(m[1]), 0));
    assert.equal(ran[0]! + ran[1]!, rows.length, `the two servers together created each row once (${ran.join(" + ")})`);
    console.log(`# ${rows.length} reminders, ${mails.length} e-mails; created by server A: ${ran[0]}, by server B: ${ran[1]}`);
  } finally {
    for (const s of servers) s.child.kill("SIGTERM");
    await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once("exit", r)))));
    await db.end().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await new Promise<void>((r) => smtp.close(() => r()));
  }
});
