import { describe, expect, it } from 'vitest';
import { MAX_RECORD_IDS, recordIdsFrom, recordPagePath, safeHttpUrl } from './links';

describe('record page links', () => {
  it('puts one or several record ids in the query and reads back only valid, distinct ones', () => {
    expect(recordPagePath(['rec-000001'])).toBe('/record.html?id=rec-000001');
    const path = recordPagePath(['rec-000001', 'rec-000002']);
    expect(path).toBe('/record.html?id=rec-000001&id=rec-000002');
    expect(recordIdsFrom(path.split('?')[1]!)).toEqual(['rec-000001', 'rec-000002']);
    expect(recordIdsFrom('?id=rec-000001&id=rec-000001&id=<script>&id=')).toEqual(['rec-000001']);
    const many = Array.from({ length: MAX_RECORD_IDS + 3 }, (_, i) => `rec-${String(i).padStart(6, '0')}`);
    expect(recordIdsFrom(recordPagePath(many).split('?')[1]!)).toHaveLength(MAX_RECORD_IDS);
  });

  it('links back to a lead only over http(s)', () => {
    expect(safeHttpUrl('https://demo.amocrm.ru/leads/detail/1')).toBe('https://demo.amocrm.ru/leads/detail/1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});
