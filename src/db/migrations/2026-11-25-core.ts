/** The reporting core: units over time, lineage, indicators, figures, submissions, accounts, audit. */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

/** An auto-increment integer primary key in either dialect. */
function idType(d: Dialect) {
  return d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = idType(d);
  await sql`create table units (
    id ${id}, code text not null, name text not null, full_name text not null, type text not null,
    level text not null, parent_id integer references units(id), valid_from text, valid_to text, structure text
  )`.execute(db);
  await sql`create index units_code on units(code)`.execute(db);
  await sql`create index units_parent on units(parent_id)`.execute(db);
  await sql`create table unit_changes (
    id ${id}, unit_id integer not null references units(id), date text not null, full_name text not null,
    type text not null, basis text
  )`.execute(db);
  await sql`create table lineage (
    id ${id}, from_id integer not null references units(id), to_id integer not null references units(id),
    date text not null, kind text not null, relation text not null, share double precision
  )`.execute(db);
  await sql`create index lineage_from on lineage(from_id)`.execute(db);
  await sql`create index lineage_to on lineage(to_id)`.execute(db);
  await sql`create table indicators (
    key text primary key, label text not null, unit text not null, aggregation text not null,
    denominator text, section text not null, description text, builtin integer not null default 0,
    sort integer not null default 0
  )`.execute(db);
  await sql`create table categories (key text primary key, label text not null)`.execute(db);
  await sql`create table category_options (
    category_key text not null references categories(key), key text not null, label text not null,
    primary key (category_key, key)
  )`.execute(db);
  await sql`create table import_batches (
    id ${id}, created_at text not null, user_id integer, format text not null, lines integer not null, sha256 text not null
  )`.execute(db);
  await sql`create table figures (
    id ${id}, unit_id integer not null references units(id), indicator text not null references indicators(key),
    period text not null, year integer not null, start_month integer not null, end_month integer not null,
    disagg text not null default '', kind text not null, value double precision not null, status text not null,
    comment text, source text, batch_id integer references import_batches(id), updated_by integer, updated_at text not null
  )`.execute(db);
  await sql`create unique index figures_key on figures(unit_id, indicator, period, disagg)`.execute(db);
  await sql`create index figures_indicator_year on figures(indicator, year)`.execute(db);
  await sql`create table submissions (
    id ${id}, unit_id integer not null references units(id), period text not null, status text not null,
    narrative text, submitted_at text, submitted_by integer, reviewed_at text, reviewed_by integer,
    return_reason text, updated_at text not null
  )`.execute(db);
  await sql`create unique index submissions_key on submissions(unit_id, period)`.execute(db);
  await sql`create index submissions_period on submissions(period)`.execute(db);
  await sql`create table users (
    id ${id}, username text not null unique, display_name text not null, password_hash text not null,
    role text not null, unit_id integer not null references units(id), active integer not null default 1,
    created_at text not null
  )`.execute(db);
  await sql`create table sessions (
    token_hash text primary key, user_id integer not null references users(id), created_at text not null,
    expires_at text not null
  )`.execute(db);
  await sql`create table audit_log (
    id ${id}, at text not null, user_id integer, action text not null, entity text not null, entity_id text,
    before text, after text
  )`.execute(db);
  await sql`create index audit_entity on audit_log(entity, entity_id)`.execute(db);
  await sql`create table settings (key text primary key, value text not null)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["settings", "audit_log", "sessions", "users", "submissions", "figures", "import_batches",
    "category_options", "categories", "indicators", "lineage", "unit_changes", "units"]) {
    await sql`drop table if exists ${sql.table(t)}`.execute(db);
  }
}
