/**
 * Waiting for a moment of the clock on the wall (a page's figures stop being exact at local
 * midnight: core/stats-periods.ts, kept-time.ts). A timer alone is not enough: browsers count a
 * timer's delay on a clock that stops while the machine sleeps (a monotonic clock on Linux and
 * macOS), so a dashboard left open over a night the laptop slept through would ask for the new
 * day's figures only hours after waking, and show yesterday's "7 days" as live until then. So
 * the clock is also read whenever the page is shown or focused again, and every WALL_CHECK_MS.
 */

/** How often a page waiting for a moment reads the clock besides its timer (at most this late after waking). */
export const WALL_CHECK_MS = 15_000;

/** The longest delay setTimeout takes (a longer one fires at once). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** A setTimeout delay to `until`: never negative, and at most what setTimeout takes (then it runs early and is set again). */
function delayTo(until: number, now = Date.now()): number {
  return Math.min(Math.max(0, until - now), MAX_DELAY_MS);
}

/** The page's own events after which the clock is read again (a machine waking shows the page again). */
const WAKE_EVENTS = ['visibilitychange', 'focus', 'pageshow'] as const;

/**
 * Calls `fire` once, when the clock reads `until` or later: by a timer, or, where the timer
 * lags behind the clock (a sleep), at the next look at the clock. Returns the cancel.
 */
export function atWallTime(until: number, fire: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const target = globalThis as { addEventListener?: Window['addEventListener']; removeEventListener?: Window['removeEventListener'] };
  const stop = () => {
    clearTimeout(timer);
    clearInterval(interval);
    for (const event of WAKE_EVENTS) target.removeEventListener?.(event, check);
  };
  const check = () => {
    if (Date.now() < until) return false;
    stop();
    fire();
    return true;
  };
  // A long wait is capped (delayTo): a timer that ran early is set again.
  const arm = () => {
    timer = setTimeout(() => check() || arm(), delayTo(until));
  };
  const interval = setInterval(check, WALL_CHECK_MS);
  for (const event of WAKE_EVENTS) target.addEventListener?.(event, check);
  arm();
  return stop;
}
