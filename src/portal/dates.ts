/** PURE calendar arithmetic on ISO days (UTC), for the portal's rules. */
export function addCalendarDaysPlain(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "30/07/2026" of "2026-07-30": how a day reads in a Vietnamese message (API codes and details keep ISO). */
export const dmy = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
