/**
 * A commune's or a village's totals are no longer kept: they are computed when asked from the
 * few figures that land in them (src/totals/totals.leaves.ts). Their rows, 70 % of the table, go;
 * their area corrections stay (a computed total adds them). Down: the totals are marked not
 * ready, so the server rebuilds them (with the rows the older code keeps) at start.
 */
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`delete from totals where unit_id in (select id from units where level in ('commune', 'village'))`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from settings where key = 'totals'`.execute(db);
}
