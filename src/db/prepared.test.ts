import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { prepared } from "./prepared.ts";

describeEachDatabase("prepared queries", (get) => {
  const put = prepared(2, (db, key: string, value: string) => db.insertInto("settings").values({ key, value }));
  const read = prepared(1, (db, key: string) => db.selectFrom("settings").select(["key", "value"]).where("key", "=", key));

  test("a prepared query gives each call its own arguments, in their places", async () => {
    const db = get().db;
    await put(db, "prepared.a", "một");
    await put(db, "prepared.b", "hai");
    assert.deepEqual(await read(db, "prepared.b"), [{ key: "prepared.b", value: "hai" }]);
    assert.deepEqual(await read(db, "prepared.a"), [{ key: "prepared.a", value: "một" }]);
    assert.deepEqual(await read(db, "prepared.c"), []);
  });

  test("inside a transaction it writes through the transaction (rolled back with it)", async () => {
    const db = get().db;
    await assert.rejects(db.transaction().execute(async (trx) => {
      await put(trx, "prepared.tx", "x");
      assert.equal((await read(trx, "prepared.tx")).length, 1);
      throw new Error("rollback");
    }), /rollback/);
    assert.equal((await read(db, "prepared.tx")).length, 0);
  });

  test("a builder that changes an argument instead of passing it through is refused at its first use", async () => {
    const bad = prepared(1, (db, n: number) => db.selectFrom("settings").select("key").where("version", "=", n + 1));
    await assert.rejects(bad(get().db, 1), /an argument was changed, not passed through|each of the 1 arguments/);
  });
});
