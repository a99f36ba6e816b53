/**
 * Imports Vietnam's administrative units before and after the 1 July 2025 reform, the merges and
 * the later amendments (assets/vn-admin, copied from shared/data/vn-admin) into the units tables.
 * 2024 units are valid until 2025-06-30, 2025 units from 2025-07-01; all hang under one national
 * root so that national totals are the same in both structures.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { sql, type Kysely } from "kysely";
import type { DB } from "../db/schema.ts";
import type { UnitLevel } from "../core/hierarchy.ts";
import { nfc } from "../core/text.ts";
import { DomainError } from "../core/errors.ts";
import { bumpHierarchyVersion } from "./unit.repository.ts";
import { audit } from "../audit/audit.ts";
import type { Actor } from "../accounts/actor.ts";

export const REFORM_LAST_OLD_DAY = "2025-06-30";
export const REFORM_FIRST_NEW_DAY = "2025-07-01";
export const ROOT_CODE = "VN";

/** The folder shipped with the product. */
export const DEFAULT_ADMIN_DIR = join(fileURLToPath(new URL(".", import.meta.url)), "../../assets/vn-admin");

interface CsvUnit { code: string; name: string; full_name: string; type: string; parent_code: string }

function readCsv<T>(path: string): T[] {
  return parse(nfc(readFileSync(path, "utf8")), { columns: true, skip_empty_lines: true }) as T[];
}

/** Level from the length of a GSO code (2 province, 3 district, 5 commune). */
export function levelOfCode(code: string): UnitLevel {
  if (code.length === 2) return "province";
  if (code.length === 3) return "district";
  if (code.length === 5) return "commune";
  throw new DomainError("UNIT_CODE_INVALID", `Mã đơn vị "${code}" không đúng độ dài của mã GSO (2, 3 hoặc 5 chữ số).`);
}

export interface AdminImportResult {
  units2024: number;
  units2025: number;
  lineage: number;
  amendments: number;
  skipped: boolean;
}

/** Imports the whole country (idempotent: does nothing when it was imported before). */
export async function importAdminUnits(db: Kysely<DB>, actor: Actor, dir = DEFAULT_ADMIN_DIR): Promise<AdminImportResult> {
  const old = readCsv<CsvUnit>(join(dir, "units-2024.csv"));
  const neu = readCsv<CsvUnit>(join(dir, "units-2025.csv"));
  const merges = readCsv<{ old_code: string; new_code: string; relation: string }>(join(dir, "merges-2025.csv"));
  const amendments = readCsv<{ code: string; type_after: string; full_name_after: string; effective_date: string; legal_basis: string }>(
    join(dir, "amendments-after-2025-07-01.csv"),
  );
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("units").select("id").where("structure", "=", "2024").limit(1).executeTakeFirst();
    if (existing) return { units2024: 0, units2025: 0, lineage: 0, amendments: 0, skipped: true };
    let root = await trx.selectFrom("units").select("id").where("code", "=", ROOT_CODE).where("level", "=", "country").executeTakeFirst();
    if (!root) {
      root = await trx.insertInto("units").values({ code: ROOT_CODE, name: "Việt Nam", full_name: "Việt Nam", type: "quốc gia", level: "country",
        parent_id: null, valid_from: null, valid_to: null, structure: null }).returning("id").executeTakeFirstOrThrow();
    }
    const rootId = root.id;
    const insertStructure = async (rows: CsvUnit[], structure: string, from: string | null, to: string | null) => {
      const ids = new Map<string, number>();
      // Parents first: provinces, then districts, then communes.
      const sorted = [...rows].sort((a, b) => a.code.length - b.code.length);
      for (let i = 0; i < sorted.length; i += 500) {
        const batch = sorted.slice(i, i + 500);
        const lengths = new Set(batch.map((r) => r.code.length));
        // a batch may straddle levels; split so that parents are inserted before children
        for (const len of [...lengths].sort()) {
          const part = batch.filter((r) => r.code.length === len);
          const inserted = await trx
            .insertInto("units")
            .values(part.map((r) => ({
              code: r.code, name: r.name, full_name: r.full_name, type: r.type, level: levelOfCode(r.code),
              parent_id: r.parent_code ? ids.get(r.parent_code) ?? null : rootId, valid_from: from, valid_to: to, structure,
            })))
            .returning(["id", "code"])
            .execute();
          for (const r of inserted) ids.set(r.code, r.id);
        }
      }
      return ids;
    };
    const oldIds = await insertStructure(old, "2024", null, REFORM_LAST_OLD_DAY);
    const newIds = await insertStructure(neu, "2025", REFORM_FIRST_NEW_DAY, null);
    const edges = merges.map((m) => {
      const from = oldIds.get(m.old_code);
      const to = newIds.get(m.new_code);
      if (from === undefined || to === undefined) {
        throw new DomainError("ADMIN_DATA_INVALID", `merges-2025.csv: ${m.old_code} → ${m.new_code} không khớp danh sách đơn vị.`);
      }
      return { from_id: from, to_id: to, date: REFORM_FIRST_NEW_DAY, kind: "merge", relation: m.relation, share: null };
    });
    for (let i = 0; i < edges.length; i += 1000) await trx.insertInto("lineage").values(edges.slice(i, i + 1000)).execute();
    for (const a of amendments) {
      const id = newIds.get(a.code);
      if (id === undefined) throw new DomainError("ADMIN_DATA_INVALID", `amendments: mã ${a.code} không có trong danh sách 2025.`);
      await trx.insertInto("unit_changes").values({ unit_id: id, date: a.effective_date, full_name: a.full_name_after, type: a.type_after, basis: a.legal_basis }).execute();
    }
    await bumpHierarchyVersion(trx);
    const result = { units2024: oldIds.size, units2025: newIds.size, lineage: edges.length, amendments: amendments.length, skipped: false };
    await audit(trx, actor, "units.import", "units", null, null, result, null);
    return result;
  });
}

/** Counts rows per table (for checks and the CLI's summary). */
export async function countUnits(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from units`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
