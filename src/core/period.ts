/**
 * Reporting periods. Ids follow DHIS2 where DHIS2 has the type:
 *   year `2023`, six months `2023S1`/`2023S2`, quarter `2023Q1`…`2023Q4`, month `202303`;
 * danvan adds nine months (cumulative January–September) as `2023N9` ("9 tháng").
 * Periods are calendar intervals; a cut-off day shifts them (state reports: cut-off 15 means a
 * year runs 15/12 of the year before → 14/12) without changing the id.
 */
import { DomainError } from "./errors.ts";

export type PeriodType = "year" | "six_months" | "nine_months" | "quarter" | "month";

export interface Period {
  id: string;
  type: PeriodType;
  year: number;
  /** First and last month (1–12) covered, inclusive. */
  startMonth: number;
  endMonth: number;
}

/** Vietnamese names of the period types, for labels and errors. */
export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  year: "năm",
  six_months: "6 tháng",
  nine_months: "9 tháng",
  quarter: "quý",
  month: "tháng",
};

const ROMAN = ["I", "II", "III", "IV"];

function make(type: PeriodType, year: number, startMonth: number, endMonth: number, id: string): Period {
  return { id, type, year, startMonth, endMonth };
}

/** Builds the year period. */
export function yearPeriod(year: number): Period {
  return make("year", year, 1, 12, String(year));
}
/** Builds a quarter (1–4). */
export function quarterPeriod(year: number, q: number): Period {
  return make("quarter", year, q * 3 - 2, q * 3, `${year}Q${q}`);
}
/** Builds a month (1–12). */
export function monthPeriod(year: number, m: number): Period {
  return make("month", year, m, m, `${year}${String(m).padStart(2, "0")}`);
}
/** Builds a half year (1–2). */
export function sixMonthPeriod(year: number, h: number): Period {
  return make("six_months", year, h === 1 ? 1 : 7, h === 1 ? 6 : 12, `${year}S${h}`);
}
/** Builds the nine-month period (January–September). */
export function nineMonthPeriod(year: number): Period {
  return make("nine_months", year, 1, 9, `${year}N9`);
}

function checkYear(year: number, raw: string): void {
  if (year < 1945 || year > 2100) {
    throw new DomainError("PERIOD_INVALID", `Kỳ báo cáo "${raw}": năm ${year} nằm ngoài khoảng 1945–2100.`, { period: raw });
  }
}

const storedCache = new Map<string, Period>();
/** A period id as stored ("2024", "2024Q3", "202403"), parsed once per process: imports and rebuilds meet the same few thousand ids millions of times. */
export function storedPeriod(id: string): Period {
  let p = storedCache.get(id);
  if (!p) storedCache.set(id, (p = parsePeriod(id)));
  return p;
}

/**
 * Parses a period id. Accepts the canonical ids and common spellings (`2023-Q1`, `2023H1`,
 * `2023-9M`, `2023M9`, `2023-03`, `2023-M03` as the report reader writes a month); throws PERIOD_INVALID with a message saying what was expected.
 */
export function parsePeriod(raw: string): Period {
  let p = parsed.get(raw);
  if (!p) {
    p = Object.freeze(parseFresh(raw));
    if (parsed.size >= 10_000) parsed.clear();
    parsed.set(raw, p);
  }
  return p;
}
/** Periods already read, by the text they were read from (an import reads the same few thousand again and again; frozen, so shared safely). */
const parsed = new Map<string, Period>();

function parseFresh(raw: string): Period {
  const s = raw.trim().toUpperCase().replace(/[\s_-]/g, "");
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    checkYear(y, raw);
    return yearPeriod(y);
  }
  if ((m = s.match(/^(\d{4})Q(\d)$/))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    checkYear(y, raw);
    if (q < 1 || q > 4) throw new DomainError("PERIOD_INVALID", `Kỳ báo cáo "${raw}": quý phải từ 1 đến 4.`, { period: raw });
    return quarterPeriod(y, q);
  }
  if ((m = s.match(/^(\d{4})[SH](\d)$/))) {
    const y = Number(m[1]);
    const h = Number(m[2]);
    checkYear(y, raw);
    if (h < 1 || h > 2) throw new DomainError("PERIOD_INVALID", `Kỳ báo cáo "${raw}": nửa năm phải là S1 hoặc S2.`, { period: raw });
    return sixMonthPeriod(y, h);
  }
  if ((m = s.match(/^(\d{4})(?:N9|9M|M9)$/))) {
    const y = Number(m[1]);
    checkYear(y, raw);
    return nineMonthPeriod(y);
  }
  if ((m = s.match(/^(\d{4})M?(\d{2})$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    checkYear(y, raw);
    if (mo < 1 || mo > 12) throw new DomainError("PERIOD_INVALID", `Kỳ báo cáo "${raw}": tháng phải từ 01 đến 12.`, { period: raw });
    return monthPeriod(y, mo);
  }
  throw new DomainError(
    "PERIOD_INVALID",
    `Kỳ báo cáo "${raw}" không hợp lệ. Dùng: năm "2023", 6 tháng "2023S1", 9 tháng "2023N9", quý "2023Q1", tháng "202303".`,
    { period: raw },
  );
}

/** Number of months a period covers. */
export function periodLength(p: Period): number {
  return p.endMonth - p.startMonth + 1;
}

/** True when `outer` covers every month of `inner` (a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  return outer.year === inner.year && outer.startMonth <= inner.startMonth && inner.endMonth <= outer.endMonth;
}

/** True when the two periods share at least one month. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.year === b.year && a.startMonth <= b.endMonth && b.startMonth <= a.endMonth;
}

/** Every standard period contained in `p` (itself included), longest first. */
export function periodsWithin(p: Period): Period[] {
  const all: Period[] = [
    yearPeriod(p.year),
    nineMonthPeriod(p.year),
    sixMonthPeriod(p.year, 1),
    sixMonthPeriod(p.year, 2),
    ...[1, 2, 3, 4].map((q) => quarterPeriod(p.year, q)),
    ...Array.from({ length: 12 }, (_, i) => monthPeriod(p.year, i + 1)),
  ];
  return all.filter((x) => periodContains(p, x));
}

/** The same period one year earlier ("cùng kỳ năm trước"). */
export function samePeriodLastYear(p: Period): Period {
  return parsePeriod(p.id.replace(/^\d{4}/, String(p.year - 1)));
}

/** The period just before, of the same type (for nine months: the previous year's nine months). */
export function previousPeriod(p: Period): Period {
  switch (p.type) {
    case "year":
    case "nine_months":
      return samePeriodLastYear(p);
    case "six_months":
      return p.startMonth === 1 ? sixMonthPeriod(p.year - 1, 2) : sixMonthPeriod(p.year, 1);
    case "quarter": {
      const q = (p.startMonth + 2) / 3;
      return q === 1 ? quarterPeriod(p.year - 1, 4) : quarterPeriod(p.year, q - 1);
    }
    case "month":
      return p.startMonth === 1 ? monthPeriod(p.year - 1, 12) : monthPeriod(p.year, p.startMonth - 1);
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Calendar ranges already computed, by period (periods read by `parsePeriod` are shared). */
const calendarRanges = new WeakMap<Period, { start: string; end: string }>();
/**
 * The dates a period covers, as ISO strings (inclusive). With `cutoffDay` d (2–28) the period
 * starts on day d of the month before its first month and ends on day d−1 of its last month.
 */
export function periodRange(p: Period, cutoffDay?: number): { start: string; end: string } {
  if (!cutoffDay || cutoffDay === 1) {
    let r = calendarRanges.get(p);
    if (!r) calendarRanges.set(p, (r = Object.freeze({ start: `${p.year}-${pad(p.startMonth)}-01`, end: `${p.year}-${pad(p.endMonth)}-${pad(lastDay(p.year, p.endMonth))}` })));
    return r;
  }
  const sy = p.startMonth === 1 ? p.year - 1 : p.year;
  const sm = p.startMonth === 1 ? 12 : p.startMonth - 1;
  return { start: `${sy}-${pad(sm)}-${pad(cutoffDay)}`, end: `${p.year}-${pad(p.endMonth)}-${pad(cutoffDay - 1)}` };
}

/**
 * The day a period is read "as reported" (the units in force for it): its real last day after the
 * cut-off day once it has ended, else `today`. The server's defaults and the web's unit picker agree
 * on it. A cut-off day that is not a whole day 1–28 counts as calendar months.
 */
export function reportedDay(p: Period, cutoffDay: number | undefined, today: string): string {
  const whole = cutoffDay !== undefined && Number.isInteger(cutoffDay) && cutoffDay >= 1 && cutoffDay <= 28;
  const end = periodRange(p, whole ? cutoffDay : undefined).end;
  return end < today ? end : today;
}

/** The period of a type that holds a date (calendar months, no cut-off). */
export function periodOfDate(date: string, type: PeriodType): Period {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  switch (type) {
    case "year":
      return yearPeriod(y);
    case "nine_months":
      if (m > 9) throw new DomainError("PERIOD_INVALID", `Ngày ${date} không thuộc 9 tháng đầu năm.`);
      return nineMonthPeriod(y);
    case "six_months":
      return sixMonthPeriod(y, m <= 6 ? 1 : 2);
    case "quarter":
      return quarterPeriod(y, Math.ceil(m / 3));
    case "month":
      return monthPeriod(y, m);
  }
}

/** Vietnamese label: "năm 2023", "quý I năm 2024", "6 tháng đầu năm 2024", "tháng 3 năm 2023". */
export function periodLabel(p: Period): string {
  switch (p.type) {
    case "year":
      return `năm ${p.year}`;
    case "nine_months":
      return `9 tháng đầu năm ${p.year}`;
    case "six_months":
      return p.startMonth === 1 ? `6 tháng đầu năm ${p.year}` : `6 tháng cuối năm ${p.year}`;
    case "quarter":
      return `quý ${ROMAN[(p.startMonth - 1) / 3]} năm ${p.year}`;
    case "month":
      return `tháng ${p.startMonth} năm ${p.year}`;
  }
}
