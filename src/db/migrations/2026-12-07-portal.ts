/**
 * The public portal (issue 15): public notices (công khai thông tin), consultations and decisions
 * of a residential community with household codes and votes, residents' feedback linked to the
 * petitions register by a tracking code, and news articles published from the report writer.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  const id = d === "postgres" ? sql`serial primary key` : sql`integer primary key autoincrement`;
  await sql`create table public_notices (
    id ${id}, unit_id integer not null references units(id), category text not null, form text not null,
    title text not null, body text not null, community text, posted_on text not null, min_days integer not null,
    removed_on text, consultation_id integer, published_by text not null,
    created_by integer, created_at text not null, updated_at text not null, version integer not null default 1
  )`.execute(db);
  await sql`create index public_notices_unit on public_notices(unit_id, posted_on)`.execute(db);
  await sql`create table consultations (
    id ${id}, unit_id integer not null references units(id), community text not null, kind text not null,
    question text not null, documents text not null, form text not null, opens_on text not null, closes_on text not null,
    households integer not null, state text not null, attending integer,
    result text, closed_at text, created_by integer, created_at text not null, updated_at text not null
  )`.execute(db);
  await sql`create index consultations_unit on consultations(unit_id)`.execute(db);
  await sql`create table household_codes (
    id ${id}, consultation_id integer not null references consultations(id), code_hash text not null,
    label text not null, choice text, channel text, voted_at text
  )`.execute(db);
  await sql`create unique index household_codes_code on household_codes(consultation_id, code_hash)`.execute(db);
  await sql`create table portal_feedback (
    id ${id}, tracking_hash text not null, petition_id integer not null references petitions(id),
    unit_id integer not null references units(id), kind text not null, topic text not null,
    lat double precision, lon double precision, answer text, answered_on text, created_at text not null
  )`.execute(db);
  await sql`create unique index portal_feedback_tracking on portal_feedback(tracking_hash)`.execute(db);
  await sql`create table portal_news (
    id ${id}, unit_id integer not null references units(id), period text not null, title text not null,
    paragraphs text not null, published_on text not null, created_by integer, created_at text not null
  )`.execute(db);
  await sql`create unique index portal_news_key on portal_news(unit_id, period)`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["portal_news", "portal_feedback", "household_codes", "consultations", "public_notices"]) await sql`drop table if exists ${sql.raw(t)}`.execute(db);
}
