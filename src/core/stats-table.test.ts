import { describe, expect, it } from 'vitest';
import { captureOf } from '../../test/support/records';
import type { Rejection } from './rejection';
import { compacted, DELETED, fillText, fromSnapshot, idsOf, remove, rowsOf, tableOf, toSnapshot, upsert } from './stats-table';
import { newPendingRecord } from './storage/repository';

const rec = (over: Partial<Rejection> = {}): Rejection => ({
  ...newPendingRecord(captureOf(), { id: 'me', name: 'Анна' }),
  status: 'tagged',
  reasonId: 'price',
  comment: 'Дорого для них, бюджет меньше',
  ...over,
});

describe('stats table', () => {
  it('keeps one row per record id, with dictionary-coded dimensions', () => {
    const a = rec();
    const t = tableOf([a, rec({ reasonId: 'spam', manager: { id: '7', name: null } })]);
    expect(t.live).toBe(2);
    expect(t.dicts.reason.keys).toEqual(['', 'price', 'spam']);
    expect(t.dicts.manager.keys).toEqual(['', 'Анна Петрова', '7']);
    upsert(t, { ...a, reasonId: 'other', pipeline: { id: '3', name: 'Продажи (новая)' } });
    expect(t.size).toBe(2);
    expect(t.dicts.reason.keys[t.dims.reason[0]!]).toBe('other');
    expect(t.dicts.pipeline.labels[t.dims.pipeline[0]!]).toBe('Продажи (новая)'); // the latest name
    expect(t.text[0]).toBe('Кондиционер в офис\nДорого для них, бюджет меньше'); // as written: searches match any case
    expect(t.commentLength[0]).toBe(29);
  });

  it('grows past its capacity and compacts deleted rows away', () => {
    const records = Array.from({ length: 3000 }, (_, i) => rec({ detectedAt: 1_800_000_000_000 + i }));
    const t = tableOf(records);
    expect(t.live).toBe(3000);
    for (const r of records.slice(0, 1000)) remove(t, r.id);
    expect(t.status[0]).toBe(DELETED);
    const c = compacted(t);
    expect(c.size).toBe(2000);
    expect(idsOf(c)[0]).toBe(records[1000]!.id);
    expect(rowsOf(c).get(records[2999]!.id)).toBe(1999);
    expect(c.detectedAt[1999]).toBe(1_800_000_000_000 + 2999);
  });

  it('survives a snapshot round trip through structured clone (what IndexedDB stores), its text filled later', () => {
    const t = tableOf([rec(), rec({ status: 'pending', reasonId: null, comment: '' }), rec({ reopened: { at: 1_800_000_000_000, by: 'x', note: '' } })]);
    remove(t, idsOf(t)[1]!);
    const saved = structuredClone(toSnapshot(t, 42));
    const back = fromSnapshot(saved.columns)!;
    expect(back.appliedSeq).toBe(42);
    expect(back.table.live).toBe(2);
    expect(idsOf(back.table)).toEqual([idsOf(t)[0], idsOf(t)[2]]);
    expect(back.table.reopenedAt[1]).toBe(1_800_000_000_000);
    expect(back.table.dicts.reason.index.get('price')).toBe(1);
    expect(back.table.textComplete).toBe(false);
    expect(() => compacted({ ...back.table, live: 1 })).toThrow(/text/);
    // A row written after the load keeps its own text; the others come from the text row.
    upsert(back.table, { ...rec(), id: idsOf(t)[2]!, comment: 'Новый комментарий после загрузки' });
    expect(fillText(back.table, saved.text, 41, 2)).toBe(false); // another log position
    expect(fillText(back.table, saved.text, 42, 2)).toBe(true);
    expect(back.table.text).toEqual([t.text[0], 'Кондиционер в офис\nНовый комментарий после загрузки']);
    expect(back.table.textComplete).toBe(true);
  });

  it('refuses a snapshot that does not hold together', () => {
    const good = toSnapshot(tableOf([rec()]), 1).columns;
    expect(fromSnapshot(null)).toBeNull();
    expect(fromSnapshot({ ...good, version: 2 })).toBeNull();
    expect(fromSnapshot({ ...good, size: 5 })).toBeNull();
    expect(fromSnapshot({ ...good, dims: { ...good.dims, reason: Uint32Array.of(9) } })).toBeNull();
    expect(fromSnapshot({ ...good, ids: 'x' })).toBeNull();
    expect(fromSnapshot({ ...good, reopenedAt: { rows: Uint32Array.of(3), at: Float64Array.of(1) } })).toBeNull();
  });
});
