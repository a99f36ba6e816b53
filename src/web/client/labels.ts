/**
 * Pure: how period ids and dates are shown to people. A period id ("2025Q4", "2026S1", "202603",
 * "2026M03") becomes "Quý IV/2025", "6 tháng đầu năm 2026", "Tháng 3/2026"; a day or a time
 * ("2026-12-09", "2026-12-09T03:00:00Z") becomes "09/12/2026" (a time read in Vietnam, UTC+7).
 * Every page shows periods and dates through these, never the raw ids.
 */
import { tf } from "./i18n.ts";

const ROMAN = ["I", "II", "III", "IV"];

/** A period id's label; an id it does not know is returned as it is. */
export function periodShort(id: string | null | undefined): string {
  if (!id) return "—";
  const m = /^(\d{4})(?:(Q[1-4])|(S[12])|(N9)|M?(0[1-9]|1[0-2]))?$/.exec(id);
  if (!m) return id;
  const [, y, q, s, n9, month] = m;
  if (q) return tf("Quý {q}/{y}", { q: ROMAN[Number(q.slice(1)) - 1]!, y: y! });
  if (s) return s === "S1" ? tf("6 tháng đầu năm {y}", { y: y! }) : tf("6 tháng cuối năm {y}", { y: y! });
  if (n9) return tf("9 tháng năm {y}", { y: y! });
  if (month) return tf("Tháng {m}/{y}", { m: Number(month), y: y! });
  return tf("Năm {y}", { y: y! });
}

/** dd/mm/yyyy of a day ("2026-12-09") or of a moment (read at UTC+7); "—" for nothing. */
export function dmy(d: string | null | undefined): string {
  if (!d) return "—";
  const day = d.length > 10 && !Number.isNaN(Date.parse(d)) ? new Date(Date.parse(d) + 7 * 3_600_000).toISOString().slice(0, 10) : d.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return d;
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** "dd/mm/yyyy hh:mm" of a moment in Vietnam (UTC+7). */
export function dmyTime(at: string | null | undefined): string {
  if (!at) return "—";
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  const iso = new Date(ms + 7 * 3_600_000).toISOString();
  return `${dmy(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}

