/** Settings of the report writer (stored as one JSON setting, changed by administrators with an audit row). */
import { z } from "zod";
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { Actor } from "../accounts/actor.ts";
import type { Ctx } from "../context.ts";
import { jsonSetting } from "../settings/settings.service.ts";

export const ReportSettingsSchema = z.object({
  /**
   * The date a report carries when none is given: its deadline (the period's end plus the days the
   * deadline settings give) or the period's last day; never later than today.
   */
  documentDate: z.enum(["deadline", "period_end"], { message: "Ngày văn bản mặc định: \"deadline\" (hạn nộp) hoặc \"period_end\" (ngày cuối kỳ)." }).default("deadline"),
  /** Day and month (MM-DD) Party committee terms start in congress years (2020, 2025…): numbers restart then. */
  partyTermStart: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "Ngày bắt đầu nhiệm kỳ dạng MM-DD, ví dụ 10-01.").default("10-01"),
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

const store = jsonSetting("reports", ReportSettingsSchema, "settings.reports.update");
/** Reads the report settings (defaults where unset). */
export const getReportSettings: (db: Kysely<DB>) => Promise<ReportSettings> = store.get;
/** Replaces the report settings (national administrators; `version`, when given, must be the stored one). */
export const updateReportSettings: (ctx: Ctx, actor: Actor, input: unknown, version?: number) => Promise<ReportSettings & { version: number }> = store.update;
