/** Every non-zero totals row of a database, as text: kept totals are compared with a rebuild by it. */
import type { Database } from "../db/database.ts";

export async function totalsRows(d: Database): Promise<string[]> {
  const rows = await d.db.selectFrom("totals").selectAll().orderBy("indicator").orderBy("period").orderBy("structure").orderBy("unit_id").orderBy("disagg").execute();
  return rows.map((r) => {
    const { indicator, period, structure, unit_id, disagg, ...nums } = r;
    const v = Object.values(nums).map((x) => Math.round(Number(x) * 1e6) / 1e6);
    return v.every((x) => x === 0) ? "" : `${indicator}|${period}|${structure}|${unit_id}|${disagg}|${v.join(",")}`;
  }).filter(Boolean);
}
