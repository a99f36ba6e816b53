/**
 * Sign-in timing (not a test): median ms of a wrong password for a known account and for an unknown
 * name, at the configured scrypt cost. They should match: timing must not tell who has an account.
 * Usage: npm run bench:signin [-- --runs 9 --cost 15]
 */
import { parseArgs } from "node:util";
import { freshDatabase } from "../src/test-support/db.ts";
import { makeContext } from "../src/context.ts";
import { loadConfig } from "../src/config.ts";
import { importAdminUnits } from "../src/units/admin-import.ts";
import { hierarchyOf } from "../src/context.ts";
import { SYSTEM } from "../src/accounts/actor.ts";
import { createUser, signIn } from "../src/accounts/user.service.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "9" }, cost: { type: "string", default: "15" } } });
const RUNS = Number(values.runs);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const database = await freshDatabase("sqlite");
// High limits: the point is the cost of one check, not the lockout.
const ctx = makeContext(database, loadConfig({ DANVAN_PASSWORD_COST: values.cost, DANVAN_SIGNIN_MAX_FAILURES: "100000", DANVAN_SIGNIN_MAX_FAILURES_IP: "100000" }));
await importAdminUnits(ctx.db, SYSTEM);
const unitId = (await hierarchyOf(ctx)).resolveCode("52", "2026-01-01").id;
await createUser(ctx, SYSTEM, { username: "canbo.that", displayName: "Cán bộ", password: "mat-khau-rat-dai", role: "viewer", unitId });
await signIn(ctx, "canbo.that", "sai").catch(() => undefined); // warm-up (the dummy hash is made once)
await signIn(ctx, "khong-co", "sai").catch(() => undefined);

const time = async (name: string) => {
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await signIn(ctx, name, `sai-${i}`, { ip: `10.1.0.${i}` }).catch(() => undefined);
    xs.push(performance.now() - t);
  }
  return median(xs);
};
const orig = console.warn;
console.warn = () => undefined;
const known = await time("canbo.that");
const unknown = await time("khong-co-ai");
console.warn = orig;
console.log(`sign-in, wrong password, scrypt cost 2^${values.cost}, median of ${RUNS}: known account ${known.toFixed(1)} ms, unknown name ${unknown.toFixed(1)} ms`);
await database.close();
