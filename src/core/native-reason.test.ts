import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG, type Catalog } from './catalog';
import { matchNativeReason, normalizeReasonName } from './native-reason';

describe('native loss reason → catalog reason', () => {
  it('matches a name in any of our languages, loosely', () => {
    expect(matchNativeReason(DEFAULT_CATALOG, 'Дорого')).toBe('price');
    expect(matchNativeReason(DEFAULT_CATALOG, '  ДОРОГО! ')).toBe('price');
    expect(matchNativeReason(DEFAULT_CATALOG, 'Price too high')).toBe('price');
    expect(matchNativeReason(DEFAULT_CATALOG, 'Немає бюджету')).toBe('no-budget');
    expect(matchNativeReason(DEFAULT_CATALOG, 'нет бюджета')).toBe('no-budget');
    expect(matchNativeReason(DEFAULT_CATALOG, 'Не пришел на встречу')).toBe('no-show'); // ё written as е
    expect(matchNativeReason(DEFAULT_CATALOG, 'Chose a competitor.')).toBe('competitor');
  });

  it('matches the label without its bracketed explanation', () => {
    expect(matchNativeReason(DEFAULT_CATALOG, 'Не клиент')).toBe('not-a-customer');
  });

  it('does not guess from a similar text, an empty name or «Без причины»', () => {
    expect(matchNativeReason(DEFAULT_CATALOG, 'Выбрали конкурента')).toBeNull();
    expect(matchNativeReason(DEFAULT_CATALOG, 'Дорого для клиента')).toBeNull();
    expect(matchNativeReason(DEFAULT_CATALOG, 'Без причины')).toBeNull();
    expect(matchNativeReason(DEFAULT_CATALOG, '')).toBeNull();
    expect(matchNativeReason(DEFAULT_CATALOG, '—')).toBeNull();
    expect(matchNativeReason(DEFAULT_CATALOG, null)).toBeNull();
  });

  it('never suggests an outcome or a retired reason, and refuses an ambiguous name', () => {
    expect(matchNativeReason(DEFAULT_CATALOG, 'Закрыт по ошибке — возвращён в работу')).toBeNull();
    const retired: Catalog = {
      ...DEFAULT_CATALOG,
      reasons: DEFAULT_CATALOG.reasons.map((r) => (r.id === 'price' ? { ...r, retired: true } : r)),
    };
    expect(matchNativeReason(retired, 'Дорого')).toBeNull();
    const twice: Catalog = {
      ...DEFAULT_CATALOG,
      reasons: [...DEFAULT_CATALOG.reasons, { ...DEFAULT_CATALOG.reasons.find((r) => r.id === 'price')!, id: 'price-2' }],
    };
    expect(matchNativeReason(twice, 'Дорого')).toBeNull();
  });

  it('normalizes case, ё, punctuation and spaces', () => {
    expect(normalizeReasonName(' Пришёл, «не»   купил! ')).toBe('пришел не купил');
    expect(normalizeReasonName('We don’t offer it')).toBe('we don t offer it');
  });
});
