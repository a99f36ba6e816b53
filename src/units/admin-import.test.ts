import { test } from "node:test";
import assert from "node:assert/strict";
import { describeEachDatabase } from "../test-support/db.ts";
import { importAdminUnits } from "./admin-import.ts";
import { HierarchyStore } from "./hierarchy.store.ts";
import { SYSTEM } from "../accounts/actor.ts";

describeEachDatabase("importing Vietnam's units before and after the 2025 reform", (get) => {
  const store = new HierarchyStore();

  test("imports 63/696/10,035 old and 34/3,321 new units with their merges", async () => {
    const r = await importAdminUnits(get().db, SYSTEM);
    assert.deepEqual(r, { units2024: 10794, units2025: 3355, lineage: 10633, amendments: 25, skipped: false });
    const again = await importAdminUnits(get().db, SYSTEM);
    assert.equal(again.skipped, true);
  });

  test("a code names a unit only with a date: old 00004 Trúc Bạch is not new 00004 Ba Đình", async () => {
    const h = await store.get(get().db);
    assert.equal(h.resolveCode("00004", "2024-06-01").fullName, "Phường Trúc Bạch");
    assert.equal(h.resolveCode("00004", "2025-08-01").fullName, "Phường Ba Đình");
    const old = h.resolveCode("25270", "2024-12-31");
    const neu = h.resolveCode("25270", "2025-07-01");
    assert.notEqual(old.id, neu.id);
    assert.equal(h.placeAt(old.id, "2025-07-01").unitId, neu.id);
    assert.throws(() => h.resolveCode("99999", "2024-01-01"), /Không có đơn vị mã "99999"/);
  });

  test("the hierarchy as of a date: 34 provinces after, 63 before; Lộc Ninh district has 16 communes in 2024", async () => {
    const h = await store.get(get().db);
    const root = h.resolveCode("VN", "2024-01-01");
    assert.equal(h.childrenOf(root.id, "2025-07-01").length, 34);
    assert.equal(h.childrenOf(root.id, "2024-01-01").length, 63);
    const locNinh = h.resolveCode("692", "2024-12-31");
    assert.equal(h.childrenOf(locNinh.id, "2024-12-31").length, 16);
    assert.equal(h.resolveCode("75", "2026-05-01").type, "thành phố");
    assert.equal(h.resolveCode("75", "2026-04-29").type, "tỉnh");
    assert.equal(h.resolveCode("25270", "2026-05-01").fullName, "Phường Lộc Ninh");
  });
});
