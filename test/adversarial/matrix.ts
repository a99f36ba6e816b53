/**
 * The operation matrix: every variant of the OpenAPI document, as anonymous, as every role at
 * national and provincial level in scope, and as every provincial role aimed at another province.
 */
import { userAt } from "../../src/test-support/fixture.ts";
import { answer, CANARY, DAY, fingerprintDiff, STABLE_CODE, Tally, type Targets, type User, type World } from "./harness.ts";
import { build, variants, versioned, type Built, type Variant } from "./openapi.ts";

/**
 * Reads open to every signed-in user whatever the unit: the country's administrative units are
 * public. Aimed at another province they may answer 200, still writing nothing and showing none of
 * its records.
 */
const PUBLIC = new Set(["GET /api/units", "GET /api/units/{id}"]);

/**
 * Reads that answer with what the reader may see rather than refuse: the audit log asked for
 * another province's petition answers no rows (200 []). Allowed only without that province's records.
 */
const FILTERED = new Set(["GET /api/audit"]);

/** Operations that end the caller's session or password: they run as a throwaway user of the same role and place. */
const SESSION_ENDING = (v: Variant) => v.path === "/api/session" || v.path === "/api/me/password";

/**
 * The request of a variant for a province: a write that carries a version gets the current one (read
 * by the national administrator from the record's own GET), so only scope or role can refuse it.
 */
async function aimAt(world: World, v: Variant, t: Targets, bodyT: Targets = t): Promise<Built> {
  const first = build(v, t, undefined, bodyT);
  if (!versioned(v)) return first;
  const read = first.path.split("?")[0]!.replace(/\/(narrative|actions|advance|answer|publish)$/, "");
  const res = await world.request(world.users[0]!, "GET", read);
  if (res.status !== 200) return first;
  const j = (await res.json()) as { version?: number; own?: { version?: number } | null };
  return build(v, t, j.version ?? j.own?.version ?? 0, bodyT);
}

const send = (world: World, user: User | null, b: Built) =>
  world.request(user, b.method, b.path, { ...(b.body !== undefined ? { body: b.body } : {}), headers: b.headers });

/** Anonymous: 401 UNAUTHENTICATED and nothing written, on every operation that needs sign-in; no 500 on the others. */
export async function anonymous(world: World): Promise<Tally> {
  const tally = new Tally("matrix: anonymous", world.dialect);
  for (const v of await variants(world)) {
    const b = build(v, world.a);
    const before = await world.fingerprint();
    const r = await answer(await send(world, null, b));
    const after = await world.fingerprint();
    if (v.auth) {
      tally.check(r.status === 401 && r.code === "UNAUTHENTICATED" && before === after,
        `${v.key} anonymous → ${r.status} ${r.code ?? r.text.slice(0, 120)}${before === after ? "" : ` wrote: ${fingerprintDiff(before, after)}`}`);
    } else {
      tally.check(r.status < 500 && (r.status < 400 || STABLE_CODE.test(r.code ?? "")), `${v.key} anonymous (open endpoint) → ${r.status} ${r.code}`);
    }
  }
  return tally;
}

/**
 * Out of scope: each provincial role aims every operation that names a unit, record or user at
 * another province's. Refused (403/404, or an import's 400 listing OUT_OF_SCOPE lines) with a stable
 * code, nothing written, none of that province's records in the answer.
 */
export async function outOfScope(world: World): Promise<Tally> {
  const tally = new Tally("matrix: out of scope", world.dialect);
  const provincial = world.users.filter((u) => !u.national);
  for (const v of await variants(world)) {
    if (!v.auth) continue;
    const probe = build(v, world.b);
    if (!probe.scoped) continue;
    // All of it at B; and where path and body both name units or records, one at B and the other at A
    // (B's record moved into A's unit, A's record moved into B's).
    const aims: Array<[string, Targets, Targets]> = [["", world.b, world.b], ...(probe.mixable ? [[" [path B, body A]", world.b, world.a], [" [path A, body B]", world.a, world.b]] as Array<[string, Targets, Targets]> : [])];
    for (const [label, pathT, bodyT] of aims) for (const user of provincial) {
      const b = await aimAt(world, v, pathT, bodyT);
      const before = await world.fingerprint();
      const r = await answer(await send(world, user, b));
      const after = await world.fingerprint();
      const refused = r.status === 403 || r.status === 404 || (r.status === 400 && r.text.includes("OUT_OF_SCOPE"));
      // Aimed at A's own record, a write may succeed when it leaves B's unit out (a petition's unit is not editable).
      const keptHome = pathT === world.a && r.status === 200 && !r.text.includes(`"unitId":${world.b.unitId}`);
      const allowed = ((PUBLIC.has(`${v.method} ${v.path}`) || FILTERED.has(`${v.method} ${v.path}`)) && r.status === 200) || keptHome;
      const problems = [
        ...(refused || allowed ? [] : [`answered ${r.status}`]),
        ...(r.status >= 400 && !STABLE_CODE.test(r.code ?? "") ? ["no stable code"] : []),
        ...(before === after || keptHome ? [] : [`wrote: ${fingerprintDiff(before, after)}`]),
        ...(r.text.includes(CANARY) ? ["shows the other province's records"] : []),
      ];
      tally.check(problems.length === 0, `${v.key}${label} as ${user.name} → ${r.status} ${r.code ?? ""}: ${problems.join("; ")} ${r.text.slice(0, 160)}`);
    }
  }
  return tally;
}

/**
 * In scope: every role, national and provincial, on every operation aimed at its own province's
 * records. Whatever the role may or may not do, the answer is never a 5xx, errors carry a stable
 * code, and a provincial user never sees another province's records.
 */
export async function inScope(world: World): Promise<Tally> {
  const tally = new Tally("matrix: every role in scope", world.dialect);
  const throwaway = new Map<string, User>();
  const stand = async (user: User): Promise<User> => {
    let u = throwaway.get(user.name);
    if (!u) {
      const a = await userAt(world.ctx, user.role, user.national ? "VN" : "52", DAY);
      if (a.kind !== "user") throw new Error("user expected");
      u = { ...user, name: `${user.name} (throwaway)`, username: a.username, userId: a.userId, cookie: "" };
      throwaway.set(user.name, u);
    }
    u.cookie = await world.signIn(u);
    return u;
  };
  const all = await variants(world);
  const accepted = new Set<string>();
  for (const v of all) {
    for (const user of world.users) {
      const who = SESSION_ENDING(v) ? await stand(user) : user;
      const b = await aimAt(world, v, world.a);
      const r = await answer(await send(world, who, b));
      if (process.env.ADV_DEBUG && user.name === "national-admin") console.log("DBG", v.key, r.status, r.code, r.status >= 400 ? r.text.slice(0, 200) : "");
      if (r.status < 300) accepted.add(v.key);
      const problems = [
        ...(r.status >= 500 ? [`answered ${r.status}`] : []),
        ...(r.status >= 400 && !STABLE_CODE.test(r.code ?? "") ? ["no stable code"] : []),
        ...(!user.national && r.text.includes(CANARY) ? ["shows the other province's records"] : []),
      ];
      tally.check(problems.length === 0, `${v.key} as ${who.name} → ${r.status} ${r.code ?? ""}: ${problems.join("; ")} ${r.text.slice(0, 160)}`);
    }
  }
  // How far generated input goes: operations some role in scope carried out (the rest stopped at a rule).
  console.log(`# adversarial matrix [${world.dialect}]: ${accepted.size} of ${all.length} operations carried out by some role in scope; refused to all: ${all.filter((v) => !accepted.has(v.key)).map((v) => v.key).join(", ")}`);
  return tally;
}
