/**
 * Time in the browser tests. A page's clock moved: its `Date` reads `at` at the page's first line
 * and runs on from there, while its timers stay the real ones. For what happens at a time the
 * tests cannot wait for (a page left open over midnight), without touching the machine's or the
 * background's clock. And local midnights, for plain counts by whole days.
 */
import type { Page } from 'playwright-core';

/** Where a moved clock keeps how far it is moved, for `jumpClock`. */
const OFFSET = '__wlClockOffset';

/** Call before the page's navigation. */
export async function shiftClock(page: Page, at: number): Promise<void> {
  await page.addInitScript(
    ({ at, key }) => {
      const clock = globalThis as unknown as Record<string, number>;
      clock[key] = at - Date.now();
      const Real = Date;
      class Shifted extends Real {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(Real.now() + clock[key]!);
          else super(...(args as [string]));
        }
        static override now() {
          return Real.now() + clock[key]!;
        }
      }
      globalThis.Date = Shifted as DateConstructor;
    },
    { at, key: OFFSET },
  );
}

/**
 * Moves a page's clock (moved by `shiftClock` before it loaded) on by `ms` at once, its timers
 * left as they are: what a machine that sleeps does to a page (its timers count on a clock that
 * stopped meanwhile). Returns the page's time now.
 */
export async function jumpClock(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    ({ ms, key }) => {
      (globalThis as unknown as Record<string, number>)[key]! += ms;
      return Date.now();
    },
    { ms, key: OFFSET },
  );
}

/**
 * 00:00 local time of the day `days` after `t`'s (negative: before; 0: `t`'s own), in the
 * machine's zone, which the browser shares. Written apart from src/core, whose days it checks.
 */
export function localMidnight(t: number, days: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}
