import { describe, expect, it } from 'vitest';
import { ANNA, BORIS, everyRecord, makeRecord, makeRecords } from '../../../test/support/exchange-data';
import { DEFAULT_CATALOG } from '../catalog';
import { EMPTY_FILTER } from '../filters';
import type { Rejection } from '../rejection';
import { openDatabase, type WhyLostDB } from '../storage/db';
import * as store from './store';

let n = 0;
const freshDb = () => openDatabase(`exchange-${++n}-${Math.random()}`);
/** Every record, rows and packs alike. */
const all = everyRecord;
/** Records stored as rows of `rejections` (this browser's own, or imported under schema v1). */
const asRows = async (db: WhyLostDB, records: Rejection[]) => void (await db.rejections.bulkAdd(records));
/** Records merged as another manager's: kept in packs. */
const asPacks = async (db: WhyLostDB, records: Rejection[]) => expect(await store.mergeRecords(db, records)).toMatchObject({ ok: true });

describe('mergeRecords', () => {
  it('adds, updates by newer updatedAt, and changes nothing on a second import of the same file', async () => {
    const db = freshDb();
    await db.rejections.bulkAdd([makeRecord(ANNA, 0)]);
    const file = [{ ...makeRecord(ANNA, 0), comment: 'уточнение менеджера', updatedAt: makeRecord(ANNA, 0).updatedAt + 5 }, ...makeRecords(ANNA, 2, 1)];
    expect(await store.mergeRecords(db, file)).toEqual({ ok: true, value: { added: 2, updated: 1, unchanged: 0 } });
    const after = await all(db);
    expect(await store.mergeRecords(db, file)).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: 3 } });
    expect(await all(db)).toEqual(after);
    expect(after.find((r) => r.id === file[0]!.id)?.comment).toBe('уточнение менеджера');
  });

  it('writes nothing of a file that is refused half-way (owner conflict on its last record)', async () => {
    const db = freshDb();
    const mine = makeRecord(ANNA, 9);
    await db.rejections.add(mine);
    const file = [...makeRecords(BORIS, 3), { ...mine, owner: BORIS, updatedAt: mine.updatedAt + 1 }];
    const res = await store.mergeRecords(db, file);
    expect(res).toMatchObject({ ok: false, problem: { code: 'owner-conflict' } });
    expect(await all(db)).toEqual([mine]);
  });

  it('rolls the whole file back when the database fails in the middle of writing', async () => {
    const db = freshDb();
    await db.rejections.add(makeRecord(ANNA, 0));
    const bad = { ...makeRecord(ANNA, 2), extra: () => 'not cloneable' } as unknown as Rejection; // the put of this one fails
    const res = await store.mergeRecords(db, [makeRecord(ANNA, 1), bad]);
    expect(res).toMatchObject({ ok: false, problem: { code: 'storage' } });
    expect((await all(db)).map((r) => r.id)).toEqual([makeRecord(ANNA, 0).id]);
  });
});

describe('exportPage', () => {
  it('pages through the records matching the filter, in id order, each once', async () => {
    const db = freshDb();
    await db.rejections.bulkAdd([...makeRecords(ANNA, 2500), ...makeRecords(BORIS, 1700)]);
    const env = { catalog: DEFAULT_CATALOG, me: ANNA.id };
    const seen: string[] = [];
    let after: string | null = null;
    let calls = 0;
    do {
      const page: store.ExportPage = await store.exportPage(db, { filter: { ...EMPTY_FILTER, scope: 'mine' }, after, limit: 1000 }, env);
      seen.push(...page.records.map((r) => r.id));
      expect(page.records.every((r) => r.owner.id === ANNA.id)).toBe(true);
      after = page.next;
      calls++;
    } while (after !== null);
    expect(seen).toEqual(makeRecords(ANNA, 2500).map((r) => r.id).sort());
    expect(calls).toBeLessThan(6);
  });
});

describe('owners', () => {
  for (const [kind, put] of [['stored as rows', asRows], ["Boris's in packs", asPacks]] as const) {
    it(`counts records per owner and removes one owner's records, ${kind}`, async () => {
      const db = freshDb();
      await db.rejections.bulkAdd(makeRecords(ANNA, 5));
      await put(db, makeRecords(BORIS, 3).map((r, i) => (i === 0 ? { ...r, status: 'pending' as const } : r)));
      expect(await store.dataCounts(db, ANNA.id)).toEqual({
        total: 8,
        mine: 5,
        pending: 1,
        owners: [
          { id: ANNA.id, name: ANNA.name, count: 5 },
          { id: BORIS.id, name: BORIS.name, count: 3 },
        ],
      });
      expect(await store.removeOwner(db, BORIS.id)).toBe(3);
      expect((await store.dataCounts(db, ANNA.id)).owners).toEqual([{ id: ANNA.id, name: ANNA.name, count: 5 }]);
      expect((await all(db)).map((r) => r.owner.id)).toEqual(Array(5).fill(ANNA.id));
    });
  }

  it('names an owner by their most recently edited record (the name may have been set later)', async () => {
    const db = freshDb();
    await db.rejections.bulkAdd([
      makeRecord({ ...BORIS, name: '' }, 0, { updatedAt: Date.UTC(2026, 0, 1) }),
      makeRecord({ ...BORIS, name: 'Борис' }, 1, { updatedAt: Date.UTC(2026, 0, 2) }),
      makeRecord({ ...BORIS, name: '' }, 2, { updatedAt: Date.UTC(2026, 0, 3) }),
    ]);
    expect((await store.dataCounts(db, ANNA.id)).owners).toEqual([{ id: BORIS.id, name: 'Борис', count: 3 }]);
  });
});

describe('replaceAll and deleteAll', () => {
  it('replaces every record at once, or keeps the old ones when it fails', async () => {
    const db = freshDb();
    await db.rejections.bulkAdd(makeRecords(ANNA, 3));
    expect(await store.replaceAll(db, makeRecords(BORIS, 2))).toEqual({ ok: true, value: 2 });
    expect((await all(db)).map((r) => r.owner.id)).toEqual([BORIS.id, BORIS.id]);
    const dup = makeRecords(ANNA, 1);
    const res = await store.replaceAll(db, [...dup, ...dup]);
    expect(res).toMatchObject({ ok: false, problem: { code: 'storage' } });
    expect((await all(db)).map((r) => r.owner.id)).toEqual([BORIS.id, BORIS.id]);
    expect(await store.deleteAll(db)).toBe(2);
    expect(await db.rejections.count()).toBe(0);
  });
});
