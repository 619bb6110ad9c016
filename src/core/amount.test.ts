import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount';

describe('parseAmount', () => {
  it('parses budgets as shown', () => {
    expect(parseAmount('85 000')).toBe(85000);
    expect(parseAmount('1\u00a0500\u00a0000 ₽')).toBe(1500000);
    expect(parseAmount('12,5')).toBe(12.5);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('—')).toBeNull();
  });
});
