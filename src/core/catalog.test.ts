import { describe, expect, it } from 'vitest';
import { CatalogSchema, DEFAULT_CATALOG, reasonLabel, reasonsForSegment } from './catalog';

const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('default catalog', () => {
  it('is valid and carries every stable id of product.md', () => {
    expect(CatalogSchema.safeParse(DEFAULT_CATALOG).success).toBe(true);
    expect(ids(DEFAULT_CATALOG.reasons).sort()).toEqual(
      [
        'spam', 'wrong-number', 'duplicate', 'not-a-customer', 'test',
        'price', 'competitor', 'no-budget', 'no-decision', 'unresponsive', 'not-target', 'out-of-stock', 'timing', 'other',
        'company-closed', 'too-small', 'too-large', 'has-supplier', 'excuse-send-email', 'excuse-call-later', 'excuse-not-interested', 'gatekeeper',
        'price-calculation-only', 'outside-area', 'product-gap', 'no-show',
        'closed-by-mistake',
      ].sort(),
    );
  });

  it('labels every reason in Russian, Ukrainian and English', () => {
    for (const r of DEFAULT_CATALOG.reasons) {
      expect(r.label.ru, r.id).toBeTruthy();
      expect(r.label.uk, r.id).toBeTruthy();
      expect(r.label.en, r.id).toBeTruthy();
    }
  });

  it('marks junk apart from losses and excuses as soft', () => {
    const junk = DEFAULT_CATALOG.reasons.filter((r) => r.kind === 'junk');
    expect(ids(junk)).toEqual(['spam', 'wrong-number', 'duplicate', 'not-a-customer', 'test']);
    const soft = DEFAULT_CATALOG.reasons.filter((r) => r.soft);
    expect(ids(soft).sort()).toEqual(['excuse-call-later', 'excuse-not-interested', 'excuse-send-email', 'gatekeeper']);
  });
});

describe('reasonsForSegment', () => {
  it('gives outbound reasons only to outbound segments and never offers outcomes', () => {
    const inbound = ids(reasonsForSegment(DEFAULT_CATALOG, 'inbound-b2c'));
    const outbound = ids(reasonsForSegment(DEFAULT_CATALOG, 'outbound-b2b'));
    expect(inbound).toContain('price-calculation-only');
    expect(inbound).not.toContain('excuse-call-later');
    expect(outbound).toContain('company-closed');
    expect(outbound).not.toContain('no-show');
    expect(outbound).not.toContain('closed-by-mistake');
    expect(ids(reasonsForSegment(DEFAULT_CATALOG, 'outbound-b2c'))).not.toContain('company-closed');
  });

  it('hides retired reasons', () => {
    const catalog = { ...DEFAULT_CATALOG, reasons: DEFAULT_CATALOG.reasons.map((r) => (r.id === 'price' ? { ...r, retired: true } : r)) };
    expect(ids(reasonsForSegment(catalog, 'inbound-b2b'))).not.toContain('price');
  });
});

describe('CatalogSchema', () => {
  it('refuses a catalog with a reason id twice', () => {
    const twice = { ...DEFAULT_CATALOG, reasons: [...DEFAULT_CATALOG.reasons, DEFAULT_CATALOG.reasons[0]] };
    const parsed = CatalogSchema.safeParse(twice);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('"spam" appears twice');
  });
});

describe('reasonLabel', () => {
  it('uses the language, and names unknown reasons by id', () => {
    expect(reasonLabel(DEFAULT_CATALOG, 'price', 'uk', () => '?')).toBe('Дорого');
    expect(reasonLabel(DEFAULT_CATALOG, 'competitor', 'en', () => '?')).toBe('Chose a competitor');
    expect(reasonLabel(DEFAULT_CATALOG, 'made-up', 'en', (id) => `unknown reason (${id})`)).toBe('unknown reason (made-up)');
  });
});
