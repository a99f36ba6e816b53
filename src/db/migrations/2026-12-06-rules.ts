/**
 * Validation rules in the catalog (left ≤ right between two indicators of one unit, period and
 * breakdown; built in or added by an administrator, national or a province's own), and a flag on
 * figures that need a second look (implausible values, rules broken with a comment).
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, _d: Dialect): Promise<void> {
  await sql`create table validation_rules (
    key text primary key, lhs text not null, op text not null, rhs text not null, message text not null,
    severity text not null, allow_with_comment integer not null default 0, builtin integer not null default 0,
    scope_unit_id integer references units(id)
  )`.execute(db);
  await sql`alter table figures add column flag text`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table figures drop column flag`.execute(db);
  await sql`drop table if exists validation_rules`.execute(db);
}
