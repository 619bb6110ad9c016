/**
 * The badge is refreshed after writes without making the writer wait, one refresh at a time, and
 * the last refresh starts after the last write asked for it (so the count shown is not stale).
 */
import { describe, expect, it } from 'vitest';
import type { WhyLostDB } from '../core/storage/db';
import { badgeRefresher } from './context';

describe('badge refresh after writes', () => {
  it('runs one at a time; writes during one ask for exactly one more, started after them', async () => {
    const started: number[] = [];
    let release: (() => void)[] = [];
    let writes = 0;
    const update = () => {
      started.push(writes);
      return new Promise<void>((resolve) => release.push(resolve));
    };
    const refresh = badgeRefresher({} as WhyLostDB, update);
    writes = 1;
    void refresh();
    writes = 2;
    void refresh();
    writes = 3;
    void refresh();
    expect(started).toEqual([1]); // the second and third wait
    release.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 3]); // one more, after the last write
    release.shift()!();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 3]);
    release = [];
  });

  it('a failed refresh is reported, and the next one still runs', async () => {
    let calls = 0;
    const refresh = badgeRefresher({} as WhyLostDB, async () => {
      calls++;
      if (calls === 1) throw new Error('storage gone');
    });
    const warn = console.warn;
    const warned: unknown[] = [];
    console.warn = (...args: unknown[]) => warned.push(args);
    await refresh();
    await refresh();
    console.warn = warn;
    expect(calls).toBe(2);
    expect(warned).toHaveLength(1);
  });
});
