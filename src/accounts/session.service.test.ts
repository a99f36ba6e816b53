/**
 * Sign-in against guessing (issue 13): lockout with backoff per account and per address, shared
 * through the database; unknown names behave like known ones; failures and sign-outs audited;
 * the password policy on create, reset and change; a password change ends the other sessions.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { loadConfig } from "../config.ts";
import { SYSTEM, type Actor } from "./actor.ts";
import { isDomainError } from "../core/errors.ts";
import { actorOfSession, changeOwnPassword, createUser, signIn, signOut, updateUser } from "./user.service.ts";
import { dummyHashFor } from "./session.service.ts";
import { hashPassword } from "./password.ts";
import { createApp } from "../http/app.ts";

async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "OK";
  } catch (e) {
    if (isDomainError(e)) return e.code;
    if (e instanceof Error && e.name === "ZodError") return "VALIDATION";
    throw e;
  }
}

/** Runs fn with console.warn captured. */
async function warnings(fn: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const orig = console.warn;
  console.warn = (...a: unknown[]) => void lines.push(a.map(String).join(" "));
  try {
    await fn().catch(() => undefined);
  } finally {
    console.warn = orig;
  }
  return lines.join("\n");
}

describeEachDatabase("sign-in against guessing", (get) => {
  let ctx: Ctx;
  let unitId: number;
  let admin: Actor;
  let n = 0;
  const T0 = Date.parse("2026-11-25T08:00:00Z");
  /** A fresh user (its own account counter) with a good password. */
  const newUser = async (password = "hoa-sen-tren-song") => {
    const username = `canbo${++n}`;
    const u = await createUser(ctx, SYSTEM, { username, displayName: `Cán bộ số ${n}`, password, role: "reporter", unitId });
    return { ...u, password };
  };
  const auditRows = (action: string) => ctx.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

  before(async () => {
    ctx = { ...(await seededContext(get())), config: loadConfig({ DANVAN_PASSWORD_COST: "10", DANVAN_SIGNIN_MAX_FAILURES_IP: "1000" }) };
    unitId = (await hierarchyOf(ctx)).resolveCode("21583", "2026-01-01").id;
    admin = await userAt(ctx, "admin", "52");
  });

  test("after 5 wrong passwords the account is locked, even for the right one; the lock doubles per further failure and ends on time", async () => {
    const u = await newUser();
    const at = (s: number) => ({ ip: "10.0.0.1", now: T0 + s * 1000 });
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push(await outcome(() => signIn(ctx, u.username, "sai-mat-khau-" + i, at(i))));
    assert.deepEqual(codes, ["BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS"]);
    // The fifth failure locks at once, and says so.
    let fifth: unknown;
    await signIn(ctx, u.username, "sai-mat-khau-5", at(5)).catch((e) => (fifth = e));
    assert.ok(isDomainError(fifth) && fifth.code === "RATE_LIMITED");
    assert.equal((fifth.details as { retryAfter: number }).retryAfter, 60);
    assert.match(fifth.message, /sai quá nhiều lần.*1 phút/);
    assert.equal(await outcome(() => signIn(ctx, u.username, u.password, at(30))), "RATE_LIMITED");
    // After the minute, one more wrong password locks for two minutes.
    let sixth: unknown;
    await signIn(ctx, u.username, "sai-mat-khau-6", at(66)).catch((e) => (sixth = e));
    assert.ok(isDomainError(sixth) && sixth.code === "RATE_LIMITED");
    assert.equal((sixth.details as { retryAfter: number }).retryAfter, 120);
    assert.equal(await outcome(() => signIn(ctx, u.username, u.password, at(66 + 119))), "RATE_LIMITED");
    assert.equal(await outcome(() => signIn(ctx, u.username, u.password, at(66 + 121))), "OK");
    // A success forgets the failures.
    for (let i = 0; i < 4; i++) assert.equal(await outcome(() => signIn(ctx, u.username, "sai", at(200 + i))), "BAD_CREDENTIALS");
  });

  test("an unknown name answers exactly like a known one (same codes, same lock), so nobody learns who has an account", async () => {
    const u = await newUser();
    const seq = async (name: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) out.push(await outcome(() => signIn(ctx, name, "doan-mo-" + i, { ip: "10.0.0.2", now: T0 + i * 1000 })));
      return out;
    };
    const known = await seq(u.username);
    const unknown = await seq("khong-ai-ca");
    assert.deepEqual(unknown, known);
    assert.deepEqual(known.slice(3), ["BAD_CREDENTIALS", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
    // The unknown name costs one scrypt of the configured cost, like a real account's hash.
    const dummy = await dummyHashFor(ctx.config.passwordCost);
    const real = await hashPassword("x", ctx.config.passwordCost);
    assert.deepEqual(dummy.split("$").slice(0, 4), real.split("$").slice(0, 4));
    assert.deepEqual(dummy.split("$").map((p) => p.length), real.split("$").map((p) => p.length));
  });

  test("an old, cheaper hash is remade at the configured cost on sign-in", async () => {
    const u = await newUser();
    await ctx.db.updateTable("users").set({ password_hash: await hashPassword(u.password, 11) }).where("id", "=", u.id).execute();
    await signIn(ctx, u.username, u.password, { ip: "10.0.0.3", now: T0 });
    const h = (await ctx.db.selectFrom("users").select("password_hash").where("id", "=", u.id).executeTakeFirstOrThrow()).password_hash;
    assert.equal(h.split("$")[1], String(ctx.config.passwordCost));
  });

  test("one address trying many accounts is refused after its own limit; other addresses are not", async () => {
    const ipCtx = { ...ctx, config: loadConfig({ DANVAN_PASSWORD_COST: "10", DANVAN_SIGNIN_MAX_FAILURES_IP: "3" }) };
    const victims = [await newUser(), await newUser(), await newUser(), await newUser()];
    for (const v of victims.slice(0, 2)) assert.equal(await outcome(() => signIn(ipCtx, v.username, "doan-bua", { ip: "203.0.113.9", now: T0 })), "BAD_CREDENTIALS");
    assert.equal(await outcome(() => signIn(ipCtx, victims[2]!.username, "doan-bua", { ip: "203.0.113.9", now: T0 })), "RATE_LIMITED");
    assert.equal(await outcome(() => signIn(ipCtx, victims[3]!.username, victims[3]!.password, { ip: "203.0.113.9", now: T0 + 1000 })), "RATE_LIMITED");
    assert.equal(await outcome(() => signIn(ipCtx, victims[3]!.username, victims[3]!.password, { ip: "198.51.100.7", now: T0 + 1000 })), "OK");
  });

  test("parallel guesses cannot slip past the count: of 12 at once, only 5 passwords are checked", async () => {
    const u = await newUser();
    const failsBefore = (await auditRows("session.fail")).length;
    const codes = await Promise.all(Array.from({ length: 12 }, (_, i) => outcome(() => signIn(ctx, u.username, `doan-${i}`, { ip: "10.0.0.4", now: T0 }))));
    assert.equal(codes.filter((c) => c === "BAD_CREDENTIALS").length, 4);
    assert.equal(codes.filter((c) => c === "RATE_LIMITED").length, 8);
    const rows = (await auditRows("session.fail")).slice(failsBefore);
    assert.equal(rows.filter((r) => (JSON.parse(r.after!) as { reason: string }).reason === "bad_password").length, 5);
    assert.equal(rows.filter((r) => (JSON.parse(r.after!) as { reason: string }).reason === "locked").length, 7);
  });

  test("failed sign-ins are audited and logged without the password or the name typed; sign-outs are audited", async () => {
    const u = await newUser();
    const before = (await auditRows("session.fail")).length;
    const log = await warnings(() => signIn(ctx, u.username, "mat-khau-bi-lo-ra", { ip: "10.0.0.5", now: T0 }));
    const logUnknown = await warnings(() => signIn(ctx, "ai-do-go-nham", "mat-khau-bi-lo-ra", { ip: "10.0.0.5", now: T0 }));
    const rows = (await auditRows("session.fail")).slice(before);
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.entity_id, String(u.id));
    assert.deepEqual(JSON.parse(rows[0]!.after!), { reason: "bad_password", ip: "10.0.0.5" });
    assert.equal(rows[1]!.entity_id, null);
    assert.equal((JSON.parse(rows[1]!.after!) as { reason: string }).reason, "unknown_user");
    for (const text of [log, logUnknown, JSON.stringify(rows)]) {
      assert.doesNotMatch(text, /mat-khau-bi-lo-ra|ai-do-go-nham/);
      assert.doesNotMatch(text, new RegExp(u.username));
    }
    assert.match(log, /sign-in refused: reason=bad_password account=#\d+/);
    const s = await signIn(ctx, u.username, u.password, { ip: "10.0.0.5", now: T0 });
    await signOut(ctx, s.token);
    const out = (await auditRows("session.end")).at(-1)!;
    assert.equal(out.user_id, u.id);
    assert.equal(await actorOfSession(ctx, s.token), null);
  });

  test("password policy on create, reset and change: long enough, not common (Vietnamese ones too), not the user's name; nothing changes", async () => {
    const weak = ["matkhau123", "123456a@", "Matkhau@2026", "anhyeuem123", "password123!", "danvan-demo", "qwertyuiop", "aaaaaaaaaaaa"];
    for (const password of weak) {
      const code = await outcome(() => createUser(ctx, SYSTEM, { username: `yeu${++n}`, displayName: "Yếu", password, role: "viewer", unitId }));
      assert.equal(code, "VALIDATION", password);
    }
    let err: unknown;
    await createUser(ctx, SYSTEM, { username: "nguyenvanan", displayName: "Nguyễn Văn An", password: "nguyenvanan-2026", role: "viewer", unitId }).catch((e) => (err = e));
    assert.ok(err instanceof Error);
    assert.match(err.message, /tên đăng nhập hay họ tên/);
    await assert.rejects(createUser(ctx, SYSTEM, { username: `yeu${++n}`, displayName: "Yếu", password: "matkhau2026", role: "viewer", unitId }), (e) => {
      const z = e as { issues: Array<{ message: string; params?: { code?: string } }> };
      return z.issues[0]!.params?.code === "PASSWORD_WEAK" && /phổ biến/.test(z.issues[0]!.message);
    });
    const u = await newUser();
    assert.equal(await outcome(() => updateUser(ctx, admin, u.id, { password: "12345678910" })), "VALIDATION");
    const me = (await actorOfSession(ctx, (await signIn(ctx, u.username, u.password, { ip: "10.0.0.6" })).token))!;
    assert.equal(await outcome(() => changeOwnPassword(ctx, me, { current: u.password, password: "matkhaumoi" })), "VALIDATION");
    assert.equal(await outcome(() => signIn(ctx, u.username, u.password, { ip: "10.0.0.6" })), "OK");
  });

  test("changing one's own password ends one's other sessions and keeps this one", async () => {
    const u = await newUser();
    const here = await signIn(ctx, u.username, u.password, { ip: "10.0.0.7" });
    const phone = await signIn(ctx, u.username, u.password, { ip: "10.0.0.8" });
    const me = (await actorOfSession(ctx, here.token))!;
    const r = await changeOwnPassword(ctx, me, { current: u.password, password: "cau-vong-sau-mua" }, here.token);
    assert.equal(r.endedSessions, 1);
    assert.ok(await actorOfSession(ctx, here.token));
    assert.equal(await actorOfSession(ctx, phone.token), null);
  });

  test("an administrator's password reset lifts the lock", async () => {
    const u = await newUser();
    for (let i = 0; i < 5; i++) await outcome(() => signIn(ctx, u.username, "sai", { ip: "10.0.0.9", now: T0 }));
    assert.equal(await outcome(() => signIn(ctx, u.username, u.password, { ip: "10.0.0.9", now: T0 })), "RATE_LIMITED");
    await updateUser(ctx, admin, u.id, { password: "mat-khau-dat-lai-1" });
    assert.equal(await outcome(() => signIn(ctx, u.username, "mat-khau-dat-lai-1", { ip: "10.0.0.9", now: T0 })), "OK");
  });

  test("over HTTP the lock is 429 RATE_LIMITED with Retry-After and a Vietnamese message", async () => {
    const u = await newUser();
    const app = createApp(ctx);
    const post = (password: string) => app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: u.username, password }) });
    for (let i = 0; i < 4; i++) assert.equal((await post("sai-" + i)).status, 401);
    const locked = await post("sai-5");
    assert.equal(locked.status, 429);
    assert.equal(locked.headers.get("retry-after"), "60");
    const right = await post(u.password);
    assert.equal(right.status, 429);
    assert.match(((await right.json()) as { error: { message: string } }).error.message, /tạm bị khóa/);
  });
});
