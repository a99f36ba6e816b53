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

export interface ExtraCommand {
  help: string;
  run(argv: string[], io: Io, env: Record<string, string | undefined>): Promise<number>;
}

export const extraCommands: Record<string, ExtraCommand> = {};
export const extraRoutes: Array<(app: Hono<Env>, ctx: Ctx) => void> = [];
