/**
 * The unit tree behind the unit picker (pure, no DOM): units of the current structure indexed once,
 * searched per keystroke. A query without accents matches names without theirs ("quy nhon" finds
 * "Quy Nhơn"); a query with accents matches them, in either tone placement ("hoà" finds "Hòa" and
 * "Hoà", not "Hóa"); digits match a GSO code's start. Matches are shown under their ancestors.
 */
import { foldDiacritics, matchKey } from "../../core/text.ts";

/** One unit as GET /api/units/tree sends it: id, parent (null for the root), level, full name, code. */
export type TreeRow = readonly [number, number | null, string, string, string];

export interface TreeNode {
  id: number;
  parentId: number | null;
  level: string;
  name: string;
  code: string;
  children: number[];
  /** The name without any diacritics (lower case); its matchKey (one tone placement), made when first needed. */
  folded: string;
  key?: string;
  depth: number;
}

export interface UnitTree {
  root: number;
  nodes: Map<number, TreeNode>;
}

export function buildTree(root: number, rows: readonly TreeRow[]): UnitTree {
  const nodes = new Map<number, TreeNode>();
  for (const [id, parentId, level, name, code] of rows) {
    // Only the cheap key up front (3,400 names at page load); an accented query computes the tone
    // key of the few names its unaccented form already matches.
    nodes.set(id, { id, parentId, level, name, code, children: [], folded: foldDiacritics(name).replace(/\s+/g, " ").trim(), depth: 0 });
  }
  for (const n of nodes.values()) if (n.parentId !== null && n.id !== root) nodes.get(n.parentId)?.children.push(n.id);
  const stack: Array<[number, number]> = [[root, 1]];
  while (stack.length) {
    const [id, d] = stack.pop()!;
    const n = nodes.get(id);
    if (!n) continue;
    n.depth = d;
    for (const c of n.children) stack.push([c, d + 1]);
  }
  return { root, nodes };
}

/** A visible row of the tree. */
export interface Row {
  id: number;
  /** 1 for the root (aria-level). */
  level: number;
  hasChildren: boolean;
  expanded: boolean;
  match: boolean;
}

/**
 * Which nodes a query matches (at most `limit`, the best first: a name that ends with the query,
 * then shorter names, so "quy nhon" puts "Phường Quy Nhơn" before "Phường Quy Nhơn Bắc"), and how
 * many match in all.
 */
export function search(tree: UnitTree, query: string, limit = 150): { ids: number[]; total: number } {
  const q = matchKey(query);
  if (!q) return { ids: [], total: 0 };
  const plain = foldDiacritics(q);
  const accented = plain !== q;
  const code = /^\d+$/.test(q);
  const hits: TreeNode[] = [];
  for (const n of tree.nodes.values()) {
    const hit = code ? n.code.startsWith(q) : n.folded.includes(plain) && (!accented || (n.key ??= matchKey(n.name)).includes(q));
    if (hit) hits.push(n);
  }
  const rank = (n: TreeNode) => (code ? (n.code === q ? 0 : 1) : n.folded.endsWith(plain) ? 0 : 1) * 1000 + n.folded.length;
  const ids = hits.map((n, i) => [rank(n), i, n.id] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).slice(0, limit).map((x) => x[2]);
  return { ids, total: hits.length };
}

/**
 * The rows to show, in tree order. With no query: the root and what the user opened (`toggled`).
 * With a query: the matches under their ancestors, which open for them (`toggled` closes one), and
 * all the children of a match the user opens.
 */
export function visibleRows(tree: UnitTree, matches: readonly number[] | null, toggled: ReadonlySet<number>): Row[] {
  const show = matches ? new Set<number>(matches) : null;
  const forced = new Set<number>();
  for (const id of matches ?? []) {
    let p = tree.nodes.get(id)?.parentId ?? null;
    while (p !== null && !forced.has(p) && tree.nodes.has(p)) {
      forced.add(p);
      show!.add(p);
      p = p === tree.root ? null : tree.nodes.get(p)!.parentId;
    }
  }
  const matchSet = new Set(matches ?? []);
  const out: Row[] = [];
  const walk = (id: number, level: number, full: boolean) => {
    const n = tree.nodes.get(id);
    if (!n || (show && !full && !show.has(id))) return;
    const isForced = forced.has(id);
    const open = n.children.length > 0 && (isForced ? !toggled.has(id) : toggled.has(id));
    out.push({ id, level, hasChildren: n.children.length > 0, expanded: open, match: matchSet.has(id) });
    if (!open) return;
    for (const c of n.children) walk(c, level + 1, full || !show || !isForced);
  };
  walk(tree.root, 1, false);
  return out;
}

/** "Phường Quy Nhơn — Tỉnh Gia Lai": the unit with its ancestors below the root, nearest first. */
export function pathOf(tree: UnitTree, id: number): string {
  const parts: string[] = [];
  let n = tree.nodes.get(id);
  while (n) {
    parts.push(n.name);
    if (n.id === tree.root || n.parentId === null) break;
    n = tree.nodes.get(n.parentId);
    if (n?.id === tree.root) break;
  }
  return parts.join(" — ");
}
