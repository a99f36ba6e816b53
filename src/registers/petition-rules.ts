/**
 * Pure: the petition (đơn thư) lifecycle and its legal deadlines. No I/O.
 *
 * How each deadline counts days — the law's own words decide:
 * - Khiếu nại, thụ lý: "trong thời hạn 10 ngày, kể từ ngày nhận được" (Luật Khiếu nại 2011 Điều 27):
 *   calendar days.
 * - Khiếu nại, giải quyết lần đầu: "không quá 30 ngày, kể từ ngày thụ lý", 45 if complex; vùng sâu,
 *   vùng xa 45 / 60 (Điều 28); lần hai 45 / 60, vùng sâu vùng xa 60 / 70 (Điều 37): calendar days.
 * - Tố cáo, thụ lý: received, entered and classified "trong thời hạn 07 ngày làm việc" (Luật Tố cáo 2018
 *   Điều 24 khoản 1): working days.
 * - Tố cáo, thông báo thụ lý: "05 ngày làm việc kể từ ngày ra quyết định thụ lý" (Điều 29): working days.
 * - Tố cáo, giải quyết: "không quá 30 ngày kể từ ngày thụ lý"; complex: one extension of up to 30 days;
 *   especially complex: two, each up to 30 days, each by a written decision (Điều 30): calendar days,
 *   and the deadline moves only when an extension decision is recorded.
 * - Kiến nghị, phản ánh: no statutory period is set here; an installation may configure one.
 * Calendar-day periods start the day after the event (Bộ luật Dân sự 2015 Điều 147) and, by default,
 * a period whose last day is a day off ends on the next working day (Điều 148 khoản 5); both the
 * periods and that roll-over are settings.
 */
import { DomainError } from "../core/errors.ts";
import { addCalendarDays, addWorkingDays, type WorkCalendar } from "./calendar.ts";

/**
 * The longest text each petition field takes (characters, after trimming) and the phone number's
 * shape: the server's schema (petition.service.ts) and the intake form's counters read these.
 */
export const PETITION_LIMITS = { number: 40, petitioner: 300, address: 500, phone: 30, content: 10000 } as const;
export const PHONE_PATTERN = /^[+0-9 .()-]{6,30}$/;
export const PHONE_MESSAGE = "Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( ) (6–30 ký tự).";

export const PETITION_TYPES = ["khieu_nai", "to_cao", "kien_nghi", "phan_anh"] as const;
export type PetitionType = (typeof PETITION_TYPES)[number];
export const PETITION_TYPE_LABELS: Record<PetitionType, string> = { khieu_nai: "Khiếu nại", to_cao: "Tố cáo", kien_nghi: "Kiến nghị", phan_anh: "Phản ánh" };

export const PETITION_STATES = ["received", "classified", "accepted", "not_accepted", "transferred", "verifying", "dialogue", "decided", "enforced", "archived"] as const;
export type PetitionState = (typeof PETITION_STATES)[number];
export const PETITION_STATE_LABELS: Record<PetitionState, string> = {
  received: "Tiếp nhận", classified: "Phân loại", accepted: "Thụ lý", not_accepted: "Không thụ lý", transferred: "Chuyển đơn",
  verifying: "Xác minh", dialogue: "Đối thoại", decided: "Quyết định giải quyết", enforced: "Thi hành", archived: "Lưu hồ sơ",
};

export type Complexity = "normal" | "complex" | "especially_complex";

/** Actions a user takes; each moves the petition to one state (notify and extend keep it). */
export const PETITION_ACTIONS = ["classify", "accept", "reject", "transfer", "verify", "dialogue", "decide", "enforce", "archive", "withdraw", "notify", "extend"] as const;
export type PetitionAction = (typeof PETITION_ACTIONS)[number];

const TARGET: Record<Exclude<PetitionAction, "withdraw" | "notify" | "extend">, PetitionState> = {
  classify: "classified", accept: "accepted", reject: "not_accepted", transfer: "transferred", verify: "verifying",
  dialogue: "dialogue", decide: "decided", enforce: "enforced", archive: "archived",
};

/** The legal moves. Anything else is refused. */
export const TRANSITIONS: Readonly<Record<PetitionState, readonly PetitionState[]>> = {
  received: ["classified", "transferred"],
  classified: ["accepted", "not_accepted", "transferred"],
  accepted: ["verifying", "decided"],
  verifying: ["dialogue", "decided"],
  dialogue: ["decided"],
  decided: ["enforced", "archived"],
  enforced: ["archived"],
  not_accepted: ["archived"],
  transferred: ["archived"],
  archived: [],
};

const OPEN_FOR_WITHDRAWAL: readonly PetitionState[] = ["received", "classified", "accepted", "verifying", "dialogue"];
const UNDER_RESOLUTION: readonly PetitionState[] = ["accepted", "verifying", "dialogue"];

export interface PetitionFacts {
  type: PetitionType;
  state: PetitionState;
  receivedOn: string;
  acceptedOn: string | null;
  notifiedOn: string | null;
  complexity: Complexity;
  remote: boolean;
  secondTime: boolean;
  withdrawn: boolean;
  extensions: ReadonlyArray<{ number: string; date: string }>;
}

/**
 * Checks an action against the state machine; returns the state it leads to. Throws
 * REGISTER_ILLEGAL_TRANSITION naming the current state and what is allowed from it.
 */
export function nextState(p: PetitionFacts, action: PetitionAction): PetitionState {
  const from = p.state;
  const refuse = (why: string): never => {
    const allowed = TRANSITIONS[from].map((s) => PETITION_STATE_LABELS[s]).join(", ") || "không còn bước nào";
    throw new DomainError("REGISTER_ILLEGAL_TRANSITION", `Không thể ${why} khi đơn đang ở bước "${PETITION_STATE_LABELS[from]}". Bước tiếp theo hợp lệ: ${allowed}.`, { from, action });
  };
  if (action === "withdraw") {
    if (!OPEN_FOR_WITHDRAWAL.includes(from)) refuse("rút đơn");
    return "archived";
  }
  if (action === "notify") {
    if (p.type !== "to_cao") throw new DomainError("REGISTER_ILLEGAL_TRANSITION", "Chỉ đơn tố cáo mới có bước thông báo thụ lý cho người tố cáo (Luật Tố cáo 2018 Điều 29).", { from, action });
    if (!UNDER_RESOLUTION.includes(from)) refuse("thông báo thụ lý");
    return from;
  }
  if (action === "extend") {
    if (p.type !== "to_cao") throw new DomainError("REGISTER_ILLEGAL_TRANSITION", "Chỉ đơn tố cáo mới được gia hạn giải quyết bằng quyết định (Luật Tố cáo 2018 Điều 30).", { from, action });
    if (!UNDER_RESOLUTION.includes(from)) refuse("gia hạn giải quyết");
    const max = p.complexity === "especially_complex" ? 2 : p.complexity === "complex" ? 1 : 0;
    if (p.extensions.length >= max) {
      throw new DomainError("REGISTER_EXTENSION_NOT_ALLOWED", max === 0
        ? "Vụ việc tố cáo không phức tạp thì không được gia hạn (Luật Tố cáo 2018 Điều 30). Đánh dấu vụ việc phức tạp trước khi gia hạn."
        : `Vụ việc ${p.complexity === "complex" ? "phức tạp chỉ được gia hạn một lần" : "đặc biệt phức tạp chỉ được gia hạn hai lần"} (Luật Tố cáo 2018 Điều 30).`, { extensions: p.extensions.length, max });
    }
    return from;
  }
  const to = TARGET[action];
  if (!TRANSITIONS[from].includes(to)) refuse(`chuyển sang bước "${PETITION_STATE_LABELS[to]}"`);
  if (to === "dialogue" && p.type === "to_cao") {
    throw new DomainError("REGISTER_ILLEGAL_TRANSITION", "Giải quyết tố cáo không có bước đối thoại (đối thoại là thủ tục của khiếu nại, Luật Khiếu nại 2011 Điều 30).", { from, action });
  }
  return to;
}

/** What a user may do next with a petition (the state machine and the law decide; the UI shows only these). */
export function allowedActions(p: PetitionFacts): PetitionAction[] {
  return PETITION_ACTIONS.filter((a) => {
    try {
      nextState(p, a);
      return true;
    } catch {
      return false;
    }
  });
}

/** The name of each action, as on its button. */
export const ACTION_NAMES: Record<PetitionAction, string> = {
  classify: "Phân loại", accept: "Thụ lý", reject: "Không thụ lý", transfer: "Chuyển đơn", verify: "Xác minh", dialogue: "Đối thoại",
  decide: "Quyết định giải quyết", enforce: "Thi hành", archive: "Lưu hồ sơ", withdraw: "Rút đơn", notify: "Thông báo thụ lý", extend: "Gia hạn",
};

/** A deadline period: how many days, counted how, and the article that says so. */
export interface DeadlineRule {
  days: number;
  unit: "calendar" | "working";
  basis: string;
}

/** Every period the deadlines use; installations may override any of them (settings). */
export interface DeadlineRules {
  rollToWorkingDay: boolean;
  khieuNaiAccept: DeadlineRule;
  khieuNaiFirst: { normal: DeadlineRule; complex: DeadlineRule; remote: DeadlineRule; remoteComplex: DeadlineRule };
  khieuNaiSecond: { normal: DeadlineRule; complex: DeadlineRule; remote: DeadlineRule; remoteComplex: DeadlineRule };
  toCaoAccept: DeadlineRule;
  toCaoNotify: DeadlineRule;
  toCaoResolve: DeadlineRule;
  toCaoExtension: DeadlineRule;
  /** Kiến nghị, phản ánh: no statutory period; null = no deadline. */
  otherAccept: DeadlineRule | null;
  otherResolve: DeadlineRule | null;
}

const cal = (days: number, basis: string): DeadlineRule => ({ days, unit: "calendar", basis });
const KN28 = "Luật Khiếu nại 2011 Điều 28";
const KN37 = "Luật Khiếu nại 2011 Điều 37";

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  rollToWorkingDay: true,
  khieuNaiAccept: cal(10, "Luật Khiếu nại 2011 Điều 27"),
  khieuNaiFirst: { normal: cal(30, KN28), complex: cal(45, KN28), remote: cal(45, KN28), remoteComplex: cal(60, KN28) },
  khieuNaiSecond: { normal: cal(45, KN37), complex: cal(60, KN37), remote: cal(60, KN37), remoteComplex: cal(70, KN37) },
  toCaoAccept: { days: 7, unit: "working", basis: "Luật Tố cáo 2018 Điều 24" },
  toCaoNotify: { days: 5, unit: "working", basis: "Luật Tố cáo 2018 Điều 29" },
  toCaoResolve: cal(30, "Luật Tố cáo 2018 Điều 30"),
  toCaoExtension: cal(30, "Luật Tố cáo 2018 Điều 30"),
  otherAccept: null,
  otherResolve: null,
};

export interface Deadline {
  due: string;
  basis: string;
}

export interface PetitionDeadlines {
  accept: Deadline | null;
  notify: Deadline | null;
  resolve: Deadline | null;
}

function apply(start: string, rule: DeadlineRule, c: WorkCalendar, roll: boolean, extraDays = 0): Deadline {
  const due = rule.unit === "working" ? addWorkingDays(start, rule.days + extraDays, c) : addCalendarDays(start, rule.days + extraDays, c, roll);
  return { due, basis: rule.basis };
}

/** The deadlines of a petition from its facts (resolve and notify only once accepted). */
export function petitionDeadlines(p: PetitionFacts, rules: DeadlineRules, c: WorkCalendar): PetitionDeadlines {
  const roll = rules.rollToWorkingDay;
  const out: PetitionDeadlines = { accept: null, notify: null, resolve: null };
  const complex = p.complexity !== "normal";
  if (p.type === "khieu_nai") {
    out.accept = apply(p.receivedOn, rules.khieuNaiAccept, c, roll);
    if (p.acceptedOn) {
      const set = p.secondTime ? rules.khieuNaiSecond : rules.khieuNaiFirst;
      const rule = p.remote ? (complex ? set.remoteComplex : set.remote) : complex ? set.complex : set.normal;
      out.resolve = apply(p.acceptedOn, rule, c, roll);
    }
  } else if (p.type === "to_cao") {
    out.accept = apply(p.receivedOn, rules.toCaoAccept, c, roll);
    if (p.acceptedOn) {
      out.notify = apply(p.acceptedOn, rules.toCaoNotify, c, roll);
      // Each extension adds its period to the original one; the deadline is computed from thụ lý.
      const extra = p.extensions.length * rules.toCaoExtension.days;
      const r = apply(p.acceptedOn, rules.toCaoResolve, c, roll, extra);
      out.resolve = p.extensions.length ? { due: r.due, basis: `${rules.toCaoResolve.basis} (gia hạn ${p.extensions.length} lần: ${p.extensions.map((e) => e.number).join(", ")})` } : r;
    }
  } else {
    if (rules.otherAccept) out.accept = apply(p.receivedOn, rules.otherAccept, c, roll);
    if (p.acceptedOn && rules.otherResolve) out.resolve = apply(p.acceptedOn, rules.otherResolve, c, roll);
  }
  return out;
}

/** The deadline the petition must meet next while open (earliest unmet), or null once closed. */
export function currentDue(p: PetitionFacts, d: PetitionDeadlines): { due: string; stage: "accept" | "notify" | "resolve" } | null {
  if (p.withdrawn) return null;
  if (p.state === "received" || p.state === "classified") return d.accept ? { due: d.accept.due, stage: "accept" } : null;
  if (!UNDER_RESOLUTION.includes(p.state)) return null;
  const c: Array<{ due: string; stage: "notify" | "resolve" }> = [];
  if (d.notify && !p.notifiedOn) c.push({ due: d.notify.due, stage: "notify" });
  if (d.resolve) c.push({ due: d.resolve.due, stage: "resolve" });
  c.sort((a, b) => a.due.localeCompare(b.due));
  return c[0] ?? null;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

export interface OnTimeInput {
  receivedOn: string;
  acceptedOn: string | null;
  acceptDue: string | null;
  resolveDue: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
}

/**
 * On-time rate as the domain brief defines it: resolved on time / (resolved + open past deadline),
 * over petitions resolved in [from, to] and petitions still open at `asOf` past their deadline.
 * Null when there is nothing to rate.
 */
export function onTimeRate(rows: readonly OnTimeInput[], from: string, to: string, asOf: string): { resolved: number; resolvedOnTime: number; openPastDeadline: number; rate: number | null } {
  let resolved = 0;
  let onTime = 0;
  let late = 0;
  for (const r of rows) {
    if (r.resolvedOn && r.resolvedOn >= from && r.resolvedOn <= to) {
      resolved++;
      if (!r.resolveDue || r.resolvedOn <= r.resolveDue) onTime++;
    } else if (r.receivedOn <= asOf && (!r.closedOn || r.closedOn > asOf)) {
      // The deadline in force at asOf: resolution once accepted, acceptance before.
      const due = r.acceptedOn && r.acceptedOn <= asOf ? r.resolveDue : r.acceptDue;
      if (due && due < asOf) late++;
    }
  }
  const denom = resolved + late;
  return { resolved, resolvedOnTime: onTime, openPastDeadline: late, rate: denom ? Math.round((onTime / denom) * 1000) / 10 : null };
}
