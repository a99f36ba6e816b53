/**
 * An import's line checked against the catalog, the hierarchy, the actor's scope and the locks,
 * with caches for speed (a line of a million-line file is checked in microseconds).
 */
import { DomainError } from "../core/errors.ts";
import type { Hierarchy } from "../core/hierarchy.ts";
import type { Actor } from "../accounts/actor.ts";
import { inScope } from "../accounts/policy.ts";
import { reportsCovering, validateFigure, type ValidFigure } from "./figure.input.ts";
import type { Indicator } from "../indicators/indicator.service.ts";

/** One line of an import as read from the file. */
export interface RawLine {
  line: number;
  unitCode: string;
  indicator: string;
  period: string;
  value: string | number;
  disagg: string;
  kind: string;
  status: string;
  comment: string | null;
  asOf?: string;
}

/** A chunk's lines checked: the good ones as figures with their keys, the bad ones with their errors. */
export interface Checked {
  lines: number;
  good: Array<{ f: ValidFigure; line: number; key: string }>;
  bad: Array<{ line: number; error: unknown }>;
}

function toNumber(v: string | number): number {
  if (typeof v === "number") return v;
  const s = v.trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

/** Checks lines against the catalog, the hierarchy, the actor's scope and the locks, with caches for speed. */
export class LineChecker {
  private readonly covering = new Map<string, Array<{ unitId: number; period: string }>>();
  constructor(
    private readonly h: Hierarchy,
    private readonly actor: Actor,
    private readonly today: string,
    private readonly indicators: Map<string, Indicator>,
    private readonly categories: Map<string, Set<string>>,
    private readonly locked: Set<string>,
  ) {}

  /** A chunk's lines; a line repeated within the chunk is bad (the writer finds repeats across chunks). */
  checkChunk(chunk: readonly RawLine[]): Checked {
    const out: Checked = { lines: chunk.length, good: [], bad: [] };
    const inChunk = new Map<string, number>();
    for (const l of chunk) {
      try {
        const f = this.check(l);
        const key = `${f.unit.id}|${f.indicator.key}|${f.period.id}|${f.disagg}`;
        const prev = inChunk.get(key);
        if (prev !== undefined) throw new DomainError("DUPLICATE_LINE", `Trùng với dòng ${prev} (cùng đơn vị, chỉ tiêu, kỳ, phân tổ).`);
        inChunk.set(key, l.line);
        out.good.push({ f, line: l.line, key });
      } catch (e) {
        out.bad.push({ line: l.line, error: e });
      }
    }
    return out;
  }

  /** The line as a valid figure, or throws a DomainError saying what is wrong. */
  check(l: RawLine): ValidFigure {
    const value = toNumber(l.value);
    if (Number.isNaN(value)) throw new DomainError("VALUE_INVALID", `Giá trị "${l.value}" không phải là số (dùng dấu chấm thập phân, không phân cách hàng nghìn).`);
    if (l.kind !== "own" && l.kind !== "area") throw new DomainError("VALIDATION", `Loại "${l.kind}" không hợp lệ (own hoặc area).`);
    if (l.status !== "reported" && l.status !== "estimated") throw new DomainError("VALIDATION", `Trạng thái "${l.status}" không hợp lệ (reported hoặc estimated).`);
    if (!l.unitCode || l.unitCode.length > 10) throw new DomainError("VALIDATION", "Mã đơn vị trống hoặc quá dài.");
    if (l.comment && l.comment.length > 2000) throw new DomainError("VALIDATION", "Ghi chú dài quá 2000 ký tự.");
    if (l.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(l.asOf)) throw new DomainError("VALIDATION", `Ngày "${l.asOf}" phải có dạng YYYY-MM-DD.`);
    const f = validateFigure(this.h, this.indicators, this.categories, {
      unitCode: l.unitCode, indicator: l.indicator, period: l.period, value, disagg: l.disagg, kind: l.kind, status: l.status,
      comment: l.comment, source: { type: "import" }, ...(l.asOf ? { asOf: l.asOf } : {}),
    }, this.today);
    if (!inScope(this.h, this.actor, f.unit.id, this.today)) throw new DomainError("OUT_OF_SCOPE", `Đơn vị "${f.unit.fullName}" nằm ngoài phạm vi được giao.`);
    // The unit's own reports and, through the lineage, those of the units it became.
    if (this.locked.size === 0) return f;
    const key = `${f.unit.id}|${f.period.id}`;
    let cover = this.covering.get(key);
    if (!cover) {
      if (this.covering.size > 100_000) this.covering.clear();
      this.covering.set(key, (cover = reportsCovering(this.h, f.unit.id, f.period)));
    }
    const hit = cover.find((c) => this.locked.has(`${c.unitId}|${c.period}`));
    if (hit) {
      const whose = hit.unitId === f.unit.id ? `"${f.unit.fullName}"` : `${this.h.require(hit.unitId).fullName} (đơn vị kế thừa của "${f.unit.fullName}")`;
      throw new DomainError("PERIOD_LOCKED", `Báo cáo kỳ ${hit.period} của ${whose} đã nộp/duyệt, số liệu bị khóa.`, { period: hit.period, unitId: hit.unitId });
    }
    return f;
  }
}
