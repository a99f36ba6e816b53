/**
 * Kysely's SQLite dialect with two changes for a database several processes write to:
 * - transactions start with BEGIN IMMEDIATE, so a writer waits for the lock (busy_timeout) at the
 *   start instead of failing with "database is locked" when its read turns into a write while the
 *   CLI imports (SQLite cannot wait in that upgrade without risking a deadlock);
 * - ROLLBACK is skipped when SQLite already rolled back by itself (disk full, I/O error), so the
 *   real cause (SQLITE_FULL) reaches the caller instead of "cannot rollback - no transaction is active".
 */
import type BetterSqlite3 from "better-sqlite3";
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from "kysely";

class Driver2 extends SqliteDriver {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.sqlite.inTransaction) await connection.executeQuery(CompiledQuery.raw("rollback"));
  }
}

/** The dialect for a better-sqlite3 connection. */
export class DanvanSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: BetterSqlite3.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new Driver2(this.sqlite);
  }
}
