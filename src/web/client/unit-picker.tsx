/**
 * The unit picker: a search box (combobox) over a tree of the units in the user's scope in the
 * current structure (country → province → commune; before 1 July 2025 districts too), or in the
 * structure of a day (`asOf`: the end of a period that has ended, so a 2024 report offers the 2024
 * provinces, districts and communes). Typing
 * filters the tree without accents or in either tone placement (unit-tree.ts); the keyboard moves
 * (↑ ↓), opens and closes (→ ←) and picks (Enter) while focus stays in the box. The tree is
 * loaded once per page and day (one request, ~3,400 units for the country) and searched in memory.
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { get, qs } from "./api.ts";
import { cutoffDay, t, tf, today } from "./ui.tsx";
import { parsePeriod, reportedDay } from "../../core/period.ts";
import { buildTree, pathOf, search, visibleRows, type TreeRow, type UnitTree } from "./unit-tree.ts";

const cached = new Map<string, Promise<UnitTree>>();
/** The tree of the signed-in user's scope on a day (default today; fetched once per day; a failed fetch is tried again next time). */
export function loadUnitTree(asOf?: string): Promise<UnitTree> {
  const k = asOf ?? "";
  let p = cached.get(k);
  if (!p) {
    p = get<{ root: number; units: TreeRow[] }>(`/api/units/tree${asOf ? `?${qs({ asOf })}` : ""}`).then((r) => buildTree(r.root, r.units));
    cached.set(k, p);
    p.catch(() => cached.delete(k));
  }
  return p;
}

/**
 * The day whose units a page about `period` offers: its "as reported" day (core/period.ts
 * `reportedDay`, as the server's; with a cut-off on the 15th quarter II ends on 14/6) once the
 * period has ended, else today (undefined).
 */
export function unitsDayOf(period: string | null | undefined): string | undefined {
  if (!period || !/^\d{4}/.test(period)) return undefined;
  let day: string;
  try {
    day = reportedDay(parsePeriod(period), cutoffDay(), today());
  } catch {
    return undefined;
  }
  return day < today() ? day : undefined;
}

export function UnitPicker({ id, name, label, value, onChange, asOf }: { id: string; name: string; label: string; value: number; onChange?: (id: number) => void; asOf?: string }) {
  const [tree, setTree] = useState<UnitTree | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState(value);
  const [toggled, setToggled] = useState<Set<number>>(new Set());
  const [active, setActive] = useState<number | null>(null);
  const box = useRef<HTMLDivElement>(null);
  /** What is typed, for a tree that arrives after the first keystrokes (they are not undone). */
  const typed = useRef("");
  useEffect(() => {
    let live = true;
    loadUnitTree(asOf).then((tr) => {
      if (!live) return;
      setTree(tr);
      if (typed.current.trim()) setActive(search(tr, typed.current, 1).ids[0] ?? null);
      else setToggled(new Set([tr.root]));
    }, () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [asOf]);
  useEffect(() => setChosen(value), [value]);
  const found = useMemo(() => (tree && query.trim() ? search(tree, query) : null), [tree, query]);
  const rows = useMemo(() => (tree ? visibleRows(tree, found ? found.ids : null, toggled) : []), [tree, found, toggled]);
  useEffect(() => {
    if (active !== null) box.current?.querySelector(`[data-id="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);
  const onInput = (q: string) => {
    typed.current = q;
    setQuery(q);
    // A new query opens the matches' ancestors afresh, and the first match is the one Enter picks.
    setToggled(new Set(q.trim() ? [] : tree ? [tree.root] : []));
    const first = tree && q.trim() ? search(tree, q, 1).ids[0] : undefined;
    setActive(first ?? null);
  };
  const pick = (uid: number) => {
    setChosen(uid);
    setActive(uid);
    onChange?.(uid);
  };
  const toggle = (uid: number) => {
    const s = new Set(toggled);
    if (s.has(uid)) s.delete(uid);
    else s.add(uid);
    setToggled(s);
  };
  const onKey = (e: KeyboardEvent) => {
    if (!tree) return;
    const i = rows.findIndex((r) => r.id === active);
    const row = i >= 0 ? rows[i]! : null;
    const move = (j: number) => {
      const r = rows[Math.max(0, Math.min(rows.length - 1, j))];
      if (r) setActive(r.id);
    };
    switch (e.key) {
      case "ArrowDown": e.preventDefault(); move(i + 1); break;
      case "ArrowUp": e.preventDefault(); move(i <= 0 ? 0 : i - 1); break;
      case "ArrowRight":
        if (!row?.hasChildren) return;
        e.preventDefault();
        if (!row.expanded) toggle(row.id);
        else move(i + 1);
        break;
      case "ArrowLeft":
        if (!row) return;
        e.preventDefault();
        if (row.expanded) toggle(row.id);
        else {
          const parent = tree.nodes.get(row.id)?.parentId;
          if (parent !== null && parent !== undefined && rows.some((r) => r.id === parent)) setActive(parent);
        }
        break;
      case "Enter":
        // Picks the unit; the form is not sent by this Enter.
        if (row) {
          e.preventDefault();
          pick(row.id);
        }
        break;
      case "Escape":
        if (query) {
          e.preventDefault();
          onInput("");
        }
        break;
    }
  };
  const treeId = `${id}-tree`;
  const rowId = (uid: number) => `${id}-u${uid}`;
  const chosenName = tree?.nodes.has(chosen) ? pathOf(tree, chosen) : null;
  return (
    <div class="field unit-picker">
      <label for={id} id={`${id}-label`}>{label}</label>
      <input type="hidden" name={name} value={String(chosen)} />
      <p class="chosen" id={`${id}-chosen`} aria-live="polite">{chosenName ? tf("Đã chọn: {unit}", { unit: chosenName }) : tf("Đã chọn: ID {id}", { id: chosen })}</p>
      <input id={id} type="search" role="combobox" autocomplete="off" spellcheck={false} value={query}
        aria-expanded="true" aria-controls={treeId} aria-autocomplete="list" aria-describedby={`${id}-chosen ${id}-help`}
        aria-activedescendant={active !== null && rows.some((r) => r.id === active) ? rowId(active) : undefined}
        placeholder={t("Gõ tên, có dấu hay không dấu")} onInput={(e) => onInput((e.target as HTMLInputElement).value)} onKeyDown={onKey} />
      <small id={`${id}-help`}>{t("↑ ↓ chọn dòng, → mở, ← đóng, Enter chọn đơn vị.")}</small>
      {failed && <p class="error" role="alert">{t("Không tải được danh sách đơn vị. Kiểm tra kết nối mạng rồi mở lại trang.")}</p>}
      {found && <p class="muted small" role="status">{found.total === 0 ? t("Không tìm thấy đơn vị nào.") : found.total > found.ids.length ? tf("{n} đơn vị khớp; hiện {shown} đơn vị đầu, gõ thêm để thu hẹp.", { n: found.total, shown: found.ids.length }) : tf("{n} đơn vị khớp.", { n: found.total })}</p>}
      <div class="unit-tree" ref={box} role="tree" id={treeId} aria-labelledby={`${id}-label`}>
        {!tree && !failed && <p class="loading"><span class="spinner" aria-hidden="true" />{t("Đang tải…")}</p>}
        {tree && rows.map((r) => {
          const n = tree.nodes.get(r.id)!;
          return (
            <div role="treeitem" id={rowId(r.id)} data-id={r.id} aria-level={r.level} aria-selected={r.id === chosen}
              aria-expanded={r.hasChildren ? r.expanded : undefined} class={`${r.id === active ? "active" : ""}${r.match ? " match" : ""}`}
              style={{ paddingLeft: `${(r.level - 1) * 1.1 + 0.3}rem` }} onClick={() => pick(r.id)}>
              {r.hasChildren
                ? <span class="twisty" aria-hidden="true" onClick={(e) => { e.stopPropagation(); toggle(r.id); setActive(r.id); }}>{r.expanded ? "▾" : "▸"}</span>
                : <span class="twisty" aria-hidden="true" />}
              {n.name}<span class="muted small"> {n.code}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * For pages about one unit (dashboard, form, review, reports): the unit's switch, folded to one line
 * until opened; picking a unit in the tree calls `onPick`. Not shown when the user's scope is one unit.
 * With `period`, an ended period offers the units of its last day (a 2024 quarter: the 2024 units).
 */
export function UnitSwitch({ id, value, onPick, summary, period }: { id: string; value: number; onPick: (id: number) => void; summary?: string; period?: string | null }) {
  const asOf = unitsDayOf(period);
  const [many, setMany] = useState(false);
  useEffect(() => {
    let live = true;
    loadUnitTree(asOf).then((tr) => live && setMany(tr.nodes.size > 1), () => undefined);
    return () => {
      live = false;
    };
  }, [asOf]);
  const box = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  if (!many) return null;
  // A pick folds the switch again: the page shows the unit picked.
  const pick = (uid: number) => {
    if (box.current) box.current.open = false;
    onPick(uid);
  };
  // The tree is drawn only while the switch is open (nothing hidden to lay out or reach).
  return (
    <details class="unit-switch no-print" ref={box} onToggle={() => setOpen(!!box.current?.open)}>
      <summary>{summary ?? t("Đổi đơn vị")}</summary>
      {open && <UnitPicker id={id} name={id} label={t("Đơn vị")} value={value} onChange={pick} asOf={asOf} />}
    </details>
  );
}
