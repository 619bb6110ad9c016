/**
 * A page's clock moved: its `Date` reads `at` at the page's first line and runs on from there,
 * while its timers stay the real ones. For what happens at a time the tests cannot wait for (a
 * page left open over midnight), without touching the machine's or the background's clock.
 */
import type { Page } from 'playwright-core';

/** Call before the page's navigation. */
export async function shiftClock(page: Page, at: number): Promise<void> {
  await page.addInitScript((at) => {
    const offset = at - Date.now();
    const Real = Date;
    class Shifted extends Real {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(Real.now() + offset);
        else super(...(args as [string]));
      }
      static override now() {
        return Real.now() + offset;
      }
    }
    globalThis.Date = Shifted as DateConstructor;
  }, at);
}

/** 00:00 local time of the day after `t`'s (the machine's zone, which the browser shares). */
export function nextLocalMidnight(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}
