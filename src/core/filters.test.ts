import { describe, expect, it } from 'vitest';
import { captureOf, T0 } from '../../test/support/records';
import { DEFAULT_CATALOG } from './catalog';
import { EMPTY_FILTER, matchesFilter } from './filters';
import type { Rejection } from './rejection';
import { newPendingRecord } from './storage/repository';

const record = (over: Partial<Rejection> = {}): Rejection => ({
  ...newPendingRecord(captureOf(), { id: 'me', name: 'Анна' }),
  status: 'tagged',
  reasonId: 'price',
  segment: 'inbound-b2b',
  ...over,
});

describe('matchesFilter', () => {
  const m = (r: Rejection, f: Partial<typeof EMPTY_FILTER>) => matchesFilter(r, { ...EMPTY_FILTER, ...f }, DEFAULT_CATALOG, 'me');

  it('lets everything through the empty filter', () => {
    expect(m(record(), {})).toBe(true);
  });

  it('applies period bounds inclusively', () => {
    expect(m(record(), { from: T0, to: T0 })).toBe(true);
    expect(m(record(), { from: T0 + 1 })).toBe(false);
    expect(m(record(), { to: T0 - 1 })).toBe(false);
  });

  it('restricts by crm, host, pipeline, segment, manager, kind and scope', () => {
    const r = record();
    expect(m(r, { crms: ['bitrix24'] })).toBe(false);
    expect(m(r, { hosts: ['demo.amocrm.ru'] })).toBe(true);
    expect(m(r, { pipelines: ['9'] })).toBe(false);
    expect(m(r, { segments: ['outbound-b2b'] })).toBe(false);
    expect(m(r, { managers: ['Анна Петрова'] })).toBe(true);
    expect(m(r, { kind: 'junk' })).toBe(false);
    expect(m(record({ reasonId: 'spam' }), { kind: 'junk' })).toBe(true);
    expect(m(record({ owner: { id: 'colleague', name: 'Олег' } }), { scope: 'mine' })).toBe(false);
  });
});
