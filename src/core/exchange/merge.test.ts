import { describe, expect, it } from 'vitest';
import { ANNA, BORIS, makeRecord } from '../../../test/support/exchange-data';
import { planMerge, unknownReasons } from './merge';

describe('planMerge', () => {
  const a = makeRecord(ANNA, 1);
  const b = makeRecord(ANNA, 2);

  it('adds what is new, replaces what is older, keeps the rest', () => {
    const newerB = { ...b, comment: 'уточнили: цена', updatedAt: b.updatedAt + 1 };
    const olderA = { ...a, comment: 'старая правка', updatedAt: a.updatedAt - 1 };
    const c = makeRecord(ANNA, 3);
    const plan = planMerge([olderA, newerB, c], [a, b, undefined]);
    expect(plan).toEqual({ ok: true, put: [newerB, c], counts: { added: 1, updated: 1, unchanged: 1 } });
  });

  it('is idempotent: the same records again change nothing', () => {
    const plan = planMerge([a, b], [a, b]);
    expect(plan).toEqual({ ok: true, put: [], counts: { added: 0, updated: 0, unchanged: 2 } });
  });

  it('keeps the local copy on an equal updatedAt, so a file cannot overwrite without a newer edit', () => {
    const plan = planMerge([{ ...a, comment: 'подмена' }], [a]);
    expect(plan.ok && plan.put).toEqual([]);
  });

  it('refuses a record that changes owner: ids are made once per close', () => {
    const forged = { ...a, owner: BORIS, updatedAt: a.updatedAt + 10 };
    expect(planMerge([forged], [a])).toEqual({
      ok: false,
      problem: { code: 'owner-conflict', params: { id: a.id, local: ANNA.name, file: BORIS.name } },
    });
  });
});

describe('unknownReasons', () => {
  it('lists reason ids (main and secondary) the catalog does not know, once each, sorted', () => {
    const records = [
      makeRecord(ANNA, 1, { reasonId: 'zeta-reason', secondaryReasonIds: ['price', 'alpha-reason'] }),
      makeRecord(ANNA, 2, { reasonId: 'zeta-reason' }),
      makeRecord(ANNA, 3, { reasonId: null }),
    ];
    expect(unknownReasons(records, new Set(['price']))).toEqual(['alpha-reason', 'zeta-reason']);
  });
});
