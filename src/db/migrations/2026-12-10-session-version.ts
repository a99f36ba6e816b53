/**
 * A counter of changes to who is signed in (settings key `sessions_version`), bumped by the database
 * itself whenever a session ends or a user changes (role, unit, deactivation, name): servers keep
 * the actors of sessions in memory and read only this counter per request (one read shared by the
 * requests that arrive together), so no code path can end a session or change a user without
 * every server seeing it on its next request.
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  await sql`insert into settings (key, value) values ('sessions_version', '1') on conflict (key) do nothing`.execute(db);
  if (d === "postgres") {
    // The schema is pinned at creation (a connection with another search_path still bumps this one).
    await sql`create function danvan_bump_sessions_version() returns trigger language plpgsql set search_path from current as $$
      begin
        update settings set value = (cast(value as bigint) + 1)::text where key = 'sessions_version';
        return null;
      end $$`.execute(db);
    await sql`create trigger sessions_version_on_session_end after delete on sessions for each statement execute function danvan_bump_sessions_version()`.execute(db);
    await sql`create trigger sessions_version_on_user_change after update on users for each statement execute function danvan_bump_sessions_version()`.execute(db);
    return;
  }
  const bump = sql.raw(`update settings set value = cast(cast(value as integer) + 1 as text) where key = 'sessions_version';`);
  await sql`create trigger sessions_version_on_session_end after delete on sessions begin ${bump} end`.execute(db);
  await sql`create trigger sessions_version_on_user_change after update on users begin ${bump} end`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>, d: Dialect): Promise<void> {
  await sql`drop trigger if exists sessions_version_on_session_end${d === "postgres" ? sql` on sessions` : sql``}`.execute(db);
  await sql`drop trigger if exists sessions_version_on_user_change${d === "postgres" ? sql` on users` : sql``}`.execute(db);
  if (d === "postgres") await sql`drop function if exists danvan_bump_sessions_version()`.execute(db);
  await sql`delete from settings where key = 'sessions_version'`.execute(db);
}
