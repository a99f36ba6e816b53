/**
 * Keeps the in-memory Hierarchy in step with the database: reloads it when the version counter
 * (bumped by every unit change, from any process) differs from the one it was built at.
 */
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import { Hierarchy } from "../core/hierarchy.ts";
import { loadUnitsAndLineage, readHierarchyVersion } from "./unit.repository.ts";

export class HierarchyStore {
  private cached: { version: string; h: Hierarchy } | null = null;
  private loading: Promise<Hierarchy> | null = null;

  /** The current hierarchy (one cheap version read per call). */
  async get(db: Kysely<DB>): Promise<Hierarchy> {
    const version = await readHierarchyVersion(db);
    if (this.cached && this.cached.version === version) return this.cached.h;
    if (!this.loading) {
      this.loading = (async () => {
        const { units, edges, changes } = await loadUnitsAndLineage(db);
        const h = new Hierarchy(units, edges, changes);
        this.cached = { version, h };
        return h;
      })().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  /** Forgets the cached hierarchy (after a rollback, for instance). */
  invalidate(): void {
    this.cached = null;
  }
}
