import { test } from "node:test";
import assert from "node:assert/strict";
import { freshDatabase } from "../test-support/db.ts";
import { seededContext } from "../test-support/fixture.ts";
import { SYSTEM } from "../accounts/actor.ts";
import { saveFigures } from "./figure.service.ts";

// What a save costs on SQLite is its statements' plans: these keep the two that every save runs
// from doing work no save needs (the update measured at twice the time, the lock check alone at up
// to 40 times, of the plans kept here).
test("SQLite: a save's update leaves the key's index alone, and its lock check searches reports by unit only", async () => {
  const database = await freshDatabase("sqlite");
  const ctx = await seededContext(database);
  const sqlite = database.sqlite!;
  const seen: string[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => (seen.push(source), prepare(source))) as typeof sqlite.prepare;
  const save = (value: number) => saveFigures(ctx, SYSTEM, [{ unitCode: "25288", indicator: "dialogues.held", period: "202403", value }]);
  await save(2);
  await save(3);

  const update = seen.find((s) => s.startsWith('update "figures" set'));
  assert.ok(update, "the second save updates the stored figure");
  const setList = update.slice(0, update.indexOf(" where "));
  for (const key of ["unit_id", "indicator", "period", "disagg", "year"]) assert.doesNotMatch(setList, new RegExp(`"${key}"`), `${key} is not rewritten`);

  const lookup = seen.find((s) => s.includes('from "submissions"') && s.includes('"figures"'));
  assert.ok(lookup, "the save reads the figure and its lock in one statement");
  const params = Array.from({ length: (lookup.match(/\?/g) ?? []).length }, () => null);
  const plan = (sqlite.prepare(`explain query plan ${lookup}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
  const reports = plan.find((d) => d.includes("submissions"));
  assert.ok(reports, plan.join("\n"));
  // Constrained by two IN lists at once, SQLite's search costs ~0.15–0.4 ms even on an empty table.
  assert.doesNotMatch(reports, /unit_id=\? AND period=\?/);
  assert.match(reports, /\(unit_id=\?\)/);
  await database.close();
});
