/**
 * Register settings (in the settings table under the key "registers"): the holiday calendar's
 * corrections, deadline periods, reception obligations, Dân vận khéo criteria and who handles tố
 * cáo petitions. The national entry is changed by national administrators only. A province may
 * keep its own entry ("registers@<province id>") for what a province decides for itself — its
 * reception obligations, its Dân vận khéo criteria, the roles that handle tố cáo — and each item
 * set there replaces the national one for units in that province. The calendar and the legal
 * deadline periods are the law's, the same for the whole country: national only.
 */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { ROLES, type Actor, type Role } from "../accounts/actor.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import { provinceOf } from "../accounts/policy.ts";
import type { Ctx } from "../context.ts";
import { jsonSetting, type Versioned } from "../settings/settings.service.ts";
import { workCalendar, type WorkCalendar } from "./calendar.ts";
import { VN_LUNAR } from "./lunar.ts";
import { DEFAULT_DEADLINE_RULES, type DeadlineRules } from "./petition-rules.ts";
import { isoDate } from "../core/input.ts";

const rule = z.object({ days: z.number().int().min(1).max(365), unit: z.enum(["calendar", "working"]), basis: z.string().max(200) });
const ruleSet = z.object({ normal: rule, complex: rule, remote: rule, remoteComplex: rule }).partial();

/** Default Dân vận khéo criteria (a province replaces them with its own list). */
export const DEFAULT_DVK_CRITERIA = [
  "Đúng chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
  "Thiết thực, hiệu quả, được Nhân dân đồng tình, hưởng ứng",
  "Có cách làm sáng tạo, có khả năng nhân rộng",
  "Duy trì, phát huy hiệu quả ít nhất 6 tháng",
];

export const RegisterSettingsSchema = z.object({
  /**
   * Corrections to the shipped calendar: the days the Government announces each year (days off,
   * Saturdays worked) and the years whose announcement has been entered (no longer provisional).
   */
  calendar: z.object({
    extraDaysOff: z.array(isoDate).max(500).default([]),
    extraWorkdays: z.array(isoDate).max(500).default([]),
    announcedYears: z.array(z.number().int().min(2000).max(2200)).max(200).default([]),
  }).default({ extraDaysOff: [], extraWorkdays: [], announcedYears: [] }),
  /** Overrides of the legal periods (see petition-rules.ts for each one's article). */
  deadlines: z.object({
    rollToWorkingDay: z.boolean(),
    khieuNaiAccept: rule, khieuNaiFirst: ruleSet, khieuNaiSecond: ruleSet,
    toCaoAccept: rule, toCaoNotify: rule, toCaoResolve: rule, toCaoExtension: rule,
    otherAccept: rule.nullable(), otherResolve: rule.nullable(),
  }).partial().default({}),
  /** Days of citizen reception a month (heads of party committees) by level; weekly for the commune chair. */
  obligations: z.object({
    partyHeadDaysPerMonth: z.object({ province: z.number().int().min(0).max(31), district: z.number().int().min(0).max(31), commune: z.number().int().min(0).max(31) }),
    communeChairDaysPerWeek: z.number().int().min(0).max(7),
  }).default({ partyHeadDaysPerMonth: { province: 1, district: 2, commune: 2 }, communeChairDaysPerWeek: 1 }),
  /** Province GSO code → its Dân vận khéo criteria, set nationally; a province's own list wins over it. */
  dvkCriteria: z.record(z.string().max(10), z.array(z.string().min(1).max(300)).min(1).max(30)).default({}),
  /**
   * Roles whose holders at a tố cáo petition's own unit handle it and so see the denouncer's
   * identity (Luật Tố cáo 2018 Điều 47 khoản 2); others need a handler assignment on the petition.
   */
  toCaoHandlerRoles: z.array(z.enum(ROLES as [Role, ...Role[]])).max(4).default(["reporter"]),
});
export type RegisterSettings = z.infer<typeof RegisterSettingsSchema>;

/** What a province decides for itself; an item left out follows the national settings. */
export const ProvinceRegisterSettingsSchema = z.object({
  obligations: RegisterSettingsSchema.shape.obligations.unwrap().optional(),
  dvkCriteria: z.array(z.string().trim().min(1).max(300)).min(1).max(30).optional(),
  toCaoHandlerRoles: z.array(z.enum(ROLES as [Role, ...Role[]])).max(4).optional(),
}).strict();
export type ProvinceRegisterSettings = z.infer<typeof ProvinceRegisterSettingsSchema>;

const stored = jsonSetting("registers", RegisterSettingsSchema, "registers.settings.update", ProvinceRegisterSettingsSchema);
/** Reads the national register settings (defaults where unset). */
export const getRegisterSettings: (db: Kysely<DB>) => Promise<RegisterSettings> = stored.get;
/** The national register settings with their version. */
export const getRegisterSettingsVersioned: (db: Kysely<DB>) => Promise<Versioned<RegisterSettings>> = stored.getVersioned;
/** Replaces the national register settings (national administrators only); audited. */
export const updateRegisterSettings: (ctx: Ctx, actor: Actor, input: unknown, version?: number) => Promise<Versioned<RegisterSettings>> = stored.update;
/** A province's own register settings, or null. */
export const getProvinceRegisterSettings: (db: Kysely<DB>, provinceId: number) => Promise<Versioned<ProvinceRegisterSettings> | null> = stored.getProvince;
/** Replaces a province's own register settings (its administrators or national ones); audited. */
export const updateProvinceRegisterSettings: (ctx: Ctx, actor: Actor, provinceId: number, input: unknown, version?: number) => Promise<Versioned<ProvinceRegisterSettings>> = stored.updateProvince;

/** The settings in force for a unit: the national ones with its province's own items in their place. */
export async function registerSettingsFor(db: Kysely<DB>, h: Hierarchy, unitId: number): Promise<RegisterSettings & { dvk: string[]; province: { id: number; code: string } | null }> {
  const s = await getRegisterSettings(db);
  const pid = provinceOf(h, unitId);
  const province = pid === null ? null : h.get(pid)!;
  const own = pid === null ? null : await getProvinceRegisterSettings(db, pid);
  return {
    ...s,
    obligations: own?.obligations ?? s.obligations,
    toCaoHandlerRoles: own?.toCaoHandlerRoles ?? s.toCaoHandlerRoles,
    dvk: own?.dvkCriteria ?? (province && s.dvkCriteria[province.code]) ?? DEFAULT_DVK_CRITERIA,
    province: province && { id: province.id, code: province.code },
  };
}

/** The deadline rules with the installation's overrides applied. */
export function deadlineRules(s: RegisterSettings): DeadlineRules {
  const d = s.deadlines;
  const D = DEFAULT_DEADLINE_RULES;
  return {
    ...D,
    ...Object.fromEntries(Object.entries(d).filter(([k]) => k !== "khieuNaiFirst" && k !== "khieuNaiSecond")),
    khieuNaiFirst: { ...D.khieuNaiFirst, ...d.khieuNaiFirst },
    khieuNaiSecond: { ...D.khieuNaiSecond, ...d.khieuNaiSecond },
  } as DeadlineRules;
}

/** The working-day calendar with the installation's corrections (lunar holidays computed for any year). */
export function calendarOf(s: RegisterSettings): WorkCalendar {
  return workCalendar(s.calendar, VN_LUNAR);
}
