/** The inbox over HTTP: count, list, read marks; bad input is a 400 in Vietnamese, an unknown item 404; reviews/next. */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { seededContext, userAt } from "../test-support/fixture.ts";
import { createApp } from "../http/app.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { extraRoutes } from "../plugins.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { transition } from "../submissions/submission.service.ts";
import "./plugin.ts";

describeEachDatabase("inbox API", (get) => {
  let ctx: Ctx;
  let app: ReturnType<typeof createApp>;
  const cookies: Record<string, string> = {};
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers: { cookie: cookies[who]!, ...(body !== undefined ? { "content-type": "application/json" } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: res.status, json: (await res.json()) as any };
  };

  before(async () => {
    ctx = await seededContext(get());
    app = createApp(ctx, extraRoutes);
    const h = await hierarchyOf(ctx);
    const quyNhon = h.resolveCode("21583", "2026-01-01").id;
    for (const [who, role, code] of [["reporter", "reporter", "21583"], ["reviewer", "reviewer", "52"]] as const) {
      const a = await userAt(ctx, role, code);
      const res = await app.request("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: (a as { username: string }).username, password: "mat-khau-thu" }) });
      cookies[who] = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    }
    await transition(ctx, SYSTEM, quyNhon, "2026Q3", "submit");
    await transition(ctx, SYSTEM, quyNhon, "2026Q3", "return", "Bổ sung số liệu hòa giải.");
  });

  test("count, list and read marks; bad input 400 VALIDATION in Vietnamese; an item not in one's inbox 404", async () => {
    const c0 = await call("reporter", "GET", "/api/inbox/count");
    assert.equal(c0.status, 200);
    assert.ok(c0.json.unread >= 1);
    const box = await call("reporter", "GET", "/api/inbox");
    const returned = box.json.items.find((i: { kind: string }) => i.kind === "returned");
    assert.equal(returned.detail, "Bổ sung số liệu hòa giải.");
    const bad = await call("reporter", "POST", "/api/inbox/read", { keys: [] });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.code, "VALIDATION");
    assert.doesNotMatch(JSON.stringify(bad.json.error), /Too small|Invalid input|expected/);
    const notMine = await call("reporter", "POST", "/api/inbox/read", { keys: ["late:1:2026Q3"] });
    assert.equal(notMine.status, 404);
    assert.equal(notMine.json.error.code, "INBOX_ITEM_NOT_FOUND");
    const ok = await call("reporter", "POST", "/api/inbox/read", { keys: [returned.key] });
    assert.deepEqual(ok.json, { marked: 1, unread: c0.json.unread - 1 });
    assert.equal((await call("reporter", "GET", "/api/inbox/count")).json.unread, c0.json.unread - 1);
  });

  test("review queue over HTTP: state filter, next; reporters may not read it", async () => {
    assert.equal((await call("reviewer", "GET", "/api/reviews?state=returned")).json.length, 1);
    assert.equal((await call("reviewer", "GET", "/api/reviews/next")).json.next, null);
    assert.equal((await call("reviewer", "GET", "/api/reviews?state=lost")).status, 400);
    assert.equal((await call("reporter", "GET", "/api/reviews")).status, 403);
  });

  test("reminder settings: readable by users, changed only by national administrators", async () => {
    const s = await call("reporter", "GET", "/api/inbox/settings");
    assert.equal(s.json.daysBefore, 3);
    assert.equal(s.json.escalateAfterDays, 7);
    assert.equal((await call("reviewer", "PUT", "/api/inbox/settings", { daysBefore: 5 })).status, 403);
  });
});
