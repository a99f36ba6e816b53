/**
 * The portal's second round (issue 15): a public notice remembers the day its text was last
 * revised (the public page says "cập nhật ngày …"; the earlier text stays in the audit log), and a
 * resident's feedback keeps the place it is about in words (address or landmark), beside its
 * optional coordinates. Both columns are nullable: existing rows need nothing.
 */
import { sql, type Kysely } from "kysely";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table public_notices add column revised_on text`.execute(db);
  await sql`alter table portal_feedback add column place text`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table portal_feedback drop column place`.execute(db);
  await sql`alter table public_notices drop column revised_on`.execute(db);
}
