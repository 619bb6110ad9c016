import { describe, expect, it } from 'vitest';
import type { PanelSession } from '../components/panel/store';
import { captureOf } from '../../test/support/records';
import { DEFAULT_CATALOG } from '../core/catalog';
import { suggestedReason, withNative } from './native';

describe('native reason on open panel sessions', () => {
  it('suggests our reason named like the CRM reason of any lead of the session', () => {
    const plain = captureOf();
    const priced = captureOf({}, { leadId: '1002', native: { id: '9001', name: 'Дорого' } });
    expect(suggestedReason([plain], DEFAULT_CATALOG)).toBeUndefined();
    expect(suggestedReason([plain, priced], DEFAULT_CATALOG)).toBe('price');
  });

  it('sets the reason on the item of that close only, and the suggestion with it', () => {
    const a = captureOf({}, { leadId: '1001' });
    const b = captureOf({}, { leadId: '1002' });
    const other = captureOf({}, { leadId: '1003' });
    const sessions: PanelSession[] = [{ items: [a, b] }, { items: [other] }];
    const native = { id: '9003', name: 'Нет бюджета' };
    const next = withNative(sessions, { ...b, id: 'adopted-id-1' }, native, DEFAULT_CATALOG);
    expect(next[0]!.items.map((i) => i.context.native)).toEqual([null, native]);
    expect(next[0]!.suggestedReasonId).toBe('no-budget');
    expect(next[1]).toBe(sessions[1]);
    // An unmatched name keeps an earlier suggestion.
    const later = withNative(next, b, { id: '9002', name: 'Выбрали конкурента' }, DEFAULT_CATALOG);
    expect(later[0]!.suggestedReasonId).toBe('no-budget');
  });
});
