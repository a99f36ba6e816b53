/**
 * Pure: Vietnam's working-day calendar for legal deadlines. No I/O.
 *
 * Days off for state bodies: Saturdays and Sundays, and the public holidays of Bộ luật Lao động
 * 2019 Điều 112 — Tết Dương lịch (1/1), Tết Âm lịch (5 days), Giỗ Tổ Hùng Vương (10/3 âm lịch),
 * 30/4, 1/5, Quốc khánh (2/9 and one day before or after). A holiday that falls on a weekly rest
 * day is made up on the next working day (Điều 111 khoản 3). Each year the Government fixes the
 * exact days (which day next to 2/9, which days of Tết, swapped days with a Saturday worked
 * "làm bù"). The years whose announcement we ship are data (OFFICIAL); every other year gets the
 * days the law gives by the rule below, with Tết and Giỗ Tổ computed from the lunar calendar for
 * any year (lunar.ts, passed in as `LunarHolidays` so this file stays free of the astronomy and
 * can be bundled for the browser), and is marked provisional: administrators enter the announced
 * days (extra days off, extra working days) and mark the year announced in the settings.
 */

/** Where the lunar holidays of a year fall (src/registers/lunar.ts computes them). */
export interface LunarHolidays {
  /** Mùng 1 Tết. */
  tet(year: number): string;
  /** Giỗ Tổ Hùng Vương (10/3 âm lịch). */
  gioTo(year: number): string;
}

/**
 * Weekdays off and Saturdays worked as the Government announced them (Tết and the long weekends).
 * Weekdays only: Saturdays and Sundays are off anyway.
 */
export const OFFICIAL: Readonly<Record<number, { off: readonly string[]; worked: readonly string[] }>> = {
  2023: {
    // 1/1 Sun → Mon 2/1; Tết 20/1–26/1 (Sat 14/1 worked); 29/4–3/5; 1/9–4/9.
    off: ["2023-01-02", "2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26", "2023-05-01", "2023-05-02", "2023-05-03", "2023-09-01", "2023-09-04"],
    worked: ["2023-01-14"],
  },
  2024: {
    // Tết 8/2–14/2; 18/4; 27/4–1/5 (Sat 4/5 worked); 31/8–3/9.
    off: ["2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14", "2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03"],
    worked: ["2024-05-04"],
  },
  2025: {
    // Tết 25/1–2/2 (Sat 8/2 worked); 7/4; 30/4–4/5 (Sat 26/4 worked); 30/8–2/9.
    off: ["2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"],
    worked: ["2025-02-08", "2025-04-26"],
  },
};

/** Changes an installation makes to the shipped calendar (settings). */
export interface CalendarOverrides {
  extraDaysOff: readonly string[];
  extraWorkdays: readonly string[];
  /** Years whose announced schedule the administrators have entered (no longer provisional). */
  announcedYears?: readonly number[];
}

export interface WorkCalendar {
  isWorkingDay(date: string): boolean;
  /** Why a date is off ("Tết Nguyên Đán", "Thứ Bảy"…) or null on a working day. */
  reason(date: string): string | null;
  /** True when the days off of the date's year are by the rule rather than announced. */
  provisional(date: string): boolean;
}

/** ISO date plus days (UTC arithmetic, no time zones involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const isWeekend = (date: string) => {
  const w = weekday(date);
  return w === 0 || w === 6;
};

/** The days off a year gets by the law's rule (years without an announcement). */
function ruleDaysOff(year: number, lunar: LunarHolidays): Map<string, string> {
  const out = new Map<string, string>();
  const holidays: Array<[string, string]> = [[`${year}-01-01`, "Tết Dương lịch"]];
  const tet = lunar.tet(year);
  // Five days: the last day of the lunar year and mùng 1–4.
  for (let i = -1; i <= 3; i++) holidays.push([addDays(tet, i), "Tết Nguyên Đán"]);
  holidays.push([lunar.gioTo(year), "Giỗ Tổ Hùng Vương"]);
  holidays.push([`${year}-04-30`, "Ngày Chiến thắng 30/4"], [`${year}-05-01`, "Quốc tế Lao động 1/5"], [`${year}-09-02`, "Quốc khánh 2/9"]);
  // The second Quốc khánh day: the one that joins a weekend (Tue → 1/9, Mon/Wed/Thu/Sun → 3/9, Fri/Sat → 1/9).
  const w = weekday(`${year}-09-02`);
  holidays.push([w === 2 || w === 5 || w === 6 ? `${year}-09-01` : `${year}-09-03`, "Quốc khánh 2/9"]);
  for (const [d, why] of holidays) out.set(d, why);
  // Holidays on a Saturday or Sunday are made up on the next working day (Điều 111 khoản 3).
  for (const [d, why] of [...out].sort(([a], [b]) => a.localeCompare(b))) {
    if (!isWeekend(d)) continue;
    let c = addDays(d, 1);
    while (isWeekend(c) || out.has(c)) c = addDays(c, 1);
    out.set(c, `Nghỉ bù ${why}`);
  }
  return out;
}

/** Names the announced days off of a year (the Tết block, the long weekends). */
function officialDaysOff(year: number, lunar: LunarHolidays): Map<string, string> {
  const out = new Map<string, string>();
  const tet = lunar.tet(year);
  for (const d of OFFICIAL[year]!.off) {
    const near = Math.abs(new Date(d).getTime() - new Date(tet).getTime()) <= 10 * 86400000;
    const md = d.slice(5);
    out.set(d, near ? "Tết Nguyên Đán" : md === "01-01" || md === "01-02" ? "Tết Dương lịch" : d === lunar.gioTo(year) ? "Giỗ Tổ Hùng Vương"
      : md >= "08-29" && md <= "09-04" ? "Quốc khánh 2/9" : "Nghỉ lễ 30/4, 1/5");
  }
  return out;
}

/** True when a year's days off are the Government's announced ones (shipped, or entered by administrators). */
export function isAnnounced(year: number, overrides?: Pick<CalendarOverrides, "announcedYears">): boolean {
  return OFFICIAL[year] !== undefined || (overrides?.announcedYears ?? []).includes(year);
}

/** Builds the calendar from the shipped announcements, the lunar holidays and an installation's overrides. */
export function workCalendar(overrides: CalendarOverrides, lunar: LunarHolidays): WorkCalendar {
  const years = new Map<number, { off: Map<string, string>; worked: Set<string>; provisional: boolean }>();
  const extraOff = new Set(overrides.extraDaysOff);
  const extraWork = new Set(overrides.extraWorkdays);
  const yearOf = (date: string) => {
    const y = Number(date.slice(0, 4));
    let e = years.get(y);
    if (!e) {
      e = OFFICIAL[y]
        ? { off: officialDaysOff(y, lunar), worked: new Set(OFFICIAL[y]!.worked), provisional: false }
        : { off: ruleDaysOff(y, lunar), worked: new Set<string>(), provisional: !isAnnounced(y, overrides) };
      years.set(y, e);
    }
    return e;
  };
  const reason = (date: string): string | null => {
    if (extraWork.has(date)) return null;
    if (extraOff.has(date)) return "Ngày nghỉ (cấu hình)";
    const y = yearOf(date);
    if (y.worked.has(date)) return null;
    const why = y.off.get(date);
    if (why) return why;
    const w = weekday(date);
    return w === 0 ? "Chủ nhật" : w === 6 ? "Thứ Bảy" : null;
  };
  return {
    reason,
    isWorkingDay: (date) => reason(date) === null,
    provisional: (date) => yearOf(date).provisional,
  };
}

/**
 * The last day of a period of `days` calendar days counted from `start` (Bộ luật Dân sự 2015
 * Điều 147: the day of the event is not counted). With `rollToWorkingDay` (Điều 148 khoản 5), a
 * period ending on a weekend or holiday ends on the next working day.
 */
export function addCalendarDays(start: string, days: number, cal: WorkCalendar, rollToWorkingDay: boolean): string {
  let d = addDays(start, days);
  if (rollToWorkingDay) while (!cal.isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The `days`-th working day after `start` ("trong thời hạn N ngày làm việc kể từ …"). */
export function addWorkingDays(start: string, days: number, cal: WorkCalendar): string {
  let d = start;
  let n = 0;
  while (n < days) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) n++;
  }
  return d;
}
