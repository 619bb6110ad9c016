/** The trend chart's vertical axis: a round maximum and evenly spaced whole-number grid lines. */
import { describe, expect, it } from 'vitest';
import { axisTicks, niceMax } from './StackedColumns';

describe('the trend axis', () => {
  it('rounds the tallest column up to 1, 2 or 5 × 10^k, at least 5', () => {
    expect([0, 1, 3, 5, 6, 10, 11, 20, 21, 49, 50, 51, 730].map(niceMax)).toEqual([5, 5, 5, 5, 10, 10, 20, 20, 50, 50, 50, 100, 1000]);
  });

  it('draws six evenly spaced whole numbers from 0 to the maximum', () => {
    expect(axisTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(axisTicks(20)).toEqual([0, 4, 8, 12, 16, 20]);
    for (const max of [5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]) {
      const ticks = axisTicks(max);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(new Set(ticks.slice(1).map((t, i) => t - ticks[i]!)).size).toBe(1);
      expect(ticks.at(-1)).toBe(max);
    }
  });
});
