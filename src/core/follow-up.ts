/**
 * Follow-up dates for soft reasons (excuses): the panel proposes one instead of writing the
 * lead off. Dates are local calendar days, stored as the timestamp of 10:00 local time.
 */

const HOUR = 10;

function atHour(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate(), HOUR, 0, 0, 0).getTime();
}

/** Two working days after `now` (Saturday and Sunday skipped), at 10:00. */
export function proposeFollowUp(now: number): number {
  const d = new Date(now);
  let added = 0;
  while (added < 2) {
    d.setDate(d.getDate() + 1);
    const day = d.getDay();
    if (day !== 0 && day !== 6) added++;
  }
  return atHour(d);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of an `<input type="date">` for a timestamp (local day). */
export function toDateInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A timestamp (10:00 local) for an `<input type="date">` value; null when empty or malformed. */
export function fromDateInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), HOUR, 0, 0, 0);
  return d.getMonth() === Number(m[2]) - 1 ? d.getTime() : null;
}
