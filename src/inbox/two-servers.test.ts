/**
 * Several servers on one PostgreSQL send each reminder once, and none is lost: real server
 * processes run the reminders every second on the same database, mailing through an SMTP server
 * started in this process. Two servers at once: every reminder is one row of `notifications` (in
 * the app) and one e-mail, never two. A server killed (SIGKILL) after claiming the e-mails and
 * before sending them: another server sends each of them, once, after the lease has run out.
 */
import { freePorts } from "../test-support/ports.ts";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type AddressInfo, type Socket } from "node:net";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { PG_URL } from "../test-support/db.ts";

const PASSWORD = "bon-chan-dung-vung-2026";
const SKIP = PG_URL ? false : "PostgreSQL tests SKIPPED: set DANVAN_TEST_PG_URL";

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

const exited = (s: Server) => new Promise((r) => (s.child.exitCode !== null || s.child.signalCode !== null ? r(null) : s.child.once("exit", r)));

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

interface Mail { to: string; raw: string }

/** A real SMTP server in this process; what it received. `slow`: ms before it accepts each message. */
async function smtpServer(slow = 0): Promise<{ port: number; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS", "AUTH"], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        for (const r of session.envelope.rcptTo) mails.push({ to: r.address, raw: Buffer.concat(chunks).toString("utf8") });
        setTimeout(done, slow);
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  return { port: (smtp.server.address() as AddressInfo).port, mails, close: () => new Promise<void>((r) => smtp.close(() => r())) };
}

const header = (raw: string, name: string) => new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, "im").exec(raw)?.[1];

/** A fresh database with an administrator, reminders off; `fill` makes 20 commune reporters and a provincial reviewer (with addresses) and turns reminders on. */
async function withDatabase(body: (url: string, db: pg.Client, fill: (call: Call) => Promise<void>) => Promise<void>): Promise<void> {
  const name = `danvan_rem_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = PG_URL!.replace(/\/[^/]*$/, `/${name}`);
  const db = new pg.Client({ connectionString: url });
  try {
    const init = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", "user-add", "--username", "haimay", "--name", "Hai máy", "--role", "admin", "--unit", "VN"], { env: { ...process.env, DATABASE_URL: url, DANVAN_PASSWORD_COST: "10", DANVAN_NEW_PASSWORD: PASSWORD }, encoding: "utf8" });
    assert.equal(init.status, 0, init.stderr);
    await db.connect();
    // Reminders off until the accounts exist.
    await db.query(`insert into settings (key, value) values ('reminders', '{"enabled":false}')`);
    await body(url, db, async (a) => {
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
      const cur = (await a("GET", "/api/inbox/settings")).json;
      const put = await a("PUT", "/api/inbox/settings", { enabled: true, periodTypes: ["month"], daysBefore: 40, lookbackDays: 40, escalateAfterDays: 7, version: cur.version });
      assert.equal(put.status, 200, JSON.stringify(put.json));
    });
  } finally {
    await db.end().catch(() => undefined);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** Polls `probe` every second until it holds (at most two minutes). */
async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  assert.fail(`waited two minutes for: ${what}`);
}

interface Row { id: number; user_id: number; unit_id: number; period: string; kind: string; state: string | null; claimed_by: string | null; message_id: string | null }
const reminders = async (db: pg.Client) => (await db.query(`select n.id, n.user_id, n.unit_id, n.period, n.kind, o.state, o.claimed_by, o.message_id
  from notifications n left join reminder_outbox o on o.notification_id = n.id`)).rows as Row[];

/** Each reminder once in the app and once by e-mail: one row per key, one message per row, every message different. */
function assertOnce(rows: Row[], mails: Mail[]): void {
  assert.ok(rows.length >= 21, `reminders to the 20 reporters and the reviewer (${rows.length})`);
  const keys = rows.map((r) => `${r.unit_id}|${r.period}|${r.kind}|${r.user_id}`);
  assert.equal(new Set(keys).size, keys.length, "one in-app reminder per unit, period, kind and recipient");
  assert.equal(new Set(rows.filter((r) => r.kind !== "escalate").map((r) => r.user_id)).size, 20, "each reporter reminded");
  assert.equal(rows.filter((r) => r.state === "sent").length, rows.length, "every reminder e-mailed");
  assert.equal(mails.length, rows.length, "one e-mail per reminder, none twice");
  const ids = mails.map((m) => header(m.raw, "Message-ID"));
  assert.deepEqual(new Set(ids), new Set(rows.map((r) => r.message_id)), "each reminder's own Message-ID");
  const subjects = mails.map((m) => `${m.to}|${header(m.raw, "Subject")}`);
  assert.equal(new Set(subjects).size, subjects.length, "no message sent twice");
}

test("two servers on one PostgreSQL, reminders every second: each reminder is sent once (one row, one e-mail)", { skip: SKIP, timeout: 300_000 }, async () => {
  // A slow mail server: while one server works through its batch, the other's runs find the rest to claim.
  const smtp = await smtpServer(100);
  const servers: Server[] = [];
  try {
    await withDatabase(async (url, db, fill) => {
      const env = { DATABASE_URL: url, DANVAN_PASSWORD_COST: "10", DANVAN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, DANVAN_REMINDER_SECONDS: "1" };
      const [pa, pb] = (await freePorts(2)) as [number, number];
      servers.push(await start(env, pa), await start(env, pb));
      await signIn(pb);
      // Both servers start sending in the same second.
      await fill(await signIn(pa));
      // Until nothing new comes for 4 seconds.
      let last = "";
      let still = 0;
      for (let i = 0; i < 60 && still < 4; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        const n = `${(await db.query("select count(*) as n from notifications")).rows[0].n}|${(await db.query("select count(*) as n from reminder_outbox where state = 'sent'")).rows[0].n}|${smtp.mails.length}`;
        still = n === last ? still + 1 : 0;
        last = n;
      }
      const rows = await reminders(db);
      assertOnce(rows, smtp.mails);
      const ran = servers.map((s) => [...s.log().matchAll(/Nhắc việc: (\d+) thông báo mới/g)].reduce((n, m) => n + Number(m[1]), 0));
      assert.equal(ran[0]! + ran[1]!, rows.length, `the two servers together created each row once (${ran.join(" + ")})`);
      const sent = servers.map((s) => [...s.log().matchAll(/Nhắc việc: (\d+) e-mail đã gửi/g)].reduce((n, m) => n + Number(m[1]), 0));
      assert.equal(sent[0]! + sent[1]!, rows.length, `the two servers together sent each e-mail once (${sent.join(" + ")})`);
      console.log(`# ${rows.length} reminders, ${smtp.mails.length} e-mails; created by server A: ${ran[0]}, by server B: ${ran[1]}; sent by A: ${sent[0]}, by B: ${sent[1]}`);
    });
  } finally {
    for (const s of servers) s.child.kill("SIGTERM");
    await Promise.all(servers.map(exited));
    await smtp.close();
  }
});

test("a server killed after claiming the e-mails, before sending them: another server sends each once after the lease", { skip: SKIP, timeout: 300_000 }, async () => {
  const smtp = await smtpServer();
  // Server A's mail server accepts the connection and never answers: A has claimed its batch and is stuck before the first message goes out.
  const stuck: Socket[] = [];
  const blackhole = createServer((s) => stuck.push(s));
  await new Promise<void>((r) => blackhole.listen(0, "127.0.0.1", () => r()));
  const servers: Server[] = [];
  try {
    await withDatabase(async (url, db, fill) => {
      const env = { DATABASE_URL: url, DANVAN_PASSWORD_COST: "10", DANVAN_REMINDER_SECONDS: "1", DANVAN_MAIL_LEASE_SECONDS: "3" };
      const [pa, pb] = (await freePorts(2)) as [number, number];
      const a = await start({ ...env, DANVAN_SMTP_URL: `smtp://127.0.0.1:${(blackhole.address() as AddressInfo).port}` }, pa);
      servers.push(a);
      await fill(await signIn(pa));
      await until("server A claims a batch of e-mails and opens a connection to send the first", async () => stuck.length > 0 && (await reminders(db)).some((r) => r.claimed_by));
      a.child.kill("SIGKILL");
      await exited(a);
      const before = await reminders(db);
      const claimedByA = new Set(before.flatMap((r) => (r.claimed_by ? [r.claimed_by] : [])));
      const held = before.filter((r) => r.claimed_by).map((r) => r.id);
      assert.equal(claimedByA.size, 1, "one server held the claims");
      assert.ok(held.length >= 21, `A claimed a batch (${held.length} of ${before.length})`);
      assert.ok(before.every((r) => r.state === "pending"), "A sent nothing");
      assert.equal(smtp.mails.length, 0);

      // Server B, with a working mail server: once A's lease has run out, it sends what A had claimed.
      const b = await start({ ...env, DANVAN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}` }, pb);
      servers.push(b);
      await until("server B sends every e-mail", async () => (await reminders(db)).every((r) => r.state === "sent"));
      await new Promise((r) => setTimeout(r, 3000)); // a few more of B's runs: nothing more goes out
      const rows = await reminders(db);
      assert.deepEqual(rows.map((r) => r.id).sort(), before.map((r) => r.id).sort(), "B created no second in-app reminder");
      assert.ok(rows.every((r) => !claimedByA.has(r.claimed_by ?? "")), "B sent them under its own claim, those A had claimed too");
      assertOnce(rows, smtp.mails);
      assert.doesNotMatch(b.log(), /thông báo mới/, "B found every reminder already made");
      console.log(`# ${rows.length} reminders, ${held.length} claimed by the killed server; ${smtp.mails.length} e-mails sent by the other`);
    });
  } finally {
    for (const s of servers) s.child.kill("SIGTERM");
    await Promise.all(servers.map(exited));
    for (const s of stuck) s.destroy();
    await new Promise<void>((r) => blackhole.close(() => r()));
    await smtp.close();
  }
});
