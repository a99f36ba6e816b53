/**
 * A community's decision records what it decides (issue 15): the khoản of Điều 15 of the Law on
 * Grassroots Democracy (`matter`, a key of MATTERS in src/portal/vote-rules.ts), because the Law's
 * Điều 21 khoản 1 sets a different passing share per matter (two thirds for contributions and their
 * accounts, more than half for the rest). Nullable: a consultation (lấy ý kiến) decides nothing, and
 * the decisions recorded before keep their stored results.
 */
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table consultations add column matter text`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table consultations drop column matter`.execute(db);
}
