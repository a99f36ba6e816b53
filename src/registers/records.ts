/**
 * Pure: the registers other than petitions — their fields (zod), how each record is indexed
 * (kind, date, state, title), the checks users see as warnings, the Dân vận khéo path and the
 * citizen-reception obligations. No I/O.
 */
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import type { UnitLevel } from "../core/hierarchy.ts";
import { isoDate, optionalText, requiredText } from "./common.ts";
import { addDays, weekday } from "./calendar.ts";
import { DVK_NEXT, DVK_STATE_LABELS, DVK_STATES, KIND_LABELS, NO_DISTRICT_FROM, type DvkState } from "./vocabulary.ts";
import { count as wholeCount, id } from "../core/input.ts";

const unitId = id;
const count = wholeCount.max(10_000_000, { error: "Số lượng tối đa 10.000.000." }).default(0);


/** Tiếp công dân (kind reception) and đối thoại (kind dialogue) of leaders with citizens. */
export const ReceptionSchema = z.object({
  unitId,
  kind: z.enum(["reception", "dialogue"]),
  date: isoDate,
  leaderName: requiredText(200),
  leaderTitle: z.enum(["bi_thu", "chu_tich_ubnd", "khac"]),
  /** The leader's title as written ("Phó Bí thư Thường trực Đảng ủy xã"). */
  leaderTitleText: optionalText(200),
  place: optionalText(300),
  /** Lượt (visits) and người (people) are counted separately ("71 lượt với 98 người"). */
  turns: count,
  people: count,
  participants: optionalText(1000),
  matters: z.array(z.object({
    content: requiredText(2000),
    conclusion: optionalText(2000),
    followUp: optionalText(2000),
    done: z.boolean().default(false),
  })).max(300).default([]),
});

/** Tổ hòa giải and its members. */
export const MediationTeamSchema = z.object({
  unitId,
  /** Date the team was set up (or entered). */
  date: isoDate,
  name: requiredText(200),
  village: optionalText(200),
  members: z.array(z.object({
    name: requiredText(200),
    gender: z.enum(["nam", "nu"]),
    role: z.enum(["to_truong", "hoa_giai_vien"]).default("hoa_giai_vien"),
  })).max(60).default([]),
});

/** A case in the Sổ theo dõi hoạt động hòa giải ở cơ sở. */
export const MediationCaseSchema = z.object({
  unitId,
  teamId: id.nullable().optional().transform((v) => v ?? null),
  /** Date received. */
  date: isoDate,
  mediators: z.array(requiredText(200)).min(1, "Cần ít nhất một hòa giải viên").max(20),
  parties: requiredText(2000),
  matter: requiredText(5000),
  agreement: optionalText(5000),
  result: z.enum(["thanh", "khong_thanh", "dang_hoa_giai"]).default("dang_hoa_giai"),
  resultDate: isoDate.nullable().optional().transform((v) => v ?? null),
  followUp: optionalText(2000),
});

/** Phát động quần chúng (campaign) and giám sát / khảo sát / kiểm tra. */
export const OversightSchema = z.object({
  unitId,
  kind: z.enum(["campaign", "supervision", "survey", "inspection"]),
  date: isoDate,
  endDate: isoDate.nullable().optional().transform((v) => v ?? null),
  title: requiredText(500),
  subjects: optionalText(2000),
  topics: optionalText(2000),
  sessions: count,
  teams: count,
  participants: count,
  villagesReached: wholeCount.nullable().optional().transform((v) => v ?? null),
  villagesTotal: wholeCount.nullable().optional().transform((v) => v ?? null),
  findings: z.array(requiredText(2000)).max(200).default([]),
  recommendations: z.array(z.object({ content: requiredText(2000), actedOn: z.boolean().default(false), note: optionalText(2000) })).max(200).default([]),
});

const level = z.enum(["trung_uong", "tinh", "huyen", "xa"]);

/**
 * Throws REGISTER_LEVEL_ABOLISHED for "Cấp huyện" on a date from 1 July 2025 (there are no districts
 * since the 2025 reform); records dated before keep it.
 */
export function levelInForce(value: string | null | undefined, date: string, what: string): void {
  if (value !== "huyen" || date < NO_DISTRICT_FROM) return;
  throw new DomainError("REGISTER_LEVEL_ABOLISHED",
    `${what}: từ ngày 01/07/2025 không còn cấp huyện (sắp xếp đơn vị hành chính 2025); ngày ${date.split("-").reverse().join("/")} chỉ chọn được cấp xã, cấp tỉnh hoặc Trung ương.`,
    { field: "level", level: value, date, from: NO_DISTRICT_FROM });
}

/** A Dân vận khéo model (mô hình) or exemplar (điển hình); its path is advanced with `advanceDvk`. */
export const DvkSchema = z.object({
  unitId,
  kind: z.enum(["model", "exemplar"]),
  subject: z.enum(["tap_the", "ca_nhan"]),
  name: requiredText(500),
  /** Who carries it out (a collective or a person). */
  holder: optionalText(300),
  field: z.enum(["kinh_te", "van_hoa_xa_hoi", "quoc_phong_an_ninh", "xay_dung_he_thong_chinh_tri"]),
  /** Date registered (đăng ký). */
  date: isoDate,
  description: optionalText(5000),
});

export const CommendationSchema = z.object({
  unitId,
  subject: z.enum(["tap_the", "ca_nhan"]),
  recipient: requiredText(500),
  topic: z.enum(["dvk", "qcdc", "khac"]),
  level,
  /** Bằng khen, Giấy khen… */
  form: requiredText(200),
  decisionNo: requiredText(60),
  /** Decision date. */
  date: isoDate,
  reason: optionalText(2000),
});

export const REGISTERS = {
  reception: { label: "Sổ tiếp công dân, đối thoại", schema: ReceptionSchema },
  mediation_team: { label: "Tổ hòa giải", schema: MediationTeamSchema },
  mediation_case: { label: "Sổ theo dõi hoạt động hòa giải", schema: MediationCaseSchema },
  oversight: { label: "Phát động quần chúng, giám sát, khảo sát, kiểm tra", schema: OversightSchema },
  dvk: { label: "Mô hình, điển hình \"Dân vận khéo\"", schema: DvkSchema },
  commendation: { label: "Khen thưởng", schema: CommendationSchema },
} as const;
export type RegisterKey = keyof typeof REGISTERS;
export const REGISTER_KEYS = Object.keys(REGISTERS) as RegisterKey[];

/** What each register's record holds once validated. */
export type RecordData = { [K in RegisterKey]: z.infer<(typeof REGISTERS)[K]["schema"]> };
/** What a Dân vận khéo record holds besides its input: where it is on its path. */
export interface DvkProgress {
  history: Array<{ state: DvkState; date: string; level?: string | null; form?: string | null; decisionNo?: string | null; note?: string | null }>;
  criteria: Record<string, boolean> | null;
  level: string | null;
  recognisedOn: string | null;
}


export interface Indexed {
  kind: string;
  date: string;
  state: string | null;
  title: string;
  parentId: number | null;
  /** Text searched (names, matters, findings…). */
  search: Array<string | null>;
}

/** How a validated record is indexed; also checks the relations within it (dates in order…). */
export function indexRecord<R extends RegisterKey>(register: R, data: RecordData[R]): Indexed {
  const d = data as RecordData[RegisterKey];
  switch (register) {
    case "reception": {
      const v = d as RecordData["reception"];
      return { kind: v.kind, date: v.date, state: v.matters.length && v.matters.every((m) => m.done) ? "done" : v.matters.length ? "follow_up" : null,
        title: `${KIND_LABELS[v.kind]} — ${v.leaderName}`, parentId: null,
        search: [v.leaderName, v.leaderTitleText, v.place, v.participants, ...v.matters.flatMap((m) => [m.content, m.conclusion, m.followUp])] };
    }
    case "mediation_team": {
      const v = d as RecordData["mediation_team"];
      return { kind: "team", date: v.date, state: null, title: v.name, parentId: null, search: [v.name, v.village, ...v.members.map((m) => m.name)] };
    }
    case "mediation_case": {
      const v = d as RecordData["mediation_case"];
      if (v.result !== "dang_hoa_giai" && !v.resultDate) throw new DomainError("VALIDATION", "Vụ việc đã có kết quả hòa giải thì phải có ngày kết thúc hòa giải.");
      if (v.resultDate && v.resultDate < v.date) throw new DomainError("REGISTER_DATE_ORDER", `Ngày kết thúc hòa giải (${v.resultDate}) không thể trước ngày nhận vụ việc (${v.date}).`);
      return { kind: "case", date: v.date, state: v.result, title: v.matter.slice(0, 200), parentId: v.teamId,
        search: [v.parties, v.matter, v.agreement, v.followUp, ...v.mediators] };
    }
    case "oversight": {
      const v = d as RecordData["oversight"];
      if (v.endDate && v.endDate < v.date) throw new DomainError("REGISTER_DATE_ORDER", `Ngày kết thúc (${v.endDate}) không thể trước ngày bắt đầu (${v.date}).`);
      if (v.villagesReached !== null && v.villagesTotal !== null && v.villagesReached > v.villagesTotal) {
        throw new DomainError("VALIDATION", `Số thôn được phát động (${v.villagesReached}) lớn hơn tổng số thôn (${v.villagesTotal}).`);
      }
      const recs = v.recommendations;
      return { kind: v.kind, date: v.date, state: recs.length ? (recs.every((r) => r.actedOn) ? "acted_on" : "pending") : null, title: v.title, parentId: null,
        search: [v.title, v.subjects, v.topics, ...v.findings, ...recs.map((r) => r.content)] };
    }
    case "dvk": {
      const v = d as RecordData["dvk"];
      return { kind: v.kind, date: v.date, state: "registered", title: v.name, parentId: null, search: [v.name, v.holder, v.description] };
    }
    case "commendation": {
      const v = d as RecordData["commendation"];
      levelInForce(v.level, v.date, "Cấp khen");
      return { kind: v.subject, date: v.date, state: null, title: `${v.form} — ${v.recipient}`, parentId: null, search: [v.recipient, v.form, v.decisionNo, v.reason] };
    }
  }
  throw new DomainError("REGISTER_NOT_FOUND", `Không có sổ "${String(register)}".`);
}

/** Warnings a user sees on a record (saved anyway): a mediation team's composition. */
export function warningsOf<R extends RegisterKey>(register: R, data: RecordData[R]): string[] {
  if (register !== "mediation_team") return [];
  const v = data as RecordData["mediation_team"];
  const out: string[] = [];
  if (v.members.length < 3) out.push(`Tổ hòa giải mới có ${v.members.length} hòa giải viên; cần ít nhất 3 người (Luật Hòa giải ở cơ sở 2013 Điều 12).`);
  if (!v.members.some((m) => m.gender === "nu")) out.push("Tổ hòa giải chưa có hòa giải viên nữ (Luật Hòa giải ở cơ sở 2013 Điều 12).");
  return out;
}


export const DvkAdvanceSchema = z.object({
  to: z.enum(DVK_STATES),
  date: isoDate,
  /** At assessment: each of the province's criteria, met or not. */
  criteria: z.record(z.string(), z.boolean()).optional(),
  /** At recognition and commendation. */
  level: level.optional(),
  form: optionalText(200),
  decisionNo: optionalText(60),
  note: optionalText(2000),
});

/** Checks one step on the Dân vận khéo path; returns the progress after it. */
export function advanceDvkProgress(current: DvkState, p: DvkProgress, step: z.infer<typeof DvkAdvanceSchema>, criteria: readonly string[]): DvkProgress {
  if (!DVK_NEXT[current].includes(step.to)) {
    const allowed = DVK_NEXT[current].map((s) => DVK_STATE_LABELS[s]).join(", ") || "không còn bước nào";
    throw new DomainError("REGISTER_ILLEGAL_TRANSITION", `Không thể chuyển mô hình từ "${DVK_STATE_LABELS[current]}" sang "${DVK_STATE_LABELS[step.to]}". Bước tiếp theo hợp lệ: ${allowed}.`, { from: current, to: step.to });
  }
  levelInForce(step.level, step.date, "Cấp công nhận, khen thưởng");
  const out: DvkProgress = { ...p, history: [...p.history, { state: step.to, date: step.date, level: step.level ?? null, form: step.form ?? null, decisionNo: step.decisionNo ?? null, note: step.note ?? null }] };
  if (step.to === "assessed") {
    const given = step.criteria ?? {};
    const unknown = Object.keys(given).filter((k) => !criteria.includes(k));
    const missing = criteria.filter((k) => !(k in given));
    if (unknown.length || missing.length) {
      throw new DomainError("REGISTER_CRITERIA_MISMATCH", `Đánh giá phải theo đúng tiêu chí của tỉnh.${missing.length ? ` Thiếu: ${missing.join("; ")}.` : ""}${unknown.length ? ` Không có trong bộ tiêu chí: ${unknown.join("; ")}.` : ""}`, { missing, unknown });
    }
    out.criteria = given;
  }
  if (step.to === "recognised") {
    if (!step.level) throw new DomainError("VALIDATION", "Công nhận mô hình, điển hình phải ghi cấp công nhận.");
    if (p.criteria && Object.values(p.criteria).some((m) => !m)) throw new DomainError("REGISTER_CRITERIA_NOT_MET", "Mô hình chưa đạt đủ tiêu chí khi đánh giá nên chưa thể công nhận.");
    out.level = step.level;
    out.recognisedOn = step.date;
  }
  if (step.to === "commended" && (!step.form || !step.level || !step.decisionNo)) {
    throw new DomainError("VALIDATION", "Khen thưởng phải ghi hình thức, cấp khen thưởng và số quyết định.");
  }
  return out;
}

export interface ObligationResult {
  who: string;
  rule: string;
  /** The month, or the week (Monday → Sunday) for weekly obligations. */
  span: string;
  required: number;
  held: number;
  met: boolean;
  /** False while the span is not over yet (today inside it). */
  final: boolean;
}

/**
 * The reception obligations of a unit for a month: heads of party committees at least N days a
 * month by level (KL 215-KL/TW 2025, amending QĐ 11-QĐi/TW: tỉnh 1, xã 2; huyện 2 before 2025), and
 * the Chủ tịch UBND xã at least one day a week. A day counts once however many sessions it had.
 * Each week Monday→Sunday with a working day in the month is checked.
 */
export function receptionObligations(
  level: UnitLevel,
  month: string,
  sessions: ReadonlyArray<{ date: string; leaderTitle: string; kind: string }>,
  rules: { partyHeadDaysPerMonth: { province: number; district: number; commune: number }; communeChairDaysPerWeek: number },
  today: string,
  isWorkingDay: (d: string) => boolean,
): ObligationResult[] {
  const out: ObligationResult[] = [];
  const first = `${month}-01`;
  const last = addDays(addDays(first, 32).slice(0, 8) + "01", -1);
  const days = (title: string, from: string, to: string) => new Set(sessions.filter((s) => s.kind === "reception" && s.leaderTitle === title && s.date >= from && s.date <= to).map((s) => s.date)).size;
  const perMonth = level === "province" ? rules.partyHeadDaysPerMonth.province : level === "district" ? rules.partyHeadDaysPerMonth.district : level === "commune" ? rules.partyHeadDaysPerMonth.commune : 0;
  if (perMonth > 0) {
    const held = days("bi_thu", first, last);
    out.push({ who: "Bí thư cấp ủy (người đứng đầu cấp ủy)", rule: `Tiếp công dân ít nhất ${perMonth} ngày/tháng (Kết luận 215-KL/TW, Quy định 11-QĐi/TW)`, span: month, required: perMonth, held, met: held >= perMonth, final: today > last });
  }
  if (level === "commune" && rules.communeChairDaysPerWeek > 0) {
    let monday = addDays(first, -((weekday(first) + 6) % 7));
    for (; monday <= last; monday = addDays(monday, 7)) {
      const sunday = addDays(monday, 6);
      let working = false;
      for (let d = monday; d <= sunday; d = addDays(d, 1)) if (d >= first && d <= last && isWorkingDay(d)) working = true;
      if (!working) continue;
      const held = days("chu_tich_ubnd", monday, sunday);
      const n = rules.communeChairDaysPerWeek;
      out.push({ who: "Chủ tịch UBND xã", rule: `Tiếp công dân ít nhất ${n} ngày/tuần (Luật Tiếp công dân 2013 Điều 15)`, span: `${monday} → ${sunday}`, required: n, held, met: held >= n, final: today > sunday });
    }
  }
  return out;
}
