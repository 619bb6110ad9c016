import { describe, expect, it } from 'vitest';
import { bucketIndexer, bucketOf, bucketStarts, daysAfter, daysBefore, MAX_BUCKETS, monthKey, monthStart, PERIOD_PRESETS, presetRange, presetUntil, weekStart } from './stats-periods';

const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

describe('periods', () => {
  it('starts weeks on Monday and months on the 1st, local time', () => {
    // 2026-11-04 is a Wednesday.
    expect(weekStart(local(2026, 11, 4, 15))).toBe(local(2026, 11, 2));
    expect(weekStart(local(2026, 11, 2))).toBe(local(2026, 11, 2));
    expect(weekStart(local(2026, 11, 8, 23))).toBe(local(2026, 11, 2)); // Sunday
    expect(monthStart(local(2026, 11, 30, 23))).toBe(local(2026, 11, 1));
    expect(monthKey(local(2026, 1, 31, 23))).toBe('2026-01');
  });

  it('gives the presets in whole local days: today and the days before', () => {
    const now = local(2026, 11, 20, 12);
    expect(presetRange('7d', now)).toEqual({ from: local(2026, 11, 14), to: null });
    expect(presetRange('30d', now)).toEqual({ from: local(2026, 10, 22), to: null });
    expect(presetRange('month', now)).toEqual({ from: local(2026, 11, 1), to: null });
    expect(presetRange('all', now)).toEqual({ from: null, to: null });
    // Across a month's and a year's start.
    expect(presetRange('7d', local(2027, 1, 3, 1))).toEqual({ from: local(2026, 12, 28), to: null });
  });

  it('says until when a preset stays what it is: the next midnight, the next month, never', () => {
    const now = local(2026, 11, 20, 12);
    for (const preset of PERIOD_PRESETS) {
      const until = presetUntil(preset, now);
      const range = presetRange(preset, now);
      if (until === null) {
        expect(preset).toBe('all');
        continue;
      }
      for (const t of [now, now + 1, until - 1]) expect(presetRange(preset, t)).toEqual(range);
      expect(presetRange(preset, until)).not.toEqual(range);
    }
    expect(presetUntil('7d', now)).toBe(local(2026, 11, 21));
    expect(presetUntil('30d', local(2026, 12, 31, 23))).toBe(local(2027, 1, 1));
    expect(presetUntil('month', now)).toBe(local(2026, 12, 1));
  });

  it('counts whole days back and forth from any time of a day', () => {
    expect(daysBefore(local(2026, 3, 1, 18), 1)).toBe(local(2026, 2, 28));
    expect(daysBefore(local(2026, 3, 1, 18), 0)).toBe(local(2026, 3, 1));
    expect(daysAfter(local(2026, 2, 28, 7), 1)).toBe(local(2026, 3, 1));
  });

  it('covers a range with buckets and finds the bucket of a time', () => {
    const months = bucketStarts('month', local(2026, 7, 15), local(2026, 10, 3));
    expect(months).toEqual([local(2026, 7, 1), local(2026, 8, 1), local(2026, 9, 1), local(2026, 10, 1)]);
    expect(bucketOf(months, local(2026, 8, 31, 23))).toBe(1);
    expect(bucketOf(months, local(2026, 10, 1))).toBe(3);
    expect(bucketOf(months, local(2026, 6, 30))).toBe(-1);
    const weeks = bucketStarts('week', local(2026, 11, 4), local(2026, 11, 16));
    expect(weeks).toEqual([local(2026, 11, 2), local(2026, 11, 9), local(2026, 11, 16)]);
  });

  it('keeps only the latest buckets of a very long range', () => {
    const weeks = bucketStarts('week', Date.UTC(2001, 0, 1), local(2026, 11, 16));
    expect(weeks).toHaveLength(MAX_BUCKETS);
    expect(weeks.at(-1)).toBe(local(2026, 11, 16));
    const months = bucketStarts('month', Date.UTC(2001, 0, 1), local(2026, 11, 16));
    expect(months).toHaveLength(MAX_BUCKETS);
    expect(months.at(-1)).toBe(local(2026, 11, 1));
  });

  it('looks buckets up on a grid with the same answers as the binary search, across DST changes', () => {
    for (const grain of ['week', 'month'] as const) {
      const from = local(2025, 1, 1);
      const to = local(2026, 12, 31);
      const starts = bucketStarts(grain, from, to);
      const lookup = bucketIndexer(starts, to);
      for (let t = from - 86_400_000; t < to + 40 * 86_400_000; t += 3_607_000) expect(lookup(t)).toBe(bucketOf(starts, t));
      for (const s of starts) {
        expect(lookup(s)).toBe(bucketOf(starts, s));
        expect(lookup(s - 1)).toBe(bucketOf(starts, s - 1));
      }
    }
    expect(bucketIndexer([], 0)(5)).toBe(-1);
  });
});
