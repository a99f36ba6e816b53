/**
 * The report form's editing state and saves: what is typed (values, comments, estimate marks, the
 * narrative) starting from the server's figures and what the outbox still holds, checked on every
 * keystroke, and queued to the outbox after a pause (or at once on leaving a field); conflicts
 * resolved by keeping one's own value or taking the server's. No drawing here (entry-form.tsx).
 */
import { useMemo, useRef, useState } from "preact/hooks";
import type { FormData } from "./api.ts";
import { parseNumber } from "./validate.ts";
import { checkValues, fieldKey, isDirty } from "./entry-model.ts";
import { num } from "./ui.tsx";
import type { Outbox } from "./outbox.ts";
import { figureConflicts, held, holdFigure, narrativeBase, narrativeConflicts, takeTheirs } from "./entry-sync.ts";

/** The editing state of one unit's report for one period, and the handlers the form's fields call. */
export function useReportEdits(form: FormData, box: Outbox) {
  const unitId = form.unit.id;
  const period = form.period.id;
  const sub = form.submission;
  const narrativeKey = `${unitId}|${period}`;
  if (!narrativeBase.has(narrativeKey) || (narrativeBase.get(narrativeKey)! < sub.version)) narrativeBase.set(narrativeKey, sub.version);
  const conflict = narrativeConflicts.get(narrativeKey);
  const okey = (k: string) => `${unitId}|${period}|${k}`;

  const initial = useMemo(() => {
    const v = new Map<string, string>();
    const notes = new Map<string, string>();
    const est = new Set<string>();
    for (const f of form.figures) {
      holdFigure(f);
      const k = fieldKey(f.indicator, f.disagg);
      v.set(k, num(f.value));
      if (f.comment) notes.set(k, f.comment);
      if (f.status === "estimated") est.add(k);
    }
    let narrative = { ...sub.narrative };
    const mine = (p: { unitId: number; period: string }) => p.unitId === unitId && p.period === period;
    for (const p of box.pending()) {
      if (!mine(p)) continue;
      if (p.kind === "figure") {
        const k = fieldKey(p.indicator, p.disagg);
        v.set(k, num(p.value));
        if (p.comment) notes.set(k, p.comment);
        if (p.status === "estimated") est.add(k);
      } else if (p.kind === "delete") v.delete(fieldKey(p.indicator, p.disagg));
      else narrative = { ...p.narrative };
    }
    // A value refused because someone else saved first stays on screen until the user chooses.
    for (const c of figureConflicts().values()) if (mine(c.mine)) v.set(fieldKey(c.mine.indicator, c.mine.disagg), num(c.mine.value));
    return { v, notes, est, narrative };
  }, [form]);
  const [raw, setRaw] = useState(initial.v);
  const [notes, setNotes] = useState(initial.notes);
  const [est, setEst] = useState(initial.est);
  const [narrative, setNarrative] = useState<Record<string, string>>(initial.narrative);
  /** The latest typed state, for saves that run after a pause (timers see no stale values). */
  const latest = useRef({ raw, notes, est });
  latest.current = { raw, notes, est };
  /** Debounced saves not yet queued: key → [timer, the save]; submit runs them at once. */
  const timers = useRef(new Map<string, [ReturnType<typeof setTimeout>, () => void]>());
  const later = (k: string, fn: () => void, ms: number) => {
    clearTimeout(timers.current.get(k)?.[0]);
    timers.current.set(k, [setTimeout(() => { timers.current.delete(k); fn(); }, ms), fn]);
  };
  const now = () => {
    for (const [tm, fn] of timers.current.values()) {
      clearTimeout(tm);
      fn();
    }
    timers.current.clear();
  };

  const indicators = form.indicators;
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  const rules = form.rules ?? [];

  const check = (r: Map<string, string>, n: Map<string, string>) => checkValues(indicators, rules, r, n);
  const { parsed, fieldErrs, cross, broken } = check(raw, notes);
  const blockingRule = (ind: string, b = broken) => b.get(ind)?.find((x) => !x.allowed);

  /** True when the field holds something the server does not (value, or a total's comment / mark). */
  const dirty = (k: string, r = raw, n = notes, e = est) => isDirty(held.get(okey(k)), k, r, n, e);

  /** Queues the saves of these fields that are ready: valid, no rule against them, not awaiting a choice. */
  const queue = (keys: string[]) => {
    const { raw: r, notes: n, est: e } = latest.current;
    const { fieldErrs: fe, broken: b } = check(r, n);
    for (const k of keys) {
      const [indicator, disagg] = k.split("|") as [string, string];
      const v = parseNumber(r.get(k) ?? "");
      if (!byKey.has(indicator) || fe.has(k) || figureConflicts().has(okey(k)) || (disagg === "" && blockingRule(indicator, b)) || !dirty(k, r, n, e)) continue;
      const base = { key: okey(k), unitId, indicator, period, disagg };
      if (v === null) box.put({ kind: "delete", ...base });
      else box.put({ kind: "figure", ...base, value: v, version: held.get(okey(k))?.version ?? 0, comment: disagg === "" ? n.get(k)?.trim() || null : null, status: e.has(k) ? "estimated" : "reported" });
    }
  };
  /** A field and the other sides of its rules (fixing one side may free the other). */
  const withRelated = (k: string) => {
    const [ind, disagg] = k.split("|") as [string, string];
    if (disagg !== "") return [k];
    return [k, ...rules.filter((r) => r.left === ind || r.right === ind).map((r) => fieldKey(r.left === ind ? r.right : r.left, ""))];
  };
  const onInput = (k: string, s: string) => {
    latest.current = { ...latest.current, raw: new Map(latest.current.raw).set(k, s) };
    setRaw(latest.current.raw);
    later(k, () => queue(withRelated(k)), 700);
  };
  const onCommit = (k: string, s: string) => {
    clearTimeout(timers.current.get(k)?.[0]);
    timers.current.delete(k);
    latest.current = { ...latest.current, raw: new Map(latest.current.raw).set(k, s) };
    queue(withRelated(k));
  };
  const onNote = (k: string, s: string, at = 800) => {
    latest.current = { ...latest.current, notes: new Map(latest.current.notes).set(k, s) };
    setNotes(latest.current.notes);
    if (at) later(`note|${k}`, () => queue(withRelated(k)), at);
    else queue(withRelated(k));
  };
  const onEst = (k: string, on: boolean) => {
    const e = new Set(latest.current.est);
    if (on) e.add(k);
    else e.delete(k);
    latest.current = { ...latest.current, est: e };
    setEst(e);
    queue([k]);
  };
  const onNarrative = (k: string, s: string) => {
    const next = { ...narrative, [k]: s };
    setNarrative(next);
    later("narrative", () => box.put({ kind: "narrative", key: `${unitId}|${period}|narrative`, unitId, period, narrative: next, version: narrativeBase.get(narrativeKey) ?? 0 }), 800);
  };
  /** After a conflict: save ours over the version now on the server, or take the server's text. */
  const resolveNarrative = (keepMine: boolean) => {
    if (!conflict) return;
    narrativeConflicts.delete(narrativeKey);
    narrativeBase.set(narrativeKey, conflict.version);
    box.dismiss(`${unitId}|${period}|narrative`);
    if (keepMine) box.put({ kind: "narrative", key: `${unitId}|${period}|narrative`, unitId, period, narrative: narrative, version: conflict.version });
    else setNarrative({ ...conflict.current.narrative });
  };
  const theirs = (k: string) => {
    const f = takeTheirs(box, okey(k));
    const r = new Map(latest.current.raw);
    if (f) r.set(k, num(f.value));
    else r.delete(k);
    latest.current = { ...latest.current, raw: r };
    setRaw(r);
  };

  return {
    unitId, period, sub, conflict, okey, raw, setRaw, notes, est, narrative, now, indicators, parsed, fieldErrs, cross, broken,
    blockingRule, dirty, onInput, onCommit, onNote, onEst, onNarrative, resolveNarrative, theirs,
  };
}
