import { describe, expect, it } from 'vitest';
import { fromDateInput, proposeFollowUp, toDateInput } from './follow-up';

const local = (y: number, m: number, d: number, h = 15) => new Date(y, m - 1, d, h).getTime();

describe('follow-up dates', () => {
  it('proposes two working days later at 10:00, skipping the weekend', () => {
    expect(proposeFollowUp(local(2026, 3, 2))).toBe(new Date(2026, 2, 4, 10).getTime()); // Mon → Wed
    expect(proposeFollowUp(local(2026, 3, 5))).toBe(new Date(2026, 2, 9, 10).getTime()); // Thu → Mon
    expect(proposeFollowUp(local(2026, 3, 7))).toBe(new Date(2026, 2, 10, 10).getTime()); // Sat → Tue
  });

  it('converts to and from a date input, refusing malformed or impossible dates', () => {
    const at = proposeFollowUp(local(2026, 3, 2));
    expect(toDateInput(at)).toBe('2026-03-04');
    expect(fromDateInput('2026-03-04')).toBe(at);
    expect(fromDateInput('')).toBeNull();
    expect(fromDateInput('04.03.2026')).toBeNull();
    expect(fromDateInput('2026-02-31')).toBeNull();
  });
});
