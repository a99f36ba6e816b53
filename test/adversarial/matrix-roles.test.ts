/** The generated matrix, part 2: every role, national and provincial, in scope (see matrix.ts). */
import { test, before } from "node:test";
import { describeEachDatabase } from "../../src/test-support/db.ts";
import { buildWorld, type World } from "./harness.ts";
import { inScope } from "./matrix.ts";

describeEachDatabase("adversarial matrix: every role in scope", (get, dialect) => {
  let world: World;
  before(async () => {
    world = await buildWorld(get(), dialect);
  });
  test("every operation as every role in scope: never a 5xx, errors with a stable code, no other province's records", async () => {
    (await inScope(world)).finish();
  });
});
