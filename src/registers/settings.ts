/**
 * Register settings (in the settings table under the key "registers"): the holiday calendar's
 * corrections, deadline periods, reception obligations and Dân vận khéo criteria per province.
 */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../accounts/actor.ts";
import type { Ctx } from "../context.ts";
import { jsonSetting } from "../settings/settings.service.ts";
import { workCalendar, type WorkCalendar } from "./calendar.ts";
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
  calendar: z.object({ extraDaysOff: z.array(isoDate).max(500).default([]), extraWorkdays: z.array(isoDate).max(500).default([]) }).default({ extraDaysOff: [], extraWorkdays: [] }),
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
  /** Province GSO code → its Dân vận khéo criteria; provinces not listed use the defaults. */
  dvkCriteria: z.record(z.string().max(10), z.array(z.string().min(1).max(300)).min(1).max(30)).default({}),
});
export type RegisterSettings = z.infer<typeof RegisterSettingsSchema>;

const stored = jsonSetting("registers", RegisterSettingsSchema, "registers.settings.update");
/** Reads the register settings (defaults where unset). */
export const getRegisterSettings: (db: Kysely<DB>) => Promise<RegisterSettings> = stored.get;
/** Replaces the register settings (administrators only); audited. */
export const updateRegisterSettings: (ctx: Ctx, actor: Actor, input: unknown) => Promise<RegisterSettings> = stored.update;

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

/** The working-day calendar with the installation's corrections. */
export function calendarOf(s: RegisterSettings): WorkCalendar {
  return workCalendar(s.calendar);
}
