import { describe, expect, it } from 'vitest';
import { RejectionSchema } from '../../src/core/rejection';
import { generateRecord, generateRecords } from '../support/generate';

const o = { seed: 7, now: Date.UTC(2026, 10, 20), days: 365, me: 'me' };

describe('generated records', () => {
  it('are valid records, the same for the same seed and index whoever makes them', () => {
    const records = generateRecords({ ...o, offset: 0, count: 2000 });
    for (const r of records) expect(RejectionSchema.safeParse(r).error).toBeUndefined();
    expect(generateRecord(o, 1234)).toEqual(records[1234]);
    expect(generateRecords({ ...o, offset: 1000, count: 5 })).toEqual(records.slice(1000, 1005));
    expect(new Set(records.map((r) => r.id)).size).toBe(2000);
  });

  it('carry what the statistics are about: junk, every state, reopened, short comments, skewed managers', () => {
    const records = generateRecords({ ...o, offset: 0, count: 5000 });
    const share = (p: (r: (typeof records)[number]) => boolean) => records.filter(p).length / records.length;
    expect(share((r) => r.status === 'pending')).toBeGreaterThan(0.02);
    expect(share((r) => r.status === 'follow-up')).toBeGreaterThan(0.005); // soft reasons: outbound only
    expect(share((r) => r.status === 'withdrawn')).toBeGreaterThan(0.01);
    expect(share((r) => r.reopened !== null)).toBeGreaterThan(0.01);
    expect(share((r) => r.comment.length > 0 && r.comment.length < 10)).toBeGreaterThan(0.03);
    const priceOf = (name: string) => {
      const mine = records.filter((r) => r.manager.name === name && r.status === 'tagged');
      return mine.filter((r) => r.reasonId === 'price').length / mine.length;
    };
    expect(priceOf('Олег Смирнов')).toBeGreaterThan(2 * priceOf('Анна Петрова'));
  });
});
