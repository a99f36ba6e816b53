import { test } from "node:test";
import assert from "node:assert/strict";
import { Hierarchy, type LineageEdge, type UnitNode } from "./hierarchy.ts";
import { subUnitsOn } from "./sub-units.ts";

const unit = (id: number, code: string, fullName: string, level: UnitNode["level"], parentId: number | null, validFrom: string | null, validTo: string | null): UnitNode =>
  ({ id, code, name: fullName, fullName, type: "", level, parentId, validFrom, validTo });
const edge = (fromId: number, toId: number, date: string): LineageEdge => ({ fromId, toId, date, kind: "merge", relation: "whole", share: null });

// Two old provinces merged on 1/7/2025; the new one's commune was formed from two old communes,
// then renamed into a third unit on 1/1/2026.
const h = new Hierarchy([
  unit(1, "VN", "Việt Nam", "country", null, null, null),
  unit(10, "64", "Tỉnh Gia Lai (cũ)", "province", 1, null, "2025-06-30"),
  unit(11, "52", "Tỉnh Bình Định", "province", 1, null, "2025-06-30"),
  unit(12, "623", "Thị xã An Khê", "district", 10, null, "2025-06-30"),
  unit(13, "23614", "Phường An Bình", "commune", 12, null, "2025-06-30"),
  unit(14, "23617", "Phường Tây Sơn", "commune", 12, null, "2025-06-30"),
  unit(20, "52", "Tỉnh Gia Lai", "province", 1, "2025-07-01", null),
  unit(21, "23617", "Phường An Khê", "commune", 20, "2025-07-01", "2025-12-31"),
  unit(22, "23618", "Phường An Khê Mới", "commune", 20, "2026-01-01", null),
], [edge(10, 20, "2025-07-01"), edge(11, 20, "2025-07-01"), edge(13, 21, "2025-07-01"), edge(14, 21, "2025-07-01"), edge(21, 22, "2026-01-01")]);
const codes = (us: UnitNode[]) => us.map((u) => `${u.code} ${u.fullName}`);

test("a unit in force on the day: its children then", () => {
  assert.deepEqual(codes(subUnitsOn(h, 1, "2024-12-31")), ["52 Tỉnh Bình Định", "64 Tỉnh Gia Lai (cũ)"]);
  assert.deepEqual(codes(subUnitsOn(h, 12, "2024-12-31")), ["23614 Phường An Bình", "23617 Phường Tây Sơn"]);
  assert.deepEqual(codes(subUnitsOn(h, 20, "2026-03-31")), ["23618 Phường An Khê Mới"]);
});

test("a unit formed after the day: the units then in force whose figures went into it, further back through later units", () => {
  assert.deepEqual(codes(subUnitsOn(h, 20, "2024-12-31")), ["52 Tỉnh Bình Định", "64 Tỉnh Gia Lai (cũ)"]);
  assert.deepEqual(codes(subUnitsOn(h, 21, "2024-12-31")), ["23614 Phường An Bình", "23617 Phường Tây Sơn"]);
  assert.deepEqual(codes(subUnitsOn(h, 22, "2024-12-31")), ["23614 Phường An Bình", "23617 Phường Tây Sơn"]);
  assert.deepEqual(codes(subUnitsOn(h, 22, "2025-09-30")), ["23617 Phường An Khê"]);
});

test("a unit ended before the day has no sub-units then", () => {
  assert.deepEqual(subUnitsOn(h, 12, "2026-03-31"), []);
});
