/**
 * A slice of the real hierarchy (codes from ../shared/data/vn-admin), as in spec/rollup.md, for the
 * core's tests: Lộc Ninh's communes merged into new Đồng Nai, Phường Thành Công split in Hà Nội,
 * and a province with nothing below it.
 */
import { Hierarchy, type UnitNode, type LineageEdge, type UnitLevel } from "./hierarchy.ts";

// A slice of the real hierarchy (codes from ../shared/data/vn-admin), as in spec/rollup.md.
export const OLD_END = "2025-06-30";
export const NEW_START = "2025-07-01";
let nextId = 1;
export const units: UnitNode[] = [];
export const ids: Record<string, number> = {};
function unit(key: string, code: string, fullName: string, level: UnitLevel, parent: string | null, era: "old" | "new" | "always"): number {
  const id = nextId++;
  units.push({
    id, code, name: fullName, fullName, type: "", level, parentId: parent ? ids[parent]! : null,
    validFrom: era === "new" ? NEW_START : null, validTo: era === "old" ? OLD_END : null,
  });
  ids[key] = id;
  return id;
}
unit("VN", "VN", "Việt Nam", "country", null, "always");
unit("p70", "70", "Tỉnh Bình Phước", "province", "VN", "old");
unit("p75old", "75", "Tỉnh Đồng Nai", "province", "VN", "old");
unit("d692", "692", "Huyện Lộc Ninh", "district", "p70", "old");
unit("c25270old", "25270", "Thị trấn Lộc Ninh", "commune", "d692", "old");
unit("c25288", "25288", "Xã Lộc Thuận", "commune", "d692", "old");
unit("c25297", "25297", "Xã Lộc Thái", "commune", "d692", "old");
unit("c25292old", "25292", "Xã Lộc Phú", "commune", "d692", "old");
unit("dBH", "731", "Thành phố Biên Hòa", "district", "p75old", "old");
unit("c26068", "26068", "Phường Trảng Dài", "commune", "dBH", "old");
unit("p75", "75", "Tỉnh Đồng Nai", "province", "VN", "new");
unit("c25270new", "25270", "Xã Lộc Ninh", "commune", "p75", "new");
unit("c25292new", "25292", "Xã Lộc Quang", "commune", "p75", "new");
unit("c26068new", "26068", "Phường Trảng Dài", "commune", "p75", "new");
// Hà Nội split example
unit("p01old", "01", "Thành phố Hà Nội", "province", "VN", "old");
unit("dBD", "001", "Quận Ba Đình", "district", "p01old", "old");
unit("c00034", "00034", "Phường Thành Công", "commune", "dBD", "old");
unit("p01", "01", "Thành phố Hà Nội", "province", "VN", "new");
unit("c00025", "00025", "Phường Giảng Võ", "commune", "p01", "new");
unit("c00190", "00190", "Phường Ô Chợ Dừa", "commune", "p01", "new");
unit("pX", "99", "Tỉnh Thử (no figures below it)", "province", "VN", "always");

const e = (from: string, to: string, relation = "whole"): LineageEdge => ({ fromId: ids[from]!, toId: ids[to]!, date: NEW_START, kind: "merge", relation, share: null });
export const edges = [
  e("c25270old", "c25270new"), e("c25288", "c25270new"), e("c25297", "c25270new"), e("c25292old", "c25292new"),
  e("c26068", "c26068new"), e("p70", "p75"), e("p75old", "p75"), e("p01old", "p01"),
  e("c00034", "c00025", "partial"), e("c00034", "c00190", "partial"),
];
export const h = new Hierarchy(units, edges);

