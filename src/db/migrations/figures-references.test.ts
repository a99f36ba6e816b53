/**
 * A figure names a unit, an indicator and (imported) a batch that exist, on both engines: SQLite by
 * its foreign keys, PostgreSQL by checks over each statement's rows (migration 2026-12-15). A write
 * naming a missing one is refused whole, and a parent keeps every key a figure holds.
 */
import { test, before } from "node:test";
import assert from "node:assert/strict";
import type { Kysely } from "kysely";
import { describeEachDatabase } from "../../test-support/db.ts";
import type { DB } from "../schema.ts";

const refused = async (p: Promise<unknown>) => {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(["23503", "SQLITE_CONSTRAINT_FOREIGNKEY"].includes(String((e as { code?: unknown }).code)), String(e));
    return true;
  });
};

describeEachDatabase("figures' references", (get) => {
  let db: Kysely<DB>;
  let unit = 0;
  let spare = 0;
  let batch = 0;
  const figure = (o: { unit_id?: number; indicator?: string; period?: string; batch_id?: number | null } = {}) => ({
    unit_id: unit, indicator: "thu.nghiem", period: "202601", year: 2026, start_month: 1, end_month: 1, disagg: "", kind: "own", value: 3,
    status: "reported", comment: null, source: null, batch_id: null, updated_by: null, updated_at: "2026-01-31T00:00:00.000Z", ...o,
  });
  const count = async () => Number((await db.selectFrom("figures").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);

  before(async () => {
    db = get().db;
    const u = (name: string, code: string) => db.insertInto("units").values({ code, name, full_name: `Xã ${name}`, type: "xã", level: "commune", parent_id: null, valid_from: null, valid_to: null, structure: null }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("indicators").values({ key: "thu.nghiem", label: "Thử nghiệm", unit: "lượt", aggregation: "sum", denominator: null, section: "khac", description: null, builtin: 0, sort: 1 }).execute();
    unit = (await u("Thử", "99001")).id;
    spare = (await u("Trống", "99002")).id;
    batch = (await db.insertInto("import_batches").values({ created_at: "2026-01-31T00:00:00.000Z", user_id: null, format: "csv", lines: 1, sha256: "" }).returning("id").executeTakeFirstOrThrow()).id;
    await db.insertInto("figures").values(figure({ batch_id: batch })).execute();
  });

  test("a figure naming a missing unit, indicator or batch is refused, and the rows written with it too", async () => {
    await refused(db.insertInto("figures").values(figure({ unit_id: 987654, period: "202602" })).execute());
    await refused(db.insertInto("figures").values(figure({ indicator: "khong.co", period: "202602" })).execute());
    await refused(db.insertInto("figures").values(figure({ batch_id: 987654, period: "202602" })).execute());
    await refused(db.insertInto("figures").values([figure({ period: "202603" }), figure({ unit_id: 987654, period: "202604" })]).execute());
    assert.equal(await count(), 1);
  });

  test("an update may not point a figure at a missing unit, indicator or batch", async () => {
    await refused(db.updateTable("figures").set({ unit_id: 987654 }).execute());
    await refused(db.updateTable("figures").set({ indicator: "khong.co" }).execute());
    await refused(db.updateTable("figures").set({ batch_id: 987654 }).execute());
    await db.updateTable("figures").set({ value: 4, batch_id: null }).execute();
    assert.deepEqual(await db.selectFrom("figures").select(["unit_id", "value"]).execute(), [{ unit_id: unit, value: 4 }]);
  });

  test("a unit, an indicator or a batch a figure names cannot be deleted or lose its key; one no figure names can", async () => {
    await db.updateTable("figures").set({ batch_id: batch }).execute();
    await refused(db.deleteFrom("units").where("id", "=", unit).execute());
    await refused(db.deleteFrom("indicators").where("key", "=", "thu.nghiem").execute());
    await refused(db.deleteFrom("import_batches").where("id", "=", batch).execute());
    await refused(db.updateTable("units").set({ id: 987655 }).where("id", "=", unit).execute());
    await db.updateTable("units").set({ name: "Thử Lại" }).where("id", "=", unit).execute();
    await db.deleteFrom("units").where("id", "=", spare).execute();
    assert.equal(await count(), 1);
  });
});
