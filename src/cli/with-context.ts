/**
 * For feature commands: opens the configured database, runs `fn` with a context, closes it, and
 * turns errors into a message and an exit code (2 for bad input, 1 otherwise).
 */
import { loadConfig } from "../config.ts";
import type { Ctx } from "../context.ts";
import type { Io } from "../plugins.ts";
import { cliError, openConfigured } from "./open.ts";

export async function withContext(env: Record<string, string | undefined>, io: Io, fn: (ctx: Ctx) => Promise<number>): Promise<number> {
  let ctx: Ctx | undefined;
  try {
    ctx = await openConfigured(loadConfig(env));
    return await fn(ctx);
  } catch (e) {
    return cliError(e, io);
  } finally {
    await ctx?.database.close();
  }
}
