// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { atWallTime, WALL_CHECK_MS } from './wall-timer';

const HOUR = 3_600_000;
const t0 = new Date(2026, 11, 5, 21, 0).getTime();

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(t0);
});
afterEach(() => {
  vi.useRealTimers();
});

/** What a sleeping machine does to a page: the clock moves on, the timers' clock does not. */
const sleep = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('atWallTime', () => {
  it('fires once, at the moment, by its timer', () => {
    const fire = vi.fn();
    atWallTime(t0 + 3 * HOUR, fire);
    vi.advanceTimersByTime(3 * HOUR - 1);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * HOUR);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('after a sleep past the moment, fires within WALL_CHECK_MS of waking, where a plain timer is hours away', () => {
    const fire = vi.fn();
    const plain = vi.fn();
    atWallTime(t0 + 3 * HOUR, fire);
    setTimeout(plain, 3 * HOUR);
    vi.advanceTimersByTime(60_000);
    sleep(12 * HOUR);
    vi.advanceTimersByTime(WALL_CHECK_MS);
    expect(fire).toHaveBeenCalledTimes(1);
    expect(plain).not.toHaveBeenCalled();
  });

  it('when the page is shown or focused again after a sleep, fires at once', () => {
    for (const wake of [() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })), () => window.dispatchEvent(new Event('focus'))]) {
      const fire = vi.fn();
      atWallTime(Date.now() + 3 * HOUR, fire);
      wake();
      expect(fire).not.toHaveBeenCalled();
      sleep(12 * HOUR);
      wake();
      expect(fire).toHaveBeenCalledTimes(1);
      wake();
      vi.advanceTimersByTime(3 * HOUR);
      expect(fire).toHaveBeenCalledTimes(1);
    }
  });

  it('a timer capped short of a far moment (setTimeout takes ~24.8 days at most) does not fire early', () => {
    const fire = vi.fn();
    atWallTime(t0 + 30 * 24 * HOUR, fire);
    vi.advanceTimersByTime(25 * 24 * HOUR);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5 * 24 * HOUR);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('cancelled, never fires: not by its timer, its check or a wake', () => {
    const fire = vi.fn();
    const cancel = atWallTime(t0 + HOUR, fire);
    cancel();
    sleep(12 * HOUR);
    window.dispatchEvent(new Event('focus'));
    vi.advanceTimersByTime(2 * HOUR);
    expect(fire).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
