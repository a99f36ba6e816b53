/**
 * Features that plug extra commands and endpoints into the CLI and the API (extractor, reports,
 * registers, web UI). One list, so the edges stay thin.
 */
import type { Hono } from "hono";
import type { Env } from "./http/routes.ts";
import type { Ctx } from "./context.ts";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Buffer>;
}

/** A feature's command; its lines of `danvan help` are in the feature's help.ts (see src/features.ts). */
export interface ExtraCommand {
  run(argv: string[], io: Io, env: Record<string, string | undefined>): Promise<number>;
}

export const extraCommands: Record<string, ExtraCommand> = {};
export const extraRoutes: Array<(app: Hono<Env>, ctx: Ctx) => void> = [];
/** Work a feature runs on a schedule inside the server (`danvan serve`); each returns its stop function. */
export const serverTasks: Array<(ctx: Ctx, log: (s: string) => void) => () => void> = [];

/** A count of one indicator per unit for a period, from day-to-day records (registers). */
export interface CountedFigure {
  unitId: number;
  value: number;
  /** Disaggregation key ("" for the total). */
  disagg: string;
}

/**
 * Where figures come from besides what units report: registers count their records. A roll-up
 * takes a unit's reported figures when it has any for the indicator in the period, and its counted
 * figures otherwise (both are shown side by side elsewhere; one never overwrites the other).
 */
export interface FigureSource {
  /** Indicators this source can count. */
  indicators: ReadonlySet<string>;
  count(ctx: Ctx, q: { indicator: string; unitIds: number[] | null; periodStart: string; periodEnd: string }): Promise<CountedFigure[]>;
  /**
   * Units among `unitIds` (null = all) with records that count toward the indicator, with the
   * calendar year of each counting date: where maintained totals must look for counts.
   */
  recordUnitYears(ctx: Ctx, indicator: string, unitIds: number[] | null): Promise<Array<{ unitId: number; year: number }>>;
}

export const figureSources: FigureSource[] = [];
