/** PURE calendar arithmetic on ISO days (UTC), for the portal's rules. */
export function addCalendarDaysPlain(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
