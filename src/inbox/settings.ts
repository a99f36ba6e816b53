/** Reminder settings (national): days before and after a deadline, the periods watched. */
import { z } from "zod";
import { jsonSetting, getSettings } from "../settings/settings.service.ts";
import { DEFAULT_DEADLINES, type DeadlineRules } from "../submissions/deadlines.ts";
import type { Ctx } from "../context.ts";
import type { ReminderRules } from "./watch.ts";

const days = (max: number, label: string) => z.number({ message: `${label}: cần một số ngày.` }).int({ message: `${label}: cần số nguyên.` }).min(0, { message: `${label}: không âm.` }).max(max, { message: `${label}: tối đa ${max} ngày.` });

export const ReminderSettingsSchema = z.object({
  /** false: no reminders are sent (the inbox still shows overdue reports). */
  enabled: z.boolean().default(true),
  daysBefore: days(60, "Nhắc trước hạn").default(3),
  escalateAfterDays: days(180, "Báo cấp trên sau hạn").min(1, { message: "Báo cấp trên sau hạn: ít nhất 1 ngày." }).default(7),
  lookbackDays: days(366, "Theo dõi sau hạn").min(7, { message: "Theo dõi sau hạn: ít nhất 7 ngày." }).default(90),
  periodTypes: z.array(z.enum(["year", "nine_months", "six_months", "quarter", "month"], { message: "Loại kỳ không hợp lệ." })).min(1, { message: "Cần ít nhất một loại kỳ." })
    .default(["quarter", "six_months", "nine_months", "year"]),
}).strict().refine((s) => s.escalateAfterDays <= s.lookbackDays, { message: "Số ngày báo cấp trên phải không quá số ngày theo dõi sau hạn.", path: ["escalateAfterDays"] });
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>;

const reminders = jsonSetting("reminders", ReminderSettingsSchema, "settings.reminders");
export const getReminderSettings = reminders.get;
export const getReminderSettingsVersioned = reminders.getVersioned;
export const updateReminderSettings = reminders.update;

/** Everything the watch needs: reminder rules, report deadlines and the cut-off day. */
export async function watchRules(ctx: Ctx): Promise<{ rules: ReminderRules & { enabled: boolean }; deadlines: DeadlineRules; cutoffDay: number }> {
  const [rules, s] = await Promise.all([getReminderSettings(ctx.db), getSettings(ctx.db)]);
  return { rules, deadlines: { ...DEFAULT_DEADLINES, ...s.deadlines }, cutoffDay: s.cutoffDay };
}
