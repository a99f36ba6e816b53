/**
 * The report form's link to the server: the outbox that sends every change (and survives a dropped
 * connection), what the server holds of each figure (id, version, value, comment, flag), saves
 * refused because someone else saved first (kept in localStorage until the user chooses, so nothing
 * typed is lost), and refusals with their details (a broken validation rule that a comment may
 * explain). The form (entry.tsx) reads this state; the outbox's replay goes through the same code.
 */
import { useEffect, useState } from "preact/hooks";
import { ApiError, api, isNetworkError, retryAfterMsOf, type Figure, type Submission } from "./api.ts";
import { Outbox, type OutboxState, type OutItem } from "./outbox.ts";
import { conflictOf } from "./conflict.tsx";

export type FigureItem = Extract<OutItem, { kind: "figure" }>;

/** unit|period|indicator|disagg: one figure of the form. */
export const idKey = (i: { unitId: number; period: string; indicator: string; disagg: string }) => `${i.unitId}|${i.period}|${i.indicator}|${i.disagg}`;

/** What the server holds of a figure (as loaded with the form or returned by the last save). */
export interface Held {
  id: number;
  version: number;
  value: number;
  comment: string | null;
  status: string;
  flag: string | null;
  /** Why the last save flagged it (the server says so only on the save). */
  warning?: string | undefined;
}
export const held = new Map<string, Held>();

export function holdFigure(f: Figure): void {
  const k = idKey(f);
  const old = held.get(k);
  held.set(k, {
    id: f.id, version: f.version, value: f.value, comment: f.comment, status: f.status, flag: f.flag,
    warning: f.warning ?? (old && old.flag === f.flag && old.value === f.value ? old.warning : undefined),
  });
}

/**
 * Versions this page moved a figure or a narrative through by its own saves (from → to), so a change
 * typed while an earlier one was in flight is sent on top of our own save — while a save by someone
 * else still comes back as a conflict.
 */
const ownSaves = new Map<string, Map<number, number>>();
function followOwn(key: string, v: number): number {
  for (let seen = 0, next = ownSaves.get(key)?.get(v); next !== undefined && seen < 1000; seen++, next = ownSaves.get(key)?.get(v)) v = next;
  return v;
}
function noteOwn(key: string, from: number, to: number): void {
  if (!ownSaves.has(key)) ownSaves.set(key, new Map());
  ownSaves.get(key)!.set(from, to);
}

/** A figure save refused because the stored figure changed meanwhile: what the user typed and what the server holds. */
export interface FigureConflict {
  mine: FigureItem;
  current: Figure | null;
}

/** Narrative versions: the version each report's text was loaded or last saved at. */
export const narrativeBase = new Map<string, number>();
/** Narrative saves refused because someone else saved first: report key → both versions. */
export const narrativeConflicts = new Map<string, { mine: Record<string, string>; current: Submission; version: number }>();

/** Refusals with their code and details, by outbox key (the message itself is in the outbox state). */
export const refusals = new Map<string, { code: string; details: unknown }>();

let conflictStore: { key: string; map: Map<string, FigureConflict> } | null = null;
/** Figure conflicts of the signed-in user, by outbox key (kept in localStorage: a reload loses nothing). */
export function figureConflicts(): Map<string, FigureConflict> {
  return conflictStore?.map ?? new Map();
}
function saveConflicts(): void {
  if (!conflictStore) return;
  try {
    localStorage.setItem(conflictStore.key, JSON.stringify([...conflictStore.map]));
  } catch {
    // Storage full or off: the conflict stays in memory for this page.
  }
}

const changeListeners = new Set<() => void>();
const changed = () => changeListeners.forEach((l) => l());

/** Takes the user's value over the server's: sent again from the version the server holds now. */
export function keepMine(box: Outbox, key: string): void {
  const c = figureConflicts().get(key);
  if (!c) return;
  figureConflicts().delete(key);
  saveConflicts();
  if (c.current) holdFigure(c.current);
  box.dismiss(key);
  box.put({ ...c.mine, version: c.current?.version ?? 0 });
  changed();
}

/** Takes the server's value: the user's is dropped (it is still shown in the history of the choice). */
export function takeTheirs(box: Outbox, key: string): Figure | null {
  const c = figureConflicts().get(key);
  if (!c) return null;
  figureConflicts().delete(key);
  saveConflicts();
  if (c.current) holdFigure(c.current);
  else held.delete(idKey(c.mine));
  box.dismiss(key);
  changed();
  return c.current;
}

let outbox: Outbox | undefined;
const listeners = new Set<(s: OutboxState) => void>();

async function send(item: OutItem): Promise<void> {
  refusals.delete(item.key);
  try {
    await sendOne(item);
  } catch (e) {
    if (e instanceof ApiError && !isNetworkError(e)) {
      refusals.set(item.key, { code: e.code, details: e.details });
      changed();
    }
    throw e;
  }
}

async function sendOne(item: OutItem): Promise<void> {
  if (item.kind === "figure") {
    const k = idKey(item);
    // The version the value was typed over (carried by the item, so a replay after a reload still
    // detects a change made meanwhile), moved on through this page's own saves.
    const base = followOwn(k, item.version ?? held.get(k)?.version ?? 0);
    try {
      const r = await api<{ figures: Figure[] }>("POST", "/api/figures", {
        unitId: item.unitId, indicator: item.indicator, period: item.period, disagg: item.disagg, value: item.value,
        comment: item.comment ?? null, status: item.status ?? "reported", source: { type: "form" }, version: base,
      });
      for (const f of r.figures) {
        if (idKey(f) === k) noteOwn(k, base, f.version);
        holdFigure(f);
      }
      changed();
    } catch (e) {
      if (e instanceof ApiError && e.code === "CONFLICT") {
        const current = ((e.details as { current?: Figure | null } | undefined)?.current) ?? null;
        figureConflicts().set(item.key, { mine: item, current });
        saveConflicts();
        changed();
      }
      throw e;
    }
  } else if (item.kind === "delete") {
    const k = idKey(item);
    const id = held.get(k)?.id;
    if (id === undefined) return;
    try {
      await api("DELETE", `/api/figures/${id}`);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === "FIGURE_NOT_FOUND")) throw e;
    }
    held.delete(k);
    changed();
  } else {
    const key = `${item.unitId}|${item.period}`;
    const v = followOwn(`n|${key}`, item.version ?? narrativeBase.get(key) ?? 0);
    try {
      const saved = await api<Submission>("PUT", `/api/submissions/${item.unitId}/${item.period}/narrative`, item.narrative, { "if-match": `"${v}"` });
      noteOwn(`n|${key}`, v, saved.version);
      narrativeBase.set(key, saved.version);
    } catch (e) {
      const c = conflictOf<Submission>(e);
      if (c) {
        narrativeConflicts.set(key, { mine: item.narrative, ...c });
        changed();
      }
      throw e;
    }
  }
}

/** The outbox of the signed-in user (one per browser profile and user). */
export function outboxOf(userId: number): Outbox {
  if (!outbox) {
    const key = `danvan.conflicts.${userId}`;
    let saved: Array<[string, FigureConflict]> = [];
    try {
      saved = JSON.parse(localStorage.getItem(key) ?? "[]") as Array<[string, FigureConflict]>;
    } catch {
      saved = [];
    }
    conflictStore = { key, map: new Map(Array.isArray(saved) ? saved : []) };
    outbox = new Outbox({
      storage: localStorage,
      storageKey: `danvan.outbox.${userId}`,
      retryable: isNetworkError,
      retryAfterMs: retryAfterMsOf,
      message: (e) => (e instanceof Error ? e.message : String(e)),
      onChange: (s) => listeners.forEach((l) => l(s)),
      send,
    });
    addEventListener("online", () => void outbox?.flush());
    void outbox.flush();
  }
  return outbox;
}

export function useOutbox(userId: number): [Outbox, OutboxState] {
  const box = outboxOf(userId);
  const [s, setS] = useState(box.state());
  useEffect(() => {
    listeners.add(setS);
    return () => void listeners.delete(setS);
  }, []);
  return [box, s];
}

/** Re-renders the caller when what the server holds, a conflict or a refusal changes. */
export function useSyncChanges(): void {
  const [, redraw] = useState(0);
  useEffect(() => {
    const l = () => redraw((n) => n + 1);
    changeListeners.add(l);
    return () => void changeListeners.delete(l);
  }, []);
}
