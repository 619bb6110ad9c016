import { describe, expect, it } from 'vitest';
import { fmtRate, fmtShare, safeHref } from './format';

describe('format', () => {
  it('writes shares and rates', () => {
    expect(fmtShare('en', 0.5)).toBe('50%');
    expect(fmtShare('en', 0.034)).toBe('3.4%');
    expect(fmtRate('en', 290 / 650)).toBe('44.62%');
    expect(fmtRate('ru', 290 / 650)).toMatch(/^44,62\s?%$/);
  });

  it('links only to http(s)', () => {
    expect(safeHref('https://demo.amocrm.ru/leads/detail/1')).toBe('https://demo.amocrm.ru/leads/detail/1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});
