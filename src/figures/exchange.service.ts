/**
 * Figures as CSV and as DHIS2 dataValueSets JSON: reading files into import lines (CSV as a
 * stream, any size) and exporting. The import itself is src/figures/import.service.ts.
 */
import { createHash, type Hash } from "node:crypto";
import { parse } from "csv-parse/sync";
import { parse as parseStream } from "csv-parse";
import { z } from "zod";
import { DomainError } from "../core/errors.ts";
import { badCharIndex, badCharMessage, type BadChar } from "../core/input.ts";
import { parsePeriod, periodRange, periodsWithin, storedPeriod, type Period } from "../core/period.ts";
import type { Actor } from "../accounts/actor.ts";
import { requireAbility, requireScope } from "../accounts/policy.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import type { RawLine } from "./import.service.ts";

export { importFigures, type ImportResult, type LineError, type RawLine } from "./import.service.ts";
import { csvCell } from "../core/csv.ts";

export const CSV_COLUMNS = ["unit_code", "indicator", "period", "value", "disaggregation", "kind", "status", "comment"] as const;

/** Parses CSV text into raw lines (header required, UTF-8, comma separated). */
export function parseFiguresCsv(text: string): RawLine[] {
  let records: string[][];
  try {
    records = parse(text.normalize("NFC").replace(/^\uFEFF/, ""), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw new DomainError("CSV_MALFORMED", `Tệp CSV không đọc được: ${(e as Error).message}`);
  }
  const header = records.shift();
  if (!header) throw new DomainError("CSV_MALFORMED", "Tệp CSV trống.");
  const toLine = columns(header);
  return records.map((r, i) => toLine(r, i + 2));
}

/** A CSV header's column positions; throws CSV_MALFORMED when a required column is missing. */
function columns(header: string[]) {
  const idx = (name: string) => header.indexOf(name);
  for (const req of ["unit_code", "indicator", "period", "value"]) {
    if (idx(req) < 0) throw new DomainError("CSV_MALFORMED", `Thiếu cột "${req}". Dòng tiêu đề cần: ${CSV_COLUMNS.join(",")}.`);
  }
  const at = Object.fromEntries(["unit_code", "indicator", "period", "value", "disaggregation", "kind", "status", "comment", "as_of"].map((n) => [n, idx(n)]));
  const get = (r: string[], name: string) => (at[name]! >= 0 ? r[at[name]!] ?? "" : "");
  return (r: string[], line: number): RawLine => ({
    line, unitCode: get(r, "unit_code"), indicator: get(r, "indicator"), period: get(r, "period"), value: get(r, "value"),
    disagg: get(r, "disaggregation"), kind: get(r, "kind") || "own", status: get(r, "status") || "reported",
    comment: get(r, "comment") || null, ...(get(r, "as_of") ? { asOf: get(r, "as_of") } : {}),
  });
}

/**
 * Reads a CSV stream into chunks of import lines without holding the file: memory stays flat at any
 * size. `hash` is fed every byte (the batch keeps the file's SHA-256).
 */
export async function* csvChunks(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, hash: { update(b: Uint8Array | string): unknown }, size = 5000): AsyncIterable<RawLine[]> {
  // Checked as it arrives, like every upload: UTF-8, no NUL, no half surrogate (TEXT_INVALID names the line).
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  async function* bytes() {
    for await (const b of input) {
      hash.update(b);
      let s: string;
      try {
        s = typeof b === "string" ? b : decoder.decode(b, { stream: true });
      } catch {
        throw new DomainError("TEXT_INVALID", `Tệp không phải văn bản UTF-8 hợp lệ (khoảng dòng ${line}). Hãy lưu tệp với mã hóa UTF-8 rồi gửi lại.`, { path: `dòng ${line}`, encoding: "utf-8" });
      }
      const i = badCharIndex(s);
      if (i >= 0) {
        const at = line + (s.slice(0, i).match(/\n/g)?.length ?? 0);
        const b2: BadChar = { path: `dòng ${at}`, index: i - (s.lastIndexOf("\n", i - 1) + 1), char: `U+${s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")}` };
        throw new DomainError("TEXT_INVALID", badCharMessage(b2), b2);
      }
      line += s.match(/\n/g)?.length ?? 0;
      yield s;
    }
  }
  const parser = parseStream({ skip_empty_lines: true, relax_column_count: true, trim: true, bom: true });
  // Set when the reading stops before the end (the import failed): the feed stops reading the input
  // instead of waiting for room in a parser nobody empties any more (the import never answered).
  let stopped = false;
  const roomOrClose = () =>
    new Promise<void>((resolve) => {
      const go = () => {
        parser.off("drain", go);
        parser.off("close", go);
        resolve();
      };
      parser.on("drain", go);
      parser.on("close", go);
    });
  const feeding = (async () => {
    try {
      for await (const b of bytes()) {
        if (stopped) return;
        if (!parser.write(b)) await roomOrClose();
      }
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();
  let toLine: ReturnType<typeof columns> | null = null;
  let chunk: RawLine[] = [];
  let n = 1;
  try {
    for await (const raw of parser as AsyncIterable<string[]>) {
      const r = raw.map((x) => x.normalize("NFC"));
      if (!toLine) {
        toLine = columns(r);
        continue;
      }
      chunk.push(toLine(r, ++n));
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError("CSV_MALFORMED", `Tệp CSV không đọc được: ${(e as Error).message}`);
  } finally {
    stopped = true;
    parser.destroy();
    await feeding;
  }
  if (!toLine) throw new DomainError("CSV_MALFORMED", "Tệp CSV trống.");
  if (chunk.length) yield chunk;
}

/** A new SHA-256 for an import's bytes. */
export const importHash = (): Hash => createHash("sha256");

const DataValueSetSchema = z.object({
  dataValues: z.array(z.object({
    dataElement: z.string(), period: z.string(), orgUnit: z.string(), value: z.union([z.string(), z.number()]),
    categoryOptionCombo: z.string().optional(), comment: z.string().nullable().optional(),
    kind: z.enum(["own", "area"]).optional(), status: z.enum(["reported", "estimated"]).optional(),
  }).passthrough()),
});

/** Parses DHIS2 dataValueSets JSON (dataElement = indicator key, orgUnit = unit code, period = period id). */
export function parseDataValueSets(text: string): RawLine[] {
  let json: unknown;
  try {
    json = JSON.parse(text.normalize("NFC"));
  } catch (e) {
    throw new DomainError("JSON_MALFORMED", `JSON không hợp lệ: ${(e as Error).message}`);
  }
  const r = DataValueSetSchema.safeParse(json);
  if (!r.success) throw new DomainError("JSON_MALFORMED", `Không đúng dạng dataValueSets: ${r.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return r.data.dataValues.map((d, i) => ({
    line: i + 1, unitCode: d.orgUnit, indicator: d.dataElement, period: d.period, value: d.value,
    disagg: d.categoryOptionCombo && d.categoryOptionCombo !== "default" ? d.categoryOptionCombo : "",
    kind: d.kind ?? "own", status: d.status ?? "reported", comment: d.comment ?? null,
  }));
}

export interface ExportQuery {
  unitId: number;
  period: string;
}

/** Figures of a unit's subtree (its own structure) for a period and the periods inside it. */
async function exportRows(ctx: Ctx, actor: Actor, q: ExportQuery) {
  requireAbility(actor, "figures.read");
  const h = await hierarchyOf(ctx);
  h.require(q.unitId);
  requireScope(h, actor, [q.unitId], ctx.today());
  const p: Period = parsePeriod(q.period);
  const at = periodRange(p).end;
  const units = h.subtree(q.unitId).filter((u) => u.validFrom === null || u.validFrom <= at);
  const ids = units.map((u) => u.id);
  const periods = periodsWithin(p).map((x) => x.id);
  const rows = [];
  for (let i = 0; i < ids.length; i += 900) {
    rows.push(...(await ctx.db.selectFrom("figures").selectAll().where("unit_id", "in", ids.slice(i, i + 900)).where("period", "in", periods).orderBy("id").execute()));
  }
  return rows.map((r) => ({ ...r, code: h.require(r.unit_id).code, asOf: periodRange(storedPeriod(r.period)).end }));
}

/** Exports as CSV with the import's columns (re-importable as is). */
export async function exportCsv(ctx: Ctx, actor: Actor, q: ExportQuery): Promise<string> {
  const rows = await exportRows(ctx, actor, q);
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) lines.push([r.code, r.indicator, r.period, r.value, r.disagg, r.kind, r.status, r.comment].map(csvCell).join(","));
  return lines.join("\n") + "\n";
}

/** Exports as DHIS2 dataValueSets JSON. */
export async function exportDataValueSets(ctx: Ctx, actor: Actor, q: ExportQuery): Promise<{ dataValues: Array<Record<string, string>> }> {
  const rows = await exportRows(ctx, actor, q);
  return {
    dataValues: rows.map((r) => ({
      dataElement: r.indicator, period: r.period, orgUnit: r.code, value: String(r.value),
      ...(r.disagg ? { categoryOptionCombo: r.disagg } : {}), ...(r.comment ? { comment: r.comment } : {}),
      ...(r.kind !== "own" ? { kind: r.kind } : {}), ...(r.status !== "reported" ? { status: r.status } : {}),
    })),
  };
}
