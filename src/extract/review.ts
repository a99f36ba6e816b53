/**
 * Pure: turns reviewed extraction results into figure inputs for saveFigures / POST /api/figures,
 * keeping the source text and span as provenance. A reviewer accepts figures by index, and may
 * correct the value or the indicator. Figures read by OCR must be marked reviewed. An "a/b" figure also gives its denominator's figure
 * ("34/37 vụ" → mediation.successful 34 and mediation.cases 37).
 */
import { DomainError } from "../core/errors.ts";
import { DEFAULT_CATALOG } from "../indicators/catalog.ts";
import type { FigureInput } from "../figures/figure.input.ts";
import type { ExtractResult } from "./extract.ts";

/** One accepted figure: its index in `result.figures`, with the reviewer's corrections. */
export type Accepted = number | { index: number; value?: number | undefined; indicator?: string | undefined; /** A person checked an OCR figure against the page. */ reviewed?: boolean | undefined };

export interface ReviewTarget {
  unitId: number;
  period: string;
  accepted: Accepted[];
  /** Name of the source document (file name or title), kept in the provenance. */
  document?: string | undefined;
}

const CATALOG = new Map(DEFAULT_CATALOG.map((d) => [d.key, d]));

/** Maps the accepted figures to FigureInput objects with `source.type = "extract"`. */
export function toFigureInputs(result: ExtractResult, target: ReviewTarget): FigureInput[] {
  const out: FigureInput[] = [];
  for (const a of target.accepted) {
    const index = typeof a === "number" ? a : a.index;
    const f = result.figures[index];
    if (!f) throw new DomainError("EXTRACT_FIGURE_NOT_FOUND", `Không có số liệu thứ ${index + 1} trong kết quả đọc.`, { index });
    // A figure read by OCR may be misread ("2923" for "2023"): it is saved only once a person checked it.
    if (f.confidence !== undefined && !(typeof a === "object" && a.reviewed === true)) {
      throw new DomainError("EXTRACT_OCR_UNREVIEWED", `Số liệu "${f.text}" được nhận dạng từ bản quét; hãy đối chiếu với bản gốc và đánh dấu đã kiểm tra trước khi lưu.`, { index });
    }
    const indicator = (typeof a === "object" ? a.indicator : undefined) ?? f.indicator;
    const value = (typeof a === "object" ? a.value : undefined) ?? f.value;
    if (!indicator) {
      throw new DomainError("EXTRACT_NO_INDICATOR", `Số liệu "${f.text}" chưa gắn chỉ tiêu; hãy chọn chỉ tiêu trước khi lưu.`, { index });
    }
    const def = CATALOG.get(indicator);
    if (f.unit === "%" && def && def.aggregation !== "rate") {
      throw new DomainError("EXTRACT_SHARE_NOT_VALUE", `"${f.text}" là tỷ lệ phần trăm, không phải giá trị của chỉ tiêu "${def.label}"; hãy lưu số đếm.`, { index });
    }
    const source = { type: "extract", text: f.text.slice(0, 2000), start: f.start, end: f.end, ...(target.document ? { document: target.document.slice(0, 500) } : {}) };
    out.push({ unitId: target.unitId, period: target.period, indicator, value, source });
    if (f.of !== null && def?.denominator && indicator === f.indicator) {
      out.push({ unitId: target.unitId, period: target.period, indicator: def.denominator, value: f.of, source });
    }
  }
  return out;
}
