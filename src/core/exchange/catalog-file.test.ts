import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from '../catalog';
import { adoptCatalog, compareCatalogs, droppedReasons } from './catalog-file';

const v = (revision: number, drop = 0) => ({ ...DEFAULT_CATALOG, revision, reasons: DEFAULT_CATALOG.reasons.slice(drop) });

describe('catalog files', () => {
  it('says whether the incoming catalog is newer, the same, older or a conflicting edit', () => {
    expect(compareCatalogs(v(2), v(3))).toBe('newer');
    expect(compareCatalogs(v(3), v(3))).toBe('same');
    expect(compareCatalogs(v(3), v(2))).toBe('older');
    expect(compareCatalogs(v(3), v(3, 1))).toBe('conflict');
  });

  it('names the local reasons the incoming catalog lacks', () => {
    expect(droppedReasons(v(1), v(2, 2))).toEqual(['spam', 'wrong-number']);
  });

  it('gives a forced older catalog a revision above the local one, so it spreads as the latest', () => {
    expect(adoptCatalog(v(2), v(5), 0)).toEqual(v(5));
    const forced = adoptCatalog(v(7), v(3, 1), Date.UTC(2026, 10, 3));
    expect(forced).toEqual({ ...v(3, 1), revision: 8, updatedAt: Date.UTC(2026, 10, 3) });
  });
});
