/**
 * Pure: the Vietnamese lunisolar calendar's holidays for any year — Tết Nguyên Đán (mùng 1 tháng
 * Giêng) and Giỗ Tổ Hùng Vương (mùng 10 tháng Ba). No I/O.
 *
 * The astronomy (instants of new moons, the winter solstice, the Sun's longitude) comes from
 * astronomy-engine (MIT, no dependencies, pure JS). The calendar rules are the Vietnamese ones,
 * computed at UTC+7 (the 105°E meridian, used since 1968):
 * 1. a month begins on the local day of a new moon;
 * 2. the winter solstice always falls in month 11;
 * 3. when 13 months separate two months 11, the first month after month 11 in which the Sun
 *    enters no new 30° sign (no "trung khí") is the leap month, numbered like the month before it.
 * Chinese-calendar libraries count at UTC+8 and give other dates in some years (Tết 2030 is
 * 2 February in Vietnam, 3 February in China; 2007: 17 vs 18 February; Giỗ Tổ 2037: 24 vs 25 April),
 * which is why none of them is used here. lunar.test.ts checks against published dates.
 */
import { Seasons, SearchMoonPhase, SunPosition, type AstroTime } from "astronomy-engine";
import type { LunarHolidays } from "./calendar.ts";

const TZ_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The local (UTC+7) date of an instant. */
const localDate = (d: Date): string => new Date(d.getTime() + TZ_MS).toISOString().slice(0, 10);
/** The instant a local date begins. */
const localMidnight = (iso: string): Date => new Date(Date.parse(`${iso}T00:00:00Z`) - TZ_MS);
const plusDays = (iso: string, n: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** The next new moon at or after an instant. */
function nextNewMoon(after: Date): AstroTime {
  const t = SearchMoonPhase(0, after, 40);
  if (!t) throw new Error(`no new moon found after ${after.toISOString()}`);
  return t;
}

/** The local days on which months begin, from the month holding `fromDay` until `untilDay` (exclusive). */
function monthStarts(fromDay: string, untilDay: string): string[] {
  const out: string[] = [];
  let t = nextNewMoon(new Date(localMidnight(fromDay).getTime() - 31 * DAY_MS));
  for (;;) {
    const d = localDate(t.date);
    if (d >= untilDay) break;
    if (d <= fromDay) out.length = 0;
    out.push(d);
    t = nextNewMoon(new Date(t.date.getTime() + DAY_MS));
  }
  return out;
}

/** The local day month 11 begins in a Gregorian year: the month holding the December solstice. */
function month11(year: number): string {
  const solstice = localDate(Seasons(year).dec_solstice.date);
  return monthStarts(solstice, plusDays(solstice, 1)).at(-1)!;
}

/** The 30° sign the Sun is in when a local day begins (0 = 0°–30°…). */
const sign = (day: string): number => Math.floor(SunPosition(localMidnight(day)).elon / 30);

export interface LunarMonth {
  /** The local day the month begins (mùng 1). */
  start: string;
  /** 1–12. */
  month: number;
  leap: boolean;
}

const cache = new Map<number, LunarMonth[]>();

/**
 * The months of the lunar year that Tết of Gregorian year `year` opens, from month 11 of the year
 * before to the month before the next month 11.
 */
export function lunarMonths(year: number): LunarMonth[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const a11 = month11(year - 1);
  const b11 = month11(year);
  const starts = monthStarts(a11, b11);
  // 13 months between two months 11: the first without a new sign is the leap month.
  let leapAt = -1;
  if (starts.length === 13) {
    const next = [...starts.slice(1), b11];
    for (let i = 1; i < 13 && leapAt < 0; i++) if (sign(starts[i]!) === sign(next[i]!)) leapAt = i;
  }
  let month = 10;
  const out = starts.map((start, i) => {
    const leap = i === leapAt;
    if (!leap) month = (month % 12) + 1;
    return { start, month, leap };
  });
  cache.set(year, out);
  return out;
}

/** The Gregorian date of a day of a (non-leap) month 1–10 of the lunar year Tết of `year` opens. */
export function fromLunar(year: number, month: number, day: number): string {
  const m = month <= 10 ? lunarMonths(year).find((x) => x.month === month && !x.leap) : undefined;
  if (!m) throw new RangeError(`tháng âm lịch ${month} năm ${year}: chỉ tính tháng 1–10`);
  return plusDays(m.start, day - 1);
}

/** Mùng 1 Tết of a year. */
export const tetOf = (year: number): string => fromLunar(year, 1, 1);

/** Giỗ Tổ Hùng Vương (10/3 âm lịch) of a year. */
export const gioToOf = (year: number): string => fromLunar(year, 3, 10);

/** The lunar holidays as the working-day calendar asks for them. */
export const VN_LUNAR: LunarHolidays = { tet: tetOf, gioTo: gioToOf };
