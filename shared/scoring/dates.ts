/** Calendar arithmetic on ISO dates (YYYY-MM-DD), no time zones: the policy counts whole days. */

/** The same calendar day `months` months earlier; the 29th–31st clamp to the month's last day. */
export function monthsBefore(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** "Within N months before asOf": on or after the same calendar day N months earlier, and not after asOf. */
export function withinMonths(date: string, asOf: string, months: number): boolean {
  return date >= monthsBefore(asOf, months) && date <= asOf;
}
