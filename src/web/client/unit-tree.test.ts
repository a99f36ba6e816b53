import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildTree, pathOf, search, visibleRows, type TreeRow } from "./unit-tree.ts";
import { offeredOptions, DEFAULT_CATEGORIES } from "../../indicators/catalog.ts";

// A small country: two provinces, communes with both tone placements and a name without accents.
const rows: TreeRow[] = [
  [1, null, "country", "Việt Nam", "VN"],
  [10, 1, "province", "Tỉnh Gia Lai", "52"],
  [11, 10, "commune", "Phường Quy Nhơn", "21583"],
  [12, 10, "commune", "Phường Quy Nhơn Bắc", "21592"],
  [13, 10, "commune", "Xã Hòa Hội", "21640"],
  [20, 1, "province", "Tỉnh Hoà Bình", "17"],
  [21, 20, "commune", "Xã Hóa Sơn", "04800"],
  [22, 20, "commune", "Xã Thủy Bình", "04801"],
];
const tree = buildTree(1, rows);
const names = (ids: number[]) => ids.map((id) => tree.nodes.get(id)!.name);

test("unaccented queries match accented names; accented ones match either tone placement only", () => {
  assert.deepEqual(names(search(tree, "quy nhon").ids), ["Phường Quy Nhơn", "Phường Quy Nhơn Bắc"]);
  assert.deepEqual(names(search(tree, "hoa").ids).sort(), ["Tỉnh Hoà Bình", "Xã Hòa Hội", "Xã Hóa Sơn"]);
  // "hoà" (new placement) finds "Hòa" (old) and "Hoà" (new), not "Hóa" (another word).
  assert.deepEqual(names(search(tree, "hoà").ids).sort(), ["Tỉnh Hoà Bình", "Xã Hòa Hội"]);
  assert.deepEqual(names(search(tree, "HÒA").ids).sort(), ["Tỉnh Hoà Bình", "Xã Hòa Hội"]);
  // The best match first: the name that ends with the query, then the shorter.
  assert.deepEqual(names(search(tree, "quy nhon", 1).ids), ["Phường Quy Nhơn"]);
  assert.deepEqual(names(search(tree, "thuỷ").ids), ["Xã Thủy Bình"]);
  assert.deepEqual(names(search(tree, "215").ids), ["Phường Quy Nhơn", "Phường Quy Nhơn Bắc"]);
  assert.deepEqual(search(tree, "   ").ids, []);
  assert.equal(search(tree, "a", 2).ids.length, 2);
  assert.equal(search(tree, "a", 2).total, 7);
});

test("the tree shows what is opened; a search shows the matches under their ancestors", () => {
  assert.deepEqual(visibleRows(tree, null, new Set([1])).map((r) => [r.id, r.level]), [[1, 1], [10, 2], [20, 2]]);
  assert.deepEqual(visibleRows(tree, null, new Set([1, 20])).map((r) => r.id), [1, 10, 20, 21, 22]);
  const found = visibleRows(tree, search(tree, "quy nhon").ids, new Set());
  assert.deepEqual(found.map((r) => [r.id, r.level, r.match]), [[1, 1, false], [10, 2, false], [11, 3, true], [12, 3, true]]);
  // Closing an ancestor of the matches hides them; opening a matched province shows all its communes.
  assert.deepEqual(visibleRows(tree, search(tree, "quy nhon").ids, new Set([10])).map((r) => r.id), [1, 10]);
  assert.deepEqual(visibleRows(tree, search(tree, "gia lai").ids, new Set([10])).map((r) => r.id), [1, 10, 11, 12, 13]);
  assert.equal(pathOf(tree, 11), "Phường Quy Nhơn — Tỉnh Gia Lai");
});

test("the whole country (3,321 communes) is indexed and searched in milliseconds", () => {
  const csv = readFileSync(new URL("../../../assets/vn-admin/units-2025.csv", import.meta.url), "utf8").trim().split("\n").slice(1);
  const big: TreeRow[] = [[1, null, "country", "Việt Nam", "VN"]];
  const provinces = new Map<string, number>();
  let id = 2;
  for (const line of csv) {
    const [code, , full, , prov] = line.split(",") as [string, string, string, string, string];
    if (!provinces.has(prov)) {
      provinces.set(prov, id);
      big.push([id++, 1, "province", `Tỉnh ${prov}`, prov]);
    }
    big.push([id++, provinces.get(prov)!, "commune", full, code]);
  }
  const t0 = performance.now();
  const country = buildTree(1, big);
  const built = performance.now() - t0;
  const t1 = performance.now();
  for (const q of ["q", "qu", "quy", "quy n", "quy nhon", "hoà", "a"]) visibleRows(country, search(country, q).ids, new Set());
  const perKey = (performance.now() - t1) / 7;
  console.log(`# ${big.length} units: index ${built.toFixed(1)} ms, search + rows ${perKey.toFixed(2)} ms per keystroke`);
  assert.ok(big.length > 3300);
  assert.ok(perKey < 250, `${perKey} ms per keystroke`);
  assert.ok(search(country, "quy nhon").ids.map((x) => country.nodes.get(x)!.name).includes("Phường Quy Nhơn"));
});

test("'Cấp huyện' is offered only where the structure has districts", () => {
  const level = (levels: string[]) => offeredOptions(DEFAULT_CATEGORIES, new Set(levels)).find((c) => c.key === "level")!.options.map((o) => o.label);
  assert.deepEqual(level(["country", "province", "commune", "village"]), ["Cấp tỉnh", "Cấp xã"]);
  assert.deepEqual(level(["country", "province", "district", "commune"]), ["Cấp tỉnh", "Cấp huyện", "Cấp xã"]);
  // Other categories keep every option.
  assert.equal(offeredOptions(DEFAULT_CATEGORIES, new Set()).find((c) => c.key === "petition_type")!.options.length, 4);
});
