import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { SYSTEM, type Actor } from "./actor.ts";
import { isDomainError } from "../core/errors.ts";
import { actorOfSession, changeOwnPassword, createUser, signIn, updateUser } from "./user.service.ts";

async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (isDomainError(e)) return e.code;
    if (e instanceof Error && e.name === "ZodError") return "VALIDATION";
    throw e;
  }
  return "NO_ERROR";
}

describeEachDatabase("user administration", (get) => {
  let ctx: Ctx;
  let gialaiAdmin: Actor;
  let hanoiCommune: number;
  let gialaiCommune: number;
  let userId: number;
  const auditCount = async () => Number((await ctx.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

  before(async () => {
    ctx = await seededContext(get());
    const h = await hierarchyOf(ctx);
    gialaiAdmin = await userAt(ctx, "admin", "52");
    gialaiCommune = h.resolveCode("21583", "2026-01-01").id;
    hanoiCommune = h.childrenOf(h.resolveCode("01", "2026-01-01").id, "2026-01-01")[0]!.id;
    userId = (await createUser(ctx, SYSTEM, { username: "canbo.xa", displayName: "Cán bộ xã", password: "mat-khau-cu-1", role: "reporter", unitId: gialaiCommune })).id;
  });

  test("an administrator changes a user's role and name; the change is audited with before and after", async () => {
    const n = await auditCount();
    const u = await updateUser(ctx, gialaiAdmin, userId, { role: "viewer", displayName: "Cán bộ xã Quy Nhơn" });
    assert.equal(u.role, "viewer");
    assert.equal(u.displayName, "Cán bộ xã Quy Nhơn");
    const row = await ctx.db.selectFrom("audit_log").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    assert.equal(await auditCount(), n + 1);
    assert.match(row.before ?? "", /"role":"reporter"/);
    assert.match(row.after ?? "", /"role":"viewer"/);
    assert.doesNotMatch(`${row.before}${row.after}`, /scrypt|password/);
  });

  test("locking a user ends their sessions and refuses sign-in; unlocking lets them back", async () => {
    const s = await signIn(ctx, "canbo.xa", "mat-khau-cu-1");
    assert.ok(await actorOfSession(ctx, s.token));
    await updateUser(ctx, gialaiAdmin, userId, { active: false });
    assert.equal(await actorOfSession(ctx, s.token), null);
    assert.equal(await codeOf(() => signIn(ctx, "canbo.xa", "mat-khau-cu-1")), "BAD_CREDENTIALS");
    await updateUser(ctx, gialaiAdmin, userId, { active: true });
    assert.ok((await signIn(ctx, "canbo.xa", "mat-khau-cu-1")).token);
  });

  test("a password reset ends the user's sessions and only the new password works", async () => {
    const s = await signIn(ctx, "canbo.xa", "mat-khau-cu-1");
    await updateUser(ctx, gialaiAdmin, userId, { password: "mat-khau-lan-hai" });
    assert.equal(await actorOfSession(ctx, s.token), null);
    assert.equal(await codeOf(() => signIn(ctx, "canbo.xa", "mat-khau-cu-1")), "BAD_CREDENTIALS");
    assert.ok((await signIn(ctx, "canbo.xa", "mat-khau-lan-hai")).token);
  });

  test("out of scope, self lock-out and bad input are refused and change nothing", async () => {
    const reporter = await userAt(ctx, "reporter", "21583");
    const n = await auditCount();
    assert.equal(await codeOf(() => updateUser(ctx, gialaiAdmin, userId, { unitId: hanoiCommune })), "OUT_OF_SCOPE");
    assert.equal(await codeOf(() => updateUser(ctx, gialaiAdmin, gialaiAdmin.kind === "user" ? gialaiAdmin.userId : 0, { active: false })), "USER_SELF_LOCKOUT");
    assert.equal(await codeOf(() => updateUser(ctx, gialaiAdmin, gialaiAdmin.kind === "user" ? gialaiAdmin.userId : 0, { role: "viewer" })), "USER_SELF_LOCKOUT");
    assert.equal(await codeOf(() => updateUser(ctx, gialaiAdmin, userId, { password: "ngan" })), "VALIDATION");
    assert.equal(await codeOf(() => updateUser(ctx, gialaiAdmin, userId, { username: "doi-ten" } as never)), "VALIDATION");
    assert.equal(await codeOf(() => updateUser(ctx, gialaiAdmin, 999999, { active: false })), "USER_NOT_FOUND");
    assert.equal(await codeOf(() => updateUser(ctx, reporter, userId, { active: false })), "FORBIDDEN");
    assert.equal(await auditCount(), n);
    assert.ok((await signIn(ctx, "canbo.xa", "mat-khau-lan-hai")).token);
  });

  test("users change their own password only by giving the current one", async () => {
    const s = await signIn(ctx, "canbo.xa", "mat-khau-lan-hai");
    const me = (await actorOfSession(ctx, s.token))!;
    assert.equal(await codeOf(() => changeOwnPassword(ctx, me, { current: "sai-mat-khau", password: "mat-khau-thu-3" })), "BAD_PASSWORD");
    assert.equal(await codeOf(() => changeOwnPassword(ctx, me, { current: "mat-khau-lan-hai", password: "mat-khau-lan-hai" })), "VALIDATION");
    await changeOwnPassword(ctx, me, { current: "mat-khau-lan-hai", password: "mat-khau-thu-3" });
    assert.equal(await codeOf(() => signIn(ctx, "canbo.xa", "mat-khau-lan-hai")), "BAD_CREDENTIALS");
    assert.ok((await signIn(ctx, "canbo.xa", "mat-khau-thu-3")).token);
  });
});
