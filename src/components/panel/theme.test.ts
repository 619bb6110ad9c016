import { describe, expect, it } from 'vitest';
import { luminance, parseRgb, themeOfBackgrounds } from './theme';

describe('page theme', () => {
  it('parses computed colours in both syntaxes', () => {
    expect(parseRgb('rgb(21, 25, 31)')).toEqual([21, 25, 31, 1]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(parseRgb('transparent')).toBeNull();
  });

  it('computes WCAG relative luminance', () => {
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(luminance([119, 119, 119])).toBeCloseTo(0.184, 2);
  });

  it('lets the first mostly opaque background decide, white when there is none', () => {
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(31, 37, 45)', 'rgb(255, 255, 255)'])).toBe('dark');
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0.1)', 'rgb(245, 245, 245)'])).toBe('light');
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)'])).toBe('light');
    expect(themeOfBackgrounds([])).toBe('light');
  });
});
