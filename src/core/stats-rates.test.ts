import { describe, expect, it } from 'vitest';
import { EMPTY_INFLOW, ratesOf, readInflow } from './stats-rates';

describe('raw vs corrected rates', () => {
  it('reproduces seed 004’s July: junk written off by mistake and returned to work raises qualification', () => {
    // 650 leads came in; 360 were closed as junk, 19 of them later returned to work.
    const r = ratesOf({ junk: 360, loss: 120, reopenedJunk: 19, reopenedLoss: 0 }, 650)!;
    expect(r.qualification.raw).toBeCloseTo(290 / 650, 10); // 44.62 %
    expect((r.qualification.raw * 100).toFixed(2)).toBe('44.62');
    expect(r.qualification.corrected).toBeCloseTo(309 / 650, 10); // 47.54 %
    expect(r.lossRate).toEqual({ raw: 120 / 650, corrected: 120 / 650 });
    expect(r.inconsistent).toBe(false);
  });

  it('corrects the loss rate by the losses returned to work, and flags an inflow too small', () => {
    const r = ratesOf({ junk: 5, loss: 10, reopenedJunk: 0, reopenedLoss: 4 }, 12)!;
    expect(r.lossRate).toEqual({ raw: 10 / 12, corrected: 6 / 12 });
    expect(r.inconsistent).toBe(true);
    expect(ratesOf({ junk: 1, loss: 1, reopenedJunk: 0, reopenedLoss: 0 }, 0)).toBeNull();
    expect(ratesOf({ junk: 1, loss: 1, reopenedJunk: 0, reopenedLoss: 0 }, undefined)).toBeNull();
  });

  it('reads a stored inflow, empty when invalid', () => {
    expect(readInflow({ version: 1, months: { '2026-07': 650 } }).months['2026-07']).toBe(650);
    expect(readInflow({ version: 1, months: { '2026-13': 650 } })).toEqual(EMPTY_INFLOW);
    expect(readInflow({ version: 1, months: { '2026-07': -1 } })).toEqual(EMPTY_INFLOW);
    expect(readInflow(undefined)).toEqual(EMPTY_INFLOW);
  });
});
