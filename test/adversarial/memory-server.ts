/**
 * A server in its own process for the memory ceiling test (memory.test.ts): a fresh SQLite database
 * with the units, a reporter (the least privileged user who may use the report reader), the API with the
 * report reader. Prints one JSON line { port, username } when it listens.
 */
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import "../../src/extract/plugin.ts";
import { extraRoutes } from "../../src/plugins.ts";
import { createApp } from "../../src/http/app.ts";
import { freshDatabase } from "../../src/test-support/db.ts";
import { seededContext, userAt } from "../../src/test-support/fixture.ts";
import { loadConfig } from "../../src/config.ts";

const ctx = await seededContext(await freshDatabase("sqlite"));
const viewer = await userAt(ctx, "reporter", "52", "2026-03-10");
const app = createApp({ ...ctx, config: loadConfig({ DANVAN_PASSWORD_COST: "10", DANVAN_RATE_EXTRACT: "0" }) }, extraRoutes);
serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
  process.stdout.write(`${JSON.stringify({ port: info.port, username: viewer.kind === "user" ? viewer.username : "" })}\n`);
});
