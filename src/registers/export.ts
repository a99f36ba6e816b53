/** CSV and .xlsx export of every register, with the same filters as the lists. */
import ExcelJS from "exceljs";
import { csvText } from "../core/csv.ts";
import type { Actor } from "../accounts/actor.ts";
import { hierarchyOf, type Ctx } from "../context.ts";
import { listPetitions, type PetitionFilter } from "./petition.queries.ts";
import { PETITION_STATE_LABELS, PETITION_TYPE_LABELS } from "./petition-rules.ts";
import { listRecords, registerKey, type RecordFilter } from "./record.service.ts";
import { REGISTERS } from "./records.ts";
import { FIELD_LABELS, KIND_LABELS, DVK_STATE_LABELS, VALUE_LABELS, type DvkState } from "./vocabulary.ts";

type Cell = string | number | null;
export interface Table {
  title: string;
  headers: string[];
  rows: Cell[][];
}

const yes = (b: boolean) => (b ? "Có" : "");

/** One cell from any field value: lists joined with "; ", objects as "a — b". */
function cell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return yes(v);
  if (typeof v === "string") return VALUE_LABELS[v] ?? v;
  if (Array.isArray(v)) return v.map((x) => String(cell(x) ?? "")).join("; ");
  return Object.values(v as Record<string, unknown>).map((x) => (typeof x === "boolean" ? (x ? "đã thực hiện" : "chưa") : String(cell(x) ?? ""))).filter(Boolean).join(" — ");
}

/** The rows of a register ("petitions" or a record register) under the filters, for export. */
export async function registerTable(ctx: Ctx, actor: Actor, register: string, filter: PetitionFilter & RecordFilter = {}): Promise<Table> {
  const h = await hierarchyOf(ctx);
  const unitName = (id: number, date: string) => h.at(id, date).fullName;
  const f = { ...filter, limit: 100000 };
  if (register === "petitions") {
    const { items } = await listPetitions(ctx, actor, f);
    const today = ctx.today();
    return {
      title: "Sổ đơn thư",
      headers: ["Mã", "Đơn vị", "Số", "Loại đơn", "Ngày tiếp nhận", "Người gửi", "Địa chỉ", "Nội dung", "Bước", "Phức tạp", "Vùng sâu, vùng xa", "Đông người",
        "Rút đơn", "Hạn thụ lý", "Ngày thụ lý", "Hạn giải quyết", "Ngày giải quyết", "Số quyết định", "Lý do không thụ lý / nơi chuyển", "Quá hạn (ngày)"],
      rows: items.map((p) => [p.id, unitName(p.unitId, p.receivedOn), p.number, PETITION_TYPE_LABELS[p.type], p.receivedOn, p.petitioner, p.address, p.content,
        PETITION_STATE_LABELS[p.state], p.complexity === "normal" ? "" : p.complexity === "complex" ? "Phức tạp" : "Đặc biệt phức tạp", yes(p.remote), yes(p.manyPeople),
        yes(p.withdrawn), p.acceptDue, p.acceptedOn, p.resolveDue, p.resolvedOn, p.decisionNo, p.notAcceptedReason ?? p.transferredTo,
        p.dueOn && p.dueOn < today ? Math.round((Date.parse(today) - Date.parse(p.dueOn)) / 86400000) : null]),
    };
  }
  const key = registerKey(register);
  const { items } = await listRecords(ctx, actor, key, f);
  const fields = Object.keys(REGISTERS[key].schema.shape).filter((k) => !["unitId", "kind", "date"].includes(k));
  const dvk = key === "dvk";
  return {
    title: REGISTERS[key].label,
    headers: ["Mã", "Đơn vị", "Ngày", "Loại", ...fields.map((k) => FIELD_LABELS[k] ?? k), ...(dvk ? ["Bước", "Cấp công nhận", "Ngày công nhận"] : []), "Cảnh báo"],
    rows: items.map((r) => {
      const d = r.data as unknown as Record<string, unknown>;
      return [r.id, unitName(r.unitId, r.date), r.date, KIND_LABELS[r.kind] ?? r.kind, ...fields.map((k) => cell(d[k])),
        ...(dvk ? [DVK_STATE_LABELS[r.state as DvkState] ?? r.state, cell(r.progress?.level ?? null), r.progress?.recognisedOn ?? null] : []), r.warnings.join(" ")];
    }),
  };
}

/** CSV (UTF-8 with BOM so Excel reads Vietnamese; cells that look like formulas are neutralised: src/core/csv.ts). */
export function toCsv(t: Table): string {
  return csvText([t.headers, ...t.rows], { bom: true });
}

/** An .xlsx workbook with one sheet: bold header row, frozen, filters on. */
export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "danvan";
  const ws = wb.addWorksheet(t.title.replace(/[\\/?*[\]:]/g, " ").slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(t.headers).font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.headers.length } };
  ws.columns.forEach((c, i) => (c.width = Math.min(60, Math.max(10, (t.headers[i]?.length ?? 10) + 2))));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
