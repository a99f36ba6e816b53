/**
 * PostgreSQL: a figure's unit, indicator and import batch are checked once per statement, over all
 * the rows it inserted, instead of by foreign keys row by row. A foreign key looks up and locks its
 * parent row for every row written: 11 s of a 1M-line import's 17 s of figure inserts (measured on
 * the same rows with and without the keys). The check raises what a foreign key raises
 * (foreign_key_violation, 23503); an update that changes a reference is checked row by row (rare:
 * a re-import's new batch), and the parents refuse to lose a key a figure holds. Unlike a foreign
 * key it takes no lock on the parent: a parent deleted while a figure naming it is being written
 * could slip through, and nothing in danvan deletes units, indicators or import batches.
 * SQLite keeps its foreign keys (an index probe each, no lock).
 */
import { sql, type Kysely } from "kysely";

type Dialect = "sqlite" | "postgres";

/** The tables a figure refers to: their key, and the figures' column holding it. */
const PARENTS: Record<string, [key: string, column: string]> = { units: ["id", "unit_id"], indicators: ["key", "indicator"], import_batches: ["id", "batch_id"] };

/** The checks, written once: `rows` is the set of figures to check. */
const missing = (rows: string) => `
  if exists (select 1 from ${rows} n where not exists (select 1 from units p where p.id = n.unit_id)) then
    raise foreign_key_violation using message = 'figures.unit_id: không có đơn vị này', table = 'figures', column = 'unit_id';
  end if;
  if exists (select 1 from ${rows} n where not exists (select 1 from indicators p where p.key = n.indicator)) then
    raise foreign_key_violation using message = 'figures.indicator: không có chỉ tiêu này', table = 'figures', column = 'indicator';
  end if;
  if exists (select 1 from ${rows} n where n.batch_id is not null and not exists (select 1 from import_batches p where p.id = n.batch_id)) then
    raise foreign_key_violation using message = 'figures.batch_id: không có lô nhập này', table = 'figures', column = 'batch_id';
  end if;`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's schema types
export async function up(db: Kysely<any>, d: Dialect): Promise<void> {
  if (d !== "postgres") return;
  await sql`alter table figures drop constraint figures_unit_id_fkey, drop constraint figures_indicator_fkey, drop constraint figures_batch_id_fkey`.execute(db);
  // The schema is pinned at creation (a connection with another search_path checks this one's tables).
  await sql.raw(`create function danvan_figures_inserted() returns trigger language plpgsql set search_path from current as $$
    begin ${missing("danvan_new_figures")}
      return null;
    end $$`).execute(db);
  await sql`create trigger figures_references_on_insert after insert on figures referencing new table as danvan_new_figures for each statement execute function danvan_figures_inserted()`.execute(db);
  await sql.raw(`create function danvan_figure_updated() returns trigger language plpgsql set search_path from current as $$
    begin ${missing("(select new.unit_id, new.indicator, new.batch_id) as")}
      return null;
    end $$`).execute(db);
  await sql`create trigger figures_references_on_update after update on figures for each row
    when (old.unit_id <> new.unit_id or old.indicator <> new.indicator or old.batch_id is distinct from new.batch_id) execute function danvan_figure_updated()`.execute(db);
  // A parent keeps every key a figure holds (deleted, or changed by an update). PL/pgSQL plans a
  // statement when it first runs: each table's and each operation's check is a statement of its own.
  const refuse = "raise foreign_key_violation using message = tg_table_name || ': số liệu còn tham chiếu đến dòng này', table = tg_table_name;";
  const checks = Object.entries(PARENTS).map(([t, [key, column]]) => `
      if tg_table_name = '${t}' then
        if tg_op = 'DELETE' then
          if exists (select 1 from danvan_old_parents o where exists (select 1 from figures f where f.${column} = o.${key})) then ${refuse} end if;
        elsif exists (select 1 from danvan_old_parents o where not exists (select 1 from danvan_new_parents n where n.${key} = o.${key})
            and exists (select 1 from figures f where f.${column} = o.${key})) then ${refuse}
        end if;
      end if;`).join("");
  await sql.raw(`create function danvan_figure_parents() returns trigger language plpgsql set search_path from current as $$
    begin ${checks}
      return null;
    end $$`).execute(db);
  for (const t of Object.keys(PARENTS)) {
    await sql.raw(`create trigger ${t}_figures_on_delete after delete on ${t} referencing old table as danvan_old_parents for each statement execute function danvan_figure_parents()`).execute(db);
    await sql.raw(`create trigger ${t}_figures_on_update after update on ${t} referencing old table as danvan_old_parents new table as danvan_new_parents for each statement execute function danvan_figure_parents()`).execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export async function down(db: Kysely<any>, d: Dialect): Promise<void> {
  if (d !== "postgres") return;
  for (const t of Object.keys(PARENTS)) {
    await sql.raw(`drop trigger ${t}_figures_on_delete on ${t}`).execute(db);
    await sql.raw(`drop trigger ${t}_figures_on_update on ${t}`).execute(db);
  }
  await sql`drop trigger figures_references_on_insert on figures`.execute(db);
  await sql`drop trigger figures_references_on_update on figures`.execute(db);
  for (const f of ["danvan_figures_inserted", "danvan_figure_updated", "danvan_figure_parents"]) await sql.raw(`drop function ${f}()`).execute(db);
  await sql`alter table figures add foreign key (unit_id) references units(id), add foreign key (indicator) references indicators(key), add foreign key (batch_id) references import_batches(id)`.execute(db);
}
