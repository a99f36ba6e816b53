/**
 * Migration 2026-12-13 gives the e-mails tried before it their last attempt's best known date (sent:
 * when sent; failed or tried and waiting: their claim, else when queued); untried ones stay without.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../../test-support/db.ts";
import { seededContext, userAt } from "../../test-support/fixture.ts";
import { idb } from "../../inbox/inbox.repository.ts";
import * as lastAttempt from "./2026-12-13-outbox-last-attempt.ts";

describeEachDatabase("outbox last-attempt migration", (get) => {
  test("rows queued before it get the date of their last attempt where one was made", async () => {
    const ctx = await seededContext(get());
    const u = (await userAt(ctx, "reporter", "21583")) as { userId: number; unitId: number };
    await lastAttempt.down(ctx.db);
    const db = idb(ctx.db);
    const rows = [
      { name: "sent", state: "sent", attempts: 1, claimed_at: "2026-01-02T00:00:00.000Z", sent_at: "2026-01-02T00:00:05.000Z" },
      { name: "failed", state: "failed", attempts: 5, claimed_at: "2026-02-03T00:00:00.000Z", sent_at: null },
      { name: "failed-unclaimed", state: "failed", attempts: 1, claimed_at: null, sent_at: null },
      { name: "retrying", state: "pending", attempts: 2, claimed_at: "2026-03-04T00:00:00.000Z", sent_at: null },
      { name: "waiting", state: "pending", attempts: 0, claimed_at: null, sent_at: null },
    ];
    for (const [i, r] of rows.entries()) {
      const n = await db.insertInto("notifications").values({ user_id: u.userId, unit_id: u.unitId, period: "2026Q1", kind: `m-${i}`, due: "2026-04-07", message: r.name, created_at: "2026-01-01T00:00:00.000Z" })
        .returning("id").executeTakeFirstOrThrow();
      // Without the column (the schema before the migration): name the others only.
      await ctx.db.insertInto("reminder_outbox" as never).values({ notification_id: n.id, to_address: "a@example.vn", subject: r.name, body: r.name, message_id: `<${r.name}@t>`, created_at: "2026-01-01T00:00:00.000Z", state: r.state, attempts: r.attempts, claimed_at: r.claimed_at, sent_at: r.sent_at } as never).execute();
    }
    await lastAttempt.up(ctx.db);
    const got = await db.selectFrom("reminder_outbox").select(["subject", "last_attempt_at"]).orderBy("subject").execute();
    assert.deepEqual(got.map((r) => [r.subject, r.last_attempt_at]), [
      ["failed", "2026-02-03T00:00:00.000Z"],
      ["failed-unclaimed", "2026-01-01T00:00:00.000Z"],
      ["retrying", "2026-03-04T00:00:00.000Z"],
      ["sent", "2026-01-02T00:00:05.000Z"],
      ["waiting", null],
    ]);
  });
});
