/**
 * Privacy, audit scope and record integrity (issue 13):
 * - audit_log.unit_id: the unit a row concerns, so audit reads follow the reader's scope; filled in
 *   for old rows wherever the row or its entity tells the unit (rows it cannot place stay null and
 *   are read by national administrators only);
 * - petitions.phone; petition_handlers: who handles a tố cáo (and so may see the denouncer);
 * - version columns on every record a form edits (petitions, register records, submissions,
 *   settings): a stale save is refused instead of overwriting a newer one;
 * - settings.scope_unit_id, indicators.scope_unit_id: national entries (null) or a province's own;
 * - report_number_series: one counter row per numbering series, incremented atomically.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  /** A number read from a JSON text column (null when absent or not a number). */
  const jsonInt = (col: string, key: string) => d === "postgres"
    ? sql`(case when (${sql.ref(col)}::jsonb ->> ${sql.lit(key)}) ~ '^[0-9]+$' then (${sql.ref(col)}::jsonb ->> ${sql.lit(key)})::integer end)`
    : sql`(case when json_valid(${sql.ref(col)}) and typeof(json_extract(${sql.ref(col)}, ${sql.lit("$." + key)})) = 'integer' then json_extract(${sql.ref(col)}, ${sql.lit("$." + key)}) end)`;
  const jsonText = (col: string, key: string) => d === "postgres"
    ? sql`(${sql.ref(col)}::jsonb ->> ${sql.lit(key)})`
    : sql`(case when json_valid(${sql.ref(col)}) then json_extract(${sql.ref(col)}, ${sql.lit("$." + key)}) end)`;
  /** The integer before the first "/" of entity_id ("12/2025Q3" → 12). */
  const idPrefix = d === "postgres"
    ? sql`(case when split_part(entity_id, '/', 1) ~ '^[0-9]+$' then split_part(entity_id, '/', 1)::integer end)`
    : sql`(case when instr(entity_id, '/') > 1 then cast(substr(entity_id, 1, instr(entity_id, '/') - 1) as integer) end)`;

  await sql`alter table audit_log add column unit_id integer`.execute(db);
  await sql`create index audit_unit on audit_log(unit_id, id)`.execute(db);
  const fill = (where: ReturnType<typeof sql>, value: ReturnType<typeof sql>) =>
    sql`update audit_log set unit_id = ${value} where unit_id is null and ${where}`.execute(db);
  // Entities whose row still exists tell their unit.
  await fill(sql`entity = 'petition'`, sql`(select p.unit_id from petitions p where cast(p.id as text) = audit_log.entity_id)`);
  await fill(sql`entity in ('reception', 'mediation_team', 'mediation_case', 'oversight', 'dvk', 'commendation')`,
    sql`(select r.unit_id from register_records r where cast(r.id as text) = audit_log.entity_id)`);
  await fill(sql`entity = 'figure'`, sql`(select f.unit_id from figures f where cast(f.id as text) = audit_log.entity_id)`);
  await fill(sql`entity = 'user'`, sql`(select u.unit_id from users u where cast(u.id as text) = audit_log.entity_id)`);
  await fill(sql`entity = 'unit'`, sql`(select u.id from units u where cast(u.id as text) = audit_log.entity_id)`);
  await fill(sql`entity in ('submission', 'report')`, idPrefix);
  // Deleted rows: the unit written in the row's own before/after.
  await fill(sql`entity <> 'attachment'`, sql`coalesce(${jsonInt("after", "unitId")}, ${jsonInt("before", "unitId")})`);
  // Attachments: their record's unit (the petition or register record named in the row).
  await fill(sql`entity = 'attachment'`, sql`(select p.unit_id from petitions p where ${jsonText("after", "register")} = 'petitions'
      and p.id = ${jsonInt("after", "recordId")})`);
  await fill(sql`entity = 'attachment'`, sql`(select p.unit_id from petitions p where ${jsonText("before", "register")} = 'petitions'
      and p.id = ${jsonInt("before", "recordId")})`);
  await fill(sql`entity = 'attachment'`, sql`(select r.unit_id from register_records r where r.id = coalesce(${jsonInt("after", "recordId")}, ${jsonInt("before", "recordId")})
      and r.register = coalesce(${jsonText("after", "register")}, ${jsonText("before", "register")}))`);
  // An import's rows: the importing user's unit (an import is checked against that scope).
  await fill(sql`entity = 'import_batch'`, sql`(select u.unit_id from users u where u.id = audit_log.user_id)`);

  await sql`alter table petitions add column phone text`.execute(db);
  for (const t of ["petitions", "register_records", "submissions", "settings"]) {
    await sql`alter table ${sql.table(t)} add column version integer not null default 1`.execute(db);
  }
  await sql`alter table settings add column scope_unit_id integer`.execute(db);
  await sql`alter table indicators add column scope_unit_id integer references units(id)`.execute(db);

  await sql`create table petition_handlers (
    id ${id}, petition_id integer not null references petitions(id), user_id integer not null references users(id),
    assigned_by integer, assigned_at text not null
  )`.execute(db);
  await sql`create unique index petition_handlers_key on petition_handlers(petition_id, user_id)`.execute(db);
  await sql`create index petition_handlers_user on petition_handlers(user_id)`.execute(db);

  await sql`create table report_number_series (
    issuer text not null, series text not null, doc_type text not null, last integer not null,
    primary key (issuer, series, doc_type)
  )`.execute(db);
  await sql`insert into report_number_series (issuer, series, doc_type, last)
    select issuer, series, doc_type, max(number) from report_numbers group by issuer, series, doc_type`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists report_number_series`.execute(db);
  await sql`drop table if exists petition_handlers`.execute(db);
  await sql`drop index if exists audit_unit`.execute(db);
  for (const [t, c] of [["audit_log", "unit_id"], ["petitions", "phone"], ["petitions", "version"], ["register_records", "version"], ["submissions", "version"],
    ["settings", "version"], ["settings", "scope_unit_id"], ["indicators", "scope_unit_id"]] as const) {
    await sql`alter table ${sql.table(t)} drop column ${sql.ref(c)}`.execute(db);
  }
}
