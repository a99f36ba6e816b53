/**
 * The bad-input list (bad-input-cases.ts), on both engines: each case's status and stable code, and
 * a database fingerprint equal before and after (nothing written). Counts are printed per category.
 */
import { test, before } from "node:test";
import { describeEachDatabase } from "../../src/test-support/db.ts";
import { answer, buildWorld, fingerprintDiff, Tally, type World } from "./harness.ts";
import { badInputCases, type Case } from "./bad-input-cases.ts";

/** Runs one case; returns what is wrong with the answer ("" when it is as expected). */
export async function runCase(world: World, k: Case): Promise<string> {
  const user = world.users.find((u) => u.name === (k.as ?? "provincial-admin"))!;
  const body = k.raw !== undefined ? k.raw : k.json !== undefined ? JSON.stringify(k.json) : undefined;
  const headers = { ...(k.json !== undefined ? { "content-type": "application/json" } : {}), ...(k.headers ?? {}) };
  const before = await world.fingerprint();
  const r = await answer(await world.request(user, k.method, k.path, { ...(body !== undefined ? { body } : {}), headers }));
  const after = await world.fingerprint();
  const problems = [
    ...(r.status === k.status && r.code === k.code ? [] : [`got ${r.status} ${r.code}, expected ${k.status} ${k.code}`]),
    ...(k.detail && !r.text.includes(k.detail) ? [`no ${k.detail} in the answer`] : []),
    ...(before === after ? [] : [`wrote: ${fingerprintDiff(before, after)}`]),
  ];
  return problems.length ? `${k.category}: ${k.name} (${k.method} ${k.path.slice(0, 80)}): ${problems.join("; ")} ${r.text.slice(0, 200)}` : "";
}

describeEachDatabase("adversarial bad input", (get, dialect) => {
  let world: World;
  let cases: Case[] = [];
  before(async () => {
    world = await buildWorld(get(), dialect);
    cases = badInputCases(world);
  });
  test("the bad-input list: at least 100 cases, each refused with its status and stable code, nothing written", async () => {
    const byCategory = new Map<string, Tally>();
    const all = new Tally("bad input: all", dialect);
    for (const k of cases) {
      const tally = byCategory.get(k.category) ?? byCategory.set(k.category, new Tally(`bad input: ${k.category}`, dialect)).get(k.category)!;
      const problem = await runCase(world, k);
      tally.check(problem === "", problem);
      all.check(problem === "", problem);
    }
    for (const t of byCategory.values()) console.log(`# adversarial ${t.category} [${dialect}]: ${t.cases} cases / ${t.cases - t.failures.length} passed`);
    if (all.cases < 100) throw new Error(`only ${all.cases} bad-input cases`);
    all.finish();
  });
});
