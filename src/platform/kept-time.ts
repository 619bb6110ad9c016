/**
 * When figures kept from last time (the kept answers, last-answers.ts, and the pages' shells,
 * shell.ts) may still be shown, as far as time goes: before the moment they stop being exact
 * (`until`, worked out with them: core/stats-aggregate.ts, core/stats-periods.ts; null: never),
 * not before they were made (a clock set back), and in the same time zone (days, weeks and
 * months are local). A module of its own so the shell's script stays light.
 */
export interface KeptTime {
  /** When they were kept (ms since the epoch). */
  at: number;
  until: number | null;
  /** Date.prototype.getTimezoneOffset() when they were kept. */
  tz: number;
}

/** The time fields of figures kept now, exact until `until`. */
export function keptTime(until: number | null, now = Date.now()): KeptTime {
  return { at: now, until, tz: new Date(now).getTimezoneOffset() };
}

export function keptFits(kept: KeptTime, now: number): boolean {
  return now >= kept.at && (kept.until === null || now < kept.until) && kept.tz === new Date(now).getTimezoneOffset();
}
