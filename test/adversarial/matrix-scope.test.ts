/** The generated matrix, part 1: anonymous callers and another province's users (see matrix.ts). */
import { test, before } from "node:test";
import { describeEachDatabase } from "../../src/test-support/db.ts";
import { buildWorld, type World } from "./harness.ts";
import { anonymous, outOfScope } from "./matrix.ts";

describeEachDatabase("adversarial matrix: anonymous and out of scope", (get, dialect) => {
  let world: World;
  before(async () => {
    world = await buildWorld(get(), dialect);
  });
  test("anonymous: every operation that needs sign-in answers 401 UNAUTHENTICATED and writes nothing", async () => {
    (await anonymous(world)).finish();
  });
  test("out of scope: every provincial role aimed at another province's unit, records or users is refused (403/404) with a stable code, writes nothing, shows nothing of it", async () => {
    (await outOfScope(world)).finish();
  });
});
