import { describe, expect, it } from 'vitest';
import { captureOf } from '../../../test/support/records';
import { ALL_CHANGED } from './change-log';
import { openDatabase } from './db';
import { newPendingRecord } from './repository';

const owner = { id: 'me', name: 'Анна' };
let n = 0;
const freshDb = () => openDatabase(`log-${++n}-${Math.random()}`);
const logged = async (db: ReturnType<typeof openDatabase>) => (await db.statsLog.toArray()).flatMap((e) => e.ids);

describe('change log', () => {
  it('logs the id of every add, put and delete, in order, whatever transaction wrote it', async () => {
    const db = freshDb();
    const a = newPendingRecord(captureOf(), owner);
    const b = newPendingRecord(captureOf(), owner);
    await db.rejections.add(a);
    await db.transaction('rw', db.rejections, async () => {
      await db.rejections.put({ ...b, comment: 'x' });
      await db.rejections.update(a.id, { comment: 'edited' });
    });
    await db.rejections.delete(b.id);
    expect(await logged(db)).toEqual([a.id, b.id, a.id, b.id]);
    const seqs = (await db.statsLog.toArray()).map((e) => e.seq!);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  });

  it('logs bulk writes and where-clause deletes by key, and a clear() as "everything changed"', async () => {
    const db = freshDb();
    const records = Array.from({ length: 60 }, () => newPendingRecord(captureOf(), owner));
    await db.rejections.bulkPut(records);
    expect(await db.statsLog.count()).toBe(1); // one row per write call
    expect(await logged(db)).toEqual(records.map((r) => r.id));
    await db.rejections.where('owner.id').equals('me').modify({ comment: 'bulk edit' });
    expect((await logged(db)).slice(60).sort()).toEqual(records.map((r) => r.id).sort());
    await db.rejections.where('status').equals('pending').limit(5).delete();
    expect((await logged(db)).slice(120)).toHaveLength(5);
    await db.rejections.clear();
    expect((await logged(db)).at(-1)).toBe(ALL_CHANGED);
  });

  it('rolls the log back with the write when the transaction fails', async () => {
    const db = freshDb();
    const a = newPendingRecord(captureOf(), owner);
    await expect(
      db.transaction('rw', db.rejections, async () => {
        await db.rejections.add(a);
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await db.rejections.count()).toBe(0);
    expect(await db.statsLog.count()).toBe(0);
  });
});
