/**
 * For feature commands: opens the configured database, runs `fn` with a context, closes it, and
 * turns errors into a message and an exit code (2 for bad input, 1 otherwise).
 */
import { z } from "zod";
import { loadConfig } from "../config.ts";
import { migrate, openDatabase } from "../db/database.ts";
import { makeContext, type Ctx } from "../context.ts";
import { isDomainError } from "../core/errors.ts";
import type { Io } from "../plugins.ts";

export async function withContext(env: Record<string, string | undefined>, io: Io, fn: (ctx: Ctx) => Promise<number>): Promise<number> {
  let ctx: Ctx | undefined;
  try {
    const config = loadConfig(env);
    const database = openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath });
    await migrate(database);
    ctx = makeContext(database, config);
    return await fn(ctx);
  } catch (e) {
    if (isDomainError(e)) {
      io.stderr(`Lỗi [${e.code}]: ${e.message}\n`);
      return 2;
    }
    if (e instanceof z.ZodError) {
      io.stderr(`Lỗi: ${e.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`);
      return 2;
    }
    io.stderr(`Lỗi: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await ctx?.database.close();
  }
}
